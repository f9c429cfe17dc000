/* html_markdown: WordPress bodies parsed by gumbo, walked once, written as escaped Markdown. */
#include "import/html_markdown.h"

#include <ctype.h>
#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "import/html_walk.h"
#include "import/shortcodes.h"

#define MAX_GALLERY 200

static void node(struct conv *c, GumboNode *n);

static void kids(struct conv *c, GumboNode *n)
{
	GumboVector *v = children(n);
	for (unsigned i = 0; v && i < v->length; i++)
		node(c, v->data[i]);
}

/* Does a line end right after this text (the rest of its node, then what follows the node)? */
static bool line_ends_after(GumboNode *n, const char *rest)
{
	if (*rest) {
		for (; is_ws((unsigned char)*rest); rest++)
			if (*rest == '\n')
				return true;
		return false;
	}
	GumboNode *p = n->parent;
	GumboVector *v = p ? children(p) : NULL;
	if (!v || n->index_within_parent >= v->length || v->data[n->index_within_parent] != n)
		return false;
	if (n->index_within_parent + 1 == v->length)
		return p->type != GUMBO_NODE_ELEMENT || block_tag(p->v.element.tag);
	GumboNode *next = v->data[n->index_within_parent + 1];
	if (next->type == GUMBO_NODE_ELEMENT)
		return block_tag(next->v.element.tag) || next->v.element.tag == GUMBO_TAG_BR;
	if (next->type == GUMBO_NODE_TEXT || next->type == GUMBO_NODE_WHITESPACE)
		for (const char *q = next->v.text.text; is_ws((unsigned char)*q); q++)
			if (*q == '\n')
				return true;
	return next->type == GUMBO_NODE_COMMENT;
}

static bool only_nbsp(const char *s, size_t n)
{
	if (n == 0 || n % 2)
		return false;
	for (size_t i = 0; i < n; i += 2)
		if ((unsigned char)s[i] != 0xc2 || (unsigned char)s[i + 1] != 0xa0)
			return false;
	return true;
}

/* One word of text (no whitespace): a video address alone on its line, a web address, or text. */
static void word(struct conv *c, GumboNode *n, const char *w, size_t len, const char *rest)
{
	if ((!c->para_content || c->brk) && only_nbsp(w, len)) { /* &nbsp; paragraphs of old editors */
		c->space = true;
		return;
	}
	if (n && starts_http(w, len) && !c->inline_only && !c->link_depth && (!c->para_content || c->brk) &&
	    line_ends_after(n, rest)) { /* WordPress embeds a video's address alone on a line */
		const char *v = wp_video_url(c->pool, mem_strndup(c->pool, w, len));
		if (v) {
			video(c, v, false);
			return;
		}
	}
	if (starts_http(w, len) && !c->link_depth) { /* <https://...>: shown as written, and a link */
		size_t e = len;
		while (e > 8 && strchr(".,;:!?)'\"", w[e - 1]))
			e--;
		if (autolink_ok(w, e)) {
			begin_content(c);
			raw(c, "<", 1);
			raw(c, w, e);
			raw(c, ">", 1);
			if (e < len) {
				buf_reset(&c->tmp);
				escape_into(&c->tmp, w + e, len - e, false, *rest == '\0');
				raw(c, c->tmp.p, c->tmp.len);
			}
			return;
		}
	}
	put_text(c, w, len, *rest == '\0');
}

/* Text: whitespace collapsed; in a classic body a blank line ends a paragraph and a newline breaks the
 * line, as WordPress's autop does. */
static void text(struct conv *c, GumboNode *n, const char *s)
{
	while (*s) {
		if (is_ws((unsigned char)*s)) {
			int nl = 0;
			for (; is_ws((unsigned char)*s); s++)
				nl += *s == '\n';
			if (c->classic && !c->inline_only && nl >= 2)
				close_para(c);
			else if (c->classic && !c->inline_only && nl == 1 && c->para_content)
				c->brk = true;
			else
				c->space = true;
			continue;
		}
		const char *w = s;
		while (*s && !is_ws((unsigned char)*s))
			s++;
		word(c, n, w, (size_t)(s - w), s);
	}
}

