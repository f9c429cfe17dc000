/* structure: the back office's queries on a site's structure: sections, tags, static pages, the menu tree and
 * the sister sites, each save audited in its own transaction. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "store/sqlite_int.h"

enum {
	S_SECTIONS = 80, /* slots 80 to 109 belong to this file */
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
	S_END
};
_Static_assert(S_END <= 110 && S_END <= SQ_MORE_STATEMENTS, "statement slots 80 to 109");

/* Ends the transaction begun by the caller: kept when rc is SAVE_OK, undone otherwise. */
static enum save_result tx_end(store *s, enum save_result rc)
{
	if (rc == SAVE_OK && sq_run(s, "COMMIT") == 0)
		return SAVE_OK;
	sq_run(s, "ROLLBACK");
	return rc == SAVE_OK ? SAVE_ERROR : rc;
}

/* The common case: one statement, its audit line, one transaction. */
static enum save_result save_one(store *s, sqlite3_stmt *st, int64_t id, const char *kind, int64_t user_id,
				 const char *detail, int64_t *id_out, const char **taken)
{
	*taken = "";
	if (sq_run(s, "BEGIN IMMEDIATE") != 0)
		return SAVE_ERROR;
	return tx_end(s, sq_save_row(s, st, id, kind, user_id, detail, id_out, taken));
}

static sqlite3_stmt *bind_ids(sqlite3_stmt *st, int64_t a, int64_t b)
{
	sqlite3_bind_int64(st, 1, a);
	sqlite3_bind_int64(st, 2, b);
	return st;
}

/* ---- sections ---- */

#define SECTION_COLS                                                                                         \
	"SELECT id, slug, name, description, position, "                                                     \
	"(SELECT count(*) FROM article a WHERE a.section_id = section.id) FROM section "

static void fill_section(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct section_edit *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->description = sq_col_str(pool, st, 3);
	x->position = sq_col_i64(st, 4);
	x->article_count = sqlite3_column_int(st, 5);
}

int sq_store_admin_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section_edit **out,
			    size_t *n)
{
	sqlite3_stmt *st =
	    sq_prepare(s, S_SECTIONS, SECTION_COLS "WHERE site_id = ?1 ORDER BY position, name, id");
	sqlite3_bind_int64(st, 1, site_id);
	return sq_collect(s, pool, st, sizeof **out, fill_section, (void **)out, n);
}

int sq_store_section_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			   struct section_edit *out)
{
	sqlite3_stmt *st = sq_prepare(s, S_SECTION_ONE, SECTION_COLS "WHERE site_id = ?1 AND id = ?2");
	memset(out, 0, sizeof *out);
	return sq_one(s, pool, bind_ids(st, site_id, id), fill_section, out);
}

enum save_result sq_store_section_save(store *s, int64_t site_id, const struct section_edit *x,
				       int64_t user_id, int64_t *id_out, const char **taken)
{
	sqlite3_stmt *st =
	    x->id ? sq_prepare(s, S_SECTION_UPDATE,
			       "UPDATE section SET slug = ?3, name = ?4, description = ?5, "
			       "position = CASE WHEN ?6 < 0 THEN position ELSE ?6 END "
			       "WHERE site_id = ?1 AND id = ?2")
		  : sq_prepare(
			s, S_SECTION_INSERT,
			"INSERT INTO section (site_id, slug, name, description, position) "
			"SELECT ?1, ?3, ?4, ?5, CASE WHEN ?6 < 0 THEN "
			"(SELECT IFNULL(max(position) + 1, 0) FROM section WHERE site_id = ?1) ELSE ?6 END");
	sqlite3_bind_int64(st, 1, site_id);
	if (x->id)
		sqlite3_bind_int64(st, 2, x->id);
	sq_bind_text(st, 3, x->slug);
	sq_bind_text(st, 4, x->name);
	sq_bind_text(st, 5, x->description);
	sqlite3_bind_int64(st, 6, x->position);
	return save_one(s, st, x->id, "section", user_id, x->name, id_out, taken);
}

