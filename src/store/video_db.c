/* video_db: library videos, an article's video record and its captions (028), written once on the seam. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/public_db.h"
#include "store/editorial.h"
#include "store/video.h"

enum {
	V_FIND = 800, /* slots 800-839 of the seam belong to video_db.c */
	V_INSERT,
	V_COUNT,
	V_LIST,
	V_ONE,
	V_TITLE,
	V_DELETE,
	V_HASH_USED,
	V_ARTICLE,
	V_SAVE,
	V_ARTICLE_DELETE,
	V_CAPTIONS_DELETE,
	V_CAPTIONS,
	V_CAPTIONS_VTT,
	V_CAPTION,
	V_CAPTION_SAVE,
	V_CAPTION_COUNT,
	V_CAPTION_DELETE,
	V_OWNED_FILE,
	V_OWNED_POSTER,
	V_PUBLIC,
	V_END
};
_Static_assert(V_END <= 840, "video_db.c owns the seam's statement slots 800 to 839");

/* a library video and its poster frame, with how many articles (of any status) play it */
#define FILE_COLS                                                                                            \
	"v.id, v.hash, v.container, v.video_codec, v.audio_codec, v.duration_ms, v.width, v.height, "        \
	"v.bytes, "                                                                                          \
	"v.title, v.original_name, COALESCE(v.poster_id, 0), v.created_at, COALESCE(u.name, ''), "           \
	"(SELECT count(*) FROM article_video x WHERE x.file_id = v.id), COALESCE(p.hash, ''), "              \
	"COALESCE(p.kind, ''), COALESCE(p.width, 0), COALESCE(p.height, 0), COALESCE(p.alt, '') "            \
	"FROM video_file v LEFT JOIN \"user\" u ON u.id = v.created_by LEFT JOIN media p ON p.id = "         \
	"v.poster_id "

static void fill_file_at(h2o_mem_pool_t *pool, struct db_stmt *st, int at, struct video_file *x)
{
	x->id = db_col_int64(st, at + 0);
	x->hash = db_col_text(st, pool, at + 1);
	x->container = db_col_text(st, pool, at + 2);
	x->video_codec = db_col_text(st, pool, at + 3);
	x->audio_codec = db_col_text(st, pool, at + 4);
	x->duration_ms = db_col_int64(st, at + 5);
	x->width = db_col_int64(st, at + 6);
	x->height = db_col_int64(st, at + 7);
	x->bytes = db_col_int64(st, at + 8);
	x->title = db_col_text(st, pool, at + 9);
	x->original_name = db_col_text(st, pool, at + 10);
	x->poster_id = db_col_int64(st, at + 11);
	x->created_at = db_col_int64(st, at + 12);
	x->created_by = db_col_text(st, pool, at + 13);
	x->uses = db_col_int64(st, at + 14);
	x->poster.id = x->poster_id;
	x->poster.hash = db_col_text(st, pool, at + 15);
	x->poster.kind = db_col_text(st, pool, at + 16);
	x->poster.width = db_col_int64(st, at + 17);
	x->poster.height = db_col_int64(st, at + 18);
	x->poster.alt = db_col_text(st, pool, at + 19);
}

static void fill_file(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	fill_file_at(pool, st, 0, item);
}

static void audit_video(store *s, int64_t user_id, const char *action, int64_t id, const char *detail)
{
	char target[48];
	snprintf(target, sizeof target, "video:%lld", (long long)id);
	store_audit(s, user_id, action, target, detail);
}

static void audit_article(store *s, int64_t user_id, const char *action, int64_t id, const char *detail)
{
	char target[48];
	snprintf(target, sizeof target, "article:%lld", (long long)id);
	store_audit(s, user_id, action, target, detail);
}

static int64_t find_hash(store *s, int64_t site_id, const char *hash)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), V_FIND, "SELECT id FROM video_file WHERE site_id = ?1 AND hash = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, hash);
	int64_t id = 0;
	int rc = db_value(st, &id);
	return rc < 0 ? -1 : rc ? id : 0;
}

