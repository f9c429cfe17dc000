/* main: the command line: serve, init, demo, user add, backup, restore, export, import, routes, --help,
 * --version. */
#include <errno.h>
#include <getopt.h>
#include <liboath/oath.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "core/zone.h"
#include "core/catalog.h"
#include "core/config.h"
#include "core/dirs.h"
#include "auth/password.h"
#include "core/log.h"
#include "core/text.h"
#include "export/static.h"
#include "import/wordpress.h"
#include "jobs/after.h"
#include "jobs/count_writer.h"
#include "jobs/dkim.h"
#include "jobs/mail.h"
#include "jobs/mail_compose.h"
#include "jobs/media.h"
#include "jobs/scheduler.h"
#include "jobs/alerts.h"
#include "http/router.h"
#include "http/server.h"
#include "render/theme.h"
#include "render/theme_check.h"
#include "site/assets.h"
#include "site/routes.h"
#include "store/store.h"
#include "store/accounts.h"
#include "store/structure.h"
#include "store/search.h"
#include "store/copy.h"

#define PLENARY_VERSION "0.1.0"

static void usage(FILE *out)
{
	fprintf(out,
		"Plenary %s — a publishing server for medical-congress coverage\n\n"
		"usage:\n"
		"  plenary serve [--config FILE] [--db PATH] [--listen ADDR:PORT] [--threads N]\n"
		"  plenary init DB      create an empty database with one default site\n"
		"                       (DB: a SQLite file, or postgresql://USER@HOST:PORT/NAME\n"
		"                       naming an existing PostgreSQL database)\n"
		"  plenary demo DB      create a database filled with the demo sites and articles\n"
		"  plenary demo DB --articles N   the same with N generated articles more (for benchmarks)\n"
		"  plenary backup FILE [--db PATH] [--config FILE] [--force]\n"
		"                       copy the database, also while served, into the new file FILE\n"
		"  plenary restore FILE [--db PATH] [--config FILE]\n"
		"                       replace the database's content with the backup FILE\n" EXPORT_USAGE
		    IMPORT_USAGE "  plenary alerts run [--now] [--digest-now] [--db PATH] [--config FILE]\n"
		"                       queue the alerts and digests that are due (--now: every pending\n"
		"                       alert at once; --digest-now: the digest of the week ending now)\n"
		"  plenary routes [--config FILE]\n"
		"                       print every route with its policy: role, second factor, body limit,\n"
		"                       where it renders, form token\n"
		"  plenary i18n check [--config FILE] [--theme DIR]\n"
		"                       list each language's missing and unused messages (exit 1 when\n"
		"                       a language lacks one)\n"
		"  plenary --help | --version\n\n"
		"settings (for --config FILE; this is also a sample config file):\n\n",
		PLENARY_VERSION);
	config_print_help(out);
}

/* The file of a SQLite database setting (a leading "sqlite:" dropped), or NULL for a PostgreSQL URL. */
static const char *db_file(const char *db)
{
	if (strncmp(db, "postgresql://", 13) == 0 || strncmp(db, "postgres://", 11) == 0)
		return NULL;
	return strncmp(db, "sqlite:", 7) == 0 ? db + 7 : db;
}

/* Whether the database exists: a SQLite file, or any PostgreSQL URL (connecting tells). */
static int db_exists(const char *db)
{
	struct stat st;
	const char *file = db_file(db);
	return !file || stat(file, &st) == 0;
}

static int cmd_create(const char *path, int demo, size_t generated)
{
	char err[512], shown[512];
	struct stat st;
	const char *file = db_file(path);
	if (demo && file && stat(file, &st) == 0) {
		fprintf(stderr, "plenary: %s already exists; the demo is made in a new database file\n",
			path);
		return 1;
	}
	store *s = store_open(path, err, sizeof err);
	if (!s) {
		fprintf(stderr, "plenary: %s\n", err);
		return 1;
	}
	/* PostgreSQL: the database exists already (createdb); store_load_demo refuses one with content */
	int rc = demo ? store_load_demo(s, err, sizeof err) : store_ensure_site(s, "Plenary");
	if (rc == 0 && generated && store_generate_articles(s, generated, err, sizeof err) != 0)
		rc = -1;
	if (rc != 0)
		fprintf(stderr, "plenary: %s\n", demo || generated ? err : "cannot create the default site");
	else
		printf("%s: %s database ready (schema version %d)\n",
		       store_display(path, shown, sizeof shown), demo ? "demo" : "new",
		       store_schema_version(s));
	store_close(s);
	return rc ? 1 : 0;
}

