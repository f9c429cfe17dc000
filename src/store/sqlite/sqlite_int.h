/* sqlite_int: what the SQLite store's files share: statement slots and row helpers. Not for outside
 * src/store. */
#ifndef PLENARY_SQLITE_INT_H
#define PLENARY_SQLITE_INT_H

#include <sqlite3.h>

#include "store/backend.h"
#include "store/store.h"
#include "store/search.h"
#include "store/changes.h"
#include "store/copy.h"

/* this engine's bodies of the store functions that differ per engine (calls.c picks one) */
int sq_store_load_demo(store *s, char *err, size_t errlen);
int sq_store_schema_version(store *s);
void sq_store_tune(store *s, const struct store_tuning *t);
int sq_store_generate_articles(store *s, size_t count, char *err, size_t errlen);
int sq_store_related_refresh(store *s, h2o_mem_pool_t *pool, int64_t id);
int sq_store_related_rebuild(store *s, h2o_mem_pool_t *pool);
int sq_store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		    int with_facets, struct search_result *out);
int sq_store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *lang, const char *from, const char *to,
			  struct facet **out, size_t *n);
int sq_store_search_upkeep(store *s);
int sq_store_changes_since(store *s, int64_t *since, struct logged_change *out, size_t max, size_t *n);
int sq_store_changes_wait(store *s, int ms);
int sq_store_stamp(store *s, struct store_stamp *out);
int sq_store_down(store *s);
void sq_close(store *s);
/** store_backup and store_restore on a SQLite file (sq_backup.c). */
int sq_store_backup(const char *db_path, const char *to, int overwrite, struct store_copy_report *out,
		    char *err, size_t errlen);
int sq_store_restore(const char *db_path, const char *from, struct store_copy_report *out, char *err,
		     size_t errlen);

/* the SQL pieces the article queries not yet on the seam share (public_db.h has the seam's) */
#define ARTICLE_COLS                                                                                         \
	"a.id, a.slug, a.title, a.summary, a.kind, a.audience, a.published_at, a.updated_at, "               \
	"s.id, s.slug, s.name, IFNULL(c.id, 0), IFNULL(c.slug, ''), IFNULL(c.name, ''), IFNULL(c.year, 0), " \
	"IFNULL(t.id, 0), IFNULL(t.slug, ''), IFNULL(t.name, '') "
#define ARTICLE_JOINS                                                                                        \
	"FROM article a JOIN section s ON s.id = a.section_id LEFT JOIN congress c ON c.id = a.congress_id " \
	"LEFT JOIN trial t ON t.id = a.trial_id "

/* Statements of files other than sqlite.c (whose own are its enum stmt) each own a range of slots below
 * SQ_MORE_STATEMENTS, so two files never prepare different SQL under one slot: sqlite.c 0, 1-39 free
 * (users.c's, now users_db.c on the seam, db.h), 40-129 free (editorial.c's, structure.c's and media.c's, now
 * on the seam), sq_search.c 130-149, sq_related.c 150-159, 160-169 free (sq_generate.c's, now generate_db.c),
 * backup.c 170-175, sq_changes.c 176-183, sq_snippet.c 184-191. Each file asserts its range. */
#define SQ_MORE_STATEMENTS 192

/** Opens the SQLite database at path (store_open's SQLite half, calls.c). */
store *sq_store_open(const char *path, char *err, size_t errlen);

/** Fills one item from the current row. */
typedef void (*row_fill)(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item);

/** The statement of a slot, prepared on first use, reset and unbound. */
sqlite3_stmt *sq_prepare(store *s, int slot, const char *sql);
sqlite3 *sq_db(store *s);
/** sq_search.c's state of the connection: its facts about articles and its buffers (NULL until the first
 * search). */
struct search_state **sq_search_state(store *s);
void sq_search_state_free(struct search_state *x);
/** The tuning store_tune gave the connection (zeros before). */
const struct store_tuning *sq_tuning(store *s);
/** sq_parts.c's helpers of the connection's database (NULL until its first search in parts). */
struct parts **sq_parts_held(store *s);
#define PARTS_CLAIM_MAX 16
/** The helpers a run holds until its release: their connections' buffers stay the caller's to read. */
struct parts_claim {
	struct helper *h[PARTS_CLAIM_MAX];
	size_t n;
};
/** Runs work(s, jobs[0]) on the calling thread and work(h, jobs[i]) for i in 1..n-1 on helper threads, each
 * with its own connection h to the same database (shared by the process's connections, made as first
 * needed), and returns when all are done; a job that finds no helper free runs on the calling thread after
 * its own. The helpers stay the caller's until sq_parts_release(c). */
void sq_parts_run(store *s, size_t n, void (*work)(store *db, void *job), void *const *jobs,
		  struct parts_claim *c);
void sq_parts_release(struct parts_claim *c);
/** The connection stops using its database's helpers; the last one stops them and closes their
 * connections. */
void sq_parts_free(struct parts *p);
/** Watches a new connection's writes for the rows it adds to the change log (sq_changes.c): the state to free
 * with sqlite3_free after closing, or NULL. */
void *sq_changes_watch(sqlite3 *db);
/** Before a COMMIT: the rows of the change log the connection's transaction still holds become its own
 * (sq_changes.c). */
void sq_changes_settle(store *s, void *state);
/** The snippets of the page's hits (out->hits[i].article.id) for an FTS5 match (sq_snippet.c): 0, or -1. A
 * hit matched only in a column the match leaves out keeps a NULL snippet. */
int sq_snippets(store *s, h2o_mem_pool_t *pool, const char *match, struct search_result *out);
/** Registers sq_search.c's ranking function on a new connection: 0, or -1 with why. */
int sq_search_register(store *s, char *why, size_t whylen);
/** Column i as text copied into the pool ("" for NULL). */
const char *sq_col_str(h2o_mem_pool_t *pool, sqlite3_stmt *st, int i);
int64_t sq_col_i64(sqlite3_stmt *st, int i);
void sq_bind_text(sqlite3_stmt *st, int i, const char *v);
/** Logs the error of a statement, resets it, returns -1. */
int sq_step_error(store *s, sqlite3_stmt *st);
/** All rows into a pool array of size-byte items. */
int sq_collect(store *s, h2o_mem_pool_t *pool, sqlite3_stmt *st, size_t size, row_fill fill, void **out,
	       size_t *n);
/** Runs SQL text without parameters (BEGIN, COMMIT, ROLLBACK ...): 0, or -1 after logging the error. */
int sq_run(store *s, const char *sql);
/** Runs a statement that returns no rows: 0, or -1 on error. Reports changes in *changes when not NULL. */
int sq_exec(store *s, sqlite3_stmt *st, int *changes);
/** Prepares a statement kept for the connection's life (n bytes of sql, -1: to its end), trying again when
 * SQLite answers that the schema changed under it: SQLITE_OK, or SQLite's error (db_sqlite.c). */
int sq_prepare_fresh(sqlite3 *db, const char *sql, int n, sqlite3_stmt **st);

/** The 18 leading columns every article query selects (ARTICLE_COLS in sqlite.c). */
void sq_fill_article_cols(h2o_mem_pool_t *pool, sqlite3_stmt *st, struct article *x);

#endif
