/* synonyms: a site's synonym groups as search reads them: an editor's line of terms checked and tidied, and a
 * parsed query's terms widened to the other terms of their group. */
#include "site/synonyms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "store/search.h"

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_wordy(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

size_t synonyms_split(h2o_mem_pool_t *pool, const char *line, const char **terms, size_t max)
{
	size_t n = 0;
	for (const char *p = line; *p && n < max;) {
		const char *end = strchr(p, ',');
		if (!end)
			end = p + strlen(p);
		const char *a = p, *b = end;
		while (a < b && is_blank(*a))
			a++;
		while (b > a && is_blank(b[-1]))
			b--;
		if (b > a) {
			char *t = h2o_mem_alloc_pool(pool, (size_t)(b - a) + 1);
			memcpy(t, a, (size_t)(b - a));
			t[b - a] = '\0';
			terms[n++] = t;
		}
		p = *end ? end + 1 : end;
	}
	return n;
}

/* The key of s[0, n) appended to out (at most cap - 1 bytes in all, then cut): its length. */
static size_t key_into(const char *s, size_t n, char *out, size_t at, size_t cap)
{
	for (size_t i = 0; i < n && at + 1 < cap; i++) {
		unsigned char c = (unsigned char)s[i];
		if (is_wordy(c))
			out[at++] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : (char)c;
	}
	out[at] = '\0';
	return at;
}

const char *synonyms_key(h2o_mem_pool_t *pool, const char *term)
{
	size_t n = strlen(term);
	char *k = h2o_mem_alloc_pool(pool, n + 1);
	key_into(term, n, k, 0, n + 1);
	return k;
}

/* The number of words of a term as the search cuts them (runs of letters, digits, non-ASCII bytes). */
static size_t token_count(const char *s)
{
	size_t n = 0;
	for (size_t i = 0; s[i]; i++)
		n += is_wordy((unsigned char)s[i]) && (i == 0 || !is_wordy((unsigned char)s[i - 1]));
	return n;
}

const char *synonyms_check(h2o_mem_pool_t *pool, const char *line, const struct synonym_group *groups,
			   size_t ngroups, int64_t self, const char **tidy, const char *named[2])
{
	*tidy = NULL;
	named[0] = named[1] = "";
	if (strlen(line) > SYNONYM_MAX_LINE)
		return "admin.synonyms.error.too_long";
	const char *terms[SYNONYM_MAX_TERMS + 1], *keys[SYNONYM_MAX_TERMS + 1];
	size_t n = synonyms_split(pool, line, terms, SYNONYM_MAX_TERMS + 1);
	if (n < 2)
		return "admin.synonyms.error.two_terms";
	if (n > SYNONYM_MAX_TERMS)
		return "admin.synonyms.error.too_many";
	for (size_t i = 0; i < n; i++) {
		keys[i] = synonyms_key(pool, terms[i]);
		const char *why = NULL;
		named[0] = terms[i];
		if (strlen(terms[i]) > SYNONYM_MAX_TERM) {
			named[0] = mem_strndup(pool, terms[i], text_cut(terms[i], strlen(terms[i]), 40));
			why = "admin.synonyms.error.term_long";
		} else if (strlen(keys[i]) < 2) {
			why = "admin.synonyms.error.too_short";
		}
		for (size_t j = 0; j < i && !why; j++)
			if (strcmp(keys[i], keys[j]) == 0) {
				named[0] = terms[j];
				named[1] = terms[i];
				why = "admin.synonyms.error.same";
			}
		for (size_t g = 0; g < ngroups && !why; g++) {
			if (groups[g].id == self)
				continue;
			const char *other[SYNONYM_MAX_TERMS];
			size_t m = synonyms_split(pool, groups[g].terms, other, SYNONYM_MAX_TERMS);
			for (size_t k = 0; k < m && !why; k++)
				if (strcmp(synonyms_key(pool, other[k]), keys[i]) == 0) {
					named[1] = mem_strndup(
					    pool, groups[g].terms,
					    text_cut(groups[g].terms, strlen(groups[g].terms), 200));
					why = "admin.synonyms.error.other_group";
				}
		}
		if (why)
			return why;
	}
	buf b;
	buf_init(&b, pool);
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&b, ", ");
		buf_adds(&b, terms[i]);
	}
	*tidy = buf_cstr(&b);
	return NULL;
}

/* ---- widening a query ---- */

