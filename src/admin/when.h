/* when: the back office's times, read from a date-time field and shown, in the site's zone. */
#ifndef PLENARY_ADMIN_WHEN_H
#define PLENARY_ADMIN_WHEN_H

#include <stdint.h>

#include "http/request.h"
#include "render/view.h"

/** t as people read it in the zone, in the request's language: "14 Jun 2026, 09:30 CEST" (the catalog's
 * date.long with date.month_short, then date.when). In r's pool. */
const char *when_text(struct request *r, int64_t t);
/** Sets name to when_text(r, t) and iso_name to t in UTC (2026-06-14T07:30:00Z, for <time datetime>). */
void view_when(struct request *r, view *v, const char *name, const char *iso_name, int64_t t);

/** Reads a date-time field s (2026-06-14T09:30, the zone's clocks) into *out (UTC). NULL when it is one, else
 * the message to show beside the field (not a time, or a time the clocks skip). */
const char *when_read(struct request *r, const char *s, int64_t *out);

#endif
