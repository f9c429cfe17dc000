/* structure_db: the back office's queries on a site's structure (sections, tags, static pages, the menu tree
 * and the sister sites), each save audited in its own transaction, written once on the seam (db.h). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/backend.h"
#include "store/db.h"
#include "store/structure.h"
#include "store/redirects.h"

enum {
	S_SECTIONS = 140, /* slots 140-189 of the seam belong to structure_db.c */
	S_SECTION_ONE,
	S_SECTION_INSERT,
	S_SECTION_UPDATE,
	S_TAGS,
	S_TAG_ONE,
	S_TAG_NAME_TAKEN,
	S_TAG_INSERT,
	S_TAG_UPDATE,
	S_TAG_DELETE,
	S_PAGES,
	S_PAGE_ONE,
	S_PAGE_INSERT,
	S_PAGE_UPDATE,
	S_MENU,
	S_MENU_ONE,
	S_MENU_INSERT,
	S_MENU_UPDATE,
	S_MENU_SIBLINGS,
	S_MENU_PLACE,
	S_MENU_DELETE,
	S_SITES,
	S_SITE_ONE,
	S_SITE_INSERT,
	S_SITE_UPDATE,
	S_MENU_TARGETS,
	S_MENU_TARGET_EXISTS,
	S_PAGE_PATH_OF,
	S_END
};
_Static_assert(S_END <= 190, "structure_db.c owns the seam's statement slots 140 to 189");

/* Locks (db_xact_lock), one a site (this number plus the site's id): the names of its tags, its menu, the
 * positions of its sections; and one for the positions of the sites. Writers of one of them take turns, as
 * SQLite's one writer does, so a check sees the other's row and a new one goes last. */
#define TAG_NAME_LOCK 7283600000LL
#define MENU_LOCK 7283700000LL
#define SECTION_LOCK 7283900000LL
#define SITE_LOCK 7283519LL

/* Begins a write transaction and takes the lock key (none when 0): 0, or -1 with no transaction left. */
static int tx_begin(struct db *d, int64_t key)
{
	if (db_begin(d) != 0)
		return -1;
	if (key && db_xact_lock(d, key, 1) != 1) {
		db_rollback(d);
		return -1;
	}
	return 0;
}

/* The common case: one bound statement, its audit line, one transaction under the lock key (none when 0). */
static enum save_result save_one(struct db_stmt *st, int64_t key, int64_t id, const char *kind,
				 int64_t user_id, const char *detail, int64_t *id_out, const char **taken)
{
	*taken = "";
	if (tx_begin(st->d, key) != 0)
		return SAVE_ERROR;
	return db_end(st->d, db_save_row(st, id, kind, user_id, detail, id_out, taken));
}

static struct db_stmt *bind_ids(struct db_stmt *st, int64_t a, int64_t b)
{
	db_bind_int64(st, 1, a);
	db_bind_int64(st, 2, b);
	return st;
}

static void fill_text(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	*(const char **)item = db_col_text(st, pool, 0);
}

/* ---- sections ---- */

#define SECTION_COLS                                                                                         \
	"SELECT id, slug, name, description, position, "                                                     \
	"(SELECT count(*) FROM article a WHERE a.section_id = section.id) FROM section "

static void fill_section(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct section_edit *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->description = db_col_text(st, pool, 3);
	x->position = db_col_int64(st, 4);
	x->article_count = db_col_int(st, 5);
}

int store_admin_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section_edit **out,
			 size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_SECTIONS, SECTION_COLS "WHERE site_id = ?1 ORDER BY position, name, id");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_section, (void **)out, n);
}

int store_section_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct section_edit *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_SECTION_ONE, SECTION_COLS "WHERE site_id = ?1 AND id = ?2");
	memset(out, 0, sizeof *out);
	return db_one(bind_ids(st, site_id, id), pool, fill_section, out);
}

