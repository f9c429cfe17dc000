/* test_html_markdown: WordPress bodies to Markdown (src/import/html_markdown.c, shortcodes.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/html_markdown.h"
#include "import/shortcodes.h"
#include "render/markdown.h"
#include "unit.h"

static h2o_mem_pool_t pool;
static buf notes; /* the notes of the last conversion, one a line */
static struct wp_body body;
static int rc;

static void on_note(void *ctx, const char *what)
{
	(void)ctx;
	buf_adds(&notes, what);
	buf_addc(&notes, '\n');
}

/* Images: an attachment id without src is /media/ID.jpg (99 is missing); the old site's uploads move to
 * /media/; id 7 gets the library's alt text. */
static const char *on_image(void *ctx, const char *src, const char **alt, int64_t id)
{
	(void)ctx;
	if (id == 99)
		return NULL;
	if (id == 7)
		*alt = "Library alt";
	buf b;
	buf_init(&b, &pool);
	if (!*src)
		buf_printf(&b, "/media/%lld.jpg", (long long)id);
	else if (strncmp(src, "https://old.example/wp-content/uploads/", 39) == 0)
		buf_printf(&b, "/media/%s", src + 39);
	else
		buf_adds(&b, src);
	return buf_cstr(&b);
}

/* Links: the old site's own become relative; blocked.example loses its links. */
static const char *on_link(void *ctx, const char *href)
{
	(void)ctx;
	if (strncmp(href, "https://old.example/", 20) == 0)
		return href + 19;
	if (strstr(href, "blocked.example"))
		return NULL;
	if (strstr(href, "hook-returns-js"))
		return "javascript:alert(1)";
	return href;
}

static const struct wp_body_hooks hooks = {.image = on_image, .link = on_link, .note = on_note};

static const char *md(const char *html)
{
	buf_init(&notes, &pool);
	rc = wp_body_markdown(&pool, html, strlen(html), &hooks, &body);
	return body.markdown;
}

static const char *note_text(void)
{
	return buf_cstr(&notes);
}

static const char *render(const char *markdown)
{
	buf out;
	buf_init(&out, &pool);
	md_render(&out, markdown, strlen(markdown));
	return buf_cstr(&out);
}

static void test_paragraphs_and_headings(void)
{
	CHECK_STR(md("<!-- wp:paragraph --><p>One</p><!-- /wp:paragraph --><p>Two\nlines</p>"),
		  "One\n\nTwo lines\n");
	CHECK(rc == 0);
	CHECK_STR(md("<h1>A</h1><h2>B</h2><h3>C</h3><h4>D</h4><h5>E</h5><h6>F</h6>"),
		  "# A\n\n## B\n\n### C\n\n#### D\n\n##### E\n\n###### F\n");
	CHECK_STR(md("<h2>  Spaced <em>out</em>  </h2><h3></h3><p>after</p>"), "## Spaced *out*\n\nafter\n");
	CHECK_STR(md("<p></p><p> </p><div><p>in div</p></div>"), "in div\n");
	CHECK_STR(md(""), "");
	CHECK_STR(note_text(), "");
}

static void test_emphasis(void)
{
	CHECK_STR(md("<p><strong>bold</strong> <b>b</b> <em>em</em> <i>i</i> <del>gone</del> <s>s</s></p>"),
		  "**bold** **b** *em* *i* ~~gone~~ ~~s~~\n");
	/* spaces inside the tags move outside; an empty tag writes nothing; runs join */
	CHECK_STR(md("<p>a<strong> b </strong>c<em></em>d<b>e</b><b>f</b></p>"), "a **b** cd**ef**\n");
	/* the same emphasis inside itself adds nothing */
	CHECK_STR(md("<p><b>x <strong>y</strong> z</b></p>"), "**x y z**\n");
	CHECK_STR(md("<p><b>bold <i>both</i></b></p>"), "**bold *both***\n");
}

