/* pg_changes: the change log in PostgreSQL, as sq_changes.c: the rows other nodes wrote, told from this
 * process's own by the node name its connections carry, woken by LISTEN/NOTIFY. */
#include <poll.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "store/db.h"
#include "store/pg/pg_int.h"
#include "store/changes.h"

enum {
	C_FIRST = 469, /* slots 470-489 belong to pg_changes.c */
	C_SINCE,
	C_LAST
};
_Static_assert(C_LAST <= 490, "statement slots 470-489 belong to pg_changes.c");

/* This process's name among the nodes: every connection sets it as plenary.node, which the log's triggers
 * record in each row, so the reader skips the rows this process wrote (it dropped their pages when it made
 * the change). */
static char node[64];
static pthread_once_t node_once = PTHREAD_ONCE_INIT;

static void node_make(void)
{
	char host[32] = "";
	gethostname(host, sizeof host - 1);
	snprintf(node, sizeof node, "%.31s:%ld:%08x", host, (long)getpid(), randombytes_random());
}

const char *pg_node_id(void)
{
	pthread_once(&node_once, node_make);
	return node;
}

int pg_changes_connected(PGconn *c)
{
	const char *values[1] = {pg_node_id()};
	PGresult *r =
	    PQexecParams(c, "SELECT set_config('plenary.node', $1, false)", 1, NULL, values, NULL, NULL, 0);
	int ok = PQresultStatus(r) == PGRES_TUPLES_OK;
	if (!ok)
		log_error("database: %s", PQerrorMessage(c));
	PQclear(r);
	return ok ? 0 : -1;
}

/* The reader's state, kept with the store (the scheduler's). Numbers are handed out when rows are
 * written, not when they are committed, so a row may appear below a number read already: the numbers
 * skipped over are kept for GAP_MS and looked for again, until their row appears or they expire (a
 * transaction that rolled back, or one that ran longer). */
#define GAP_MAX 256
#define GAP_MS 30000
/* without a notification, the log is read at least this often (one lost while the connection was down) */
#define POLL_MS 1000

struct reader {
	PGconn *conn; /* the connection listening, and its server process: a reset one listens again */
	int pid;
	int64_t last_read_ms;
	int read_again; /* a notification came, or the last read was cut at max */
	size_t ngaps;
	struct gap {
		int64_t seq, until_ms;
	} gaps[GAP_MAX];
};

