/* request: the context a handler gets: the h2o request (or, on a render thread, copies of what handlers
 * read of it), its worker, its site, route parameters. */
#ifndef PLENARY_REQUEST_H
#define PLENARY_REQUEST_H

#include <stdint.h>

#include "http/cache.h"
#include "http/worker.h"
#include "store/accounts.h"
#include "store/names.h"

#define ROUTE_MAX_PARAMS 3

/** Choice of the reader about non-essential cookies and embeds, from the consent cookie. */
enum consent { CONSENT_UNKNOWN, CONSENT_ACCEPTED, CONSENT_REJECTED };

struct deferred;
struct form;
struct upload;
struct name_set;

struct request {
	h2o_req_t *req; /* NULL while a render thread runs the handler: it reads the copies below */
	const h2o_headers_t *headers;
	h2o_iovec_t authority;
	int tls;
	struct deferred *later; /* set on a render thread: the answer is recorded, then sent by the loop */
	struct worker *w;
	struct app *app;
	h2o_mem_pool_t *pool;
	const struct site *site;
	const char *lang;  /* the page's language ("fr"), NULL for the site's default (lang.h) */
	char own_lang[8];  /* the back office's words in the editor's own language, "" for none (lang.h) */
	const char *path;  /* decoded path without the query, NUL-terminated */
	const char *query; /* raw query string after '?', "" when none */
	const char *params[ROUTE_MAX_PARAMS];
	int nparams;
	int port; /* port of the Host header, 0 when absent: used in links to sister sites */
	enum consent consent;
	int is_head;
	int is_get;	       /* GET or HEAD: a 404 asks the site's redirects first (moved.c) */
	h2o_iovec_t cache_key; /* set when the response may be cached under it */
	struct page_dep deps[PAGE_MAX_DEPS]; /* what the page shows, read before anything is rendered */
	size_t ndeps;
	uint64_t lists_seen; /* the lists generation when the request began */
	/* the reader, from the session cookie (see src/auth/session.h) */
	struct user *user;	   /* NULL when not signed in */
	const char *session_hash;  /* SHA-256 hex of the session token, NULL when none */
	const char *form_token;	   /* the form token, once made for this request (csrf.c) */
	enum audience level;	   /* what the reader may read */
	int remember;		   /* the session was started with "remember me" */
	struct user *pending_user; /* signed in with a password, waiting for the second factor */
	char client_addr[48];	   /* req_client_addr's answer, once asked ("" until then) */
	/* a POST's form, read and checked (Origin, token) by the route's policy before the handler runs */
	struct form *form;
	struct upload *files; /* the files of an upload row's multipart form */
	size_t nfiles;
	struct name_set *names; /* the page's language's translated names, once read (names.h) */
	int64_t count_article;	/* the article the page shows, for counting (count.h); 0 for none */
	int count_via; /* COUNT_FEED or COUNT_MAIL when the link had ?via=feed or ?via=mail, else 0 */
};

/** Watches for h2o disposing of a request while work for it runs elsewhere: *gone becomes 1 then. The owner
 * clears the returned slot (*slot = NULL) once the work is done and it no longer needs telling. */
int **req_watch_gone(h2o_mem_pool_t *req_pool, int *gone);
/** A copy of u with its text in pool (NULL for NULL): the reader of a request outlives the session memo's. */
struct user *user_copy(h2o_mem_pool_t *pool, const struct user *u);
/** Value of a request header (first occurrence) as a NUL-terminated copy, or NULL. */
const char *req_header(struct request *r, const char *lowercase_name);
/** Value of a cookie, or NULL. */
const char *req_cookie(struct request *r, const char *name);
/** Value of a query parameter, decoded, or NULL when absent. */
const char *req_query(struct request *r, const char *name);
/** The page number from ?page=N: 1 when absent, -1 when not a number from 1 to 100000. */
int req_page_number(struct request *r);
/** The client's IP address as text: the connection's peer, or, when that peer is in trusted_proxies, the
 * nearest address in X-Forwarded-For that is not a trusted proxy (read from the right, as each proxy appends
 * the peer it saw). "unknown" when there is none. Per-address limits key on this, never on the peer. */
const char *req_client_addr(struct request *r);
/** 1 when the request came over TLS (tls_cert and tls_key are set). */
int req_is_tls(const struct request *r);
/** The absolute URL of a site's home (links between sister sites, mail, canonical URLs): "https://host/",
 * with the scheme and port of the public_url setting when set, else the request's scheme and no port. */
const char *req_site_url(struct request *r, const struct site *site);
/** The same away from a request (mail): public_url's scheme and port when it is set, else scheme and no
 * port, then host; ending in '/', in pool. */
const char *site_url_with(h2o_mem_pool_t *pool, const char *public_url, const char *scheme, const char *host);

#endif
