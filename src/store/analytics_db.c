/* analytics_db: first-party counts (035): batches added by upsert in one transaction, totals and rows read
 * back for tests and reports, and the check a read beacon's article passes; written once on the seam. */
#include <stdio.h>
#include <string.h>

#include "store/analytics.h"
#include "store/db.h"
#include "store/public_db.h"

enum {
	S_ANALYTICS_ADD = 960, /* slots 960-999 of the seam belong to analytics_db.c */
	S_ANALYTICS_TOTAL,
	S_ANALYTICS_ROWS,
	S_ANALYTICS_ARTICLE_OK,
	S_END
};
_Static_assert(S_END <= 1000, "analytics_db.c owns the seam's statement slots 960 to 999");

int store_analytics_add(store *s, const struct analytics_row *rows, size_t n)
{
	if (n == 0)
		return 0;
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const struct analytics_row *x = &rows[i];
		struct db_stmt *st = db_prepare(
		    d, S_ANALYTICS_ADD,
		    "INSERT INTO analytics_count (day, site_id, article_id, event, referrer, profession, "
		    "specialty, "
		    "country, n) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
		    "ON CONFLICT (day, site_id, article_id, event, referrer, profession, specialty, country) "
		    "DO UPDATE SET n = analytics_count.n + excluded.n");
		db_bind_text(st, 1, x->day);
		db_bind_int64(st, 2, x->site_id);
		db_bind_int64(st, 3, x->article_id);
		db_bind_text(st, 4, x->event);
		db_bind_text(st, 5, x->referrer ? x->referrer : "");
		db_bind_text(st, 6, x->profession ? x->profession : "");
		db_bind_text(st, 7, x->specialty ? x->specialty : "");
		db_bind_text(st, 8, x->country ? x->country : "");
		db_bind_int64(st, 9, x->n);
		if (db_exec(st, NULL) != 0) {
			db_rollback(d);
			return -1;
		}
	}
	return db_commit(d);
}

int store_analytics_total(store *s, int64_t site_id, const char *from_day, const char *to_day,
			  const char *event, int64_t article_id, int64_t *total)
{
	struct db_stmt *st = db_prepare(db_of(s), S_ANALYTICS_TOTAL,
					"SELECT CAST(COALESCE(SUM(n), 0) AS BIGINT) FROM analytics_count "
					"WHERE site_id = ?1 AND day >= ?2 AND day <= ?3 "
					"AND (CAST(?4 AS TEXT) IS NULL OR event = ?4) "
					"AND (CAST(?5 AS BIGINT) < -1 OR article_id = ?5)");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, from_day);
	db_bind_text(st, 3, to_day);
	db_bind_text(st, 4, event);
	db_bind_int64(st, 5, article_id);
	*total = 0;
	return db_value(st, total) < 0 ? -1 : 0;
}

static void fill_row(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct analytics_row *x = item;
	const char *day = db_col_text(st, pool, 0);
	snprintf(x->day, sizeof x->day, "%s", day);
	x->site_id = db_col_int64(st, 1);
	x->article_id = db_col_int64(st, 2);
	x->event = db_col_text(st, pool, 3);
	x->referrer = db_col_text(st, pool, 4);
	x->profession = db_col_text(st, pool, 5);
	x->specialty = db_col_text(st, pool, 6);
	x->country = db_col_text(st, pool, 7);
	x->n = db_col_int64(st, 8);
}

int store_analytics_rows(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *from_day,
			 const char *to_day, struct analytics_row **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_ANALYTICS_ROWS,
		       "SELECT day, site_id, article_id, event, referrer, profession, specialty, country, n "
		       "FROM analytics_count WHERE site_id = ?1 AND day >= ?2 AND day <= ?3 "
		       "ORDER BY day, site_id, article_id, event, referrer, profession, specialty, country");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, from_day);
	db_bind_text(st, 3, to_day);
	return db_collect(st, pool, sizeof **out, fill_row, (void **)out, n);
}

int store_analytics_article_ok(store *s, int64_t site_id, int64_t article_id, enum audience level)
{
	struct db_stmt *st = db_prepare(db_of(s), S_ANALYTICS_ARTICLE_OK,
					"SELECT 1 FROM article a WHERE a.id = ?1 AND a.site_id = ?2 "
					"AND a.status IN ('published', 'scheduled') AND a.published_at <= ?3 "
					"AND " DB_AUDIENCE_LEVEL " <= ?4");
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, db_now());
	db_bind_int(st, 4, (int)level);
	int64_t one = 0;
	return db_value(st, &one);
}
