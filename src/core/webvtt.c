/* webvtt: WebVTT caption files read into cues (refused with the line that is wrong) and written back
 * normalized; also the line reader and text check the editor's other text formats share. */
#include "core/webvtt.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"

void vtt_lines_init(struct vtt_lines *r, const char *s, size_t n)
{
	r->s = s;
	r->n = n;
	r->pos = 0;
	r->line = 0;
}

int vtt_lines_next(struct vtt_lines *r, const char **line, size_t *len)
{
	if (r->pos >= r->n)
		return 0;
	size_t i = r->pos;
	while (i < r->n && r->s[i] != '\n' && r->s[i] != '\r')
		i++;
	*line = r->s + r->pos;
	*len = i - r->pos;
	if (i < r->n && r->s[i] == '\r' && i + 1 < r->n && r->s[i + 1] == '\n')
		i++;
	r->pos = i < r->n ? i + 1 : i;
	r->line++;
	return 1;
}

/* The length of the well-formed UTF-8 character at s[0..n) (no NUL), or 0. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	unsigned c = s[0];
	size_t more;
	unsigned lo = 0x80, hi = 0xBF;
	if (c == 0)
		return 0;
	if (c < 0x80)
		return 1;
	if (c >= 0xC2 && c <= 0xDF) {
		more = 1;
	} else if (c >= 0xE0 && c <= 0xEF) {
		more = 2;
		lo = c == 0xE0 ? 0xA0 : lo; /* overlong */
		hi = c == 0xED ? 0x9F : hi; /* surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		more = 3;
		lo = c == 0xF0 ? 0x90 : lo; /* overlong */
		hi = c == 0xF4 ? 0x8F : hi; /* above U+10FFFF */
	} else {
		return 0;
	}
	if (more >= n)
		return 0;
	for (size_t i = 1; i <= more; i++, lo = 0x80, hi = 0xBF)
		if (s[i] < lo || s[i] > hi)
			return 0;
	return more + 1;
}

int vtt_check_text(const char *s, size_t n, struct msg *err)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned line = 1;
	for (size_t i = 0; i < n;) {
		size_t k = utf8_len(p + i, n - i);
		if (k == 0) {
			msg_set(err, p[i] == 0 ? "admin.video.error.text.nul" : "admin.video.error.text.utf8",
				NULL);
			return msg_int(err, "line", line);
		}
		if (p[i] == '\n' || (p[i] == '\r' && !(i + 1 < n && p[i + 1] == '\n')))
			line++;
		i += k;
	}
	return 0;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\f';
}

static int blank(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!is_ws(s[i]))
			return 0;
	return 1;
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_ws(**s))
		(*s)++, (*n)--;
	while (*n && is_ws((*s)[*n - 1]))
		(*n)--;
}

static int has_arrow(const char *s, size_t n)
{
	for (size_t i = 0; i + 3 <= n; i++)
		if (s[i] == '-' && s[i + 1] == '-' && s[i + 2] == '>')
			return 1;
	return 0;
}

/* 1 when the line is word (then nothing but spaces and tabs, or its end, or, with any_after, a space
 * and anything) */
static int starts_word(const char *s, size_t n, const char *word, int any_after)
{
	size_t w = strlen(word);
	if (n < w || memcmp(s, word, w) != 0)
		return 0;
	if (n == w)
		return 1;
	return any_after ? is_ws(s[w]) : blank(s + w, n - w);
}

/* 1 when line l, just read from r, ends a block: an empty line does; one of spaces and tabs does when what
 * follows it starts a cue (a timing line next, or an id and then one), another blank line or nothing.
 * Otherwise it is part of the block (a cue's text or a note), as browsers read it. */
