/* pdf_markdown: md4c's parser callbacks turned into pdf_doc blocks (paragraphs, headings, lists, quotes). */
#include "render/pdf_markdown.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <md4c.h>

#define MAX_LISTS 16
#define INDENT 18.0

struct walk {
	pdf_doc *d;
	pdf_text *t;
	const char *base;
	enum pdf_block kind; /* of the block being gathered */
	int quote;	     /* block quotes open */
	int lists;	     /* lists open */
	struct {
		int ordered;
		unsigned next;
	} list[MAX_LISTS];
	char marker[16]; /* the open list item's marker, until its first block is laid out */
	int in_table, cells, head;
};

/* Lays out the text gathered so far, if any, as a block of the current kind. */
static void flush(struct walk *w)
{
	if (pdf_text_blank(w->t)) {
		pdf_text_reset(w->t);
		return;
	}
	int depth = w->lists < MAX_LISTS ? w->lists : MAX_LISTS;
	enum pdf_block kind = w->kind;
	if (kind == PDF_BODY && w->quote)
		kind = PDF_QUOTE;
	double indent = INDENT * depth + 14.0 * w->quote;
	pdf_doc_block(w->d, kind, w->t, indent, w->marker[0] ? w->marker : NULL);
	w->marker[0] = '\0';
	pdf_text_reset(w->t);
}

static void add_entity(pdf_text *t, const char *s, size_t n)
{
	static const struct {
		const char *name;
		const char *utf8;
	} named[] = {
	    {"&amp;", "&"},	    {"&lt;", "<"},	    {"&gt;", ">"},	   {"&quot;", "\""},
	    {"&apos;", "'"},	    {"&nbsp;", "\u00a0"},   {"&ndash;", "\u2013"}, {"&mdash;", "\u2014"},
	    {"&hellip;", "\u2026"}, {"&copy;", "\u00a9"},   {"&reg;", "\u00ae"},   {"&trade;", "\u2122"},
	    {"&deg;", "\u00b0"},    {"&plusmn;", "\u00b1"}, {"&micro;", "\u00b5"}, {"&times;", "\u00d7"},
	    {"&ge;", "\u2265"},	    {"&le;", "\u2264"},	    {"&alpha;", "\u03b1"}, {"&beta;", "\u03b2"},
	    {"&lsquo;", "\u2018"},  {"&rsquo;", "\u2019"},  {"&ldquo;", "\u201c"}, {"&rdquo;", "\u201d"}};
	if (n > 3 && s[1] == '#') {
		char num[16];
		int hex = s[2] == 'x' || s[2] == 'X';
		size_t from = hex ? 3 : 2, len = n - from - 1;
		if (len == 0 || len >= sizeof num) {
			pdf_text_add(t, s, n);
			return;
		}
		memcpy(num, s + from, len);
		num[len] = '\0';
		unsigned long c = strtoul(num, NULL, hex ? 16 : 10);
		if (c == 0 || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			c = 0xfffd;
		char out[8];
		int k = g_unichar_to_utf8((gunichar)c, out);
		pdf_text_add(t, out, (size_t)k);
		return;
	}
	for (size_t i = 0; i < sizeof named / sizeof *named; i++)
		if (strlen(named[i].name) == n && memcmp(named[i].name, s, n) == 0) {
			pdf_text_adds(t, named[i].utf8);
			return;
		}
	pdf_text_add(t, s, n); /* a name this table lacks: shown as typed */
}

/* An attribute's text with its entities read (a link's address), to free. */
static char *attribute(const MD_ATTRIBUTE *a)
{
	pdf_text *t = pdf_text_new();
	for (unsigned i = 0; a->substr_offsets[i] < a->size; i++) {
		const char *s = a->text + a->substr_offsets[i];
		size_t n = a->substr_offsets[i + 1] - a->substr_offsets[i];
		if (a->substr_types[i] == MD_TEXT_ENTITY)
			add_entity(t, s, n);
		else
			pdf_text_add(t, s, n);
	}
	char *out = strdup(pdf_text_str(t));
	pdf_text_free(t);
	return out;
}

static int enter_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	struct walk *w = userdata;
	switch (type) {
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		flush(w); /* a list inside an item: the item's own text first */
		if (w->lists < MAX_LISTS) {
			w->list[w->lists].ordered = type == MD_BLOCK_OL;
			w->list[w->lists].next =
			    type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *)detail)->start : 0;
		}
		w->lists++;
		break;
	case MD_BLOCK_LI: {
		flush(w);
		int k = (w->lists < MAX_LISTS ? w->lists : MAX_LISTS) - 1;
		MD_BLOCK_LI_DETAIL *li = detail;
		if (li->is_task)
			strcpy(w->marker, li->task_mark == ' ' ? "\u2610" : "\u2611");
		else if (k >= 0 && w->list[k].ordered)
			snprintf(w->marker, sizeof w->marker, "%u.", w->list[k].next++ % 1000000u);
		else
			strcpy(w->marker, k % 2 ? "\u2013" : "\u2022");
		w->kind = PDF_BODY;
		break;
	}
	case MD_BLOCK_QUOTE:
		flush(w);
		w->quote++;
		break;
	case MD_BLOCK_H:
		flush(w);
		w->kind = ((MD_BLOCK_H_DETAIL *)detail)->level <= 1 ? PDF_H2 : PDF_H3;
		break;
	case MD_BLOCK_CODE:
		flush(w);
		w->kind = PDF_CODE;
		break;
	case MD_BLOCK_P:
	case MD_BLOCK_HTML:
		flush(w);
		w->kind = PDF_BODY;
		break;
	case MD_BLOCK_HR:
		flush(w);
		pdf_doc_rule(w->d);
		break;
	case MD_BLOCK_TABLE:
		flush(w);
		w->in_table = 1;
		w->kind = PDF_BODY;
		break;
	case MD_BLOCK_THEAD:
		w->head = 1;
		break;
	case MD_BLOCK_TR:
		w->cells = 0;
		if (w->head)
			pdf_text_begin(w->t, PDF_BOLD);
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		if (w->cells++)
			pdf_text_adds(w->t, "  \u2502  ");
		break;
	case MD_BLOCK_DOC:
	case MD_BLOCK_TBODY:
		break;
	}
	return 0;
}

