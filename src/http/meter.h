/* meter: a worker's counts for the operator's metrics (requests by status and route kind, latency, page
 * cache, connections), kept without locks: only its loop writes them, the scrape reads and sums them. */
#ifndef PLENARY_METER_H
#define PLENARY_METER_H

#include <h2o.h>
#include <stdatomic.h>
#include <stdint.h>

/** What answered a request: the page cache, a public route, a back-office route (contributor and above), or
 * none (refused before routing, no such route, wrong method). */
enum meter_kind { METER_CACHE, METER_PUBLIC, METER_BACKOFFICE, METER_NONE, METER_KINDS };

/** Upper bounds of the latency buckets, in seconds (meter.c); one more bucket holds what is above. */
#define METER_BOUNDS 14
extern const double meter_bounds[METER_BOUNDS];
/** Status codes counted one by one: 0 to 599 (0: none, the request went away before any answer). */
#define METER_CODES 600

struct meter {
	atomic_uint_fast64_t requests[METER_KINDS][METER_CODES];
	atomic_uint_fast64_t latency[METER_KINDS][METER_BOUNDS + 1]; /* per bucket, not cumulative */
	atomic_uint_fast64_t latency_ns[METER_KINDS];		     /* their sum */
	atomic_uint_fast64_t bytes;				     /* response bytes sent */
	atomic_uint_fast64_t cache_hits, cache_misses;
	atomic_uint_fast64_t accepted; /* connections accepted */
	atomic_uint_fast64_t open;     /* connections open, as meter_tick last counted them */
	uint64_t ticked_ms;	       /* the loop's time of that count */
};

/** The bucket of a duration in nanoseconds: the first bound at or above it, METER_BOUNDS when above all. */
int meter_bucket(uint64_t ns);
/** Notes a finished request (on its worker's loop). */
void meter_request(struct meter *m, enum meter_kind kind, int status, uint64_t ns, uint64_t bytes);
/** Notes a page-cache lookup: hit or miss. */
void meter_cache(struct meter *m, int hit);
/** Notes an accepted connection. */
void meter_accepted(struct meter *m);
/** Counts the context's open connections, at most once a second (after each turn of the worker's loop). */
void meter_tick(struct meter *m, h2o_context_t *ctx);
/** Reads a counter of another thread's meter. */
uint64_t meter_read(const atomic_uint_fast64_t *c);

#endif
