/* media: the media library's queries: add an image once per content hash, list, describe, delete when unused;
 * uploads in progress. */
#include <stdio.h>
#include <string.h>

#include "store/sqlite_int.h"

enum {
	M_FIRST = 110, /* slots below belong to sqlite.c's neighbours (users, editorial, structure) */
	M_INSERT,
	M_BY_HASH,
	M_ONE,
	M_LIST,
	M_COUNT,
	M_UPDATE,
	M_DELETE,
	M_HASH_USED,
	M_UPLOAD_ADD,
	M_UPLOAD_GET,
	M_UPLOAD_DONE,
	M_UPLOAD_DELETE,
	M_UPLOAD_EXPIRE,
	M_LAST
};
_Static_assert(M_LAST <= 130, "statement slots 110-129 belong to media.c");
_Static_assert(M_LAST <= SQ_MORE_STATEMENTS, "statement slots");

/* every article of any status that shows it counts as a use */
#define MEDIA_COLS                                                                                           \
	"m.id, m.hash, m.kind, m.width, m.height, m.bytes, m.alt, m.credit, m.original_name, m.created_at, " \
	"COALESCE(u.name, ''), (SELECT count(*) FROM article a WHERE a.image_id = m.id) "                    \
	"FROM media m LEFT JOIN user u ON u.id = m.created_by "

static void fill_media(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct media *x = item;
	x->id = sq_col_i64(st, 0);
	x->hash = sq_col_str(pool, st, 1);
	x->kind = sq_col_str(pool, st, 2);
	x->width = sq_col_i64(st, 3);
	x->height = sq_col_i64(st, 4);
	x->bytes = sq_col_i64(st, 5);
	x->alt = sq_col_str(pool, st, 6);
	x->credit = sq_col_str(pool, st, 7);
	x->original_name = sq_col_str(pool, st, 8);
	x->created_at = sq_col_i64(st, 9);
	x->created_by = sq_col_str(pool, st, 10);
	x->uses = sq_col_i64(st, 11);
}

static void audit_media(store *s, int64_t user_id, const char *action, int64_t id, const char *detail)
{
	char target[48];
	snprintf(target, sizeof target, "media:%lld", (long long)id);
	store_audit(s, user_id, action, target, detail);
}

int64_t sq_store_media_find(store *s, int64_t site_id, const char *hash)
{
	sqlite3_stmt *st = sq_prepare(s, M_BY_HASH, "SELECT id FROM media WHERE site_id = ?1 AND hash = ?2");
	sqlite3_bind_int64(st, 1, site_id);
	sq_bind_text(st, 2, hash);
	int rc = sqlite3_step(st);
	int64_t id = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return id;
}

enum save_result sq_store_media_add(store *s, int64_t site_id, const struct media *m, int64_t user_id,
				    int64_t *id_out)
{
	int64_t found = store_media_find(s, site_id, m->hash);
	if (found < 0)
		return SAVE_ERROR;
	if (found) {
		*id_out = found;
		return SAVE_SLUG_TAKEN;
	}
	sqlite3_stmt *st = sq_prepare(
	    s, M_INSERT,
	    "INSERT INTO media (site_id, hash, kind, width, height, bytes, alt, credit, original_name, "
	    "created_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULLIF(?10, 0), ?11)");
	sqlite3_bind_int64(st, 1, site_id);
	sq_bind_text(st, 2, m->hash);
	sq_bind_text(st, 3, m->kind);
	sqlite3_bind_int64(st, 4, m->width);
	sqlite3_bind_int64(st, 5, m->height);
	sqlite3_bind_int64(st, 6, m->bytes);
	sq_bind_text(st, 7, m->alt);
	sq_bind_text(st, 8, m->credit);
	sq_bind_text(st, 9, m->original_name);
	sqlite3_bind_int64(st, 10, user_id);
	sqlite3_bind_int64(st, 11, store_now());
	if (sq_exec(s, st, NULL) != 0)
		return SAVE_ERROR;
	*id_out = sqlite3_last_insert_rowid(sq_db(s));
	audit_media(s, user_id, "media.create", *id_out, m->alt);
	return SAVE_OK;
}

int sq_store_media_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit,
			struct media **out, size_t *n, size_t *total)
{
	sqlite3_stmt *st = sq_prepare(s, M_COUNT, "SELECT count(*) FROM media WHERE site_id = ?1");
	sqlite3_bind_int64(st, 1, site_id);
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_step_error(s, st);
	*total = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	st = sq_prepare(s, M_LIST,
			"SELECT " MEDIA_COLS "WHERE m.site_id = ?1 ORDER BY m.created_at DESC, m.id DESC "
			"LIMIT ?2 OFFSET ?3");
	sqlite3_bind_int64(st, 1, site_id);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	sqlite3_bind_int64(st, 3, (int64_t)offset);
	return sq_collect(s, pool, st, sizeof **out, fill_media, (void **)out, n);
}

int sq_store_media_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct media *out)
{
	sqlite3_stmt *st = sq_prepare(s, M_ONE, "SELECT " MEDIA_COLS "WHERE m.site_id = ?1 AND m.id = ?2");
	sqlite3_bind_int64(st, 1, site_id);
	sqlite3_bind_int64(st, 2, id);
	return sq_one(s, pool, st, fill_media, out);
}

