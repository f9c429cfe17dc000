/* render: page handlers for cache misses run on render threads, each with its own database connection,
 * so a slow page never holds up the hits the worker's loop serves meanwhile. */
#ifndef PLENARY_RENDER_H
#define PLENARY_RENDER_H

#include "http/request.h"

/** Starts n render threads, each opening the database: 0, or -1 with why (n = 0: handlers stay on the
 * loops). */
int render_start(struct app *app, int n, char *why, size_t whylen);
/** Stops the threads once their queue is empty (after the workers have drained). */
void render_stop(void);
enum { RENDER_QUEUED = 0, RENDER_NO_THREADS = -1, RENDER_BUSY = -2 };

/** Runs handler(r) on a render thread and sends its answer from r's worker loop when it comes back:
 * RENDER_QUEUED; RENDER_NO_THREADS when there are none (the caller runs the handler itself); RENDER_BUSY when
 * render_queue pages already wait, or render_queue_per_connection of this connection's (answer 503). When
 * the request goes away first (the client reset the stream or closed), a page still waiting is dropped
 * unrendered at once, and one being rendered is kept for the cache. */
int render_submit(struct request *r, void (*handler)(struct request *r));
/** The render queue as the metrics show it: pages waiting, being rendered, refused since the start (503),
 * and the threads. */
void render_queue_stats(int *waiting, int *running, uint64_t *refused, int *threads);
/** The receiver callback a worker registers on its context's queue for finished renders. */
void render_on_reply(h2o_multithread_receiver_t *receiver, h2o_linklist_t *messages);

#endif
