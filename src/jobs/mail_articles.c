/* mail_articles: each article read once per level with the article page's own gated read, then viewed. */
#include "jobs/mail_articles.h"

#include <string.h>

#include "core/buf.h"
#include "render/markdown.h"
#include "store/names.h"

#define LEVELS 4
/* languages whose names a set keeps (a batch's readers read few) */
#define NAME_LANGS 4

/* One article as one level sees it. */
struct shown {
	int state; /* 0 not read yet, 1 visible, -1 not visible (or unreadable) */
	struct article a;
	const char *body_html; /* rendered once, when the body is allowed */
	size_t body_len;
};

struct mail_articles {
	h2o_mem_pool_t *pool;
	store *s;
	int64_t site_id;
	const char *site_url;
	struct article *cards; /* the listed ones (n), then the members of their families (nmembers) */
	size_t n, nmembers;
	const int64_t *listed; /* the listed card each member stands for (mail_articles_members) */
	const char *site_lang; /* the site's default language (mail_articles_site_language) */
	const char *pick;      /* the members' language the fills show, NULL: theirs (mail_articles_pick) */
	struct shown *at[LEVELS];     /* [level][card] */
	int teasers;		      /* bodies left out (mail_articles_teasers) */
	const struct mail_lang *lang; /* the words and dates of the fills (mail_articles_lang) */
	struct {
		const char *lang;
		struct name_set set;
	} names[NAME_LANGS]; /* translated names, read once per language (mail_articles_name) */
	size_t nnames;
};

/* the language of a set until mail_articles_lang: no catalogs, so the fills show the keys */
static const struct mail_lang no_lang = {.lang = ""};

void mail_markdown(buf *out, const char *markdown, const char *site_url)
{
	buf html;
	buf_init(&html, out->pool);
	md_render(&html, markdown, strlen(markdown));
	/* md_render writes every link and image as href="..." or src="..." (quoted, '"' escaped): one that
	 * starts with a single '/' is a path of the site */
	const char *p = html.p ? buf_cstr(&html) : "";
	for (;;) {
		const char *href = strstr(p, " href=\"/"), *src = strstr(p, " src=\"/");
		const char *at = !href ? src : !src ? href : href < src ? href : src;
		if (!at)
			break;
		size_t attr = at == href ? 7 : 6; /* up to and with the quote */
		buf_add(out, p, (size_t)(at - p) + attr);
		p = at + attr;	   /* the '/' */
		if (p[1] != '/') { /* "//host/..." names another host: kept as it is */
			buf_adds(out, site_url);
			p++; /* site_url ends in '/' */
		}
	}
	buf_adds(out, p);
}

struct mail_articles *mail_articles_new(h2o_mem_pool_t *pool, store *s, int64_t site_id, const char *site_url,
					const struct article *cards, size_t n)
{
	struct mail_articles *m = h2o_mem_alloc_pool(pool, sizeof *m);
	memset(m, 0, sizeof *m);
	m->pool = pool;
	m->s = s;
	m->site_id = site_id;
	m->site_url = site_url;
	m->lang = &no_lang;
	m->n = n;
	m->cards = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof *cards);
	if (n)
		memcpy(m->cards, cards, n * sizeof *cards);
	for (int l = 0; l < LEVELS; l++) {
		m->at[l] = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof **m->at);
		memset(m->at[l], 0, (n ? n : 1) * sizeof **m->at);
	}
	return m;
}

void mail_articles_members(struct mail_articles *m, const int64_t *listed, const struct article *members,
			   size_t n)
{
	struct article *cards = h2o_mem_alloc_pool(m->pool, (m->n + n ? m->n + n : 1) * sizeof *cards);
	if (m->n)
		memcpy(cards, m->cards, m->n * sizeof *cards);
	if (n)
		memcpy(cards + m->n, members, n * sizeof *cards);
	m->cards = cards;
	m->nmembers = n;
	int64_t *ids = h2o_mem_alloc_pool(m->pool, (n ? n : 1) * sizeof *ids);
	if (n)
		memcpy(ids, listed, n * sizeof *ids);
	m->listed = ids;
	for (int l = 0; l < LEVELS; l++) {
		struct shown *at = h2o_mem_alloc_pool(m->pool, (m->n + n ? m->n + n : 1) * sizeof *at);
		memset(at, 0, (m->n + n ? m->n + n : 1) * sizeof *at);
		if (m->n)
			memcpy(at, m->at[l], m->n * sizeof *at);
		m->at[l] = at;
	}
}