/* Loads what the workers share: templates, static files, sites, the form key. */
static int app_prepare(struct app *app)
{
	char err[512], dir[600];
	if (!db_exists(app->cfg.database)) {
		log_error("database %s does not exist: create it with `plenary init %s` or `plenary demo %s`",
			  app->cfg.database, app->cfg.database, app->cfg.database);
		return -1;
	}
	app->theme = theme_load(app->cfg.theme, app->cfg.default_language, err, sizeof err);
	app->tmpl = app->theme ? theme_set(app->theme, NULL, NULL) : NULL;
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
		char shown[512];
		log_error("database %s has no site: create one with `plenary init`",
			  store_display(app->cfg.database, shown, sizeof shown));
		rc = -1;
	}
	if (rc == 0 && (store_secret(s, "form_key", hex) != 0 ||
			sodium_hex2bin(app->form_key, sizeof app->form_key, hex, 64, NULL, NULL, NULL) != 0))
		rc = -1;
	int scored = rc == 0 ? store_related_backfill(s) : 0;
	if (scored > 0)
		log_info("related articles scored for %d articles of a database made before they were kept",
			 scored);
	else if (scored < 0)
		log_warn("related articles could not be scored; they appear as articles are saved");
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
	if (config_check(&app.cfg, err, sizeof err) != 0) {
		fprintf(stderr, "plenary: %s\n", err);
		return 2;
	}
	zone_use(app.cfg.time_zone); /* before any thread: it sets TZ */
	log_set_level(strcmp(app.cfg.log_level, "debug") == 0	? LOG_DEBUG
		      : strcmp(app.cfg.log_level, "warn") == 0	? LOG_WARN
		      : strcmp(app.cfg.log_level, "error") == 0 ? LOG_ERROR
								: LOG_INFO);
	if (app_prepare(&app) != 0)
		return 1;
	if (password_blocklist_load(app.cfg.password_blocklist, err, sizeof err) != 0)
		log_warn("%s: common passwords are not refused", err);
	mail_compose_init(); /* before any thread: GMime's start is not thread-safe */
	if (dkim_signer_from_config(&app.cfg, &app.dkim, err, sizeof err) != 0) {
		fprintf(stderr, "plenary: %s\n", err);
		return 1;
	}
	if (app.dkim)
		log_info("dkim: mail is signed with selector %s for %s (DNS: %s._domainkey.%s)",
			 dkim_signer_selector(app.dkim), dkim_signer_domain(app.dkim),
			 dkim_signer_selector(app.dkim), dkim_signer_domain(app.dkim));
	app.mailer = mailer_start(&app.cfg, app.dkim);
	if (!app.mailer)
		return 1; /* mailer_start said why: accounts cannot work without mail */
	if (dir_make(app.cfg.media_dir, 0755) != 0)
		log_warn("media: cannot create the folder \"%s\": %s; uploads will fail", app.cfg.media_dir,
			 strerror(errno));
	media_strip_existing(app.cfg.media_dir); /* renditions from before metadata was stripped from WebP */
	hasher_start(app.cfg.hash_threads, app.cfg.hash_queue, app.cfg.hash_per_client);
	image_queue_start(app.cfg.image_threads, app.cfg.image_queue);
	if (scheduler_start(&app) != 0 || after_start(&app) != 0 || count_writer_start(&app) != 0)
		return 1;
	int rc = server_run(&app);
	count_writer_stop(); /* the workers handed their last counts as they stopped */
	after_stop();
	scheduler_stop();
	image_queue_stop();
	hasher_stop();
	mailer_stop(app.mailer);
	dkim_signer_free(app.dkim);
	password_blocklist_free();
	theme_free(app.theme);
	assets_free(&app);
	h2o_mem_clear_pool(&app.pool);
	return rc;
}

/* plenary export --static DIR: the app prepared as for serve, then src/export/static.c does the rest. */
static int cmd_export(int argc, char **argv)
{
	static struct app app;
	struct export_options o;
	config_defaults(&app.cfg);
	int rc = export_parse_args(argc, argv, &app.cfg, &o);
	if (rc >= 0)
		return rc;	     /* --help, or a usage error */
	zone_use(app.cfg.time_zone); /* the pages' dates as serve shows them */
	if (app_prepare(&app) != 0)
		return 1;
	rc = export_static(&app, &o);
	theme_free(app.theme);
	assets_free(&app);
	h2o_mem_clear_pool(&app.pool);
	return rc;
}

