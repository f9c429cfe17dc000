/* whatsnew_pdf_db: the bodies a "What's new" PDF prints, read only where the reader's level reaches the
 * article's audience (the rule of the public pages, in SQL), written once on the seam (db.h). */
#include <stdint.h>
#include <string.h>

#include "store/public_db.h"

enum {
	WP_BODIES = 760, /* slots 760-799 of the seam belong to whatsnew_pdf_db.c */
	WP_LAST
};
_Static_assert(WP_LAST <= 800, "whatsnew_pdf_db.c owns the seam's statement slots 760 to 799");

struct body_row {
	int64_t id;
	const char *body;
};

static void fill_body(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct body_row *x = item;
	x->id = db_col_int64(st, 0);
	x->body = db_col_text(st, pool, 1);
}

int store_whatsnew_bodies(store *s, h2o_mem_pool_t *pool, const struct whatsnew_filter *f,
			  enum audience reader, size_t limit, struct article *as, size_t n)
{
	for (size_t i = 0; i < n; i++)
		as[i].body = NULL;
	/* the rows of store_whatsnew_articles that the reader may read whole, in its order */
	struct db_stmt *st = db_prepare(
	    db_of(s), WP_BODIES,
	    "SELECT a.id, a.body FROM article a WHERE " DB_VISIBLE
	    " AND a.site_id = ?2 AND a.section_id = ?3 "
	    "AND (CAST(?4 AS BIGINT) = 0 OR a.congress_id = ?4) AND a.published_at >= ?5 AND "
	    "a.published_at < ?6 AND (CAST(?9 AS INTEGER) = 0 OR " DB_FAMILY_PICK(
		"?10", "?1") ") "
			     "AND " DB_AUDIENCE_LEVEL
			     " <= CAST(?7 AS INTEGER) ORDER BY a.published_at DESC, a.id DESC LIMIT ?8");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, f->site_id);
	db_bind_int64(st, 3, f->section_id);
	db_bind_int64(st, 4, f->congress_id);
	db_bind_int64(st, 5, f->from);
	db_bind_int64(st, 6, f->until);
	db_bind_int(st, 7, (int)reader);
	db_bind_int64(st, 8, (int64_t)limit);
	db_bind_int(st, 9, f->lang != NULL);
	db_bind_text(st, 10, f->lang ? f->lang : "");
	struct body_row *rows;
	size_t nr;
	if (db_collect(st, pool, sizeof *rows, fill_body, (void **)&rows, &nr) != 0)
		return -1;
	/* both lists are newest first: one walk pairs them */
	size_t k = 0;
	for (size_t i = 0; i < n && k < nr; i++) {
		size_t j = k;
		while (j < nr && rows[j].id != as[i].id)
			j++;
		if (j == nr)
			continue; /* gated, or not visible any more */
		as[i].body = rows[j].body;
		k = j + 1;
	}
	return 0;
}
