/* db: the seam's calls that are the same on both engines: slots, row helpers, transactions; each passes the
 * engine's part on to its driver (db_sqlite.c, db_pg.c). */
#include "store/db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/backend.h"
#include "store/editorial.h"

struct db *db_of(store *s)
{
	return ((const struct store_head *)(const void *)s)->db;
}

struct db_stmt *db_prepare(struct db *d, int slot, const char *sql)
{
	if (slot < 0 || slot >= DB_SLOTS)
		die("seam statement slot %d out of range", slot);
	struct db_stmt *st = d->stmt[slot];
	if (!st) {
		st = d->drv->prepare(d, slot, sql);
		st->d = d;
		d->stmt[slot] = st;
		d->sql[slot] = sql;
	} else if (d->sql[slot] != sql && strcmp(d->sql[slot], sql) != 0) {
		die("seam statement slot %d is used for two statements, one of them: %.80s", slot, sql);
	}
	st->running = 0;
	d->drv->reset(st);
	return st;
}

static void check_param(int i)
{
	if (i < 1 || i > DB_MAX_PARAMS)
		die("statement parameter ?%d out of range", i);
}

void db_bind_int(struct db_stmt *st, int i, int v)
{
	db_bind_int64(st, i, v);
}

void db_bind_int64(struct db_stmt *st, int i, int64_t v)
{
	check_param(i);
	st->d->drv->bind_int64(st, i, v);
}

void db_bind_text(struct db_stmt *st, int i, const char *v)
{
	check_param(i);
	st->d->drv->bind_text(st, i, v);
}

void db_bind_null(struct db_stmt *st, int i)
{
	db_bind_text(st, i, NULL);
}

int db_step(struct db_stmt *st)
{
	st->d->unique = 0;
	/* a statement's steps all count in its time; it counts once, at its first */
	int64_t t0 = store_time_begin(st->d->s);
	int rc = st->d->drv->step(st);
	store_time_end(st->d->s, t0, !st->running);
	st->running = rc == DB_ROW;
	return rc;
}

void db_reset(struct db_stmt *st)
{
	st->running = 0;
	st->d->drv->reset(st);
}

int64_t db_col_int64(struct db_stmt *st, int i)
{
	return st->d->drv->col_int64(st, i);
}

int db_col_int(struct db_stmt *st, int i)
{
	return (int)db_col_int64(st, i);
}

const char *db_col_text(struct db_stmt *st, h2o_mem_pool_t *pool, int i)
{
	size_t n = 0;
	const char *t = st->d->drv->col_text(st, i, &n);
	char *p = h2o_mem_alloc_pool(pool, n + 1);
	if (t && n)
		memcpy(p, t, n);
	p[t ? n : 0] = '\0';
	return p;
}

int db_col_null(struct db_stmt *st, int i)
{
	size_t n;
	return st->d->drv->col_text(st, i, &n) == NULL;
}

/* Steps past the rows still to come (SQLite finishes a RETURNING statement's writes on its first step, but
 * its rows are read to the end all the same): DB_DONE or DB_ERROR. */
static int drain(struct db_stmt *st)
{
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		;
	return rc;
}

int db_exec(struct db_stmt *st, int *changes)
{
	if (drain(st) != DB_DONE)
		return -1;
	if (changes)
		*changes = st->d->drv->changes(st);
	db_reset(st);
	return 0;
}

int db_exec_id(struct db_stmt *st, int64_t *id)
{
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*id = db_col_int64(st, 0);
		rc = drain(st) == DB_DONE ? 1 : -1;
	}
	if (rc != DB_ERROR)
		db_reset(st);
	return rc;
}

int db_run(struct db *d, const char *sql)
{
	int64_t t0 = store_time_begin(d->s);
	int rc = d->drv->run(d, sql);
	store_time_end(d->s, t0, 1);
	return rc;
}

/* A transaction begun inside another is a savepoint named by its depth: its commit releases it, its rollback
 * undoes only its own work, and the outer one still decides whether any of it stays. */
