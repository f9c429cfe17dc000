/* count_beacon: POST /count, the read and play beacons of the article page's script (static/count.js). */
#ifndef PLENARY_COUNT_BEACON_H
#define PLENARY_COUNT_BEACON_H

#include <stdint.h>

#include "http/request.h"

#define COUNT_BEACONS_PER_HOUR 600 /* beacons one client address (an IPv6 /64) may send in an hour */

/** The handler of POST /count: a form of a (the article's id) and e (read or play). 204 counted or not (a
 * repeat, a robot, staff); 400 unreadable; 403 from another site's page; 404 no such published article on
 * this site; 429 past the client's budget. */
void count_beacon(struct request *r);
/** Takes one beacon of the client's budget for this hour: 0, or the seconds until it may send again. */
int count_beacon_allowance(struct request *r, int per_hour);
/** 1 the first time today this reader (address and user agent) sends this event for this article, else 0
 * (also when the day's set is full: nothing is known). */
int count_beacon_first(struct request *r, int event, int64_t article_id);

#endif
