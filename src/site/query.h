/* query: what a reader types into search, turned into an FTS5 expression that cannot be a syntax error. */
#ifndef PLENARY_QUERY_H
#define PLENARY_QUERY_H

#include <stddef.h>
#include <h2o/memory.h>

#define QUERY_MAX_TERMS 12
#define QUERY_MAX_BYTES 400

struct query {
	const char *match; /* FTS5 expression, NULL when the query has no word to look for */
	size_t nwords;
	const char
	    *words[QUERY_MAX_TERMS]; /* plain words (not phrases or prefixes), lowercased: "did you mean" */
};

/** Reads words, "quoted phrases", prefix* (two characters or more), OR between terms and -excluded words;
 * every other character is a separator or part of a word, never syntax. At most QUERY_MAX_TERMS terms of
 * the first QUERY_MAX_BYTES bytes. */
void query_parse(h2o_mem_pool_t *pool, const char *text, struct query *out);
/** Levenshtein distance between two byte strings, or cap + 1 when it is larger than cap. */
size_t query_distance(const char *a, const char *b, size_t cap);

#endif
