/* save_row: a SQLite record's write and its audit line, for structure.c's saves (the back office's own are on
 * the seam: editorial_db.c, records_db.c). */
#include <stdio.h>
#include <string.h>

#include "store/sqlite_int.h"

enum save_result sq_audit_record(store *s, int64_t user_id, const char *kind, const char *verb, int64_t id,
				 const char *detail)
{
	char target[48], action[48];
	snprintf(target, sizeof target, "%s:%lld", kind, (long long)id);
	snprintf(action, sizeof action, "%s.%s", kind, verb);
	return store_audit(s, user_id, action, target, detail) == 0 ? SAVE_OK : SAVE_ERROR;
}

/* The column a UNIQUE constraint names ("UNIQUE constraint failed: tag.site_id, tag.slug" gives "slug"). */
static const char *unique_column(store *s)
{
	static const char *const known[] = {"slug", "name", "host", "path"};
	const char *msg = sqlite3_errmsg(sq_db(s)), *dot = strrchr(msg, '.');
	for (size_t i = 0; dot && i < sizeof known / sizeof known[0]; i++)
		if (strcmp(dot + 1, known[i]) == 0)
			return known[i];
	return "";
}

enum save_result sq_save_row(store *s, sqlite3_stmt *st, int64_t id, const char *kind, int64_t user_id,
			     const char *detail, int64_t *id_out, const char **taken)
{
	if (taken)
		*taken = "";
	int rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT && sqlite3_extended_errcode(sq_db(s)) == SQLITE_CONSTRAINT_UNIQUE) {
		if (taken)
			*taken = unique_column(s);
		sqlite3_reset(st);
		return SAVE_SLUG_TAKEN;
	}
	if (rc != SQLITE_DONE) {
		sq_step_error(s, st);
		return SAVE_ERROR;
	}
	sqlite3_reset(st);
	if (id && sqlite3_changes(sq_db(s)) == 0)
		return SAVE_NOT_FOUND;
	*id_out = id ? id : sqlite3_last_insert_rowid(sq_db(s));
	return sq_audit_record(s, user_id, kind, id ? "update" : "create", *id_out, detail);
}
