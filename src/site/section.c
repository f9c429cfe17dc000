/* section: "What's new" in one cancer type: newest articles first, grouped by congress. */
#include <stdio.h>
#include <string.h>

#include "http/lang.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"

void section_page(struct request *r)
{
	struct section s;
	int found = store_section_by_slug(r->w->db, r->pool, r->site->id, r->params[0], &s);
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "errors.no_section"));
		return;
	}
	req_name_section(r, &s);
	char base[256];
	const char *title = req_textf(r, "section.title", "section", s.name, NULL);
	snprintf(base, sizeof base, "/section/%s", s.slug);
	view *v = layout_view(r, title);
	view_feed(v, title, base);
	view *sec = view_obj(v, "section");
	view_str(sec, "name", s.name);
	view_str(sec, "slug", s.slug);
	view_str(sec, "description", s.description);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), s.name}, *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	struct article_filter f = {.site_id = r->site->id, .section_id = s.id};
	struct article *as;
	size_t n;
	int page = view_article_page(r, v, &f, base, &as, &n);
	if (page < 0)
		return;
	/* consecutive articles of the same congress share a heading */
	view *groups = view_list(v, "groups"), *list = NULL;
	int64_t current = -1;
	for (size_t i = 0; i < n; i++) {
		if (!list || as[i].congress.id != current) {
			current = as[i].congress.id;
			view *g = view_push(groups);
			view_bool(g, "has_congress", current != 0);
			view_str(g, "congress_name",
				 current ? as[i].congress.name : req_text(r, "section.other_coverage"));
			view_str(g, "congress_slug", as[i].congress.slug);
			list = view_list(g, "articles");
		}
		view_article_card(r, list, &as[i]);
	}
	view_bool(v, "empty", n == 0);
	resp_page(r, 200, "section", v, 1);
}