/* ---- tags ---- */

#define TAG_COLS                                                                                             \
	"SELECT id, slug, name, (SELECT count(*) FROM article_tag x WHERE x.tag_id = tag.id) FROM tag "

static void fill_tag(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct tag *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->article_count = sqlite3_column_int(st, 3);
}

int sq_store_admin_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct tag **out, size_t *n)
{
	sqlite3_stmt *st =
	    sq_prepare(s, S_TAGS, TAG_COLS "WHERE site_id = ?1 ORDER BY name COLLATE NOCASE, id");
	sqlite3_bind_int64(st, 1, site_id);
	return sq_collect(s, pool, st, sizeof **out, fill_tag, (void **)out, n);
}

int sq_store_tag_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct tag *out)
{
	sqlite3_stmt *st = sq_prepare(s, S_TAG_ONE, TAG_COLS "WHERE site_id = ?1 AND id = ?2");
	memset(out, 0, sizeof *out);
	return sq_one(s, pool, bind_ids(st, site_id, id), fill_tag, out);
}

enum save_result sq_store_tag_save(store *s, int64_t site_id, const struct tag *x, int64_t user_id,
				   int64_t *id_out, const char **taken)
{
	*taken = "";
	if (sq_run(s, "BEGIN IMMEDIATE") != 0)
		return SAVE_ERROR;
	/* no index says names are unique (the schema predates this editor), so the check is here */
	sqlite3_stmt *st = sq_prepare(s, S_TAG_NAME_TAKEN,
				      "SELECT count(*) FROM tag WHERE site_id = ?1 AND id <> ?2 "
				      "AND lower(name) = lower(?3)");
	bind_ids(st, site_id, x->id);
	sq_bind_text(st, 3, x->name);
	int rc = sqlite3_step(st);
	int64_t same = rc == SQLITE_ROW ? sq_col_i64(st, 0) : -1;
	sqlite3_reset(st);
	if (same != 0) {
		*taken = same > 0 ? "name" : "";
		return tx_end(s, same > 0 ? SAVE_SLUG_TAKEN : SAVE_ERROR);
	}
	st = x->id ? sq_prepare(s, S_TAG_UPDATE,
				"UPDATE tag SET slug = ?3, name = ?4 WHERE site_id = ?1 AND id = ?2")
		   : sq_prepare(s, S_TAG_INSERT, "INSERT INTO tag (site_id, slug, name) VALUES (?1, ?3, ?4)");
	sqlite3_bind_int64(st, 1, site_id);
	if (x->id)
		sqlite3_bind_int64(st, 2, x->id);
	sq_bind_text(st, 3, x->slug);
	sq_bind_text(st, 4, x->name);
	return tx_end(s, sq_save_row(s, st, x->id, "tag", user_id, x->name, id_out, taken));
}

enum save_result sq_store_tag_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	if (sq_run(s, "BEGIN IMMEDIATE") != 0)
		return SAVE_ERROR;
	/* article_tag rows go with the tag (ON DELETE CASCADE) */
	sqlite3_stmt *st =
	    sq_prepare(s, S_TAG_DELETE, "DELETE FROM tag WHERE site_id = ?1 AND id = ?2 RETURNING name");
	bind_ids(st, site_id, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return tx_end(s, SAVE_NOT_FOUND);
	}
	if (rc != SQLITE_ROW) {
		sq_step_error(s, st);
		return tx_end(s, SAVE_ERROR);
	}
	char name[256];
	const unsigned char *was = sqlite3_column_text(st, 0);
	snprintf(name, sizeof name, "%s", was ? (const char *)was : "");
	if (sqlite3_step(st) != SQLITE_DONE) {
		sq_step_error(s, st);
		return tx_end(s, SAVE_ERROR);
	}
	sqlite3_reset(st);
	return tx_end(s, sq_audit_record(s, user_id, "tag", "delete", id, name));
}

