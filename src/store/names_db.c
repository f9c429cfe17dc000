/* names_db: translated names of sections, congresses, tags, pages, menu entries and sites (030), on the seam.
 */
#include <stdlib.h>
#include <string.h>

#include "store/db.h"
#include "store/names.h"

enum {
	S_NAMES_LANG = 900, /* slots 900-919 of the seam belong to names_db.c */
	S_NAMES_ITEM,
	S_NAME_PUT,
	S_NAME_DROP,
	S_NAMES_ORPHANS,
	S_END
};
_Static_assert(S_END <= 920, "names_db.c owns the seam's statement slots 900 to 919");

static void fill_name(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct name_text *x = item;
	x->kind = db_col_text(st, pool, 0);
	x->item_id = db_col_int64(st, 1);
	x->lang = db_col_text(st, pool, 2);
	x->field = db_col_text(st, pool, 3);
	x->text = db_col_text(st, pool, 4);
}

/* by kind, item and field, in bytes (the engines' collations differ; bsearch needs this one) */
static int cmp_key(const char *kind, int64_t id, const char *field, const struct name_text *b)
{
	int c = strcmp(kind, b->kind);
	if (c)
		return c;
	if (id != b->item_id)
		return id < b->item_id ? -1 : 1;
	return strcmp(field, b->field);
}

static int cmp_rows(const void *a, const void *b)
{
	const struct name_text *x = a;
	return cmp_key(x->kind, x->item_id, x->field, b);
}

static int collect(struct db_stmt *st, h2o_mem_pool_t *pool, struct name_set *out)
{
	memset(out, 0, sizeof *out);
	if (db_collect(st, pool, sizeof *out->rows, fill_name, (void **)&out->rows, &out->n) != 0)
		return -1;
	if (out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows, cmp_rows);
	return 0;
}

#define NAME_COLS "SELECT kind, item_id, lang, field, text FROM name_translation "

int store_names(store *s, h2o_mem_pool_t *pool, const char *lang, struct name_set *out)
{
	struct db_stmt *st = db_prepare(db_of(s), S_NAMES_LANG, NAME_COLS "WHERE lang = ?1");
	db_bind_text(st, 1, lang);
	return collect(st, pool, out);
}

int store_item_names(store *s, h2o_mem_pool_t *pool, const char *kind, int64_t item_id, struct name_set *out)
{
	struct db_stmt *st = db_prepare(db_of(s), S_NAMES_ITEM, NAME_COLS "WHERE kind = ?1 AND item_id = ?2");
	db_bind_text(st, 1, kind);
	db_bind_int64(st, 2, item_id);
	return collect(st, pool, out);
}

const char *store_name_find(const struct name_set *set, const char *kind, int64_t item_id, const char *field,
			    const char *fallback)
{
	size_t lo = 0, hi = set ? set->n : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = cmp_key(kind, item_id, field, &set->rows[mid]);
		if (!c)
			return set->rows[mid].text;
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return fallback;
}

enum save_result store_item_names_save(store *s, const char *kind, int64_t item_id,
				       const struct name_text *rows, size_t n, int64_t user_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	int changed = 0;
	for (size_t i = 0; i < n; i++) {
		struct db_stmt *st =
		    rows[i].text[0]
			? db_prepare(d, S_NAME_PUT,
				     "INSERT INTO name_translation (kind, item_id, lang, field, text) "
				     "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (kind, item_id, lang, field) "
				     "DO UPDATE SET text = excluded.text WHERE name_translation.text <> "
				     "excluded.text")
			: db_prepare(d, S_NAME_DROP,
				     "DELETE FROM name_translation "
				     "WHERE kind = ?1 AND item_id = ?2 AND lang = ?3 AND field = ?4");
		db_bind_text(st, 1, kind);
		db_bind_int64(st, 2, item_id);
		db_bind_text(st, 3, rows[i].lang);
		db_bind_text(st, 4, rows[i].field);
		if (rows[i].text[0])
			db_bind_text(st, 5, rows[i].text);
		int c = 0;
		if (db_exec(st, &c) != 0)
			return db_end(d, SAVE_ERROR);
		changed += c;
	}
	enum save_result rc = changed ? db_audit_record(s, user_id, kind, "names", item_id, "") : SAVE_OK;
	return db_end(d, rc);
}

int db_names_orphans(struct db *d)
{
	struct db_stmt *st = db_prepare(
	    d, S_NAMES_ORPHANS,
	    "DELETE FROM name_translation WHERE (kind = 'tag' AND item_id NOT IN (SELECT id FROM tag)) "
	    "OR (kind = 'menu_item' AND item_id NOT IN (SELECT id FROM menu_item))");
	return db_exec(st, NULL);
}
