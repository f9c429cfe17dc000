/* sq_backup: `plenary backup` and `plenary restore` on SQLite: whole-database copies with SQLite's online
 * backup API, checked before they are kept. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "embedded.h"
#include "store/backup.h"
#include "store/sqlite/sq_stem.h"
#include "store/sqlite/sqlite_int.h"
#include "store/copy.h"

enum {
	B_FIRST = 170, /* slots 170-175 belong to sq_backup.c */
	B_EPOCH_SET,
	B_ARTICLES,
	B_LAST
};
_Static_assert(B_LAST <= 176, "statement slots 170-175 belong to sq_backup.c");
_Static_assert(B_LAST <= SQ_MORE_STATEMENTS, "statement slots");

/* Pages copied per sqlite3_backup_step, 1 MiB with 4 KiB pages; what each copy holds meanwhile is said where
 * it starts (backup_into, store_restore). */
#define PAGES_PER_STEP 256
/* How often a step that found a database locked is tried again, BUSY_PAUSE_MS apart; each try already waited
 * for the connection's busy timeout (5 s). */
#define BUSY_TRIES 4
#define BUSY_PAUSE_MS 100

/* The first column of the first row of sql as an integer: SQLITE_ROW with *out, SQLITE_DONE when no row, or
 * an error code (sqlite3_errmsg tells). */
static int scalar(sqlite3 *db, const char *sql, int64_t *out)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc;
}

/* 1 when the database has a table of that name, 0 when not, -1 on error. */
static int has_table(sqlite3 *db, const char *name)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), found = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) > 0 : -1;
	sqlite3_finalize(st);
	return found;
}

/* The content epoch (0 when the database predates it or cannot tell). */
static int64_t epoch_of(sqlite3 *db)
{
	int64_t epoch = 0;
	if (has_table(db, "content_version") == 1)
		scalar(db, "SELECT epoch FROM content_version WHERE id = 1", &epoch);
	return epoch;
}

/* Why a database cannot be used, from the code of the call that failed. */
static void say_unreadable(sqlite3 *db, int rc, const char *path, char *err, size_t errlen)
{
	if (rc == SQLITE_NOTADB)
		snprintf(err, errlen, "%s is not a SQLite database", path);
	else if (rc == SQLITE_CORRUPT)
		snprintf(err, errlen, "%s is damaged: %s", path, sqlite3_errmsg(db));
	else
		snprintf(err, errlen, "%s: %s", path, sqlite3_errmsg(db));
}

/* Runs PRAGMA integrity_check (full when `full`, else quick_check): 0 when it says ok, else -1 with the first
 * problem it names. */
static int check_integrity(sqlite3 *db, const char *path, int full, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, full ? "PRAGMA integrity_check(1)" : "PRAGMA quick_check(1)", -1, &st,
				    NULL);
	if (rc != SQLITE_OK) {
		say_unreadable(db, rc, path, err, errlen);
		return -1;
	}
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		say_unreadable(db, rc, path, err, errlen);
		sqlite3_finalize(st);
		return -1;
	}
	const char *first = (const char *)sqlite3_column_text(st, 0);
	int ok = first && strcmp(first, "ok") == 0;
	if (!ok) {
		/* the first problem named, without the "*** in database main ***" line before it */
		const char *what = first ? first : "the integrity check failed";
		if (strncmp(what, "***", 3) == 0 && strchr(what, '\n'))
			what = strchr(what, '\n') + 1;
		snprintf(err, errlen, "%s is damaged: %.*s", path, (int)strcspn(what, "\n"), what);
	}
	sqlite3_finalize(st);
	return ok ? 0 : -1;
}

/* Checks a database is whole and made by Plenary with a schema this binary knows; fills its schema version
 * and article count. 0, or -1 with why. */
static int check_plenary(sqlite3 *db, const char *path, int full, struct store_copy_report *out, char *err,
			 size_t errlen)
{
	if (check_integrity(db, path, full, err, errlen) != 0)
		return -1;
	int found = has_table(db, "article");
	if (found != 1) {
		if (found < 0)
			say_unreadable(db, sqlite3_errcode(db), path, err, errlen);
		else
			snprintf(err, errlen, "%s is not a Plenary database (it has no article table)", path);
		return -1;
	}
	int64_t version = 0, articles = 0;
	int rc = scalar(db, "PRAGMA user_version", &version);
	if (rc == SQLITE_ROW)
		rc = scalar(db, "SELECT count(*) FROM article", &articles);
	if (rc != SQLITE_ROW) {
		say_unreadable(db, rc, path, err, errlen);
		return -1;
	}
	if (version < 1) {
		snprintf(err, errlen, "%s is not a Plenary database (schema version %lld)", path,
			 (long long)version);
		return -1;
	}
	if (backup_schema_check(path, version, "", err, errlen) != 0)
		return -1;
	out->schema_version = (int)version;
	out->articles = articles;
	return 0;
}

