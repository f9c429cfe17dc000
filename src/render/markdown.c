/* markdown: renders Markdown with md4c-html, then neutralises unsafe link schemes and controls. */
#include "render/markdown.h"

#include <string.h>
#include <md4c-html.h>

#include "render/escape.h"

static void collect(const MD_CHAR *s, MD_SIZE n, void *userdata)
{
	buf_add(userdata, s, n);
}

/* If s (n bytes) starts a URL attribute md4c writes, returns the length of ` href="` or ` src="`. */
static size_t url_attr_at(const char *s, size_t n)
{
	static const char *const prefixes[] = {" href=\"", " src=\""};
	for (size_t i = 0; i < 2; i++) {
		size_t len = strlen(prefixes[i]);
		if (n >= len && memcmp(s, prefixes[i], len) == 0)
			return len;
	}
	return 0;
}

/* md4c's output is well-formed and escapes '"' in text, so ` href="` only occurs inside tags. */
static void filter_urls(buf *out, const char *html, size_t n)
{
	size_t start = 0, i = 0;
	while (i < n) {
		size_t pre = html[i] == ' ' ? url_attr_at(html + i, n - i) : 0;
		if (!pre) {
			i++;
			continue;
		}
		size_t v = i + pre;
		const char *q = memchr(html + v, '"', n - v);
		size_t end = q ? (size_t)(q - html) : n;
		strip_controls(out, html + start, v - start);
		if (esc_url_is_safe(html + v, end - v))
			strip_controls(out, html + v, end - v);
		else
			buf_addc(out, '#');
		start = i = end;
	}
	strip_controls(out, html + start, n - start);
}

/* Markdown text sits under the page's own <h1>: its headings move one level down (# becomes <h2>, and
 * ###### stays <h6>), so a page keeps one <h1> and an outline without gaps. md4c writes headings only as
 * "<hN>" and "</hN>", and escapes every "<" of the text, so these bytes are headings and nothing else. */
static void shift_headings(char *html, size_t len)
{
	for (size_t i = 0; i + 3 < len; i++) {
		if (html[i] != '<')
			continue;
		size_t d = html[i + 1] == '/' ? i + 3 : i + 2;
		if (d < len && html[d - 1] == 'h' && html[d] >= '1' && html[d] <= '5' && d + 1 < len &&
		    html[d + 1] == '>')
			html[d]++;
	}
}

void md_render(buf *out, const char *md, size_t n)
{
	/* md4c 0.4.8 reads past the end of its input on some unfinished links ("[x](ib:a*x]()a") when
	 * the byte after is not a NUL, and copies what it finds into the page: it gets a terminated copy. */
	buf src, html;
	buf_init(&src, out->pool);
	buf_add(&src, md, n);
	const char *text = buf_cstr(&src);
	buf_init(&html, out->pool);
	unsigned flags = MD_DIALECT_GITHUB | MD_FLAG_NOHTML;
	if (n > (MD_SIZE)-1 || md_html(text, (MD_SIZE)n, collect, &html, flags, 0) != 0) {
		esc_html(out, md, n); /* md4c only fails when memory runs out: show the text */
	} else {
		if (html.p)
			shift_headings(html.p, html.len);
		filter_urls(out, html.p ? html.p : "", html.len);
	}
	buf_free(&html);
	buf_free(&src);
}
