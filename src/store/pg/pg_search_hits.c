/* pg_search_hits: a PostgreSQL search's hits from the words' postings (search_posting, 014), kept per
 * connection with the facts until an article changes: merged, matched, filtered and scored in C, as
 * sq_search.c does over FTS5, with no per-row work in SQL. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "store/pg/pg_int.h"
#include "store/pg/pg_search.h"
#include "store/rank.h"
#include "store/search.h"

enum {
	H_FIRST = 394, /* slots 395-409 belong to pg_search_hits.c (370-394 to pg_search.c) */
	H_VERSION,
	H_FACTS,
	H_FACT_TAGS,
	H_POSTINGS,
	H_PREFIX,
	H_LEXEMES,
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
	struct postings *postings; /* words' postings read since (pg_search_hits below) */
};

struct postings;
static void postings_free(struct postings *c);

static void facts_free(void *p)
{
	struct facts *x = p;
	if (!x)
		return;
	free(x->f);
	free(x->level);
	free(x->tags);
	postings_free(x->postings);
	free(x);
}

/* The connection's facts, read again when content_version moved: NULL on error. */
static struct facts *facts(store *s)
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
	/* the articles from article_search_facts (015), then their topics, in id order both */
	PGresult *r = pg_q(
	    s, H_FACTS,
	    "SELECT a.id, a.site_id, a.published_at, a.section_id, COALESCE(a.congress_id, 0), "
	    "COALESCE(a.trial_id, 0), " PG_AUDIENCE_LEVEL ", "
	    "CASE a.lang WHEN '' THEN (SELECT language FROM site WHERE site.id = a.site_id) ELSE a.lang END "
	    "FROM article a WHERE a.status IN ('published', 'scheduled') AND a.published_at IS NOT NULL "
	    "ORDER BY a.id",
	    NULL);
	PGresult *g = r ? pg_q(s, H_FACT_TAGS,
			       "SELECT article_id, tag_id FROM article_tag ORDER BY article_id, tag_id", NULL)
			: NULL;
	if (!g) {
		PQclear(r);
		return NULL;
	}
	size_t n = (size_t)PQntuples(r), ng = (size_t)PQntuples(g), at = 0;
	struct facts *x = calloc(1, sizeof *x);
	if (x) {
		x->f = malloc((n ? n : 1) * sizeof *x->f);
		x->level = malloc(n ? n : 1);
		x->tags = malloc((ng ? ng : 1) * sizeof *x->tags);
	}
	int failed = !x || !x->f || !x->level || !x->tags;
	for (size_t i = 0; i < n && !failed; i++) {
		int64_t published = pg_i64(r, (int)i, 2), id = pg_i64(r, (int)i, 0);
		x->f[i] = (struct fact){.id = id,
					.site = pg_i64(r, (int)i, 1),
					.published = published,
					.section = pg_i64(r, (int)i, 3),
					.congress = pg_i64(r, (int)i, 4),
					.trial = pg_i64(r, (int)i, 5),
					.tags = x->ntags,
					.year = rank_year(published)};
		x->level[i] = (unsigned char)pg_i64(r, (int)i, 6);
		snprintf(x->f[i].lang, sizeof x->f[i].lang, "%s", PQgetvalue(r, (int)i, 7));
		while (at < ng && pg_i64(g, (int)at, 0) < id)
			at++; /* a draft's topics */
		for (; at < ng && pg_i64(g, (int)at, 0) == id; at++) {
			x->tags[x->ntags++] = pg_i64(g, (int)at, 1);
			x->f[i].ntags++;
		}
	}
	PQclear(g);
	PQclear(r);
	if (failed) {
		facts_free(x);
		return NULL;
	}
	if (rank_family_facts(s, x->f, n) != 0) {
		facts_free(x);
		return NULL;
	}
	x->n = n;
	x->version = version;
	x->epoch = epoch;
	*held = x;
	return x;
}

/* ---- the query's lexemes ---- */

/* The query's words and lexemes (keys): each term's keys one after another, a phrase's in order. */
struct query {
	const struct parsed *terms;
	int nwords;
	int word_term[MAX_TERMS * 16];		      /* each word's term */
	int word_last[MAX_TERMS * 16];		      /* the last word of a prefix term */
	int nkeys;				      /* the lexemes, in term order, each its term's next */
	int term_first[MAX_TERMS], term_n[MAX_TERMS]; /* each term's keys */
};
#define MAX_WORDS (MAX_TERMS * 16)

#define NCOLS                                                                                                \
	8 /* title, summary, body, people, trial, refs, topics, transcript: search_posting.pos's columns */