/* Copies src into dst, PAGES_PER_STEP at a time; a step that finds a lock is retried. 0, or -1 with why. */
static int copy_pages(sqlite3 *dst, const char *dst_path, sqlite3 *src, const char *src_path, char *err,
		      size_t errlen)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		snprintf(err, errlen, "%s: %s", dst_path, sqlite3_errmsg(dst));
		return -1;
	}
	int rc, tries = 0;
	do {
		rc = sqlite3_backup_step(b, PAGES_PER_STEP);
		if ((rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && ++tries < BUSY_TRIES) {
			sqlite3_sleep(BUSY_PAUSE_MS);
			rc = SQLITE_OK;
		}
	} while (rc == SQLITE_OK);
	/* finish rolls back the destination's write transaction when the copy did not end */
	int fin = sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE || fin != SQLITE_OK) {
		int code = rc != SQLITE_DONE ? rc : fin;
		if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
			snprintf(err, errlen,
				 "copying %s into %s: another connection kept it locked; try again", src_path,
				 dst_path);
		else
			snprintf(err, errlen, "copying %s into %s: %s", src_path, dst_path,
				 sqlite3_errstr(code));
		return -1;
	}
	return 0;
}

/* Removes a temporary copy and whatever SQLite left beside it. */
static void remove_copy(const char *path)
{
	char side[PATH_MAX + 16];
	unlink(path);
	snprintf(side, sizeof side, "%s-journal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* Opens a database file that must exist; 0, or -1 with why. */
static int open_existing(const char *path, int flags, sqlite3 **db, char *err, size_t errlen)
{
	if (sqlite3_open_v2(path, db, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, *db ? sqlite3_errmsg(*db) : "cannot open");
		return -1;
	}
	sqlite3_busy_timeout(*db, 5000);
	/* article_search (031) can be read only with its tokenizer */
	if (sq_stem_register(*db) != SQLITE_OK) {
		snprintf(err, errlen, "%s: cannot register the search tokenizer", path);
		return -1;
	}
	return 0;
}

/* The copy itself: src_path (open as src) into the new file tmp, then made a self-contained file (rollback
 * journal, not WAL) and checked. */
static int backup_into(sqlite3 *src, const char *src_path, const char *tmp, const char *to,
		       struct store_copy_report *out, char *err, size_t errlen)
{
	/* In WAL mode one read transaction held across the steps gives one consistent snapshot (no restart
	 * when the server writes) and blocks no writer; the WAL only grows until the copy ends. */
	char mode[16] = "";
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(src, "PRAGMA journal_mode", -1, &st, NULL);
	if (rc == SQLITE_OK) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
			snprintf(mode, sizeof mode, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	}
	if (rc != SQLITE_ROW) {
		say_unreadable(src, rc, src_path, err, errlen);
		return -1;
	}
	int snapshot = strcmp(mode, "wal") == 0;
	int64_t tables = 0;
	if (snapshot && (sqlite3_exec(src, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
			 (rc = scalar(src, "SELECT count(*) FROM sqlite_master", &tables)) != SQLITE_ROW)) {
		say_unreadable(src, sqlite3_errcode(src), src_path, err, errlen);
		sqlite3_exec(src, "ROLLBACK", NULL, NULL, NULL);
		return -1;
	}
	sqlite3 *dst = NULL;
	if (open_existing(tmp, SQLITE_OPEN_READWRITE, &dst, err, errlen) != 0) {
		sqlite3_close(dst);
		return -1;
	}
	rc = copy_pages(dst, tmp, src, src_path, err, errlen);
	if (snapshot)
		sqlite3_exec(src, "COMMIT", NULL, NULL, NULL);
	if (rc == 0) {
		/* the copied header says WAL; read once so the connection sees it, then turn the copy back
		 * into one file that needs no -wal beside it */
		int64_t ignored;
		if (scalar(dst, "SELECT count(*) FROM sqlite_master", &ignored) != SQLITE_ROW ||
		    sqlite3_exec(dst, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL) != SQLITE_OK) {
			snprintf(err, errlen, "%s: %s", to, sqlite3_errmsg(dst));
			rc = -1;
		}
	}
	if (rc == 0)
		rc = check_plenary(dst, src_path, 0, out, err, errlen);
	if (sqlite3_close(dst) != SQLITE_OK && rc == 0) {
		snprintf(err, errlen, "%s: cannot close the copy", to);
		rc = -1;
	}
	return rc;
}

int sq_store_backup(const char *db_path, const char *to, int overwrite, struct store_copy_report *out,
		    char *err, size_t errlen)
{
	struct stat db_st;
	memset(out, 0, sizeof *out);
	if (stat(db_path, &db_st) != 0) {
		if (errno == ENOENT)
			snprintf(err, errlen, "database %s does not exist", db_path);
		else
			snprintf(err, errlen, "database %s: %s", db_path, strerror(errno));
		return -1;
	}
	if (!S_ISREG(db_st.st_mode)) {
		snprintf(err, errlen, "database %s is not a file", db_path);
		return -1;
	}
	char tmp[PATH_MAX];
	if (backup_target_check(to, overwrite, &db_st, err, errlen) != 0 ||
	    backup_temp_make(to, tmp, sizeof tmp, err, errlen) != 0)
		return -1;
	sqlite3 *src = NULL;
	int rc = open_existing(db_path, SQLITE_OPEN_READWRITE, &src, err, errlen);
	if (rc == 0)
		rc = backup_into(src, db_path, tmp, to, out, err, errlen);
	sqlite3_close(src);
	if (rc == 0)
		rc = backup_temp_keep(tmp, to, out, err, errlen);
	if (rc != 0) {
		remove_copy(tmp);
		return -1;
	}
	return 0;
}

/* ---- a backup's target file, on both backends (backup.h) ---- */

/* After the copy: migrations (an older backup is upgraded) and a new epoch, so a running server drops every
 * page and fact it keeps and reads the restored content. */
static int restore_finish(const char *db_path, int64_t epoch, struct store_copy_report *out, char *err,
			  size_t errlen)
{
	char why[512];
	store *s = store_open(db_path, why, sizeof why);
	if (!s) {
		snprintf(err, errlen, "restored, but the schema could not be brought up to date: %s", why);
		return -1;
	}
	sqlite3_stmt *st = sq_prepare(s, B_EPOCH_SET, "UPDATE content_version SET epoch = ?1 WHERE id = 1");
	sqlite3_bind_int64(st, 1, epoch);
	int rc = sq_exec(s, st, NULL);
	st = sq_prepare(s, B_ARTICLES, "SELECT count(*) FROM article");
	if (rc == 0 && sqlite3_step(st) == SQLITE_ROW)
		out->articles = sqlite3_column_int64(st, 0);
	else
		rc = -1;
	sqlite3_reset(st);
	out->schema_version = store_schema_version(s);
	out->epoch = epoch;
	store_close(s);
	if (rc != 0)
		snprintf(err, errlen,
			 "restored, but the new content epoch could not be written (a running server "
			 "may keep showing old pages until it restarts)");
	return rc;
}

int sq_store_restore(const char *db_path, const char *from, struct store_copy_report *out, char *err,
		     size_t errlen)
{
	struct stat from_st, db_st;
	memset(out, 0, sizeof *out);
	if (stat(from, &from_st) != 0) {
		snprintf(err, errlen, "backup %s: %s", from, strerror(errno));
		return -1;
	}
	if (!S_ISREG(from_st.st_mode)) {
		snprintf(err, errlen, "%s is not a file", from);
		return -1;
	}
	int existed = stat(db_path, &db_st) == 0;
	if (existed && db_st.st_dev == from_st.st_dev && db_st.st_ino == from_st.st_ino) {
		snprintf(err, errlen, "%s is the database itself", from);
		return -1;
	}
	out->bytes = (int64_t)from_st.st_size;
	/* every check on the backup comes before the live database is opened, so a refused file leaves it as
	 * it was (and does not create it) */
	sqlite3 *src = NULL, *dst = NULL;
	int rc = open_existing(from, SQLITE_OPEN_READONLY, &src, err, errlen);
	if (rc == 0)
		rc = check_plenary(src, from, 1, out, err, errlen);
	out->from_version = out->schema_version;
	int64_t restored_epoch = rc == 0 ? epoch_of(src) : 0, before = 0;
	if (rc == 0)
		rc = open_existing(db_path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, &dst, err, errlen);
	if (rc == 0) {
		before = existed ? epoch_of(dst) : 0;
		/* the whole copy is one write transaction on the live database: in WAL mode its readers (a
		 * running server) keep their snapshot until it commits, its writers wait */
		rc = copy_pages(dst, db_path, src, from, err, errlen);
	}
	sqlite3_close(dst);
	sqlite3_close(src);
	if (rc != 0)
		return -1;
	return restore_finish(db_path, (before > restored_epoch ? before : restored_epoch) + 1, out, err,
			      errlen);
}
