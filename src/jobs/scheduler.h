/* scheduler: publishes scheduled articles at their second and drops cached pages when it does. */
#ifndef PLENARY_SCHEDULER_H
#define PLENARY_SCHEDULER_H

struct app;

/** Starts the scheduler thread with its own database connection; -1 when it cannot. */
int scheduler_start(struct app *app);
void scheduler_stop(void);

#endif
