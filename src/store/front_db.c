/* front_db: the front page an editor curates (the highlighted congress, featured and pinned articles in their
 * order), each change audited in its own transaction, written once on the seam (db.h). */
#include <string.h>

#include "store/db.h"
#include "store/public_db.h"
#include "store/front.h"

enum {
	F_CONGRESS = 400, /* slots 400-419 of the seam belong to front_db.c */
	F_ENTRIES,
	F_CARDS,
	F_CONGRESS_OF_SITE,
	F_SET_CONGRESS,
	F_VISIBLE,
	F_PLACE_OF,
	F_COUNT,
	F_INSERT,
	F_IN_PLACE,
	F_PLACE,
	F_DELETE,
	F_END
};
_Static_assert(F_END <= 420, "front_db.c owns the seam's statement slots 400 to 419");

/* The lock of a site's front page (db_xact_lock: this number plus the site's id): writers take turns, so a
 * count of a place and the new last position see the other's rows. */
#define FRONT_LOCK 7284000000LL

/* Most articles a place may hold (the back office refuses more before this; it is the reads' bound too). */
#define FRONT_MAX 50

static void fill_entry(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct front_entry *x = item;
	x->article_id = db_col_int64(st, 0);
	x->place = db_col_text(st, pool, 1);
	x->position = db_col_int64(st, 2);
	x->title = db_col_text(st, pool, 3);
	x->slug = db_col_text(st, pool, 4);
	x->status = db_col_text(st, pool, 5);
	x->visible = db_col_int(st, 6);
}

/* The first column of a one-row statement as a number: 0 or more, or -1 on error. */
static int64_t scalar(struct db_stmt *st)
{
	int rc = db_step(st);
	int64_t v = rc == DB_ROW ? db_col_int64(st, 0) : 0;
	db_reset(st);
	return rc == DB_ERROR ? -1 : v;
}

int store_front(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t *congress_id,
		struct front_entry **out, size_t *n)
{
	struct db *d = db_of(s);
	struct db_stmt *st = db_prepare(
	    d, F_CONGRESS, "SELECT COALESCE(MAX(congress_id), 0) FROM front_page WHERE site_id = ?1");
	db_bind_int64(st, 1, site_id);
	int64_t c = scalar(st);
	if (c < 0)
		return -1;
	*congress_id = c;
	st = db_prepare(d, F_ENTRIES,
			"SELECT f.article_id, f.place, f.position, a.title, a.slug, a.status, CASE WHEN "
			"a.status IN ('published', 'scheduled') AND a.published_at <= ?2 THEN 1 ELSE 0 END "
			"FROM front_article f JOIN article a ON a.id = f.article_id WHERE f.site_id = ?1 "
			"ORDER BY CASE f.place WHEN 'featured' THEN 0 ELSE 1 END, f.position, f.article_id");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, db_now());
	return db_collect(st, pool, sizeof **out, fill_entry, (void **)out, n);
}

static void fill_card(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct article *x = item;
	memset(x, 0, sizeof *x);
	db_fill_article_cols(pool, st, x);
}

int store_front_articles(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *place, const char *lang,
			 size_t limit, struct article **out, size_t *n)
{
	/* a placed article, or its family's member in lang when one is visible */
	struct db_stmt *st = db_prepare(
	    db_of(s), F_CARDS,
	    "SELECT " DB_ARTICLE_COLS DB_ARTICLE_JOINS
	    "JOIN front_article f ON f.site_id = ?2 AND f.place = ?3 AND a.id = COALESCE((SELECT m.id FROM "
	    "article o JOIN article m ON COALESCE(m.family_id, m.id) = COALESCE(o.family_id, o.id) WHERE "
	    "o.id = "
	    "f.article_id AND CAST(?5 AS INTEGER) = 1 AND m.lang = CAST(?6 AS TEXT) AND " DB_VISIBLE_AT(
		"m", "?1") " ORDER BY m.id LIMIT 1), f.article_id) WHERE a.site_id = ?2 AND " DB_VISIBLE
			   " ORDER BY f.position, a.id LIMIT CAST(?4 AS BIGINT)");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_text(st, 3, place);
	db_bind_int64(st, 4, (int64_t)(limit < FRONT_MAX ? limit : FRONT_MAX));
	db_bind_int(st, 5, lang != NULL);
	db_bind_text(st, 6, lang ? lang : "");
	return db_collect(st, pool, sizeof **out, fill_card, (void **)out, n);
}

