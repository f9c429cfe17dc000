/* dispatch: the one h2o handler: checks the request, picks the site, serves from cache or routes. */
#ifndef PLENARY_DISPATCH_H
#define PLENARY_DISPATCH_H

#include <h2o.h>

struct app;

/** Installs the request handler on an h2o path configuration. */
void dispatch_register(h2o_pathconf_t *path, struct app *app);

#endif
