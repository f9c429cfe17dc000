/* pdf_doc: lays out blocks of styled text with Pango line by line on Cairo's A4 PDF pages, with links. */
#include "render/pdf_doc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include "core/log.h"

/* A4 in points, and the text column's margins */
#define PAGE_W 595.276
#define PAGE_H 841.890
#define MARGIN_X 62.0
#define MARGIN_TOP 60.0
#define MARGIN_BOTTOM 72.0
#define COLUMN_W (PAGE_W - 2 * MARGIN_X)
#define FOOTER_Y (PAGE_H - 40.0)
#define MAX_SPANS 32
/* Pango shapes a word too long for a line again for each line it breaks it into: a 70,000-character word took
 * 4 s. A zero-width space after every RUN_MAX characters of one keeps each piece short. */
#define RUN_MAX 200
/* Pango lays out nothing of a paragraph of 256 KiB or more: one block keeps its first TEXT_MAX bytes */
#define TEXT_MAX 131072

#define SERIF "DejaVu Serif"
#define SANS "DejaVu Sans"
#define MONO "DejaVu Sans Mono"

struct link {
	unsigned start, end; /* byte range of the text */
	char *uri;
};

struct pdf_text {
	buf text;
	PangoAttrList *attrs;
	struct link *links;
	size_t nlinks, cap;
	struct {
		enum pdf_style style;
		unsigned start;
	} open[MAX_SPANS];
	int nopen, dropped; /* spans open, and those past MAX_SPANS (ended without a style) */
	int link_open;
	unsigned run; /* characters since the last space: a word past RUN_MAX gets a break opportunity */
};

struct look {
	const char *family;
	double size, leading; /* points; leading: space between lines */
	double before, after; /* space around the block */
	int bold, italic, grey, keep_with_next;
};

static const struct look looks[PDF_BLOCKS] = {
    [PDF_KICKER] = {SANS, 9, 2, 0, 4, 1, 0, 1, 0},     [PDF_TITLE] = {SANS, 24, 4, 0, 6, 1, 0, 0, 1},
    [PDF_SUBTITLE] = {SANS, 14, 3, 0, 10, 0, 0, 0, 1}, [PDF_H1] = {SANS, 15, 3, 10, 4, 1, 0, 0, 1},
    [PDF_H2] = {SANS, 12, 2, 8, 3, 1, 0, 0, 1},	       [PDF_H3] = {SANS, 10.5, 2, 6, 2, 1, 0, 0, 1},
    [PDF_BODY] = {SERIF, 10, 3, 0, 6, 0, 0, 0, 0},     [PDF_META] = {SANS, 8.5, 2, 0, 3, 0, 0, 1, 0},
    [PDF_LEAD] = {SERIF, 10.5, 3, 2, 6, 0, 1, 0, 0},   [PDF_QUOTE] = {SERIF, 10, 3, 0, 6, 0, 1, 1, 0},
    [PDF_CODE] = {MONO, 8.5, 2, 0, 6, 0, 0, 0, 0},     [PDF_NOTE] = {SANS, 8.5, 2, 0, 6, 0, 1, 1, 0},
};

struct pdf_doc {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *ctx;
	PangoLayout *layout;
	PangoFontDescription *fonts[PDF_BLOCKS];
	buf *out;
	char *footer;
	int page;
	double y;	/* where the next block starts on the page */
	char *bookmark; /* the outline entry waiting for the next block's first line */
};

pdf_text *pdf_text_new(void)
{
	pdf_text *t = calloc(1, sizeof *t);
	if (!t)
		die("out of memory");
	buf_init(&t->text, NULL);
	t->attrs = pango_attr_list_new();
	return t;
}

void pdf_text_reset(pdf_text *t)
{
	buf_reset(&t->text);
	pango_attr_list_unref(t->attrs);
	t->attrs = pango_attr_list_new();
	for (size_t i = 0; i < t->nlinks; i++)
		free(t->links[i].uri);
	t->nlinks = 0;
	t->nopen = t->dropped = t->link_open = 0;
	t->run = 0;
}

void pdf_text_free(pdf_text *t)
{
	if (!t)
		return;
	pdf_text_reset(t);
	pango_attr_list_unref(t->attrs);
	free(t->links);
	buf_free(&t->text);
	free(t);
}

