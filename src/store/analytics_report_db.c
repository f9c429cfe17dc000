/* analytics_report_db: the reports' reads of analytics_count, grouped by day, article, section, congress,
 * referrer or profile value in SQL (the (site_id, day) index bounds each to the period); one SQL for both. */
#include <string.h>

#include "store/analytics_report.h"
#include "store/db.h"

enum {
	S_REPORT_DAYS = 1020, /* slots 1020-1059 of the seam belong to analytics_report_db.c */
	S_REPORT_BREAKDOWN,
	S_REPORT_REFERRERS,
	S_REPORT_AUDIENCE,
	S_REPORT_SPONSOR_ARTICLES,
	S_REPORT_ARTICLE_TITLE,
	S_END
};
_Static_assert(S_END <= 1060, "analytics_report_db.c owns the seam's statement slots 1020 to 1059");

/* The period's rows of the site, of the sponsor's articles (?4, 0: all), of one article (?5, 0: all). The
 * day range walks the primary key (day first), which holds n: through the (site_id, day) index SQLite
 * looks every row up in the table again, three to four times slower (docs/design.md, "Reports"); the
 * unary + keeps it off that index (and means nothing to PostgreSQL's planner but the same). */
#define WHERE                                                                                                \
	" WHERE +c.site_id = ?1 AND c.day >= ?2 AND c.day <= ?3 AND (CAST(?4 AS BIGINT) = 0 OR "             \
	"c.article_id "                                                                                      \
	"IN (SELECT sp.article_id FROM article_sponsor sp WHERE sp.sponsor_id = ?4)) "                       \
	"AND (CAST(?5 AS BIGINT) = 0 OR c.article_id = ?5)"
#define SUM_OF(event) "CAST(SUM(CASE WHEN c.event = '" event "' THEN c.n ELSE 0 END) AS BIGINT)"
/* views, reads and plays per article counted, read once (MATERIALIZED: both engines keep it for the three
 * uses) */
#define PER_ARTICLE                                                                                          \
	"WITH t AS MATERIALIZED (SELECT c.article_id, " SUM_OF("view") " AS v, " SUM_OF(                     \
	    "read") " AS r, " SUM_OF("play") " AS p FROM analytics_count c" WHERE                            \
					     " AND c.article_id > 0 GROUP BY c.article_id) "
#define BY(kind, id, name, join)                                                                             \
	"SELECT * FROM (SELECT " kind " AS kind, " id " AS id, " name                                        \
	" AS label, CAST(SUM(t.v) AS BIGINT) AS "                                                            \
	"v, CAST(SUM(t.r) AS BIGINT) AS r, CAST(SUM(t.p) AS BIGINT) AS p, 0 AS k FROM t JOIN article a ON "  \
	"a.id = t.article_id " join " GROUP BY " id ", " name ") x"
/* views per value of the three profile fields, read once, with the accounts holding each value */
#define ONE_FIELD(kind, col)                                                                                 \
	"SELECT * FROM (SELECT " kind " AS kind, 0 AS id, t." col                                            \
	" AS label, CAST(SUM(t.v) AS BIGINT) AS v, "                                                         \
	"0 AS r, 0 AS p, COALESCE(MAX(u.k), 0) AS k FROM t LEFT JOIN (SELECT " col " AS val, COUNT(*) AS k " \
	"FROM \"user\" GROUP BY " col ") u ON u.val = t." col " AND t." col " <> '' GROUP BY t." col ") x"

#define TOP_ARTICLES                                                                                         \
	"SELECT * FROM (SELECT 1 AS kind, t.article_id AS id, COALESCE(a.title, '') AS label, t.v, t.r, "    \
	"t.p, "                                                                                              \
	"0 AS k FROM t LEFT JOIN article a ON a.id = t.article_id ORDER BY t.v DESC, t.r DESC, "             \
	"t.article_id "                                                                                      \
	"LIMIT ?6) x"
#define BY_SECTION BY("2", "s.id", "s.name", "JOIN section s ON s.id = a.section_id")
#define BY_CONGRESS BY("3", "g.id", "g.name", "JOIN congress g ON g.id = a.congress_id")
#define PER_PROFILE                                                                                          \
	"WITH t AS MATERIALIZED (SELECT c.profession, c.specialty, c.country, CAST(SUM(c.n) AS BIGINT) AS "  \
	"v "                                                                                                 \
	"FROM analytics_count c" WHERE                                                                       \
	" AND c.event = 'view' GROUP BY c.profession, c.specialty, c.country) "