/* ---- static pages ---- */

static void fill_page(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct page *x = item;
	x->id = sq_col_i64(st, 0);
	x->path = sq_col_str(pool, st, 1);
	x->title = sq_col_str(pool, st, 2);
	x->body = sq_col_str(pool, st, 3);
	x->updated_at = sq_col_i64(st, 4);
}

int sq_store_admin_pages(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct page **out, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(
	    s, S_PAGES, "SELECT id, path, title, '', updated_at FROM page WHERE site_id = ?1 ORDER BY path");
	sqlite3_bind_int64(st, 1, site_id);
	return sq_collect(s, pool, st, sizeof **out, fill_page, (void **)out, n);
}

int sq_store_page_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct page *out)
{
	sqlite3_stmt *st =
	    sq_prepare(s, S_PAGE_ONE,
		       "SELECT id, path, title, body, updated_at FROM page WHERE site_id = ?1 AND id = ?2");
	memset(out, 0, sizeof *out);
	return sq_one(s, pool, bind_ids(st, site_id, id), fill_page, out);
}

enum save_result sq_store_page_save(store *s, int64_t site_id, const struct page *x, int64_t user_id,
				    int64_t *id_out, const char **taken)
{
	sqlite3_stmt *st =
	    x->id ? sq_prepare(s, S_PAGE_UPDATE,
			       "UPDATE page SET path = ?3, title = ?4, body = ?5, updated_at = ?6 "
			       "WHERE site_id = ?1 AND id = ?2")
		  : sq_prepare(s, S_PAGE_INSERT,
			       "INSERT INTO page (site_id, path, title, body, updated_at) VALUES (?1, ?3, "
			       "?4, ?5, ?6)");
	sqlite3_bind_int64(st, 1, site_id);
	if (x->id)
		sqlite3_bind_int64(st, 2, x->id);
	sq_bind_text(st, 3, x->path);
	sq_bind_text(st, 4, x->title);
	sq_bind_text(st, 5, x->body);
	sqlite3_bind_int64(st, 6, store_now());
	return save_one(s, st, x->id, "page", user_id, x->path, id_out, taken);
}

/* ---- the menu ---- */

static void fill_menu(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct menu_entry *x = item;
	x->id = sq_col_i64(st, 0);
	x->parent_id = sq_col_i64(st, 1);
	x->position = sq_col_i64(st, 2);
	x->label = sq_col_str(pool, st, 3);
	x->url = sq_col_str(pool, st, 4);
	x->depth = sqlite3_column_int(st, 5);
	x->children = sqlite3_column_int(st, 6);
}

int sq_store_admin_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_entry **out, size_t *n)
{
	/* the sort key is the path of "position.id" pairs from the top, so siblings keep their order and
	 * children follow their parent (positions are kept below a million by the editor) */
	sqlite3_stmt *st = sq_prepare(
	    s, S_MENU,
	    "WITH RECURSIVE tree(id, parent_id, position, label, url, depth, sortkey) AS ("
	    " SELECT id, 0, position, label, url, 0, printf('%06d.%09d', position, id) FROM menu_item"
	    " WHERE site_id = ?1 AND parent_id IS NULL"
	    " UNION ALL SELECT m.id, m.parent_id, m.position, m.label, m.url, tree.depth + 1,"
	    " tree.sortkey || '/' || printf('%06d.%09d', m.position, m.id)"
	    " FROM menu_item m JOIN tree ON m.parent_id = tree.id)"
	    " SELECT id, parent_id, position, label, url, depth,"
	    " (SELECT count(*) FROM menu_item c WHERE c.parent_id = tree.id) FROM tree ORDER BY sortkey");
	sqlite3_bind_int64(st, 1, site_id);
	return sq_collect(s, pool, st, sizeof **out, fill_menu, (void **)out, n);
}

