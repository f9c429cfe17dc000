/* pg_structure: the back office's queries on a site's structure in PostgreSQL, as structure.c does them in
 * SQLite: sections, tags, static pages, the menu tree and the sister sites, each save audited in its own
 * transaction. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "store/pg_int.h"

enum {
	S_FIRST = 259, /* slots 260-339 belong to pg_structure.c */
	S_SECTIONS,
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
	S_LOCK,
	S_SITES,
	S_SITE_ONE,
	S_SITE_INSERT,
	S_SITE_UPDATE,
	S_END
};
_Static_assert(S_END <= 340, "statement slots 260-339 belong to pg_structure.c");

/* Advisory locks, one a site (this number plus the site's id): the names of its tags, its menu. Writers of
 * one site's tags or menu take turns, as SQLite's one writer does, so a check sees the other's row and two
 * moves never wait for each other's rows. */
#define TAG_NAME_LOCK 7283600000LL
#define MENU_LOCK 7283700000LL
/* and one for the positions of sections (plus the site's id) and of sites: a new one goes last */
#define SECTION_LOCK 7283900000LL
#define SITE_LOCK 7283519LL

/* Waits for an advisory lock (base plus id) until the transaction ends: 0, or -1. */
static int lock(store *s, int64_t base, int64_t id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, base);
	pg_p_i64(&p, id);
	return pg_exec(s, S_LOCK, "SELECT pg_advisory_xact_lock($1::bigint + $2::bigint)", &p, NULL);
}

/* Ends the transaction begun by the caller: kept when rc is SAVE_OK, undone otherwise. */
static enum save_result tx_end(store *s, enum save_result rc)
{
	if (rc == SAVE_OK && pg_run(s, "COMMIT") == 0)
		return SAVE_OK;
	pg_run(s, "ROLLBACK");
	return rc == SAVE_OK ? SAVE_ERROR : rc;
}

/* The common case: one statement, its audit line, one transaction, under the advisory lock base + lock_id
 * (none when base is 0). */
static enum save_result save_one(store *s, int64_t base, int64_t lock_id, int slot, const char *sql,
				 const struct pg_params *p, int64_t id, const char *kind, int64_t user_id,
				 const char *detail, int64_t *id_out, const char **taken)
{
	*taken = "";
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	if (base && lock(s, base, lock_id) != 0)
		return tx_end(s, SAVE_ERROR);
	return tx_end(s, pg_save_row(s, slot, sql, p, id, kind, user_id, detail, id_out, taken));
}

static void two_ids(struct pg_params *p, int64_t a, int64_t b)
{
	pg_p_i64(p, a);
	pg_p_i64(p, b);
}

/* ---- sections ---- */

#define SECTION_COLS                                                                                         \
	"SELECT id, slug, name, description, position, "                                                     \
	"(SELECT count(*) FROM article a WHERE a.section_id = section.id) FROM section "

static void fill_section(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct section_edit *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->description = pg_str(pool, r, row, 3);
	x->position = pg_i64(r, row, 4);
	x->article_count = (int)pg_i64(r, row, 5);
}

int pg_store_admin_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section_edit **out,
			    size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	return pg_collect(s, pool, S_SECTIONS,
			  SECTION_COLS "WHERE site_id = $1::bigint ORDER BY position, name, id", &p,
			  sizeof **out, fill_section, (void **)out, n);
}

int pg_store_section_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			   struct section_edit *out)
{
	struct pg_params p = {0};
	two_ids(&p, site_id, id);
	memset(out, 0, sizeof *out);
	return pg_one(s, pool, S_SECTION_ONE, SECTION_COLS "WHERE site_id = $1::bigint AND id = $2::bigint",
		      &p, fill_section, out);
}

