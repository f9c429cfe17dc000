/* shortcodes: WordPress's own syntax inside bodies: [shortcodes], block comments and video URLs. */
#ifndef PLENARY_SHORTCODES_H
#define PLENARY_SHORTCODES_H

#include <stddef.h>
#include <stdint.h>
#include <h2o/memory.h>

/* The shortcodes the converter understands; every other name is left as text. */
enum wp_sc_kind { WP_SC_CAPTION, WP_SC_EMBED, WP_SC_VIDEO, WP_SC_AUDIO, WP_SC_GALLERY };

/** One shortcode found in a body. Values are as written (HTML: entities not yet decoded), NULL when
 * absent. In the rewritten HTML it stands as <plenary-sc n="INDEX">...</plenary-sc>: a [caption]'s
 * content sits between the two tags, the other kinds are empty elements. */
struct wp_shortcode {
	enum wp_sc_kind kind;
	const char *src;     /* [embed]: its content (the URL); [video]/[audio]: src or the first format */
	const char *ids;     /* [gallery]: ids (or include) */
	const char *caption; /* [caption]: the caption attribute of older posts */
	const char *open, *close; /* the tags as written, for places that show text (code) */
};

struct wp_shortcodes {
	char *html; /* the body with shortcodes replaced by markers, NUL-terminated, from malloc: free() it */
	size_t len;
	struct wp_shortcode *v;
	size_t n;
};

/** At most this many shortcodes become markers in one body; later ones stay text (noted). */
#define WP_SC_MAX 10000

/** Scans html (n bytes) for shortcodes outside tags and comments, as WordPress would: [[name]] is the
 * escape for a literal [name]; unknown names stay as text, each reported through note(ctx, line).
 * Allocates in pool. */
void wp_shortcodes_scan(h2o_mem_pool_t *pool, const char *html, size_t n, struct wp_shortcodes *out,
			void (*note)(void *ctx, const char *what), void *ctx);

/** A block editor comment (<!-- wp:name {json} --> or <!-- /wp:name -->), from the comment's text. */
struct wp_block {
	int closing;	 /* 1 for <!-- /wp:name --> */
	char name[64];	 /* "embed", "image", "core-embed/youtube", ... */
	const char *url; /* the "url" attribute, or NULL */
	int64_t id;	 /* the "id" attribute, or 0 */
};
/** 1 and *b filled when text (n bytes) is a block comment, else 0. */
int wp_block_comment(h2o_mem_pool_t *pool, const char *text, size_t n, struct wp_block *b);

/** A YouTube or Vimeo address (watch?v=, youtu.be/, embed/, youtube-nocookie.com/embed/, vimeo.com/N,
 * player.vimeo.com/video/N; http, https or //) as https://www.youtube.com/watch?v=ID or
 * https://vimeo.com/ID in pool; NULL when url is anything else. */
const char *wp_video_url(h2o_mem_pool_t *pool, const char *url);

#endif
