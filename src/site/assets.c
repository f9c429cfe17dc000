/* assets: the theme's static files, read into memory at start and served with content-hashed URLs. */
#include "site/assets.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/log.h"
#include "http/lang.h"
#include "http/request.h"
#include "http/response.h"
#include "jobs/media.h"
#include "site/handlers.h"

#define MAX_ASSETS 256
#define MAX_ASSET_BYTES (4u << 20)

static const char *ctype_for(const char *name)
{
	static const char *const types[][2] = {
	    {".css", "text/css; charset=utf-8"},
	    {".js", "text/javascript; charset=utf-8"},
	    {".svg", "image/svg+xml"},
	    {".png", "image/png"},
	    {".jpg", "image/jpeg"},
	    {".webp", "image/webp"},
	    {".ico", "image/x-icon"},
	    {".woff2", "font/woff2"},
	    {".txt", "text/plain; charset=utf-8"},
	};
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i][0]) == 0)
			return types[i][1];
	return "application/octet-stream";
}

static int read_file(const char *path, char **data, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct stat st;
	if (fstat(fileno(f), &st) != 0 || st.st_size > MAX_ASSET_BYTES) {
		fclose(f);
		errno = EFBIG;
		return -1;
	}
	*len = (size_t)st.st_size;
	*data = malloc(*len + 1);
	if (!*data || fread(*data, 1, *len, f) != *len) {
		fclose(f);
		return -1;
	}
	fclose(f);
	return 0;
}

int assets_load(struct app *app, const char *dir, char *err, size_t errlen)
{
	DIR *d = opendir(dir);
	if (!d) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	app->assets = calloc(MAX_ASSETS, sizeof *app->assets);
	app->nassets = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		struct stat st;
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		if (app->nassets == MAX_ASSETS) {
			snprintf(err, errlen, "%s: more than %d files", dir, MAX_ASSETS);
			closedir(d);
			return -1;
		}
		struct asset *a = &app->assets[app->nassets];
		if (read_file(path, &a->data, &a->len) != 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			closedir(d);
			return -1;
		}
		a->name = strdup(de->d_name);
		a->ctype = ctype_for(a->name);
		uint64_t h = 0xcbf29ce484222325ULL;
		for (size_t i = 0; i < a->len; i++)
			h = (h ^ (unsigned char)a->data[i]) * 0x100000001b3ULL;
		snprintf(a->hash, sizeof a->hash, "%016llx", (unsigned long long)h);
		size_t ulen = strlen(a->name) + 40;
		a->url = malloc(ulen);
		snprintf(a->url, ulen, "/static/%s?v=%.10s", a->name, a->hash);
		app->nassets++;
	}
	closedir(d);
	return 0;
}

const struct asset *asset_find(const struct app *app, const char *name)
{
	for (size_t i = 0; i < app->nassets; i++)
		if (strcmp(app->assets[i].name, name) == 0)
			return &app->assets[i];
	return NULL;
}

const char *asset_url(const struct app *app, const char *name)
{
	const struct asset *a = asset_find(app, name);
	return a ? a->url : "/static/missing";
}

void assets_free(struct app *app)
{
	for (size_t i = 0; i < app->nassets; i++) {
		free(app->assets[i].name);
		free(app->assets[i].data);
		free(app->assets[i].url);
	}
	free(app->assets);
	app->assets = NULL;
	app->nassets = 0;
}

/* GET /static/<name>: immutable for a year when ?v= names the current content, else an hour. */
void static_file(struct request *r)
{
	const struct asset *a = asset_find(r->app, r->params[0]);
	if (!a) {
		resp_error(r, 404, NULL);
		return;
	}
	const char *v = req_query(r, "v");
	int versioned = v && strncmp(v, a->hash, 10) == 0 && strlen(v) == 10;
	char *etag = h2o_mem_alloc_pool(r->pool, 24);
	snprintf(etag, 24, "\"%s\"", a->hash);
	resp_bytes(r, 200, a->ctype,
		   versioned ? "public, max-age=31536000, immutable" : "public, max-age=3600", etag, a->data,
		   a->len);
}

/* A video's Range is honoured only while If-Range still names this file (RFC 9110 13.1.5): its ETag (the
 * content hash its name holds) or its exact Last-Modified date; otherwise the whole file goes, as h2o's file
 * handler would not check it. */
