/* pg_search: full-text search on PostgreSQL, its hits read from the words' postings (pg_search_hits.c),
 * counted, paged and snippeted as sq_search.c does it over FTS5; "did you mean" reads the public vocabulary.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/pg/pg_int.h"
#include "store/pg/pg_search.h"
#include "store/rank.h"
#include "store/search.h"

enum {
	S_FIRST = 369, /* slots 370-394 belong to pg_search.c */
	S_ARTICLES,
	S_NAMES,
	S_VERSION,
	S_VOCAB,
	S_VOCAB_LIVE,
	S_TERMS_CLEAR,
	S_TERMS_FILL,
	S_TERMS_DONE,
	S_LAST
};
_Static_assert(S_LAST <= 395, "statement slots 370-394 belong to pg_search.c (395-409 to pg_search_hits.c)");

/* ---- the query: the parsed clauses, as FTS5's text of them is read (sq_fts5_query.c) ---- */

/* q's clauses with a word, the included ones first, at most SEARCH_MAX_CLAUSES of them and SEARCH_MAX_WORDS
 * words in all (the included ones' first); OR only between included ones. */
static void parse_clauses(const struct search_query *q, struct parsed *out)
{
	memset(out, 0, sizeof *out);
	size_t n = q->nclauses < SEARCH_MAX_CLAUSES ? q->nclauses : SEARCH_MAX_CLAUSES,
	       left = SEARCH_MAX_WORDS, alts = SEARCH_MAX_ALTS;
	for (int excluded = 0; excluded < 2; excluded++)
		for (size_t i = 0; i < n && out->n < MAX_TERMS; i++) {
			struct search_clause c = q->clauses[i];
			if (!c.exclude != !excluded || c.nwords == 0 || left == 0)
				continue;
			c.nwords = c.nwords < left ? c.nwords : left;
			left -= c.nwords;
			c.exclude = excluded;
			c.or_before = c.or_before && !excluded;
			if ((unsigned)c.column > SEARCH_TOPICS)
				c.column = SEARCH_ANY;
			const struct search_clause *alt = c.alts;
			size_t nalt = c.nalts;
			c.alts = NULL;
			c.nalts = 0;
			if (pg_clause_word_count(&c) == 0)
				continue;
			int main = out->n;
			out->alt_of[out->n] = -1;
			out->t[out->n++] = c;
			/* its alternatives, each whole, as sq_fts5_query.c reads them */
			for (size_t a = 0; a < nalt && alts > 0 && out->n < MAX_TERMS; a++) {
				if (alt[a].nwords == 0 || alt[a].nwords > left)
					continue;
				struct search_clause x = {alt[a].words, alt[a].nwords, 1, 0, excluded, 0,
							  c.column,	NULL,	       0};
				left -= x.nwords;
				alts--;
				if (pg_clause_word_count(&x) == 0)
					continue;
				out->alt_of[out->n] = main;
				out->t[out->n++] = x;
			}
		}
}

void pg_fold_alts(const struct parsed *q, const int *in, int *out)
{
	for (int t = 0; t < q->n; t++)
		out[t] = q->alt_of[t] < 0 && in[t];
	for (int t = 0; t < q->n; t++)
		if (q->alt_of[t] >= 0 && in[t])
			out[q->alt_of[t]] = 1;
}

/* ---- facets: counted by rank.c from the hits, named by one query per kind (as sq_search.c) ---- */

void pg_add_id(buf *b, size_t i, int64_t id)
{
	buf_printf(b, "%s%lld", i ? "," : "{", (long long)id);
}

/* $1-$4 the ids of the sections, congresses, topics and trials counted: their names, each row's kind first
 * (facet_kind), in one statement. */
#define NAMES_SQL                                                                                            \
	"SELECT 0, id, slug, name FROM section WHERE id = ANY ($1::bigint[]) UNION ALL "                     \
	"SELECT 1, id, slug, name FROM congress WHERE id = ANY ($2::bigint[]) UNION ALL "                    \
	"SELECT 3, id, slug, name FROM tag WHERE id = ANY ($3::bigint[]) UNION ALL "                         \
	"SELECT 4, id, slug, name FROM trial WHERE id = ANY ($4::bigint[])"
