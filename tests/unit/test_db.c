/* test_db: the store's seam (src/store/db.h), each test on SQLite and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/db.h"
#include "store/accounts.h"
#include "store/editorial.h"
#include "store/desk.h"

/* the test's store, its seam and pool (fixture.h opens a fresh migrated database for each) */
static h2o_mem_pool_t pool;
static store *s;
static struct db *d;

/* slots of the seam the tests use, above every domain file's range (db.h) */
enum {
	T_LITERAL = 480,
	T_PARAMS,
	T_NULL,
	T_INSERT,
	T_UPSERT,
	T_COUNT,
	T_BOOL,
	T_NOT_NULL,
	T_FOR_UPDATE,
	T_END
};
_Static_assert(T_END <= DB_SLOTS, "test slots inside the seam's");

static void test_placeholders_written_once(void)
{
	/* a ? inside a text literal or a quoted name is text, not a placeholder; numbered ones bind out of
	 * order */
	struct db_stmt *st = db_prepare(
	    d, T_LITERAL, "SELECT 'a?1b' AS \"x?2\", CAST(?2 AS TEXT) || CAST(?1 AS TEXT), CAST(?1 AS TEXT)");
	db_bind_text(st, 2, "left-");
	db_bind_text(st, 1, "right");
	CHECK(db_step(st) == DB_ROW);
	CHECK_STR(db_col_text(st, &pool, 0), "a?1b");
	CHECK_STR(db_col_text(st, &pool, 1), "left-right");
	CHECK_STR(db_col_text(st, &pool, 2), "right");
	CHECK(db_step(st) == DB_DONE);
	db_reset(st);
	/* a bound value is data: its ? and quotes are neither rewritten nor read as SQL */
	const char *hostile = "?1' OR '1'='1 \"?2";
	st = db_prepare(d, T_LITERAL,
			"SELECT 'a?1b' AS \"x?2\", CAST(?2 AS TEXT) || CAST(?1 AS TEXT), CAST(?1 AS TEXT)");
	db_bind_text(st, 1, hostile);
	db_bind_text(st, 2, "");
	CHECK(db_step(st) == DB_ROW);
	CHECK_STR(db_col_text(st, &pool, 2), hostile);
	db_reset(st);
}

static void test_prepared_once_and_reused(void)
{
	const char *sql = "SELECT CAST(?1 AS BIGINT) + 1, CAST(?2 AS BIGINT)";
	struct db_stmt *first = db_prepare(d, T_PARAMS, sql);
	db_bind_int64(first, 1, (int64_t)1 << 40);
	db_bind_int(first, 2, -7);
	CHECK(db_step(first) == DB_ROW);
	CHECK(db_col_int64(first, 0) == ((int64_t)1 << 40) + 1);
	CHECK(db_col_int(first, 1) == -7);
	/* the same slot again: the same statement, reset and unbound, so it runs with the new values */
	struct db_stmt *again = db_prepare(d, T_PARAMS, sql);
	CHECK(again == first);
	db_bind_int64(again, 1, 41);
	db_bind_int64(again, 2, 0);
	CHECK(db_step(again) == DB_ROW);
	CHECK(db_col_int64(again, 0) == 42);
	db_reset(again);
}

static void test_null_bound_and_read(void)
{
	struct db_stmt *st =
	    db_prepare(d, T_NULL, "SELECT CAST(?1 AS TEXT), COALESCE(CAST(?2 AS TEXT), 'none'), 5");
	db_bind_null(st, 1);
	db_bind_text(st, 2, NULL);
	CHECK(db_step(st) == DB_ROW);
	CHECK(db_col_null(st, 0));
	CHECK_STR(db_col_text(st, &pool, 0), ""); /* NULL reads as "" */
	CHECK(db_col_int64(st, 0) == 0);
	CHECK_STR(db_col_text(st, &pool, 1), "none");
	CHECK(!db_col_null(st, 2));
	db_reset(st);
}

