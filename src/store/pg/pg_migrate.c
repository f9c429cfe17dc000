/* pg_migrate: the PostgreSQL schema's migrations: the embedded pg/NNN_name.sql files applied in order, and
 * the version they brought the database to. */
#include "store/pg/pg_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "embedded.h"

enum {
	MG_FIRST = 29, /* slots 30-39 belong to pg_migrate.c */
	MG_SCHEMA_VERSION,
	MG_LAST
};
_Static_assert(MG_LAST <= 40, "statement slots 30-39 belong to pg_migrate.c");

/* One number from a query without parameters, or -1. */
static int64_t scalar(PGconn *c, const char *sql)
{
	PGresult *r = PQexec(c, sql);
	int64_t v = r && PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) > 0 ? pg_i64(r, 0, 0) : -1;
	PQclear(r);
	return v;
}

int pg_store_schema_version(store *s)
{
	int64_t v = 0;
	int rc = pg_value(s, MG_SCHEMA_VERSION, "SELECT version FROM schema_version WHERE id = 1", NULL, &v);
	return rc < 0 ? -1 : (int)v;
}

/* Applies the embedded pg/NNN_name.sql migrations newer than the version in schema_version (the one row
 * the runner keeps, as SQLite's PRAGMA user_version), each in its own transaction. Processes opening the
 * database at once wait for each other on an advisory lock, and each reads the version again under it. */
int pg_migrate(PGconn *c, char *err, size_t errlen)
{
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (strncmp(f->name, "pg/", 3) != 0)
			continue;
		int num = atoi(f->name + 3);
		if (num <= 0)
			continue;
		char why[512] = "", set[96];
		if (pg_script(
			c,
			"BEGIN; SELECT pg_advisory_xact_lock(7283514); "
			"CREATE TABLE IF NOT EXISTS schema_version (id integer PRIMARY KEY CHECK (id = 1), "
			"version integer NOT NULL); "
			"INSERT INTO schema_version (id, version) VALUES (1, 0) ON CONFLICT (id) DO NOTHING",
			why, sizeof why) != 0)
			goto fail;
		int64_t have = scalar(c, "SELECT version FROM schema_version WHERE id = 1");
		if (have < 0) {
			snprintf(why, sizeof why, "cannot read the schema version");
			goto fail;
		}
		if (have >= num) {
			pg_script(c, "COMMIT", why, sizeof why);
			continue;
		}
		snprintf(set, sizeof set, "UPDATE schema_version SET version = %d WHERE id = 1", num);
		if (pg_script(c, f->data, why, sizeof why) != 0 || pg_script(c, set, why, sizeof why) != 0 ||
		    pg_script(c, "COMMIT", why, sizeof why) != 0)
			goto fail;
		log_debug("database: applied migration %s", f->name);
		continue;
	fail:
		pg_script(c, "ROLLBACK", set, sizeof set);
		snprintf(err, errlen, "migration %s: %s", f->name, why);
		return -1;
	}
	return 0;
}
