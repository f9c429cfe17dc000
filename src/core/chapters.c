/* chapters: a video's chapters as the editor writes them ("1:23 Title" lines), their canonical text and
 * the WebVTT chapters track players read. */
#include "core/chapters.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/webvtt.h"

static int is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\f';
}

static void trim(const char **s, size_t *n)
{
	while (*n && is_ws(**s))
		(*s)++, (*n)--;
	while (*n && is_ws((*s)[*n - 1]))
		(*n)--;
}

/* The length of a separator ("-", "–", "—" or "|") opening s[0..n) when white space or the end follows it,
 * else 0. */
static size_t separator(const char *s, size_t n)
{
	size_t k = 0;
	if (n >= 1 && (s[0] == '-' || s[0] == '|'))
		k = 1;
	else if (n >= 3 && memcmp(s, "\xE2\x80", 2) == 0 && (s[2] == '\x93' || s[2] == '\x94'))
		k = 3;
	return k && (k == n || is_ws(s[k])) ? k : 0;
}

/* The refusal key at line: -1. */
static int fail(struct msg *err, unsigned line, const char *key)
{
	msg_set(err, key, NULL);
	return msg_int(err, "line", line);
}

int chapters_parse(h2o_mem_pool_t *pool, const char *s, size_t n, struct chapter **out, size_t *nout,
		   struct msg *err)
{
	*out = NULL;
	*nout = 0;
	if (n > CHAPTERS_MAX_BYTES) {
		msg_set(err, "admin.video.error.chapters.too_large", NULL);
		return msg_int(err, "max", CHAPTERS_MAX_BYTES / 1024);
	}
	if (vtt_check_text(s, n, err) < 0)
		return -1;
	struct chapter *c = h2o_mem_alloc_pool(pool, sizeof *c * CHAPTERS_MAX);
	size_t k = 0;
	struct vtt_lines r;
	vtt_lines_init(&r, s, n);
	const char *l;
	size_t ln;
	while (vtt_lines_next(&r, &l, &ln)) {
		trim(&l, &ln);
		if (ln == 0)
			continue;
		size_t tn = 0;
		while (tn < ln && !is_ws(l[tn]))
			tn++;
		int64_t at = clock_parse(l, tn);
		if (at < 0) {
			fail(err, r.line, "admin.video.error.chapters.not_time");
			return msg_clip(err, "text", l, tn);
		}
		at = at / 1000 * 1000;
		const char *title = l + tn;
		size_t titlen = ln - tn;
		trim(&title, &titlen);
		for (size_t sep; (sep = separator(title, titlen)) != 0;) {
			title += sep;
			titlen -= sep;
			trim(&title, &titlen);
		}
		if (titlen == 0)
			return fail(err, r.line, "admin.video.error.chapters.no_title");
		size_t chars = 0;
		for (size_t i = 0; i < titlen; i++)
			chars += ((unsigned char)title[i] & 0xC0) != 0x80;
		if (chars > CHAPTER_MAX_TITLE) {
			fail(err, r.line, "admin.video.error.chapters.title_too_long");
			return msg_int(err, "max", CHAPTER_MAX_TITLE);
		}
		if (k && at <= c[k - 1].at_ms) {
			buf a, b;
			buf_init(&a, pool);
			buf_init(&b, pool);
			clock_write(&a, at);
			clock_write(&b, c[k - 1].at_ms);
			msg_set(err, "admin.video.error.chapters.not_after", "time", a.p, "previous", b.p,
				NULL);
			return msg_int(err, "line", r.line);
		}
		if (k == CHAPTERS_MAX) {
			fail(err, r.line, "admin.video.error.chapters.too_many");
			return msg_int(err, "max", CHAPTERS_MAX);
		}
		c[k].at_ms = at;
		c[k].title = mem_strndup(pool, title, titlen);
		k++;
	}
	*out = c;
	*nout = k;
	return 0;
}

void chapters_write(buf *b, const struct chapter *c, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		clock_write(b, c[i].at_ms);
		buf_addc(b, ' ');
		buf_adds(b, c[i].title);
		buf_addc(b, '\n');
	}
}

void chapters_vtt(buf *b, const struct chapter *c, size_t n, int64_t duration_ms)
{
	buf_adds(b, "WEBVTT\n");
	for (size_t i = 0; i < n; i++) {
		int64_t end = i + 1 < n			 ? c[i + 1].at_ms
			      : duration_ms > c[i].at_ms ? duration_ms
							 : c[i].at_ms + 1000;
		struct vtt_cue cue = {c[i].at_ms, end, "", "", c[i].title};
		buf_addc(b, '\n');
		vtt_write_cue(b, &cue);
	}
}
