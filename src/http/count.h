/* count: first-party counting on the request path: page views (cache hit or miss), the feed and mail
 * markers of a link (?via=feed, ?via=mail), who is not counted (robots, prefetches, staff, HEAD), and each
 * worker's table handed to the writer every second. docs/design.md, "Counting". */
#ifndef PLENARY_COUNT_H
#define PLENARY_COUNT_H

#include <stddef.h>
#include <stdint.h>

#include "http/cache.h"
#include "http/count_table.h"
#include "http/request.h"

#define COUNT_TABLE_SLOTS 4096	     /* rows a worker's table holds in one interval (then "other") */
#define COUNT_TABLE_TEXT (64 * 1024) /* bytes of referrers and profile fields it holds */
#define COUNT_INTERVAL_MS 1000	     /* a worker hands its table over this often */

/** 1 when the analytics setting is on. */
int count_enabled(const struct app *app);
/** Takes the marker of a feed's or a mail's link (via=feed, via=mail) out of r->query, so that it does not
 * split the page cache, and remembers it for the count: before the cache key is made. */
void count_take_via(struct request *r);
/** The page's article (0 for none), remembered with the page so a cache hit counts it too. */
void count_set_article(struct request *r, int64_t article_id);
/** Counts a page about to be sent: an HTML page, 200, to a GET from a reader who is not a robot, a prefetch
 * or staff; its view, and its feed or mail click when the link had the marker. */
void count_page(struct request *r, const struct page_entry *e);
/** 1 when the request is one to count at all: analytics on, not a robot (by its User-Agent, or none), not a
 * prefetch or prerender, not staff (contributors and above). */
int count_reader(struct request *r);
/** Adds one event of the request's reader (its profile's fields when signed in) to the worker's table. */
void count_event(struct request *r, int event, int64_t article_id, const char *referrer);
/** 1 when a User-Agent of len bytes is a robot's, a preview's, a headless browser's or a tool's. */
int count_is_robot(const char *ua, size_t len);
/** The referring host of a Referer value (lowercase, at most ANALYTICS_REFERRER_MAX bytes) into out, or ""
 * when there is none or it is one of the sites served here (ours and our sisters'). */
void count_referrer(const struct worker *w, const char *referer, size_t len, char *out, size_t outlen);
/** On the worker's loop: hands its table to the writer once a second, and at the end (final). */
void count_tick(struct worker *w, int final);

#endif
