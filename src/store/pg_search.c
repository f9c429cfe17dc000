/* pg_search: full-text search on PostgreSQL (tsvectors with a GIN index) ranked, counted, paged and snippeted
 * as search.c does it over FTS5; "did you mean" reads the public vocabulary. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/pg_int.h"
#include "store/pg_search.h"
#include "store/rank.h"

enum {
	S_FIRST = 369, /* slots 370-409 belong to pg_search.c */
	S_HITS,
	S_DOCUMENTS,
	S_ARTICLES,
	S_NAMES_SECTION,
	S_NAMES_CONGRESS,
	S_NAMES_TRIAL,
	S_NAMES_TAG,
	S_VERSION,
	S_VOCAB,
	S_VOCAB_LIVE,
	S_TERMS_CLEAR,
	S_TERMS_FILL,
	S_TERMS_DONE,
	S_LAST
};
_Static_assert(S_LAST <= 410, "statement slots 370-409 belong to pg_search.c");

/* ---- the query: the FTS5 expression query.c makes, read back into terms ---- */

/* Reads match ("a" "b"* OR "c d") NOT "e": quoted terms, OR and NOT between them; everything else is
 * spacing. Terms without a word are left out, as FTS5 leaves empty phrases out. */
static void parse_match(const char *match, struct parsed *out)
{
	memset(out, 0, sizeof *out);
	int negative = 0, or_next = 0;
	for (const char *p = match; *p;) {
		if (*p == '"') {
			const char *close = strchr(p + 1, '"');
			if (!close)
				close = p + strlen(p);
			struct term t = {p + 1, (size_t)(close - p - 1), *close && close[1] == '*', negative,
					 or_next && !negative};
			p = *close ? close + 1 + (close[1] == '*') : close;
			negative = or_next = 0;
			if (pg_word_count(t.text, t.n) > 0 && out->n < MAX_TERMS)
				out->t[out->n++] = t;
			continue;
		}
		if (strncmp(p, "NOT", 3) == 0 && (p[3] == ' ' || p[3] == '"')) {
			negative = 1;
			p += 3;
		} else if (strncmp(p, "OR", 2) == 0 && (p[2] == ' ' || p[2] == '"')) {
			or_next = 1;
			p += 2;
		} else {
			p++;
		}
	}
}

/* A term as tsquery text: its words quoted and joined by <->, the last with :* for a prefix. A word holds
 * letters, digits and non-ASCII characters only, so quoting it is enough: no input makes a syntax error. */
static void add_phrase(buf *b, const struct term *t)
{
	size_t at = 0, start, len;
	int k = 0;
	buf_addc(b, '(');
	while ((len = pg_next_word(t->text, t->n, &at, &start)) > 0)
		buf_printf(b, "%s'%.*s'", k++ ? " <-> " : "", (int)len, t->text + start);
	if (t->prefix)
		buf_adds(b, ":*");
	buf_addc(b, ')');
}

/* The whole query (full), its positive part (pos, what the index is asked first) and each phrase apart,
 * separated by \1 (phrases, in FTS5's order: the positive terms, then the excluded ones). 0, or -1 when no
 * positive term is left. */
static int tsqueries(h2o_mem_pool_t *pool, const struct parsed *q, const char **full, const char **pos,
		     const char **phrases, int *nphrases)
{
	buf f, ph;
	buf_init(&f, pool);
	buf_init(&ph, pool);
	int positives = 0;
	*nphrases = 0;
	buf_addc(&f, '(');
	for (int i = 0; i < q->n; i++) {
		if (*nphrases)
			buf_addc(&ph, '\1');
		add_phrase(&ph, &q->t[i]);
		(*nphrases)++;
		if (q->t[i].negative)
			continue;
		if (positives++)
			buf_adds(&f, q->t[i].or_before ? ") | (" : " & ");
		add_phrase(&f, &q->t[i]);
	}
	buf_addc(&f, ')');
	if (!positives)
		return -1;
	*pos = mem_strndup(pool, f.p, f.len);
	for (int i = 0; i < q->n; i++)
		if (q->t[i].negative) {
			buf_adds(&f, " & !");
			add_phrase(&f, &q->t[i]);
		}
	*full = buf_cstr(&f);
	*phrases = buf_cstr(&ph);
	return 0;
}

/* ---- hits: matched and filtered in SQL, ranked in C as search.c ranks them ---- */

/* Column weights, in the order of the hits query's term frequencies: title 10, summary 4, the body 1 (when
 * the reader may read it; else its frequency is 0), faculty 3, trial 5, references 1, topics 3. */
