/* layout: the view every page starts from (site, menu, sister sites, consent banner, form token). */
#ifndef PLENARY_LAYOUT_H
#define PLENARY_LAYOUT_H

#include "http/form.h"
#include "http/names.h"
#include "http/request.h"
#include "render/view.h"
#include "site/languages.h"
#include "store/store.h"

/** A view with what the layout partials need; title is the page's own title ("" for the home page). */
view *layout_view(struct request *r, const char *title);
/** Adds name (e.g. "5 June 2025", "5 juin 2025": the day in the site's zone, in the page's language) and
 * iso_name (2025-06-05T14:30:00Z) for a Unix time. */
void view_date(struct request *r, view *v, const char *name, const char *iso_name, int64_t t);
/** Adds object name for an <img> of a library image: src, srcset over its renditions, sizes, width, height,
 * alt and credit; adds nothing when m->id is 0. */
void view_picture(view *v, const char *name, const struct media *m, const char *sizes);
/** Appends an article card (title, link, summary, section, congress, date, and its featured image as
 * "image" when a->image is filled: view_card_images) to a list; returns it. */
view *view_article_card(struct request *r, view *list, const struct article *a);
/** Fills the featured images of n listed articles for their cards (none when the store fails: a list
 * without pictures is still a list). */
void view_card_images(struct request *r, struct article *as, size_t n);
/** Adds "pagination" for page (1-based) of total items at per_page each; base is the list's path.
 * Returns -1 when page is beyond the last page (the caller answers 404). */
int view_pagination(view *v, struct request *r, const char *base, int page, size_t total, size_t per_page);
/** One page of a list of articles matching f: reads ?page=, asks the store, adds "pagination" (base is the
 * list's path). Returns the page number, or -1 after answering 400 (bad page), 404 (beyond the last) or 500.
 */
int view_article_page(struct request *r, view *v, const struct article_filter *f, const char *base,
		      struct article **out, size_t *n);
/** Advertises a list page's feeds: base "/section/x" gives base/feed.rss and base/feed.atom ("" for the
 * site's own). */
void view_feed(view *v, const char *title, const char *base);
/** Adds a "breadcrumbs" list: pairs of label and URL ending with the current page's label (URL NULL). */
void view_breadcrumbs(view *v, const char *const *labels, const char *const *urls, size_t n);
/** The consent banner's return path: the current path and query. */
const char *layout_return_to(struct request *r);

/** Answers a POST whose Origin or form token is wrong: 403 with a page offering to retry (a route hook). */
void form_refused(struct request *r);

#endif
