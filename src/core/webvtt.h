/* webvtt: WebVTT caption files read into cues (refused with the line that is wrong) and written back
 * normalized; also the line reader and text check the editor's other text formats share. */
#ifndef PLENARY_WEBVTT_H
#define PLENARY_WEBVTT_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/msg.h"

#define VTT_MAX_BYTES (1024 * 1024)
#define VTT_MAX_CUES 20000
#define VTT_MAX_CUE_TEXT 2000 /* bytes of a cue's text once decoded; also of its id and of its speaker */

struct vtt_cue {
	int64_t start_ms, end_ms;
	const char *id;	     /* "" when none */
	const char *speaker; /* from a <v Name> span opening the cue, "" when none */
	const char
	    *text; /* the cue's text with every tag removed, entities (&amp; &lt; &gt; &nbsp; ...) decoded,
		      lines joined with '\n': plain text, to be escaped by whoever writes it. Each line is
		      trimmed of spaces and tabs and none is empty; "" for a cue without text. */
};
struct vtt {
	struct vtt_cue *cues;
	size_t n;
};

/** Parses a WebVTT file (the W3C WebVTT syntax: "WEBVTT" signature (BOM allowed), header lines, blank-line
 * separated blocks; NOTE, STYLE and REGION blocks skipped; cue settings after the timing line accepted and
 * dropped; CRLF, CR or LF line ends; a line of only spaces and tabs separates blocks when a cue or the
 * end follows it, else it is a blank line of the cue's text). 0 with *out, else -1
 * with err set for an editor: a key of admin.video.error.vtt (or .text) and its values, "line" among them
 * when a line is at fault ("Line 14: the cue's end (00:00:03.000) is before its start (00:00:05.000).").
 * Refuses: no signature, bad or missing timing line, end before start, a NUL byte or
 * invalid UTF-8, more than the limits above. Cues are sorted by start (stably: equal starts keep the
 * file's order). A line containing "-->" inside a cue's text starts the next cue, as browsers read it. */
int vtt_parse(h2o_mem_pool_t *pool, const char *s, size_t n, struct vtt *out, struct msg *err);
/** Writes cues as a normalized WebVTT file: "WEBVTT\n\n" then each cue "start --> end\n" + text, where text
 * is re-escaped (& < > as entities) and a speaker is written back as "<v Name>" (the name escaped too); a
 * blank line between cues. vtt_parse(vtt_write(x)) gives x back (same times, ids, speakers and texts). */
void vtt_write(buf *b, const struct vtt *v);
/** One cue as vtt_write writes it (its id line, times and text, ending with a newline; no blank line). */
void vtt_write_cue(buf *b, const struct vtt_cue *c);
/** Appends s[0..n) with & < > written as entities, as WebVTT text needs. */
void vtt_escape(buf *b, const char *s, size_t n);

/** Reads text line by line for the editor's text formats: a line ends at CRLF, CR or LF (the end itself
 * not included); a final line end makes no empty line after it. */
struct vtt_lines {
	const char *s;
	size_t n, pos;
	unsigned line; /* the number of the line given last, from 1 */
};
void vtt_lines_init(struct vtt_lines *r, const char *s, size_t n);
/** 1 with the next line in *line, *len, or 0 at the end. */
int vtt_lines_next(struct vtt_lines *r, const char **line, size_t *len);
/** 0 when s[0..n) is well-formed UTF-8 without a NUL byte; else -1 with err (admin.video.error.text.nul or
 * .utf8) whose "line" is the line of the first bad byte. */
int vtt_check_text(const char *s, size_t n, struct msg *err);

#endif