void mail_articles_pick(struct mail_articles *m, const char *lang)
{
	m->pick = lang;
}

const char *mail_articles_member_lang(const struct mail_articles *m, size_t i)
{
	for (size_t j = 0, seen = 0; j < m->nmembers; j++) {
		const char *lang = m->cards[m->n + j].lang;
		size_t k = 0;
		while (k < j && strcmp(m->cards[m->n + k].lang, lang) != 0)
			k++;
		if (k == j && seen++ == i)
			return lang;
	}
	return NULL;
}

void mail_articles_site_language(struct mail_articles *m, const char *lang)
{
	m->site_lang = lang && lang[0] ? mem_strndup(m->pool, lang, strlen(lang)) : NULL;
}

/* The article of card i as level sees it: NULL when not visible; *err on a database error. */
static struct shown *shown_at(struct mail_articles *m, enum audience level, size_t i, int *err)
{
	struct shown *x = &m->at[level][i];
	if (x->state == 0) {
		int rc = store_article_by_slug(m->s, m->pool, m->site_id, m->cards[i].slug, level, &x->a);
		if (rc < 0) {
			*err = 1;
			return NULL;
		}
		x->state = rc == 1 ? 1 : -1;
		if (rc == 1 && x->a.body_allowed) {
			buf md;
			buf_init(&md, m->pool);
			mail_markdown(&md, x->a.body, m->site_url);
			x->body_html = md.p ? md.p : "";
			x->body_len = md.len;
		}
	}
	return x->state == 1 ? x : NULL;
}

/* Of the family of listed card i, the member in the fills' language as level sees it: NULL when there is
 * none or it is not visible (the listed one goes instead); *err on a database error. */
static struct shown *member_at(struct mail_articles *m, enum audience level, size_t i, int *err)
{
	const char *lang = m->pick ? m->pick : m->lang->lang;
	if (!lang || !lang[0])
		return NULL;
	for (size_t j = 0; j < m->nmembers; j++) {
		const struct article *c = &m->cards[m->n + j];
		if (m->listed[j] == m->cards[i].id && c->lang && strcmp(c->lang, lang) == 0)
			return shown_at(m, level, m->n + j, err);
	}
	return NULL;
}

/* "interview", "report" or "news": the catalog's names of kinds (mail.articles.kind.KIND) */
static const char *kind_of(const char *kind)
{
	return strcmp(kind, "interview") == 0 ? "interview" : strcmp(kind, "report") == 0 ? "report" : "news";
}

static const char *const audience_keys[] = {"mail.articles.audience.public", "mail.articles.audience.members",
					    "mail.articles.audience.hcp",
					    "mail.articles.audience.verified_hcp"};

static enum audience audience_of(const char *a)
{
	return strcmp(a, "members") == 0	? AUDIENCE_MEMBERS
	       : strcmp(a, "hcp") == 0		? AUDIENCE_HCP
	       : strcmp(a, "verified_hcp") == 0 ? AUDIENCE_VERIFIED_HCP
						: AUDIENCE_PUBLIC;
}

void mail_articles_teasers(struct mail_articles *m, int on)
{
	m->teasers = on;
}

void mail_articles_lang(struct mail_articles *m, const struct mail_lang *l)
{
	m->lang = l;
}

const char *mail_articles_name(struct mail_articles *m, const char *kind, int64_t id, const char *field,
			       const char *fallback)
{
	const char *lang = m->lang->lang;
	if (!lang || !lang[0])
		return fallback;
	for (size_t i = 0; i < m->nnames; i++)
		if (strcmp(m->names[i].lang, lang) == 0)
			return store_name_find(&m->names[i].set, kind, id, field, fallback);
	if (m->nnames == NAME_LANGS)
		return fallback;
	size_t i = m->nnames++;
	m->names[i].lang = mem_strndup(m->pool, lang, strlen(lang));
	if (store_names(m->s, m->pool, lang, &m->names[i].set) != 0)
		m->names[i].set = (struct name_set){NULL, 0}; /* the names as kept: a mail still goes */
	return store_name_find(&m->names[i].set, kind, id, field, fallback);
}