static const double weights[] = {10.0, 4.0, 1.0, 3.0, 5.0, 1.0, 3.0};
#define NCOLS ((int)(sizeof weights / sizeof *weights))

/* The numbers of a PostgreSQL array's text ({1,2.5,3}, or {{1,2},{3,4}} row by row) into out (at most max):
 * how many. */
static size_t array_numbers(const char *s, double *out, size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		if (*s == '{' || *s == '}' || *s == ',') {
			s++;
			continue;
		}
		char *end;
		double v = strtod(s, &end);
		if (end == s)
			break;
		out[n++] = v;
		s = end;
	}
	return n;
}

/* The hits' SQL. $1 now, $2 the whole query, $3 its positive part, $4 the phrases (\1 between them), $5 the
 * reader's level, $6 the site, $7-$11 the filters (section, congress, trial, topic, year; 0: any). The index
 * is asked for the positive part (GIN); the whole query is then checked on the document the reader may match:
 * doc (again only when the query excludes words), or meta when the body is above their level. Each phrase's
 * frequency in each column (ts_rank_cd with every weight 1 and no normalisation counts a phrase's
 * occurrences) comes back per hit, phrase by phrase (an array of arrays). The hits come in no order: the
 * ranking orders them all. bb is the body when the reader may read it, else nothing, decompressed once for
 * every phrase. */
#define HITS_SQL                                                                                             \
	"WITH q AS (SELECT to_tsquery('plenary', $2) AS m, to_tsquery('plenary', $3) AS pos, "               \
	"ARRAY(SELECT to_tsquery('plenary', x.t) FROM unnest(string_to_array($4, chr(1))) x(t)) AS ph) "     \
	"SELECT a.id, a.published_at, a.section_id, COALESCE(a.congress_id, 0), COALESCE(a.trial_id, 0), "   \
	"ARRAY(SELECT g.tag_id FROM article_tag g WHERE g.article_id = a.id), "                              \
	"ARRAY(SELECT ARRAY[ts_rank_cd(w.one, i.title, x.p, 0), ts_rank_cd(w.one, i.summary, x.p, 0), "      \
	"ts_rank_cd(w.one, bb.b, x.p, 0), "                                                                  \
	"ts_rank_cd(w.one, i.people, x.p, 0), ts_rank_cd(w.one, i.trial, x.p, 0), "                          \
	"ts_rank_cd(w.one, i.refs, x.p, 0), ts_rank_cd(w.one, i.topics, x.p, 0)] FROM unnest(q.ph) x(p)) "   \
	"FROM q, (SELECT '{1,1,1,1}'::real[] AS one) w, article_search_index i "                             \
	"JOIN article a ON a.id = i.article_id, LATERAL (SELECT CASE WHEN i.body_level <= $5::int THEN "     \
	"i.body || ''::tsvector ELSE ''::tsvector END AS b OFFSET 0) bb "                                    \
	"WHERE i.doc @@ q.pos AND CASE WHEN i.body_level <= $5::int THEN q.m = q.pos OR i.doc @@ q.m "       \
	"ELSE i.meta @@ q.m END "                                                                            \
	"AND a.site_id = $6::bigint AND a.status IN ('published', 'scheduled') "                             \
	"AND a.published_at <= $1::bigint AND ($7::bigint = 0 OR a.section_id = $7::bigint) "                \
	"AND ($8::bigint = 0 OR a.congress_id = $8::bigint) AND ($9::bigint = 0 OR a.trial_id = "            \
	"$9::bigint) "                                                                                       \
	"AND ($10::bigint = 0 OR EXISTS (SELECT 1 FROM article_tag g WHERE g.article_id = a.id AND "         \
	"g.tag_id = $10::bigint)) AND ($11::int = 0 OR "                                                     \
	"extract(year FROM to_timestamp(a.published_at) AT TIME ZONE 'UTC') = $11::int) LIMIT 200000"

struct hits {
	struct fact *facts; /* of the hits, malloc'd */
	struct hit *rows;   /* malloc'd */
	size_t n;
	int64_t *tags; /* every hit's topics, malloc'd */
	size_t ntags;
};

static void hits_free(struct hits *h)
{
	free(h->facts);
	free(h->rows);
	free(h->tags);
}

/* Every visible hit of q with its facts and score, the best `want` first and ranked: 0, or -1. The score is,
 * as in search.c, the sum over phrases of (weight x tf (k1 + 1) / (tf + k1) over the columns), each phrase
 * weighed by its inverse document frequency over the hits when there are several, times the recency boost. */
