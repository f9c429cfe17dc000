/* sq_changes: the change log other processes on the same database (nodes) read to drop the cached pages a
 * change shows on, with the rows this process wrote told apart through SQLite's update hook. */
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "store/db.h"
#include "store/sqlite/sqlite_int.h"
#include "store/changes.h"

enum {
	C_FIRST = 176, /* slots 176-183 belong to sq_changes.c */
	C_SINCE,
	C_KEPT,
	C_LAST
};
_Static_assert(C_LAST <= 184 && C_LAST <= SQ_MORE_STATEMENTS,
	       "statement slots 176-183 belong to sq_changes.c");

/* The log rows this process wrote and committed, most recent last: the reader skips them (this process
 * dropped its pages when it made the change). A ring: the oldest are forgotten, which at worst drops a
 * page twice. */
#define OWN_MAX 4096
static pthread_mutex_t own_lock = PTHREAD_MUTEX_INITIALIZER;
static int64_t own[OWN_MAX];
static size_t own_next;

static int is_own(int64_t seq)
{
	int found = 0;
	pthread_mutex_lock(&own_lock);
	for (size_t i = 0; i < OWN_MAX && !found; i++)
		found = own[i] == seq;
	pthread_mutex_unlock(&own_lock);
	return found;
}

/* Rows written in the connection's open transaction: made own when it commits, forgotten if it rolls back
 * (its numbers may then be given to another node's rows). */
#define PENDING_MAX 256
struct pending {
	int64_t seq[PENDING_MAX];
	size_t n;
};

static void on_update(void *arg, int op, const char *db, const char *table, sqlite3_int64 rowid)
{
	struct pending *p = arg;
	(void)db;
	if (op == SQLITE_INSERT && strcmp(table, "change_log") == 0 && p->n < PENDING_MAX)
		p->seq[p->n++] = rowid;
}

static int on_commit(void *arg)
{
	struct pending *p = arg;
	if (p->n) {
		pthread_mutex_lock(&own_lock);
		for (size_t i = 0; i < p->n; i++)
			own[own_next++ % OWN_MAX] = p->seq[i];
		pthread_mutex_unlock(&own_lock);
		p->n = 0;
	}
	return 0; /* 0: the commit goes on */
}

static void on_rollback(void *arg)
{
	((struct pending *)arg)->n = 0;
}

/* A savepoint rolled back (ROLLBACK TO) or a failed statement undoes the log rows it wrote without telling
 * the hooks, and the undone numbers are handed out again, maybe to another node's rows, which this process
 * would then skip as its own. So before a COMMIT the list becomes the rows the transaction still holds: every
 * row from its first number on is its own, as it has held the write lock since it wrote that row. Should the
 * reading fail, none is taken as own: the pages are dropped twice, never kept. */
void sq_changes_settle(store *s, void *state)
{
	struct pending *p = state;
	if (!p || !p->n)
		return;
	int64_t first = p->seq[0];
	for (size_t i = 1; i < p->n; i++)
		if (p->seq[i] < first)
			first = p->seq[i];
	sqlite3_stmt *st =
	    sq_prepare(s, C_KEPT, "SELECT seq FROM change_log WHERE seq >= ?1 ORDER BY seq LIMIT ?2");
	sqlite3_bind_int64(st, 1, first);
	sqlite3_bind_int64(st, 2, PENDING_MAX);
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		p->seq[n++] = sqlite3_column_int64(st, 0);
	p->n = rc == SQLITE_DONE ? n : 0;
	sqlite3_reset(st);
}

void *sq_changes_watch(sqlite3 *db)
{
	struct pending *p = sqlite3_malloc(sizeof *p);
	if (!p)
		return NULL;
	p->n = 0;
	sqlite3_update_hook(db, on_update, p);
	sqlite3_commit_hook(db, on_commit, p);
	sqlite3_rollback_hook(db, on_rollback, p);
	return p;
}

int sq_store_changes_since(store *s, int64_t *since, struct logged_change *out, size_t max, size_t *n)
{
	*n = 0;
	if (*since < 0) /* the first look: what is logged already was before this process */
		return db_changes_newest(s, since);
	sqlite3_stmt *st =
	    sq_prepare(s, C_SINCE,
		       "SELECT seq, kind = 'structure', article_id FROM change_log WHERE seq > ?1 "
		       "ORDER BY seq LIMIT ?2");
	sqlite3_bind_int64(st, 1, *since);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)max * 4);
	int rc = SQLITE_DONE;
	while (*n < max && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t seq = sqlite3_column_int64(st, 0);
		*since = seq;
		if (is_own(seq))
			continue;
		out[(*n)++] = (struct logged_change){sqlite3_column_int(st, 1), sqlite3_column_int64(st, 2)};
	}
	if (*n < max && rc != SQLITE_DONE && rc != SQLITE_ROW)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return 0;
}

int sq_store_changes_wait(store *s, int ms)
{
	/* SQLite tells no one of a commit: the scheduler reads the log at its next tick */
	(void)s;
	struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
	nanosleep(&ts, NULL);
	return 0;
}
