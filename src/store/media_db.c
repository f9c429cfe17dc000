/* media_db: the media library's queries (an image added once per content hash, listed, described, deleted
 * when unused) and uploads in progress, written once on the seam (db.h). */
#include <stdio.h>

#include "store/backend.h"
#include "store/db.h"
#include "store/editorial.h"
#include "store/media.h"

enum {
	M_INSERT = 220, /* slots 220-259 of the seam belong to media_db.c */
	M_BY_HASH,
	M_ONE,
	M_LIST,
	M_COUNT,
	M_UPDATE,
	M_DELETE,
	M_HASH_USED,
	M_LOCK,
	M_UPLOAD_LOCK,
	M_UPLOAD_ADD,
	M_UPLOAD_GET,
	M_UPLOAD_DONE,
	M_UPLOAD_DELETE,
	M_UPLOAD_EXPIRE,
	M_LAST
};
_Static_assert(M_LAST <= 260, "media_db.c owns the seam's statement slots 220 to 259");

/* every article of any status that shows it counts as a use */
#define MEDIA_COLS                                                                                           \
	"m.id, m.hash, m.kind, m.width, m.height, m.bytes, m.alt, m.credit, m.original_name, m.created_at, " \
	"COALESCE(u.name, ''), (SELECT count(*) FROM article a WHERE a.image_id = m.id), m.needs_alt "       \
	"FROM media m LEFT JOIN \"user\" u ON u.id = m.created_by "

static void fill_media(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct media *x = item;
	x->id = db_col_int64(st, 0);
	x->hash = db_col_text(st, pool, 1);
	x->kind = db_col_text(st, pool, 2);
	x->width = db_col_int64(st, 3);
	x->height = db_col_int64(st, 4);
	x->bytes = db_col_int64(st, 5);
	x->alt = db_col_text(st, pool, 6);
	x->credit = db_col_text(st, pool, 7);
	x->original_name = db_col_text(st, pool, 8);
	x->created_at = db_col_int64(st, 9);
	x->created_by = db_col_text(st, pool, 10);
	x->uses = db_col_int64(st, 11);
	x->needs_alt = db_col_int(st, 12);
}

static void audit_media(store *s, int64_t user_id, const char *action, int64_t id, const char *detail)
{
	char target[48];
	snprintf(target, sizeof target, "media:%lld", (long long)id);
	store_audit(s, user_id, action, target, detail);
}

int64_t store_media_find(store *s, int64_t site_id, const char *hash)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), M_BY_HASH, "SELECT id FROM media WHERE site_id = ?1 AND hash = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, hash);
	int64_t id = 0;
	int rc = db_value(st, &id);
	return rc < 0 ? -1 : rc ? id : 0;
}

enum save_result store_media_add(store *s, int64_t site_id, const struct media *m, int64_t user_id,
				 int64_t *id_out)
{
	int64_t found = store_media_find(s, site_id, m->hash);
	if (found < 0)
		return SAVE_ERROR;
	if (found) {
		*id_out = found;
		return SAVE_SLUG_TAKEN;
	}
	/* the same image uploaded at the same moment by another editor inserts nothing: it is that one */
	struct db_stmt *st = db_prepare(
	    db_of(s), M_INSERT,
	    "INSERT INTO media (site_id, hash, kind, width, height, bytes, alt, credit, original_name, "
	    "created_by, created_at, needs_alt) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, "
	    "NULLIF(CAST(?10 AS BIGINT), 0), ?11, ?12) ON CONFLICT (site_id, hash) DO NOTHING RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, m->hash);
	db_bind_text(st, 3, m->kind);
	db_bind_int64(st, 4, m->width);
	db_bind_int64(st, 5, m->height);
	db_bind_int64(st, 6, m->bytes);
	db_bind_text(st, 7, m->alt);
	db_bind_text(st, 8, m->credit);
	db_bind_text(st, 9, m->original_name);
	db_bind_int64(st, 10, user_id);
	db_bind_int64(st, 11, db_now());
	db_bind_int(st, 12, m->needs_alt ? 1 : 0);
	int64_t id = 0;
	int rc = db_exec_id(st, &id);
	if (rc < 0)
		return SAVE_ERROR;
	if (rc == 0) {
		found = store_media_find(s, site_id, m->hash);
		if (found <= 0)
			return SAVE_ERROR;
		*id_out = found;
		return SAVE_SLUG_TAKEN;
	}
	*id_out = id;
	audit_media(s, user_id, "media.create", id, m->alt);
	return SAVE_OK;
}

int store_media_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit,
		     struct media **out, size_t *n, size_t *total)
{
	struct db *d = db_of(s);
	struct db_stmt *st = db_prepare(d, M_COUNT, "SELECT count(*) FROM media WHERE site_id = ?1");
	db_bind_int64(st, 1, site_id);
	int64_t count = 0;
	if (db_value(st, &count) <= 0)
		return -1;
	*total = (size_t)count;
	st = db_prepare(d, M_LIST,
			"SELECT " MEDIA_COLS "WHERE m.site_id = ?1 ORDER BY m.created_at DESC, m.id DESC "
			"LIMIT ?2 OFFSET ?3");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, (int64_t)limit);
	db_bind_int64(st, 3, (int64_t)offset);
	return db_collect(st, pool, sizeof **out, fill_media, (void **)out, n);
}