static int all_hits(store *s, h2o_mem_pool_t *pool, const struct search_query *q, const struct parsed *terms,
		    size_t want, struct hits *out)
{
	memset(out, 0, sizeof *out);
	const char *full, *pos, *phrases;
	int nphrases;
	if (tsqueries(pool, terms, &full, &pos, &phrases, &nphrases) != 0)
		return 0; /* nothing to look for: no hit */
	int64_t now = store_now();
	int level = q->level < 0 ? 0 : q->level > 3 ? 3 : q->level;
	struct pg_params p = {0};
	pg_p_i64(&p, now);
	pg_p_text(&p, full);
	pg_p_text(&p, pos);
	pg_p_text(&p, phrases);
	pg_p_i64(&p, level);
	pg_p_i64(&p, q->site_id);
	pg_p_i64(&p, q->section_id);
	pg_p_i64(&p, q->congress_id);
	pg_p_i64(&p, q->trial_id);
	pg_p_i64(&p, q->tag_id);
	pg_p_i64(&p, q->year);
	PGresult *r = pg_q(s, S_HITS, HITS_SQL, &p);
	if (!r)
		return -1;
	size_t n = (size_t)PQntuples(r), per = (size_t)nphrases * NCOLS, tcap = 0;
	double *phrase = malloc((n ? n : 1) * (size_t)nphrases * sizeof *phrase);
	double *tf = malloc(per * sizeof *tf);
	out->facts = malloc((n ? n : 1) * sizeof *out->facts);
	out->rows = malloc((n ? n : 1) * sizeof *out->rows);
	int64_t docs[MAX_TERMS] = {0};
	int failed = !phrase || !tf || !out->facts || !out->rows;
	for (size_t i = 0; i < n && !failed; i++) {
		int64_t published = pg_i64(r, (int)i, 1);
		struct fact *x = &out->facts[i];
		*x = (struct fact){.id = pg_i64(r, (int)i, 0),
				   .site = q->site_id,
				   .published = published,
				   .section = pg_i64(r, (int)i, 2),
				   .congress = pg_i64(r, (int)i, 3),
				   .trial = pg_i64(r, (int)i, 4),
				   .tags = out->ntags,
				   .year = rank_year(published)};
		out->rows[i] = (struct hit){x, 0};
		double tag[256];
		size_t nt = array_numbers(PQgetvalue(r, (int)i, 5), tag, 256);
		if (rank_grow((void **)&out->tags, &tcap, out->ntags + nt, sizeof *out->tags) != 0) {
			failed = 1;
			break;
		}
		for (size_t k = 0; k < nt; k++)
			out->tags[out->ntags++] = (int64_t)tag[k];
		x->ntags = nt;
		size_t got = array_numbers(PQgetvalue(r, (int)i, 6), tf, per);
		for (size_t at = got; at < per; at++)
			tf[at] = 0;
		for (int ph = 0; ph < nphrases; ph++) {
			double score = rank_saturate(tf + (size_t)ph * NCOLS, weights, NCOLS);
			phrase[i * (size_t)nphrases + (size_t)ph] = score;
			docs[ph] += score > 0;
		}
	}
	PQclear(r);
	free(tf);
	int64_t articles = 0;
	if (!failed && nphrases > 1 &&
	    pg_value(s, S_DOCUMENTS,
		     "SELECT count(*) FROM article WHERE status IN ('published', 'scheduled')", NULL,
		     &articles) < 0)
		failed = 1;
	if (failed) {
		free(phrase);
		hits_free(out);
		memset(out, 0, sizeof *out);
		return -1;
	}
	double idf[MAX_TERMS];
	for (int ph = 0; ph < nphrases; ph++)
		idf[ph] = rank_idf(nphrases, articles, docs[ph]);
	for (size_t i = 0; i < n; i++) {
		double sum = 0;
		for (int ph = 0; ph < nphrases; ph++)
			sum += idf[ph] * phrase[i * (size_t)nphrases + (size_t)ph];
		out->rows[i].score = rank_score(sum, out->facts[i].published, now);
	}
	free(phrase);
	out->n = n;
	rank_top(out->rows, n, want);
	return 0;
}

/* ---- facets: counted by rank.c from the hits, named by one query per kind (as search.c) ---- */

void pg_add_id(buf *b, size_t i, int64_t id)
{
	buf_printf(b, "%s%lld", i ? "," : "{", (long long)id);
}

