/* count_queue: a ring of tables under one mutex; the writer waits on a condition for the first. */
#include "http/count_queue.h"

#include <pthread.h>
#include <time.h>

#include "core/log.h"

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static struct count_table *ring[COUNT_QUEUE_MAX];
static size_t head, len; /* the oldest at ring[head] */
static int woken;

void count_queue_push(struct count_table *t)
{
	struct count_table *lost = NULL;
	pthread_mutex_lock(&lock);
	if (len == COUNT_QUEUE_MAX) { /* the writer is stuck (the database is away): the oldest goes */
		lost = ring[head];
		head = (head + 1) % COUNT_QUEUE_MAX;
		len--;
	}
	ring[(head + len) % COUNT_QUEUE_MAX] = t;
	len++;
	pthread_cond_signal(&ready);
	pthread_mutex_unlock(&lock);
	if (lost) {
		log_error("counting: %lld counts dropped, the database has not taken them for %d tables",
			  (long long)lost->total, COUNT_QUEUE_MAX);
		count_table_free(lost);
	}
}

size_t count_queue_take(struct count_table **out, size_t max, int wait_ms)
{
	pthread_mutex_lock(&lock);
	if (len == 0 && wait_ms > 0 && !woken) {
		struct timespec until;
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += wait_ms / 1000;
		until.tv_nsec += (long)(wait_ms % 1000) * 1000000L;
		if (until.tv_nsec >= 1000000000L) {
			until.tv_sec++;
			until.tv_nsec -= 1000000000L;
		}
		while (len == 0 && !woken)
			if (pthread_cond_timedwait(&ready, &lock, &until) != 0)
				break;
	}
	woken = 0;
	size_t n = 0;
	while (n < max && len > 0) {
		out[n++] = ring[head];
		head = (head + 1) % COUNT_QUEUE_MAX;
		len--;
	}
	pthread_mutex_unlock(&lock);
	return n;
}

void count_queue_put_back(struct count_table **t, size_t n)
{
	pthread_mutex_lock(&lock);
	size_t i = n;
	while (i-- > 0) {
		if (len == COUNT_QUEUE_MAX) { /* full meanwhile: the oldest, these, go */
			log_error("counting: %lld counts dropped, the database has not taken them",
				  (long long)t[i]->total);
			count_table_free(t[i]);
			continue;
		}
		head = (head + COUNT_QUEUE_MAX - 1) % COUNT_QUEUE_MAX;
		ring[head] = t[i];
		len++;
	}
	pthread_mutex_unlock(&lock);
}

void count_queue_wake(void)
{
	pthread_mutex_lock(&lock);
	woken = 1;
	pthread_cond_signal(&ready);
	pthread_mutex_unlock(&lock);
}

size_t count_queue_length(void)
{
	pthread_mutex_lock(&lock);
	size_t n = len;
	pthread_mutex_unlock(&lock);
	return n;
}
