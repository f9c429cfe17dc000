/* connload: what each connection of a worker costs: its pages out on render threads, its abandoned requests.
 */
#ifndef PLENARY_CONNLOAD_H
#define PLENARY_CONNLOAD_H

#include <h2o.h>
#include <stdint.h>

struct worker;

/** One connection's counts, kept in its worker's table (only that worker's loop touches them). */
struct conn_load {
	uint64_t id;   /* h2o's connection id; 0: the slot is free */
	int rendering; /* pages waiting for or on a render thread */
	int abandoned; /* requests disposed of before any answer began (HTTP/2 resets, closed connections) */
	int answered;
};

/** Requests a connection may abandon before it is closed, once they also outnumber those answered: an
 * HTTP/2 client that resets every stream it opens ("rapid reset") makes work and takes none of it. */
#ifndef CONN_ABANDON_BUDGET
#define CONN_ABANDON_BUDGET 64
#endif

/** The counts of a connection, made when missing; NULL when the table has no room (the connection is then not
 * counted, the global bounds still hold). */
struct conn_load *conn_load_of(struct worker *w, const h2o_conn_t *conn);
/** The counts of a connection by id, or NULL when it has none. */
struct conn_load *conn_load_find(struct worker *w, uint64_t id);
/** Notes a request's end: abandoned when no answer had begun. */
void conn_load_request_done(struct worker *w, uint64_t id, int abandoned);
/** 1 when the connection abandons requests as an attack would (see CONN_ABANDON_BUDGET). */
int conn_load_abusive(const struct conn_load *l);
/** Closes the connection under h2o: its socket stops reading and writing, so h2o sees the end and frees it.
 */
void conn_load_cut(h2o_conn_t *conn);
/** Frees a worker's table. */
void conn_load_free(struct worker *w);

#endif
