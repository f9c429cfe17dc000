/* search: full-text search over FTS5 in one pass over the hits: ranking, count and facets from the same
 * rows, then the page's articles and snippets; "did you mean" reads the public vocabulary. Everything is
 * behind visibility and the reader's audience level. */
#include <stdlib.h>
#include <time.h>
#include <string.h>

#include "core/buf.h"
#include "store/sqlite_int.h"

enum {
	S_FIRST = 130, /* slots 130-149 belong to search.c */
	S_HITS,
	S_ARTICLE,
	S_SNIPPET,
	S_TAGS,
	S_NAMES_SECTION,
	S_NAMES_CONGRESS,
	S_NAMES_TRIAL,
	S_NAMES_TAG,
	S_VOCAB,
	S_LAST
};
_Static_assert(S_LAST <= 150, "statement slots 130-149 belong to search.c");
_Static_assert(S_LAST <= SQ_MORE_STATEMENTS, "statement slots");

#define MAX_HITS 200000 /* more than any site holds; a guard, not a page size */

/* ?1 now, ?2 site, ?3 the match within the columns this reader may match, ?6 section, ?7 congress, ?8 tag,
 * ?9 trial, ?10 publication year (0: any) */
#define SEARCH_FILTER                                                                                        \
	"a.site_id = ?2 AND " VISIBLE                                                                        \
	" AND (?6 = 0 OR a.section_id = ?6) AND (?7 = 0 OR a.congress_id = ?7) "                             \
	"AND (?8 = 0 OR a.id IN (SELECT article_id FROM article_tag WHERE tag_id = ?8)) "                    \
	"AND (?9 = 0 OR a.trial_id = ?9) "                                                                   \
	"AND (?10 = 0 OR a.published_at BETWEEN ?11 AND ?12) "
/* title 10, summary 4, each audience's body 1, faculty 3, trial 5, references 1, topics 3 (bm25 is negative:
 * lower is better). CROSS JOIN keeps the full-text match as the outer loop; the other order would run the
 * match once per article. */
#define HITS_SQL                                                                                             \
	"SELECT a.id, a.section_id, IFNULL(a.congress_id, 0), a.published_at, IFNULL(a.trial_id, 0), "       \
	"bm25(article_search, 10.0, 4.0, 1.0, 1.0, 1.0, 1.0, 3.0, 5.0, 1.0, 3.0) "                           \
	"FROM article_search f CROSS JOIN article a ON a.id = f.rowid WHERE article_search MATCH ?3 "        \
	"AND " SEARCH_FILTER

/* The columns a reader of each level may match: the bodies of audiences above them are left out, so a
 * body never shapes what a reader is shown (matches, ranking, snippets). */
static const char *const readable[] = {
    "{title summary body people trial refs topics}",
    "{title summary body body_members people trial refs topics}",
    "{title summary body body_members body_hcp people trial refs topics}",
    "{title summary body body_members body_hcp body_verified people trial refs topics}"};

struct row {
	int64_t id, section, congress, trial, published;
	double score;
};

/* The match restricted to what a reader of q's level may match; for a snippet, also without the title (the
 * result shows it already: a hit only by its title gets its summary as snippet). */
static const char *filtered(h2o_mem_pool_t *pool, const struct search_query *q, int for_snippet)
{
	buf b;
	buf_init(&b, pool);
	const char *cols = readable[q->level < 0 ? 0 : q->level > 3 ? 3 : q->level];
	buf_printf(&b, "%s%s : (%s)", for_snippet ? "{" : "", for_snippet ? cols + strlen("{title ") : cols,
		   q->match);
	return buf_cstr(&b);
}

/* The Unix time of 1 January of a year, UTC. */
static int64_t year_start(int year)
{
	struct tm tm = {.tm_year = year - 1900, .tm_mday = 1};
	return (int64_t)timegm(&tm);
}

static int64_t year_of(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	return tm.tm_year + 1900;
}

static int by_rank(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	if (x->published != y->published)
		return x->published > y->published ? -1 : 1;
	return x->id > y->id ? -1 : x->id < y->id;
}

/* Every hit's id, facets and score, ranked: malloc'd rows (the caller frees), or -1. The score is
 * relevance times a boost of up to 1.5 for the newest that fades over months. */
