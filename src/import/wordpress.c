/* wordpress: the import command: its arguments, the site, one batch around the whole export read as a stream,
 * and the report; a file refused half-way, an interruption or a dry run leave the database as it was. */
#include "import/wordpress.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dirs.h"
#include "core/zone.h"
#include "import/importer.h"
#include "store/editorial.h"

struct args {
	const char *file, *db, *config, *site, *uploads, *map;
	int dry_run;
};

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	interrupted = sig;
}

static int usage_error(const char *why, const char *what)
{
	if (why)
		fprintf(stderr, "plenary import: %s%s\n", why, what ? what : "");
	fprintf(stderr, "usage:\n" IMPORT_USAGE);
	return 2;
}

static int parse(int argc, char **argv, struct args *a)
{
	memset(a, 0, sizeof *a);
	if (argc < 1 || strcmp(argv[0], "wordpress") != 0)
		return usage_error(argc < 1 ? "say what to import from: " : "unknown source: ",
				   argc < 1 ? "wordpress" : argv[0]);
	for (int i = 1; i < argc; i++) {
		const char **opt = strcmp(argv[i], "--db") == 0	       ? &a->db
				   : strcmp(argv[i], "--config") == 0  ? &a->config
				   : strcmp(argv[i], "--site") == 0    ? &a->site
				   : strcmp(argv[i], "--uploads") == 0 ? &a->uploads
				   : strcmp(argv[i], "--map") == 0     ? &a->map
								       : NULL;
		if (opt && i + 1 < argc && !*opt)
			*opt = argv[++i];
		else if (opt)
			return usage_error(*opt ? "given twice: " : "missing a value after ", argv[i]);
		else if (strcmp(argv[i], "--dry-run") == 0)
			a->dry_run = 1;
		else if (argv[i][0] == '-' && argv[i][1])
			return usage_error("unknown option ", argv[i]);
		else if (!a->file)
			a->file = argv[i];
		else
			return usage_error("one export at a time; unexpected ", argv[i]);
	}
	return a->file ? 0 : usage_error("name the export file", NULL);
}

/* ---- the reader's callbacks ---- */

static int on_channel(void *ctx, const struct wxr_channel *c)
{
	struct importer *im = ctx;
	const char *src = c->base_site_url && *c->base_site_url ? c->base_site_url : c->link;
	if (!src || !*src || strlen(src) >= sizeof im->source) {
		snprintf(im->err, im->errlen, "the export names no site (wp:base_site_url)");
		return -1;
	}
	snprintf(im->source, sizeof im->source, "%s", src);
	size_t n = strlen(im->source);
	while (n > 0 && im->source[n - 1] == '/')
		im->source[--n] = '\0';
	return 0;
}

static int finish_item(struct importer *im, int rc)
{
	h2o_mem_clear_pool(&im->pool);
	if (rc != 0 && !im->err[0])
		snprintf(im->err, im->errlen, "the database refused a write (see the log above)");
	if (rc == 0 && interrupted) {
		snprintf(im->err, im->errlen, "interrupted");
		return -1;
	}
	return rc;
}

static int on_author(void *ctx, const struct wxr_author *a)
{
	struct importer *im = ctx;
	return finish_item(im, import_author(im, a));
}

static int on_term(void *ctx, const struct wxr_term *t)
{
	(void)ctx, (void)t; /* terms become sections and topics when a post uses them */
	return 0;
}

static int on_item(void *ctx, const struct wxr_item *it)
{
	struct importer *im = ctx;
	const char *type = it->post_type ? it->post_type : "";
	int rc = 0;
	im->rep.items++;
	im->rep.comments += (int64_t)it->ncomments;
	if (strcmp(type, "post") == 0 || strcmp(type, "page") == 0)
		rc = import_post(im, it);
	else if (strcmp(type, "attachment") == 0)
		rc = import_attachment(im, it);
	else if (strcmp(type, "nav_menu_item") == 0)
		report_item(&im->rep, type, it->post_id, it->title, 1,
			    "menus are not imported: make it in the back office");
	else
		report_item(&im->rep, *type ? type : "item", it->post_id, it->title, 1,
			    "Plenary has no %s items", *type ? type : "untyped");
	return finish_item(im, rc);
}

static void on_progress(void *ctx, int64_t bytes)
{
	struct importer *im = ctx;
	report_progress(&im->rep, bytes);
}

/* ---- the command ---- */

static const struct site *pick_site(const struct site *sites, size_t n, const char *host)
{
	for (size_t i = 0; i < n; i++)
		if (host ? strcasecmp(sites[i].host, host) == 0 : sites[i].is_default)
			return &sites[i];
	return !host && n ? &sites[0] : NULL;
}

