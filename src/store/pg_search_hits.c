/* pg_search_hits: a PostgreSQL search's hits from the words' postings (search_posting, 014): matched,
 * filtered and scored in C over facts kept per connection, as search.c does over FTS5, with no per-row work
 * in SQL. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/pg_int.h"
#include "store/pg_search.h"
#include "store/rank.h"

enum {
	H_FIRST = 394, /* slots 395-409 belong to pg_search_hits.c (370-394 to pg_search.c) */
	H_VERSION,
	H_FACTS,
	H_POSTINGS,
	H_LAST
};
_Static_assert(H_LAST <= 410, "statement slots 395-409 belong to pg_search_hits.c");

/* ---- facts: what a search filters and counts by, for every article that may be visible ---- */

struct facts {
	int64_t version, epoch; /* content_version's when they were read */
	struct fact *f;		/* by id */
	unsigned char *level;	/* each article's body level */
	size_t n;
	int64_t *tags;
	size_t ntags;
};

static void facts_free(void *p)
{
	struct facts *x = p;
	if (!x)
		return;
	free(x->f);
	free(x->level);
	free(x->tags);
	free(x);
}

/* The connection's facts, read again when content_version moved: NULL on error. */
static const struct facts *facts(store *s)
{
	struct facts **held = (struct facts **)pg_state(s, PG_STATE_SEARCH, facts_free);
	PGresult *v = pg_q(s, H_VERSION, "SELECT version, epoch FROM content_version WHERE id = 1", NULL);
	if (!v)
		return NULL;
	int64_t version = PQntuples(v) ? pg_i64(v, 0, 0) : -1, epoch = PQntuples(v) ? pg_i64(v, 0, 1) : -1;
	PQclear(v);
	if (*held && (*held)->version == version && (*held)->epoch == epoch)
		return *held;
	facts_free(*held);
	*held = NULL;
	PGresult *r =
	    pg_q(s, H_FACTS,
		 "SELECT a.id, a.site_id, a.published_at, a.section_id, COALESCE(a.congress_id, 0), "
		 "COALESCE(a.trial_id, 0), " PG_AUDIENCE_LEVEL ", "
		 "ARRAY(SELECT g.tag_id FROM article_tag g WHERE g.article_id = a.id) "
		 "FROM article a WHERE a.status IN ('published', 'scheduled') AND a.published_at IS NOT NULL "
		 "ORDER BY a.id",
		 NULL);
	if (!r)
		return NULL;
	size_t n = (size_t)PQntuples(r), tcap = 0;
	struct facts *x = calloc(1, sizeof *x);
	if (x) {
		x->f = malloc((n ? n : 1) * sizeof *x->f);
		x->level = malloc(n ? n : 1);
	}
	int failed = !x || !x->f || !x->level;
	for (size_t i = 0; i < n && !failed; i++) {
		int64_t published = pg_i64(r, (int)i, 2);
		x->f[i] = (struct fact){.id = pg_i64(r, (int)i, 0),
					.site = pg_i64(r, (int)i, 1),
					.published = published,
					.section = pg_i64(r, (int)i, 3),
					.congress = pg_i64(r, (int)i, 4),
					.trial = pg_i64(r, (int)i, 5),
					.tags = x->ntags,
					.year = rank_year(published)};
		x->level[i] = (unsigned char)pg_i64(r, (int)i, 6);
		for (const char *t = PQgetvalue(r, (int)i, 7); *t;) {
			if (*t < '0' || *t > '9') {
				t++;
				continue;
			}
			char *end;
			int64_t tag = strtoll(t, &end, 10);
			t = end;
			if (rank_grow((void **)&x->tags, &tcap, x->ntags + 1, sizeof *x->tags) != 0) {
				failed = 1;
				break;
			}
			x->tags[x->ntags++] = tag;
			x->f[i].ntags++;
		}
	}
	PQclear(r);
	if (failed) {
		facts_free(x);
		return NULL;
	}
	x->n = n;
	x->version = version;
	x->epoch = epoch;
	*held = x;
	return x;
}