_Static_assert(FACET_SECTION == 0 && FACET_CONGRESS == 1 && FACET_TAG == 3 && FACET_TRIAL == 4,
	       "NAMES_SQL's kinds");

static int name_facets(store *s, h2o_mem_pool_t *pool, struct search_result *out)
{
	static const int kinds[] = {FACET_SECTION, FACET_CONGRESS, FACET_TAG, FACET_TRIAL};
	struct pg_params p = {0};
	size_t named = 0;
	for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
		struct facet *f = out->facets[kinds[k]];
		size_t n = out->nfacets[kinds[k]];
		buf ids;
		buf_init(&ids, pool);
		buf_addc(&ids, '{');
		for (size_t i = 0; i < n; i++)
			buf_printf(&ids, "%s%lld", i ? "," : "", (long long)f[i].id);
		buf_addc(&ids, '}');
		pg_p_text(&p, buf_cstr(&ids));
		named += n;
	}
	if (!named)
		return 0;
	PGresult *r = pg_q(s, S_NAMES, NAMES_SQL, &p);
	if (!r)
		return -1;
	for (int row = 0; row < PQntuples(r); row++) {
		int kind = (int)pg_i64(r, row, 0);
		if (kind >= 0 && kind < FACET_KINDS && kind != FACET_YEAR)
			rank_name(out->facets[kind], out->nfacets[kind], pg_i64(r, row, 1),
				  pg_str(pool, r, row, 2), pg_str(pool, r, row, 3));
	}
	PQclear(r);
	return 0;
}

/* ---- the page ---- */

static int page(store *s, h2o_mem_pool_t *pool, const struct search_query *q, const struct parsed *terms,
		const struct hit *rows, size_t n, struct search_result *out)
{
	out->hits = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof *out->hits);
	out->nhits = 0;
	if (n == 0)
		return 0;
	buf ids;
	buf_init(&ids, pool);
	for (size_t i = 0; i < n; i++)
		pg_add_id(&ids, i, rows[i].fact->id);
	buf_addc(&ids, '}');
	struct pg_params p = {0};
	pg_p_text(&p, buf_cstr(&ids));
	PGresult *r = pg_q(s, S_ARTICLES,
			   "SELECT " PG_ARTICLE_COLS PG_ARTICLE_JOINS "WHERE a.id = ANY ($1::bigint[])", &p);
	if (!r)
		return -1;
	for (size_t i = 0; i < n; i++)
		for (int row = 0; row < PQntuples(r); row++)
			if (pg_i64(r, row, 0) == rows[i].fact->id) {
				struct search_hit *h = &out->hits[out->nhits++];
				memset(h, 0, sizeof *h);
				pg_fill_article_cols(pool, r, row, &h->article);
				break;
			}
	PQclear(r);
	/* the snippet comes from the columns this reader may match, never a body above them */
	return pg_snippets(s, pool, q, terms, out);
}

int pg_store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		    int with_facets, struct search_result *out)
{
	memset(out, 0, sizeof *out);
	struct parsed *terms = h2o_mem_alloc_pool(pool, sizeof *terms);
	parse_clauses(q, terms);
	struct pg_hits h;
	if (pg_search_hits(s, q, terms, store_now(), offset + limit, &h) != 0)
		return -1;
	out->total = h.n;
	int rc = offset < h.n ? page(s, pool, q, terms, h.rows + offset,
				     h.n - offset < limit ? h.n - offset : limit, out)
			      : 0;
	if (rc == 0 && with_facets)
		rc = rank_facets(pool, h.rows, h.n, h.tags, out) == 0 ? name_facets(s, pool, out) : -1;
	free(h.rows);
	return rc;
}

/* ---- "did you mean" ---- */

static void fill_facet(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct facet *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->count = pg_i64(r, row, 3);
}

#define VERSION_SQL "SELECT version, terms_version FROM content_version WHERE id = 1"

/* The words "did you mean" may learn from: published articles' only (a draft's or a scheduled title is no
 * reader's business; a scheduled one joins when the scheduler publishes it), as SQLite's search_words; quoted
 * for ts_stat's query text. */
#define PUBLIC_ARTICLES                                                                                      \
	"FROM article_search_index i JOIN article a ON a.id = i.article_id JOIN site s ON s.id = a.site_id " \
	"WHERE a.status = ''published''"