static int block_end(const struct vtt_lines *r, const char *l, size_t ln)
{
	if (ln == 0)
		return 1;
	if (!blank(l, ln))
		return 0;
	struct vtt_lines ahead = *r;
	const char *a;
	size_t an;
	if (!vtt_lines_next(&ahead, &a, &an) || blank(a, an) || has_arrow(a, an) ||
	    starts_word(a, an, "NOTE", 1))
		return 1;
	return vtt_lines_next(&ahead, &a, &an) && has_arrow(a, an);
}

/* Appends code point cp as UTF-8; what text may not hold (NUL, controls, surrogates, past U+10FFFF)
 * becomes U+FFFD. */
static void add_cp(buf *b, unsigned long cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	char u[4];
	size_t k;
	if (cp < 0x80) {
		u[0] = (char)cp;
		k = 1;
	} else if (cp < 0x800) {
		u[0] = (char)(0xC0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3F));
		k = 2;
	} else if (cp < 0x10000) {
		u[0] = (char)(0xE0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[2] = (char)(0x80 | (cp & 0x3F));
		k = 3;
	} else {
		u[0] = (char)(0xF0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3F));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3F));
		u[3] = (char)(0x80 | (cp & 0x3F));
		k = 4;
	}
	buf_add(b, u, k);
}

/* The named references captions use; any other "&name;" stays as it is written, as HTML leaves it. */
static const struct {
	const char *name;
	unsigned long cp;
} entities[] = {
    {"amp", '&'},      {"lt", '<'},	  {"gt", '>'},	     {"quot", '"'},	{"apos", '\''},
    {"nbsp", 0xA0},    {"lrm", 0x200E},	  {"rlm", 0x200F},   {"ndash", 0x2013}, {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026},
    {"copy", 0xA9},    {"reg", 0xAE},	  {"trade", 0x2122}, {"laquo", 0xAB},	{"raquo", 0xBB},
    {"eacute", 0xE9},  {"egrave", 0xE8},  {"agrave", 0xE0},  {"ccedil", 0xE7},	{"euro", 0x20AC}};

/* Decodes the character reference at s[0..n) (s[0] is '&') into b: the bytes read, or 0 when there is none
 * (the '&' is then text). */
static size_t entity(buf *b, const char *s, size_t n)
{
	size_t i = 1;
	if (i < n && s[i] == '#') {
		int hex = i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X');
		i += 1 + hex;
		unsigned long cp = 0;
		size_t k = 0;
		for (; i < n; i++, k++) {
			char c = s[i];
			int d = c >= '0' && c <= '9'	      ? c - '0'
				: hex && c >= 'a' && c <= 'f' ? c - 'a' + 10
				: hex && c >= 'A' && c <= 'F' ? c - 'A' + 10
							      : -1;
			if (d < 0)
				break;
			if (cp <= 0x10FFFF)
				cp = cp * (hex ? 16 : 10) + (unsigned long)d;
		}
		if (k == 0 || i >= n || s[i] != ';')
			return 0;
		add_cp(b, cp);
		return i + 1;
	}
	while (i < n && i < 12 && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
		i++;
	if (i >= n || s[i] != ';')
		return 0;
	for (size_t e = 0; e < sizeof entities / sizeof *entities; e++)
		if (strlen(entities[e].name) == i - 1 && memcmp(entities[e].name, s + 1, i - 1) == 0) {
			add_cp(b, entities[e].cp);
			return i + 1;
		}
	return 0;
}

/* Text with its references decoded into b. */
static void decode(buf *b, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t k = s[i] == '&' ? entity(b, s + i, n - i) : 0;
		if (k) {
			i += k;
		} else {
			buf_addc(b, s[i]);
			i++;
		}
	}
}

/* A speaker's name from the annotation of a <v> tag: references decoded, runs of spaces one space. */
static const char *speaker_name(h2o_mem_pool_t *pool, const char *s, size_t n)
{
	buf d, o;
	buf_init(&d, pool);
	buf_init(&o, pool);
	decode(&d, s, n);
	buf_adds(&d, "");
	int space = 0;
	for (size_t i = 0; i < d.len; i++) {
		char c = d.p[i];
		if (is_ws(c) || c == '\n') {
			space = 1;
			continue;
		}
		if (space && o.len)
			buf_addc(&o, ' ');
		space = 0;
		buf_addc(&o, c);
	}
	return buf_cstr(&o);
}

