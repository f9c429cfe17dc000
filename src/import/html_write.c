/* html_write: the Markdown writer — lines, boxes, marks, escaping, safe URLs, links, videos, images, code. */
#include <ctype.h>
#include <gumbo.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "import/html_markdown.h"
#include "import/html_walk.h"
#include "import/shortcodes.h"

#define MAX_OUTPUT ((size_t)64 << 20)

/* ---- the Markdown writer ---- */

void note(struct conv *c, const char *what)
{
	if (!c->h || !c->h->note)
		return;
	for (int i = 0; i < c->nnoted && i < MAX_NOTES; i++)
		if (strcmp(c->noted[i], what) == 0)
			return;
	if (c->nnoted == MAX_NOTES) {
		c->nnoted++;
		c->h->note(c->h->ctx, "more notes about this body left out");
		return;
	}
	if (c->nnoted > MAX_NOTES)
		return;
	c->noted[c->nnoted++] = mem_strndup(c->pool, what, strlen(what));
	c->h->note(c->h->ctx, what);
}

void sc_note(void *ctx, const char *what)
{
	note(ctx, what);
}

static void put(struct conv *c, const char *s, size_t n)
{
	if (c->overflow)
		return;
	if (c->out.len + n > MAX_OUTPUT) {
		c->overflow = true;
		return;
	}
	buf_add(&c->out, s, n);
}

void line_end(struct conv *c)
{
	if (!c->line_start) {
		put(c, "\n", 1);
		c->line_start = true;
	}
}

/* Writes s (no newline in it) on the current line, after the due blank line and the boxes' prefixes. */
void raw(struct conv *c, const char *s, size_t n)
{
	if (c->line_start) {
		if (c->blank && c->out.len) {
			size_t at = c->out.len;
			for (int i = 1; i < c->blank_depth && i < c->nbox; i++)
				put(c, c->box[i].rest, strlen(c->box[i].rest));
			while (c->out.len > at && c->out.p[c->out.len - 1] == ' ')
				c->out.len--;
			put(c, "\n", 1);
		}
		c->blank = false;
		for (int i = 1; i < c->nbox; i++) {
			struct box *b = &c->box[i];
			const char *p = b->first_used ? b->rest : b->first;
			put(c, p, strlen(p));
			b->first_used = true;
		}
		c->line_start = false;
	}
	for (int i = 0; i < c->nbox; i++)
		c->box[i].has_content = true;
	put(c, s, n);
}

static void rawz(struct conv *c, const char *s)
{
	raw(c, s, strlen(s));
}

void close_para(struct conv *c)
{
	if (!c->para)
		return;
	for (int i = c->nmk - 1; i >= c->base; i--) {
		struct mark *m = &c->mk[i];
		if (m->opened && m->kind != MK_NONE)
			rawz(c, m->close);
		m->opened = false;
	}
	c->para = c->para_content = c->space = c->brk = false;
	line_end(c);
}

/* Ends what is open before a block of kind k, and asks for a blank line when the box already holds
 * something (not between list items, nor before a list nested in an item: lists stay tight). */
void want_block(struct conv *c, enum block_kind k)
{
	close_para(c);
	line_end(c);
	struct box *b = &c->box[c->nbox - 1];
	if (b->has_content && k != B_ITEM && !(k == B_LIST && b->item)) {
		if (!c->blank || c->blank_depth > c->nbox)
			c->blank_depth = c->nbox;
		c->blank = true;
	}
	if (k != B_LIST && k != B_ITEM)
		b->last_list = 0;
}

bool push_box(struct conv *c, const char *first, bool item)
{
	if (c->nbox > MAX_BOXES) {
		note(c, "lists or quotes nested over 16 deep flattened");
		return false;
	}
	struct box *b = &c->box[c->nbox++];
	memset(b, 0, sizeof *b);
	snprintf(b->first, sizeof b->first, "%s", first);
	if (item)
		snprintf(b->rest, sizeof b->rest, "%*s", (int)strlen(first), "");
	else
		snprintf(b->rest, sizeof b->rest, "%s", first);
	b->item = item;
	return true;
}