void synonym_table_build(h2o_mem_pool_t *pool, const struct synonym_group *groups, size_t ngroups,
			 struct synonym_table *t)
{
	t->e = h2o_mem_alloc_pool(pool, (ngroups ? ngroups : 1) * SYNONYM_MAX_TERMS * sizeof *t->e);
	t->n = 0;
	for (size_t g = 0; g < ngroups; g++) {
		const char *terms[SYNONYM_MAX_TERMS];
		size_t m = synonyms_split(pool, groups[g].terms, terms, SYNONYM_MAX_TERMS);
		for (size_t k = 0; k < m; k++) {
			const char *key = synonyms_key(pool, terms[k]);
			if (key[0])
				t->e[t->n++] = (struct synonym_entry){terms[k], key, g};
		}
	}
}

static const struct synonym_entry *table_find(const struct synonym_table *t, const char *key)
{
	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->e[i].key, key) == 0)
			return &t->e[i];
	return NULL;
}

/* The key of clauses c[0, n): every word's, run together. */
static const char *clauses_key(h2o_mem_pool_t *pool, const struct search_clause *c, size_t n)
{
	size_t len = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t w = 0; w < c[i].nwords; w++)
			len += strlen(c[i].words[w]);
	char *k = h2o_mem_alloc_pool(pool, len + 1);
	size_t at = 0;
	k[0] = '\0';
	for (size_t i = 0; i < n; i++)
		for (size_t w = 0; w < c[i].nwords; w++)
			at = key_into(c[i].words[w], strlen(c[i].words[w]), k, at, len + 1);
	return k;
}

/* Whether clause c may start or continue a run of unquoted words read as one term. */
static int runnable(const struct search_clause *c, int first)
{
	return !c->phrase && !c->prefix && !c->exclude && c->column == SEARCH_ANY && (first || !c->or_before);
}

struct budget {
	h2o_mem_pool_t *pool; /* the caller's: what it is told is copied there */
	size_t alts, words;
	const char **added;
	size_t max, *nadded;
};

/* Adds an alternative of words (a term cut at blanks) to alts, within the budget: 1 when added. */
static int add_alt(h2o_mem_pool_t *pool, const char *term, const struct search_clause *c,
		   struct search_clause *alts, size_t *nalts, struct budget *b)
{
	size_t len = strlen(term), nw = 0;
	const char **words = h2o_mem_alloc_pool(pool, (len / 2 + 1) * sizeof *words);
	char *copy = h2o_mem_alloc_pool(pool, len + 1);
	memcpy(copy, term, len + 1);
	for (char *p = copy; *p;) {
		while (*p && is_blank(*p))
			*p++ = '\0';
		if (!*p)
			break;
		words[nw++] = p;
		while (*p && !is_blank(*p))
			p++;
	}
	if (nw == 0 || b->alts == 0 || nw > b->words)
		return 0;
	b->alts--;
	b->words -= nw;
	alts[(*nalts)++] = (struct search_clause){words, nw, 1, 0, c->exclude, 0, c->column, NULL, 0};
	return 1;
}

/* A compound's joined form ("T-DXd": "tdxd", "triple negative": "triplenegative") is an alternative when
 * the term is of a few short words. */
static int joinable(const char *term, const char *key)
{
	return token_count(term) > 1 && token_count(term) <= 3 && strlen(key) <= 16;
}