static void test_links(void)
{
	CHECK_STR(md("<p><a href=\"https://esmo.org/a?b=1&amp;c=2\">ESMO</a> <a href=\"/x\">rel</a> "
		     "<a href=\"#f\">frag</a> <a href=\"mailto:a@b.org\">mail</a> <a "
		     "href=\"page.html\">page</a></p>"),
		  "[ESMO](https://esmo.org/a?b=1&c=2) [rel](/x) [frag](#f) [mail](mailto:a@b.org) "
		  "[page](page.html)\n");
	/* the hook: the old site's links made relative, some kept as text */
	CHECK_STR(md("<p><a href=\"https://old.example/2023/01/x/\">old</a> <a "
		     "href=\"https://blocked.example/\">b</a></p>"),
		  "[old](/2023/01/x/) b\n");
	/* destinations that would read as syntax: spaces, parentheses, backslashes */
	CHECK_STR(md("<p><a href=\"/a b(c)\\d\">t</a></p>"), "[t](/a%20b\\(c\\)\\\\d)\n");
	/* no text, no link; a link's blocks become spaces */
	CHECK_STR(md("<p>x<a href=\"/y\"> </a>z</p>"), "x z\n");
	CHECK_STR(md("<a href=\"/y\"><p>one</p><p>two</p></a>"), "[one two](/y)\n");
	/* a link holding an image */
	CHECK_STR(md("<a href=\"/big.jpg\"><img src=\"/small.jpg\" alt=\"S\"></a>"),
		  "[![S](/small.jpg)](/big.jpg)\n");
	/* a web address written as text stays as written, and is a link */
	CHECK_STR(md("<p>see https://esmo.org/a_b.</p>"), "see <https://esmo.org/a_b>.\n");
	CHECK_STR(note_text(), "");
}

static void test_unsafe_urls(void)
{
	CHECK_STR(md("<p><a href=\"javascript:alert(1)\">a</a> <a href=\" JaVaScRiPt:x\">b</a> "
		     "<a href=\"java&#x09;script:x\">c</a> <a href=\"data:text/html,x\">d</a> <a "
		     "href=\"vbscript:x\">e</a> "
		     "<a href=\"file:///etc/passwd\">f</a> <a href=\"tel:123\">g</a> <a "
		     "href=\"javascript&amp;#58;x\">h</a></p>"),
		  "a b c d e f g h\n");
	CHECK_STR(note_text(), "a link with a javascript: URL removed (its text kept)\n"
			       "a link with a control character in its URL removed (its text kept)\n"
			       "a link with a data: URL removed (its text kept)\n"
			       "a link with a vbscript: URL removed (its text kept)\n"
			       "a link with a file: URL removed (its text kept)\n"
			       "a link with a tel: URL removed (its text kept)\n"
			       "a link with an entity (&...;) in its URL removed (its text kept)\n");
	/* an & that is no entity stays as it is */
	CHECK_STR(md("<p><a href=\"/a?b=1&amp;copy=2&amp;c\">h</a></p>"), "[h](/a?b=1&copy=2&c)\n");
	CHECK_STR(md("<p><a href=\"/hook-returns-js\">h</a></p>"), "h\n");
	CHECK_STR(md("<img src=\"javascript:alert(1)\" alt=a><img src=\"data:image/png;base64,AAAA\" alt=b>"
		     "<img src=x onerror=alert(1)>"),
		  "![](x)\n");
	CHECK_STR(note_text(),
		  "an image with a javascript: URL left out\nan image with a data: URL left out\n");
}

static void test_dropped(void)
{
	CHECK_STR(
	    md("<p>a<script>alert(1)</script><style>p{}</style>b<iframe "
	       "src=\"https://maps.example/\"></iframe>"
	       "<object data=x>o</object><embed src=x><form>f<input name=q><button>go</button></form>"
	       "<svg><text>s</text></svg><math><mi>x</mi></math><noscript>n</noscript><template>t</template>"
	       "<textarea>ta</textarea><select><option>o</option></select>c</p>"),
	    "ab\n\nc\n"); /* <form> ends the paragraph, as a browser does */
	CHECK_STR(note_text(),
		  "a <script> removed\na <style> removed\nan <iframe> removed\nan <object> removed\n"
		  "an <embed> removed\na <form> removed\nan <svg> removed\na <math> removed\n"
		  "a <noscript> removed\na <template> removed\na <textarea> removed\na <select> removed\n");
	/* attributes never pass: on* and style are simply not written */
	CHECK_STR(md("<p onclick=\"alert(1)\" style=\"color:red\"><span onmouseover=x>t</span></p>"), "t\n");
	CHECK_STR(note_text(), "");
}

static void test_lists(void)
{
	CHECK_STR(md("<ul><li>one</li><li>two<ul><li>nested</li></ul></li></ul>"),
		  "- one\n- two\n  - nested\n");
	CHECK_STR(md("<ol><li>a</li><li>b<ol><li>c</li></ol></li></ol>"), "1. a\n2. b\n   1. c\n");
	CHECK_STR(md("<ol start=\"9\"><li>nine</li><li>ten<p>more</p></li></ol>"),
		  "9. nine\n10. ten\n\n    more\n");
	/* two lists in a row stay two: the second takes the other marker */
	CHECK_STR(md("<ul><li>a</li></ul><ul><li>b</li></ul><ol><li>c</li></ol><ol><li>d</li></ol>"),
		  "- a\n\n* b\n\n1. c\n\n1) d\n");
	CHECK_STR(md("<p>Intro</p><ul>\n<li></li>\n<li><p>para</p></li></ul><p>after</p>"),
		  "Intro\n\n- para\n\nafter\n");
	/* WordPress 6's list-item blocks */
	CHECK_STR(md("<!-- wp:list --><ul><!-- wp:list-item --><li>x</li><!-- /wp:list-item --></ul><!-- "
		     "/wp:list -->"),
		  "- x\n");
}

