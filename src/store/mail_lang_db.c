/* mail_lang_db: the languages a mail's recipient reads (an account's, a subscriber's, the site's), on the
 * seam. */
#include "store/db.h"
#include "store/subscriptions.h"

enum {
	L_LANGUAGES = 840, /* slots 840-859 of the seam belong to mail_lang_db.c */
	L_SUBSCRIBER_SET,
	L_END
};
_Static_assert(L_END <= 860, "mail_lang_db.c owns the seam's statement slots 840 to 859");

int store_mail_languages(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id,
			 int64_t subscriber_id, const char *out[3])
{
	out[0] = out[1] = out[2] = "";
	struct db_stmt *st = db_prepare(db_of(s), L_LANGUAGES,
					"SELECT COALESCE((SELECT language FROM \"user\" WHERE id = ?2), ''), "
					"COALESCE((SELECT language FROM subscriber WHERE id = ?3), ''), "
					"COALESCE((SELECT language FROM site WHERE id = ?1), '')");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, user_id);
	db_bind_int64(st, 3, subscriber_id);
	int rc = db_step(st);
	if (rc == DB_ROW)
		for (int i = 0; i < 3; i++)
			out[i] = db_col_text(st, pool, i);
	db_reset(st);
	return rc == DB_ROW ? 0 : -1;
}

int store_subscriber_set_language(store *s, int64_t id, const char *lang)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), L_SUBSCRIBER_SET, "UPDATE subscriber SET language = ?2 WHERE id = ?1");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, lang);
	return db_exec(st, NULL);
}
