/* autosave_db: the editor's form kept on the server while someone types (migration 016), written once. */
#include <string.h>

#include "store/db.h"
#include "store/editorial.h"

enum {
	A_PUT = 390, /* slots 390-399 of the seam belong to autosave_db.c */
	A_GET,
	A_DROP,
	A_PRUNE,
	A_LAST
};
_Static_assert(A_LAST <= 400, "autosave_db.c owns the seam's statement slots 390 to 399");

int store_autosave_put(store *s, int64_t user_id, int64_t site_id, int64_t article_id, const char *fields)
{
	struct db_stmt *st = db_prepare(db_of(s), A_PUT,
					"INSERT INTO article_autosave (user_id, site_id, article_id, fields, "
					"saved_at) VALUES (?1, ?2, ?3, ?4, "
					"?5) ON CONFLICT (user_id, site_id, article_id) DO UPDATE SET fields "
					"= excluded.fields, saved_at = "
					"excluded.saved_at");
	db_bind_int64(st, 1, user_id);
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, article_id);
	db_bind_text(st, 4, fields);
	db_bind_int64(st, 5, db_now());
	return db_exec(st, NULL);
}

static void fill(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct autosave *x = item;
	x->fields = db_col_text(st, pool, 0);
	x->saved_at = db_col_int64(st, 1);
}

int store_autosave_get(store *s, h2o_mem_pool_t *pool, int64_t user_id, int64_t site_id, int64_t article_id,
		       struct autosave *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), A_GET,
		       "SELECT fields, saved_at FROM article_autosave WHERE user_id = ?1 AND "
		       "site_id = ?2 AND article_id = ?3");
	db_bind_int64(st, 1, user_id);
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, article_id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill, out);
}

int store_autosave_drop(store *s, int64_t user_id, int64_t site_id, int64_t article_id)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), A_DROP,
	    "DELETE FROM article_autosave WHERE user_id = ?1 AND site_id = ?2 AND article_id = ?3");
	db_bind_int64(st, 1, user_id);
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, article_id);
	return db_exec(st, NULL);
}

int store_autosave_prune(store *s, int64_t before)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), A_PRUNE, "DELETE FROM article_autosave WHERE saved_at < ?1");
	db_bind_int64(st, 1, before);
	return db_exec(st, NULL);
}
