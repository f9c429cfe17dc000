/* test_sorted: sorted_first, the binary search over records sorted by an int64_t field. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "core/sorted.h"
#include "unit.h"

struct rec {
	char pad[3];
	int64_t key;
	int tag;
};

#define FIRST(a, n, k) sorted_first(a, n, sizeof *(a), offsetof(struct rec, key), k)

static void test_edges(void)
{
	struct rec a[] = {{"", 2, 0}, {"", 4, 1}, {"", 4, 2}, {"", 4, 3}, {"", 9, 4}};
	CHECK(FIRST(a, 0, 4) == 0);
	CHECK(FIRST(a, 5, 1) == 0);
	CHECK(FIRST(a, 5, 2) == 0);
	CHECK(FIRST(a, 5, 3) == 1);
	CHECK(FIRST(a, 5, 4) == 1); /* the first of equal keys */
	CHECK(FIRST(a, 5, 5) == 4);
	CHECK(FIRST(a, 5, 9) == 4);
	CHECK(FIRST(a, 5, 10) == 5);
	CHECK(FIRST(a, 5, INT64_MIN) == 0);
	CHECK(FIRST(a, 5, INT64_MAX) == 5);
}

/* against a linear scan over random sorted arrays */
static void test_random_against_scan(void)
{
	srand(7);
	struct rec a[64];
	for (int round = 0; round < 2000; round++) {
		size_t n = (size_t)(rand() % 64);
		int64_t v = rand() % 5 - 2;
		for (size_t i = 0; i < n; i++)
			a[i].key = v += rand() % 3;
		int64_t k = rand() % 80 - 4;
		size_t want = 0;
		while (want < n && a[want].key < k)
			want++;
		CHECK(FIRST(a, n, k) == want);
	}
}

int main(void)
{
	RUN(test_edges);
	RUN(test_random_against_scan);
	return unit_done("sorted");
}