enum save_result store_section_save(store *s, int64_t site_id, const struct section_edit *x, int64_t user_id,
				    int64_t *id_out, const char **taken)
{
	/* ?5: the position, -1 for last (on insert) or unchanged (on update) */
	struct db_stmt *st =
	    x->id ? db_prepare(
			db_of(s), S_SECTION_UPDATE,
			"UPDATE section SET slug = ?2, name = ?3, description = ?4, "
			"position = CASE WHEN CAST(?5 AS BIGINT) < 0 THEN position ELSE CAST(?5 AS BIGINT) "
			"END WHERE site_id = ?1 AND id = ?6")
		  : db_prepare(
			db_of(s), S_SECTION_INSERT,
			"INSERT INTO section (site_id, slug, name, description, position) "
			"SELECT CAST(?1 AS BIGINT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?4 AS TEXT), "
			"CASE WHEN CAST(?5 AS BIGINT) < 0 THEN (SELECT COALESCE(max(position) + 1, 0) "
			"FROM section WHERE site_id = CAST(?1 AS BIGINT)) ELSE CAST(?5 AS BIGINT) END "
			"RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, x->slug);
	db_bind_text(st, 3, x->name);
	db_bind_text(st, 4, x->description);
	db_bind_int64(st, 5, x->position);
	if (x->id)
		db_bind_int64(st, 6, x->id);
	return save_one(st, SECTION_LOCK + site_id, x->id, "section", user_id, x->name, id_out, taken);
}

/* ---- tags ---- */

/* Names compare and sort as SQLite's COLLATE NOCASE does, folding ASCII letters only: SQLite's lower() does
 * just that, and so does PostgreSQL's on the "C" columns of its schema (pg/001_content.sql). */
#define TAG_COLS                                                                                             \
	"SELECT id, slug, name, (SELECT count(*) FROM article_tag x WHERE x.tag_id = tag.id) FROM tag "

static void fill_tag(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct tag *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->article_count = db_col_int(st, 3);
}

int store_admin_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct tag **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_TAGS, TAG_COLS "WHERE site_id = ?1 ORDER BY lower(name), id");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_tag, (void **)out, n);
}

int store_tag_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct tag *out)
{
	struct db_stmt *st = db_prepare(db_of(s), S_TAG_ONE, TAG_COLS "WHERE site_id = ?1 AND id = ?2");
	memset(out, 0, sizeof *out);
	return db_one(bind_ids(st, site_id, id), pool, fill_tag, out);
}

/* How many other tags of the site have the name, whatever the case of its ASCII letters (the parameter is
 * lowered here: PostgreSQL's lower() of a parameter would fold by the database's locale): -1 on error. */
static int64_t tag_name_count(struct db *d, int64_t site_id, int64_t id, const char *name)
{
	char *lowered = strdup(name ? name : "");
	if (!lowered)
		die("out of memory");
	for (char *c = lowered; *c; c++)
		if (*c >= 'A' && *c <= 'Z')
			*c = (char)(*c - 'A' + 'a');
	struct db_stmt *st =
	    db_prepare(d, S_TAG_NAME_TAKEN,
		       "SELECT count(*) FROM tag WHERE site_id = ?1 AND id <> ?2 AND lower(name) = ?3");
	bind_ids(st, site_id, id);
	db_bind_text(st, 3, lowered);
	free(lowered);
	int64_t same = -1;
	int rc = db_step(st);
	if (rc == DB_ROW)
		same = db_col_int64(st, 0);
	if (rc != DB_ERROR)
		db_reset(st);
	return same;
}

