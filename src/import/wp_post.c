/* wp_post: a WordPress post becomes an article and a page a static page, with their sections, topics,
 * author, images and the redirects from their old addresses; a second run updates only what changed. */
#include <ctype.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/text.h"
#include "core/zone.h"
#include "http/router.h"
#include "import/html_markdown.h"
#include "import/importer.h"
#include "store/editorial.h"
#include "store/media.h"
#include "store/structure.h"
#include "store/redirects.h"
#include "store/imports.h"

#define MAX_TOPICS 30
#define SUMMARY_CHARS 300
#define SUMMARY_SOURCE 16384

/* What one post is becoming, for the body's hooks. */
struct post {
	struct importer *im;
	const struct wxr_item *it;
	const char *type, *title;
	int failed; /* a hook met a database error */
};

/* ---- small readers ---- */

/* "2023-12-07 09:30:00" as UTC: 1 and *t, 0 when empty or WordPress's zero date. */
static int utc_time(const char *s, int64_t *t)
{
	struct tm tm = {0};
	if (!s || !*s || strncmp(s, "0000", 4) == 0)
		return 0;
	char *end = strptime(s, "%Y-%m-%d %H:%M:%S", &tm);
	if (!end || *end)
		return 0;
	*t = (int64_t)timegm(&tm);
	return 1;
}

/* The post's time: its GMT date, else (a post readers see or will) its local date read on the site's
 * clocks. 0 when it has none: a draft's date is when it was last saved, not when it is to appear. */
static int64_t post_time(const struct wxr_item *it, int dated)
{
	int64_t t = 0;
	if (utc_time(it->post_date_gmt, &t))
		return t;
	if (!dated || !it->post_date || strlen(it->post_date) != 19 || strncmp(it->post_date, "0000", 4) == 0)
		return 0;
	char local[20];
	memcpy(local, it->post_date, 20);
	local[10] = 'T';
	return zone_parse_local(local, &t) == ZONE_OK ? t : 0;
}

const char *old_path(struct importer *im, const char *url)
{
	if (!url || !*url)
		return NULL;
	if (url[0] == '/' && url[1] != '/')
		return url;
	const char *p = strstr(url, "://");
	if (!p)
		return NULL;
	const char *host = p + 3, *slash = host + strcspn(host, "/?#");
	const char *src = strstr(im->source, "://");
	src = src ? src + 3 : im->source;
	size_t srclen = strcspn(src, "/");
	/* the same host, with or without www. */
	if (strncmp(host, "www.", 4) == 0)
		host += 4;
	if (strncmp(src, "www.", 4) == 0)
		src += 4, srclen -= 4;
	if ((size_t)(slash - host) != srclen || strncasecmp(host, src, srclen) != 0)
		return NULL;
	if (!*slash)
		return "/";
	if (*slash == '/')
		return slash;
	char *out = h2o_mem_alloc_pool(&im->pool, strlen(slash) + 2);
	out[0] = '/';
	strcpy(out + 1, slash);
	return out;
}

static const char *meta(const struct wxr_item *it, const char *key)
{
	for (size_t i = 0; i < it->nmeta; i++)
		if (strcmp(it->meta[i].key, key) == 0)
			return it->meta[i].value;
	return NULL;
}

/* The post's slug: its post_name (percent-decoded: WordPress keeps non-ASCII slugs encoded), else its
 * title, else post-ID. */
static const char *post_slug(struct importer *im, const struct wxr_item *it, const char *title)
{
	const char *name = it->post_name ? it->post_name : "";
	const char *decoded = unescape(im, name, strnlen(name, 399));
	char *slug = h2o_mem_alloc_pool(&im->pool, 120);
	if (!decoded)
		decoded = "";
	text_slug(decoded, slug, 100);
	if (!slug[0])
		text_slug(title, slug, 100);
	if (!slug[0])
		snprintf(slug, 120, "post-%lld", (long long)it->post_id);
	return slug;
}

/* A summary from the text: at most SUMMARY_CHARS characters, cut after a sentence when one ends past half
 * of them, else after a word, with an ellipsis. */
