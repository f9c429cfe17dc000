/* layout: the view every page starts from (site, menu, sister sites, consent banner, form token). */
#include "site/layout.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "jobs/media.h"
#include "site/assets.h"
#include "site/languages.h"
#include "store/media.h"

static const char *menu_url(struct request *r, const char *url)
{
	if (strncmp(url, "site:", 5) != 0)
		return url;
	for (size_t i = 0; i < r->w->nsites; i++)
		if (strcmp(r->w->sites[i].slug, url + 5) == 0)
			return req_site_url(r, &r->w->sites[i]);
	return "/";
}

/* The menu is stored flat, parents first; this rebuilds it as nested lists of "children". */
static void add_menu(view *v, struct request *r)
{
	struct menu_item *items;
	size_t n;
	view *top = view_list(v, "menu");
	if (store_menu(r->w->db, r->pool, r->site->id, &items, &n) != 0)
		return;
	view **made = h2o_mem_alloc_pool(r->pool, sizeof *made * (n + 1));
	view **kids = h2o_mem_alloc_pool(r->pool, sizeof *kids * (n + 1));
	for (size_t i = 0; i < n; i++) {
		/* a signed-in reader has no use for the menu's sign-up and sign-in entries */
		if (r->user &&
		    (strcmp(items[i].url, "/signup") == 0 || strcmp(items[i].url, "/signin") == 0)) {
			made[i] = view_new(r->pool);
			kids[i] = view_list(made[i], "children");
			continue;
		}
		view *list = top;
		for (size_t j = 0; j < i; j++)
			if (items[j].id == items[i].parent_id)
				list = kids[j];
		view *item = made[i] = view_push(list);
		kids[i] = view_list(item, "children");
		const char *url = menu_url(r, items[i].url);
		view_str(item, "label", req_name(r, "menu_item", items[i].id, "label", items[i].label));
		view_str(item, "url", url);
		view_bool(item, "has_url", url[0] != '\0');
		view_str(item, "aria_current", strcmp(url, r->path) == 0 ? "page" : "false");
		view_int(item, "id", (long long)items[i].id);
		/* a section's "What's new" entry has its typeset PDF beside it; "" hides what a page names so
		 */
		size_t ul = strlen(url);
		if (!strncmp(url, "/section/", 9) && ul > 19 && !strcmp(url + ul - 10, "/whats-new") &&
		    !memchr(url + 9, '/', ul - 19))
			view_fmt(item, "pdf_url", "%s.pdf", url);
		else
			view_str(item, "pdf_url", "");
	}
	for (size_t i = 0; i < n; i++)
		view_bool(made[i], "has_children", view_len(kids[i]) > 0);
}

/* The site's logo (shown 3rem high, so its width in CSS pixels is 48 times its aspect) and favicon (the
 * smallest rendition). */
static void add_site_images(view *v, struct request *r)
{
	struct site_images im;
	if (store_site_images(r->w->db, r->pool, r->site->id, &im) != 1)
		return;
	if (im.logo.id && im.logo.height > 0) {
		long long w = im.logo.width * 48 / im.logo.height;
		char sizes[32];
		snprintf(sizes, sizeof sizes, "%lldpx", w < 1 ? 1 : w > 480 ? 480 : w);
		view_picture(v, "logo", &im.logo, sizes);
	}
	if (im.favicon.id) {
		int ws[MEDIA_MAX_WIDTHS];
		char url[128];
		media_widths(im.favicon.width, ws);
		media_url(im.favicon.hash, im.favicon.kind, ws[0], url, sizeof url);
		view *f = view_obj(v, "favicon");
		view_str(f, "url", url);
		view_fmt(f, "type", "image/%s", im.favicon.kind);
	}
}

const char *layout_return_to(struct request *r)
{
	if (strlen(r->path) + strlen(r->query) > 1000)
		return "/"; /* forms on a page with a huge address go back home rather than copy it */
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, r->path);
	if (r->query[0]) {
		buf_addc(&b, '?');
		buf_adds(&b, r->query);
	}
	return buf_cstr(&b);
}