enum save_result store_tag_save(store *s, int64_t site_id, const struct tag *x, int64_t user_id,
				int64_t *id_out, const char **taken)
{
	struct db *d = db_of(s);
	*taken = "";
	/* no index says names are unique (the schema predates this editor), so the check is here, under the
	 * lock of the site's tag names */
	if (tx_begin(d, TAG_NAME_LOCK + site_id) != 0)
		return SAVE_ERROR;
	int64_t same = tag_name_count(d, site_id, x->id, x->name);
	if (same != 0) {
		*taken = same > 0 ? "name" : "";
		return db_end(d, same > 0 ? SAVE_SLUG_TAKEN : SAVE_ERROR);
	}
	struct db_stmt *st =
	    x->id ? db_prepare(d, S_TAG_UPDATE,
			       "UPDATE tag SET slug = ?2, name = ?3 WHERE site_id = ?1 AND id = ?4")
		  : db_prepare(d, S_TAG_INSERT,
			       "INSERT INTO tag (site_id, slug, name) VALUES (?1, ?2, ?3) RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, x->slug);
	db_bind_text(st, 3, x->name);
	if (x->id)
		db_bind_int64(st, 4, x->id);
	return db_end(d, db_save_row(st, x->id, "tag", user_id, x->name, id_out, taken));
}

enum save_result store_tag_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	/* article_tag rows go with the tag (ON DELETE CASCADE) */
	struct db_stmt *st =
	    db_prepare(d, S_TAG_DELETE, "DELETE FROM tag WHERE site_id = ?1 AND id = ?2 RETURNING name");
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	const char *name = "";
	int found = db_one(bind_ids(st, site_id, id), &pool, fill_text, &name);
	enum save_result rc = found < 0	   ? SAVE_ERROR
			      : found == 0 ? SAVE_NOT_FOUND
					   : db_audit_record(s, user_id, "tag", "delete", id, name);
	if (rc == SAVE_OK && db_names_orphans(d) != 0)
		rc = SAVE_ERROR;
	h2o_mem_clear_pool(&pool);
	return db_end(d, rc);
}

/* ---- static pages ---- */

static void fill_page(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct page *x = item;
	x->id = db_col_int64(st, 0);
	x->path = db_col_text(st, pool, 1);
	x->title = db_col_text(st, pool, 2);
	x->body = db_col_text(st, pool, 3);
	x->updated_at = db_col_int64(st, 4);
}

int store_admin_pages(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct page **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_PAGES,
		       "SELECT id, path, title, '', updated_at FROM page WHERE site_id = ?1 ORDER BY path");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_page, (void **)out, n);
}

int store_page_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct page *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_PAGE_ONE,
		       "SELECT id, path, title, body, updated_at FROM page WHERE site_id = ?1 AND id = ?2");
	memset(out, 0, sizeof *out);
	return db_one(bind_ids(st, site_id, id), pool, fill_page, out);
}

