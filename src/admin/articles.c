/* articles: the back office's article editor (with preview), saving with conflicts, and revisions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin/articles.h"
#include "admin/presence.h"
#include "admin/when.h"
#include "core/buf.h"
#include "core/text.h"
#include "core/zone.h"
#include "http/changes.h"
#include "http/policy.h"
#include "http/response.h"
#include "jobs/media.h"
#include "site/accounts.h"
#include "site/assets.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/accounts.h"
#include "store/editorial.h"
#include "store/desk.h"
#include "store/media.h"

#define ADMIN_PAGE 25
#define MAX_SPEAKERS 10
#define MAX_SPONSORS 10
#define MAX_TAGS 20
#define MAX_REFS 30

static const char *const statuses[] = {"draft", "review", "scheduled", "published", "archived"};
static const char *const audiences[] = {"public", "members", "hcp", "verified_hcp"};
static const char *const kinds[] = {"interview", "report", "news"};
/* the one person an article is by: asked the questions, or wrote it */
static const char *const bylines[] = {"interviewer", "author"};

/* Contributors write drafts and send them for review; editors and admins publish (a workflow rule on the
 * article's status, not on who may open a page: that is the route table's, src/site/routes.c) */
static int is_editor(const struct user *u)
{
	return policy_role_at_least(u, ROLE_EDITOR);
}

static int64_t param_id(const char *s);

int64_t admin_id(struct request *r)
{
	int64_t id = r->nparams ? param_id(r->params[0]) : 0;
	return id > 0 ? id : -1;
}

int admin_direction(struct request *r, const char *what)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return 0;
	const char *d = form_get(&f, "direction");
	int dir = !d ? 0 : strcmp(d, "up") == 0 ? -1 : strcmp(d, "down") == 0 ? 1 : 0;
	if (!dir)
		resp_error(r, 400, req_text(r, what));
	return dir;
}

static int64_t param_id(const char *s)
{
	char *end;
	long long v = s ? strtoll(s, &end, 10) : 0;
	return s && *s && !*end && v > 0 ? v : 0;
}

static int in_list(const char *v, const char *const *list, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		if (strcmp(v, list[i]) == 0)
			return 1;
	return 0;
}

const char *admin_value_label(struct request *r, const char *what, const char *value)
{
	char key[96];
	snprintf(key, sizeof key, "admin.value.%s.%s", what, value);
	const char *text = req_text(r, key);
	return text == key ? value : text;
}

/* The options of a drop-down (what: the kind of value, for its labels). */
static void add_choices(struct request *r, view *v, const char *name, const char *what,
			const char *const *list, size_t n, const char *selected, const char *const *allowed,
			size_t nallowed)
{
	view *l = view_list(v, name);
	int shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (allowed && !in_list(list[i], allowed, nallowed))
			continue;
		view *x = view_push(l);
		view_str(x, "value", list[i]);
		view_str(x, "label", admin_value_label(r, what, list[i]));
		view_bool(x, "selected", selected && strcmp(selected, list[i]) == 0);
		shown += selected && strcmp(selected, list[i]) == 0;
	}
	if (selected && selected[0] && !shown) { /* the stored value, even one no longer offered */
		view *x = view_push(l);
		view_str(x, "value", selected);
		view_str(x, "label", admin_value_label(r, what, selected));
		view_bool(x, "selected", 1);
	}
}

/* ---- the editor ---- */

/* The values the form shows: from a saved article, or from what was just submitted. */
struct edit_values {
	int64_t id, revision, section, congress, trial, interviewer, image;
	/* the time published shows (0: none); a stored one is kept while the field is unchanged */
	int64_t published_at;
	const char *title, *slug, *summary, *body, *kind, *status, *audience, *video_url, *published, *tags,
	    *references, *byline;
	const char *lang; /* the language's code ("en" for the site's default too) */
	const char *speakers[MAX_SPEAKERS];
	size_t nspeakers;
	const char *sponsors[MAX_SPONSORS];
	size_t nsponsors;
	const struct person *others; /* people in roles the form does not edit: kept as they are */
	size_t nothers;
	const struct autosave *offer; /* an autosave of this form newer than what it shows, to restore */
};

static int listed(const char *const *ids, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (param_id(ids[i]) == id)
			return 1;
	return 0;
}

