/* db: the narrow seam between the store's domain files and its two engines: statements prepared once per
 * connection and reused, written once with ?N placeholders (db_pg.c rewrites them to $N). Not for outside
 * src/store. */
#ifndef PLENARY_DB_H
#define PLENARY_DB_H

#include <h2o/memory.h>
#include <stdint.h>

#include "store/memo.h"
#include "store/store.h"

/* Statement slots of the seam: each domain file owns a range: users_db.c 0-39, editorial_db.c 40-99,
 * records_db.c 100-139, structure_db.c 140-189, synonyms_db.c 190-219, media_db.c 220-259, public_db.c
 * 260-339, generate_db.c 340-359, changes_db.c 360-379, the editor's preview and autosave 380-399, the front
 * page 400-419, the desk (presence) 420-439, the reader's site images 440-459, db.c's own 460-469,
 * related_db.c 470-479, test_db 480-511,
 * redirects_db.c 512-543, import_db.c 544-591, subscriptions_db.c 592-619, whatsnew_db.c 620-639, the mail
 * queue mailq_db.c 640-679, alerts and digests alerts_db.c 680-719, newsletters newsletter_db.c 720-759, the
 * "What's new" documents 760-799, video_db.c 800-839, a mail's languages mail_lang_db.c 840-859, search per
 * language search_lang_db.c 860-879, translations_db.c 880-899, translated names names_db.c 900-919, an
 * account's and a site's languages 920-939, a search's families search_family_db.c 940-959, first-party
 * counts analytics_db.c 960-999, the reports analytics_report_db.c 1020-1059 (raise DB_SLOTS, and PG_SLOTS in
 * pg/pg_int.h with it, for the next file). */
#define DB_SLOTS 1060
/* db_xact_lock's two statements */
#define DB_SLOT_LOCK_TRY 460
#define DB_SLOT_LOCK_WAIT 461
/* Parameters a statement may have (?1 to ?DB_MAX_PARAMS). */
#define DB_MAX_PARAMS 32

/* What db_step answers. */
enum { DB_ERROR = -1, DB_DONE = 0, DB_ROW = 1 };

struct db; /* a connection seen through the seam */
/* A statement prepared on it: each driver's own begins with this. */
struct db_stmt {
	struct db *d;
	int running; /* stepped to a row and not reset: its next step is the same statement's (stats.c) */
};

/** The seam of a store's connection (made when the store opens). */
struct db *db_of(store *s);
/** The statement of a slot, prepared on the connection at its first use and reused after; reset and
 * unbound. sql is kept (a literal: it must outlive the connection); one slot given two different SQL texts is
 * a bug: die(). */
struct db_stmt *db_prepare(struct db *d, int slot, const char *sql);
void db_bind_int(struct db_stmt *st, int i, int v);
void db_bind_int64(struct db_stmt *st, int i, int64_t v);
/** Binds text (copied); NULL is SQL NULL. */
void db_bind_text(struct db_stmt *st, int i, const char *v);
void db_bind_null(struct db_stmt *st, int i);
/** The next row: DB_ROW, DB_DONE, or DB_ERROR (logged, unless a unique violation; the statement is reset). */
int db_step(struct db_stmt *st);
/** Ends the statement's run (its rows are gone) and keeps it prepared. */
void db_reset(struct db_stmt *st);
/** Column i of the current row as a number (0 for NULL; PostgreSQL's true and false are 1 and 0). */
int64_t db_col_int64(struct db_stmt *st, int i);
int db_col_int(struct db_stmt *st, int i);
/** Column i copied into the pool ("" for NULL). */
const char *db_col_text(struct db_stmt *st, h2o_mem_pool_t *pool, int i);
int db_col_null(struct db_stmt *st, int i);
/** Runs a statement that returns no rows to its end: 0, or -1. *changes (when not NULL): the rows it changed.
 */
