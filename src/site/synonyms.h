/* synonyms: a site's synonym groups as search reads them: an editor's line of terms checked and tidied, and a
 * parsed query's terms widened to the other terms of their group. */
#ifndef PLENARY_SYNONYMS_H
#define PLENARY_SYNONYMS_H

#include <stddef.h>
#include <h2o/memory.h>

#include "site/query.h"
#include "store/store.h"
#include "store/search.h"

#define SYNONYM_MAX_TERMS 12 /* terms of one group */
#define SYNONYM_MAX_TERM 60  /* bytes of one term */
#define SYNONYM_MAX_LINE 800 /* bytes of a group's line as typed */
#define SYNONYM_MAX_RUN 6    /* unquoted words read together as one term of several words */

/** The terms of a group's line, separated by commas, trimmed, empty ones left out: their count (at most max
 * are kept). */
size_t synonyms_split(h2o_mem_pool_t *pool, const char *line, const char **terms, size_t max);
/** A term's key: its letters, digits and non-ASCII bytes, ASCII lowercased, run together, so that hyphen and
 * space variants meet ("T-DXd", "t dxd" and "TDXd" give "tdxd"); "" when it has none. */
const char *synonyms_key(h2o_mem_pool_t *pool, const char *term);
/** Checks an editor's line against the site's groups (the one of id self left out): NULL and *tidy (the terms
 * joined by ", ") when it is good, else the key of what is wrong (admin.synonyms.error.*), whose {term} and
 * {other} are named[0] and named[1] ("" when the message has none). */
const char *synonyms_check(h2o_mem_pool_t *pool, const char *line, const struct synonym_group *groups,
			   size_t ngroups, int64_t self, const char **tidy, const char *named[2]);
/* A site's groups cut into terms and keys, ready to widen queries with (synonym_table_build). */
struct synonym_entry {
	const char *term, *key;
	size_t group;
};
struct synonym_table {
	struct synonym_entry *e;
	size_t n;
};
/** The table of groups[0, ngroups), allocated in pool. */
void synonym_table_build(h2o_mem_pool_t *pool, const struct synonym_group *groups, size_t ngroups,
			 struct synonym_table *t);
/** synonyms_expand with a table built before. */
void synonym_table_expand(h2o_mem_pool_t *pool, const struct synonym_table *t, struct query *q,
			  const char **added, size_t max, size_t *nadded);
/** Widens q: each included or excluded clause that is a term of a group (a quoted phrase, a word, or several
 * unquoted words one after another, which then become that phrase) gets the group's other terms as
 * alternatives. At most SEARCH_MAX_ALTS alternatives and SEARCH_MAX_WORDS words in all: past them the
 * remaining terms are searched as typed. *added (when not NULL) gets the alternatives' text, at most max. */
void synonyms_expand(h2o_mem_pool_t *pool, const struct synonym_group *groups, size_t ngroups,
		     struct query *q, const char **added, size_t max, size_t *nadded);

/** (synonyms_site.c) synonyms_expand with the groups of site_id on s, read once and kept by the thread while
 * s's stamp holds (store_stamp: nothing committed since, by any process), so an edit counts at the next
 * search: 0, or -1. */
int synonyms_expand_site(h2o_mem_pool_t *pool, store *s, int64_t site_id, struct query *q, const char **added,
			 size_t max, size_t *nadded);

#endif