int store_media_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct media *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), M_ONE, "SELECT " MEDIA_COLS "WHERE m.site_id = ?1 AND m.id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	return db_one(st, pool, fill_media, out);
}

enum save_result store_media_update(store *s, int64_t site_id, int64_t id, const char *alt,
				    const char *credit, int64_t user_id)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), M_UPDATE,
	    "UPDATE media SET alt = ?3, credit = ?4, needs_alt = 0 WHERE site_id = ?1 AND id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	db_bind_text(st, 3, alt);
	db_bind_text(st, 4, credit);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return SAVE_ERROR;
	if (!changes)
		return SAVE_NOT_FOUND;
	audit_media(s, user_id, "media.update", id, alt);
	return SAVE_OK;
}

/* Locks the rows a bound SELECT ... FOR UPDATE finds until the transaction ends (db_begin: on SQLite, whose
 * write transaction holds them all already, a plain SELECT): 0, or -1. */
static int lock_rows(struct db *d, int slot, const char *sql, int64_t id1, int64_t id2)
{
	struct db_stmt *st = db_prepare(d, slot, sql);
	db_bind_int64(st, 1, id1);
	if (id2)
		db_bind_int64(st, 2, id2);
	return db_exec(st, NULL);
}

enum save_result store_media_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	/* an image an article shows stays: the editor unlinks it first. The row is locked first, so an
	 * article being saved with it at this moment (its key check holds a share lock) commits before the
	 * check reads the articles, as SQLite's one writer at a time does it */
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	struct db_stmt *st = db_prepare(d, M_DELETE,
					"DELETE FROM media WHERE site_id = ?1 AND id = ?2 AND NOT EXISTS "
					"(SELECT 1 FROM article a WHERE a.image_id = ?2)");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	int changes = 0;
	if (lock_rows(d, M_LOCK, "SELECT 1 FROM media WHERE site_id = ?1 AND id = ?2 FOR UPDATE", site_id,
		      id) != 0 ||
	    db_exec(st, &changes) != 0) {
		db_rollback(d);
		return SAVE_ERROR;
	}
	if (db_commit(d) != 0) /* rolled back */
		return SAVE_ERROR;
	if (!changes)
		return SAVE_CONFLICT;
	audit_media(s, user_id, "media.delete", id, "");
	return SAVE_OK;
}

int store_media_hash_used(store *s, const char *hash)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), M_HASH_USED, "SELECT EXISTS (SELECT 1 FROM media WHERE hash = ?1)");
	db_bind_text(st, 1, hash);
	int64_t used = 0;
	if (db_value(st, &used) <= 0)
		return -1;
	return (int)used;
}

/* ---- uploads in progress ---- */

