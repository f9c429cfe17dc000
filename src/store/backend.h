/* backend: what both engines' stores begin with, and what their files share beyond the seam (db.h). */
#ifndef PLENARY_BACKEND_H
#define PLENARY_BACKEND_H

#include "store/store.h"
#include "store/accounts.h"

enum store_engine { STORE_SQLITE, STORE_PG };

/** The start of every engine's store: which engine it is (calls.c picks the body of a function that differs
 * by it) and its seam. */
struct store_head {
	enum store_engine engine;
	struct db *db; /* the seam (db.h): the connection the functions written once use */
};

/** Seconds until rule lets one more attempt follow n attempts in the window begun at started_at, the last at
 * last_at (at least 1): what both backends answer with a refused attempt. */
int attempt_wait(const struct attempt_rule *rule, int64_t started_at, int64_t last_at, int n, int64_t now);
/** 1 once in a while (every 100th call): a throttle then also removes rows idle for a day. */
int attempt_prune_due(void);

#endif