void pop_box(struct conv *c)
{
	close_para(c);
	line_end(c);
	c->nbox--;
	if (c->blank && c->blank_depth > c->nbox) /* asked inside the box, which got nothing more */
		c->blank = false;
}

static bool emphasis(enum mark_kind k)
{
	return k == MK_EM || k == MK_STRONG || k == MK_DEL;
}

bool push_mark(struct conv *c, enum mark_kind k, const char *open, const char *close)
{
	if (c->nmk == MAX_MARKS)
		return false;
	if (emphasis(k))
		for (int i = c->base; i < c->nmk; i++)
			if (c->mk[i].kind == k)
				k = MK_NONE; /* **a **b** c** would not read back: the inner one adds nothing
					      */
	c->mk[c->nmk++] = (struct mark){k, open, close, false};
	return true;
}

void pop_mark(struct conv *c)
{
	struct mark *m = &c->mk[--c->nmk];
	if (m->opened && m->kind != MK_NONE) {
		rawz(c, m->close);
		if (emphasis(m->kind)) {
			c->last_close = m->kind;
			c->last_close_end = c->out.len;
		}
	}
}

/* Before inline content: the paragraph, the due space or hard break, the marks not yet written. Returns
 * true when the content begins a Markdown line, where its first character could read as syntax. */
bool begin_content(struct conv *c)
{
	if (!c->para) {
		want_block(c, B_PARA);
		c->para = true;
		c->para_content = false;
	}
	bool bol = !c->para_content;
	if (c->para_content) {
		if (c->brk) {
			raw(c, "\\", 1);
			line_end(c);
			bol = true;
		} else if (c->space) {
			raw(c, " ", 1);
		}
	}
	c->space = c->brk = false;
	for (int i = c->base; i < c->nmk; i++) {
		struct mark *m = &c->mk[i];
		if (m->opened)
			continue;
		m->opened = true;
		if (m->kind == MK_NONE)
			continue;
		size_t cl = strlen(m->close);
		if (m->kind == c->last_close && c->out.len == c->last_close_end && c->out.len >= cl) {
			c->out.len -= cl; /* **a****b** is no Markdown: join the two runs */
			c->last_close = MK_NONE;
		} else {
			rawz(c, m->open);
		}
		bol = false;
	}
	c->para_content = true;
	return bol;
}

/* &name; or &#123; follows: Markdown would read an entity there. */
static bool entity_like(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && i < 33 && (isalnum((unsigned char)s[i]) || s[i] == '#'))
		i++;
	return i > 0 && i < n && s[i] == ';';
}

/* Appends text s (no whitespace but spaces in it) escaped so that Markdown shows it as it is. bol: it
 * begins a line; at_end: nothing of the same text follows (a '!' there could meet a link's '['). */
void escape_into(buf *b, const char *s, size_t n, bool bol, bool at_end)
{
	size_t i = 0;
	if (bol && n) {
		size_t d = 0;
		while (d < n && d < 10 && isdigit((unsigned char)s[d]))
			d++;
		if (d > 0 && d < n && (s[d] == '.' || s[d] == ')')) {
			buf_add(b, s, d);
			buf_addc(b, '\\');
			buf_addc(b, s[d]);
			i = d + 1;
		} else if (s[0] == '-' || s[0] == '+' || s[0] == '=') {
			buf_addc(b, '\\');
			buf_addc(b, s[0]);
			i = 1;
		}
	}
	for (; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f)
			continue;
		/* ':' before '//' too: after a bare "https://" md4c 0.4.8 starts an autolink and stops
		 * reading escapes ("https://\\<javascript:alert(1)\\>" became a javascript: link) */
		if (strchr("\\`*_[]<>|~#", ch) || (ch == '!' && (i + 1 == n ? at_end : s[i + 1] == '[')) ||
		    (ch == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') ||
		    (ch == '&' && entity_like(s + i + 1, n - i - 1)))
			buf_addc(b, '\\');
		buf_addc(b, (char)ch);
	}
}

/* Appends url as a Markdown link destination: no space, angle bracket, parenthesis or entity left to
 * read as syntax (the URL was checked: no control character). */
