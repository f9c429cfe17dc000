/* router: matches a method and path against one route table with :param segments; each row carries the
 * route's policy (who may use it, second factor, body limit, where it renders, form token), which dispatch
 * enforces once for every route (src/http/policy.c). */
#ifndef PLENARY_ROUTER_H
#define PLENARY_ROUTER_H

#include <stddef.h>
#include <stdio.h>

struct request;
struct worker;
typedef void (*route_handler)(struct request *r);

enum route_method { M_GET = 1, M_POST = 2 };

/** Who may use a route, each level including the ones after it: anyone, then any signed-in account, then the
 * editorial team's roles (contributor < editor < admin). */
enum route_role { ROLE_ANYONE, ROLE_READER, ROLE_CONTRIBUTOR, ROLE_EDITOR, ROLE_ADMIN };

/** How a POST shows it comes from one of the site's own forms (GET rows ignore it). */
enum route_csrf {
	CSRF_TOKEN,	       /* the form's form_token, of the reader's session, and a same-site Origin */
	CSRF_TOKEN_NO_SESSION, /* the same, with the token made for no session (/admin/resume signs in) */
	CSRF_HEADER, /* a script's request: the token in X-Form-Token (else a form's form_token) and a
		      * same-site Origin; a body that is not a form is left as it came (upload chunks) */
	CSRF_NONE    /* nothing: the row's note says why (a form is still read: /unsubscribe's RFC 8058
		      * one-click POST, whose signed link is its proof) */
};

#define ROUTE_2FA 1u	   /* admins must have two-factor sign-in on: others are sent to turn it on */
#define ROUTE_OFFLOOP 2u   /* a page not in the cache renders on a render thread, off the event loop */
#define ROUTE_MULTIPART 4u /* the form may be multipart/form-data with files (the media upload) */

struct route {
	int method; /* M_GET (also answers HEAD) or M_POST */
	const char
	    *pattern; /* "/article/:" — ':' matches one non-empty segment; "*" alone matches any path */
	route_handler handler;
	enum route_role role; /* the least role; ROLE_ANYONE for everybody */
	unsigned flags;	      /* ROUTE_2FA, ROUTE_OFFLOOP, ROUTE_MULTIPART */
	unsigned body_kb; /* the largest body in KiB: 0 for the config's max_body_kb, which no row exceeds */
	enum route_csrf csrf; /* POST rows: CSRF_TOKEN unless the note says why not */
	const char *note;     /* why a POST row has no token; else NULL */
	const char
	    *deny; /* the 403 message's key for a signed-in account without the role; NULL: the role's */
	/** Answers instead of the sign-in redirect when nobody is signed in (the editor's save keeps the text
	 * when the session ended mid-edit); NULL for the redirect. */
	route_handler signed_out;
};

enum route_result { ROUTE_FOUND, ROUTE_NOT_FOUND, ROUTE_WRONG_METHOD };

struct route_match {
	const struct route *route; /* when ROUTE_FOUND */
	route_handler handler;
	const char *params[3]; /* point into the path; lengths in param_len */
	size_t param_len[3];
	int nparams;
	int allowed; /* when ROUTE_WRONG_METHOD: the methods that exist for the path */
};

/** Finds the first route matching method and path (NUL-terminated, starting with '/'). */
enum route_result router_match(const struct route *table, size_t n, int method, const char *path,
			       struct route_match *m);

/** What the route table's owner provides besides the rows, so that http needs no header of the layers above
 * it: reading the session, the page of a refused form, and the view every page starts from. */
struct route_hooks {
	/** Reads the session cookie into r->user, r->session_hash and r->level (src/auth/session.c). */
	void (*resolve_session)(struct request *r);
	/** Answers a POST whose form token or Origin is wrong: 403 with a page offering to retry. */
	void (*form_refused)(struct request *r);
	/** The view every page starts from (site, menu, consent banner, form token): error pages use it too.
	 */
	struct view *(*page_view)(struct request *r, const char *title);
	/** Before the page cache, for a GET: 1 when it answered (a sister site's sign-in handshake), 0 to go
	 * on.
	 */
	int (*before_cache)(struct request *r);
	/** Frees what resolve_session remembered on a worker's loop (at shutdown). */
	void (*worker_gone)(struct worker *w);
};

/** The table every request is matched against, and its hooks: given once, before serving, by their owner
 * above http (routes_install in src/site/routes.c), so http never names anything of the layers above it. */
extern const struct route *router_rows;
extern size_t router_nrows;
/** 1 when the server answers path itself, so a static page there would never show: its first segment begins
 * a route (so /admin/anything and /article are taken, as are routes added later), or is a name kept for later
 * (search, feed, media, ...). /contact, a route that shows the page of its path, is free. */
int router_page_path_reserved(const char *path);
extern struct route_hooks router_hooks;
/** Installs the table (n rows) and a copy of its hooks. */
void router_install(const struct route *rows, size_t n, const struct route_hooks *hooks);

/** The name of a role as `plenary routes` prints it: "anyone", "reader", "contributor", "editor", "admin". */
const char *route_role_name(enum route_role role);
/** The role of an account's role text (reader, contributor, editor, admin); ROLE_READER when unknown. */
enum route_role route_role_of(const char *account_role);
/** Writes the table with its policy to out, one row per line (see `plenary routes`). */
void router_print(const struct route *table, size_t n, unsigned max_body_kb, FILE *out);

#endif
