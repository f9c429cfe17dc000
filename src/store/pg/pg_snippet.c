/* pg_snippet: search snippets on PostgreSQL, FTS5's snippet() made in C on the words PostgreSQL stems */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/pg/pg_search.h"
#include "store/search.h"

enum {
	S_FIRST = 409, /* slots 410-419 belong to pg_snippet.c */
	S_TEXTS,
	S_LEXEMES,
	S_LAST
};
_Static_assert(S_LAST <= 420, "statement slots 410-419 belong to pg_snippet.c");

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
size_t pg_next_word(const char *s, size_t n, size_t *at, size_t *start)
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

size_t pg_clause_next_word(const struct search_clause *c, size_t *w, size_t *at, const char **start)
{
	for (; *w < c->nwords; ++*w, *at = 0) {
		size_t from, len = pg_next_word(c->words[*w], strlen(c->words[*w]), at, &from);
		if (len) {
			*start = c->words[*w] + from;
			return len;
		}
	}
	return 0;
}

int pg_clause_word_count(const struct search_clause *c)
{
	size_t w = 0, at = 0;
	const char *start;
	int k = 0;
	while (pg_clause_next_word(c, &w, &at, &start))
		k++;
	return k;
}

/* ---- snippets: FTS5's snippet() made in C, on the words PostgreSQL stems ---- */

#define SNIPPET_TOKENS 28
#define SNIPPET_COLS                                                                                         \
	7 /* summary, body, faculty, trial, references, topics, transcript: the title is shown already */
#define SNIPPET_BODY 1
#define SNIPPET_TRANSCRIPT 6 /* a clause on the body is found in the transcript too (029) */
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

/* ---- each word's lexemes, kept by the connection: stemming a word never changes ---- */

#define KEEP_WORDS 65536 /* words kept; past that the table starts again */

struct lexicon {
	char **word, **lex; /* by slot; NULL: empty */
	size_t n, size;
};

static void lexicon_clear(struct lexicon *x)
{
	for (size_t i = 0; i < x->size; i++) {
		free(x->word[i]);
		free(x->lex[i]);
	}
	free(x->word);
	free(x->lex);
	memset(x, 0, sizeof *x);
}

static void lexicon_free(void *p)
{
	if (p)
		lexicon_clear(p);
	free(p);
}

/* The slot of w: its own, or the empty one where it goes. */
static size_t lexicon_slot(const struct lexicon *x, const char *w)
{
	size_t k = (size_t)word_hash(w, strlen(w)) & (x->size - 1);
	while (x->word[k] && strcmp(x->word[k], w) != 0)
		k = (k + 1) & (x->size - 1);
	return k;
}

/* Keeps w's lexemes (copies): 0, or -1 out of memory. */
static int lexicon_add(struct lexicon *x, const char *w, const char *lex)
{
	if ((x->n + 1) * 2 > x->size) {
		struct lexicon bigger = {calloc(x->size ? x->size * 2 : 4096, sizeof(char *)),
					 calloc(x->size ? x->size * 2 : 4096, sizeof(char *)), x->n,
					 x->size ? x->size * 2 : 4096};
		if (!bigger.word || !bigger.lex) {
			free(bigger.word);
			free(bigger.lex);
			return -1;
		}
		for (size_t i = 0; i < x->size; i++)
			if (x->word[i]) {
				size_t k = lexicon_slot(&bigger, x->word[i]);
				bigger.word[k] = x->word[i];
				bigger.lex[k] = x->lex[i];
			}
		free(x->word);
		free(x->lex);
		*x = bigger;
	}
	size_t k = lexicon_slot(x, w);
	if (x->word[k])
		return 0;
	x->word[k] = strdup(w);
	x->lex[k] = strdup(lex);
	if (!x->word[k] || !x->lex[k]) {
		free(x->word[k]);
		free(x->lex[k]);
		x->word[k] = x->lex[k] = NULL;
		return -1;
	}
	x->n++;
	return 0;
}

/* Each distinct word's lexemes, as the index makes them: those the connection has not kept yet asked in one
 * statement for the page. */
