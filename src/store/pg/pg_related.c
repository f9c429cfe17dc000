/* pg_related: "you may also be interested in" on PostgreSQL, scored as sq_related.c scores it: the same
 * trial, the same congress and section, shared topics and faculty, then words in common (FTS5's BM25 made
 * over the search index). */
#include <string.h>

#include "core/buf.h"
#include "store/pg/pg_int.h"
#include "store/pg/pg_search.h"

enum {
	R_FIRST = 419, /* slots 420-449 belong to pg_related.c */
	R_SCORE,
	R_CLEAR,
	R_ADD,
	R_ADD_BACK,
	R_TRIM,
	R_WORDS,
	R_ALL,
	R_LAST
};
_Static_assert(R_LAST <= 450, "statement slots 420-449 belong to pg_related.c");

#define KEEP 24 /* candidates kept per article; readers see the visible best of them */

/* $1 the article, $2 its title's words (\1 between them; "" for none). Candidates come from each signal
 * separately so a section with thousands of articles costs its newest hundred, not all of them. sim is FTS5's
 * bm25() over every column with weight 1: for each word, its inverse document frequency (log((N - n + 0.5) /
 * (n + 0.5)), 1e-6 when not positive) times tf (k1 + 1) / (tf + k1 (1 - b + b |D| / avgdl)), k1 1.2, b 0.75,
 * |D| the article's words and avgdl their mean over every article. A word's n, and its tf and |D| in each
 * article holding it, are read from search_posting's primary key (014_search_postings.sql): no document is
 * decompressed. Words in most articles (idf clamped to 1e-6) add at most a few millionths: when 30 articles
 * hold a rarer word, the best 60 by the rarer words are scored in full and the best 30 of them kept, instead
 * of summing a common word's postings over every article (its thousands of rows were most of a save's time).
 * The best 60 by the rarer words are found as MaxScore finds them: a word adds less than 2.2 idf to any
 * article, so the rarer words of least idf, together under 1.0 at most (rare.below), are read only for the
 * articles that the others put within that much of their 60th best (hit); when the others find fewer than 60
 * articles, or a 60th best under that bound, every rarer word is read for every article (as before). Each
 * sum is made in the order of the words either way, so the scores are the same to the bit.
 * Shared topics and faculty are counted once for every candidate. */
/* a word's term of an article's BM25 (wi.idf, p its posting, st the stats) */
#define BM25 "wi.idf * p.tf::float8 * 2.2 / (p.tf + 1.2 * (0.25 + 0.75 * p.size / GREATEST(st.avgdl, 1)))"
/* a word's postings, by primary key, word after word: OFFSET 0 keeps the planner from joining them to the
 * words by hash over every posting (a sequential scan of millions of rows, its choice on a freshly analysed
 * database: 210-300 ms a save) and keeps each article's sum in the order of the words */
#define POSTINGS_OF_WI                                                                                       \
	"SELECT p.article_id, p.tf, p.size FROM search_posting p WHERE p.lexeme = wi.lexeme OFFSET 0"