static const char *summary_of(struct importer *im, const char *text)
{
	size_t n = strlen(text), bytes = 0, chars = 0;
	while (bytes < n && chars < SUMMARY_CHARS) {
		bytes++;
		while (bytes < n && ((unsigned char)text[bytes] & 0xC0) == 0x80)
			bytes++;
		chars++;
	}
	if (bytes == n)
		return text;
	size_t cut = 0;
	for (size_t i = bytes / 2; i < bytes; i++)
		if ((text[i] == '.' || text[i] == '?' || text[i] == '!') && text[i + 1] == ' ')
			cut = i + 1;
	if (cut)
		return mem_strndup(&im->pool, text, cut);
	while (bytes > 0 && text[bytes] != ' ')
		bytes--;
	buf b;
	buf_init(&b, &im->pool);
	buf_add(&b, text, bytes);
	buf_adds(&b, "…");
	return buf_cstr(&b);
}

static int attachment_done(struct importer *im, const struct import_item *att, int64_t media_id);

/* ---- the body's hooks ---- */

static const char *body_image(void *ctx, const char *src, const char **alt, int64_t attachment_id)
{
	struct post *p = ctx;
	struct importer *im = p->im;
	char file[PATH_MAX];
	const char *why = NULL, *url = NULL;
	const char *where = src && *src ? src : NULL;
	struct import_item att;
	int known = attachment_id ? store_import_item(im->s, &im->pool, im->site->id, im->source,
						      "attachment", attachment_id, &att)
				  : 0;
	if (known < 0) {
		p->failed = 1;
		return NULL;
	}
	if (known) {
		if (!where)
			where = att.wp_key;
		if (!*alt || !**alt)
			*alt = att.detail;
	}
	if (!where) {
		report_item(&im->rep, p->type, p->it->post_id, p->title, 0,
			    "image %lld left out: not in the export", (long long)attachment_id);
		return NULL;
	}
	int64_t id = 0;
	int rc = image_file(im, where, file, sizeof file, &why);
	if (rc == 1)
		rc = image_import(im, file, *alt, &id, &url, &why);
	if (rc < 0 || (rc == 1 && known && attachment_done(im, &att, id) != 0)) {
		p->failed = 1; /* a database error: the item fails after the conversion */
		return NULL;
	}
	if (rc == 0) {
		report_item(&im->rep, p->type, p->it->post_id, p->title, 0, "image %s left out: %s", where,
			    why);
		return NULL;
	}
	return url;
}

static const char *body_link(void *ctx, const char *href)
{
	struct post *p = ctx;
	const char *path = old_path(p->im, href);
	return path ? path : href; /* the old site's own links go through its redirects */
}

static void body_note(void *ctx, const char *what)
{
	struct post *p = ctx;
	report_item(&p->im->rep, p->type, p->it->post_id, p->title, 0, "%s", what);
}

/* ---- sections and topics ---- */

/* A WordPress slug usable as it is, else one made from the name. */
static void term_slug(const char *nicename, const char *name, char *out, size_t n)
{
	int ok = nicename && *nicename && strlen(nicename) < n;
	for (const char *c = nicename; ok && *c; c++)
		ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-';
	if (ok)
		snprintf(out, n, "%s", nicename);
	else
		text_slug(name, out, n);
}

/* A path as the server reads a request's (and keeps a redirect's from): %XX decoded before the query. NULL
 * when an escape would make a NUL or a control character. */
static const char *as_served(struct importer *im, const char *path)
{
	size_t q = strcspn(path, "?");
	const char *decoded = unescape(im, path, q);
	if (!decoded || !path[q])
		return decoded;
	buf b;
	buf_init(&b, &im->pool);
	buf_adds(&b, decoded);
	buf_adds(&b, path + q);
	return buf_cstr(&b);
}

static void add_redirect(struct importer *im, const char *from, const char *to, int again)
{
	if (from)
		from = as_served(im, from);
	if (!from || !*from || strcmp(from, to) == 0 || strlen(from) > REDIRECT_MAX_PATH)
		return;
	/* the server's own addresses (/admin/, /signin/, /media/...) stay its own, whatever the old site had;
	 * but WordPress's tag archives share /tag/ with Plenary's topics, where a name no topic has is free
	 */
	char path[REDIRECT_MAX_PATH + 2];
	size_t n = strcspn(from, "?");
	snprintf(path, sizeof path, "%.*s", (int)n, from);
	while (n > 1 && path[n - 1] == '/')
		path[--n] = '\0';
	if (n > 1 && router_page_path_reserved(path) && strncmp(path, "/tag/", 5) != 0)
		return;
	int64_t id = 0;
	enum save_result rc = store_redirect_put(im->s, im->site->id, from, to, "import", 0, &id);
	if (rc == SAVE_OK)
		report_count(&im->rep, K_REDIRECTS, again ? O_UNCHANGED : O_CREATED);
}