static void add_named(struct request *r, view *v, const char *name, struct named *xs, size_t n,
		      const char *const *chosen, size_t nchosen, int64_t one)
{
	view *l = view_list(v, name);
	/* a multiple choice lists the chosen first, in their order: a browser sends them in the list's */
	for (size_t c = 0; !one && c < nchosen; c++)
		for (size_t i = 0; i < n; i++)
			if (xs[i].id == param_id(chosen[c])) {
				view *x = view_push(l);
				view_int(x, "id", (long long)xs[i].id);
				view_str(x, "name", xs[i].name);
				view_str(x, "detail", xs[i].detail);
				view_bool(x, "selected", 1);
			}
	for (size_t i = 0; i < n; i++) {
		if (!one && listed(chosen, nchosen, xs[i].id))
			continue;
		view *x = view_push(l);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "name", xs[i].name);
		view_str(x, "detail", xs[i].detail);
		view_bool(x, "selected", one && xs[i].id == one);
	}
	(void)r;
}

/* One image of the library on the editor: for the featured-image menu, and for the toolbar's picker the
 * address of a middle-sized rendition (as the public pages' fallback) and of the smallest. */
static void push_image(view *l, const struct media *m, int selected)
{
	view *x = view_push(l);
	view_int(x, "id", (long long)m->id);
	view_str(x, "alt", m->alt);
	view_int(x, "width", (long long)m->width);
	view_int(x, "height", (long long)m->height);
	view_bool(x, "selected", selected);
	int ws[MEDIA_MAX_WIDTHS];
	size_t nw = media_widths(m->width, ws), mid = 0;
	for (size_t i = 0; i < nw; i++)
		if (ws[i] <= 960)
			mid = i;
	char url[128];
	media_url(m->hash, m->kind, ws[mid], url, sizeof url);
	view_str(x, "src", url);
	media_url(m->hash, m->kind, ws[0], url, sizeof url);
	view_str(x, "thumb", url);
	view_int(x, "thumb_height", m->width > 0 ? (long long)(m->height * 128 / m->width) : 128);
}

/* The featured-image choice: the site's newest images by alt text, and the chosen one even when older. */
static void add_images(struct request *r, view *f, int64_t chosen)
{
	struct media *ms;
	size_t n, total, found = 0;
	view *l = view_list(f, "images");
	if (store_media_list(r->w->db, r->pool, r->site->id, 0, 300, &ms, &n, &total) != 0)
		n = 0;
	for (size_t i = 0; i < n; i++) {
		push_image(l, &ms[i], ms[i].id == chosen);
		found += ms[i].id == chosen;
	}
	struct media m;
	if (chosen && !found && store_media_by_id(r->w->db, r->pool, r->site->id, chosen, &m) == 1)
		push_image(l, &m, 1);
	view_bool(f, "has_images", view_len(l) > 0);
}

/* An autosave's time as the editor reads it: "14:05 UTC", with the date in "iso". */
static void view_hhmm(view *o, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char hhmm[16], iso[32];
	strftime(hhmm, sizeof hhmm, "%H:%M UTC", &tm);
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	view_str(o, "time", hhmm);
	view_str(o, "iso", iso);
}

static void autosave_offer(struct request *r, struct edit_values *e, const struct edit_values *stored);
static int autosave_restore(struct request *r, const struct edit_values *stored, struct edit_values *out);

