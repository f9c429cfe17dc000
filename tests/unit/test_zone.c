/* test_zone: local date-times of the site's zone read and shown, across summer time's gap and overlap. */
#include <string.h>

#include "core/zone.h"
#include "unit.h"

static int64_t read_ok(const char *s)
{
	int64_t t = -1;
	CHECK(zone_parse_local(s, &t) == ZONE_OK);
	return t;
}

/* 1 when t falls on that calendar day of the zone and its clocks show clock ("09:30 CEST") */
static int shown_as(int64_t t, int year, int month, int day, const char *clock)
{
	int y, m, d, w;
	char out[64];
	zone_day(t, &y, &m, &d, &w);
	zone_clock(t, out, sizeof out);
	return y == year && m == month && d == day && strcmp(out, clock) == 0;
}

static void test_check(void)
{
	char err[300];
	CHECK(zone_check("UTC", err, sizeof err) == 0);
	CHECK(zone_check("Europe/Brussels", err, sizeof err) == 0);
	CHECK(zone_check("Europe/Nowhere", err, sizeof err) != 0);
	CHECK_CONTAINS(err, "Europe/Nowhere");
	CHECK(zone_check("../../etc/passwd", err, sizeof err) != 0);
	CHECK(zone_check("/etc/passwd", err, sizeof err) != 0);
	CHECK(zone_check("Europe/../Europe/Brussels", err, sizeof err) != 0);
	CHECK(zone_check("", err, sizeof err) != 0);
	CHECK(zone_check("Europe", err, sizeof err) != 0); /* a folder, not a zone */
}

static void test_brussels(void)
{
	zone_use("Europe/Brussels");
	CHECK_STR(zone_name(), "Europe/Brussels");
	/* summer and winter */
	CHECK(read_ok("2026-06-14T09:30") == 1781422200);
	CHECK(read_ok("2026-06-14T09:30:00") == 1781422200);
	CHECK(read_ok("2026-01-10T09:30") == 1768033800);
	char out[64];
	CHECK(shown_as(1781422200, 2026, 6, 14, "09:30 CEST"));
	CHECK(shown_as(1768033800, 2026, 1, 10, "09:30 CET"));
	zone_input(1781422200, out, sizeof out);
	CHECK_STR(out, "2026-06-14T09:30");
	zone_input(1781422200 + 5, out, sizeof out);
	CHECK_STR(out, "2026-06-14T09:30:05");
	/* the gap: on 29 March 2026 the clocks jump from 02:00 to 03:00 */
	CHECK(read_ok("2026-03-29T01:59") == 1774745940);
	int64_t t = 0;
	CHECK(zone_parse_local("2026-03-29T02:00", &t) == ZONE_SKIPPED);
	CHECK(zone_parse_local("2026-03-29T02:30", &t) == ZONE_SKIPPED);
	CHECK(zone_parse_local("2026-03-29T02:59:59", &t) == ZONE_SKIPPED);
	CHECK(read_ok("2026-03-29T03:00") == 1774746000);
	CHECK(shown_as(1774746000, 2026, 3, 29, "03:00 CEST"));
	/* the overlap: on 25 October 2026 02:30 happens twice; the first, in summer time */
	CHECK(read_ok("2026-10-25T02:30") == 1792888200);
	CHECK(shown_as(1792888200, 2026, 10, 25, "02:30 CEST"));
	CHECK(shown_as(1792891800, 2026, 10, 25, "02:30 CET"));
	/* days */
	CHECK(zone_day_start(2026, 3, 29) == 1774738800);
	CHECK(zone_day_start(2026, 13, 1) == zone_day_start(2027, 1, 1));
	int y, m, d, wd;
	zone_day(1774738800, &y, &m, &d, &wd);
	CHECK(y == 2026 && m == 3 && d == 29 && wd == 6); /* a Sunday */
	zone_day(zone_day_start(2026, 6, 1), &y, &m, &d, &wd);
	CHECK(y == 2026 && m == 6 && d == 1 && wd == 0); /* a Monday */
}

static void test_not_times(void)
{
	int64_t t = 0;
	const char *bad[] = {"",
			     "2026-02-30T10:00",
			     "2026-06-14 09:30",
			     "2026-06-14T25:00",
			     "2026-06-14T09:60",
			     "2026-06-14T09:30Z",
			     "2026-06-14",
			     "tomorrow",
			     "1960-01-01T00:00",
			     "2026-06-14T09:30:61"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
		CHECK(zone_parse_local(bad[i], &t) == ZONE_NOT_A_TIME);
}

static void test_utc(void)
{
	zone_use("UTC");
	CHECK(read_ok("2026-03-29T02:30") == 1774751400); /* no gap in UTC */
	CHECK(shown_as(1774751400, 2026, 3, 29, "02:30 UTC"));
}

int main(void)
{
	RUN(test_check);
	RUN(test_brussels);
	RUN(test_not_times);
	RUN(test_utc);
	return unit_done("zone");
}
