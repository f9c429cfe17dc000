/* worker: a worker's list of sites, read again after a content change, and its database's reading settings.
 */
#include "http/worker.h"

#include <stdlib.h>

static void free_pool(h2o_mem_pool_t *p)
{
	h2o_mem_clear_pool(p);
	free(p);
}

void worker_sites_refresh(struct worker *w)
{
	uint_fast64_t gen = atomic_load(&w->app->content_generation);
	if (w->nretired &&
	    w->inflight <= 1) { /* only the request asking is in flight: nothing points there */
		for (size_t i = 0; i < w->nretired; i++)
			free_pool(w->retired_pools[i]);
		w->nretired = 0;
	}
	if (gen == w->sites_generation)
		return;
	h2o_mem_pool_t *pool = malloc(sizeof *pool);
	h2o_mem_pool_t **more = realloc(w->retired_pools, (w->nretired + 1) * sizeof *more);
	if (!pool || !more) {
		free(pool);
		if (more)
			w->retired_pools = more;
		return; /* keep serving with the sites it has */
	}
	w->retired_pools = more;
	h2o_mem_init_pool(pool);
	struct site *sites;
	size_t n;
	if (store_sites(w->db, pool, &sites, &n) != 0 || n == 0) {
		free_pool(pool);
		return;
	}
	if (w->sites_pool)
		w->retired_pools[w->nretired++] = w->sites_pool;
	w->sites_pool = pool;
	w->sites = sites;
	w->nsites = n;
	w->sites_generation = gen;
}

void worker_sites_free(struct worker *w)
{
	for (size_t i = 0; i < w->nretired; i++)
		free_pool(w->retired_pools[i]);
	free(w->retired_pools);
	if (w->sites_pool)
		free_pool(w->sites_pool);
}

void worker_tune(const struct app *app, store *db)
{
	struct store_tuning t = {(size_t)app->cfg.mmap_mb * 1024 * 1024, app->cfg.search_threads};
	store_tune(db, &t);
}
