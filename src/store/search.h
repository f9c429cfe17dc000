/* search: full-text search, related articles and synonyms (calls.c to sq_search.c, pg_search.c) */
#ifndef PLENARY_STORE_SEARCH_H
#define PLENARY_STORE_SEARCH_H

#include "store/store.h"

/* ---- related articles (sq_related.c) ---- */

/** Scores an article's related articles and puts it in the lists of its strongest neighbours. Runs inside
 * the caller's transaction when there is one. 0, or -1 on error. */
int store_related_refresh(store *s, h2o_mem_pool_t *pool, int64_t id);
/** The articles that may name article id among their related ones (up to max): their pages show it. */
int store_related_of(store *s, int64_t id, int64_t *out, size_t max, size_t *n);
/** When a database has articles but no related rows (it was made before they were kept), scores them all;
 * returns how many articles were scored (0 when nothing was needed), or -1 on error. */
int store_related_backfill(store *s);
/** Scores up to max articles a batch (an import) saved without scoring, each with its neighbours, in one
 * transaction (on PostgreSQL one node at a time: the others find none): their ids into ids and *n. 0, or
 * -1. */
int store_related_pending(store *s, int64_t *ids, size_t max, size_t *n);
/** store_related_refresh for every article (after loading the demo, or importing). */
int store_related_rebuild(store *s, h2o_mem_pool_t *pool);

/* ---- synonyms (synonyms_db.c): terms search treats as one another ---- */

#define SYNONYM_MAX_GROUPS 300 /* groups of one site */

/** A group of terms a reader may type for one another: one line, the terms separated by commas. */
struct synonym_group {
	int64_t id;
	const char *terms;
	int64_t updated_at;
};
/** Every synonym group of a site, oldest first. */
int store_synonyms(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct synonym_group **out, size_t *n);
/** One group of a site: 1 found, 0 not, -1 on error. */
int store_synonym_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			struct synonym_group *out);
/** Saves a group (id 0: a new one), audited; SAVE_CONFLICT when a new one would pass SYNONYM_MAX_GROUPS,
 * SAVE_NOT_FOUND when the site has no group id. *id_out (when not NULL): its id. */
enum save_result store_synonym_save(store *s, int64_t site_id, const struct synonym_group *x, int64_t user_id,
				    int64_t *id_out);
/** Deletes a group, audited; SAVE_NOT_FOUND when the site has no such group. */
enum save_result store_synonym_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);

/* ---- search (sq_search.c) ---- */

#define SEARCH_MAX_CLAUSES 12 /* clauses of one query: the store reads no more */
#define SEARCH_MAX_WORDS 200  /* words of one query, every clause's together: the store reads no more */
#define SEARCH_MAX_ALTS 20 /* alternatives of one query, every clause's together: the store reads no more */

/** Where a clause must be found: anywhere, or in one column (the body: those the reader may read). */
enum search_column {
	SEARCH_ANY,
	SEARCH_TITLE,
	SEARCH_SUMMARY,
	SEARCH_BODY,
	SEARCH_PEOPLE,
	SEARCH_TRIAL,
	SEARCH_REFS,
	SEARCH_TOPICS
};

/** One clause of a parsed query: its words in order (as the reader typed them, any bytes; the store cuts,
 * folds and stems them as it indexes articles), all of them together when more than one. */
struct search_clause {
	const char *const *words;
	size_t nwords;
	int phrase;  /* the reader quoted the words (one unquoted word may still be several tokens: PD-L1) */
	int prefix;  /* the last word is a prefix */
	int exclude; /* articles with it are left out */
	int or_before; /* OR joins it to the included clause before (AND binds tighter than OR) */
	enum search_column column;
	/* other forms the clause stands for (synonyms): it matches where any of them or it does. Each is a
	 * phrase of its words on the clause's column; their own exclude, or_before, prefix and alts are not
	 * read. Their words count in SEARCH_MAX_WORDS, and a query's alternatives in SEARCH_MAX_ALTS. */
	const struct search_clause *alts;
	size_t nalts;
};

/** A search: the parsed query (never text for an engine to read: the store turns it into what its engine
 * asks), the reader's level, and filters (0: any). Nothing is found without an included clause. */
struct search_query {
	int64_t site_id;
	const struct search_clause *clauses; /* every column; the store keeps bodies above level out */
	size_t nclauses;
	int level; /* the reader's audience level, 0 (public) to 3 (verified HCP) */
	int64_t section_id, congress_id, tag_id, trial_id;
	int year;
	const char *lang; /* the reader's language, ranked first; NULL or "" for the site's default */
};

struct search_hit {
	struct article article;
	const char *snippet; /* plain text with \x02 and \x03 around matched words */
};

struct facet {
	int64_t id; /* a year for FACET_YEAR */
	const char *slug, *name;
	int64_t count;
};

enum facet_kind { FACET_SECTION, FACET_CONGRESS, FACET_YEAR, FACET_TAG, FACET_TRIAL };
#define FACET_KINDS 5

struct search_result {
	size_t total; /* every hit */
	struct search_hit *hits;
	size_t nhits;			   /* the page asked for */
	struct facet *facets[FACET_KINDS]; /* per kind, largest first (with_facets only) */
	size_t nfacets[FACET_KINDS];
};

/** Searches: how many visible hits there are, the page [offset, offset + limit) best first (relevance with a
 * recency boost), and when with_facets the counts per section, congress, year, topic and trial. One pass of
 * the full-text match serves all of it. 0, or -1 on error. */
int store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		 int with_facets, struct search_result *out);
/** Public words (titles, summaries, faculty, trials, topics) from <= term < to, one row each: name is the
 * word, count the articles holding it, id those of them in lang ("fr"; an article without one is in its
 * site's language). */
int store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *lang, const char *from, const char *to,
		       struct facet **out, size_t *n);
/** Background upkeep after articles changed: the "did you mean" vocabulary brought up to date and the
 * full-text index merged when it has grown into many pieces. 1 when it did work, 0 when none was due, -1 on
 * error. */
int store_search_upkeep(store *s);
/** The database's epoch: it changes when the whole database is replaced (a restore). -1 on error. */
int64_t store_content_epoch(store *s);

#endif
