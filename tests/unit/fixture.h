/* fixture.h: store tests on both engines: each test on a fresh database, fixture SQL run with sqlite3 or
 * libpq. */
#ifndef PLENARY_FIXTURE_H
#define PLENARY_FIXTURE_H

/* fx_run(name, kind, fn) runs fn twice, as the tests "sqlite: name" and "pg: name", each on a database of
 * its own: a new SQLite file, or a new database on the PostgreSQL server of PLENARY_TEST_PG (a base URL,
 * postgresql://USER@HOST:PORT/; tests/run.sh passes the throwaway cluster it starts, or "" when none
 * started). Unset, the first PostgreSQL test starts a throwaway cluster with scripts/pgtmp.sh, stopped at
 * fx_done. When no server can be had, every "pg:" test fails with the reason: none is skipped. Each kind of
 * database (migrated and empty, or with the demo loaded) is made once per engine and copied for each test (a
 * file copy; CREATE DATABASE ... TEMPLATE). Fixture SQL (fx_sql, fx_text, fx_int) goes through a connection
 * of its own, so it sees only what the store committed, and is written in SQL both engines accept (f->engine
 * tells them apart where not). */
#include <errno.h>
#include <fcntl.h>
#include <libpq-fe.h>
#include <netinet/in.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store.h"
#include "unit.h"

enum fx_engine { FX_SQLITE, FX_PG };
enum fx_kind {
	FX_EMPTY, /* migrated, no site */
	FX_DEMO	  /* store_load_demo's sites and content */
};

struct fx {
	enum fx_engine engine;
	char where[1024]; /* what store_open took: the SQLite file or the PostgreSQL URL */
	char name[64];	  /* PostgreSQL: the database's name */
	store *s;
	h2o_mem_pool_t pool;
	int64_t site; /* the first site's id (demo), else 0 */
};

typedef void (*fx_fn)(struct fx *f);

/* fx_run_on's engines: a test of what only one engine has (a lock another connection holds, on PostgreSQL) */
#define FX_ON(engine) (1 << (engine))
#define FX_BOTH (FX_ON(FX_SQLITE) | FX_ON(FX_PG))

/* a helper a test file may leave unused */
#define FX_FN static __attribute__((unused))

static struct {
	int ready;
	char dir[64];	    /* the SQLite files and the throwaway cluster's folder */
	char pg_base[1024]; /* "" until known */
	char pg_why[512];   /* why there is no PostgreSQL, once the attempt failed */
	char pgtmp[1024];   /* scripts/pgtmp.sh, when we started a cluster with it */
	int made[2][2];	    /* [engine][kind]: its template exists */
	int count;
} fx_g;

__attribute__((format(printf, 3, 0))) static void fx_vfmt(char *buf, size_t len, const char *fmt, va_list ap)
{
	if ((size_t)vsnprintf(buf, len, fmt, ap) >= len)
		fprintf(stderr, "fixture: SQL longer than %zu bytes cut\n", len);
}

