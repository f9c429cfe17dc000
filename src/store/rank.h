/* rank: a search's work once its hits are known, the same on both backends: scores, order and facet counts.
 * Not for outside src/store. */
#ifndef PLENARY_RANK_H
#define PLENARY_RANK_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "store/search.h"

#define RANK_MAX_HITS 200000 /* more than any site holds; a guard, not a page size */
#define RANK_K1 1.2	     /* how fast more matches of a phrase in one column stop counting */
#define RANK_FACETS 30	     /* values shown per facet kind, largest first */

/* What a search filters, ranks and counts an article by. */
struct fact {
	int64_t id, site, published, section, congress, trial;
	size_t tags, ntags; /* into the topic ids that come with the facts */
	int year;	    /* of publication, UTC */
	char lang[4];	    /* the article's language, its site's when it has none of its own */
	int64_t family;	    /* its family's original (its own id when it is one), from rank_family_facts */
	int kin;	    /* 1: another member of its family is among the facts too (search_family_db.c) */
};

/* A hit: its facts and its score (negated relevance: the best sorts first). */
struct hit {
	const struct fact *fact;
	double score;
	int away; /* not in the reader's language: after every hit that is */
};

/** The year (UTC) of a time in seconds. */
int rank_year(int64_t t);
/** Grows *p (of *cap items of size bytes) to hold need: 0, or -1 out of memory (*p unchanged). */
int rank_grow(void **p, size_t *cap, size_t need, size_t size);
/** A phrase's relevance in one hit from its count in each column: the sum of weight x tf (k1 + 1) / (tf +
 * k1).
 */
double rank_saturate(const double *tf, const double *weights, int ncols);
/** The weight of a phrase found in docs of articles, in a query of nphrases: its inverse document frequency
 * (1 for a query of one phrase), never below a little. */
double rank_idf(int nphrases, int64_t articles, int64_t docs);
/** A hit's score from its relevance: negated, and raised by up to a half for a recent article (fading over
 * months). */
double rank_score(double relevance, int64_t published, int64_t now);
/** The language a search of q ranks first into out: q's, else its site's default (search_lang_db.c): 0, or
 * -1 on error. */
int rank_reader_language(store *s, const struct search_query *q, char out[4]);
/** Fills each fact's family and kin (facts of n articles in id order, visible or scheduled): 0, or -1. */
int rank_family_facts(store *s, struct fact *f, size_t n);
/** Keeps one hit per family of translations among the n hits (the others are moved out, the order of the
 * rest kept): the one in language lang, else the original, else the one of lowest id. 0 on success with *n
 * the hits left, -1 out of memory (hits unchanged). */
int rank_families(struct hit *hits, size_t *n, const char *lang);
/** Marks the hits not in language lang as away (none when lang is ""), so that the reader's own come first.
 */
void rank_language(struct hit *hits, size_t n, const char *lang);
/** Moves the best `want` of n hits to the front, in rank order (the reader's language first, then better
 * score, then newer, then larger id);
 * the rest stay, in no order. */
void rank_top(struct hit *hits, size_t n, size_t want);
/** Counts the hits' sections, congresses, years, topics (their ids in tags) and trials into out's facets,
 * the RANK_FACETS largest of each kind first, with "" for names: 0, or -1 out of memory. */
int rank_facets(h2o_mem_pool_t *pool, const struct hit *hits, size_t n, const int64_t *tags,
		struct search_result *out);
/** Names the facet of id among n (a row of the backend's names query). */
void rank_name(struct facet *f, size_t n, int64_t id, const char *slug, const char *name);

#endif
