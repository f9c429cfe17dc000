/* text: small checks on user-supplied text (character counts, well-formed UTF-8, plausible email addresses,
 * slugs) and the hash of a string. */
#ifndef PLENARY_TEXT_H
#define PLENARY_TEXT_H

#include <stddef.h>
#include <stdint.h>

/** Characters (code points) of a UTF-8 string, not bytes. */
size_t text_chars(const char *s);
/** 1 when s is an address mail can go to: the one rule every form and the mailer use. One @; a local part
 * of printable ASCII characters without spaces or <>()[],;:\\" ; a domain name of two or more
 * labels (letters, digits, inner hyphens; no address literal); at most 254 bytes. The real check is the
 * verification link. */
int text_email_ok(const char *s);
/** 1 when s is well-formed UTF-8: no stray or missing continuation bytes, no overlong forms, no UTF-16
 * surrogates, nothing above U+10FFFF (what PostgreSQL accepts as text). */
int text_utf8_ok(const char *s);
/** How many of the first n bytes of UTF-8 text s to keep so as to keep at most max bytes without cutting a
 * character in two: n when n <= max, else max less the bytes of a character it would split. */
size_t text_cut(const char *s, size_t n, size_t max);
/** 1 when s has no control characters other than tab, CR and LF (multi-line text) or none at all. */
int text_clean(const char *s, int multiline);

/** A URL slug of s into out (at most n-1 bytes): lowercase ASCII letters and digits, other runs become one
 * '-', no '-' at either end; common accented Latin letters lose their accents. "" when nothing is left. */
void text_slug(const char *s, char *out, size_t n);

/** 1 when p can be a static page's path: a slash, then lowercase letters, digits, hyphens and single slashes,
 * not ending with a slash (/about/team). */
int text_page_path_ok(const char *p);

/** FNV-1a, 64 bits, of n bytes: for hash tables and ETags, not for anything an attacker must not guess. */
uint64_t text_hash(const void *p, size_t n);

#endif
