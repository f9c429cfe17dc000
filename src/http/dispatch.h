/* dispatch: the one h2o handler: checks the request, picks the site, serves from cache or routes. */
#ifndef PLENARY_DISPATCH_H
#define PLENARY_DISPATCH_H

#include <h2o.h>

struct app;

/* the one path whose POST bodies may exceed max_body_kb, up to upload_max_mb: the media library's upload */
#define UPLOAD_PATH "/admin/media"

/** Installs the request handler on an h2o path configuration. */
void dispatch_register(h2o_pathconf_t *path, struct app *app);

#endif