enum save_result store_video_file_add(store *s, int64_t site_id, const struct video_file *v, int64_t user_id,
				      int64_t *id_out)
{
	int64_t found = find_hash(s, site_id, v->hash);
	if (found < 0)
		return SAVE_ERROR;
	if (found) {
		*id_out = found;
		return SAVE_SLUG_TAKEN;
	}
	struct db_stmt *st = db_prepare(
	    db_of(s), V_INSERT,
	    "INSERT INTO video_file (site_id, hash, container, video_codec, audio_codec, duration_ms, width, "
	    "height, bytes, title, original_name, poster_id, created_by, created_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5, "
	    "?6, ?7, ?8, ?9, ?10, ?11, NULLIF(CAST(?12 AS BIGINT), 0), NULLIF(CAST(?13 AS BIGINT), 0), ?14) "
	    "ON CONFLICT (site_id, hash) DO NOTHING RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, v->hash);
	db_bind_text(st, 3, v->container);
	db_bind_text(st, 4, v->video_codec);
	db_bind_text(st, 5, v->audio_codec ? v->audio_codec : "");
	db_bind_int64(st, 6, v->duration_ms);
	db_bind_int64(st, 7, v->width);
	db_bind_int64(st, 8, v->height);
	db_bind_int64(st, 9, v->bytes);
	db_bind_text(st, 10, v->title ? v->title : "");
	db_bind_text(st, 11, v->original_name ? v->original_name : "");
	db_bind_int64(st, 12, v->poster_id);
	db_bind_int64(st, 13, user_id);
	db_bind_int64(st, 14, db_now());
	int64_t id = 0;
	int rc = db_exec_id(st, &id);
	if (rc < 0)
		return SAVE_ERROR;
	if (rc == 0) { /* the same file uploaded at the same moment by another editor: it is that one */
		found = find_hash(s, site_id, v->hash);
		if (found <= 0)
			return SAVE_ERROR;
		*id_out = found;
		return SAVE_SLUG_TAKEN;
	}
	*id_out = id;
	audit_video(s, user_id, "video.create", id, v->title ? v->title : "");
	return SAVE_OK;
}

int store_video_files(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit,
		      struct video_file **out, size_t *n, size_t *total)
{
	struct db *d = db_of(s);
	struct db_stmt *st = db_prepare(d, V_COUNT, "SELECT count(*) FROM video_file WHERE site_id = ?1");
	db_bind_int64(st, 1, site_id);
	int64_t count = 0;
	if (db_value(st, &count) <= 0)
		return -1;
	*total = (size_t)count;
	st = db_prepare(d, V_LIST,
			"SELECT " FILE_COLS "WHERE v.site_id = ?1 ORDER BY v.created_at DESC, v.id DESC "
			"LIMIT ?2 OFFSET ?3");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, (int64_t)limit);
	db_bind_int64(st, 3, (int64_t)offset);
	return db_collect(st, pool, sizeof **out, fill_file, (void **)out, n);
}

int store_video_file_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			   struct video_file *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), V_ONE, "SELECT " FILE_COLS "WHERE v.site_id = ?1 AND v.id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_file, out);
}

enum save_result store_video_file_title(store *s, int64_t site_id, int64_t id, const char *title,
					int64_t user_id)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), V_TITLE, "UPDATE video_file SET title = ?3 WHERE site_id = ?1 AND id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	db_bind_text(st, 3, title);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return SAVE_ERROR;
	if (!changes)
		return SAVE_NOT_FOUND;
	audit_video(s, user_id, "video.update", id, title);
	return SAVE_OK;
}

