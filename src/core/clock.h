/* clock: a video's times in milliseconds, written and read as players, WebVTT and schema.org write them. */
#ifndef PLENARY_CLOCK_H
#define PLENARY_CLOCK_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/** The longest time any format here reads: 9999 hours, far past any video. */
#define CLOCK_MAX_HOURS 9999

/** "1:02:03" or "2:03" (minutes unpadded below an hour), for display and the canonical text formats; the
 * milliseconds are dropped (a time is shown by the second it falls in), a negative time is 0:00. */
void clock_write(buf *b, int64_t ms);
/** "00:01:02.345" as WebVTT writes a time (hours always, two digits or more). */
void clock_write_vtt(buf *b, int64_t ms);
/** ISO 8601 duration for schema.org: "PT1H2M3S", "PT45S", "PT2M" (parts that are 0 left out); "PT0S" for 0.
 * Whole seconds, the milliseconds dropped. */
void clock_write_iso(buf *b, int64_t ms);
/** Parses "H:MM:SS", "M:SS" or "MM:SS", each optionally followed by ".m", ".mm" or ".mmm": the time in ms,
 * or -1 when s[0..n) is anything else (spaces included). Seconds and, with hours, minutes are two digits
 * below 60; at most CLOCK_MAX_HOURS hours. */
int64_t clock_parse(const char *s, size_t n);
/** Reads a WebVTT timestamp at the start of s[0..n): "mm:ss.ttt" or "hh:mm:ss.ttt" (hours two digits or
 * more, at most CLOCK_MAX_HOURS), as the W3C parser does. The bytes read, with *ms set, or 0 when there is
 * no valid timestamp there. */
size_t clock_scan_vtt(const char *s, size_t n, int64_t *ms);

#endif
