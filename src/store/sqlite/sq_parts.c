/* sq_parts: helper threads shared by a process's connections to one database, each with a connection of its
 * own, that run parts of a piece of work (a search's hits, its snippets) beside the caller's own part; a part
 * that finds no helper free runs on the caller */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "store/sqlite/sqlite_int.h"

#define HELPERS_MAX 15
/* How long a helper that finished a part watches for the next before it sleeps, and how long a caller watches
 * for its helpers' parts to end before it sleeps: waking a sleeping thread on another core costs from tens of
 * microseconds to a millisecond on a virtual machine, a search's parts take a few milliseconds, and its next
 * part (the snippets) comes a fraction of one after. */
#define HELPER_WATCH_NS 300000
#define CALLER_WATCH_NS 3000000

struct helper {
	pthread_t thread;
	pthread_cond_t go, done;
	store *db;
	void (*work)(store *db, void *job);
	void *job;   /* set while the helper works (written under lock, read atomically when watched) */
	int claimed; /* by a caller, from its run to its release */
	int stop;
};

/* The helpers of one database file. */
struct parts {
	struct parts *next;
	char *path;
	int users; /* connections that use them */
	size_t n;  /* helpers made */
	struct helper *h[HELPERS_MAX];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct parts *all; /* every database's, under lock */

static int64_t now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

static void relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
	__builtin_ia32_pause();
#endif
}

/* Watches *p for up to ns until it is (when) non-NULL or NULL: 1 when it was seen so. */
static int watch(void *const *p, int set, int64_t ns)
{
	int64_t until = now_ns() + ns;
	for (int i = 0;; i++) {
		if ((__atomic_load_n(p, __ATOMIC_ACQUIRE) != NULL) == set)
			return 1;
		if ((i & 63) == 63 && now_ns() > until)
			return 0;
		relax();
	}
}

static void *helper_main(void *arg)
{
	struct helper *h = arg;
	for (;;) {
		watch(&h->job, 1, HELPER_WATCH_NS);
		pthread_mutex_lock(&lock);
		while (!h->job && !h->stop)
			pthread_cond_wait(&h->go, &lock);
		int stop = h->stop;
		pthread_mutex_unlock(&lock);
		if (stop)
			return NULL;
		h->work(h->db, h->job);
		pthread_mutex_lock(&lock);
		__atomic_store_n(&h->job, NULL, __ATOMIC_RELEASE);
		pthread_cond_signal(&h->done);
		pthread_mutex_unlock(&lock);
	}
}

/* A helper on a new connection to path, tuned as s but reading alone (no helpers of its own): NULL when it
 * cannot be made (logged). Called under lock, once per helper of a process. */
static struct helper *helper_new(store *s, const char *path)
{
	struct helper *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	char why[256];
	h->db = sq_store_open(path, why, sizeof why);
	if (!h->db) {
		log_warn("search: a helper connection could not be made (%s); its parts run on the caller",
			 why);
		free(h);
		return NULL;
	}
	struct store_tuning alone = *sq_tuning(s);
	alone.search_threads = 1;
	sq_store_tune(h->db, &alone);
	pthread_cond_init(&h->go, NULL);
	pthread_cond_init(&h->done, NULL);
	if (pthread_create(&h->thread, NULL, helper_main, h) != 0) {
		log_warn("search: a helper thread could not start; its parts run on the caller");
		store_close(h->db);
		free(h);
		return NULL;
	}
	return h;
}

/* The helpers of s's database, with at least want of them when they can be made: NULL for a database
 * without a file. Under lock. */
static struct parts *parts_of(store *s, size_t want)
{
	struct parts **held = sq_parts_held(s);
	const char *path = sqlite3_db_filename(sq_db(s), "main");
	if (!*held && path && *path) {
		for (struct parts *p = all; p && !*held; p = p->next)
			if (strcmp(p->path, path) == 0)
				*held = p;
		if (!*held) {
			struct parts *p = calloc(1, sizeof *p);
			if (p && (p->path = strdup(path)) != NULL) {
				p->next = all;
				all = p;
				*held = p;
			} else {
				free(p);
			}
		}
		if (*held)
			(*held)->users++;
	}
	struct parts *p = *held;
	while (p && p->n < want && p->n < HELPERS_MAX) {
		struct helper *h = helper_new(s, p->path);
		if (!h)
			break;
		p->h[p->n++] = h;
	}
	return p;
}

void sq_parts_run(store *s, size_t n, void (*work)(store *db, void *job), void *const *jobs,
		  struct parts_claim *c)
{
	memset(c, 0, sizeof *c);
	if (n > PARTS_CLAIM_MAX)
		n = PARTS_CLAIM_MAX;
	if (n > 1) {
		pthread_mutex_lock(&lock);
		struct parts *p = parts_of(s, n - 1);
		for (size_t i = 0; p && i < p->n && c->n < n - 1; i++) {
			struct helper *h = p->h[i];
			if (h->claimed)
				continue;
			h->claimed = 1;
			h->work = work;
			__atomic_store_n(&h->job, jobs[c->n + 1], __ATOMIC_RELEASE);
			c->h[c->n++] = h;
			pthread_cond_signal(&h->go);
		}
		pthread_mutex_unlock(&lock);
	}
	work(s, jobs[0]);
	for (size_t i = c->n + 1; i < n; i++) /* no helper was free for these */
		work(s, jobs[i]);
	if (!c->n)
		return;
	int64_t until = now_ns() + CALLER_WATCH_NS;
	for (size_t i = 0; i < c->n; i++) {
		int64_t left = until - now_ns();
		if (left > 0 && watch(&c->h[i]->job, 0, left))
			continue;
		pthread_mutex_lock(&lock);
		while (c->h[i]->job)
			pthread_cond_wait(&c->h[i]->done, &lock);
		pthread_mutex_unlock(&lock);
	}
}

void sq_parts_release(struct parts_claim *c)
{
	if (!c->n)
		return;
	pthread_mutex_lock(&lock);
	for (size_t i = 0; i < c->n; i++)
		c->h[i]->claimed = 0;
	pthread_mutex_unlock(&lock);
	c->n = 0;
}

void sq_parts_free(struct parts *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&lock);
	int last = --p->users == 0;
	if (last) {
		for (struct parts **at = &all; *at; at = &(*at)->next)
			if (*at == p) {
				*at = p->next;
				break;
			}
		for (size_t i = 0; i < p->n; i++) {
			p->h[i]->stop = 1;
			pthread_cond_signal(&p->h[i]->go);
		}
	}
	pthread_mutex_unlock(&lock);
	if (!last)
		return;
	for (size_t i = 0; i < p->n; i++) {
		struct helper *h = p->h[i];
		pthread_join(h->thread, NULL);
		store_close(h->db);
		pthread_cond_destroy(&h->go);
		pthread_cond_destroy(&h->done);
		free(h);
	}
	free(p->path);
	free(p);
}