/* plenary alerts run: one pass of what the scheduler does every few seconds (src/jobs/alerts.c). */
static int cmd_alerts(int argc, char **argv)
{
	static struct app app;
	char err[512];
	int flags = 0;
	config_defaults(&app.cfg);
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--now") == 0)
			flags |= ALERTS_NOW;
		else if (strcmp(argv[i], "--digest-now") == 0)
			flags |= DIGEST_NOW;
		else if (i + 1 < argc && strcmp(argv[i], "--config") == 0) {
			if (config_load_file(&app.cfg, argv[++i], err, sizeof err) != 0) {
				fprintf(stderr, "plenary: %s\n", err);
				return 2;
			}
		} else if (i + 1 < argc && strcmp(argv[i], "--db") == 0) {
			if (config_set(&app.cfg, "database", argv[++i], err, sizeof err) != 0) {
				fprintf(stderr, "plenary: %s\n", err);
				return 2;
			}
		} else {
			fprintf(stderr, "plenary alerts run: unexpected '%s' (see plenary --help)\n",
				argv[i]);
			return 2;
		}
	}
	zone_use(app.cfg.time_zone); /* digests go by the site's clock */
	if (app_prepare(&app) != 0)
		return 1;
	store *s = store_open(app.cfg.database, err, sizeof err);
	struct alerts_report rep = {0};
	int rc = s ? alerts_run(&app, s, store_now(), flags, &rep) : -1;
	if (!s)
		fprintf(stderr, "plenary: %s\n", err);
	store_close(s);
	printf("alerts: %ld batch%s, %ld digest%s, %ld mail%s queued\n", rep.batches,
	       rep.batches == 1 ? "" : "es", rep.digests, rep.digests == 1 ? "" : "s", rep.mails,
	       rep.mails == 1 ? "" : "s");
	theme_free(app.theme);
	assets_free(&app);
	h2o_mem_clear_pool(&app.pool);
	return rc == 0 ? 0 : 1;
}

/* Reads a password: without echo on a terminal, else one line of standard input. */
static int read_password(char *out, size_t n)
{
	int tty = isatty(STDIN_FILENO);
	struct termios old, quiet;
	if (tty) {
		fprintf(stderr, "Password (at least %d characters): ", PASSWORD_MIN_CHARS);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	char *got = fgets(out, (int)n, stdin);
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (!got)
		return -1;
	out[strcspn(out, "\r\n")] = '\0';
	return 0;
}

static int cmd_user_add(int argc, char **argv)
{
	const char *email = NULL, *role = NULL, *name = NULL, *db = "var/plenary.db";
	int generate = 0;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--role") == 0 && i + 1 < argc)
			role = argv[++i];
		else if (strcmp(argv[i], "--name") == 0 && i + 1 < argc)
			name = argv[++i];
		else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strcmp(argv[i], "--generate") == 0)
			generate = 1;
		else if (argv[i][0] != '-' && !email)
			email = argv[i];
		else {
			fprintf(stderr, "plenary user add: unexpected '%s' (see plenary --help)\n", argv[i]);
			return 2;
		}
	}
	if (!email || !text_email_ok(email)) {
		fprintf(stderr, "plenary user add: give the email address of the account\n");
		return 2;
	}
	if (!role || (strcmp(role, "reader") && strcmp(role, "contributor") && strcmp(role, "editor") &&
		      strcmp(role, "admin"))) {
		fprintf(stderr, "plenary user add: --role must be reader, contributor, editor or admin\n");
		return 2;
	}
	char password[1100], err[512];
	if (generate) {
		unsigned char raw[18];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2base64(password, sizeof password, raw, sizeof raw,
				  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	} else if (read_password(password, sizeof password) != 0) {
		fprintf(stderr, "plenary user add: no password given (use --generate to have one made)\n");
		return 2;
	}
	struct config cfg;
	config_defaults(&cfg);
	password_blocklist_load(cfg.password_blocklist, err, sizeof err);
	const char *problem = password_problem(password, email);
	if (problem) { /* said in the theme's base catalog's words, as the site says it */
		char path[sizeof cfg.theme + 64];
		snprintf(path, sizeof path, "%s/i18n/%s.json", cfg.theme, cfg.default_language);
		struct catalog *base = catalog_load(path, cfg.default_language, err, sizeof err);
		const char *text = base ? catalog_get(base, problem) : NULL;
		fprintf(stderr, "plenary user add: %s\n", text ? text : problem);
		catalog_free(base);
		return 1;
	}
	char hash[crypto_pwhash_STRBYTES];
	if (password_hash_now(password, hash) != 0) {
		fprintf(stderr, "plenary user add: out of memory while hashing\n");
		return 1;
	}
	if (!db_exists(db)) {
		fprintf(stderr, "plenary user add: database %s does not exist (plenary init %s creates it)\n",
			db, db);
		return 1;
	}
	store *s = store_open(db, err, sizeof err);
	if (!s) {
		fprintf(stderr, "plenary: %s\n", err);
		return 1;
	}
	struct user u = {.email = email,
			 .password_hash = hash,
			 .name = name ? name : email,
			 .profession = "not_hcp",
			 .role = role};
	int64_t id = store_user_create(s, &u, 1);
	store_close(s);
	password_blocklist_free();
	if (id <= 0) {
		fprintf(stderr, "plenary user add: %s\n",
			id == 0 ? "an account with this email exists" : "database error");
		return 1;
	}
	printf("%s: %s account created\n", email, role);
	if (generate)
		printf("password (shown once): %s\n", password);
	sodium_memzero(password, sizeof password);
	return 0;
}