/* SQL run on the server's "postgres" database (CREATE/DROP DATABASE): 0, or -1 with the message on stderr. */
static int fx_pg_admin(const char *fmt, ...)
{
	char sql[512], url[1100];
	va_list ap;
	va_start(ap, fmt);
	fx_vfmt(sql, sizeof sql, fmt, ap);
	va_end(ap);
	snprintf(url, sizeof url, "%spostgres", fx_g.pg_base);
	PGconn *c = PQconnectdb(url);
	PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;
	int ok = r && PQresultStatus(r) == PGRES_COMMAND_OK;
	if (!ok)
		fprintf(stderr, "fixture: %s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
	return ok ? 0 : -1;
}

/* scripts/pgtmp.sh, looked for above the test binary (build/tests/test_x, build/san/tests/test_x). */
static int fx_find_pgtmp(char *out, size_t len)
{
	char exe[900];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return -1;
	exe[n] = '\0';
	char *slash;
	while ((slash = strrchr(exe, '/'))) {
		*slash = '\0';
		snprintf(out, len, "%s/scripts/pgtmp.sh", exe[0] ? exe : "");
		if (access(out, X_OK) == 0)
			return 0;
	}
	return -1;
}

/* Stops the throwaway cluster this binary started, once. */
static void fx_stop_cluster(void)
{
	if (!fx_g.pgtmp[0])
		return;
	char cmd[1400];
	snprintf(cmd, sizeof cmd, "'%s' stop '%s/pg' >/dev/null 2>&1; rm -rf '%s/pg'", fx_g.pgtmp, fx_g.dir,
		 fx_g.dir);
	fx_g.pgtmp[0] = '\0';
	if (system(cmd) != 0)
		fprintf(stderr, "fixture: stopping the throwaway cluster in %s/pg failed\n", fx_g.dir);
}

static void fx_on_fatal(int sig)
{
	fx_stop_cluster();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* The PostgreSQL server's base URL (ending in /), found once: PLENARY_TEST_PG, or a throwaway cluster. */
static const char *fx_pg(void)
{
	if (fx_g.pg_base[0] || fx_g.pg_why[0])
		return fx_g.pg_base[0] ? fx_g.pg_base : NULL;
	const char *env = getenv("PLENARY_TEST_PG");
	if (env && *env) {
		snprintf(fx_g.pg_base, sizeof fx_g.pg_base, "%s%s", env,
			 env[strlen(env) - 1] == '/' ? "" : "/");
		return fx_g.pg_base;
	}
	if (env) { /* set and empty: the caller (tests/run.sh) tried to start one and could not */
		snprintf(fx_g.pg_why, sizeof fx_g.pg_why,
			 "PLENARY_TEST_PG is empty: the test run found no PostgreSQL");
		return NULL;
	}
	char script[1024];
	if (fx_find_pgtmp(script, sizeof script) != 0) {
		snprintf(
		    fx_g.pg_why, sizeof fx_g.pg_why,
		    "PLENARY_TEST_PG is not set and scripts/pgtmp.sh was not found above the test binary");
		return NULL;
	}
	/* a free port: the kernel's pick for a socket bound to port 0 */
	int sock = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t alen = sizeof a;
	int port = sock >= 0 && bind(sock, (struct sockaddr *)&a, sizeof a) == 0 &&
			   getsockname(sock, (struct sockaddr *)&a, &alen) == 0
		       ? ntohs(a.sin_port)
		       : 0;
	if (sock >= 0)
		close(sock);
	char cmd[1400], line[1024] = "", last[1024] = "";
	snprintf(cmd, sizeof cmd, "'%s' start '%s/pg' %d 2>&1", script, fx_g.dir, port);
	FILE *p = popen(cmd, "r");
	while (p && fgets(line, sizeof line, p))
		snprintf(last, sizeof last, "%s", line);
	int rc = p ? pclose(p) : -1;
	last[strcspn(last, "\n")] = '\0';
	snprintf(fx_g.pgtmp, sizeof fx_g.pgtmp, "%s", script);
	if (rc != 0 || strncmp(last, "postgresql://", 13) != 0) {
		snprintf(fx_g.pg_why, sizeof fx_g.pg_why,
			 "PLENARY_TEST_PG is not set and a throwaway cluster did not start: %s", last);
		return NULL;
	}
	snprintf(fx_g.pg_base, sizeof fx_g.pg_base, "%s", last);
	/* stopped also when a test dies (the store's die() aborts) or the binary ends early */
	atexit(fx_stop_cluster);
	signal(SIGABRT, fx_on_fatal);
	signal(SIGSEGV, fx_on_fatal);
	signal(SIGPIPE, fx_on_fatal);
	return fx_g.pg_base;
}

static void fx_init(void)
{
	if (fx_g.ready)
		return;
	fx_g.ready = 1;
	snprintf(fx_g.dir, sizeof fx_g.dir, "%s", "/tmp/plenary-unit-XXXXXX");
	if (!mkdtemp(fx_g.dir))
		fprintf(stderr, "fixture: mkdtemp: %s\n", strerror(errno));
	chmod(fx_g.dir, 0711); /* the cluster's owner (postgres, when we are root) goes through to pg/ */
}

/* Copies a file (a missing one is no error: a -wal that is not there). */
static int fx_copy(const char *from, const char *to)
{
	int in = open(from, O_RDONLY);
	if (in < 0)
		return errno == ENOENT ? 0 : -1;
	int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	char buf[65536];
	ssize_t n = 0;
	while (out >= 0 && (n = read(in, buf, sizeof buf)) > 0)
		if (write(out, buf, (size_t)n) != n) {
			n = -1;
			break;
		}
	close(in);
	if (out >= 0)
		close(out);
	return out >= 0 && n == 0 ? 0 : -1;
}

static void fx_sqlite_files(const char *path, const char *op, const char *to)
{
	const char *suffix[] = {"", "-wal", "-shm", "-journal"};
	for (int i = 0; i < 4; i++) {
		char a[1100], b[1100];
		snprintf(a, sizeof a, "%s%s", path, suffix[i]);
		if (op[0] == 'r') {
			unlink(a);
		} else if (i < 2) {
			snprintf(b, sizeof b, "%s%s", to, suffix[i]);
			if (fx_copy(a, b) != 0)
				fprintf(stderr, "fixture: copying %s: %s\n", a, strerror(errno));
		}
	}
}

/* Where a database of this engine and name is (a file, or a URL). */
static void fx_where(enum fx_engine e, const char *name, char *out, size_t len)
{
	if (e == FX_SQLITE)
		snprintf(out, len, "%s/%s.db", fx_g.dir, name);
	else
		snprintf(out, len, "%s%s", fx_g.pg_base, name);
}

/* Makes the template of a kind once: opened (migrated), the demo loaded when asked, closed. */
static int fx_template(enum fx_engine e, enum fx_kind kind, char *why, size_t whylen)
{
	if (fx_g.made[e][kind])
		return 0;
	char name[64], where[1100];
	snprintf(name, sizeof name, "plenary_unit_%d_t%d", (int)getpid(), (int)kind);
	if (e == FX_PG && fx_pg_admin("CREATE DATABASE %s", name) != 0) {
		snprintf(why, whylen, "CREATE DATABASE %s failed", name);
		return -1;
	}
	fx_where(e, name, where, sizeof where);
	store *s = store_open(where, why, whylen);
	if (!s)
		return -1;
	int rc = kind == FX_DEMO ? store_load_demo(s, why, whylen) : 0;
	store_close(s);
	if (rc == 0)
		fx_g.made[e][kind] = 1;
	return rc;
}

/* A fresh database of kind for a test, opened into f->s: 0, or -1 with why. */
static int fx_open(struct fx *f, enum fx_engine e, enum fx_kind kind, char *why, size_t whylen)
{
	memset(f, 0, sizeof *f);
	f->engine = e;
	h2o_mem_init_pool(&f->pool);
	fx_init();
	if (e == FX_PG && !fx_pg()) {
		snprintf(why, whylen, "no PostgreSQL: %s", fx_g.pg_why);
		return -1;
	}
	if (fx_template(e, kind, why, whylen) != 0)
		return -1;
	char tmpl[64], tmpl_where[1100];
	snprintf(tmpl, sizeof tmpl, "plenary_unit_%d_t%d", (int)getpid(), (int)kind);
	snprintf(f->name, sizeof f->name, "plenary_unit_%d_%d", (int)getpid(), ++fx_g.count);
	fx_where(e, f->name, f->where, sizeof f->where);
	if (e == FX_PG) {
		if (fx_pg_admin("CREATE DATABASE %s TEMPLATE %s", f->name, tmpl) != 0) {
			snprintf(why, whylen, "CREATE DATABASE %s failed", f->name);
			f->name[0] = '\0';
			return -1;
		}
	} else {
		fx_where(e, tmpl, tmpl_where, sizeof tmpl_where);
		fx_sqlite_files(tmpl_where, "copy", f->where);
	}
	f->s = store_open(f->where, why, whylen);
	if (!f->s)
		return -1;
	if (kind == FX_DEMO) {
		struct site *sites;
		size_t n;
		if (store_sites(f->s, &f->pool, &sites, &n) == 0 && n)
			f->site = sites[0].id;
	}
	return 0;
}

/* Closes the test's store and drops its database. */
static void fx_close(struct fx *f)
{
	if (f->s)
		store_close(f->s);
	f->s = NULL;
	if (f->engine == FX_PG && f->name[0])
		fx_pg_admin("DROP DATABASE IF EXISTS %s WITH (FORCE)", f->name);
	else if (f->engine == FX_SQLITE && f->where[0])
		fx_sqlite_files(f->where, "remove", NULL);
	h2o_mem_clear_pool(&f->pool);
}

/* Runs fixture SQL (one statement or several) on the test's database: 0, or -1 with the message on stderr. */
FX_FN __attribute__((format(printf, 2, 3))) int fx_sql(struct fx *f, const char *fmt, ...)
{
	char sql[4096];
	va_list ap;
	va_start(ap, fmt);
	fx_vfmt(sql, sizeof sql, fmt, ap);
	va_end(ap);
	int ok;
	if (f->engine == FX_SQLITE) {
		sqlite3 *db = NULL;
		char *msg = NULL;
		ok = sqlite3_open(f->where, &db) == SQLITE_OK &&
		     sqlite3_busy_timeout(db, 1000) == SQLITE_OK &&
		     sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK;
		if (!ok)
			fprintf(stderr, "fixture: %s\n  in: %s\n", msg ? msg : sqlite3_errmsg(db), sql);
		sqlite3_free(msg);
		sqlite3_close(db);
	} else {
		PGconn *c = PQconnectdb(f->where);
		PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;
		ok = r && (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK);
		if (!ok)
			fprintf(stderr, "fixture: %s  in: %s\n", PQerrorMessage(c), sql);
		PQclear(r);
		PQfinish(c);
	}
	return ok ? 0 : -1;
}

/* The first column of the first row of a fixture query, in the test's pool; NULL when no row or an error. */
__attribute__((format(printf, 2, 0))) static const char *fx_vtext(struct fx *f, const char *fmt, va_list ap)
{
	char sql[4096];
	fx_vfmt(sql, sizeof sql, fmt, ap);
	const char *out = NULL;
	if (f->engine == FX_SQLITE) {
		sqlite3 *db = NULL;
		sqlite3_stmt *st = NULL;
		if (sqlite3_open(f->where, &db) == SQLITE_OK && sqlite3_busy_timeout(db, 1000) == SQLITE_OK &&
		    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW) {
			const char *t = (const char *)sqlite3_column_text(st, 0);
			out = h2o_mem_alloc_pool(&f->pool, strlen(t ? t : "") + 1);
			strcpy((char *)out, t ? t : "");
		} else if (sqlite3_errcode(db) != SQLITE_OK && sqlite3_errcode(db) != SQLITE_DONE) {
			fprintf(stderr, "fixture: %s\n  in: %s\n", sqlite3_errmsg(db), sql);
		}
		sqlite3_finalize(st);
		sqlite3_close(db);
	} else {
		PGconn *c = PQconnectdb(f->where);
		PGresult *r = PQstatus(c) == CONNECTION_OK ? PQexec(c, sql) : NULL;
		if (r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0) {
			const char *t = PQgetvalue(r, 0, 0);
			out = h2o_mem_alloc_pool(&f->pool, strlen(t) + 1);
			strcpy((char *)out, t);
		} else if (!r || PQresultStatus(r) != PGRES_TUPLES_OK) {
			fprintf(stderr, "fixture: %s  in: %s\n", PQerrorMessage(c), sql);
		}
		PQclear(r);
		PQfinish(c);
	}
	return out;
}

FX_FN __attribute__((format(printf, 2, 3))) const char *fx_text(struct fx *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *out = fx_vtext(f, fmt, ap);
	va_end(ap);
	return out;
}

/* A fixture query's first column as a number; -1 when no row or an error. */
FX_FN __attribute__((format(printf, 2, 3))) int64_t fx_int(struct fx *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	const char *t = fx_vtext(f, fmt, ap);
	va_end(ap);
	return t ? (int64_t)strtoll(t, NULL, 10) : -1;
}

/* Runs a test on each engine of the mask (FX_BOTH, FX_ON(FX_PG)), as "sqlite: name" and "pg: name"
 * (UNIT_VERBOSE=1 lists the ones that pass, with the seconds each took, its database's making included). */
FX_FN void fx_run_on(int engines_mask, const char *name, enum fx_kind kind, fx_fn fn)
{
	static const char *engines[] = {"sqlite", "pg"};
	for (int e = FX_SQLITE; e <= FX_PG; e++) {
		if (!(engines_mask & (1 << e)))
			continue;
		char full[256], why[512] = "";
		snprintf(full, sizeof full, "%s: %s", engines[e], name);
		unit_begin();
		int before = unit_failed;
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		struct fx f;
		if (fx_open(&f, (enum fx_engine)e, kind, why, sizeof why) == 0) {
			fn(&f);
		} else {
			fprintf(stderr, "%s: %s\n", full, why);
			unit_check_failed();
		}
		fx_close(&f);
		unit_end(full);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (unit_failed == before && getenv("UNIT_VERBOSE"))
			printf("ok %s (%.2f s)\n", full,
			       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	}
}

/* Runs a test on both engines. */
FX_FN void fx_run(const char *name, enum fx_kind kind, fx_fn fn)
{
	fx_run_on(FX_BOTH, name, kind, fn);
}

/* After the tests: the templates dropped, a cluster this binary started stopped, the files removed. */
FX_FN void fx_done(void)
{
	if (!fx_g.ready)
		return;
	for (int k = 0; k < 2; k++) {
		char name[64], where[1100];
		snprintf(name, sizeof name, "plenary_unit_%d_t%d", (int)getpid(), k);
		if (fx_g.made[FX_PG][k])
			fx_pg_admin("DROP DATABASE IF EXISTS %s WITH (FORCE)", name);
		fx_where(FX_SQLITE, name, where, sizeof where);
		fx_sqlite_files(where, "remove", NULL);
	}
	fx_stop_cluster();
	rmdir(fx_g.dir);
}

#endif