static int lexemes(store *s, h2o_mem_pool_t *pool, struct words *ws)
{
	struct lexicon **held = (struct lexicon **)pg_state(s, PG_STATE_SNIPPET, lexicon_free);
	if (!*held && !(*held = calloc(1, sizeof **held)))
		return -1;
	struct lexicon *x = *held;
	if (x->n + ws->n > KEEP_WORDS)
		lexicon_clear(x);
	ws->lex = h2o_mem_alloc_pool(pool, (ws->n ? ws->n : 1) * sizeof *ws->lex);
	size_t *ask = h2o_mem_alloc_pool(pool, (ws->n ? ws->n : 1) * sizeof *ask), nask = 0;
	buf all;
	buf_init(&all, pool);
	for (size_t i = 0; i < ws->n; i++) {
		size_t k = x->size ? lexicon_slot(x, ws->w[i]) : 0;
		ws->lex[i] = x->size && x->word[k] ? mem_strndup(pool, x->lex[k], strlen(x->lex[k])) : NULL;
		if (ws->lex[i])
			continue;
		if (nask)
			buf_addc(&all, '\1');
		buf_adds(&all, ws->w[i]);
		ask[nask++] = i;
	}
	if (!nask)
		return 0;
	struct pg_params p = {0};
	pg_p_text(&p, buf_cstr(&all));
	PGresult *r = pg_q(s, S_LEXEMES,
			   "SELECT COALESCE((SELECT string_agg(l.lexeme, ' ' ORDER BY l.positions[1]) "
			   "FROM unnest(to_tsvector('plenary', search_text(x.w))) l), '') "
			   "FROM unnest(string_to_array($1, chr(1))) WITH ORDINALITY x(w, k) ORDER BY x.k",
			   &p);
	if (!r)
		return -1;
	for (size_t i = 0; i < nask; i++) {
		ws->lex[ask[i]] = (int)i < PQntuples(r) ? pg_str(pool, r, (int)i, 0) : "";
		if ((int)i < PQntuples(r))
			lexicon_add(x, ws->w[ask[i]],
				    ws->lex[ask[i]]); /* out of memory: asked again next time */
	}
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
	int column; /* the snippet column it must be in, or -1 for any */
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
static void find_instances(h2o_mem_pool_t *pool, const struct lexeme_seq *doc, int column,
			   const struct phrase *ph, int nphrases, struct col *c)
{
	int cap = 0;
	c->inst = NULL;
	c->ninst = 0;
	for (int p = 0; p < nphrases; p++) {
		int len = ph[p].seq.n;
		if (len == 0 || (ph[p].column >= 0 && ph[p].column != column &&
				 !(ph[p].column == SNIPPET_BODY && column == SNIPPET_TRANSCRIPT)))
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
static int query_holds(const struct parsed *q, const unsigned char *found)
{
	int any = 0, group = 1, started = 0, in[MAX_TERMS], present[MAX_TERMS];
	for (int i = 0; i < q->n; i++)
		in[i] = found[i];
	pg_fold_alts(q, in, present); /* a clause is there when one of its alternatives is */
	for (int i = 0; i < q->n; i++) {
		if (q->alt_of[i] >= 0)
			continue;
		if (q->t[i].exclude) {
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
		find_instances(pool, &seqs[i], i, ph, q->n, &cols[i]);
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

/* Snippets for the page's hits: the columns this reader may match but the title (the body and the
 * transcript only when the article's audience is at or below their level), cut into words, the words stemmed
 * by PostgreSQL in one statement, and FTS5's choice of column and window made on them. A hit whose match
 * needs its title gets its summary. */
int pg_snippets(store *s, h2o_mem_pool_t *pool, const struct search_query *q, const struct parsed *terms,
		struct search_result *out)
{
	if (out->nhits == 0)
		return 0;
	buf ids;
	buf_init(&ids, pool);
	for (size_t i = 0; i < out->nhits; i++)
		pg_add_id(&ids, i, out->hits[i].article.id);
	buf_addc(&ids, '}');
	struct pg_params p = {0};
	pg_p_text(&p, buf_cstr(&ids));
	pg_p_i64(&p, q->level < 0 ? 0 : q->level > 3 ? 3 : q->level);
	PGresult *r =
	    pg_q(s, S_TEXTS,
		 "SELECT d.id, d.summary, CASE WHEN d.body_level <= $2::int THEN d.any_body ELSE '' END, "
		 "d.people, d.trial, d.refs, d.topics, "
		 "CASE WHEN d.body_level <= $2::int THEN d.any_transcript ELSE '' END "
		 "FROM article_search_doc d WHERE d.id = ANY ($1::bigint[])",
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
			while ((len = pg_next_word(x->text, x->len, &at, &start)) > 0) {
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
		const struct search_clause *t = &terms->t[i];
		int n = pg_clause_word_count(t), k = 0;
		qwords[i] = h2o_mem_alloc_pool(pool, (size_t)(n ? n : 1) * sizeof(int));
		size_t w = 0, at = 0, len;
		const char *start;
		while ((len = pg_clause_next_word(t, &w, &at, &start)) > 0 && k < n)
			qwords[i][k++] = intern(pool, &ws, &table, start, len);
		nq[i] = k;
	}
	if (lexemes(s, pool, &ws) != 0)
		return -1;
	struct phrase ph[MAX_TERMS];
	for (int i = 0; i < terms->n; i++) {
		lexeme_seq(pool, &ws, qwords[i], nq[i], &ph[i].seq);
		ph[i].prefix = terms->t[i].prefix;
		/* a clause on one column: the summary, body (and transcript), faculty, trial, references or
		 * topics of the snippet (on the title, none of them) */
		enum search_column c = terms->t[i].column;
		ph[i].column = c == SEARCH_ANY	   ? -1
			       : c == SEARCH_TITLE ? SNIPPET_COLS
						   : (int)c - SEARCH_SUMMARY;
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