/* Everything inside the batch: 0 with the batch to commit, or -1 with err. */
static int run(struct importer *im, int fd)
{
	struct wxr_handler h = {.ctx = im,
				.channel = on_channel,
				.author = on_author,
				.term = on_term,
				.item = on_item,
				.progress = on_progress};
	int rc = wxr_read(fd, &h, NULL, im->err, im->errlen);
	report_progress_done(&im->rep);
	if (rc != 0)
		return -1;
	if (import_pending_images(im) != 0) {
		snprintf(im->err, im->errlen, "the database refused a write (see the log above)");
		return -1;
	}
	char detail[200];
	snprintf(detail, sizeof detail, "%lld articles, %lld pages from %s",
		 (long long)(im->rep.n[K_ARTICLES][O_CREATED] + im->rep.n[K_ARTICLES][O_UPDATED]),
		 (long long)(im->rep.n[K_PAGES][O_CREATED] + im->rep.n[K_PAGES][O_UPDATED]), im->source);
	char target[48];
	snprintf(target, sizeof target, "site:%lld", (long long)im->site->id);
	return store_audit(im->s, 0, "import.wordpress", target, detail);
}

static int import_file(struct importer *im, const struct args *a, int fd)
{
	char why[1024] = "";
	im->err = why;
	im->errlen = sizeof why;
	if (store_batch_begin(im->s) != 0) {
		fprintf(stderr, "plenary import: the database is busy or unreachable\n");
		return 1;
	}
	int rc = run(im, fd);
	int keep = rc == 0 && !im->dry_run;
	if (store_batch_end(im->s, keep) != 0 && keep) {
		snprintf(why, sizeof why, "the database could not commit the import");
		rc = -1;
	}
	if (rc != 0) {
		images_forget(im);
		fprintf(stderr, "plenary import: %s: %s; nothing was imported\n", a->file, why);
		return 1;
	}
	if (im->dry_run)
		images_forget(im);
	if (im->dry_run)
		printf("Dry run of %s into %s: nothing was written\n", a->file, im->site->host);
	else
		printf("Imported %s into %s\n", a->file, im->site->host);
	report_print(&im->rep, stdout);
	return 0;
}

int import_main(int argc, char **argv)
{
	struct args a;
	int rc = parse(argc, argv, &a);
	if (rc)
		return rc;
	static struct config cfg;
	char err[1024];
	config_defaults(&cfg);
	if (a.config && config_load_file(&cfg, a.config, err, sizeof err) != 0) {
		fprintf(stderr, "plenary import: %s\n", err);
		return 2;
	}
	if (a.db && config_set(&cfg, "database", a.db, err, sizeof err) != 0) {
		fprintf(stderr, "plenary import: --db: %s\n", err);
		return 2;
	}
	if (zone_check(cfg.time_zone, err, sizeof err) != 0) {
		fprintf(stderr, "plenary import: time_zone: %s\n", err);
		return 1;
	}
	zone_use(cfg.time_zone); /* WordPress's local dates, read on the site's clocks */
	int fd = strcmp(a.file, "-") == 0 ? dup(STDIN_FILENO) : open(a.file, O_RDONLY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
		fprintf(stderr, "plenary import: %s: %s\n", a.file,
			fd < 0 ? strerror(errno) : "a folder, not a file");
		if (fd >= 0)
			close(fd);
		return 1;
	}
	static struct importer im;
	memset(&im, 0, sizeof im);
	im.cfg = &cfg;
	im.dry_run = a.dry_run;
	if (a.uploads &&
	    (!realpath(a.uploads, im.uploads) || stat(im.uploads, &st) != 0 || !S_ISDIR(st.st_mode))) {
		fprintf(stderr,
			"plenary import: --uploads %s: not a folder (give a copy of wp-content/uploads)\n",
			a.uploads);
		close(fd);
		return 1;
	}
	if (!a.dry_run && dir_make(cfg.media_dir, 0755) != 0) {
		fprintf(stderr, "plenary import: media_dir %s: %s\n", cfg.media_dir, strerror(errno));
		close(fd);
		return 1;
	}
	im.s = store_open(cfg.database, err, sizeof err);
	if (!im.s) {
		fprintf(stderr, "plenary import: %s\n", err);
		close(fd);
		return 1;
	}
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	h2o_mem_init_pool(&im.pool);
	struct site *sites = NULL;
	size_t nsites = 0;
	rc = 1;
	if (store_sites(im.s, &pool, &sites, &nsites) != 0 || !(im.site = pick_site(sites, nsites, a.site)))
		fprintf(stderr, "plenary import: %s%s\n",
			a.site ? "no site has the host " : "the database has no site", a.site ? a.site : "");
	else if (map_load(&im.map, a.map, im.s, im.site->id, err, sizeof err) != 0)
		fprintf(stderr, "plenary import: --map %s\n", err);
	else if (report_open(&im.rep, S_ISREG(st.st_mode) ? (int64_t)st.st_size : 0) != 0)
		fprintf(stderr, "plenary import: no room for the report: %s\n", strerror(errno));
	else {
		struct sigaction sa = {.sa_handler = on_signal};
		sigaction(SIGINT, &sa, NULL);
		sigaction(SIGTERM, &sa, NULL);
		rc = import_file(&im, &a, fd);
	}
	report_close(&im.rep);
	map_free(&im.map);
	free(im.pending);
	free(im.written);
	free(im.seen);
	h2o_mem_clear_pool(&im.pool);
	h2o_mem_clear_pool(&pool);
	store_close(im.s);
	close(fd);
	return rc;
}
