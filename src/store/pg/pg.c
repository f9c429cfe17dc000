/* pg: the store on PostgreSQL: the connection (outages, reconnecting), the helpers every pg_*.c file shares
 * (pg_int.h), opening and closing, the demo and the stamp. */
#include "store/pg/pg_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/buf.h"
#include "core/log.h"
#include "core/text.h"
#include "embedded.h"
#include "store/db.h"
#include "store/public_db.h"
#include "store/search.h"
#include "store/changes.h"

enum {
	Q_STAMP, /* slots 0-29 belong to pg.c */
	Q_SITE_COUNT,
	Q_LAST
};
_Static_assert(Q_LAST <= 30, "statement slots 0-29 belong to pg.c");

/* After a failed attempt to reach the server, the next waits this long: a request meanwhile fails at once. */
#define RECONNECT_PAUSE_MS 500

struct store {
	struct store_head head; /* first: the backend table (backend.h) */
	PGconn *conn;
	unsigned char prepared[PG_SLOTS]; /* the slots prepared on this connection */
	uint64_t sql_hash[PG_SLOTS];	  /* a hash of each used slot's SQL (odd; 0: unused) */
	int down;			  /* the last call failed for want of the server */
	int broken;			  /* the connection is to be made again at the next call */
	int lost_in_tx;			  /* it broke inside a transaction: refuse until ROLLBACK/COMMIT */
	int64_t retry_at_ms;		  /* no new attempt before this (monotonic ms) */
	void *state[PG_STATES];
	void (*release[PG_STATES])(void *);
};

/* What every session starts with: text in UTF-8, times in UTC (demo.sql's dates), notices kept for the debug
 * log, and no JIT compilation (tens of milliseconds that only pay off on queries far longer than a page's).
 */
#define SESSION_SETUP                                                                                        \
	"SET client_encoding = 'UTF8'; SET TimeZone = 'UTC'; SET client_min_messages = warning; "            \
	"SET jit = off"

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- parameters ---- */

static void param_check(const struct pg_params *p)
{
	if (p->n >= PG_MAX_PARAMS)
		die("too many statement parameters");
}

void pg_p_i64(struct pg_params *p, int64_t v)
{
	param_check(p);
	snprintf(p->num[p->n], sizeof p->num[p->n], "%lld", (long long)v);
	p->v[p->n] = p->num[p->n];
	p->n++;
}

void pg_p_text(struct pg_params *p, const char *v)
{
	param_check(p);
	p->v[p->n++] = v;
}

/* ---- the connection ---- */

PGconn *pg_conn(store *s)
{
	return s->conn;
}

/* Server notices (a COMMIT without a transaction, ...) go to the debug log, not to stderr as they come. */
static void notice(void *arg, const char *message)
{
	(void)arg;
	log_debug("database: %.*s", (int)strcspn(message, "\n"), message);
}

/* The connection is lost: later calls fail at once (store_down) until it is made again. */
static void mark_lost(store *s, int was_in_tx)
{
	if (!s->broken)
		store_count_lost(s);
	if (!s->down)
		log_error("database: connection lost: %.*s", (int)strcspn(PQerrorMessage(s->conn), "\n"),
			  PQerrorMessage(s->conn));
	s->down = 1;
	s->broken = 1;
	if (was_in_tx)
		s->lost_in_tx = 1;
}

/* Makes sure the connection can take a statement: 0, or -1 (down) when the server cannot be reached or the
 * transaction the caller is in was lost with the old connection. */
