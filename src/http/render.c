/* render: runs page handlers for cache misses on render threads and hands the answers back to the loops. */
#include "http/render.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "http/connload.h"
#include "http/response.h"

/* One page to render. The handler runs with a copy of the request in the job's own pool: h2o may dispose
 * of the original (the client went away) while the page renders, and nothing here points into it. */
struct render_job {
	h2o_multithread_message_t super; /* first: the message back to the worker's loop */
	struct worker *home;
	struct request *origin; /* the loop's request, valid unless cancelled */
	struct request r;	/* the copy the handler runs with */
	h2o_mem_pool_t pool;
	struct deferred answer;
	void (*handler)(struct request *r);
	const struct site *sites; /* the worker's list when the request came: kept while the job is out */
	size_t nsites;
	uint64_t conn_id;	   /* the connection it came on (its counts in connload.c) */
	int counted;		   /* the connection's counts have it */
	int waiting;		   /* in the queue, not taken by a thread yet (under lock) */
	int cancelled;		   /* the request went away while the page rendered */
	struct render_job **watch; /* in the request's pool; cleared when the answer arrives */
};

struct render_thread {
	pthread_t thread;
	struct worker self; /* its database connection and form-token state; no loop, no cache */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static h2o_linklist_t queue = {&queue, &queue};
static int stopping, nthreads, nwaiting, nrunning;
static atomic_uint_fast64_t refused; /* RENDER_BUSY answers, for the metrics */
static struct render_thread *threads;

static void *render_main(void *arg)
{
	struct render_thread *t = arg;
	for (;;) {
		pthread_mutex_lock(&lock);
		while (h2o_linklist_is_empty(&queue) && !stopping)
			pthread_cond_wait(&wake, &lock);
		if (h2o_linklist_is_empty(&queue)) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		struct render_job *job = H2O_STRUCT_FROM_MEMBER(struct render_job, super.link, queue.next);
		h2o_linklist_unlink(&job->super.link);
		job->waiting = 0;
		nwaiting--;
		nrunning++;
		pthread_mutex_unlock(&lock);
		t->self.sites = job->sites;
		t->self.nsites = job->nsites;
		job->r.w = &t->self;
		job->handler(&job->r);
		pthread_mutex_lock(&lock);
		nrunning--;
		pthread_mutex_unlock(&lock);
		h2o_multithread_send_message(&job->home->render_replies, &job->super);
	}
}

int render_start(struct app *app, int n, char *why, size_t whylen)
{
	if (n <= 0)
		return 0;
	threads = calloc((size_t)n, sizeof *threads);
	if (!threads)
		die("out of memory");
	for (int i = 0; i < n; i++) {
		struct worker *w = &threads[i].self;
		w->app = app;
		w->index = -1 - i;
		w->db = store_open(app->cfg.database, why, whylen);
		if (!w->db) {
			render_stop();
			return -1;
		}
		worker_tune(app, w->db);
		nthreads++;
		if (pthread_create(&threads[i].thread, NULL, render_main, &threads[i]) != 0)
			die("cannot start a render thread");
	}
	return 0;
}

void render_stop(void)
{
	pthread_mutex_lock(&lock);
	stopping = 1;
	pthread_cond_broadcast(&wake);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < nthreads; i++) {
		pthread_join(threads[i].thread, NULL);
		store_close(threads[i].self.db);
	}
	free(threads);
	threads = NULL;
	nthreads = 0;
}

static const char *copy(h2o_mem_pool_t *pool, const char *s)
{
	return s ? mem_strndup(pool, s, strlen(s)) : NULL;
}

static h2o_iovec_t copy_iovec(h2o_mem_pool_t *pool, h2o_iovec_t v)
{
	return h2o_iovec_init(v.base ? mem_strndup(pool, v.base, v.len) : NULL, v.len);
}

/* The request headers, names that are h2o tokens kept as they are (handlers find those by address). */
static const h2o_headers_t *copy_headers(h2o_mem_pool_t *pool, const h2o_headers_t *from)
{
	h2o_headers_t *to = h2o_mem_alloc_pool(pool, sizeof *to);
	memset(to, 0, sizeof *to);
	to->entries = h2o_mem_alloc_pool(pool, (from->size ? from->size : 1) * sizeof *to->entries);
	to->size = to->capacity = from->size;
	for (size_t i = 0; i < from->size; i++) {
		const h2o_header_t *h = &from->entries[i];
		h2o_header_t *c = &to->entries[i];
		memset(c, 0, sizeof *c);
		if (h2o_iovec_is_token(h->name)) {
			c->name = h->name;
		} else {
			c->name = h2o_mem_alloc_pool(pool, sizeof *c->name);
			*c->name = copy_iovec(pool, *h->name);
		}
		c->orig_name = c->name->base;
		c->value = copy_iovec(pool, h->value);
	}
	return to;
}

