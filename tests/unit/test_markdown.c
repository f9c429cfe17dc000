/* test_markdown: unit tests for Markdown rendering (src/render/markdown.c). */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render/markdown.h"
#include "unit.h"

static h2o_mem_pool_t pool;

static const char *md(const char *text)
{
	buf out;
	buf_init(&out, &pool);
	md_render(&out, text, strlen(text));
	return buf_cstr(&out);
}

static void test_blocks(void)
{
	CHECK_STR(md("# Title\n"), "<h2>Title</h2>\n");
	/* headings move one level down: the page has its own <h1>; ###### stays <h6> */
	CHECK_STR(md("###### Six\n"), "<h6>Six</h6>\n");
	CHECK_STR(md("##### Five\n"), "<h6>Five</h6>\n");
	CHECK_STR(md("## Results & <methods>\n"), "<h3>Results &amp; &lt;methods&gt;</h3>\n");
	CHECK_STR(md("- one\n- two\n"), "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n");
	CHECK_STR(md("1. a\n2. b\n"), "<ol>\n<li>a</li>\n<li>b</li>\n</ol>\n");
	CHECK_STR(md("*em* and **strong** and ~~gone~~\n"),
		  "<p><em>em</em> and <strong>strong</strong> and <del>gone</del></p>\n");
	CHECK_CONTAINS(md("| a | b |\n|---|---|\n| 1 | 2 |\n"), "<table>");
	CHECK_CONTAINS(md("| a | b |\n|---|---|\n| 1 | 2 |\n"), "<td>2</td>");
	CHECK_STR(md("    code <b>\n"), "<pre><code>code &lt;b&gt;\n</code></pre>\n");
	CHECK_STR(md(""), "");
}

static void test_links(void)
{
	CHECK_STR(md("[ESMO](https://www.esmo.org/a?b=1&c=2 \"T\")\n"),
		  "<p><a href=\"https://www.esmo.org/a?b=1&amp;c=2\" title=\"T\">ESMO</a></p>\n");
	CHECK_STR(md("[rel](/article/x) [mail](mailto:a@b.org) [tel](tel:+321) [frag](#x)\n"),
		  "<p><a href=\"/article/x\">rel</a> <a href=\"mailto:a@b.org\">mail</a> <a "
		  "href=\"tel:+321\">tel</a> "
		  "<a href=\"#x\">frag</a></p>\n");
	CHECK_STR(md("[x](javascript:alert(1))\n"), "<p><a href=\"#\">x</a></p>\n");
	CHECK_STR(md("[x](JavaScript:alert(1))\n"), "<p><a href=\"#\">x</a></p>\n");
	CHECK_STR(md("[x](javascript&#58;alert(1))\n"), "<p><a href=\"#\">x</a></p>\n");
	CHECK_STR(md("[x](vbscript:msgbox)\n"), "<p><a href=\"#\">x</a></p>\n");
	CHECK_STR(md("<javascript:alert(1)>\n"), "<p><a href=\"#\">javascript:alert(1)</a></p>\n");
	CHECK_STR(md("[x][r]\n\n[r]: javascript:alert(1)\n"), "<p><a href=\"#\">x</a></p>\n");
	CHECK_STR(md("see www.example.org\n"),
		  "<p>see <a href=\"http://www.example.org\">www.example.org</a></p>\n");
	CHECK_STR(md("![chart](https://cdn.example.org/c.png)\n"),
		  "<p><img src=\"https://cdn.example.org/c.png\" alt=\"chart\"></p>\n");
	CHECK_STR(md("![x](data:image/svg+xml;base64,PHN2Zz4=)\n"), "<p><img src=\"#\" alt=\"x\"></p>\n");
	/* an image's alt text ending like an attribute does not hide the next link's URL from the filter */
	CHECK_STR(md("![x href=](/i.png) [y](javascript:alert(1))\n"),
		  "<p><img src=\"/i.png\" alt=\"x href=\"> <a href=\"#\">y</a></p>\n");
	CHECK_STR(md("![x src=](/i.png) ![z](data:text/html,x)\n"),
		  "<p><img src=\"/i.png\" alt=\"x src=\"> <img src=\"#\" alt=\"z\"></p>\n");
	/* text that looks like an attribute is escaped, so the filter leaves it alone */
	CHECK_STR(md("`<a href=\"javascript:x\">`\n"),
		  "<p><code>&lt;a href=&quot;javascript:x&quot;&gt;</code></p>\n");
}

static void test_no_raw_html(void)
{
	const char *out = md("<script>alert(1)</script>\n");
	CHECK(strstr(out, "<script") == NULL);
	CHECK_CONTAINS(out, "&lt;script&gt;alert(1)&lt;/script&gt;");
	out = md("a <img src=x onerror=alert(1)> b\n");
	CHECK(strstr(out, "<img") == NULL);
	CHECK_CONTAINS(out, "&lt;img src=x onerror=alert(1)&gt;");
	out = md("<div onclick=\"x()\">\nhi\n</div>\n");
	CHECK(strstr(out, "<div") == NULL);
	CHECK_STR(md("a&amp;b &lt; &#x3C;script&#x3E;\n"), "<p>a&amp;b &lt; &lt;script&gt;</p>\n");
}

static void test_controls(void)
{
	CHECK_STR(md("a\x1e"
		     "1b\x01"
		     "c\n"),
		  "<p>a1bc</p>\n");
	CHECK_STR(md("bad \xff utf8\n"), "<p>bad \xef\xbf\xbd utf8</p>\n");
	buf out;
	buf_init(&out, NULL); /* malloc-backed works too, and md_render appends */
	buf_adds(&out, "<article>");
	md_render(&out, "*x*", 3);
	CHECK_STR(buf_cstr(&out), "<article><p><em>x</em></p>\n");
	buf_free(&out);
}

/* Found by tests/fuzz/fuzz_markdown: md4c read past the end of a buffer that was not NUL-terminated
 * (here followed by ')' bytes) and crashed or copied those bytes into the page. Runs in a child so a
 * crash is a failed check, not a lost test binary. */
static void test_unterminated_input(void)
{
	static const char text[] = "[x](ib:qnNnN*x]()a";
	size_t n = sizeof text - 1;
	const char *want = md(text);
	int fds[2];
	CHECK(pipe(fds) == 0);
	pid_t pid = fork();
	if (pid == 0) {
		char *input = malloc(n + 4096);
		memcpy(input, text, n);
		memset(input + n, ')', 4096); /* what happens to follow in memory */
		buf out;
		buf_init(&out, NULL);
		md_render(&out, input, n);
		const char *got = buf_cstr(&out);
		ssize_t w = write(fds[1], got, strlen(got));
		_exit(w == (ssize_t)strlen(got) ? 0 : 1);
	}
	close(fds[1]);
	char got[8192];
	size_t len = 0;
	ssize_t r;
	while (len < sizeof got - 1 && (r = read(fds[0], got + len, sizeof got - 1 - len)) > 0)
		len += (size_t)r;
	got[len] = '\0';
	close(fds[0]);
	int status = 0;
	CHECK(waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK_STR(got, want);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_blocks);
	RUN(test_links);
	RUN(test_no_raw_html);
	RUN(test_controls);
	RUN(test_unterminated_input);
	h2o_mem_clear_pool(&pool);
	return unit_done("markdown");
}