static int ready(store *s)
{
	if (s->lost_in_tx) {
		s->down = 1;
		return -1;
	}
	if (!s->broken && PQstatus(s->conn) == CONNECTION_OK)
		return 0;
	int64_t now = now_ms();
	if (now < s->retry_at_ms) {
		s->down = 1;
		return -1;
	}
	PQreset(s->conn);
	if (PQstatus(s->conn) != CONNECTION_OK) {
		s->retry_at_ms = now + RECONNECT_PAUSE_MS;
		s->down = 1;
		s->broken = 1;
		return -1;
	}
	/* a new server session: none of the statements exists there, nor the settings */
	memset(s->prepared, 0, sizeof s->prepared);
	char why[256];
	if (pg_script(s->conn, SESSION_SETUP, why, sizeof why) != 0)
		log_error("database: %s", why);
	pg_changes_connected(s->conn); /* the node's name, which the change log records */
	s->broken = 0;
	store_count_reconnect(s);
	log_info("database: connection made again");
	return 0;
}

static int in_tx(store *s)
{
	PGTransactionStatusType t = PQtransactionStatus(s->conn);
	return t == PQTRANS_INTRANS || t == PQTRANS_INERROR || t == PQTRANS_ACTIVE;
}

/* A result that is not OK: was it the connection (down), or the statement (logged)? */
static int lost(store *s, const PGresult *r, int was_in_tx)
{
	if (r && PQstatus(s->conn) == CONNECTION_OK)
		return 0;
	mark_lost(s, was_in_tx);
	return 1;
}

static void log_failure(const PGresult *r, const char *sql)
{
	log_error("database: %.*s (in: %.80s)", (int)strcspn(PQresultErrorMessage(r), "\n"),
		  PQresultErrorMessage(r), sql);
}

static int result_ok(const PGresult *r)
{
	ExecStatusType st = PQresultStatus(r);
	return st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK;
}

int pg_script(PGconn *c, const char *sql, char *why, size_t whylen)
{
	PGresult *r = PQexec(c, sql);
	int ok = r && result_ok(r);
	if (!ok)
		snprintf(why, whylen, "%.*s",
			 (int)strcspn(r ? PQresultErrorMessage(r) : PQerrorMessage(c), "\n"),
			 r ? PQresultErrorMessage(r) : PQerrorMessage(c));
	PQclear(r);
	return ok ? 0 : -1;
}

static PGresult *q_raw(store *s, int slot, const char *sql, const struct pg_params *p)
{
	if (slot < 0 || slot >= PG_SLOTS)
		die("statement slot %d out of range", slot);
	if (ready(s) != 0)
		return NULL;
	int was_in_tx = in_tx(s);
	char name[16];
	snprintf(name, sizeof name, "s%d", slot);
	/* two files sharing a slot would run each other's statements */
	uint64_t hash = text_hash(sql, strlen(sql)) | 1;
	if (s->sql_hash[slot] && s->sql_hash[slot] != hash)
		die("statement slot %d is used for two statements, one of them: %.80s", slot, sql);
	s->sql_hash[slot] = hash;
	if (!s->prepared[slot]) {
		PGresult *r = PQprepare(s->conn, name, sql, 0, NULL);
		if (!r || PQresultStatus(r) != PGRES_COMMAND_OK) {
			if (lost(s, r, was_in_tx)) {
				PQclear(r);
				return NULL;
			}
			s->down = 0;
			return r; /* the statement's error (a bug: its SQL) */
		}
		PQclear(r);
		s->prepared[slot] = 1;
	}
	PGresult *r = PQexecPrepared(s->conn, name, p ? p->n : 0, p ? p->v : NULL, NULL, NULL, 0);
	if ((!r || !result_ok(r)) && lost(s, r, was_in_tx)) {
		PQclear(r);
		return NULL;
	}
	s->down = 0;
	return r; /* rows, or the statement's error */
}

PGresult *pg_q_raw(store *s, int slot, const char *sql, const struct pg_params *p)
{
	int64_t t0 = store_time_begin(s);
	PGresult *r = q_raw(s, slot, sql, p);
	store_time_end(s, t0, 1);
	return r;
}

PGresult *pg_q(store *s, int slot, const char *sql, const struct pg_params *p)
{
	PGresult *r = pg_q_raw(s, slot, sql, p);
	if (r && !result_ok(r)) {
		log_failure(r, sql);
		PQclear(r);
		return NULL;
	}
	return r;
}

