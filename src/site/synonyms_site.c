/* synonyms_site: a site's synonym table as its searches widen with it, read from the store and kept per
 * thread until anything is committed (the pure widening is synonyms.c, which the query fuzzer links alone).
 */
#include <pthread.h>
#include <stdlib.h>

#include "site/synonyms.h"
#include "store/search.h"
#include "store/changes.h"

/* The table of a site read on one connection, kept while the store's stamp says nothing was committed since:
 * each search would otherwise read and cut every group again. A thread keeps MEMO_SITES (a search runs on one
 * thread from start to end; sister sites share the threads), freed when it ends. */
#define MEMO_SITES 4
struct memo {
	store *s; /* NULL: empty */
	int64_t site_id;
	struct store_stamp stamp;
	h2o_mem_pool_t pool;
	struct synonym_table t;
};
struct memos {
	struct memo m[MEMO_SITES];
	size_t next; /* the one replaced next */
};

static pthread_key_t memo_key;
static pthread_once_t memo_once = PTHREAD_ONCE_INIT;

static void memos_free(void *p)
{
	struct memos *x = p;
	if (!x)
		return;
	for (size_t i = 0; i < MEMO_SITES; i++)
		h2o_mem_clear_pool(&x->m[i].pool);
	free(x);
}

static void memo_init(void)
{
	if (pthread_key_create(&memo_key, memos_free) != 0)
		abort();
}

/* The thread's memo of site_id on s, read again when its stamp moved: NULL on error. */
static struct memo *memo_of(store *s, int64_t site_id)
{
	pthread_once(&memo_once, memo_init);
	struct memos *x = pthread_getspecific(memo_key);
	if (!x) {
		if (!(x = calloc(1, sizeof *x)))
			return NULL;
		for (size_t i = 0; i < MEMO_SITES; i++)
			h2o_mem_init_pool(&x->m[i].pool);
		if (pthread_setspecific(memo_key, x) != 0) {
			memos_free(x);
			return NULL;
		}
	}
	struct store_stamp now;
	if (store_stamp(s, &now) != 0)
		return NULL;
	struct memo *m = NULL;
	for (size_t i = 0; i < MEMO_SITES && !m; i++)
		if (x->m[i].s == s && x->m[i].site_id == site_id)
			m = &x->m[i];
	if (m && store_stamp_same(&m->stamp, &now))
		return m;
	if (!m) {
		m = &x->m[x->next];
		x->next = (x->next + 1) % MEMO_SITES;
	}
	m->s = NULL;
	h2o_mem_clear_pool(&m->pool);
	struct synonym_group *gs;
	size_t ng;
	if (store_synonyms(s, &m->pool, site_id, &gs, &ng) != 0)
		return NULL;
	synonym_table_build(&m->pool, gs, ng, &m->t);
	m->s = s;
	m->site_id = site_id;
	m->stamp = now;
	return m;
}

int synonyms_expand_site(h2o_mem_pool_t *pool, store *s, int64_t site_id, struct query *q, const char **added,
			 size_t max, size_t *nadded)
{
	if (nadded)
		*nadded = 0;
	if (!q->nclauses)
		return 0;
	struct memo *m = memo_of(s, site_id);
	if (!m)
		return -1;
	synonym_table_expand(pool, &m->t, q, added, max, nadded);
	return 0;
}