enum save_result sq_store_menu_save(store *s, int64_t site_id, const struct menu_entry *x, int64_t user_id,
				    int64_t *id_out)
{
	/* ?5 is the parent (0: top level); position -1 puts the entry last among its new siblings */
#define LAST_AMONG_SIBLINGS                                                                                  \
	"(SELECT IFNULL(max(position) + 1, 0) FROM menu_item WHERE site_id = ?1 AND IFNULL(parent_id, 0) = " \
	"?5)"
	sqlite3_stmt *st =
	    x->id ? sq_prepare(
			s, S_MENU_UPDATE,
			"UPDATE menu_item SET label = ?3, url = ?4, parent_id = NULLIF(?5, 0), "
			"position = CASE WHEN ?6 >= 0 THEN ?6 WHEN IFNULL(parent_id, 0) = ?5 THEN position "
			"ELSE " LAST_AMONG_SIBLINGS " END WHERE site_id = ?1 AND id = ?2")
		  : sq_prepare(s, S_MENU_INSERT,
			       "INSERT INTO menu_item (site_id, label, url, parent_id, position) "
			       "SELECT ?1, ?3, ?4, NULLIF(?5, 0), "
			       "CASE WHEN ?6 >= 0 THEN ?6 ELSE " LAST_AMONG_SIBLINGS " END");
#undef LAST_AMONG_SIBLINGS
	sqlite3_bind_int64(st, 1, site_id);
	if (x->id)
		sqlite3_bind_int64(st, 2, x->id);
	sq_bind_text(st, 3, x->label);
	sq_bind_text(st, 4, x->url);
	sqlite3_bind_int64(st, 5, x->parent_id);
	sqlite3_bind_int64(st, 6, x->position);
	const char *taken;
	return save_one(s, st, x->id, "menu", user_id, x->label, id_out, &taken);
}

