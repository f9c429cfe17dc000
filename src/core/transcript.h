/* transcript: an interview's transcript as the editor writes it (times, speakers, words), its canonical
 * text, its words for search, and one made from captions. */
#ifndef PLENARY_TRANSCRIPT_H
#define PLENARY_TRANSCRIPT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/webvtt.h"

#define TRANSCRIPT_MAX_BYTES (512 * 1024)
#define TRANSCRIPT_MAX_LINES 5000
#define TRANSCRIPT_MAX_SPEAKER 60 /* bytes */
#define TRANSCRIPT_MAX_SPEAKER_WORDS 6
#define TRANSCRIPT_PAUSE_MS 2000       /* captions: a pause this long starts a paragraph */
#define TRANSCRIPT_PARAGRAPH_BYTES 700 /* captions: a paragraph stops growing past this */

struct transcript_line {
	int64_t at_ms; /* -1 when no time; else whole seconds (the canonical text has no milliseconds) */
	const char *speaker; /* "" when none */
	const char *text;    /* never empty, one line */
};
struct transcript {
	struct transcript_line *lines;
	size_t n;
};

/** The editor's text: one paragraph per non-empty line, each optionally opening with a time in brackets
 * "[1:23]" / "[01:02:03]" (milliseconds dropped) and then optionally "Speaker Name: " (at most
 * TRANSCRIPT_MAX_SPEAKER bytes and six words, no ':' or '[' inside, the colon followed by a space, a tab
 * or the line's end) followed by the words. A speaker is never carried to the next paragraph: "" when not
 * given. Times must not go backwards (an error names the line: "Line 7: 1:05 comes after 2:10; times go
 * forward."). A bracket opening a paragraph that is not a valid time is an error naming the line. Empty text
 * after a label is an error. Limits above. 0 with *out, else -1 with err (a key of
 * admin.video.error.transcript or .text, "line" among its values when a line is at fault). */
int transcript_parse(h2o_mem_pool_t *pool, const char *s, size_t n, struct transcript *out, struct msg *err);
/** Canonical text: "[M:SS] Speaker: text\n" per line (parts absent when absent); parse(write(x)) == x. */
void transcript_write(buf *b, const struct transcript *t);
/** Words only, for the search index: "Speaker: text\n" per line, no times. */
void transcript_plain(buf *b, const struct transcript *t);
/** A transcript made from captions: consecutive cues of the same speaker join into one paragraph (at the
 * first cue's time, in whole seconds), a new paragraph at a change of speaker, a pause of
 * TRANSCRIPT_PAUSE_MS or more, or when a cue would take the paragraph past TRANSCRIPT_PARAGRAPH_BYTES;
 * newlines inside cues become spaces, cues without text are left out. A speaker's name is fitted to the
 * rules above (':', '[' and ']' become spaces, cut to six words and TRANSCRIPT_MAX_SPEAKER bytes). Stops at
 * TRANSCRIPT_MAX_LINES paragraphs or TRANSCRIPT_MAX_BYTES of canonical text: 1 when it had to stop (the
 * captions' end is missing), else 0. */
int transcript_from_vtt(h2o_mem_pool_t *pool, const struct vtt *v, struct transcript *out);

#endif
