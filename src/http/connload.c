/* connload: what each connection of a worker costs: its pages out on render threads, its abandoned requests.
 */
#include "http/connload.h"

#include <stdlib.h>
#include <sys/socket.h>

#include "http/worker.h"

/* direct-mapped by id: ids are given in order, so live connections rarely share a slot */
#define SLOTS 4096

static struct conn_load *table(struct worker *w)
{
	if (!w->loads)
		w->loads = calloc(SLOTS, sizeof *w->loads);
	return w->loads;
}

struct conn_load *conn_load_of(struct worker *w, const h2o_conn_t *conn)
{
	struct conn_load *t = table(w);
	if (!t)
		return NULL;
	struct conn_load *l = &t[conn->id % SLOTS];
	if (l->id == conn->id + 1)
		return l;
	if (l->id && l->rendering > 0)
		return NULL; /* another live connection's pages are out: leave its counts */
	*l = (struct conn_load){.id = conn->id + 1}; /* + 1: h2o's first id may be 0 */
	return l;
}

struct conn_load *conn_load_find(struct worker *w, uint64_t id)
{
	struct conn_load *l = w->loads ? &w->loads[id % SLOTS] : NULL;
	return l && l->id == id + 1 ? l : NULL;
}

void conn_load_request_done(struct worker *w, uint64_t id, int abandoned)
{
	struct conn_load *l = conn_load_find(w, id);
	if (!l)
		return;
	if (abandoned)
		l->abandoned++;
	else
		l->answered++;
}

int conn_load_abusive(const struct conn_load *l)
{
	return l && l->abandoned > CONN_ABANDON_BUDGET && l->abandoned > l->answered;
}

void conn_load_cut(h2o_conn_t *conn)
{
	h2o_socket_t *sock = conn->callbacks->get_socket ? conn->callbacks->get_socket(conn) : NULL;
	if (sock)
		shutdown(h2o_socket_get_fd(sock), SHUT_RDWR);
}

void conn_load_free(struct worker *w)
{
	free(w->loads);
	w->loads = NULL;
}
