/* meter: a worker's counts for the metrics, written by its loop alone with relaxed atomic loads and stores.
 */
#include "http/meter.h"

const double meter_bounds[METER_BOUNDS] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
					   0.1,	   0.25,  0.5,	  1,	 2.5,  5,     10};

/* Only the worker's own loop writes its meter: no read-modify-write shared across cores is needed. */
static void bump(atomic_uint_fast64_t *c, uint64_t by)
{
	atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + by, memory_order_relaxed);
}

uint64_t meter_read(const atomic_uint_fast64_t *c)
{
	return atomic_load_explicit((atomic_uint_fast64_t *)c, memory_order_relaxed);
}

int meter_bucket(uint64_t ns)
{
	for (int i = 0; i < METER_BOUNDS; i++)
		if ((double)ns <= meter_bounds[i] * 1e9)
			return i;
	return METER_BOUNDS;
}

void meter_request(struct meter *m, enum meter_kind kind, int status, uint64_t ns, uint64_t bytes)
{
	if ((unsigned)kind >= METER_KINDS)
		kind = METER_NONE;
	bump(&m->requests[kind][status >= 0 && status < METER_CODES ? status : 0], 1);
	bump(&m->latency[kind][meter_bucket(ns)], 1);
	bump(&m->latency_ns[kind], ns);
	bump(&m->bytes, bytes);
}

void meter_cache(struct meter *m, int hit)
{
	bump(hit ? &m->cache_hits : &m->cache_misses, 1);
}

void meter_accepted(struct meter *m)
{
	bump(&m->accepted, 1);
}

static uint64_t list_length(const h2o_linklist_t *anchor)
{
	uint64_t n = 0;
	for (const h2o_linklist_t *l = anchor->next; l != anchor; l = l->next)
		n++;
	return n;
}

void meter_tick(struct meter *m, h2o_context_t *ctx)
{
	uint64_t now = h2o_now(ctx->loop);
	if (now - m->ticked_ms < 1000 && m->ticked_ms)
		return;
	m->ticked_ms = now;
	/* h2o 2.2 keeps each protocol's connections of a context in a list (and no count) */
	atomic_store_explicit(&m->open, list_length(&ctx->http1._conns) + list_length(&ctx->http2._conns),
			      memory_order_relaxed);
}
