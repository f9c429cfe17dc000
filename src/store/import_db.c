/* import_db: what an import brought in (023): each WordPress item by the exported site and its id, what it
 * became, and a fingerprint of it, so a second run updates instead of copying; written once on the seam. */
#include <string.h>

#include "store/db.h"
#include "store/imports.h"

enum {
	I_ITEM = 544, /* slots 544-591 of the seam belong to import_db.c */
	I_ITEM_BY_KEY,
	I_PUT,
	I_REVISION,
	I_SET_IMAGE,
	I_COUNT,
	I_END
};
_Static_assert(I_END <= 592, "import_db.c owns the seam's statement slots 544 to 591");

#define ITEM_COLS                                                                                            \
	"SELECT wp_id, kind, wp_key, target_kind, target_id, fingerprint, revision_no, detail FROM "         \
	"import_item WHERE site_id = ?1 AND source = ?2 AND kind = ?3 "

static void fill_item(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct import_item *x = item;
	x->wp_id = db_col_int64(st, 0);
	x->kind = db_col_text(st, pool, 1);
	x->wp_key = db_col_text(st, pool, 2);
	x->target_kind = db_col_text(st, pool, 3);
	x->target_id = db_col_int64(st, 4);
	x->fingerprint = db_col_text(st, pool, 5);
	x->revision_no = db_col_int64(st, 6);
	x->detail = db_col_text(st, pool, 7);
}

int store_import_item(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *source, const char *kind,
		      int64_t wp_id, struct import_item *out)
{
	struct db_stmt *st = db_prepare(db_of(s), I_ITEM, ITEM_COLS "AND wp_id = ?4");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, source);
	db_bind_text(st, 3, kind);
	db_bind_int64(st, 4, wp_id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_item, out);
}

int store_import_item_by_key(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *source,
			     const char *kind, const char *key, struct import_item *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), I_ITEM_BY_KEY, ITEM_COLS "AND wp_key = ?4 ORDER BY id LIMIT 1");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, source);
	db_bind_text(st, 3, kind);
	db_bind_text(st, 4, key);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_item, out);
}

int store_import_put(store *s, int64_t site_id, const char *source, const struct import_item *x)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), I_PUT,
	    "INSERT INTO import_item (site_id, source, kind, wp_id, wp_key, target_kind, target_id, "
	    "fingerprint, "
	    "revision_no, detail, imported_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
	    "ON CONFLICT (site_id, source, kind, wp_id) DO UPDATE SET wp_key = excluded.wp_key, "
	    "target_kind = excluded.target_kind, target_id = excluded.target_id, "
	    "fingerprint = excluded.fingerprint, revision_no = excluded.revision_no, detail = "
	    "excluded.detail, "
	    "imported_at = excluded.imported_at");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, source);
	db_bind_text(st, 3, x->kind);
	db_bind_int64(st, 4, x->wp_id);
	db_bind_text(st, 5, x->wp_key ? x->wp_key : "");
	db_bind_text(st, 6, x->target_kind ? x->target_kind : "");
	db_bind_int64(st, 7, x->target_id);
	db_bind_text(st, 8, x->fingerprint ? x->fingerprint : "");
	db_bind_int64(st, 9, x->revision_no);
	db_bind_text(st, 10, x->detail ? x->detail : "");
	db_bind_int64(st, 11, db_now());
	return db_exec(st, NULL);
}

int store_article_revision_no(store *s, int64_t site_id, int64_t id, int64_t *revision_no)
{
	struct db_stmt *st = db_prepare(db_of(s), I_REVISION,
					"SELECT revision_no FROM article WHERE site_id = ?1 AND id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*revision_no = db_col_int64(st, 0);
	if (rc != DB_ERROR)
		db_reset(st);
	return rc == DB_ROW ? 1 : rc == DB_DONE ? 0 : -1;
}

int store_import_set_image(store *s, int64_t site_id, int64_t article_id, int64_t media_id)
{
	struct db_stmt *st = db_prepare(db_of(s), I_SET_IMAGE,
					"UPDATE article SET image_id = ?3 WHERE site_id = ?1 AND id = ?2 AND "
					"EXISTS (SELECT 1 FROM media m WHERE m.id = ?3 AND m.site_id = ?1)");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, article_id);
	db_bind_int64(st, 3, media_id);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return -1;
	return changes ? 0 : -1;
}

int64_t store_import_count(store *s, int64_t site_id, const char *source)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), I_COUNT, "SELECT count(*) FROM import_item WHERE site_id = ?1 AND source = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, source);
	if (db_step(st) != DB_ROW)
		return -1;
	int64_t n = db_col_int64(st, 0);
	db_reset(st);
	return n;
}
