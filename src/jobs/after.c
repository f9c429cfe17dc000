/* after: work a request hands off to be done after its answer, on a thread with its own database connection.
 */
#include "jobs/after.h"

#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "core/log.h"
#include "http/worker.h"

/* A job runs this long after it was queued at the earliest, so its work never overlaps the answer it came
 * from: what the work finds cannot be read in that answer's timing. */
#define AFTER_DELAY_MS 100

struct job {
	void (*run)(store *db, void *arg);
	void *arg;
	struct timespec due;
	struct job *next;
};

static pthread_t thread;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static struct job *head, *tail;
static int queued, stopping, running;
static store *db;

static void *after_main(void *unused)
{
	(void)unused;
	pthread_mutex_lock(&lock);
	for (;;) {
		while (!head && !stopping)
			pthread_cond_wait(&wake, &lock);
		struct job *j = head;
		if (!j)
			break; /* stopping, and nothing is left */
		if (!stopping && pthread_cond_timedwait(&wake, &lock, &j->due) == 0)
			continue; /* woken early (a new job, or stop): look again */
		head = j->next;
		if (!head)
			tail = NULL;
		queued--;
		pthread_mutex_unlock(&lock);
		j->run(db, j->arg);
		free(j);
		pthread_mutex_lock(&lock);
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int after_start(struct app *app)
{
	char err[512];
	db = store_open(app->cfg.database, err, sizeof err);
	if (!db) {
		log_error("after: %s", err);
		return -1;
	}
	if (pthread_create(&thread, NULL, after_main, NULL) != 0) {
		log_error("after: cannot start the thread");
		store_close(db);
		return -1;
	}
	running = 1;
	return 0;
}

void after_stop(void)
{
	if (!running)
		return;
	pthread_mutex_lock(&lock);
	stopping = 1;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	pthread_join(thread, NULL);
	store_close(db);
	running = 0;
}

int after_queue(void (*run)(store *db, void *arg), void *arg)
{
	struct job *j = malloc(sizeof *j);
	if (!j)
		return -1;
	*j = (struct job){run, arg, {0, 0}, NULL};
	clock_gettime(CLOCK_REALTIME, &j->due);
	j->due.tv_nsec += AFTER_DELAY_MS * 1000000L;
	if (j->due.tv_nsec >= 1000000000L) {
		j->due.tv_sec++;
		j->due.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&lock);
	int ok = running && !stopping && queued < AFTER_QUEUE_MAX;
	if (ok) {
		if (tail)
			tail->next = j;
		else
			head = j;
		tail = j;
		queued++;
		pthread_cond_signal(&wake);
	}
	pthread_mutex_unlock(&lock);
	if (!ok)
		free(j);
	return ok ? 0 : -1;
}
