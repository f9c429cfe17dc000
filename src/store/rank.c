/* rank: a search's scores, order and facet counts, from hits either backend found */
#include "store/rank.h"
#include "store/search.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int rank_year(int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	return tm.tm_year + 1900;
}

int rank_grow(void **p, size_t *cap, size_t need, size_t size)
{
	if (need <= *cap)
		return 0;
	size_t c = *cap ? *cap * 2 : 1024;
	while (c < need)
		c *= 2;
	void *more = realloc(*p, c * size);
	if (!more)
		return -1;
	*p = more;
	*cap = c;
	return 0;
}

double rank_saturate(const double *tf, const double *weights, int ncols)
{
	double score = 0;
	for (int c = 0; c < ncols; c++)
		if (tf[c] > 0)
			score += weights[c] * tf[c] * (RANK_K1 + 1) / (tf[c] + RANK_K1);
	return score;
}

double rank_idf(int nphrases, int64_t articles, int64_t docs)
{
	if (nphrases <= 1)
		return 1.0;
	double v = log(((double)articles - (double)docs + 0.5) / ((double)docs + 0.5));
	return v > 1e-3 ? v : 1e-3; /* a word in most documents still counts a little */
}

double rank_score(double relevance, int64_t published, int64_t now)
{
	double age = published < now ? (double)(now - published) : 0;
	return -relevance * (1.0 + 0.5 / (1.0 + age / 2592000.0));
}

void rank_language(struct hit *hits, size_t n, const char *lang)
{
	for (size_t i = 0; i < n; i++)
		hits[i].away = lang[0] && strcmp(hits[i].fact->lang, lang) != 0;
}

static size_t slot_of(int64_t id, size_t cap);

/* How a member stands for its family: 0 in the reader's language, 1 the original, 2 another. */
static int standing(const struct fact *f, const char *lang)
{
	return lang[0] && strcmp(f->lang, lang) == 0 ? 0 : f->id == f->family ? 1 : 2;
}

int rank_families(struct hit *hits, size_t *n, const char *lang)
{
	/* most hits have no kin: only those that do go through a table of their families, the chosen member
	 * of each so far (open addressing, at most half full) */
	size_t nkin = 0;
	for (size_t i = 0; i < *n; i++)
		nkin += hits[i].fact->kin;
	if (nkin < 2)
		return 0;
	size_t cap = 64;
	while (cap < 2 * nkin)
		cap *= 2;
	const struct fact **pick = calloc(cap, sizeof *pick);
	if (!pick)
		return -1;
	for (size_t i = 0; i < *n; i++) {
		const struct fact *f = hits[i].fact;
		if (!f->kin)
			continue;
		size_t at = slot_of(f->family, cap);
		while (pick[at] && pick[at]->family != f->family)
			at = (at + 1) & (cap - 1);
		const struct fact *p = pick[at];
		int a = p ? standing(p, lang) : 3, b = standing(f, lang);
		if (b < a || (b == a && f->id < p->id))
			pick[at] = f;
	}
	/* the hits without the members not chosen, in their order */
	size_t to = 0;
	for (size_t i = 0; i < *n; i++) {
		const struct fact *f = hits[i].fact;
		if (f->kin) {
			size_t at = slot_of(f->family, cap);
			while (pick[at]->family != f->family)
				at = (at + 1) & (cap - 1);
			if (pick[at] != f)
				continue;
		}
		hits[to++] = hits[i];
	}
	free(pick);
	*n = to;
	return 0;
}

static int by_rank(const void *a, const void *b)
{
	const struct hit *x = a, *y = b;
	if (x->away != y->away)
		return x->away - y->away;
	if (x->score != y->score)
		return x->score < y->score ? -1 : 1;
	if (x->fact->published != y->fact->published)
		return x->fact->published > y->fact->published ? -1 : 1;
	return x->fact->id > y->fact->id ? -1 : x->fact->id < y->fact->id;
}

/* Restores the heap below i: a parent ranks after (is worse than) its children. */
static void sift(struct hit *h, size_t n, size_t i)
{
	for (;;) {
		size_t worst = i, l = 2 * i + 1, r = l + 1;
		if (l < n && by_rank(&h[l], &h[worst]) > 0)
			worst = l;
		if (r < n && by_rank(&h[r], &h[worst]) > 0)
			worst = r;
		if (worst == i)
			return;
		struct hit t = h[i];
		h[i] = h[worst];
		h[worst] = t;
		i = worst;
	}
}

/* A heap of the best so far, with the worst of them on top, spares sorting every hit of a broad query. */
void rank_top(struct hit *hits, size_t n, size_t want)
{
	if (want >= n) {
		if (n)
			qsort(hits, n, sizeof *hits, by_rank);
		return;
	}
	if (want == 0)
		return;
	for (size_t i = want / 2; i-- > 0;)
		sift(hits, want, i);
	for (size_t i = want; i < n; i++)
		if (by_rank(&hits[i], &hits[0]) < 0) {
			struct hit t = hits[0];
			hits[0] = hits[i];
			hits[i] = t;
			sift(hits, want, 0);
		}
	qsort(hits, want, sizeof *hits, by_rank);
}

