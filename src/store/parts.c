/* parts: a connection's helper threads, each with its own connection to the same database, that run parts of
 * one piece of work (a search's hits) beside the caller's own part */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/sqlite_int.h"

struct helper {
	pthread_t thread;
	store *db; /* NULL: could not be made; its jobs run on the caller */
	void (*work)(store *db, void *job);
	void *job; /* set while the helper has work */
	struct parts *home;
};

struct parts {
	pthread_mutex_t lock;
	pthread_cond_t go, done;
	int stop;
	size_t n; /* helpers made */
	struct helper h[];
};

static void *helper_main(void *arg)
{
	struct helper *h = arg;
	struct parts *p = h->home;
	pthread_mutex_lock(&p->lock);
	for (;;) {
		while (!h->job && !p->stop)
			pthread_cond_wait(&p->go, &p->lock);
		if (p->stop)
			break;
		pthread_mutex_unlock(&p->lock);
		h->work(h->db, h->job);
		pthread_mutex_lock(&p->lock);
		h->job = NULL;
		pthread_cond_signal(&p->done);
	}
	pthread_mutex_unlock(&p->lock);
	return NULL;
}

/* n helpers on connections to s's database, each as tuned as s but reading alone (no helpers of its own) */
static struct parts *parts_new(store *s, size_t n)
{
	struct parts *p = calloc(1, sizeof *p + n * sizeof *p->h);
	if (!p)
		return NULL;
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->go, NULL);
	pthread_cond_init(&p->done, NULL);
	const char *path = sqlite3_db_filename(sq_db(s), "main");
	struct store_tuning alone = *sq_tuning(s);
	alone.search_threads = 1;
	for (size_t i = 0; i < n; i++) {
		struct helper *h = &p->h[i];
		h->home = p;
		char why[256] = "an in-memory database";
		if (path && *path)
			h->db = sq_store_open(path, why, sizeof why);
		if (!h->db) {
			log_warn(
			    "search: a helper connection could not be made (%s); its part runs on the caller",
			    why);
			continue;
		}
		sq_store_tune(h->db, &alone);
		if (pthread_create(&h->thread, NULL, helper_main, h) != 0) {
			log_warn("search: a helper thread could not start; its part runs on the caller");
			store_close(h->db);
			h->db = NULL;
		}
	}
	p->n = n;
	return p;
}

void sq_parts_run(store *s, size_t n, void (*work)(store *db, void *job), void *const *jobs)
{
	struct parts **held = sq_parts_held(s);
	if (n > 1 && !*held)
		*held = parts_new(s, n - 1);
	struct parts *p = *held;
	size_t helpers = p && n > 1 ? (n - 1 < p->n ? n - 1 : p->n) : 0;
	if (helpers) {
		pthread_mutex_lock(&p->lock);
		for (size_t i = 0; i < helpers; i++)
			if (p->h[i].db) {
				p->h[i].work = work;
				p->h[i].job = jobs[i + 1];
			}
		pthread_cond_broadcast(&p->go);
		pthread_mutex_unlock(&p->lock);
	}
	work(s, jobs[0]);
	for (size_t i = 1; i < n; i++)
		if (i > helpers || !p->h[i - 1].db)
			work(s, jobs[i]);
	if (!helpers)
		return;
	pthread_mutex_lock(&p->lock);
	for (size_t i = 0; i < helpers; i++)
		while (p->h[i].job)
			pthread_cond_wait(&p->done, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

void sq_parts_free(struct parts *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->stop = 1;
	pthread_cond_broadcast(&p->go);
	pthread_mutex_unlock(&p->lock);
	for (size_t i = 0; i < p->n; i++)
		if (p->h[i].db) {
			pthread_join(p->h[i].thread, NULL);
			store_close(p->h[i].db);
		}
	pthread_cond_destroy(&p->go);
	pthread_cond_destroy(&p->done);
	pthread_mutex_destroy(&p->lock);
	free(p);
}
