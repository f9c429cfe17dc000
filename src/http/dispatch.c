/* dispatch: the one h2o handler: checks the request, picks the site, serves from cache or routes. */
#include "http/dispatch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/log.h"
#include "http/cache.h"
#include "http/changes.h"
#include "http/connload.h"
#include "http/count.h"
#include "http/guard.h"
#include "http/lang.h"
#include "http/metrics.h"
#include "http/moved.h"
#include "http/policy.h"
#include "http/render.h"
#include "http/request.h"
#include "http/response.h"
#include "http/router.h"
#include "render/theme.h"

struct handler {
	h2o_handler_t super;
	struct app *app;
};

/* A request in flight, for the pool's dispose callback, which runs when h2o is done with it. */
struct inflight {
	struct worker *w;
	h2o_req_t *req;
	uint64_t conn_id;
	uint64_t start_ns;    /* its arrival, for the metrics' latency */
	enum meter_kind kind; /* what answered it */
};

static uint64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Counts requests in flight per worker, and per connection those that went away before any answer; notes
 * each in the worker's meter (metrics). */
static void inflight_done(void *p)
{
	struct inflight *t = p;
	t->w->inflight--;
	conn_load_request_done(t->w, t->conn_id, t->req->res.status == 0);
	meter_request(&t->w->meter, t->kind, t->req->res.status, now_ns() - t->start_ns, t->req->bytes_sent);
}

/* 503 with a hint to come back: the render queue (or this connection's share of it) is full. */
static void busy(struct request *r)
{
	resp_header(r, "retry-after", "1", 1);
	resp_error(r, 503, req_text(r, "errors.busy"));
}

/* The site whose host is the request's Host (port ignored), else the default site. */
static const struct site *site_for_host(const struct worker *w, h2o_iovec_t authority, int *port)
{
	size_t n = authority.len;
	const char *colon = NULL;
	if (n && authority.base[0] != '[')
		colon = memchr(authority.base, ':', n);
	else if (n) {
		const char *close = memchr(authority.base, ']', n);
		if (close && close + 1 < authority.base + n && close[1] == ':')
			colon = close + 1;
	}
	*port = 0;
	if (colon) {
		int p = atoi(colon + 1);
		*port = p > 0 && p <= 65535 ? p : 0; /* links carry only a real port */
		n = (size_t)(colon - authority.base);
	}
	const struct site *fallback = w->nsites ? &w->sites[0] : NULL;
	for (size_t i = 0; i < w->nsites; i++) {
		const struct site *s = &w->sites[i];
		if (strlen(s->host) == n && strncasecmp(s->host, authority.base, n) == 0)
			return s;
		if (s->is_default)
			fallback = s;
	}
	return fallback;
}

static enum consent consent_of(struct request *r)
{
	const char *c = req_cookie(r, "plenary_consent");
	if (!c)
		return CONSENT_UNKNOWN;
	if (strcmp(c, "accepted") == 0)
		return CONSENT_ACCEPTED;
	if (strcmp(c, "rejected") == 0)
		return CONSENT_REJECTED;
	return CONSENT_UNKNOWN;
}

/* Fills the request context; returns -1 when the path cannot be decoded. */
static int request_init(struct request *r, struct worker *w, h2o_req_t *req)
{
	memset(r, 0, sizeof *r);
	r->req = req;
	r->headers = &req->headers;
	r->authority = req->authority;
	r->tls = req->scheme == &H2O_URL_SCHEME_HTTPS;
	r->w = w;
	r->app = w->app;
	r->pool = &req->pool;
	worker_sites_refresh(w);
	deps_begin(r);
	r->site = site_for_host(w, req->authority, &r->port);
	r->is_head = h2o_memis(req->method.base, req->method.len, H2O_STRLIT("HEAD"));
	size_t plen = req->query_at != SIZE_MAX ? req->query_at : req->path.len;
	h2o_iovec_t norm = req->path_normalized;
	r->path = mem_strndup(r->pool, norm.base, norm.len);
	r->query = req->query_at != SIZE_MAX
		       ? mem_strndup(r->pool, req->path.base + plen + 1, req->path.len - plen - 1)
		       : "";
	if (memchr(norm.base, '\0', norm.len) || norm.len == 0 || norm.base[0] != '/')
		return -1;
	lang_from_path(r); /* /fr/...: the page in French, routed as /... */
	r->consent = consent_of(r);
	router_hooks.resolve_session(r);
	return 0;
}

/* Key of the cached page: site and port, consent variant, signed in or not (staff apart: their pages link
 * to the back office) and audience level, language, path and query. Signed-in readers share the page of their
 * level; their own parts are spliced in at send time. */
static h2o_iovec_t cache_key(struct request *r)
{
	buf b;
	buf_init(&b, r->pool);
	/* the port is in the key because links to sister sites carry it */
	buf_printf(&b, "%lld:%d|%d|%d%d|%s|%s?%s", (long long)r->site->id, r->port, (int)r->consent,
		   r->user ? 1 + policy_role_at_least(r->user, ROLE_CONTRIBUTOR) : 0, (int)r->level,
		   r->lang ? r->lang : "", r->path, r->query);
	return h2o_iovec_init(b.p, b.len);
}

const char *dispatch_too_large(const struct app *app, struct request *r, const char *path,
			       h2o_mem_pool_t *pool)
{
	const char *key = strcmp(path, UPLOAD_PATH) != 0 ? "errors.too_large" : "errors.too_large_upload";
	const struct theme *t = app->theme;
	const char *msg = r ? req_text(r, key) : t && t->n ? catalog_get(t->cat[0], key) : NULL;
	char kb[16], mb[16];
	snprintf(kb, sizeof kb, "%d", app->cfg.max_body_kb);
	snprintf(mb, sizeof mb, "%d", app->cfg.upload_max_mb);
	const char *names[] = {"kb", "mb"}, *values[] = {kb, mb};
	return catalog_fill(pool, msg ? msg : key, names, values, 2);
}

