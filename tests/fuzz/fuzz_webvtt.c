/* fuzz_webvtt: the same bytes as a WebVTT file, a transcript and chapters; whatever parses is written and
 * parsed again and must come back the same, and a transcript made from captions keeps its rules. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chapters.h"
#include "core/text.h"
#include "core/transcript.h"
#include "core/webvtt.h"

static void die_because(const char *what, const char *written)
{
	fprintf(stderr, "%s\n--- written:\n%s\n", what, written);
	abort();
}

/* A refusal is a key of the editor's video messages with values that are whole UTF-8; it names its line
 * unless it is about the whole text (a key ending in one of lineless, NULL-terminated). */
static void check_refusal(const struct msg *m, const char *const *lineless)
{
	char said[600];
	msg_describe(m, said, sizeof said);
	if (!m->key || strncmp(m->key, "admin.video.error.", 18) != 0)
		die_because("a refusal without a key of its own", said);
	for (size_t i = 0; i < m->n; i++)
		if (!text_utf8_ok(m->p[i].value))
			die_because("a value cut inside a character", said);
	const char *line = msg_get(m, "line");
	if (line && line[0] >= '1' && line[0] <= '9')
		return;
	size_t kn = strlen(m->key);
	for (; *lineless; lineless++) {
		size_t n = strlen(*lineless);
		if (kn > n && strcmp(m->key + kn - n, *lineless) == 0)
			return;
	}
	die_because("an error that names no line", said);
}

static const char *const lineless[] = {".too_large", ".too_many", NULL};

static void check_vtt(h2o_mem_pool_t *pool, const char *s, size_t n)
{
	struct msg err;
	struct vtt v, w;
	if (vtt_parse(pool, s, n, &v, &err) < 0) {
		check_refusal(&err, lineless);
		return;
	}
	buf b;
	buf_init(&b, pool);
	vtt_write(&b, &v);
	if (vtt_parse(pool, b.p, b.len, &w, &err) < 0)
		die_because(err.key, b.p);
	if (w.n != v.n)
		die_because("a different number of cues", b.p);
	for (size_t i = 0; i < v.n; i++) {
		const struct vtt_cue *x = &v.cues[i], *y = &w.cues[i];
		if (x->start_ms != y->start_ms || x->end_ms != y->end_ms || x->end_ms < x->start_ms ||
		    strcmp(x->id, y->id) || strcmp(x->speaker, y->speaker) || strcmp(x->text, y->text))
			die_because("a cue came back different", b.p);
		if (i && x->start_ms < v.cues[i - 1].start_ms)
			die_because("cues out of order", b.p);
		if (strlen(x->text) > VTT_MAX_CUE_TEXT)
			die_because("a cue's text past the limit", b.p);
	}
	struct transcript t, u;
	transcript_from_vtt(pool, &v, &t);
	int64_t last = -1;
	for (size_t i = 0; i < t.n; i++) {
		const struct transcript_line *l = &t.lines[i];
		if (!l->text[0] || strchr(l->text, '\n') || l->at_ms < last || l->at_ms % 1000 ||
		    strlen(l->speaker) > TRANSCRIPT_MAX_SPEAKER || strchr(l->speaker, ':'))
			die_because("a transcript from captions breaks its rules", b.p);
		last = l->at_ms;
	}
	buf_reset(&b);
	transcript_write(&b, &t);
	if (b.len > TRANSCRIPT_MAX_BYTES || t.n > TRANSCRIPT_MAX_LINES)
		die_because("a transcript from captions past the limits", "");
	if (transcript_parse(pool, b.p ? b.p : "", b.len, &u, &err) < 0)
		die_because(err.key, b.p);
	if (u.n != t.n)
		die_because("a transcript from captions parses to a different number of paragraphs", b.p);
	for (size_t i = 0; i < t.n; i++)
		if (t.lines[i].at_ms != u.lines[i].at_ms || strcmp(t.lines[i].speaker, u.lines[i].speaker) ||
		    strcmp(t.lines[i].text, u.lines[i].text))
			die_because("a transcript from captions came back different", b.p);
}

static void check_transcript(h2o_mem_pool_t *pool, const char *s, size_t n)
{
	struct msg err;
	struct transcript t, u;
	if (transcript_parse(pool, s, n, &t, &err) < 0) {
		check_refusal(&err, lineless);
		return;
	}
	buf b;
	buf_init(&b, pool);
	transcript_write(&b, &t);
	if (transcript_parse(pool, b.p ? b.p : "", b.len, &u, &err) < 0)
		die_because(err.key, b.p);
	if (u.n != t.n)
		die_because("a different number of paragraphs", b.p);
	for (size_t i = 0; i < t.n; i++)
		if (t.lines[i].at_ms != u.lines[i].at_ms || strcmp(t.lines[i].speaker, u.lines[i].speaker) ||
		    strcmp(t.lines[i].text, u.lines[i].text) || !t.lines[i].text[0])
			die_because("a paragraph came back different", b.p);
	buf_reset(&b);
	transcript_plain(&b, &t);
}

static void check_chapters(h2o_mem_pool_t *pool, const char *s, size_t n)
{
	struct msg err;
	struct chapter *c, *d;
	size_t nc, nd;
	if (chapters_parse(pool, s, n, &c, &nc, &err) < 0) {
		check_refusal(&err, lineless);
		return;
	}
	buf b;
	buf_init(&b, pool);
	chapters_write(&b, c, nc);
	if (chapters_parse(pool, b.p ? b.p : "", b.len, &d, &nd, &err) < 0)
		die_because(err.key, b.p);
	if (nd != nc)
		die_because("a different number of chapters", b.p);
	for (size_t i = 0; i < nc; i++)
		if (c[i].at_ms != d[i].at_ms || strcmp(c[i].title, d[i].title))
			die_because("a chapter came back different", b.p);
	buf_reset(&b);
	chapters_vtt(&b, c, nc, nc ? c[nc - 1].at_ms + 5000 : 0);
	struct vtt v;
	if (vtt_parse(pool, b.p, b.len, &v, &err) < 0)
		die_because(err.key, b.p);
	if (v.n != nc)
		die_because("the chapters track has a different number of cues", b.p);
	for (size_t i = 0; i < nc; i++)
		if (v.cues[i].start_ms != c[i].at_ms || strcmp(v.cues[i].text, c[i].title))
			die_because("a chapter's cue came back different", b.p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	/* a copy of its own, so reading a byte past the end is caught */
	char *s = malloc(size ? size : 1);
	memcpy(s, data, size);
	check_vtt(&pool, s, size);
	check_transcript(&pool, s, size);
	check_chapters(&pool, s, size);
	/* the same text with the signature, so the cue parser is reached without the fuzzer finding it */
	char *v = malloc(size + 8);
	memcpy(v, "WEBVTT\n\n", 8);
	memcpy(v + 8, data, size);
	check_vtt(&pool, v, size + 8);
	free(v);
	free(s);
	h2o_mem_clear_pool(&pool);
	return 0;
}