static int leave_block(MD_BLOCKTYPE type, void *detail, void *userdata)
{
	(void)detail;
	struct walk *w = userdata;
	switch (type) {
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		flush(w);
		w->lists--;
		if (w->lists == 0)
			pdf_doc_space(w->d, 2);
		break;
	case MD_BLOCK_LI:
	case MD_BLOCK_P:
	case MD_BLOCK_HTML:
		flush(w);
		break;
	case MD_BLOCK_QUOTE:
		flush(w);
		w->quote--;
		break;
	case MD_BLOCK_H:
	case MD_BLOCK_CODE:
		flush(w);
		w->kind = PDF_BODY;
		break;
	case MD_BLOCK_TR:
		if (w->head)
			pdf_text_end(w->t);
		flush(w);
		break;
	case MD_BLOCK_THEAD:
		w->head = 0;
		break;
	case MD_BLOCK_TABLE:
		w->in_table = 0;
		break;
	case MD_BLOCK_DOC:
		flush(w);
		break;
	case MD_BLOCK_HR:
	case MD_BLOCK_TBODY:
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		break;
	}
	return 0;
}

/* A link's address as a PDF viewer may follow it: a path of the site on base, "www." on http */
static void link_begin(struct walk *w, const MD_ATTRIBUTE *href)
{
	char *h = attribute(href);
	if (h[0] == '/' && h[1] != '/') {
		char *abs = g_strconcat(w->base, h, NULL);
		pdf_text_link_begin(w->t, abs);
		g_free(abs);
	} else if (g_ascii_strncasecmp(h, "www.", 4) == 0) {
		char *abs = g_strconcat("http://", h, NULL);
		pdf_text_link_begin(w->t, abs);
		g_free(abs);
	} else
		pdf_text_link_begin(w->t, h); /* refused unless http, https or mailto */
	free(h);
}

static int enter_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	struct walk *w = userdata;
	switch (type) {
	case MD_SPAN_EM:
		pdf_text_begin(w->t, PDF_ITALIC);
		break;
	case MD_SPAN_STRONG:
		pdf_text_begin(w->t, PDF_BOLD);
		break;
	case MD_SPAN_CODE:
		pdf_text_begin(w->t, PDF_MONO);
		break;
	case MD_SPAN_DEL:
		pdf_text_begin(w->t, PDF_STRIKE);
		break;
	case MD_SPAN_U:
		pdf_text_begin(w->t, PDF_UNDERLINE);
		break;
	case MD_SPAN_A:
		link_begin(w, &((MD_SPAN_A_DETAIL *)detail)->href);
		break;
	case MD_SPAN_IMG: /* its alt text stands for it */
		pdf_text_begin(w->t, PDF_ITALIC);
		pdf_text_adds(w->t, "[Image: ");
		break;
	case MD_SPAN_LATEXMATH:
	case MD_SPAN_LATEXMATH_DISPLAY:
	case MD_SPAN_WIKILINK:
		pdf_text_begin(w->t, PDF_MONO);
		break;
	}
	return 0;
}

static int leave_span(MD_SPANTYPE type, void *detail, void *userdata)
{
	(void)detail;
	struct walk *w = userdata;
	if (type == MD_SPAN_A) {
		pdf_text_link_end(w->t);
		return 0;
	}
	if (type == MD_SPAN_IMG)
		pdf_text_adds(w->t, "]");
	pdf_text_end(w->t);
	return 0;
}

static int text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *userdata)
{
	struct walk *w = userdata;
	switch (type) {
	case MD_TEXT_NULLCHAR:
		pdf_text_adds(w->t, "\ufffd");
		break;
	case MD_TEXT_BR:
		pdf_text_adds(w->t, "\n");
		break;
	case MD_TEXT_SOFTBR:
		pdf_text_adds(w->t, " ");
		break;
	case MD_TEXT_ENTITY:
		add_entity(w->t, s, n);
		break;
	case MD_TEXT_CODE:
	case MD_TEXT_NORMAL:
	case MD_TEXT_HTML:
	case MD_TEXT_LATEXMATH:
		pdf_text_add(w->t, s, n);
		break;
	}
	return 0;
}

void pdf_markdown(pdf_doc *d, const char *md, size_t n, const char *base)
{
	struct walk w = {.d = d, .t = pdf_text_new(), .base = base ? base : "", .kind = PDF_BODY};
	MD_PARSER p = {.flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML,
		       .enter_block = enter_block,
		       .leave_block = leave_block,
		       .enter_span = enter_span,
		       .leave_span = leave_span,
		       .text = text};
	md_parse(md, (MD_SIZE)n, &p, &w);
	flush(&w);
	pdf_text_free(w.t);
}
