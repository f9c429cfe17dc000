/* article_list: the back office's list of a site's articles, with its filters. */
#include <stdlib.h>
#include <string.h>

#include "admin/when.h"
#include "admin/presence.h"
#include "core/buf.h"
#include "http/changes.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/editorial.h"
#include "store/desk.h"

#define ADMIN_PAGE 25

static const char *const statuses[] = {"draft", "review", "scheduled", "published", "archived"};

static int64_t param_id(const char *s)
{
	char *end;
	long long v = s ? strtoll(s, &end, 10) : 0;
	return s && *s && !*end && v > 0 ? v : 0;
}

static int is_status(const char *v)
{
	for (size_t i = 0; v && i < sizeof statuses / sizeof *statuses; i++)
		if (strcmp(v, statuses[i]) == 0)
			return 1;
	return 0;
}

void admin_articles(struct request *r)
{
	int page = req_page_number(r);
	if (page < 0) {
		resp_error(r, 400, req_text(r, "admin.error.page_number"));
		return;
	}
	struct admin_filter f = {.site_id = r->site->id};
	f.status = req_query(r, "status");
	if (f.status && !f.status[0])
		f.status = NULL;
	if (f.status && !is_status(f.status)) {
		resp_error(r, 400, req_text(r, "admin.error.no_status"));
		return;
	}
	f.section_id = param_id(req_query(r, "section"));
	f.congress_id = param_id(req_query(r, "congress"));
	const char *mine = req_query(r, "mine");
	if (mine && mine[0])
		f.author_id = r->user->id;
	f.q = req_query(r, "q");
	if (f.q && (!f.q[0] || strlen(f.q) > 200))
		f.q = NULL;
	struct article *as;
	size_t n, total;
	if (store_admin_articles(r->w->db, r->pool, &f, (size_t)(page - 1) * ADMIN_PAGE, ADMIN_PAGE, &as, &n,
				 &total) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.articles"));
	buf base;
	buf_init(&base, r->pool);
	buf_adds(&base, "/admin/articles");
	if (view_pagination(v, r, "/admin/articles", page, total, ADMIN_PAGE) != 0) {
		resp_error(r, 404, req_text(r, "admin.error.no_articles_page"));
		return;
	}
	struct presence *ps;
	size_t np;
	if (store_presence_site(r->w->db, r->pool, r->site->id, r->user->id, store_now() - PRESENCE_FRESH,
				&ps, &np) != 0)
		np = 0; /* who is editing what is a hint: the list shows without it */
	view *list = view_list(v, "articles");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		buf who;
		buf_init(&who, r->pool);
		for (size_t k = 0; k < np; k++)
			if (ps[k].article_id == as[i].id)
				buf_printf(&who, "%s%s", who.len ? ", " : "", ps[k].name);
		view_str(x, "editing", who.len ? buf_cstr(&who) : "");
		view_bool(x, "being_edited", who.len > 0);
		view_int(x, "id", (long long)as[i].id);
		view_str(x, "title", as[i].title);
		view_str(x, "slug", as[i].slug);
		/* a translation is read under its language's prefix (an absolute address: an editor under
		 * /fr/ adds no prefix to it); its code shows beside its title */
		const char *lang = languages_code(r, as[i].lang);
		buf path;
		buf_init(&path, r->pool);
		buf_printf(&path, "/article/%s", as[i].slug);
		view_str(x, "public_path",
			 as[i].lang[0] ? languages_url_of(r, as[i].lang, buf_cstr(&path)) : buf_cstr(&path));
		view_str(x, "lang", lang);
		view_bool(x, "other_lang", as[i].lang[0] && strcmp(lang, req_site_lang(r)) != 0);
		view_str(x, "status", admin_value_label(r, "status", as[i].status));
		view_str(x, "audience", admin_value_label(r, "audience", as[i].audience));
		view_str(x, "section", as[i].section.name);
		view_str(x, "congress", as[i].congress.name);
		view_str(x, "author", as[i].author_name[0] ? as[i].author_name : "—");
		view_when(r, x, "updated", "updated_iso", as[i].updated_at);
		view_bool(x, "live", strcmp(as[i].status, "published") == 0);
	}
	view_bool(v, "empty", n == 0);
	view_bool(v, "can_bulk", policy_role_at_least(r->user, ROLE_EDITOR));
	view_int(v, "total", (long long)total);
	view *flt = view_obj(v, "filter");
	view_str(flt, "q", f.q ? f.q : "");
	view_bool(flt, "mine", f.author_id != 0);
	view *stl = view_list(flt, "statuses");
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++) {
		view *x = view_push(stl);
		view_str(x, "value", statuses[i]);
		view_str(x, "label", admin_value_label(r, "status", statuses[i]));
		view_bool(x, "selected", f.status && strcmp(f.status, statuses[i]) == 0);
	}
	struct section *ss;
	size_t ns;
	view *sl = view_list(flt, "sections");
	if (store_sections(r->w->db, r->pool, r->site->id, &ss, &ns) == 0)
		for (size_t i = 0; i < ns; i++) {
			view *x = view_push(sl);
			view_int(x, "id", (long long)ss[i].id);
			view_str(x, "name", ss[i].name);
			view_bool(x, "selected", ss[i].id == f.section_id);
		}
	struct congress *cs;
	size_t nc;
	view *cl = view_list(flt, "congresses");
	if (store_congresses(r->w->db, r->pool, r->site->id, 0, &cs, &nc) == 0)
		for (size_t i = 0; i < nc; i++) {
			view *x = view_push(cl);
			view_int(x, "id", (long long)cs[i].id);
			view_str(x, "name", cs[i].name);
			view_bool(x, "selected", cs[i].id == f.congress_id);
		}
	resp_page(r, 200, "admin/articles", v, 0);
}