void pdf_text_add(pdf_text *t, const char *s, size_t n)
{
	if (t->text.len >= TEXT_MAX)
		return;
	gchar *valid = g_utf8_make_valid(s, (gssize)n);
	for (const char *p = valid; *p; p++) {
		unsigned char c = (unsigned char)*p;
		if (t->text.len >= TEXT_MAX && (c & 0xc0) != 0x80) {
			buf_adds(&t->text, " \u2026");
			break;
		}
		if (c == ' ' || c == '\t' || c == '\n')
			t->run = 0;
		else if ((c & 0xc0) != 0x80 && c >= 0x20 && c != 0x7f && ++t->run > RUN_MAX) {
			buf_adds(&t->text, "\u200b");
			t->run = 1;
		}
		if (c == '\t')
			buf_addc(&t->text, ' ');
		else if (c == '\n' || (c >= 0x20 && c != 0x7f))
			buf_addc(&t->text, (char)c);
	}
	g_free(valid);
}

void pdf_text_adds(pdf_text *t, const char *s)
{
	pdf_text_add(t, s, strlen(s));
}

void pdf_text_begin(pdf_text *t, enum pdf_style style)
{
	if (t->nopen == MAX_SPANS) {
		t->dropped++;
		return;
	}
	t->open[t->nopen].style = style;
	t->open[t->nopen++].start = (unsigned)t->text.len;
}

static PangoAttribute *style_attr(enum pdf_style style)
{
	switch (style) {
	case PDF_BOLD:
		return pango_attr_weight_new(PANGO_WEIGHT_BOLD);
	case PDF_ITALIC:
		return pango_attr_style_new(PANGO_STYLE_ITALIC);
	case PDF_MONO:
		return pango_attr_family_new(MONO);
	case PDF_STRIKE:
		return pango_attr_strikethrough_new(TRUE);
	case PDF_UNDERLINE:
		break;
	}
	return pango_attr_underline_new(PANGO_UNDERLINE_SINGLE);
}

static void add_attr(pdf_text *t, PangoAttribute *a, unsigned start)
{
	a->start_index = start;
	a->end_index = (unsigned)t->text.len;
	pango_attr_list_insert(t->attrs, a);
}

void pdf_text_end(pdf_text *t)
{
	if (t->dropped) {
		t->dropped--;
		return;
	}
	if (t->nopen == 0)
		return;
	t->nopen--;
	add_attr(t, style_attr(t->open[t->nopen].style), t->open[t->nopen].start);
}

/* 1 when a PDF viewer may follow uri: an absolute http, https or mailto address without controls */
static int followable(const char *uri)
{
	if (g_ascii_strncasecmp(uri, "https://", 8) && g_ascii_strncasecmp(uri, "http://", 7) &&
	    g_ascii_strncasecmp(uri, "mailto:", 7))
		return 0;
	for (const unsigned char *p = (const unsigned char *)uri; *p; p++)
		if (*p < 0x21 || *p == 0x7f)
			return 0;
	return strlen(uri) < 4096;
}

/* uri with every parenthesis, backslash and byte past ASCII percent-encoded (to free): Cairo 1.16 writes a
 * link's address into the PDF as a literal string without escaping, so a ')' would end the string and let the
 * rest of an address be read as PDF syntax (an action, a script). Encoded, it means the same address. */
static char *pdf_safe_uri(const char *uri)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(uri);
	char *out = malloc(3 * n + 1), *o = out;
	if (!out)
		die("out of memory");
	for (const unsigned char *p = (const unsigned char *)uri; *p; p++) {
		if (*p == '(' || *p == ')' || *p == '\\' || *p >= 0x80) {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		} else
			*o++ = (char)*p;
	}
	*o = '\0';
	return out;
}

void pdf_text_link_begin(pdf_text *t, const char *uri)
{
	if (t->link_open || !uri || !followable(uri))
		return;
	if (t->nlinks == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 8;
		t->links = realloc(t->links, t->cap * sizeof *t->links);
		if (!t->links)
			die("out of memory");
	}
	t->links[t->nlinks++] = (struct link){(unsigned)t->text.len, 0, pdf_safe_uri(uri)};
	t->link_open = 1;
}

void pdf_text_link_end(pdf_text *t)
{
	if (!t->link_open)
		return;
	t->link_open = 0;
	struct link *l = &t->links[t->nlinks - 1];
	l->end = (unsigned)t->text.len;
	if (l->end == l->start) { /* no text to click */
		free(l->uri);
		t->nlinks--;
		return;
	}
	add_attr(t, pango_attr_foreground_new(0x1a1a, 0x4d4d, 0x9999), l->start);
	add_attr(t, pango_attr_underline_new(PANGO_UNDERLINE_SINGLE), l->start);
}