static void md_url(buf *b, const char *u)
{
	size_t n = strlen(u);
	for (size_t i = 0; i < n; i++) {
		char ch = u[i];
		if (ch == ' ')
			buf_adds(b, "%20");
		else if (ch == '<')
			buf_adds(b, "%3C");
		else if (ch == '>')
			buf_adds(b, "%3E");
		else if (ch == '(' || ch == ')' || ch == '\\' ||
			 (ch == '&' && entity_like(u + i + 1, n - i - 1)))
			buf_addc(b, '\\'), buf_addc(b, ch);
		else
			buf_addc(b, ch);
	}
}

/* A copy of u, trimmed, when it may be a link or an image: relative, or http:, https:, mailto:. Else
 * NULL, with what was refused in why ("javascript:"). */
static const char *safe_url(struct conv *c, const char *u, char *why, size_t cap)
{
	snprintf(why, cap, "an empty");
	if (!u)
		return NULL;
	while (is_ws((unsigned char)*u))
		u++;
	size_t n = strlen(u);
	while (n && is_ws((unsigned char)u[n - 1]))
		n--;
	if (!n)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)u[i] < 0x20 || u[i] == 0x7f) {
			snprintf(why, cap, "a control character in its");
			return NULL;
		}
		if (u[i] == '&' && entity_like(u + i + 1, n - i - 1)) { /* decoded once more by someone? no */
			snprintf(why, cap, "an entity (&...;) in its");
			return NULL;
		}
	}
	size_t k = 0;
	while (k < n && !strchr(":/?#", u[k]))
		k++;
	if (k < n && u[k] == ':') {
		if ((k == 4 && strncasecmp(u, "http", 4) == 0) ||
		    (k == 5 && strncasecmp(u, "https", 5) == 0) ||
		    (k == 6 && strncasecmp(u, "mailto", 6) == 0))
			return mem_strndup(c->pool, u, n);
		char s[24];
		size_t j = 0;
		for (; j < k && j < sizeof s - 2; j++)
			s[j] = (isalnum((unsigned char)u[j]) || u[j] == '+' || u[j] == '-' || u[j] == '.')
				   ? (char)tolower((unsigned char)u[j])
				   : '?';
		s[j] = '\0';
		snprintf(why, cap, "a %s:", s);
		return NULL;
	}
	return mem_strndup(c->pool, u, n);
}

/* Writes s escaped as inline content. */
void put_text(struct conv *c, const char *s, size_t n, bool at_end)
{
	bool bol = begin_content(c);
	buf_reset(&c->tmp);
	escape_into(&c->tmp, s, n, bol, at_end);
	raw(c, c->tmp.p ? c->tmp.p : "", c->tmp.len);
}

/* The href a link gets: checked, passed to the link hook, checked again; NULL keeps only the text. */
const char *link_target(struct conv *c, const char *href)
{
	char why[64], line[128];
	if (!href || !*href)
		return NULL;
	const char *u = safe_url(c, href, why, sizeof why);
	if (u && c->h && c->h->link) {
		u = c->h->link(c->h->ctx, u);
		if (!u)
			return NULL;
		u = safe_url(c, u, why, sizeof why);
	}
	if (!u) {
		snprintf(line, sizeof line, "a link with %s URL removed (its text kept)", why);
		note(c, line);
	}
	return u;
}

bool push_link(struct conv *c, const char *url)
{
	buf b;
	buf_init(&b, c->pool);
	buf_adds(&b, "](");
	md_url(&b, url);
	buf_addc(&b, ')');
	return push_mark(c, MK_LINK, "[", buf_cstr(&b));
}

bool starts_http(const char *s, size_t n)
{
	return (n > 7 && strncasecmp(s, "http://", 7) == 0) || (n > 8 && strncasecmp(s, "https://", 8) == 0);
}

/* s[0..n) can stand as a Markdown autolink <s>: read as written, nothing in it is syntax. */
bool autolink_ok(const char *s, size_t n)
{
	if (!starts_http(s, n))
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] == '<' || s[i] == '>' || s[i] == '|' || s[i] == '&' || s[i] == ' ' ||
		    (unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return false;
	return true;
}