static void test_booleans_read_as_numbers(void)
{
	struct db_stmt *st = db_prepare(d, T_BOOL, "SELECT 1 = 1, 1 = 2, CAST(?1 AS TEXT) IS NULL");
	db_bind_null(st, 1);
	CHECK(db_step(st) == DB_ROW);
	CHECK(db_col_int(st, 0) == 1);
	CHECK(db_col_int(st, 1) == 0);
	CHECK(db_col_int(st, 2) == 1);
	db_reset(st);
}

static int64_t rows_in_t(void)
{
	struct db_stmt *st = db_prepare(d, T_COUNT, "SELECT count(*) FROM seam_t");
	if (db_step(st) != DB_ROW)
		return -1;
	int64_t n = db_col_int64(st, 0);
	db_reset(st);
	return n;
}

/* The test table, with one row ("one", 11) when one_row. */
static void make_t(int one_row)
{
	CHECK(db_run(d, "CREATE TEMPORARY TABLE seam_t (k TEXT NOT NULL UNIQUE, v BIGINT)") == 0);
	if (one_row)
		CHECK(db_run(d, "INSERT INTO seam_t (k, v) VALUES ('one', 11)") == 0);
}

static void test_returning_and_unique_violation(void)
{
	make_t(0);
	const char *ins = "INSERT INTO seam_t (k, v) VALUES (?1, ?2) RETURNING v";
	struct db_stmt *st = db_prepare(d, T_INSERT, ins);
	db_bind_text(st, 1, "one");
	db_bind_int64(st, 2, 11);
	int64_t id = 0;
	CHECK(db_exec_id(st, &id) == 1);
	CHECK(id == 11);
	/* the same key again: an error, and the seam says it was a unique violation */
	st = db_prepare(d, T_INSERT, ins);
	db_bind_text(st, 1, "one");
	db_bind_int64(st, 2, 12);
	CHECK(db_exec_id(st, &id) == -1);
	CHECK(db_unique_violation(d));
	/* another failure (NOT NULL) is not one */
	st = db_prepare(d, T_NOT_NULL, "INSERT INTO seam_t (k, v) VALUES (?1, 1)");
	db_bind_null(st, 1);
	CHECK(db_exec(st, NULL) == -1);
	CHECK(!db_unique_violation(d));
	/* DO NOTHING on a taken key: no row returned, 0 */
	st = db_prepare(d, T_UPSERT,
			"INSERT INTO seam_t (k, v) VALUES (?1, ?2) ON CONFLICT DO NOTHING RETURNING v");
	db_bind_text(st, 1, "one");
	db_bind_int64(st, 2, 13);
	id = -5;
	CHECK(db_exec_id(st, &id) == 0);
	CHECK(id == -5);
	CHECK(rows_in_t() == 1);
}

static void test_transactions(void)
{
	make_t(1);
	CHECK(db_begin(d) == 0);
	struct db_stmt *st = db_prepare(d, T_INSERT, "INSERT INTO seam_t (k, v) VALUES (?1, ?2) RETURNING v");
	db_bind_text(st, 1, "two");
	db_bind_int64(st, 2, 2);
	int64_t v;
	CHECK(db_exec_id(st, &v) == 1);
	CHECK(db_rollback(d) == 0);
	CHECK(rows_in_t() == 1);

	CHECK(db_begin(d) == 0);
	st = db_prepare(d, T_INSERT, "INSERT INTO seam_t (k, v) VALUES (?1, ?2) RETURNING v");
	db_bind_text(st, 1, "two");
	db_bind_int64(st, 2, 2);
	CHECK(db_exec_id(st, &v) == 1);
	int changes = -1;
	st = db_prepare(d, T_UPSERT,
			"INSERT INTO seam_t (k, v) VALUES (?1, ?2) ON CONFLICT DO NOTHING RETURNING v");
	db_bind_text(st, 1, "three");
	db_bind_int64(st, 2, 3);
	CHECK(db_exec(st, &changes) == 0);
	CHECK(changes == 1);
	CHECK(db_commit(d) == 0);
	CHECK(rows_in_t() == 3);

	/* a transaction in which a statement failed: whatever COMMIT answers (PostgreSQL: -1, it rolled
	 * back), the connection is left outside any transaction, so the next one begins */
	CHECK(db_begin(d) == 0);
	st = db_prepare(d, T_INSERT, "INSERT INTO seam_t (k, v) VALUES (?1, ?2) RETURNING v");
	db_bind_text(st, 1, "one");
	db_bind_int64(st, 2, 1);
	CHECK(db_exec_id(st, &v) == -1);
	db_commit(d);
	CHECK(db_begin(d) == 0);
	CHECK(db_rollback(d) == 0);
}

