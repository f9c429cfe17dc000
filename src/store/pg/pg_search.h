/* pg_search: what PostgreSQL's search files share: the query read back into terms, words cut as FTS5 cuts
 * them, and the page's snippets. Not for outside src/store. */
#ifndef PLENARY_PG_SEARCH_H
#define PLENARY_PG_SEARCH_H

#include "core/buf.h"
#include "store/pg/pg_int.h"
#include "store/rank.h"
#include "store/search.h"

#define MAX_TERMS (SEARCH_MAX_CLAUSES + SEARCH_MAX_ALTS)

/* The clauses PostgreSQL's search reads: q's with a word as pg_next_word cuts them (one without is left out,
 * as FTS5 leaves an empty phrase out), the included first, the store's limits applied; a clause's
 * alternatives (synonyms) follow it as terms of their own, alt_of naming it (-1 for a clause). */
struct parsed {
	struct search_clause t[MAX_TERMS];
	int alt_of[MAX_TERMS];
	int n;
};

/** Each clause's presence with its alternatives' folded in (out[t] = in[t] or any alternative's), for the
 * clauses; an alternative's own out is 0. */
void pg_fold_alts(const struct parsed *q, const int *in, int *out);

/** The next word of s[0, n) from *at: its length, its start in *start and *at past it; 0 at the end. A word
 * is a run of letters, digits and non-ASCII characters, as FTS5's unicode61 and search_text() cut them. */
size_t pg_next_word(const char *s, size_t n, size_t *at, size_t *start);
/** The next word of clause c, from its word *w at *at (both 0 at first): its length (0 at the end), its start
 * in *start. */
size_t pg_clause_next_word(const struct search_clause *c, size_t *w, size_t *at, const char **start);
/** The number of words of clause c. */
int pg_clause_word_count(const struct search_clause *c);
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