/* The section a category becomes: the one an earlier run made, or the site's of that slug, or a new one.
 * Its old archive's address redirects to it. */
static int64_t category_section(struct importer *im, const char *nicename, const char *name)
{
	struct import_item had;
	int found =
	    store_import_item_by_key(im->s, &im->pool, im->site->id, im->source, "category", nicename, &had);
	if (found < 0)
		return -1;
	struct section_edit sec;
	if (found && strcmp(had.target_kind, "section") == 0 &&
	    store_section_by_id(im->s, &im->pool, im->site->id, had.target_id, &sec) == 1)
		return had.target_id;
	char slug[100];
	term_slug(nicename, name, slug, sizeof slug);
	if (!slug[0])
		snprintf(slug, sizeof slug, "section-%llu",
			 (unsigned long long)(text_hash(name, strlen(name)) % 100000));
	struct section x;
	int64_t id = 0;
	found = store_section_by_slug(im->s, &im->pool, im->site->id, slug, &x);
	if (found < 0)
		return -1;
	if (found) {
		id = x.id;
		report_count(&im->rep, K_SECTIONS, O_UNCHANGED);
	} else {
		struct section_edit e = {.slug = slug, .name = *name ? name : slug, .description = ""};
		const char *taken;
		if (store_section_save(im->s, im->site->id, &e, 0, &id, &taken) != SAVE_OK)
			return -1;
		report_count(&im->rep, K_SECTIONS, O_CREATED);
	}
	struct import_item rec = {.kind = "category",
				  .wp_id = (int64_t)(text_hash(nicename, strlen(nicename)) >> 1),
				  .wp_key = nicename,
				  .target_kind = "section",
				  .target_id = id};
	if (store_import_put(im->s, im->site->id, im->source, &rec) != 0)
		return -1;
	char from[300], to[200];
	snprintf(from, sizeof from, "/category/%s/", nicename);
	snprintf(to, sizeof to, "/section/%s", slug);
	add_redirect(im, from, to, found);
	return id;
}

/* A tag's topic (kind "post_tag"), or a category's that is not a post's first ("category_topic"): named as in
 * WordPress; the first time, its old archive redirects to the new one (unless a section stands for that
 * category already and keeps it). */
static int topic_seen(struct importer *im, const char *kind, const char *nicename, const char *name)
{
	struct import_item had;
	int found =
	    store_import_item_by_key(im->s, &im->pool, im->site->id, im->source, kind, nicename, &had);
	if (found != 0)
		return found;
	report_count(&im->rep, K_TOPICS, O_CREATED);
	struct import_item rec = {.kind = kind,
				  .wp_id = (int64_t)(text_hash(nicename, strlen(nicename)) >> 1),
				  .wp_key = nicename,
				  .target_kind = "tag"};
	if (store_import_put(im->s, im->site->id, im->source, &rec) != 0)
		return -1;
	int tag = strcmp(kind, "post_tag") == 0;
	int section = tag ? 0
			  : store_import_item_by_key(im->s, &im->pool, im->site->id, im->source, "category",
						     nicename, &had);
	if (section < 0)
		return -1;
	char from[300], to[200], slug[100];
	text_slug(name, slug, sizeof slug);
	snprintf(from, sizeof from, "/%s/%s/", tag ? "tag" : "category", nicename);
	snprintf(to, sizeof to, "/tag/%s", slug);
	if (slug[0] && !section)
		add_redirect(im, from, to, 0);
	return 0;
}

/* The old archive of a category or tag the map sends elsewhere (a section, congress or topic) redirects
 * there; once a run, remembered as an "archive" item. 0, or -1. */
