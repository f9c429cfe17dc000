/* copy: backup and restore of the whole database (sq_backup.c, pg_backup.c) */
#ifndef PLENARY_STORE_COPY_H
#define PLENARY_STORE_COPY_H

#include "store/store.h"

/* ---- backup and restore (calls.c: sqlite/sq_backup.c or pg/pg_backup.c; backup.c: what both share) ---- */

/** What a backup or a restore did. */
struct store_copy_report {
	int64_t bytes;	    /* the size of the backup file */
	int schema_version; /* of the backup written; after a restore, of the live database once migrated */
	int from_version;   /* restore: the schema version of the backup before migrations */
	int64_t articles;   /* in the backup written, or in the live database after a restore */
	int64_t epoch;	    /* restore: the live database's new content epoch */
};

/** Copies the database at db_path into the file `to` with SQLite's online backup API, 256 pages
 * at a time from one snapshot, so a server using the database keeps reading and writing meanwhile. The copy
 * goes into a temporary file beside `to` (mode 0600), is checked (quick_check, a Plenary schema) and made one
 * self-contained file, and only then renamed to `to`: a failed backup leaves no file. An existing `to` is
 * refused unless overwrite; the database itself always is. Never creates or migrates db_path. 0 with *out, or
 * -1 with why in err. */
int store_backup(const char *db_path, const char *to, int overwrite, struct store_copy_report *out, char *err,
		 size_t errlen);
/** Replaces the whole content of the database at db_path (created when missing) with the backup `from`. The
 * backup is checked first (integrity_check, an article table, a schema version not newer than this binary's);
 * a refused file leaves the database untouched. The copy is one write transaction with the online backup API,
 * so a running server keeps its snapshot until the commit. Then the migrations run (an older backup is
 * upgraded) and the content epoch is set above both the old and the backup's, so a running server drops its
 * cached pages. 0 with *out, or -1 with why in err. */
int store_restore(const char *db_path, const char *from, struct store_copy_report *out, char *err,
		  size_t errlen);

#endif
