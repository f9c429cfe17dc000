/* transcript: an interview's transcript as the editor writes it (times, speakers, words), its canonical
 * text, its words for search, and one made from captions. */
#include "core/transcript.h"

#include <stdio.h>
#include <string.h>

#include "core/clock.h"

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

/* 1 when s[0..n), past spaces, starts with a letter (or any non-ASCII byte): words such as "Applause", where
 * a time, even a mistyped one ("0:0x"), starts with a digit. */
static int starts_with_word(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	unsigned char c = i < n ? (unsigned char)s[i] : 0;
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* 1 when s[0..n) (trimmed, not empty) can be a speaker's name: short, few words, no ':' or '['. */
static int speaker_ok(const char *s, size_t n)
{
	if (n == 0 || n > TRANSCRIPT_MAX_SPEAKER || memchr(s, ':', n) || memchr(s, '[', n))
		return 0;
	int words = 0;
	for (size_t i = 0; i < n; i++)
		words += !is_ws(s[i]) && (i == 0 || is_ws(s[i - 1]));
	return words <= TRANSCRIPT_MAX_SPEAKER_WORDS;
}

/* Finds a "Speaker: " label at the start of s[0..n) (s trimmed): 1 with the name in *name, *namen and the
 * offset just past the colon in *after, else 0. */
static int label(const char *s, size_t n, const char **name, size_t *namen, size_t *after)
{
	const char *colon = memchr(s, ':', n);
	if (!colon)
		return 0;
	size_t c = (size_t)(colon - s);
	if (c + 1 < n && !is_ws(s[c + 1]))
		return 0;
	const char *nm = s;
	size_t nn = c;
	trim(&nm, &nn);
	if (!speaker_ok(nm, nn))
		return 0;
	*name = nm;
	*namen = nn;
	*after = c + 1;
	return 1;
}

/* The refusal key at line: -1. */
static int fail(struct msg *err, unsigned line, const char *key)
{
	msg_set(err, key, NULL);
	return msg_int(err, "line", line);
}

int transcript_parse(h2o_mem_pool_t *pool, const char *s, size_t n, struct transcript *out, struct msg *err)
{
	out->lines = NULL;
	out->n = 0;
	if (n > TRANSCRIPT_MAX_BYTES) {
		msg_set(err, "admin.video.error.transcript.too_large", NULL);
		return msg_int(err, "max", TRANSCRIPT_MAX_BYTES / 1024);
	}
	if (vtt_check_text(s, n, err) < 0)
		return -1;
	struct vtt_lines r;
	vtt_lines_init(&r, s, n);
	const char *l;
	size_t ln, count = 0;
	/* first pass: how many paragraphs, so the array is allocated once */
	while (vtt_lines_next(&r, &l, &ln)) {
		trim(&l, &ln);
		count += ln > 0;
	}
	if (count > TRANSCRIPT_MAX_LINES) {
		msg_set(err, "admin.video.error.transcript.too_many", NULL);
		return msg_int(err, "max", TRANSCRIPT_MAX_LINES);
	}
	if (count)
		out->lines = h2o_mem_alloc_pool(pool, sizeof *out->lines * count);
	int64_t last = -1;
	vtt_lines_init(&r, s, n);
	while (vtt_lines_next(&r, &l, &ln)) {
		trim(&l, &ln);
		if (ln == 0)
			continue;
		struct transcript_line *t = &out->lines[out->n];
		t->at_ms = -1;
		t->speaker = "";
		int labelled = 0;
		const char *close = l[0] == '[' ? memchr(l, ']', ln) : NULL;
		if (l[0] == '[' && !(close && starts_with_word(l + 1, (size_t)(close - l) - 1))) {
			/* "[Applause]", "[inaudible]": words in brackets are what was heard, not a time */
			size_t tn = close ? (size_t)(close - l) - 1 : 0;
			const char *ts = l + 1;
			trim(&ts, &tn);
			int64_t at = close ? clock_parse(ts, tn) : -1;
			if (at < 0) {
				size_t shown = close ? (size_t)(close - l) + 1 : ln;
				fail(err, r.line, "admin.video.error.transcript.not_time");
				return msg_clip(err, "text", l, shown);
			}
			t->at_ms = at / 1000 * 1000;
			if (t->at_ms < last) {
				buf a, b;
				buf_init(&a, pool);
				buf_init(&b, pool);
				clock_write(&a, t->at_ms);
				clock_write(&b, last);
				msg_set(err, "admin.video.error.transcript.backwards", "time", a.p,
					"previous", b.p, NULL);
				return msg_int(err, "line", r.line);
			}
			last = t->at_ms;
			ln -= (size_t)(close - l) + 1;
			l = close + 1;
			trim(&l, &ln);
			labelled = 1;
		}
		const char *name;
		size_t namen, after;
		if (label(l, ln, &name, &namen, &after)) {
			t->speaker = mem_strndup(pool, name, namen);
			l += after;
			ln -= after;
			trim(&l, &ln);
			labelled = 1;
		}
		if (ln == 0 && labelled) {
			if (!t->speaker[0])
				return fail(err, r.line, "admin.video.error.transcript.no_words_time");
			msg_set(err, "admin.video.error.transcript.no_words_name", "speaker", t->speaker,
				NULL);
			return msg_int(err, "line", r.line);
		}
		t->text = mem_strndup(pool, l, ln);
		out->n++;
	}
	return 0;
}

void transcript_write(buf *b, const struct transcript *t)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct transcript_line *l = &t->lines[i];
		if (l->at_ms >= 0) {
			buf_addc(b, '[');
			clock_write(b, l->at_ms);
			buf_adds(b, "] ");
		}
		if (l->speaker[0]) {
			buf_adds(b, l->speaker);
			buf_adds(b, ": ");
		}
		buf_adds(b, l->text);
		buf_addc(b, '\n');
	}
}

