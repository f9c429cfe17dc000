/* count_writer: the thread that writes the workers' tables of counts (src/http/count_queue.h) to the
 * database, each batch in one transaction. */
#ifndef PLENARY_COUNT_WRITER_H
#define PLENARY_COUNT_WRITER_H

#include <stddef.h>

#include "http/count_table.h"
#include "store/analytics.h"

struct app;

/** Starts the thread with its own database connection (nothing when the analytics setting is off): 0, or -1
 * (logged). */
int count_writer_start(struct app *app);
/** Writes what is queued (the workers handed their last tables when they stopped), then stops the thread. */
void count_writer_stop(void);
/** The rows of tables, merged by key and sorted (so that nodes sharing a PostgreSQL database lock rows in one
 * order), into a malloc'd array whose strings point into the tables: how many (*out NULL when none). */
size_t count_writer_rows(struct count_table *const *tables, size_t n, struct analytics_row **out);

#endif
