/* html_walk: what html_markdown.c, html_parse.c and html_write.c share (internal to wp_body_markdown). */
#ifndef PLENARY_HTML_WALK_H
#define PLENARY_HTML_WALK_H

#include <gumbo.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <h2o/memory.h>

#include "core/buf.h"
#include "import/shortcodes.h"

struct wp_body_hooks; /* import/html_markdown.h */

#define MAX_INPUT ((size_t)16 << 20)
#define MAX_DEPTH 200
#define MAX_BOXES 16
#define MAX_MARKS 64
#define MAX_NOTES 64

/* ---- html_parse.c ---- */

/* gumbo's memory: every block (struct blk) on a list, freed by arena_clear; a budget and a CPU-time
 * deadline past which the parse is abandoned by longjmp to jb. */
struct blk;
struct arena {
	struct blk *first;
	size_t used, budget, calls;
	struct timespec deadline;
	jmp_buf jb;
};

/** Parses s as the content of a <body> in a; NULL when it needed more memory or time than the budget. */
GumboOutput *parse(struct arena *a, const char *s, size_t n);
/** Frees every block of a parse (however deep the tree). */
void arena_clear(struct arena *a);
/** The children of an element, template or document node; NULL for other nodes. */
GumboVector *children(GumboNode *n);
/** 1 when some node lies more than limit levels under root (walked with a stack, not recursion). */
bool too_deep(GumboNode *root, int limit);
/** HTML's whitespace. */
bool is_ws(int ch);
/** An element's tag; GUMBO_TAG_UNKNOWN for other nodes. */
GumboTag tag_of(GumboNode *n);
/** Elements whose content never reaches the Markdown (reported). */
bool dropped_tag(GumboTag t);
/** Elements left out without a word: document metadata and parts of other elements. */
bool quiet_tag(GumboTag t);
/** Elements that stand apart from the text around them (a paragraph break before and after). */
bool block_tag(GumboTag t);
/** s[0..n) into pool as valid UTF-8, each bad byte as U+FFFD. */
const char *utf8_mend(h2o_mem_pool_t *pool, const char *s, size_t n);
/** Appends the plain text of a subtree to b: dropped elements skipped, whitespace collapsed. */
void plain_collect(GumboNode *root, buf *b);
/** An element's attribute name, NULL when absent or not an element. */
const char *attr(GumboNode *n, const char *name);
/** True when the element's class attribute holds the word cls. */
bool has_class(GumboNode *n, const char *cls);
/** The attachment id of WordPress's wp-image-N class, 0 when none. */
int64_t wp_image_id(GumboNode *n);
/** An image's address: src, or where lazy-loading plugins keep the real one when src is a placeholder. */
const char *img_src(GumboNode *n);

/* ---- html_write.c: the Markdown writer ---- */

/* A container whose lines carry a prefix: a list item ("- " on its first line, "  " after) or a quote. */
struct box {
	char first[16], rest[16];
	bool first_used, has_content, item;
	char last_list; /* the marker of a list that just ended here, so the next list differs */
};

/* Inline syntax around content: written when the first content comes (so that nothing wraps nothing and
 * spaces stay outside), closed at the element's end or at a paragraph break (and opened again after). */
enum mark_kind { MK_NONE, MK_EM, MK_STRONG, MK_DEL, MK_LINK, MK_HEAD, MK_SEP };
struct mark {
	enum mark_kind kind;
	const char *open, *close;
	bool opened;
};

enum block_kind { B_PARA, B_LIST, B_ITEM, B_OTHER };

struct conv {
	h2o_mem_pool_t *pool;
	const struct wp_body_hooks *h;
	struct wp_shortcodes sc;
	buf out, tmp; /* malloc-backed */
	bool classic, overflow;
	struct box box[MAX_BOXES + 1]; /* box[0]: the body itself, no prefix */
	int nbox;
	bool line_start;   /* nothing written on the current line yet */
	bool blank;	   /* a blank line is due before the next content */
	int blank_depth;   /* ... carrying the prefixes of this many boxes */
	bool para;	   /* a paragraph is open */
	bool para_content; /* ... and has content */
	bool space, brk;   /* a space or a hard line break is due before the next content */
	int inline_only;   /* inside a heading, link, caption or table cell: blocks become spaces */
	int link_depth;
	struct mark mk[MAX_MARKS];
	int nmk, base; /* marks below base belong outside the current block and wait */
	enum mark_kind last_close;
	size_t last_close_end;
	const char *embed_url; /* from <!-- wp:embed {"url":...} -->, until its figure or its end */
	bool embed_used;
	int64_t image_id; /* from <!-- wp:image {"id":N} --> */
	const char *video;
	const char *noted[MAX_NOTES];
	int nnoted;
};

/** One line for the import's report, each distinct line once per body. */
void note(struct conv *c, const char *what);
/** note() as the shortcode scanner's callback (ctx: the struct conv). */
void sc_note(void *ctx, const char *what);
/** Ends the current line when something is on it. */
void line_end(struct conv *c);
/** Writes s (no newline in it) on the current line, after the due blank line and the boxes' prefixes. */
void raw(struct conv *c, const char *s, size_t n);
/** Closes the open paragraph: its marks written closed (opened again with the next content), its line ended.
 */
void close_para(struct conv *c);
/** Ends what is open before a block of kind k, and asks for a blank line when due. */
void want_block(struct conv *c, enum block_kind k);
/** Opens a list item or quote whose first line starts with first; false when too deep. */
bool push_box(struct conv *c, const char *first, bool item);
/** Closes the innermost box. */
void pop_box(struct conv *c);
/** Opens inline syntax (open ... close) written when content comes; false when too many. */
bool push_mark(struct conv *c, enum mark_kind k, const char *open, const char *close);
/** Closes the innermost mark. */
void pop_mark(struct conv *c);
/** Before inline content: the paragraph, due space or break, pending marks. True at a line's start. */
bool begin_content(struct conv *c);
/** Appends text s escaped so that Markdown shows it as it is (bol: it begins a line). */
void escape_into(buf *b, const char *s, size_t n, bool bol, bool at_end);
/** Writes s escaped as inline content. */
void put_text(struct conv *c, const char *s, size_t n, bool at_end);
/** The href a link gets: checked, passed to the link hook, checked again; NULL keeps only the text. */
const char *link_target(struct conv *c, const char *href);
/** Opens a link mark to url (already checked). */
bool push_link(struct conv *c, const char *url);
/** s[0..n) begins with http:// or https://. */
bool starts_http(const char *s, size_t n);
/** s[0..n) can stand as a Markdown autolink <s>: read as written, nothing in it is syntax. */
bool autolink_ok(const char *s, size_t n);
/** A YouTube or Vimeo video: the first is the article's video, later ones links. */
void video(struct conv *c, const char *v, bool block);
/** What an embed (block, [embed] or figure) points at: a video, or a link. */
void embed(struct conv *c, const char *url);
/** A media file: a video site's address is a video, anything else a link line, reported as what. */
void media(struct conv *c, const char *url, const char *what);
/** ![alt](url) for an image: src checked, then the image hook's answer checked. false when left out. */
bool image(struct conv *c, const char *src, const char *alt, int64_t id);
/** The shortcode a <plenary-sc n=N> element stands for, NULL for any other node. */
const struct wp_shortcode *shortcode_of(struct conv *c, GumboNode *n);
/** `code` inline: a fence longer than any run of backticks inside. */
void code_span(struct conv *c, GumboNode *n);
/** <pre>: a fenced block (a code span where only inline content may go). */
void code_block(struct conv *c, GumboNode *n);

#endif
