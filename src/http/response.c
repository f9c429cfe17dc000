/* response: every way a handler answers: pages, errors, redirects, with the headers every response gets. */
#include "http/response.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "core/buf.h"
#include "core/log.h"
#include "http/changes.h"
#include "http/count.h"
#include "http/csrf.h"
#include "http/lang.h"
#include "http/moved.h"
#include "http/router.h"
#include "http/status.h"
#include "render/escape.h"

static h2o_generator_t plain_generator = {NULL, NULL};

#define CSP                                                                                                  \
	"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "                    \
	"frame-src https://www.youtube-nocookie.com https://player.vimeo.com; media-src 'self' https:; "     \
	"object-src 'none'; base-uri 'self'; "                                                               \
	"form-action 'self'; frame-ancestors 'none'"

static void add(h2o_req_t *req, const h2o_token_t *t, const char *v)
{
	h2o_add_header(&req->pool, &req->res.headers, t, NULL, v, strlen(v));
}

static void add_str(h2o_req_t *req, const char *name, const char *v)
{
	h2o_add_header_by_str(&req->pool, &req->res.headers, name, strlen(name), 0, NULL, v, strlen(v));
}

void resp_security_headers(h2o_req_t *req)
{
	add_str(req, "content-security-policy", CSP);
	add_str(req, "x-content-type-options", "nosniff");
	if (h2o_find_header_by_str(&req->res.headers, H2O_STRLIT("referrer-policy"), -1) == -1)
		add_str(req, "referrer-policy",
			"strict-origin-when-cross-origin"); /* unless stricter (sso) */
	add_str(req, "x-frame-options", "DENY");
	add_str(req, "permissions-policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
	add_str(req, "cross-origin-opener-policy", "same-origin");
	if (req->scheme == &H2O_URL_SCHEME_HTTPS) /* only on HTTPS, as browsers only heed it there */
		add_str(req, "strict-transport-security", "max-age=31536000");
}

/* 1 when If-None-Match lists etag (or is *). */
static int etag_matches(h2o_req_t *req, const char *etag)
{
	ssize_t i = h2o_find_header(&req->headers, H2O_TOKEN_IF_NONE_MATCH, -1);
	if (i < 0)
		return 0;
	h2o_iovec_t v = req->headers.entries[i].value;
	size_t n = strlen(etag);
	if (v.len == 1 && v.base[0] == '*')
		return 1;
	for (size_t k = 0; k + n <= v.len; k++)
		if (memcmp(v.base + k, etag, n) == 0)
			return 1;
	return 0;
}

static void release_entry(void *p)
{
	page_entry_release(*(struct page_entry **)p);
}

static h2o_iovec_t slot_value(struct request *r, int slot)
{
	if (slot == SLOT_FORM_TOKEN) {
		const char *t = csrf_token(r);
		return h2o_iovec_init(mem_strndup(r->pool, t, strlen(t)), strlen(t));
	}
	if (slot == SLOT_USER_NAME && r->user) {
		buf b;
		buf_init(&b, r->pool);
		esc_html(&b, r->user->name, strlen(r->user->name));
		return h2o_iovec_init(b.p, b.len);
	}
	return h2o_iovec_init("", 0);
}

/* Sends status and bufs; HEAD gets the headers and the length only. */
static void send_bufs(struct request *r, int status, h2o_iovec_t *bufs, size_t n)
{
	h2o_req_t *req = r->req;
	req->res.status = status;
	req->res.reason = http_status(status)->reason;
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		len += bufs[i].len;
	/* a 304 has no body, and a Content-Length there would have to be the full page's */
	if (status != 304)
		req->res.content_length = len;
	h2o_start_response(req, &plain_generator);
	h2o_send(req, bufs, r->is_head ? 0 : n, H2O_SEND_STATE_FINAL);
}

/* A deflate stored block: the per-reader value between two compressed parts, as it is (at most 65535
 * bytes, a block's limit; the caller cuts it). */
static h2o_iovec_t stored_block(h2o_mem_pool_t *pool, h2o_iovec_t v)
{
	unsigned char *b = h2o_mem_alloc_pool(pool, 5 + v.len);
	b[0] = 0; /* not final, stored; the stream is byte-aligned after each part's full flush */
	b[1] = (unsigned char)(v.len & 0xff);
	b[2] = (unsigned char)(v.len >> 8);
	b[3] = (unsigned char)(~v.len & 0xff);
	b[4] = (unsigned char)((~v.len >> 8) & 0xff);
	memcpy(b + 5, v.base, v.len);
	return h2o_iovec_init(b, 5 + v.len);
}

/* The gzip form of a cached page: header, each part's deflate with the reader's values between them as
 * stored blocks, the final block, and the CRC-32 and length of the whole page as this reader gets it. */
static size_t gzip_bufs(struct request *r, const struct page_entry *e, h2o_iovec_t *bufs)
{
	static const unsigned char header[10] = {0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
	size_t n = 0, total = 0;
	uLong crc = 0;
	bufs[n++] = h2o_iovec_init(header, sizeof header);
	for (size_t i = 0; i < e->nparts; i++) {
		bufs[n++] = e->gz_parts[i];
		crc = crc32_combine(crc, e->part_crc[i], (z_off_t)e->parts[i].len);
		total += e->parts[i].len;
		if (i + 1 < e->nparts) {
			h2o_iovec_t v = slot_value(r, e->slot[i]);
			if (v.len > 65535)
				v.len =
				    65535; /* slot values are names and tokens, far below a block's limit */
			bufs[n++] = stored_block(r->pool, v);
			crc = crc32(crc, (const Bytef *)v.base, (uInt)v.len);
			total += v.len;
		}
	}
	bufs[n++] = e->gz_end;
	unsigned char *trailer = h2o_mem_alloc_pool(r->pool, 8);
	for (int k = 0; k < 4; k++) {
		trailer[k] = (unsigned char)(crc >> (8 * k));
		trailer[4 + k] = (unsigned char)(total >> (8 * k));
	}
	bufs[n++] = h2o_iovec_init(trailer, 8);
	return n;
}

void resp_send_entry(struct request *r, struct page_entry *e)
{
	h2o_req_t *req = r->req;
	char *etag = h2o_mem_alloc_pool(&req->pool, 64);
	int accepts = e->compressed ? h2o_get_compressible_types(&req->headers) : 0;
	const char *coding = accepts & H2O_COMPRESSIBLE_BROTLI && e->br.len ? "br"
			     : accepts & H2O_COMPRESSIBLE_GZIP		    ? "gzip"
									    : NULL;
	count_page(r, e); /* a view, when it is one (count.h) */
	if (e->nparts > 1)
		csrf_token(r); /* brings token_hour up to date: the etag names the token's hour */
	if (e->nparts > 1 && r->user)
		etag =
		    NULL; /* per-reader pages are not revalidated: their spliced parts are the reader's own */
	else if (e->nparts > 1)
		snprintf(etag, 64, "\"%s-%llx%s%s\"", e->etag, (long long)r->w->token_hour, coding ? "-" : "",
			 coding ? coding : "");
	else
		snprintf(etag, 64, "\"%s%s%s\"", e->etag, coding ? "-" : "", coding ? coding : "");
	add(req, H2O_TOKEN_CONTENT_TYPE, e->ctype ? e->ctype : "text/html; charset=utf-8");
	if (e->disposition)
		add(req, H2O_TOKEN_CONTENT_DISPOSITION, e->disposition);
	add(req, H2O_TOKEN_CACHE_CONTROL, r->user ? "private, no-store" : "no-cache");
	add(req, H2O_TOKEN_VARY, e->compressed ? "Accept-Encoding, Cookie" : "Cookie");
	if (coding)
		add(req, H2O_TOKEN_CONTENT_ENCODING, coding);
	resp_security_headers(req);
	if (e->status == 200 && etag) {
		add(req, H2O_TOKEN_ETAG, etag);
		if (etag_matches(req, etag)) {
			send_bufs(r, 304, NULL, 0);
			return;
		}
	}
	struct page_entry **hold = h2o_mem_alloc_shared(&req->pool, sizeof *hold, release_entry);
	*hold = e;
	page_entry_retain(e);
	h2o_iovec_t *bufs = h2o_mem_alloc_pool(&req->pool, sizeof *bufs * (2 * e->nparts + 3));
	size_t n = 0;
	if (coding && coding[0] == 'b') {
		bufs[n++] = e->br;
		send_bufs(r, e->status, bufs, n);
		return;
	}
	if (coding) {
		send_bufs(r, e->status, bufs, gzip_bufs(r, e, bufs));
		return;
	}
	for (size_t i = 0; i < e->nparts; i++) {
		bufs[n++] = e->parts[i];
		if (i + 1 < e->nparts)
			bufs[n++] = slot_value(r, e->slot[i]);
	}
	send_bufs(r, e->status, bufs, n);
}

void resp_header(struct request *r, const char *name, const char *value, size_t len)
{
	struct deferred *d = r->later;
	if (!d) {
		h2o_add_header_by_str(r->pool, &r->req->res.headers, name, strlen(name), 1, NULL,
				      mem_strndup(r->pool, value, len), len);
		return;
	}
	if (d->nheaders == DEFER_MAX_HEADERS) {
		log_error("a response recorded more than %d headers; %s dropped", DEFER_MAX_HEADERS, name);
		return;
	}
	d->header_name[d->nheaders] = mem_strndup(r->pool, name, strlen(name));
	d->header_value[d->nheaders++] = mem_strndup(r->pool, value, len);
}

static void redirect_with(struct request *r, int status, const char *location, const char *cache_control);

void resp_replay(struct request *r, struct deferred *d)
{
	for (size_t i = 0; i < d->nheaders; i++)
		resp_header(r, d->header_name[i], d->header_value[i], strlen(d->header_value[i]));
	switch (d->kind) {
	case DEFER_ENTRY:
		page_cache_put(r->w->cache, d->entry); /* unless it is not to be kept */
		resp_send_entry(r, d->entry);
		page_entry_release(d->entry);
		d->entry = NULL;
		return;
	case DEFER_BYTES:
		resp_bytes(r, d->status, d->ctype, d->cache_control, d->etag,
			   mem_strndup(r->pool, d->body, d->len), d->len);
		return;
	case DEFER_REDIRECT:
		redirect_with(r, d->status, d->location, d->cache_control ? d->cache_control : "no-store");
		return;
	case DEFER_NONE:
		break;
	}
	log_error("%s: the handler answered nothing", r->path);
	resp_error(r, 500, NULL);
}

/* The database cannot be reached: a short page made without it (the layout reads the menu from it), and a
 * hint to try again in a few seconds, when the store will have made its connection again. */
static void unavailable(struct request *r)
{
	static const char page[] =
	    "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<title>Temporarily unavailable</title>\n</head>\n<body>\n<main>\n"
	    "<h1>Temporarily unavailable</h1>\n"
	    "<p>The site cannot reach its database just now. Please try again in a few seconds.</p>\n"
	    "</main>\n</body>\n</html>\n";
	resp_header(r, "retry-after", "5", 1);
	resp_bytes(r, 503, "text/html; charset=utf-8", "no-store", NULL, page, sizeof page - 1);
}

void resp_page(struct request *r, int status, const char *tmpl, view *v, int cacheable)
{
	/* a page made while the database was out of reach lacks what the failed reads would have given: not
	 * shown, not cached */
	if (r->w && r->w->db && store_down(r->w->db)) {
		unavailable(r);
		return;
	}
	buf out;
	buf_init(&out, r->pool);
	if (tmpl_render(req_templates(r), tmpl, v, &out) != 0) {
		log_error("template '%s' is missing from the theme", tmpl);
		if (strcmp(tmpl, "error") != 0)
			resp_error(r, 500, NULL);
		else
			resp_bytes(r, 500, "text/plain; charset=utf-8", "no-store", NULL, "Internal error\n",
				   15);
		return;
	}
	int keep = cacheable && status == 200 && r->cache_key.base && r->app->cfg.cache_mb > 0 &&
		   deps_still_valid(r);
	struct page_entry *e = page_entry_build(keep ? r->cache_key.base : NULL, r->cache_key.len,
						(size_t)r->app->cfg.cache_mb * 1024 * 1024, status, r->deps,
						r->ndeps, out.p ? out.p : "", out.len);
	e->article_id = r->count_article;
	if (r->later) { /* built here, off the loop (compression included); stored and sent there */
		r->later->kind = DEFER_ENTRY; /* field by field: the headers recorded so far stay */
		r->later->status = status;
		r->later->entry = e;
		return;
	}
	page_cache_put(r->w->cache, e);
	resp_send_entry(r, e);
	page_entry_release(e);
}

void resp_file(struct request *r, const char *ctype, const char *disposition, const char *body, size_t len,
	       int cacheable)
{
	if (r->w && r->w->db && store_down(r->w->db)) { /* as resp_page: what failed reads lacked */
		unavailable(r);
		return;
	}
	int keep = cacheable && r->cache_key.base && r->app->cfg.cache_mb > 0 && deps_still_valid(r);
	struct page_entry *e = page_entry_build_file(keep ? r->cache_key.base : NULL, r->cache_key.len,
						     (size_t)r->app->cfg.cache_mb * 1024 * 1024, ctype,
						     disposition, r->deps, r->ndeps, body, len);
	if (r->later) { /* the headers the handler recorded stay */
		r->later->kind = DEFER_ENTRY;
		r->later->status = 200;
		r->later->entry = e;
		return;
	}
	page_cache_put(r->w->cache, e);
	resp_send_entry(r, e);
	page_entry_release(e);
}

/* An error page's title or message in the request's language (errors.status.CODE.what), else the table's. */
static const char *status_text(struct request *r, int status, const char *what, const char *fallback)
{
	char key[48];
	snprintf(key, sizeof key, "errors.status.%d.%s", status, what);
	const char *t = req_text(r, key);
	return t == key ? fallback : t;
}

void resp_error(struct request *r, int status, const char *message)
{
	/* a handler that failed because the database was out of reach: 503, not an error of the server */
	if (status == 500 && r->w && r->w->db && store_down(r->w->db)) {
		unavailable(r);
		return;
	}
	const char *moved = status == 404 ? moved_find(r) : NULL;
	if (moved) { /* an old address a redirect of the site leads from */
		resp_moved(r, moved);
		return;
	}
	const struct http_status *st = http_status(status);
	const char *title = status_text(r, status, "title", st->title);
	if (!message && st->message)
		message = status_text(r, status, "message", st->message);
	view *v = router_hooks.page_view(r, title);
	view_int(v, "status", status);
	view_str(v, "message", message ? message : "");
	view_bool(v, "not_found", status == 404);
	resp_page(r, status, "error", v, 0);
}

void resp_method_not_allowed(struct request *r, int allowed)
{
	const char *allow = (allowed & M_GET) && (allowed & M_POST) ? "GET, HEAD, POST"
			    : (allowed & M_POST)		    ? "POST"
								    : "GET, HEAD";
	resp_header(r, "allow", allow, strlen(allow));
	resp_error(r, 405, NULL);
}

static void redirect_with(struct request *r, int status, const char *location, const char *cache_control)
{
	if (r->later) {
		r->later->kind = DEFER_REDIRECT;
		r->later->status = status;
		r->later->location = mem_strndup(r->pool, location, strlen(location));
		r->later->cache_control = cache_control;
		return;
	}
	add(r->req, H2O_TOKEN_LOCATION, location);
	add(r->req, H2O_TOKEN_CACHE_CONTROL, cache_control);
	resp_security_headers(r->req);
	send_bufs(r, status, NULL, 0);
}

/* A root-relative location from a page under /LANG/ stays in the language (as the page's links do). */
static const char *in_language(struct request *r, const char *location)
{
	const char *prefix = req_link_prefix(r);
	size_t n = strlen(prefix), len = strlen(location);
	if (!n || location[0] != '/' || location[1] == '/' || tmpl_link_shared(location, len) ||
	    (strncmp(location, prefix, n) == 0 && (location[n] == '/' || location[n] == '\0')))
		return location;
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, prefix);
	buf_adds(&b, location);
	return buf_cstr(&b);
}

void resp_redirect(struct request *r, int status, const char *location)
{
	redirect_with(r, status, in_language(r, location), "no-store");
}

void resp_moved(struct request *r, const char *location)
{
	redirect_with(r, 301, in_language(r, location), "public, max-age=3600");
}

void resp_bytes(struct request *r, int status, const char *ctype, const char *cache_control, const char *etag,
		const char *body, size_t len)
{
	if (r->later) {
		struct deferred *d = r->later;
		d->kind = DEFER_BYTES;
		d->status = status;
		d->ctype = mem_strndup(r->pool, ctype, strlen(ctype));
		d->cache_control =
		    cache_control ? mem_strndup(r->pool, cache_control, strlen(cache_control)) : NULL;
		d->etag = etag ? mem_strndup(r->pool, etag, strlen(etag)) : NULL;
		d->body = body;
		d->len = len;
		return;
	}
	h2o_req_t *req = r->req;
	add(req, H2O_TOKEN_CONTENT_TYPE, ctype);
	if (cache_control)
		add(req, H2O_TOKEN_CACHE_CONTROL, cache_control);
	resp_security_headers(req);
	if (etag && status == 200) {
		add(req, H2O_TOKEN_ETAG, etag);
		if (etag_matches(req, etag)) {
			send_bufs(r, 304, NULL, 0);
			return;
		}
	}
	h2o_iovec_t b = h2o_iovec_init(body, len);
	send_bufs(r, status, &b, 1);
}
