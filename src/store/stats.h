/* stats: what the store's connections have done (statements, time in the database, outages), for metrics. */
#ifndef PLENARY_STATS_H
#define PLENARY_STATS_H

#include <stdint.h>

#include "store/store.h"

/** Sums over every connection store_open made, open or closed since: counters only rise. */
struct store_totals {
	uint64_t statements; /* statements run (a seam statement's rows count once, with its steps' time) */
	uint64_t ns;	     /* time spent in them, in nanoseconds (the engine's work and the round trips) */
	uint64_t lost;	     /* PostgreSQL: connections found lost (an outage or a restart of the server) */
	uint64_t reconnects; /* PostgreSQL: connections made again after one was lost */
	uint64_t open;	     /* connections open now */
};

/** The sums of every connection, read without stopping them (a lock only against opens and closes). */
void store_totals_read(struct store_totals *out);

#endif
