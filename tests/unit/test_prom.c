/* test_prom: Prometheus's text format (families, escaped labels, cumulative histograms) and latency buckets.
 */
#include <string.h>

#include "core/prom.h"
#include "http/meter.h"
#include "unit.h"

static void test_family_and_samples(void)
{
	buf b;
	buf_init(&b, NULL);
	prom_family(&b, "x_total", "counter", "Help with a \\ and a\nnew line");
	struct prom_label l[] = {{"route", "public"}, {"code", "404"}};
	prom_u64(&b, "x_total", l, 2, 18446744073709551615u);
	prom_u64(&b, "x_total", NULL, 0, 0);
	prom_double(&b, "x_seconds", NULL, 0, 0.25);
	CHECK_STR(buf_cstr(&b), "# HELP x_total Help with a \\\\ and a\\nnew line\n"
				"# TYPE x_total counter\n"
				"x_total{route=\"public\",code=\"404\"} 18446744073709551615\n"
				"x_total 0\n"
				"x_seconds 0.25\n");
	buf_free(&b);
}

static void test_label_values_escaped(void)
{
	buf b;
	buf_init(&b, NULL);
	struct prom_label l[] = {{"state", "a\"b\\c\nd"}};
	prom_u64(&b, "m", l, 1, 3);
	CHECK_STR(buf_cstr(&b), "m{state=\"a\\\"b\\\\c\\nd\"} 3\n");
	buf_free(&b);
}

static void test_histogram_cumulative(void)
{
	buf b;
	buf_init(&b, NULL);
	const double bounds[] = {0.001, 0.5, 2};
	const uint64_t counts[] = {2, 0, 3, 1}; /* the last: above 2 s */
	struct prom_label l[] = {{"route", "cache"}};
	prom_histogram(&b, "d_seconds", l, 1, bounds, 3, counts, 9.5);
	CHECK_STR(buf_cstr(&b), "d_seconds_bucket{route=\"cache\",le=\"0.001\"} 2\n"
				"d_seconds_bucket{route=\"cache\",le=\"0.5\"} 2\n"
				"d_seconds_bucket{route=\"cache\",le=\"2\"} 5\n"
				"d_seconds_bucket{route=\"cache\",le=\"+Inf\"} 6\n"
				"d_seconds_sum{route=\"cache\"} 9.5\n"
				"d_seconds_count{route=\"cache\"} 6\n");
	buf_reset(&b);
	prom_histogram(&b, "h", NULL, 0, bounds, 1, counts, 0);
	CHECK_STR(buf_cstr(&b), "h_bucket{le=\"0.001\"} 2\nh_bucket{le=\"+Inf\"} 2\nh_sum 0\nh_count 2\n");
	buf_free(&b);
}

static void test_meter_buckets(void)
{
	CHECK(meter_bucket(0) == 0);
	CHECK(meter_bucket(500000) == 0); /* 0.5 ms: at the first bound, in its bucket */
	CHECK(meter_bucket(500001) == 1);
	CHECK(meter_bucket(1000000) == 1);
	CHECK(meter_bucket(10000000000ull) == METER_BOUNDS - 1);
	CHECK(meter_bucket(10000000001ull) == METER_BOUNDS);
	for (int i = 1; i < METER_BOUNDS; i++)
		CHECK(meter_bounds[i] > meter_bounds[i - 1]);
}

static void test_meter_counts(void)
{
	static struct meter m; /* zeroed, as a worker's */
	meter_request(&m, METER_CACHE, 200, 300000, 100);
	meter_request(&m, METER_CACHE, 200, 2000000000ull, 50);
	meter_request(&m, METER_NONE, 404, 1, 7);
	meter_request(&m, METER_NONE, 999, 1, 0); /* no such status: counted as 0 */
	meter_cache(&m, 1);
	meter_cache(&m, 0);
	meter_cache(&m, 0);
	CHECK(meter_read(&m.requests[METER_CACHE][200]) == 2);
	CHECK(meter_read(&m.requests[METER_NONE][404]) == 1);
	CHECK(meter_read(&m.requests[METER_NONE][0]) == 1);
	CHECK(meter_read(&m.latency[METER_CACHE][0]) == 1);
	CHECK(meter_read(&m.latency[METER_CACHE][meter_bucket(2000000000ull)]) == 1);
	CHECK(meter_read(&m.latency_ns[METER_CACHE]) == 2000300000ull);
	CHECK(meter_read(&m.bytes) == 157);
	CHECK(meter_read(&m.cache_hits) == 1 && meter_read(&m.cache_misses) == 2);
}

int main(void)
{
	RUN(test_family_and_samples);
	RUN(test_label_values_escaped);
	RUN(test_histogram_cumulative);
	RUN(test_meter_buckets);
	RUN(test_meter_counts);
	return unit_done("prom");
}
