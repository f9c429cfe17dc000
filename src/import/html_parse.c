/* html_parse: gumbo's parse in a bounded arena, the tag sets, node queries, and a subtree's plain text. */
#include <ctype.h>
#include <gumbo.h>
#include <setjmp.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/buf.h"
#include "import/html_markdown.h"
#include "import/html_walk.h"

#define PARSE_SECONDS 10

/* ---- gumbo's memory: every block on a list, so that a tree of any depth is freed without gumbo's own
 * recursive gumbo_destroy_output, and a budget past which the parse is abandoned (longjmp: gumbo holds
 * nothing but this memory). */

struct blk {
	struct blk *prev, *next;
	size_t size;
	max_align_t data[];
};

/* Gumbo's time is bounded too: some tag soups (thousands of distinct open <b id=N>, or of nested <div>)
 * make it quadratic, and every step of those allocates, so the clock is read here, every 4096
 * allocations. The thread's CPU time, so that a busy machine does not refuse a sound post. */
static bool past(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
	return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec > t->tv_nsec);
}

static void *arena_alloc(void *ud, size_t size)
{
	struct arena *a = ud;
	size_t cost = size + sizeof(struct blk) + 16; /* what malloc holds for it, roughly */
	if (cost > a->budget - a->used || (++a->calls % 4096 == 0 && past(&a->deadline)))
		longjmp(a->jb, 1);
	struct blk *b = malloc(sizeof *b + size);
	if (!b)
		longjmp(a->jb, 1);
	b->size = cost;
	b->prev = NULL;
	b->next = a->first;
	if (a->first)
		a->first->prev = b;
	a->first = b;
	a->used += cost;
	return b->data;
}

static void arena_free(void *ud, void *p)
{
	if (!p)
		return;
	struct arena *a = ud;
	struct blk *b = (struct blk *)((char *)p - offsetof(struct blk, data));
	if (b->prev)
		b->prev->next = b->next;
	else
		a->first = b->next;
	if (b->next)
		b->next->prev = b->prev;
	a->used -= b->size;
	free(b);
}

void arena_clear(struct arena *a)
{
	while (a->first) {
		struct blk *next = a->first->next;
		free(a->first);
		a->first = next;
	}
	a->used = 0;
}

/* Parses s as the content of a <body>; NULL when it needed more memory than the budget. */
GumboOutput *parse(struct arena *a, const char *s, size_t n)
{
	GumboOptions o = kGumboDefaultOptions;
	o.allocator = arena_alloc;
	o.deallocator = arena_free;
	o.userdata = a;
	o.max_errors = 0;
	o.fragment_context = GUMBO_TAG_BODY;
	a->first = NULL;
	a->used = a->calls = 0;
	/* measured: 16 MiB of text and markup take gumbo ~150 MiB; only tag soup (millions of elements)
	 * needs more, and 16 MiB of posts parse in about a second */
	a->budget = ((size_t)64 << 20) + n * 24;
	clock_gettime(CLOCK_THREAD_CPUTIME_ID, &a->deadline);
	a->deadline.tv_sec += PARSE_SECONDS;
	if (setjmp(a->jb))
		return NULL;
	return gumbo_parse_with_options(&o, s, n);
}

GumboVector *children(GumboNode *n)
{
	if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
		return &n->v.element.children;
	if (n->type == GUMBO_NODE_DOCUMENT)
		return &n->v.document.children;
	return NULL;
}

/* 1 when some node lies more than limit levels under root (walked with a stack, not recursion). */
bool too_deep(GumboNode *root, int limit)
{
	GumboNode *stk[MAX_DEPTH + 2];
	unsigned idx[MAX_DEPTH + 2];
	int d = 0;
	stk[0] = root;
	idx[0] = 0;
	while (d >= 0) {
		GumboVector *v = children(stk[d]);
		if (!v || idx[d] >= v->length) {
			if (--d >= 0)
				idx[d]++;
			continue;
		}
		if (d + 1 > limit)
			return true;
		stk[d + 1] = v->data[idx[d]];
		idx[d + 1] = 0;
		d++;
	}
	return false;
}

bool is_ws(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f';
}

GumboTag tag_of(GumboNode *n)
{
	return n->type == GUMBO_NODE_ELEMENT ? n->v.element.tag : GUMBO_TAG_UNKNOWN;
}

static bool tag_in(GumboTag t, const GumboTag *set, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == t)
			return true;
	return false;
}