view *layout_view(struct request *r, const char *title)
{
	view *v = view_new(r->pool);
	const struct site *site = r->site;
	view_str(v, "title", title);
	view_bool(v, "has_title", title && title[0]);
	const char *tagline = site ? req_name(r, "site", site->id, "tagline", site->tagline) : "";
	view_str(v, "site_name", site ? req_name(r, "site", site->id, "name", site->name) : "Plenary");
	view_str(v, "site_tagline", tagline);
	view_str(v, "site_specialty", site ? site->specialty : "");
	view_str(v, "css_url", asset_url(r->app, "site.css"));
	view_str(v, "reader_css_url", asset_url(r->app, "reader.css"));
	view_str(v, "print_css_url", asset_url(r->app, "print.css"));
	view_str(v, "reader_js_url", asset_url(r->app, "reader.js"));
	if (site)
		add_site_images(v, r);
	view_str(v, "return_to", layout_return_to(r));
	view_bool(v, "consent_unknown", r->consent == CONSENT_UNKNOWN);
	view_slot(v, "form_token", SLOT_FORM_TOKEN);
	view_bool(v, "signed_in", r->user != NULL);
	view_slot(v, "user_name", SLOT_USER_NAME);
	view_bool(v, "is_staff", policy_role_at_least(r->user, ROLE_EDITOR));
	view_bool(v, "staff_link",
		  policy_role_at_least(r->user, ROLE_CONTRIBUTOR)); /* the "Back office" link */
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	view_int(v, "year", tm.tm_year + 1900);
	view *sites = view_list(v, "sister_sites");
	for (size_t i = 0; i < r->w->nsites; i++) {
		const struct site *s = &r->w->sites[i];
		if (site && s->id == site->id)
			continue;
		view *item = view_push(sites);
		view_str(item, "name", req_name(r, "site", s->id, "name", s->name));
		view_str(item, "specialty", s->specialty);
		view_str(item, "url", req_site_url(r, s));
	}
	if (site)
		add_menu(v, r);
	/* what search engines and link previews read */
	buf canon;
	buf_init(&canon, r->pool);
	buf_adds(&canon, site ? req_site_url(r, site) : "/");
	buf_adds(&canon, r->path + (r->path[0] == '/'));
	int page = req_page_number(r);
	if (page > 1)
		buf_printf(&canon, "?page=%d", page);
	view_str(v, "canonical", buf_cstr(&canon));
	languages_view(v, r, NULL,
		       0); /* lang, the switcher, hreflang, and canonical in the page's language */
	const char *root = site ? req_site_url(r, site) : "/";
	view_strn(v, "site_root", root, strlen(root) - 1); /* without the final '/', for root + path */
	view_str(v, "meta_description", tagline);
	view_str(v, "og_type", "website");
	view_bool(v, "back_office", strncmp(r->path, "/admin", 6) == 0); /* it has its own search */
	static const char *const private_paths[] = {"/admin", "/account", "/signin", "/signup", "/signout",
						    "/reset", "/verify",  "/search", "/cookies"};
	for (size_t i = 0; i < sizeof private_paths / sizeof *private_paths; i++)
		if (strncmp(r->path, private_paths[i], strlen(private_paths[i])) == 0)
			view_bool(v, "noindex", 1);
	return v;
}

void view_feed(view *v, const char *title, const char *base)
{
	view *f = view_push(view_list(v, "feeds"));
	view_str(f, "title", title);
	view_fmt(f, "rss", "%s/feed.rss", base);
	view_fmt(f, "atom", "%s/feed.atom", base);
}

void view_date(struct request *r, view *v, const char *name, const char *iso_name, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char iso[32];
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	/* the day on the site's clocks (time_zone, set as TZ at start-up), in the page's language */
	view_str(v, name, req_date(r, t));
	view_str(v, iso_name, iso);
}

view *view_article_card(struct request *r, view *list, const struct article *a)
{
	view *c = view_push(list);
	view_str(c, "title", a->title);
	view_str(c, "slug", a->slug);
	view_str(c, "summary", a->summary);
	/* an article in another language than the page's (a list shows the original when the reader's
	 * language has no translation): its words are marked with their language */
	const char *lang = languages_code(r, a->lang ? a->lang : "");
	view_str(c, "content_lang", lang);
	view_bool(c, "foreign", strcmp(lang, req_lang(r)) != 0);
	view_str(c, "kind", a->kind);
	view_bool(c, "is_interview", strcmp(a->kind, "interview") == 0);
	view_str(c, "section_name", req_name(r, "section", a->section.id, "name", a->section.name));
	view_str(c, "section_slug", a->section.slug);
	view_bool(c, "has_congress", a->congress.id != 0);
	view_str(c, "congress_name", req_name(r, "congress", a->congress.id, "name", a->congress.name));
	view_str(c, "congress_slug", a->congress.slug);
	view_bool(c, "gated", strcmp(a->audience, "public") != 0);
	/* the card's badge (parts/card.html) names the audience in the page's language */
	view_bool(c, "badge_members", strcmp(a->audience, "members") == 0);
	view_bool(c, "badge_hcp", strcmp(a->audience, "hcp") == 0);
	view_bool(c, "badge_verified",
		  strcmp(a->audience, "members") != 0 && strcmp(a->audience, "hcp") != 0);
	view_date(r, c, "date", "date_iso", a->published_at);
	/* a card is a grid cell of at least 17rem, the whole width on a phone (site.css's .cards) */
	view_bool(c, "has_image", a->image.id != 0); /* never the page's own image, found further up */
	view_picture(c, "image", &a->image, "(max-width: 40rem) calc(100vw - 2rem), 24rem");
	return c;
}

