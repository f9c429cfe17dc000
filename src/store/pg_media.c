/* pg_media: the media library's queries in PostgreSQL, as media.c does them in SQLite: add an image once per
 * content hash, list, describe, delete when unused; uploads in progress. */
#include <stdio.h>

#include "store/pg_int.h"

enum {
	M_FIRST = 339, /* slots 340-369 belong to pg_media.c */
	M_INSERT,
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
_Static_assert(M_LAST <= 370, "statement slots 340-369 belong to pg_media.c");

/* every article of any status that shows it counts as a use */
#define MEDIA_COLS                                                                                           \
	"m.id, m.hash, m.kind, m.width, m.height, m.bytes, m.alt, m.credit, m.original_name, m.created_at, " \
	"COALESCE(u.name, ''), (SELECT count(*) FROM article a WHERE a.image_id = m.id) "                    \
	"FROM media m LEFT JOIN \"user\" u ON u.id = m.created_by "

static void fill_media(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct media *x = item;
	x->id = pg_i64(r, row, 0);
	x->hash = pg_str(pool, r, row, 1);
	x->kind = pg_str(pool, r, row, 2);
	x->width = pg_i64(r, row, 3);
	x->height = pg_i64(r, row, 4);
	x->bytes = pg_i64(r, row, 5);
	x->alt = pg_str(pool, r, row, 6);
	x->credit = pg_str(pool, r, row, 7);
	x->original_name = pg_str(pool, r, row, 8);
	x->created_at = pg_i64(r, row, 9);
	x->created_by = pg_str(pool, r, row, 10);
	x->uses = pg_i64(r, row, 11);
}

static void audit_media(store *s, int64_t user_id, const char *action, int64_t id, const char *detail)
{
	char target[48];
	snprintf(target, sizeof target, "media:%lld", (long long)id);
	store_audit(s, user_id, action, target, detail);
}

int64_t pg_store_media_find(store *s, int64_t site_id, const char *hash)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, hash);
	int64_t id = 0;
	int rc =
	    pg_value(s, M_BY_HASH, "SELECT id FROM media WHERE site_id = $1::bigint AND hash = $2", &p, &id);
	return rc < 0 ? -1 : rc ? id : 0;
}

enum save_result pg_store_media_add(store *s, int64_t site_id, const struct media *m, int64_t user_id,
				    int64_t *id_out)
{
	int64_t found = pg_store_media_find(s, site_id, m->hash);
	if (found < 0)
		return SAVE_ERROR;
	if (found) {
		*id_out = found;
		return SAVE_SLUG_TAKEN;
	}
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, m->hash);
	pg_p_text(&p, m->kind);
	pg_p_i64(&p, m->width);
	pg_p_i64(&p, m->height);
	pg_p_i64(&p, m->bytes);
	pg_p_text(&p, m->alt);
	pg_p_text(&p, m->credit);
	pg_p_text(&p, m->original_name);
	pg_p_i64(&p, user_id);
	pg_p_i64(&p, store_now());
	/* the same image uploaded at the same moment by another editor inserts nothing: it is that one */
	int64_t id = 0;
	int rc =
	    pg_value(s, M_INSERT,
		     "INSERT INTO media (site_id, hash, kind, width, height, bytes, alt, credit, "
		     "original_name, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, "
		     "NULLIF($10::bigint, 0), $11) ON CONFLICT (site_id, hash) DO NOTHING RETURNING id",
		     &p, &id);
	if (rc < 0)
		return SAVE_ERROR;
	if (rc == 0) {
		found = pg_store_media_find(s, site_id, m->hash);
		if (found <= 0)
			return SAVE_ERROR;
		*id_out = found;
		return SAVE_SLUG_TAKEN;
	}
	*id_out = id;
	audit_media(s, user_id, "media.create", id, m->alt);
	return SAVE_OK;
}

int pg_store_media_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit,
			struct media **out, size_t *n, size_t *total)
{
	struct pg_params c = {0};
	pg_p_i64(&c, site_id);
	int64_t count = 0;
	if (pg_value(s, M_COUNT, "SELECT count(*) FROM media WHERE site_id = $1::bigint", &c, &count) < 0)
		return -1;
	*total = (size_t)count;
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, (int64_t)limit);
	pg_p_i64(&p, (int64_t)offset);
	return pg_collect(s, pool, M_LIST,
			  "SELECT " MEDIA_COLS
			  "WHERE m.site_id = $1::bigint ORDER BY m.created_at DESC, m.id DESC "
			  "LIMIT $2::bigint OFFSET $3::bigint",
			  &p, sizeof **out, fill_media, (void **)out, n);
}

int pg_store_media_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct media *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, id);
	return pg_one(s, pool, M_ONE,
		      "SELECT " MEDIA_COLS "WHERE m.site_id = $1::bigint AND m.id = $2::bigint", &p,
		      fill_media, out);
}

enum save_result pg_store_media_update(store *s, int64_t site_id, int64_t id, const char *alt,
				       const char *credit, int64_t user_id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, id);
	pg_p_text(&p, alt);
	pg_p_text(&p, credit);
	int changes = 0;
	if (pg_exec(s, M_UPDATE,
		    "UPDATE media SET alt = $3, credit = $4 WHERE site_id = $1::bigint AND id = $2::bigint",
		    &p, &changes) != 0)
		return SAVE_ERROR;
	if (!changes)
		return SAVE_NOT_FOUND;
	audit_media(s, user_id, "media.update", id, alt);
	return SAVE_OK;
}

