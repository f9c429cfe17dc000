/* when: the back office's times, read from a date-time field and shown, in the site's zone. */
#include "admin/when.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/zone.h"
#include "http/lang.h"

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