static void editor_show(struct request *r, int status, const struct edit_values *e, const char *const *fields,
			const char *const *errors, size_t nerrors, const char *notice)
{
	int editor = is_editor(r->user);
	view *v = layout_view(r, e->id ? req_text(r, "admin.title.edit_article")
				       : req_text(r, "admin.nav.new_article"));
	view *f = view_obj(v, "form");
	view_int(f, "id", (long long)e->id);
	view_bool(f, "existing", e->id != 0);
	view_int(f, "revision", (long long)e->revision);
	view_str(f, "title", e->title);
	view_str(f, "slug", e->slug);
	view_str(f, "summary", e->summary);
	view_str(f, "body", e->body);
	view_str(f, "video_url", e->video_url);
	view_str(f, "published", e->published);
	view_str(f, "zone", zone_name());
	if (e->published_at) { /* what the field's time is, with its zone: which one of a time shown twice */
		view_str(f, "published_shown", when_text(r, e->published_at));
	}
	view_bool(f, "has_published_shown", e->published_at != 0);
	view_str(f, "tags", e->tags);
	view_str(f, "references", e->references);
	add_choices(r, f, "statuses", "status", statuses, 5, e->status, editor ? NULL : statuses,
		    editor ? 0 : 2);
	add_choices(r, f, "audiences", "audience", audiences, 4, e->audience, NULL, 0);
	const char *langs[LANGUAGES_MAX];
	size_t nl = languages_offered(r, langs);
	view *ll = view_list(f, "languages");
	for (size_t i = 0; i < nl; i++) {
		view *x = view_push(ll);
		view_str(x, "value", langs[i]);
		view_str(x, "name", languages_name(r, langs[i]));
		view_bool(x, "selected", e->lang ? strcmp(e->lang, langs[i]) == 0 : i == 0);
	}
	view_bool(f, "several_languages", nl > 1);
	add_choices(r, f, "kinds", "kind", kinds, 3, e->kind, NULL, 0);
	add_choices(r, f, "bylines", "byline", bylines, 2, e->byline, NULL, 0);
	view_bool(f, "contributor", !editor);
	struct section *ss;
	size_t ns;
	view *sl = view_list(f, "sections");
	if (store_sections(r->w->db, r->pool, r->site->id, &ss, &ns) == 0)
		for (size_t i = 0; i < ns; i++) {
			view *x = view_push(sl);
			view_int(x, "id", (long long)ss[i].id);
			view_str(x, "name", ss[i].name);
			view_bool(x, "selected", ss[i].id == e->section);
		}
	struct congress *cs;
	size_t nc;
	view *cl = view_list(f, "congresses");
	if (store_congresses(r->w->db, r->pool, r->site->id, 0, &cs, &nc) == 0)
		for (size_t i = 0; i < nc; i++) {
			view *x = view_push(cl);
			view_int(x, "id", (long long)cs[i].id);
			view_str(x, "name", cs[i].name);
			view_bool(x, "selected", cs[i].id == e->congress);
		}
	struct named *xs;
	size_t nx;
	if (store_trials_all(r->w->db, r->pool, r->site->id, &xs, &nx) == 0)
		add_named(r, f, "trials", xs, nx, NULL, 0, e->trial ? e->trial : -1);
	if (store_people_all(r->w->db, r->pool, &xs, &nx) == 0) {
		add_named(r, f, "speakers", xs, nx, e->speakers, e->nspeakers, 0);
		add_named(r, f, "interviewers", xs, nx, NULL, 0, e->interviewer ? e->interviewer : -1);
	}
	if (store_sponsors_all(r->w->db, r->pool, r->site->id, &xs, &nx) == 0)
		add_named(r, f, "sponsors", xs, nx, e->sponsors, e->nsponsors, 0);
	add_images(r, f, e->image);
	view *ol = view_list(f, "others");
	for (size_t i = 0; i < e->nothers; i++) {
		view *x = view_push(ol);
		view_str(x, "name", e->others[i].name);
		view_str(x, "role", e->others[i].role);
	}
	view_bool(f, "has_others", e->nothers > 0);
	if (e->id)
		translations_view(r, f, e->id);
	view_errors(v, fields, errors, nerrors);
	view_str(v, "notice", notice ? notice : "");
	view_bool(v, "has_notice", notice != NULL);
	view_str(v, "admin_js_url", asset_url(r->app, "admin.js"));   /* the live preview */
	view_str(v, "editor_js_url", asset_url(r->app, "editor.js")); /* the toolbar and autosave */
	char path[64];
	if (e->id)
		snprintf(path, sizeof path, "/admin/articles/%lld", (long long)e->id);
	else
		snprintf(path, sizeof path, "/admin/articles/new");
	view_fmt(f, "autosave_url", "%s/autosave", path);
	if (e->offer) {
		view *o = view_obj(v, "autosave");
		view_hhmm(o, e->offer->saved_at);
		view_fmt(o, "restore_url", "%s?autosave=restore", path);
		view_fmt(o, "discard_action", "%s/autosave/discard", path);
	}
	resp_page(r, status, "admin/article-edit", v, 0);
}

void admin_article_new(struct request *r)
{
	struct edit_values e = {.title = "",
				.slug = "",
				.summary = "",
				.body = "",
				.kind = "interview",
				.byline = "interviewer",
				.status = "draft",
				.audience = "public",
				.video_url = "",
				.published = "",
				.tags = "",
				.references = ""};
	const char *restore = req_query(r, "autosave");
	if (restore && strcmp(restore, "restore") == 0) {
		struct edit_values back;
		int got = autosave_restore(r, &e, &back);
		if (got < 0)
			return;
		editor_show(r, 200, got ? &back : &e, NULL, NULL, 0,
			    got ? req_text(r, "admin.edit.autosave_loaded")
				: req_text(r, "admin.edit.autosave_gone"));
		return;
	}
	autosave_offer(r, &e, NULL);
	editor_show(r, 200, &e, NULL, NULL, 0, NULL);
}