/* The store's reader, made at its first use and freed with it. NULL when out of memory. */
static struct reader *reader_of(store *s)
{
	void **state = pg_state(s, PG_STATE_CHANGES, free);
	if (!*state)
		*state = calloc(1, sizeof(struct reader));
	return *state;
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* LISTENs on the connection when it is not already (first use, or reset since): 1 when it just began, 0
 * when it was listening, -1 on error. Then takes the notifications that came: read_again when any did. */
static int listen_and_drain(store *s, struct reader *rd)
{
	PGconn *c = pg_conn(s);
	if (!c || PQstatus(c) != CONNECTION_OK)
		return -1;
	int began = 0;
	if (c != rd->conn || PQbackendPID(c) != rd->pid) {
		if (pg_run(s, "LISTEN plenary_changes") != 0)
			return -1;
		rd->conn = c;
		rd->pid = PQbackendPID(c);
		began = 1;
	}
	PQconsumeInput(c);
	PGnotify *note;
	while ((note = PQnotifies(c))) {
		rd->read_again = 1;
		PQfreemem(note);
	}
	return began;
}

static int gap_find(const struct reader *rd, int64_t seq)
{
	for (size_t i = 0; i < rd->ngaps; i++)
		if (rd->gaps[i].seq == seq)
			return (int)i;
	return -1;
}

static void gap_drop(struct reader *rd, size_t i)
{
	rd->gaps[i] = rd->gaps[--rd->ngaps];
}

/* The numbers between the cursor and a row read after it. When they do not all fit, the highest are kept:
 * the rows still being written are the latest (the lowest are more likely rows deleted, by a demo's load or
 * a prune). */
static void gaps_add(struct reader *rd, int64_t from, int64_t to, int64_t until_ms)
{
	if (to - from >= GAP_MAX)
		from = to - GAP_MAX + 1; /* only the highest can be kept */
	for (int64_t seq = to; seq >= from; seq--) {
		size_t at = rd->ngaps;
		if (at == GAP_MAX) {
			at = 0;
			for (size_t i = 1; i < GAP_MAX; i++)
				if (rd->gaps[i].seq < rd->gaps[at].seq)
					at = i;
			if (rd->gaps[at].seq >= seq)
				return; /* every one kept is higher */
		} else {
			rd->ngaps++;
		}
		rd->gaps[at] = (struct gap){seq, until_ms};
	}
}

static void gaps_expire(struct reader *rd, int64_t now)
{
	for (size_t i = 0; i < rd->ngaps;)
		if (rd->gaps[i].until_ms <= now)
			gap_drop(rd, i);
		else
			i++;
}

/* The gaps as an array literal of numbers ("{12,15}") for = ANY($2). */
static void gaps_text(const struct reader *rd, char *out, size_t size)
{
	size_t len = (size_t)snprintf(out, size, "{");
	for (size_t i = 0; i < rd->ngaps && len < size; i++)
		len += (size_t)snprintf(out + len, size - len, "%s%lld", i ? "," : "",
					(long long)rd->gaps[i].seq);
	if (len < size)
		snprintf(out + len, size - len, "}");
}

static int newest(store *s, struct reader *rd, int64_t *since)
{
	if (db_changes_newest(s, since) != 0)
		return -1;
	rd->ngaps = 0;
	rd->read_again = 0;
	rd->last_read_ms = now_ms();
	return 0;
}

static int read_log(store *s, struct reader *rd, int64_t *since, struct logged_change *out, size_t max,
		    size_t *n)
{
	int64_t now = now_ms();
	gaps_expire(rd, now);
	char gaps[GAP_MAX * 21 + 3];
	gaps_text(rd, gaps, sizeof gaps);
	struct pg_params p = {0};
	pg_p_i64(&p, *since);
	pg_p_text(&p, gaps);
	pg_p_text(&p, pg_node_id());
	int64_t limit = (int64_t)(max * 4 + rd->ngaps);
	pg_p_i64(&p, limit);
	PGresult *r =
	    pg_q(s, C_SINCE,
		 "SELECT seq, (kind = 'structure')::int, article_id, (node IS NOT DISTINCT FROM $3)::int "
		 "FROM change_log WHERE seq > $1::bigint OR seq = ANY($2::bigint[]) ORDER BY seq "
		 "LIMIT $4::bigint",
		 &p);
	if (!r)
		return -1;
	rd->last_read_ms = now;
	int rows = PQntuples(r), i = 0;
	for (; i < rows && *n < max; i++) {
		int64_t seq = pg_i64(r, i, 0);
		int gap = gap_find(rd, seq);
		if (gap >= 0) {
			gap_drop(rd, (size_t)gap);
		} else if (seq > *since) {
			gaps_add(rd, *since + 1, seq - 1, now + GAP_MS);
			*since = seq;
		} else {
			continue; /* a gap's row read twice (it cannot be: the list is the one sent) */
		}
		if (pg_i64(r, i, 3))
			continue; /* this process's own */
		out[(*n)++] = (struct logged_change){(int)pg_i64(r, i, 1), pg_i64(r, i, 2)};
	}
	/* cut at max (or at the limit): the rest is read at the next call, at once */
	rd->read_again = i < rows || rows == limit;
	PQclear(r);
	return 0;
}

int pg_store_changes_since(store *s, int64_t *since, struct logged_change *out, size_t max, size_t *n)
{
	*n = 0;
	struct reader *rd = reader_of(s);
	if (!rd)
		return -1;
	int rc = listen_and_drain(s, rd);
	if (rc < 0)
		return -1;
	if (*since < 0) /* the first look: what is logged already was before this process */
		return newest(s, rd, since);
	/* the log is read when a notification came (or listening just began: some may have been missed),
	 * and at least every POLL_MS */
	if (rc == 1 || rd->read_again || now_ms() - rd->last_read_ms >= POLL_MS)
		return read_log(s, rd, since, out, max, n);
	return 0;
}

/* Waits on the listening connection's socket: a notification ends the wait, so a change made on another
 * node is read within milliseconds; anything else that comes (a setting reported) is taken and the wait
 * goes on. */
static int wait_notified(struct reader *rd, PGconn *c, int64_t end)
{
	int fd = PQsocket(c);
	for (int64_t left = end - now_ms(); fd >= 0 && left > 0 && !rd->read_again; left = end - now_ms()) {
		struct pollfd pfd = {.fd = fd, .events = POLLIN};
		if (poll(&pfd, 1, (int)left) <= 0)
			continue; /* the time is up, or a signal: the loop looks */
		if (!PQconsumeInput(c))
			return 0; /* the connection is gone: the next statement makes it again */
		PGnotify *note;
		while ((note = PQnotifies(c))) {
			rd->read_again = 1;
			PQfreemem(note);
		}
	}
	return rd->read_again;
}

int pg_store_changes_wait(store *s, int ms)
{
	int64_t end = now_ms() + ms;
	struct reader *rd = reader_of(s);
	PGconn *c = pg_conn(s);
	int listening =
	    rd && c && c == rd->conn && PQstatus(c) == CONNECTION_OK && PQbackendPID(c) == rd->pid;
	int64_t rest;
	if ((!listening || !wait_notified(rd, c, end)) && (rest = end - now_ms()) > 0) {
		/* not listening (yet), or the connection went: a plain pause */
		struct timespec ts = {(time_t)(rest / 1000), (long)(rest % 1000) * 1000000L};
		nanosleep(&ts, NULL);
	}
	return 0;
}