enum save_result pg_store_section_save(store *s, int64_t site_id, const struct section_edit *x,
				       int64_t user_id, int64_t *id_out, const char **taken)
{
	/* $5: the position, -1 for last (on insert) or unchanged (on update) */
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, x->slug);
	pg_p_text(&p, x->name);
	pg_p_text(&p, x->description);
	pg_p_i64(&p, x->position);
	if (x->id)
		pg_p_i64(&p, x->id);
	return save_one(
	    s, SECTION_LOCK, site_id, x->id ? S_SECTION_UPDATE : S_SECTION_INSERT,
	    x->id ? "UPDATE section SET slug = $2::text, name = $3::text, description = $4::text, "
		    "position = CASE WHEN $5::bigint < 0 THEN position ELSE $5::bigint END "
		    "WHERE site_id = $1::bigint AND id = $6::bigint RETURNING id"
		  : "INSERT INTO section (site_id, slug, name, description, position) "
		    "SELECT $1::bigint, $2::text, $3::text, $4::text, CASE WHEN $5::bigint < 0 THEN "
		    "(SELECT COALESCE(max(position) + 1, 0) FROM section WHERE site_id = $1::bigint) "
		    "ELSE $5::bigint END RETURNING id",
	    &p, x->id, "section", user_id, x->name, id_out, taken);
}

/* ---- tags ---- */

#define TAG_COLS                                                                                             \
	"SELECT id, slug, name, (SELECT count(*) FROM article_tag x WHERE x.tag_id = tag.id) FROM tag "

static void fill_tag(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct tag *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->article_count = (int)pg_i64(r, row, 3);
}

/* SQLite's COLLATE NOCASE folds ASCII letters only: so does lower() under the "C" collation */
int pg_store_admin_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct tag **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	return pg_collect(s, pool, S_TAGS,
			  TAG_COLS "WHERE site_id = $1::bigint ORDER BY lower(name COLLATE \"C\"), id", &p,
			  sizeof **out, fill_tag, (void **)out, n);
}

int pg_store_tag_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct tag *out)
{
	struct pg_params p = {0};
	two_ids(&p, site_id, id);
	memset(out, 0, sizeof *out);
	return pg_one(s, pool, S_TAG_ONE, TAG_COLS "WHERE site_id = $1::bigint AND id = $2::bigint", &p,
		      fill_tag, out);
}

enum save_result pg_store_tag_save(store *s, int64_t site_id, const struct tag *x, int64_t user_id,
				   int64_t *id_out, const char **taken)
{
	*taken = "";
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	/* no index says names are unique (the schema predates this editor), so the check is here; the
	 * lock makes two editors naming tags of one site at once take turns, as SQLite's one writer does */
	struct pg_params c = {0};
	two_ids(&c, site_id, x->id);
	pg_p_text(&c, x->name);
	int64_t same = -1;
	if (lock(s, TAG_NAME_LOCK, site_id) != 0 ||
	    pg_value(s, S_TAG_NAME_TAKEN,
		     "SELECT count(*) FROM tag WHERE site_id = $1::bigint AND id <> $2::bigint "
		     "AND lower(name COLLATE \"C\") = lower($3::text COLLATE \"C\")",
		     &c, &same) < 0)
		same = -1;
	if (same != 0) {
		*taken = same > 0 ? "name" : "";
		return tx_end(s, same > 0 ? SAVE_SLUG_TAKEN : SAVE_ERROR);
	}
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, x->slug);
	pg_p_text(&p, x->name);
	if (x->id)
		pg_p_i64(&p, x->id);
	return tx_end(s, pg_save_row(s, x->id ? S_TAG_UPDATE : S_TAG_INSERT,
				     x->id ? "UPDATE tag SET slug = $2::text, name = $3::text "
					     "WHERE site_id = $1::bigint AND id = $4::bigint RETURNING id"
					   : "INSERT INTO tag (site_id, slug, name) "
					     "VALUES ($1::bigint, $2::text, $3::text) RETURNING id",
				     &p, x->id, "tag", user_id, x->name, id_out, taken));
}