/* Joins tags and references back into the text fields the editor edits. */
static void values_from_article(struct request *r, const struct article *a, struct edit_values *e)
{
	memset(e, 0, sizeof *e);
	e->id = a->id;
	e->revision = a->revision_no;
	e->title = a->title;
	e->slug = a->slug;
	e->summary = a->summary;
	e->body = a->body;
	e->kind = a->kind;
	e->byline = "interviewer";
	e->status = a->status;
	e->audience = a->audience;
	e->lang = languages_code(r, a->lang ? a->lang : "");
	e->video_url = a->video_url;
	e->section = a->section.id;
	e->congress = a->congress.id;
	e->trial = a->trial.id;
	e->image = a->image.id;
	char *when = h2o_mem_alloc_pool(r->pool, 32);
	when[0] = '\0';
	if (a->published_at)
		zone_input(a->published_at, when, 32);
	e->published = when;
	e->published_at = a->published_at;
	buf tags, refs;
	buf_init(&tags, r->pool);
	buf_init(&refs, r->pool);
	for (size_t i = 0; i < a->ntags; i++)
		buf_printf(&tags, "%s%s", i ? ", " : "", a->tags[i].name);
	for (size_t i = 0; i < a->nrefs; i++)
		buf_printf(&refs, "%s | %s | %s\n", a->refs[i].citation, a->refs[i].abstract_no,
			   a->refs[i].url);
	e->tags = buf_cstr(&tags);
	e->references = buf_cstr(&refs);
	/* the byline: the interviewer, else the first other person who is not a speaker */
	size_t by = a->npeople;
	for (size_t i = 0; i < a->npeople && by == a->npeople; i++)
		if (strcmp(a->people[i].role, "interviewer") == 0)
			by = i;
	for (size_t i = 0; i < a->npeople && by == a->npeople; i++)
		if (strcmp(a->people[i].role, "speaker") != 0)
			by = i;
	struct person *others = h2o_mem_alloc_pool(r->pool, sizeof *others * (a->npeople + 1));
	for (size_t i = 0; i < a->npeople; i++) {
		char *id = h2o_mem_alloc_pool(r->pool, 24);
		snprintf(id, 24, "%lld", (long long)a->people[i].id);
		if (i == by) {
			e->interviewer = a->people[i].id;
			e->byline = a->people[i].role;
		} else if (strcmp(a->people[i].role, "speaker") == 0 && e->nspeakers < MAX_SPEAKERS) {
			e->speakers[e->nspeakers++] = id;
		} else {
			others[e->nothers++] =
			    a->people[i]; /* a second byline, or a speaker past the form's */
		}
	}
	e->others = others;
	for (size_t i = 0; i < a->nsponsors && e->nsponsors < MAX_SPONSORS; i++) {
		char *id = h2o_mem_alloc_pool(r->pool, 24);
		snprintf(id, 24, "%lld", (long long)a->sponsors[i].id);
		e->sponsors[e->nsponsors++] = id;
	}
}

void admin_article_edit(struct request *r)
{
	struct article a;
	int64_t id = param_id(r->params[0]);
	int found = id ? store_admin_article(r->w->db, r->pool, r->site->id, id, &a) : 0;
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404,
			   found < 0 ? NULL : req_text(r, "admin.error.no_article"));
		return;
	}
	struct edit_values e;
	values_from_article(r, &a, &e);
	const char *restore = req_query(r, "autosave");
	if (restore && strcmp(restore, "restore") == 0) {
		struct edit_values back;
		int got = autosave_restore(r, &e, &back);
		if (got < 0)
			return;
		editor_show(r, 200, got ? &back : &e, NULL, NULL, 0,
			    presence_open(r, id,
					  got ? req_text(r, "admin.edit.autosave_loaded")
					      : req_text(r, "admin.edit.autosave_gone")));
		return;
	}
	autosave_offer(r, &e, &e);
	const char *notice =
	    presence_open(r, id,
			  req_query(r, "saved")	       ? req_text(r, "admin.common.saved")
			  : req_query(r, "translated") ? req_text(r, "admin.translations.made")
			  : req_query(r, "current")    ? req_text(r, "admin.translations.marked")
						       : NULL);
	editor_show(r, 200, &e, NULL, NULL, 0, notice);
}

static const char *const edit_fields[] = {
    "title",	 "slug", "summary",    "body",	   "section", "status", "published", "audience",
    "video_url", "tags", "references", "congress", "image",   "kind",	"byline",    "lang"};
#define NEDIT (sizeof edit_fields / sizeof edit_fields[0])

