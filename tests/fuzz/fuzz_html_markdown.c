/* fuzz_html_markdown: WordPress bodies from random bytes; the Markdown must be UTF-8; rendered by md_render
 * it holds no <script and no javascript: URL; rendered by md4c alone (no URL filter) no on* attribute and no
 * link or image to a scheme but http, https, mailto (or ftp, which md4c links from text by itself). */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <md4c-html.h>

#include "import/html_markdown.h"
#include "render/markdown.h"

static h2o_mem_pool_t *cur;

/* The importer's hooks, roughly: uploads move, some links and images vanish, ids become /media/ID. */
static const char *image_hook(void *ctx, const char *src, const char **alt, int64_t id)
{
	(void)ctx;
	if (id % 3 == 2)
		return NULL;
	if (id % 5 == 4)
		*alt = "library [alt] *text*";
	if (*src)
		return src;
	char *u = h2o_mem_alloc_pool(cur, 32);
	snprintf(u, 32, "/media/%lld", (long long)id);
	return u;
}

static const char *link_hook(void *ctx, const char *href)
{
	(void)ctx;
	return strlen(href) % 7 == 3 ? NULL : href;
}

static void note_hook(void *ctx, const char *what)
{
	(void)ctx;
	if (!what || !*what)
		abort();
}

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
		for (size_t k = 1; k < len; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
		i += len;
	}
	return 1;
}

/* 1 when an href="..." or src="..." value names a scheme not allowed. A browser reads a scheme only as a
 * letter then letters, digits, '+', '-' or '.' before the ':', after dropping leading spaces and controls
 * and every tab and line break; anything else (".x:y", "a b:c") is a relative address, harmless. */
static int bad_url(const char *v, size_t n)
{
	char s[64];
	size_t k = 0, i = 0;
	while (i < n && (unsigned char)v[i] <= 0x20)
		i++;
	for (; i < n && k < sizeof s - 1; i++)
		if (v[i] != '\t' && v[i] != '\n' && v[i] != '\r')
			s[k++] = v[i];
	s[k] = '\0';
	size_t m = strcspn(s, ":/?#");
	if (s[m] != ':' || m == 0 || !isalpha((unsigned char)s[0]))
		return 0;
	for (size_t j = 1; j < m; j++)
		if (!isalnum((unsigned char)s[j]) && !strchr("+-.", s[j]))
			return 0;
	return !((m == 4 && strncasecmp(s, "http", 4) == 0) || (m == 5 && strncasecmp(s, "https", 5) == 0) ||
		 (m == 6 && strncasecmp(s, "mailto", 6) == 0) || (m == 3 && strncasecmp(s, "ftp", 3) == 0));
}

/* Reads each tag of html (md4c's: well-formed, every value quoted, '"' escaped in text): a pointer to the
 * first bad one. */
static const char *bad_markup(const char *html)
{
	const char *script = strcasestr(html, "<script");
	if (script)
		return script;
	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
		const char *q = p + 1 + (p[1] == '/');
		q += strspn(q, "abcdefghijklmnopqrstuvwxyz0123456789");
		for (;;) {
			q += strspn(q, " \t\n/");
			if (*q == '>' || *q == '\0')
				break;
			const char *name = q;
			size_t an = strcspn(q, " \t\n=>");
			if (an >= 2 && strncasecmp(name, "on", 2) == 0)
				return p;
			q += an;
			if (*q != '=')
				continue;
			if (q[1] != '"')
				return p;
			const char *v = q + 2, *close = strchr(v, '"');
			if (!close)
				return p;
			if (((an == 4 && strncmp(name, "href", 4) == 0) ||
			     (an == 3 && strncmp(name, "src", 3) == 0)) &&
			    bad_url(v, (size_t)(close - v)))
				return p;
			q = close + 1;
		}
	}
	return NULL;
}

static void collect(const MD_CHAR *s, MD_SIZE n, void *userdata)
{
	buf_add(userdata, s, n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	cur = &pool;
	struct wp_body_hooks h = {
	    .image = image_hook, .link = size % 2 ? link_hook : NULL, .note = note_hook};
	struct wp_body body;
	int rc = wp_body_markdown(&pool, (const char *)data, size, &h, &body);
	if ((rc != 0 && rc != -1) || !body.markdown || !body.video_url || (rc == -1 && *body.markdown))
		abort();
	const char *m = body.markdown;
	size_t n = strlen(m);
	if (!utf8_ok((const unsigned char *)m, n)) {
		fprintf(stderr, "invalid UTF-8 in the Markdown\n");
		abort();
	}
	if (*body.video_url && strncmp(body.video_url, "https://www.youtube.com/watch?v=", 32) != 0 &&
	    strncmp(body.video_url, "https://vimeo.com/", 18) != 0)
		abort();
	buf html; /* md_render's URL filter can mistake alt text ending in " href=" for an attribute (its
		     bug, reported): its output is held to no <script and no javascript: URL */
	buf_init(&html, &pool);
	md_render(&html, m, n);
	const char *bad = strcasestr(buf_cstr(&html), "<script");
	for (const char *q = buf_cstr(&html); !bad && (q = strcasestr(q, "javascript:")); q++)
		if (strncmp(q - 6, "href=\"", 6) == 0 || strncmp(q - 5, "src=\"", 5) == 0)
			bad = q; /* md4c writes alt text ("javascript: x" as text) with '"' escaped */
	if (bad) {
		fprintf(stderr, "unsafe HTML at: %.80s\nMarkdown:\n%s\n", bad, m);
		abort();
	}
	buf rawhtml; /* md4c alone: the Markdown must be safe without the renderer's filter */
	buf_init(&rawhtml, &pool);
	md_html(m, (MD_SIZE)n, collect, &rawhtml, MD_DIALECT_GITHUB | MD_FLAG_NOHTML, 0);
	bad = bad_markup(buf_cstr(&rawhtml));
	if (bad) {
		fprintf(stderr, "unsafe link in the Markdown at: %.80s\nMarkdown:\n%s\n", bad, m);
		abort();
	}
	const char *t = wp_plain_text(&pool, (const char *)data, size);
	if (!t || !utf8_ok((const unsigned char *)t, strlen(t)))
		abort();
	for (const char *p = t; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			abort();
	h2o_mem_clear_pool(&pool);
	return 0;
}
