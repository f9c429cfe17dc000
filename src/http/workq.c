/* workq: a bounded queue of slow jobs run by threads of its own off the event loops, refusing when full. */
#include "http/workq.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

#include "core/log.h"

#define WARN_EVERY 10
#define MAX_QUEUES 8

/* the queues running, for the metrics (workq_stats_all) */
static pthread_mutex_t queues_lock = PTHREAD_MUTEX_INITIALIZER;
static struct workq *queues[MAX_QUEUES];

struct workq {
	char name[32];
	pthread_mutex_t lock;
	pthread_cond_t wake;
	h2o_linklist_t urgent, normal; /* waiting jobs, urgent (and follow-ups) taken first */
	h2o_linklist_t admitted;       /* every job waiting or running, for the per-key counts */
	int depth, reserve, per_key, waiting, running, stopping, nthreads;
	uint64_t refused_total;
	double avg_ms; /* recent jobs' time on a thread, smoothed */
	long refused;  /* since the last warning in the log */
	time_t warned; /* when that was: at most one every WARN_EVERY seconds */
	pthread_t *threads;
};

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void *workq_main(void *arg)
{
	struct workq *q = arg;
	for (;;) {
		pthread_mutex_lock(&q->lock);
		while (h2o_linklist_is_empty(&q->urgent) && h2o_linklist_is_empty(&q->normal) && !q->stopping)
			pthread_cond_wait(&q->wake, &q->lock);
		h2o_linklist_t *from = !h2o_linklist_is_empty(&q->urgent)   ? &q->urgent
				       : !h2o_linklist_is_empty(&q->normal) ? &q->normal
									    : NULL;
		if (!from) { /* stopping, and nothing left */
			pthread_mutex_unlock(&q->lock);
			return NULL;
		}
		struct workq_job *job = H2O_STRUCT_FROM_MEMBER(struct workq_job, super.link, from->next);
		h2o_linklist_unlink(&job->super.link);
		job->waiting = 0;
		q->waiting--;
		q->running++;
		pthread_mutex_unlock(&q->lock);
		double t = now_ms();
		job->run(job);
		t = now_ms() - t;
		pthread_mutex_lock(&q->lock);
		h2o_linklist_unlink(&job->admitted);
		q->running--;
		q->avg_ms = q->avg_ms > 0 ? q->avg_ms * 0.8 + t * 0.2 : t;
		pthread_mutex_unlock(&q->lock);
		/* the job belongs to its loop from here: not touched again */
		h2o_multithread_send_message(job->reply_to, &job->super);
	}
}

struct workq *workq_start(const char *name, int threads, int depth, int reserve, int per_key)
{
	struct workq *q = calloc(1, sizeof *q);
	if (!q || !(q->threads = calloc((size_t)(threads > 0 ? threads : 1), sizeof *q->threads)))
		die("out of memory");
	snprintf(q->name, sizeof q->name, "%s", name);
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->wake, NULL);
	h2o_linklist_init_anchor(&q->urgent);
	h2o_linklist_init_anchor(&q->normal);
	h2o_linklist_init_anchor(&q->admitted);
	q->depth = depth > 0 ? depth : 1;
	q->reserve = reserve < 0 ? 0 : reserve < q->depth ? reserve : q->depth - 1;
	q->per_key = per_key;
	for (int i = 0; i < (threads > 0 ? threads : 1); i++) {
		if (pthread_create(&q->threads[i], NULL, workq_main, q) != 0)
			die("cannot start a %s thread", q->name);
		q->nthreads++;
	}
	pthread_mutex_lock(&queues_lock);
	for (int i = 0; i < MAX_QUEUES; i++)
		if (!queues[i]) {
			queues[i] = q;
			break;
		}
	pthread_mutex_unlock(&queues_lock);
	return q;
}

void workq_stop(struct workq *q)
{
	if (!q)
		return;
	pthread_mutex_lock(&queues_lock);
	for (int i = 0; i < MAX_QUEUES; i++)
		if (queues[i] == q)
			queues[i] = NULL;
	pthread_mutex_unlock(&queues_lock);
	pthread_mutex_lock(&q->lock);
	q->stopping = 1;
	pthread_cond_broadcast(&q->wake);
	pthread_mutex_unlock(&q->lock);
	for (int i = 0; i < q->nthreads; i++)
		pthread_join(q->threads[i], NULL);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->wake);
	free(q->threads);
	free(q);
}