/* Elements whose content never reaches the Markdown (reported). */
static const GumboTag dropped_set[] = {
    GUMBO_TAG_SCRIPT,	GUMBO_TAG_STYLE,    GUMBO_TAG_IFRAME,	GUMBO_TAG_OBJECT, GUMBO_TAG_EMBED,
    GUMBO_TAG_FORM,	GUMBO_TAG_INPUT,    GUMBO_TAG_BUTTON,	GUMBO_TAG_SVG,	  GUMBO_TAG_MATH,
    GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_SELECT, GUMBO_TAG_CANVAS,
    GUMBO_TAG_APPLET,	GUMBO_TAG_FRAMESET, GUMBO_TAG_FRAME,	GUMBO_TAG_KEYGEN};

bool dropped_tag(GumboTag t)
{
	return tag_in(t, dropped_set, sizeof dropped_set / sizeof *dropped_set);
}

/* Elements left out without a word: document metadata and parts of other elements. */
static const GumboTag quiet_set[] = {
    GUMBO_TAG_TITLE,	GUMBO_TAG_META,	  GUMBO_TAG_LINK,     GUMBO_TAG_BASE,	  GUMBO_TAG_HEAD,
    GUMBO_TAG_PARAM,	GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK,    GUMBO_TAG_AREA,	  GUMBO_TAG_COL,
    GUMBO_TAG_COLGROUP, GUMBO_TAG_OPTION, GUMBO_TAG_OPTGROUP, GUMBO_TAG_DATALIST, GUMBO_TAG_NOEMBED,
    GUMBO_TAG_NOFRAMES, GUMBO_TAG_BGSOUND};

bool quiet_tag(GumboTag t)
{
	return tag_in(t, quiet_set, sizeof quiet_set / sizeof *quiet_set);
}

/* Elements that stand apart from the text around them (a paragraph break before and after). */
static const GumboTag block_set[] = {
    GUMBO_TAG_HTML,    GUMBO_TAG_BODY,	  GUMBO_TAG_P,		GUMBO_TAG_DIV,	      GUMBO_TAG_SECTION,
    GUMBO_TAG_ARTICLE, GUMBO_TAG_HEADER,  GUMBO_TAG_FOOTER,	GUMBO_TAG_MAIN,	      GUMBO_TAG_ASIDE,
    GUMBO_TAG_NAV,     GUMBO_TAG_ADDRESS, GUMBO_TAG_CENTER,	GUMBO_TAG_DETAILS,    GUMBO_TAG_SUMMARY,
    GUMBO_TAG_DL,      GUMBO_TAG_DT,	  GUMBO_TAG_DD,		GUMBO_TAG_HGROUP,     GUMBO_TAG_FIELDSET,
    GUMBO_TAG_LEGEND,  GUMBO_TAG_FIGURE,  GUMBO_TAG_FIGCAPTION, GUMBO_TAG_UL,	      GUMBO_TAG_OL,
    GUMBO_TAG_LI,      GUMBO_TAG_MENU,	  GUMBO_TAG_DIR,	GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_PRE,
    GUMBO_TAG_LISTING, GUMBO_TAG_XMP,	  GUMBO_TAG_PLAINTEXT,	GUMBO_TAG_H1,	      GUMBO_TAG_H2,
    GUMBO_TAG_H3,      GUMBO_TAG_H4,	  GUMBO_TAG_H5,		GUMBO_TAG_H6,	      GUMBO_TAG_HR,
    GUMBO_TAG_TABLE,   GUMBO_TAG_CAPTION, GUMBO_TAG_TR,		GUMBO_TAG_TD,	      GUMBO_TAG_TH,
    GUMBO_TAG_THEAD,   GUMBO_TAG_TBODY,	  GUMBO_TAG_TFOOT};

bool block_tag(GumboTag t)
{
	return tag_in(t, block_set, sizeof block_set / sizeof *block_set);
}

/* The length of the valid UTF-8 sequence at s[0..n) (no overlong form, surrogate, nor past U+10FFFF), 0
 * when there is none. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t len = c < 0x80		  ? 1
		     : (c & 0xe0) == 0xc0 ? 2
		     : (c & 0xf0) == 0xe0 ? 3
		     : (c & 0xf8) == 0xf0 ? 4
					  : 0;
	if (!len || len > n)
		return 0;
	unsigned cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
	for (size_t k = 1; k < len; k++) {
		if ((s[k] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[k] & 0x3f);
	}
	if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
		return 0;
	return len;
}

/* s[0..n) into pool as valid UTF-8, each bad byte as U+FFFD: gumbo 0.10 writes the lone byte 0xEE for
 * &#xEEEEEEEE; (its code point overflows), so what it gives is mended once on the way out. */