enum save_result store_video_file_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	/* a video an article plays stays: the editor chooses another first (one statement: the check and the
	 * delete see the same rows) */
	struct db_stmt *st =
	    db_prepare(db_of(s), V_DELETE,
		       "DELETE FROM video_file WHERE site_id = ?1 AND id = ?2 AND NOT EXISTS "
		       "(SELECT 1 FROM article_video x WHERE x.file_id = ?2)");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return SAVE_ERROR;
	if (!changes) {
		struct video_file v;
		h2o_mem_pool_t pool;
		h2o_mem_init_pool(&pool);
		int rc = store_video_file_by_id(s, &pool, site_id, id, &v);
		h2o_mem_clear_pool(&pool);
		return rc < 0 ? SAVE_ERROR : rc ? SAVE_CONFLICT : SAVE_NOT_FOUND;
	}
	audit_video(s, user_id, "video.delete", id, "");
	return SAVE_OK;
}

int store_video_hash_used(store *s, const char *hash)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), V_HASH_USED, "SELECT EXISTS (SELECT 1 FROM video_file WHERE hash = ?1)");
	db_bind_text(st, 1, hash);
	int64_t used = 0;
	if (db_value(st, &used) <= 0)
		return -1;
	return (int)used;
}

/* ---- an article's video ---- */

static void fill_article_video(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct article_video *x = item;
	x->article_id = db_col_int64(st, 0);
	x->file_id = db_col_int64(st, 1);
	x->duration_ms = db_col_int64(st, 2);
	x->poster_id = db_col_int64(st, 3);
	x->chapters = db_col_text(st, pool, 4);
	x->transcript = db_col_text(st, pool, 5);
	x->transcript_plain = db_col_text(st, pool, 6);
	x->recorded_at = db_col_int64(st, 7);
	x->updated_at = db_col_int64(st, 8);
	x->ncaptions = (size_t)db_col_int64(st, 9);
	x->poster.id = db_col_int64(st, 10);
	x->poster.hash = db_col_text(st, pool, 11);
	x->poster.kind = db_col_text(st, pool, 12);
	x->poster.width = db_col_int64(st, 13);
	x->poster.height = db_col_int64(st, 14);
	x->poster.alt = db_col_text(st, pool, 15);
	if (x->file_id)
		fill_file_at(pool, st, 16, &x->file);
	if (!x->duration_ms && x->file.id)
		x->duration_ms = x->file.duration_ms;
}

int store_article_video(store *s, h2o_mem_pool_t *pool, int64_t article_id, struct article_video *out)
{
	/* its own poster, else the file's frame */
	struct db_stmt *st = db_prepare(
	    db_of(s), V_ARTICLE,
	    "SELECT a.article_id, COALESCE(a.file_id, 0), a.duration_ms, COALESCE(a.poster_id, 0), "
	    "a.chapters, "
	    "a.transcript, a.transcript_plain, a.recorded_at, a.updated_at, (SELECT count(*) FROM "
	    "video_caption "
	    "c WHERE c.article_id = a.article_id), COALESCE(q.id, 0), COALESCE(q.hash, ''), COALESCE(q.kind, "
	    "''), COALESCE(q.width, 0), COALESCE(q.height, 0), COALESCE(q.alt, ''), " FILE_COLS
	    "RIGHT JOIN article_video a ON a.file_id = v.id LEFT JOIN media q ON q.id = "
	    "COALESCE(a.poster_id, v.poster_id) WHERE a.article_id = ?1");
	db_bind_int64(st, 1, article_id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_article_video, out);
}

/* 1 when the row `id` of the query in slot belongs to the site (or id is 0), 0 when not, -1. */
static int owned(store *s, int slot, const char *sql, int64_t site_id, int64_t id)
{
	if (!id)
		return 1;
	struct db_stmt *st = db_prepare(db_of(s), slot, sql);
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	int64_t v = 0;
	return db_value(st, &v);
}

