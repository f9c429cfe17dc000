/* count_queue: the workers' tables of counts on their way to the writer (src/jobs/count_writer.c): a list
 * under a mutex, bounded (past COUNT_QUEUE_MAX tables the oldest is dropped, and said so in the log). */
#ifndef PLENARY_COUNT_QUEUE_H
#define PLENARY_COUNT_QUEUE_H

#include <stddef.h>

#include "http/count_table.h"

#define COUNT_QUEUE_MAX 600 /* tables waiting at most: ten minutes of two workers' seconds */

/** Hands a table over (the queue owns it from then on). */
void count_queue_push(struct count_table *t);
/** Takes up to max tables, oldest first, waiting up to wait_ms for one (0: not at all): how many. */
size_t count_queue_take(struct count_table **out, size_t max, int wait_ms);
/** Puts tables taken back at the head, in their order (a write that failed is tried again). */
void count_queue_put_back(struct count_table **t, size_t n);
/** Wakes a count_queue_take that waits (the writer is stopping). */
void count_queue_wake(void);
/** Tables waiting now. */
size_t count_queue_length(void);

#endif
