/* pg_int: what the PostgreSQL store's files share: the connection, statements by slot, text parameters and
 * row helpers. Not for outside src/store. */
#ifndef PLENARY_PG_INT_H
#define PLENARY_PG_INT_H

#include <libpq-fe.h>

#include "store/backend.h"
#include "store/store.h"
#include "store/search.h"
#include "store/changes.h"
#include "store/copy.h"

/* this engine's bodies of the store functions that differ per engine (calls.c picks one) */
int pg_store_load_demo(store *s, char *err, size_t errlen);
int pg_store_schema_version(store *s);
void pg_store_tune(store *s, const struct store_tuning *t);
int pg_store_generate_articles(store *s, size_t count, char *err, size_t errlen);
int pg_store_related_refresh(store *s, h2o_mem_pool_t *pool, int64_t id);
int pg_store_related_rebuild(store *s, h2o_mem_pool_t *pool);
int pg_store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		    int with_facets, struct search_result *out);
int pg_store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *lang, const char *from, const char *to,
			  struct facet **out, size_t *n);
int pg_store_search_upkeep(store *s);
int pg_store_changes_since(store *s, int64_t *since, struct logged_change *out, size_t max, size_t *n);
int pg_store_changes_wait(store *s, int ms);
int pg_store_stamp(store *s, struct store_stamp *out);
int pg_store_down(store *s);
void pg_close(store *s);

/* Statement slots: each file owns a range, so two files never prepare different SQL under one name.
 * pg.c 0-29, pg_migrate.c 30-39, 40-369 free (pg_public.c's, pg_users.c's, pg_editorial.c's, pg_structure.c's
 * and pg_media.c's, now on the seam), pg_search.c 370-409,
 * pg_snippet.c 410-419, pg_related.c 420-449, pg_generate.c 450-469, pg_changes.c 470-489, pg_backup.c
 * 490-499; the seam's (db_pg.c) from PG_SEAM_FIRST on. */
#define PG_SEAM_FIRST 512
#define PG_SLOTS (PG_SEAM_FIRST + 1060)

/* The SQL pieces the article queries not yet on the seam share (public_db.h has the seam's). */
#define PG_AUDIENCE_LEVEL                                                                                    \
	"(CASE a.audience WHEN 'public' THEN 0 WHEN 'members' THEN 1 WHEN 'hcp' THEN 2 ELSE 3 END)"
#define PG_ARTICLE_COLS                                                                                      \
	"a.id, a.slug, a.title, a.summary, a.kind, a.audience, a.published_at, a.updated_at, "               \
	"s.id, s.slug, s.name, COALESCE(c.id, 0), COALESCE(c.slug, ''), COALESCE(c.name, ''), "              \
	"COALESCE(c.year, 0), COALESCE(t.id, 0), COALESCE(t.slug, ''), COALESCE(t.name, '') "
#define PG_ARTICLE_JOINS                                                                                     \
	"FROM article a JOIN section s ON s.id = a.section_id LEFT JOIN congress c ON c.id = a.congress_id " \
	"LEFT JOIN trial t ON t.id = a.trial_id "

/* A statement's parameters, all sent as text (PostgreSQL converts them to the column's type; write $n::bigint
 * where the SQL alone does not tell the type). */
#define PG_MAX_PARAMS 32
struct pg_params {
	int n;
	const char *v[PG_MAX_PARAMS];
	char num[PG_MAX_PARAMS][24]; /* the text of the numbers */
};

/** Appends a number. */
void pg_p_i64(struct pg_params *p, int64_t v);
/** Appends text (not copied: it must outlive the call that runs the statement); NULL is SQL NULL. */
void pg_p_text(struct pg_params *p, const char *v);

/** Runs the statement of a slot: prepared on the connection at its first use (named "s<slot>"), then executed
 * with p (NULL for none). Returns the result when it is PGRES_TUPLES_OK or PGRES_COMMAND_OK; else logs the
 * error, clears it and returns NULL. A lost connection marks the store down (store_down) and is reset at the
 * next call. The caller PQclear()s the result. One slot given two different SQL texts is a bug: die(). */
PGresult *pg_q(store *s, int slot, const char *sql, const struct pg_params *p);
/** As pg_q, but a failed result is returned, not cleared (for callers that look at the SQLSTATE: a unique
 * violation on save). NULL only when the connection is lost. The caller PQclear()s it. */
