/* pg_search: full-text search on PostgreSQL (tsvectors with a GIN index) ranked, counted, paged and snippeted
 * as search.c does it over FTS5; "did you mean" reads the public vocabulary. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/pg_int.h"
#include "store/rank.h"

enum {
	S_FIRST = 369, /* slots 370-419 belong to pg_search.c */
	S_HITS,
	S_DOCUMENTS,
	S_ARTICLES,
	S_TEXTS,
	S_LEXEMES,
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
_Static_assert(S_LAST <= 420, "statement slots 370-419 belong to pg_search.c");

/* ---- words: cut as FTS5's unicode61 cuts them, and as search_text() does in SQL (006_search.sql) ---- */

#define NOT_A_CHAR 0xFFFFFFFFu

/* The code point at s (n > 0 bytes left) and its length in *len; a byte that starts no valid UTF-8 sequence
 * is NOT_A_CHAR, one byte long. */
static uint32_t utf8_at(const unsigned char *s, size_t n, size_t *len)
{
	unsigned char c = s[0];
	*len = 1;
	if (c < 0x80)
		return c;
	size_t need = c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
	if (!need || need > n)
		return NOT_A_CHAR;
	uint32_t v = c & (0x7fu >> need);
	for (size_t i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return NOT_A_CHAR;
		v = v << 6 | (s[i] & 0x3fu);
	}
	if ((need == 3 && v < 0x800) || (need == 4 && (v < 0x10000 || v > 0x10ffff)) ||
	    (v >= 0xd800 && v <= 0xdfff))
		return NOT_A_CHAR;
	*len = need;
	return v;
}

/* Whether c is part of a word: ASCII letters and digits, and every other character but Latin-1's
 * punctuation and symbols, general punctuation, arrows and symbols, CJK punctuation and emoji. */
static int is_word_char(uint32_t c)
{
	if (c < 0x80)
		return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	return c != NOT_A_CHAR && !(c <= 0xbf) && c != 0xd7 && c != 0xf7 && !(c >= 0x2000 && c <= 0x206f) &&
	       !(c >= 0x2190 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f) &&
	       !(c >= 0x1f000 && c <= 0x1faff);
}

/* The next word of s[0, n) from *at: its start in *start and its length (0 when there is none left). */
static size_t next_word(const char *s, size_t n, size_t *at, size_t *start)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = *at, len;
	while (i < n && !is_word_char(utf8_at(u + i, n - i, &len)))
		i += len;
	*start = i;
	while (i < n && is_word_char(utf8_at(u + i, n - i, &len)))
		i += len;
	*at = i;
	return i - *start;
}

/* ---- the query: the FTS5 expression query.c makes, read back into terms ---- */

#define MAX_TERMS 32

/* A term: "words" (a phrase), the last a prefix when followed by *; negative after NOT; or_before when OR
 * joins it to the term before (AND binds tighter than OR, as in FTS5). */
struct term {
	const char *text;
	size_t n;
	int prefix, negative, or_before;
};

struct parsed {
	struct term t[MAX_TERMS];
	int n;
};

static int word_count(const char *s, size_t n)
{
	size_t at = 0, start;
	int k = 0;
	while (next_word(s, n, &at, &start))
		k++;
	return k;
}

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
			if (word_count(t.text, t.n) > 0 && out->n < MAX_TERMS)
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
	while ((len = next_word(t->text, t->n, &at, &start)) > 0)
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

/* ids as a PostgreSQL array's text: {1,2,3} */
static void add_id(buf *b, size_t i, int64_t id)
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
			add_id(&ids, i, f[i].id);
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

/* ---- snippets: FTS5's snippet() made in C, on the words PostgreSQL stems ---- */

#define SNIPPET_TOKENS 28
#define SNIPPET_COLS 6 /* summary, body, faculty, trial, references, topics: the title is shown already */
#define ELLIPSIS "\xe2\x80\xa6"

struct tok {
	size_t start, end; /* bytes of the text */
	int word;	   /* into the distinct words */
};

struct inst {
	int phrase, start, end; /* tokens, end included */
};

struct col {
	const char *text;
	size_t len;
	struct tok *toks;
	int ntoks;
	struct inst *inst; /* by start, then phrase */
	int ninst;
};

/* The distinct words of the page's texts and of the query, and each one's lexemes. */
struct words {
	const char **w; /* NUL-terminated copies */
	size_t n, cap;
	const char **lex; /* space-separated lexemes, "" for none */
};

struct word_table {
	int *slot; /* index + 1 into words, 0: empty */
	size_t size;
};

