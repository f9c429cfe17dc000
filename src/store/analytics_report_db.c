/* analytics_report_db: the reports' reads of analytics_count, grouped by day, article, section, congress,
 * referrer or profile value in SQL (the (site_id, day) index bounds each to the period); one SQL for both. */
#include <string.h>

#include "store/analytics_report.h"
#include "store/db.h"

enum {
	S_REPORT_DAYS = 1020, /* slots 1020-1059 of the seam belong to analytics_report_db.c */
	S_REPORT_ARTICLES,
	S_REPORT_SECTIONS,
	S_REPORT_CONGRESSES,
	S_REPORT_REFERRERS,
	S_REPORT_PROFESSION,
	S_REPORT_SPECIALTY,
	S_REPORT_COUNTRY,
	S_REPORT_TOTALS,
	S_REPORT_SPONSOR_ARTICLES,
	S_REPORT_ARTICLE_TITLE,
	S_END
};
_Static_assert(S_END <= 1060, "analytics_report_db.c owns the seam's statement slots 1020 to 1059");

/* the period's rows of the site, of the sponsor's articles (?4, 0: all), of one article (?5, 0: all) */
#define WHERE                                                                                                \
	" WHERE c.site_id = ?1 AND c.day >= ?2 AND c.day <= ?3 AND (CAST(?4 AS BIGINT) = 0 OR c.article_id " \
	"IN (SELECT sp.article_id FROM article_sponsor sp WHERE sp.sponsor_id = ?4)) "                       \
	"AND (CAST(?5 AS BIGINT) = 0 OR c.article_id = ?5)"
#define SUM_OF(event) "CAST(SUM(CASE WHEN c.event = '" event "' THEN c.n ELSE 0 END) AS BIGINT)"
/* views, reads and plays per article counted */
#define PER_ARTICLE                                                                                          \
	"(SELECT c.article_id, " SUM_OF("view") " AS v, " SUM_OF("read") " AS r, " SUM_OF(                   \
	    "play") " AS p FROM analytics_count c" WHERE " AND c.article_id > 0 GROUP BY c.article_id) t"
/* views per value of a profile field, with the accounts holding each value */
#define AUDIENCE(col)                                                                                        \
	"SELECT 0, t.val, t.v, 0, 0, COALESCE(u.k, 0) FROM (SELECT c." col                                   \
	" AS val, CAST(SUM(c.n) AS BIGINT) "                                                                 \
	"AS v FROM analytics_count c" WHERE " AND c.event = 'view' GROUP BY c." col ") t LEFT JOIN "         \
	"(SELECT " col " AS val, COUNT(*) AS k FROM \"user\" GROUP BY " col                                  \
	") u ON u.val = t.val AND t.val "                                                                    \
	"<> '' ORDER BY t.v DESC, t.val"

