/* assets: the theme's static files, read into memory at start and served with content-hashed URLs. */
#ifndef PLENARY_ASSETS_H
#define PLENARY_ASSETS_H

#include <stddef.h>

struct app;

struct asset {
	char *name; /* file name inside static/, e.g. "site.css" */
	char *data;
	size_t len;
	const char *ctype;
	char hash[17]; /* of the content: the ?v= of its URL and its ETag */
	char *url;     /* "/static/site.css?v=<hash>" */
};

/** Reads every regular file in dir (not recursive; at most 256 files of 4 MiB). -1 with err on failure. */
int assets_load(struct app *app, const char *dir, char *err, size_t errlen);
/** The versioned URL of a static file, or "/static/<name>" if there is no such file. */
const char *asset_url(const struct app *app, const char *name);
const struct asset *asset_find(const struct app *app, const char *name);
void assets_free(struct app *app);

#endif