int db_exec(struct db_stmt *st, int *changes);
/** Runs an INSERT ... RETURNING id (or an UPDATE): 1 with *id, 0 when it returned no row, -1. */
int db_exec_id(struct db_stmt *st, int64_t *id);
/** Runs SQL text without parameters: 0, or -1 after logging. */
int db_run(struct db *d, const char *sql);
/** A write transaction (SQLite takes the write lock at once); begun inside another, a savepoint of it, which
 * db_commit releases and db_rollback undoes alone (a batch such as an import holds the outer one). A SELECT
 * run in it may end in " FOR UPDATE" (or " FOR UPDATE SKIP LOCKED"): PostgreSQL then locks its rows until the
 * transaction ends; SQLite, whose write transaction holds the whole database already, runs the SELECT without
 * those words. */
int db_begin(struct db *d);
/** Takes the advisory lock `key` until the transaction ends, so that the nodes serving one PostgreSQL
 * database take turns (SQLite: held at once, its write transaction excludes every other writer already): 1
 * held, 0 held elsewhere (only when !wait: else it waits), -1 on error. */
int db_xact_lock(struct db *d, int64_t key, int wait);
/** Commits: 0, or -1 after which the transaction is rolled back on both engines. */
int db_commit(struct db *d);
int db_rollback(struct db *d);
/** Ends a write by its answer: on SAVE_OK commits (SAVE_ERROR when that fails), else rolls back and
 * returns rc. */
enum save_result db_end(struct db *d, enum save_result rc);
/** 1 when the last failed statement of the connection broke a unique constraint. */
int db_unique_violation(struct db *d);
/** The column that unique constraint names, when it is one of "slug", "name", "host", "path" (SQLite's
 * "UNIQUE constraint failed: tag.site_id, tag.slug" and PostgreSQL's "tag_site_id_slug_key" give "slug");
 * else
 * "". */
const char *db_unique_column(struct db *d);
/** Runs a bound INSERT ... RETURNING id (id 0) or UPDATE of record id, then writes its audit line
 * ("kind.create" or "kind.update" on "kind:id"): SAVE_OK with *id_out, SAVE_SLUG_TAKEN on a unique
 * constraint (*taken, when not NULL, names its column: db_unique_column; on PostgreSQL the transaction is
 * then spoiled: the caller rolls back), SAVE_NOT_FOUND when the UPDATE changed no row. */
enum save_result db_save_row(struct db_stmt *st, int64_t id, const char *kind, int64_t user_id,
			     const char *detail, int64_t *id_out, const char **taken);
/** Runs a bound UPDATE of record id in a transaction with its audit line "kind.verb" on "kind:id": SAVE_OK,
 * SAVE_NOT_FOUND when it changed no row, SAVE_ERROR. */
enum save_result db_update_audited(struct db_stmt *st, int64_t id, const char *kind, const char *verb,
				   int64_t user_id, const char *detail);
/** An audit line "kind.verb" on "kind:id" (store_audit). */
enum save_result db_audit_record(store *s, int64_t user_id, const char *kind, const char *verb, int64_t id,
				 const char *detail);
/** The clock every store function stamps rows with (store_now). */
int64_t db_now(void);

/** Fills one item from the current row. */
typedef void (*db_fill)(h2o_mem_pool_t *pool, struct db_stmt *st, void *item);
/** The first column of a one-row statement as a number: 1 and *v, 0 when no row, -1 on error. */
int db_value(struct db_stmt *st, int64_t *v);
/** One row: 1 and filled, 0 when none, -1 on error. */
int db_one(struct db_stmt *st, h2o_mem_pool_t *pool, db_fill fill, void *item);
/** Every row into a pool array of size-byte items: 0, or -1. */
int db_collect(struct db_stmt *st, h2o_mem_pool_t *pool, size_t size, db_fill fill, void **out, size_t *n);

