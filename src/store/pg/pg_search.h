/* pg_search: what PostgreSQL's search files share: the query read back into terms, words cut as FTS5 cuts
 * them, and the page's snippets. Not for outside src/store. */
#ifndef PLENARY_PG_SEARCH_H
#define PLENARY_PG_SEARCH_H

#include "core/buf.h"
#include "store/pg/pg_int.h"
#include "store/rank.h"

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

/** The next word of s[0, n) from *at: its length, its start in *start and *at past it; 0 at the end. A word
 * is a run of letters, digits and non-ASCII characters, as FTS5's unicode61 and search_text() cut them. */
size_t pg_next_word(const char *s, size_t n, size_t *at, size_t *start);
/** The number of words of s[0, n). */
int pg_word_count(const char *s, size_t n);
/** A search's hits, in rank order as far as `want`; rows (malloc'd) point at facts and tags kept by the
 * connection until its next search. */
struct pg_hits {
	struct hit *rows;
	size_t n;
	const int64_t *tags;
};
/** Every visible hit of the parsed query for q's reader, filters and site, scored as sq_search.c scores them
 * (pg_search_hits.c): 0, or -1. */
int pg_search_hits(store *s, const struct search_query *q, const struct parsed *terms, int64_t now,
		   size_t want, struct pg_hits *out);
/** Appends id, the i-th, to a PostgreSQL array's text: {1,2,3} (the caller closes it). */
void pg_add_id(buf *b, size_t i, int64_t id);
/** Snippets for the page's hits (out->hits), made in C on the words PostgreSQL stems, from the columns q's
 * reader may match: 0, or -1. */
int pg_snippets(store *s, h2o_mem_pool_t *pool, const struct search_query *q, const struct parsed *terms,
		struct search_result *out);

#endif
