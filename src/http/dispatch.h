/* dispatch: the one h2o handler: checks the request, picks the site, serves from cache or routes. */
#ifndef PLENARY_DISPATCH_H
#define PLENARY_DISPATCH_H

#include <h2o.h>

struct app;
struct request;

/* the media library's upload form, whose 413 says how larger images are sent (dispatch_too_large) */
#define UPLOAD_PATH "/admin/media"

/** The message of a 413 for a body over max_body_kb on path: for the media library's form (UPLOAD_PATH), how
 * larger images are sent (the page's uploader, in chunks, with JavaScript). In r's language, or the theme's
 * base language when r is NULL (the server's own pages, before a site is known). In pool. */
const char *dispatch_too_large(const struct app *app, struct request *r, const char *path,
			       h2o_mem_pool_t *pool);

/** Installs the request handler on an h2o path configuration. */
void dispatch_register(h2o_pathconf_t *path, struct app *app);

#endif