static int section_of_site(struct request *r, int64_t id)
{
	struct section *ss;
	size_t n;
	if (store_sections(r->w->db, r->pool, r->site->id, &ss, &n) != 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (ss[i].id == id)
			return 1;
	return 0;
}

static int congress_of_site(struct request *r, int64_t id)
{
	struct congress c;
	return store_congress_by_id(r->w->db, r->pool, r->site->id, id, &c) == 1;
}

/* Reads and checks the form into e (for the store) and v (to show again). Returns how many errors. */
static int read_edit(struct request *r, const struct form *f, const struct edit_values *was,
		     struct article_edit *e, struct edit_values *v, const char **errors)
{
	memset(v, 0, sizeof *v);
	memset(e, 0, sizeof *e);
	/* a field the form does not send keeps its stored value (was), or a new article's default */
#define FIELD(n) (form_get(f, #n) ? form_get(f, #n) : was->n ? was->n : "")
#define ID(n) (form_get(f, #n) ? param_id(form_get(f, #n)) : was->n)
	v->title = FIELD(title);
	v->slug = FIELD(slug);
	v->summary = FIELD(summary);
	v->body = FIELD(body);
	v->kind = FIELD(kind);
	v->byline = FIELD(byline);
	v->status = FIELD(status);
	v->audience = FIELD(audience);
	v->lang = FIELD(lang);
	v->video_url = FIELD(video_url);
	v->published = FIELD(published);
	v->tags = FIELD(tags);
	v->references = FIELD(references);
	v->revision = ID(revision);
	v->section = ID(section);
	v->congress = ID(congress);
	v->trial = ID(trial);
	v->interviewer = ID(interviewer);
	v->image = ID(image);
	v->nspeakers = form_get_all(f, "speakers", v->speakers, MAX_SPEAKERS);
	v->nsponsors = form_get_all(f, "sponsors", v->sponsors, MAX_SPONSORS);
	v->others = was->others;
	v->nothers = was->nothers;
#undef FIELD
#undef ID
	int bad = 0;
	size_t tl = text_chars(v->title);
	if (tl == 0 || tl > 300 || !text_clean(v->title, 0))
		errors[0] = req_text(r, "admin.error.article_title"), bad++;
	char *slug = h2o_mem_alloc_pool(r->pool, 201);
	text_slug(v->slug[0] ? v->slug : v->title, slug, 201);
	if (v->slug[0] && strcmp(slug, v->slug) != 0)
		errors[1] = req_text(r, "admin.error.article_slug"), bad++;
	else if (!slug[0] && !errors[0])
		errors[1] = req_text(r, "admin.error.no_slug"), bad++;
	if (text_chars(v->summary) > 1000 || !text_clean(v->summary, 1))
		errors[2] = req_text(r, "admin.error.summary_long"), bad++;
	if (text_chars(v->body) > 60000 || !text_clean(v->body, 1))
		errors[3] = req_text(r, "admin.error.body_long"), bad++;
	if (!v->section || !section_of_site(r, v->section))
		errors[4] = req_text(r, "admin.error.choose_section"), bad++;
	if (v->congress && !congress_of_site(r, v->congress))
		errors[11] = req_text(r, "admin.error.choose_congress"), bad++;
	int editor = is_editor(r->user);
	if (!in_list(v->status, statuses, 5))
		errors[5] = req_text(r, "admin.error.choose_status"), bad++;
	else if (!editor && !in_list(v->status, statuses, 2))
		errors[5] = req_text(r, "admin.error.contributor_status"), bad++;
	int64_t when = 0;
	const char *bad_time = v->published[0] ? when_read(r, v->published, &when) : NULL;
	/* unchanged, the field keeps the stored time: even the second of a time the clocks show twice */
	if (!bad_time && was->published_at && strcmp(v->published, was->published) == 0)
		when = was->published_at;
	v->published_at = v->published[0] && !bad_time ? when : 0;
	if (bad_time)
		errors[6] = bad_time, bad++;
	else if (strcmp(v->status, "scheduled") == 0 && (!v->published[0] || when <= store_now()))
		errors[6] = req_text(r, "admin.error.scheduled_future"), bad++;
	if (strcmp(v->status, "published") == 0 && !v->published[0])
		when = store_now();
	else if (strcmp(v->status, "published") == 0 && when > store_now() && !errors[6])
		errors[6] = req_text(r, "admin.error.time_in_future"), bad++;
	if (!in_list(v->audience, audiences, 4))
		errors[7] = req_text(r, "admin.error.choose_audience"), bad++;
	/* one of the site's languages, or the one stored (a language the site offered once) */
	const char *langs[LANGUAGES_MAX];
	size_t nl = languages_offered(r, langs);
	if (!v->lang[0])
		v->lang = langs[0];
	if (!in_list(v->lang, langs, nl) && !(was->lang && strcmp(v->lang, was->lang) == 0))
		errors[15] = req_text(r, "admin.translations.no_language"), bad++;
	/* the lists, or the value stored before they were (kept as it is) */
	if (!in_list(v->kind, kinds, 3) && !(was->kind && strcmp(v->kind, was->kind) == 0))
		errors[13] = req_text(r, "admin.error.choose_kind"), bad++;
	if (!in_list(v->byline, bylines, 2) && !(was->byline && strcmp(v->byline, was->byline) == 0))
		errors[14] = req_text(r, "admin.error.choose_byline"), bad++;
	struct media img;
	if (v->image && store_media_by_id(r->w->db, r->pool, r->site->id, v->image, &img) != 1)
		errors[12] = req_text(r, "admin.error.choose_image"), bad++;
	if (v->video_url[0] && (strncmp(v->video_url, "https://", 8) != 0 || strlen(v->video_url) > 500))
		errors[8] = req_text(r, "admin.error.video_https"), bad++;
	/* tags: comma-separated names */
	const char **tags = h2o_mem_alloc_pool(r->pool, sizeof *tags * MAX_TAGS);
	size_t ntags = 0;
	for (const char *p = v->tags; *p;) {
		size_t len = strcspn(p, ",");
		while (len && (*p == ' '))
			p++, len--;
		size_t trim = len;
		while (trim && p[trim - 1] == ' ')
			trim--;
		if (trim) {
			if (ntags == MAX_TAGS || trim > 60) {
				errors[9] = req_text(r, "admin.error.tags"), bad++;
				break;
			}
			tags[ntags++] = mem_strndup(r->pool, p, trim);
		}
		p += len;
		if (*p == ',')
			p++;
	}
	/* references: one per line, "citation | abstract number | link" */
	struct reference *refs = h2o_mem_alloc_pool(r->pool, sizeof *refs * MAX_REFS);
	size_t nrefs = 0;
	for (const char *p = v->references; *p && !errors[10];) {
		size_t len = strcspn(p, "\r\n");
		char *line = mem_strndup(r->pool, p, len);
		p += len;
		while (*p == '\r' || *p == '\n')
			p++;
		char *parts[3] = {line, (char *)"", (char *)""};
		for (int k = 1; k < 3; k++) {
			char *bar = strchr(parts[k - 1], '|');
			if (!bar)
				break;
			*bar = '\0';
			parts[k] = bar + 1;
		}
		for (int k = 0; k < 3; k++) {
			while (*parts[k] == ' ')
				parts[k]++;
			size_t m = strlen(parts[k]);
			while (m && parts[k][m - 1] == ' ')
				parts[k][--m] = '\0';
		}
		if (!parts[0][0])
			continue;
		if (nrefs == MAX_REFS || strlen(parts[0]) > 1000 ||
		    (parts[2][0] && strncmp(parts[2], "https://", 8) != 0 &&
		     strncmp(parts[2], "http://", 7) != 0))
			errors[10] = req_text(r, "admin.error.references"), bad++;
		else
			refs[nrefs++] = (struct reference){parts[0], parts[1], parts[2]};
	}
	int64_t *speakers = h2o_mem_alloc_pool(r->pool, sizeof *speakers * MAX_SPEAKERS);
	for (size_t i = 0; i < v->nspeakers; i++)
		speakers[i] = param_id(v->speakers[i]);
	int64_t *sponsors = h2o_mem_alloc_pool(r->pool, sizeof *sponsors * MAX_SPONSORS);
	for (size_t i = 0; i < v->nsponsors; i++)
		sponsors[i] = param_id(v->sponsors[i]);
	*e = (struct article_edit){.site_id = r->site->id,
				   .expected_revision = v->revision,
				   .slug = slug,
				   .title = v->title,
				   .summary = v->summary,
				   .body = v->body,
				   .kind = v->kind,
				   .status = v->status,
				   .audience = v->audience,
				   .lang = strcmp(v->lang, langs[0]) == 0 ? "" : v->lang,
				   .video_url = v->video_url,
				   .section_id = v->section,
				   .congress_id = v->congress,
				   .trial_id = v->trial,
				   .image_id = errors[12] ? 0 : v->image,
				   .published_at = when,
				   .tags = tags,
				   .ntags = ntags,
				   .speakers = speakers,
				   .nspeakers = v->nspeakers,
				   .interviewer = v->interviewer,
				   .byline_role = v->byline,
				   .others = v->others,
				   .nothers = v->nothers,
				   .refs = refs,
				   .nrefs = nrefs,
				   .sponsors = sponsors,
				   .nsponsors = v->nsponsors};
	return bad;
}

/* A preview renders the unsaved article as publishing would: the store resolves what the form names (the
 * article as the public page loads it), and the public page's own view and template draw it. */
static void preview(struct request *r, const struct article_edit *e)
{
	struct article a;
	if (store_article_preview(r->w->db, r->pool, e, &a) != 0) {
		resp_error(r, 500, req_text(r, "admin.error.preview_failed"));
		return;
	}
	article_show(r, &a, 1);
}

void admin_article_save(struct request *r)
{
	int64_t id = r->nparams ? param_id(r->params[0]) : 0;
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	if (r->nparams && !id) {
		resp_error(r, 404, req_text(r, "admin.error.no_article"));
		return;
	}
	article_save_form(r, &f, id);
}

/* Whether the form holds exactly what is stored: every field, in the form's own text. */
static int same_values(const struct edit_values *a, const struct edit_values *b)
{
	const char *const sa[] = {a->title,	 a->slug,     a->summary,   a->body,	  a->kind,
				  a->status,	 a->audience, a->video_url, a->published, a->tags,
				  a->references, a->byline,   a->lang};
	const char *const sb[] = {b->title,	 b->slug,     b->summary,   b->body,	  b->kind,
				  b->status,	 b->audience, b->video_url, b->published, b->tags,
				  b->references, b->byline,   b->lang};
	for (size_t i = 0; i < sizeof sa / sizeof *sa; i++)
		if (strcmp(sa[i] ? sa[i] : "", sb[i] ? sb[i] : "") != 0)
			return 0;
	if (a->revision != b->revision || a->section != b->section || a->congress != b->congress ||
	    a->trial != b->trial || a->interviewer != b->interviewer || a->image != b->image ||
	    a->nspeakers != b->nspeakers || a->nsponsors != b->nsponsors)
		return 0;
	for (size_t i = 0; i < a->nspeakers; i++)
		if (param_id(a->speakers[i]) != param_id(b->speakers[i]))
			return 0;
	for (size_t i = 0; i < a->nsponsors; i++)
		if (param_id(a->sponsors[i]) != param_id(b->sponsors[i]))
			return 0;
	return 1;
}

void article_save_form(struct request *r, const struct form *f, int64_t id)
{
	struct article_edit e;
	struct edit_values v, was = {.kind = "interview", .byline = "interviewer"};
	const char *errors[NEDIT] = {0};
	struct article cur;
	int found = id ? store_admin_article(r->w->db, r->pool, r->site->id, id, &cur) : 0;
	if (found < 0) {
		resp_error(r, 500, NULL);
		return;
	}
	if (id && !found) {
		resp_error(r, 404, req_text(r, "admin.error.no_article"));
		return;
	}
	if (found)
		values_from_article(r, &cur, &was);
	int bad = read_edit(r, f, &was, &e, &v, errors);
	e.id = v.id = id;
	if (e.id && !is_editor(r->user)) {
		/* a contributor's status menu has only draft and review: saving a live article would
		 * unpublish it */
		if (strcmp(cur.status, "draft") != 0 && strcmp(cur.status, "review") != 0) {
			resp_error(r, 403, req_text(r, "admin.error.editor_only"));
			return;
		}
	}
	const char *action = form_get(f, "action");
	if (action && strcmp(action, "preview") == 0 && !errors[0] && !errors[4]) {
		preview(r, &e);
		return;
	}
	if (bad) {
		editor_show(r, 422, &v, edit_fields, errors, NEDIT, NULL);
		return;
	}
	int64_t saved = id;
	/* saved unchanged: nothing is written (no revision, no new time, no dropped pages) */
	int unchanged = found && same_values(&v, &was);
	switch (unchanged ? SAVE_OK : store_article_save(r->w->db, &e, r->user->id, &saved)) {
	case SAVE_OK:
		if (!unchanged)
			changed_articles_and_neighbours(r->app, r->w->db, &saved, 1);
		/* what was autosaved is now saved (a new article's under 0) */
		store_autosave_drop(r->w->db, r->user->id, r->site->id, id);
		break;
	case SAVE_CONFLICT: {
		const char *msg[] = {req_text(r, "admin.error.conflict")};
		static const char *const field[] = {"title"};
		editor_show(r, 409, &v, field, msg, 1, NULL);
		return;
	}
	case SAVE_SLUG_TAKEN: {
		errors[1] = req_text(r, "admin.error.slug_taken");
		editor_show(r, 422, &v, edit_fields, errors, NEDIT, NULL);
		return;
	}
	case SAVE_LANG_TAKEN: {
		errors[15] = req_text(r, "admin.translations.lang_taken");
		editor_show(r, 422, &v, edit_fields, errors, NEDIT, NULL);
		return;
	}
	case SAVE_NOT_FOUND:
		resp_error(r, 404, req_text(r, "admin.error.no_article"));
		return;
	default:
		resp_error(r, 500, req_text(r, "admin.error.save_failed"));
		return;
	}
	char where[64];
	snprintf(where, sizeof where, "/admin/articles/%lld?saved=1", (long long)saved);
	resp_redirect(r, 303, mem_strndup(r->pool, where, strlen(where)));
}

/* ---- autosave (the POSTs are autosave.c's) ---- */

/* The autosave of r->user's editor of stored->id on this site read into out as a POST of its fields would
 * be (fields it lacks keep the stored values): 1, 0 when there is none, -1 on a database error. */
static int autosave_read(struct request *r, const struct edit_values *stored, struct autosave *as,
			 struct edit_values *out)
{
	int got = store_autosave_get(r->w->db, r->pool, r->user->id, r->site->id, stored->id, as);
	if (got < 0)
		return -1;
	struct form f;
	if (!got || form_parse(r->pool, as->fields, strlen(as->fields), &f) != 0)
		return 0;
	struct article_edit e;
	const char *errors[NEDIT] = {0};
	read_edit(r, &f, stored, &e, out, errors);
	out->id = stored->id;
	return 1;
}

static int autosave_restore(struct request *r, const struct edit_values *stored, struct edit_values *out)
{
	struct autosave as;
	int got = autosave_read(r, stored, &as, out);
	if (got < 0)
		resp_error(r, 500, NULL);
	return got;
}

/* Offers the autosave when it holds something other than what the form shows: for an article, other values
 * than the stored ones (an autosave that only repeats them is dropped); for a new one, any text. */
static void autosave_offer(struct request *r, struct edit_values *e, const struct edit_values *stored)
{
	struct autosave *as = h2o_mem_alloc_pool(r->pool, sizeof *as);
	struct edit_values back;
	if (autosave_read(r, e, as, &back) != 1)
		return; /* none, or the database is not answering: the editor opens without the offer */
	int differs;
	if (stored) {
		back.revision = stored->revision;
		differs = !same_values(&back, stored);
	} else {
		differs =
		    back.title[0] || back.summary[0] || back.body[0] || back.tags[0] || back.references[0];
	}
	if (differs)
		e->offer = as;
	else if (stored)
		store_autosave_drop(r->w->db, r->user->id, r->site->id, e->id);
}

/* ---- revisions ---- */

void admin_revisions(struct request *r)
{
	struct article a;
	int64_t id = param_id(r->params[0]);
	if (!id || store_admin_article(r->w->db, r->pool, r->site->id, id, &a) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_article"));
		return;
	}
	struct revision *rs;
	size_t n;
	if (store_revisions(r->w->db, r->pool, id, &rs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.edit.revisions"));
	view_str(v, "article_title", a.title);
	view_int(v, "article_id", (long long)id);
	view *list = view_list(v, "revisions");
	int64_t show = param_id(req_query(r, "show"));
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)rs[i].id);
		view_int(x, "number", (long long)rs[i].revision_no);
		view_str(x, "title", rs[i].title);
		view_str(x, "status", admin_value_label(r, "status", rs[i].status));
		view_str(x, "author", rs[i].author_name[0] ? rs[i].author_name : "—");
		view_when(r, x, "at", "at_iso", rs[i].created_at);
		if (rs[i].id == show) {
			/* side by side: this revision and the current text, line by line */
			view *cmp = view_obj(v, "compare");
			view_bool(v, "has_compare", 1);
			view_int(cmp, "id", (long long)rs[i].id);
			view_int(cmp, "number", (long long)rs[i].revision_no);
			view_compare(cmp, r, &rs[i], &a);
		}
	}
	resp_page(r, 200, "admin/revisions", v, 0);
}