static void test_quote_code_rule_break(void)
{
	CHECK_STR(md("<blockquote><p>Quoted</p><p>Two</p><cite>Who</cite></blockquote><p>out</p>"),
		  "> Quoted\n>\n> Two\n>\n> *Who*\n\nout\n");
	CHECK_STR(md("<ul><li>item<blockquote>q</blockquote></li></ul>"), "- item\n\n  > q\n");
	CHECK_STR(md("<p>use <code>a*b</code> and <code>x`y</code> and <code>`</code></p>"),
		  "use `a*b` and ``x`y`` and `` ` ``\n");
	CHECK_STR(md("<pre><code>if (a &lt; b)\n\n  ```\n}\n</code></pre>"),
		  "````\nif (a < b)\n\n  ```\n}\n````\n");
	CHECK_STR(md("<blockquote><pre>x\n\ny</pre></blockquote>"), "> ```\n> x\n> \n> y\n> ```\n");
	CHECK_STR(md("<p>a</p><hr><p>b<br>c<br><br>d</p>"), "a\n\n***\n\nb\\\nc\n\nd\n");
	CHECK_STR(md("<p>a<br></p><p><br>b</p>"), "a\n\nb\n");
}

static void test_tables(void)
{
	CHECK_STR(
	    md("<figure class=\"wp-block-table\"><table><thead><tr><th>Arm</th><th>ORR</th></tr></thead>"
	       "<tbody><tr><td>A | B</td><td><strong>42%</strong></td></tr><tr><td>short</td></tr></tbody>"
	       "</table></figure>"),
	    "| Arm | ORR |\n| --- | --- |\n| A \\| B | **42%** |\n| short |  |\n");
	CHECK_STR(md("<table><tr><td><p>one</p><p>two</p></td><td>x<br>y</td></tr></table>"),
		  "| one two | x y |\n| --- | --- |\n");
	CHECK_STR(note_text(), "");
	CHECK_STR(md("<table><tr><td colspan=\"2\">wide</td></tr><tr><td>a</td><td>b</td></tr></table>"),
		  "wide\n\na \\| b\n");
	CHECK_STR(note_text(), "a table with merged cells or blocks in its cells flattened to text\n");
	CHECK_STR(md("<table><tr><td><ul><li>x</li></ul></td><td></td><td>z</td></tr></table>"), "x \\| z\n");
	CHECK_STR(md("<table><caption>Table 1</caption><tr><td>a</td></tr></table>"),
		  "Table 1\n\n| a |\n| --- |\n");
}

static void test_images_and_figures(void)
{
	/* the hook moves uploads, knows ids; alt text is escaped; a missing attachment is left out */
	CHECK_STR(md("<img src=\"https://old.example/wp-content/uploads/a.jpg\" alt=\"A *big*\n[chart]\">"),
		  "![A \\*big\\* \\[chart\\]](/media/a.jpg)\n");
	CHECK_STR(md("<p><img src=\"/x.jpg\" class=\"alignleft wp-image-7 size-full\" alt=\"old\"></p>"),
		  "![Library alt](/x.jpg)\n");
	CHECK_STR(
	    md("<!-- wp:image {\"id\":99} --><figure class=\"wp-block-image\"><img src=\"/x.jpg\" alt=\"\"/>"
	       "<figcaption>Lost</figcaption></figure><!-- /wp:image -->"),
	    "*Lost*\n");
	CHECK_STR(
	    md("<!-- wp:image {\"id\":12} --><figure class=\"wp-block-image\"><img "
	       "src=\"https://old.example/wp-content/uploads/b.png\" alt=\"Chart\"/><figcaption>Figure 1: "
	       "<em>ORR</em> by arm</figcaption></figure><!-- /wp:image -->"),
	    "![Chart](/media/b.png)\n\n*Figure 1: ORR by arm*\n");
	CHECK_STR(md("<p>Text <img src=\"/i.png\" alt=\"i\"> inline</p>"), "Text ![i](/i.png) inline\n");
	/* lazy-loading plugins: a placeholder in src, the image in data-src or data-lazy-src */
	CHECK_STR(md("<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/real.jpg\" alt=\"r\">"
		     "<img data-lazy-src=\"/lazy.jpg\" alt=\"l\">"),
		  "![r](/real.jpg)![l](/lazy.jpg)\n");
	CHECK_STR(note_text(), "");
}

