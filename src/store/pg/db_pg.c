/* db_pg: the seam's driver on libpq: ?N becomes $N once, when a slot is first prepared; the statement then
 * runs through pg.c (named, prepared once per server session, remade after a reconnection) and its rows are
 * read from the result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/db.h"
#include "store/pg/pg_int.h"

struct pq_stmt {
	struct db_stmt base; /* first */
	int slot;	     /* pg.c's slot: PG_SEAM_FIRST + the seam's */
	char *sql;	     /* with $N */
	struct pg_params p;
	char *text[DB_MAX_PARAMS]; /* the copies of bound text */
	PGresult *r;		   /* the run's rows, or NULL before the first step */
	int row;		   /* the current row, -1 before the first */
	int changes;
};

_Static_assert(PG_SLOTS - PG_SEAM_FIRST >= DB_SLOTS, "pg.c keeps a slot for each of the seam's");
_Static_assert(PG_MAX_PARAMS >= DB_MAX_PARAMS, "pg.c takes as many parameters as the seam");

#define PQ(x) ((struct pq_stmt *)(void *)(x))

/* The SQL with every ?N outside quotes written $N (a text literal or a quoted name is copied as it is). A ?
 * without a number is a bug: die(). */
static char *dollars(const char *sql)
{
	size_t n = strlen(sql);
	char *out = malloc(n + 1);
	if (!out)
		die("out of memory");
	char *o = out;
	char quote = 0;
	for (const char *c = sql; *c; c++) {
		if (quote) {
			if (*c == quote)
				quote = 0;
		} else if (*c == '\'' || *c == '"') {
			quote = *c;
		} else if (*c == '?') {
			if (c[1] < '1' || c[1] > '9')
				die("a statement's placeholder without its number: %.80s", sql);
			*o++ = '$';
			continue;
		}
		*o++ = *c;
	}
	*o = '\0';
	return out;
}

static struct db_stmt *prepare(struct db *d, int slot, const char *sql)
{
	(void)d;
	struct pq_stmt *x = calloc(1, sizeof *x);
	if (!x)
		die("out of memory");
	x->slot = PG_SEAM_FIRST + slot;
	x->sql = dollars(sql);
	x->row = -1;
	return &x->base;
}

static void unbind(struct pq_stmt *x)
{
	for (int i = 0; i < DB_MAX_PARAMS; i++) {
		free(x->text[i]);
		x->text[i] = NULL;
		x->p.v[i] = NULL;
	}
	x->p.n = 0;
}

static void reset(struct db_stmt *st)
{
	struct pq_stmt *x = PQ(st);
	PQclear(x->r);
	x->r = NULL;
	x->row = -1;
	unbind(x);
}

/* Parameter i (from 1) is about to be bound: the count covers it; those skipped stay NULL. */
static void widen(struct pq_stmt *x, int i)
{
	if (x->p.n < i)
		x->p.n = i;
	free(x->text[i - 1]);
	x->text[i - 1] = NULL;
}

static void bind_int64(struct db_stmt *st, int i, int64_t v)
{
	struct pq_stmt *x = PQ(st);
	widen(x, i);
	snprintf(x->p.num[i - 1], sizeof x->p.num[i - 1], "%lld", (long long)v);
	x->p.v[i - 1] = x->p.num[i - 1];
}

static void bind_text(struct db_stmt *st, int i, const char *v)
{
	struct pq_stmt *x = PQ(st);
	widen(x, i);
	if (v && !(x->text[i - 1] = strdup(v)))
		die("out of memory");
	x->p.v[i - 1] = x->text[i - 1];
}

static int step(struct db_stmt *st)
{
	struct pq_stmt *x = PQ(st);
	if (!x->r) {
		PGresult *r = pg_q_raw(st->d->s, x->slot, x->sql, &x->p);
		if (!r) /* the connection is lost: pg.c said so and marked the store down */
			return DB_ERROR;
		ExecStatusType status = PQresultStatus(r);
		if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
			const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
			st->d->unique = state && strcmp(state, "23505") == 0;
			if (st->d->unique) {
				const char *c = PQresultErrorField(r, PG_DIAG_CONSTRAINT_NAME);
				snprintf(st->d->unique_name, sizeof st->d->unique_name, "%s", c ? c : "");
				log_debug("database: unique violation (in: %.80s)", x->sql);
			} else {
				log_error("database: %.*s (in: %.80s)",
					  (int)strcspn(PQresultErrorMessage(r), "\n"),
					  PQresultErrorMessage(r), x->sql);
			}
			PQclear(r);
			reset(st);
			return DB_ERROR;
		}
		const char *tuples = PQcmdTuples(r);
		x->changes = *tuples ? atoi(tuples) : PQntuples(r);
		x->r = r;
	}
	if (x->row + 1 < PQntuples(x->r)) {
		x->row++;
		return DB_ROW;
	}
	x->row = PQntuples(x->r);
	return DB_DONE;
}

static const char *col_text(struct db_stmt *st, int i, size_t *len)
{
	struct pq_stmt *x = PQ(st);
	if (!x->r || x->row < 0 || x->row >= PQntuples(x->r) || PQgetisnull(x->r, x->row, i)) {
		*len = 0;
		return NULL;
	}
	*len = (size_t)PQgetlength(x->r, x->row, i);
	return PQgetvalue(x->r, x->row, i);
}

static int64_t col_int64(struct db_stmt *st, int i)
{
	size_t n;
	const char *v = col_text(st, i, &n);
	if (!v)
		return 0;
	if (strcmp(v, "t") == 0)
		return 1;
	if (strcmp(v, "f") == 0)
		return 0;
	return strtoll(v, NULL, 10);
}

static int changes(struct db_stmt *st)
{
	return PQ(st)->changes;
}

static int run(struct db *d, const char *sql)
{
	return pg_run(d->s, sql);
}

static void finalize(struct db_stmt *st)
{
	reset(st);
	free(PQ(st)->sql);
	free(st);
}

const struct db_driver db_pg_driver = {
    .prepare = prepare,
    .bind_int64 = bind_int64,
    .bind_text = bind_text,
    .step = step,
    .reset = reset,
    .col_text = col_text,
    .col_int64 = col_int64,
    .changes = changes,
    .run = run,
    .begin = "BEGIN",
    .lock = {"SELECT pg_try_advisory_xact_lock(CAST(?1 AS BIGINT))",
	     "SELECT 1 FROM pg_advisory_xact_lock(CAST(?1 AS BIGINT))"},
    .finalize = finalize,
};