static uint64_t word_hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

/* The id of a word, added when new. */
static int intern(h2o_mem_pool_t *pool, struct words *ws, struct word_table *t, const char *s, size_t n)
{
	if (ws->n * 2 >= t->size) {
		size_t size = t->size ? t->size * 2 : 1024;
		int *slot = h2o_mem_alloc_pool(pool, size * sizeof *slot);
		memset(slot, 0, size * sizeof *slot);
		for (size_t i = 0; i < ws->n; i++) {
			size_t k = (size_t)word_hash(ws->w[i], strlen(ws->w[i])) & (size - 1);
			while (slot[k])
				k = (k + 1) & (size - 1);
			slot[k] = (int)i + 1;
		}
		t->slot = slot;
		t->size = size;
	}
	size_t k = (size_t)word_hash(s, n) & (t->size - 1);
	while (t->slot[k]) {
		const char *w = ws->w[t->slot[k] - 1];
		if (strncmp(w, s, n) == 0 && w[n] == '\0')
			return t->slot[k] - 1;
		k = (k + 1) & (t->size - 1);
	}
	if (ws->n == ws->cap) {
		size_t cap = ws->cap ? ws->cap * 2 : 256;
		const char **w = h2o_mem_alloc_pool(pool, cap * sizeof *w);
		if (ws->n)
			memcpy(w, ws->w, ws->n * sizeof *w);
		ws->w = w;
		ws->cap = cap;
	}
	ws->w[ws->n] = mem_strndup(pool, s, n);
	t->slot[k] = (int)ws->n + 1;
	return (int)ws->n++;
}

/* Each distinct word's lexemes, as the index makes them: one statement for the page. */
static int lexemes(store *s, h2o_mem_pool_t *pool, struct words *ws)
{
	buf all;
	buf_init(&all, pool);
	for (size_t i = 0; i < ws->n; i++) {
		if (i)
			buf_addc(&all, '\1');
		buf_adds(&all, ws->w[i]);
	}
	struct pg_params p = {0};
	pg_p_text(&p, buf_cstr(&all));
	PGresult *r = pg_q(s, S_LEXEMES,
			   "SELECT COALESCE((SELECT string_agg(l.lexeme, ' ' ORDER BY l.positions[1]) "
			   "FROM unnest(to_tsvector('plenary', search_text(x.w))) l), '') "
			   "FROM unnest(string_to_array($1, chr(1))) WITH ORDINALITY x(w, k) ORDER BY x.k",
			   &p);
	if (!r)
		return -1;
	ws->lex = h2o_mem_alloc_pool(pool, (ws->n ? ws->n : 1) * sizeof *ws->lex);
	for (size_t i = 0; i < ws->n; i++)
		ws->lex[i] = (int)i < PQntuples(r) ? pg_str(pool, r, (int)i, 0) : "";
	PQclear(r);
	return 0;
}

/* A sequence of lexemes and, for each, the token it comes from. */
struct lexeme_seq {
	const char **lex;
	int *tok;
	int n;
};

/* The lexemes of tokens, in order (a token may have none, or several). */
static void lexeme_seq(h2o_mem_pool_t *pool, const struct words *ws, const int *word, int ntoks,
		       struct lexeme_seq *out)
{
	int total = 0;
	for (int i = 0; i < ntoks; i++) {
		const char *l = ws->lex[word[i]];
		if (*l)
			for (total++; *l; l++)
				total += *l == ' ';
	}
	out->lex = h2o_mem_alloc_pool(pool, (total ? (size_t)total : 1) * sizeof *out->lex);
	out->tok = h2o_mem_alloc_pool(pool, (total ? (size_t)total : 1) * sizeof *out->tok);
	out->n = 0;
	for (int i = 0; i < ntoks; i++) {
		const char *l = ws->lex[word[i]];
		while (*l) {
			size_t len = strcspn(l, " ");
			out->lex[out->n] = mem_strndup(pool, l, len);
			out->tok[out->n++] = i;
			l += len + (l[len] == ' ');
		}
	}
}

struct phrase {
	struct lexeme_seq seq;
	int prefix;
};

static int lexeme_match(const char *have, const char *want, int prefix)
{
	return prefix ? strncmp(have, want, strlen(want)) == 0 : strcmp(have, want) == 0;
}

static int by_inst(const void *a, const void *b)
{
	const struct inst *x = a, *y = b;
	return x->start != y->start ? (x->start < y->start ? -1 : 1)
				    : (x->phrase > y->phrase) - (x->phrase < y->phrase);
}

