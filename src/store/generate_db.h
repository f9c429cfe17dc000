/* generate_db: what both engines' generators of synthetic articles share (generate_db.c): the records the
 * articles are spread over, and the i-th article with its picks. Not for outside src/store. */
#ifndef PLENARY_GENERATE_DB_H
#define PLENARY_GENERATE_DB_H

#include "store/store.h"

/* The first site's records a generated article picks from, in slug order (pool arrays). */
struct gen_records {
	int64_t *sections, *congresses, *trials, *tags, *people;
	size_t nsections, ncongresses, ntrials, ntags, npeople;
};

/* One generated article: its text and its picks. */
struct gen_article {
	char title[300], slug[300], summary[400];
	const char *body; /* in the pool */
	const char *kind, *audience;
	int64_t section, congress, trial; /* trial 0: none */
	int64_t at;			  /* published, created and updated */
	int64_t tags[2], person;	  /* two topics (maybe twice the same) and a speaker */
};

/** Reads the records into pool: 0, or -1 with a message in err (none of some kind: the demo is not loaded).
 */
int gen_records_read(store *s, h2o_mem_pool_t *pool, struct gen_records *r, char *err, size_t errlen);
/** The i-th article (from 0) drawn from *x, which starts at gen_seed(count): the same count gives the same
 * articles on both engines. now: the time they are dated back from. */
unsigned long long gen_seed(size_t count);
void gen_article_next(h2o_mem_pool_t *pool, const struct gen_records *r, unsigned long long *x, size_t i,
		      int64_t now, struct gen_article *out);
/** Generates count articles one row at a time in one transaction, then merges the search index and empties
 * the change log: SQLite's way (PostgreSQL's sends them in batches, pg_generate.c). 0, or -1 with err. */
int gen_articles_by_row(store *s, size_t count, char *err, size_t errlen);

#endif