#define SCORE_SQL                                                                                            \
	"WITH me AS (SELECT * FROM article WHERE id = $1::bigint), "                                         \
	"st AS (SELECT count(*)::float8 AS n, COALESCE(avg(size), 1)::float8 AS avgdl "                      \
	"FROM article_search_index), "                                                                       \
	"w AS (SELECT l.lexeme COLLATE \"C\" AS lexeme FROM unnest(string_to_array($2, chr(1))) x(t), "      \
	"LATERAL unnest(to_tsvector('plenary', x.t)) l), "                                                   \
	"wi AS MATERIALIZED (SELECT row_number() OVER () AS k, w.lexeme, "                                   \
	"CASE WHEN v.idf > 0 THEN v.idf ELSE 1e-6 END AS idf "                                               \
	"FROM w, st, LATERAL (SELECT ln((st.n - d.df + 0.5) / (d.df + 0.5)) AS idf FROM (SELECT "            \
	"count(*)::float8 AS df FROM search_posting p WHERE p.lexeme = w.lexeme) d) v), "                    \
	"rare AS MATERIALIZED (SELECT wi.*, sum(2.2 * wi.idf) OVER (ORDER BY wi.idf, wi.k) AS below "        \
	"FROM wi WHERE wi.idf > 1e-6), "                                                                     \
	"ese(id, k, c) AS MATERIALIZED (SELECT p.article_id, wi.k, " BM25 " FROM (SELECT * FROM rare "       \
	"WHERE below >= 1.0) wi CROSS JOIN LATERAL (" POSTINGS_OF_WI ") p, st "                              \
	"WHERE p.article_id <> $1::bigint), "                                                                \
	"esc(id, s) AS MATERIALIZED (SELECT id, sum(c) FROM ese GROUP BY id), "                              \
	"bar(t, ok) AS MATERIALIZED (SELECT x.t - m.m - 1e-9, x.t > m.m + 1e-9 FROM (SELECT "                \
	"COALESCE((SELECT "                                                                                  \
	"s FROM esc ORDER BY s DESC OFFSET 59 LIMIT 1), 0) AS t) x, (SELECT COALESCE((SELECT max(below) "    \
	"FROM rare WHERE below < 1.0), 0) AS m) m), "                                                        \
	"hit AS MATERIALIZED (SELECT esc.id FROM esc, bar WHERE esc.s >= bar.t), "                           \
	"pos(id, s) AS MATERIALIZED (SELECT * FROM (SELECT x.id, sum(x.c ORDER BY x.k) FROM (SELECT e.id, "  \
	"e.k, e.c FROM ese e WHERE e.id IN (SELECT id FROM hit) UNION ALL SELECT p.article_id, wi.k, " BM25  \
	" FROM (SELECT * FROM rare WHERE below < 1.0) wi CROSS JOIN LATERAL (SELECT p.article_id, p.tf, "    \
	"p.size FROM search_posting p WHERE p.lexeme = wi.lexeme AND p.article_id = ANY (ARRAY(SELECT id "   \
	"FROM hit)) OFFSET 0) p, st) x GROUP BY x.id ORDER BY 2 DESC, x.id LIMIT 60) f "                     \
	"WHERE (SELECT ok FROM bar) UNION ALL SELECT * FROM (SELECT p.article_id, sum(" BM25 ") "            \
	"FROM (SELECT * FROM wi WHERE wi.idf > 1e-6) wi CROSS JOIN LATERAL (" POSTINGS_OF_WI ") p, st "      \
	"WHERE p.article_id <> $1::bigint GROUP BY p.article_id ORDER BY 2 DESC, p.article_id LIMIT 60) a "  \
	"WHERE NOT (SELECT ok FROM bar)), "                                                                  \
	"common(id, s) AS MATERIALIZED (SELECT p.article_id, sum(" BM25 ") FROM (SELECT * FROM wi "          \
	"WHERE wi.idf <= 1e-6) wi CROSS JOIN LATERAL (SELECT p.article_id, p.tf, p.size "                    \
	"FROM search_posting p WHERE p.lexeme = wi.lexeme "                                                  \
	"AND p.article_id = ANY (ARRAY(SELECT id FROM pos)) OFFSET 0) p, st GROUP BY p.article_id), "        \
	"sim(id, s) AS MATERIALIZED (SELECT * FROM (SELECT pos.id, pos.s + COALESCE((SELECT common.s "       \
	"FROM common WHERE common.id = pos.id), 0) AS s FROM pos WHERE (SELECT count(*) FROM pos) >= 30 "    \
	"ORDER BY 2 DESC, 1 LIMIT 30) e UNION ALL SELECT * FROM (SELECT p.article_id, sum(" BM25 ") "        \
	"FROM wi CROSS JOIN LATERAL (" POSTINGS_OF_WI ") p, st WHERE p.article_id <> $1::bigint "            \
	"AND (SELECT count(*) FROM pos) < 30 GROUP BY p.article_id ORDER BY 2 DESC, p.article_id LIMIT 30) " \
	"f), "                                                                                               \
	"tags(id, n) AS MATERIALIZED (SELECT y.article_id, count(*) FROM article_tag x JOIN article_tag y "  \
	"ON y.tag_id = x.tag_id WHERE x.article_id = $1::bigint AND y.article_id <> $1::bigint "             \
	"GROUP BY y.article_id), "                                                                           \
	"people(id, n) AS MATERIALIZED (SELECT y.article_id, count(*) FROM article_person x "                \
	"JOIN article_person y ON y.person_id = x.person_id WHERE x.article_id = $1::bigint "                \
	"AND y.article_id <> $1::bigint GROUP BY y.article_id), "                                            \
	"cand(id) AS ("                                                                                      \
	"SELECT id FROM article WHERE trial_id = (SELECT trial_id FROM me) AND id <> $1::bigint "            \
	"UNION SELECT id FROM (SELECT id FROM article WHERE congress_id = (SELECT congress_id FROM me) "     \
	"AND id <> $1::bigint ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 200) c "                  \
	"UNION SELECT id FROM (SELECT id FROM article WHERE section_id = (SELECT section_id FROM me) "       \
	"AND id <> $1::bigint ORDER BY published_at DESC NULLS LAST, id DESC LIMIT 100) s "                  \
	"UNION SELECT id FROM tags UNION SELECT id FROM people UNION SELECT id FROM sim) "                   \
	"SELECT b.id, "                                                                                      \
	"(CASE WHEN a.trial_id IS NOT NULL AND b.trial_id = a.trial_id THEN 100 ELSE 0 END) + "              \
	"(CASE WHEN b.congress_id = a.congress_id AND b.section_id = a.section_id THEN 40 "                  \
	"WHEN b.congress_id = a.congress_id THEN 15 WHEN b.section_id = a.section_id THEN 10 ELSE 0 END) + " \
	"8 * COALESCE(tags.n, 0) + 12 * COALESCE(people.n, 0) + LEAST(COALESCE(sim.s, 0), 8.0) AS score "    \
	"FROM cand JOIN article b ON b.id = cand.id JOIN me a ON b.site_id = a.site_id "                     \
	"LEFT JOIN tags ON tags.id = b.id LEFT JOIN people ON people.id = b.id LEFT JOIN sim ON sim.id = "   \
	"b.id "                                                                                              \
	"ORDER BY score DESC, b.published_at DESC NULLS LAST, b.id DESC LIMIT 60"

