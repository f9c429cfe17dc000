/* backend: what both engines' stores begin with, and what their files share beyond the seam (db.h). */
#ifndef PLENARY_BACKEND_H
#define PLENARY_BACKEND_H

#include <stdatomic.h>

#include "store/store.h"
#include "store/accounts.h"

enum store_engine { STORE_SQLITE, STORE_PG };

struct store_head;

/** A connection's counts for the operator's metrics (stats.c, stats.h): written by the one thread using the
 * connection, read by the scrape's, so relaxed atomic loads and stores, never a lock on a statement's path.
 */
struct store_counts {
	atomic_uint_fast64_t statements, ns, lost, reconnects;
	int depth;			/* timings open (store_time_begin): only the outermost counts */
	struct store_head *prev, *next; /* in stats.c's list of open connections */
};

/** The start of every engine's store: which engine it is (calls.c picks the body of a function that differs
 * by it), its seam and its counts. */
struct store_head {
	enum store_engine engine;
	struct db *db; /* the seam (db.h): the connection the functions written once use */
	struct store_counts counts;
};

/** Starts timing a statement on s: the start, or 0 inside a timing already open (the outer one counts). */
int64_t store_time_begin(store *s);
/** Ends it: adds the time since t0 (unless 0), and one statement when statement is 1. */
void store_time_end(store *s, int64_t t0, int statement);
/** PostgreSQL: a connection found lost, made again. */
void store_count_lost(store *s);
void store_count_reconnect(store *s);
/** A connection store_open made joins the sums (store_totals_read); at its close its counts stay in them. */
void store_counts_open(store *s);
void store_counts_close(store *s);

/** Seconds until rule lets one more attempt follow n attempts in the window begun at started_at, the last at
 * last_at (at least 1): what both backends answer with a refused attempt. */
int attempt_wait(const struct attempt_rule *rule, int64_t started_at, int64_t last_at, int n, int64_t now);
/** 1 once in a while (every 100th call): a throttle then also removes rows idle for a day. */
int attempt_prune_due(void);

#endif