/* ---- bulk actions: publish, archive or move the ticked articles ---- */

#define BULK_MAX 50 /* articles one bulk request may change */

/* The article's own edit (every field as stored), to save it with one thing changed. */
static void edit_of(struct request *r, const struct article *a, struct article_edit *e)
{
	memset(e, 0, sizeof *e);
	e->id = a->id;
	e->site_id = r->site->id;
	e->expected_revision = a->revision_no;
	e->slug = a->slug;
	e->title = a->title;
	e->summary = a->summary;
	e->body = a->body;
	e->kind = a->kind;
	e->status = a->status;
	e->audience = a->audience;
	e->video_url = a->video_url;
	e->section_id = a->section.id;
	e->congress_id = a->congress.id;
	e->trial_id = a->trial.id;
	e->image_id = a->image.id;
	e->published_at = a->published_at;
	const char **tags = h2o_mem_alloc_pool(r->pool, sizeof *tags * (a->ntags + 1));
	for (size_t i = 0; i < a->ntags; i++)
		tags[i] = a->tags[i].name;
	e->tags = tags;
	e->ntags = a->ntags;
	e->others = a->people; /* everyone in their role and order, as stored */
	e->nothers = a->npeople;
	e->refs = a->refs;
	e->nrefs = a->nrefs;
	int64_t *sponsors = h2o_mem_alloc_pool(r->pool, sizeof *sponsors * (a->nsponsors + 1));
	for (size_t i = 0; i < a->nsponsors; i++)
		sponsors[i] = a->sponsors[i].id;
	e->sponsors = sponsors;
	e->nsponsors = a->nsponsors;
}

