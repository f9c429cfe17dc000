/* router: matches a method and path against one route table with :param segments. */
#ifndef PLENARY_ROUTER_H
#define PLENARY_ROUTER_H

#include <stddef.h>

struct request;
typedef void (*route_handler)(struct request *r);

enum route_method { M_GET = 1, M_POST = 2 };

struct route {
	int method; /* M_GET (also answers HEAD) or M_POST */
	const char
	    *pattern; /* "/article/:" — ':' matches one non-empty segment; "*" alone matches any path */
	route_handler handler;
};

enum route_result { ROUTE_FOUND, ROUTE_NOT_FOUND, ROUTE_WRONG_METHOD };

struct route_match {
	route_handler handler;
	const char *params[3]; /* point into the path; lengths in param_len */
	size_t param_len[3];
	int nparams;
	int allowed; /* when ROUTE_WRONG_METHOD: the methods that exist for the path */
};

/** Finds the first route matching method and path (NUL-terminated, starting with '/'). */
enum route_result router_match(const struct route *table, size_t n, int method, const char *path,
			       struct route_match *m);

/** The table of every URL the server answers, in src/http/routes.c. */
extern const struct route routes[];
extern const size_t nroutes;

#endif
