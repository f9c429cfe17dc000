/* main: the command line: serve, init, demo, --help, --version. */
#include <errno.h>
#include <getopt.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config.h"
#include "core/log.h"
#include "http/server.h"
#include "render/tmpl.h"
#include "site/assets.h"
#include "store/store.h"

#define PLENARY_VERSION "0.1.0"

static void usage(FILE *out)
{
	fprintf(out,
		"Plenary %s — a publishing server for medical-congress coverage\n\n"
		"usage:\n"
		"  plenary serve [--config FILE] [--db PATH] [--listen ADDR:PORT] [--threads N]\n"
		"  plenary init DB      create an empty database with one default site\n"
		"  plenary demo DB      create a database filled with the demo sites and articles\n"
		"  plenary --help | --version\n\n"
		"settings (for --config FILE; this is also a sample config file):\n\n",
		PLENARY_VERSION);
	config_print_help(out);
}

static int cmd_create(const char *path, int demo)
{
	char err[512];
	struct stat st;
	if (demo && stat(path, &st) == 0) {
		fprintf(stderr, "plenary: %s already exists; the demo is made in a new database file\n",
			path);
		return 1;
	}
	store *s = store_open(path, err, sizeof err);
	if (!s) {
		fprintf(stderr, "plenary: %s\n", err);
		return 1;
	}
	int rc = demo ? store_load_demo(s, err, sizeof err) : store_ensure_site(s, "Plenary");
	if (rc != 0)
		fprintf(stderr, "plenary: %s\n", demo ? err : "cannot create the default site");
	else
		printf("%s: %s database ready (schema version %d)\n", path, demo ? "demo" : "new",
		       store_schema_version(s));
	store_close(s);
	return rc ? 1 : 0;
}

/* Loads what the workers share: templates, static files, sites, the form key. */
static int app_prepare(struct app *app)
{
	char err[512], dir[600];
	struct stat st;
	if (stat(app->cfg.database, &st) != 0) {
		log_error("database %s does not exist: create it with `plenary init %s` or `plenary demo %s`",
			  app->cfg.database, app->cfg.database, app->cfg.database);
		return -1;
	}
	app->tmpl = tmpl_load_dir(app->cfg.theme, err, sizeof err);
	if (!app->tmpl) {
		log_error("theme: %s", err);
		return -1;
	}
	snprintf(dir, sizeof dir, "%s/static", app->cfg.theme);
	if (assets_load(app, dir, err, sizeof err) != 0) {
		log_error("theme: %s", err);
		return -1;
	}
	store *s = store_open(app->cfg.database, err, sizeof err);
	if (!s) {
		log_error("%s", err);
		return -1;
	}
	char hex[65];
	h2o_mem_init_pool(&app->pool);
	int rc = store_sites(s, &app->pool, &app->sites, &app->nsites);
	if (rc == 0 && app->nsites == 0) {
		log_error("database %s has no site: create one with `plenary init`", app->cfg.database);
		rc = -1;
	}
	if (rc == 0 && (store_secret(s, "form_key", hex) != 0 ||
			sodium_hex2bin(app->form_key, sizeof app->form_key, hex, 64, NULL, NULL, NULL) != 0))
		rc = -1;
	store_close(s);
	return rc;
}

static int cmd_serve(int argc, char **argv)
{
	static struct app app;
	char err[512];
	config_defaults(&app.cfg);
	static const struct option opts[] = {
	    {"config", required_argument, NULL, 'c'}, {"db", required_argument, NULL, 'd'},
	    {"listen", required_argument, NULL, 'l'}, {"threads", required_argument, NULL, 't'},
	    {"help", no_argument, NULL, 'h'},	      {NULL, 0, NULL, 0}};
	/* the config file first, whatever its place: flags override it */
	for (int i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], "--config") == 0 &&
		    config_load_file(&app.cfg, argv[i + 1], err, sizeof err) != 0) {
			fprintf(stderr, "%s\n", err);
			return 2;
		}
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, "c:d:l:t:h", opts, NULL)) != -1) {
		const char *name = c == 'd' ? "database" : c == 'l' ? "listen" : c == 't' ? "threads" : NULL;
		if (c == 'h') {
			usage(stdout);
			return 0;
		}
		if (c == '?')
			return 2;
		if (name && config_set(&app.cfg, name, optarg, err, sizeof err) != 0) {
			fprintf(stderr, "plenary: --%s: %s\n", c == 'd' ? "db" : name, err);
			return 2;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "plenary: unexpected argument '%s' (see plenary --help)\n", argv[optind]);
		return 2;
	}
	log_set_level(strcmp(app.cfg.log_level, "debug") == 0	? LOG_DEBUG
		      : strcmp(app.cfg.log_level, "warn") == 0	? LOG_WARN
		      : strcmp(app.cfg.log_level, "error") == 0 ? LOG_ERROR
								: LOG_INFO);
	if (app_prepare(&app) != 0)
		return 1;
	int rc = server_run(&app);
	tmpl_free(app.tmpl);
	assets_free(&app);
	h2o_mem_clear_pool(&app.pool);
	return rc;
}

int main(int argc, char **argv)
{
	if (sodium_init() < 0) {
		fprintf(stderr, "plenary: libsodium failed to start\n");
		return 1;
	}
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("plenary %s\n", PLENARY_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "serve") == 0)
		return cmd_serve(argc - 1, argv + 1);
	if (strcmp(argv[1], "init") == 0 || strcmp(argv[1], "demo") == 0) {
		if (argc != 3) {
			fprintf(stderr, "usage: plenary %s DB\n", argv[1]);
			return 2;
		}
		return cmd_create(argv[2], strcmp(argv[1], "demo") == 0);
	}
	fprintf(stderr, "plenary: unknown command '%s' (see plenary --help)\n", argv[1]);
	return 2;
}
