/* tag: the list of topics and the articles under one topic. */
#include <stdio.h>

#include "http/lang.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"

#define TAG_INDEX_MAX 500

void tag_index(struct request *r)
{
	view *v = layout_view(r, req_text(r, "tags.title"));
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "tags.title")},
		   *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	struct tag *ts;
	size_t n;
	if (store_tags(r->w->db, r->pool, r->site->id, TAG_INDEX_MAX, &ts, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *list = view_list(v, "tags");
	for (size_t i = 0; i < n; i++) {
		view *t = view_push(list);
		view_str(t, "name", req_name(r, "tag", ts[i].id, "name", ts[i].name));
		view_str(t, "slug", ts[i].slug);
		view_int(t, "count", ts[i].article_count);
	}
	resp_page(r, 200, "tags", v, 1);
}

void tag_page(struct request *r)
{
	struct tag t;
	int found = store_tag_by_slug(r->w->db, r->pool, r->site->id, r->params[0], &t);
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "errors.no_topic"));
		return;
	}
	req_name_tag(r, &t);
	char base[256];
	const char *title = req_textf(r, "tag.title", "topic", t.name, NULL);
	snprintf(base, sizeof base, "/tag/%s", t.slug);
	view *v = layout_view(r, title);
	view_feed(v, title, base);
	view_str(v, "tag_name", t.name);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "tags.title"), t.name},
		   *urls[] = {"/", "/tags", NULL};
	view_breadcrumbs(v, labels, urls, 3);
	struct article_filter f = {.site_id = r->site->id, .tag_id = t.id};
	struct article *as;
	size_t n;
	int page = view_article_page(r, v, &f, base, &as, &n);
	if (page < 0)
		return;
	view *list = view_list(v, "articles");
	for (size_t i = 0; i < n; i++)
		view_article_card(r, list, &as[i]);
	view_bool(v, "empty", n == 0);
	resp_page(r, 200, "tag", v, 1);
}
