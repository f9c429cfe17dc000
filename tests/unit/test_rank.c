/* test_rank: unit tests for src/store/rank.c: the order of hits, the relevance formula and the facet counts
 * both backends' searches share. */
#include <stdlib.h>

#include "store/rank.h"
#include "unit.h"
#include "store/search.h"

static h2o_mem_pool_t pool;

/* The best `want` by rank_top match the first `want` of a full sort, for every want. */
static void test_top_is_a_sort_of_the_best(void)
{
	enum { N = 300 };
	static struct fact facts[N];
	struct hit all[N], some[N];
	srand(7);
	for (int i = 0; i < N; i++) {
		facts[i] = (struct fact){.id = i + 1, .published = 1700000000 + rand() % 50};
		all[i] = (struct hit){&facts[i], -(double)(rand() % 40), 0}; /* many ties */
	}
	rank_top(all, N, N);
	int sorted = 1;
	for (int i = 1; i < N; i++) {
		const struct hit *a = &all[i - 1], *b = &all[i];
		int ok = a->score < b->score ||
			 (a->score == b->score &&
			  (a->fact->published > b->fact->published ||
			   (a->fact->published == b->fact->published && a->fact->id > b->fact->id)));
		sorted &= ok;
	}
	CHECK(sorted);
	size_t wants[] = {0, 1, 2, 10, 12, 57, 299};
	for (size_t w = 0; w < sizeof wants / sizeof *wants; w++) {
		for (int i = 0; i < N; i++)
			some[i] = all[(i * 7) % N]; /* the same hits in another order */
		rank_top(some, N, wants[w]);
		int same = 1;
		for (size_t i = 0; i < wants[w]; i++)
			same &= some[i].fact == all[i].fact;
		CHECK(same);
	}
}

static void test_ties_go_to_the_newer_then_the_larger_id(void)
{
	struct fact f[] = {
	    {.id = 1, .published = 100}, {.id = 2, .published = 300}, {.id = 3, .published = 300}};
	struct hit h[] = {{&f[0], -5, 0}, {&f[1], -5, 0}, {&f[2], -5, 0}, {&f[0], -6, 0}};
	rank_top(h, 4, 4);
	CHECK(h[0].score == -6);
	CHECK(h[1].fact->id == 3 && h[2].fact->id == 2 && h[3].fact->id == 1);
}

static void test_the_readers_language_first(void)
{
	struct fact f[] = {{.id = 1, .published = 100, .lang = "en"},
			   {.id = 2, .published = 100, .lang = "fr"},
			   {.id = 3, .published = 100, .lang = "nl"},
			   {.id = 4, .published = 100, .lang = "fr"}};
	struct hit h[] = {{&f[0], -9, 0}, {&f[1], -1, 0}, {&f[2], -8, 0}, {&f[3], -2, 0}};
	rank_language(h, 4, "fr");
	rank_top(h, 4, 3);
	/* the French ones first however weaker, by their scores, then the rest by theirs */
	CHECK(h[0].fact->id == 4 && h[1].fact->id == 2 && h[2].fact->id == 1);
	/* no language: the scores alone */
	rank_language(h, 4, "");
	rank_top(h, 4, 4);
	CHECK(h[0].fact->id == 1 && h[1].fact->id == 3 && h[2].fact->id == 4 && h[3].fact->id == 2);
}

/* One hit per family: the reader's language's, else the original, else the lowest id; others stay in order.
 */