static void check_if_range(struct request *r, const char *name, const struct stat *st)
{
	ssize_t at = h2o_find_header(&r->req->headers, H2O_TOKEN_IF_RANGE, -1);
	if (at < 0)
		return;
	h2o_iovec_t v = r->req->headers.entries[at].value;
	char etag[MEDIA_HASH_LEN + 3], date[H2O_TIMESTR_RFC1123_LEN + 1];
	snprintf(etag, sizeof etag, "\"%.*s\"", MEDIA_HASH_LEN, name);
	struct tm gmt;
	gmtime_r(&st->st_mtime, &gmt);
	h2o_time2str_rfc1123(date, &gmt);
	if (h2o_memis(v.base, v.len, etag, strlen(etag)) || h2o_memis(v.base, v.len, date, strlen(date)))
		return;
	ssize_t range;
	while ((range = h2o_find_header(&r->req->headers, H2O_TOKEN_RANGE, -1)) >= 0)
		h2o_delete_header(&r->req->headers, range);
}

/* A Range of more than this many parts is ignored (the whole file goes, as RFC 9110 14.2 allows): h2o would
 * answer each part, so "bytes=0-,0-,0-,..." in 16 KB of header would ask for the file thousands of times. */
#define VIDEO_MAX_RANGES 4

static void limit_ranges(struct request *r)
{
	ssize_t at = h2o_find_header(&r->req->headers, H2O_TOKEN_RANGE, -1);
	if (at < 0)
		return;
	h2o_iovec_t v = r->req->headers.entries[at].value;
	size_t parts = 1;
	for (size_t i = 0; i < v.len; i++)
		parts += v.base[i] == ',';
	if (parts <= VIDEO_MAX_RANGES && h2o_find_header(&r->req->headers, H2O_TOKEN_RANGE, at) < 0)
		return;
	ssize_t range;
	while ((range = h2o_find_header(&r->req->headers, H2O_TOKEN_RANGE, -1)) >= 0)
		h2o_delete_header(&r->req->headers, range);
}

/* A library video: byte ranges through h2o's file handler, cached for a year (a name never changes its
 * bytes), with no cookie and nothing that needs consent. */
static void video_file(struct request *r, const struct stat *st)
{
	if (!r->app->media_files) {
		resp_error(r, 404, req_text(r, "errors.no_video"));
		return;
	}
	check_if_range(r, r->params[0], st);
	limit_ranges(r);
	resp_security_headers(r->req);
	h2o_add_header(r->pool, &r->req->res.headers, H2O_TOKEN_CACHE_CONTROL, NULL,
		       H2O_STRLIT("public, max-age=31536000, immutable"));
	char *etag = h2o_mem_alloc_pool(r->pool, MEDIA_HASH_LEN + 3);
	snprintf(etag, MEDIA_HASH_LEN + 3, "\"%.*s\"", MEDIA_HASH_LEN, r->params[0]);
	h2o_add_header(r->pool, &r->req->res.headers, H2O_TOKEN_ETAG, NULL, etag, MEDIA_HASH_LEN + 2);
	ssize_t inm = h2o_find_header(&r->req->headers, H2O_TOKEN_IF_NONE_MATCH, -1);
	if (inm >= 0 && h2o_memis(r->req->headers.entries[inm].value.base,
				  r->req->headers.entries[inm].value.len, etag, MEDIA_HASH_LEN + 2)) {
		r->req->res.status = 304;
		r->req->res.reason = "Not Modified";
		h2o_send_inline(r->req, NULL, 0);
		return;
	}
	if (r->app->media_files->on_req(r->app->media_files, r->req) != 0)
		resp_error(r, 404, req_text(r, "errors.no_video"));
}

/* Media library files: only names Plenary writes (hash-width.ext for images, hash.ext for videos), cached
 * for a year since a name never changes its bytes. */
void media_file(struct request *r)
{
	const char *type = media_file_type(r->params[0]);
	const char *video = type ? NULL : media_video_type(r->params[0]);
	char path[1100];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", r->app->cfg.media_dir, r->params[0]);
	if ((!type && !video) || stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		resp_error(r, 404, req_text(r, video ? "errors.no_video" : "errors.no_image"));
		return;
	}
	if (video) {
		video_file(r, &st);
		return;
	}
	resp_security_headers(r->req);
	h2o_add_header(r->pool, &r->req->res.headers, H2O_TOKEN_CACHE_CONTROL, NULL,
		       H2O_STRLIT("public, max-age=31536000, immutable"));
	if (h2o_file_send(r->req, 200, "OK", path, h2o_iovec_init(type, strlen(type)), 0) != 0)
		resp_error(r, 404, req_text(r, "errors.no_image"));
}