static int on_req(h2o_handler_t *self, h2o_req_t *req)
{
	struct worker *w = (struct worker *)req->conn->ctx;
	struct app *app = ((struct handler *)self)->app;
	struct inflight *token = h2o_mem_alloc_shared(&req->pool, sizeof *token, inflight_done);
	*token = (struct inflight){w, req, req->conn->id, now_ns(), METER_NONE};
	w->inflight++;
	struct conn_load *load = conn_load_of(w, req->conn);
	if (conn_load_abusive(load)) {
		/* it resets or drops what it asks for, again and again: no more of its requests are taken */
		conn_load_cut(req->conn);
		resp_security_headers(req);
		h2o_send_error_generic(req, 503, "Service Unavailable", "",
				       H2O_SEND_ERROR_HTTP1_CLOSE_CONNECTION | H2O_SEND_ERROR_KEEP_HEADERS);
		return 0;
	}

	struct request *r = h2o_mem_alloc_pool(&req->pool, sizeof *r);
	int bad_path = request_init(r, w, req);
	if (app->proxies.n) { /* the access log's first field: the client a trusted proxy names (server.c) */
		const char *client = req_client_addr(r);
		*h2o_req_getenv(req, H2O_STRLIT("client"), 1) = h2o_iovec_init(client, strlen(client));
	}
	const char *why = NULL;
	int status = guard_check(req, (size_t)app->cfg.max_header_kb * 1024, &why);
	if (why)
		why = req_text(r, why);
	if (!status && req->path.len > (size_t)app->cfg.max_url_bytes) {
		status = 414;
		why = NULL;
	}
	if (!status && bad_path) {
		status = 400;
		why = req_text(r, "errors.bad_address");
	}
	if (!status && req->entity.len > (size_t)app->cfg.max_body_kb * 1024) {
		status =
		    413; /* h2o refuses these at the headers; a body without a length is checked here too */
		why = dispatch_too_large(app, r, r->path, r->pool);
	}
	if (status) {
		h2o_add_header(&req->pool, &req->res.headers, H2O_TOKEN_CONNECTION, NULL,
			       H2O_STRLIT("close"));
		req->http1_is_persistent = 0;
		resp_error(r, status, why);
		return 0;
	}
	int method = r->is_head || h2o_memis(req->method.base, req->method.len, H2O_STRLIT("GET")) ? M_GET
		     : h2o_memis(req->method.base, req->method.len, H2O_STRLIT("POST"))		   ? M_POST
												   : 0;
	r->is_get = method == M_GET;
	if (r->is_get)
		count_take_via(r); /* ?via=feed, ?via=mail: counted, not part of the cache key */
	if (method == M_GET && metrics_allowed(r)) {
		metrics_serve(r);
		return 0;
	}
	if (method == M_GET && router_hooks.before_cache && router_hooks.before_cache(r))
		return 0;
	const char *plain = method == M_GET ? moved_plain_link(r) : NULL;
	if (plain) { /* WordPress's /?p=12: before the cache, which holds the home page for other queries */
		resp_moved(r, plain);
		return 0;
	}
	if (method == M_GET && app->cfg.cache_mb > 0) {
		h2o_iovec_t key = cache_key(r);
		struct page_entry *e = page_cache_get(w->cache, key.base, key.len);
		meter_cache(&w->meter, e != NULL);
		if (e) {
			token->kind = METER_CACHE;
			h2o_add_header_by_str(r->pool, &req->res.headers, H2O_STRLIT("x-cache"), 0, NULL,
					      H2O_STRLIT("hit"));
			resp_send_entry(r, e);
			return 0;
		}
		r->cache_key = key;
	}
	struct route_match m;
	switch (router_match(router_rows, router_nrows, method, r->path, &m)) {
	case ROUTE_FOUND:
		token->kind = m.route->role >= ROLE_CONTRIBUTOR ? METER_BACKOFFICE : METER_PUBLIC;
		for (int i = 0; i < m.nparams; i++) {
			r->params[i] = mem_strndup(r->pool, m.params[i], m.param_len[i]);
			if (m.param_len[i] > 200) {
				resp_error(r, 404, NULL);
				return 0;
			}
		}
		r->nparams = m.nparams;
		/* the row's policy, once for every route: body limit, role, second factor, form token */
		if (policy_enforce(r, m.route) != 0)
			return 0;
		/* a page not in the cache renders off the loop when its row says so; the back office, files
		 * and forms (which write) stay on it */
		if (method == M_GET && (m.route->flags & ROUTE_OFFLOOP)) {
			int rc = render_submit(r, m.handler);
			if (rc == RENDER_QUEUED)
				return 0;
			if (rc == RENDER_BUSY) {
				busy(r);
				return 0;
			}
		}
		m.handler(r);
		return 0;
	case ROUTE_WRONG_METHOD:
		resp_method_not_allowed(r, m.allowed);
		return 0;
	case ROUTE_NOT_FOUND:
		break;
	}
	resp_error(r, 404, NULL);
	return 0;
}

void dispatch_register(h2o_pathconf_t *path, struct app *app)
{
	struct handler *h = (struct handler *)h2o_create_handler(path, sizeof *h);
	h->super.on_req = on_req;
	h->app = app;
}