static void inline_block(struct conv *c, GumboNode *n)
{
	c->space = true;
	kids(c, n);
	c->space = true;
}

static void block(struct conv *c, GumboNode *n)
{
	if (c->inline_only) {
		inline_block(c, n);
		return;
	}
	want_block(c, B_PARA);
	kids(c, n);
	close_para(c);
}

static void marked(struct conv *c, GumboNode *n, enum mark_kind k, const char *open, const char *close)
{
	bool pushed = push_mark(c, k, open, close);
	kids(c, n);
	if (pushed)
		pop_mark(c);
}

static void heading(struct conv *c, GumboNode *n, int level)
{
	static const char *const hashes[] = {"# ", "## ", "### ", "#### ", "##### ", "###### "};
	if (c->inline_only) {
		inline_block(c, n);
		return;
	}
	want_block(c, B_OTHER);
	int base = c->base;
	c->base = c->nmk;
	c->inline_only++;
	marked(c, n, MK_HEAD, hashes[level - 1], "");
	c->inline_only--;
	close_para(c);
	c->base = base;
}

/* A caption: an italic line of its own. */
static void caption(struct conv *c, GumboNode *n)
{
	if (c->inline_only) {
		inline_block(c, n);
		return;
	}
	want_block(c, B_PARA);
	int base = c->base;
	c->base = c->nmk;
	c->inline_only++;
	marked(c, n, MK_EM, "*", "*");
	c->inline_only--;
	close_para(c);
	c->base = base;
}

static void quote(struct conv *c, GumboNode *n)
{
	if (c->inline_only) {
		inline_block(c, n);
		return;
	}
	want_block(c, B_OTHER);
	bool pushed = push_box(c, "> ", false);
	kids(c, n);
	if (pushed)
		pop_box(c);
	else
		close_para(c);
}

static bool blank_node(GumboNode *n)
{
	if (n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_COMMENT)
		return true;
	if (n->type != GUMBO_NODE_TEXT)
		return false;
	for (const char *p = n->v.text.text; *p; p++)
		if (!is_ws((unsigned char)*p))
			return false;
	return true;
}

static void item(struct conv *c, GumboNode *n, bool wrap, char bullet, long *num)
{
	char first[16];
	if (num) {
		snprintf(first, sizeof first, "%ld%c ", *num, bullet);
		if (*num < 999999999)
			(*num)++;
	} else {
		snprintf(first, sizeof first, "%c ", bullet);
	}
	want_block(c, B_ITEM);
	bool pushed = push_box(c, first, true);
	if (wrap)
		node(c, n);
	else
		kids(c, n);
	if (pushed)
		pop_box(c);
	else
		close_para(c);
}

static void list(struct conv *c, GumboNode *n, bool ordered)
{
	if (c->inline_only) {
		inline_block(c, n);
		return;
	}
	want_block(c, B_LIST);
	int at = c->nbox - 1;
	char bullet =
	    ordered ? (c->box[at].last_list == '.' ? ')' : '.') : (c->box[at].last_list == '-' ? '*' : '-');
	long num = 1;
	const char *start = ordered ? attr(n, "start") : NULL;
	if (start) {
		num = strtol(start, NULL, 10);
		num = num < 0 ? 0 : num > 999999999 ? 999999999 : num;
	}
	GumboVector *v = children(n);
	for (unsigned i = 0; i < v->length; i++) {
		GumboNode *k = v->data[i];
		if (blank_node(k))
			node(c, k); /* block comments (wp:list-item) still count */
		else
			item(c, k, tag_of(k) != GUMBO_TAG_LI, bullet, ordered ? &num : NULL);
	}
	close_para(c);
	c->box[at].last_list = bullet;
}

static bool has_block(GumboNode *n)
{
	GumboVector *v = children(n);
	for (unsigned i = 0; v && i < v->length; i++) {
		GumboNode *k = v->data[i];
		switch (tag_of(k)) {
		case GUMBO_TAG_UL:
		case GUMBO_TAG_OL:
		case GUMBO_TAG_TABLE:
		case GUMBO_TAG_PRE:
		case GUMBO_TAG_BLOCKQUOTE:
		case GUMBO_TAG_H1:
		case GUMBO_TAG_H2:
		case GUMBO_TAG_H3:
		case GUMBO_TAG_H4:
		case GUMBO_TAG_H5:
		case GUMBO_TAG_H6:
		case GUMBO_TAG_HR:
		case GUMBO_TAG_FIGURE:
		case GUMBO_TAG_DL:
			return true;
		default:
			if (k->type == GUMBO_NODE_ELEMENT && has_block(k))
				return true;
		}
	}
	return false;
}