/* Jobs of key waiting or running (under the lock). */
static int key_count(struct workq *q, const char *key)
{
	int n = 0;
	for (h2o_linklist_t *l = q->admitted.next; l != &q->admitted; l = l->next)
		n += strcmp(H2O_STRUCT_FROM_MEMBER(struct workq_job, admitted, l)->key, key) == 0;
	return n;
}

int workq_submit(struct workq *q, struct workq_job *job, int cls, const char *key)
{
	snprintf(job->key, sizeof job->key, "%s", key ? key : "");
	pthread_mutex_lock(&q->lock);
	int room = cls == WORKQ_FOLLOW	 ? 1
		   : cls == WORKQ_URGENT ? q->waiting < q->depth
					 : q->waiting < q->depth - q->reserve;
	if (room && cls != WORKQ_FOLLOW && q->per_key > 0 && job->key[0])
		room = key_count(q, job->key) < q->per_key;
	if (!room) {
		time_t now = time(NULL);
		long refused = ++q->refused;
		q->refused_total++;
		int warn = now - q->warned >= WARN_EVERY;
		if (warn) {
			q->warned = now;
			q->refused = 0;
		}
		pthread_mutex_unlock(&q->lock);
		if (warn) /* the operator sees a flood without a line per refused request */
			log_warn("%s queue full: %ld request%s refused with 429 since the last such line",
				 q->name, refused, refused == 1 ? "" : "s");
		return -1;
	}
	job->q = q;
	job->waiting = 1;
	job->urgent = cls != WORKQ_NORMAL;
	job->follow = cls == WORKQ_FOLLOW;
	q->waiting++;
	h2o_linklist_insert(job->urgent ? &q->urgent : &q->normal, &job->super.link);
	h2o_linklist_insert(&q->admitted, &job->admitted);
	pthread_cond_signal(&q->wake);
	pthread_mutex_unlock(&q->lock);
	return 0;
}

int workq_cancel(struct workq_job *job)
{
	struct workq *q = job->q;
	pthread_mutex_lock(&q->lock);
	int taken = job->waiting;
	if (taken) {
		h2o_linklist_unlink(&job->super.link);
		h2o_linklist_unlink(&job->admitted);
		job->waiting = 0;
		q->waiting--;
	}
	pthread_mutex_unlock(&q->lock);
	return taken;
}

int workq_retry_after(struct workq *q)
{
	pthread_mutex_lock(&q->lock);
	double ms = (double)(q->waiting + q->nthreads) * (q->avg_ms > 0 ? q->avg_ms : 100) / q->nthreads;
	pthread_mutex_unlock(&q->lock);
	int s = (int)(ms / 1000.0) + 1;
	return s > 60 ? 60 : s;
}

int workq_waiting(struct workq *q)
{
	pthread_mutex_lock(&q->lock);
	int n = q->waiting;
	pthread_mutex_unlock(&q->lock);
	return n;
}

size_t workq_stats_all(struct workq_stats *out, size_t max)
{
	size_t n = 0;
	pthread_mutex_lock(&queues_lock);
	for (int i = 0; i < MAX_QUEUES && n < max; i++) {
		struct workq *q = queues[i];
		if (!q)
			continue;
		pthread_mutex_lock(&q->lock);
		struct workq_stats *st = &out[n++];
		snprintf(st->name, sizeof st->name, "%s", q->name);
		st->waiting = q->waiting;
		st->running = q->running;
		st->depth = q->depth;
		st->threads = q->nthreads;
		st->refused = q->refused_total;
		pthread_mutex_unlock(&q->lock);
	}
	pthread_mutex_unlock(&queues_lock);
	return n;
}

void workq_on_reply(h2o_multithread_receiver_t *receiver, h2o_linklist_t *messages)
{
	(void)receiver;
	while (!h2o_linklist_is_empty(messages)) {
		struct workq_job *job = H2O_STRUCT_FROM_MEMBER(struct workq_job, super.link, messages->next);
		h2o_linklist_unlink(&job->super.link);
		job->done(job);
	}
}