enum save_result store_upload_add(store *s, const struct media_upload *u, int max, int64_t since)
{
	/* the count and the insert under one write lock (on PostgreSQL the user's row): two starts at once
	 * cannot both take the last place */
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	struct db_stmt *st = db_prepare(
	    d, M_UPLOAD_ADD,
	    "INSERT INTO media_upload (id, site_id, user_id, size, name, alt, credit, created_at, kind) "
	    "SELECT CAST(?1 AS TEXT), CAST(?2 AS BIGINT), CAST(?3 AS BIGINT), CAST(?4 AS BIGINT), CAST(?5 AS "
	    "TEXT), "
	    "CAST(?6 AS TEXT), CAST(?7 AS TEXT), CAST(?8 AS BIGINT), CAST(?11 AS TEXT) WHERE (SELECT "
	    "count(*) FROM media_upload "
	    "WHERE user_id = CAST(?3 AS BIGINT) AND done = 0 AND created_at >= CAST(?9 AS BIGINT)) < "
	    "CAST(?10 AS BIGINT)");
	db_bind_text(st, 1, u->id);
	db_bind_int64(st, 2, u->site_id);
	db_bind_int64(st, 3, u->user_id);
	db_bind_int64(st, 4, u->size);
	db_bind_text(st, 5, u->name);
	db_bind_text(st, 6, u->alt);
	db_bind_text(st, 7, u->credit);
	db_bind_int64(st, 8, u->created_at);
	db_bind_int64(st, 9, since);
	db_bind_int64(st, 10, max);
	db_bind_text(st, 11, u->video ? "video" : "image");
	int changes = 0;
	if (lock_rows(d, M_UPLOAD_LOCK, "SELECT 1 FROM \"user\" WHERE id = ?1 FOR UPDATE", u->user_id, 0) !=
		0 ||
	    db_exec(st, &changes) != 0) {
		db_rollback(d);
		return SAVE_ERROR;
	}
	if (db_commit(d) != 0) /* rolled back */
		return SAVE_ERROR;
	return changes ? SAVE_OK : SAVE_CONFLICT;
}

static void fill_upload(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct media_upload *x = item;
	x->id = db_col_text(st, pool, 0);
	x->site_id = db_col_int64(st, 1);
	x->user_id = db_col_int64(st, 2);
	x->size = db_col_int64(st, 3);
	x->name = db_col_text(st, pool, 4);
	x->alt = db_col_text(st, pool, 5);
	x->credit = db_col_text(st, pool, 6);
	x->media_id = db_col_int64(st, 7);
	x->done = db_col_int(st, 8);
	x->created_at = db_col_int64(st, 9);
	x->video = strcmp(db_col_text(st, pool, 10), "video") == 0;
	x->video_id = db_col_int64(st, 11);
}

int store_upload_get(store *s, h2o_mem_pool_t *pool, const char *id, int64_t site_id, int64_t user_id,
		     int64_t since, struct media_upload *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), M_UPLOAD_GET,
		       "SELECT id, site_id, user_id, size, name, alt, credit, COALESCE(media_id, 0), "
		       "done, created_at, kind, COALESCE(video_id, 0) FROM media_upload WHERE id = ?1 AND "
		       "site_id = ?2 AND "
		       "user_id = ?3 AND created_at >= ?4");
	db_bind_text(st, 1, id);
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, user_id);
	db_bind_int64(st, 4, since);
	return db_one(st, pool, fill_upload, out);
}

int store_upload_done(store *s, const char *id, int64_t media_id, int64_t video_id)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), M_UPLOAD_DONE,
		       "UPDATE media_upload SET done = 1, media_id = NULLIF(CAST(?2 AS BIGINT), 0), "
		       "video_id = NULLIF(CAST(?3 AS BIGINT), 0) WHERE id = ?1");
	db_bind_text(st, 1, id);
	db_bind_int64(st, 2, media_id);
	db_bind_int64(st, 3, video_id);
	return db_exec(st, NULL);
}

int store_upload_delete(store *s, const char *id)
{
	struct db_stmt *st = db_prepare(db_of(s), M_UPLOAD_DELETE, "DELETE FROM media_upload WHERE id = ?1");
	db_bind_text(st, 1, id);
	return db_exec(st, NULL);
}

int store_upload_expire(store *s, int64_t before)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), M_UPLOAD_EXPIRE, "DELETE FROM media_upload WHERE created_at < ?1");
	db_bind_int64(st, 1, before);
	return db_exec(st, NULL);
}