/* each public word with its documents' language (the article's, else its site's) and their count: ts_stat
 * over each language's articles */
#define WORD_LANGUAGES                                                                                       \
	"SELECT w.word AS term, l.lang, w.ndoc AS docs FROM (SELECT DISTINCT "                               \
	"CASE a.lang WHEN '' THEN s.language ELSE a.lang END AS lang FROM article a "                        \
	"JOIN site s ON s.id = a.site_id WHERE a.status = 'published') l, "                                  \
	"LATERAL ts_stat(format('SELECT i.words " PUBLIC_ARTICLES " "                                        \
	"AND CASE a.lang WHEN '''' THEN s.language ELSE a.lang END = %L', l.lang)) w"

int pg_store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *lang, const char *from, const char *to,
			  struct facet **out, size_t *n)
{
	/* the kept vocabulary when it is current; else the live one, which reads every article's words, their
	 * languages the kept one's as on SQLite, a word it lacks taken as the reader's (store_search_upkeep
	 * brings the kept one up to date within a second or two; counting the live words per language takes
	 * about three times as long) */
	PGresult *v = pg_q(s, S_VERSION, VERSION_SQL, NULL);
	if (!v)
		return -1;
	int fresh = PQntuples(v) > 0 && pg_i64(v, 0, 0) == pg_i64(v, 0, 1);
	PQclear(v);
	struct pg_params p = {0};
	pg_p_text(&p, from);
	pg_p_text(&p, to);
	pg_p_text(&p, lang ? lang : "");
	/* id: documents in lang holding the term; name: the term; count: documents holding it */
	if (fresh)
		return pg_collect(
		    s, pool, S_VOCAB,
		    "SELECT sum(CASE lang WHEN $3 THEN docs ELSE 0 END), '', term, sum(docs) "
		    "FROM search_term WHERE term >= $1 AND term < $2 GROUP BY term ORDER BY term "
		    "LIMIT 5000",
		    &p, sizeof **out, fill_facet, (void **)out, n);
	return pg_collect(
	    s, pool, S_VOCAB_LIVE,
	    "SELECT coalesce((SELECT t.docs FROM search_term t WHERE t.term = w.word AND t.lang = $3), "
	    "CASE WHEN EXISTS (SELECT 1 FROM search_term t WHERE t.term = w.word) THEN 0 ELSE w.ndoc END), "
	    "'', w.word, w.ndoc FROM ts_stat('SELECT i.words " PUBLIC_ARTICLES "') w "
	    "WHERE w.word COLLATE \"C\" >= $1 AND w.word COLLATE \"C\" < $2 "
	    "ORDER BY w.word COLLATE \"C\" LIMIT 5000",
	    &p, sizeof **out, fill_facet, (void **)out, n);
}

/* ---- upkeep, from the scheduler's connection ---- */

/* The vocabulary for "did you mean" into search_term, each word's documents counted per language, in one
 * transaction. (The GIN index needs no merging:
 * PostgreSQL's autovacuum folds its pending entries in.) */
int pg_store_search_upkeep(store *s)
{
	PGresult *v = pg_q(s, S_VERSION, VERSION_SQL, NULL);
	if (!v)
		return -1;
	int64_t version = PQntuples(v) > 0 ? pg_i64(v, 0, 0) : -1,
		terms = PQntuples(v) > 0 ? pg_i64(v, 0, 1) : -1;
	PQclear(v);
	if (version < 0 || version == terms)
		return 0;
	if (pg_run(s, "BEGIN") != 0)
		return -1;
	struct pg_params p = {0};
	pg_p_i64(&p, version);
	int ok = pg_exec(s, S_TERMS_CLEAR, "DELETE FROM search_term", NULL, NULL) == 0 &&
		 pg_exec(s, S_TERMS_FILL, "INSERT INTO search_term (term, lang, docs) " WORD_LANGUAGES, NULL,
			 NULL) == 0 &&
		 pg_exec(s, S_TERMS_DONE,
			 "UPDATE content_version SET terms_version = $1::bigint WHERE id = 1", &p, NULL) == 0;
	if (pg_run(s, ok ? "COMMIT" : "ROLLBACK") != 0)
		ok = 0;
	return ok ? 1 : -1;
}
