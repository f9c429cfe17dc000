/* after: work a request hands off to be done after its answer, on a thread with its own database connection.
 */
#ifndef PLENARY_AFTER_H
#define PLENARY_AFTER_H

#include "store/store.h"

struct app;

/** At most this many jobs wait; after_queue refuses more. */
#define AFTER_QUEUE_MAX 1000

/** Starts the thread with its own connection to the app's database; -1 (logged) when it cannot. */
int after_start(struct app *app);
/** Runs what is queued, then stops the thread. */
void after_stop(void);
/** Queues run(db, arg) for the thread; it owns arg (run frees it). -1 when the queue is full or stopped: the
 * caller keeps arg. Used so an answer takes the same time whatever the work finds (a password reset). */
int after_queue(void (*run)(store *db, void *arg), void *arg);

#endif
