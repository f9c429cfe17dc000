/* article: one interview or report with faculty, body, references, sponsors, tags, share links, related. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "http/lang.h"
#include "http/changes.h"
#include "http/count.h"
#include "http/response.h"
#include "jobs/media.h"
#include "render/markdown.h"
#include "site/assets.h"
#include "site/handlers.h"
#include "site/languages.h"
#include "site/layout.h"
#include "site/video_page.h"
#include "store/editorial.h"
#include "store/desk.h"

#define RELATED 3

static const char *const audience_label[] = {"article.audience.public", "article.audience.members",
					     "article.audience.hcp", "article.audience.verified_hcp"};

static enum audience audience_of(const char *a)
{
	return strcmp(a, "members") == 0	? AUDIENCE_MEMBERS
	       : strcmp(a, "hcp") == 0		? AUDIENCE_HCP
	       : strcmp(a, "verified_hcp") == 0 ? AUDIENCE_VERIFIED_HCP
						: AUDIENCE_PUBLIC;
}

static void add_people(view *v, const struct article *a)
{
	view *speakers = view_list(v, "faculty"), *interviewers = view_list(v, "interviewers");
	for (size_t i = 0; i < a->npeople; i++) {
		const struct person *p = &a->people[i];
		view *x = view_push(strcmp(p->role, "interviewer") == 0 ? interviewers : speakers);
		view_str(x, "name", p->name);
		view_str(x, "title", p->title);
		view_bool(x, "has_title", p->title[0] != '\0');
		view_str(x, "affiliation", p->affiliation);
		view_str(x, "role", p->role);
	}
	view_bool(v, "has_faculty", view_len(speakers) > 0);
	view_bool(v, "has_interviewers", view_len(interviewers) > 0);
}

static void add_lists(view *v, const struct article *a)
{
	view *refs = view_list(v, "references");
	for (size_t i = 0; i < a->nrefs; i++) {
		view *x = view_push(refs);
		view_str(x, "citation", a->refs[i].citation);
		view_str(x, "abstract_no", a->refs[i].abstract_no);
		view_str(x, "url", a->refs[i].url);
	}
	view_bool(v, "has_references", a->nrefs > 0);
	view *sponsors = view_list(v, "sponsors");
	for (size_t i = 0; i < a->nsponsors; i++) {
		view *x = view_push(sponsors);
		view_str(x, "name", a->sponsors[i].name);
		view_str(x, "url", a->sponsors[i].url);
		view_str(x, "logo", a->sponsors[i].logo);
		view_str(x, "disclosure", a->sponsors[i].disclosure);
	}
	view_bool(v, "has_sponsors", a->nsponsors > 0);
	view *tags = view_list(v, "tags");
	for (size_t i = 0; i < a->ntags; i++) {
		view *x = view_push(tags);
		view_str(x, "name", a->tags[i].name);
		view_str(x, "slug", a->tags[i].slug);
	}
	view_bool(v, "has_tags", a->ntags > 0);
}

static void add_share(view *v, const struct article *a, const char *url)
{
	view *s = view_obj(v, "share");
	view_str(s, "url", url);
	view_str(s, "title", a->title);
}

static const char *article_path(struct request *r, const char *slug)
{
	buf b;
	buf_init(&b, r->pool);
	buf_printf(&b, "/article/%s", slug);
	return buf_cstr(&b);
}

/* The article's language and its translations: the switcher and the hreflang alternates list the languages
 * it exists in, each at its own address, and its canonical address is in its own language. Asked for in a
 * language of the page that the family has, the reader goes to that member (302: a translation may be
 * unpublished later). Returns the canonical address, or NULL when answered. */
