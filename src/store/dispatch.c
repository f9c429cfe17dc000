/* dispatch: the store functions the rest of the server calls, each passing on to the backend of its store. */
#include "store/backend.h"

#define OPS(s) (((const struct store_head *)(const void *)(s))->ops)
#define STORE_FN(ret, name, params, args)                                                                    \
	ret name params                                                                                      \
	{                                                                                                    \
		return OPS(s)->name args;                                                                    \
	}
#define STORE_VOID(name, params, args)                                                                       \
	void name params                                                                                     \
	{                                                                                                    \
		OPS(s)->name args;                                                                           \
	}
#include "store/api.h"

void store_close(store *s)
{
	if (s)
		OPS(s)->close(s);
}