/* A write transaction holding the site's front page lock: 0, or -1 with none left. */
static int tx_begin(struct db *d, int64_t site_id)
{
	if (db_begin(d) != 0)
		return -1;
	if (db_xact_lock(d, FRONT_LOCK + site_id, 1) != 1) {
		db_rollback(d);
		return -1;
	}
	return 0;
}

enum save_result store_front_set_congress(store *s, int64_t site_id, int64_t congress_id, int64_t user_id)
{
	struct db *d = db_of(s);
	if (tx_begin(d, site_id) != 0)
		return SAVE_ERROR;
	enum save_result rc = SAVE_OK;
	if (congress_id) {
		struct db_stmt *st = db_prepare(
		    d, F_CONGRESS_OF_SITE, "SELECT count(*) FROM congress WHERE site_id = ?1 AND id = ?2");
		db_bind_int64(st, 1, site_id);
		db_bind_int64(st, 2, congress_id);
		int64_t found = scalar(st);
		rc = found < 0 ? SAVE_ERROR : found == 0 ? SAVE_NOT_FOUND : SAVE_OK;
	}
	if (rc == SAVE_OK) {
		struct db_stmt *st = db_prepare(
		    d, F_SET_CONGRESS,
		    "INSERT INTO front_page (site_id, congress_id, updated_at) VALUES (?1, NULLIF(CAST(?2 AS "
		    "BIGINT), 0), ?3) ON CONFLICT (site_id) DO UPDATE SET congress_id = "
		    "excluded.congress_id, "
		    "updated_at = excluded.updated_at");
		db_bind_int64(st, 1, site_id);
		db_bind_int64(st, 2, congress_id);
		db_bind_int64(st, 3, db_now());
		rc = db_exec(st, NULL) == 0 ? SAVE_OK : SAVE_ERROR;
	}
	if (rc == SAVE_OK)
		rc = db_audit_record(s, user_id, "front", "highlight", site_id,
				     congress_id ? "chosen congress" : "automatic");
	return db_end(d, rc);
}

/* The place an article holds on the site's front page: 1 featured, 2 pinned, 0 none, -1 error. */
static int place_of(struct db *d, int64_t site_id, int64_t article_id)
{
	struct db_stmt *st = db_prepare(
	    d, F_PLACE_OF,
	    "SELECT CASE place WHEN 'featured' THEN 1 ELSE 2 END FROM front_article WHERE site_id = ?1 AND "
	    "article_id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, article_id);
	return (int)scalar(st);
}

enum save_result store_front_add(store *s, int64_t site_id, int64_t article_id, const char *place, size_t max,
				 int64_t user_id)
{
	struct db *d = db_of(s);
	if (tx_begin(d, site_id) != 0)
		return SAVE_ERROR;
	struct db_stmt *st =
	    db_prepare(d, F_VISIBLE,
		       "SELECT count(*) FROM article a WHERE a.site_id = ?2 AND a.id = ?3 AND " DB_VISIBLE);
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, article_id);
	int64_t visible = scalar(st);
	enum save_result rc = visible < 0 ? SAVE_ERROR : visible == 0 ? SAVE_NOT_FOUND : SAVE_OK;
	if (rc == SAVE_OK) {
		int held = place_of(d, site_id, article_id);
		rc = held < 0 ? SAVE_ERROR : held > 0 ? SAVE_SLUG_TAKEN : SAVE_OK;
	}
	if (rc == SAVE_OK) {
		st = db_prepare(d, F_COUNT,
				"SELECT count(*) FROM front_article WHERE site_id = ?1 AND place = ?2");
		db_bind_int64(st, 1, site_id);
		db_bind_text(st, 2, place);
		int64_t count = scalar(st);
		rc = count < 0						     ? SAVE_ERROR
		     : count >= (int64_t)(max < FRONT_MAX ? max : FRONT_MAX) ? SAVE_CONFLICT
									     : SAVE_OK;
	}
	if (rc == SAVE_OK) {
		st = db_prepare(
		    d, F_INSERT,
		    "INSERT INTO front_article (site_id, article_id, place, position) SELECT CAST(?1 AS "
		    "BIGINT), CAST(?2 AS BIGINT), CAST(?3 AS TEXT), COALESCE(MAX(position) + 1, 0) FROM "
		    "front_article WHERE site_id = ?1 AND place = ?3");
		db_bind_int64(st, 1, site_id);
		db_bind_int64(st, 2, article_id);
		db_bind_text(st, 3, place);
		rc = db_exec(st, NULL) == 0 ? SAVE_OK : SAVE_ERROR;
	}
	if (rc == SAVE_OK)
		rc = db_audit_record(s, user_id, "article",
				     strcmp(place, "featured") == 0 ? "feature" : "pin", article_id, place);
	return db_end(d, rc);
}