/* The loop's end of a job: its holds released, its memory freed. */
static void job_free(struct render_job *job)
{
	job->home->inflight--;
	struct conn_load *l = job->counted ? conn_load_find(job->home, job->conn_id) : NULL;
	if (l)
		l->rendering--;
	h2o_mem_clear_pool(&job->pool);
	free(job);
}

/* The request is being disposed of (on its loop): a job still waiting is taken out and freed unrendered, so
 * streams opened and reset at once cost no rendering and no memory; one on a thread is marked. */
static void on_request_gone(void *p)
{
	struct render_job *job = *(struct render_job **)p;
	if (!job)
		return; /* answered */
	pthread_mutex_lock(&lock);
	int waiting = job->waiting;
	if (waiting) {
		h2o_linklist_unlink(&job->super.link);
		job->waiting = 0;
		nwaiting--;
	}
	pthread_mutex_unlock(&lock);
	if (waiting)
		job_free(job);
	else
		job->cancelled = 1; /* read by render_on_reply, on this same loop */
}

int render_submit(struct request *r, void (*handler)(struct request *r))
{
	if (!nthreads)
		return RENDER_NO_THREADS;
	struct conn_load *l = r->req ? conn_load_of(r->w, r->req->conn) : NULL;
	pthread_mutex_lock(&lock);
	int full = nwaiting >= r->app->cfg.render_queue;
	pthread_mutex_unlock(&lock);
	if (full || (l && l->rendering >= r->app->cfg.render_queue_per_connection)) {
		atomic_fetch_add_explicit(&refused, 1, memory_order_relaxed);
		return RENDER_BUSY;
	}
	struct render_job *job = calloc(1, sizeof *job);
	if (!job)
		return RENDER_NO_THREADS;
	h2o_mem_init_pool(&job->pool);
	h2o_mem_pool_t *pool = &job->pool;
	struct request *c = &job->r;
	*c = *r;
	c->req = NULL;
	c->pool = pool;
	c->later = &job->answer;
	c->headers = copy_headers(pool, r->headers);
	c->authority = copy_iovec(pool, r->authority);
	c->path = copy(pool, r->path);
	c->query = copy(pool, r->query);
	for (int i = 0; i < r->nparams; i++)
		c->params[i] = copy(pool, r->params[i]);
	c->cache_key = copy_iovec(pool, r->cache_key);
	c->session_hash = copy(pool, r->session_hash);
	c->form_token = copy(pool, r->form_token);
	c->user = user_copy(pool, r->user);
	c->pending_user = user_copy(pool, r->pending_user);
	c->names = NULL; /* read again on the render thread's connection, into its pool */
	job->home = r->w;
	job->origin = r;
	job->handler = handler;
	job->sites = r->w->sites;
	job->nsites = r->w->nsites;
	job->home->inflight++; /* the job's hold: the worker's site lists stay, and shutdown waits for it */
	if (l) {
		job->conn_id = r->req->conn->id;
		job->counted = 1;
		l->rendering++;
	}
	job->watch = h2o_mem_alloc_shared(r->pool, sizeof *job->watch, on_request_gone);
	*job->watch = job;
	pthread_mutex_lock(&lock);
	job->waiting = 1;
	nwaiting++;
	h2o_linklist_insert(&queue, &job->super.link);
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	return RENDER_QUEUED;
}

void render_queue_stats(int *waiting, int *running, uint64_t *refused_total, int *nthreads_out)
{
	pthread_mutex_lock(&lock);
	*waiting = nwaiting;
	*running = nrunning;
	*nthreads_out = nthreads;
	pthread_mutex_unlock(&lock);
	*refused_total = atomic_load_explicit(&refused, memory_order_relaxed);
}

void render_on_reply(h2o_multithread_receiver_t *receiver, h2o_linklist_t *messages)
{
	(void)receiver;
	while (!h2o_linklist_is_empty(messages)) {
		struct render_job *job =
		    H2O_STRUCT_FROM_MEMBER(struct render_job, super.link, messages->next);
		h2o_linklist_unlink(&job->super.link);
		if (!job->cancelled) {
			*job->watch = NULL;
			resp_replay(job->origin, &job->answer);
		} else if (job->answer.entry) {
			/* the reader went away, the page is still good for the next one: an entry made to be
			 * kept is freed only by the cache, so it goes there (or is dropped at once when it is
			 * not to be kept) */
			page_cache_put(job->home->cache, job->answer.entry);
			page_entry_release(job->answer.entry);
		}
		job_free(job);
	}
}