void view_card_images(struct request *r, struct article *as, size_t n)
{
	if (n && store_card_images(r->w->db, r->pool, as, n) != 0)
		for (size_t i = 0; i < n; i++)
			as[i].image.id = 0;
}

int view_pagination(view *v, struct request *r, const char *base, int page, size_t total, size_t per_page)
{
	size_t pages = total ? (total + per_page - 1) / per_page : 1;
	if (page < 1 || (size_t)page > pages)
		return -1;
	view *p = view_obj(v, "pagination");
	view_bool(v, "has_pagination", pages > 1);
	view_int(p, "page", page);
	view_int(p, "pages", (long long)pages);
	view_int(p, "total", (long long)total);
	buf b;
	if (page > 1) {
		buf_init(&b, r->pool);
		if (page == 2)
			buf_adds(&b, base);
		else
			buf_printf(&b, "%s%cpage=%d", base, strchr(base, '?') ? '&' : '?', page - 1);
		view_str(p, "prev_url", buf_cstr(&b));
	}
	if ((size_t)page < pages) {
		buf_init(&b, r->pool);
		buf_printf(&b, "%s%cpage=%d", base, strchr(base, '?') ? '&' : '?', page + 1);
		view_str(p, "next_url", buf_cstr(&b));
	}
	view *list = view_list(p, "pages_list");
	for (size_t i = 1; i <= pages; i++) {
		/* first, last and the neighbours of the current page; gaps shown once */
		int show = i == 1 || i == pages || (i + 2 >= (size_t)page && i <= (size_t)page + 2);
		if (!show) {
			if (i == 2 || i + 1 == pages) {
				view *gap = view_push(list);
				view_bool(gap, "gap", 1);
			}
			continue;
		}
		view *item = view_push(list);
		view_int(item, "number", (long long)i);
		view_bool(item, "current", i == (size_t)page);
		view_bool(item, "gap", 0);
		buf_init(&b, r->pool);
		if (i == 1)
			buf_adds(&b, base);
		else
			buf_printf(&b, "%s?page=%zu", base, i);
		view_str(item, "url", buf_cstr(&b));
	}
	return 0;
}

void view_breadcrumbs(view *v, const char *const *labels, const char *const *urls, size_t n)
{
	view_bool(v, "has_breadcrumbs", n > 0);
	view *list = view_list(v, "breadcrumbs");
	for (size_t i = 0; i < n; i++) {
		view *item = view_push(list);
		view_str(item, "label", labels[i]);
		if (urls[i])
			view_str(item, "url", urls[i]);
		view_bool(item, "last", i + 1 == n);
		view_int(item, "position", (long long)i + 1);
	}
}

int view_article_page(struct request *r, view *v, const struct article_filter *f, const char *base,
		      struct article **out, size_t *n)
{
	int page = req_page_number(r);
	size_t per = (size_t)r->app->cfg.page_size, total;
	if (page < 0) {
		resp_error(r, 400, req_text(r, "errors.page_number"));
		return -1;
	}
	struct article_filter mine = *f; /* one member of each family: the reader's language's */
	languages_filter(r, &mine);
	if (store_articles(r->w->db, r->pool, &mine, (size_t)(page - 1) * per, per, out, n, &total) != 0) {
		resp_error(r, 500, NULL);
		return -1;
	}
	view_card_images(r, *out, *n);
	req_name_articles(r, *out, *n);
	if (view_pagination(v, r, base, page, total, per) != 0) {
		resp_error(r, 404, req_text(r, "errors.no_page"));
		return -1;
	}
	return page;
}

void view_picture(view *v, const char *name, const struct media *m, const char *sizes)
{
	if (!m->id)
		return;
	view *p = view_obj(v, name);
	int ws[MEDIA_MAX_WIDTHS];
	size_t nw = media_widths(m->width, ws);
	buf set;
	buf_init(&set, view_pool(v));
	char url[128], src[128] = "";
	for (size_t i = 0; i < nw; i++) {
		media_url(m->hash, m->kind, ws[i], url, sizeof url);
		buf_printf(&set, "%s%s %dw", i ? ", " : "", url, ws[i]);
		if (ws[i] <= 960 || !src[0]) /* the fallback for browsers without srcset: a middle size */
			memcpy(src, url, sizeof src);
	}
	view_fmt(p, "src", "%s", src);
	view_str(p, "srcset", buf_cstr(&set));
	view_str(p, "sizes", sizes);
	view_int(p, "width", (long long)m->width);
	view_int(p, "height", (long long)m->height);
	view_str(p, "alt", m->alt);
	view_str(p, "credit", m->credit ? m->credit : "");
}
