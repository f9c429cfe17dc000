/* test_workq: the bounded work queue: depth, the reserved part, the per-key cap, urgent first, cancelling. */
#include <pthread.h>
#include <time.h>

#include "http/workq.h"
#include "unit.h"

struct tjob {
	struct workq_job q; /* first */
	char name;
};

static pthread_mutex_t gate = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t seen_lock = PTHREAD_MUTEX_INITIALIZER;
static char ran[16], finished[16];
static int nran, nfinished;

static void run(struct workq_job *q)
{
	pthread_mutex_lock(&gate); /* held by the test while it fills the queue */
	pthread_mutex_unlock(&gate);
	pthread_mutex_lock(&seen_lock);
	ran[nran++] = ((struct tjob *)q)->name;
	pthread_mutex_unlock(&seen_lock);
}

static void done(struct workq_job *q)
{
	finished[nfinished++] = ((struct tjob *)q)->name;
}

static h2o_multithread_receiver_t replies;

static struct tjob job(char name)
{
	struct tjob j = {.name = name};
	j.q.reply_to = &replies;
	j.q.run = run;
	j.q.done = done;
	return j;
}

static void wait_until_taken(struct workq *q)
{
	for (int i = 0; i < 2000 && workq_waiting(q) > 0; i++)
		nanosleep(&(struct timespec){0, 1000000}, NULL);
}

/* Depth, the reserved place, the per-key cap, the order jobs run in, and cancelling, on one queue. */
static void test_bounds_order_and_cancel(h2o_evloop_t *loop)
{
	/* one thread, four waiting at most, one of them kept for urgent jobs, two per key */
	struct workq *q = workq_start("test", 1, 4, 1, 2);
	struct tjob a = job('a'), b = job('b'), c = job('c'), d = job('d'), e = job('e'), f = job('f');
	struct tjob u = job('u'), v = job('v'), w = job('w');
	pthread_mutex_lock(&gate);
	CHECK(workq_submit(q, &a.q, WORKQ_NORMAL, "ip:x") == 0);
	wait_until_taken(q); /* a is on the thread, held at the gate */
	CHECK(workq_waiting(q) == 0);
	CHECK(workq_submit(q, &b.q, WORKQ_NORMAL, "ip:x") == 0);
	CHECK(workq_submit(q, &c.q, WORKQ_NORMAL, "ip:x") == -1); /* x has a running and b waiting */
	CHECK(workq_submit(q, &d.q, WORKQ_NORMAL, "ip:y") == 0);
	CHECK(workq_submit(q, &e.q, WORKQ_NORMAL, "") == 0);
	CHECK(workq_waiting(q) == 3);
	CHECK(workq_submit(q, &f.q, WORKQ_NORMAL, "ip:z") == -1); /* the last place is kept */
	CHECK(workq_submit(q, &u.q, WORKQ_URGENT, "user:1") == 0);
	CHECK(workq_submit(q, &v.q, WORKQ_URGENT, "user:2") == -1); /* full */
	CHECK(workq_submit(q, &w.q, WORKQ_FOLLOW, "ip:x") == 0);    /* a next step is never refused */
	CHECK(workq_waiting(q) == 5);
	int r = workq_retry_after(q);
	CHECK(r >= 1 && r <= 60);
	CHECK(workq_cancel(&d.q) == 1); /* still waiting: taken out, never run */
	CHECK(workq_waiting(q) == 4);
	CHECK(workq_cancel(&a.q) == 0); /* on the thread already */
	pthread_mutex_unlock(&gate);
	for (int i = 0; i < 5000 && nfinished < 5; i++)
		h2o_evloop_run(loop, 10);
	CHECK(nfinished == 5);
	CHECK_STR(ran, "auwbe"); /* urgent and follow-up jobs first, then the normal ones in order */
	CHECK_STR(finished, "auwbe");
	/* with x's jobs done, x may queue again */
	CHECK(workq_submit(q, &c.q, WORKQ_NORMAL, "ip:x") == 0);
	for (int i = 0; i < 5000 && nfinished < 6; i++)
		h2o_evloop_run(loop, 10);
	CHECK(nfinished == 6 && finished[5] == 'c');
	workq_stop(q);
}

int main(void)
{
	h2o_evloop_t *loop = h2o_evloop_create();
	h2o_multithread_queue_t *mq = h2o_multithread_create_queue(loop);
	h2o_multithread_register_receiver(mq, &replies, workq_on_reply);
	RUN_WITH(test_bounds_order_and_cancel, loop);
	h2o_multithread_unregister_receiver(mq, &replies);
	h2o_multithread_destroy_queue(mq);
	h2o_evloop_destroy(loop);
	return unit_done("workq");
}