/* A cue's raw text (its lines joined with '\n') made plain: tags out, references decoded, lines trimmed,
 * empty lines dropped. A <v Name> tag opening it gives *speaker. */
static void cue_text(h2o_mem_pool_t *pool, const char *s, size_t n, struct vtt_cue *c)
{
	buf t;
	buf_init(&t, pool);
	c->speaker = "";
	size_t i = 0;
	while (i < n && (is_ws(s[i]) || s[i] == '\n'))
		i++;
	int first = 1;
	while (i < n) {
		if (s[i] == '<') {
			size_t j = i + 1;
			while (j < n && s[j] != '>')
				j++;
			/* the tag's name ends at a space, a line end, '.' (classes) or its end */
			if (first && j > i + 1 && s[i + 1] == 'v' &&
			    (i + 2 == j || is_ws(s[i + 2]) || s[i + 2] == '\n' || s[i + 2] == '.')) {
				size_t a = i + 2;
				while (a < j && !is_ws(s[a]) && s[a] != '\n')
					a++;
				c->speaker = speaker_name(pool, s + a, j - a);
			}
			i = j < n ? j + 1 : j;
		} else {
			size_t k = s[i] == '&' ? entity(&t, s + i, n - i) : 0;
			if (k) {
				i += k;
			} else {
				buf_addc(&t, s[i]);
				i++;
			}
		}
		first = 0;
	}
	buf out;
	buf_init(&out, pool);
	buf_adds(&out, "");
	for (size_t p = 0; p < t.len;) {
		size_t e = p;
		while (e < t.len && t.p[e] != '\n')
			e++;
		const char *l = t.p + p;
		size_t ln = e - p;
		trim(&l, &ln);
		if (ln) {
			if (out.len)
				buf_addc(&out, '\n');
			buf_add(&out, l, ln);
		}
		p = e + 1;
	}
	c->text = buf_cstr(&out);
}

/* The refusal key at line: -1. */
static int fail(struct msg *err, unsigned line, const char *key)
{
	msg_set(err, key, NULL);
	return msg_int(err, "line", line);
}

/* Reads "start --> end [settings]" into c. */
static int timing(const char *s, size_t n, unsigned line, struct vtt_cue *c, struct msg *err)
{
	size_t i = 0;
	while (i < n && is_ws(s[i]))
		i++;
	size_t k = clock_scan_vtt(s + i, n - i, &c->start_ms);
	const char *what = "admin.video.error.vtt.bad_start";
	if (k) {
		i += k;
		while (i < n && is_ws(s[i]))
			i++;
		if (n - i < 3 || memcmp(s + i, "-->", 3) != 0)
			return fail(err, line, "admin.video.error.vtt.arrow");
		i += 3;
		while (i < n && is_ws(s[i]))
			i++;
		what = "admin.video.error.vtt.bad_end";
		k = clock_scan_vtt(s + i, n - i, &c->end_ms);
		if (k && i + k < n && !is_ws(s[i + k]))
			k = 0;
	}
	if (!k) {
		size_t e = i;
		while (e < n && !is_ws(s[e]))
			e++;
		fail(err, line, what);
		return msg_clip(err, "text", s + i, e - i);
	}
	if (c->end_ms < c->start_ms) {
		buf a, b;
		buf_init(&a, NULL);
		buf_init(&b, NULL);
		clock_write_vtt(&a, c->end_ms);
		clock_write_vtt(&b, c->start_ms);
		msg_set(err, "admin.video.error.vtt.end_before_start", "end", a.p, "start", b.p, NULL);
		msg_int(err, "line", line);
		buf_free(&a);
		buf_free(&b);
		return -1;
	}
	return 0;
}