static int mapped_archive(struct importer *im, int cat, const char *key, const struct map_entry *m)
{
	char from[300], to[200], slug[100];
	snprintf(from, sizeof from, "/%s/%s/", cat ? "category" : "tag", key);
	if (m->target == MAP_TOPIC) {
		text_slug(m->value, slug, sizeof slug);
		snprintf(to, sizeof to, "/tag/%s", slug);
	} else {
		snprintf(to, sizeof to, "/%s/%s", m->target == MAP_SECTION ? "section" : "congress",
			 m->value);
	}
	struct import_item had;
	int found =
	    store_import_item_by_key(im->s, &im->pool, im->site->id, im->source, "archive", from, &had);
	if (found != 0)
		return found < 0 ? -1 : 0;
	struct import_item rec = {.kind = "archive",
				  .wp_id = (int64_t)(text_hash(from, strlen(from)) >> 1),
				  .wp_key = from,
				  .target_kind = "redirect"};
	if (store_import_put(im->s, im->site->id, im->source, &rec) != 0)
		return -1;
	add_redirect(im, from, to, 0);
	return 0;
}

struct placing {
	int64_t section_id, congress_id;
	const char *topics[MAX_TOPICS];
	size_t ntopics;
};

static void add_topic(struct post *p, struct placing *pl, const char *name)
{
	if (!*name)
		return;
	for (size_t i = 0; i < pl->ntopics; i++)
		if (strcasecmp(pl->topics[i], name) == 0)
			return;
	if (pl->ntopics == MAX_TOPICS) {
		report_item(&p->im->rep, p->type, p->it->post_id, p->title, 0,
			    "topic %s left out: at most %d", name, MAX_TOPICS);
		return;
	}
	pl->topics[pl->ntopics++] = name;
}

/* Where the post's categories and tags put it, as the map says or by default: the first category not mapped
 * elsewhere is its section, the others and the tags its topics. 0, or -1. */
static int place(struct post *p, struct placing *pl)
{
	struct importer *im = p->im;
	memset(pl, 0, sizeof *pl);
	for (size_t i = 0; i < p->it->nterms; i++) {
		const struct wxr_item_term *t = &p->it->terms[i];
		int cat = t->domain && strcmp(t->domain, "category") == 0;
		if (!cat && !(t->domain && strcmp(t->domain, "post_tag") == 0))
			continue; /* post formats and other taxonomies say nothing Plenary keeps */
		const char *key = t->nicename ? t->nicename : "";
		const char *name =
		    wp_plain_text(&im->pool, t->name ? t->name : "", strlen(t->name ? t->name : ""));
		if (!*name) /* a name that was all markup: the slug names it */
			name = key;
		if (!*name)
			continue;
		const struct map_entry *m = map_find(&im->map, cat ? MAP_CATEGORIES : MAP_TAGS, key);
		if (m && m->target == MAP_SKIP)
			continue;
		if (m && *key && mapped_archive(im, cat, key, m) != 0)
			return -1;
		if (m && m->target == MAP_CONGRESS) {
			if (pl->congress_id && pl->congress_id != m->id)
				report_item(&im->rep, p->type, p->it->post_id, p->title, 0,
					    "congress %s not kept: the post has one already", m->value);
			else
				pl->congress_id = m->id;
		} else if (m && m->target == MAP_SECTION) {
			if (!pl->section_id)
				pl->section_id = m->id;
		} else if (m && m->target == MAP_TOPIC) {
			add_topic(p, pl, m->value);
		} else if (cat && !pl->section_id) {
			pl->section_id = category_section(im, key, name);
			if (pl->section_id < 0)
				return -1;
		} else {
			if (topic_seen(im, cat ? "category_topic" : "post_tag", key, name) < 0)
				return -1;
			add_topic(p, pl, name);
		}
	}
	if (!pl->section_id)
		pl->section_id = im->map.section_id ? im->map.section_id
						    : category_section(im, "uncategorized", "Uncategorized");
	return pl->section_id < 0 ? -1 : 0;
}

/* ---- what a post was, to tell whether it changed ---- */

