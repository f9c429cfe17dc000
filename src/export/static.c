/* static: `plenary export --static DIR`: every public page, feed, sitemap, asset and image of the sites as
 * files under DIR at their own URLs, rendered by the real server (started in this process on loopback). */
#include "export/static.h"

#include <arpa/inet.h>
#include <errno.h>
#include <malloc.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/log.h"
#include "export/crawl.h"
#include "export/tree.h"
#include "export/writer.h"
#include "http/server.h"
#include "store/store.h"
#include "store/video.h"

/* the URL asked for each site's "not found" page, kept as 404.html (nginx: error_page 404 /404.html) */
#define ERROR_PATH "/404.html"

struct export_run {
	struct export_tree *tree;
	struct writer *writer; /* writes to tree while the crawl goes on */
	const char **hosts;
	const char **langs; /* each site's languages besides its default (pages under /LANG/) */
	int64_t *site_ids;
	const char **prefixes; /* per site: "" or "<host>/" */
	buf file;
	size_t pages, refused;
};

static void usage(FILE *out)
{
	fputs("usage:\n" EXPORT_USAGE "\n"
	      "HTML pages become DIR/<path>/index.html (page N of a list: index-N.html), everything else "
	      "keeps\n"
	      "its path; see the README for the nginx configuration. A second export into DIR rewrites only\n"
	      "changed files and deletes the files of pages that are gone (those listed in "
	      "DIR/.plenary-export).\n",
	      out);
}

int export_parse_args(int argc, char **argv, struct config *cfg, struct export_options *o)
{
	char err[512];
	memset(o, 0, sizeof *o);
	for (int i = 0; i + 1 < argc; i++) /* the config file first, wherever it is: flags override it */
		if (strcmp(argv[i], "--config") == 0 &&
		    config_load_file(cfg, argv[i + 1], err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			return 2;
		}
	for (int i = 0; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		const char *setting = strcmp(a, "--db") == 0	    ? "database"
				      : strcmp(a, "--threads") == 0 ? "threads"
								    : NULL;
		if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			return 0;
		} else if (strcmp(a, "--force") == 0) {
			o->force = 1;
		} else if (!v && (setting || !strcmp(a, "--static") || !strcmp(a, "--site") ||
				  !strcmp(a, "--config"))) {
			fprintf(stderr, "plenary export: %s needs a value\n", a);
			return 2;
		} else if (strcmp(a, "--static") == 0) {
			o->dir = argv[++i];
		} else if (strcmp(a, "--site") == 0) {
			o->site = argv[++i];
		} else if (strcmp(a, "--config") == 0) {
			i++;
		} else if (setting) {
			if (config_set(cfg, setting, v, err, sizeof err) != 0) {
				fprintf(stderr, "plenary export: %s: %s\n", a, err);
				return 2;
			}
			i++;
		} else {
			fprintf(stderr, "plenary export: unexpected '%s' (see plenary export --help)\n", a);
			return 2;
		}
	}
	if (!o->dir || !o->dir[0]) {
		usage(stderr);
		return 2;
	}
	return -1;
}

/* A loopback port nobody uses, held by a bound (not listening) socket until the workers listen on it too:
 * with SO_REUSEPORT on both, no other program can take it in between. */
static int reserve_port(int *port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), on = 1;
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof on) != 0 ||
	    bind(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
	    getsockname(fd, (struct sockaddr *)&a, &len) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	*port = ntohs(a.sin_port);
	return fd;
}

static int hex_value(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* Appends s[0..n) percent-decoded as nginx decodes $uri, but for %00 and %2F, kept as they are. */
static void add_decoded(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		int hi = s[i] == '%' && i + 2 < n ? hex_value(s[i + 1]) : -1,
		    lo = hi >= 0 ? hex_value(s[i + 2]) : -1;
		int ch = hi * 16 + lo;
		if (lo >= 0 && ch != 0 && ch != '/') {
			buf_addc(b, (char)ch);
			i += 2;
		} else {
			buf_addc(b, s[i]);
		}
	}
}

/* The file a response is kept in, under the export folder: an HTML page at <path>/index.html (page N of a
 * list at <path>/index-N.html, as nginx finds it with $arg_page), anything else at its own path, and the
 * error page at 404.html. */
