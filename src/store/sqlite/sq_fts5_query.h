/* sq_fts5_query: a parsed search query (store.h's clauses) as the FTS5 expression SQLite's search runs. */
#ifndef PLENARY_SQ_FTS5_QUERY_H
#define PLENARY_SQ_FTS5_QUERY_H

#include <stddef.h>
#include <h2o/memory.h>

#include "store/store.h"
#include "store/search.h"

/** The clauses as FTS5 text: the included ones in parentheses (a space between two is AND, OR where the
 * clause says), then NOT and each excluded one; a clause is its words in one quoted string (any quote in
 * them doubled), * after it for a prefix, its column filter before it; one with alternatives (synonyms) is
 * (alternative OR ... OR clause) after its column filter. NULL when no clause with a word is included. At
 * most SEARCH_MAX_CLAUSES clauses, SEARCH_MAX_WORDS words and SEARCH_MAX_ALTS alternatives are read. */
const char *fts5_query(h2o_mem_pool_t *pool, const struct search_clause *c, size_t n);
/** What the clauses are to FTS5: 2 for one word of letters, digits and non-ASCII bytes only (a prefix or
 * not), 1 for one other clause over every column, 0 for more (or one on a column, or with alternatives). */
int fts5_query_kind(const struct search_clause *c, size_t n);

#endif
