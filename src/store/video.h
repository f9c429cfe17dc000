/* video: library videos, an article's video and its captions (video_db.c) */
#ifndef PLENARY_STORE_VIDEO_H
#define PLENARY_STORE_VIDEO_H

#include "store/store.h"

/* ---- video (src/store/video_db.c, migration 028): library videos, an article's video, its captions ---- */

/** A video in the media library: its file is <media_dir>/<hash>.<container>. */
struct video_file {
	int64_t id, duration_ms, width, height, bytes, poster_id, created_at, uses;
	const char *hash, *container, *video_codec, *audio_codec, *title, *original_name, *created_by;
	struct media poster; /* id 0 when none */
};
/** An article's video: where it plays (a library file, else the article's video_url), and what goes with it.
 */
struct article_video {
	int64_t article_id, file_id, duration_ms, poster_id, recorded_at, updated_at;
	const char *chapters, *transcript,
	    *transcript_plain;	/* canonical texts (core/chapters.c, transcript.c) */
	struct video_file file; /* id 0 when none */
	struct media poster;	/* its own poster, else the file's frame; id 0 when none */
	size_t ncaptions;	/* filled by store_article_video */
};
struct video_caption {
	const char *lang, *label, *vtt; /* vtt: NULL when listed without it */
	int64_t updated_at;
};
#define VIDEO_MAX_CAPTIONS 12

/** Adds a library video; SAVE_SLUG_TAKEN when the site holds the same bytes already (*id_out is that one). */
enum save_result store_video_file_add(store *s, int64_t site_id, const struct video_file *v, int64_t user_id,
				      int64_t *id_out);
/** A page of the site's videos, newest first, with how many articles play each. */
int store_video_files(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit,
		      struct video_file **out, size_t *n, size_t *total);
/** One library video: 1 found, 0 not, -1 error. */
int store_video_file_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			   struct video_file *out);
/** Renames a library video (its title): SAVE_OK, SAVE_NOT_FOUND. */
enum save_result store_video_file_title(store *s, int64_t site_id, int64_t id, const char *title,
					int64_t user_id);
/** Deletes a library video no article plays: SAVE_OK, SAVE_CONFLICT when one does, SAVE_NOT_FOUND. */
enum save_result store_video_file_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** 1 when some site's library still holds a video of this hash (its file must stay), 0, -1. */
int store_video_hash_used(store *s, const char *hash);

/** The article's video record: 1 and out, 0 when it has none, -1. */
int store_article_video(store *s, h2o_mem_pool_t *pool, int64_t article_id, struct article_video *out);
/** Creates or replaces an article's video record (file_id, duration_ms, poster_id, chapters, transcript,
 * transcript_plain, recorded_at), recorded in the audit log; a file or poster of another site is refused
 * (SAVE_NOT_FOUND). */
enum save_result store_article_video_save(store *s, int64_t site_id, const struct article_video *v,
					  int64_t user_id);
/** Removes an article's video record and its captions. */
enum save_result store_article_video_delete(store *s, int64_t article_id, int64_t user_id);
/** The article's captions, ordered by language; with their WebVTT text when with_vtt. */
int store_video_captions(store *s, h2o_mem_pool_t *pool, int64_t article_id, int with_vtt,
			 struct video_caption **out, size_t *n);
/** One caption track: 1 and out, 0 when none, -1. */
int store_video_caption(store *s, h2o_mem_pool_t *pool, int64_t article_id, const char *lang,
			struct video_caption *out);
/** Adds or replaces the article's captions in c->lang: SAVE_OK, SAVE_CONFLICT past VIDEO_MAX_CAPTIONS. */
enum save_result store_video_caption_save(store *s, int64_t article_id, const struct video_caption *c,
					  int64_t user_id);
/** A public article's video as a sitemap lists it. */
struct video_listing {
	int64_t article_id, duration_ms;
	const char *file_hash, *container; /* "" when it plays from video_url */
	const char *video_url;
	struct media poster; /* hash "" when none */
};
/** The videos of a site's published public articles, by article id (at most limit). */
int store_public_videos(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
			struct video_listing **out, size_t *n);
/** Removes one caption track: SAVE_OK, SAVE_NOT_FOUND. */
enum save_result store_video_caption_delete(store *s, int64_t article_id, const char *lang, int64_t user_id);

#endif