static void test_escaping(void)
{
	CHECK_STR(md("<p>* _ [ ] &lt; &gt; # + - ` | \\ ~ ! &amp;copy; &amp;#38; R&amp;D</p>"),
		  "\\* \\_ \\[ \\] \\< \\> \\# + - \\` \\| \\\\ \\~ ! \\&copy; \\&\\#38; R&D\n");
	/* line starts that would read as lists, headings, quotes */
	CHECK_STR(
	    md("<p>1. not a list</p><p>2023) year</p><p>- dash</p><p>+ plus</p><p>= eq</p><p># hash</p>"
	       "<p>&gt; gt</p>"),
	    "1\\. not a list\n\n2023\\) year\n\n\\- dash\n\n\\+ plus\n\n\\= eq\n\n\\# hash\n\n\\> gt\n");
	/* an exclamation mark before a link is not an image */
	CHECK_STR(md("<p>Wow!<a href=\"/x\">x</a></p>"), "Wow\\![x](/x)\n");
	/* entities decoded by gumbo come out as UTF-8 */
	CHECK_STR(md("<p>caf&eacute; &#8217;s &nbsp;x &mdash; &#x1F600;</p>"),
		  "caf\xc3\xa9 \xe2\x80\x99s \xc2\xa0x \xe2\x80\x94 \xf0\x9f\x98\x80\n");
	CHECK_STR(md("<p>&nbsp;</p><p>kept</p>"), "kept\n");
	/* gumbo writes a lone byte for an overflowing reference: mended to U+FFFD; bad input bytes too */
	CHECK_STR(md("<p>a&#xEEEEEEEE;b \xff\xc3</p>"), "a\xef\xbf\xbd"
							"b \xef\xbf\xbd\xef\xbf\xbd\n");
	CHECK_STR(wp_plain_text(&pool, "&#xEEEEEEEE;", 12), "\xef\xbf\xbd");
	/* what looks like Markdown renders as the same text */
	CHECK_STR(render(md("<p>**not bold** [a](b) `c` &lt;b&gt; 1. # x</p>")),
		  "<p>**not bold** [a](b) `c` &lt;b&gt; 1. # x</p>\n");
}