static bool is_cell(GumboNode *n)
{
	return tag_of(n) == GUMBO_TAG_TD || tag_of(n) == GUMBO_TAG_TH;
}

/* A table's rows in order (thead, tbody, tfoot as written), into a pool array. */
static GumboNode **table_rows(struct conv *c, GumboNode *t, size_t *count)
{
	size_t n = 0, cap = 16;
	GumboNode **rows = h2o_mem_alloc_pool(c->pool, sizeof *rows * cap);
	GumboVector *v = children(t);
	for (unsigned i = 0; i < v->length; i++) {
		GumboNode *k = v->data[i];
		GumboVector *inner = NULL;
		unsigned m = 1;
		GumboTag tg = tag_of(k);
		if (tg == GUMBO_TAG_THEAD || tg == GUMBO_TAG_TBODY || tg == GUMBO_TAG_TFOOT)
			inner = children(k), m = inner->length;
		else if (tg != GUMBO_TAG_TR)
			continue;
		for (unsigned j = 0; j < m; j++) {
			GumboNode *r = inner ? inner->data[j] : k;
			if (tag_of(r) != GUMBO_TAG_TR)
				continue;
			if (n == cap) {
				GumboNode **bigger = h2o_mem_alloc_pool(c->pool, sizeof *rows * cap * 2);
				memcpy(bigger, rows, sizeof *rows * n);
				rows = bigger;
				cap *= 2;
			}
			rows[n++] = r;
		}
	}
	*count = n;
	return rows;
}

static void table(struct conv *c, GumboNode *t)
{
	if (c->inline_only) {
		inline_block(c, t);
		return;
	}
	GumboVector *v = children(t);
	for (unsigned i = 0; i < v->length; i++)
		if (tag_of(v->data[i]) == GUMBO_TAG_CAPTION)
			block(c, v->data[i]);
	size_t nrows, cols = 0;
	GumboNode **rows = table_rows(c, t, &nrows);
	bool flat = false;
	for (size_t r = 0; r < nrows; r++) {
		size_t k = 0;
		GumboVector *cells = children(rows[r]);
		for (unsigned i = 0; i < cells->length; i++) {
			GumboNode *cell = cells->data[i];
			if (!is_cell(cell))
				continue;
			k++;
			const char *span = attr(cell, "colspan"), *rspan = attr(cell, "rowspan");
			if ((span && atoi(span) > 1) || (rspan && atoi(rspan) > 1) || has_block(cell))
				flat = true;
		}
		cols = k > cols ? k : cols;
	}
	if (!nrows || !cols)
		return;
	if (cols > 64)
		flat = true;
	if (flat)
		note(c, "a table with merged cells or blocks in its cells flattened to text");
	want_block(c, B_OTHER);
	int base = c->base;
	c->base = c->nmk;
	c->inline_only++;
	for (size_t r = 0; r < nrows; r++) {
		GumboVector *cells = children(rows[r]);
		size_t col = 0, before = c->out.len;
		if (!flat)
			raw(c, "|", 1);
		for (unsigned i = 0; i < cells->length; i++) {
			GumboNode *cell = cells->data[i];
			if (!is_cell(cell))
				continue;
			col++;
			if (flat) {
				bool sep = c->out.len != before && push_mark(c, MK_SEP, " \\| ", "");
				c->space = false;
				kids(c, cell);
				if (sep)
					pop_mark(c);
				c->space = false;
				continue;
			}
			c->para = true;
			c->para_content = c->space = false;
			raw(c, " ", 1);
			kids(c, cell);
			raw(c, " |", 2);
		}
		if (flat) {
			close_para(c);
			continue;
		}
		for (; col < cols; col++)
			raw(c, "  |", 3);
		c->para = false;
		line_end(c);
		if (r == 0) {
			raw(c, "|", 1);
			for (size_t i = 0; i < cols; i++)
				raw(c, " --- |", 6);
			line_end(c);
		}
	}
	c->inline_only--;
	c->base = base;
	c->para = c->para_content = c->space = false;
}