static int all_hits(store *s, h2o_mem_pool_t *pool, const struct search_query *q, struct row **out, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(s, S_HITS, HITS_SQL);
	int64_t now = store_now();
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, q->site_id);
	sq_bind_text(st, 3, filtered(pool, q, 0));
	sqlite3_bind_int64(st, 6, q->section_id);
	sqlite3_bind_int64(st, 7, q->congress_id);
	sqlite3_bind_int64(st, 8, q->tag_id);
	sqlite3_bind_int64(st, 9, q->trial_id);
	sqlite3_bind_int(st, 10, q->year);
	sqlite3_bind_int64(st, 11, q->year ? year_start(q->year) : 0);
	sqlite3_bind_int64(st, 12, q->year ? year_start(q->year + 1) - 1 : 0);
	size_t cap = 256, len = 0;
	struct row *rows = malloc(cap * sizeof *rows);
	int rc = SQLITE_DONE;
	while (rows && len < MAX_HITS && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (len == cap) {
			struct row *more = realloc(rows, (cap *= 2) * sizeof *rows);
			if (!more) {
				free(rows);
				rows = NULL;
				break;
			}
			rows = more;
		}
		int64_t published = sqlite3_column_int64(st, 3);
		double age = published < now ? (double)(now - published) : 0;
		rows[len++] =
		    (struct row){sqlite3_column_int64(st, 0),
				 sqlite3_column_int64(st, 1),
				 sqlite3_column_int64(st, 2),
				 sqlite3_column_int64(st, 4),
				 published,
				 sqlite3_column_double(st, 5) * (1.0 + 0.5 / (1.0 + age / 2592000.0))};
	}
	if (!rows) {
		sqlite3_reset(st);
		return -1;
	}
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		free(rows);
		return sq_step_error(s, st);
	}
	sqlite3_reset(st);
	qsort(rows, len, sizeof *rows, by_rank);
	*out = rows;
	*n = len;
	return 0;
}

/* ---- facets: counted in C from the rows, named by one query per kind ---- */

struct counter {
	int64_t id, count;
};

static void count_value(struct counter *c, size_t *n, size_t cap, int64_t id)
{
	if (!id)
		return;
	for (size_t i = 0; i < *n; i++)
		if (c[i].id == id) {
			c[i].count++;
			return;
		}
	if (*n < cap)
		c[(*n)++] = (struct counter){id, 1};
}

static int by_count(const void *a, const void *b)
{
	const struct counter *x = a, *y = b;
	return x->count != y->count ? (x->count > y->count ? -1 : 1) : (x->id > y->id ? -1 : x->id < y->id);
}

static const char *json_ids(h2o_mem_pool_t *pool, const struct counter *c, size_t n)
{
	buf b;
	buf_init(&b, pool);
	buf_addc(&b, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", (long long)c[i].id);
	buf_addc(&b, ']');
	return buf_cstr(&b);
}

#define FACET_MAX 30
#define COUNTER_CAP 4096

/* Turns counters into named facets, largest first, at most FACET_MAX. */
static int name_facets(store *s, h2o_mem_pool_t *pool, enum facet_kind kind, struct counter *c, size_t n,
		       struct facet **out, size_t *nout)
{
	qsort(c, n, sizeof *c, by_count);
	if (n > FACET_MAX)
		n = FACET_MAX;
	struct facet *f = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof *f);
	for (size_t i = 0; i < n; i++)
		f[i] = (struct facet){c[i].id, "", "", c[i].count};
	*out = f;
	*nout = n;
	if (kind == FACET_YEAR || n == 0)
		return 0;
	static const char *const sql[] = {
	    [FACET_SECTION] =
		"SELECT id, slug, name FROM section WHERE id IN (SELECT value FROM json_each(?1))",
	    [FACET_CONGRESS] =
		"SELECT id, slug, name FROM congress WHERE id IN (SELECT value FROM json_each(?1))",
	    [FACET_TAG] = "SELECT id, slug, name FROM tag WHERE id IN (SELECT value FROM json_each(?1))",
	    [FACET_TRIAL] = "SELECT id, slug, name FROM trial WHERE id IN (SELECT value FROM json_each(?1))",
	};
	static const int slots[] = {[FACET_SECTION] = S_NAMES_SECTION,
				    [FACET_CONGRESS] = S_NAMES_CONGRESS,
				    [FACET_TAG] = S_NAMES_TAG,
				    [FACET_TRIAL] = S_NAMES_TRIAL};
	sqlite3_stmt *st = sq_prepare(s, slots[kind], sql[kind]);
	sq_bind_text(st, 1, json_ids(pool, c, n));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		for (size_t i = 0; i < n; i++)
			if (f[i].id == id) {
				f[i].slug = sq_col_str(pool, st, 1);
				f[i].name = sq_col_str(pool, st, 2);
			}
	}
	if (rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return 0;
}