static int starts_with(const char *sql, const char *word)
{
	sql += strspn(sql, " \t\n");
	return strncasecmp(sql, word, strlen(word)) == 0;
}

static int run(store *s, const char *sql)
{
	if (s->lost_in_tx) {
		/* the caller's transaction went with the old connection: its end or a new one's start clears
		 * that; a ROLLBACK then has nothing left to do, a COMMIT fails */
		int to_savepoint = starts_with(sql, "ROLLBACK") && strcasestr(sql, " TO ");
		if ((starts_with(sql, "ROLLBACK") && !to_savepoint) || starts_with(sql, "ABORT")) {
			s->lost_in_tx = 0;
			return 0;
		}
		if (starts_with(sql, "COMMIT") || starts_with(sql, "END")) {
			s->lost_in_tx = 0;
			return -1;
		}
		if (starts_with(sql, "BEGIN") || starts_with(sql, "START"))
			s->lost_in_tx = 0;
	}
	if (ready(s) != 0)
		return -1;
	int was_in_tx = in_tx(s);
	PGresult *r = PQexec(s->conn, sql);
	if (!r || !result_ok(r)) {
		if (!lost(s, r, was_in_tx)) {
			s->down = 0;
			log_failure(r, sql);
		}
		PQclear(r);
		return -1;
	}
	s->down = 0;
	/* a COMMIT of a transaction a failed statement spoiled rolls back, and says so only in its status */
	int spoiled = (starts_with(sql, "COMMIT") || starts_with(sql, "END")) &&
		      strcmp(PQcmdStatus(r), "ROLLBACK") == 0;
	PQclear(r);
	if (spoiled) {
		log_error("database: COMMIT rolled back: a statement of the transaction had failed");
		return -1;
	}
	return 0;
}

int pg_run(store *s, const char *sql)
{
	int64_t t0 = store_time_begin(s);
	int rc = run(s, sql);
	store_time_end(s, t0, 1);
	return rc;
}

int pg_exec(store *s, int slot, const char *sql, const struct pg_params *p, int *changes)
{
	PGresult *r = pg_q(s, slot, sql, p);
	if (!r)
		return -1;
	if (changes)
		*changes = PQresultStatus(r) == PGRES_TUPLES_OK ? PQntuples(r) : atoi(PQcmdTuples(r));
	PQclear(r);
	return 0;
}

int pg_store_down(store *s)
{
	return s->down;
}

void **pg_state(store *s, enum pg_state which, void (*release)(void *))
{
	if ((int)which < 0 || which >= PG_STATES)
		die("no such per-connection state: %d", (int)which);
	if (release)
		s->release[which] = release;
	return &s->state[which];
}

/* ---- rows ---- */

const char *pg_str(h2o_mem_pool_t *pool, const PGresult *r, int row, int col)
{
	size_t n = PQgetisnull(r, row, col) ? 0 : (size_t)PQgetlength(r, row, col);
	char *p = h2o_mem_alloc_pool(pool, n + 1);
	if (n)
		memcpy(p, PQgetvalue(r, row, col), n);
	p[n] = '\0';
	return p;
}

int64_t pg_i64(const PGresult *r, int row, int col)
{
	if (PQgetisnull(r, row, col))
		return 0;
	const char *v = PQgetvalue(r, row, col);
	if (v[0] == 't' && v[1] == '\0')
		return 1;
	if (v[0] == 'f' && v[1] == '\0')
		return 0;
	return strtoll(v, NULL, 10);
}

double pg_double(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col) ? 0 : strtod(PQgetvalue(r, row, col), NULL);
}