static int name_facets(store *s, h2o_mem_pool_t *pool, struct search_result *out)
{
	static const char *const sql[] = {
	    [FACET_SECTION] = "SELECT id, slug, name FROM section WHERE id = ANY ($1::bigint[])",
	    [FACET_CONGRESS] = "SELECT id, slug, name FROM congress WHERE id = ANY ($1::bigint[])",
	    [FACET_TAG] = "SELECT id, slug, name FROM tag WHERE id = ANY ($1::bigint[])",
	    [FACET_TRIAL] = "SELECT id, slug, name FROM trial WHERE id = ANY ($1::bigint[])",
	};
	static const int slots[] = {[FACET_SECTION] = S_NAMES_SECTION,
				    [FACET_CONGRESS] = S_NAMES_CONGRESS,
				    [FACET_TAG] = S_NAMES_TAG,
				    [FACET_TRIAL] = S_NAMES_TRIAL};
	for (int kind = 0; kind < FACET_KINDS; kind++) {
		struct facet *f = out->facets[kind];
		size_t n = out->nfacets[kind];
		if (kind == FACET_YEAR || n == 0)
			continue;
		buf ids;
		buf_init(&ids, pool);
		for (size_t i = 0; i < n; i++)
			pg_add_id(&ids, i, f[i].id);
		buf_addc(&ids, '}');
		struct pg_params p = {0};
		pg_p_text(&p, buf_cstr(&ids));
		PGresult *r = pg_q(s, slots[kind], sql[kind], &p);
		if (!r)
			return -1;
		for (int row = 0; row < PQntuples(r); row++)
			rank_name(f, n, pg_i64(r, row, 0), pg_str(pool, r, row, 1), pg_str(pool, r, row, 2));
		PQclear(r);
	}
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
	parse_match(q->match ? q->match : "", terms);
	struct hits h;
	if (all_hits(s, pool, q, terms, offset + limit, &h) != 0)
		return -1;
	out->total = h.n;
	int rc = offset < h.n ? page(s, pool, q, terms, h.rows + offset,
				     h.n - offset < limit ? h.n - offset : limit, out)
			      : 0;
	if (rc == 0 && with_facets)
		rc = rank_facets(pool, h.rows, h.n, h.tags, out) == 0 ? name_facets(s, pool, out) : -1;
	hits_free(&h);
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
 * reader's business; a scheduled one joins when the scheduler publishes it), as SQLite's search_words. */
#define PUBLIC_WORDS                                                                                         \
	"SELECT i.words FROM article_search_index i JOIN article a ON a.id = i.article_id "                  \
	"WHERE a.status = ''published''"

int pg_store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *from, const char *to,
			  struct facet **out, size_t *n)
{
	/* the kept vocabulary when it is current; else the live one, which reads every article's words
	 * (store_search_upkeep brings the kept one up to date within a second or two) */
	PGresult *v = pg_q(s, S_VERSION, VERSION_SQL, NULL);
	if (!v)
		return -1;
	int fresh = PQntuples(v) > 0 && pg_i64(v, 0, 0) == pg_i64(v, 0, 1);
	PQclear(v);
	struct pg_params p = {0};
	pg_p_text(&p, from);
	pg_p_text(&p, to);
	/* id: documents holding the term; name: the term */
	if (fresh)
		return pg_collect(
		    s, pool, S_VOCAB,
		    "SELECT docs, '', term, docs FROM search_term WHERE term >= $1 AND term < $2 "
		    "ORDER BY term LIMIT 5000",
		    &p, sizeof **out, fill_facet, (void **)out, n);
	return pg_collect(
	    s, pool, S_VOCAB_LIVE,
	    "SELECT ndoc, '', word, ndoc FROM ts_stat('" PUBLIC_WORDS "') "
	    "WHERE word COLLATE \"C\" >= $1 AND word COLLATE \"C\" < $2 ORDER BY word COLLATE \"C\" "
	    "LIMIT 5000",
	    &p, sizeof **out, fill_facet, (void **)out, n);
}

/* ---- upkeep, from the scheduler's connection ---- */

/* The vocabulary for "did you mean" into search_term, in one transaction. (The GIN index needs no merging:
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
		 pg_exec(s, S_TERMS_FILL,
			 "INSERT INTO search_term (term, docs) SELECT word, ndoc "
			 "FROM ts_stat('" PUBLIC_WORDS "')",
			 NULL, NULL) == 0 &&
		 pg_exec(s, S_TERMS_DONE,
			 "UPDATE content_version SET terms_version = $1::bigint WHERE id = 1", &p, NULL) == 0;
	if (pg_run(s, ok ? "COMMIT" : "ROLLBACK") != 0)
		ok = 0;
	return ok ? 1 : -1;
}