/* True for an image alone (img, or a link or picture holding only one) inside a [caption]. */
static bool image_like(GumboNode *n)
{
	if (tag_of(n) == GUMBO_TAG_IMG)
		return true;
	if (n->type != GUMBO_NODE_ELEMENT)
		return false;
	GumboVector *v = children(n);
	bool img = false;
	for (unsigned i = 0; i < v->length; i++) {
		if (blank_node(v->data[i]))
			continue;
		if (!image_like(v->data[i]))
			return false;
		img = true;
	}
	return img;
}

static void sc_caption(struct conv *c, GumboNode *n, const struct wp_shortcode *s)
{
	if (!c->inline_only)
		want_block(c, B_PARA);
	bool cap = false, pushed = false;
	int base = c->base;
	GumboVector *v = children(n);
	const char *attr_cap = s->caption ? wp_plain_text(c->pool, s->caption, strlen(s->caption)) : "";
	for (unsigned i = 0; i <= v->length; i++) {
		GumboNode *k = i < v->length ? v->data[i] : NULL;
		if (!cap && k && (image_like(k) || blank_node(k))) {
			node(c, k);
			continue;
		}
		if (!cap && (k || *attr_cap)) { /* the rest is the caption: an italic line */
			if (!c->inline_only)
				want_block(c, B_PARA);
			base = c->base;
			c->base = c->nmk;
			pushed = push_mark(c, MK_EM, "*", "*");
			c->inline_only++;
			cap = true;
			if (!k)
				text(c, NULL, attr_cap);
		}
		if (k)
			node(c, k);
	}
	if (cap) {
		c->inline_only--;
		if (pushed)
			pop_mark(c);
		c->base = base;
	}
	if (!c->inline_only)
		close_para(c);
}

static void gallery(struct conv *c, const struct wp_shortcode *s)
{
	if (!s->ids || !*s->ids) {
		note(c, "[gallery] shortcode without ids left out");
		return;
	}
	int found = 0, seen = 0;
	for (const char *p = s->ids; *p && seen < MAX_GALLERY;) {
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		int64_t id = 0;
		while (isdigit((unsigned char)*p)) {
			if (id < (int64_t)1 << 50)
				id = id * 10 + (*p - '0');
			p++;
		}
		seen++;
		if (!id)
			continue;
		if (!c->inline_only)
			want_block(c, B_PARA);
		if (image(c, "", "", id))
			found++;
		if (!c->inline_only)
			close_para(c);
	}
	if (!found)
		note(c, "[gallery] shortcode: none of its images found");
}

static void shortcode(struct conv *c, GumboNode *n, const struct wp_shortcode *s)
{
	switch (s->kind) {
	case WP_SC_CAPTION:
		sc_caption(c, n, s);
		return;
	case WP_SC_EMBED:
		embed(c, wp_plain_text(c->pool, s->src, strlen(s->src)));
		break;
	case WP_SC_VIDEO:
	case WP_SC_AUDIO:
		if (s->src)
			media(c, wp_plain_text(c->pool, s->src, strlen(s->src)),
			      s->kind == WP_SC_VIDEO ? "[video] shortcode kept as a link"
						     : "[audio] shortcode kept as a link");
		break;
	case WP_SC_GALLERY:
		gallery(c, s);
		break;
	}
	kids(c, n);
}

static void flush_embed(struct conv *c)
{
	if (c->embed_url && !c->embed_used) {
		c->embed_used = true;
		embed(c, c->embed_url);
	}
	c->embed_url = NULL;
}

static void comment(struct conv *c, const char *t)
{
	struct wp_block b;
	if (!wp_block_comment(c->pool, t, strlen(t), &b))
		return;
	if (strcmp(b.name, "embed") == 0 || strncmp(b.name, "core-embed/", 11) == 0) {
		flush_embed(c);
		if (!b.closing) {
			c->embed_url = b.url;
			c->embed_used = false;
		}
	} else if (strcmp(b.name, "image") == 0) {
		c->image_id = b.closing ? 0 : b.id;
	}
}

