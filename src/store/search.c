/* search: full-text search over FTS5: ranked hits with snippets, facet counts and the vocabulary for "did you
 * mean", all behind visibility and the reader's audience level. */
#include <string.h>

#include "store/sqlite_int.h"

enum {
	S_FIRST = 130, /* slots 130-149 belong to search.c */
	S_HITS,
	S_COUNT,
	S_FACET_SECTION,
	S_FACET_CONGRESS,
	S_FACET_YEAR,
	S_FACET_TAG,
	S_FACET_TRIAL,
	S_VOCAB,
	S_LAST
};
_Static_assert(S_LAST <= 150, "statement slots 130-149 belong to search.c");
_Static_assert(S_LAST <= SQ_MORE_STATEMENTS, "statement slots");

/* ?1 now, ?2 site, ?3 match over every column, ?4 the same match without the body, ?5 the reader's level,
 * ?6 section, ?7 congress, ?8 tag, ?9 trial, ?10 publication year (0: any) */
#define SEARCH_FILTER                                                                                        \
	"a.site_id = ?2 AND " VISIBLE                                                                        \
	" AND (?6 = 0 OR a.section_id = ?6) AND (?7 = 0 OR a.congress_id = ?7) "                             \
	"AND (?8 = 0 OR a.id IN (SELECT article_id FROM article_tag WHERE tag_id = ?8)) "                    \
	"AND (?9 = 0 OR a.trial_id = ?9) "                                                                   \
	"AND (?10 = 0 OR CAST(strftime('%Y', a.published_at, 'unixepoch') AS INTEGER) = ?10) "
/* a reader below an article's audience matches it only by the words outside its body, and sees a snippet of
 * its summary: the body never shapes what they are shown */
#define BRANCH(cols, match, level_test)                                                                      \
	"SELECT " cols                                                                                       \
	" FROM article_search f JOIN article a ON a.id = f.rowid WHERE article_search MATCH " match          \
	" AND " AUDIENCE_LEVEL level_test " AND " SEARCH_FILTER
/* title 10, summary 4, body 1, faculty 3, trial 5, references 1, topics 3 */
#define BM25 "bm25(article_search, 10.0, 4.0, 1.0, 3.0, 5.0, 1.0, 3.0)"
#define SNIPPET(col) "snippet(article_search, " col ", char(2), char(3), '…', 28)"
#define IDS                                                                                                  \
	"WITH hits(id) AS (" BRANCH("f.rowid", "?3", " <= ?5") " UNION ALL " BRANCH("f.rowid", "?4",         \
										    " > ?5") ") "

static void bind_query(sqlite3_stmt *st, const struct search_query *q)
{
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, q->site_id);
	sq_bind_text(st, 3, q->match);
	sq_bind_text(st, 4, q->match_public);
	sqlite3_bind_int(st, 5, q->level);
	sqlite3_bind_int64(st, 6, q->section_id);
	sqlite3_bind_int64(st, 7, q->congress_id);
	sqlite3_bind_int64(st, 8, q->tag_id);
	sqlite3_bind_int64(st, 9, q->trial_id);
	sqlite3_bind_int(st, 10, q->year);
}

static void fill_hit(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct search_hit *x = item;
	sq_fill_article_cols(pool, st, &x->article);
	x->snippet = sq_col_str(pool, st, 18);
}

int store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		 struct search_hit **out, size_t *n, size_t *total)
{
	sqlite3_stmt *st = sq_prepare(s, S_COUNT, IDS "SELECT count(*) FROM hits");
	bind_query(st, q);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW)
		return sq_step_error(s, st);
	*total = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	/* relevance, then a boost of up to 1.5 for the newest that fades over months; ties go to the newer */
	st = sq_prepare(
	    s, S_HITS,
	    "WITH hits(id, score, snip) AS (" BRANCH(
		"f.rowid, " BM25 ", " SNIPPET("-1"), "?3",
		" <= ?5") " UNION ALL " BRANCH("f.rowid, " BM25 ", " SNIPPET("1"), "?4",
					       " > ?5") ") "
							"SELECT " ARTICLE_COLS ", h.snip " ARTICLE_JOINS
							"JOIN hits h ON h.id = a.id "
							"ORDER BY h.score * (1.0 + 0.5 / (1.0 + max(?1 - "
							"a.published_at, 0) / 2592000.0)), "
							"a.published_at DESC, a.id DESC LIMIT ?11 OFFSET "
							"?12");
	bind_query(st, q);
	sqlite3_bind_int64(st, 11, (int64_t)limit);
	sqlite3_bind_int64(st, 12, (int64_t)offset);
	return sq_collect(s, pool, st, sizeof **out, fill_hit, (void **)out, n);
}

static void fill_facet(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct facet *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->count = sq_col_i64(st, 3);
}

int store_search_facet(store *s, h2o_mem_pool_t *pool, const struct search_query *q, enum facet_kind kind,
		       struct facet **out, size_t *n)
{
	static const char *const sql[] = {
	    [FACET_SECTION] =
		IDS "SELECT x.id, x.slug, x.name, count(*) FROM hits h JOIN article a ON a.id = h.id "
		    "JOIN section x ON x.id = a.section_id GROUP BY x.id ORDER BY 4 DESC, x.name LIMIT 30",
	    [FACET_CONGRESS] =
		IDS "SELECT x.id, x.slug, x.name, count(*) FROM hits h JOIN article a ON a.id = h.id "
		    "JOIN congress x ON x.id = a.congress_id GROUP BY x.id ORDER BY 4 DESC, x.starts_on "
		    "DESC LIMIT 30",
	    [FACET_YEAR] =
		IDS "SELECT y, '', y, count(*) FROM (SELECT CAST(strftime('%Y', a.published_at, "
		    "'unixepoch') AS INTEGER) AS y FROM hits h JOIN article a ON a.id = h.id) GROUP BY y "
		    "ORDER BY y DESC LIMIT 30",
	    [FACET_TAG] =
		IDS "SELECT x.id, x.slug, x.name, count(*) FROM hits h JOIN article_tag t ON t.article_id = "
		    "h.id JOIN tag x ON x.id = t.tag_id GROUP BY x.id ORDER BY 4 DESC, x.name LIMIT 30",
	    [FACET_TRIAL] =
		IDS "SELECT x.id, x.slug, x.name, count(*) FROM hits h JOIN article a ON a.id = h.id "
		    "JOIN trial x ON x.id = a.trial_id GROUP BY x.id ORDER BY 4 DESC, x.name LIMIT 30",
	};
	sqlite3_stmt *st = sq_prepare(s, S_FACET_SECTION + (int)kind, sql[kind]);
	bind_query(st, q);
	return sq_collect(s, pool, st, sizeof **out, fill_facet, (void **)out, n);
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
