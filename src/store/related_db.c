/* related_db: what both engines' related lists share, on the seam (db.h): which articles list one, and the
 * first scoring of a database made before the lists were kept. Scoring itself reads each engine's full-text
 * index: sqlite/sq_related.c and pg/pg_related.c. */
#include "store/db.h"
#include "store/search.h"

enum {
	R_OF = 470, /* slots 470-479 of the seam belong to related_db.c */
	R_NEEDED,
	R_QUEUE,
	R_PENDING,
	R_DONE,
	R_LAST
};
_Static_assert(R_LAST <= 480, "related_db.c owns the seam's statement slots 470 to 479");

/* the lock of the nodes scoring what batches left (store_related_pending) */
#define RELATED_LOCK 7284200000LL

int store_related_of(store *s, int64_t id, int64_t *out, size_t max, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_OF, "SELECT article_id FROM article_related WHERE related_id = ?1");
	db_bind_int64(st, 1, id);
	*n = 0;
	int rc;
	while ((rc = db_step(st)) == DB_ROW)
		if (*n < max)
			out[(*n)++] = db_col_int64(st, 0);
	if (rc == DB_ERROR)
		return -1;
	db_reset(st);
	return 0;
}

int store_related_backfill(store *s)
{
	struct db *d = db_of(s);
	struct db_stmt *st = db_prepare(
	    d, R_NEEDED,
	    "SELECT (SELECT count(*) FROM article), CASE WHEN EXISTS (SELECT 1 FROM article_related) "
	    "THEN 1 ELSE 0 END");
	if (db_step(st) != DB_ROW)
		return -1;
	int articles = db_col_int(st, 0), some = db_col_int(st, 1);
	db_reset(st);
	if (!articles || some)
		return 0;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int rc = -1;
	if (db_begin(d) == 0) {
		if (store_related_rebuild(s, &pool) == 0 && db_commit(d) == 0)
			rc = articles;
		else
			db_rollback(d);
	}
	h2o_mem_clear_pool(&pool);
	return rc;
}

int db_rescore_batch(store *s, const int64_t *ids, size_t n)
{
	struct db_stmt *st = db_prepare(db_of(s), R_QUEUE,
					"INSERT INTO related_pending (article_id, queued_at) VALUES (?1, ?2) "
					"ON CONFLICT (article_id) DO NOTHING");
	for (size_t i = 0; i < n; i++) {
		db_bind_int64(st, 1, ids[i]);
		db_bind_int64(st, 2, db_now());
		if (db_exec(st, NULL) != 0)
			return -1;
	}
	return 0;
}

int store_related_pending(store *s, int64_t *ids, size_t max, size_t *n)
{
	*n = 0;
	struct db *d = db_of(s);
	/* read first, outside any transaction: most ticks find nothing and take no lock */
	struct db_stmt *st =
	    db_prepare(d, R_PENDING, "SELECT article_id FROM related_pending ORDER BY article_id LIMIT ?1");
	db_bind_int64(st, 1, (int64_t)max);
	int rc = DB_DONE;
	while (*n < max && (rc = db_step(st)) == DB_ROW)
		ids[(*n)++] = db_col_int64(st, 0);
	if (rc == DB_ERROR)
		return -1;
	db_reset(st);
	if (!*n || db_begin(d) != 0)
		return *n ? -1 : 0;
	int locked = db_xact_lock(d, RELATED_LOCK, 0); /* one node at a time; the others next tick */
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	rc = locked;
	for (size_t i = 0; rc > 0 && i < *n; i++) {
		st = db_prepare(d, R_DONE, "DELETE FROM related_pending WHERE article_id = ?1");
		db_bind_int64(st, 1, ids[i]);
		if (store_related_refresh(s, &pool, ids[i]) != 0 || db_exec(st, NULL) != 0)
			rc = -1;
		h2o_mem_clear_pool(&pool);
	}
	if (rc <= 0) {
		db_rollback(d);
		*n = 0;
		return rc < 0 ? -1 : 0;
	}
	if (db_commit(d) != 0) {
		*n = 0;
		return -1;
	}
	return 0;
}
