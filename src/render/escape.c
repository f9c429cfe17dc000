/* escape: the escapers for HTML text and attributes, URLs, URL parts and JSON strings. */
#include "render/escape.h"

#include <string.h>

static const char hex_digits[] = "0123456789ABCDEF"; /* percent-encoding: uppercase (RFC 3986) */
static const char json_hex[] = "0123456789abcdef";
static const char replacement_char[] = "\xEF\xBF\xBD";

/* Checks the UTF-8 sequence starting at s (s[0] >= 0x80). Returns the code point and sets *len to
 * its length, or returns -1 and sets *len to the length of the maximal invalid subpart (>= 1). */
static long utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
	unsigned char c = s[0], lo = 0x80, hi = 0xBF;
	size_t need;
	long cp;
	if (c >= 0xC2 && c <= 0xDF) {
		need = 2, cp = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 3, cp = c & 0x0F;
		lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlong forms */
		hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 4, cp = c & 0x07;
		lo = c == 0xF0 ? 0x90 : 0x80;
		hi = c == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
	} else {
		*len = 1;
		return -1;
	}
	for (size_t i = 1; i < need; i++) {
		unsigned char min = i == 1 ? lo : 0x80, max = i == 1 ? hi : 0xBF;
		if (i >= n || s[i] < min || s[i] > max) {
			*len = i;
			return -1;
		}
		cp = (cp << 6) | (s[i] & 0x3F);
	}
	*len = need;
	return cp;
}

static int is_dropped_control(unsigned char c)
{
	return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
}

static const char *html_entity(unsigned char c)
{
	switch (c) {
	case '&':
		return "&amp;";
	case '<':
		return "&lt;";
	case '>':
		return "&gt;";
	case '"':
		return "&quot;";
	case '\'':
		return "&#39;";
	default:
		return NULL;
	}
}

/* What filter_utf8 does besides dropping controls and mending UTF-8. */
enum filter_mode { FILTER_RAW, FILTER_HTML, FILTER_TEXT, FILTER_LINE };

/* What replaces byte s[i] (setting *skip to the bytes consumed), or NULL when it is copied as is. */
static const char *filtered_byte(const unsigned char *s, size_t n, size_t i, enum filter_mode mode,
				 size_t *skip)
{
	unsigned char c = s[i];
	*skip = 1;
	if (c >= 0x80)
		return utf8_decode(s + i, n - i, skip) < 0 ? replacement_char : NULL;
	if (is_dropped_control(c) || (c == '\r' && mode >= FILTER_TEXT))
		return "";
	if ((c == '\n' || c == '\t') && mode == FILTER_LINE)
		return " ";
	return mode == FILTER_HTML ? html_entity(c) : NULL;
}

/* The shared loop of esc_html, strip_controls and esc_text: copies runs of clean bytes in one go. */
static void filter_utf8(buf *out, const char *str, size_t n, enum filter_mode mode)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, start = 0, skip;
	while (i < n) {
		const char *rep = filtered_byte(s, n, i, mode, &skip);
		if (!rep) {
			i += skip;
			continue;
		}
		buf_add(out, s + start, i - start);
		buf_adds(out, rep);
		i += skip;
		start = i;
	}
	buf_add(out, s + start, n - start);
}

void esc_html(buf *out, const char *s, size_t n)
{
	filter_utf8(out, s, n, FILTER_HTML);
}

void strip_controls(buf *out, const char *s, size_t n)
{
	filter_utf8(out, s, n, FILTER_RAW);
}

void esc_text(buf *out, const char *s, size_t n, int one_line)
{
	filter_utf8(out, s, n, one_line ? FILTER_LINE : FILTER_TEXT);
}

static int scheme_allowed(const char *scheme, size_t k)
{
	static const char *const allowed[] = {"http", "https", "mailto", "tel"};
	for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
		if (strlen(allowed[i]) == k && memcmp(allowed[i], scheme, k) == 0)
			return 1;
	return 0;
}

int esc_url_is_safe(const char *s, size_t n)
{
	char scheme[8];
	size_t i = 0, k = 0;
	int too_long = 0;
	while (i < n && (unsigned char)s[i] <= 0x20)
		i++;
	for (; i < n; i++) {
		char c = s[i];
		if (c == '\t' || c == '\n' || c == '\r')
			continue; /* browsers delete these anywhere in a URL */
		if (c == '/' || c == '?' || c == '#')
			return 1;
		if (c == ':')
			return !too_long && scheme_allowed(scheme, k);
		if (k < sizeof scheme)
			scheme[k++] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
		else
			too_long = 1;
	}
	return 1;
}

void esc_url_attr(buf *out, const char *s, size_t n)
{
	if (esc_url_is_safe(s, n))
		esc_html(out, s, n);
	else
		buf_addc(out, '#');
}

static int is_unreserved(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '.' || c == '_' || c == '~';
}

void esc_url_component(buf *out, const char *str, size_t n, int keep_slash)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		if (is_unreserved(s[i]) || (keep_slash && s[i] == '/'))
			continue;
		char pct[3] = {'%', hex_digits[s[i] >> 4], hex_digits[s[i] & 15]};
		buf_add(out, s + start, i - start);
		buf_add(out, pct, 3);
		start = i + 1;
	}
	buf_add(out, s + start, n - start);
}

static void json_unicode(buf *out, unsigned long cp)
{
	char u[6] = {'\\',
		     'u',
		     json_hex[(cp >> 12) & 15],
		     json_hex[(cp >> 8) & 15],
		     json_hex[(cp >> 4) & 15],
		     json_hex[cp & 15]};
	buf_add(out, u, 6);
}

static int json_plain_ascii(unsigned char c)
{
	return c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&';
}

/* Writes the escape for code point cp (-1 for invalid UTF-8). */
static void json_escape_cp(buf *out, long cp)
{
	if (cp == '"' || cp == '\\') {
		char e[2] = {'\\', (char)cp};
		buf_add(out, e, 2);
	} else {
		json_unicode(out, cp < 0 ? 0xFFFD : (unsigned long)cp);
	}
}

void esc_json_string(buf *out, const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0, start = 0;
	while (i < n) {
		if (json_plain_ascii(s[i])) {
			i++;
			continue;
		}
		size_t len = 1;
		long cp = s[i];
		if (s[i] >= 0x80) {
			cp = utf8_decode(s + i, n - i, &len);
			if (cp >= 0 && cp != 0x2028 && cp != 0x2029) {
				i += len; /* ordinary non-ASCII text stays as UTF-8 */
				continue;
			}
		}
		buf_add(out, s + start, i - start);
		json_escape_cp(out, cp);
		i += len;
		start = i;
	}
	buf_add(out, s + start, n - start);
}
