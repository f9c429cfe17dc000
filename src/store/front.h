/* front: the front page an editor curates (front_db.c) */
#ifndef PLENARY_STORE_FRONT_H
#define PLENARY_STORE_FRONT_H

#include "store/store.h"

/* ---- the front page an editor curates (src/store/front_db.c) ---- */

/** An article curated onto the front page, as the back office lists it. */
struct front_entry {
	int64_t article_id, position;
	const char *place; /* "featured" or "pinned" */
	const char *title, *slug, *status;
	int visible; /* published and its time has come: the home page shows it */
};
/** The highlighted congress (*congress_id 0: chosen automatically) and every curated article, the featured
 * ones first, each place in its order. */
int store_front(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t *congress_id,
		struct front_entry **out, size_t *n);
/** The visible articles of place ("featured" or "pinned") in their order, at most limit, as list cards; with
 * lang (not NULL; "" the site's default), each placed article's family member in lang when one is visible. */
int store_front_articles(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *place, const char *lang,
			 size_t limit, struct article **out, size_t *n);
/** Sets the highlighted congress (0: automatic); SAVE_NOT_FOUND when the site has no such congress. */
enum save_result store_front_set_congress(store *s, int64_t site_id, int64_t congress_id, int64_t user_id);
/** Puts a visible article of the site last in place: SAVE_NOT_FOUND when there is no such visible article,
 * SAVE_SLUG_TAKEN when it is on the front page already, SAVE_CONFLICT when place holds max already. */
enum save_result store_front_add(store *s, int64_t site_id, int64_t article_id, const char *place, size_t max,
				 int64_t user_id);
/** Moves a curated article one place up (dir < 0) or down in its place; SAVE_OK also at either end. */
enum save_result store_front_move(store *s, int64_t site_id, int64_t article_id, int dir, int64_t user_id);
/** Takes an article off the front page (the article itself stays). */
enum save_result store_front_remove(store *s, int64_t site_id, int64_t article_id, int64_t user_id);

#endif