#define BODY 2
#define TRANSCRIPT 7 /* 029: gated as the body, and found by a clause on the body */
/* as sq_search.c's: the transcript counts half the body (speech is weaker evidence than the written article;
 * sq_search.c says more), the title ten times it */
static const double weights[NCOLS] = {10.0, 4.0, 1.0, 3.0, 5.0, 1.0, 3.0, 0.5};

/* Whether column col is one the reader may match: the body and the transcript only when the body is shown. */
static int readable(int col, int body)
{
	return body || (col != BODY && col != TRANSCRIPT);
}

/* Whether a clause on column `only` counts column col (a clause on the body counts the transcript too). */
static int on_column(enum search_column only, int col)
{
	return only == SEARCH_ANY || col == (int)only - SEARCH_TITLE ||
	       (only == SEARCH_BODY && col == TRANSCRIPT);
}

/* ---- postings: each lexeme's articles and positions, read once and kept with the facts ---- */

/* One key's postings: the articles holding the lexeme (a prefix: any lexeme it begins), in id order, and
 * each one's positions (column << 14 | position), sorted. */
struct plist {
	char *lexeme;
	int prefix;
	uint64_t used; /* the search that read it last */
	size_t n, bytes;
	int64_t *ids;
	uint32_t *at; /* n + 1: article i's positions are pos[at[i], at[i + 1]) */
	int32_t *pos;
};

/* A word of a query and its lexemes, in the order of the word (what to_tsvector makes of it). */
struct stem {
	char *word;
	int n;
	char **lexemes;
};

#define KEEP_BYTES (16u << 20) /* postings kept per connection; the least recently read go first */
#define KEEP_STEMS 1024	       /* words whose lexemes are kept */

struct postings {
	struct plist **l;
	size_t n, cap, bytes;
	uint64_t tick; /* searches so far */
	struct stem *stems;
	size_t nstems, scap;
};

static void plist_free(struct plist *l)
{
	if (!l)
		return;
	free(l->lexeme);
	free(l->ids);
	free(l->at);
	free(l->pos);
	free(l);
}

static void stems_clear(struct postings *c)
{
	for (size_t i = 0; i < c->nstems; i++) {
		for (int j = 0; j < c->stems[i].n; j++)
			free(c->stems[i].lexemes[j]);
		free(c->stems[i].lexemes);
		free(c->stems[i].word);
	}
	c->nstems = 0;
}

static void postings_free(struct postings *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		plist_free(c->l[i]);
	free(c->l);
	stems_clear(c);
	free(c->stems);
	free(c);
}

/* Lets go of the least recently read lists, never one of the search under way, until they fit. */
static void postings_trim(struct postings *c)
{
	while (c->bytes > KEEP_BYTES) {
		size_t old = c->n;
		for (size_t i = 0; i < c->n; i++)
			if (c->l[i]->used != c->tick && (old == c->n || c->l[i]->used < c->l[old]->used))
				old = i;
		if (old == c->n)
			return;
		c->bytes -= c->l[old]->bytes;
		plist_free(c->l[old]);
		c->l[old] = c->l[--c->n];
	}
}

static int by_int(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
	return (x > y) - (x < y);
}

/* The numbers of an array's text ({1,16385}) appended to l->pos (of *n, room *cap): 0, or -1 out of memory.
 */
static int add_positions(const char *s, struct plist *l, size_t *n, size_t *cap)
{
	for (; *s; s++) {
		if (*s < '0' || *s > '9')
			continue;
		int32_t v = 0;
		while (*s >= '0' && *s <= '9')
			v = v * 10 + (*s++ - '0');
		if (rank_grow((void **)&l->pos, cap, *n + 1, sizeof *l->pos) != 0)
			return -1;
		l->pos[(*n)++] = v;
		if (!*s)
			break;
	}
	return 0;
}

/* $1 a key: one lexeme, or its languages' lexemes with \1 between them (031): their postings by article (a
 * prefix's: every lexeme from one of them up to it followed by the last code point, an article's rows
 * together). An article is in one language, so its rows of one key never share a position. */
#define POSTINGS_SQL                                                                                         \
	"SELECT article_id, pos::text FROM search_posting WHERE lexeme = ANY (string_to_array($1::text, "    \
	"chr(1))::text[] COLLATE \"C\") ORDER BY article_id"
#define PREFIX_SQL                                                                                           \
	"SELECT DISTINCT ON (p.article_id, p.lexeme) p.article_id, p.pos::text FROM "                        \
	"unnest(string_to_array($1::text, chr(1))) k(l), search_posting p WHERE p.lexeme >= k.l COLLATE "    \
	"\"C\" AND p.lexeme <= (k.l || chr(1114111)) COLLATE \"C\" ORDER BY p.article_id, p.lexeme"

