/* redirects_db: each site's redirects from old addresses (022), added with chains collapsed, found, listed,
 * edited and deleted with their audit lines, written once on the seam (db.h). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/db.h"
#include "store/redirects.h"

enum {
	S_REDIRECT_FIND = 512, /* slots 512-543 of the seam belong to redirects_db.c */
	S_REDIRECT_MATCH,
	S_REDIRECT_UPSERT,
	S_REDIRECT_RETARGET,
	S_REDIRECT_DROP_FROM,
	S_REDIRECT_LIST,
	S_REDIRECT_COUNT,
	S_REDIRECT_ONE,
	S_REDIRECT_UPDATE,
	S_REDIRECT_DELETE,
	S_END
};
_Static_assert(S_END <= 544, "redirects_db.c owns the seam's statement slots 512 to 543");

/* One lock a site (this number plus its id): writers of its redirects take turns, so a chain collapsed by
 * one is not extended by another at the same time on another node. */
#define REDIRECT_LOCK 7284300000LL

#define REDIRECT_COLS "SELECT id, site_id, from_path, to_path, source, created_at, updated_at FROM redirect "

static void fill_redirect(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct redirect *x = item;
	x->id = db_col_int64(st, 0);
	x->site_id = db_col_int64(st, 1);
	x->from_path = db_col_text(st, pool, 2);
	x->to_path = db_col_text(st, pool, 3);
	x->source = db_col_text(st, pool, 4);
	x->created_at = db_col_int64(st, 5);
	x->updated_at = db_col_int64(st, 6);
}

static void fill_text(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	*(const char **)item = db_col_text(st, pool, 0);
}

/* Begins a transaction (a savepoint inside a batch) under the site's lock: 0, or -1 with none left. */
static int tx_begin(struct db *d, int64_t site_id)
{
	if (db_begin(d) != 0)
		return -1;
	if (db_xact_lock(d, REDIRECT_LOCK + site_id, 1) != 1) {
		db_rollback(d);
		return -1;
	}
	return 0;
}

int store_redirect_find(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *path, const char **to)
{
	struct db_stmt *st = db_prepare(db_of(s), S_REDIRECT_FIND,
					"SELECT to_path FROM redirect WHERE site_id = ?1 AND from_path = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, path);
	*to = NULL;
	return db_one(st, pool, fill_text, to);
}

int store_redirect_match(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *const paths[3],
			 const char **to, int *which)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_REDIRECT_MATCH,
		       "SELECT to_path, CASE from_path WHEN ?2 THEN 0 WHEN ?3 THEN 1 ELSE 2 END AS k "
		       "FROM redirect WHERE site_id = ?1 AND from_path IN (?2, ?3, ?4) "
		       "ORDER BY k LIMIT 1");
	db_bind_int64(st, 1, site_id);
	for (int i = 0; i < 3; i++)
		db_bind_text(st, 2 + i, paths[i]);
	*to = NULL;
	*which = -1;
	int rc = db_step(st);
	if (rc == DB_ROW) {
		*to = db_col_text(st, pool, 0);
		*which = db_col_int(st, 1);
		db_reset(st);
		return 1;
	}
	if (rc != DB_ERROR)
		db_reset(st);
	return rc == DB_DONE ? 0 : -1;
}

/* The other form of a path the lookup before a 404 tries (moved.c): its trailing slash removed or added, in
 * the pool; NULL for "/", a path with a query, or an URL. */
static const char *slash_variant(h2o_mem_pool_t *pool, const char *path)
{
	size_t n = strlen(path);
	if (path[0] != '/' || n < 2 || strchr(path, '?'))
		return NULL;
	char *v = h2o_mem_alloc_pool(pool, n + 2);
	memcpy(v, path, n + 1);
	if (v[n - 1] == '/')
		v[n - 1] = '\0';
	else
		memcpy(v + n, "/", 2);
	return v;
}