static const char *file_for(struct export_run *x, const struct crawl_page *pg)
{
	buf *f = &x->file;
	buf_reset(f);
	buf_adds(f, x->prefixes[pg->site]);
	if (pg->error_page) {
		buf_adds(f, "404.html");
		return buf_cstr(f);
	}
	const char *q = strchr(pg->url, '?');
	size_t plen = q ? (size_t)(q - pg->url) : strlen(pg->url);
	add_decoded(f, pg->url + 1, plen - 1);
	if (strncmp(pg->ctype, "text/html", 9) != 0)
		return f->len ? buf_cstr(f) : NULL;
	if (plen > 1 && pg->url[plen - 1] != '/') /* /fr/, a language's home, is fr/index.html */
		buf_addc(f, '/');
	if (q && strncmp(q, "?page=", 6) == 0)
		buf_printf(f, "index-%s.html", q + 6);
	else
		buf_adds(f, "index.html");
	return buf_cstr(f);
}

static int on_page(void *ctx, const struct crawl_page *pg)
{
	struct export_run *x = ctx;
	const char *host = x->hosts[pg->site];
	if (pg->status == 0 || pg->status >= 500) {
		log_error("export: http://%s%s: %s", host, pg->url,
			  pg->status ? "server error" : pg->failure);
		return -1;
	}
	if (pg->status != 200 && !(pg->error_page && pg->status == 404))
		return 0; /* redirects and broken links: the crawler counts them */
	/* what only a server can hold (a form's token, a cookie) never goes into a file: an anonymous reader
	 * who refused embedded videos gets neither, so finding one means a template changed */
	if (pg->sets_cookie || memmem(pg->body, pg->len, "form_token", 10)) {
		log_error("export: http://%s%s was not written: it %s", host, pg->url,
			  pg->sets_cookie ? "sets a cookie" : "has a form token");
		x->refused++;
		return -1;
	}
	const char *file = file_for(x, pg);
	if (!file || !tree_path_ok(file)) {
		log_error("export: http://%s%s: the URL cannot be a file name (%s)", host, pg->url,
			  file ? file : "");
		return -1;
	}
	writer_put(x->writer, file, pg->body, pg->len);
	if (strncmp(pg->ctype, "text/html", 9) == 0)
		x->pages++;
	return 0;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) + (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The sites to export: all of them, each in a folder named by its host, or the one whose host is o->site. */
static int choose_sites(struct app *app, const struct export_options *o, struct export_run *x, size_t *n)
{
	x->hosts = calloc(app->nsites, sizeof *x->hosts);
	x->langs = calloc(app->nsites, sizeof *x->langs);
	x->prefixes = calloc(app->nsites, sizeof *x->prefixes);
	x->site_ids = calloc(app->nsites, sizeof *x->site_ids);
	if (!x->hosts || !x->langs || !x->prefixes || !x->site_ids)
		die("out of memory");
	*n = 0;
	for (size_t i = 0; i < app->nsites; i++) {
		const struct site *s = &app->sites[i];
		if (o->site && strcasecmp(o->site, s->host) != 0)
			continue;
		if (!o->site && (!s->host[0] || strchr(s->host, '/') || s->host[0] == '.')) {
			log_error("export: the site %s has no usable host name (\"%s\")", s->name, s->host);
			return -1;
		}
		x->hosts[*n] = s->host;
		x->langs[*n] = s->languages;
		x->site_ids[*n] = s->id;
		buf b;
		buf_init(&b, &app->pool);
		if (!o->site)
			buf_printf(&b, "%s/", s->host);
		x->prefixes[(*n)++] = buf_cstr(&b);
	}
	if (*n == 0) {
		fprintf(stderr, "plenary export: no site has the host %s; the sites are:", o->site);
		for (size_t i = 0; i < app->nsites; i++)
			fprintf(stderr, " %s", app->sites[i].host);
		fputc('\n', stderr);
		return -1;
	}
	return 0;
}

/* The library videos public articles play, which the crawl leaves out (gigabytes it would hold in memory):
 * hard-linked from media_dir as <prefix>media/<hash>.<ext>. 0, or -1 when one could not be put. */
static int link_videos(struct app *app, struct export_run *x, size_t nsites)
{
	char err[512];
	store *db = store_open(app->cfg.database, err, sizeof err);
	if (!db) {
		log_error("export: %s", err);
		return -1;
	}
	int rc = 0;
	for (size_t i = 0; i < nsites && rc == 0; i++) {
		h2o_mem_pool_t pool;
		h2o_mem_init_pool(&pool);
		struct video_listing *vs;
		size_t n = 0;
		if (store_public_videos(db, &pool, x->site_ids[i], SIZE_MAX / 2, &vs, &n) != 0)
			rc = -1;
		for (size_t k = 0; k < n && rc == 0; k++) {
			if (!vs[k].file_hash[0])
				continue;
			char rel[600], src[1200];
			snprintf(rel, sizeof rel, "%smedia/%s.%s", x->prefixes[i], vs[k].file_hash,
				 vs[k].container);
			snprintf(src, sizeof src, "%s/%s.%s", app->cfg.media_dir, vs[k].file_hash,
				 vs[k].container);
			if (tree_link(x->tree, rel, src) < 0)
				rc = -1;
		}
		h2o_mem_clear_pool(&pool);
	}
	store_close(db);
	return rc;
}

/* Starts the server on a free loopback port and crawls the sites through it, counting into x. */
static int crawl_sites(struct app *app, struct export_run *x, size_t nsites, size_t *broken)
{
	char err[512], listen[64];
	int port, held = reserve_port(&port);
	if (held < 0) {
		log_error("export: no free loopback port: %s", strerror(errno));
		return -1;
	}
	snprintf(listen, sizeof listen, "127.0.0.1:%d", port);
	/* the export's own server: no access log, no page cache (each page is asked once; the cache would
	 * only compress every page for nothing), and the whole database file mapped (SQLite's limit is 2
	 * GiB), as every article is read. Render threads stay: they share the pages out whichever worker
	 * the kernel gave a connection to. */
	if (config_set(&app->cfg, "listen", listen, err, sizeof err) != 0 ||
	    config_set(&app->cfg, "access_log", "", err, sizeof err) != 0 ||
	    config_set(&app->cfg, "cache_mb", "0", err, sizeof err) != 0 ||
	    (app->cfg.mmap_mb < 2047 && config_set(&app->cfg, "mmap_mb", "2047", err, sizeof err) != 0))
		die("export: %s", err);
	if (server_start(app) != 0) {
		close(held);
		return -1;
	}
	close(held);
	char base[96];
	snprintf(base, sizeof base, "%s://%s", app->cfg.tls_cert[0] ? "https" : "http", listen);
	int threads = app->cfg.threads > 0 ? app->cfg.threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
	struct crawler *c =
	    crawl_new(base, x->hosts, nsites, 4 * (threads > 0 ? threads : 1), ERROR_PATH, on_page, x);
	crawl_languages(c, x->langs);
	int rc = crawl_run(c);
	const struct crawl_stats *st = crawl_stats(c);
	*broken = st->broken;
	if (st->broken) {
		fprintf(stderr, "plenary export: %zu link%s lead%s to pages that do not exist (404):\n",
			st->broken, st->broken == 1 ? "" : "s", st->broken == 1 ? "s" : "");
		crawl_print_broken(c, 10);
	}
	server_stop_begin(); /* closing the crawler's connections then wakes the workers to stop */
	crawl_free(c);
	server_stop();
	return rc;
}

int export_static(struct app *app, const struct export_options *o)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* SQLite frees its temporary b-trees after every list query; glibc would hand that memory back to the
	 * kernel each time (madvise, and a TLB flush on every core): a tenth of the export's time */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	if (strcmp(app->cfg.log_level, "debug") != 0)
		log_set_level(LOG_WARN); /* the server's start and stop are no news here */
	struct export_run x = {0};
	buf_init(&x.file, NULL);
	size_t nsites, broken = 0;
	char err[1024];
	int rc = 1;
	if (choose_sites(app, o, &x, &nsites) != 0)
		goto out;
	x.tree = tree_open(o->dir, o->force, err, sizeof err);
	if (!x.tree) {
		fprintf(stderr, "plenary export: %s\n", err);
		goto out;
	}
	x.writer = writer_start(x.tree);
	int crawled = crawl_sites(app, &x, nsites, &broken) == 0;
	writer_finish(x.writer);
	if (crawled && link_videos(app, &x, nsites) != 0)
		crawled = 0;
	int complete = crawled && tree_counts(x.tree)->failed == 0;
	if (complete)
		tree_prune(x.tree);
	if (tree_save(x.tree, complete) != 0)
		fprintf(stderr, "plenary export: cannot write %s/%s: %s\n", o->dir, TREE_MANIFEST,
			strerror(errno));
	const struct tree_counts *n = tree_counts(x.tree);
	printf(
	    "%s: %zu files (%zu pages) from %zu site%s: %zu written, %zu unchanged, %zu removed; %llu bytes "
	    "written, %llu in all; %.2f s\n",
	    o->dir, n->written + n->unchanged, x.pages, nsites, nsites == 1 ? "" : "s", n->written,
	    n->unchanged, n->removed, (unsigned long long)n->bytes_written,
	    (unsigned long long)n->bytes_total, seconds_since(&t0));
	if (!complete)
		fprintf(stderr, "plenary export: incomplete (see the errors above); no file was deleted\n");
	rc = complete ? 0 : 1;
out:
	tree_close(x.tree);
	buf_free(&x.file);
	free(x.hosts);
	free(x.langs);
	free(x.prefixes);
	free(x.site_ids);
	return rc;
}
