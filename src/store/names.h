/* names: translated names of sections, congresses, pages, menus and sites (names_db.c) */
#ifndef PLENARY_STORE_NAMES_H
#define PLENARY_STORE_NAMES_H

#include "store/store.h"

/* ---- translated names (src/store/names_db.c, migration 030's name_translation) ----
 *
 * Sections, congresses, tags, static pages, menu entries and sites keep their names in the site's default
 * language; a translation is one row per item, language and field. A page in another language shows the
 * translation where there is one, else the name as kept. */

/** The kinds and fields name_translation knows ("section", "name"...). */
struct name_text {
	const char *kind;
	int64_t item_id;
	const char *lang, *field, *text;
};
/** Translations sorted by kind, item and field (store_name_find looks in it); lang as read. */
struct name_set {
	struct name_text *rows;
	size_t n;
};
/** Every translated name into lang (of every site: ids are unique per kind), sorted. 0, or -1. */
int store_names(store *s, h2o_mem_pool_t *pool, const char *lang, struct name_set *out);
/** The translated field of an item in set (NULL: none), or fallback when it has none. */
const char *store_name_find(const struct name_set *set, const char *kind, int64_t item_id, const char *field,
			    const char *fallback);
/** Every translation of one item, in every language, for its edit form. 0, or -1. */
int store_item_names(store *s, h2o_mem_pool_t *pool, const char *kind, int64_t item_id, struct name_set *out);
/** Writes the translations of one item: each row's (lang, field) gets its text; "" removes the row (the
 * pages fall back to the name as kept). Rows whose text is already so write nothing. In one transaction;
 * a change writes its audit line ("kind.names" on "kind:id") and, by 030's triggers, the change log. */
enum save_result store_item_names_save(store *s, const char *kind, int64_t item_id,
				       const struct name_text *rows, size_t n, int64_t user_id);

#endif
