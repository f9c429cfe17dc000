/* response: every way a handler answers: pages, errors, redirects, with the headers every response gets. */
#ifndef PLENARY_RESPONSE_H
#define PLENARY_RESPONSE_H

#include "http/cache.h"
#include "http/request.h"
#include "render/view.h"

/** Slots spliced into pages at send time (see view_slot). */
enum { SLOT_FORM_TOKEN = 0, SLOT_USER_NAME = 1 };

#define DEFER_MAX_HEADERS 8

/** What a handler run on a render thread answered, recorded for its worker's loop to send (see render.c):
 * one of the answers below, and the headers the handler added. Strings live in the render job's pool. */
struct deferred {
	enum { DEFER_NONE, DEFER_ENTRY, DEFER_BYTES, DEFER_REDIRECT } kind;
	int status;
	struct page_entry
	    *entry; /* DEFER_ENTRY: built (kept or not, as page_entry_build decided), one reference */
	const char *ctype, *cache_control, *etag, *location, *body;
	size_t len;
	size_t nheaders;
	const char *header_name[DEFER_MAX_HEADERS], *header_value[DEFER_MAX_HEADERS];
};

/** Sends what a render thread recorded, on the loop of r's worker (r has its h2o request again). */
void resp_replay(struct request *r, struct deferred *d);
/** Adds a response header a handler sets itself (Set-Cookie, Retry-After...): to the response now, or
 * recorded with the answer on a render thread. */
void resp_header(struct request *r, const char *name, const char *value, size_t len);
/** Adds the headers every response carries: CSP, nosniff, Referrer-Policy, frame denial. */
void resp_security_headers(h2o_req_t *req);
/** Renders template tmpl with v (the layout comes through the template's partials) and sends it. When
 * cacheable, the page is kept for the next reader with the same cache key. */
void resp_page(struct request *r, int status, const char *tmpl, view *v, int cacheable);
/** Sends a file made for this request (a PDF) with its content type (a static string) and
 * Content-Disposition (may be NULL); when cacheable, it is kept in the page cache as pages are, under the
 * same key and dependencies. body may be freed on return. */
void resp_file(struct request *r, const char *ctype, const char *disposition, const char *body, size_t len,
	       int cacheable);
/** Sends a page from the cache (or just made): 304 when If-None-Match matches, slots filled in. */
void resp_send_entry(struct request *r, struct page_entry *e);
/** An error page in the site's layout with a message for the reader. */
void resp_error(struct request *r, int status, const char *message);
/** 405 with Allow listing the methods the path has. */
void resp_method_not_allowed(struct request *r, int allowed);
/** A redirect to a local path or URL. */
void resp_redirect(struct request *r, int status, const char *location);
/** 301 to where an old address's content lives now (a site's redirects: moved.c), kept by caches an hour. */
void resp_moved(struct request *r, const char *location);
/** Raw bytes with a content type (the body must outlive the request, or live in its pool). */
void resp_bytes(struct request *r, int status, const char *ctype, const char *cache_control, const char *etag,
		const char *body, size_t len);

#endif
