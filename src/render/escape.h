/* escape: one escaper per output context (HTML text/attribute, URL, URL part, JSON string). */
#ifndef PLENARY_ESCAPE_H
#define PLENARY_ESCAPE_H

#include <stddef.h>

#include "core/buf.h"

/** HTML text or a quoted attribute value: & < > " ' become &amp; &lt; &gt; &quot; &#39;. C0 control
 * characters other than \t \n \r, and DEL, are dropped; invalid UTF-8 (overlong forms, surrogates,
 * code points above U+10FFFF, truncated sequences) becomes U+FFFD, one per maximal bad subpart. */
void esc_html(buf *out, const char *s, size_t n);

/** Returns 1 when the URL s may be followed: it is relative or its scheme is http, https, mailto or
 * tel (case-insensitive). Leading spaces and control characters are skipped and tab, CR and LF are
 * ignored, as browsers do. Stricter than the URL standard on purpose: any ':' before the first '/',
 * '?' or '#' counts as a scheme, so "java&amp;script:x" or "a b:c" are refused too. */
int esc_url_is_safe(const char *s, size_t n);

/** A whole URL at the start of an href/src/action value: "#" when esc_url_is_safe refuses it
 * (javascript:, data:, vbscript: ...), otherwise the URL through esc_html. */
void esc_url_attr(buf *out, const char *s, size_t n);

/** Percent-encodes (uppercase hex) every byte except the unreserved A-Z a-z 0-9 - . _ ~, and '/'
 * when keep_slash is nonzero. The result is also safe as-is in HTML text and quoted attributes. */
void esc_url_component(buf *out, const char *s, size_t n, int keep_slash);

/** The inside of a JSON string (no quotes added): " and \ are backslash-escaped; control characters,
 * DEL, < > & and U+2028/U+2029 become \uXXXX, so the result is safe inside <script> as well;
 * invalid UTF-8 becomes \ufffd. */
void esc_json_string(buf *out, const char *s, size_t n);

/** Copies trusted HTML, dropping C0 control characters other than \t \n \r, and DEL, and replacing
 * invalid UTF-8 with U+FFFD (so raw output never carries a slot marker byte). */
void strip_controls(buf *out, const char *s, size_t n);

/** Plain text (a .txt template's variables): copied as is, without entities, dropping every C0
 * control character but \t and \n (so \r too), and DEL, and replacing invalid UTF-8 with U+FFFD.
 * With one_line, \t and \n become spaces as well (a mail's Subject line). */
void esc_text(buf *out, const char *s, size_t n, int one_line);

#endif
