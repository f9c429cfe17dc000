/* wxr: reads a WordPress export (WXR) as a stream with expat, one author, term or item at a time. */
#ifndef PLENARY_WXR_H
#define PLENARY_WXR_H

#include <stddef.h>
#include <stdint.h>

/* Every string given to a callback is UTF-8 without NUL, never NULL: an element the file left out is "".
 * Nothing is trimmed; integers may have blanks around them and are 0 when left out. */
struct wxr_channel {
	const char *title, *link, *base_site_url, *base_blog_url, *wxr_version, *language;
};
struct wxr_author {
	int64_t id;
	const char *login, *email, *display_name, *first_name, *last_name;
};
/* wp:category (taxonomy "category"), wp:tag ("post_tag") and wp:term (its own wp:term_taxonomy):
 * given as they come; the same term may come twice (category and term): the caller dedups */
struct wxr_term {
	int64_t id;
	const char *taxonomy, *slug, *name, *parent, *description;
};
struct wxr_item_term {
	const char *domain, *nicename, *name;
}; /* <category domain=.. nicename=..>name */
struct wxr_meta {
	const char *key, *value;
};
struct wxr_item {
	int64_t post_id, post_parent, menu_order, line; /* line: where <item> starts in the file */
	int sticky;
	const char *title, *link, *guid, *creator, *content, *excerpt, *post_date, *post_date_gmt, *post_name,
	    *status, *post_type, *password, *attachment_url;
	const struct wxr_item_term *terms;
	size_t nterms;
	const struct wxr_meta *meta;
	size_t nmeta;
	size_t ncomments; /* <wp:comment>s are counted, not kept */
};
struct wxr_handler {
	void *ctx;
	/* each returns 0 to go on; non-zero stops the reading: wxr_read then returns that value with err
	 * as the callback left it (the callback writes its own message into the err given to wxr_read) */
	int (*channel)(void *ctx, const struct wxr_channel *c); /* once, before the first author/term/item */
	int (*author)(void *ctx, const struct wxr_author *a);
	int (*term)(void *ctx, const struct wxr_term *t);
	int (*item)(void *ctx, const struct wxr_item *it);
	void (*progress)(void *ctx, int64_t bytes_read); /* after each block read; may be NULL */
};
/* 0: the defaults (a field 16 MiB, an item 32 MiB in all, 2,000 terms and 2,000 meta per item, depth 64) */
struct wxr_limits {
	size_t field_bytes, item_bytes, terms, meta, depth;
};

/** Reads the export from fd (a file or a pipe: never seeks, never mmaps, never asks its size) to its end.
 * 0 when the whole file was read and well-formed; -1 with err "line L, column C: what is wrong" when it
 * is not XML, not a WordPress export, truncated, over a limit, or holds what WXR never holds (a DOCTYPE,
 * a processing instruction, an element inside a field, a field twice in one record, an <item> without
 * <wp:post_id>, an integer that is not one); -1 with "reading the export after byte N: why" when read(2)
 * fails; or the non-zero value a callback returned. Strings given to a callback live only during that
 * call. Any callback may be NULL. Memory is bounded by the limits (expat's own included), whatever the
 * file's size. */
int wxr_read(int fd, const struct wxr_handler *h, const struct wxr_limits *lim, char *err, size_t errlen);

#endif
