/* metrics: the operator's Prometheus metrics: the workers' counts summed, the queues, the mail queue, the
 * database's time and outages, the process; at /metrics for metrics_allow, or on metrics_listen. */
#ifndef PLENARY_METRICS_H
#define PLENARY_METRICS_H

#include "core/buf.h"
#include "http/request.h"

/** The workers whose counts the metrics sum (server.c, once they exist, before they serve). */
void metrics_install(struct worker *workers, int n);
/** Writes every metric in the text format into b; the mail queue's counts are read through db (NULL: left
 * out). */
void metrics_write(buf *b, const struct app *app, store *db);
/** 1 when r asks for /metrics and its client (req_client_addr: behind trusted proxies, the one they name) is
 * in metrics_allow: then metrics_serve answers it; anyone else goes on to the route table, whose 404 does not
 * tell the path exists. */
int metrics_allowed(struct request *r);
/** Answers r with the metrics (on a render thread when there are some: the mail queue's counts are a read
 * of the database). */
void metrics_serve(struct request *r);

#endif