static void fingerprint(struct importer *im, const struct wxr_item *it, char out[33])
{
	crypto_generichash_state h;
	unsigned char sum[16];
	crypto_generichash_init(&h, NULL, 0, sizeof sum);
	const char *fields[] = {it->title,     it->link,	  it->content,	 it->excerpt,
				it->post_date, it->post_date_gmt, it->post_name, it->status,
				it->post_type, it->password,	  it->creator,	 meta(it, "_thumbnail_id")};
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		const char *f = fields[i] ? fields[i] : "";
		crypto_generichash_update(&h, (const unsigned char *)f, strlen(f) + 1);
	}
	for (size_t i = 0; i < it->nterms; i++) {
		const char *parts[] = {it->terms[i].domain, it->terms[i].nicename, it->terms[i].name};
		for (size_t k = 0; k < 3; k++)
			crypto_generichash_update(&h, (const unsigned char *)(parts[k] ? parts[k] : ""),
						  strlen(parts[k] ? parts[k] : "") + 1);
	}
	/* what the run is told besides the file: the map, and whether images can be found */
	uint64_t extra[2] = {im->map.hash, im->uploads[0] ? 1 : 0};
	crypto_generichash_update(&h, (const unsigned char *)extra, sizeof extra);
	crypto_generichash_final(&h, sum, sizeof sum);
	sodium_bin2hex(out, 33, sum, sizeof sum);
}

/* ---- featured images ---- */

static int featured(struct importer *im, int64_t article_id, int64_t attachment_id, int64_t post_id,
		    const char *title)
{
	struct import_item att;
	int found =
	    store_import_item(im->s, &im->pool, im->site->id, im->source, "attachment", attachment_id, &att);
	if (found < 0)
		return -1;
	if (!found) {
		report_item(&im->rep, "post", post_id, title, 0, "featured image %lld is not in the export",
			    (long long)attachment_id);
		return 0;
	}
	char file[PATH_MAX];
	const char *why = NULL, *url;
	int64_t media_id = 0;
	int rc = image_file(im, att.wp_key, file, sizeof file, &why);
	if (rc == 1)
		rc = image_import(im, file, att.detail, &media_id, &url, &why);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		report_item(&im->rep, "post", post_id, title, 0, "featured image %s left out: %s", att.wp_key,
			    why);
		return 0;
	}
	if (media_id && (store_import_set_image(im->s, im->site->id, article_id, media_id) != 0 ||
			 attachment_done(im, &att, media_id) != 0))
		return -1;
	return 0;
}

static int defer_featured(struct importer *im, int64_t article_id, int64_t attachment_id, int64_t post_id)
{
	if (im->npending == im->pending_cap) {
		size_t cap = im->pending_cap ? im->pending_cap * 2 : 256;
		struct pending_image *p = realloc(im->pending, cap * sizeof *p);
		if (!p)
			return -1;
		im->pending = p;
		im->pending_cap = cap;
	}
	im->pending[im->npending++] = (struct pending_image){article_id, attachment_id, post_id};
	return 0;
}

int import_pending_images(struct importer *im)
{
	for (size_t i = 0; i < im->npending; i++) {
		struct pending_image *x = &im->pending[i];
		int rc = featured(im, x->article_id, x->attachment_id, x->post_id, "(featured image)");
		h2o_mem_clear_pool(&im->pool);
		if (rc != 0)
			return -1;
	}
	return 0;
}

int import_attachment(struct importer *im, const struct wxr_item *it)
{
	const char *file = meta(it, "_wp_attached_file");
	if (!file || !*file)
		file = it->attachment_url;
	if (!file || !*file)
		return 0;
	struct import_item had;
	int found =
	    store_import_item(im->s, &im->pool, im->site->id, im->source, "attachment", it->post_id, &had);
	if (found < 0)
		return -1;
	const char *alt = meta(it, "_wp_attachment_image_alt");
	struct import_item x = {.kind = "attachment",
				.wp_id = it->post_id,
				.wp_key = file,
				.target_kind = "media",
				.detail = alt ? wp_plain_text(&im->pool, alt, strlen(alt)) : ""};
	/* the image an earlier run brought in from the same file stays; counted once as unchanged */
	struct media m;
	if (found && had.target_id && strcmp(had.wp_key, file) == 0) {
		int have = store_media_by_id(im->s, &im->pool, im->site->id, had.target_id, &m);
		if (have < 0)
			return -1;
		if (have) {
			x.target_id = had.target_id;
			if (!image_met(im, m.hash))
				report_count(&im->rep, K_IMAGES, O_UNCHANGED);
		}
	}
	return store_import_put(im->s, im->site->id, im->source, &x);
}

