/* pdf_markdown: an article's Markdown laid out in a pdf_doc by walking md4c's parse (never parsed by hand).
 */
#ifndef PLENARY_PDF_MARKDOWN_H
#define PLENARY_PDF_MARKDOWN_H

#include <stddef.h>

#include "render/pdf_doc.h"

/** Lays out Markdown md (n bytes, the site's dialect: GitHub's without raw HTML) in d: paragraphs, headings
 * under the caller's article title (# is PDF_H2, the rest PDF_H3), bulleted and numbered lists, quotes,
 * code, tables as rows of cells, rules, emphasis and links. A link to a path of the site ("/article/x") is
 * made absolute on base ("https://example.org", no trailing slash); links that are neither http, https nor
 * mailto are shown as text. */
void pdf_markdown(pdf_doc *d, const char *md, size_t n, const char *base);

#endif
