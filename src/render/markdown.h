/* markdown: Markdown to safe HTML through md4c. */
#ifndef PLENARY_MARKDOWN_H
#define PLENARY_MARKDOWN_H

#include <stddef.h>

#include "core/buf.h"

/** Appends the HTML for Markdown md (n bytes) to out. GitHub dialect (tables, strikethrough, task
 * lists, autolinks) without raw HTML: tags an author types come out as text. Link and image URLs
 * (href="..." and src="...") that esc_url_is_safe refuses (javascript:, data:, ...) become "#".
 * Control characters are dropped and invalid UTF-8 becomes U+FFFD. Scratch memory comes from
 * out's pool when it has one. */
void md_render(buf *out, const char *md, size_t n);

#endif
