/* article_list: the back office's list of a site's articles, with its filters. */
#include <stdlib.h>
#include <string.h>

#include "admin/when.h"
#include "core/buf.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"

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
		resp_error(r, 400, "The page number must be a whole number from 1.");
		return;
	}
	struct admin_filter f = {.site_id = r->site->id};
	f.status = req_query(r, "status");
	if (f.status && !f.status[0])
		f.status = NULL;
	if (f.status && !is_status(f.status)) {
		resp_error(r, 400, "There is no such status.");
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
	view *v = layout_view(r, "Articles");
	buf base;
	buf_init(&base, r->pool);
	buf_adds(&base, "/admin/articles");
	if (view_pagination(v, r, "/admin/articles", page, total, ADMIN_PAGE) != 0) {
		resp_error(r, 404, "There is no such page of articles.");
		return;
	}
	view *list = view_list(v, "articles");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)as[i].id);
		view_str(x, "title", as[i].title);
		view_str(x, "slug", as[i].slug);
		view_str(x, "status", as[i].status);
		view_str(x, "audience", as[i].audience);
		view_str(x, "section", as[i].section.name);
		view_str(x, "congress", as[i].congress.name);
		view_str(x, "author", as[i].author_name[0] ? as[i].author_name : "—");
		view_when(x, "updated", "updated_iso", as[i].updated_at);
		view_bool(x, "live", strcmp(as[i].status, "published") == 0);
	}
	view_bool(v, "empty", n == 0);
	view_int(v, "total", (long long)total);
	view *flt = view_obj(v, "filter");
	view_str(flt, "q", f.q ? f.q : "");
	view_bool(flt, "mine", f.author_id != 0);
	view *stl = view_list(flt, "statuses");
	for (size_t i = 0; i < sizeof statuses / sizeof *statuses; i++) {
		view *x = view_push(stl);
		view_str(x, "value", statuses[i]);
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