/* Records that attachment att became image media_id, so a later run knows it. 0, or -1. */
static int attachment_done(struct importer *im, const struct import_item *att, int64_t media_id)
{
	if (!media_id || att->target_id == media_id)
		return 0;
	struct import_item x = *att;
	x.target_id = media_id;
	return store_import_put(im->s, im->site->id, im->source, &x);
}

/* ---- posts ---- */

/* The article's status, or NULL when the post is not imported (why says so); *note when it changed. */
static const char *article_status(const struct wxr_item *it, const char **why, const char **note)
{
	const char *st = it->status ? it->status : "";
	*note = NULL;
	if (strcmp(st, "trash") == 0)
		return *why = "in the trash", NULL;
	if (strcmp(st, "auto-draft") == 0 || strcmp(st, "inherit") == 0)
		return *why = "an unsaved draft", NULL;
	if (it->password && *it->password && (strcmp(st, "publish") == 0 || strcmp(st, "future") == 0))
		return *note = "password-protected in WordPress: imported as a draft (choose its audience)",
		       "draft";
	if (strcmp(st, "publish") == 0)
		return "published";
	if (strcmp(st, "future") == 0)
		return "scheduled";
	if (strcmp(st, "pending") == 0)
		return "review";
	if (strcmp(st, "private") == 0)
		return *note = "private in WordPress: imported as a draft", "draft";
	if (strcmp(st, "draft") == 0)
		return "draft";
	return *why = "its status is unknown", NULL;
}

/* The item's body as Markdown through the hooks: 1, or 0 when it is over the limits (the item skipped and
 * counted as kind), or -1 on a database error in a hook. */
static int convert_body(struct post *p, enum import_kind kind, struct wp_body *body)
{
	struct importer *im = p->im;
	const char *content = p->it->content ? p->it->content : "";
	struct wp_body_hooks hooks = {.ctx = p, .image = body_image, .link = body_link, .note = body_note};
	int over = wp_body_markdown(&im->pool, content, strlen(content), &hooks, body) != 0;
	if (p->failed)
		return -1;
	if (over) {
		report_count(&im->rep, kind, O_SKIPPED);
		report_item(&im->rep, p->type, p->it->post_id, p->title, 1, "its body is over the limits");
		return 0;
	}
	return 1;
}

