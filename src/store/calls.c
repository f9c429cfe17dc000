/* calls: the store functions whose body differs by engine, each passed on to the open engine's; store_open
 * picks the engine. */
#include <stdio.h>
#include <string.h>

#include "store/backend.h"
#include "store/pg/pg_int.h"
#include "store/sqlite/sqlite_int.h"
#include "store/structure.h"
#include "store/search.h"
#include "store/changes.h"
#include "store/copy.h"

#define PG(s) (((const struct store_head *)(const void *)(s))->engine == STORE_PG)

int store_load_demo(store *s, char *err, size_t errlen)
{
	return PG(s) ? pg_store_load_demo(s, err, errlen) : sq_store_load_demo(s, err, errlen);
}

int store_schema_version(store *s)
{
	return PG(s) ? pg_store_schema_version(s) : sq_store_schema_version(s);
}

void store_tune(store *s, const struct store_tuning *t)
{
	if (PG(s))
		pg_store_tune(s, t);
	else
		sq_store_tune(s, t);
}

int store_generate_articles(store *s, size_t count, char *err, size_t errlen)
{
	return PG(s) ? pg_store_generate_articles(s, count, err, errlen)
		     : sq_store_generate_articles(s, count, err, errlen);
}

int store_related_refresh(store *s, h2o_mem_pool_t *pool, int64_t id)
{
	return PG(s) ? pg_store_related_refresh(s, pool, id) : sq_store_related_refresh(s, pool, id);
}

int store_related_rebuild(store *s, h2o_mem_pool_t *pool)
{
	return PG(s) ? pg_store_related_rebuild(s, pool) : sq_store_related_rebuild(s, pool);
}

int store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		 int with_facets, struct search_result *out)
{
	/* one timing for the search's statements (SQLite's run outside the seam) */
	int64_t t0 = store_time_begin(s);
	int rc = PG(s) ? pg_store_search(s, pool, q, offset, limit, with_facets, out)
		       : sq_store_search(s, pool, q, offset, limit, with_facets, out);
	store_time_end(s, t0, 1);
	return rc;
}

int store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *lang, const char *from, const char *to,
		       struct facet **out, size_t *n)
{
	return PG(s) ? pg_store_search_vocab(s, pool, lang, from, to, out, n)
		     : sq_store_search_vocab(s, pool, lang, from, to, out, n);
}

int store_search_upkeep(store *s)
{
	return PG(s) ? pg_store_search_upkeep(s) : sq_store_search_upkeep(s);
}

int store_changes_since(store *s, int64_t *since, struct logged_change *out, size_t max, size_t *n)
{
	return PG(s) ? pg_store_changes_since(s, since, out, max, n)
		     : sq_store_changes_since(s, since, out, max, n);
}

int store_changes_wait(store *s, int ms)
{
	return PG(s) ? pg_store_changes_wait(s, ms) : sq_store_changes_wait(s, ms);
}

int store_stamp(store *s, struct store_stamp *out)
{
	return PG(s) ? pg_store_stamp(s, out) : sq_store_stamp(s, out);
}

int store_down(store *s)
{
	return PG(s) ? pg_store_down(s) : sq_store_down(s);
}

/* 1 when the database setting names a PostgreSQL database; else it is a SQLite file, whose leading "sqlite:"
 * *path loses. */
static int names_pg(const char **path)
{
	if (strncmp(*path, "postgresql://", 13) == 0 || strncmp(*path, "postgres://", 11) == 0)
		return 1;
	if (strncmp(*path, "sqlite:", 7) == 0)
		*path += 7;
	return 0;
}

store *store_open(const char *path, char *err, size_t errlen)
{
	store *s = names_pg(&path) ? pg_store_open(path, err, errlen) : sq_store_open(path, err, errlen);
	if (s)
		store_counts_open(s);
	return s;
}

int store_backup(const char *db_path, const char *to, int overwrite, struct store_copy_report *out, char *err,
		 size_t errlen)
{
	return names_pg(&db_path) ? pg_store_backup(db_path, to, overwrite, out, err, errlen)
				  : sq_store_backup(db_path, to, overwrite, out, err, errlen);
}

int store_restore(const char *db_path, const char *from, struct store_copy_report *out, char *err,
		  size_t errlen)
{
	return names_pg(&db_path) ? pg_store_restore(db_path, from, out, err, errlen)
				  : sq_store_restore(db_path, from, out, err, errlen);
}

const char *store_display(const char *path, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s", path);
	if (strncmp(path, "postgresql://", 13) != 0 && strncmp(path, "postgres://", 11) != 0)
		return out;
	/* scheme://user:password@host...: the password is what lies between the first ':' and the last '@' of
	 * the authority */
	const char *auth = strstr(path, "://") + 3;
	size_t authlen = strcspn(auth, "/?");
	const char *at = NULL;
	for (const char *c = auth; c < auth + authlen; c++)
		if (*c == '@')
			at = c;
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon)
		snprintf(out, outlen, "%.*s:***%s", (int)(colon - path), path, at);
	return out;
}

void store_close(store *s)
{
	if (s)
		store_counts_close(s);
	if (s && PG(s))
		pg_close(s);
	else if (s)
		sq_close(s);
}