enum save_result sq_store_media_update(store *s, int64_t site_id, int64_t id, const char *alt,
				       const char *credit, int64_t user_id)
{
	sqlite3_stmt *st =
	    sq_prepare(s, M_UPDATE, "UPDATE media SET alt = ?3, credit = ?4 WHERE site_id = ?1 AND id = ?2");
	sqlite3_bind_int64(st, 1, site_id);
	sqlite3_bind_int64(st, 2, id);
	sq_bind_text(st, 3, alt);
	sq_bind_text(st, 4, credit);
	int changes = 0;
	if (sq_exec(s, st, &changes) != 0)
		return SAVE_ERROR;
	if (!changes)
		return SAVE_NOT_FOUND;
	audit_media(s, user_id, "media.update", id, alt);
	return SAVE_OK;
}

enum save_result sq_store_media_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	/* an image an article shows stays: the editor unlinks it first */
	sqlite3_stmt *st = sq_prepare(s, M_DELETE,
				      "DELETE FROM media WHERE site_id = ?1 AND id = ?2 AND NOT EXISTS "
				      "(SELECT 1 FROM article a WHERE a.image_id = ?2)");
	sqlite3_bind_int64(st, 1, site_id);
	sqlite3_bind_int64(st, 2, id);
	int changes = 0;
	if (sq_exec(s, st, &changes) != 0)
		return SAVE_ERROR;
	if (!changes)
		return SAVE_CONFLICT;
	audit_media(s, user_id, "media.delete", id, "");
	return SAVE_OK;
}

int sq_store_media_hash_used(store *s, const char *hash)
{
	sqlite3_stmt *st = sq_prepare(s, M_HASH_USED, "SELECT EXISTS (SELECT 1 FROM media WHERE hash = ?1)");
	sq_bind_text(st, 1, hash);
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_step_error(s, st);
	int used = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return used;
}

/* ---- uploads in progress ---- */

enum save_result sq_store_upload_add(store *s, const struct media_upload *u, int max, int64_t since)
{
	/* the count and the insert under one write lock: two starts at once cannot both take the last place
	 */
	if (sq_run(s, "BEGIN IMMEDIATE") != 0)
		return SAVE_ERROR;
	sqlite3_stmt *st =
	    sq_prepare(s, M_UPLOAD_ADD,
		       "INSERT INTO media_upload (id, site_id, user_id, size, name, alt, credit, created_at) "
		       "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8 WHERE (SELECT count(*) FROM media_upload WHERE "
		       "user_id = ?3 "
		       "AND done = 0 AND created_at >= ?9) < ?10");
	sq_bind_text(st, 1, u->id);
	sqlite3_bind_int64(st, 2, u->site_id);
	sqlite3_bind_int64(st, 3, u->user_id);
	sqlite3_bind_int64(st, 4, u->size);
	sq_bind_text(st, 5, u->name);
	sq_bind_text(st, 6, u->alt);
	sq_bind_text(st, 7, u->credit);
	sqlite3_bind_int64(st, 8, u->created_at);
	sqlite3_bind_int64(st, 9, since);
	sqlite3_bind_int64(st, 10, max);
	int changes = 0;
	if (sq_exec(s, st, &changes) != 0 || sq_run(s, "COMMIT") != 0) {
		sq_run(s, "ROLLBACK");
		return SAVE_ERROR;
	}
	return changes ? SAVE_OK : SAVE_CONFLICT;
}

static void fill_upload(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct media_upload *x = item;
	x->id = sq_col_str(pool, st, 0);
	x->site_id = sq_col_i64(st, 1);
	x->user_id = sq_col_i64(st, 2);
	x->size = sq_col_i64(st, 3);
	x->name = sq_col_str(pool, st, 4);
	x->alt = sq_col_str(pool, st, 5);
	x->credit = sq_col_str(pool, st, 6);
	x->media_id = sq_col_i64(st, 7);
	x->done = (int)sq_col_i64(st, 8);
	x->created_at = sq_col_i64(st, 9);
}

int sq_store_upload_get(store *s, h2o_mem_pool_t *pool, const char *id, int64_t site_id, int64_t user_id,
			int64_t since, struct media_upload *out)
{
	sqlite3_stmt *st =
	    sq_prepare(s, M_UPLOAD_GET,
		       "SELECT id, site_id, user_id, size, name, alt, credit, COALESCE(media_id, 0), "
		       "done, created_at FROM media_upload WHERE id = ?1 AND site_id = ?2 AND "
		       "user_id = ?3 AND created_at >= ?4");
	sq_bind_text(st, 1, id);
	sqlite3_bind_int64(st, 2, site_id);
	sqlite3_bind_int64(st, 3, user_id);
	sqlite3_bind_int64(st, 4, since);
	return sq_one(s, pool, st, fill_upload, out);
}

int sq_store_upload_done(store *s, const char *id, int64_t media_id)
{
	sqlite3_stmt *st =
	    sq_prepare(s, M_UPLOAD_DONE, "UPDATE media_upload SET done = 1, media_id = ?2 WHERE id = ?1");
	sq_bind_text(st, 1, id);
	sqlite3_bind_int64(st, 2, media_id);
	return sq_exec(s, st, NULL);
}

int sq_store_upload_delete(store *s, const char *id)
{
	sqlite3_stmt *st = sq_prepare(s, M_UPLOAD_DELETE, "DELETE FROM media_upload WHERE id = ?1");
	sq_bind_text(st, 1, id);
	return sq_exec(s, st, NULL);
}

int sq_store_upload_expire(store *s, int64_t before)
{
	sqlite3_stmt *st = sq_prepare(s, M_UPLOAD_EXPIRE, "DELETE FROM media_upload WHERE created_at < ?1");
	sqlite3_bind_int64(st, 1, before);
	return sq_exec(s, st, NULL);
}
