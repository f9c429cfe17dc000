/* count: what a page load counts, decided on the worker's loop with no lock: the checks (robot, prefetch,
 * staff, method, status), the dimensions (day, site, article, referrer, profile), the worker's table. */
#include "http/count.h"

#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/log.h"
#include "http/count_queue.h"
#include "http/router.h"
#include "store/analytics.h"

int count_enabled(const struct app *app)
{
	return strcmp(app->cfg.analytics, "on") == 0;
}

void count_take_via(struct request *r)
{
	const char *q = r->query;
	for (const char *p = q; p && *p;) {
		const char *end = strchr(p, '&');
		size_t n = end ? (size_t)(end - p) : strlen(p);
		int via = n == 8 && memcmp(p, "via=feed", 8) == 0   ? COUNT_FEED
			  : n == 8 && memcmp(p, "via=mail", 8) == 0 ? COUNT_MAIL
								    : 0;
		if (via) {
			r->count_via = via;
			/* the query without it: what came before, then what came after its '&' */
			size_t before = (size_t)(p - q), after = end ? strlen(end + 1) : 0;
			char *rest = h2o_mem_alloc_pool(r->pool, before + after + 1);
			memcpy(rest, q, before);
			if (after)
				memcpy(rest + before, end + 1, after);
			else if (before)
				before--; /* the '&' that led to it */
			rest[before + after] = '\0';
			r->query = rest;
			return;
		}
		p = end ? end + 1 : NULL;
	}
}

void count_set_article(struct request *r, int64_t article_id)
{
	r->count_article = article_id;
}

int count_is_robot(const char *ua, size_t len)
{
	static const char *const marks[] = {"bot",	  "crawl",
					    "spider",	  "slurp",
					    "preview",	  "headless",
					    "fetch",	  "scan",
					    "monitor",	  "lighthouse",
					    "curl",	  "wget",
					    "python",	  "java/",
					    "go-http",	  "okhttp",
					    "httpclient", "http-client",
					    "libwww",	  "scrapy",
					    "phantomjs",  "selenium",
					    "puppeteer",  "playwright",
					    "archiver",	  "facebookexternalhit",
					    "embedly",	  "whatsapp",
					    "validator",  "feed",
					    "check"};
	if (len < 10) /* none, or no browser's */
		return 1;
	char low[512];
	size_t n = len < sizeof low ? len : sizeof low;
	for (size_t i = 0; i < n; i++)
		low[i] = (char)((ua[i] >= 'A' && ua[i] <= 'Z') ? ua[i] + 32 : ua[i]);
	for (size_t i = 0; i < sizeof marks / sizeof *marks; i++)
		if (memmem(low, n, marks[i], strlen(marks[i])))
			return 1;
	return 0;
}

/* 1 when v holds word, without case. */
static int holds(h2o_iovec_t v, const char *word)
{
	size_t n = strlen(word);
	for (size_t k = 0; k + n <= v.len; k++)
		if (strncasecmp(v.base + k, word, n) == 0)
			return 1;
	return 0;
}

/* A prefetch or prerender (Sec-Purpose, Purpose, X-Moz, X-Purpose): one pass over the headers, as it runs
 * for every page counted. */
static int prefetch(const h2o_headers_t *h)
{
	for (size_t i = 0; i < h->size; i++) {
		h2o_iovec_t name = *h->entries[i].name, v = h->entries[i].value;
		switch (name.len) {
		case 11: /* sec-purpose */
			if (h2o_lcstris(name.base, name.len, H2O_STRLIT("sec-purpose")) &&
			    (holds(v, "prefetch") || holds(v, "prerender")))
				return 1;
			break;
		case 7:
			if (h2o_lcstris(name.base, name.len, H2O_STRLIT("purpose")) && holds(v, "prefetch"))
				return 1;
			break;
		case 5:
			if (h2o_lcstris(name.base, name.len, H2O_STRLIT("x-moz")) && holds(v, "prefetch"))
				return 1;
			break;
		case 9:
			if (h2o_lcstris(name.base, name.len, H2O_STRLIT("x-purpose")) && holds(v, "preview"))
				return 1;
			break;
		}
	}
	return 0;
}