/* ---- facets: one pass over the hits; per kind, an array for small ids and a table for the others ---- */

#define DIRECT 4096 /* ids below this (every year, the ids of most sites) are counted in an array */

struct counter {
	int64_t id, count;
};

struct tally {
	uint32_t *direct; /* DIRECT counts, of ids from lo to hi */
	int64_t lo, hi;
	struct counter *c; /* the larger ids */
	size_t cap, used;  /* cap: 0 or a power of two, at most half used */
};

static size_t slot_of(int64_t id, size_t cap)
{
	return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15ull) >> 32) & (cap - 1);
}

static int tally_add(struct tally *t, int64_t id)
{
	if (id > 0 && id < DIRECT) {
		if (!t->direct[id]++) {
			t->lo = t->lo && t->lo < id ? t->lo : id;
			t->hi = t->hi > id ? t->hi : id;
		}
		return 0;
	}
	if (!id)
		return 0;
	if ((t->used + 1) * 2 > t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct counter *c = calloc(cap, sizeof *c);
		if (!c)
			return -1;
		for (size_t i = 0; i < t->cap; i++)
			if (t->c[i].id) {
				size_t at = slot_of(t->c[i].id, cap);
				while (c[at].id)
					at = (at + 1) & (cap - 1);
				c[at] = t->c[i];
			}
		free(t->c);
		t->c = c;
		t->cap = cap;
	}
	size_t at = slot_of(id, t->cap);
	while (t->c[at].id && t->c[at].id != id)
		at = (at + 1) & (t->cap - 1);
	if (!t->c[at].id) {
		t->c[at].id = id;
		t->used++;
	}
	t->c[at].count++;
	return 0;
}

static int by_count(const void *a, const void *b)
{
	const struct counter *x = a, *y = b;
	return x->count != y->count ? (x->count > y->count ? -1 : 1) : (x->id > y->id ? -1 : x->id < y->id);
}

int rank_facets(h2o_mem_pool_t *pool, const struct hit *hits, size_t n, const int64_t *tags,
		struct search_result *out)
{
	struct tally t[FACET_KINDS];
	memset(t, 0, sizeof t);
	uint32_t *direct = calloc((size_t)FACET_KINDS * DIRECT, sizeof *direct);
	if (!direct)
		return -1;
	for (int kind = 0; kind < FACET_KINDS; kind++)
		t[kind].direct = direct + (size_t)kind * DIRECT;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		const struct fact *f = hits[i].fact;
		rc = tally_add(&t[FACET_SECTION], f->section) | tally_add(&t[FACET_CONGRESS], f->congress) |
		     tally_add(&t[FACET_YEAR], f->year) | tally_add(&t[FACET_TRIAL], f->trial);
		for (size_t k = 0; k < f->ntags && rc == 0; k++)
			rc = tally_add(&t[FACET_TAG], tags[f->tags + k]);
	}
	for (int kind = 0; kind < FACET_KINDS && rc == 0; kind++) {
		/* the array's counts join the table's */
		size_t small = 0;
		for (int64_t id = t[kind].lo; id && id <= t[kind].hi; id++)
			small += t[kind].direct[id] != 0;
		struct counter *all = realloc(t[kind].c, (t[kind].cap + small + 1) * sizeof *all);
		if (!all) {
			rc = -1;
			break;
		}
		t[kind].c = all;
		size_t used = 0;
		for (size_t i = 0; i < t[kind].cap; i++)
			if (all[i].id)
				all[used++] = all[i];
		for (int64_t id = t[kind].lo; id && id <= t[kind].hi; id++)
			if (t[kind].direct[id])
				all[used++] = (struct counter){id, t[kind].direct[id]};
		if (used)
			qsort(t[kind].c, used, sizeof *t[kind].c, by_count);
		if (used > RANK_FACETS)
			used = RANK_FACETS;
		struct facet *f = h2o_mem_alloc_pool(pool, (used ? used : 1) * sizeof *f);
		for (size_t i = 0; i < used; i++)
			f[i] = (struct facet){t[kind].c[i].id, "", "", t[kind].c[i].count};
		out->facets[kind] = f;
		out->nfacets[kind] = used;
	}
	for (int kind = 0; kind < FACET_KINDS; kind++)
		free(t[kind].c);
	free(direct);
	return rc ? -1 : 0;
}

void rank_name(struct facet *f, size_t n, int64_t id, const char *slug, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (f[i].id == id) {
			f[i].slug = slug;
			f[i].name = name;
		}
}
