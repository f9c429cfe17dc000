/* site_images_db: the pictures around the reader's text: each site's logo and favicon, and the featured
 * images of a list's cards, written once on the seam (db.h). */
#include <string.h>

#include "store/db.h"
#include "store/media.h"

enum {
	I_SITE_IMAGES = 440, /* slots 440-459 of the seam belong to site_images_db.c */
	I_SITE_IMAGES_SAVE,
	I_CARD_IMAGES,
	I_END
};
_Static_assert(I_END <= 460, "site_images_db.c owns the seam's statement slots 440 to 459");

/* An image's seven columns (id, hash, kind, alt, width, height, credit) from column `at`; id 0 when NULL. */
#define IMAGE_COLS(m) m ".id, " m ".hash, " m ".kind, " m ".alt, " m ".width, " m ".height, " m ".credit"

static void fill_image(h2o_mem_pool_t *pool, struct db_stmt *st, int at, struct media *m)
{
	memset(m, 0, sizeof *m);
	if (db_col_null(st, at))
		return;
	m->id = db_col_int64(st, at);
	m->hash = db_col_text(st, pool, at + 1);
	m->kind = db_col_text(st, pool, at + 2);
	m->alt = db_col_text(st, pool, at + 3);
	m->width = db_col_int64(st, at + 4);
	m->height = db_col_int64(st, at + 5);
	m->credit = db_col_text(st, pool, at + 6);
}

static void fill_site_images(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct site_images *x = item;
	fill_image(pool, st, 0, &x->logo);
	fill_image(pool, st, 7, &x->favicon);
}

int store_site_images(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct site_images *out)
{
	/* only the site's own images: an id of another site's library never shows */
	struct db_stmt *st = db_prepare(
	    db_of(s), I_SITE_IMAGES,
	    "SELECT " IMAGE_COLS("l") ", " IMAGE_COLS(
		"f") " FROM site s "
		     "LEFT JOIN media l ON l.id = s.logo_id AND l.site_id = s.id "
		     "LEFT JOIN media f ON f.id = s.favicon_id AND f.site_id = s.id WHERE s.id = ?1");
	db_bind_int64(st, 1, site_id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_site_images, out);
}

enum save_result store_site_images_save(store *s, int64_t site_id, int64_t logo_id, int64_t favicon_id,
					int64_t user_id)
{
	/* an id that is not one of the site's images (or 0) leaves the site without that picture */
	struct db_stmt *st =
	    db_prepare(db_of(s), I_SITE_IMAGES_SAVE,
		       "UPDATE site SET logo_id = (SELECT id FROM media WHERE id = ?2 AND site_id = ?1), "
		       "favicon_id = (SELECT id FROM media WHERE id = ?3 AND site_id = ?1) WHERE id = ?1");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, logo_id);
	db_bind_int64(st, 3, favicon_id);
	return db_update_audited(st, site_id, "site", "images", user_id, "logo and favicon");
}

/* How many articles one statement asks for: a page of cards (12) or a few lists' fit in one or two. */
#define CARD_BATCH 16

int store_card_images(store *s, h2o_mem_pool_t *pool, struct article *as, size_t n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), I_CARD_IMAGES,
		       "SELECT a.id, " IMAGE_COLS("m") " FROM article a JOIN media m ON m.id = a.image_id "
						       "AND m.site_id = a.site_id WHERE a.id IN (?1, ?2, ?3, "
						       "?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
						       "?15, ?16)");
	for (size_t from = 0; from < n; from += CARD_BATCH) {
		size_t k = n - from < CARD_BATCH ? n - from : CARD_BATCH;
		db_reset(st);
		for (size_t i = 0; i < CARD_BATCH;
		     i++) /* no article has id 0: the unused places match none */
			db_bind_int64(st, (int)i + 1, i < k ? as[from + i].id : 0);
		int rc;
		while ((rc = db_step(st)) == DB_ROW) {
			int64_t id = db_col_int64(st, 0);
			for (size_t i = from; i < from + k; i++)
				if (as[i].id == id)
					fill_image(pool, st, 1, &as[i].image);
		}
		if (rc != DB_DONE)
			return -1;
	}
	return 0;
}