/* A hash of a User-Agent, eight bytes at a time. */
static uint64_t ua_hash(const char *p, size_t n)
{
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
	for (; n >= 8; p += 8, n -= 8) {
		uint64_t v;
		memcpy(&v, p, 8);
		h = (h ^ v) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	uint64_t v = 0;
	memcpy(&v, p, n);
	h = (h ^ v) * 0xc4ceb9fe1a85ec53ULL;
	return h ^ h >> 29;
}

/* count_is_robot's answers of this thread (a worker's loop), by the User-Agent's hash: a reader's browser
 * sends the same one with every request, and the scan costs more than the rest of the count together. */
#define UA_MEMO 256
static _Thread_local struct {
	uint64_t hash; /* 0: empty */
	unsigned char robot;
} ua_memo[UA_MEMO];

static int robot_memo(const char *ua, size_t len)
{
	uint64_t h = ua_hash(ua, len) | 1;
	unsigned slot = (unsigned)(h >> 56) % UA_MEMO;
	if (ua_memo[slot].hash == h)
		return ua_memo[slot].robot;
	int robot = count_is_robot(ua, len);
	ua_memo[slot].hash = h;
	ua_memo[slot].robot = (unsigned char)robot;
	return robot;
}

int count_reader(struct request *r)
{
	if (!count_enabled(r->app) || !r->req)
		return 0;
	if (r->user && route_role_of(r->user->role) >= ROLE_CONTRIBUTOR)
		return 0; /* staff preview constantly */
	ssize_t i = h2o_find_header(r->headers, H2O_TOKEN_USER_AGENT, -1);
	if (i < 0 || robot_memo(r->headers->entries[i].value.base, r->headers->entries[i].value.len))
		return 0;
	return !prefetch(r->headers);
}

void count_referrer(const struct worker *w, const char *referer, size_t len, char *out, size_t outlen)
{
	out[0] = '\0';
	const char *p = memmem(referer, len, "://", 3);
	if (!p || outlen == 0)
		return;
	p += 3;
	const char *end = referer + len;
	const char *at = p; /* user:pass@ is not part of the host */
	while (at < end && *at != '/' && *at != '@')
		at++;
	if (at < end && *at == '@')
		p = at + 1;
	size_t n = 0;
	while (p + n < end && p[n] != '/' && p[n] != ':' && p[n] != '?' && p[n] != '#')
		n++;
	if (n == 0)
		return;
	size_t keep = n < outlen - 1 ? n : outlen - 1;
	if (keep > ANALYTICS_REFERRER_MAX)
		keep = ANALYTICS_REFERRER_MAX;
	for (size_t k = 0; k < keep; k++) {
		char c = p[k];
		c = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
			out[0] = '\0'; /* not a host name */
			return;
		}
		out[k] = c;
	}
	out[keep] = '\0';
	for (size_t k = 0; k < w->nsites; k++)
		if (strlen(w->sites[k].host) == n && strncasecmp(w->sites[k].host, p, n) == 0) {
			out[0] = '\0'; /* ours or a sister's */
			return;
		}
}

void count_event(struct request *r, int event, int64_t article_id, const char *referrer)
{
	struct worker *w = r->w;
	if (!w->counts && !(w->counts = count_table_new(COUNT_TABLE_SLOTS, COUNT_TABLE_TEXT))) {
		log_error("counting: out of memory");
		return;
	}
	const struct user *u = r->user;
	struct count_key k = {(int32_t)(time(NULL) / 86400),
			      event,
			      r->site ? r->site->id : 0,
			      article_id,
			      referrer,
			      u && u->profession ? u->profession : "",
			      u && u->specialty ? u->specialty : "",
			      u && u->country ? u->country : ""};
	count_table_add(w->counts, &k, 1);
}

void count_page(struct request *r, const struct page_entry *e)
{
	if (e->status != 200 || e->ctype || !r->is_get || r->is_head || !r->site ||
	    strncmp(r->path, "/admin", 6) == 0 || !count_reader(r))
		return;
	char referrer[ANALYTICS_REFERRER_MAX + 1] = "";
	ssize_t i = h2o_find_header(r->headers, H2O_TOKEN_REFERER, -1);
	if (i >= 0)
		count_referrer(r->w, r->headers->entries[i].value.base, r->headers->entries[i].value.len,
			       referrer, sizeof referrer);
	count_event(r, COUNT_VIEW, e->article_id, referrer);
	if (r->count_via)
		count_event(r, r->count_via, e->article_id, "");
}

void count_tick(struct worker *w, int final)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	int64_t now = (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
	if (!final && now - w->counts_at < COUNT_INTERVAL_MS)
		return;
	w->counts_at = now;
	if (w->counts) {
		count_queue_push(w->counts);
		w->counts = NULL;
	}
}