/* A link whose text is its own URL (an embed's, a media file's, a later video's): its own paragraph
 * when block, else inline. Nothing at all when the URL is not safe (noted). */
static void link_to(struct conv *c, const char *url, bool block)
{
	char why[64], line[128];
	if (!safe_url(c, url, why, sizeof why)) {
		snprintf(line, sizeof line, "an embedded address with %s URL left out", why);
		note(c, line);
		return;
	}
	block = block && !c->inline_only;
	if (block)
		want_block(c, B_PARA);
	const char *t = c->link_depth ? NULL : link_target(c, url);
	if (t && strcmp(t, url) == 0 && autolink_ok(url, strlen(url))) {
		begin_content(c);
		raw(c, "<", 1);
		rawz(c, url);
		raw(c, ">", 1);
		if (block)
			close_para(c);
		return;
	}
	bool pushed = t && push_link(c, t);
	c->inline_only++;
	put_text(c, url, strlen(url), true);
	c->inline_only--;
	if (pushed)
		pop_mark(c);
	if (block)
		close_para(c);
}

/* A YouTube or Vimeo video: the first is the article's video, later ones links. */
void video(struct conv *c, const char *v, bool block)
{
	if (!c->video)
		c->video = v;
	else
		link_to(c, v, block);
}

/* What an embed (block, [embed] or figure) points at: a video, or a link. */
void embed(struct conv *c, const char *url)
{
	while (url && is_ws((unsigned char)*url))
		url++;
	if (!url || !*url)
		return;
	const char *v = wp_video_url(c->pool, url);
	if (v)
		video(c, v, true);
	else
		link_to(c, url, true);
}

/* A media file (<video>, <audio>, [video], [audio]): a video site's address is a video, anything else a
 * link line, reported. */
void media(struct conv *c, const char *url, const char *what)
{
	if (!url || !*url)
		return;
	const char *v = wp_video_url(c->pool, url);
	if (v) {
		video(c, v, true);
		return;
	}
	note(c, what);
	link_to(c, url, true);
}

/* ![alt](url) for an image: src checked, then the image hook's answer checked. false when left out. */
bool image(struct conv *c, const char *src, const char *alt, int64_t id)
{
	char why[64], line[128];
	const char *u = NULL;
	if (src && *src) {
		u = safe_url(c, src, why, sizeof why);
		if (!u) {
			snprintf(line, sizeof line, "an image with %s URL left out", why);
			note(c, line);
			return false;
		}
	} else if (!id) {
		return false;
	}
	if (!alt)
		alt = "";
	if (c->h && c->h->image)
		u = c->h->image(c->h->ctx, u ? u : "", &alt, id);
	if (!u)
		return false;
	if (!(u = safe_url(c, u, why, sizeof why))) {
		snprintf(line, sizeof line, "an image with %s URL left out", why);
		note(c, line);
		return false;
	}
	begin_content(c);
	buf b;
	buf_init(&b, NULL);
	buf_adds(&b, "![");
	bool space = false;
	for (const char *p = alt ? alt : ""; *p;) { /* alt text on one line, escaped like text */
		size_t w = 0;
		while (p[w] && !is_ws((unsigned char)p[w]))
			w++;
		if (w) {
			if (space)
				buf_addc(&b, ' ');
			escape_into(&b, p, w, false, false);
			space = false;
			p += w;
		}
		while (is_ws((unsigned char)*p))
			p++, space = b.len > 2;
	}
	buf_adds(&b, "](");
	md_url(&b, u);
	buf_addc(&b, ')');
	raw(c, b.p, b.len);
	buf_free(&b);
	return true;
}

/* The text of a subtree as written, for code: <br> as a newline, shortcodes as written. */
static void code_text(struct conv *c, GumboNode *n, buf *b);

const struct wp_shortcode *shortcode_of(struct conv *c, GumboNode *n)
{
	if (n->type != GUMBO_NODE_ELEMENT || n->v.element.tag != GUMBO_TAG_UNKNOWN)
		return NULL;
	GumboStringPiece p = n->v.element.original_tag;
	gumbo_tag_from_original_text(&p);
	if (p.length != 10 || strncasecmp(p.data, "plenary-sc", 10) != 0)
		return NULL;
	const char *v = attr(n, "n");
	if (!v || !isdigit((unsigned char)*v))
		return NULL;
	char *end;
	unsigned long i = strtoul(v, &end, 10);
	return *end == '\0' && i < c->sc.n ? &c->sc.v[i] : NULL;
}

