/* changes: what a committed change drops from every worker's page cache, without a lock on the hit path. */
#include "http/changes.h"
#include "store/search.h"

static atomic_uint_fast64_t *article_counter(struct app *app, int64_t id)
{
	return &app->article_generation[(uint64_t)id % ARTICLE_SLOTS];
}

static atomic_uint_fast64_t *teaser_counter(struct app *app, int64_t id)
{
	return &app->teaser_generation[(uint64_t)id % ARTICLE_SLOTS];
}

void changed_structure(struct app *app)
{
	atomic_fetch_add_explicit(&app->content_generation, 1, memory_order_release);
}

void changed_articles(struct app *app, const int64_t *ids, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		atomic_fetch_add_explicit(teaser_counter(app, ids[i]), 1, memory_order_release);
		atomic_fetch_add_explicit(article_counter(app, ids[i]), 1, memory_order_release);
	}
	atomic_fetch_add_explicit(&app->lists_generation, 1, memory_order_release);
}

void changed_articles_and_neighbours(struct app *app, store *db, const int64_t *ids, size_t n)
{
	changed_articles(app, ids, n);
	/* the pages of the articles that may name them among their related ones; their own cards are as they
	 * were */
	int64_t near[512];
	for (size_t i = 0; i < n; i++) {
		size_t m = 0;
		if (store_related_of(db, ids[i], near, sizeof near / sizeof *near, &m) != 0 ||
		    m == sizeof near / sizeof *near)
			changed_structure(
			    app); /* cannot tell them all: every page goes rather than a stale one stays */
		for (size_t k = 0; k < m; k++)
			atomic_fetch_add_explicit(article_counter(app, near[k]), 1, memory_order_release);
	}
}

static void add(struct request *r, const atomic_uint_fast64_t *counter)
{
	for (size_t i = 0; i < r->ndeps; i++)
		if (r->deps[i].counter == counter)
			return;
	if (r->ndeps < PAGE_MAX_DEPS)
		r->deps[r->ndeps++] =
		    (struct page_dep){counter, atomic_load_explicit(counter, memory_order_acquire)};
	else
		r->cache_key.base = NULL; /* more than a page can track: served, not cached */
}

void deps_begin(struct request *r)
{
	r->ndeps = 0;
	add(r, &r->app->content_generation);
	r->lists_seen = atomic_load_explicit(&r->app->lists_generation, memory_order_acquire);
	add(r, &r->app->lists_generation);
}

void deps_article(struct request *r, int64_t id)
{
	r->ndeps = 1; /* the structure stays; the lists go */
	add(r, article_counter(r->app, id));
}

void deps_add_article(struct request *r, int64_t id)
{
	add(r, teaser_counter(r->app, id));
}

int deps_still_valid(const struct request *r)
{
	/* article counters are read after the article was; any article change also moves the lists */
	return atomic_load_explicit(&r->app->lists_generation, memory_order_acquire) == r->lists_seen;
}
