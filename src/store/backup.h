/* backup: what both backends' `plenary backup` do with the file it writes (backup.c): check the target, write
 * a temporary file beside it, put that in its place. Not for outside src/store. */
#ifndef PLENARY_BACKUP_H
#define PLENARY_BACKUP_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#include "store/store.h"
#include "store/copy.h"

/** Checks the file a backup goes to: 0 when it may be written (it does not exist; or it is a regular file,
 * overwrite is set and it is not db, the database's own file, when db is not NULL), else -1 with why. */
int backup_target_check(const char *to, int overwrite, const struct stat *db, char *err, size_t errlen);
/** Makes the temporary file beside to that the backup is written into: new, readable by its owner only (it
 * holds password hashes and secrets). 0 with its path in tmp, or -1 with why. */
int backup_temp_make(const char *to, char *tmp, size_t tmplen, char *err, size_t errlen);
/** Refuses a database or backup (name, for the message) of a schema newer than this binary's newest
 * migration among the embedded files under `migrations` ("" for SQLite's, "pg/" for PostgreSQL's): 0, or
 * -1 with why. */
int backup_schema_check(const char *name, int64_t version, const char *migrations, char *err, size_t errlen);
/** Puts the finished temporary file in to's place, durably (the file synced, renamed, its folder synced), and
 * reports its size in out->bytes: 0, or -1 with why (tmp is then the caller's to remove). */
int backup_temp_keep(const char *tmp, const char *to, struct store_copy_report *out, char *err,
		     size_t errlen);

#endif