/* The phrases' occurrences in a column. */
static void find_instances(h2o_mem_pool_t *pool, const struct lexeme_seq *doc, const struct phrase *ph,
			   int nphrases, struct col *c)
{
	int cap = 0;
	c->inst = NULL;
	c->ninst = 0;
	for (int p = 0; p < nphrases; p++) {
		int len = ph[p].seq.n;
		if (len == 0)
			continue;
		for (int i = 0; i + len <= doc->n; i++) {
			int k = 0;
			while (k < len &&
			       lexeme_match(doc->lex[i + k], ph[p].seq.lex[k], ph[p].prefix && k == len - 1))
				k++;
			if (k < len)
				continue;
			if (c->ninst == cap) {
				int more = cap ? cap * 2 : 16;
				struct inst *x = h2o_mem_alloc_pool(pool, (size_t)more * sizeof *x);
				if (c->ninst)
					memcpy(x, c->inst, (size_t)c->ninst * sizeof *x);
				c->inst = x;
				cap = more;
			}
			c->inst[c->ninst++] = (struct inst){p, doc->tok[i], doc->tok[i + len - 1]};
		}
	}
	if (c->ninst > 1)
		qsort(c->inst, (size_t)c->ninst, sizeof *c->inst, by_inst);
}

/* fts5SnippetScore: the score of the window of ntoken tokens from `from` (1000 for each phrase's first
 * occurrence in it, 1 for each further one) and, when adj, the window moved to centre its occurrences. */
static int window_score(const struct col *c, int nphrases, unsigned char *seen, int from, int ntoken,
			int *adj)
{
	memset(seen, 0, (size_t)nphrases);
	int score = 0, first = -1, last = 0;
	for (int i = 0; i < c->ninst; i++) {
		const struct inst *x = &c->inst[i];
		if (x->start >= from && x->start < from + ntoken) {
			score += seen[x->phrase] ? 1 : 1000;
			seen[x->phrase] = 1;
			if (first < 0)
				first = x->start;
			last = x->end + 1;
		}
	}
	if (adj) {
		int a = first - (ntoken - (last - first)) / 2;
		if (a + ntoken > c->ntoks)
			a = c->ntoks - ntoken;
		if (a < 0)
			a = 0;
		*adj = a;
	}
	return score;
}