/* Restoring loads an old text into the editor; saving it makes a new revision, so nothing is lost. */
void admin_revision_restore(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct article a;
	struct revision rev;
	int64_t id = param_id(r->params[0]);
	if (!id || store_admin_article(r->w->db, r->pool, r->site->id, id, &a) != 1 ||
	    store_revision(r->w->db, r->pool, id, param_id(form_get(&f, "revision_id")), &rev) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_revision"));
		return;
	}
	struct edit_values e;
	values_from_article(r, &a, &e);
	e.title = rev.title;
	e.summary = rev.summary;
	e.body = rev.body;
	char no[24];
	snprintf(no, sizeof no, "%lld", (long long)rev.revision_no);
	editor_show(r, 200, &e, NULL, NULL, 0, req_textf(r, "admin.revisions.loaded", "number", no, NULL));
}

void admin_audit(struct request *r)
{
	struct audit_entry *es;
	size_t n;
	if (store_audit_list(r->w->db, r->pool, 200, &es, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.audit"));
	view *list = view_list(v, "entries");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_when(r, x, "at", "at_iso", es[i].at);
		view_str(x, "who", es[i].user_email[0] ? es[i].user_email : "—");
		view_str(x, "action", es[i].action);
		view_str(x, "target", es[i].target);
		view_str(x, "detail", es[i].detail);
	}
	resp_page(r, 200, "admin/audit", v, 0);
}

void admin_home(struct request *r)
{
	resp_redirect(r, 303, "/admin/articles");
}
