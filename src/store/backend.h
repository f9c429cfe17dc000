/* backend: what a store backend provides: one function for each entry of api.h, reached through the table
 * every store handle begins with. */
#ifndef PLENARY_BACKEND_H
#define PLENARY_BACKEND_H

#include "store/store.h"

struct store_ops {
#define STORE_FN(ret, name, params, args) ret(*name) params;
#define STORE_VOID(name, params, args) void(*name) params;
#include "store/api.h"
#undef STORE_FN
#undef STORE_VOID
	void (*close)(store *s);
};

/** The start of every backend's store: its table. */
struct store_head {
	const struct store_ops *ops;
	struct db *db; /* the seam (db.h): the connection the functions written once use */
};

/** Seconds until rule lets one more attempt follow n attempts in the window begun at started_at, the last at
 * last_at (at least 1): what both backends answer with a refused attempt. */
int attempt_wait(const struct attempt_rule *rule, int64_t started_at, int64_t last_at, int n, int64_t now);
/** 1 once in a while (every 100th call): a throttle then also removes rows idle for a day. */
int attempt_prune_due(void);

#endif
