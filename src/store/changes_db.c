/* changes_db: what both engines' change log readers share, on the seam (db.h): where the log ends and its
 * pruning. Telling other processes' rows from this one's (SQLite's commit hook, PostgreSQL's node name) and
 * waiting for them (LISTEN/NOTIFY) differ: sq_changes.c and pg_changes.c. */
#include "store/db.h"
#include "store/changes.h"

enum {
	C_NEWEST = 360, /* slots 360-379 of the seam belong to changes_db.c */
	C_PRUNE,
	C_LAST
};
_Static_assert(C_LAST <= 380, "changes_db.c owns the seam's statement slots 360 to 379");

int db_changes_newest(store *s, int64_t *seq)
{
	struct db_stmt *st = db_prepare(db_of(s), C_NEWEST, "SELECT COALESCE(max(seq), 0) FROM change_log");
	if (db_step(st) != DB_ROW)
		return -1;
	*seq = db_col_int64(st, 0);
	db_reset(st);
	return 0;
}

int store_changes_prune(store *s, int64_t before)
{
	struct db_stmt *st = db_prepare(db_of(s), C_PRUNE, "DELETE FROM change_log WHERE at < ?1");
	db_bind_int64(st, 1, before);
	return db_exec(st, NULL);
}
