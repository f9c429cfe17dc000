/* fuzz_webvtt: the same bytes as a WebVTT file, a transcript and chapters; whatever parses is written and
 * parsed again and must come back the same, and a transcript made from captions keeps its rules. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/chapters.h"
#include "core/transcript.h"
#include "core/webvtt.h"

static void die_because(const char *what, const char *written)
{
	fprintf(stderr, "%s\n--- written:\n%s\n", what, written);
	abort();
}

static void check_vtt(h2o_mem_pool_t *pool, const char *s, size_t n)
{
	char err[512];
	struct vtt v, w;
	if (vtt_parse(pool, s, n, &v, err, sizeof err) < 0) {
		if (strncmp(err, "Line ", 5) != 0 && strncmp(err, "The file", 8) != 0)
			die_because("an error that names no line", err);
		return;
	}
	buf b;
	buf_init(&b, pool);
	vtt_write(&b, &v);
	if (vtt_parse(pool, b.p, b.len, &w, err, sizeof err) < 0)
		die_because(err, b.p);
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
	if (transcript_parse(pool, b.p ? b.p : "", b.len, &u, err, sizeof err) < 0)
		die_because(err, b.p);
	if (u.n != t.n)
		die_because("a transcript from captions parses to a different number of paragraphs", b.p);
	for (size_t i = 0; i < t.n; i++)
		if (t.lines[i].at_ms != u.lines[i].at_ms || strcmp(t.lines[i].speaker, u.lines[i].speaker) ||
		    strcmp(t.lines[i].text, u.lines[i].text))
			die_because("a transcript from captions came back different", b.p);
}

static void check_transcript(h2o_mem_pool_t *pool, const char *s, size_t n)
{
	char err[512];
	struct transcript t, u;
	if (transcript_parse(pool, s, n, &t, err, sizeof err) < 0) {
		if (strncmp(err, "Line ", 5) != 0 && strncmp(err, "The transcript", 14) != 0)
			die_because("an error that names no line", err);
		return;
	}
	buf b;
	buf_init(&b, pool);
	transcript_write(&b, &t);
	if (transcript_parse(pool, b.p ? b.p : "", b.len, &u, err, sizeof err) < 0)
		die_because(err, b.p);
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
	char err[512];
	struct chapter *c, *d;
	size_t nc, nd;
	if (chapters_parse(pool, s, n, &c, &nc, err, sizeof err) < 0) {
		if (strncmp(err, "Line ", 5) != 0 && strncmp(err, "The chapters", 12) != 0)
			die_because("an error that names no line", err);
		return;
	}
	buf b;
	buf_init(&b, pool);
	chapters_write(&b, c, nc);
	if (chapters_parse(pool, b.p ? b.p : "", b.len, &d, &nd, err, sizeof err) < 0)
		die_because(err, b.p);
	if (nd != nc)
		die_because("a different number of chapters", b.p);
	for (size_t i = 0; i < nc; i++)
		if (c[i].at_ms != d[i].at_ms || strcmp(c[i].title, d[i].title))
			die_because("a chapter came back different", b.p);
	buf_reset(&b);
	chapters_vtt(&b, c, nc, nc ? c[nc - 1].at_ms + 5000 : 0);
	struct vtt v;
	if (vtt_parse(pool, b.p, b.len, &v, err, sizeof err) < 0)
		die_because(err, b.p);
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