static int save_article(struct post *p, const struct import_item *had, int64_t revision, const char *status)
{
	struct importer *im = p->im;
	const struct wxr_item *it = p->it;
	const char *content = it->content ? it->content : "";
	struct wp_body body;
	int converted = convert_body(p, K_ARTICLES, &body);
	if (converted <= 0)
		return converted;
	const char *excerpt = it->excerpt ? wp_plain_text(&im->pool, it->excerpt, strlen(it->excerpt)) : "";
	/* no excerpt: the body's first sentences (its first 16 KiB hold far more than a summary takes) */
	size_t head = strlen(content) < SUMMARY_SOURCE ? strlen(content) : SUMMARY_SOURCE;
	const char *summary =
	    *excerpt ? summary_of(im, excerpt) : summary_of(im, wp_plain_text(&im->pool, content, head));
	struct placing pl;
	if (place(p, &pl) != 0)
		return -1;
	int64_t user_id = 0, person_id = 0;
	if (author_target(im, it->creator, &user_id, &person_id) < 0)
		return -1;
	int64_t published =
	    post_time(it, strcmp(status, "published") == 0 || strcmp(status, "scheduled") == 0);
	if (strcmp(status, "scheduled") == 0 && published <= store_now()) {
		report_item(&im->rep, "post", it->post_id, p->title, 0,
			    "scheduled for a time past: published");
		status = "published";
	}
	const char *base = post_slug(im, it, p->title);
	struct article_edit e = {.id = had ? had->target_id : 0,
				 .site_id = im->site->id,
				 .expected_revision = revision,
				 .title = p->title,
				 .summary = summary,
				 .body = body.markdown,
				 .kind = im->map.kind,
				 .status = status,
				 .audience = im->map.audience,
				 .video_url = body.video_url,
				 .section_id = pl.section_id,
				 .congress_id = pl.congress_id,
				 .published_at = published,
				 .tags = pl.topics,
				 .ntags = pl.ntopics,
				 .interviewer = person_id,
				 .byline_role = person_id ? "author" : NULL};
	int64_t id = 0;
	enum save_result rc = SAVE_SLUG_TAKEN;
	char slug[140];
	for (int i = 1; i <= 50 && rc == SAVE_SLUG_TAKEN; i++) {
		snprintf(slug, sizeof slug, i == 1 ? "%s" : "%s-%d", base, i);
		e.slug = slug;
		rc = store_article_save(im->s, &e, user_id, &id);
	}
	if (rc == SAVE_SLUG_TAKEN || rc == SAVE_CONFLICT || rc == SAVE_NOT_FOUND) {
		report_count(&im->rep, K_ARTICLES, O_SKIPPED);
		report_item(&im->rep, "post", it->post_id, p->title, 1,
			    rc == SAVE_SLUG_TAKEN ? "no free slug" : "it changed while importing");
		return 0;
	}
	if (rc != SAVE_OK)
		return -1;
	if (strcmp(slug, base) != 0)
		report_item(&im->rep, "post", it->post_id, p->title, 0, "slug %s was taken: it is %s", base,
			    slug);
	report_count(&im->rep, K_ARTICLES, had ? O_UPDATED : O_CREATED);
	int64_t rev = 0;
	if (store_article_revision_no(im->s, im->site->id, id, &rev) != 1)
		return -1;
	/* the old addresses of what readers can see, now or when its time comes */
	if (strcmp(status, "published") == 0 || strcmp(status, "scheduled") == 0) {
		char to[200], plain[48];
		snprintf(to, sizeof to, "/article/%s", slug);
		add_redirect(im, old_path(im, it->link), to, had != NULL);
		snprintf(plain, sizeof plain, "/?p=%lld", (long long)it->post_id);
		add_redirect(im, plain, to, had != NULL);
	}
	const char *thumb = meta(it, "_thumbnail_id");
	int64_t att = thumb ? strtoll(thumb, NULL, 10) : 0;
	if (att > 0) {
		struct import_item a;
		int known =
		    store_import_item(im->s, &im->pool, im->site->id, im->source, "attachment", att, &a);
		if (known < 0 || (known ? featured(im, id, att, it->post_id, p->title)
					: defer_featured(im, id, att, it->post_id)) != 0)
			return -1;
	}
	char fp[33];
	fingerprint(im, it, fp);
	struct import_item x = {.kind = "post",
				.wp_id = it->post_id,
				.wp_key = it->guid ? it->guid : "",
				.target_kind = "article",
				.target_id = id,
				.fingerprint = fp,
				.revision_no = rev};
	return store_import_put(im->s, im->site->id, im->source, &x);
}

/* ---- pages ---- */

/* The path a page takes: its old one when Plenary allows it and it is free, else /page-SLUG. */
static const char *page_path(struct post *p, int64_t page_id)
{
	struct importer *im = p->im;
	const char *old = old_path(im, p->it->link);
	char *path = h2o_mem_alloc_pool(&im->pool, 300);
	size_t n = old ? strcspn(old, "?#") : 0;
	snprintf(path, 300, "%.*s", (int)(n < 290 ? n : 0), old ? old : "");
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		path[--len] = '\0';
	const char *why = NULL;
	struct page there;
	int taken = 0;
	if (!text_page_path_ok(path))
		why = "its address has characters Plenary's page addresses do not use";
	else if (router_page_path_reserved(path))
		why = "the server uses its address";
	else if ((taken = store_page_by_path(im->s, &im->pool, im->site->id, path, &there)) == 1 &&
		 there.id != page_id)
		why = "another page has its address";
	if (taken < 0)
		return NULL;
	if (!why)
		return path;
	/* /page-SLUG, or the first of /page-SLUG-2, -3... no other page has */
	const char *slug = post_slug(im, p->it, p->title);
	for (int i = 1; i <= 50; i++) {
		snprintf(path, 300, i == 1 ? "/page-%s" : "/page-%s-%d", slug, i);
		taken = store_page_by_path(im->s, &im->pool, im->site->id, path, &there);
		if (taken < 0)
			return NULL;
		if (!taken || there.id == page_id)
			break;
	}
	report_item(&im->rep, "page", p->it->post_id, p->title, 0, "%s: it is at %s", why, path);
	return path;
}

