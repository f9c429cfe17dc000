/* fuzz_markdown: Markdown from a buffer with no NUL; the HTML must be valid UTF-8, control-free, with no raw
 * tag or unsafe URL. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <strings.h>

#include "render/markdown.h"

/* 1 when s[0..n) is valid UTF-8 (no overlongs, surrogates or code points past U+10FFFF). */
static int utf8_ok(const unsigned char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		unsigned c = s[i];
		size_t len = c < 0x80		  ? 1
			     : (c & 0xe0) == 0xc0 ? 2
			     : (c & 0xf0) == 0xe0 ? 3
			     : (c & 0xf8) == 0xf0 ? 4
						  : 0;
		if (!len || i + len > n)
			return 0;
		unsigned cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + k] & 0x3f);
		}
		if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
			return 0;
		i += len;
	}
	return 1;
}

/* Tags md4c itself writes; a raw tag an author typed comes out as text (&lt;), so any other is a defect. */
static const char *const tags[] = {"p",	    "h1",  "h2",	 "h3",	   "h4",   "h5",    "h6",
				   "a",	    "img", "em",	 "strong", "code", "pre",   "ul",
				   "ol",    "li",  "blockquote", "hr",	   "br",   "table", "thead",
				   "tbody", "tr",  "th",	 "td",	   "del",  "input", NULL};

static int known_tag(const char *name, size_t n)
{
	for (size_t i = 0; tags[i]; i++)
		if (strlen(tags[i]) == n && strncmp(tags[i], name, n) == 0)
			return 1;
	return 0;
}

static int unsafe_url(const char *v, size_t n)
{
	static const char *const schemes[] = {"javascript:", "data:", "vbscript:", NULL};
	while (n && (*v == ' ' || *v == '\t' || *v == '\n'))
		v++, n--;
	for (size_t i = 0; schemes[i]; i++)
		if (n >= strlen(schemes[i]) && strncasecmp(v, schemes[i], strlen(schemes[i])) == 0)
			return 1;
	return 0;
}

/* Reads every tag of html: NULL when each is a known tag with no on* attribute and no unsafe href/src,
 * else a pointer to the first bad one. */
static const char *bad_tag(const char *html)
{
	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
		const char *q = p + 1 + (p[1] == '/');
		size_t n = strspn(q, "abcdefghijklmnopqrstuvwxyz0123456789");
		if (!known_tag(q, n))
			return p;
		q += n;
		for (;;) {
			q += strspn(q, " \t\n/");
			if (*q == '>' || *q == '\0')
				break;
			size_t an = strcspn(q, " \t\n=>");
			const char *name = q;
			if (an >= 2 && strncasecmp(name, "on", 2) == 0)
				return p;
			q += an;
			if (*q != '=')
				continue;
			q++;
			if (*q != '"')
				return p; /* md4c quotes every value */
			const char *v = q + 1, *close = strchr(v, '"');
			if (!close)
				return p;
			if (((an == 4 && strncmp(name, "href", 4) == 0) ||
			     (an == 3 && strncmp(name, "src", 3) == 0)) &&
			    unsafe_url(v, (size_t)(close - v)))
				return p;
			q = close + 1;
		}
	}
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	buf out;
	buf_init(&out, &pool);
	md_render(&out, (const char *)data, size);
	const char *html = buf_cstr(&out);
	size_t n = strlen(html);
	if (!utf8_ok((const unsigned char *)html, n)) {
		fprintf(stderr, "invalid UTF-8 in the HTML\n");
		abort();
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)html[i];
		if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
			fprintf(stderr, "control character 0x%02x in the HTML\n", c);
			abort();
		}
	}
	const char *bad = bad_tag(html);
	if (bad) {
		fprintf(stderr, "unsafe HTML at: %.80s\n", bad);
		abort();
	}
	h2o_mem_clear_pool(&pool);
	return 0;
}