enum save_result store_page_save(store *s, int64_t site_id, const struct page *x, int64_t user_id,
				 int64_t *id_out, const char **taken)
{
	struct db_stmt *st =
	    x->id ? db_prepare(db_of(s), S_PAGE_UPDATE,
			       "UPDATE page SET path = ?2, title = ?3, body = ?4, updated_at = ?5 "
			       "WHERE site_id = ?1 AND id = ?6")
		  : db_prepare(
			db_of(s), S_PAGE_INSERT,
			"INSERT INTO page (site_id, path, title, body, updated_at) VALUES (?1, ?2, ?3, ?4, "
			"?5) RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, x->path);
	db_bind_text(st, 3, x->title);
	db_bind_text(st, 4, x->body);
	db_bind_int64(st, 5, db_now());
	if (x->id)
		db_bind_int64(st, 6, x->id);
	if (!x->id)
		return save_one(st, 0, x->id, "page", user_id, x->path, id_out, taken);
	/* a page whose path changes leaves a redirect from the old one (readers may hold links to it) */
	struct db *d = db_of(s);
	*taken = "";
	if (tx_begin(d, 0) != 0)
		return SAVE_ERROR;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	const char *before = NULL;
	struct db_stmt *old =
	    db_prepare(d, S_PAGE_PATH_OF, "SELECT path FROM page WHERE site_id = ?1 AND id = ?2 FOR UPDATE");
	enum save_result rc = db_one(bind_ids(old, site_id, x->id), &pool, fill_text, &before) < 0
				  ? SAVE_ERROR
				  : db_save_row(st, x->id, "page", user_id, x->path, id_out, taken);
	if (rc == SAVE_OK && before && strcmp(before, x->path) != 0)
		rc = store_redirect_put(s, site_id, before, x->path, "slug", user_id, NULL);
	h2o_mem_clear_pool(&pool);
	return db_end(d, rc);
}

/* ---- the menu ---- */

static void fill_menu(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct menu_entry *x = item;
	x->id = db_col_int64(st, 0);
	x->parent_id = db_col_int64(st, 1);
	x->position = db_col_int64(st, 2);
	x->label = db_col_text(st, pool, 3);
	x->url = db_col_text(st, pool, 4);
	x->depth = db_col_int(st, 5);
	x->children = db_col_int(st, 6);
}

/* Copies the entries under parent (0: the top) into out from *at on, each followed by those under it:
 * rows come sorted by position and id, so siblings keep that order. Rows form a tree (each was reached from
 * the top through its one parent), so each is copied once. */
static void depth_first(const struct menu_entry *rows, size_t n, int64_t parent, struct menu_entry *out,
			size_t *at)
{
	for (size_t i = 0; i < n; i++)
		if (rows[i].parent_id == parent) {
			out[(*at)++] = rows[i];
			depth_first(rows, n, rows[i].id, out, at);
		}
}

int store_admin_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_entry **out, size_t *n)
{
	/* the entries reached from the top, with their depth; the order (children after their parent,
	 * siblings by position and id) is made here, not by a sort key the two engines would write apart */
	struct db_stmt *st =
	    db_prepare(db_of(s), S_MENU,
		       "WITH RECURSIVE tree(id, parent_id, position, label, url, depth) AS ("
		       " SELECT id, CAST(0 AS BIGINT), position, label, url, 0 FROM menu_item"
		       " WHERE site_id = ?1 AND parent_id IS NULL"
		       " UNION ALL SELECT m.id, m.parent_id, m.position, m.label, m.url, tree.depth + 1"
		       " FROM menu_item m JOIN tree ON m.parent_id = tree.id)"
		       " SELECT id, parent_id, position, label, url, depth,"
		       " (SELECT count(*) FROM menu_item c WHERE c.parent_id = tree.id) FROM tree ORDER BY "
		       "position, id");
	db_bind_int64(st, 1, site_id);
	struct menu_entry *rows;
	size_t count;
	if (db_collect(st, pool, sizeof *rows, fill_menu, (void **)&rows, &count) != 0)
		return -1;
	*out = h2o_mem_alloc_pool(pool, (count ? count : 1) * sizeof **out);
	*n = 0;
	depth_first(rows, count, 0, *out, n);
	return 0;
}