static const char *add_family(struct request *r, view *v, view *x, const struct article *a, int preview)
{
	const char *lang = a->lang ? a->lang : ""; /* a preview of a new article has none yet */
	const char *mine = languages_code(r, lang),
		   *canonical = languages_url_of(r, lang, article_path(r, a->slug));
	view_str(x, "content_lang", mine);
	view_bool(x, "foreign", strcmp(mine, req_lang(r)) != 0); /* its words are not the interface's */
	struct translation *ms = NULL;
	size_t n = 0;
	if (a->id && r->site->languages && r->site->languages[0] &&
	    store_article_family(r->w->db, r->pool, r->site->id, a->family_id ? a->family_id : a->id,
				 !preview, &ms, &n) != 0)
		n = 0;
	struct lang_page *pages = h2o_mem_alloc_pool(r->pool, (n + 1) * sizeof *pages);
	size_t np = 0;
	int self = 0;
	for (size_t i = 0; i < n; i++) {
		if (!preview)
			deps_add_article(r, ms[i].id); /* its language and address are on this page */
		if (!preview && strcmp(mine, req_lang(r)) != 0 &&
		    strcmp(languages_code(r, ms[i].lang), req_lang(r)) == 0) {
			resp_redirect(r, 302, article_path(r, ms[i].slug));
			return NULL;
		}
		self |= ms[i].id == a->id;
		pages[np++] = (struct lang_page){ms[i].lang, article_path(r, ms[i].slug)};
	}
	if (!self) /* a preview of a draft, or a site of one language */
		pages[np++] = (struct lang_page){lang, article_path(r, a->slug)};
	languages_view(v, r, pages, np);
	view_str(v, "canonical", canonical);
	view_str(x, "canonical_url", canonical);
	view *others = view_list(x, "translations");
	for (size_t i = 0; i < n; i++)
		if (ms[i].id != a->id) {
			view *t = view_push(others);
			view_str(t, "lang", languages_code(r, ms[i].lang));
			view_str(t, "title", ms[i].title);
			view_str(t, "url", languages_url_of(r, ms[i].lang, article_path(r, ms[i].slug)));
		}
	view_bool(x, "has_translations", view_len(others) > 0);
	return canonical;
}

static void add_related(struct request *r, view *v, const struct article *a)
{
	struct article *rel;
	size_t n;
	view *list = view_list(v, "related");
	if (store_related(r->w->db, r->pool, r->site->id, a, languages_stored(r), RELATED, &rel, &n) == 0) {
		view_card_images(r, rel, n);
		for (size_t i = 0; i < n; i++) {
			view_article_card(r, list, &rel[i]);
			deps_add_article(r, rel[i].id); /* its title and summary are on this page */
		}
	}
	view_bool(v, "has_related", view_len(list) > 0);
}

/* What link previews and search engines read: description, Open Graph image, and the schema.org article
 * (NewsArticle for interviews and news, MedicalScholarlyArticle for congress reports). */
static void add_metadata(struct request *r, view *v, view *x, const struct article *a)
{
	view_str(v, "meta_description", a->summary);
	view_str(v, "og_type", "article");
	const char *root = req_site_url(r, r->site);
	view_str(x, "ld_type", strcmp(a->kind, "report") == 0 ? "MedicalScholarlyArticle" : "NewsArticle");
	view_bool(x, "free", strcmp(a->audience, "public") == 0);
	view_fmt(x, "trial_url", "%strial/%s", root, a->trial.slug);
	if (a->image.id) {
		int ws[MEDIA_MAX_WIDTHS];
		size_t nw = media_widths(a->image.width, ws);
		char path[128];
		media_url(a->image.hash, a->image.kind, ws[nw - 1] > 1280 && nw > 1 ? ws[nw - 2] : ws[nw - 1],
			  path, sizeof path);
		view_fmt(v, "og_image", "%s%s", root, path + 1);
		view_str(v, "og_image_alt", a->image.alt);
		view_fmt(x, "ld_image", "%s%s", root, path + 1);
	}
	/* the faculty are the authors (as the page shows them); the interviewer asks the questions */
	view *authors = view_list(x, "ld_authors"), *last = NULL;
	for (size_t i = 0; i < a->npeople; i++) {
		if (strcmp(a->people[i].role, "interviewer") == 0)
			continue;
		if (last)
			view_bool(last, "more", 1);
		last = view_push(authors);
		view_str(last, "name", a->people[i].name);
		view_str(last, "affiliation", a->people[i].affiliation);
	}
	view *cites = view_list(x, "ld_citations");
	for (size_t i = 0; i < a->nrefs; i++) {
		view *c = view_push(cites);
		view_str(c, "citation", a->refs[i].citation);
		view_str(c, "url", a->refs[i].url);
		view_bool(c, "more", i + 1 < a->nrefs);
	}
}

