/* html_markdown: a WordPress post's HTML (block editor or classic) as Markdown that renders inert. */
#ifndef PLENARY_HTML_MARKDOWN_H
#define PLENARY_HTML_MARKDOWN_H

#include <stddef.h>
#include <stdint.h>
#include <h2o/memory.h>

/* wp_body: a post's HTML (block editor or classic) as Markdown that renders inert. */
struct wp_body_hooks {
	void *ctx;
	/* the URL the body should show for an image (its src as written, the alt given, the attachment id
	 * WordPress wrote in a wp-image-N class or a block's "id", 0 when none): a URL to use, or NULL to
	 * leave the image out (the caller reports why). *alt may be replaced (e.g. by the library's). */
	const char *(*image)(void *ctx, const char *src, const char **alt, int64_t attachment_id);
	/* a link's href as written: the href to use (e.g. the old site's own links made relative), or NULL
	 * to keep the link's text without a link. May be NULL: links are kept as they are (when safe). */
	const char *(*link)(void *ctx, const char *href);
	/* one line for the import's report: "[gallery] shortcode left as text", "a <script> removed" */
	void (*note)(void *ctx, const char *what);
};
struct wp_body {
	const char *markdown;  /* NUL-terminated, in the pool */
	const char *video_url; /* the first YouTube or Vimeo video as https://www.youtube.com/watch?v=ID or
				  https://vimeo.com/ID; "" when none (later ones become links in the text) */
};
/** Converts html (n bytes, UTF-8) into out, allocating in pool. 0, or -1 when the HTML is over the
 * limits (nesting 200 deep, 16 MiB) with a note saying so. Each distinct note is given once per body.
 * h, and each of its hooks, may be NULL (no image hook: images keep their safe src). */
int wp_body_markdown(h2o_mem_pool_t *pool, const char *html, size_t n, const struct wp_body_hooks *h,
		     struct wp_body *out);
/** The same for one short plain-text field (a title, an excerpt given as HTML): text only, no
 * Markdown syntax, entities decoded, tags dropped, whitespace collapsed. */
const char *wp_plain_text(h2o_mem_pool_t *pool, const char *html, size_t n);

#endif
