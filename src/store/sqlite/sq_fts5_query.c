/* sq_fts5_query: a parsed search query (store.h's clauses) as the FTS5 expression SQLite's search runs. */
#include "store/sqlite/sq_fts5_query.h"

#include <string.h>

#include "core/buf.h"
#include "store/search.h"

/* article_search's columns for each of search_column's (the body: every audience's body and transcript;
 * the reader's level filters them after) */
static const char *const column_filter[] = {
    [SEARCH_ANY] = "",
    [SEARCH_TITLE] = "{title} : ",
    [SEARCH_SUMMARY] = "{summary} : ",
    [SEARCH_BODY] = ("{body body_members body_hcp body_verified transcript transcript_members transcript_hcp "
		     "transcript_verified} : "),
    [SEARCH_PEOPLE] = "{people} : ",
    [SEARCH_TRIAL] = "{trial} : ",
    [SEARCH_REFS] = "{refs} : ",
    [SEARCH_TOPICS] = "{topics} : ",
};

/* The clauses the store reads: the first SEARCH_MAX_CLAUSES. */
static size_t clause_count(size_t n)
{
	return n < SEARCH_MAX_CLAUSES ? n : SEARCH_MAX_CLAUSES;
}

/* Words as one FTS5 string: "a b" (a quote inside doubled). */
static void add_phrase(buf *b, const char *const *words, size_t n)
{
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ' ');
		for (const char *p = words[i]; *p; p++) {
			if (*p == '"')
				buf_addc(b, '"'); /* FTS5 reads "" inside a string as one quote */
			buf_addc(b, *p);
		}
	}
	buf_addc(b, '"');
}

/* One clause as an FTS5 phrase, its words from *left more, or with its alternatives (from *alts more, each
 * whole within *left) as (phrase OR alternative ...); 0 when it added none. */
static int add_clause(buf *b, const struct search_clause *c, size_t *left, size_t *alts)
{
	size_t n = c->nwords < *left ? c->nwords : *left;
	size_t col = (size_t)c->column < sizeof column_filter / sizeof *column_filter ? (size_t)c->column : 0;
	if (n == 0)
		return 0;
	*left -= n;
	buf_adds(b, column_filter[col]);
	/* the alternatives that fit, each whole */
	size_t k = 0, words = *left, fit[SEARCH_MAX_ALTS];
	for (size_t a = 0; a < c->nalts && k < *alts; a++)
		if (c->alts[a].nwords && c->alts[a].nwords <= words) {
			words -= c->alts[a].nwords;
			fit[k++] = a;
		}
	*alts -= k;
	*left = words;
	if (k)
		buf_addc(b, '(');
	add_phrase(b, c->words, n);
	if (c->prefix)
		buf_addc(b, '*');
	for (size_t a = 0; a < k; a++) {
		buf_adds(b, " OR ");
		add_phrase(b, c->alts[fit[a]].words, c->alts[fit[a]].nwords);
	}
	if (k)
		buf_addc(b, ')');
	return 1;
}

const char *fts5_query(h2o_mem_pool_t *pool, const struct search_clause *c, size_t n)
{
	n = clause_count(n);
	buf in, out;
	buf_init(&in, pool);
	buf_init(&out, pool);
	size_t left = SEARCH_MAX_WORDS, alts = SEARCH_MAX_ALTS, included = 0;
	/* FTS5 reads a space as AND between phrases only: beside a parenthesized clause, AND is written */
	int grouped = 0;
	for (size_t i = 0; i < n; i++)
		grouped |= c[i].nalts > 0;
	for (size_t i = 0; i < n; i++) {
		if (c[i].exclude || c[i].nwords == 0 || left == 0)
			continue;
		if (included)
			buf_adds(&in, c[i].or_before ? " OR " : grouped ? " AND " : " ");
		included += add_clause(&in, &c[i], &left, &alts);
	}
	if (!included)
		return NULL;
	buf_printf(&out, "(%s)", buf_cstr(&in));
	for (size_t i = 0; i < n; i++)
		if (c[i].exclude && c[i].nwords && left) {
			buf_adds(&out, " NOT ");
			add_clause(&out, &c[i], &left, &alts);
		}
	return buf_cstr(&out);
}

int fts5_query_kind(const struct search_clause *c, size_t n)
{
	n = clause_count(n);
	size_t with_words = 0, at = 0;
	for (size_t i = 0; i < n; i++)
		if (c[i].nwords) {
			with_words++;
			at = i;
		}
	if (with_words != 1 || c[at].exclude || c[at].column != SEARCH_ANY || c[at].nalts)
		return 0;
	if (c[at].nwords > 1)
		return 1;
	for (const unsigned char *p = (const unsigned char *)c[at].words[0]; *p; p++)
		if (!(*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			return 1;
	return 2;
}