static void test_videos(void)
{
	static const char *const yt[] = {"https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=1",
					 "http://youtube.com/watch?feature=x&v=dQw4w9WgXcQ",
					 "https://youtu.be/dQw4w9WgXcQ?t=3",
					 "//www.youtube.com/embed/dQw4w9WgXcQ?feature=oembed",
					 "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
					 "https://m.youtube.com/watch?v=dQw4w9WgXcQ"};
	for (size_t i = 0; i < sizeof yt / sizeof *yt; i++)
		CHECK_STR(wp_video_url(&pool, yt[i]), "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
	CHECK_STR(wp_video_url(&pool, "https://vimeo.com/76979871"), "https://vimeo.com/76979871");
	CHECK_STR(wp_video_url(&pool, "https://player.vimeo.com/video/76979871?h=x"),
		  "https://vimeo.com/76979871");
	CHECK(wp_video_url(&pool, "https://vimeo.com/channels/staff") == NULL);
	CHECK(wp_video_url(&pool, "https://evil.example/youtube.com/watch?v=x") == NULL);
	CHECK(wp_video_url(&pool, "javascript://youtube.com/embed/x") == NULL);
	CHECK(wp_video_url(&pool, "https://youtu.be/a\"b") == NULL);
	CHECK(wp_video_url(&pool, "https://www.youtube.com/watch?v=") == NULL);

	/* iframe: the first video is the article's, later ones links */
	CHECK_STR(md("<p>a</p><iframe src=\"https://www.youtube.com/embed/AAAAAAAAAAA\"></iframe>"
		     "<iframe src=\"https://player.vimeo.com/video/42\"></iframe><p>b</p>"),
		  "a\n\n<https://vimeo.com/42>\n\nb\n");
	CHECK_STR(body.video_url, "https://www.youtube.com/watch?v=AAAAAAAAAAA");
	/* a block embed: the comment's url; its wrapper's text is not repeated */
	CHECK_STR(
	    md("<!-- wp:embed {\"url\":\"https://youtu.be/BBBBBBBBBBB\",\"type\":\"video\"} -->\n<figure "
	       "class=\"wp-block-embed is-type-video\"><div class=\"wp-block-embed__wrapper\">\n"
	       "https://youtu.be/BBBBBBBBBBB\n</div><figcaption>Talk</figcaption></figure>\n<!-- /wp:embed "
	       "-->"),
	    "*Talk*\n");
	CHECK_STR(body.video_url, "https://www.youtube.com/watch?v=BBBBBBBBBBB");
	/* an embed of something else is a link line */
	CHECK_STR(md("<!-- wp:embed {\"url\":\"https://twitter.com/x/status/1\"} --><figure "
		     "class=\"wp-block-embed\">"
		     "<div class=\"wp-block-embed__wrapper\">https://twitter.com/x/status/1</div></figure>"
		     "<!-- /wp:embed -->"),
		  "<https://twitter.com/x/status/1>\n");
	CHECK_STR(body.video_url, "");
	/* [embed] and a bare address alone on its line (classic) */
	CHECK_STR(md("Intro\n\n[embed]https://vimeo.com/7[/embed]\n\nhttps://youtu.be/CCCCCCCCCCC\n\nText "
		     "https://youtu.be/DDDDDDDDDDD inline"),
		  "Intro\n\n<https://www.youtube.com/watch?v=CCCCCCCCCCC>\n\n"
		  "Text <https://youtu.be/DDDDDDDDDDD> inline\n");
	CHECK_STR(body.video_url, "https://vimeo.com/7");
	/* a bare address alone in a block paragraph */
	CHECK_STR(md("<!-- wp:paragraph --><p>https://vimeo.com/8</p><!-- /wp:paragraph --><p>x</p>"), "x\n");
	CHECK_STR(body.video_url, "https://vimeo.com/8");
}

static void test_shortcodes(void)
{
	CHECK_STR(md("[video src=\"https://old.example/v.mp4\"][/video] [audio mp3=\"/a.mp3\"]"),
		  "[https\\://old.example/v.mp4](/v.mp4)\n\n[/a.mp3](/a.mp3)\n");
	CHECK_STR(note_text(), "[video] shortcode kept as a link\n[audio] shortcode kept as a link\n");
	CHECK_STR(md("[video src=\"https://youtu.be/EEEEEEEEEEE\"]"), "");
	CHECK_STR(body.video_url, "https://www.youtube.com/watch?v=EEEEEEEEEEE");
	CHECK_STR(md("[gallery ids=\"3, 99,4\" columns=\"2\"]"), "![](/media/3.jpg)\n\n![](/media/4.jpg)\n");
	CHECK_STR(note_text(), "");
	CHECK_STR(md("[gallery ids=\"99\"]"), "");
	CHECK_STR(note_text(), "[gallery] shortcode: none of its images found\n");
	CHECK_STR(md("[gallery]"), "");
	CHECK_STR(note_text(), "[gallery] shortcode without ids left out\n");
	/* unknown names stay as text, noted once; [[name]] is a literal [name] */
	CHECK_STR(md("[contact-form-7 id=\"5\"] and [contact-form-7] [[caption]] [[embed]x[/embed]] [1] "
		     "[sic] [NCT0123]"),
		  "\\[contact-form-7 id=\"5\"\\] and \\[contact-form-7\\] \\[caption\\] "
		  "\\[embed\\]x\\[/embed\\] \\[1\\] \\[sic\\] \\[NCT0123\\]\n");
	CHECK_STR(note_text(), "[contact-form-7] shortcode left as text\n"); /* [sic] is prose */
	/* a shortcode in code is shown as written */
	CHECK_STR(md("<pre>[gallery ids=\"1\"]</pre>"), "```\n[gallery ids=\"1\"]\n```\n");
	CHECK_STR(md("<pre>[video src=\"a&amp;b\xff\"]x[/video]</pre>"),
		  "```\n[video src=\"a&b\xef\xbf\xbd\"]x\n```\n");
	/* [caption] without its closing tag, and one inside an attribute, stay as written */
	CHECK_STR(md("[caption id=\"x\"]<img src=\"/a.jpg\"> text"),
		  "\\[caption id=\"x\"\\]![](/a.jpg) text\n");
	CHECK_STR(md("<img alt=\"[caption]\" src=\"/a.jpg\">"), "![\\[caption\\]](/a.jpg)\n");
	/* the caption attribute of older posts */
	CHECK_STR(md("[caption id=\"attachment_5\" caption=\"Old &amp; <b>styled</b>\"]<img src=\"/o.jpg\" "
		     "alt=\"o\">[/caption]"),
		  "![o](/o.jpg)\n\n*Old & styled*\n");
}

static void test_classic_autop(void)
{
	CHECK_STR(md("First line\nsecond line\n\nNew paragraph\n\n\n\nThird"),
		  "First line\\\nsecond line\n\nNew paragraph\n\nThird\n");
	/* newlines next to blocks are not line breaks */
	CHECK_STR(md("Before\n<ul>\n<li>x</li>\n</ul>\nAfter\n<h2>Title</h2>\nText"),
		  "Before\n\n- x\n\nAfter\n\n## Title\n\nText\n");
	/* a paragraph break inside bold closes and reopens it */
	CHECK_STR(md("<strong>Bold\n\nstill</strong>"), "**Bold**\n\n**still**\n");
	/* pre keeps its newlines */
	CHECK_STR(md("<pre>a\n\nb</pre>"), "```\na\n\nb\n```\n");
	/* a block body's newlines are spaces */
	CHECK_STR(md("<!-- wp:paragraph --><p>a\nb</p><!-- /wp:paragraph -->"), "a b\n");
}

static void test_classic_post(void)
{
	const char *html =
	    "The <strong>ESMO 2023</strong> congress opened in Madrid.\n"
	    "Over 30,000 delegates attended.\n\n"
	    "[caption id=\"attachment_7\" align=\"aligncenter\" width=\"300\"]<a "
	    "href=\"https://old.example/wp-content/uploads/hall.jpg\"><img class=\"size-medium wp-image-7\" "
	    "src=\"https://old.example/wp-content/uploads/hall-300x200.jpg\" alt=\"Hall\" width=\"300\" "
	    "height=\"200\" "
	    "/></a> The main hall, <em>day one</em>[/caption]\n\n"
	    "Key results:\n"
	    "<ol>\n\t<li>PFS improved</li>\n\t<li>OS <em>trend</em></li>\n</ol>\n"
	    "Read <a href=\"https://old.example/2023/10/20/keynote/\">the keynote</a> &amp; more.\n\n"
	    "https://www.youtube.com/watch?v=FFFFFFFFFFF\n\n"
	    "&nbsp;\n\n"
	    "Last words.";
	CHECK_STR(md(html), "The **ESMO 2023** congress opened in Madrid.\\\n"
			    "Over 30,000 delegates attended.\n\n"
			    "[![Library alt](/media/hall-300x200.jpg)](/wp-content/uploads/hall.jpg)\n\n"
			    "*The main hall, day one*\n\n"
			    "Key results:\n\n"
			    "1. PFS improved\n"
			    "2. OS *trend*\n\n"
			    "Read [the keynote](/2023/10/20/keynote/) & more.\n\n"
			    "Last words.\n");
	CHECK_STR(body.video_url, "https://www.youtube.com/watch?v=FFFFFFFFFFF");
	CHECK_STR(note_text(), "");
}

static void test_block_post(void)
{
	const char *html =
	    "<!-- wp:heading {\"level\":2} -->\n<h2 class=\"wp-block-heading\">Phase III results</h2>\n"
	    "<!-- /wp:heading -->\n\n"
	    "<!-- wp:paragraph -->\n<p>The trial met its <strong>primary endpoint</strong>.</p>\n<!-- "
	    "/wp:paragraph "
	    "-->\n\n"
	    "<!-- wp:list -->\n<ul><li>Median PFS 12.1 months</li><li>HR 0.62</li></ul>\n<!-- /wp:list "
	    "-->\n\n"
	    "<!-- wp:quote -->\n<blockquote class=\"wp-block-quote\"><p>A new standard.</p><cite>Dr "
	    "Smith</cite></blockquote>\n<!-- /wp:quote -->\n\n"
	    "<!-- wp:table -->\n<figure "
	    "class=\"wp-block-table\"><table><tbody><tr><td>Arm</td><td>ORR</td></tr>"
	    "<tr><td>A</td><td>42%</td></tr></tbody></table></figure>\n<!-- /wp:table -->\n\n"
	    "<!-- wp:image {\"id\":12,\"sizeSlug\":\"large\"} -->\n<figure class=\"wp-block-image "
	    "size-large\"><img "
	    "src=\"https://old.example/wp-content/uploads/km.png\" alt=\"KM curve\" class=\"wp-image-12\"/>"
	    "<figcaption class=\"wp-element-caption\">Kaplan-Meier</figcaption></figure>\n<!-- /wp:image "
	    "-->\n\n"
	    "<!-- wp:embed {\"url\":\"https://www.youtube.com/watch?v=GGGGGGGGGGG\",\"type\":\"video\","
	    "\"providerNameSlug\":\"youtube\"} -->\n<figure class=\"wp-block-embed is-type-video "
	    "is-provider-youtube\"><div class=\"wp-block-embed__wrapper\">\n"
	    "https://www.youtube.com/watch?v=GGGGGGGGGGG\n</div></figure>\n<!-- /wp:embed -->\n\n"
	    "<!-- wp:embed {\"url\":\"https://vimeo.com/99\"} -->\n<figure class=\"wp-block-embed\"><div "
	    "class=\"wp-block-embed__wrapper\">\nhttps://vimeo.com/99\n</div></figure>\n<!-- /wp:embed "
	    "-->\n\n"
	    "<!-- wp:separator -->\n<hr class=\"wp-block-separator\"/>\n<!-- /wp:separator -->\n\n"
	    "<!-- wp:paragraph -->\n<p>End.</p>\n<!-- /wp:paragraph -->";
	CHECK_STR(md(html), "## Phase III results\n\n"
			    "The trial met its **primary endpoint**.\n\n"
			    "- Median PFS 12.1 months\n- HR 0.62\n\n"
			    "> A new standard.\n>\n> *Dr Smith*\n\n"
			    "| Arm | ORR |\n| --- | --- |\n| A | 42% |\n\n"
			    "![KM curve](/media/km.png)\n\n*Kaplan-Meier*\n\n"
			    "<https://vimeo.com/99>\n\n"
			    "***\n\n"
			    "End.\n");
	CHECK_STR(body.video_url, "https://www.youtube.com/watch?v=GGGGGGGGGGG");
	CHECK_STR(note_text(), "");
}

/* Every tag md4c wrote: no on* attribute, no href/src with a scheme other than http(s), mailto. */
static int bad_markup(const char *html)
{
	for (const char *p = strchr(html, '<'); p; p = strchr(p + 1, '<')) {
		const char *end = strchr(p, '>');
		if (!end)
			return 1;
		for (const char *q = p; q < end; q++) {
			if (*q == ' ' && strncasecmp(q + 1, "on", 2) == 0)
				return 1;
			if ((strncmp(q, " href=\"", 7) == 0 || strncmp(q, " src=\"", 6) == 0)) {
				const char *v = strchr(q, '"') + 1;
				if (strncasecmp(v, "javascript:", 11) == 0 ||
				    strncasecmp(v, "data:", 5) == 0 || strncasecmp(v, "vbscript:", 9) == 0)
					return 1;
			}
		}
	}
	return 0;
}

static void test_hostile(void)
{
	/* the attacks are in markup only: none of their words may reach the page */
	const char *attacks =
	    "<p>Hi<script>alert(1)</script><style>body{background:url(javascript:x)}</style>"
	    "<img src=x onerror=alert(1)><img src=\"javascript:alert(1)\"><img "
	    "src=\"data:image/svg+xml,<svg>\">"
	    "<a href=\"javascript:alert(1)\">j</a><a href=\"JAVASCRIPT:alert(1)\">k</a>"
	    "<a href=\"&#106;avascript:alert(1)\">l</a><a "
	    "href=\"data:text/html,<script>alert(1)</script>\">d</a>"
	    "<a href=\"java\nscript:alert(1)\">n</a><a href=\"javascript&amp;#58;alert(1)\">e</a>"
	    "<iframe src=\"https://evil.example/\" onload=alert(1)></iframe><iframe "
	    "src=\"javascript:alert(1)\">"
	    "</iframe><div onclick=alert(1) style=\"x:expression(alert(1))\">div</div>"
	    "<svg onload=alert(1)><script>alert(1)</script></svg><object "
	    "data=\"javascript:alert(1)\"></object>"
	    "<form action=\"javascript:alert(1)\"><button formaction=javascript:alert(1)>b</button></form>"
	    "<math><mtext><table><mglyph><style><img src=x "
	    "onerror=alert(1)></style></mglyph></table></mtext></math>"
	    "[video src=\"javascript:alert(1)\"][embed]javascript:alert(1)[/embed][audio "
	    "src=\"data:audio/x,1\"]"
	    "[caption caption=\"<script>alert(1)</script>\"]<img src=\"data:x\">[/caption]</p>";
	const char *html = render(md(attacks));
	CHECK(rc == 0);
	CHECK(strstr(html, "<script") == NULL);
	CHECK(strcasestr(html, "javascript") == NULL);
	CHECK(strstr(html, "data:") == NULL);
	CHECK(strstr(html, " on") == NULL);
	CHECK(strstr(html, "alert") == NULL);
	CHECK(!bad_markup(html));
	/* text that looks like markup or Markdown stays text */
	const char *lookalikes =
	    "<p>&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt; "
	    "[x](javascript:alert(1)) "
	    "![y](data:text/html,1) &lt;javascript:alert(1)&gt; [z]: javascript:alert(1) "
	    "&amp;#106;avascript:x "
	    "<code>&lt;/code&gt;&lt;script&gt;</code></p><pre>&lt;script&gt;\n```\n<b>x</b></pre>";
	html = render(md(lookalikes));
	CHECK(strstr(html, "<script") == NULL);
	CHECK(strstr(html, "<img") == NULL);
	CHECK(!bad_markup(html));
	CHECK_CONTAINS(html, "&lt;script&gt;alert(1)&lt;/script&gt;");
	CHECK_CONTAINS(html, "[x](javascript:alert(1))");
	/* the Markdown itself, rendered without the renderer's own URL filter, is as safe */
	CHECK(strstr(md(attacks), "javascript") == NULL);
}

static void test_limits(void)
{
	size_t big = ((size_t)16 << 20) + 1;
	char *s = malloc(big);
	memset(s, 'a', big);
	CHECK(wp_body_markdown(&pool, s, big, &hooks, &body) == -1);
	CHECK_STR(body.markdown, "");
	free(s);
	buf deep;
	buf_init(&deep, NULL);
	for (int i = 0; i < 201; i++)
		buf_adds(&deep, "<div>");
	buf_adds(&deep, "x");
	CHECK_STR(md(deep.p), "");
	CHECK(rc == -1);
	CHECK_STR(note_text(), "the body is nested over 200 deep: left out\n");
	buf_reset(&deep);
	for (int i = 0; i < 199; i++)
		buf_adds(&deep, "<blockquote>");
	buf_adds(&deep, "x");
	const char *m = md(deep.p);
	CHECK(rc == 0);
	CHECK_CONTAINS(m, "> > > > > > > > > > > > > > > > x\n"); /* 16 levels of prefix, deeper ones flat */
	CHECK(strstr(m, "> > > > > > > > > > > > > > > > > x") == NULL);
	CHECK_STR(note_text(), "lists or quotes nested over 16 deep flattened\n");
	buf_free(&deep);
	/* many distinct notes: 64, then one line saying the rest is left out */
	buf many;
	buf_init(&many, NULL);
	for (int i = 0; i < 100; i++)
		buf_printf(&many, "[sc%d a=1] ", i);
	md(many.p);
	CHECK_CONTAINS(note_text(), "[sc63] shortcode left as text\nmore notes about this body left out\n");
	CHECK(strstr(note_text(), "[sc64]") == NULL);
	buf_free(&many);
	/* no hooks at all */
	const char *plain = "<p><img src=\"/a.png\"><a href=\"/b\">b</a></p>";
	CHECK(wp_body_markdown(&pool, plain, strlen(plain), NULL, &body) == 0);
	CHECK_STR(body.markdown, "![](/a.png)[b](/b)\n");
}

static void test_plain_text(void)
{
	CHECK_STR(wp_plain_text(&pool, "  Q&amp;A: <em>What&#8217;s</em>\n new?<script>x</script> *a* ", 62),
		  "Q&A: What\xe2\x80\x99s new? *a*");
	CHECK_STR(wp_plain_text(&pool, "<p>one</p><p>two<br>three</p>", 29), "one two three");
	CHECK_STR(wp_plain_text(&pool, "", 0), "");
	CHECK_STR(wp_plain_text(&pool, "ESMO&nbsp;&nbsp;2023 &nbsp;", 26), "ESMO 2023");
}

static void test_block_comments(void)
{
	struct wp_block b;
	CHECK(wp_block_comment(&pool, " wp:embed {\"url\":\"https://a.b/\\u0026x\",\"id\":5} /", 48, &b) ==
	      1);
	CHECK_STR(b.name, "embed");
	CHECK_STR(b.url, "https://a.b/&x");
	CHECK(b.id == 5 && !b.closing);
	CHECK(wp_block_comment(&pool, " /wp:core-embed/youtube ", 24, &b) == 1);
	CHECK(b.closing && strcmp(b.name, "core-embed/youtube") == 0 && !b.url);
	CHECK(wp_block_comment(&pool, " more ", 6, &b) == 0);
	CHECK(wp_block_comment(&pool, " wp:image {broken ", 18, &b) == 1);
	CHECK(b.id == 0);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	buf_init(&notes, &pool);
	RUN(test_paragraphs_and_headings);
	RUN(test_emphasis);
	RUN(test_links);
	RUN(test_unsafe_urls);
	RUN(test_dropped);
	RUN(test_lists);
	RUN(test_quote_code_rule_break);
	RUN(test_tables);
	RUN(test_images_and_figures);
	RUN(test_escaping);
	RUN(test_videos);
	RUN(test_shortcodes);
	RUN(test_classic_autop);
	RUN(test_classic_post);
	RUN(test_block_post);
	RUN(test_hostile);
	RUN(test_limits);
	RUN(test_plain_text);
	RUN(test_block_comments);
	h2o_mem_clear_pool(&pool);
	return unit_done("test_html_markdown");
}
