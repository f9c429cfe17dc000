/* metrics_listen: the metrics on a listener of their own (metrics_listen), on a thread with its own loop. */
#ifndef PLENARY_METRICS_LISTEN_H
#define PLENARY_METRICS_LISTEN_H

#include <stddef.h>

struct app;

/** Starts metrics_listen's listener on a thread with its own loop and database connection: 0 (also when
 * unset), or -1 with why in err. */
int metrics_listen_start(struct app *app, char *err, size_t errlen);
/** Stops it (nothing when not started). */
void metrics_listen_stop(void);

#endif