PGresult *pg_q_raw(store *s, int slot, const char *sql, const struct pg_params *p);
/** Runs SQL text without parameters (BEGIN, COMMIT, ROLLBACK, a script): 0, or -1 after logging the error.
 * A COMMIT of a transaction in which a statement failed (PostgreSQL then rolls it back) is -1 too. */
int pg_run(store *s, const char *sql);
/** Runs a statement that returns no rows: 0, or -1 on error; *changes (when not NULL) is how many rows it
 * changed. */
int pg_exec(store *s, int slot, const char *sql, const struct pg_params *p, int *changes);
PGconn *pg_conn(store *s);
/* When the connection is lost inside a transaction (after pg_run("BEGIN")), every statement fails
 * (store_down) until the caller's pg_run of ROLLBACK (0), COMMIT (-1) or a new BEGIN: none runs outside the
 * transaction it was written for. */

/** Runs a script (several statements, no parameters) on a connection, outside the store's bookkeeping
 * (opening, migrations, the demo): 0, or -1 with the server's message in why. */
int pg_script(PGconn *c, const char *sql, char *why, size_t whylen);
/** Applies the embedded pg/NNN_name.sql migrations the database is behind on, each in its own transaction: 0,
 * or -1 with why (pg_migrate.c). */
int pg_migrate(PGconn *c, char *err, size_t errlen);

/** Per-connection state of another file (search's facts about articles, ...): the address of its pointer,
 * NULL until the file sets it; release (when not NULL) is kept and frees it when the store closes. */
enum pg_state {
	PG_STATE_EDITORIAL,
	PG_STATE_SEARCH,
	PG_STATE_RELATED,
	PG_STATE_CHANGES,
	PG_STATE_BACKUP,
	PG_STATE_SNIPPET,
	PG_STATES
};
void **pg_state(store *s, enum pg_state which, void (*release)(void *));
/** Sets every identity column's next value past the largest id of its table (after rows were inserted with
 * explicit ids: the demo, a restore): 0, or -1 (logged). (pg.c) */
int pg_reset_identities(store *s);

/** Column i of row as text copied into the pool ("" for NULL). */
const char *pg_str(h2o_mem_pool_t *pool, const PGresult *r, int row, int col);
/** Column i of row as a number (0 for NULL; "t"/"f" are 1/0). */
int64_t pg_i64(const PGresult *r, int row, int col);
double pg_double(const PGresult *r, int row, int col);

/** Fills one item from a row. */
typedef void (*pg_fill)(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item);
/** Runs the slot's statement and collects every row into a pool array of size-byte items: 0, or -1. */
int pg_collect(store *s, h2o_mem_pool_t *pool, int slot, const char *sql, const struct pg_params *p,
	       size_t size, pg_fill fill, void **out, size_t *n);
/** Runs it for one number (the first column of the first row): 1 and *v, 0 when no row (or NULL), -1. */
int pg_value(store *s, int slot, const char *sql, const struct pg_params *p, int64_t *v);

/* pg.c's readers of article rows, for the files that read them without the seam (public_db.h has the
 * seam's) */
/** The 18 leading columns every article query selects (PG_ARTICLE_COLS), from column 0 of row. */
void pg_fill_article_cols(h2o_mem_pool_t *pool, const PGresult *r, int row, struct article *x);

/** This process's name among the nodes serving one database (host, pid and a random number). */
const char *pg_node_id(void);
/** Makes a new (or reset) connection carry the node's name (plenary.node), which the change log's triggers
 * record so the scheduler skips its own process's changes: 0, or -1 after logging. pg_changes.c has it; pg.c
 * calls it after every connect and reset, before the connection's first statement. */
int pg_changes_connected(PGconn *c);

/** Opens the store on a PostgreSQL connection string (postgresql://... or postgres://...), migrating the
 * database when it is behind: the store, or NULL with err filled. */
store *pg_store_open(const char *conninfo, char *err, size_t errlen);

/** store_backup and store_restore (store.h) for a PostgreSQL database: pg_dump's custom format, written by
 * pg_dump from one snapshot and put back by pg_restore in one transaction (pg_backup.c). */
int pg_store_backup(const char *conninfo, const char *to, int overwrite, struct store_copy_report *out,
		    char *err, size_t errlen);
int pg_store_restore(const char *conninfo, const char *from, struct store_copy_report *out, char *err,
		     size_t errlen);

#endif