static void view_item_of(struct mail_articles *m, view *item, const struct shown *x)
{
	const struct article *a = &x->a;
	const struct mail_lang *l = m->lang;
	char key[64];
	view_str(item, "title", a->title);
	/* an article in another language than the site's is at its language's address; ?via=mail counts the
	 * click as a mail's (count.h) */
	if (a->lang && a->lang[0] && m->site_lang && strcmp(a->lang, m->site_lang) != 0)
		view_fmt(item, "url", "%s%s/article/%s?via=mail", m->site_url, a->lang, a->slug);
	else
		view_fmt(item, "url", "%sarticle/%s?via=mail", m->site_url, a->slug);
	view_str(item, "summary", a->summary);
	view_str(item, "kind", a->kind);
	snprintf(key, sizeof key, "mail.articles.kind.%s", kind_of(a->kind));
	view_str(item, "kind_label", mail_text(l, key));
	view_str(item, "section", mail_articles_name(m, "section", a->section.id, "name", a->section.name));
	view_str(item, "congress",
		 a->congress.id ? mail_articles_name(m, "congress", a->congress.id, "name", a->congress.name)
				: "");
	view_str(item, "date", mail_date(l, m->pool, a->published_at));
	if (a->body_allowed && m->teasers) {
		view_bool(item, "teaser", 1);
	} else if (a->body_allowed) {
		view_bool(item, "full", 1);
		view_html(item, "body_html", x->body_html, x->body_len);
		view_str(item, "body_text", a->body);
	} else {
		view_bool(item, "gated", 1);
		view_str(item, "audience_label", mail_text(l, audience_keys[audience_of(a->audience)]));
	}
}

long mail_articles_fill(struct mail_articles *m, enum audience level, const int64_t *ids, size_t n, view *v)
{
	if ((int)level < 0 || level >= LEVELS)
		level = AUDIENCE_PUBLIC;
	view *list = view_list(v, "articles");
	long count = 0;
	const struct article *first = NULL;
	int same_kind = 1, same_section = 1, same_congress = 1, err = 0;
	size_t total = ids ? n : m->n;
	for (size_t k = 0; k < total; k++) {
		size_t i = k;
		if (ids) { /* the card of this id: sets are small (a batch, a week, a newsletter) */
			for (i = 0; i < m->n && m->cards[i].id != ids[k]; i++)
				;
			if (i == m->n)
				continue;
		}
		const struct shown *x = member_at(m, level, i, &err);
		if (!x && !err)
			x = shown_at(m, level, i, &err);
		if (err)
			return -1;
		if (!x)
			continue;
		view_item_of(m, view_push(list), x);
		if (!first) {
			first = &x->a;
		} else {
			same_kind &= strcmp(first->kind, x->a.kind) == 0;
			same_section &= first->section.id == x->a.section.id;
			same_congress &= first->congress.id == x->a.congress.id;
		}
		count++;
	}
	view_int(v, "count", count);
	if (!count)
		return 0;
	const struct mail_lang *l = m->lang;
	h2o_mem_pool_t *pool = view_pool(v);
	char key[64];
	snprintf(key, sizeof key, "mail.articles.new.%s", same_kind ? kind_of(first->kind) : "article");
	const char *articles = mail_plural(l, pool, key, count, NULL);
	const char *congress =
	    same_congress && first->congress.id
		? mail_articles_name(m, "congress", first->congress.id, "name", first->congress.name)
		: NULL;
	const char *section =
	    same_section ? mail_articles_name(m, "section", first->section.id, "name", first->section.name)
			 : NULL;
	if (congress)
		view_str(v, "congress", congress);
	if (section)
		view_str(v, "section", section);
	const char *headline = articles;
	if (section)
		headline = mail_textf(l, pool, "mail.articles.headline_section", "articles", headline,
				      "section", section, NULL);
	if (congress)
		headline = mail_textf(l, pool, "mail.articles.headline_congress", "congress", congress,
				      "articles", headline, NULL);
	view_str(v, "headline", headline);
	return count;
}