/* The arguments of backup and restore: FILE, --db, --config and (backup) --force. The database is --db, else
 * the config file's `database`, else the default, as for serve. 0, or 2 after saying what is wrong. */
static int copy_args(const char *cmd, int argc, char **argv, int allow_force, struct config *cfg,
		     const char **file, int *force)
{
	const char *db = NULL, *config = NULL;
	char err[512];
	*file = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			db = argv[++i];
		else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc)
			config = argv[++i];
		else if (allow_force && strcmp(argv[i], "--force") == 0)
			*force = 1;
		else if (argv[i][0] != '-' && !*file)
			*file = argv[i];
		else {
			fprintf(stderr, "plenary %s: unexpected '%s' (see plenary --help)\n", cmd, argv[i]);
			return 2;
		}
	}
	if (!*file || !**file) {
		fprintf(stderr, "usage: plenary %s FILE [--db PATH] [--config FILE]%s\n", cmd,
			allow_force ? " [--force]" : "");
		return 2;
	}
	config_defaults(cfg);
	if (config && config_load_file(cfg, config, err, sizeof err) != 0) {
		fprintf(stderr, "%s\n", err);
		return 2;
	}
	if (db && config_set(cfg, "database", db, err, sizeof err) != 0) {
		fprintf(stderr, "plenary %s: --db: %s\n", cmd, err);
		return 2;
	}
	return 0;
}

/* plenary routes [--config FILE]: the route table with each row's policy, one row per line, with the body
 * limits of that config (or the defaults) */
static int cmd_routes(int argc, char **argv)
{
	struct config cfg;
	config_defaults(&cfg);
	char err[512];
	if (argc == 2 && strcmp(argv[0], "--config") == 0) {
		if (config_load_file(&cfg, argv[1], err, sizeof err) != 0) {
			fprintf(stderr, "plenary: %s\n", err);
			return 1;
		}
	} else if (argc != 0) {
		fprintf(stderr, "usage: plenary routes [--config FILE]\n");
		return 2;
	}
	router_print(routes, nroutes, (unsigned)cfg.max_body_kb, stdout);
	return 0;
}

/* plenary i18n check [--config FILE] [--theme DIR]: the theme's missing and unused messages per language. */
static int cmd_i18n(int argc, char **argv)
{
	struct config cfg;
	config_defaults(&cfg);
	char err[512];
	int i = 1;
	for (; argc > 0 && strcmp(argv[0], "check") == 0 && i + 1 < argc; i += 2) {
		if (strcmp(argv[i], "--config") == 0) {
			if (config_load_file(&cfg, argv[i + 1], err, sizeof err) != 0) {
				fprintf(stderr, "plenary: %s\n", err);
				return 2;
			}
		} else if (strcmp(argv[i], "--theme") == 0 && strlen(argv[i + 1]) < sizeof cfg.theme) {
			snprintf(cfg.theme, sizeof cfg.theme, "%s", argv[i + 1]);
		} else {
			break;
		}
	}
	if (argc == 0 || strcmp(argv[0], "check") != 0 || i != argc) {
		fprintf(stderr, "usage: plenary i18n check [--config FILE] [--theme DIR]\n");
		return 2;
	}
	return theme_check(cfg.theme, cfg.default_language, stdout);
}