const char *pdf_text_str(const pdf_text *t)
{
	return t->text.p ? t->text.p : "";
}

int pdf_text_blank(const pdf_text *t)
{
	for (size_t i = 0; i < t->text.len; i++)
		if (t->text.p[i] != ' ' && t->text.p[i] != '\n')
			return 0;
	return 1;
}

static cairo_status_t write_out(void *closure, const unsigned char *data, unsigned int length)
{
	buf_add(((pdf_doc *)closure)->out, data, length);
	return CAIRO_STATUS_SUCCESS;
}

/* "uri='...'" as Cairo's tag attributes read it: a backslash before every quote and backslash */
static void tag_string(buf *b, const char *name, const char *s)
{
	buf_printf(b, "%s='", name);
	for (; *s; s++) {
		if (*s == '\'' || *s == '\\')
			buf_addc(b, '\\');
		buf_addc(b, *s);
	}
	buf_addc(b, '\'');
}

static void set_grey(cairo_t *cr, int grey)
{
	if (grey)
		cairo_set_source_rgb(cr, 0.35, 0.35, 0.35);
	else
		cairo_set_source_rgb(cr, 0.07, 0.07, 0.07);
}

/* The running footer and the page number, drawn as a page begins. */
static void draw_footer(pdf_doc *d)
{
	cairo_t *cr = d->cr;
	cairo_set_source_rgb(cr, 0.7, 0.7, 0.7);
	cairo_set_line_width(cr, 0.5);
	cairo_move_to(cr, MARGIN_X, FOOTER_Y - 6);
	cairo_line_to(cr, PAGE_W - MARGIN_X, FOOTER_Y - 6);
	cairo_stroke(cr);
	PangoLayout *l = pango_layout_new(d->ctx);
	pango_layout_set_font_description(l, d->fonts[PDF_META]);
	char num[32];
	snprintf(num, sizeof num, "Page %d", d->page);
	pango_layout_set_text(l, num, -1);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	double num_w = w / (double)PANGO_SCALE;
	set_grey(cr, 1);
	cairo_move_to(cr, PAGE_W - MARGIN_X - num_w, FOOTER_Y);
	pango_cairo_show_layout(cr, l);
	pango_layout_set_width(l, pango_units_from_double(COLUMN_W - num_w - 18));
	pango_layout_set_ellipsize(l, PANGO_ELLIPSIZE_END);
	pango_layout_set_text(l, d->footer, -1);
	cairo_move_to(cr, MARGIN_X, FOOTER_Y);
	pango_cairo_show_layout(cr, l);
	g_object_unref(l);
}

static void new_page(pdf_doc *d)
{
	cairo_show_page(d->cr);
	d->page++;
	d->y = MARGIN_TOP;
	draw_footer(d);
}