/* Sorts cues by start, keeping the file's order among equal starts (merge sort through tmp). */
static void sort_cues(struct vtt_cue *c, struct vtt_cue *tmp, size_t n)
{
	if (n < 2)
		return;
	size_t h = n / 2;
	sort_cues(c, tmp, h);
	sort_cues(c + h, tmp, n - h);
	if (c[h - 1].start_ms <= c[h].start_ms)
		return;
	size_t i = 0, j = h, k = 0;
	while (i < h && j < n)
		tmp[k++] = c[j].start_ms < c[i].start_ms ? c[j++] : c[i++];
	while (i < h)
		tmp[k++] = c[i++];
	while (j < n)
		tmp[k++] = c[j++];
	memcpy(c, tmp, n * sizeof *c);
}

/* Skips the block whose first line was just read: a NOTE (which may not hold "-->") or a STYLE or REGION
 * block, to its end. */
static int skip_block(struct vtt_lines *r, const char *l, size_t ln, int note, struct msg *err)
{
	do {
		if (note && has_arrow(l, ln))
			return fail(err, r->line, "admin.video.error.vtt.note_arrow");
	} while (vtt_lines_next(r, &l, &ln) && !block_end(r, l, ln));
	return 0;
}

/* Reads the block whose first line l was just read: 1 with a cue in *c, 0 for a block that is skipped, -1
 * with err. */
static int read_block(h2o_mem_pool_t *pool, struct vtt_lines *r, const char *l, size_t ln, struct vtt_cue *c,
		      struct msg *err)
{
	*c = (struct vtt_cue){0, 0, "", "", ""};
	const char *first = l;
	size_t firstn = ln;
	trim(&first, &firstn); /* ids are trimmed: one that would read as a NOTE once written cannot be */
	if (starts_word(first, firstn, "NOTE", 1))
		return skip_block(r, l, ln, 1, err);
	if (!has_arrow(l, ln)) {
		/* an id, or a style sheet or a region's settings, before the timing line */
		const char *id = l;
		size_t idn = ln;
		unsigned id_line = r->line;
		if (!vtt_lines_next(r, &l, &ln) || blank(l, ln) || !has_arrow(l, ln)) {
			if (starts_word(id, idn, "STYLE", 0) || starts_word(id, idn, "REGION", 0))
				return r->line == id_line || block_end(r, l, ln)
					   ? 0
					   : skip_block(r, l, ln, 0, err);
			fail(err, id_line, "admin.video.error.vtt.no_timing");
			return msg_clip(err, "text", id, idn);
		}
		trim(&id, &idn);
		if (idn > VTT_MAX_CUE_TEXT)
			return fail(err, id_line, "admin.video.error.vtt.id_too_long");
		c->id = mem_strndup(pool, id, idn);
	}
	unsigned timing_line = r->line;
	if (timing(l, ln, timing_line, c, err) < 0)
		return -1;
	/* the text, to the block's end or to a line with "-->", which starts the next cue */
	const char *text = r->s + r->pos, *text_end = text;
	struct vtt_lines back = *r;
	while (vtt_lines_next(r, &l, &ln) && !block_end(r, l, ln) && !has_arrow(l, ln)) {
		text_end = l + ln;
		back = *r;
	}
	*r = back;
	/* the lines' own ends (CR, CRLF) inside the text made LF for cue_text */
	buf raw;
	buf_init(&raw, pool);
	buf_adds(&raw, "");
	for (const char *p = text; p < text_end; p++) {
		if (*p != '\r')
			buf_addc(&raw, *p);
		else if (p + 1 >= text_end || p[1] != '\n')
			buf_addc(&raw, '\n');
	}
	cue_text(pool, raw.p, raw.len, c);
	if (strlen(c->text) > VTT_MAX_CUE_TEXT || strlen(c->speaker) > VTT_MAX_CUE_TEXT) {
		fail(err, timing_line, "admin.video.error.vtt.text_too_long");
		return msg_int(err, "max", VTT_MAX_CUE_TEXT);
	}
	return 1;
}