void article_show(struct request *r, struct article *a, int preview)
{
	view *v = layout_view(r, a->title);
	view_bool(v, "preview", preview);
	view *x = view_obj(v, "article");
	const char *canonical = add_family(r, v, x, a, preview);
	if (!canonical)
		return;
	view_str(x, "title", a->title);
	view_str(x, "summary", a->summary);
	view_picture(x, "image", &a->image, "(max-width: 48rem) 100vw, 48rem");
	view_str(x, "slug", a->slug);
	view_str(x, "kind", a->kind);
	view_bool(x, "is_interview", strcmp(a->kind, "interview") == 0);
	view_str(x, "section_name", a->section.name);
	view_str(x, "section_slug", a->section.slug);
	view_bool(x, "has_congress", a->congress.id != 0);
	view_str(x, "congress_name", a->congress.name);
	view_str(x, "congress_slug", a->congress.slug);
	view_bool(x, "has_trial", a->trial.id != 0);
	view_str(x, "trial_name", a->trial.name);
	view_str(x, "trial_slug", a->trial.slug);
	struct trial_edit t;
	if (a->trial.id && store_trial_by_slug(r->w->db, r->pool, r->site->id, a->trial.slug, &t) == 1) {
		view *c = view_obj(x, "trial_card");
		view_str(c, "registry_id", t.registry_id);
		view_str(c, "phase", t.phase);
		view_str(c, "setting", t.setting);
		view_str(c, "primary_endpoint", t.primary_endpoint);
	}
	view_date(r, x, "date", "date_iso", a->published_at ? a->published_at : store_now());
	view_bool(x, "updated", a->updated_at > a->published_at + 3600 && a->published_at);
	view_date(r, x, "updated_date", "updated_iso", a->updated_at);
	enum audience level = audience_of(a->audience);
	view_bool(x, "gated", !a->body_allowed);
	view_str(x, "audience_label", req_text(r, audience_label[level]));
	view_bool(x, "needs_verification", level == AUDIENCE_VERIFIED_HCP);
	/* what this reader can do about the gate */
	view_bool(x, "gate_anonymous", !r->user);
	view_bool(x, "gate_confirm_email", r->user && !r->user->email_verified);
	view_bool(x, "gate_declare",
		  r->user && r->user->email_verified && level >= AUDIENCE_HCP && r->level < AUDIENCE_HCP);
	view_bool(x, "gate_verify", r->user && r->level == AUDIENCE_HCP && level == AUDIENCE_VERIFIED_HCP);
	if (a->body_allowed) {
		buf md;
		buf_init(&md, r->pool);
		md_render(&md, a->body, strlen(a->body));
		view_html(x, "body_html", md.p ? md.p : "", md.len);
		video_view(r, v, x, a);
	}
	add_people(x, a);
	add_lists(x, a);
	add_metadata(r, v, x, a);
	add_share(v, a, canonical);
	if (!preview) {
		count_set_article(r, a->id); /* its views count for it, from the cache too */
		if (count_enabled(r->app) && a->body_allowed) { /* read and play beacons (static/count.js) */
			view_fmt(x, "count_id", "%lld", (long long)a->id);
			view_str(x, "count_js_url", asset_url(r->app, "count.js"));
		}
		deps_article(r, a->id); /* cached until it, a related article or the structure changes */
		add_related(r, v, a);
	}
	char section_url[256];
	snprintf(section_url, sizeof section_url, "/section/%s", a->section.slug);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), a->section.name, a->title},
		   *urls[] = {"/", section_url, NULL};
	view_breadcrumbs(v, labels, urls, 3);
	resp_page(r, 200, "article", v, !preview);
}

void article_page(struct request *r)
{
	struct article a;
	int found = store_article_by_slug(r->w->db, r->pool, r->site->id, r->params[0], r->level, &a);
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "article.not_found"));
		return;
	}
	req_name_article(r, &a); /* its section, congress and topics in the page's language */
	article_show(r, &a, 0);
}
