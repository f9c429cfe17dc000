/* scheduler: publishes scheduled articles at their second and drops cached pages when it does; notices a
 * restored database; keeps the search index and vocabulary up to date in the background; removes stale
 * uploads; queues alerts and weekly digests when they are due. */
#include "jobs/scheduler.h"

#include <pthread.h>
#include <stdatomic.h>
#include <time.h>

#include "core/log.h"
#include "http/changes.h"
#include "http/worker.h"
#include "jobs/alerts.h"
#include "jobs/newsletter_mail.h"
#include "jobs/uploads.h"
#include "store/editorial.h"
#include "store/search.h"
#include "store/changes.h"

/* It looks for work at least this often (an editor may schedule something at any time), and otherwise
 * sleeps exactly until the next scheduled second, so cached pages show an article within milliseconds of it.
 */
#define TICK_MS 200
/* Search upkeep runs at most this often: after a burst of edits, once. */
#define UPKEEP_MS 1000
/* related lists scored per tick after an import (a few milliseconds each, with the write lock held) */
#define RELATED_PER_TICK 40
/* Newsletters due are looked for this often; after a failed send, again only this much later. */
#define NEWSLETTER_MS 1000
#define NEWSLETTER_RETRY_MS 60000
/* Unfinished uploads older than a day are looked for this often (and when the server starts). */
#define UPLOADS_SWEEP_MS (3600 * 1000)
/* Alert batches and digests are looked for this often (alerts.c says when one is due). */
#define ALERTS_MS 5000
/* ... and after a failure (the database, a theme without the mail templates) this much later */
#define ALERTS_RETRY_MS 60000

static pthread_t thread;
static atomic_int stopping;
static store *db;

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Changes other processes made to the database (other nodes, the command line, a restore): the cached
 * pages they show on go, as this process's own changes drop them when they are made. */
static void follow_changes(struct app *app, int64_t now)
{
	static int64_t since = -1, last_prune;
	struct logged_change got[256];
	size_t n = 0;
	do {
		if (store_changes_since(db, &since, got, sizeof got / sizeof *got, &n) != 0)
			return;
		int64_t ids[256];
		size_t nids = 0;
		int structure = 0;
		for (size_t i = 0; i < n; i++) {
			structure |= got[i].structure;
			if (!got[i].structure && (nids == 0 || ids[nids - 1] != got[i].article_id))
				ids[nids++] = got[i].article_id;
		}
		if (structure)
			changed_structure(app);
		if (nids)
			changed_articles_and_neighbours(app, db, ids, nids);
	} while (n == sizeof got / sizeof *got);
	if (now - last_prune >= 60000) { /* every running node has read rows an hour old long ago */
		last_prune = now;
		store_changes_prune(db, now / 1000 - 3600);
	}
}

/* Background work between ticks: changes from elsewhere; a restore (the epoch moved) drops every cached
 * page; search upkeep at most every UPKEEP_MS. */
static void upkeep(struct app *app, int64_t now)
{
	static int64_t epoch = -1, last_upkeep, last_sweep, last_alerts, next_newsletter;
	follow_changes(app, now);
	int64_t e = store_content_epoch(db);
	if (e >= 0 && epoch >= 0 && e != epoch) {
		changed_structure(app);
		log_info("scheduler: the database was replaced (restored); every cached page dropped");
	}
	if (e >= 0)
		epoch = e;
	if (now - last_upkeep >= UPKEEP_MS) {
		last_upkeep = now;
		if (store_search_upkeep(db) < 0)
			log_error("scheduler: search upkeep failed");
	}
	/* related lists an import left to score, a few each tick: their pages (and their neighbours') change
	 */
	int64_t ids[RELATED_PER_TICK];
	size_t scored = 0;
	if (store_related_pending(db, ids, RELATED_PER_TICK, &scored) != 0)
		log_error("scheduler: scoring related articles failed");
	else if (scored)
		changed_articles_and_neighbours(app, db, ids, scored);
	if (now - last_alerts >= ALERTS_MS) {
		last_alerts = now;
		struct alerts_report rep;
		if (alerts_run(app, db, store_now(), 0, &rep) != 0) {
			log_error("scheduler: alerts or digests failed; they are tried again in a minute");
			last_alerts = now + ALERTS_RETRY_MS - ALERTS_MS;
		}
	}
	if (now >= next_newsletter) /* one transaction each: queued to every subscriber, or not at all */
		next_newsletter = now + (newsletter_send_due(app, db, store_now()) < 0 ? NEWSLETTER_RETRY_MS
										       : NEWSLETTER_MS);
	if (!last_sweep || now - last_sweep >= UPLOADS_SWEEP_MS) {
		last_sweep = now;
		uploads_expire(db, app->cfg.media_dir, now / 1000);
		/* an editor's autosave nobody came back to in 30 days */
		if (store_autosave_prune(db, now / 1000 - 30 * 86400) != 0)
			log_error("scheduler: pruning old autosaves failed");
	}
}

static void *scheduler_main(void *arg)
{
	struct app *app = arg;
	while (!atomic_load(&stopping)) {
		int64_t next = store_next_scheduled(db); /* seconds; 0 when nothing is scheduled */
		int64_t now = now_ms();
		upkeep(app, now);
		if (next > 0 && next * 1000 <= now) {
			int64_t ids[256];
			size_t changed = 0;
			if (store_publish_due(db, ids, sizeof ids / sizeof *ids, &changed) == 0 &&
			    changed > 0) {
				changed_articles_and_neighbours(app, db, ids, changed);
				log_info("scheduler: published %zu scheduled article%s", changed,
					 changed == 1 ? "" : "s");
				continue;
			}
		}
		int64_t wait = TICK_MS;
		if (next > 0 && next * 1000 > now && next * 1000 - now < wait)
			wait = next * 1000 - now;
		store_changes_wait(db, (int)(wait > 0 ? wait : 1)); /* less when another node logs a change */
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