enum save_result store_article_video_save(store *s, int64_t site_id, const struct article_video *v,
					  int64_t user_id)
{
	int a = owned(s, V_OWNED_FILE, "SELECT 1 FROM video_file WHERE site_id = ?1 AND id = ?2", site_id,
		      v->file_id);
	int b = owned(s, V_OWNED_POSTER, "SELECT 1 FROM media WHERE site_id = ?1 AND id = ?2", site_id,
		      v->poster_id);
	if (a < 0 || b < 0)
		return SAVE_ERROR;
	if (!a || !b)
		return SAVE_NOT_FOUND;
	struct db_stmt *st = db_prepare(
	    db_of(s), V_SAVE,
	    "INSERT INTO article_video (article_id, file_id, duration_ms, poster_id, chapters, transcript, "
	    "transcript_plain, recorded_at, updated_at) VALUES (?1, NULLIF(CAST(?2 AS BIGINT), 0), ?3, "
	    "NULLIF(CAST(?4 AS BIGINT), 0), ?5, ?6, ?7, ?8, ?9) ON CONFLICT (article_id) DO UPDATE SET "
	    "file_id = excluded.file_id, duration_ms = excluded.duration_ms, poster_id = excluded.poster_id, "
	    "chapters = excluded.chapters, transcript = excluded.transcript, transcript_plain = "
	    "excluded.transcript_plain, recorded_at = excluded.recorded_at, updated_at = "
	    "excluded.updated_at");
	db_bind_int64(st, 1, v->article_id);
	db_bind_int64(st, 2, v->file_id);
	db_bind_int64(st, 3, v->duration_ms);
	db_bind_int64(st, 4, v->poster_id);
	db_bind_text(st, 5, v->chapters ? v->chapters : "");
	db_bind_text(st, 6, v->transcript ? v->transcript : "");
	db_bind_text(st, 7, v->transcript_plain ? v->transcript_plain : "");
	db_bind_int64(st, 8, v->recorded_at);
	db_bind_int64(st, 9, db_now());
	if (db_exec(st, NULL) != 0)
		return SAVE_ERROR;
	audit_article(s, user_id, "article.video", v->article_id, "");
	return SAVE_OK;
}

enum save_result store_article_video_delete(store *s, int64_t article_id, int64_t user_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	struct db_stmt *a =
	    db_prepare(d, V_CAPTIONS_DELETE, "DELETE FROM video_caption WHERE article_id = ?1");
	db_bind_int64(a, 1, article_id);
	struct db_stmt *b =
	    db_prepare(d, V_ARTICLE_DELETE, "DELETE FROM article_video WHERE article_id = ?1");
	db_bind_int64(b, 1, article_id);
	if (db_exec(a, NULL) != 0 || db_exec(b, NULL) != 0) {
		db_rollback(d);
		return SAVE_ERROR;
	}
	if (db_commit(d) != 0)
		return SAVE_ERROR;
	audit_article(s, user_id, "article.video_delete", article_id, "");
	return SAVE_OK;
}

/* ---- captions ---- */

static void fill_caption(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct video_caption *x = item;
	x->lang = db_col_text(st, pool, 0);
	x->label = db_col_text(st, pool, 1);
	x->updated_at = db_col_int64(st, 2);
	x->vtt = db_col_null(st, 3) ? NULL : db_col_text(st, pool, 3);
}

int store_video_captions(store *s, h2o_mem_pool_t *pool, int64_t article_id, int with_vtt,
			 struct video_caption **out, size_t *n)
{
	struct db_stmt *st =
	    with_vtt
		? db_prepare(db_of(s), V_CAPTIONS_VTT,
			     "SELECT lang, label, updated_at, vtt FROM video_caption WHERE article_id = ?1 "
			     "ORDER BY lang")
		: db_prepare(db_of(s), V_CAPTIONS,
			     "SELECT lang, label, updated_at, NULL FROM video_caption WHERE article_id = ?1 "
			     "ORDER BY lang");
	db_bind_int64(st, 1, article_id);
	return db_collect(st, pool, sizeof **out, fill_caption, (void **)out, n);
}

int store_video_caption(store *s, h2o_mem_pool_t *pool, int64_t article_id, const char *lang,
			struct video_caption *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), V_CAPTION,
		       "SELECT lang, label, updated_at, vtt FROM video_caption WHERE article_id = ?1 "
		       "AND lang = ?2");
	db_bind_int64(st, 1, article_id);
	db_bind_text(st, 2, lang);
	return db_one(st, pool, fill_caption, out);
}