enum save_result pg_store_tag_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	/* article_tag rows go with the tag (ON DELETE CASCADE) */
	struct pg_params p = {0};
	two_ids(&p, site_id, id);
	PGresult *r =
	    pg_q(s, S_TAG_DELETE,
		 "DELETE FROM tag WHERE site_id = $1::bigint AND id = $2::bigint RETURNING name", &p);
	if (!r)
		return tx_end(s, SAVE_ERROR);
	if (PQntuples(r) == 0) {
		PQclear(r);
		return tx_end(s, SAVE_NOT_FOUND);
	}
	char name[256];
	snprintf(name, sizeof name, "%s", PQgetvalue(r, 0, 0));
	PQclear(r);
	return tx_end(s, pg_audit_record(s, user_id, "tag", "delete", id, name));
}

/* ---- static pages ---- */

static void fill_page(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct page *x = item;
	x->id = pg_i64(r, row, 0);
	x->path = pg_str(pool, r, row, 1);
	x->title = pg_str(pool, r, row, 2);
	x->body = pg_str(pool, r, row, 3);
	x->updated_at = pg_i64(r, row, 4);
}

int pg_store_admin_pages(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct page **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	return pg_collect(s, pool, S_PAGES,
			  "SELECT id, path, title, '', updated_at FROM page WHERE site_id = $1::bigint "
			  "ORDER BY path",
			  &p, sizeof **out, fill_page, (void **)out, n);
}

int pg_store_page_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct page *out)
{
	struct pg_params p = {0};
	two_ids(&p, site_id, id);
	memset(out, 0, sizeof *out);
	return pg_one(s, pool, S_PAGE_ONE,
		      "SELECT id, path, title, body, updated_at FROM page "
		      "WHERE site_id = $1::bigint AND id = $2::bigint",
		      &p, fill_page, out);
}

enum save_result pg_store_page_save(store *s, int64_t site_id, const struct page *x, int64_t user_id,
				    int64_t *id_out, const char **taken)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, x->path);
	pg_p_text(&p, x->title);
	pg_p_text(&p, x->body);
	pg_p_i64(&p, store_now());
	if (x->id)
		pg_p_i64(&p, x->id);
	return save_one(
	    s, 0, 0, x->id ? S_PAGE_UPDATE : S_PAGE_INSERT,
	    x->id ? "UPDATE page SET path = $2::text, title = $3::text, body = $4::text, "
		    "updated_at = $5::bigint WHERE site_id = $1::bigint AND id = $6::bigint RETURNING id"
		  : "INSERT INTO page (site_id, path, title, body, updated_at) "
		    "VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::bigint) RETURNING id",
	    &p, x->id, "page", user_id, x->path, id_out, taken);
}

/* ---- the menu ---- */

static void fill_menu(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct menu_entry *x = item;
	x->id = pg_i64(r, row, 0);
	x->parent_id = pg_i64(r, row, 1);
	x->position = pg_i64(r, row, 2);
	x->label = pg_str(pool, r, row, 3);
	x->url = pg_str(pool, r, row, 4);
	x->depth = (int)pg_i64(r, row, 5);
	x->children = (int)pg_i64(r, row, 6);
}

int pg_store_admin_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_entry **out, size_t *n)
{
	/* the sort key is the path of (position, id) pairs from the top, so siblings keep their order and
	 * children follow their parent: SQLite's "%06d.%09d" text keys, as numbers */
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	return pg_collect(
	    s, pool, S_MENU,
	    "WITH RECURSIVE tree(id, parent_id, position, label, url, depth, sortkey) AS ("
	    " SELECT id, 0::bigint, position, label, url, 0, ARRAY[position::bigint, id] FROM menu_item"
	    " WHERE site_id = $1::bigint AND parent_id IS NULL"
	    " UNION ALL SELECT m.id, m.parent_id, m.position, m.label, m.url, tree.depth + 1,"
	    " tree.sortkey || ARRAY[m.position::bigint, m.id]"
	    " FROM menu_item m JOIN tree ON m.parent_id = tree.id)"
	    " SELECT id, parent_id, position, label, url, depth,"
	    " (SELECT count(*) FROM menu_item c WHERE c.parent_id = tree.id) FROM tree ORDER BY sortkey",
	    &p, sizeof **out, fill_menu, (void **)out, n);
}

