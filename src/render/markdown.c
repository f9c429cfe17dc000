/* markdown: renders Markdown with md4c-html, then neutralises unsafe link schemes and controls. */
#include "render/markdown.h"

#include <string.h>
#include <md4c-html.h>

#include "render/escape.h"

static void collect(const MD_CHAR *s, MD_SIZE n, void *userdata)
{
	buf_add(userdata, s, n);
}

/* 1 when the attribute value that opens at html[q] (its quote) is an href or a src. */
static int url_value_at(const char *html, size_t q)
{
	return (q >= 6 && memcmp(html + q - 6, " href=", 6) == 0) ||
	       (q >= 5 && memcmp(html + q - 5, " src=", 5) == 0);
}

/* Every tag md4c wrote is read from its "<" to the ">" that ends it outside quotes, and each of its values
 * is skipped whole (md4c writes a value's quotes as &quot;), so text that only looks like an attribute (an
 * image's alt ending in ` href=`) is never taken for one: each href and src value is checked, and only
 * those. Text outside tags has every "<" escaped, so a "<" starts a tag. */
static void filter_urls(buf *out, const char *html, size_t n)
{
	size_t start = 0, i = 0;
	while (i < n) {
		if (html[i] != '<') {
			i++;
			continue;
		}
		for (i++; i < n && html[i] != '>'; i++) {
			if (html[i] != '"')
				continue;
			const char *close = memchr(html + i + 1, '"', n - i - 1);
			size_t end = close ? (size_t)(close - html) : n;
			if (url_value_at(html, i)) {
				strip_controls(out, html + start, i + 1 - start);
				if (esc_url_is_safe(html + i + 1, end - i - 1))
					strip_controls(out, html + i + 1, end - i - 1);
				else
					buf_addc(out, '#');
				start = end;
			}
			i = end;
		}
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