static void figure(struct conv *c, GumboNode *n)
{
	if (!has_class(n, "wp-block-embed")) {
		block(c, n);
		return;
	}
	const char *url = NULL;
	if (c->embed_url && !c->embed_used) {
		url = c->embed_url;
		c->embed_used = true;
	} else {
		buf b;
		buf_init(&b, NULL);
		GumboVector *v = children(n);
		for (unsigned i = 0; i < v->length; i++)
			if (tag_of(v->data[i]) != GUMBO_TAG_FIGCAPTION)
				plain_collect(v->data[i], &b);
		if (b.len && !memchr(b.p, ' ', b.len))
			url = mem_strndup(c->pool, b.p, b.len);
		buf_free(&b);
	}
	if (!url) {
		block(c, n);
		return;
	}
	embed(c, url);
	GumboVector *v = children(n);
	for (unsigned i = 0; i < v->length; i++)
		if (tag_of(v->data[i]) == GUMBO_TAG_FIGCAPTION)
			caption(c, v->data[i]);
}

static const char *media_src(GumboNode *n)
{
	const char *src = attr(n, "src");
	GumboVector *v = children(n);
	for (unsigned i = 0; (!src || !*src) && i < v->length; i++)
		if (tag_of(v->data[i]) == GUMBO_TAG_SOURCE)
			src = attr(v->data[i], "src");
	return src;
}

static void link(struct conv *c, GumboNode *n)
{
	const char *href = attr(n, "href");
	const char *t = href && *href && !c->link_depth ? link_target(c, href) : NULL;
	bool pushed = t && push_link(c, t);
	c->inline_only++;
	c->link_depth++;
	kids(c, n);
	c->link_depth--;
	c->inline_only--;
	if (pushed)
		pop_mark(c);
}

static void br(struct conv *c)
{
	if (c->inline_only)
		c->space = true;
	else if (c->brk)
		close_para(c); /* <br><br>: a new paragraph */
	else if (c->para_content)
		c->brk = true;
}

static void element(struct conv *c, GumboNode *n)
{
	GumboTag t = n->v.element.tag;
	if (t == GUMBO_TAG_IFRAME) {
		const char *v = wp_video_url(c->pool, attr(n, "src") ? attr(n, "src") : "");
		if (v)
			video(c, v, true);
		else
			note(c, "an <iframe> removed");
		return;
	}
	if (dropped_tag(t)) {
		char line[64];
		const char *name = gumbo_normalized_tagname(t);
		snprintf(line, sizeof line, "%s <%s> removed",
			 strchr("aeiou", name[0]) || t == GUMBO_TAG_SVG ? "an" : "a", name);
		note(c, line);
		return;
	}
	if (quiet_tag(t))
		return;
	switch (t) {
	case GUMBO_TAG_H1:
	case GUMBO_TAG_H2:
	case GUMBO_TAG_H3:
	case GUMBO_TAG_H4:
	case GUMBO_TAG_H5:
	case GUMBO_TAG_H6:
		heading(c, n, 1 + (int)(t - GUMBO_TAG_H1));
		return;
	case GUMBO_TAG_UL:
	case GUMBO_TAG_MENU:
	case GUMBO_TAG_DIR:
		list(c, n, false);
		return;
	case GUMBO_TAG_OL:
		list(c, n, true);
		return;
	case GUMBO_TAG_BLOCKQUOTE:
		quote(c, n);
		return;
	case GUMBO_TAG_PRE:
	case GUMBO_TAG_LISTING:
	case GUMBO_TAG_XMP:
	case GUMBO_TAG_PLAINTEXT:
		code_block(c, n);
		return;
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_KBD:
	case GUMBO_TAG_SAMP:
	case GUMBO_TAG_TT:
		code_span(c, n);
		return;
	case GUMBO_TAG_B:
	case GUMBO_TAG_STRONG:
		marked(c, n, MK_STRONG, "**", "**");
		return;
	case GUMBO_TAG_I:
	case GUMBO_TAG_EM:
	case GUMBO_TAG_CITE:
	case GUMBO_TAG_VAR:
	case GUMBO_TAG_DFN:
		marked(c, n, MK_EM, "*", "*");
		return;
	case GUMBO_TAG_S:
	case GUMBO_TAG_STRIKE:
	case GUMBO_TAG_DEL:
		marked(c, n, MK_DEL, "~~", "~~");
		return;
	case GUMBO_TAG_A:
		link(c, n);
		return;
	case GUMBO_TAG_IMG: {
		int64_t id = wp_image_id(n);
		image(c, img_src(n), attr(n, "alt"), id ? id : c->image_id);
		return;
	}
	case GUMBO_TAG_BR:
		br(c);
		return;
	case GUMBO_TAG_HR:
		if (c->inline_only) {
			c->space = true;
		} else {
			want_block(c, B_OTHER);
			raw(c, "***", 3);
			line_end(c);
		}
		return;
	case GUMBO_TAG_TABLE:
		table(c, n);
		return;
	case GUMBO_TAG_FIGURE:
		figure(c, n);
		return;
	case GUMBO_TAG_FIGCAPTION:
		caption(c, n);
		return;
	case GUMBO_TAG_VIDEO:
		media(c, media_src(n), "a <video> kept as a link");
		return;
	case GUMBO_TAG_AUDIO:
		media(c, media_src(n), "an <audio> kept as a link");
		return;
	case GUMBO_TAG_UNKNOWN: {
		const struct wp_shortcode *s = shortcode_of(c, n);
		if (s)
			shortcode(c, n, s);
		else
			kids(c, n);
		return;
	}
	default:
		if (block_tag(t))
			block(c, n);
		else
			kids(c, n);
	}
}