void transcript_plain(buf *b, const struct transcript *t)
{
	for (size_t i = 0; i < t->n; i++) {
		const struct transcript_line *l = &t->lines[i];
		if (l->speaker[0]) {
			buf_adds(b, l->speaker);
			buf_adds(b, ": ");
		}
		buf_adds(b, l->text);
		buf_addc(b, '\n');
	}
}

/* Adds s with every run of white space (line ends included) made one space, nothing at either end. */
static void add_words(buf *b, const char *s, int space_first)
{
	int space = space_first;
	for (; *s; s++) {
		if (is_ws(*s) || *s == '\n' || *s == '\r') {
			space = 1;
			continue;
		}
		if (space)
			buf_addc(b, ' ');
		space = 0;
		buf_addc(b, *s);
	}
}

/* A caption's speaker fitted to what a transcript's label may be: ':', '[' and ']' made spaces, cut to six
 * words and TRANSCRIPT_MAX_SPEAKER bytes (on a character's edge). */
static const char *fit_speaker(h2o_mem_pool_t *pool, const char *s)
{
	buf b;
	buf_init(&b, pool);
	buf_adds(&b, "");
	int words = 0, space = 1;
	for (; *s; s++) {
		char c = *s == ':' || *s == '[' || *s == ']' || *s == '\n' || *s == '\r' ? ' ' : *s;
		if (is_ws(c)) {
			space = 1;
			continue;
		}
		if (space) {
			if (++words > TRANSCRIPT_MAX_SPEAKER_WORDS)
				break;
			if (b.len)
				buf_addc(&b, ' ');
		}
		space = 0;
		buf_addc(&b, c);
	}
	if (b.len > TRANSCRIPT_MAX_SPEAKER) {
		size_t k = TRANSCRIPT_MAX_SPEAKER;
		while (k > 0 && ((unsigned char)b.p[k] & 0xC0) == 0x80)
			k--;
		while (k > 0 && is_ws(b.p[k - 1]))
			k--;
		b.len = k;
		b.p[k] = '\0';
	}
	return b.p;
}

/* 1 when text, with words after it, would read as opening with a speaker's label. */
static int joined_label(buf *text, const buf *words)
{
	size_t len = text->len;
	buf_addc(text, ' ');
	buf_add(text, words->p, words->len);
	const char *name;
	size_t namen, after;
	int yes = label(text->p, text->len, &name, &namen, &after);
	text->len = len;
	text->p[len] = '\0';
	return yes;
}

int transcript_from_vtt(h2o_mem_pool_t *pool, const struct vtt *v, struct transcript *out)
{
	out->lines = v->n ? h2o_mem_alloc_pool(pool, sizeof *out->lines * v->n) : NULL;
	out->n = 0;
	buf text;
	buf_init(&text, pool);
	size_t bytes = 0; /* of the canonical text so far, the open paragraph left out */
	int64_t last_end = 0;
	const char *speaker = "";
	for (size_t i = 0; i < v->n; i++) {
		const struct vtt_cue *c = &v->cues[i];
		buf words;
		buf_init(&words, pool);
		buf_adds(&words, "");
		add_words(&words, c->text, 0);
		if (words.len == 0)
			continue;
		const char *sp = fit_speaker(pool, c->speaker), *name;
		size_t namen, after;
		if (!sp[0] && label(words.p, words.len, &name, &namen, &after)) {
			/* captions without <v> often name who speaks as "JOHN: ..." */
			sp = mem_strndup(pool, name, namen);
			size_t k = after + (after < words.len); /* the space after the colon */
			memmove(words.p, words.p + k, words.len - k + 1);
			words.len -= k;
			if (words.len == 0)
				continue;
		}
		struct transcript_line *cur = out->n ? &out->lines[out->n - 1] : NULL;
		if (cur && strcmp(sp, speaker) == 0 && c->start_ms - last_end < TRANSCRIPT_PAUSE_MS &&
		    text.len + 1 + words.len <= TRANSCRIPT_PARAGRAPH_BYTES &&
		    !(sp[0] == '\0' && joined_label(&text, &words))) {
			buf_addc(&text, ' ');
			buf_add(&text, words.p, words.len);
		} else {
			if (cur) {
				cur->text = buf_cstr(&text);
				bytes += 16 + strlen(cur->speaker) + 2 + text.len + 1;
			}
			if (out->n == TRANSCRIPT_MAX_LINES ||
			    bytes + 16 + strlen(sp) + 2 + words.len + 1 > TRANSCRIPT_MAX_BYTES)
				return 1;
			cur = &out->lines[out->n++];
			cur->at_ms = c->start_ms / 1000 * 1000;
			cur->speaker = sp;
			speaker = sp;
			buf_init(&text, pool);
			buf_add(&text, words.p, words.len);
		}
		if (bytes + 16 + strlen(sp) + 2 + text.len + 1 > TRANSCRIPT_MAX_BYTES) {
			/* the open paragraph may not pass the limit either: it ends before this cue */
			text.len -= words.len + (text.len > words.len);
			text.p[text.len] = '\0';
			cur->text = buf_cstr(&text);
			if (text.len == 0)
				out->n--;
			return 1;
		}
		last_end = c->end_ms;
	}
	if (out->n)
		out->lines[out->n - 1].text = buf_cstr(&text);
	return 0;
}