/* Whether two terms are the same words to the search (case aside): "T-DXd" and "t dxd" are, "tdxd" is not. */
static int same_words(const char *a, const char *b)
{
	for (;;) {
		while (*a && !is_wordy((unsigned char)*a))
			a++;
		while (*b && !is_wordy((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		for (; is_wordy((unsigned char)*a) && is_wordy((unsigned char)*b); a++, b++) {
			char x = *a >= 'A' && *a <= 'Z' ? (char)(*a + 32) : *a;
			char y = *b >= 'A' && *b <= 'Z' ? (char)(*b + 32) : *b;
			if (x != y)
				return 0;
		}
		if (is_wordy((unsigned char)*a) || is_wordy((unsigned char)*b))
			return 0;
	}
}

/* Tells the reader of a term the search added for an included clause (once). */
static void note_added(struct budget *b, const struct search_clause *c, const char *term)
{
	if (!b->nadded || c->exclude)
		return;
	for (size_t i = 0; i < *b->nadded; i++)
		if (strcmp(b->added[i], term) == 0)
			return;
	if (*b->nadded < b->max) {
		size_t n = strlen(term);
		char *copy = h2o_mem_alloc_pool(b->pool, n + 1);
		memcpy(copy, term, n + 1);
		b->added[(*b->nadded)++] = copy;
	}
}

/* Gives clause c (the matched entry's) the other terms of its group as alternatives. */
static void widen(h2o_mem_pool_t *pool, const struct synonym_table *t, const struct synonym_entry *hit,
		  const char *typed, struct search_clause *c, struct budget *b)
{
	struct search_clause *alts = h2o_mem_alloc_pool(pool, (2 * SYNONYM_MAX_TERMS + 1) * sizeof *alts);
	size_t n = 0;
	if (joinable(typed, hit->key))
		add_alt(pool, hit->key, c, alts, &n, b);
	if (!same_words(typed, hit->term) &&
	    add_alt(pool, hit->term, c, alts, &n, b)) /* "tdxd" for "T-DXd" */
		note_added(b, c, hit->term);
	for (size_t i = 0; i < t->n; i++) {
		const struct synonym_entry *e = &t->e[i];
		if (e->group != hit->group || strcmp(e->key, hit->key) == 0)
			continue;
		if (!add_alt(pool, e->term, c, alts, &n, b))
			continue;
		note_added(b, c, e->term);
		if (joinable(e->term, e->key))
			add_alt(pool, e->key, c, alts, &n, b);
	}
	c->alts = n ? alts : NULL;
	c->nalts = n;
}

void synonym_table_expand(h2o_mem_pool_t *pool, const struct synonym_table *tp, struct query *q,
			  const char **added, size_t max, size_t *nadded)
{
	if (nadded)
		*nadded = 0;
	if (!tp->n || !q->nclauses)
		return;
	const struct synonym_table t = *tp;
	struct budget b = {pool, SEARCH_MAX_ALTS, SEARCH_MAX_WORDS, added, max, nadded};
	for (size_t i = 0; i < q->nclauses; i++)
		b.words -= q->clauses[i].nwords < b.words ? q->clauses[i].nwords : b.words;
	struct search_clause out[QUERY_MAX_TERMS];
	size_t nout = 0;
	for (size_t i = 0; i < q->nclauses;) {
		struct search_clause c = q->clauses[i];
		size_t len = 1;
		const struct synonym_entry *hit = NULL;
		if (!c.prefix) {
			/* several unquoted words that spell a term: the longest run first */
			size_t most = q->nclauses - i < SYNONYM_MAX_RUN ? q->nclauses - i : SYNONYM_MAX_RUN;
			for (size_t k = most; k >= 2 && !hit; k--) {
				size_t ok = 1;
				for (size_t j = 0; j < k && ok; j++)
					ok = runnable(&q->clauses[i + j], j == 0);
				if (ok &&
				    (hit = table_find(&t, clauses_key(pool, &q->clauses[i], k))) != NULL)
					len = k;
			}
			if (!hit)
				hit = table_find(&t, clauses_key(pool, &c, 1));
		}
		if (hit && len > 1) {
			size_t nw = 0;
			for (size_t j = 0; j < len; j++)
				nw += q->clauses[i + j].nwords;
			const char **words = h2o_mem_alloc_pool(pool, nw * sizeof *words);
			nw = 0;
			for (size_t j = 0; j < len; j++)
				for (size_t w = 0; w < q->clauses[i + j].nwords; w++)
					words[nw++] = q->clauses[i + j].words[w];
			c.words = words;
			c.nwords = nw;
			c.phrase = 1;
		}
		if (hit) {
			buf typed;
			buf_init(&typed, pool);
			for (size_t w = 0; w < c.nwords; w++)
				buf_printf(&typed, "%s%s", w ? " " : "", c.words[w]);
			widen(pool, &t, hit, buf_cstr(&typed), &c, &b);
		}
		out[nout++] = c;
		i += len;
	}
	memcpy(q->clauses, out, nout * sizeof *out);
	q->nclauses = nout;
}

void synonyms_expand(h2o_mem_pool_t *pool, const struct synonym_group *groups, size_t ngroups,
		     struct query *q, const char **added, size_t max, size_t *nadded)
{
	struct synonym_table t;
	synonym_table_build(pool, groups, ngroups, &t);
	synonym_table_expand(pool, &t, q, added, max, nadded);
}
