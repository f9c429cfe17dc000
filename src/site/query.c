/* query: what a reader types into search, parsed into the store's clauses: words, phrases, prefixes, OR and
 * exclusions, never syntax for a database to read. */
#include "site/query.h"
#include "store/search.h"

#include <string.h>
#include <strings.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* letters, digits and any non-ASCII byte (the tokenizer decides for those) */
static int is_wordy(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

struct term {
	const char *s;
	size_t n;
	int phrase, prefix, negative, or_before;
};

/* A term as a clause: its blank-separated pieces, quotes and stars dropped, as words (at most *left more of
 * them). */
static void add_clause(h2o_mem_pool_t *pool, const struct term *t, int or_before, size_t *left,
		       struct search_clause *c)
{
	const char **words = h2o_mem_alloc_pool(pool, (t->n / 2 + 1) * sizeof *words);
	char *copy = h2o_mem_alloc_pool(pool, t->n + 1), *w = copy;
	size_t n = 0;
	for (size_t i = 0; i <= t->n; i++) {
		if (i < t->n && !is_space(t->s[i])) {
			if (t->s[i] != '"' && t->s[i] != '*')
				*w++ = t->s[i];
			continue;
		}
		if (w > copy && *left > 0) { /* a word ends */
			*w++ = '\0';
			words[n++] = copy;
			copy = w;
			--*left;
		}
	}
	*c = (struct search_clause){.words = words,
				    .nwords = n,
				    .phrase = t->phrase,
				    .prefix = t->prefix,
				    .exclude = t->negative,
				    .or_before = or_before,
				    .column = SEARCH_ANY};
}

/* Words too common to find anything by: a bare one is left out of a query that has other words (inside a
 * "quoted phrase" it stays, since the phrase needs it). Each would otherwise add a list of nearly every
 * article to walk and rank. */
static int is_stopword(const struct term *t)
{
	static const char *const stop[] = {"a",	  "an",	  "and",  "are", "as",	 "at",	 "be",	"by",
					   "for", "from", "in",	  "is",	 "it",	 "of",	 "on",	"or",
					   "the", "to",	  "with", "was", "were", "this", "that"};
	if (t->phrase || t->prefix || t->negative || t->n > 4)
		return 0;
	for (size_t i = 0; i < sizeof stop / sizeof *stop; i++)
		if (strlen(stop[i]) == t->n && strncasecmp(stop[i], t->s, t->n) == 0)
			return 1;
	return 0;
}

static size_t wordy_count(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += is_wordy((unsigned char)s[i]) != 0;
	return k;
}

void query_parse(h2o_mem_pool_t *pool, const char *text, struct query *out)
{
	memset(out, 0, sizeof *out);
	struct term terms[QUERY_MAX_TERMS];
	size_t nt = 0, len = strnlen(text, QUERY_MAX_BYTES);
	int pending_or = 0;
	for (size_t i = 0; i < len && nt < QUERY_MAX_TERMS;) {
		if (is_space(text[i])) {
			i++;
			continue;
		}
		struct term t = {0};
		/* -"a phrase" leaves the phrase out, as -word leaves a word out */
		int excluded = text[i] == '-' && i + 1 < len && text[i + 1] == '"';
		if (excluded)
			i++;
		if (text[i] == '"') {
			size_t start = ++i;
			while (i < len && text[i] != '"')
				i++;
			t = (struct term){text + start, i - start, 1, 0, excluded, 0};
			if (i < len)
				i++;
		} else {
			size_t start = i;
			while (i < len && !is_space(text[i]) && text[i] != '"')
				i++;
			t = (struct term){text + start, i - start, 0, 0, 0, 0};
			if (t.n == 2 && memcmp(t.s, "OR", 2) == 0) {
				pending_or = nt > 0;
				continue;
			}
			if (t.n > 1 && t.s[0] == '-')
				t.s++, t.n--, t.negative = 1;
			size_t stars = 0;
			while (t.n > stars && t.s[t.n - 1 - stars] == '*')
				stars++;
			t.n -= stars;
			t.prefix = stars > 0 && wordy_count(t.s, t.n) >= 2;
		}
		if (!wordy_count(t.s, t.n))
			continue;
		t.or_before = pending_or && !t.negative;
		pending_or = 0;
		terms[nt++] = t;
	}
	/* stopwords go when another positive term stays, unless OR joins them to a neighbour */
	size_t useful = 0;
	for (size_t i = 0; i < nt; i++)
		useful += !terms[i].negative && !is_stopword(&terms[i]);
	if (useful) {
		size_t k = 0;
		for (size_t i = 0; i < nt; i++) {
			int joined = terms[i].or_before || (i + 1 < nt && terms[i + 1].or_before);
			if (!is_stopword(&terms[i]) || joined)
				terms[k++] = terms[i];
		}
		nt = k;
	}
	size_t positives = 0, left = SEARCH_MAX_WORDS;
	for (int excluded = 0; excluded < 2; excluded++)
		for (size_t i = 0; i < nt; i++) {
			if (terms[i].negative != excluded)
				continue;
			struct search_clause *c = &out->clauses[out->nclauses];
			add_clause(pool, &terms[i], !excluded && positives && terms[i].or_before, &left, c);
			if (c->nwords == 0)
				continue;
			out->nclauses++;
			positives += !excluded;
			if (excluded || terms[i].phrase || terms[i].prefix || out->nwords >= QUERY_MAX_TERMS)
				continue;
			char *w = h2o_mem_alloc_pool(pool, terms[i].n + 1);
			size_t k = 0;
			for (size_t j = 0; j < terms[i].n; j++) {
				char ch = terms[i].s[j];
				if (ch != '"' && ch != '*')
					w[k++] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
			}
			w[k] = '\0';
			out->words[out->nwords++] = w;
		}
	if (!positives)
		out->nclauses = 0;
}

size_t query_distance(const char *a, const char *b, size_t cap)
{
	size_t na = strlen(a), nb = strlen(b);
	if (na > 64 || nb > 64)
		return cap + 1;
	if ((na > nb ? na - nb : nb - na) > cap)
		return cap + 1;
	size_t row[65];
	for (size_t j = 0; j <= nb; j++)
		row[j] = j;
	for (size_t i = 1; i <= na; i++) {
		size_t diag = row[0], best = row[0] = i;
		for (size_t j = 1; j <= nb; j++) {
			size_t up = row[j];
			size_t v = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < v)
				v = up + 1;
			if (row[j - 1] + 1 < v)
				v = row[j - 1] + 1;
			row[j] = v;
			diag = up;
			if (v < best)
				best = v;
		}
		if (best > cap)
			return cap + 1;
	}
	return row[nb] > cap ? cap + 1 : row[nb];
}