static void test_one_member_per_family(void)
{
	/* family 10: original 10 (en), 12 (nl), 11 (fr); family 20: 21 (fr), 22 (nl) without the original; 30
	 * alone; 40 a lone translation */
	struct fact f[] = {{.id = 12, .lang = "nl", .family = 10, .kin = 1},
			   {.id = 30, .lang = "en", .family = 30},
			   {.id = 10, .lang = "en", .family = 10, .kin = 1},
			   {.id = 22, .lang = "nl", .family = 20, .kin = 1},
			   {.id = 11, .lang = "fr", .family = 10, .kin = 1},
			   {.id = 21, .lang = "fr", .family = 20, .kin = 1},
			   {.id = 41, .lang = "nl", .family = 40, .kin = 1}};
	const char *langs[] = {"fr", "nl", "en", "de"};
	const int64_t want[][4] = {{30, 11, 21, 41}, {12, 30, 22, 41}, {30, 10, 21, 41}, {30, 10, 21, 41}};
	for (size_t k = 0; k < 4; k++) {
		struct hit h[7];
		for (size_t i = 0; i < 7; i++)
			h[i] = (struct hit){&f[i], -(double)i, 0};
		size_t n = 7;
		CHECK(rank_families(h, &n, langs[k]) == 0);
		CHECK(n == 4);
		for (size_t i = 0; i < n && i < 4; i++)
			CHECK(h[i].fact->id == want[k][i]);
	}
	/* without kin nothing moves */
	struct hit h[] = {{&f[1], -1, 0}};
	size_t n = 1;
	CHECK(rank_families(h, &n, "fr") == 0 && n == 1 && h[0].fact->id == 30);
}

static void test_relevance(void)
{
	const double weights[] = {10, 4, 1};
	double one_title[] = {1, 0, 0}, two_titles[] = {2, 0, 0}, body[] = {0, 0, 1}, none[] = {0, 0, 0};
	CHECK(rank_saturate(one_title, weights, 3) == 10.0);
	/* a second match counts, less than the first */
	double two = rank_saturate(two_titles, weights, 3);
	CHECK(two > 10.0 && two < 20.0);
	CHECK(rank_saturate(body, weights, 3) == 1.0);
	CHECK(rank_saturate(none, weights, 3) == 0.0);
	/* a title match beats a body match */
	CHECK(rank_score(rank_saturate(one_title, weights, 3), 1000, 1000) <
	      rank_score(rank_saturate(body, weights, 3), 1000, 1000));
	/* of two equal matches, the newer ranks first, and the boost fades */
	CHECK(rank_score(10, 2000000000, 2000000000) < rank_score(10, 2000000000 - 86400 * 90, 2000000000));
	CHECK(rank_score(10, 2000000000, 2000000000) == -15.0);
	CHECK(rank_score(0, 2000000000, 2000000000) == 0.0);
	/* one phrase weighs 1; a rare phrase more than a common one; never nothing */
	CHECK(rank_idf(1, 1000, 999) == 1.0);
	CHECK(rank_idf(2, 1000, 10) > rank_idf(2, 1000, 400));
	CHECK(rank_idf(2, 1000, 1000) > 0);
	CHECK(rank_year(0) == 1970 && rank_year(1735689600) == 2025 && rank_year(1735689599) == 2024);
}