static int cmd_backup(int argc, char **argv)
{
	struct config cfg;
	const char *file;
	int force = 0;
	int rc = copy_args("backup", argc, argv, 1, &cfg, &file, &force);
	if (rc != 0)
		return rc;
	char err[1024];
	struct store_copy_report r;
	if (store_backup(cfg.database, file, force, &r, err, sizeof err) != 0) {
		fprintf(stderr, "plenary backup: %s\n", err);
		return 1;
	}
	printf("%s: backup of %s written, %lld bytes, schema version %d, %lld articles\n", file, cfg.database,
	       (long long)r.bytes, r.schema_version, (long long)r.articles);
	return 0;
}

static int cmd_restore(int argc, char **argv)
{
	struct config cfg;
	const char *file;
	int force = 0;
	int rc = copy_args("restore", argc, argv, 0, &cfg, &file, &force);
	if (rc != 0)
		return rc;
	char err[1024];
	struct store_copy_report r;
	if (store_restore(cfg.database, file, &r, err, sizeof err) != 0) {
		fprintf(stderr, "plenary restore: %s\n", err);
		return 1;
	}
	char upgraded[64] = "";
	if (r.from_version != r.schema_version)
		snprintf(upgraded, sizeof upgraded, " (upgraded from %d)", r.from_version);
	printf("%s: restored from %s (%lld bytes), schema version %d%s, %lld articles, content epoch %lld\n",
	       cfg.database, file, (long long)r.bytes, r.schema_version, upgraded, (long long)r.articles,
	       (long long)r.epoch);
	return 0;
}

int main(int argc, char **argv)
{
	if (oath_init() != OATH_OK) {
		fprintf(stderr, "plenary: liboath failed to start\n");
		return 1;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "plenary: libsodium failed to start\n");
		return 1;
	}
	routes_install();
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
	if (strcmp(argv[1], "routes") == 0)
		return cmd_routes(argc - 2, argv + 2);
	if (strcmp(argv[1], "backup") == 0)
		return cmd_backup(argc - 2, argv + 2);
	if (strcmp(argv[1], "i18n") == 0)
		return cmd_i18n(argc - 2, argv + 2);
	if (strcmp(argv[1], "restore") == 0)
		return cmd_restore(argc - 2, argv + 2);
	if (strcmp(argv[1], "export") == 0)
		return cmd_export(argc - 2, argv + 2);
	if (strcmp(argv[1], "import") == 0)
		return import_main(argc - 2, argv + 2);
	if (strcmp(argv[1], "alerts") == 0) {
		if (argc < 3 || strcmp(argv[2], "run") != 0) {
			fprintf(
			    stderr,
			    "usage: plenary alerts run [--now] [--digest-now] [--db PATH] [--config FILE]\n");
			return 2;
		}
		return cmd_alerts(argc - 3, argv + 3);
	}
	if (strcmp(argv[1], "user") == 0) {
		if (argc < 3 || strcmp(argv[2], "add") != 0) {
			fprintf(stderr, "usage: plenary user add EMAIL --role ROLE [--name NAME] [--db PATH] "
					"[--generate]\n");
			return 2;
		}
		return cmd_user_add(argc - 3, argv + 3);
	}
	if (strcmp(argv[1], "demo") == 0 && argc == 5 && strcmp(argv[3], "--articles") == 0) {
		char *end;
		unsigned long n = strtoul(argv[4], &end, 10);
		if (*end || n < 1 || n > 1000000) {
			fprintf(stderr, "plenary: --articles takes a number from 1 to 1000000\n");
			return 2;
		}
		return cmd_create(argv[2], 1, n);
	}
	if (strcmp(argv[1], "init") == 0 || strcmp(argv[1], "demo") == 0) {
		if (argc != 3) {
			fprintf(stderr, "usage: plenary %s DB%s\n", argv[1],
				argv[1][0] == 'd' ? " [--articles N]" : "");
			return 2;
		}
		return cmd_create(argv[2], strcmp(argv[1], "demo") == 0, 0);
	}
	fprintf(stderr, "plenary: unknown command '%s' (see plenary --help)\n", argv[1]);
	return 2;
}
