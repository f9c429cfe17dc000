/* home: the front page: latest interviews (paginated) and highlights of the current congress. */
#include <string.h>

#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"

#define HIGHLIGHTS 4

/* The newest congress that has articles to show, with its latest ones. */
static void add_highlights(struct request *r, view *v)
{
	struct congress *cs;
	size_t n;
	if (store_congresses(r->w->db, r->pool, r->site->id, 0, &cs, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++) {
		if (cs[i].article_count == 0)
			continue;
		view *h = view_obj(v, "highlight");
		view_bool(v, "has_highlight", 1);
		view_str(h, "name", cs[i].name);
		view_str(h, "full_name", cs[i].full_name);
		view_str(h, "slug", cs[i].slug);
		view_str(h, "city", cs[i].city);
		view_int(h, "count", cs[i].article_count);
		struct article_filter f = {.site_id = r->site->id, .congress_id = cs[i].id};
		struct article *as;
		size_t na, total;
		view *list = view_list(h, "articles");
		if (store_articles(r->w->db, r->pool, &f, 0, HIGHLIGHTS, &as, &na, &total) == 0) {
			view_card_images(r, as, na);
			for (size_t k = 0; k < na; k++)
				view_article_card(list, &as[k]);
		}
		return;
	}
}

void home_page(struct request *r)
{
	view *v = layout_view(r, "");
	view_feed(v, r->site->name, "");
	struct article_filter f = {.site_id = r->site->id};
	struct article *as;
	size_t n;
	int page = view_article_page(r, v, &f, "/", &as, &n);
	if (page < 0)
		return;
	view *list = view_list(v, "articles");
	for (size_t i = 0; i < n; i++)
		view_article_card(list, &as[i]);
	view_bool(v, "first_page", page == 1);
	if (page == 1)
		add_highlights(r, v);
	struct section *ss;
	size_t ns;
	view *sections = view_list(v, "sections");
	if (store_sections(r->w->db, r->pool, r->site->id, &ss, &ns) == 0)
		for (size_t i = 0; i < ns; i++) {
			view *s = view_push(sections);
			view_str(s, "name", ss[i].name);
			view_str(s, "slug", ss[i].slug);
			view_str(s, "description", ss[i].description);
		}
	resp_page(r, 200, "home", v, 1);
}