enum save_result pg_store_media_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	/* an image an article shows stays: the editor unlinks it first. The row is locked first, so an
	 * article being saved with it at this moment (its key check holds a share lock) commits before the
	 * check reads the articles, as SQLite's one writer at a time does it */
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, id);
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	int changes = 0;
	if (pg_exec(s, M_LOCK,
		    "SELECT 1 FROM media WHERE site_id = $1::bigint AND id = $2::bigint FOR UPDATE", &p,
		    NULL) != 0 ||
	    pg_exec(s, M_DELETE,
		    "DELETE FROM media WHERE site_id = $1::bigint AND id = $2::bigint AND NOT EXISTS "
		    "(SELECT 1 FROM article a WHERE a.image_id = $2::bigint)",
		    &p, &changes) != 0 ||
	    pg_run(s, "COMMIT") != 0) {
		pg_run(s, "ROLLBACK");
		return SAVE_ERROR;
	}
	if (!changes)
		return SAVE_CONFLICT;
	audit_media(s, user_id, "media.delete", id, "");
	return SAVE_OK;
}

int pg_store_media_hash_used(store *s, const char *hash)
{
	struct pg_params p = {0};
	pg_p_text(&p, hash);
	int64_t used = 0;
	if (pg_value(s, M_HASH_USED, "SELECT EXISTS (SELECT 1 FROM media WHERE hash = $1)", &p, &used) < 0)
		return -1;
	return (int)used;
}

/* ---- uploads in progress ---- */

enum save_result pg_store_upload_add(store *s, const struct media_upload *u, int max, int64_t since)
{
	/* the user's row is locked first, so two starts at once count one after the other, as SQLite's one
	 * writer at a time does it */
	struct pg_params l = {0};
	pg_p_i64(&l, u->user_id);
	struct pg_params p = {0};
	pg_p_text(&p, u->id);
	pg_p_i64(&p, u->site_id);
	pg_p_i64(&p, u->user_id);
	pg_p_i64(&p, u->size);
	pg_p_text(&p, u->name);
	pg_p_text(&p, u->alt);
	pg_p_text(&p, u->credit);
	pg_p_i64(&p, u->created_at);
	pg_p_i64(&p, since);
	pg_p_i64(&p, max);
	int changes = 0;
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	if (pg_exec(s, M_UPLOAD_LOCK, "SELECT 1 FROM \"user\" WHERE id = $1::bigint FOR UPDATE", &l, NULL) !=
		0 ||
	    pg_exec(
		s, M_UPLOAD_ADD,
		"INSERT INTO media_upload (id, site_id, user_id, size, name, alt, credit, created_at) "
		"SELECT $1, $2::bigint, $3::bigint, $4::bigint, $5, $6, $7, $8::bigint WHERE (SELECT "
		"count(*) "
		"FROM media_upload WHERE user_id = $3::bigint AND done = 0 AND created_at >= $9::bigint) < "
		"$10::bigint",
		&p, &changes) != 0 ||
	    pg_run(s, "COMMIT") != 0) {
		pg_run(s, "ROLLBACK");
		return SAVE_ERROR;
	}
	return changes ? SAVE_OK : SAVE_CONFLICT;
}

static void fill_upload(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct media_upload *x = item;
	x->id = pg_str(pool, r, row, 0);
	x->site_id = pg_i64(r, row, 1);
	x->user_id = pg_i64(r, row, 2);
	x->size = pg_i64(r, row, 3);
	x->name = pg_str(pool, r, row, 4);
	x->alt = pg_str(pool, r, row, 5);
	x->credit = pg_str(pool, r, row, 6);
	x->media_id = pg_i64(r, row, 7);
	x->done = (int)pg_i64(r, row, 8);
	x->created_at = pg_i64(r, row, 9);
}

int pg_store_upload_get(store *s, h2o_mem_pool_t *pool, const char *id, int64_t site_id, int64_t user_id,
			int64_t since, struct media_upload *out)
{
	struct pg_params p = {0};
	pg_p_text(&p, id);
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, user_id);
	pg_p_i64(&p, since);
	return pg_one(s, pool, M_UPLOAD_GET,
		      "SELECT id, site_id, user_id, size, name, alt, credit, COALESCE(media_id, 0), done, "
		      "created_at FROM media_upload WHERE id = $1 AND site_id = $2::bigint AND user_id = "
		      "$3::bigint AND created_at >= $4::bigint",
		      &p, fill_upload, out);
}

int pg_store_upload_done(store *s, const char *id, int64_t media_id)
{
	struct pg_params p = {0};
	pg_p_text(&p, id);
	pg_p_i64(&p, media_id);
	return pg_exec(s, M_UPLOAD_DONE,
		       "UPDATE media_upload SET done = 1, media_id = $2::bigint WHERE id = $1", &p, NULL);
}

int pg_store_upload_delete(store *s, const char *id)
{
	struct pg_params p = {0};
	pg_p_text(&p, id);
	return pg_exec(s, M_UPLOAD_DELETE, "DELETE FROM media_upload WHERE id = $1", &p, NULL);
}

int pg_store_upload_expire(store *s, int64_t before)
{
	struct pg_params p = {0};
	pg_p_i64(&p, before);
	return pg_exec(s, M_UPLOAD_EXPIRE, "DELETE FROM media_upload WHERE created_at < $1::bigint", &p,
		       NULL);
}
