/* worker: what every worker shares (struct app) and what each holds (struct worker), and its list of sites.
 */
#ifndef PLENARY_WORKER_H
#define PLENARY_WORKER_H

#include <h2o.h>
#include <pthread.h>
#include <stdatomic.h>

#include "core/config.h"
#include "core/netlist.h"
#include "http/meter.h"
#include "render/theme.h"
#include "render/tmpl.h"
#include "store/store.h"

#define ARTICLE_SLOTS 4096

struct page_cache;
struct asset;
struct mailer;
struct dkim_signer;
struct count_table;

/** What every worker shares, read-only once serving starts. */
struct app {
	struct config cfg;
	struct theme *theme;  /* the templates in each language (render/theme.h) */
	const tmpl_set *tmpl; /* the base language's, on a site of that default (mail, errors) */
	struct site *sites;   /* loaded at start-up (workers keep their own copy, see below) */
	size_t nsites;
	h2o_mem_pool_t pool; /* owns sites */
	struct asset *assets;
	size_t nassets;
	unsigned char form_key[32]; /* signs form tokens (CSRF) */
	/* what cached pages depend on (see src/http/changes.h): the structure every page shows, the lists of
	 * articles, and each article (by id, in ARTICLE_SLOTS counters) */
	atomic_uint_fast64_t content_generation;
	atomic_uint_fast64_t lists_generation;
	atomic_uint_fast64_t article_generation[ARTICLE_SLOTS]; /* an article's own page */
	atomic_uint_fast64_t teaser_generation[ARTICLE_SLOTS];	/* its card (title, summary, date, status) */
	struct mailer *mailer;
	struct dkim_signer *dkim; /* signs outgoing mail (dkim_key_file), or NULL: hand it to mail_compose */
	struct netlist proxies;	  /* trusted_proxies, parsed */
	struct netlist metrics_allow; /* metrics_allow, parsed: who may read /metrics (http/metrics.c) */
	/* h2o's own file handler over media_dir, for videos: byte ranges (206, 416, several ranges), HEAD and
	 * conditional GETs as h2o writes them; media_file (src/site/assets.c) hands a request to it */
	h2o_handler_t *media_files;
};

/** One worker thread: its loop, its listener, its database connection, its page cache. */
struct worker {
	h2o_context_t ctx; /* first, so a context pointer is a worker pointer */
	h2o_accept_ctx_t accept;
	h2o_socket_t *listener;
	int listen_fd;	/* the listener's socket, made before the thread starts */
	void *sessions; /* the loop's memo of session lookups (session.c) */
	struct app *app;
	store *db;
	struct page_cache *cache;
	int index;
	int inflight;
	struct conn_load *loads; /* per connection: pages waiting for a render thread, requests abandoned */
	h2o_multithread_receiver_t hash_replies;   /* finished hashes and image work (workq.h) come back */
	h2o_multithread_receiver_t render_replies; /* and pages rendered off the loop (render.c) */
	pthread_t thread;
	/* the sites as this worker last read them: read again after any content change, the replaced lists
	 * freed once no request of this worker is in flight */
	const struct site *sites;
	size_t nsites;
	uint_fast64_t sites_generation;
	h2o_mem_pool_t *sites_pool;
	h2o_mem_pool_t **retired_pools;
	size_t nretired;
	/* the form token of the current hour, computed once per hour */
	int64_t token_hour;
	char token[80];
	struct meter meter; /* its counts for the metrics (meter.h): only its loop writes them */
	/* this interval's counts (count.h), handed to the writer every second; NULL until the first */
	struct count_table *counts;
	int64_t counts_at;
};

/** Reads the sites again after a content change (an edit in /admin/sites reaches readers at once). */
void worker_sites_refresh(struct worker *w);
/** Frees the worker's sites and the lists it replaced. */
void worker_sites_free(struct worker *w);
/** Applies the configuration's reading settings (mmap_mb, search_threads) to a serving connection. */
void worker_tune(const struct app *app, store *db);

#endif
