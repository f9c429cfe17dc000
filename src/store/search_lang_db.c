/* search_lang_db: the language a search ranks first, the reader's or else the site's default. */
#include <stdio.h>

#include "store/db.h"
#include "store/rank.h"
#include "store/search.h"

enum {
	SL_SITE = 860, /* slots 860-879 of the seam belong to search_lang_db.c */
	SL_LAST
};
_Static_assert(SL_LAST <= 880, "search_lang_db.c owns the seam's statement slots 860 to 879");

int rank_reader_language(store *s, const struct search_query *q, char out[4])
{
	out[0] = 0;
	if (q->lang && q->lang[0]) {
		snprintf(out, 4, "%s", q->lang);
		return 0;
	}
	struct db_stmt *st = db_prepare(db_of(s), SL_SITE, "SELECT language FROM site WHERE id = ?1");
	db_bind_int64(st, 1, q->site_id);
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int rc = db_step(st);
	if (rc == DB_ROW)
		snprintf(out, 4, "%s", db_col_text(st, &pool, 0));
	if (rc != DB_ERROR)
		db_reset(st);
	h2o_mem_clear_pool(&pool);
	return rc == DB_ERROR ? -1 : 0;
}
