/* when: the back office's times, read from a date-time field and shown, in the site's zone. */
#include "admin/when.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/zone.h"

void view_when(view *v, const char *name, const char *iso_name, int64_t t)
{
	char human[64], iso[32];
	zone_show(t, human, sizeof human);
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
	view_str(v, name, human);
	view_str(v, iso_name, iso);
}

const char *when_read(h2o_mem_pool_t *pool, const char *s, int64_t *out)
{
	char msg[300];
	switch (zone_parse_local(s, out)) {
	case ZONE_OK:
		return NULL;
	case ZONE_SKIPPED:
		snprintf(msg, sizeof msg,
			 "%.40s does not exist in %s: the clocks skip that hour when summer time starts. "
			 "Choose a time "
			 "before or after it.",
			 s, zone_name());
		break;
	default:
		snprintf(msg, sizeof msg, "Write the date and time as 2026-06-14T09:30 (%s time).",
			 zone_name());
	}
	return mem_strndup(pool, msg, strlen(msg));
}