enum save_result store_menu_save(store *s, int64_t site_id, const struct menu_entry *x, int64_t user_id,
				 int64_t *id_out)
{
	/* ?4 is the parent (0: top level); position ?5 -1 puts the entry last among its new siblings */
#define LAST_AMONG_SIBLINGS                                                                                  \
	"(SELECT COALESCE(max(position) + 1, 0) FROM menu_item WHERE site_id = CAST(?1 AS BIGINT) "          \
	"AND COALESCE(parent_id, 0) = CAST(?4 AS BIGINT))"
	struct db_stmt *st =
	    x->id ? db_prepare(
			db_of(s), S_MENU_UPDATE,
			"UPDATE menu_item SET label = ?2, url = ?3, parent_id = NULLIF(CAST(?4 AS BIGINT), "
			"0), position = CASE WHEN CAST(?5 AS BIGINT) >= 0 THEN CAST(?5 AS BIGINT) "
			"WHEN COALESCE(parent_id, 0) = CAST(?4 AS BIGINT) THEN position "
			"ELSE " LAST_AMONG_SIBLINGS " END WHERE site_id = ?1 AND id = ?6")
		  : db_prepare(db_of(s), S_MENU_INSERT,
			       "INSERT INTO menu_item (site_id, label, url, parent_id, position) "
			       "SELECT CAST(?1 AS BIGINT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), "
			       "NULLIF(CAST(?4 AS BIGINT), 0), CASE WHEN CAST(?5 AS BIGINT) >= 0 THEN "
			       "CAST(?5 AS BIGINT) ELSE " LAST_AMONG_SIBLINGS " END RETURNING id");
#undef LAST_AMONG_SIBLINGS
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, x->label);
	db_bind_text(st, 3, x->url);
	db_bind_int64(st, 4, x->parent_id);
	db_bind_int64(st, 5, x->position);
	if (x->id)
		db_bind_int64(st, 6, x->id);
	const char *taken;
	return save_one(st, MENU_LOCK + site_id, x->id, "menu", user_id, x->label, id_out, &taken);
}

struct menu_one {
	int64_t parent;
	const char *label;
};

static void fill_menu_one(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct menu_one *x = item;
	x->parent = db_col_int64(st, 0);
	x->label = db_col_text(st, pool, 1);
}

/* An entry's parent and label: SAVE_OK, SAVE_NOT_FOUND or SAVE_ERROR. */
static enum save_result menu_one(struct db *d, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
				 struct menu_one *one)
{
	struct db_stmt *st =
	    db_prepare(d, S_MENU_ONE,
		       "SELECT COALESCE(parent_id, 0), label FROM menu_item WHERE site_id = ?1 AND id = ?2");
	int found = db_one(bind_ids(st, site_id, id), pool, fill_menu_one, one);
	return found < 0 ? SAVE_ERROR : found == 0 ? SAVE_NOT_FOUND : SAVE_OK;
}

#define MENU_MAX_SIBLINGS 500

static void fill_id(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	(void)pool;
	*(int64_t *)item = db_col_int64(st, 0);
}

static enum save_result menu_reorder(struct db *d, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
				     int64_t parent, int dir)
{
	int64_t *ids;
	size_t n = 0, at = 0;
	struct db_stmt *st =
	    db_prepare(d, S_MENU_SIBLINGS,
		       "SELECT id FROM menu_item WHERE site_id = ?1 AND COALESCE(parent_id, 0) = ?2 "
		       "ORDER BY position, id");
	if (db_collect(bind_ids(st, site_id, parent), pool, sizeof *ids, fill_id, (void **)&ids, &n) != 0)
		return SAVE_ERROR;
	if (n > MENU_MAX_SIBLINGS)
		n = MENU_MAX_SIBLINGS;
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			at = i;
	size_t other = dir < 0 ? at - 1 : at + 1;
	if ((dir < 0 && at == 0) || (dir > 0 && other >= n))
		return SAVE_OK; /* first or last already */
	int64_t keep = ids[at];
	ids[at] = ids[other];
	ids[other] = keep;
	for (size_t i = 0; i < n; i++) {
		st = db_prepare(d, S_MENU_PLACE, "UPDATE menu_item SET position = ?2 WHERE id = ?1");
		if (db_exec(bind_ids(st, ids[i], (int64_t)i), NULL) != 0)
			return SAVE_ERROR;
	}
	return SAVE_OK;
}

/* Moves an entry among its siblings (dir -1 up, 1 down) or deletes it (dir 0), under the site's menu lock,
 * and audits it. */
