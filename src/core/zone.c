/* zone: the site's time zone: checked and chosen at start-up, local date-times read and shown in it. */
#include "core/zone.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static char current[64] = "UTC";

int zone_check(const char *name, char *err, size_t errlen)
{
	size_t len = strlen(name);
	int ok = len > 0 && len < sizeof current && name[0] != '/' && name[0] != '.' && !strstr(name, "/.");
	for (size_t i = 0; ok && i < len; i++)
		ok = (name[i] >= 'A' && name[i] <= 'Z') || (name[i] >= 'a' && name[i] <= 'z') ||
		     (name[i] >= '0' && name[i] <= '9') || strchr("/_+-", name[i]);
	if (ok && strcmp(name, "UTC") == 0)
		return 0;
	const char *dir = getenv("TZDIR");
	if (!dir || !dir[0])
		dir = "/usr/share/zoneinfo";
	char path[512], magic[4] = {0};
	FILE *f = NULL;
	if (ok) {
		snprintf(path, sizeof path, "%s/%s", dir, name);
		f = fopen(path, "rb");
	}
	ok = f && fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
	if (f)
		fclose(f);
	if (!ok) {
		snprintf(err, errlen,
			 "'%s' is not a time zone of this system's zoneinfo (%s): write a name such as "
			 "Europe/Brussels, America/New_York or UTC",
			 name, dir);
		return -1;
	}
	return 0;
}

void zone_use(const char *name)
{
	snprintf(current, sizeof current, "%s", name);
	setenv("TZ", current, 1);
	tzset();
}

const char *zone_name(void)
{
	return current;
}

static int same_clock(const struct tm *a, const struct tm *b)
{
	return a->tm_year == b->tm_year && a->tm_mon == b->tm_mon && a->tm_mday == b->tm_mday &&
	       a->tm_hour == b->tm_hour && a->tm_min == b->tm_min && a->tm_sec == b->tm_sec;
}

/* The time the clocks show as want, assuming summer time (isdst 1), standard time (0) or either (-1);
 * 0 when they never show it so. */
static int at_clock(const struct tm *want, int isdst, time_t *out)
{
	struct tm tm = *want, back;
	tm.tm_isdst = isdst;
	time_t t = mktime(&tm);
	if (!localtime_r(&t, &back) || !same_clock(&back, want))
		return 0;
	*out = t;
	return 1;
}

enum zone_read zone_parse_local(const char *s, int64_t *out)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *end = s ? strptime(s, "%Y-%m-%dT%H:%M", &tm) : NULL;
	if (end && *end == ':')
		end = strptime(end, ":%S", &tm);
	if (!end || *end || tm.tm_year < 70 || tm.tm_year > 8099 || tm.tm_sec > 59)
		return ZONE_NOT_A_TIME;
	struct tm check = tm, back;
	time_t day = timegm(&check);
	gmtime_r(&day, &back);
	if (back.tm_mday != tm.tm_mday || back.tm_mon != tm.tm_mon)
		return ZONE_NOT_A_TIME; /* 2026-02-30 is not a day */
	time_t summer, winter, any;
	int s_ok = at_clock(&tm, 1, &summer), w_ok = at_clock(&tm, 0, &winter);
	if (s_ok && w_ok)
		*out = summer < winter ? summer : winter; /* shown twice: the first */
	else if (s_ok || w_ok)
		*out = s_ok ? summer : winter;
	else if (at_clock(&tm, -1, &any))
		*out = any;
	else
		return ZONE_SKIPPED;
	return ZONE_OK;
}

void zone_input(int64_t t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	size_t k = strftime(out, n, "%Y-%m-%dT%H:%M", &tm);
	if (tm.tm_sec && k)
		snprintf(out + k, n - k, ":%02d", tm.tm_sec);
}

void zone_clock(int64_t t, char *out, size_t n)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	snprintf(out, n, "%02d:%02d %s", tm.tm_hour, tm.tm_min, tm.tm_zone ? tm.tm_zone : current);
}

void zone_day(int64_t t, int *year, int *month, int *day, int *weekday)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	*year = tm.tm_year + 1900;
	*month = tm.tm_mon + 1;
	*day = tm.tm_mday;
	*weekday = (tm.tm_wday + 6) % 7;
}

int64_t zone_day_start(int year, int month, int day)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	tm.tm_year = year - 1900;
	tm.tm_mon = month - 1;
	tm.tm_mday = day;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}
