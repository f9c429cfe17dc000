/* changes: what other processes serving one database changed (sq_changes.c, pg_changes.c) */
#ifndef PLENARY_STORE_CHANGES_H
#define PLENARY_STORE_CHANGES_H

#include "store/store.h"

/* ---- changes between processes serving one database (sq_changes.c) ---- */

/** A logged change: an article's (its page, its neighbours and the lists), or the structure's (every page).
 */
struct logged_change {
	int structure;
	int64_t article_id;
};
/** Changes other processes logged after *since, oldest first, at most max into out; *since moves past
 * what was read. The first call (*since < 0) reads none and sets *since to the newest row. 0, or -1. */
int store_changes_since(store *s, int64_t *since, struct logged_change *out, size_t max, size_t *n);
/** Waits up to ms milliseconds, less when the database can tell that another process logged a change
 * (PostgreSQL's notifications; SQLite just sleeps): the scheduler's pause between ticks. 0, or -1. */
int store_changes_wait(store *s, int ms);
/** Where the database stands, as one connection sees it: a memo of what it answered holds while the stamp
 * is the same, as nothing was committed since, by this connection (changes) or any other of this process or
 * another (data_version). */
struct store_stamp {
	int64_t data_version, changes;
};
int store_stamp(store *s, struct store_stamp *out);
static inline int store_stamp_same(const struct store_stamp *a, const struct store_stamp *b)
{
	return a->data_version == b->data_version && a->changes == b->changes;
}
/** Drops log rows written before the Unix time `before`. */
int store_changes_prune(store *s, int64_t before);

#endif