pdf_doc *pdf_doc_begin(const struct pdf_doc_info *info, buf *out)
{
	pdf_doc *d = calloc(1, sizeof *d);
	if (!d)
		die("out of memory");
	d->out = out;
	d->surface = cairo_pdf_surface_create_for_stream(write_out, d, PAGE_W, PAGE_H);
	if (cairo_surface_status(d->surface) != CAIRO_STATUS_SUCCESS) {
		log_error("pdf: %s", cairo_status_to_string(cairo_surface_status(d->surface)));
		cairo_surface_destroy(d->surface);
		free(d);
		return NULL;
	}
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_TITLE, info->title ? info->title : "");
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_AUTHOR,
				       info->author ? info->author : "");
	cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATOR, "Plenary");
	if (info->made > 0) { /* the same document gives the same bytes */
		time_t t = (time_t)info->made;
		struct tm tm;
		char iso[40];
		gmtime_r(&t, &tm);
		strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
		cairo_pdf_surface_set_metadata(d->surface, CAIRO_PDF_METADATA_CREATE_DATE, iso);
	}
	d->cr = cairo_create(d->surface);
	/* Pango's default font map is the thread's own: render threads never share one */
	d->ctx = pango_font_map_create_context(pango_cairo_font_map_get_default());
	cairo_font_options_t *fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(d->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_update_context(d->cr, d->ctx);
	pango_context_set_language(d->ctx, pango_language_from_string("en"));
	for (int k = 0; k < PDF_BLOCKS; k++) {
		PangoFontDescription *f = pango_font_description_new();
		pango_font_description_set_family(f, looks[k].family);
		pango_font_description_set_size(f, (gint)(looks[k].size * PANGO_SCALE));
		pango_font_description_set_weight(f, looks[k].bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
		pango_font_description_set_style(f,
						 looks[k].italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
		d->fonts[k] = f;
	}
	d->layout = pango_layout_new(d->ctx);
	pango_layout_set_wrap(d->layout, PANGO_WRAP_WORD_CHAR);
	d->footer = strdup(info->footer ? info->footer : "");
	d->page = 1;
	d->y = MARGIN_TOP;
	draw_footer(d);
	return d;
}

/* Link rectangles of one line drawn with its left edge at x and its top at top. */
static void line_links(pdf_doc *d, const pdf_text *t, PangoLayoutLine *line, double x, double top, double h)
{
	unsigned ls = (unsigned)line->start_index, le = ls + (unsigned)line->length;
	buf attr;
	buf_init(&attr, NULL);
	for (size_t i = 0; i < t->nlinks; i++) {
		const struct link *l = &t->links[i];
		unsigned s = l->start > ls ? l->start : ls, e = l->end < le ? l->end : le;
		if (s >= e)
			continue;
		int *ranges, n;
		pango_layout_line_get_x_ranges(line, (int)s, (int)e, &ranges, &n);
		for (int k = 0; k < n; k++) {
			double x0 = x + ranges[2 * k] / (double)PANGO_SCALE,
			       x1 = x + ranges[2 * k + 1] / (double)PANGO_SCALE;
			if (x1 - x0 < 0.5)
				continue;
			buf_reset(&attr);
			buf_printf(&attr, "rect=[%.2f %.2f %.2f %.2f] ", x0, top, x1 - x0, h);
			tag_string(&attr, "uri", l->uri);
			cairo_tag_begin(d->cr, CAIRO_TAG_LINK, buf_cstr(&attr));
			cairo_tag_end(d->cr, CAIRO_TAG_LINK);
		}
		g_free(ranges);
	}
	buf_free(&attr);
}

static void draw_marker(pdf_doc *d, enum pdf_block kind, const char *marker, double right, double baseline)
{
	PangoLayout *l = pango_layout_new(d->ctx);
	pango_layout_set_font_description(l, d->fonts[kind]);
	pango_layout_set_text(l, marker, -1);
	int w, h;
	pango_layout_get_size(l, &w, &h);
	PangoLayoutLine *line = pango_layout_get_line_readonly(l, 0);
	if (line) {
		cairo_move_to(d->cr, right - w / (double)PANGO_SCALE, baseline);
		pango_cairo_show_layout_line(d->cr, line);
	}
	g_object_unref(l);
}

void pdf_doc_block(pdf_doc *d, enum pdf_block kind, const pdf_text *t, double indent, const char *marker)
{
	const struct look *lk = &looks[kind];
	if (indent > COLUMN_W / 2)
		indent = COLUMN_W / 2; /* deep nesting keeps a readable column */
	if (d->y > MARGIN_TOP)
		d->y += lk->before;
	PangoLayout *l = d->layout;
	pango_layout_set_font_description(l, d->fonts[kind]);
	pango_layout_set_width(l, pango_units_from_double(COLUMN_W - indent));
	pango_layout_set_spacing(l, pango_units_from_double(lk->leading));
	size_t len = t->text.len; /* a last line break would add an empty line */
	while (len && t->text.p[len - 1] == '\n')
		len--;
	pango_layout_set_text(l, len ? t->text.p : "", (int)len);
	pango_layout_set_attributes(l, t->attrs);
	double x = MARGIN_X + indent, bottom = PAGE_H - MARGIN_BOTTOM;
	PangoLayoutIter *it = pango_layout_get_iter(l);
	double shift = d->y; /* layout y to page y */
	int first = 1;
	do {
		PangoRectangle logical;
		pango_layout_iter_get_line_extents(it, NULL, &logical);
		double top = logical.y / (double)PANGO_SCALE, h = logical.height / (double)PANGO_SCALE;
		double need = h;
		if (first && lk->keep_with_next) { /* a heading whole, and two lines of what follows it */
			int w, total;
			pango_layout_get_size(l, &w, &total);
			need = total / (double)PANGO_SCALE + lk->after + 2 * 14.0;
		} else if (first && pango_layout_get_line_count(l) > 2) {
			/* no paragraph's first line alone at the foot of a page: its first two go together */
			PangoLayoutIter *next = pango_layout_iter_copy(it);
			PangoRectangle second;
			pango_layout_iter_next_line(next);
			pango_layout_iter_get_line_extents(next, NULL, &second);
			pango_layout_iter_free(next);
			need = (second.y + second.height) / (double)PANGO_SCALE - top;
		}
		if (shift + top + need > bottom && shift + top > MARGIN_TOP + 0.01) {
			new_page(d);
			shift = MARGIN_TOP - top;
		}
		double line_top = shift + top;
		double baseline = shift + pango_layout_iter_get_baseline(it) / (double)PANGO_SCALE;
		if (first && d->bookmark) {
			char pos[96];
			snprintf(pos, sizeof pos, "page=%d pos=[%.2f %.2f]", d->page, MARGIN_X, line_top);
			cairo_pdf_surface_add_outline(d->surface, CAIRO_PDF_OUTLINE_ROOT, d->bookmark, pos,
						      0);
			free(d->bookmark);
			d->bookmark = NULL;
		}
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		set_grey(d->cr, lk->grey);
		if (first && marker)
			draw_marker(d, kind, marker, x - 5, baseline);
		cairo_move_to(d->cr, x + logical.x / (double)PANGO_SCALE, baseline);
		pango_cairo_show_layout_line(d->cr, line);
		if (t->nlinks)
			line_links(d, t, line, x, line_top, h);
		d->y = line_top + h + lk->leading;
		first = 0;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
	pango_layout_set_attributes(l, NULL);
	d->y += lk->after - lk->leading;
}

void pdf_doc_heading(pdf_doc *d, enum pdf_block kind, const char *text, const char *uri)
{
	pdf_text *t = pdf_text_new();
	pdf_text_link_begin(t, uri);
	pdf_text_adds(t, text);
	pdf_text_link_end(t);
	pdf_doc_block(d, kind, t, 0, NULL);
	pdf_text_free(t);
}

void pdf_doc_paragraph(pdf_doc *d, const pdf_text *t)
{
	pdf_doc_block(d, PDF_BODY, t, 0, NULL);
}

void pdf_doc_list_item(pdf_doc *d, int depth, const char *marker, const pdf_text *t)
{
	pdf_doc_block(d, PDF_BODY, t, 18.0 * (depth < 1 ? 1 : depth), marker);
}

void pdf_doc_rule(pdf_doc *d)
{
	if (d->y <= MARGIN_TOP)
		return;
	if (d->y + 12 > PAGE_H - MARGIN_BOTTOM) {
		d->y = PAGE_H; /* the next block starts a page: none is left empty at the end */
		return;
	}
	d->y += 6;
	cairo_set_source_rgb(d->cr, 0.75, 0.75, 0.75);
	cairo_set_line_width(d->cr, 0.6);
	cairo_move_to(d->cr, MARGIN_X, d->y);
	cairo_line_to(d->cr, PAGE_W - MARGIN_X, d->y);
	cairo_stroke(d->cr);
	d->y += 6;
}

void pdf_doc_space(pdf_doc *d, double points)
{
	if (d->y > MARGIN_TOP)
		d->y += points;
}

void pdf_doc_page_break(pdf_doc *d)
{
	if (d->y > MARGIN_TOP)
		d->y = PAGE_H; /* taken by the next block: a break with nothing after it makes no page */
}

void pdf_doc_bookmark(pdf_doc *d, const char *text)
{
	free(d->bookmark);
	gchar *valid = g_utf8_make_valid(text, -1);
	d->bookmark = strdup(valid);
	g_free(valid);
}

int pdf_doc_pages(const pdf_doc *d)
{
	return d->page;
}

int pdf_doc_end(pdf_doc *d)
{
	g_object_unref(d->layout);
	for (int k = 0; k < PDF_BLOCKS; k++)
		pango_font_description_free(d->fonts[k]);
	g_object_unref(d->ctx);
	cairo_show_page(d->cr);
	cairo_destroy(d->cr);
	cairo_surface_finish(d->surface);
	cairo_status_t st = cairo_surface_status(d->surface);
	cairo_surface_destroy(d->surface);
	free(d->footer);
	free(d->bookmark);
	free(d);
	if (st != CAIRO_STATUS_SUCCESS) {
		log_error("pdf: %s", cairo_status_to_string(st));
		return -1;
	}
	return 0;
}
