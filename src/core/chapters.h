/* chapters: a video's chapters as the editor writes them ("1:23 Title" lines), their canonical text and
 * the WebVTT chapters track players read. */
#ifndef PLENARY_CHAPTERS_H
#define PLENARY_CHAPTERS_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/msg.h"

#define CHAPTERS_MAX 200
#define CHAPTER_MAX_TITLE 120 /* characters */
#define CHAPTERS_MAX_BYTES (64 * 1024)

struct chapter {
	int64_t at_ms; /* whole seconds */
	const char *title;
};

/** One per non-empty line: "M:SS Title" or "H:MM:SS Title" (YouTube's description style; a dash between
 * the time and the title, "0:00 - Intro", is dropped; milliseconds are dropped); the first may be later than
 * 0:00; strictly increasing times; errors name the line. 0 with *out and *nout, else -1 with err (a key of
 * admin.video.error.chapters or .text, "line" among its values when a line is at fault). */
int chapters_parse(h2o_mem_pool_t *pool, const char *s, size_t n, struct chapter **out, size_t *nout,
		   struct msg *err);
/** Canonical lines: "M:SS Title\n" each. */
void chapters_write(buf *b, const struct chapter *c, size_t n);
/** A WebVTT chapters track: each chapter a cue from its time to the next one's (the last to duration_ms, or
 * its start + 1 s when the duration is unknown (0) or not after it). */
void chapters_vtt(buf *b, const struct chapter *c, size_t n, int64_t duration_ms);

#endif
