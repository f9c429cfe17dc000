/* stats: each connection's statements, time in the database and outages, and their sums for the metrics. */
#include "store/stats.h"

#include <pthread.h>
#include <time.h>

#include "store/backend.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct store_head *open_list; /* connections open (under lock) */
static struct store_totals closed;   /* what closed connections had counted (under lock) */
static uint64_t nopen;

#define HEAD(s) ((struct store_head *)(void *)(s))

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* One thread writes a connection's counts: a relaxed load and store, no read-modify-write across cores. */
static void bump(atomic_uint_fast64_t *c, uint64_t by)
{
	atomic_store_explicit(c, atomic_load_explicit(c, memory_order_relaxed) + by, memory_order_relaxed);
}

static uint64_t read_count(atomic_uint_fast64_t *c)
{
	return atomic_load_explicit(c, memory_order_relaxed);
}

int64_t store_time_begin(store *s)
{
	struct store_counts *c = &HEAD(s)->counts;
	return c->depth++ > 0 ? 0 : now_ns();
}

void store_time_end(store *s, int64_t t0, int statement)
{
	struct store_counts *c = &HEAD(s)->counts;
	if (c->depth > 0)
		c->depth--;
	if (!t0)
		return;
	int64_t d = now_ns() - t0;
	bump(&c->ns, d > 0 ? (uint64_t)d : 0);
	if (statement)
		bump(&c->statements, 1);
}

void store_count_lost(store *s)
{
	bump(&HEAD(s)->counts.lost, 1);
}

void store_count_reconnect(store *s)
{
	bump(&HEAD(s)->counts.reconnects, 1);
}

static void add(struct store_totals *t, struct store_counts *c)
{
	t->statements += read_count(&c->statements);
	t->ns += read_count(&c->ns);
	t->lost += read_count(&c->lost);
	t->reconnects += read_count(&c->reconnects);
}

void store_counts_open(store *s)
{
	struct store_head *h = HEAD(s);
	pthread_mutex_lock(&lock);
	h->counts.prev = NULL;
	h->counts.next = open_list;
	if (open_list)
		open_list->counts.prev = h;
	open_list = h;
	nopen++;
	pthread_mutex_unlock(&lock);
}

void store_counts_close(store *s)
{
	struct store_head *h = HEAD(s);
	pthread_mutex_lock(&lock);
	add(&closed, &h->counts);
	if (h->counts.prev)
		h->counts.prev->counts.next = h->counts.next;
	else if (open_list == h)
		open_list = h->counts.next;
	if (h->counts.next)
		h->counts.next->counts.prev = h->counts.prev;
	h->counts.prev = h->counts.next = NULL;
	nopen--;
	pthread_mutex_unlock(&lock);
}

void store_totals_read(struct store_totals *out)
{
	pthread_mutex_lock(&lock);
	*out = closed;
	for (struct store_head *h = open_list; h; h = h->counts.next)
		add(out, &h->counts);
	out->open = nopen;
	pthread_mutex_unlock(&lock);
}