int pg_collect(store *s, h2o_mem_pool_t *pool, int slot, const char *sql, const struct pg_params *p,
	       size_t size, pg_fill fill, void **out, size_t *n)
{
	PGresult *r = pg_q(s, slot, sql, p);
	if (!r)
		return -1;
	size_t rows = (size_t)PQntuples(r);
	char *items = h2o_mem_alloc_pool(pool, (rows ? rows : 1) * size);
	memset(items, 0, (rows ? rows : 1) * size);
	for (size_t i = 0; i < rows; i++)
		fill(pool, r, (int)i, items + i * size);
	PQclear(r);
	*out = items;
	*n = rows;
	return 0;
}

int pg_value(store *s, int slot, const char *sql, const struct pg_params *p, int64_t *v)
{
	PGresult *r = pg_q(s, slot, sql, p);
	if (!r)
		return -1;
	int found = PQntuples(r) > 0 && PQnfields(r) > 0 && !PQgetisnull(r, 0, 0);
	if (found)
		*v = pg_i64(r, 0, 0);
	PQclear(r);
	return found;
}

/* ---- opening and closing ---- */

store *pg_store_open(const char *conninfo, char *err, size_t errlen)
{
	store *s = calloc(1, sizeof *s);
	if (!s)
		die("out of memory");
	s->head.engine = STORE_PG;
	s->head.db = db_new(s, &db_pg_driver);
	/* a server out of reach must not hold a worker's loop for long: 3 s to connect and 10 s for
	 * unanswered sends unless the URL says otherwise (its parameters, expanded from dbname, come after
	 * these) */
	static const char *const keys[] = {"connect_timeout", "tcp_user_timeout", "dbname", NULL};
	const char *values[] = {"3", "10000", conninfo, NULL};
	s->conn = PQconnectdbParams(keys, values, 1);
	if (!s->conn)
		die("out of memory");
	char shown[512];
	store_display(conninfo, shown, sizeof shown);
	if (PQstatus(s->conn) != CONNECTION_OK) {
		snprintf(err, errlen, "%s: %.*s", shown, (int)strcspn(PQerrorMessage(s->conn), "\n"),
			 PQerrorMessage(s->conn));
		pg_close(s);
		return NULL;
	}
	PQsetNoticeProcessor(s->conn, notice, NULL);
	pg_changes_connected(s->conn); /* the node's name, which the change log records */
	char why[512];
	if (pg_script(s->conn, SESSION_SETUP, why, sizeof why) != 0 ||
	    pg_migrate(s->conn, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s", shown, why);
		pg_close(s);
		return NULL;
	}
	return s;
}

void pg_close(store *s)
{
	if (!s)
		return;
	for (int i = 0; i < PG_STATES; i++)
		if (s->state[i] && s->release[i])
			s->release[i](s->state[i]);
	db_free(s->head.db);
	PQfinish(s->conn);
	free(s);
}

void pg_store_tune(store *s, const struct store_tuning *t)
{
	/* nothing to map (the server reads its files), and the server plans its own parallel reads */
	(void)s;
	(void)t;
}

int pg_reset_identities(store *s)
{
	return pg_run(s, "DO $$ DECLARE r record; BEGIN "
			 "FOR r IN SELECT table_name, column_name FROM information_schema.columns "
			 "WHERE table_schema = current_schema() AND is_identity = 'YES' LOOP "
			 "EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), "
			 "COALESCE(max(%I), 0) + 1, false) FROM %I', quote_ident(r.table_name), "
			 "r.column_name, r.column_name, r.table_name); "
			 "END LOOP; END $$");
}

/* ---- the demo ---- */

int pg_store_load_demo(store *s, char *err, size_t errlen)
{
	int64_t sites = -1;
	if (pg_value(s, Q_SITE_COUNT, "SELECT count(*) FROM site", NULL, &sites) < 0 || sites != 0) {
		snprintf(err, errlen, "the database already has content; the demo needs an empty one");
		return -1;
	}
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (strcmp(f->name, "demo.sql") != 0)
			continue;
		char why[512] = "";
		/* demo.sql is written for SQLite: its one SQLite function, strftime('%s', T) (the Unix time
		 * of the UTC time 'YYYY-MM-DD hh:mm:ss', or of 'now'), exists for the transaction's length */
		int failed =
		    pg_script(
			s->conn,
			"BEGIN; CREATE FUNCTION strftime(text, text) RETURNS bigint LANGUAGE sql "
			"STABLE AS $$ SELECT CASE WHEN $2 = 'now' THEN extract(epoch FROM now())::bigint "
			"ELSE extract(epoch FROM ($2 || '+00')::timestamptz)::bigint END $$",
			why, sizeof why) != 0 ||
		    pg_script(s->conn, f->data, why, sizeof why) != 0 ||
		    pg_script(s->conn, "DROP FUNCTION strftime(text, text)", why, sizeof why) != 0;
		/* its rows have explicit ids: the identities go on after the largest */
		if (!failed && pg_reset_identities(s) != 0) {
			snprintf(why, sizeof why, "cannot reset the identities");
			failed = 1;
		}
		if (!failed) {
			h2o_mem_pool_t pool;
			h2o_mem_init_pool(&pool);
			if (store_related_rebuild(s, &pool) != 0) {
				snprintf(why, sizeof why, "related articles: %s", PQerrorMessage(s->conn));
				failed = 1;
			}
			h2o_mem_clear_pool(&pool);
		}
		/* a new database: no process has pages of it cached, so the log of loading it goes */
		if (!failed && pg_script(s->conn, "DELETE FROM change_log", why, sizeof why) != 0)
			failed = 1;
		if (failed || pg_script(s->conn, "COMMIT", why, sizeof why) != 0) {
			char ignore[64];
			pg_script(s->conn, "ROLLBACK", ignore, sizeof ignore);
			snprintf(err, errlen, "demo content: %s", why);
			return -1;
		}
		return 0;
	}
	snprintf(err, errlen, "no demo content in this build");
	return -1;
}

