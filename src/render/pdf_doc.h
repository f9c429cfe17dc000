/* pdf_doc: a typeset A4 document (Pango on Cairo's PDF surface): headings, paragraphs with links, list items,
 * a running footer with page numbers on every page, lines never cut by a page break; it ends as PDF bytes. */
#ifndef PLENARY_PDF_DOC_H
#define PLENARY_PDF_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/** Rich text of one block: UTF-8 text with styles and links over byte ranges of it. Text is never read as
 * markup: what an author typed is laid out as it is. */
typedef struct pdf_text pdf_text;

enum pdf_style { PDF_BOLD, PDF_ITALIC, PDF_MONO, PDF_STRIKE, PDF_UNDERLINE };

pdf_text *pdf_text_new(void);
void pdf_text_free(pdf_text *t);
/** Forgets the text, its styles and links, keeping the memory. */
void pdf_text_reset(pdf_text *t);
/** Appends n bytes of text: invalid UTF-8 becomes U+FFFD, control characters other than a line break are
 * dropped (a tab becomes a space), a word longer than 200 characters gets invisible break opportunities, and
 * a block keeps its first 128 KiB (then "…"). */
void pdf_text_add(pdf_text *t, const char *s, size_t n);
void pdf_text_adds(pdf_text *t, const char *s);
/** Starts a style over the text added until the matching pdf_text_end (spans nest; at most 32 open). */
void pdf_text_begin(pdf_text *t, enum pdf_style style);
void pdf_text_end(pdf_text *t);
/** Starts a link over the text added until pdf_text_link_end: uri must be an absolute http, https or mailto
 * address (anything else is shown, not linked); its parentheses, backslashes and bytes past ASCII are
 * percent-encoded in the PDF. */
void pdf_text_link_begin(pdf_text *t, const char *uri);
void pdf_text_link_end(pdf_text *t);
/** The text added so far ("" when none). */
const char *pdf_text_str(const pdf_text *t);
/** 1 when only spaces (or nothing) were added. */
int pdf_text_blank(const pdf_text *t);

/** How a block looks. */
enum pdf_block {
	PDF_KICKER,   /* small capitals above a title */
	PDF_TITLE,    /* the document's title */
	PDF_SUBTITLE, /* under the title */
	PDF_H1,	      /* an article's title */
	PDF_H2,	      /* a heading inside an article */
	PDF_H3,
	PDF_BODY,   /* a paragraph */
	PDF_META,   /* a small grey line: date, kind, faculty */
	PDF_LEAD,   /* an article's summary */
	PDF_QUOTE,  /* a block quotation */
	PDF_CODE,   /* preformatted text, lines kept */
	PDF_NOTE,   /* a small notice */
	PDF_BLOCKS, /* the number of kinds */
};

typedef struct pdf_doc pdf_doc;

struct pdf_doc_info {
	const char *title;  /* the file's title (its metadata) */
	const char *author; /* the site */
	const char *footer; /* the running footer's text, left of the page number */
	int64_t made;	    /* the document's date (its metadata), Unix seconds; 0 for none */
};

/** Starts a document whose PDF bytes are appended to out (a buffer the caller keeps until pdf_doc_end).
 * NULL when Cairo could not start one. */
pdf_doc *pdf_doc_begin(const struct pdf_doc_info *info, buf *out);
/** Lays out t as a block of kind. indent (points) moves it right; marker (a list's bullet or number, may be
 * NULL) is drawn in that indent beside its first line. A heading keeps with the two lines after it. */
void pdf_doc_block(pdf_doc *d, enum pdf_block kind, const pdf_text *t, double indent, const char *marker);
/** A heading of plain text, linked to uri when not NULL. */
void pdf_doc_heading(pdf_doc *d, enum pdf_block kind, const char *text, const char *uri);
/** A paragraph of body text. */
void pdf_doc_paragraph(pdf_doc *d, const pdf_text *t);
/** A list item at depth (1 for a top-level list) with its marker ("•", "3."). */
void pdf_doc_list_item(pdf_doc *d, int depth, const char *marker, const pdf_text *t);
/** A thin rule across the text column (nothing at the top of a page). */
void pdf_doc_rule(pdf_doc *d);
/** Vertical space in points (nothing at the top of a page). */
void pdf_doc_space(pdf_doc *d, double points);
/** The next block starts a new page, unless the current one is still empty (a break at the end makes no empty
 * page). */
void pdf_doc_page_break(pdf_doc *d);
/** A top-level bookmark of the PDF's outline leading to where the next block starts. */
void pdf_doc_bookmark(pdf_doc *d, const char *text);
/** Pages so far (the one being filled included; a break waiting for its next block not). */
int pdf_doc_pages(const pdf_doc *d);
/** Finishes the document (its bytes are in out then) and frees d: 0, or -1 when Cairo failed. */
int pdf_doc_end(pdf_doc *d);

#endif