/* Applies action to article id; says what happened, and sets *changed when it was saved. */
static const char *bulk_one(struct request *r, int64_t id, const char *action, const struct section *to,
			    const char **title, int *changed)
{
	struct article a;
	*changed = 0;
	*title = "";
	int found = id ? store_admin_article(r->w->db, r->pool, r->site->id, id, &a) : 0;
	if (found < 0)
		return req_text(r, "admin.bulk.no_database");
	if (!found)
		return req_text(r, "admin.bulk.no_article");
	*title = a.title;
	struct article_edit e;
	edit_of(r, &a, &e);
	int64_t now = store_now();
	if (strcmp(action, "publish") == 0) {
		if (strcmp(a.status, "published") == 0)
			return req_text(r, "admin.bulk.already_published");
		e.status = "published";
		if (!e.published_at || e.published_at > now)
			e.published_at = now; /* a scheduled one goes out now */
	} else if (strcmp(action, "archive") == 0) {
		if (strcmp(a.status, "archived") == 0)
			return req_text(r, "admin.bulk.already_archived");
		e.status = "archived";
	} else {
		if (a.section.id == to->id)
			return req_text(r, "admin.bulk.already_in_section");
		e.section_id = to->id;
	}
	int64_t saved = id;
	switch (store_article_save(r->w->db, &e, r->user->id, &saved)) {
	case SAVE_OK:
		*changed = 1;
		return strcmp(action, "publish") == 0	? req_text(r, "admin.bulk.published")
		       : strcmp(action, "archive") == 0 ? req_text(r, "admin.bulk.archived")
							: req_text(r, "admin.common.moved");
	case SAVE_CONFLICT:
		return req_text(r, "admin.bulk.conflict");
	case SAVE_NOT_FOUND:
		return req_text(r, "admin.bulk.deleted");
	default:
		return req_text(r, "admin.bulk.save_failed");
	}
}

void admin_articles_bulk(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *ids[BULK_MAX + 1];
	size_t n = form_get_all(&f, "ids", ids, BULK_MAX + 1);
	const char *action = form_get(&f, "bulk");
	if (!action || (strcmp(action, "publish") && strcmp(action, "archive") && strcmp(action, "move"))) {
		resp_error(r, 422, req_text(r, "admin.bulk.choose_action"));
		return;
	}
	if (n == 0) {
		resp_error(r, 422, req_text(r, "admin.bulk.none_ticked"));
		return;
	}
	if (n > BULK_MAX) {
		resp_error(r, 422, req_text(r, "admin.bulk.too_many"));
		return;
	}
	struct section to = {0};
	if (strcmp(action, "move") == 0) {
		int64_t want = param_id(form_get(&f, "to_section"));
		struct section *ss;
		size_t ns;
		if (store_sections(r->w->db, r->pool, r->site->id, &ss, &ns) == 0)
			for (size_t i = 0; i < ns; i++)
				if (ss[i].id == want)
					to = ss[i];
		if (!to.id) {
			resp_error(r, 422, req_text(r, "admin.bulk.choose_section"));
			return;
		}
	}
	view *v =
	    layout_view(r, strcmp(action, "publish") == 0   ? req_text(r, "admin.title.publish_articles")
			   : strcmp(action, "archive") == 0 ? req_text(r, "admin.title.archive_articles")
							    : req_text(r, "admin.title.move_articles"));
	view *rows = view_list(v, "rows");
	int64_t changed_ids[BULK_MAX];
	size_t nchanged = 0;
	for (size_t i = 0; i < n; i++) {
		int64_t id = param_id(ids[i]);
		int dup = 0;
		for (size_t k = 0; k < i; k++)
			dup |= param_id(ids[k]) == id;
		if (dup)
			continue; /* a box sent twice is one article */
		const char *title;
		int changed;
		const char *outcome = bulk_one(r, id, action, &to, &title, &changed);
		view *x = view_push(rows);
		view_int(x, "id", (long long)id);
		view_bool(x, "found", title[0] != '\0');
		view_str(x, "title", title[0] ? title : ids[i]);
		view_str(x, "outcome", outcome);
		view_bool(x, "changed", changed);
		if (changed)
			changed_ids[nchanged++] = id;
	}
	if (nchanged)
		changed_articles_and_neighbours(r->app, r->w->db, changed_ids, nchanged);
	view_int(v, "changed", (long long)nchanged);
	view_int(v, "asked", (long long)n);
	view_str(v, "section", to.id ? to.name : "");
	resp_page(r, 200, "admin/articles-bulk", v, 0);
}
