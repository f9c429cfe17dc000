/* router: matches a method and path against one route table with :param segments. */
#include "http/router.h"

#include <string.h>

/* Matches pattern against path segment by segment; fills params. */
static int pattern_match(const char *pat, const char *path, struct route_match *m)
{
	if (strcmp(pat, "*") == 0)
		return 1;
	m->nparams = 0;
	while (*pat && *path) {
		if (*pat == ':') {
			const char *end = strchr(path, '/');
			size_t len = end ? (size_t)(end - path) : strlen(path);
			if (len == 0 || m->nparams == 3)
				return 0;
			m->params[m->nparams] = path;
			m->param_len[m->nparams++] = len;
			path += len;
			pat++;
			continue;
		}
		if (*pat != *path)
			return 0;
		pat++;
		path++;
	}
	return *pat == '\0' && *path == '\0';
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
			m->handler = table[i].handler;
			m->allowed = table[i].method;
			return ROUTE_FOUND;
		}
		m->allowed |= table[i].method;
	}
	if (m->allowed)
		return ROUTE_WRONG_METHOD;
	if (any) {
		m->handler = any->handler;
		return ROUTE_FOUND;
	}
	return ROUTE_NOT_FOUND;
}
