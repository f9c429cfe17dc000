/* workq: a bounded queue of slow jobs (password hashing, image resizing) run by threads of its own off the
 * event loops; a full queue refuses at once, so a flood gets 429 instead of delaying everyone. */
#ifndef PLENARY_WORKQ_H
#define PLENARY_WORKQ_H

#include <h2o.h>

struct workq;

/** One job. The caller allocates it (often as the first member of a larger struct) and sets reply_to, run
 * and done; the queue fills in the rest. */
struct workq_job {
	h2o_multithread_message_t super; /* first: the message sent back to the loop of reply_to */
	h2o_multithread_receiver_t *reply_to;
	void (*run)(struct workq_job *job);  /* on a queue thread */
	void (*done)(struct workq_job *job); /* on reply_to's loop after run; owns the job from then on */
	/* the queue's own (under its lock) */
	struct workq *q;
	h2o_linklist_t admitted; /* in the queue's list of jobs waiting or running */
	int waiting, urgent, follow;
	char key[64];
};

/** Submission classes: WORKQ_NORMAL may use the queue up to depth - reserve; WORKQ_URGENT may use all of it
 * and is taken before any normal job; WORKQ_FOLLOW is the next step of a job already admitted (never
 * refused for depth: its first step held a place). */
enum { WORKQ_NORMAL = 0, WORKQ_URGENT = 1, WORKQ_FOLLOW = 2 };

/** Starts a queue of threads threads named name (in logs), holding at most depth waiting jobs, of which
 * reserve are kept for WORKQ_URGENT jobs; per_key > 0 lets one key (e.g. a client address) have at most
 * that many jobs waiting or running. Dies when a thread cannot start. */
struct workq *workq_start(const char *name, int threads, int depth, int reserve, int per_key);
/** Lets the threads finish what is queued, then joins and frees them (NULL is fine). */
void workq_stop(struct workq *q);
/** Queues job in class cls for key ("" or NULL: none): 0, or -1 when the queue (or key's share) is full; the
 * job is then untouched and still the caller's. */
int workq_submit(struct workq *q, struct workq_job *job, int cls, const char *key);
/** Takes out a job still waiting (it will never run nor come back): 1, and the caller frees it; 0 when a
 * thread has it (done will come). Call it only on reply_to's loop, before done. */
int workq_cancel(struct workq_job *job);
/** Seconds a refused client should wait before trying again, from the queue's length and the average time
 * of its recent jobs: 1 to 60. */
int workq_retry_after(struct workq *q);
/** Jobs waiting (not yet on a thread), for tests and logs. */
int workq_waiting(struct workq *q);

/** A queue as the metrics show it. */
struct workq_stats {
	char name[32];
	int waiting, running, depth, threads;
	uint64_t refused; /* jobs refused since the start (429) */
};
/** The queues started and not stopped, at most max of them into out: how many. */
size_t workq_stats_all(struct workq_stats *out, size_t max);
/** The receiver callback for finished jobs: calls each job's done. */
void workq_on_reply(h2o_multithread_receiver_t *receiver, h2o_linklist_t *messages);

#endif
