/* pg_int: what the PostgreSQL store's files share: the connection, statements by slot, text parameters and
 * row helpers. Not for outside src/store. */
#ifndef PLENARY_PG_INT_H
#define PLENARY_PG_INT_H

#include <libpq-fe.h>

#include "store/backend.h"
#include "store/store.h"

/* the PostgreSQL backend's functions: pg_store_NAME implements store_NAME (api.h) */
#define STORE_FN(ret, name, params, args) ret pg_##name params;
#define STORE_VOID(name, params, args) void pg_##name params;
#define STORE_DB(ret, name, params, args) /* written once: db.h */
#include "store/api.h"
#undef STORE_FN
#undef STORE_VOID
#undef STORE_DB

/* Statement slots: each file owns a range, so two files never prepare different SQL under one name.
 * pg.c 0-29, pg_migrate.c 30-39, pg_public.c 40-99, 100-179 free (pg_users.c's, now users_db.c on the seam),
 * pg_editorial.c 180-259, pg_structure.c 260-339, pg_media.c 340-369, pg_search.c 370-409, pg_snippet.c
 * 410-419, pg_related.c 420-449, pg_generate.c 450-469, pg_changes.c 470-489, pg_backup.c 490-499; the
 * seam's (db_pg.c) from PG_SEAM_FIRST on. */
#define PG_SEAM_FIRST 512
#define PG_SLOTS (PG_SEAM_FIRST + 512)

/* The SQL pieces every article query shares, as in sqlite_int.h: $1 is always now (bigint seconds). */
#define PG_VISIBLE "a.status IN ('published', 'scheduled') AND a.published_at <= $1::bigint"
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
/** Appends a real number. */
void pg_p_double(struct pg_params *p, double v);

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
/** The connection's list totals and menus read last (memo.h; pg_public.c reads them). */
struct store_memos *pg_memos(store *s);

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
/** Runs it for one row: 1 and filled, 0 when none, -1 on error. */
int pg_one(store *s, h2o_mem_pool_t *pool, int slot, const char *sql, const struct pg_params *p, pg_fill fill,
	   void *item);
/** Runs it for one number (the first column of the first row): 1 and *v, 0 when no row (or NULL), -1. */
int pg_value(store *s, int slot, const char *sql, const struct pg_params *p, int64_t *v);
/** Runs it and keeps the first column of every row as ids, the first max of them: 0, or -1. */
int pg_ids(store *s, int slot, const char *sql, const struct pg_params *p, int64_t *out, size_t max,
	   size_t *n);

/** Runs a bound INSERT ... RETURNING id (id 0) or UPDATE ... RETURNING id of a record and writes its audit
 * line ("kind.create" or "kind.update" on "kind:id"): SAVE_OK with *id_out, SAVE_SLUG_TAKEN on a unique
 * violation (*taken, when not NULL, names the column: "slug", "name", "host", "path"), SAVE_NOT_FOUND when an
 * UPDATE changed no row. As sq_save_row. */
enum save_result pg_save_row(store *s, int slot, const char *sql, const struct pg_params *p, int64_t id,
			     const char *kind, int64_t user_id, const char *detail, int64_t *id_out,
			     const char **taken);
/** An audit line "kind.verb" on "kind:id". */
enum save_result pg_audit_record(store *s, int64_t user_id, const char *kind, const char *verb, int64_t id,
				 const char *detail);

/* pg_public.c's readers of rows and parts that other files' queries share */
/** The 18 leading columns every article query selects (PG_ARTICLE_COLS), from column 0 of row. */
void pg_fill_article_cols(h2o_mem_pool_t *pool, const PGresult *r, int row, struct article *x);
/** A congress from the columns id, slug, name, full_name, year, starts_on, ends_on, city, country,
 * description, and its article count when the result has an eleventh column. */
void pg_fill_congress(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item);
/** Adds people, references, sponsors and tags to an article read by id. */
int pg_article_parts(store *s, h2o_mem_pool_t *pool, struct article *out);

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
