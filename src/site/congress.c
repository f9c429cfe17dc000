/* congress: every congress grouped by year, one year's congresses, and the hub page of one congress. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http/lang.h"
#include "http/response.h"
#include "render/markdown.h"
#include "site/handlers.h"
#include "site/layout.h"

static void congress_fields(view *c, const struct congress *x)
{
	view_str(c, "name", x->name);
	view_str(c, "full_name", x->full_name);
	view_str(c, "slug", x->slug);
	view_str(c, "city", x->city);
	view_str(c, "country", x->country);
	view_str(c, "starts_on", x->starts_on);
	view_str(c, "ends_on", x->ends_on);
	view_int(c, "year", x->year);
	view_int(c, "count", x->article_count);
	view_bool(c, "has_articles", x->article_count > 0);
	view_bool(c, "one_article", x->article_count == 1);
}

/* Lists congresses grouped by year ("years" → "congresses"); year 0 lists all. Returns how many. */
static size_t add_years(struct request *r, view *v, int year)
{
	struct congress *cs;
	size_t n;
	view *years = view_list(v, "years");
	if (store_congresses(r->w->db, r->pool, r->site->id, year, &cs, &n) != 0)
		return 0;
	view *group = NULL;
	int current = -1;
	for (size_t i = 0; i < n; i++) {
		if (cs[i].year != current) {
			current = cs[i].year;
			view *y = view_push(years);
			view_int(y, "year", current);
			group = view_list(y, "congresses");
		}
		req_name_congress(r, &cs[i]);
		congress_fields(view_push(group), &cs[i]);
	}
	return n;
}

void congress_index(struct request *r)
{
	view *v = layout_view(r, req_text(r, "congresses.title"));
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "congresses.title")},
		   *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	add_years(r, v, 0);
	resp_page(r, 200, "congresses", v, 1);
}

void congress_year(struct request *r)
{
	char *end;
	long year = strtol(r->params[0], &end, 10);
	if (*end || year < 1900 || year > 2999) {
		resp_error(r, 404, NULL);
		return;
	}
	char canonical[32];
	snprintf(canonical, sizeof canonical, "/congresses/%ld", year);
	if (strcmp(canonical, r->path) != 0) { /* /congresses/02025 is /congresses/2025 */
		resp_redirect(r, 301, canonical);
		return;
	}
	char ystr[16];
	snprintf(ystr, sizeof ystr, "%ld", year);
	const char *title = req_textf(r, "congresses.year_title", "year", ystr, NULL);
	view *v = layout_view(r, title);
	view_int(v, "year", year);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "congresses.title"), title},
		   *urls[] = {"/", "/congresses", NULL};
	view_breadcrumbs(v, labels, urls, 3);
	if (add_years(r, v, (int)year) == 0) {
		resp_error(r, 404, req_text(r, "congresses.no_year"));
		return;
	}
	resp_page(r, 200, "congresses", v, 1);
}

void congress_hub(struct request *r)
{
	struct congress c;
	int found = store_congress_by_slug(r->w->db, r->pool, r->site->id, r->params[0], &c);
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "congress.not_found"));
		return;
	}
	req_name_congress(r, &c);
	view *v = layout_view(r, c.name);
	char feed_base[256];
	snprintf(feed_base, sizeof feed_base, "/congress/%s", c.slug);
	view_feed(v, c.name, feed_base);
	congress_fields(view_obj(v, "congress"), &c);
	buf md;
	buf_init(&md, r->pool);
	md_render(&md, c.description, strlen(c.description));
	view_html(v, "description_html", md.p ? md.p : "", md.len);
	char year[16], base[256];
	snprintf(year, sizeof year, "%d", c.year);
	snprintf(base, sizeof base, "/congress/%s", c.slug);
	char yurl[32];
	snprintf(yurl, sizeof yurl, "/congresses/%d", c.year);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "congresses.title"), year,
				c.name},
		   *urls[] = {"/", "/congresses", yurl, NULL};
	view_breadcrumbs(v, labels, urls, 4);
	struct article_filter f = {.site_id = r->site->id, .congress_id = c.id};
	struct article *as;
	size_t n;
	int page = view_article_page(r, v, &f, base, &as, &n);
	if (page < 0)
		return;
	view *list = view_list(v, "articles");
	for (size_t i = 0; i < n; i++)
		view_article_card(r, list, &as[i]);
	resp_page(r, 200, "congress", v, 1);
}
