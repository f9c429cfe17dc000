/* media: the media library and the reader's pictures (media_db.c, site_images_db.c) */
#ifndef PLENARY_STORE_MEDIA_H
#define PLENARY_STORE_MEDIA_H

#include "store/store.h"

/* ---- the media library (media_db.c) ---- */

/** The id of the site's image with these bytes: 0 when none, -1 on error. */
int64_t store_media_find(store *s, int64_t site_id, const char *hash);
/** Adds an image; SAVE_SLUG_TAKEN when the site holds the same bytes already (*id_out is that image). */
enum save_result store_media_add(store *s, int64_t site_id, const struct media *m, int64_t user_id,
				 int64_t *id_out);
/** A page of the site's images, newest first, with how many articles show each. */
int store_media_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit,
		     struct media **out, size_t *n, size_t *total);
/** One image of a site: 1 found, 0 not, -1 error. */
int store_media_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct media *out);
enum save_result store_media_update(store *s, int64_t site_id, int64_t id, const char *alt,
				    const char *credit, int64_t user_id);
/** Deletes an image no article shows: SAVE_OK, or SAVE_CONFLICT when it is shown or absent. */
enum save_result store_media_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** 1 when any site still holds an image with these bytes (so its files stay), 0 when none, -1 on error. */
int store_media_hash_used(store *s, const char *hash);

/* ---- the reader's pictures (site_images_db.c): each site's logo and favicon, and the cards' images ---- */

/** A site's logo and favicon, each id 0 when it has none. */
struct site_images {
	struct media logo, favicon;
};
/** The logo and favicon of a site (only images of its own library): 1 found, 0 no such site, -1 error. */
int store_site_images(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct site_images *out);
/** Sets a site's logo and favicon (0: none; an id not of the site's library counts as none), audited:
 * SAVE_OK, SAVE_NOT_FOUND when there is no such site, SAVE_ERROR. */
enum save_result store_site_images_save(store *s, int64_t site_id, int64_t logo_id, int64_t favicon_id,
					int64_t user_id);
/** Fills the featured image (.image) of each of n listed articles that has one: 0, or -1. */
int store_card_images(store *s, h2o_mem_pool_t *pool, struct article *as, size_t n);

/** An upload in progress (or just finished) of an image sent in chunks; its bytes are in a file named by id
 * under the media folder (src/jobs/uploads.h), whose size is how far it got. */
struct media_upload {
	const char *id; /* 32 random hex digits */
	int64_t site_id, user_id, size, media_id, created_at;
	const char *name, *alt, *credit; /* alt: a video's title */
	int done;			 /* finished: media_id is the image it became, video_id the video */
	int video;			 /* it brings a video (MP4 or WebM), not an image */
	int64_t video_id;
};
/** Records a new upload unless its user has `max` or more unfinished ones started at or after `since`
 * (checked and inserted in one transaction): SAVE_OK, SAVE_CONFLICT when too many, SAVE_ERROR. */
enum save_result store_upload_add(store *s, const struct media_upload *u, int max, int64_t since);
/** The upload `id` of this user on this site started at or after `since`: 1 and out, 0 when none, -1. */
int store_upload_get(store *s, h2o_mem_pool_t *pool, const char *id, int64_t site_id, int64_t user_id,
		     int64_t since, struct media_upload *out);
/** Marks an upload finished as image media_id or video video_id (the other 0), kept until it expires so a
 * lost answer can be asked again. */
int store_upload_done(store *s, const char *id, int64_t media_id, int64_t video_id);
/** Forgets an upload (refused or cancelled): 0, or -1. */
int store_upload_delete(store *s, const char *id);
/** Forgets every upload started before `before`: 0, or -1 (their files go by age, src/jobs/uploads.c). */
int store_upload_expire(store *s, int64_t before);

#endif
