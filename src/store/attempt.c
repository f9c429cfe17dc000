/* attempt: what both backends' throttles share: the wait a refused attempt is told, and when to prune. */
#include <stdatomic.h>

#include "store/backend.h"
#include "store/accounts.h"

int attempt_wait(const struct attempt_rule *rule, int64_t started_at, int64_t last_at, int n, int64_t now)
{
	int64_t until;
	if (n >= rule->cap || rule->cap <= rule->grace)
		until = started_at + rule->window; /* the window's allowance is spent: its end */
	else {
		int shift = n - rule->grace;
		until = last_at + (shift > 8 ? 300 : shift < 0 ? 0 : (int64_t)1 << shift);
		if (until > started_at + rule->window)
			until = started_at + rule->window;
	}
	int64_t left = until - now;
	return left < 1 ? 1 : left > 86400 ? 86400 : (int)left;
}

int attempt_prune_due(void)
{
	static atomic_uint calls;
	return atomic_fetch_add(&calls, 1) % 100 == 0;
}
