/* site_lang_db: a site's default language and the others it offers, read and saved for the back office. */
#include "store/backend.h"
#include "store/db.h"
#include "store/structure.h"

enum { L_READ = 921, L_SAVE }; /* slots 921-922 of the range 920-939 (users_db.c has 920) */

struct site_langs {
	const char **lang, **langs;
};

static void fill_langs(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct site_langs *x = item;
	*x->lang = db_col_text(st, pool, 0);
	*x->langs = db_col_text(st, pool, 1);
}

int store_site_languages(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char **lang,
			 const char **langs)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), L_READ, "SELECT language, languages FROM site WHERE id = ?1");
	db_bind_int64(st, 1, site_id);
	struct site_langs x = {lang, langs};
	return db_one(st, pool, fill_langs, &x);
}

enum save_result store_site_languages_save(store *s, int64_t site_id, const char *lang, const char *langs,
					   int64_t user_id)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), L_SAVE, "UPDATE site SET language = ?2, languages = ?3 WHERE id = ?1");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, lang);
	db_bind_text(st, 3, langs);
	return db_update_audited(st, site_id, "site", "languages", user_id, langs[0] ? langs : lang);
}
