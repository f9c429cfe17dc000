/* db_sqlite: the seam's driver on SQLite: ?N is SQLite's own placeholder, so statements go to it as written.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/db.h"
#include "store/sqlite/sqlite_int.h"

struct sq_stmt {
	struct db_stmt base; /* first */
	sqlite3_stmt *st;
};

#define SQ(x) ((struct sq_stmt *)(void *)(x))

static sqlite3 *conn(struct db *d)
{
	return sq_db(d->s);
}

int sq_prepare_fresh(sqlite3 *db, const char *sql, int n, sqlite3_stmt **st)
{
	/* SQLite 3.40 can answer SQLITE_SCHEMA ("no such table") to the first prepare after another
	 * connection changed the schema and closed: it has read the new schema by then, and a second try
	 * succeeds */
	int rc = SQLITE_SCHEMA;
	for (int i = 0; i < 3 && rc == SQLITE_SCHEMA; i++)
		rc = sqlite3_prepare_v3(db, sql, n, SQLITE_PREPARE_PERSISTENT, st, NULL);
	return rc;
}

static struct db_stmt *prepare(struct db *d, int slot, const char *sql)
{
	struct sq_stmt *x = calloc(1, sizeof *x);
	if (!x)
		die("out of memory");
	/* a row lock (db.h: db_begin) is the write transaction's already */
	static const char *const row_locks[] = {" FOR UPDATE", " FOR UPDATE SKIP LOCKED"};
	size_t n = strlen(sql);
	for (int i = 0; i < 2; i++) {
		size_t k = strlen(row_locks[i]);
		if (n > k && strcmp(sql + n - k, row_locks[i]) == 0)
			n -= k;
	}
	if (sq_prepare_fresh(conn(d), sql, (int)n, &x->st) != SQLITE_OK)
		die("cannot prepare seam statement %d: %s (%s)", slot, sqlite3_errmsg(conn(d)), sql);
	return &x->base;
}

static void bind_int64(struct db_stmt *st, int i, int64_t v)
{
	sqlite3_bind_int64(SQ(st)->st, i, v);
}

static void bind_text(struct db_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(SQ(st)->st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(SQ(st)->st, i);
}

static int step(struct db_stmt *st)
{
	int rc = sqlite3_step(SQ(st)->st);
	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE)
		return DB_DONE;
	int ext = sqlite3_extended_errcode(conn(st->d));
	st->d->unique = ext == SQLITE_CONSTRAINT_UNIQUE || ext == SQLITE_CONSTRAINT_PRIMARYKEY;
	if (st->d->unique) {
		snprintf(st->d->unique_name, sizeof st->d->unique_name, "%s", sqlite3_errmsg(conn(st->d)));
		log_debug("database: %s (in: %.80s)", sqlite3_errmsg(conn(st->d)), sqlite3_sql(SQ(st)->st));
	} else {
		log_error("database: %s (in: %.80s)", sqlite3_errmsg(conn(st->d)), sqlite3_sql(SQ(st)->st));
	}
	sqlite3_reset(SQ(st)->st);
	return DB_ERROR;
}

static void reset(struct db_stmt *st)
{
	sqlite3_reset(SQ(st)->st);
	sqlite3_clear_bindings(SQ(st)->st);
}

static const char *col_text(struct db_stmt *st, int i, size_t *len)
{
	const char *t = (const char *)sqlite3_column_text(SQ(st)->st, i);
	*len = t ? (size_t)sqlite3_column_bytes(SQ(st)->st, i) : 0;
	return t;
}

static int64_t col_int64(struct db_stmt *st, int i)
{
	return sqlite3_column_int64(SQ(st)->st, i);
}

static int changes(struct db_stmt *st)
{
	return sqlite3_changes(conn(st->d));
}

static int run(struct db *d, const char *sql)
{
	return sq_run(d->s, sql);
}

static void finalize(struct db_stmt *st)
{
	sqlite3_finalize(SQ(st)->st);
	free(st);
}

const struct db_driver db_sqlite_driver = {
    .prepare = prepare,
    .bind_int64 = bind_int64,
    .bind_text = bind_text,
    .step = step,
    .reset = reset,
    .col_text = col_text,
    .col_int64 = col_int64,
    .changes = changes,
    .run = run,
    .begin = "BEGIN IMMEDIATE",
    .lock = {"SELECT 1 WHERE ?1 IS NOT NULL", "SELECT 1 WHERE ?1 IS NOT NULL"},
    .finalize = finalize,
    /* a batch writes far more pages than a request: a 64 MiB cache (given back when the connection
     * closes) spills fewer of them to the WAL before the commit */
    .batch_setup = "PRAGMA cache_size = -65536",
    .search_triggers = 1,
};