static void node(struct conv *c, GumboNode *n)
{
	if (c->overflow)
		return;
	switch (n->type) {
	case GUMBO_NODE_TEXT:
	case GUMBO_NODE_WHITESPACE:
		text(c, n, n->v.text.text);
		break;
	case GUMBO_NODE_COMMENT:
		comment(c, n->v.text.text);
		break;
	case GUMBO_NODE_ELEMENT:
		element(c, n);
		break;
	case GUMBO_NODE_TEMPLATE:
		note(c, "a <template> removed");
		break;
	case GUMBO_NODE_DOCUMENT:
		kids(c, n);
		break;
	default:
		break;
	}
}

int wp_body_markdown(h2o_mem_pool_t *pool, const char *html, size_t n, const struct wp_body_hooks *h,
		     struct wp_body *out)
{
	out->markdown = "";
	out->video_url = "";
	struct conv *c = h2o_mem_alloc_pool(pool, sizeof *c);
	memset(c, 0, sizeof *c);
	c->pool = pool;
	c->h = h;
	if (!html)
		html = "", n = 0;
	if (n > MAX_INPUT) {
		note(c, "the body is over 16 MiB: left out");
		return -1;
	}
	c->classic = !memmem(html, n, "<!-- wp:", 8);
	wp_shortcodes_scan(pool, html, n, &c->sc, sc_note, c);
	struct arena a;
	GumboOutput *g = parse(&a, c->sc.html, c->sc.len);
	int rc = -1;
	if (!g)
		note(c,
		     "the body is too tangled to read (the parser needed too much memory or time): left out");
	else if (too_deep(g->root, MAX_DEPTH))
		note(c, "the body is nested over 200 deep: left out");
	else
		rc = 0;
	if (rc == 0) {
		buf_init(&c->out, NULL);
		buf_init(&c->tmp, NULL);
		c->nbox = 1;
		c->line_start = true;
		kids(c, g->root);
		flush_embed(c);
		close_para(c);
		line_end(c);
		if (c->overflow) {
			note(c, "the body would be over 64 MiB as Markdown: left out");
			rc = -1;
		} else {
			out->markdown = utf8_mend(pool, c->out.p ? c->out.p : "", c->out.len);
			out->video_url = c->video ? c->video : "";
		}
		buf_free(&c->out);
		buf_free(&c->tmp);
	}
	arena_clear(&a);
	free(c->sc.html);
	return rc;
}