#define BY_PROFESSION ONE_FIELD("5", "profession")
#define BY_SPECIALTY ONE_FIELD("6", "specialty")
#define BY_COUNTRY ONE_FIELD("7", "country")

static const char *const breakdown_sql = PER_ARTICLE TOP_ARTICLES
    " UNION ALL " BY_SECTION " UNION ALL " BY_CONGRESS " ORDER BY 1, 4 DESC, 5 DESC, 2, 3";
static const char *const audience_sql =
    PER_PROFILE BY_PROFESSION " UNION ALL " BY_SPECIALTY " UNION ALL " BY_COUNTRY " ORDER BY 1, 4 DESC, 3";
static const char *const days_sql =
    "SELECT 0, 0, c.day, " SUM_OF("view") ", " SUM_OF("read") ", " SUM_OF("play") ", 0, " SUM_OF(
	"feed") ", " SUM_OF("mail") " FROM analytics_count c" WHERE " GROUP BY c.day ORDER BY c.day";
static const char *const referrers_sql =
    "SELECT 4, 0, c.referrer, CAST(SUM(c.n) AS BIGINT), 0, 0, 0 FROM analytics_count c" WHERE
    " AND c.event = 'view' AND c.referrer <> '' GROUP BY c.referrer ORDER BY 4 DESC, c.referrer LIMIT ?6";

static void bind_filter(struct db_stmt *st, const struct report_filter *f)
{
	db_bind_int64(st, 1, f->site_id);
	db_bind_text(st, 2, f->from);
	db_bind_text(st, 3, f->to);
	db_bind_int64(st, 4, f->sponsor_id);
	db_bind_int64(st, 5, f->article_id);
}

static void fill_line(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct report_line *x = item;
	x->kind = db_col_int(st, 0);
	x->id = db_col_int64(st, 1);
	x->label = db_col_text(st, pool, 2);
	x->views = db_col_int64(st, 3);
	x->reads = db_col_int64(st, 4);
	x->plays = db_col_int64(st, 5);
	x->accounts = db_col_int64(st, 6);
	x->feed = x->kind == REPORT_DAYS ? db_col_int64(st, 7) : 0;
	x->mail = x->kind == REPORT_DAYS ? db_col_int64(st, 8) : 0;
}

int store_report_lines(store *s, h2o_mem_pool_t *pool, const struct report_filter *f, enum report_kind kind,
		       int limit, struct report_line **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db *d = db_of(s);
	struct db_stmt *st = kind == REPORT_DAYS	 ? db_prepare(d, S_REPORT_DAYS, days_sql)
			     : kind == REPORT_ARTICLES	 ? db_prepare(d, S_REPORT_BREAKDOWN, breakdown_sql)
			     : kind == REPORT_REFERRERS	 ? db_prepare(d, S_REPORT_REFERRERS, referrers_sql)
			     : kind == REPORT_PROFESSION ? db_prepare(d, S_REPORT_AUDIENCE, audience_sql)
							 : NULL;
	if (!st)
		return -1;
	bind_filter(st, f);
	if (kind == REPORT_ARTICLES || kind == REPORT_REFERRERS)
		db_bind_int64(st, 6, limit);
	return db_collect(st, pool, sizeof **out, fill_line, (void **)out, n);
}

int store_report_sponsor_articles(store *s, h2o_mem_pool_t *pool, const struct report_filter *f,
				  int64_t until, struct report_line **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), S_REPORT_SPONSOR_ARTICLES,
	    PER_ARTICLE
	    "SELECT 1, a.id, a.title, COALESCE(t.v, 0), COALESCE(t.r, 0), COALESCE(t.p, 0), 0 FROM "
	    "article a JOIN article_sponsor x ON x.article_id = a.id LEFT JOIN t ON t.article_id = a.id "
	    "WHERE a.site_id = ?1 AND x.sponsor_id = ?4 AND (t.article_id IS NOT NULL OR (a.status IN "
	    "('published', 'scheduled', 'archived') AND a.published_at < ?6)) "
	    "ORDER BY 4 DESC, a.published_at DESC, a.id");
	bind_filter(st, f);
	db_bind_int64(st, 6, until);
	return db_collect(st, pool, sizeof **out, fill_line, (void **)out, n);
}

static void fill_title(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	*(const char **)item = db_col_text(st, pool, 0);
}

int store_report_article_title(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t article_id,
			       const char **title)
{
	struct db_stmt *st = db_prepare(db_of(s), S_REPORT_ARTICLE_TITLE,
					"SELECT title FROM article WHERE id = ?1 AND site_id = ?2");
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, site_id);
	return db_one(st, pool, fill_title, title);
}
