/* query: what a reader types into search, parsed into the store's clauses: words, phrases, prefixes, OR and
 * exclusions, never syntax for a database to read. */
#ifndef PLENARY_QUERY_H
#define PLENARY_QUERY_H

#include <stddef.h>
#include <h2o/memory.h>

#include "store/store.h"
#include "store/search.h"

#define QUERY_MAX_TERMS 12
#define QUERY_MAX_BYTES 400

_Static_assert(QUERY_MAX_TERMS <= SEARCH_MAX_CLAUSES, "the store reads every clause");
_Static_assert(QUERY_MAX_BYTES / 2 <= SEARCH_MAX_WORDS, "the store reads every word");

struct query {
	struct search_clause clauses[QUERY_MAX_TERMS]; /* the included ones first, in the order typed */
	size_t nclauses;			       /* 0 when the query has no word to look for */
	size_t nwords;
	const char
	    *words[QUERY_MAX_TERMS]; /* plain words (not phrases or prefixes), lowercased: "did you mean" */
};

/** Reads words, "quoted phrases", prefix* (two characters or more), OR between terms and -excluded words;
 * every other character is a separator or part of a word, never syntax (quotes and stars are never in a
 * word). At most QUERY_MAX_TERMS terms of
 * the first QUERY_MAX_BYTES bytes. */
void query_parse(h2o_mem_pool_t *pool, const char *text, struct query *out);
/** Levenshtein distance between two byte strings, or cap + 1 when it is larger than cap. */
size_t query_distance(const char *a, const char *b, size_t cap);

#endif