static int savepoint(struct db *d, const char *verb, int depth)
{
	char sql[64];
	snprintf(sql, sizeof sql, "%s%sSAVEPOINT nest%d", verb, *verb ? " " : "", depth);
	return d->drv->run(d, sql);
}

int db_begin(struct db *d)
{
	if (d->depth > 0 ? savepoint(d, "", d->depth) : d->drv->run(d, d->drv->begin))
		return -1;
	d->depth++;
	return 0;
}

int db_commit(struct db *d)
{
	if (d->depth > 1) {
		d->depth--;
		if (savepoint(d, "RELEASE", d->depth) == 0)
			return 0;
		savepoint(d, "ROLLBACK TO", d->depth);
		return -1;
	}
	d->depth = 0;
	if (d->drv->run(d, "COMMIT") == 0)
		return 0;
	/* PostgreSQL has ended the transaction already (its ROLLBACK is then a notice); SQLite keeps it open
	 * after a busy COMMIT: both are left outside any transaction */
	d->drv->run(d, "ROLLBACK");
	return -1;
}

int store_batch_begin(store *s)
{
	struct db *d = db_of(s);
	if (d->drv->batch_setup && db_run(d, d->drv->batch_setup) != 0)
		return -1;
	if (db_begin(d) != 0)
		return -1;
	/* the saves' search documents are written together at the end: FTS5 flushes what it holds at every
	 * savepoint, so one article at a time made a segment per article to merge */
	if (db_search_hold(d, 1) != 0) {
		db_rollback(d);
		return -1;
	}
	d->batch = 1;
	d->nrescore = 0;
	return 0;
}

int db_rescore_later(struct db *d, int64_t id)
{
	if (d->nrescore == d->rescore_cap) {
		size_t cap = d->rescore_cap ? d->rescore_cap * 2 : 256;
		int64_t *ids = realloc(d->rescore, cap * sizeof *ids);
		if (!ids)
			return -1;
		d->rescore = ids;
		d->rescore_cap = cap;
	}
	d->rescore[d->nrescore++] = id;
	return 0;
}

int store_batch_end(store *s, int commit)
{
	struct db *d = db_of(s);
	d->batch = 0;
	int queued =
	    !commit || (db_search_hold(d, 0) == 0 && db_search_rewrite(d, d->rescore, d->nrescore) == 0 &&
			(!d->nrescore || db_rescore_batch(s, d->rescore, d->nrescore) == 0));
	int rc = commit && queued ? db_commit(d) : db_rollback(d);
	if (!queued)
		rc = -1; /* asked to commit, rolled back */
	free(d->rescore);
	d->rescore = NULL;
	d->nrescore = d->rescore_cap = 0;
	return rc;
}

int db_xact_lock(struct db *d, int64_t key, int wait)
{
	struct db_stmt *st =
	    db_prepare(d, wait ? DB_SLOT_LOCK_WAIT : DB_SLOT_LOCK_TRY, d->drv->lock[wait ? 1 : 0]);
	db_bind_int64(st, 1, key);
	int rc = db_step(st);
	if (rc == DB_ERROR)
		return -1;
	int held = rc == DB_ROW && db_col_int64(st, 0) != 0;
	db_reset(st);
	return held;
}

int db_rollback(struct db *d)
{
	if (d->depth > 1) {
		d->depth--;
		int rc = savepoint(d, "ROLLBACK TO", d->depth);
		return savepoint(d, "RELEASE", d->depth) == 0 ? rc : -1;
	}
	d->depth = 0;
	return d->drv->run(d, "ROLLBACK");
}

enum save_result db_end(struct db *d, enum save_result rc)
{
	if (rc == SAVE_OK)
		return db_commit(d) == 0 ? SAVE_OK : SAVE_ERROR;
	db_rollback(d);
	return rc;
}

int db_unique_violation(struct db *d)
{
	return d->unique;
}

const char *db_unique_column(struct db *d)
{
	static const char *const known[] = {"slug", "name", "host", "path"};
	const char *c = d->unique ? d->unique_name : "";
	size_t n = strlen(c);
	if (n > 4 && strcmp(c + n - 4, "_key") == 0)
		n -= 4;
	for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
		size_t k = strlen(known[i]);
		if (n > k && (c[n - k - 1] == '_' || c[n - k - 1] == '.') &&
		    strncmp(c + n - k, known[i], k) == 0)
			return known[i];
	}
	return "";
}