static void code_text(struct conv *c, GumboNode *n, buf *b)
{
	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_CDATA) {
		for (const unsigned char *p = (const unsigned char *)n->v.text.text; *p; p++)
			if (*p >= 0x20 || *p == '\n' || *p == '\t')
				buf_addc(b, *p == 0x7f ? ' ' : (char)*p);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT)
		return;
	GumboTag t = n->v.element.tag;
	if (t == GUMBO_TAG_BR) {
		buf_addc(b, '\n');
		return;
	}
	if (dropped_tag(t)) {
		char line[64];
		snprintf(line, sizeof line, "a <%s> removed", gumbo_normalized_tagname(t));
		note(c, line);
		return;
	}
	if (quiet_tag(t))
		return;
	const struct wp_shortcode *s = shortcode_of(c, n);
	if (s) /* as a browser would show it: entities decoded, and valid UTF-8 (gumbo mends it) */
		buf_adds(b, wp_plain_text(c->pool, s->open, strlen(s->open)));
	for (unsigned i = 0; i < n->v.element.children.length; i++)
		code_text(c, n->v.element.children.data[i], b);
	if (s)
		buf_adds(b, s->close);
}

static size_t longest_run(const char *s, size_t n, char ch)
{
	size_t best = 0, run = 0;
	for (size_t i = 0; i < n; i++) {
		run = s[i] == ch ? run + 1 : 0;
		if (run > best)
			best = run;
	}
	return best;
}

/* `code` inline: a fence longer than any run of backticks inside. */
void code_span(struct conv *c, GumboNode *n)
{
	buf t;
	buf_init(&t, NULL);
	code_text(c, n, &t);
	size_t b = 0, e = t.len;
	for (size_t i = 0; i < t.len; i++)
		if (t.p[i] == '\n' || t.p[i] == '\t')
			t.p[i] = ' ';
	while (b < e && t.p[b] == ' ')
		b++;
	if (b < e) {
		while (t.p[e - 1] == ' ')
			e--;
		const char *s = t.p + b;
		size_t len = e - b, fence = longest_run(s, len, '`') + 1;
		bool pad = s[0] == '`' || s[len - 1] == '`';
		begin_content(c);
		buf_reset(&c->tmp);
		for (size_t i = 0; i < fence; i++)
			buf_addc(&c->tmp, '`');
		if (pad)
			buf_addc(&c->tmp, ' ');
		buf_add(&c->tmp, s, len);
		if (pad)
			buf_addc(&c->tmp, ' ');
		for (size_t i = 0; i < fence; i++)
			buf_addc(&c->tmp, '`');
		raw(c, c->tmp.p, c->tmp.len);
	} else if (t.len) {
		c->space = true;
	}
	buf_free(&t);
}

/* <pre>: a fenced block. */
void code_block(struct conv *c, GumboNode *n)
{
	if (c->inline_only) {
		code_span(c, n);
		return;
	}
	buf t;
	buf_init(&t, NULL);
	code_text(c, n, &t);
	while (t.len && (t.p[t.len - 1] == '\n' || t.p[t.len - 1] == ' ' || t.p[t.len - 1] == '\t'))
		t.len--;
	if (t.len) {
		size_t fence = longest_run(t.p, t.len, '`') + 1;
		buf f;
		buf_init(&f, c->pool);
		for (size_t i = 0; i < (fence < 3 ? 3 : fence); i++)
			buf_addc(&f, '`');
		want_block(c, B_OTHER);
		raw(c, f.p, f.len);
		line_end(c);
		for (size_t i = 0; i < t.len;) {
			size_t e = i;
			while (e < t.len && t.p[e] != '\n')
				e++;
			raw(c, t.p + i, e - i);
			line_end(c);
			i = e + 1;
		}
		raw(c, f.p, f.len);
		line_end(c);
	}
	buf_free(&t);
}