static enum save_result menu_change(store *s, int64_t site_id, int64_t id, int dir, int64_t user_id)
{
	struct db *d = db_of(s);
	if (tx_begin(d, MENU_LOCK + site_id) != 0)
		return SAVE_ERROR;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct menu_one one = {0, ""};
	enum save_result rc = menu_one(d, &pool, site_id, id, &one);
	if (rc == SAVE_OK && dir != 0)
		rc = menu_reorder(d, &pool, site_id, id, one.parent, dir);
	if (rc == SAVE_OK && dir == 0) {
		/* entries under it go too (ON DELETE CASCADE on parent_id) */
		struct db_stmt *st =
		    db_prepare(d, S_MENU_DELETE, "DELETE FROM menu_item WHERE site_id = ?1 AND id = ?2");
		rc = db_exec(bind_ids(st, site_id, id), NULL) == 0 && db_names_orphans(d) == 0 ? SAVE_OK
											       : SAVE_ERROR;
	}
	if (rc == SAVE_OK)
		rc = db_audit_record(s, user_id, "menu",
				     dir < 0   ? "move-up"
				     : dir > 0 ? "move-down"
					       : "delete",
				     id, one.label);
	rc = db_end(d, rc);
	h2o_mem_clear_pool(&pool);
	return rc;
}

enum save_result store_menu_move(store *s, int64_t site_id, int64_t id, int dir, int64_t user_id)
{
	return menu_change(s, site_id, id, dir < 0 ? -1 : 1, user_id);
}

enum save_result store_menu_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	return menu_change(s, site_id, id, 0, user_id);
}

/* ---- sister sites ---- */

#define SITE_COLS "SELECT id, slug, name, specialty, host, tagline, is_default, position FROM site "

static void fill_site(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct site_edit *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->specialty = db_col_text(st, pool, 3);
	x->host = db_col_text(st, pool, 4);
	x->tagline = db_col_text(st, pool, 5);
	x->is_default = db_col_int(st, 6);
	x->position = db_col_int64(st, 7);
}

int store_admin_sites(store *s, h2o_mem_pool_t *pool, struct site_edit **out, size_t *n)
{
	struct db_stmt *st = db_prepare(db_of(s), S_SITES, SITE_COLS "ORDER BY position, id");
	return db_collect(st, pool, sizeof **out, fill_site, (void **)out, n);
}

int store_site_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct site_edit *out)
{
	struct db_stmt *st = db_prepare(db_of(s), S_SITE_ONE, SITE_COLS "WHERE id = ?1");
	db_bind_int64(st, 1, id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_site, out);
}

enum save_result store_site_save(store *s, const struct site_edit *x, int64_t user_id, int64_t *id_out,
				 const char **taken)
{
	struct db_stmt *st =
	    x->id
		? db_prepare(
		      db_of(s), S_SITE_UPDATE,
		      "UPDATE site SET slug = ?1, name = ?2, specialty = ?3, host = ?4, tagline = ?5, "
		      "position = CASE WHEN CAST(?6 AS BIGINT) < 0 THEN position ELSE CAST(?6 AS BIGINT) "
		      "END WHERE id = ?7")
		: db_prepare(db_of(s), S_SITE_INSERT,
			     "INSERT INTO site (slug, name, specialty, host, tagline, is_default, position) "
			     "SELECT CAST(?1 AS TEXT), CAST(?2 AS TEXT), CAST(?3 AS TEXT), CAST(?4 AS TEXT), "
			     "CAST(?5 AS TEXT), 0, CASE WHEN CAST(?6 AS BIGINT) < 0 THEN "
			     "(SELECT COALESCE(max(position) + 1, 0) FROM site) ELSE CAST(?6 AS BIGINT) END "
			     "RETURNING id");
	db_bind_text(st, 1, x->slug);
	db_bind_text(st, 2, x->name);
	db_bind_text(st, 3, x->specialty);
	db_bind_text(st, 4, x->host);
	db_bind_text(st, 5, x->tagline);
	db_bind_int64(st, 6, x->position);
	if (x->id)
		db_bind_int64(st, 7, x->id);
	return save_one(st, SITE_LOCK, x->id, "site", user_id, x->name, id_out, taken);
}

/* ---- what a menu entry may link to ---- */