int vtt_parse(h2o_mem_pool_t *pool, const char *s, size_t n, struct vtt *out, struct msg *err)
{
	out->cues = NULL;
	out->n = 0;
	if (n > VTT_MAX_BYTES) {
		msg_set(err, "admin.video.error.vtt.too_large", NULL);
		return msg_int(err, "max", VTT_MAX_BYTES / 1024);
	}
	if (vtt_check_text(s, n, err) < 0)
		return -1;
	if (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3, n -= 3;
	struct vtt_lines r;
	vtt_lines_init(&r, s, n);
	const char *l;
	size_t ln;
	if (!vtt_lines_next(&r, &l, &ln) || !starts_word(l, ln, "WEBVTT", 1)) {
		int srt = has_arrow(s, n) && memchr(s, ',', n);
		return fail(err, 1, srt ? "admin.video.error.vtt.srt" : "admin.video.error.vtt.no_signature");
	}
	/* the header's lines, to the first blank line */
	while (vtt_lines_next(&r, &l, &ln) && !block_end(&r, l, ln))
		if (has_arrow(l, ln))
			return fail(err, r.line, "admin.video.error.vtt.header_blank");
	buf cues;
	buf_init(&cues, pool);
	size_t ncues = 0;
	while (vtt_lines_next(&r, &l, &ln)) {
		if (blank(l, ln))
			continue;
		struct vtt_cue c;
		int rc = read_block(pool, &r, l, ln, &c, err);
		if (rc < 0)
			return -1;
		if (rc == 0)
			continue;
		if (ncues == VTT_MAX_CUES) {
			fail(err, r.line, "admin.video.error.vtt.too_many_cues");
			return msg_int(err, "max", VTT_MAX_CUES);
		}
		buf_add(&cues, &c, sizeof c);
		ncues++;
	}
	if (ncues) {
		struct vtt_cue *tmp = h2o_mem_alloc_pool(pool, sizeof *tmp * ncues);
		out->cues = (struct vtt_cue *)cues.p;
		sort_cues(out->cues, tmp, ncues);
	}
	out->n = ncues;
	return 0;
}

void vtt_escape(buf *b, const char *s, size_t n)
{
	size_t from = 0;
	for (size_t i = 0; i < n; i++) {
		const char *e = s[i] == '&' ? "&amp;" : s[i] == '<' ? "&lt;" : s[i] == '>' ? "&gt;" : NULL;
		if (e) {
			buf_add(b, s + from, i - from);
			buf_adds(b, e);
			from = i + 1;
		}
	}
	buf_add(b, s + from, n - from);
}

void vtt_write_cue(buf *b, const struct vtt_cue *c)
{
	if (c->id[0]) {
		buf_adds(b, c->id);
		buf_addc(b, '\n');
	}
	clock_write_vtt(b, c->start_ms);
	buf_adds(b, " --> ");
	clock_write_vtt(b, c->end_ms);
	buf_addc(b, '\n');
	if (c->speaker[0]) {
		buf_adds(b, "<v ");
		size_t n = strlen(c->speaker);
		vtt_escape(b, c->speaker, n);
		/* "<v Name-->" would read as a timing line: a space keeps the dashes from the '>' */
		buf_adds(b, c->speaker[n - 1] == '-' ? " >" : ">");
	}
	vtt_escape(b, c->text, strlen(c->text));
	if (c->speaker[0] || c->text[0])
		buf_addc(b, '\n');
}

void vtt_write(buf *b, const struct vtt *v)
{
	buf_adds(b, "WEBVTT\n");
	for (size_t i = 0; i < v->n; i++) {
		buf_addc(b, '\n');
		vtt_write_cue(b, &v->cues[i]);
	}
}
