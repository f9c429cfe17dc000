/* scheduler: publishes scheduled articles at their second and drops cached pages when it does. */
#include "jobs/scheduler.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "core/log.h"
#include "http/server.h"

#define TICK_MS                                                                                              \
	200 /* pages show a scheduled article at its second; this only bounds how stale a cached page is */

static pthread_t thread;
static atomic_int stopping;
static store *db;

static void *scheduler_main(void *arg)
{
	struct app *app = arg;
	int64_t next = -1; /* -1: look it up */
	while (!atomic_load(&stopping)) {
		int64_t now = store_now();
		if (next < 0 || (next > 0 && next <= now)) {
			int changed = 0;
			if (store_publish_due(db, &changed) == 0 && changed > 0) {
				atomic_fetch_add(&app->content_generation, 1);
				log_info("scheduler: published %d scheduled article%s", changed,
					 changed == 1 ? "" : "s");
			}
			next = store_next_scheduled(db);
		}
		struct timespec ts = {0, TICK_MS * 1000000L};
		nanosleep(&ts, NULL);
		/* an editor may have scheduled something sooner: look again now and then */
		static int ticks;
		if (++ticks % 5 == 0)
			next = -1;
	}
	return NULL;
}

int scheduler_start(struct app *app)
{
	char err[512];
	db = store_open(app->cfg.database, err, sizeof err);
	if (!db) {
		log_error("scheduler: %s", err);
		return -1;
	}
	return pthread_create(&thread, NULL, scheduler_main, app) == 0 ? 0 : -1;
}

void scheduler_stop(void)
{
	atomic_store(&stopping, 1);
	pthread_join(thread, NULL);
	store_close(db);
}