static void fill_id(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	(void)pool;
	*(int64_t *)item = db_col_int64(st, 0);
}

/* Swaps the article with its neighbour in its place (dir -1 up, 1 down) and numbers the place 0, 1, ... */
static enum save_result reorder(struct db *d, int64_t site_id, int64_t article_id, int held, int dir)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int64_t *ids;
	size_t n = 0, at = 0;
	struct db_stmt *st =
	    db_prepare(d, F_IN_PLACE,
		       "SELECT article_id FROM front_article WHERE site_id = ?1 AND place = ?2 "
		       "ORDER BY position, article_id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, held == 1 ? "featured" : "pinned");
	enum save_result rc = SAVE_OK;
	if (db_collect(st, &pool, sizeof *ids, fill_id, (void **)&ids, &n) != 0)
		rc = SAVE_ERROR;
	for (size_t i = 0; rc == SAVE_OK && i < n; i++)
		if (ids[i] == article_id)
			at = i;
	int edge = (dir < 0 && at == 0) || (dir > 0 && at + 1 >= n);
	if (rc == SAVE_OK && !edge) {
		size_t other = dir < 0 ? at - 1 : at + 1;
		int64_t keep = ids[at];
		ids[at] = ids[other];
		ids[other] = keep;
		for (size_t i = 0; rc == SAVE_OK && i < n; i++) {
			st = db_prepare(
			    d, F_PLACE,
			    "UPDATE front_article SET position = ?3 WHERE site_id = ?1 AND article_id = ?2");
			db_bind_int64(st, 1, site_id);
			db_bind_int64(st, 2, ids[i]);
			db_bind_int64(st, 3, (int64_t)i);
			rc = db_exec(st, NULL) == 0 ? SAVE_OK : SAVE_ERROR;
		}
	}
	h2o_mem_clear_pool(&pool);
	return rc;
}

/* Moves (dir -1 up, 1 down) or removes (dir 0) an article of the front page, audited. */
static enum save_result change(store *s, int64_t site_id, int64_t article_id, int dir, int64_t user_id)
{
	struct db *d = db_of(s);
	if (tx_begin(d, site_id) != 0)
		return SAVE_ERROR;
	int held = place_of(d, site_id, article_id);
	enum save_result rc = held < 0 ? SAVE_ERROR : held == 0 ? SAVE_NOT_FOUND : SAVE_OK;
	if (rc == SAVE_OK && dir)
		rc = reorder(d, site_id, article_id, held, dir);
	if (rc == SAVE_OK && !dir) {
		struct db_stmt *st = db_prepare(
		    d, F_DELETE, "DELETE FROM front_article WHERE site_id = ?1 AND article_id = ?2");
		db_bind_int64(st, 1, site_id);
		db_bind_int64(st, 2, article_id);
		rc = db_exec(st, NULL) == 0 ? SAVE_OK : SAVE_ERROR;
	}
	if (rc == SAVE_OK)
		rc = db_audit_record(s, user_id, "article",
				     dir < 0   ? "front-up"
				     : dir > 0 ? "front-down"
					       : "front-remove",
				     article_id, held == 1 ? "featured" : "pinned");
	return db_end(d, rc);
}

enum save_result store_front_move(store *s, int64_t site_id, int64_t article_id, int dir, int64_t user_id)
{
	return change(s, site_id, article_id, dir < 0 ? -1 : 1, user_id);
}

enum save_result store_front_remove(store *s, int64_t site_id, int64_t article_id, int64_t user_id)
{
	return change(s, site_id, article_id, 0, user_id);
}