static long find_fact(const struct facts *x, int64_t id)
{
	size_t lo = 0, hi = x->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (x->f[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < x->n && x->f[lo].id == id ? (long)lo : -1;
}

/* ---- the query's lexemes ---- */

/* A lexeme the query looks up: the j-th (from 1) of the sent word `sent`; prefix for the last of a prefix
 * term. */
struct key {
	int sent, j, prefix;
};

struct query {
	const struct parsed *terms;
	int nwords;
	int word_term[MAX_TERMS * 16]; /* each word's term */
	int word_last[MAX_TERMS * 16]; /* the last word of a prefix term */
	int word_sent[MAX_TERMS * 16]; /* each word's in the statement: a word repeated is looked up once */
	int nkeys;		       /* the lexemes, in term order, each its term's next */
	struct key keys[MAX_TERMS * 16];
	int term_first[MAX_TERMS], term_n[MAX_TERMS]; /* each term's keys */
};
#define MAX_WORDS (MAX_TERMS * 16)

#define NCOLS 7 /* title, summary, body, people, trial, refs, topics: search_posting.pos's columns */
#define BODY 2
static const double weights[NCOLS] = {10.0, 4.0, 1.0, 3.0, 5.0, 1.0, 3.0};

/* ---- positions ---- */

/* The numbers of an array's text ({1,16385}) appended to *p (of *n, room *cap): 0, or -1 out of memory. */
static int add_positions(const char *s, int32_t **p, size_t *n, size_t *cap)
{
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			continue;
		int32_t v = 0;
		while (*s >= '0' && *s <= '9')
			v = v * 10 + (*s++ - '0');
		if (rank_grow((void **)p, cap, *n + 1, sizeof **p) != 0)
			return -1;
		(*p)[(*n)++] = v;
		if (!*s)
			break;
	}
	return 0;
}

static int by_int(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

static int has(const int32_t *p, size_t n, int32_t v)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (p[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && p[lo] == v;
}

/* One article's positions of each key (pointers into one buffer). */
struct doc {
	int32_t *pos;
	size_t npos, cap;
	size_t at[MAX_WORDS + 1], len[MAX_WORDS + 1];
};

/* The occurrences of term t in each column of the article (its keys one after another: a phrase). */
static void term_counts(const struct query *qy, const struct doc *d, int t, double *tf)
{
	memset(tf, 0, NCOLS * sizeof *tf);
	int first = qy->term_first[t], n = qy->term_n[t];
	if (n == 0)
		return;
	const int32_t *p0 = d->pos + d->at[first];
	for (size_t i = 0; i < d->len[first]; i++) {
		int32_t p = p0[i];
		int ok = 1;
		for (int j = 1; j < n && ok; j++) {
			int32_t want = p + j;
			ok = (want >> 14) == (p >> 14) &&
			     has(d->pos + d->at[first + j], d->len[first + j], want);
		}
		if (ok && (p >> 14) < NCOLS)
			tf[p >> 14] += 1;
	}
}

/* Whether a term is in what the reader may match (the body only when shown). */
static int present(const double *tf, int body)
{
	for (int c = 0; c < NCOLS; c++)
		if (tf[c] > 0 && (c != BODY || body))
			return 1;
	return 0;
}

/* The query as the tsquery pg_search.c made of it would be answered: OR between groups of ANDed positive
 * terms, the excluded terms ANDed to the last group (& binds tighter than |); a term without a lexeme is
 * left out as PostgreSQL leaves it out. in[t]: term t is there. -1 when nothing is left to look for. */
static int matches(const struct query *qy, const int *in)
{
	const struct parsed *q = qy->terms;
	int any = 0, group = 1, group_has = 0, result = 0;
	for (int t = 0; t < q->n; t++) {
		if (q->t[t].exclude)
			continue;
		if (q->t[t].or_before && any) {
			if (group_has && group)
				result = 1;
			group = 1;
			group_has = 0;
		}
		any = 1;
		if (qy->term_n[t] == 0)
			continue;
		group_has = 1;
		group = group && in[t];
	}
	/* the last group, with the exclusions */
	for (int t = 0; t < q->n; t++)
		if (q->t[t].exclude && qy->term_n[t] > 0 && in[t])
			group = 0;
	if (group_has && group)
		result = 1;
	return result;
}

/* Whether any positive term has a lexeme: else PostgreSQL's query is empty and finds nothing. */
static int searchable(const struct query *qy)
{
	for (int t = 0; t < qy->terms->n; t++)
		if (!qy->terms->t[t].exclude && qy->term_n[t] > 0)
			return 1;
	return 0;
}

/* ---- the statement ---- */

/* $1 the words (\1 between them), $2 each word's prefix flag ('1' for the last word of a prefix term). The
 * first rows (article 0) tell each word's lexemes (its j-th of nj, in the order of the word); then each
 * lexeme's postings, a prefix's for every lexeme it begins, by article. */
#define POSTINGS_SQL                                                                                         \
	"WITH w AS MATERIALIZED (SELECT x.k, l.lexeme COLLATE \"C\" AS lexeme, row_number() OVER "           \
	"(PARTITION BY x.k ORDER BY "                                                                        \
	"l.positions[1], l.lexeme) AS j, count(*) OVER (PARTITION BY x.k) AS nj, "                           \
	"substr($2, x.k::int, 1) = '1' AS prefix "                                                           \
	"FROM unnest(string_to_array($1, chr(1))) WITH ORDINALITY x(w, k), "                                 \
	"unnest(to_tsvector('plenary', search_text(x.w))) l) "                                               \
	"SELECT w.k, w.j, 0::bigint AS article_id, '' AS pos FROM w "                                        \
	"UNION ALL SELECT w.k, w.j, p.article_id, p.pos::text FROM w, LATERAL (SELECT p.article_id, p.pos "  \
	"FROM search_posting p WHERE p.lexeme >= w.lexeme AND p.lexeme <= CASE WHEN w.prefix AND w.j = "     \
	"w.nj "                                                                                              \
	"THEN w.lexeme || chr(1114111) ELSE w.lexeme END) p "                                                \
	"ORDER BY 3, 1, 2"

/* qy's words from the terms (at most MAX_WORDS), \1 between them in words, their prefix flags in flags. */
static void query_words(const struct parsed *terms, struct query *qy, buf *words, buf *flags)
{
	memset(qy, 0, sizeof *qy);
	qy->terms = terms;
	const char *text[MAX_WORDS];
	size_t n[MAX_WORDS];
	int nsent = 0, sent_word[MAX_WORDS];
	for (int t = 0; t < terms->n; t++) {
		const struct search_clause *x = &terms->t[t];
		size_t w = 0, at = 0, len;
		const char *start;
		int first = qy->nwords;
		while ((len = pg_clause_next_word(x, &w, &at, &start)) > 0 && qy->nwords < MAX_WORDS) {
			text[qy->nwords] = start;
			n[qy->nwords] = len;
			qy->word_term[qy->nwords++] = t;
		}
		for (int k = first; k < qy->nwords; k++) {
			qy->word_last[k] = x->prefix && k == qy->nwords - 1;
			int same = 0;
			while (same < nsent) {
				int o = sent_word[same];
				if (n[o] == n[k] && qy->word_last[o] == qy->word_last[k] &&
				    !memcmp(text[o], text[k], n[k]))
					break;
				same++;
			}
			qy->word_sent[k] = same;
			if (same < nsent)
				continue;
			sent_word[nsent++] = k;
			if (same)
				buf_addc(words, '\1');
			buf_printf(words, "%.*s", (int)n[k], text[k]);
			buf_addc(flags, qy->word_last[k] ? '1' : '0');
		}
	}
}

int pg_search_hits(store *s, const struct search_query *q, const struct parsed *terms, int64_t now,
		   size_t want, struct pg_hits *out)
{
	memset(out, 0, sizeof *out);
	const struct facts *x = facts(s);
	if (!x)
		return -1;
	struct query *qy = calloc(1, sizeof *qy);
	if (!qy)
		return -1;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	buf words, flags;
	buf_init(&words, &pool);
	buf_init(&flags, &pool);
	query_words(terms, qy, &words, &flags);
	struct pg_params p = {0};
	pg_p_text(&p, buf_cstr(&words));
	pg_p_text(&p, buf_cstr(&flags));
	PGresult *r = qy->nwords ? pg_q(s, H_POSTINGS, POSTINGS_SQL, &p) : NULL;
	h2o_mem_clear_pool(&pool);
	if (qy->nwords && !r) {
		free(qy);
		return -1;
	}
	int rows = r ? PQntuples(r) : 0, row = 0;
	/* the keys: each word's lexemes, in order, term by term (words come in term order) */
	int nj[MAX_WORDS] = {0}; /* each sent word's lexemes */
	for (; row < rows && pg_i64(r, row, 2) == 0; row++) {
		int k = (int)pg_i64(r, row, 0) - 1, j = (int)pg_i64(r, row, 1);
		if (k >= 0 && k < qy->nwords && j > nj[k])
			nj[k] = j;
	}
	for (int k = 0; k < qy->nwords; k++) {
		int t = qy->word_term[k];
		if (qy->term_n[t] == 0)
			qy->term_first[t] = qy->nkeys;
		int w = qy->word_sent[k];
		for (int j = 0; j < nj[w] && qy->nkeys < MAX_WORDS; j++) {
			qy->keys[qy->nkeys++] = (struct key){w, j + 1, qy->word_last[k] && j == nj[w] - 1};
			qy->term_n[t]++;
		}
	}
	int failed = 0;
	size_t hcap = 0, ntf = (size_t)terms->n;
	double *phrase = NULL; /* each hit's score per term */
	size_t pcap = 0;
	int64_t docs[MAX_TERMS] = {0};
	struct doc d = {0};
	long *fact_of = NULL; /* each hit's fact */
	size_t fcap = 0;
	if (!searchable(qy))
		rows = row; /* nothing to look for: no hit */
	while (row < rows && !failed) {
		int64_t id = pg_i64(r, row, 2);
		int end = row;
		while (end < rows && pg_i64(r, end, 2) == id)
			end++;
		long f = find_fact(x, id);
		const struct fact *fa = f >= 0 ? &x->f[f] : NULL;
		int visible = fa && fa->site == q->site_id && fa->published <= now &&
			      (!q->section_id || fa->section == q->section_id) &&
			      (!q->congress_id || fa->congress == q->congress_id) &&
			      (!q->trial_id || fa->trial == q->trial_id) && (!q->year || fa->year == q->year);
		if (visible && q->tag_id) {
			int tagged = 0;
			for (size_t i = 0; i < fa->ntags; i++)
				tagged |= x->tags[fa->tags + i] == q->tag_id;
			visible = tagged;
		}
		if (!visible) {
			row = end;
			continue;
		}
		/* the positions of each key, in one buffer */
		d.npos = 0;
		for (int k = 0; k <= qy->nkeys; k++)
			d.at[k] = d.len[k] = 0;
		for (int key = 0; key < qy->nkeys && !failed; key++) {
			d.at[key] = d.npos;
			for (int i = row; i < end; i++) {
				int k = (int)pg_i64(r, i, 0) - 1, j = (int)pg_i64(r, i, 1);
				if (k != qy->keys[key].sent || j != qy->keys[key].j)
					continue;
				if (add_positions(PQgetvalue(r, i, 3), &d.pos, &d.npos, &d.cap) != 0)
					failed = 1;
			}
			d.len[key] = d.npos - d.at[key];
			if (qy->keys[key].prefix && d.len[key] > 1)
				qsort(d.pos + d.at[key], d.len[key], sizeof *d.pos, by_int);
		}
		row = end;
		if (failed)
			break;
		int body = x->level[f] <= q->level;
		double tf[MAX_TERMS][NCOLS];
		int in[MAX_TERMS];
		for (int t = 0; t < terms->n; t++) {
			term_counts(qy, &d, t, tf[t]);
			enum search_column only =
			    terms->t[t].column; /* a clause on one column counts there */
			for (int c = 0; c < NCOLS && only != SEARCH_ANY; c++)
				if (c != (int)only - SEARCH_TITLE)
					tf[t][c] = 0;
			in[t] = present(tf[t], body);
		}
		if (!matches(qy, in))
			continue;
		if (rank_grow((void **)&out->rows, &hcap, out->n + 1, sizeof *out->rows) != 0 ||
		    rank_grow((void **)&fact_of, &fcap, out->n + 1, sizeof *fact_of) != 0 ||
		    rank_grow((void **)&phrase, &pcap, (out->n + 1) * ntf, sizeof *phrase) != 0) {
			failed = 1;
			break;
		}
		for (int t = 0; t < terms->n; t++) {
			if (!body)
				tf[t][BODY] = 0;
			double score = rank_saturate(tf[t], weights, NCOLS);
			phrase[out->n * ntf + (size_t)t] = score;
			docs[t] += score > 0;
		}
		fact_of[out->n++] = f;
	}
	PQclear(r);
	free(d.pos);
	free(qy);
	if (failed) {
		free(phrase);
		free(fact_of);
		free(out->rows);
		memset(out, 0, sizeof *out);
		return -1;
	}
	/* the facts the hits point at stay the connection's until the next search reads them again */
	double idf[MAX_TERMS];
	for (int t = 0; t < terms->n; t++)
		idf[t] = rank_idf(terms->n, (int64_t)x->n, docs[t]);
	for (size_t i = 0; i < out->n; i++) {
		double sum = 0;
		for (int t = 0; t < terms->n; t++)
			sum += idf[t] * phrase[i * ntf + (size_t)t];
		const struct fact *fa = &x->f[fact_of[i]];
		out->rows[i] = (struct hit){fa, rank_score(sum, fa->published, now)};
	}
	free(phrase);
	free(fact_of);
	out->tags = x->tags;
	rank_top(out->rows, out->n, want);
	return 0;
}