/* The article's title words of four letters or more (at most 12), \1 between them ("" when it has none). */
static const char *title_words(store *s, h2o_mem_pool_t *pool, int64_t id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	PGresult *r = pg_q(s, R_WORDS, "SELECT title FROM article WHERE id = $1::bigint", &p);
	const char *title = r && PQntuples(r) > 0 ? pg_str(pool, r, 0, 0) : "";
	PQclear(r);
	buf w;
	buf_init(&w, pool);
	int n = 0;
	for (const char *t = title; *t && n < 12;) {
		size_t len = 0;
		while (t[len] && ((t[len] | 0x20) >= 'a' && (t[len] | 0x20) <= 'z'))
			len++;
		if (len >= 4)
			buf_printf(&w, "%s%.*s", n++ ? "\1" : "", (int)len, t);
		t += len ? len : 1;
	}
	return buf_cstr(&w);
}

/* Appends a number to a PostgreSQL array's text ({1,2.5}; the caller closes it). */
static void add_number(buf *b, size_t i, double v)
{
	buf_printf(b, "%s%.17g", i ? "," : "{", v);
}

static int refresh(store *s, h2o_mem_pool_t *pool, int64_t id, int neighbours)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, title_words(s, pool, id));
	PGresult *r = pg_q(s, R_SCORE, SCORE_SQL, &p);
	if (!r)
		return -1;
	/* the scored candidates, best first: the first KEEP into its own list (own), every one into the lists
	 * of its neighbours (back) */
	buf own_ids, own_scores, back_ids, back_scores;
	buf_init(&own_ids, pool);
	buf_init(&own_scores, pool);
	buf_init(&back_ids, pool);
	buf_init(&back_scores, pool);
	size_t nown = 0, nback = 0;
	for (int row = 0; row < PQntuples(r) && row < 60; row++) {
		int64_t other = pg_i64(r, row, 0);
		double score = pg_double(r, row, 1);
		if (score <= 0)
			continue;
		if (row < KEEP) {
			pg_add_id(&own_ids, nown, other);
			add_number(&own_scores, nown++, score);
		}
		pg_add_id(&back_ids, nback, other);
		add_number(&back_scores, nback++, score);
	}
	PQclear(r);
	buf_adds(&own_ids, nown ? "}" : "{}");
	buf_adds(&own_scores, nown ? "}" : "{}");
	buf_adds(&back_ids, nback ? "}" : "{}");
	buf_adds(&back_scores, nback ? "}" : "{}");
	/* its own list, and itself in the lists of its strongest neighbours (each trimmed to KEEP): a
	 * statement each, whatever the number of neighbours */
	struct pg_params c = {0};
	pg_p_i64(&c, id);
	pg_p_i64(&c, neighbours);
	if (pg_exec(s, R_CLEAR,
		    "DELETE FROM article_related WHERE article_id = $1::bigint OR ($2::int <> 0 AND "
		    "related_id = $1::bigint)",
		    &c, NULL) != 0)
		return -1;
	struct pg_params a = {0};
	pg_p_i64(&a, id);
	pg_p_text(&a, buf_cstr(&own_ids));
	pg_p_text(&a, buf_cstr(&own_scores));
	if (nown &&
	    pg_exec(s, R_ADD,
		    "INSERT INTO article_related (article_id, related_id, score) "
		    "SELECT $1::bigint, x.id, x.score FROM unnest($2::bigint[], $3::float8[]) x(id, score)",
		    &a, NULL) != 0)
		return -1;
	if (!neighbours || !nback)
		return 0;
	struct pg_params b = {0};
	pg_p_i64(&b, id);
	pg_p_text(&b, buf_cstr(&back_ids));
	pg_p_text(&b, buf_cstr(&back_scores));
	struct pg_params t = {0};
	pg_p_text(&t, buf_cstr(&back_ids));
	pg_p_i64(&t, KEEP);
	return pg_exec(
		   s, R_ADD_BACK,
		   "INSERT INTO article_related (article_id, related_id, score) "
		   "SELECT x.id, $1::bigint, x.score FROM unnest($2::bigint[], $3::float8[]) x(id, score) "
		   "ON CONFLICT (article_id, related_id) DO UPDATE SET score = EXCLUDED.score",
		   &b, NULL) == 0 &&
		       pg_exec(
			   s, R_TRIM,
			   "DELETE FROM article_related r USING (SELECT article_id, related_id, row_number() "
			   "OVER (PARTITION BY article_id ORDER BY score DESC, related_id DESC) AS k "
			   "FROM article_related WHERE article_id = ANY ($1::bigint[])) t "
			   "WHERE r.article_id = t.article_id AND r.related_id = t.related_id AND t.k > "
			   "$2::bigint",
			   &t, NULL) == 0
		   ? 0
		   : -1;
}

/* The search index is rewritten at commit (006_search.sql): brought up to date first when this transaction
 * changed articles, as the scores read it. */
static int index_now(store *s)
{
	return pg_run(s, "SET CONSTRAINTS search_article_insert, search_article_update IMMEDIATE") == 0 &&
		       pg_run(s, "SET CONSTRAINTS search_article_insert, search_article_update DEFERRED") == 0
		   ? 0
		   : -1;
}

int pg_store_related_rebuild(store *s, h2o_mem_pool_t *pool)
{
	if (index_now(s) != 0)
		return -1;
	PGresult *r = pg_q(s, R_ALL, "SELECT id FROM article ORDER BY id", NULL);
	if (!r)
		return -1;
	size_t n = (size_t)PQntuples(r);
	int64_t *ids = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = pg_i64(r, (int)i, 0);
	PQclear(r);
	for (size_t i = 0; i < n; i++)
		if (refresh(s, pool, ids[i], 0) != 0) /* every list is made whole: no neighbour to update */
			return -1;
	return 0;
}

int pg_store_related_refresh(store *s, h2o_mem_pool_t *pool, int64_t id)
{
	return index_now(s) == 0 ? refresh(s, pool, id, 1) : -1;
}
