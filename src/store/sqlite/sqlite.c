/* sqlite: the store on SQLite: connection set-up, migrations, the demo, the stamp, and the statement and row
 * helpers its other files share. */
#include "store/store.h"
#include "store/search.h"
#include "store/changes.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/log.h"
#include "embedded.h"
#include "store/db.h"
#include "store/public_db.h"
#include "store/sqlite/sq_stem.h"
#include "store/sqlite/sqlite_int.h"

/* sqlite.c's own statement slot (sqlite_int.h) */
#define SQ_DATA_VERSION 0

struct store {
	struct store_head head; /* first: the backend table (backend.h) */
	sqlite3 *db;
	sqlite3_stmt *more[SQ_MORE_STATEMENTS];
	struct search_state *search; /* sq_search.c's per-connection facts and buffers */
	void *changes;		     /* sq_changes.c's hooks' state */
	struct store_tuning tuning;
	struct parts *parts; /* sq_parts.c's helper threads, made at the first search split in parts */
};

sqlite3_stmt *sq_prepare(store *s, int slot, const char *sql)
{
	sqlite3_stmt *st = s->more[slot];
	if (!st) {
		if (sq_prepare_fresh(s->db, sql, -1, &st) != SQLITE_OK)
			die("cannot prepare statement: %s (%s)", sqlite3_errmsg(s->db), sql);
		s->more[slot] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

sqlite3 *sq_db(store *s)
{
	return s->db;
}

struct search_state **sq_search_state(store *s)
{
	return &s->search;
}

const struct store_tuning *sq_tuning(store *s)
{
	return &s->tuning;
}

struct parts **sq_parts_held(store *s)
{
	return &s->parts;
}

int64_t store_now(void)
{
	static int64_t pinned = -1;
	if (pinned < 0) {
		const char *e = getenv("PLENARY_NOW");
		pinned = e && *e ? strtoll(e, NULL, 10) : 0;
	}
	if (pinned)
		return pinned;
	/* the precise clock: time() reads a coarse one that lags by up to a few milliseconds, so at an
	 * article's second the scheduler (which wakes by clock_gettime) would find nothing due yet */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec;
}

/* Copies column i as text into the pool ("" for NULL). */
const char *sq_col_str(h2o_mem_pool_t *pool, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	char *p = h2o_mem_alloc_pool(pool, n + 1);
	if (t)
		memcpy(p, t, n);
	p[n] = '\0';
	return p;
}

int64_t sq_col_i64(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

int sq_step_error(store *s, sqlite3_stmt *st)
{
	log_error("database: %s (in: %.80s)", sqlite3_errmsg(s->db), sqlite3_sql(st));
	sqlite3_reset(st);
	return -1;
}

void sq_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Runs a statement whose rows become an array of `size`-byte items filled by `fill`. */

int sq_collect(store *s, h2o_mem_pool_t *pool, sqlite3_stmt *st, size_t size, row_fill fill, void **out,
	       size_t *n)
{
	size_t cap = 16, len = 0;
	char *items = h2o_mem_alloc_pool(pool, cap * size);
	int rc;
	int64_t t0 = store_time_begin(s);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fill(pool, st, db_pool_push(pool, &items, &cap, len, size));
		len++;
	}
	store_time_end(s, t0, 1);
	if (rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	*out = items;
	*n = len;
	return 0;
}

void sq_store_tune(store *s, const struct store_tuning *t)
{
	s->tuning = *t;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA mmap_size = %zu", t->map_bytes);
	sq_run(s, sql);
}

int sq_run(store *s, const char *sql)
{
	if (strncmp(sql, "COMMIT", 6) == 0)
		sq_changes_settle(s, s->changes);
	char *msg = NULL;
	int64_t t0 = store_time_begin(s);
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, &msg);
	store_time_end(s, t0, 1);
	if (rc != SQLITE_OK) {
		log_error("database: %s (%s)", msg ? msg : "?", sql);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

/* ---- migrations ---- */

static int exec_sql(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int sq_store_schema_version(store *s)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

/* Applies the embedded NNN_name.sql migrations newer than PRAGMA user_version, each in a transaction. */
static int migrate(store *s, char *err, size_t errlen)
{
	int have = store_schema_version(s);
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		int num = atoi(f->name);
		/* pg/NNN_name.sql are PostgreSQL's (pg_migrate.c) */
		if (strchr(f->name, '/') || num <= 0 || num <= have)
			continue;
		char why[512], pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", num);
		if (exec_sql(s->db, "BEGIN IMMEDIATE", why, sizeof why) != 0)
			goto fail;
		/* another process may have migrated between our read and the lock */
		if (store_schema_version(s) >= num) {
			exec_sql(s->db, "COMMIT", why, sizeof why);
			continue;
		}
		if (exec_sql(s->db, f->data, why, sizeof why) != 0 ||
		    exec_sql(s->db, pragma, why, sizeof why) != 0 ||
		    exec_sql(s->db, "COMMIT", why, sizeof why) != 0) {
			exec_sql(s->db, "ROLLBACK", pragma, sizeof pragma);
			goto fail;
		}
		log_debug("database: applied migration %s", f->name);
		continue;
	fail:
		snprintf(err, errlen, "migration %s: %s", f->name, why);
		return -1;
	}
	return 0;
}

/* SQLite's memory statistics take one process-wide mutex on every allocation: every thread's queries would
 * queue on it (signed-in readers' session lookups, on the event loops). Off before the first connection. */
static void sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

store *sq_store_open(const char *path, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, sqlite_setup);
	store *s = calloc(1, sizeof *s);
	if (!s)
		die("out of memory");
	s->head.engine = STORE_SQLITE;
	s->head.db = db_new(s, &db_sqlite_driver);
	int rc = sqlite3_open_v2(path, &s->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
		store_close(s);
		return NULL;
	}
	sqlite3_busy_timeout(s->db, 5000);
	char why[512];
	if (exec_sql(s->db,
		     "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;", why,
		     sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s", path, why);
		store_close(s);
		return NULL;
	}
	s->changes = sq_changes_watch(s->db);
	/* before the migrations: article_search (031) stems with it */
	if (sq_stem_register(s->db) != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot register the search tokenizer", path);
		store_close(s);
		return NULL;
	}
	if (migrate(s, why, sizeof why) != 0 || sq_search_register(s, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s", path, why);
		store_close(s);
		return NULL;
	}
	return s;
}

void sq_close(store *s)
{
	if (!s)
		return;
	sq_parts_free(s->parts); /* this connection no longer uses its database's search helpers */
	db_free(s->head.db);	 /* its statements, before the connection closes */
	for (int i = 0; i < SQ_MORE_STATEMENTS; i++)
		sqlite3_finalize(s->more[i]);
	sq_search_state_free(s->search);
	sqlite3_close(s->db);
	sqlite3_free(s->changes);
	free(s);
}

int sq_store_load_demo(store *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int sites = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM site", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			sites = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (sites != 0) {
		snprintf(err, errlen, "the database already has content; the demo needs an empty one");
		return -1;
	}
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (strcmp(f->name, "demo.sql") != 0)
			continue;
		char why[512];
		h2o_mem_pool_t pool;
		h2o_mem_init_pool(&pool);
		int failed = exec_sql(s->db, "BEGIN IMMEDIATE", why, sizeof why) != 0 ||
			     exec_sql(s->db, f->data, why, sizeof why) != 0;
		if (!failed && store_related_rebuild(s, &pool) != 0) {
			snprintf(why, sizeof why, "related articles: %s", sqlite3_errmsg(s->db));
			failed = 1;
		}
		h2o_mem_clear_pool(&pool);
		/* a new database: no process has pages of it cached, so the log of loading it goes */
		if (!failed && exec_sql(s->db, "DELETE FROM change_log", why, sizeof why) != 0)
			failed = 1;
		if (failed || exec_sql(s->db, "COMMIT", why, sizeof why) != 0) {
			char ignore[64];
			exec_sql(s->db, "ROLLBACK", ignore, sizeof ignore);
			snprintf(err, errlen, "demo content: %s", why);
			return -1;
		}
		return 0;
	}
	snprintf(err, errlen, "no demo content in this build");
	return -1;
}

int sq_store_down(store *s)
{
	(void)s;
	return 0; /* a file is always there */
}

/* ---- rows ---- */

void sq_fill_article_cols(h2o_mem_pool_t *pool, sqlite3_stmt *st, struct article *x)
{
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->title = sq_col_str(pool, st, 2);
	x->summary = sq_col_str(pool, st, 3);
	x->kind = sq_col_str(pool, st, 4);
	x->audience = sq_col_str(pool, st, 5);
	x->published_at = sq_col_i64(st, 6);
	x->updated_at = sq_col_i64(st, 7);
	x->section.id = sq_col_i64(st, 8);
	x->section.slug = sq_col_str(pool, st, 9);
	x->section.name = sq_col_str(pool, st, 10);
	x->congress.id = sq_col_i64(st, 11);
	x->congress.slug = sq_col_str(pool, st, 12);
	x->congress.name = sq_col_str(pool, st, 13);
	x->congress.year = sqlite3_column_int(st, 14);
	x->trial.id = sq_col_i64(st, 15);
	x->trial.slug = sq_col_str(pool, st, 16);
	x->trial.name = sq_col_str(pool, st, 17);
}

int sq_store_stamp(store *s, struct store_stamp *out)
{
	sqlite3_stmt *st = sq_prepare(s, SQ_DATA_VERSION, "PRAGMA data_version");
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_step_error(s, st);
	out->data_version = sqlite3_column_int64(st, 0);
	out->changes = sqlite3_total_changes64(s->db);
	sqlite3_reset(st);
	return 0;
}
int sq_exec(store *s, sqlite3_stmt *st, int *changes)
{
	int64_t t0 = store_time_begin(s);
	int rc = sqlite3_step(st);
	store_time_end(s, t0, 1);
	if (rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	if (changes)
		*changes = sqlite3_changes(s->db);
	return 0;
}
