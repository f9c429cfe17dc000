/* router: matches a method and path against one route table with :param segments; prints the table. */
#include "http/router.h"

#include <string.h>

/* Matches pattern against path segment by segment; fills params (a ':' takes a segment, or what comes before
 * the text after it in the pattern's segment). */
static int pattern_match(const char *pat, const char *path, struct route_match *m)
{
	if (strcmp(pat, "*") == 0)
		return 1;
	m->nparams = 0;
	while (*pat && *path) {
		if (*pat == ':') {
			/* ":.pdf": the segment must end with what follows the colon, and the parameter is the
			 * rest */
			size_t tail = strcspn(pat + 1, "/");
			const char *end = strchr(path, '/');
			size_t len = end ? (size_t)(end - path) : strlen(path);
			if (len <= tail || m->nparams == 3 || memcmp(path + len - tail, pat + 1, tail) != 0)
				return 0;
			m->params[m->nparams] = path;
			m->param_len[m->nparams++] = len - tail;
			path += len;
			pat += 1 + tail;
			continue;
		}
		if (*pat != *path)
			return 0;
		pat++;
		path++;
	}
	return *pat == '\0' && *path == '\0';
}

const struct route *router_rows;
size_t router_nrows;
struct route_hooks router_hooks;

void router_install(const struct route *rows, size_t n, const struct route_hooks *hooks)
{
	router_rows = rows;
	router_nrows = n;
	router_hooks = *hooks;
}

enum route_result router_match(const struct route *table, size_t n, int method, const char *path,
			       struct route_match *m)
{
	memset(m, 0, sizeof *m);
	const struct route *any = NULL;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(table[i].pattern, "*") == 0) {
			/* the catch-all only serves what no specific route names, whatever the method */
			if (!any && (table[i].method & method))
				any = &table[i];
			continue;
		}
		struct route_match tmp;
		memset(&tmp, 0, sizeof tmp);
		if (!pattern_match(table[i].pattern, path, &tmp))
			continue;
		if (table[i].method & method) {
			*m = tmp;
			m->route = &table[i];
			m->handler = table[i].handler;
			m->allowed = table[i].method;
			return ROUTE_FOUND;
		}
		m->allowed |= table[i].method;
	}
	if (m->allowed)
		return ROUTE_WRONG_METHOD;
	if (any) {
		m->route = any;
		m->handler = any->handler;
		return ROUTE_FOUND;
	}
	return ROUTE_NOT_FOUND;
}

static const char *const role_names[] = {"anyone", "reader", "contributor", "editor", "admin"};

const char *route_role_name(enum route_role role)
{
	return role >= ROLE_ANYONE && role <= ROLE_ADMIN ? role_names[role] : "?";
}

enum route_role route_role_of(const char *account_role)
{
	for (int i = ROLE_CONTRIBUTOR; i <= ROLE_ADMIN; i++)
		if (account_role && strcmp(account_role, role_names[i]) == 0)
			return (enum route_role)i;
	return ROLE_READER; /* every account reads; an unknown role gets no more */
}

void router_print(const struct route *table, size_t n, unsigned max_body_kb, FILE *out)
{
	fprintf(out, "%-6s %-28s %-11s %-3s %-8s %-7s %s\n", "method", "path", "role", "2fa", "body_kb",
		"render", "csrf");
	for (size_t i = 0; i < n; i++) {
		const struct route *x = &table[i];
		unsigned kb = x->body_kb && x->body_kb < max_body_kb ? x->body_kb : max_body_kb;
		const char *csrf = x->method != M_POST		      ? "-"
				   : x->csrf == CSRF_TOKEN	      ? "token"
				   : x->csrf == CSRF_TOKEN_NO_SESSION ? "token-no-session"
				   : x->csrf == CSRF_HEADER	      ? "header"
								      : "none";
		fprintf(out, "%-6s %-28s %-11s %-3s %-8u %-7s %s", x->method == M_POST ? "POST" : "GET",
			x->pattern, route_role_name(x->role), x->flags & ROUTE_2FA ? "yes" : "no", kb,
			x->flags & ROUTE_OFFLOOP ? "thread" : "loop", csrf);
		if (x->method == M_POST && x->csrf == CSRF_NONE)
			fprintf(out, " # %s", x->note ? x->note : "(no reason given)");
		fputc('\n', out);
	}
}

/* ---- the paths static pages may take ---- */

/* First path segments the server claims without a route (/metrics: http/metrics.c) or may claim later. */
static const char *const reserved_later[] = {"api",    "feed",	  "feeds",   "media",	"preview", "robots",
					     "search", "sitemap", "uploads", "favicon", "metrics"};
/* Paths that are routes and also show the page of the same path (the contact form shows /contact's text). */
static const char *const route_pages[] = {"/contact"};

static int segment_is(const char *seg, size_t n, const char *name, size_t name_len)
{
	return n == name_len && strncmp(seg, name, n) == 0;
}

/* 1 when the server answers path itself: any path whose first segment begins a route (so /admin/anything
 * and /article are taken, as are routes added later), or a name kept for later. */
int router_page_path_reserved(const char *path)
{
	for (size_t i = 0; i < sizeof route_pages / sizeof route_pages[0]; i++)
		if (strcmp(path, route_pages[i]) == 0)
			return 0;
	const char *seg = path + 1;
	size_t n = strcspn(seg, "/");
	for (size_t i = 0; i < router_nrows; i++) {
		const char *p = router_rows[i].pattern;
		if (p[0] != '/') /* the catch-all that serves these pages */
			continue;
		size_t pn = strcspn(p + 1, "/");
		if ((pn == 0 && !seg[0]) || (pn > 0 && p[1] != ':' && segment_is(seg, n, p + 1, pn)))
			return 1;
	}
	for (size_t i = 0; i < sizeof reserved_later / sizeof reserved_later[0]; i++)
		if (segment_is(seg, n, reserved_later[i], strlen(reserved_later[i])))
			return 1;
	return 0;
}