static int save_page(struct post *p, const struct import_item *had)
{
	struct importer *im = p->im;
	const struct wxr_item *it = p->it;
	struct wp_body body;
	int converted = convert_body(p, K_PAGES, &body);
	if (converted <= 0)
		return converted;
	int64_t page_id = had ? had->target_id : 0;
	const char *path = page_path(p, page_id);
	if (!path)
		return -1;
	const char *md = body.markdown;
	if (body.video_url[0]) { /* a page has no video of its own: the link stays in its text */
		buf b;
		buf_init(&b, &im->pool);
		buf_printf(&b, "%s\n\n<%s>\n", md, body.video_url);
		md = buf_cstr(&b);
	}
	struct page x = {.id = page_id, .path = path, .title = p->title, .body = md};
	int64_t id = 0;
	const char *taken;
	enum save_result rc = store_page_save(im->s, im->site->id, &x, 0, &id, &taken);
	if (rc == SAVE_SLUG_TAKEN || rc == SAVE_NOT_FOUND) {
		report_count(&im->rep, K_PAGES, O_SKIPPED);
		report_item(&im->rep, "page", it->post_id, p->title, 1, "its address %s is taken", path);
		return 0;
	}
	if (rc != SAVE_OK)
		return -1;
	report_count(&im->rep, K_PAGES, had ? O_UPDATED : O_CREATED);
	char plain[48];
	add_redirect(im, old_path(im, it->link), path, had != NULL);
	snprintf(plain, sizeof plain, "/?page_id=%lld", (long long)it->post_id);
	add_redirect(im, plain, path, had != NULL);
	char fp[33];
	fingerprint(im, it, fp);
	struct import_item rec = {.kind = "page",
				  .wp_id = it->post_id,
				  .wp_key = it->guid ? it->guid : "",
				  .target_kind = "page",
				  .target_id = id,
				  .fingerprint = fp};
	return store_import_put(im->s, im->site->id, im->source, &rec);
}

int import_post(struct importer *im, const struct wxr_item *it)
{
	int is_page = strcmp(it->post_type, "page") == 0;
	const char *type = is_page ? "page" : "post";
	enum import_kind kind = is_page ? K_PAGES : K_ARTICLES;
	const char *title =
	    wp_plain_text(&im->pool, it->title ? it->title : "", strlen(it->title ? it->title : ""));
	if (!*title) {
		char *t = h2o_mem_alloc_pool(&im->pool, 48);
		snprintf(t, 48, "Untitled %s %lld", type, (long long)it->post_id);
		title = t;
	}
	struct post p = {im, it, type, title, 0};
	const char *why = NULL, *note = NULL, *status = article_status(it, &why, &note);
	if (is_page && status && strcmp(status, "published") != 0) {
		status = NULL;
		why = "not published: Plenary's pages are public as soon as they exist";
	}
	if (!status) {
		report_count(&im->rep, kind, O_SKIPPED);
		report_item(&im->rep, type, it->post_id, title, 1, "%s", why);
		return 0;
	}
	struct import_item had;
	int found = store_import_item(im->s, &im->pool, im->site->id, im->source, type, it->post_id, &had);
	if (found == 0 && it->guid && *it->guid)
		found = store_import_item_by_key(im->s, &im->pool, im->site->id, im->source, type, it->guid,
						 &had);
	if (found < 0)
		return -1;
	int64_t revision = 0;
	if (found && had.target_id) {
		int exists;
		if (is_page) {
			struct page pg;
			exists = store_page_by_id(im->s, &im->pool, im->site->id, had.target_id, &pg);
		} else {
			exists = store_article_revision_no(im->s, im->site->id, had.target_id, &revision);
		}
		if (exists < 0)
			return -1;
		char fp[33];
		fingerprint(im, it, fp);
		const char *skip = !exists ? "deleted in Plenary since the last import"
				   : !is_page && revision != had.revision_no
				       ? "changed in Plenary since the last import: kept as it is"
				       : NULL;
		if (skip || strcmp(fp, had.fingerprint) == 0) {
			report_count(&im->rep, kind, skip ? O_SKIPPED : O_UNCHANGED);
			if (skip)
				report_item(&im->rep, type, it->post_id, title, 1, "%s", skip);
			return 0;
		}
	}
	if (note)
		report_item(&im->rep, type, it->post_id, title, 0, "%s", note);
	const struct import_item *prev = found && had.target_id ? &had : NULL;
	return is_page ? save_page(&p, prev) : save_article(&p, prev, revision, status);
}