/* ---- where the database stands ---- */

/* The stamp is the server's snapshot as this connection sees it now: every transaction that wrote
 * (in this database or another of the cluster), once it ends, changes the snapshot's xmax or its list of
 * transactions in progress. data_version is the xmax, changes an FNV-1a hash of the whole snapshot text
 * ("xmin:xmax:xip,..."). A write that commits anywhere thus changes the stamp; some that do not (a rollback,
 * another database) change it too, which only costs a memo. */
int pg_store_stamp(store *s, struct store_stamp *out)
{
	PGresult *r = pg_q(s, Q_STAMP,
			   "SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint, "
			   "pg_current_snapshot()::text",
			   NULL);
	if (!r)
		return -1;
	out->data_version = pg_i64(r, 0, 0);
	out->changes = (int64_t)text_hash(PQgetvalue(r, 0, 1), (size_t)PQgetlength(r, 0, 1));
	PQclear(r);
	return 0;
}

/* ---- article rows for the files that read them without the seam (pg_search.c) ---- */

void pg_fill_article_cols(h2o_mem_pool_t *pool, const PGresult *r, int row, struct article *x)
{
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->title = pg_str(pool, r, row, 2);
	x->summary = pg_str(pool, r, row, 3);
	x->kind = pg_str(pool, r, row, 4);
	x->audience = pg_str(pool, r, row, 5);
	x->published_at = pg_i64(r, row, 6);
	x->updated_at = pg_i64(r, row, 7);
	x->section.id = pg_i64(r, row, 8);
	x->section.slug = pg_str(pool, r, row, 9);
	x->section.name = pg_str(pool, r, row, 10);
	x->congress.id = pg_i64(r, row, 11);
	x->congress.slug = pg_str(pool, r, row, 12);
	x->congress.name = pg_str(pool, r, row, 13);
	x->congress.year = (int)pg_i64(r, row, 14);
	x->trial.id = pg_i64(r, row, 15);
	x->trial.slug = pg_str(pool, r, row, 16);
	x->trial.name = pg_str(pool, r, row, 17);
}
