/* text: small checks on user-supplied text (character counts, well-formed UTF-8, plausible email addresses,
 * slugs) and the hash of a string. */
#include "core/text.h"

#include <string.h>

size_t text_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int text_utf8_ok(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		size_t more;
		unsigned lo = 0x80, hi = 0xBF; /* the range of the first continuation byte */
		if (c < 0x80) {
			p++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			more = 1;
		} else if (c >= 0xE0 && c <= 0xEF) {
			more = 2;
			if (c == 0xE0)
				lo = 0xA0; /* overlong */
			if (c == 0xED)
				hi = 0x9F; /* surrogates */
		} else if (c >= 0xF0 && c <= 0xF4) {
			more = 3;
			if (c == 0xF0)
				lo = 0x90; /* overlong */
			if (c == 0xF4)
				hi = 0x8F; /* above U+10FFFF */
		} else {
			return 0; /* a continuation byte first, an overlong C0/C1, or F5 and above */
		}
		p++;
		for (size_t i = 0; i < more; i++, p++, lo = 0x80, hi = 0xBF)
			if (*p < lo || *p > hi)
				return 0; /* the string's end (0) is out of range too */
	}
	return 1;
}

int text_email_ok(const char *e)
{
	const char *at = strchr(e, '@');
	size_t n = strlen(e);
	if (!at || at == e || n > 254 || strchr(at + 1, '@'))
		return 0;
	/* the local part: printable ASCII without what could end a header or confuse the SMTP envelope */
	for (const char *c = e; c < at; c++)
		if ((unsigned char)*c <= ' ' || (unsigned char)*c >= 0x7f || strchr("<>()[],;:\\\"", *c))
			return 0;
	/* the domain: dot-separated labels of letters, digits and inner hyphens, at least two; no literal
	 * ([127.0.0.1]) */
	int labels = 0;
	for (const char *l = at + 1;; labels++) {
		const char *end = l;
		while ((*end >= 'a' && *end <= 'z') || (*end >= 'A' && *end <= 'Z') ||
		       (*end >= '0' && *end <= '9') || *end == '-')
			end++;
		if (end == l || end - l > 63 || *l == '-' || end[-1] == '-')
			return 0;
		if (*end == '\0')
			return labels + 1 >= 2;
		if (*end != '.')
			return 0;
		l = end + 1;
	}
}

int text_clean(const char *s, int multiline)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == 0x7f || (c < 0x20 && !(multiline && (c == '\t' || c == '\r' || c == '\n'))))
			return 0;
	}
	return 1;
}

/* The ASCII letter of a two-byte UTF-8 Latin-1 letter (U+00C0 to U+00FF), or 0. */
static char unaccent(unsigned char b1, unsigned char b2)
{
	static const char map[] = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";
	if (b1 != 0xC3 || b2 < 0x80 || b2 > 0xBF)
		return 0;
	char c = map[b2 - 0x80];
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ? c : 0;
}

void text_slug(const char *s, char *out, size_t n)
{
	size_t k = 0;
	int dash = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p && k + 2 < n; p++) {
		char c = 0;
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			c = (char)*p;
		else if (*p >= 'A' && *p <= 'Z')
			c = (char)(*p + 32);
		else if (p[1] && (c = unaccent(p[0], p[1])) != 0) {
			c = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			p++;
		}
		if (c) {
			if (dash && k > 0)
				out[k++] = '-';
			dash = 0;
			out[k++] = c;
		} else {
			dash = 1;
		}
	}
	out[k] = '\0';
}

uint64_t text_hash(const void *p, size_t n)
{
	const unsigned char *b = p;
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3ULL;
	return h;
}

/* A path of lowercase letters, digits, hyphens and single slashes, not ending with a slash. */
int text_page_path_ok(const char *p)
{
	if (p[0] != '/' || !p[1])
		return 0;
	for (const char *c = p; *c; c++) {
		int ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || *c == '-' || *c == '/';
		if (!ok || (*c == '/' && (c[1] == '/' || !c[1])))
			return 0;
	}
	return 1;
}

size_t text_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	size_t k = max;
	while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) /* s[k] continues the character before it */
		k--;
	return k;
}