static void test_facets_count_every_kind(void)
{
	enum { N = 100 };
	static struct fact facts[N];
	static int64_t tags[2 * N];
	struct hit hits[N];
	for (int i = 0; i < N; i++) {
		/* section: 1 for 60 hits, 2 for 40; congress: none for even ids; 40 trials, one of them on 61
		 * hits */
		tags[2 * i] = 7;
		tags[2 * i + 1] = 1000 + i % 3;
		facts[i] = (struct fact){.id = i + 1,
					 .section = i < 60 ? 1 : 2,
					 .congress = i % 2 ? 5 : 0,
					 .trial = i < 61 ? 900 : 100 + i,
					 .tags = (size_t)(2 * i),
					 .ntags = 2,
					 .year = 2020 + i % 4};
		hits[i] = (struct hit){&facts[i], 0, 0};
	}
	struct search_result out = {0};
	CHECK(rank_facets(&pool, hits, N, tags, &out) == 0);
	CHECK(out.nfacets[FACET_SECTION] == 2);
	CHECK(out.facets[FACET_SECTION][0].id == 1 && out.facets[FACET_SECTION][0].count == 60);
	CHECK(out.facets[FACET_SECTION][1].id == 2 && out.facets[FACET_SECTION][1].count == 40);
	CHECK_STR(out.facets[FACET_SECTION][0].name, "");
	/* no congress is not a value */
	CHECK(out.nfacets[FACET_CONGRESS] == 1 && out.facets[FACET_CONGRESS][0].count == 50);
	CHECK(out.nfacets[FACET_YEAR] == 4 && out.facets[FACET_YEAR][0].count == 25);
	/* equal counts: the larger value first */
	CHECK(out.facets[FACET_YEAR][0].id == 2023 && out.facets[FACET_YEAR][3].id == 2020);
	CHECK(out.nfacets[FACET_TAG] == 4 && out.facets[FACET_TAG][0].id == 7 &&
	      out.facets[FACET_TAG][0].count == 100);
	CHECK(out.facets[FACET_TAG][1].id == 1000 && out.facets[FACET_TAG][1].count == 34);
	/* 40 trials: the largest first, then the RANK_FACETS - 1 largest ids of the single ones */
	CHECK(out.nfacets[FACET_TRIAL] == RANK_FACETS);
	CHECK(out.facets[FACET_TRIAL][0].id == 900 && out.facets[FACET_TRIAL][0].count == 61);
	CHECK(out.facets[FACET_TRIAL][1].id == 199 && out.facets[FACET_TRIAL][1].count == 1);
	rank_name(out.facets[FACET_SECTION], out.nfacets[FACET_SECTION], 2, "news", "News");
	CHECK_STR(out.facets[FACET_SECTION][1].name, "News");
	CHECK_STR(out.facets[FACET_SECTION][1].slug, "news");
	CHECK_STR(out.facets[FACET_SECTION][0].slug, "");

	/* no hits: every kind empty */
	struct search_result none = {0};
	CHECK(rank_facets(&pool, hits, 0, tags, &none) == 0);
	CHECK(none.nfacets[FACET_SECTION] == 0 && none.nfacets[FACET_TAG] == 0 && none.facets[FACET_TAG]);
}

/* Many distinct values, small and large, make the tables grow; every value is still counted once. */
static void test_facets_of_many_values(void)
{
	enum { N = 5000 };
	struct fact *facts = calloc(N, sizeof *facts);
	struct hit *hits = calloc(N, sizeof *hits);
	for (int i = 0; i < N; i++) {
		facts[i] =
		    (struct fact){.id = i + 1, .section = 1, .trial = (i % 2500) * 3 + 1, .year = 2025};
		hits[i] = (struct hit){&facts[i], 0, 0};
	}
	struct search_result out = {0};
	CHECK(rank_facets(&pool, hits, N, NULL, &out) == 0);
	int twice = out.nfacets[FACET_TRIAL] == RANK_FACETS;
	for (size_t i = 0; i < out.nfacets[FACET_TRIAL]; i++)
		twice &= out.facets[FACET_TRIAL][i].count == 2 &&
			 out.facets[FACET_TRIAL][i].id == 7498 - 3 * (int64_t)i;
	CHECK(twice);
	CHECK(out.facets[FACET_SECTION][0].count == N);
	/* a count of every value, small or large, adds up to the hits */
	struct search_result few = {0};
	CHECK(rank_facets(&pool, hits, 40, NULL, &few) == 0);
	int64_t sum = 0;
	for (size_t i = 0; i < few.nfacets[FACET_TRIAL]; i++)
		sum += few.facets[FACET_TRIAL][i].count;
	CHECK(few.nfacets[FACET_TRIAL] == RANK_FACETS && sum == RANK_FACETS);
	CHECK(few.facets[FACET_TRIAL][0].id == 3 * 39 + 1);
	free(facts);
	free(hits);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_top_is_a_sort_of_the_best);
	RUN(test_ties_go_to_the_newer_then_the_larger_id);
	RUN(test_the_readers_language_first);
	RUN(test_one_member_per_family);
	RUN(test_relevance);
	RUN(test_facets_count_every_kind);
	RUN(test_facets_of_many_values);
	h2o_mem_clear_pool(&pool);
	return unit_done("rank");
}
