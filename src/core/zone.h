/* zone: the site's time zone: checked and chosen at start-up, local date-times read and shown in it. */
#ifndef PLENARY_CORE_ZONE_H
#define PLENARY_CORE_ZONE_H

#include <stddef.h>
#include <stdint.h>

/** What reading a local date-time found. */
enum zone_read { ZONE_OK, ZONE_NOT_A_TIME, ZONE_SKIPPED };

/** 0 when name is a time zone of the system's zoneinfo (Europe/Brussels, UTC), else -1 with err saying why.
 */
int zone_check(const char *name, char *err, size_t errlen);

/** Makes name (checked by zone_check) the zone every call below reads and shows in. Call at start-up, before
 * any thread is started: it sets the process's TZ. */
void zone_use(const char *name);

/** The zone zone_use chose ("UTC" before). */
const char *zone_name(void);

/** Reads "2026-06-14T09:30" (seconds optional) as a time on the zone's clocks into *out (Unix seconds, UTC).
 * ZONE_SKIPPED: the clocks jumped over that time (a DST gap). A time the clocks show twice (the hour when
 * summer time ends) is the first of the two, the one still in summer time. */
enum zone_read zone_parse_local(const char *s, int64_t *out);

/** t as the zone's clocks show it, for a datetime-local field: "2026-06-14T09:30" (":SS" when not 0). */
void zone_input(int64_t t, char *out, size_t n);

/** The time of day of t with the zone's abbreviation: "09:30 CEST". */
void zone_clock(int64_t t, char *out, size_t n);

/** The zone's calendar day of t: year, month 1-12, day 1-31, weekday 0 (Monday) to 6. */
void zone_day(int64_t t, int *year, int *month, int *day, int *weekday);

/** The first second of a calendar day in the zone (month may be 0 or 13: the year before or after). */
int64_t zone_day_start(int year, int month, int day);

#endif