/* The chain rule after `from` leads to `to` (the redirect `except`, when not 0, left alone): the redirects
 * that led to `from` lead to `to`, and the one from `to`, if any, goes (content lives there now), as does one
 * from its slash variant unless it leads to `to` itself (WordPress's /about/ to /about stays); each
 * address as the lookup sees it, with or without its trailing slash. No chain and no loop is left: no target
 * is a redirect's source (but for a from and to that differ in the slash alone, which the lookup never
 * follows back to the address asked for). SAVE_OK or SAVE_ERROR. */
static enum save_result collapse(struct db *d, int64_t site_id, const char *from, const char *to,
				 int64_t except)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct db_stmt *st =
	    db_prepare(d, S_REDIRECT_DROP_FROM,
		       "DELETE FROM redirect WHERE site_id = ?1 AND (from_path = ?2 OR (from_path = ?3 AND "
		       "to_path <> ?2)) AND id <> ?4");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, to);
	db_bind_text(st, 3, slash_variant(&pool, to));
	db_bind_int64(st, 4, except);
	int rc = db_exec(st, NULL);
	if (rc == 0) {
		st = db_prepare(d, S_REDIRECT_RETARGET,
				"UPDATE redirect SET to_path = ?4, updated_at = ?5 "
				"WHERE site_id = ?1 AND to_path IN (?2, ?3) AND id <> ?6");
		db_bind_int64(st, 1, site_id);
		db_bind_text(st, 2, from);
		db_bind_text(st, 3, slash_variant(&pool, from));
		db_bind_text(st, 4, to);
		db_bind_int64(st, 5, db_now());
		db_bind_int64(st, 6, except);
		rc = db_exec(st, NULL);
	}
	h2o_mem_clear_pool(&pool);
	return rc == 0 ? SAVE_OK : SAVE_ERROR;
}

/* "from -> to", the audit line's detail, in the pool. */
static const char *detail_of(h2o_mem_pool_t *pool, const char *from, const char *to)
{
	size_t a = strlen(from), b = strlen(to);
	char *p = h2o_mem_alloc_pool(pool, a + b + 5);
	memcpy(p, from, a);
	memcpy(p + a, " -> ", 4);
	memcpy(p + a + 4, to, b + 1);
	return p;
}

enum save_result store_redirect_put(store *s, int64_t site_id, const char *from, const char *to,
				    const char *source, int64_t user_id, int64_t *id_out)
{
	if (!from || !to || !*from || !*to || strcmp(from, to) == 0)
		return SAVE_CONFLICT;
	struct db *d = db_of(s);
	if (tx_begin(d, site_id) != 0)
		return SAVE_ERROR;
	enum save_result rc = collapse(d, site_id, from, to, 0);
	int64_t got = 0;
	if (rc == SAVE_OK) {
		struct db_stmt *st = db_prepare(
		    d, S_REDIRECT_UPSERT,
		    "INSERT INTO redirect (site_id, from_path, to_path, source, created_by, created_at, "
		    "updated_at) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) ON CONFLICT (site_id, from_path) DO UPDATE SET "
		    "to_path = excluded.to_path, source = excluded.source, updated_at = excluded.updated_at "
		    "RETURNING id");
		db_bind_int64(st, 1, site_id);
		db_bind_text(st, 2, from);
		db_bind_text(st, 3, to);
		db_bind_text(st, 4, source);
		if (user_id > 0)
			db_bind_int64(st, 5, user_id);
		else
			db_bind_null(st, 5);
		db_bind_int64(st, 6, db_now());
		rc = db_exec_id(st, &got) == 1 ? SAVE_OK : SAVE_ERROR;
	}
	if (rc == SAVE_OK) {
		h2o_mem_pool_t pool;
		h2o_mem_init_pool(&pool);
		rc = db_audit_record(s, user_id, "redirect", "put", got, detail_of(&pool, from, to));
		h2o_mem_clear_pool(&pool);
	}
	if (id_out)
		*id_out = rc == SAVE_OK ? got : 0;
	return db_end(d, rc);
}

