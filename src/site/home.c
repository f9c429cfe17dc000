/* home: the front page: the editor's featured articles, a congress's highlights, then the latest interviews
 * (pinned ones first, paginated), no article shown twice on a page. */
#include <string.h>

#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "store/front.h"

#define HIGHLIGHTS 4
#define FEATURED_MAX 4
#define PINNED_MAX 6
/* every article the first page may show besides the latest list's: featured, pinned, highlights */
#define SHOWN_MAX (FEATURED_MAX + PINNED_MAX + HIGHLIGHTS)

/* The articles a page shows already, so that no list repeats one. */
struct shown {
	int64_t id[SHOWN_MAX];
	size_t n;
};

static int is_shown(const struct shown *s, int64_t id)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->id[i] == id)
			return 1;
	return 0;
}

static void add_shown(struct shown *s, int64_t id)
{
	if (s->n < SHOWN_MAX && !is_shown(s, id))
		s->id[s->n++] = id;
}

/* The automatic highlight: the newest congress with enough visible articles to fill the highlight
 * (HIGHLIGHTS); when none has that many, the one with the most (the newest of equals). One new article of
 * a new congress therefore cannot push a fuller highlight off the page: the new one takes over once its
 * coverage fills the cards. cs comes newest first. Returns the index, or n when no congress has articles. */
size_t home_auto_congress(const struct congress *cs, size_t n)
{
	size_t best = n;
	for (size_t i = 0; i < n; i++) {
		if (cs[i].article_count >= HIGHLIGHTS)
			return i;
		if (cs[i].article_count > 0 && (best == n || cs[i].article_count > cs[best].article_count))
			best = i;
	}
	return best;
}

/* The congress the editor chose (when it still has visible articles) or the automatic one. */
static void add_highlights(struct request *r, view *v, int64_t chosen, struct shown *shown)
{
	struct congress *cs;
	size_t n;
	if (store_congresses(r->w->db, r->pool, r->site->id, 0, &cs, &n) != 0)
		return;
	size_t i = n;
	for (size_t k = 0; chosen && k < n; k++)
		if (cs[k].id == chosen && cs[k].article_count > 0)
			i = k;
	if (i == n)
		i = home_auto_congress(cs, n);
	if (i == n)
		return;
	struct article_filter f = {.site_id = r->site->id, .congress_id = cs[i].id};
	languages_filter(r, &f);
	struct article *as;
	size_t na, total;
	if (store_articles(r->w->db, r->pool, &f, 0, HIGHLIGHTS + shown->n, &as, &na, &total) != 0)
		return;
	view_card_images(r, as, na);
	req_name_congress(r, &cs[i]);
	view *h = view_obj(v, "highlight");
	view_bool(v, "has_highlight", 1);
	view_str(h, "name", cs[i].name);
	view_str(h, "full_name", cs[i].full_name);
	view_str(h, "slug", cs[i].slug);
	view_str(h, "city", cs[i].city);
	view_int(h, "count", cs[i].article_count);
	view *list = view_list(h, "articles");
	size_t before = shown->n, cards = 0;
	for (size_t k = 0; k < na && cards < HIGHLIGHTS; k++) {
		int seen = 0;
		for (size_t j = 0; j < before; j++)
			seen |= shown->id[j] == as[k].id;
		if (seen)
			continue;
		view_article_card(r, list, &as[k]);
		add_shown(shown, as[k].id);
		cards++;
	}
}

/* The editor's articles of place into list (nothing when none is visible); returns how many. */
static size_t add_curated(struct request *r, view *list, const char *place, size_t max, struct shown *shown)
{
	struct article *as;
	size_t n;
	if (store_front_articles(r->w->db, r->pool, r->site->id, place, languages_stored(r), max, &as, &n) !=
	    0)
		return 0;
	view_card_images(r, as, n);
	size_t cards = 0;
	for (size_t i = 0; i < n; i++)
		if (!is_shown(shown, as[i].id)) {
			view_article_card(r, list, &as[i]);
			add_shown(shown, as[i].id);
			cards++;
		}
	return cards;
}

void home_page(struct request *r)
{
	view *v = layout_view(r, "");
	view_feed(v, req_name(r, "site", r->site->id, "name", r->site->name), "");
	struct article_filter f = {.site_id = r->site->id};
	struct article *as;
	size_t n;
	int page = view_article_page(r, v, &f, "/", &as, &n);
	if (page < 0)
		return;
	struct shown shown = {.n = 0};
	view_bool(v, "first_page", page == 1);
	if (page == 1) {
		int64_t chosen = 0;
		struct front_entry *fe;
		size_t nfe;
		if (store_front(r->w->db, r->pool, r->site->id, &chosen, &fe, &nfe) != 0)
			chosen = 0;
		view_bool(v, "has_featured",
			  add_curated(r, view_list(v, "featured"), "featured", FEATURED_MAX, &shown) > 0);
		view_bool(v, "has_pinned",
			  add_curated(r, view_list(v, "pinned"), "pinned", PINNED_MAX, &shown) > 0);
		add_highlights(r, v, chosen, &shown);
	}
	/* the first page's latest list leaves out what the page shows above; later pages are as they were */
	view *list = view_list(v, "articles");
	for (size_t i = 0; i < n; i++)
		if (!is_shown(&shown, as[i].id))
			view_article_card(r, list, &as[i]);
	struct section *ss;
	size_t ns;
	view *sections = view_list(v, "sections");
	if (store_sections(r->w->db, r->pool, r->site->id, &ss, &ns) == 0)
		for (size_t i = 0; i < ns; i++) {
			view *s = view_push(sections);
			req_name_section(r, &ss[i]);
			view_str(s, "name", ss[i].name);
			view_str(s, "slug", ss[i].slug);
			view_str(s, "description", ss[i].description);
		}
	resp_page(r, 200, "home", v, 1);
}