/* The postings of lexeme (a prefix when prefix), kept or read: NULL on error. */
static struct plist *postings_of(store *s, struct postings *c, const char *lexeme, int prefix)
{
	for (size_t i = 0; i < c->n; i++)
		if (c->l[i]->prefix == prefix && strcmp(c->l[i]->lexeme, lexeme) == 0) {
			c->l[i]->used = c->tick;
			return c->l[i];
		}
	struct pg_params p = {0};
	pg_p_text(&p, lexeme);
	PGresult *r = pg_q(s, prefix ? H_PREFIX : H_POSTINGS, prefix ? PREFIX_SQL : POSTINGS_SQL, &p);
	if (!r)
		return NULL;
	size_t rows = (size_t)PQntuples(r), npos = 0, pcap = 0;
	struct plist *l = calloc(1, sizeof *l);
	if (l) {
		l->lexeme = strdup(lexeme);
		l->ids = malloc((rows ? rows : 1) * sizeof *l->ids);
		l->at = malloc((rows + 1) * sizeof *l->at);
	}
	int failed = !l || !l->lexeme || !l->ids || !l->at ||
		     rank_grow((void **)&c->l, &c->cap, c->n + 1, sizeof *c->l) != 0;
	for (size_t i = 0; i < rows && !failed; i++) {
		int64_t id = pg_i64(r, (int)i, 0);
		if (l->n == 0 || l->ids[l->n - 1] != id) {
			l->ids[l->n] = id;
			l->at[l->n++] = (uint32_t)npos;
		}
		size_t from = npos;
		failed = add_positions(PQgetvalue(r, (int)i, 1), l, &npos, &pcap) != 0;
		/* a prefix's second lexeme in one article: its positions merged into order */
		if (!failed && from > l->at[l->n - 1])
			qsort(l->pos + l->at[l->n - 1], npos - l->at[l->n - 1], sizeof *l->pos, by_int);
	}
	PQclear(r);
	if (failed) {
		plist_free(l);
		return NULL;
	}
	l->at[l->n] = (uint32_t)npos;
	l->prefix = prefix;
	l->used = c->tick;
	l->bytes =
	    sizeof *l + strlen(lexeme) + l->n * (sizeof *l->ids + sizeof *l->at) + pcap * sizeof *l->pos;
	c->l[c->n++] = l;
	c->bytes += l->bytes;
	return l;
}

/* $1 the words (\1 between them): each word's keys, in the order of the word: at each place, the lexemes
 * English, French and Dutch make of it (031), the distinct ones with \1 between them. */
#define LEXEMES_SQL                                                                                          \
	"SELECT x.k, string_agg(DISTINCT l.lexeme, chr(1) ORDER BY l.lexeme) COLLATE \"C\" "                 \
	"FROM unnest(string_to_array($1, chr(1))) WITH ORDINALITY x(w, k), "                                 \
	"unnest('{plenary,plenary_fr,plenary_nl}'::regconfig[]) c(cfg), "                                    \
	"unnest(to_tsvector(c.cfg, search_text(x.w))) l GROUP BY x.k, l.positions[1] "                       \
	"ORDER BY x.k, l.positions[1]"

static struct stem *stem_of(struct postings *c, const char *w, size_t n)
{
	for (size_t i = 0; i < c->nstems; i++)
		if (strlen(c->stems[i].word) == n && memcmp(c->stems[i].word, w, n) == 0)
			return &c->stems[i];
	return NULL;
}