/* The LIKE pattern of a search: q lowered (ASCII letters) with %, _ and \ escaped, between two %. */
static char *like_pattern(const char *q)
{
	size_t n = strlen(q);
	char *p = malloc(2 * n + 3);
	if (!p)
		die("out of memory");
	size_t k = 0;
	p[k++] = '%';
	for (const char *c = q; *c; c++) {
		if (*c == '%' || *c == '_' || *c == '\\')
			p[k++] = '\\';
		p[k++] = *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c;
	}
	p[k++] = '%';
	p[k] = '\0';
	return p;
}

/* The filter both the list and its count use: ?2 '' matches every redirect. */
#define REDIRECT_MATCH                                                                                       \
	"WHERE site_id = ?1 AND (?2 = '%%' OR lower(from_path) LIKE ?2 ESCAPE '\\' "                         \
	"OR lower(to_path) LIKE ?2 ESCAPE '\\') "

int store_redirects_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *q, size_t offset,
			 size_t limit, struct redirect **out, size_t *n, size_t *total)
{
	struct db *d = db_of(s);
	char *like = like_pattern(q ? q : "");
	*out = NULL;
	*n = 0;
	*total = 0;
	struct db_stmt *st = db_prepare(d, S_REDIRECT_COUNT, "SELECT count(*) FROM redirect " REDIRECT_MATCH);
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, like);
	int rc = db_step(st);
	if (rc == DB_ROW)
		*total = (size_t)db_col_int64(st, 0);
	if (rc != DB_ERROR)
		db_reset(st);
	if (rc == DB_ROW) {
		st = db_prepare(d, S_REDIRECT_LIST,
				REDIRECT_COLS REDIRECT_MATCH
				"ORDER BY updated_at DESC, id DESC LIMIT ?3 OFFSET ?4");
		db_bind_int64(st, 1, site_id);
		db_bind_text(st, 2, like);
		db_bind_int64(st, 3, (int64_t)limit);
		db_bind_int64(st, 4, (int64_t)offset);
		rc = db_collect(st, pool, sizeof **out, fill_redirect, (void **)out, n);
	}
	free(like);
	return rc < 0 ? -1 : 0;
}

int store_redirect_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct redirect *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_REDIRECT_ONE, REDIRECT_COLS "WHERE site_id = ?1 AND id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_redirect, out);
}

enum save_result store_redirect_update(store *s, int64_t site_id, int64_t id, const char *from,
				       const char *to, int64_t user_id)
{
	if (!from || !to || !*from || !*to || strcmp(from, to) == 0)
		return SAVE_CONFLICT;
	struct db *d = db_of(s);
	if (tx_begin(d, site_id) != 0)
		return SAVE_ERROR;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct db_stmt *st = db_prepare(d, S_REDIRECT_UPDATE,
					"UPDATE redirect SET from_path = ?3, to_path = ?4, updated_at = ?5 "
					"WHERE site_id = ?1 AND id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	db_bind_text(st, 3, from);
	db_bind_text(st, 4, to);
	db_bind_int64(st, 5, db_now());
	int64_t got = 0;
	/* the row first (a from taken by another is a unique violation), then the chain rule around it */
	enum save_result rc =
	    db_save_row(st, id, "redirect", user_id, detail_of(&pool, from, to), &got, NULL);
	if (rc == SAVE_OK)
		rc = collapse(d, site_id, from, to, id);
	h2o_mem_clear_pool(&pool);
	return db_end(d, rc);
}

enum save_result store_redirect_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	struct db_stmt *st = db_prepare(
	    d, S_REDIRECT_DELETE, "DELETE FROM redirect WHERE site_id = ?1 AND id = ?2 RETURNING from_path");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	const char *from = "";
	int found = db_one(st, &pool, fill_text, &from);
	enum save_result rc = found < 0	   ? SAVE_ERROR
			      : found == 0 ? SAVE_NOT_FOUND
					   : db_audit_record(s, user_id, "redirect", "delete", id, from);
	h2o_mem_clear_pool(&pool);
	return db_end(d, rc);
}