enum save_result pg_store_menu_save(store *s, int64_t site_id, const struct menu_entry *x, int64_t user_id,
				    int64_t *id_out)
{
	/* $4 is the parent (0: top level); position $5 -1 puts the entry last among its new siblings */
#define LAST_AMONG_SIBLINGS                                                                                  \
	"(SELECT COALESCE(max(position) + 1, 0) FROM menu_item WHERE site_id = $1::bigint "                  \
	"AND COALESCE(parent_id, 0) = $4::bigint)"
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, x->label);
	pg_p_text(&p, x->url);
	pg_p_i64(&p, x->parent_id);
	pg_p_i64(&p, x->position);
	if (x->id)
		pg_p_i64(&p, x->id);
	const char *taken;
	return save_one(
	    s, MENU_LOCK, site_id, x->id ? S_MENU_UPDATE : S_MENU_INSERT,
	    x->id ? "UPDATE menu_item SET label = $2::text, url = $3::text, "
		    "parent_id = NULLIF($4::bigint, 0), position = CASE WHEN $5::bigint >= 0 THEN "
		    "$5::bigint WHEN COALESCE(parent_id, 0) = $4::bigint THEN position "
		    "ELSE " LAST_AMONG_SIBLINGS " END WHERE site_id = $1::bigint AND id = $6::bigint "
		    "RETURNING id"
		  : "INSERT INTO menu_item (site_id, label, url, parent_id, position) "
		    "SELECT $1::bigint, $2::text, $3::text, NULLIF($4::bigint, 0), "
		    "CASE WHEN $5::bigint >= 0 THEN $5::bigint ELSE " LAST_AMONG_SIBLINGS " END "
		    "RETURNING id",
	    &p, x->id, "menu", user_id, x->label, id_out, &taken);
#undef LAST_AMONG_SIBLINGS
}

/* The parent and label of an entry of a site, its row locked until the transaction ends: 1 found, 0 not,
 * -1 on error. */
static int menu_one(store *s, int64_t site_id, int64_t id, int64_t *parent, char *label, size_t n)
{
	struct pg_params p = {0};
	two_ids(&p, site_id, id);
	PGresult *r = pg_q(s, S_MENU_ONE,
			   "SELECT COALESCE(parent_id, 0), label FROM menu_item "
			   "WHERE site_id = $1::bigint AND id = $2::bigint FOR UPDATE",
			   &p);
	if (!r)
		return -1;
	int found = PQntuples(r) > 0;
	if (found) {
		*parent = pg_i64(r, 0, 0);
		snprintf(label, n, "%s", PQgetvalue(r, 0, 1));
	}
	PQclear(r);
	return found;
}

#define MENU_MAX_SIBLINGS 500

static enum save_result menu_reorder(store *s, int64_t site_id, int64_t id, int64_t parent, int dir)
{
	int64_t ids[MENU_MAX_SIBLINGS];
	size_t n = 0, at = 0;
	struct pg_params p = {0};
	two_ids(&p, site_id, parent);
	if (pg_ids(
		s, S_MENU_SIBLINGS,
		"SELECT id FROM menu_item WHERE site_id = $1::bigint AND COALESCE(parent_id, 0) = $2::bigint "
		"ORDER BY position, id",
		&p, ids, MENU_MAX_SIBLINGS, &n) != 0)
		return SAVE_ERROR;
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
		struct pg_params q = {0};
		two_ids(&q, ids[i], (int64_t)i);
		if (pg_exec(s, S_MENU_PLACE,
			    "UPDATE menu_item SET position = $2::integer WHERE id = $1::bigint", &q,
			    NULL) != 0)
			return SAVE_ERROR;
	}
	return SAVE_OK;
}