/* Makes sure each of the n words (text, len) has its lexemes kept: 0, or -1. */
static int stem_words(store *s, struct postings *c, const char *const *text, const size_t *len, int n)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	buf words;
	buf_init(&words, &pool);
	int ask[MAX_TERMS * 16], nask = 0;
	for (int k = 0; k < n; k++) {
		int again = stem_of(c, text[k], len[k]) != NULL;
		for (int i = 0; i < nask && !again; i++)
			again = len[ask[i]] == len[k] && memcmp(text[ask[i]], text[k], len[k]) == 0;
		if (again)
			continue;
		if (nask)
			buf_addc(&words, '\1');
		buf_add(&words, text[k], len[k]);
		ask[nask++] = k;
	}
	int rc = 0;
	if (nask) {
		if (c->nstems + (size_t)nask > KEEP_STEMS)
			stems_clear(c);
		struct pg_params p = {0};
		pg_p_text(&p, buf_cstr(&words));
		PGresult *r = pg_q(s, H_LEXEMES, LEXEMES_SQL, &p);
		rc = r && rank_grow((void **)&c->stems, &c->scap, c->nstems + (size_t)nask,
				    sizeof *c->stems) == 0
			 ? 0
			 : -1;
		for (int i = 0; i < nask && rc == 0; i++) {
			struct stem *st = &c->stems[c->nstems];
			*st = (struct stem){strndup(text[ask[i]], len[ask[i]]), 0, NULL};
			for (int row = 0; row < PQntuples(r); row++)
				st->n += pg_i64(r, row, 0) == i + 1;
			st->lexemes = calloc((size_t)(st->n ? st->n : 1), sizeof *st->lexemes);
			if (!st->word || !st->lexemes) {
				free(st->word);
				free(st->lexemes);
				rc = -1;
				break;
			}
			c->nstems++;
			int j = 0;
			for (int row = 0; row < PQntuples(r); row++)
				if (pg_i64(r, row, 0) == i + 1 &&
				    !(st->lexemes[j++] = strdup(PQgetvalue(r, row, 1))))
					rc = -1;
		}
		PQclear(r);
	}
	h2o_mem_clear_pool(&pool);
	return rc;
}

/* ---- matching ---- */

/* One article's positions of each key. */
struct doc {
	const int32_t *p[MAX_WORDS + 1];
	size_t len[MAX_WORDS + 1];
};

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

/* The occurrences of term t in each column of the article (its keys one after another: a phrase). */
static void term_counts(const struct query *qy, const struct doc *d, int t, double *tf)
{
	memset(tf, 0, NCOLS * sizeof *tf);
	int first = qy->term_first[t], n = qy->term_n[t];
	if (n == 0)
		return;
	const int32_t *p0 = d->p[first];
	for (size_t i = 0; i < d->len[first]; i++) {
		int32_t p = p0[i];
		int ok = 1;
		for (int j = 1; j < n && ok; j++) {
			int32_t want = p + j;
			ok = (want >> 14) == (p >> 14) && has(d->p[first + j], d->len[first + j], want);
		}
		if (ok && (p >> 14) < NCOLS)
			tf[p >> 14] += 1;
	}
}

/* Whether a term is in what the reader may match (the body and transcript only when shown). */
static int present(const double *tf, int body)
{
	for (int c = 0; c < NCOLS; c++)
		if (tf[c] > 0 && readable(c, body))
			return 1;
	return 0;
}

/* The query as FTS5 would answer it: OR between groups of ANDed included terms, the excluded terms ANDed to
 * the last group (AND binds tighter than OR); a term without a lexeme is left out. in[t]: term t is there. */
static int matches(const struct query *qy, const int *found)
{
	const struct parsed *q = qy->terms;
	int any = 0, group = 1, group_has = 0, result = 0, in[MAX_TERMS], keyed[MAX_TERMS], has[MAX_TERMS];
	/* a clause is there when it or one of its alternatives is, and has a lexeme when one of them has */
	pg_fold_alts(q, found, in);
	for (int t = 0; t < q->n; t++)
		keyed[t] = qy->term_n[t] > 0;
	pg_fold_alts(q, keyed, has);
	for (int t = 0; t < q->n; t++) {
		if (q->t[t].exclude || q->alt_of[t] >= 0)
			continue;
		if (q->t[t].or_before && any) {
			if (group_has && group)
				result = 1;
			group = 1;
			group_has = 0;
		}
		any = 1;
		if (!has[t])
			continue;
		group_has = 1;
		group = group && in[t];
	}
	/* the last group, with the exclusions */
	for (int t = 0; t < q->n; t++)
		if (q->t[t].exclude && q->alt_of[t] < 0 && has[t] && in[t])
			group = 0;
	if (group_has && group)
		result = 1;
	return result;
}

/* Whether any included term has a lexeme: else PostgreSQL's query is empty and finds nothing. */
static int searchable(const struct query *qy)
{
	for (int t = 0; t < qy->terms->n; t++)
		if (!qy->terms->t[t].exclude && qy->term_n[t] > 0)
			return 1;
	return 0;
}

/* qy's words from the terms (at most MAX_WORDS), each one's term and whether it ends a prefix term. */
static void query_words(const struct parsed *terms, struct query *qy, const char **text, size_t *n)
{
	memset(qy, 0, sizeof *qy);
	qy->terms = terms;
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
		for (int k = first; k < qy->nwords; k++)
			qy->word_last[k] = x->prefix && k == qy->nwords - 1;
	}
}

