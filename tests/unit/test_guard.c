/* test_guard: framing checks against request smuggling, and the page cache's splitting and budget. */
#include "http/cache.h"
#include "http/guard.h"
#include "unit.h"

#define H(n, v)                                                                                              \
	{                                                                                                    \
		n, sizeof n - 1, v, sizeof v - 1                                                             \
	}

static void test_framing(void)
{
	struct phr_header ok[] = {H("Host", "x"), H("Content-Length", "5")};
	CHECK(guard_framing_ok(ok, 2) == 1);
	struct phr_header chunked[] = {H("Host", "x"), H("Transfer-Encoding", "chunked")};
	CHECK(guard_framing_ok(chunked, 2) == 1);
	struct phr_header both[] = {H("Content-Length", "5"), H("transfer-encoding", "chunked")};
	CHECK(guard_framing_ok(both, 2) == 0);
	struct phr_header two[] = {H("Content-Length", "5"), H("CONTENT-LENGTH", "5")};
	CHECK(guard_framing_ok(two, 2) == 0);
	struct phr_header te_other[] = {H("Transfer-Encoding", "gzip, chunked")};
	CHECK(guard_framing_ok(te_other, 1) == 0);
	struct phr_header folded[] = {H("X-A", "a"), {NULL, 0, "b", 1}};
	CHECK(guard_framing_ok(folded, 2) == 0);
}

static void test_host_and_version(void)
{
	struct phr_header one[] = {H("Host", "x"), H("Accept", "*/*")};
	CHECK(guard_version_ok(one, 2, 1) == 1 && guard_version_ok(one, 2, 0) == 1);
	struct phr_header none[] = {H("Accept", "*/*")};
	CHECK(guard_version_ok(none, 1, 1) == 0); /* HTTP/1.1 needs its Host */
	CHECK(guard_version_ok(none, 1, 0) == 1); /* HTTP/1.0 may go without */
	struct phr_header two[] = {H("Host", "a"), H("HOST", "b")};
	CHECK(guard_version_ok(two, 2, 1) == 0 && guard_version_ok(two, 2, 0) == 0);
	struct phr_header te10[] = {H("Host", "a"), H("Transfer-Encoding", "chunked")};
	CHECK(guard_version_ok(te10, 2, 0) == 0 && guard_version_ok(te10, 2, 1) == 1);
}

static void test_cache(void)
{
	struct page_cache *c = page_cache_new(64 * 1024);
	const char body[] = "<p>a\x1e"
			    "0b\x1e"
			    "0c</p>";
	static atomic_uint_fast64_t structure = 7, article = 3, other = 1;
	struct page_dep deps[] = {{&structure, 7}, {&article, 3}};
	struct page_entry *e = page_entry_make(c, "k1", 2, 200, deps, 2, body, sizeof body - 1);
	CHECK(e->nparts == 3 && e->slot[0] == 0 && e->slot[1] == 0);
	CHECK(e->parts[0].len == 4 && memcmp(e->parts[0].base, "<p>a", 4) == 0);
	CHECK(e->parts[2].len == 5 && memcmp(e->parts[2].base, "c</p>", 5) == 0);
	page_entry_release(e);
	CHECK(page_cache_get(c, "k1", 2) != NULL);
	other++; /* a counter it does not depend on: still fresh */
	CHECK(page_cache_get(c, "k1", 2) != NULL);
	article++; /* one it depends on: stale, and dropped */
	CHECK(page_cache_get(c, "k1", 2) == NULL);
	article--;
	CHECK(page_cache_get(c, "k1", 2) == NULL); /* dropped for good, not only hidden */
	e = page_entry_make(c, "k1", 2, 200, deps, 2, body, sizeof body - 1);
	page_entry_release(e);
	structure++;
	CHECK(page_cache_get(c, "k1", 2) == NULL);
	struct page_dep now[] = {{&structure, 8}};
	/* a page larger than a quarter of the budget is served but never kept */
	static char big[20000];
	memset(big, 'x', sizeof big);
	e = page_entry_make(c, "big", 3, 200, now, 1, big, sizeof big);
	page_entry_release(e);
	CHECK(page_cache_get(c, "big", 3) == NULL);
	/* least recently used entries go first when the budget is reached */
	char key[16];
	for (int i = 0; i < 20; i++) {
		snprintf(key, sizeof key, "p%d", i);
		page_entry_release(page_entry_make(c, key, strlen(key), 200, now, 1, big, 10000));
	}
	size_t n, bytes;
	page_cache_stats(c, &n, &bytes);
	CHECK(bytes <= 64 * 1024 && n >= 4 && n < 20);
	CHECK(page_cache_get(c, "p19", 3) != NULL);
	CHECK(page_cache_get(c, "p0", 2) == NULL);
	/* an entry still being sent survives eviction until released */
	e = page_cache_get(c, "p19", 3);
	page_entry_retain(e);
	page_cache_free(c);
	CHECK(e->evicted == 1 && e->body_len == 10000);
	page_entry_release(e);
}

int main(void)
{
	RUN(test_framing);
	RUN(test_host_and_version);
	RUN(test_cache);
	return unit_done("guard");
}