enum save_result pg_store_menu_move(store *s, int64_t site_id, int64_t id, int dir, int64_t user_id)
{
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	int64_t parent = 0;
	char label[256];
	int found =
	    lock(s, MENU_LOCK, site_id) != 0 ? -1 : menu_one(s, site_id, id, &parent, label, sizeof label);
	enum save_result rc = found < 0 ? SAVE_ERROR : found == 0 ? SAVE_NOT_FOUND : SAVE_OK;
	if (rc == SAVE_OK)
		rc = menu_reorder(s, site_id, id, parent, dir);
	if (rc == SAVE_OK)
		rc = pg_audit_record(s, user_id, "menu", dir < 0 ? "move-up" : "move-down", id, label);
	return tx_end(s, rc);
}

enum save_result pg_store_menu_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	int64_t parent = 0;
	char label[256];
	int found =
	    lock(s, MENU_LOCK, site_id) != 0 ? -1 : menu_one(s, site_id, id, &parent, label, sizeof label);
	enum save_result rc = found < 0 ? SAVE_ERROR : found == 0 ? SAVE_NOT_FOUND : SAVE_OK;
	if (rc == SAVE_OK) {
		/* entries under it go too (ON DELETE CASCADE on parent_id) */
		struct pg_params p = {0};
		two_ids(&p, site_id, id);
		rc = pg_exec(s, S_MENU_DELETE,
			     "DELETE FROM menu_item WHERE site_id = $1::bigint AND id = $2::bigint", &p,
			     NULL) == 0
			 ? SAVE_OK
			 : SAVE_ERROR;
	}
	if (rc == SAVE_OK)
		rc = pg_audit_record(s, user_id, "menu", "delete", id, label);
	return tx_end(s, rc);
}

/* ---- sister sites ---- */

#define SITE_COLS "SELECT id, slug, name, specialty, host, tagline, is_default, position FROM site "

static void fill_site(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct site_edit *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->specialty = pg_str(pool, r, row, 3);
	x->host = pg_str(pool, r, row, 4);
	x->tagline = pg_str(pool, r, row, 5);
	x->is_default = (int)pg_i64(r, row, 6);
	x->position = pg_i64(r, row, 7);
}

int pg_store_admin_sites(store *s, h2o_mem_pool_t *pool, struct site_edit **out, size_t *n)
{
	return pg_collect(s, pool, S_SITES, SITE_COLS "ORDER BY position, id", NULL, sizeof **out, fill_site,
			  (void **)out, n);
}

int pg_store_site_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct site_edit *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	memset(out, 0, sizeof *out);
	return pg_one(s, pool, S_SITE_ONE, SITE_COLS "WHERE id = $1::bigint", &p, fill_site, out);
}

enum save_result pg_store_site_save(store *s, const struct site_edit *x, int64_t user_id, int64_t *id_out,
				    const char **taken)
{
	struct pg_params p = {0};
	pg_p_text(&p, x->slug);
	pg_p_text(&p, x->name);
	pg_p_text(&p, x->specialty);
	pg_p_text(&p, x->host);
	pg_p_text(&p, x->tagline);
	pg_p_i64(&p, x->position);
	if (x->id)
		pg_p_i64(&p, x->id);
	return save_one(
	    s, SITE_LOCK, 0, x->id ? S_SITE_UPDATE : S_SITE_INSERT,
	    x->id ? "UPDATE site SET slug = $1::text, name = $2::text, specialty = $3::text, "
		    "host = $4::text, tagline = $5::text, "
		    "position = CASE WHEN $6::bigint < 0 THEN position ELSE $6::bigint END "
		    "WHERE id = $7::bigint RETURNING id"
		  : "INSERT INTO site (slug, name, specialty, host, tagline, is_default, position) "
		    "SELECT $1::text, $2::text, $3::text, $4::text, $5::text, 0, CASE WHEN $6::bigint < 0 "
		    "THEN (SELECT COALESCE(max(position) + 1, 0) FROM site) ELSE $6::bigint END "
		    "RETURNING id",
	    &p, x->id, "site", user_id, x->name, id_out, taken);
}