/* Tokens that begin a sentence: the first, and each after blanks that follow '.' or ':' (FTS5's). */
static int sentence_starts(h2o_mem_pool_t *pool, const struct col *c, int **out)
{
	int *first = h2o_mem_alloc_pool(pool, (c->ntoks ? (size_t)c->ntoks : 1) * sizeof *first);
	int n = 0;
	for (int i = 0; i < c->ntoks; i++) {
		if (i == 0) {
			first[n++] = 0;
			continue;
		}
		size_t at = c->toks[i].start;
		long j = (long)at - 1;
		char ch = 0;
		for (; j >= 0; j--) {
			ch = c->text[j];
			if (ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r')
				break;
		}
		if (j != (long)at - 1 && (ch == '.' || ch == ':'))
			first[n++] = i;
	}
	*out = first;
	return n;
}

/* The coalesced occurrences of a column (fts5CInstIter): overlapping ones make one highlighted run. */
struct runs {
	const struct col *c;
	int next, start, end;
};

static void runs_next(struct runs *r)
{
	r->start = r->end = -1;
	while (r->next < r->c->ninst) {
		const struct inst *x = &r->c->inst[r->next];
		if (r->start < 0) {
			r->start = x->start;
			r->end = x->end;
		} else if (x->start <= r->end) {
			if (x->end > r->end)
				r->end = x->end;
		} else {
			break;
		}
		r->next++;
	}
}

/* fts5HighlightCb over the window [from, from + ntoken), with \2 and \3 around the matched words. */
static const char *highlight(h2o_mem_pool_t *pool, const struct col *c, int from, int ntoken)
{
	buf b;
	buf_init(&b, pool);
	struct runs it = {c, 0, -1, -1};
	runs_next(&it);
	int range_end = from + ntoken - 1, open = 0;
	size_t off = 0;
	if (from > 0)
		buf_adds(&b, ELLIPSIS);
	while (it.start >= 0 && it.start < from)
		runs_next(&it);
	for (int pos = 0; pos < c->ntoks; pos++) {
		size_t so = c->toks[pos].start, eo = c->toks[pos].end;
		if (pos < from || pos > range_end)
			continue;
		if (from && pos == from)
			off = so;
		if (open && (pos <= it.start || it.start < 0) && so > off) {
			buf_addc(&b, '\3');
			open = 0;
		}
		if (pos == it.start && !open) {
			buf_add(&b, c->text + off, so - off);
			buf_addc(&b, '\2');
			off = so;
			open = 1;
		}
		if (pos == it.end) {
			if (!open) {
				buf_addc(&b, '\2');
				open = 1;
			}
			buf_add(&b, c->text + off, eo - off);
			off = eo;
			runs_next(&it);
		}
		if (pos == range_end) {
			if (open) {
				if (it.start >= 0 && pos >= it.start) {
					buf_add(&b, c->text + off, eo - off);
					off = eo;
				}
				buf_addc(&b, '\3');
				open = 0;
			}
			buf_add(&b, c->text + off, eo - off);
			off = eo;
		}
	}
	if (open)
		buf_addc(&b, '\3');
	if (range_end >= c->ntoks - 1)
		buf_add(&b, c->text + off, c->len - off);
	else
		buf_adds(&b, ELLIPSIS);
	return buf_cstr(&b);
}

/* Whether the query matches the columns: a group of positive terms all present, and no excluded one. */
static int query_holds(const struct parsed *q, const unsigned char *present)
{
	int any = 0, group = 1, started = 0;
	for (int i = 0; i < q->n; i++) {
		if (q->t[i].negative) {
			if (present[i])
				return 0;
			continue;
		}
		if (started && q->t[i].or_before) {
			any |= group;
			group = 1;
		}
		started = 1;
		group &= present[i] != 0;
	}
	return any | (started && group);
}

/* One hit's snippet from its columns (NULL when the query does not match them without the title), as FTS5's
 * snippet(-1, \2, \3, '…', 28) over the columns the reader may match. */
static const char *snippet_of(h2o_mem_pool_t *pool, const struct parsed *q, const struct phrase *ph,
			      struct col *cols, const struct lexeme_seq *seqs)
{
	unsigned char present[MAX_TERMS] = {0}, seen[MAX_TERMS];
	for (int i = 0; i < SNIPPET_COLS; i++) {
		find_instances(pool, &seqs[i], ph, q->n, &cols[i]);
		for (int k = 0; k < cols[i].ninst; k++)
			present[cols[i].inst[k].phrase] = 1;
	}
	if (!query_holds(q, present))
		return NULL;
	int best_score = 0, best_col = 0, best_start = 0;
	for (int i = 0; i < SNIPPET_COLS; i++) {
		struct col *c = &cols[i];
		int *firsts = NULL, nfirst = c->ninst ? sentence_starts(pool, c, &firsts) : 0;
		for (int ii = 0; ii < c->ninst; ii++) {
			int io = c->inst[ii].start, adj, score;
			score = window_score(c, q->n, seen, io, SNIPPET_TOKENS, &adj);
			if (score > best_score) {
				best_score = score;
				best_col = i;
				best_start = adj;
			}
			if (nfirst && c->ntoks > SNIPPET_TOKENS) {
				int jj;
				for (jj = 0; jj < nfirst - 1; jj++)
					if (firsts[jj + 1] > io)
						break;
				if (firsts[jj] < io) {
					score =
					    window_score(c, q->n, seen, firsts[jj], SNIPPET_TOKENS, NULL) +
					    (firsts[jj] == 0 ? 120 : 100);
					if (score > best_score) {
						best_score = score;
						best_col = i;
						best_start = firsts[jj];
					}
				}
			}
		}
	}
	return highlight(pool, &cols[best_col], best_start, SNIPPET_TOKENS);
}

/* Snippets for the page's hits: the columns this reader may match but the title (the body only when its
 * audience is at or below their level), cut into words, the words stemmed by PostgreSQL in one statement,
 * and FTS5's choice of column and window made on them. A hit whose match needs its title gets its summary. */
static int snippets(store *s, h2o_mem_pool_t *pool, const struct search_query *q, const struct parsed *terms,
		    struct search_result *out)
{
	if (out->nhits == 0)
		return 0;
	buf ids;
	buf_init(&ids, pool);
	for (size_t i = 0; i < out->nhits; i++)
		add_id(&ids, i, out->hits[i].article.id);
	buf_addc(&ids, '}');
	struct pg_params p = {0};
	pg_p_text(&p, buf_cstr(&ids));
	pg_p_i64(&p, q->level < 0 ? 0 : q->level > 3 ? 3 : q->level);
	PGresult *r =
	    pg_q(s, S_TEXTS,
		 "SELECT d.id, d.summary, CASE WHEN d.body_level <= $2::int THEN d.any_body ELSE '' END, "
		 "d.people, d.trial, d.refs, d.topics FROM article_search_doc d "
		 "WHERE d.id = ANY ($1::bigint[])",
		 &p);
	if (!r)
		return -1;
	size_t nh = out->nhits;
	struct col *cols = h2o_mem_alloc_pool(pool, nh * SNIPPET_COLS * sizeof *cols);
	int **words = h2o_mem_alloc_pool(pool, nh * SNIPPET_COLS * sizeof *words);
	memset(cols, 0, nh * SNIPPET_COLS * sizeof *cols);
	struct words ws = {0};
	struct word_table table = {0};
	for (int row = 0; row < PQntuples(r); row++) {
		int64_t id = pg_i64(r, row, 0);
		size_t h = 0;
		while (h < nh && out->hits[h].article.id != id)
			h++;
		if (h == nh)
			continue;
		for (int c = 0; c < SNIPPET_COLS; c++) {
			struct col *x = &cols[h * SNIPPET_COLS + (size_t)c];
			x->text = pg_str(pool, r, row, c + 1);
			x->len = strlen(x->text);
			int cap = 0;
			size_t at = 0, start, len;
			int *w = NULL;
			while ((len = next_word(x->text, x->len, &at, &start)) > 0) {
				if (x->ntoks == cap) {
					int more = cap ? cap * 2 : 64;
					struct tok *t = h2o_mem_alloc_pool(pool, (size_t)more * sizeof *t);
					int *tw = h2o_mem_alloc_pool(pool, (size_t)more * sizeof *tw);
					if (x->ntoks) {
						memcpy(t, x->toks, (size_t)x->ntoks * sizeof *t);
						memcpy(tw, w, (size_t)x->ntoks * sizeof *tw);
					}
					x->toks = t;
					w = tw;
					cap = more;
				}
				int wid = intern(pool, &ws, &table, x->text + start, len);
				x->toks[x->ntoks] = (struct tok){start, start + len, wid};
				w[x->ntoks++] = wid;
			}
			words[h * SNIPPET_COLS + (size_t)c] = w;
		}
	}
	PQclear(r);
	/* the query's words, each term's in order */
	int *qwords[MAX_TERMS], nq[MAX_TERMS];
	for (int i = 0; i < terms->n; i++) {
		const struct term *t = &terms->t[i];
		int n = word_count(t->text, t->n), k = 0;
		qwords[i] = h2o_mem_alloc_pool(pool, (size_t)(n ? n : 1) * sizeof(int));
		size_t at = 0, start, len;
		while ((len = next_word(t->text, t->n, &at, &start)) > 0 && k < n)
			qwords[i][k++] = intern(pool, &ws, &table, t->text + start, len);
		nq[i] = k;
	}
	if (lexemes(s, pool, &ws) != 0)
		return -1;
	struct phrase ph[MAX_TERMS];
	for (int i = 0; i < terms->n; i++) {
		lexeme_seq(pool, &ws, qwords[i], nq[i], &ph[i].seq);
		ph[i].prefix = terms->t[i].prefix;
	}
	for (size_t h = 0; h < nh; h++) {
		struct lexeme_seq seqs[SNIPPET_COLS];
		for (int c = 0; c < SNIPPET_COLS; c++) {
			size_t k = h * SNIPPET_COLS + (size_t)c;
			if (!cols[k].text)
				cols[k].text = "";
			lexeme_seq(pool, &ws, words[k] ? words[k] : (int[]){0}, cols[k].ntoks, &seqs[c]);
		}
		out->hits[h].snippet = snippet_of(pool, terms, ph, &cols[h * SNIPPET_COLS], seqs);
	}
	/* a hit only by its title: the summary stands for the snippet */
	for (size_t i = 0; i < out->nhits; i++)
		if (!out->hits[i].snippet)
			out->hits[i].snippet = out->hits[i].article.summary;
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
		add_id(&ids, i, rows[i].fact->id);
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
	return snippets(s, pool, q, terms, out);
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
	    "SELECT ndoc, '', word, ndoc FROM ts_stat('SELECT words FROM article_search_index') "
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
			 "FROM ts_stat('SELECT words FROM article_search_index')",
			 NULL, NULL) == 0 &&
		 pg_exec(s, S_TERMS_DONE,
			 "UPDATE content_version SET terms_version = $1::bigint WHERE id = 1", &p, NULL) == 0;
	if (pg_run(s, ok ? "COMMIT" : "ROLLBACK") != 0)
		ok = 0;
	return ok ? 1 : -1;
}
