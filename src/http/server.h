/* server: h2o set-up, one event loop + listener + database connection per worker thread, shutdown. */
#ifndef PLENARY_SERVER_H
#define PLENARY_SERVER_H

#include "http/worker.h"

/** Starts the workers and serves until SIGTERM or SIGINT; returns the process exit status. */
int server_run(struct app *app);
/** Starts the workers on app->cfg.listen and returns once they listen: 0, or -1 after logging why. Once per
 * process (plenary export serves its own pages to itself this way). */
int server_start(struct app *app);
/** Asks the workers to stop without waiting: each finishes when its loop next wakes (a connection closing
 * wakes it), so a caller can close its own connections after this for a prompt stop. */
void server_stop_begin(void);
/** Stops the workers started by server_start: requests in flight finish, then their threads end. */
void server_stop(void);

#endif
