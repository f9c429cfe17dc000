/* desk_db: the editors' desk: the calendar's articles and who has which article open, written once on the
 * seam (db.h). */
#include <string.h>

#include "store/db.h"
#include "store/desk.h"

enum {
	K_CALENDAR = 420, /* slots 420-439 of the seam belong to desk_db.c */
	K_PRESENCE_MARK,
	K_PRESENCE_PRUNE,
	K_PRESENCE_OTHERS,
	K_PRESENCE_SITE,
	K_PRESENCE_LEAVE,
	K_END
};
_Static_assert(K_END <= 440, "desk_db.c owns the seam's statement slots 420 to 439");

static void fill_day_item(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct calendar_item *x = item;
	x->id = db_col_int64(st, 0);
	x->title = db_col_text(st, pool, 1);
	x->status = db_col_text(st, pool, 2);
	x->at = db_col_int64(st, 3);
	x->section = db_col_text(st, pool, 4);
}

int store_calendar(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t to, size_t limit,
		   struct calendar_item **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), K_CALENDAR,
		       "SELECT a.id, a.title, a.status, a.published_at, COALESCE(s.name, '') FROM article a "
		       "LEFT JOIN section s ON s.id = a.section_id WHERE a.site_id = ?1 AND a.status IN "
		       "('scheduled', 'published') AND a.published_at >= ?2 AND a.published_at < ?3 "
		       "ORDER BY a.published_at, a.id LIMIT ?4");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, from);
	db_bind_int64(st, 3, to);
	db_bind_int64(st, 4, (int64_t)limit);
	return db_collect(st, pool, sizeof **out, fill_day_item, (void **)out, n);
}

int store_presence_mark(store *s, int64_t article_id, int64_t user_id)
{
	struct db *d = db_of(s);
	/* rows an hour old are of editors long gone: each mark clears them */
	struct db_stmt *st =
	    db_prepare(d, K_PRESENCE_PRUNE, "DELETE FROM article_presence WHERE seen_at < ?1");
	db_bind_int64(st, 1, db_now() - 3600);
	if (db_exec(st, NULL) != 0)
		return -1;
	st = db_prepare(d, K_PRESENCE_MARK,
			"INSERT INTO article_presence (article_id, user_id, seen_at) VALUES (?1, ?2, ?3) "
			"ON CONFLICT (article_id, user_id) DO UPDATE SET seen_at = excluded.seen_at");
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, user_id);
	db_bind_int64(st, 3, db_now());
	return db_exec(st, NULL);
}

int store_presence_leave(store *s, int64_t article_id, int64_t user_id)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), K_PRESENCE_LEAVE,
		       "DELETE FROM article_presence WHERE article_id = ?1 AND user_id = ?2");
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, user_id);
	return db_exec(st, NULL);
}

static void fill_presence(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct presence *x = item;
	x->article_id = db_col_int64(st, 0);
	x->name = db_col_text(st, pool, 1);
	x->seen_at = db_col_int64(st, 2);
}

int store_presence_others(store *s, h2o_mem_pool_t *pool, int64_t article_id, int64_t user_id, int64_t since,
			  struct presence **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), K_PRESENCE_OTHERS,
		       "SELECT p.article_id, CASE WHEN u.name = '' THEN u.email ELSE u.name END, p.seen_at "
		       "FROM article_presence p JOIN \"user\" u ON u.id = p.user_id WHERE p.article_id = ?1 "
		       "AND p.user_id <> ?2 AND p.seen_at >= ?3 ORDER BY p.seen_at DESC, p.user_id LIMIT 5");
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, user_id);
	db_bind_int64(st, 3, since);
	return db_collect(st, pool, sizeof **out, fill_presence, (void **)out, n);
}

int store_presence_site(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id, int64_t since,
			struct presence **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), K_PRESENCE_SITE,
		       "SELECT p.article_id, CASE WHEN u.name = '' THEN u.email ELSE u.name END, p.seen_at "
		       "FROM article_presence p JOIN \"user\" u ON u.id = p.user_id JOIN article a ON a.id = "
		       "p.article_id "
		       "WHERE a.site_id = ?1 AND p.user_id <> ?2 AND p.seen_at >= ?3 "
		       "ORDER BY p.article_id, p.seen_at DESC LIMIT 500");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, user_id);
	db_bind_int64(st, 3, since);
	return db_collect(st, pool, sizeof **out, fill_presence, (void **)out, n);
}
