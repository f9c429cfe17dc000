/* whatsnew_db: the reads of a section's "What's new" document (its months, congresses and articles with
 * faculty and references, gated by the reader's level in the SQL), written once on the seam (db.h). */
#include <stdint.h>
#include <string.h>
#include <time.h>

#include "store/public_db.h"

enum {
	W_DAYS = 620, /* slots 620-639 of the seam belong to whatsnew_db.c */
	W_CONGRESSES,
	W_ARTICLES,
	W_PEOPLE,
	W_REFS,
	W_LAST
};
_Static_assert(W_LAST <= 640, "whatsnew_db.c owns the seam's statement slots 620 to 639");

struct quarter_count {
	int64_t quarter, count; /* a quarter of an hour since 1970, and its articles */
};

static void fill_quarter(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	(void)pool;
	struct quarter_count *x = item;
	x->quarter = db_col_int64(st, 0);
	x->count = db_col_int64(st, 1);
}

int store_whatsnew_months(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t section_id,
			  const char *lang, struct whatsnew_month **out, size_t *n)
{
	/* quarters of an hour, not months: both engines divide integers alike, every time zone's offset is a
	 * whole number of them, and the calendar and the site's zone (zone_use's TZ) are C's */
	struct db_stmt *st = db_prepare(
	    db_of(s), W_DAYS,
	    "SELECT a.published_at / 900, count(*) FROM article a WHERE " DB_VISIBLE
	    " AND a.site_id = ?2 AND a.section_id = ?3 AND (CAST(?4 AS INTEGER) = 0 OR " DB_FAMILY_PICK(
		"?5", "?1") ") GROUP BY a.published_at / 900 "
			    "ORDER BY 1 DESC");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, section_id);
	db_bind_int(st, 4, lang != NULL);
	db_bind_text(st, 5, lang ? lang : "");
	struct quarter_count *quarters;
	size_t nd;
	if (db_collect(st, pool, sizeof *quarters, fill_quarter, (void **)&quarters, &nd) != 0)
		return -1;
	struct whatsnew_month *m = h2o_mem_alloc_pool(pool, (nd ? nd : 1) * sizeof *m);
	size_t len = 0;
	for (size_t i = 0; i < nd; i++) {
		time_t t = (time_t)(quarters[i].quarter * 900);
		struct tm tm;
		localtime_r(&t, &tm);
		int y = tm.tm_year + 1900, mo = tm.tm_mon + 1;
		if (len && m[len - 1].year == y && m[len - 1].month == mo) {
			m[len - 1].count += quarters[i].count;
			continue;
		}
		m[len++] = (struct whatsnew_month){.year = y, .month = mo, .count = quarters[i].count};
	}
	*out = m;
	*n = len;
	return 0;
}

static void fill_congress_count(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	db_fill_congress(pool, st, item);
	((struct congress *)item)->article_count = db_col_int(st, 10);
}

int store_whatsnew_congresses(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t section_id,
			      struct congress **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), W_CONGRESSES,
	    "SELECT c.id, c.slug, c.name, c.full_name, c.year, c.starts_on, c.ends_on, c.city, c.country, "
	    "c.description, x.n FROM congress c JOIN (SELECT a.congress_id AS id, count(*) AS n FROM article "
	    "a "
	    "WHERE " DB_VISIBLE " AND a.site_id = ?2 AND a.section_id = ?3 AND a.congress_id IS NOT NULL "
	    "GROUP BY a.congress_id) x ON x.id = c.id ORDER BY c.starts_on DESC, c.name");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, section_id);
	return db_collect(st, pool, sizeof **out, fill_congress_count, (void **)out, n);
}

static void fill_reference(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct reference *x = item;
	x->citation = db_col_text(st, pool, 0);
	x->abstract_no = db_col_text(st, pool, 1);
	x->url = db_col_text(st, pool, 2);
}

static void fill_article_gated(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct article *x = item;
	db_fill_article_cols(pool, st, x);
	x->body_allowed = db_col_int(st, DB_ARTICLE_NCOLS);
}

/* An article's faculty, and its references only when the reader's level reaches its audience. */
static int article_parts(store *s, h2o_mem_pool_t *pool, enum audience reader, struct article *a)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), W_PEOPLE,
	    "SELECT p.id, p.slug, p.name, p.title, p.affiliation, p.photo, ap.role FROM article_person "
	    "ap JOIN person p ON p.id = ap.person_id WHERE ap.article_id = ?1 "
	    "ORDER BY ap.role = 'interviewer', ap.position, p.name");
	db_bind_int64(st, 1, a->id);
	if (db_collect(st, pool, sizeof *a->people, db_fill_person, (void **)&a->people, &a->npeople) != 0)
		return -1;
	st = db_prepare(db_of(s), W_REFS,
			"SELECT r.citation, r.abstract_no, r.url FROM reference r JOIN article a ON a.id = "
			"r.article_id WHERE r.article_id = ?1 AND " DB_AUDIENCE_LEVEL
			" <= CAST(?2 AS INTEGER) ORDER BY r.position, r.id");
	db_bind_int64(st, 1, a->id);
	db_bind_int(st, 2, (int)reader);
	return db_collect(st, pool, sizeof *a->refs, fill_reference, (void **)&a->refs, &a->nrefs);
}

int store_whatsnew_articles(store *s, h2o_mem_pool_t *pool, const struct whatsnew_filter *f,
			    enum audience reader, size_t limit, struct article **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), W_ARTICLES,
	    "SELECT " DB_ARTICLE_COLS ", CASE WHEN " DB_AUDIENCE_LEVEL
	    " <= CAST(?7 AS INTEGER) THEN 1 ELSE 0 END " DB_ARTICLE_JOINS "WHERE " DB_VISIBLE
	    " AND a.site_id = ?2 AND a.section_id = ?3 AND (CAST(?4 AS BIGINT) = 0 OR a.congress_id = ?4) "
	    "AND a.published_at >= ?5 AND a.published_at < ?6 AND (CAST(?9 AS INTEGER) = 0 "
	    "OR " DB_FAMILY_PICK("?10", "?1") ") ORDER BY a.published_at DESC, a.id DESC LIMIT ?8");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, f->site_id);
	db_bind_int64(st, 3, f->section_id);
	db_bind_int64(st, 4, f->congress_id);
	db_bind_int64(st, 5, f->from);
	db_bind_int64(st, 6, f->until);
	db_bind_int(st, 7, (int)reader);
	db_bind_int64(st, 8, (int64_t)limit);
	db_bind_int(st, 9, f->lang != NULL);
	db_bind_text(st, 10, f->lang ? f->lang : "");
	if (db_collect(st, pool, sizeof **out, fill_article_gated, (void **)out, n) != 0)
		return -1;
	for (size_t i = 0; i < *n; i++)
		if (article_parts(s, pool, reader, &(*out)[i]) != 0)
			return -1;
	return 0;
}