static void insert_t(const char *k, int64_t v)
{
	struct db_stmt *st = db_prepare(d, T_INSERT, "INSERT INTO seam_t (k, v) VALUES (?1, ?2) RETURNING v");
	db_bind_text(st, 1, k);
	db_bind_int64(st, 2, v);
	int64_t got = 0;
	CHECK(db_exec_id(st, &got) == 1);
}

static void test_nested_transactions(void)
{
	make_t(1);
	/* a batch holds the outer transaction: an inner one that fails undoes only its own rows, and the
	 * batch's rollback undoes every inner one that committed */
	CHECK(store_batch_begin(s) == 0);
	insert_t("two", 2);
	CHECK(db_begin(d) == 0);
	insert_t("three", 3);
	CHECK(db_commit(d) == 0);
	CHECK(db_begin(d) == 0);
	insert_t("four", 4);
	struct db_stmt *st = db_prepare(d, T_INSERT, "INSERT INTO seam_t (k, v) VALUES (?1, ?2) RETURNING v");
	db_bind_text(st, 1, "one"); /* taken: the statement fails (PostgreSQL spoils the savepoint) */
	db_bind_int64(st, 2, 1);
	int64_t v;
	CHECK(db_exec_id(st, &v) == -1);
	CHECK(db_rollback(d) == 0);
	CHECK(rows_in_t() == 3); /* one, two, three: the batch goes on after its inner failure */
	CHECK(store_batch_end(s, 0) == 0);
	CHECK(rows_in_t() == 1);
	/* committed, the batch keeps them all */
	CHECK(store_batch_begin(s) == 0);
	CHECK(db_begin(d) == 0);
	insert_t("five", 5);
	CHECK(db_commit(d) == 0);
	CHECK(store_batch_end(s, 1) == 0);
	CHECK(rows_in_t() == 2);
	/* and the connection is outside any transaction again */
	CHECK(db_begin(d) == 0);
	CHECK(db_rollback(d) == 0);
}

static void test_users_written_once(void)
{
	/* the domain moved onto the seam, through the store's own functions */
	struct user u = {
	    .email = "Seam@Example.org", .password_hash = "h", .name = "S", .profession = "physician"};
	int64_t id = store_user_create(s, &u, 1);
	CHECK(id > 0);
	struct user twin = u;
	twin.email = "seam@example.ORG"; /* the same address in another case: taken */
	CHECK(store_user_create(s, &twin, 0) == 0);
	struct user got;
	CHECK(store_user_by_email(s, &pool, "seam@example.org", &got) == 1);
	CHECK(got.id == id);
	CHECK(got.email_verified == 1);
	CHECK_STR(got.role, "reader");
	CHECK(store_user_totp_step(s, id, 10) == 1);
	CHECK(store_user_totp_step(s, id, 10) == 0); /* a step is used once */
	const char *codes[] = {"c1", "c2"};
	CHECK(store_recovery_replace(s, id, codes, 2) == 0);
	CHECK(store_recovery_use(s, id, "c2") == 1);
	CHECK(store_recovery_use(s, id, "c2") == 0);
	struct attempt_rule rule = {.window = 60, .grace = 1, .cap = 2};
	int wait = -1;
	CHECK(store_attempt_take(s, "seam", "x", &rule, &wait) == 1);
	/* past grace, under cap, but the delay since the last (1 s) has not passed: refused, with a wait */
	CHECK(store_attempt_take(s, "seam", "x", &rule, &wait) == 0);
	CHECK(wait >= 1);
}