/** SQLite: makes the triggers that rewrite articles' search documents wait (1) or act again (0), inside the
 * current transaction (editorial_db.c, migration 023); nothing on PostgreSQL, whose rewrites wait for the
 * commit already. 0, or -1. */
int db_search_hold(struct db *d, int hold);
/** SQLite: rewrites the search documents of articles ids (after a hold); nothing on PostgreSQL. 0, or -1. */
int db_search_rewrite(struct db *d, const int64_t *ids, size_t n);
/** Notes that article id was saved in the batch: its related list is scored when the batch commits. 0, or
 * -1 out of memory. */
int db_rescore_later(struct db *d, int64_t id);
/** Queues the batch's saved articles for related scoring before it commits (related_db.c; the server's
 * scheduler scores them: store_related_pending). 0, or -1. */
int db_rescore_batch(store *s, const int64_t *ids, size_t n);

/** The newest row of the change log (0 when empty), which both engines' readers start after
 * (changes_db.c): 0, or -1. */
int db_changes_newest(store *s, int64_t *seq);

/** Deletes the translated names of tags and menu entries that are gone (names_db.c), inside the transaction
 * of their deletion, so that a new row given the same id starts with none. 0, or -1. */
int db_names_orphans(struct db *d);

/* ---- for the two drivers (db_sqlite.c, db_pg.c) ---- */
struct db_driver {
	struct db_stmt *(*prepare)(struct db *d, int slot, const char *sql); /* a new statement */
	void (*bind_int64)(struct db_stmt *st, int i, int64_t v);
	void (*bind_text)(struct db_stmt *st, int i, const char *v);
	int (*step)(struct db_stmt *st);
	void (*reset)(struct db_stmt *st); /* also unbinds */
	/* the column's text as the engine holds it (NULL for SQL NULL), valid until the next step */
	const char *(*col_text)(struct db_stmt *st, int i, size_t *len);
	int64_t (*col_int64)(struct db_stmt *st, int i);
	int (*changes)(struct db_stmt *st); /* rows changed by the last run */
	int (*run)(struct db *d, const char *sql);
	const char *begin; /* the SQL that starts a write transaction */
	/* SELECTs of one row and column, 1 when the transaction holds advisory lock ?1: [0] tries, [1] waits
	 */
	const char *lock[2];
	void (*finalize)(struct db_stmt *st);
	/* run before a batch (store_batch_begin), or NULL: SQLite's larger page cache */
	const char *batch_setup;
	/* 1 when triggers keep the search documents at every save (SQLite's FTS5), which a batch holds and
	 * rewrites once at its end; 0 when the engine's index is rewritten at the commit (PostgreSQL) */
	int search_triggers;
};
struct db {
	const struct db_driver *drv;
	store *s;
	int unique; /* the last failure was a unique violation */
	/* what the driver was told of it: SQLite's message, PostgreSQL's constraint name */
	char unique_name[256];
	struct db_stmt *stmt[DB_SLOTS];
	const char *sql[DB_SLOTS]; /* the SQL each slot was prepared with */
	struct store_memos memos;  /* list totals and menus read last (memo.h, public_db.c) */
	int depth;		   /* transactions open: 0 outside, 1 in one, more inside savepoints */
	/* in a batch (store_batch_begin): articles saved, whose search documents are rewritten and related
	 * lists queued for scoring at its end */
	int batch;
	int64_t *rescore;
	size_t nrescore, rescore_cap;
};
/** The seam of a new connection on an engine's driver (its store's open calls it), and its end (its close).
 */
struct db *db_new(store *s, const struct db_driver *drv);
extern const struct db_driver db_sqlite_driver, db_pg_driver;
void db_free(struct db *d);
/** The next zeroed item of a pool-allocated array of `size`-byte items that holds len of cap, doubling it
 * (a new copy in the pool) when full: how a query's rows become an array (db_collect, sq_collect). */
void *db_pool_push(h2o_mem_pool_t *pool, char **items, size_t *cap, size_t len, size_t size);

#endif
