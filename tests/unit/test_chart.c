/* test_chart: the SVG line chart writer (src/render/chart.c): escaping, empty and one-point series, big
 * numbers. */
#include <stdio.h>
#include <string.h>

#include "render/chart.h"
#include "unit.h"

static h2o_mem_pool_t pool;

static const char *draw(const char *title, const char *const *labels, size_t npoints,
			const struct chart_series *s, size_t nseries)
{
	buf b;
	buf_init(&b, &pool);
	chart_svg(&b, title, labels, npoints, s, nseries);
	return buf_cstr(&b);
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void test_accessible_and_escaped(void)
{
	const char *labels[] = {"<b>1</b>", "a&b"};
	int64_t v[] = {3, 4};
	struct chart_series s[] = {{"Views \"all\" <script>", v}};
	const char *svg = draw("Views & reads <x>", labels, 2, s, 1);
	CHECK_CONTAINS(svg, "<svg class=\"chart\" role=\"img\"");
	CHECK_CONTAINS(svg, "<title>Views &amp; reads &lt;x&gt;</title>");
	CHECK_CONTAINS(svg, "&lt;b&gt;1&lt;/b&gt;");
	CHECK_CONTAINS(svg, "a&amp;b");
	CHECK_CONTAINS(svg, "Views &quot;all&quot; &lt;script&gt;");
	CHECK(strstr(svg, "<script") == NULL);
	CHECK(strstr(svg, "<b>") == NULL);
	CHECK(count(svg, "<polyline") == 1);
	CHECK(strncmp(svg + strlen(svg) - 6, "</svg>", 6) == 0);
}

static void test_empty_series_has_axes_and_no_line(void)
{
	struct chart_series s[] = {{"Views", NULL}, {"Reads", NULL}};
	const char *svg = draw("Nothing", NULL, 0, s, 2);
	CHECK_CONTAINS(svg, "<title>Nothing</title>");
	CHECK(strstr(svg, "<polyline") == NULL);
	CHECK(strstr(svg, "<circle") == NULL);
	CHECK(count(svg, "<line ") == 5); /* the scale's five lines */
	CHECK_CONTAINS(svg, ">Views</text>");
	CHECK_CONTAINS(svg, ">Reads</text>");
	/* no series at all */
	svg = draw("Empty", NULL, 0, NULL, 0);
	CHECK_CONTAINS(svg, "</svg>");
}

static void test_one_point_is_a_dot(void)
{
	const char *labels[] = {"7 Dec"};
	int64_t v[] = {5}, w[] = {0};
	struct chart_series s[] = {{"Views", v}, {"Reads", w}};
	const char *svg = draw("One day", labels, 1, s, 2);
	CHECK(count(svg, "<circle") == 2);
	CHECK(strstr(svg, "<polyline") == NULL);
	CHECK_CONTAINS(svg, ">7 Dec</text>");
	CHECK_CONTAINS(svg, ">5</text>"); /* the scale's top is 5 */
}

static void test_big_numbers_and_the_scale(void)
{
	CHECK(chart_nice_max(0) == 1);
	CHECK(chart_nice_max(1) == 1);
	CHECK(chart_nice_max(7) == 10);
	CHECK(chart_nice_max(10) == 10);
	CHECK(chart_nice_max(11) == 20);
	CHECK(chart_nice_max(301) == 500);
	CHECK(chart_nice_max(999999) == 1000000);
	CHECK(chart_nice_max(INT64_MAX) == INT64_MAX);
	CHECK(chart_nice_max(4000000000000000000LL) == 5000000000000000000LL);
	int64_t v[] = {0, 3000000000LL, 12345678901LL, -5};
	const char *labels[] = {"a", "b", "c", "d"};
	struct chart_series s[] = {{"Views", v}};
	const char *svg = draw("Big", labels, 4, s, 1);
	CHECK_CONTAINS(svg, ">20000000000</text>");
	CHECK_CONTAINS(svg, ">5000000000</text>");
	CHECK(strstr(svg, "nan") == NULL && strstr(svg, "inf") == NULL);
	/* every point inside the drawing: y between 0 and 240 */
	const char *p = strstr(svg, "points=\"");
	CHECK(p != NULL);
	for (int i = 0; p && i < 4; i++) {
		double x, y;
		p = strchr(p, i ? ' ' : '"') + 1;
		CHECK(sscanf(p, "%lf,%lf", &x, &y) == 2);
		CHECK(y >= 0 && y <= 240 && x >= 0 && x <= 720);
	}
	int64_t huge[] = {INT64_MAX, 1};
	struct chart_series h[] = {{"Huge", huge}};
	svg = draw("Huge", labels, 2, h, 1);
	CHECK_CONTAINS(svg, ">9223372036854775807</text>");
}

static void test_labels_thinned_on_long_series(void)
{
	enum { N = 90 };
	int64_t v[N];
	const char *labels[N];
	char names[N][8];
	for (int i = 0; i < N; i++) {
		v[i] = i;
		snprintf(names[i], sizeof names[i], "d%02d", i);
		labels[i] = names[i];
	}
	struct chart_series s[] = {{"Views", v}};
	const char *svg = draw("Ninety days", labels, N, s, 1);
	CHECK_CONTAINS(svg, ">d00</text>");
	CHECK_CONTAINS(svg, ">d89</text>");
	int shown = 0;
	for (int i = 0; i < N; i++) {
		char needle[16];
		snprintf(needle, sizeof needle, ">d%02d<", i);
		shown += strstr(svg, needle) != NULL;
	}
	CHECK(shown >= 3 && shown <= 8);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_accessible_and_escaped);
	RUN(test_empty_series_has_axes_and_no_line);
	RUN(test_one_point_is_a_dot);
	RUN(test_big_numbers_and_the_scale);
	RUN(test_labels_thinned_on_long_series);
	h2o_mem_clear_pool(&pool);
	return unit_done("chart");
}