static const struct {
	int slot;
	const char *sql;
} queries[] = {
    [REPORT_DAYS] = {S_REPORT_DAYS,
		     "SELECT 0, c.day, " SUM_OF("view") ", " SUM_OF("read") ", 0, 0 "
									    "FROM analytics_count c" WHERE
									    " GROUP BY c.day ORDER BY c.day"},
    [REPORT_ARTICLES] =
	{S_REPORT_ARTICLES,
	 "SELECT t.article_id, COALESCE(a.title, ''), t.v, t.r, t.p, 0 FROM " PER_ARTICLE
	 " LEFT JOIN article a ON a.id = t.article_id ORDER BY t.v DESC, t.r DESC, t.article_id "
	 "LIMIT ?6"},
    [REPORT_SECTIONS] = {S_REPORT_SECTIONS,
			 "SELECT s.id, s.name, CAST(SUM(t.v) AS BIGINT), CAST(SUM(t.r) AS BIGINT), "
			 "CAST(SUM(t.p) AS BIGINT), 0 FROM " PER_ARTICLE
			 " JOIN article a ON a.id = t.article_id JOIN section s ON s.id = a.section_id "
			 "GROUP BY s.id, s.name ORDER BY 3 DESC, s.name"},
    [REPORT_CONGRESSES] = {S_REPORT_CONGRESSES,
			   "SELECT g.id, g.name, CAST(SUM(t.v) AS BIGINT), CAST(SUM(t.r) AS BIGINT), "
			   "CAST(SUM(t.p) AS BIGINT), 0 FROM " PER_ARTICLE
			   " JOIN article a ON a.id = t.article_id JOIN congress g ON g.id = a.congress_id "
			   "GROUP BY g.id, g.name ORDER BY 3 DESC, g.name"},
    [REPORT_REFERRERS] =
	{S_REPORT_REFERRERS,
	 "SELECT 0, c.referrer, CAST(SUM(c.n) AS BIGINT), 0, 0, 0 FROM analytics_count c" WHERE
	 " AND c.event = 'view' AND c.referrer <> '' GROUP BY c.referrer "
	 "ORDER BY 3 DESC, c.referrer LIMIT ?6"},
    [REPORT_PROFESSION] = {S_REPORT_PROFESSION, AUDIENCE("profession")},
    [REPORT_SPECIALTY] = {S_REPORT_SPECIALTY, AUDIENCE("specialty")},
    [REPORT_COUNTRY] = {S_REPORT_COUNTRY, AUDIENCE("country")},
};

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
	x->id = db_col_int64(st, 0);
	x->label = db_col_text(st, pool, 1);
	x->views = db_col_int64(st, 2);
	x->reads = db_col_int64(st, 3);
	x->plays = db_col_int64(st, 4);
	x->accounts = db_col_int64(st, 5);
}

int store_report_lines(store *s, h2o_mem_pool_t *pool, const struct report_filter *f, enum report_kind kind,
		       int limit, struct report_line **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if ((size_t)kind >= sizeof queries / sizeof queries[0])
		return -1;
	struct db_stmt *st = db_prepare(db_of(s), queries[kind].slot, queries[kind].sql);
	bind_filter(st, f);
	if (kind == REPORT_ARTICLES || kind == REPORT_REFERRERS)
		db_bind_int64(st, 6, limit);
	return db_collect(st, pool, sizeof **out, fill_line, (void **)out, n);
}

int store_report_totals(store *s, const struct report_filter *f, struct report_totals *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st =
	    db_prepare(db_of(s), S_REPORT_TOTALS,
		       "SELECT " SUM_OF("view") ", " SUM_OF("read") ", " SUM_OF("play") ", " SUM_OF(
			   "feed") ", " SUM_OF("mail") " FROM analytics_count c" WHERE);
	bind_filter(st, f);
	int rc = db_step(st);
	if (rc == DB_ROW) {
		out->views = db_col_int64(st, 0);
		out->reads = db_col_int64(st, 1);
		out->plays = db_col_int64(st, 2);
		out->feed = db_col_int64(st, 3);
		out->mail = db_col_int64(st, 4);
	}
	db_reset(st);
	return rc == DB_ERROR ? -1 : 0;
}

int store_report_sponsor_articles(store *s, h2o_mem_pool_t *pool, const struct report_filter *f,
				  int64_t until, struct report_line **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), S_REPORT_SPONSOR_ARTICLES,
	    "SELECT a.id, a.title, COALESCE(t.v, 0), COALESCE(t.r, 0), COALESCE(t.p, 0), 0 FROM article a "
	    "JOIN article_sponsor x ON x.article_id = a.id LEFT JOIN " PER_ARTICLE " ON t.article_id = a.id "
	    "WHERE a.site_id = ?1 AND x.sponsor_id = ?4 AND (t.article_id IS NOT NULL OR (a.status IN "
	    "('published', 'scheduled', 'archived') AND a.published_at < ?6)) "
	    "ORDER BY 3 DESC, a.published_at DESC, a.id");
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
