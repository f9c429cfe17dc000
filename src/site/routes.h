/* routes: the table of every URL the server answers, with each row's policy, and its hooks (routes.c). */
#ifndef PLENARY_ROUTES_H
#define PLENARY_ROUTES_H

#include "http/router.h"

extern const struct route routes[];
extern const size_t nroutes;
extern const struct route_hooks route_hooks;

/** Gives the table and its hooks to http (router_install): once, before anything is served. */
void routes_install(void);

#endif