/* The connection's postings, kept beside the facts (and let go with them when an article changes). */
static struct postings *postings(struct facts *x)
{
	if (!x->postings)
		x->postings = calloc(1, sizeof *x->postings);
	return x->postings;
}

int pg_search_hits(store *s, const struct search_query *q, const struct parsed *terms, int64_t now,
		   size_t want, struct pg_hits *out)
{
	memset(out, 0, sizeof *out);
	struct facts *x = facts(s);
	struct postings *c = x ? postings(x) : NULL;
	struct query *qy = c ? calloc(1, sizeof *qy) : NULL;
	struct doc *d = qy ? calloc(1, sizeof *d) : NULL;
	const char **text = d ? malloc(MAX_WORDS * sizeof *text) : NULL;
	size_t *tlen = text ? malloc(MAX_WORDS * sizeof *tlen) : NULL;
	struct plist **lists = tlen ? calloc(MAX_WORDS, sizeof *lists) : NULL;
	size_t *cur = lists ? calloc(MAX_WORDS, sizeof *cur) : NULL;
	int failed = !cur;
	if (!failed) {
		c->tick++;
		query_words(terms, qy, text, tlen);
		failed = stem_words(s, c, text, tlen, qy->nwords) != 0;
	}
	/* the keys: each word's lexemes in order, term by term, the last of a prefix term's a prefix */
	for (int k = 0; !failed && k < qy->nwords; k++) {
		int t = qy->word_term[k];
		if (qy->term_n[t] == 0)
			qy->term_first[t] = qy->nkeys;
		const struct stem *st = stem_of(c, text[k], tlen[k]);
		for (int j = 0; st && j < st->n && qy->nkeys < MAX_WORDS && !failed; j++) {
			int prefix = qy->word_last[k] && j == st->n - 1;
			lists[qy->nkeys] = postings_of(s, c, st->lexemes[j], prefix);
			failed = !lists[qy->nkeys];
			qy->nkeys++;
			qy->term_n[t]++;
		}
	}
	size_t hcap = 0, ntf = (size_t)terms->n, pcap = 0, fcap = 0, at = 0;
	double *phrase = NULL; /* each hit's score per term */
	int64_t docs[MAX_TERMS] = {0};
	size_t *fact_of = NULL; /* each hit's fact */
	/* every article holding a key, in id order: the keys' lists merged */
	while (!failed && searchable(qy)) {
		int64_t id = INT64_MAX;
		for (int k = 0; k < qy->nkeys; k++)
			if (cur[k] < lists[k]->n && lists[k]->ids[cur[k]] < id)
				id = lists[k]->ids[cur[k]];
		if (id == INT64_MAX)
			break;
		for (int k = 0; k < qy->nkeys; k++) {
			const struct plist *l = lists[k];
			int here = cur[k] < l->n && l->ids[cur[k]] == id;
			d->p[k] = here ? l->pos + l->at[cur[k]] : NULL;
			d->len[k] = here ? l->at[cur[k] + 1] - l->at[cur[k]] : 0;
			cur[k] += (size_t)here;
		}
		while (at < x->n && x->f[at].id < id)
			at++;
		const struct fact *fa = at < x->n && x->f[at].id == id ? &x->f[at] : NULL;
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
		if (!visible)
			continue;
		int body = x->level[at] <= q->level;
		double tf[MAX_TERMS][NCOLS];
		int in[MAX_TERMS];
		for (int t = 0; t < terms->n; t++) {
			term_counts(qy, d, t, tf[t]);
			enum search_column only =
			    terms->t[t].column; /* a clause on one column counts there */
			for (int col = 0; col < NCOLS; col++)
				if (!on_column(only, col))
					tf[t][col] = 0;
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
			for (int col = 0; col < NCOLS; col++)
				if (!readable(col, body))
					tf[t][col] = 0;
			double score = rank_saturate(tf[t], weights, NCOLS);
			phrase[out->n * ntf + (size_t)t] = score;
			docs[t] += score > 0;
		}
		fact_of[out->n++] = at;
	}
	if (c)
		postings_trim(c);
	free(qy);
	free(d);
	free(text);
	free(tlen);
	free(lists);
	free(cur);
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
		out->rows[i] = (struct hit){fa, rank_score(sum, fa->published, now), 0};
	}
	free(phrase);
	free(fact_of);
	out->tags = x->tags;
	char lang[4];
	if (rank_reader_language(s, q, lang) != 0 || rank_families(out->rows, &out->n, lang) != 0) {
		free(out->rows);
		memset(out, 0, sizeof *out);
		return -1;
	}
	rank_language(out->rows, out->n, lang);
	rank_top(out->rows, out->n, want);
	return 0;
}
