/* test_escape: unit tests for every escaper in src/render/escape.c. */
#include <string.h>

#include "render/escape.h"
#include "unit.h"

typedef void (*escaper)(buf *, const char *, size_t);

static h2o_mem_pool_t pool;

/* Runs an escaper over n bytes (n lets tests pass NUL bytes) and returns the result. */
static const char *run(escaper f, const char *s, size_t n)
{
	buf b;
	buf_init(&b, &pool);
	f(&b, s, n);
	return buf_cstr(&b);
}

#define ESC(f, lit) run(f, lit, sizeof(lit) - 1)

static const char *component(const char *s, int keep_slash)
{
	buf b;
	buf_init(&b, &pool);
	esc_url_component(&b, s, strlen(s), keep_slash);
	return buf_cstr(&b);
}

static void test_html(void)
{
	CHECK_STR(ESC(esc_html, "plain text"), "plain text");
	CHECK_STR(ESC(esc_html, "<a href=\"x\">Tom & 'Jerry'</a>"),
		  "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
	CHECK_STR(ESC(esc_html, "<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
	CHECK_STR(ESC(esc_html, "\" onmouseover=\"x"), "&quot; onmouseover=&quot;x");
	CHECK_STR(ESC(esc_html, ""), "");
	/* controls: tab, LF, CR stay; the rest of C0, DEL and NUL go */
	CHECK_STR(ESC(esc_html, "a\x01\x02\x1e\x1f\x7f\tb\nc\rd\x0b\x0c"), "a\tb\nc\rd");
	CHECK_STR(ESC(esc_html, "x\0y"), "xy");
	CHECK(strchr(ESC(esc_html, "\x1e"
				   "0"),
		     '\x1e') == NULL);
}

static void test_html_utf8(void)
{
	CHECK_STR(ESC(esc_html, "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"),
		  "caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80");
	CHECK_STR(ESC(esc_html, "a\xff"
				"b"),
		  "a\xef\xbf\xbd"
		  "b");
	/* overlong '/' (C0 AF): two bad bytes, two replacements */
	CHECK_STR(ESC(esc_html, "\xc0\xaf"), "\xef\xbf\xbd\xef\xbf\xbd");
	/* overlong three-byte form */
	CHECK_STR(ESC(esc_html, "\xe0\x80\xaf"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* truncated sequence: one replacement for the maximal subpart, then the next character */
	CHECK_STR(ESC(esc_html, "\xe2\x82<"), "\xef\xbf\xbd&lt;");
	CHECK_STR(ESC(esc_html, "\xe2\x82"), "\xef\xbf\xbd");
	/* surrogate U+D800 */
	CHECK_STR(ESC(esc_html, "\xed\xa0\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* above U+10FFFF */
	CHECK_STR(ESC(esc_html, "\xf4\x90\x80\x80"), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	/* the largest valid code point and a lone continuation byte */
	CHECK_STR(ESC(esc_html, "\xf4\x8f\xbf\xbf\x80"), "\xf4\x8f\xbf\xbf\xef\xbf\xbd");
}

static void test_url_safe(void)
{
	CHECK(esc_url_is_safe("https://example.org/", 20));
	CHECK(esc_url_is_safe("/article/x:y", 12));
	CHECK(!esc_url_is_safe("javascript:alert(1)", 19));
	CHECK(!esc_url_is_safe("JaVaScRiPt:alert(1)", 19));
	CHECK(!esc_url_is_safe(" \x01\x1fjavascript:alert(1)", 22));
	CHECK(!esc_url_is_safe("java\tscr\nipt:alert(1)", 21));
	CHECK(esc_url_is_safe("ht\ttp\r\ns://x", 13)); /* browsers drop the tab, CR and LF */
	CHECK(!esc_url_is_safe("data:text/html,<script>", 23));
	CHECK(!esc_url_is_safe("vbscript:msgbox", 15));
	CHECK(!esc_url_is_safe("foo:bar", 7));
	CHECK(!esc_url_is_safe("java&amp;script:x", 17));
	CHECK(esc_url_is_safe("", 0));
	CHECK(esc_url_is_safe("?q=a:b", 6));
	CHECK(esc_url_is_safe("#x:y", 4));
	CHECK(esc_url_is_safe("relative/a:b", 12));
	CHECK(esc_url_is_safe("MAILTO:a@b.org", 14));
	CHECK(esc_url_is_safe("tel:+3212345", 12));
	CHECK(esc_url_is_safe("HTTP://x", 8));
	CHECK(!esc_url_is_safe("httpsx://x", 10));
	CHECK(!esc_url_is_safe("averyveryverylongscheme:x", 25));
}

static void test_url_attr(void)
{
	CHECK_STR(ESC(esc_url_attr, "javascript:alert(1)"), "#");
	CHECK_STR(ESC(esc_url_attr, "  JAVASCRIPT:alert(1)"), "#");
	CHECK_STR(ESC(esc_url_attr, "data:text/html;base64,PHNjcmlwdD4="), "#");
	CHECK_STR(ESC(esc_url_attr, "vbscript:x"), "#");
	CHECK_STR(ESC(esc_url_attr, "https://example.org/a?b=1&c=\"2\""),
		  "https://example.org/a?b=1&amp;c=&quot;2&quot;");
	CHECK_STR(ESC(esc_url_attr, "/article/slug"), "/article/slug");
	CHECK_STR(ESC(esc_url_attr, "mailto:x@y.org"), "mailto:x@y.org");
	CHECK_STR(ESC(esc_url_attr, "/x\x1e"
				    "1"),
		  "/x1");
}

static void test_url_component(void)
{
	CHECK_STR(component("AZaz09-._~", 0), "AZaz09-._~");
	CHECK_STR(component("a b/c?d=\xc3\xa9&e#f", 0), "a%20b%2Fc%3Fd%3D%C3%A9%26e%23f");
	CHECK_STR(component("a b/c?d", 1), "a%20b/c%3Fd");
	CHECK_STR(component("javascript:alert(1)", 1), "javascript%3Aalert%281%29");
	CHECK_STR(component("\"<>'\x1e+%", 0), "%22%3C%3E%27%1E%2B%25");
	CHECK_STR(component("", 0), "");
}

static void test_json(void)
{
	CHECK_STR(ESC(esc_json_string, "plain"), "plain");
	CHECK_STR(ESC(esc_json_string, "a\"b\\c"), "a\\\"b\\\\c");
	CHECK_STR(ESC(esc_json_string, "\n\t\x01\x1f\x7f"), "\\u000a\\u0009\\u0001\\u001f\\u007f");
	CHECK_STR(ESC(esc_json_string, "</script><!--&"), "\\u003c/script\\u003e\\u003c!--\\u0026");
	CHECK_STR(ESC(esc_json_string, "a\xe2\x80\xa8"
				       "b\xe2\x80\xa9"),
		  "a\\u2028b\\u2029");
	CHECK_STR(ESC(esc_json_string, "caf\xc3\xa9 \xf0\x9f\x98\x80"), "caf\xc3\xa9 \xf0\x9f\x98\x80");
	CHECK_STR(ESC(esc_json_string, "x\xffy"), "x\\ufffdy");
	CHECK_STR(ESC(esc_json_string, "n\0ul"), "n\\u0000ul");
}

static void test_strip_controls(void)
{
	CHECK_STR(ESC(strip_controls, "<p class=\"a\">&amp;</p>"), "<p class=\"a\">&amp;</p>");
	CHECK_STR(ESC(strip_controls, "<b>\x1e"
				      "1</b>\x7f\x00\x08"),
		  "<b>1</b>");
	CHECK_STR(ESC(strip_controls, "a\tb\r\nc"), "a\tb\r\nc");
	CHECK_STR(ESC(strip_controls, "\xc3\xa9\xc3"), "\xc3\xa9\xef\xbf\xbd");
}

static void test_text(void)
{
	const char *mixed = "<a & \"b\">\x1e"
			    "1\x7f\r\n\tc\xc3",
		   *header = "Subject\r\nBcc: x\ty\x01";
	buf b;
	buf_init(&b, &pool);
	esc_text(&b, mixed, strlen(mixed), 0);
	CHECK_STR(buf_cstr(&b), "<a & \"b\">1\n\tc\xef\xbf\xbd");
	buf_reset(&b);
	esc_text(&b, header, strlen(header), 1);
	CHECK_STR(buf_cstr(&b), "Subject Bcc: x y");
}

static void test_appends(void)
{
	buf b;
	buf_init(&b, NULL);
	buf_adds(&b, "x=");
	esc_html(&b, "<", 1);
	esc_url_component(&b, " ", 1, 0);
	esc_json_string(&b, "\"", 1);
	esc_url_attr(&b, "javascript:", 11);
	strip_controls(&b, "\x01y", 2);
	CHECK_STR(buf_cstr(&b), "x=&lt;%20\\\"#y");
	buf_free(&b);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_html);
	RUN(test_html_utf8);
	RUN(test_url_safe);
	RUN(test_url_attr);
	RUN(test_url_component);
	RUN(test_json);
	RUN(test_strip_controls);
	RUN(test_text);
	RUN(test_appends);
	h2o_mem_clear_pool(&pool);
	return unit_done("escape");
}
