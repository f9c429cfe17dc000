/* analytics: first-party counts, one row per day and dimensions, written in batches (analytics_db.c) */
#ifndef PLENARY_STORE_ANALYTICS_H
#define PLENARY_STORE_ANALYTICS_H

#include "store/store.h"

/* ---- first-party counting (src/store/analytics_db.c, migration 035) ---- */

#define ANALYTICS_REFERRER_MAX 100   /* bytes of a referring host kept */
#define ANALYTICS_FIELD_MAX 400	     /* bytes of a profile field kept (the account's limit: 100 characters) */
#define ANALYTICS_ARTICLE_OTHER (-1) /* counted while a worker's table was full: the article is unknown */

/** One count to add: day "YYYY-MM-DD" (UTC); article_id 0 for a page that is no article; event "view",
 * "read", "play", "feed" or "mail"; referrer a host or ""; the reader's profile fields or "". */
struct analytics_row {
	char day[11];
	int64_t site_id, article_id;
	const char *event, *referrer, *profession, *specialty, *country;
	int64_t n;
};

/** Adds every row's n to its day and dimensions (an upsert each) in one transaction: all of them or none.
 * Rows are written in the order given (the writer sorts them, so that nodes sharing a PostgreSQL database
 * lock rows in one order). 0, or -1. */
int store_analytics_add(store *s, const struct analytics_row *rows, size_t n);
/** The sum of n for a site between two days (inclusive, "YYYY-MM-DD"), restricted to an event and an article
 * when given (event NULL: every event; article_id < -1: every article): 0 with *total, or -1. */
int store_analytics_total(store *s, int64_t site_id, const char *from_day, const char *to_day,
			  const char *event, int64_t article_id, int64_t *total);
/** The rows of a site between two days (inclusive), in key order, into a pool array: 0, or -1. */
int store_analytics_rows(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *from_day,
			 const char *to_day, struct analytics_row **out, size_t *n);
/** 1 when article id is visible on site (published, its time come) with its body open to a reader of level,
 * 0 when not (a draft, another site's, none, or only its teaser for this reader), -1 on error: a beacon
 * counts only such articles. */
int store_analytics_article_ok(store *s, int64_t site_id, int64_t article_id, enum audience level);

#endif
