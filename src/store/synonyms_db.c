/* synonyms_db: each site's synonym groups for search (020), listed, saved and deleted with their audit
 * lines, written once on the seam (db.h). */
#include <string.h>

#include "store/db.h"
#include "store/search.h"

enum {
	S_SYNONYMS = 190, /* slots 190-219 of the seam belong to synonyms_db.c */
	S_SYNONYM_ONE,
	S_SYNONYM_COUNT,
	S_SYNONYM_INSERT,
	S_SYNONYM_UPDATE,
	S_SYNONYM_DELETE,
	S_END
};
_Static_assert(S_END <= 220, "synonyms_db.c owns the seam's statement slots 190 to 219");

/* One lock a site (this number plus its id): its writers of groups take turns, so the count a new group is
 * checked against holds until it is in. */
#define SYNONYM_LOCK 7284100000LL

#define SYNONYM_COLS "SELECT id, terms, updated_at FROM synonym_group "

static void fill_group(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct synonym_group *x = item;
	x->id = db_col_int64(st, 0);
	x->terms = db_col_text(st, pool, 1);
	x->updated_at = db_col_int64(st, 2);
}

int store_synonyms(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct synonym_group **out, size_t *n)
{
	struct db_stmt *st = db_prepare(db_of(s), S_SYNONYMS, SYNONYM_COLS "WHERE site_id = ?1 ORDER BY id");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_group, (void **)out, n);
}

int store_synonym_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			struct synonym_group *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_SYNONYM_ONE, SYNONYM_COLS "WHERE site_id = ?1 AND id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_group, out);
}

/* The number of groups of a site, or -1. */
static int64_t group_count(struct db *d, int64_t site_id)
{
	struct db_stmt *st =
	    db_prepare(d, S_SYNONYM_COUNT, "SELECT count(*) FROM synonym_group WHERE site_id = ?1");
	db_bind_int64(st, 1, site_id);
	int64_t n = db_step(st) == DB_ROW ? db_col_int64(st, 0) : -1;
	db_reset(st);
	return n;
}

enum save_result store_synonym_save(store *s, int64_t site_id, const struct synonym_group *x, int64_t user_id,
				    int64_t *id_out)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	if (db_xact_lock(d, SYNONYM_LOCK + site_id, 1) != 1)
		return db_end(d, SAVE_ERROR);
	if (!x->id) {
		int64_t n = group_count(d, site_id);
		if (n < 0 || n >= SYNONYM_MAX_GROUPS)
			return db_end(d, n < 0 ? SAVE_ERROR : SAVE_CONFLICT);
	}
	struct db_stmt *st =
	    x->id ? db_prepare(
			d, S_SYNONYM_UPDATE,
			"UPDATE synonym_group SET terms = ?2, updated_at = ?3 WHERE site_id = ?1 AND id = ?4")
		  : db_prepare(d, S_SYNONYM_INSERT,
			       "INSERT INTO synonym_group (site_id, terms, created_at, updated_at) "
			       "VALUES (?1, ?2, ?3, ?3) RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, x->terms);
	db_bind_int64(st, 3, db_now());
	if (x->id)
		db_bind_int64(st, 4, x->id);
	int64_t got = 0;
	enum save_result rc = db_save_row(st, x->id, "synonym", user_id, x->terms, &got, NULL);
	if (id_out)
		*id_out = got;
	return db_end(d, rc);
}

static void fill_text(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	*(const char **)item = db_col_text(st, pool, 0);
}

enum save_result store_synonym_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	struct db_stmt *st = db_prepare(
	    d, S_SYNONYM_DELETE, "DELETE FROM synonym_group WHERE site_id = ?1 AND id = ?2 RETURNING terms");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	const char *terms = "";
	int found = db_one(st, &pool, fill_text, &terms);
	enum save_result rc = found < 0	   ? SAVE_ERROR
			      : found == 0 ? SAVE_NOT_FOUND
					   : db_audit_record(s, user_id, "synonym", "delete", id, terms);
	h2o_mem_clear_pool(&pool);
	return db_end(d, rc);
}