enum save_result store_video_caption_save(store *s, int64_t article_id, const struct video_caption *c,
					  int64_t user_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	/* a new language past the limit is refused; replacing one is not */
	struct db_stmt *st = db_prepare(
	    d, V_CAPTION_COUNT, "SELECT count(*) FROM video_caption WHERE article_id = ?1 AND lang <> ?2");
	db_bind_int64(st, 1, article_id);
	db_bind_text(st, 2, c->lang);
	int64_t others = 0;
	if (db_value(st, &others) <= 0) {
		db_rollback(d);
		return SAVE_ERROR;
	}
	if (others >= VIDEO_MAX_CAPTIONS) {
		db_rollback(d);
		return SAVE_CONFLICT;
	}
	st = db_prepare(
	    d, V_CAPTION_SAVE,
	    "INSERT INTO video_caption (article_id, lang, label, vtt, updated_at) VALUES (?1, ?2, ?3, ?4, "
	    "?5) ON CONFLICT (article_id, lang) DO UPDATE SET label = excluded.label, vtt = excluded.vtt, "
	    "updated_at = excluded.updated_at");
	db_bind_int64(st, 1, article_id);
	db_bind_text(st, 2, c->lang);
	db_bind_text(st, 3, c->label);
	db_bind_text(st, 4, c->vtt);
	db_bind_int64(st, 5, db_now());
	if (db_exec(st, NULL) != 0) {
		db_rollback(d);
		return SAVE_ERROR;
	}
	if (db_commit(d) != 0)
		return SAVE_ERROR;
	audit_article(s, user_id, "article.captions", article_id, c->lang);
	return SAVE_OK;
}

enum save_result store_video_caption_delete(store *s, int64_t article_id, const char *lang, int64_t user_id)
{
	struct db_stmt *st = db_prepare(db_of(s), V_CAPTION_DELETE,
					"DELETE FROM video_caption WHERE article_id = ?1 AND lang = ?2");
	db_bind_int64(st, 1, article_id);
	db_bind_text(st, 2, lang);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return SAVE_ERROR;
	if (!changes)
		return SAVE_NOT_FOUND;
	audit_article(s, user_id, "article.captions_delete", article_id, lang);
	return SAVE_OK;
}

/* ---- the sitemap ---- */

static void fill_listing(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct video_listing *x = item;
	x->article_id = db_col_int64(st, 0);
	x->duration_ms = db_col_int64(st, 1);
	x->file_hash = db_col_text(st, pool, 2);
	x->container = db_col_text(st, pool, 3);
	x->poster.hash = db_col_text(st, pool, 4);
	x->poster.kind = db_col_text(st, pool, 5);
	x->poster.width = db_col_int64(st, 6);
	x->poster.id = x->poster.hash[0] ? 1 : 0;
	x->video_url = db_col_text(st, pool, 7);
}

int store_public_videos(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
			struct video_listing **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), V_PUBLIC,
	    "SELECT x.article_id, CASE WHEN x.duration_ms > 0 THEN x.duration_ms ELSE "
	    "COALESCE(f.duration_ms, 0) "
	    "END, COALESCE(f.hash, ''), COALESCE(f.container, ''), COALESCE(p.hash, ''), COALESCE(p.kind, "
	    "''), "
	    "COALESCE(p.width, 0), a.video_url FROM article_video x JOIN article a ON a.id = x.article_id "
	    "LEFT "
	    "JOIN video_file f ON f.id = x.file_id LEFT JOIN media p ON p.id = COALESCE(x.poster_id, "
	    "f.poster_id) "
	    "WHERE " DB_VISIBLE " AND a.site_id = ?2 AND a.audience = 'public' AND (f.id IS NOT NULL OR "
	    "a.video_url <> '') ORDER BY x.article_id LIMIT ?3");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, (int64_t)limit);
	return db_collect(st, pool, sizeof **out, fill_listing, (void **)out, n);
}