static void fill_target(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct menu_target *x = item;
	int g = db_col_int(st, 0);
	x->group = g > 0 && g <= MENU_TARGET_TRIALS ? (enum menu_target_group)g : MENU_TARGET_NONE;
	x->path = db_col_text(st, pool, 1);
	x->label = db_col_text(st, pool, 2);
}

int store_menu_targets(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
		       struct menu_target **out, size_t *n)
{
	/* each kind's first limit rows (newest congresses first), then by group and label */
	struct db_stmt *st = db_prepare(
	    db_of(s), S_MENU_TARGETS,
	    "SELECT g, path, label FROM ("
	    " SELECT 1 AS g, '/section/' || slug AS path, name AS label FROM (SELECT slug, name FROM section"
	    " WHERE site_id = ?1 ORDER BY position, name LIMIT CAST(?2 AS BIGINT)) x1"
	    " UNION ALL SELECT 2, '/congress/' || slug, name FROM (SELECT slug, name FROM congress"
	    " WHERE site_id = ?1 ORDER BY starts_on DESC, name LIMIT CAST(?2 AS BIGINT)) x2"
	    " UNION ALL SELECT 3, '/congresses/' || CAST(year AS TEXT), CAST(year AS TEXT)"
	    " FROM (SELECT DISTINCT year FROM congress WHERE site_id = ?1 ORDER BY year DESC"
	    " LIMIT CAST(?2 AS BIGINT)) x3"
	    " UNION ALL SELECT 4, path, title FROM (SELECT path, title FROM page WHERE site_id = ?1"
	    " ORDER BY title LIMIT CAST(?2 AS BIGINT)) x4"
	    " UNION ALL SELECT 5, '/tag/' || slug, name FROM (SELECT slug, name FROM tag WHERE site_id = ?1"
	    " ORDER BY name LIMIT CAST(?2 AS BIGINT)) x5"
	    " UNION ALL SELECT 6, '/trial/' || slug, name FROM (SELECT slug, name FROM trial WHERE site_id = "
	    "?1"
	    " ORDER BY name LIMIT CAST(?2 AS BIGINT)) x6"
	    ") t ORDER BY g, label");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, (int64_t)limit);
	return db_collect(st, pool, sizeof **out, fill_target, (void **)out, n);
}

int store_menu_target_exists(store *s, int64_t site_id, const char *kind, const char *key)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), S_MENU_TARGET_EXISTS,
	    "SELECT count(*) FROM ("
	    " SELECT id FROM section WHERE CAST(?2 AS TEXT) = 'section' AND site_id = ?1 AND slug = ?3"
	    " UNION ALL SELECT id FROM congress WHERE CAST(?2 AS TEXT) = 'congress' AND site_id = ?1 AND "
	    "slug = ?3"
	    " UNION ALL SELECT id FROM congress WHERE CAST(?2 AS TEXT) = 'year' AND site_id = ?1"
	    " AND CAST(year AS TEXT) = ?3"
	    " UNION ALL SELECT id FROM page WHERE CAST(?2 AS TEXT) = 'page' AND site_id = ?1 AND path = ?3"
	    " UNION ALL SELECT id FROM tag WHERE CAST(?2 AS TEXT) = 'tag' AND site_id = ?1 AND slug = ?3"
	    " UNION ALL SELECT id FROM trial WHERE CAST(?2 AS TEXT) = 'trial' AND site_id = ?1 AND slug = ?3"
	    " UNION ALL SELECT id FROM article WHERE CAST(?2 AS TEXT) = 'article' AND site_id = ?1 AND slug "
	    "= ?3"
	    " AND status IN ('published', 'scheduled')) t");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, kind);
	db_bind_text(st, 3, key);
	int rc = db_step(st);
	int64_t count = rc == DB_ROW ? db_col_int64(st, 0) : 0;
	db_reset(st);
	return rc == DB_ROW ? count > 0 : -1;
}