enum save_result db_audit_record(store *s, int64_t user_id, const char *kind, const char *verb, int64_t id,
				 const char *detail)
{
	char target[48], action[48];
	snprintf(target, sizeof target, "%s:%lld", kind, (long long)id);
	snprintf(action, sizeof action, "%s.%s", kind, verb);
	return store_audit(s, user_id, action, target, detail) == 0 ? SAVE_OK : SAVE_ERROR;
}

enum save_result db_save_row(struct db_stmt *st, int64_t id, const char *kind, int64_t user_id,
			     const char *detail, int64_t *id_out, const char **taken)
{
	struct db *d = st->d;
	if (taken)
		*taken = "";
	int64_t got = 0;
	int changes = 0;
	int rc = id ? db_exec(st, &changes) : db_exec_id(st, &got);
	if (rc < 0 && db_unique_violation(d)) {
		if (taken)
			*taken = db_unique_column(d);
		return SAVE_SLUG_TAKEN;
	}
	if (rc < 0 || (!id && rc == 0))
		return SAVE_ERROR;
	if (id && changes == 0)
		return SAVE_NOT_FOUND;
	*id_out = id ? id : got;
	return db_audit_record(d->s, user_id, kind, id ? "update" : "create", *id_out, detail);
}

enum save_result db_update_audited(struct db_stmt *st, int64_t id, const char *kind, const char *verb,
				   int64_t user_id, const char *detail)
{
	struct db *d = st->d;
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	int changes = 0;
	enum save_result rc = db_exec(st, &changes) != 0 ? SAVE_ERROR
			      : changes == 0		 ? SAVE_NOT_FOUND
							 : SAVE_OK;
	if (rc == SAVE_OK)
		rc = db_audit_record(d->s, user_id, kind, verb, id, detail);
	return db_end(d, rc);
}

int64_t db_now(void)
{
	return store_now();
}

int db_one(struct db_stmt *st, h2o_mem_pool_t *pool, db_fill fill, void *item)
{
	int rc = db_step(st);
	if (rc == DB_ROW) {
		fill(pool, st, item);
		rc = drain(st) == DB_DONE ? 1 : -1;
	}
	if (rc != DB_ERROR)
		db_reset(st);
	return rc;
}

void *db_pool_push(h2o_mem_pool_t *pool, char **items, size_t *cap, size_t len, size_t size)
{
	if (len == *cap) {
		char *bigger = h2o_mem_alloc_pool(pool, *cap * 2 * size);
		memcpy(bigger, *items, len * size);
		*items = bigger;
		*cap *= 2;
	}
	return memset(*items + len * size, 0, size);
}

struct db *db_new(store *s, const struct db_driver *drv)
{
	struct db *d = calloc(1, sizeof *d);
	if (!d)
		die("out of memory");
	d->drv = drv;
	d->s = s;
	return d;
}

int db_collect(struct db_stmt *st, h2o_mem_pool_t *pool, size_t size, db_fill fill, void **out, size_t *n)
{
	size_t cap = 16, len = 0;
	char *items = h2o_mem_alloc_pool(pool, cap * size);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		fill(pool, st, db_pool_push(pool, &items, &cap, len, size));
		len++;
	}
	if (rc != DB_DONE)
		return -1;
	db_reset(st);
	*out = items;
	*n = len;
	return 0;
}

void db_free(struct db *d)
{
	if (!d)
		return;
	for (int i = 0; i < DB_SLOTS; i++)
		if (d->stmt[i])
			d->drv->finalize(d->stmt[i]);
	memo_free(&d->memos);
	free(d->rescore);
	free(d);
}

int db_value(struct db_stmt *st, int64_t *v)
{
	int rc = db_step(st);
	if (rc == DB_ROW)
		*v = db_col_int64(st, 0);
	if (rc != DB_ERROR)
		db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}