const char *utf8_mend(h2o_mem_pool_t *pool, const char *s, size_t n)
{
	size_t bad = 0;
	for (size_t i = 0; i < n;) {
		size_t l = utf8_len((const unsigned char *)s + i, n - i);
		bad += !l;
		i += l ? l : 1;
	}
	if (!bad)
		return mem_strndup(pool, s, n);
	buf b;
	buf_init(&b, pool);
	buf_reserve(&b, n + 2 * bad);
	for (size_t i = 0; i < n;) {
		size_t l = utf8_len((const unsigned char *)s + i, n - i);
		if (l)
			buf_add(&b, s + i, l);
		else
			buf_adds(&b, "\xef\xbf\xbd");
		i += l ? l : 1;
	}
	return buf_cstr(&b);
}

/* Plain text of a subtree: dropped elements skipped, whitespace (and no-break spaces) collapsed into one
 * space, a space at each block and <br>; control characters dropped. Walked with a stack (nodes deeper than
 * MAX_DEPTH ignored). */
void plain_collect(GumboNode *root, buf *b)
{
	GumboNode *stk[MAX_DEPTH + 2];
	unsigned idx[MAX_DEPTH + 2];
	int d = 0;
	bool space = false;
	stk[0] = root;
	idx[0] = 0;
	while (d >= 0) {
		GumboNode *n = stk[d];
		if (idx[d] == 0 && (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE ||
				    n->type == GUMBO_NODE_CDATA)) {
			for (const unsigned char *p = (const unsigned char *)n->v.text.text; *p; p++) {
				if (is_ws(*p) || (p[0] == 0xc2 && p[1] == 0xa0 && p++)) { /* &nbsp; too */
					space = true;
				} else if (*p >= 0x20 && *p != 0x7f) {
					if (space && b->len)
						buf_addc(b, ' ');
					space = false;
					buf_addc(b, (char)*p);
				}
			}
		}
		if (idx[d] == 0 && n->type == GUMBO_NODE_ELEMENT &&
		    (block_tag(n->v.element.tag) || n->v.element.tag == GUMBO_TAG_BR))
			space = true;
		GumboVector *v = children(n);
		bool skip = n->type == GUMBO_NODE_TEMPLATE ||
			    (n->type == GUMBO_NODE_ELEMENT &&
			     (dropped_tag(n->v.element.tag) || quiet_tag(n->v.element.tag)));
		if (!v || skip || idx[d] >= v->length || d > MAX_DEPTH) {
			if (n->type == GUMBO_NODE_ELEMENT && block_tag(n->v.element.tag))
				space = true;
			if (--d >= 0)
				idx[d]++;
			continue;
		}
		stk[d + 1] = v->data[idx[d]];
		idx[d + 1] = 0;
		d++;
	}
}

const char *wp_plain_text(h2o_mem_pool_t *pool, const char *html, size_t n)
{
	if (n > MAX_INPUT)
		n = MAX_INPUT;
	struct arena a;
	GumboOutput *g = parse(&a, html, n);
	if (!g) {
		arena_clear(&a);
		return "";
	}
	buf b;
	buf_init(&b, NULL);
	plain_collect(g->root, &b);
	arena_clear(&a);
	const char *s = utf8_mend(pool, b.p ? b.p : "", b.len);
	buf_free(&b);
	return s;
}

const char *attr(GumboNode *n, const char *name)
{
	if (n->type != GUMBO_NODE_ELEMENT)
		return NULL;
	GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
	return a ? a->value : NULL;
}

bool has_class(GumboNode *n, const char *cls)
{
	const char *v = attr(n, "class");
	size_t l = strlen(cls);
	for (const char *p = v; p && (p = strstr(p, cls)); p += l)
		if ((p == v || is_ws((unsigned char)p[-1])) && (p[l] == '\0' || is_ws((unsigned char)p[l])))
			return true;
	return false;
}

/* The attachment id of WordPress's wp-image-N class, 0 when none. */
int64_t wp_image_id(GumboNode *n)
{
	const char *v = attr(n, "class");
	for (const char *p = v; p && (p = strstr(p, "wp-image-")); p += 9) {
		if (p != v && !is_ws((unsigned char)p[-1]))
			continue;
		int64_t id = 0;
		const char *q = p + 9;
		while (isdigit((unsigned char)*q) && id < (int64_t)1 << 50)
			id = id * 10 + (*q++ - '0');
		if (q > p + 9 && (*q == '\0' || is_ws((unsigned char)*q)))
			return id;
	}
	return 0;
}

/* An image's address: src, or where lazy-loading plugins keep the real one when src is a placeholder. */
const char *img_src(GumboNode *n)
{
	static const char *const lazy[] = {"data-src", "data-lazy-src", "data-original", NULL};
	const char *src = attr(n, "src");
	const char *p = src;
	while (p && is_ws((unsigned char)*p))
		p++;
	if (p && *p && strncasecmp(p, "data:", 5) != 0)
		return src;
	for (size_t i = 0; lazy[i]; i++) {
		const char *v = attr(n, lazy[i]);
		if (v && *v)
			return v;
	}
	return src;
}
