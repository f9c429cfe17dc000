/* when: the back office's times, read from a date-time field and shown, in the site's zone. */
#include "admin/when.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/zone.h"
#include "http/lang.h"

const char *when_text(struct request *r, int64_t t)
{
	int year, month, day, weekday;
	zone_day(t, &year, &month, &day, &weekday);
	char key[32], d[8], y[16], clock[48];
	snprintf(key, sizeof key, "date.month_short.%d", month);
	snprintf(d, sizeof d, "%d", day);
	snprintf(y, sizeof y, "%d", year);
	zone_clock(t, clock, sizeof clock);
	const char *date = req_textf(r, "date.long", "day", d, "month", req_text(r, key), "year", y, NULL);
	return req_textf(r, "date.when", "date", date, "clock", clock, NULL);
}

void view_when(struct request *r, view *v, const char *name, const char *iso_name, int64_t t)
{
	char iso[32];
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	view_str(v, name, when_text(r, t));
	view_str(v, iso_name, iso);
}

const char *when_read(struct request *r, const char *s, int64_t *out)
{
	switch (zone_parse_local(s, out)) {
	case ZONE_OK:
		return NULL;
	case ZONE_SKIPPED:
		return req_textf(r, "admin.when.skipped", "time", mem_strndup(r->pool, s, strnlen(s, 40)),
				 "zone", zone_name(), NULL);
	default:
		return req_textf(r, "admin.when.format", "zone", zone_name(), NULL);
	}
}
