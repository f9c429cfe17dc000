/* video_page: an article's video for the reader: the player, its tracks, the transcript, the VideoObject. */
#ifndef PLENARY_VIDEO_PAGE_H
#define PLENARY_VIDEO_PAGE_H

#include "http/request.h"
#include "render/view.h"
#include "store/store.h"

/** Fills x (the article's view) with its video, for a reader who may read the body: has_video, the player
 * (video_src and video_type for a file, video_embed or video_needs_consent for YouTube and Vimeo),
 * captions, chapters, transcript lines and ld_video. Nothing when the article has no video. */
void video_view(struct request *r, view *page, view *x, const struct article *a);
/** The 11-character id of a YouTube watch or short link, or NULL. */
const char *video_youtube_id(h2o_mem_pool_t *pool, const char *url);
/** The number of a Vimeo link, or NULL. */
const char *video_vimeo_id(h2o_mem_pool_t *pool, const char *url);

/** GET /article/SLUG/captions/LANG.vtt: the captions, only for a reader who may read the body (else 403). */
void video_captions_file(struct request *r);
/** GET /article/SLUG/chapters.vtt: the chapters as a WebVTT chapters track, gated the same way. */
void video_chapters_file(struct request *r);

#endif