/* Topics are many per article: counted by the database over the hits' ids. */
static int tag_counts(store *s, h2o_mem_pool_t *pool, const struct row *rows, size_t n, struct counter *c,
		      size_t *nc)
{
	buf b;
	buf_init(&b, pool);
	buf_addc(&b, '[');
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%lld", i ? "," : "", (long long)rows[i].id);
	buf_addc(&b, ']');
	sqlite3_stmt *st = sq_prepare(s, S_TAGS,
				      "SELECT x.tag_id, count(*) FROM json_each(?1) j JOIN article_tag x "
				      "ON x.article_id = j.value GROUP BY x.tag_id");
	sq_bind_text(st, 1, buf_cstr(&b));
	int rc;
	*nc = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && *nc < COUNTER_CAP)
		c[(*nc)++] = (struct counter){sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1)};
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return 0;
}

static int facets(store *s, h2o_mem_pool_t *pool, const struct row *rows, size_t n, struct search_result *out)
{
	struct counter *c = malloc(COUNTER_CAP * sizeof *c);
	if (!c)
		return -1;
	int rc = 0;
	for (int kind = FACET_SECTION; kind <= FACET_TRIAL && rc == 0; kind++) {
		size_t nc = 0;
		if (kind == FACET_TAG) {
			rc = tag_counts(s, pool, rows, n, c, &nc);
		} else {
			for (size_t i = 0; i < n; i++) {
				const struct row *x = &rows[i];
				count_value(c, &nc, COUNTER_CAP,
					    kind == FACET_SECTION    ? x->section
					    : kind == FACET_CONGRESS ? x->congress
					    : kind == FACET_YEAR     ? year_of(x->published)
								     : x->trial);
			}
		}
		if (rc == 0)
			rc = name_facets(s, pool, (enum facet_kind)kind, c, nc, &out->facets[kind],
					 &out->nfacets[kind]);
	}
	free(c);
	return rc;
}

/* ---- the page: its articles and their snippets ---- */

static int page(store *s, h2o_mem_pool_t *pool, const char *match, const struct row *rows, size_t n,
		struct search_result *out)
{
	out->hits = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof *out->hits);
	out->nhits = 0;
	for (size_t i = 0; i < n; i++) {
		struct search_hit *h = &out->hits[out->nhits];
		memset(h, 0, sizeof *h);
		sqlite3_stmt *st =
		    sq_prepare(s, S_ARTICLE, "SELECT " ARTICLE_COLS ARTICLE_JOINS "WHERE a.id = ?1");
		sqlite3_bind_int64(st, 1, rows[i].id);
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW)
			sq_fill_article_cols(pool, st, &h->article);
		else if (rc != SQLITE_DONE)
			return sq_step_error(s, st);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW)
			continue;
		/* the snippet comes from the columns this reader may match, never a body above them */
		st = sq_prepare(
		    s, S_SNIPPET,
		    "SELECT snippet(article_search, -1, char(2), char(3), '…', 28) FROM article_search "
		    "WHERE article_search MATCH ?1 AND rowid = ?2");
		sq_bind_text(st, 1, match);
		sqlite3_bind_int64(st, 2, rows[i].id);
		rc = sqlite3_step(st);
		h->snippet = rc == SQLITE_ROW ? sq_col_str(pool, st, 0) : h->article.summary;
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return sq_step_error(s, st);
		sqlite3_reset(st);
		out->nhits++;
	}
	return 0;
}

int store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		 int with_facets, struct search_result *out)
{
	memset(out, 0, sizeof *out);
	struct row *rows = NULL;
	size_t n = 0;
	if (all_hits(s, pool, q, &rows, &n) != 0)
		return -1;
	out->total = n;
	int rc = offset < n ? page(s, pool, filtered(pool, q, 1), rows + offset,
				   n - offset < limit ? n - offset : limit, out)
			    : 0;
	if (rc == 0 && with_facets)
		rc = facets(s, pool, rows, n, out);
	free(rows);
	return rc;
}

static void fill_facet(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct facet *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->count = sq_col_i64(st, 3);
}

int store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *from, const char *to, struct facet **out,
		       size_t *n)
{
	/* id: documents holding the term; name: the term */
	sqlite3_stmt *st =
	    sq_prepare(s, S_VOCAB,
		       "SELECT doc, '', term, doc FROM search_vocab WHERE term >= ?1 AND term < ?2 "
		       "LIMIT 5000");
	sq_bind_text(st, 1, from);
	sq_bind_text(st, 2, to);
	return sq_collect(s, pool, st, sizeof **out, fill_facet, (void **)out, n);
}