/* The parent and label of an entry of a site: 1 found, 0 not, -1 on error. */
static int menu_one(store *s, int64_t site_id, int64_t id, int64_t *parent, char *label, size_t n)
{
	sqlite3_stmt *st =
	    sq_prepare(s, S_MENU_ONE,
		       "SELECT IFNULL(parent_id, 0), label FROM menu_item WHERE site_id = ?1 AND id = ?2");
	bind_ids(st, site_id, id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*parent = sq_col_i64(st, 0);
		const unsigned char *text = sqlite3_column_text(st, 1);
		snprintf(label, n, "%s", text ? (const char *)text : "");
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

#define MENU_MAX_SIBLINGS 500

static enum save_result menu_reorder(store *s, int64_t site_id, int64_t id, int64_t parent, int dir)
{
	int64_t ids[MENU_MAX_SIBLINGS];
	size_t n = 0, at = 0;
	sqlite3_stmt *st =
	    sq_prepare(s, S_MENU_SIBLINGS,
		       "SELECT id FROM menu_item WHERE site_id = ?1 AND IFNULL(parent_id, 0) = ?2 "
		       "ORDER BY position, id");
	bind_ids(st, site_id, parent);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < MENU_MAX_SIBLINGS) {
		if (sq_col_i64(st, 0) == id)
			at = n;
		ids[n++] = sq_col_i64(st, 0);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return SAVE_ERROR;
	size_t other = dir < 0 ? at - 1 : at + 1;
	if ((dir < 0 && at == 0) || (dir > 0 && other >= n))
		return SAVE_OK; /* first or last already */
	int64_t keep = ids[at];
	ids[at] = ids[other];
	ids[other] = keep;
	for (size_t i = 0; i < n; i++) {
		st = sq_prepare(s, S_MENU_PLACE, "UPDATE menu_item SET position = ?2 WHERE id = ?1");
		if (sq_exec(s, bind_ids(st, ids[i], (int64_t)i), NULL) != 0)
			return SAVE_ERROR;
	}
	return SAVE_OK;
}

enum save_result sq_store_menu_move(store *s, int64_t site_id, int64_t id, int dir, int64_t user_id)
{
	if (sq_run(s, "BEGIN IMMEDIATE") != 0)
		return SAVE_ERROR;
	int64_t parent = 0;
	char label[256];
	int found = menu_one(s, site_id, id, &parent, label, sizeof label);
	enum save_result rc = found < 0 ? SAVE_ERROR : found == 0 ? SAVE_NOT_FOUND : SAVE_OK;
	if (rc == SAVE_OK)
		rc = menu_reorder(s, site_id, id, parent, dir);
	if (rc == SAVE_OK)
		rc = sq_audit_record(s, user_id, "menu", dir < 0 ? "move-up" : "move-down", id, label);
	return tx_end(s, rc);
}

enum save_result sq_store_menu_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	if (sq_run(s, "BEGIN IMMEDIATE") != 0)
		return SAVE_ERROR;
	int64_t parent = 0;
	char label[256];
	int found = menu_one(s, site_id, id, &parent, label, sizeof label);
	enum save_result rc = found < 0 ? SAVE_ERROR : found == 0 ? SAVE_NOT_FOUND : SAVE_OK;
	if (rc == SAVE_OK) {
		/* entries under it go too (ON DELETE CASCADE on parent_id) */
		sqlite3_stmt *st =
		    sq_prepare(s, S_MENU_DELETE, "DELETE FROM menu_item WHERE site_id = ?1 AND id = ?2");
		rc = sq_exec(s, bind_ids(st, site_id, id), NULL) == 0 ? SAVE_OK : SAVE_ERROR;
	}
	if (rc == SAVE_OK)
		rc = sq_audit_record(s, user_id, "menu", "delete", id, label);
	return tx_end(s, rc);
}

/* ---- sister sites ---- */

#define SITE_COLS "SELECT id, slug, name, specialty, host, tagline, is_default, position FROM site "

static void fill_site(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct site_edit *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->specialty = sq_col_str(pool, st, 3);
	x->host = sq_col_str(pool, st, 4);
	x->tagline = sq_col_str(pool, st, 5);
	x->is_default = sqlite3_column_int(st, 6);
	x->position = sq_col_i64(st, 7);
}

int sq_store_admin_sites(store *s, h2o_mem_pool_t *pool, struct site_edit **out, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(s, S_SITES, SITE_COLS "ORDER BY position, id");
	return sq_collect(s, pool, st, sizeof **out, fill_site, (void **)out, n);
}

int sq_store_site_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct site_edit *out)
{
	sqlite3_stmt *st = sq_prepare(s, S_SITE_ONE, SITE_COLS "WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	memset(out, 0, sizeof *out);
	return sq_one(s, pool, st, fill_site, out);
}

enum save_result sq_store_site_save(store *s, const struct site_edit *x, int64_t user_id, int64_t *id_out,
				    const char **taken)
{
	sqlite3_stmt *st =
	    x->id
		? sq_prepare(s, S_SITE_UPDATE,
			     "UPDATE site SET slug = ?2, name = ?3, specialty = ?4, host = ?5, tagline = ?6, "
			     "position = CASE WHEN ?7 < 0 THEN position ELSE ?7 END WHERE id = ?1")
		: sq_prepare(s, S_SITE_INSERT,
			     "INSERT INTO site (slug, name, specialty, host, tagline, is_default, position) "
			     "SELECT ?2, ?3, ?4, ?5, ?6, 0, CASE WHEN ?7 < 0 THEN "
			     "(SELECT IFNULL(max(position) + 1, 0) FROM site) ELSE ?7 END");
	if (x->id)
		sqlite3_bind_int64(st, 1, x->id);
	sq_bind_text(st, 2, x->slug);
	sq_bind_text(st, 3, x->name);
	sq_bind_text(st, 4, x->specialty);
	sq_bind_text(st, 5, x->host);
	sq_bind_text(st, 6, x->tagline);
	sqlite3_bind_int64(st, 7, x->position);
	return save_one(s, st, x->id, "site", user_id, x->name, id_out, taken);
}