static void test_locks(void)
{
	make_t(0);
	CHECK(db_run(d, "INSERT INTO seam_t (k, v) VALUES ('three', 3)") == 0);
	/* an advisory lock and a row lock in a write transaction: held, and the rows read */
	CHECK(db_begin(d) == 0);
	CHECK(db_xact_lock(d, 4242, 1) == 1);
	CHECK(db_xact_lock(d, 4242, 0) == 1); /* held already by this transaction */
	struct db_stmt *st = db_prepare(d, T_FOR_UPDATE, "SELECT v FROM seam_t WHERE k = ?1 FOR UPDATE");
	db_bind_text(st, 1, "three");
	CHECK(db_step(st) == DB_ROW);
	CHECK(db_col_int64(st, 0) == 3);
	CHECK(db_step(st) == DB_DONE);
	db_reset(st);
	CHECK(db_commit(d) == 0);
}

/* PostgreSQL only (SQLite's second writer waits at its BEGIN): another connection's lock is not held here
 * until that transaction ends. */
static const char *seam_where; /* the test database, for a second connection */
static void test_lock_held_elsewhere(void)
{
	char err[256];
	store *other = store_open(seam_where, err, sizeof err);
	CHECK(other != NULL);
	if (!other)
		return;
	struct db *o = db_of(other);
	CHECK(db_begin(o) == 0);
	CHECK(db_xact_lock(o, 4243, 1) == 1);
	CHECK(db_begin(d) == 0);
	CHECK(db_xact_lock(d, 4243, 0) == 0);
	CHECK(db_xact_lock(d, 4244, 0) == 1); /* another key is free */
	CHECK(db_commit(o) == 0);
	CHECK(db_xact_lock(d, 4243, 0) == 1);
	CHECK(db_commit(d) == 0);
	store_close(other);
}

static void test_editorial_written_once(void)
{
	/* a record and its audit line are one: when the audit line cannot be written (its author is no
	 * account), the record is not saved either */
	struct person p = {.slug = "seam-person", .name = "Seam Person", .title = "", .affiliation = "x"};
	int64_t id = 0;
	CHECK(store_person_save(s, &p, "bio", 987654321, &id) == SAVE_ERROR);
	CHECK(store_person_save(s, &p, "bio", 0, &id) == SAVE_OK);
	const char *bio = NULL;
	struct person got;
	CHECK(store_person_by_id(s, &pool, id, &got, &bio) == 1);
	CHECK_STR(got.slug, "seam-person");
	CHECK_STR(bio, "bio");
	CHECK(store_person_save(s, &p, "again", 0, &id) == SAVE_SLUG_TAKEN);
	struct audit_entry *log;
	size_t n = 0;
	CHECK(store_audit_list(s, &pool, 1, &log, &n) == 0 && n == 1);
	CHECK_STR(log[0].action, "person.create");
}

/* Runs a test of the seam on the fixture's store. */
static void (*seam_test)(void);
static void on_seam(struct fx *f)
{
	s = f->s;
	d = db_of(s);
	seam_where = f->where;
	h2o_mem_init_pool(&pool);
	seam_test();
	h2o_mem_clear_pool(&pool);
}

#define SEAM_ON(engines, name, fn)                                                                           \
	do {                                                                                                 \
		seam_test = fn;                                                                              \
		fx_run_on(engines, name, FX_EMPTY, on_seam);                                                 \
	} while (0)
#define SEAM(name, fn) SEAM_ON(FX_BOTH, name, fn)

int main(void)
{
	SEAM("placeholders written once", test_placeholders_written_once);
	SEAM("statement prepared once and reused", test_prepared_once_and_reused);
	SEAM("NULL bound and read", test_null_bound_and_read);
	SEAM("booleans read as numbers", test_booleans_read_as_numbers);
	SEAM("RETURNING and unique violation", test_returning_and_unique_violation);
	SEAM("transactions", test_transactions);
	SEAM("transactions nested in a batch", test_nested_transactions);
	SEAM("users written once", test_users_written_once);
	SEAM("locks and FOR UPDATE", test_locks);
	SEAM("editorial written once: record and audit line are one", test_editorial_written_once);
	SEAM_ON(FX_ON(FX_PG), "a lock held by another connection", test_lock_held_elsewhere);
	fx_done();
	return unit_done("test_db");
}
