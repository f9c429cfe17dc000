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
};

#endif
