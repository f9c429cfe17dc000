/* sq_fts5_query: a parsed search query (store.h's clauses) as the FTS5 expression SQLite's search runs. */
#include "store/sqlite/sq_fts5_query.h"

#include <string.h>

#include "core/buf.h"

/* article_search's columns for each of search_column's (the body: every audience's; the reader's level
 * filters them after) */
static const char *const column_filter[] = {
    [SEARCH_ANY] = "",
    [SEARCH_TITLE] = "{title} : ",
    [SEARCH_SUMMARY] = "{summary} : ",
    [SEARCH_BODY] = "{body body_members body_hcp body_verified} : ",
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

/* One clause as an FTS5 phrase, its words from *left more; 0 when it added none. */
static int add_clause(buf *b, const struct search_clause *c, size_t *left)
{
	size_t n = c->nwords < *left ? c->nwords : *left;
	size_t col = (size_t)c->column < sizeof column_filter / sizeof *column_filter ? (size_t)c->column : 0;
	if (n == 0)
		return 0;
	*left -= n;
	buf_adds(b, column_filter[col]);
	buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ' ');
		for (const char *p = c->words[i]; *p; p++) {
			if (*p == '"')
				buf_addc(b, '"'); /* FTS5 reads "" inside a string as one quote */
			buf_addc(b, *p);
		}
	}
	buf_addc(b, '"');
	if (c->prefix)
		buf_addc(b, '*');
	return 1;
}

const char *fts5_query(h2o_mem_pool_t *pool, const struct search_clause *c, size_t n)
{
	n = clause_count(n);
	buf in, out;
	buf_init(&in, pool);
	buf_init(&out, pool);
	size_t left = SEARCH_MAX_WORDS, included = 0;
	for (size_t i = 0; i < n; i++) {
		if (c[i].exclude || c[i].nwords == 0 || left == 0)
			continue;
		if (included)
			buf_adds(&in, c[i].or_before ? " OR " : " ");
		included += add_clause(&in, &c[i], &left);
	}
	if (!included)
		return NULL;
	buf_printf(&out, "(%s)", buf_cstr(&in));
	for (size_t i = 0; i < n; i++)
		if (c[i].exclude && c[i].nwords && left) {
			buf_adds(&out, " NOT ");
			add_clause(&out, &c[i], &left);
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
	if (with_words != 1 || c[at].exclude || c[at].column != SEARCH_ANY)
		return 0;
	if (c[at].nwords > 1)
		return 1;
	for (const unsigned char *p = (const unsigned char *)c[at].words[0]; *p; p++)
		if (!(*p >= 0x80 || (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')))
			return 1;
	return 2;
}
