/* test_tmpl: unit tests for templates (src/render/tmpl.c, htmlctx.c) and the view tree. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "render/tmpl.h"
#include "render/view.h"
#include "unit.h"

static h2o_mem_pool_t pool;
static char err[512];

/* Compiles one template named "t" and renders it with v; returns the output, or "LOAD ERROR: ...". */
static const char *render(const char *text, const view *v)
{
	const char *names[] = {"t"};
	tmpl_set *set = tmpl_load_strings(names, &text, 1, err, sizeof err);
	buf out;
	buf_init(&out, &pool);
	if (!set) {
		buf_printf(&out, "LOAD ERROR: %s", err);
		return buf_cstr(&out);
	}
	if (tmpl_render(set, "t", v, &out) != 0)
		buf_adds(&out, "RENDER ERROR");
	tmpl_free(set);
	return buf_cstr(&out);
}

/* Loads n templates expecting a load error; returns the message ("LOADED" when there was none). */
static const char *load_error(const char *const *names, const char *const *texts, size_t n)
{
	err[0] = '\0';
	tmpl_set *set = tmpl_load_strings(names, texts, n, err, sizeof err);
	if (set) {
		tmpl_free(set);
		return "LOADED";
	}
	return err;
}

static const char *error_of(const char *text)
{
	const char *names[] = {"t"};
	return load_error(names, &text, 1);
}

static void test_view(void)
{
	view *v = view_new(&pool);
	char stack[8] = "temp";
	view_str(v, "a", stack);
	strcpy(stack, "gone");
	const view_value *a = view_get(v, "a", 1);
	CHECK(a && a->kind == VIEW_STR && strcmp(a->u.str.p, "temp") == 0 && a->u.str.len == 4);
	view_int(v, "a", 5); /* replaces */
	a = view_get(v, "a", 1);
	CHECK(a && a->kind == VIEW_INT && a->u.num == 5);
	view_strn(v, "b", "xyz", 2);
	CHECK(view_get(v, "b", 1)->u.str.len == 2);
	CHECK(view_get(v, "zz", 2) == NULL);
	view *list = view_list(v, "items");
	CHECK(view_len(list) == 0);
	for (int i = 0; i < 100; i++)
		view_int(view_push(list), "i", i);
	CHECK(view_len(list) == 100);
	CHECK(view_get(view_item(list, 99), "i", 1)->u.num == 99);
	CHECK(view_item(list, 100) == NULL);
	for (int i = 0; i < 60; i++) {
		static const char *names[] = {"f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9"};
		view_int(v, names[i % 10], i); /* growth and replacement */
	}
	CHECK(view_get(v, "f3", 2)->u.num == 53);
	CHECK(view_len(v) == 0);
}

static void test_vars(void)
{
	view *v = view_new(&pool);
	view_str(v, "name", "<b>Tom & 'Jerry'</b> \"q\"");
	view_str(v, "none", NULL);
	view_int(v, "n", -42);
	view_bool(v, "yes", 1);
	view_bool(v, "no", 0);
	view_fmt(v, "f", "%d items in %s", 3, "<list>");
	CHECK_STR(render("Hi {{name}}!", v),
		  "Hi &lt;b&gt;Tom &amp; &#39;Jerry&#39;&lt;/b&gt; &quot;q&quot;!");
	CHECK_STR(render("[{{missing}}][{{none}}][{{ n }}][{{yes}}][{{no}}]", v), "[][][-42][true][]");
	CHECK_STR(render("{{f}}", v), "3 items in &lt;list&gt;");
	CHECK_STR(render("no tags at all", v), "no tags at all");
	CHECK_STR(render("", v), "");
	view_str(v, "ctl",
		 "a\x1e"
		 "1b\x01\x7f"
		 "c\td");
	CHECK_STR(render("<p title=\"{{ctl}}\">{{ctl}}</p>", v), "<p title=\"a1bc\td\">a1bc\td</p>");
}

static void test_dotted(void)
{
	view *v = view_new(&pool);
	view *article = view_obj(v, "article");
	view_str(article, "title", "Trial <results>");
	view_str(view_obj(article, "author"), "name", "Dr. Ann");
	view_str(v, "title", "site title");
	CHECK_STR(render("{{article.title}} by {{article.author.name}}", v),
		  "Trial &lt;results&gt; by Dr. Ann");
	CHECK_STR(render("[{{article.nope}}][{{article.title.x}}][{{nope.title}}]", v), "[][][]");
	/* a dotted name does not fall back to outer contexts after its first part */
	CHECK_STR(render("{{#article}}{{author.name}}|{{title}}{{/article}}", v),
		  "Dr. Ann|Trial &lt;results&gt;");
	CHECK_STR(render("{{#article}}{{#author}}[{{title}}]{{/author}}{{/article}}", v),
		  "[Trial &lt;results&gt;]");
}

static void test_sections(void)
{
	view *v = view_new(&pool);
	view *items = view_list(v, "items");
	view_str(view_push(items), "name", "a<");
	view_str(view_push(items), "name", "b");
	view_str(view_push(items), "name", "c");
	view_list(v, "empty");
	view_bool(v, "t", 1);
	view_bool(v, "f", 0);
	view_int(v, "zero", 0);
	view_int(v, "seven", 7);
	view_str(v, "s", "x");
	view_str(v, "blank", "");
	view_str(view_obj(v, "obj"), "name", "inner");
	CHECK_STR(render("<ul>{{#items}}<li>{{name}}</li>{{/items}}</ul>", v),
		  "<ul><li>a&lt;</li><li>b</li><li>c</li></ul>");
	CHECK_STR(render("[{{#empty}}x{{/empty}}][{{^empty}}none{{/empty}}][{{^items}}none{{/items}}]", v),
		  "[][none][]");
	CHECK_STR(
	    render("{{#t}}T{{/t}}{{#f}}F{{/f}}{{^f}}!F{{/f}}{{#zero}}Z{{/zero}}{{#seven}}7{{/seven}}", v),
	    "T!F7");
	CHECK_STR(render("{{#s}}S{{/s}}{{#blank}}B{{/blank}}{{^blank}}!B{{/blank}}{{#missing}}M{{/missing}}"
			 "{{^missing}}!M{{/missing}}",
			 v),
		  "S!B!M");
	CHECK_STR(render("{{#obj}}{{name}}{{/obj}}", v), "inner");
	/* a true scalar leaves the context alone */
	CHECK_STR(render("{{#t}}{{s}}{{/t}}", v), "x");
	/* nested sections */
	CHECK_STR(render("{{#items}}{{#t}}({{name}}){{/t}}{{/items}}", v), "(a&lt;)(b)(c)");
}

static void test_context_stack(void)
{
	view *v = view_new(&pool);
	view_str(v, "site", "Onco");
	view_str(v, "name", "outer");
	view *people = view_list(v, "people");
	view *p1 = view_push(people);
	view_str(p1, "name", "Ann");
	view *papers = view_list(p1, "papers");
	view_str(view_push(papers), "title", "P1");
	view_str(view_push(papers), "title", "P2");
	view *p2 = view_push(people);
	view_int(p2, "id", 2);
	const char *t = "{{#people}}[{{name}}@{{site}}:{{#papers}}{{title}}/{{name}} {{/papers}}]{{/people}}";
	CHECK_STR(render(t, v), "[Ann@Onco:P1/Ann P2/Ann ][outer@Onco:]");
}

static void test_partials_comments(void)
{
	const char *names[] = {"page", "header", "sub/item"};
	const char *texts[] = {"{{> header}}<main>{{#items}}{{>sub/item}}{{/items}}</main>",
			       "<h1>{{title}}</h1>", "<p>{{name}} of {{title}}</p>"};
	tmpl_set *set = tmpl_load_strings(names, texts, 3, err, sizeof err);
	CHECK(set != NULL);
	if (!set)
		return;
	CHECK(tmpl_has(set, "page") && tmpl_has(set, "sub/item") && !tmpl_has(set, "item") &&
	      !tmpl_has(set, "pag"));
	view *v = view_new(&pool);
	view_str(v, "title", "T&");
	view *items = view_list(v, "items");
	view_str(view_push(items), "name", "one");
	view_str(view_push(items), "name", "two");
	buf out;
	buf_init(&out, &pool);
	CHECK(tmpl_render(set, "page", v, &out) == 0);
	CHECK_STR(buf_cstr(&out), "<h1>T&amp;</h1><main><p>one of T&amp;</p><p>two of T&amp;</p></main>");
	buf_reset(&out);
	CHECK(tmpl_render(set, "nope", v, &out) == -1);
	CHECK_STR(buf_cstr(&out), "");
	tmpl_free(set);

	CHECK_STR(render("a{{! a comment <a href={{b }}b{{!\nmulti\nline\n}}c", v), "abc");
	/* standalone tags take their line */
	CHECK_STR(render("<ul>\n  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n</ul>\n{{! note }}\nend", v),
		  "<ul>\n  <li>one</li>\n  <li>two</li>\n</ul>\nend");
	CHECK_STR(render("a {{#items}}x{{/items}} b\n", v), "a xx b\n");

	/* self-recursive partial stops at the depth limit */
	const char *rn[] = {"r"}, *rt[] = {"x{{> r}}"};
	set = tmpl_load_strings(rn, rt, 1, err, sizeof err);
	CHECK(set != NULL);
	if (set) {
		buf_reset(&out);
		tmpl_render(set, "r", v, &out);
		CHECK(out.len == 17);
		tmpl_free(set);
	}
}

static void test_raw(void)
{
	view *v = view_new(&pool);
	const char *html = "<p class=\"x\">Hi\x1e"
			   "1</p>";
	view_html(v, "body", html, strlen(html));
	view_str(v, "text", "<b>not html</b>");
	view_int(v, "n", 3);
	view_slot(v, "slot", 2);
	CHECK_STR(render("{{{body}}}|{{& body}}", v), "<p class=\"x\">Hi1</p>|<p class=\"x\">Hi1</p>");
	CHECK_STR(render("[{{{text}}}][{{&n}}][{{{slot}}}][{{{missing}}}]", v), "[][][][]");
	/* trusted HTML through a plain variable is shown as text */
	CHECK_STR(render("{{body}}", v), "&lt;p class=&quot;x&quot;&gt;Hi1&lt;/p&gt;");
}

static void test_html_contexts(void)
{
	view *v = view_new(&pool);
	view_str(v, "x", "<script>alert(1)</script>");
	view_str(v, "q", "\" onmouseover=\"alert(1)");
	view_str(v, "js", "javascript:alert(1)");
	view_str(v, "url", "https://example.org/a?b=1&c=2");
	view_str(v, "query", "a b&c=d\"/é");
	view_str(v, "slug", "2024/asco plenary?x");
	CHECK_STR(render("<p>{{x}}</p>", v), "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>");
	CHECK_STR(
	    render("<div title=\"{{q}}\" class='{{q}}'>", v),
	    "<div title=\"&quot; onmouseover=&quot;alert(1)\" class='&quot; onmouseover=&quot;alert(1)'>");
	CHECK_STR(render("<a href=\"{{js}}\">", v), "<a href=\"#\">");
	CHECK_STR(render("<A HREF = ' {{js}}'>", v), "<A HREF = ' #'>");
	CHECK_STR(render("<img src=\"{{js}}\"><form action=\"{{js}}\"><button formaction=\"{{js}}\">", v),
		  "<img src=\"#\"><form action=\"#\"><button formaction=\"#\">");
	CHECK_STR(render("<a href=\"{{url}}\">", v), "<a href=\"https://example.org/a?b=1&amp;c=2\">");
	CHECK_STR(
	    render("<a href=\"/search?q={{query}}&amp;p={{js}}#{{query}}\">", v),
	    "<a "
	    "href=\"/search?q=a%20b%26c%3Dd%22%2F%C3%A9&amp;p=javascript%3Aalert%281%29#a%20b%26c%3Dd%22%2F%"
	    "C3%A9\">");
	CHECK_STR(render("<a href=\"/article/{{slug}}\">", v),
		  "<a href=\"/article/2024/asco%20plenary%3Fx\">");
	CHECK_STR(render("<a href=\"/a/{{js}}\">", v), "<a href=\"/a/javascript%3Aalert%281%29\">");
	view_str(v, "mail", "dr.a+b@x.org");
	CHECK_STR(render("<a href=\"mailto:{{mail}}\">", v), "<a href=\"mailto:dr.a%2Bb%40x.org\">");
	CHECK_STR(render("<a href=\"HTTPS://x.org/{{slug}}\">", v),
		  "<a href=\"HTTPS://x.org/2024/asco%20plenary%3Fx\">");
	/* after a variable the URL is no longer at its start */
	CHECK_STR(render("<a href=\"{{url}}{{js}}\">", v),
		  "<a href=\"https://example.org/a?b=1&amp;c=2javascript%3Aalert%281%29\">");
	/* an ordinary attribute and text are not URLs */
	CHECK_STR(render("<a title=\"{{js}}\">{{js}}</a>", v),
		  "<a title=\"javascript:alert(1)\">javascript:alert(1)</a>");
	CHECK_STR(render("<title>{{x}}</title><textarea>{{x}}</textarea>", v),
		  "<title>&lt;script&gt;alert(1)&lt;/script&gt;</title><textarea>&lt;script&gt;alert(1)&lt;/"
		  "script&gt;</"
		  "textarea>");
	/* literal markup around variables is tracked: comments, doctype, closed scripts and styles */
	CHECK_STR(render("<!DOCTYPE html><!-- <a href= --><style>p{}</style><script>var a='<b>';</script>"
			 "<p a=b c>{{x}}</p><!----><br/>{{js}}",
			 v),
		  "<!DOCTYPE html><!-- <a href= --><style>p{}</style><script>var a='<b>';</script><p a=b "
		  "c>&lt;script&gt;alert(1)&lt;/script&gt;</p><!----><br/>javascript:alert(1)");
	CHECK_STR(render("a < b and {{x}}", v), "a < b and &lt;script&gt;alert(1)&lt;/script&gt;");
}

static void test_json_ld(void)
{
	view *v = view_new(&pool);
	view_str(v, "title", "</script><script>alert(1)</script> \"q\" \\ &");
	view_int(v, "n", 12);
	const char *t =
	    "<script type=\"application/ld+json\">{\"headline\": \"{{title}}\", \"n\": \"{{n}}\", "
	    "\"x\": \"a\\\"{{title}}\"}</script><p>{{title}}</p>";
	CHECK_STR(
	    render(t, v),
	    "<script type=\"application/ld+json\">{\"headline\": "
	    "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\\"q\\\" \\\\ "
	    "\\u0026\", "
	    "\"n\": \"12\", \"x\": \"a\\\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/"
	    "script\\u003e \\\"q\\\" \\\\ \\u0026\"}</script><p>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/"
	    "script&gt; &quot;q&quot; \\ &amp;</p>");
	CHECK_STR(render("<SCRIPT TYPE=' Application/LD+JSON '>[\"{{n}}\"]</SCRIPT>", v),
		  "<SCRIPT TYPE=' Application/LD+JSON '>[\"12\"]</SCRIPT>");
	/* between JSON tokens a variable is one whole value: a number, true/false, a quoted string or null */
	view_bool(v, "yes", 1);
	view_bool(v, "no", 0);
	CHECK_STR(render("<script type=\"application/ld+json\">[{{n}}, {{yes}}, {{no}}, {{title}}, "
			 "{{missing}}]</script>",
			 v),
		  "<script type=\"application/ld+json\">[12, true, false, "
		  "\"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\\"q\\\" \\\\ "
		  "\\u0026\", "
		  "null]</script>");
}

static void test_slots(void)
{
	view *v = view_new(&pool);
	view_slot(v, "csrf", 1);
	view_slot(v, "user", 9);
	view_str(v, "evil",
		 "\x1e"
		 "5");
	CHECK_STR(render("<p>{{user}}</p><input value=\"{{csrf}}\">", v), "<p>\x1e"
									  "9</p><input value=\"\x1e"
									  "1\">");
	CHECK_STR(render("<a href=\"/x?t={{csrf}}\">{{evil}}</a>", v), "<a href=\"/x?t=\">5</a>");
	CHECK(VIEW_SLOT_MARK == '\x1e');
	CHECK_STR(render("{{#user}}in{{/user}}", v), "in");
}

static void test_sections_in_tags(void)
{
	view *v = view_new(&pool);
	view_bool(v, "on", 1);
	view_bool(v, "off", 0);
	view_str(v, "q", "a b");
	view *xs = view_list(v, "xs");
	view_str(view_push(xs), "c", "one");
	view_str(view_push(xs), "c", "two");
	CHECK_STR(render("<input type=\"checkbox\"{{#on}} checked{{/on}}><input{{#off}} checked{{/off}}>", v),
		  "<input type=\"checkbox\" checked><input>");
	CHECK_STR(render("<li{{#on}} class=\"active\"{{/on}} id=\"{{q}}\">", v),
		  "<li class=\"active\" id=\"a b\">");
	CHECK_STR(render("<p class=\"a{{#xs}} {{c}}{{/xs}}\">", v), "<p class=\"a one two\">");
	CHECK_STR(render("<a href=\"/s{{#on}}?q={{q}}{{/on}}&p={{q}}\">", v),
		  "<a href=\"/s?q=a%20b&p=a%20b\">");
	CHECK_STR(render("<a {{#xs}} data-{{c}}=\"1\"{{/xs}}>", v),
		  "LOAD ERROR: t.html:1: {{c}}: variable in unsafe "
		  "context: inside a tag, attribute name or "
		  "declaration");
}

static void check_error(const char *text, const char *want)
{
	const char *got = error_of(text);
	if (strncmp(got, want, strlen(want)) != 0) {
		unit_check_failed();
		fprintf(stderr, "FAIL load error for %s\n  got:  %s\n  want: %s...\n", text, got, want);
	}
}

static void test_load_errors(void)
{
	check_error("a\n{{#x}}\nb\n", "t.html:2: unclosed section {{#x}}");
	check_error("{{#a}}\n{{^b}}\n{{/a}}\n{{/b}}",
		    "t.html:3: {{/a}} does not match {{^b}} opened at line 2");
	check_error("x\n{{/a}}", "t.html:2: {{/a}} closes no open section");
	check_error("x\n\n{{> nope}}", "t.html:3: unknown partial \"nope\"");
	check_error("<p>\n<a href={{u}}>", "t.html:2: {{u}}: variable in unsafe context: unquoted");
	check_error("<a href=x{{u}}>", "t.html:1: {{u}}: variable in unsafe context: unquoted");
	check_error("<button\n  onclick=\"go('{{x}}')\">",
		    "t.html:2: {{x}}: variable in unsafe context: event handler");
	check_error("<b ONMOUSEOVER='{{x}}'>", "t.html:1: {{x}}: variable in unsafe context: event handler");
	check_error("\n\n<p style=\"color: {{c}}\">",
		    "t.html:3: {{c}}: variable in unsafe context: event handler, style");
	check_error("<iframe srcdoc=\"{{c}}\">", "t.html:1: {{c}}: variable in unsafe context");
	check_error("<script>\nvar a = '{{x}}';\n</script>",
		    "t.html:2: {{x}}: variable in unsafe context: inside <script>");
	check_error("<script type=\"text/javascript\">\"{{x}}\"</script>",
		    "t.html:1: {{x}}: variable in unsafe context");
	check_error("<script type=\"application/ld+json\">\"</{{x}}\"</script>",
		    "t.html:1: {{x}}: variable in unsafe");
	check_error("<script type=\"{{t}}\">\"{{x}}\"</script>", "t.html:1: {{x}}: variable in unsafe");
	check_error("<style>\np { color: {{c}} }</style>",
		    "t.html:2: {{c}}: variable in unsafe context: inside <script>");
	check_error("<!-- \n {{x}} -->",
		    "t.html:2: {{x}}: variable in unsafe context: inside an HTML comment");
	check_error("<{{t}}>", "t.html:1: {{t}}: variable in unsafe context: inside a tag");
	check_error("<a {{n}}=\"x\">", "t.html:1: {{n}}: variable in unsafe context: inside a tag");
	check_error("<a title=\"{{{x}}}\">", "t.html:1: raw variable \"x\" inside an attribute value");
	check_error("<a title=\"{{&x}}\">", "t.html:1: raw variable \"x\" inside an attribute value");
	check_error("<title>{{{x}}}</title>", "t.html:1: raw variable \"x\" inside element text");
	check_error("<a title=\"{{> p}}\">", "t.html:1: partial \"p\" inside an attribute value");
	check_error("ok\n{{name", "t.html:2: unterminated tag");
	check_error("{{ }}", "t.html:1: bad or empty name");
	check_error("{{#}}{{/}}", "t.html:1: bad or empty name");
	check_error("{{a..b}}", "t.html:1: bad or empty name");
	check_error("{{.}}", "t.html:1: bad or empty name");
	check_error("{{a b}}", "t.html:1: bad or empty name");
	check_error("{{=<% %>=}}", "t.html:1: set-delimiter tags are not supported");
	check_error("{{#a}}<a href=\"{{/a}}\">",
		    "t.html:1: section {{#a}} starts in HTML text but ends in an attribute value");
	check_error("<a {{#a}} o{{/a}}nclick=\"{{x}}\">", "t.html:1: ambiguous markup");
	check_error("<a {{#a}} o{{/a}}=\"{{x}}\">", "t.html:1: ambiguous markup");
	check_error("<a {{#xs}}click=\"{{v}}\" on{{/xs}}>", "t.html:1: section {{#xs}} adds to a tag");
	check_error("<p>\n<a href=\"x", "t.html:2: template ends inside an attribute value");
	check_error("<a href=\"javascript:go('{{x}}')\">",
		    "t.html:1: {{x}}: variable in unsafe context: URL whose scheme");
	check_error("<a href=\" Data:text/html,{{x}}\">",
		    "t.html:1: {{x}}: variable in unsafe context: URL whose scheme");
	check_error("<a href=\"javascript&#58;go('{{x}}')\">",
		    "t.html:1: {{x}}: variable in unsafe context: URL");
	check_error("<a href=\"{{x}}:alert(1)\">", "t.html:1: ':' or '&' right after a variable");
	check_error("<a href=\"{{x}}&#58;alert(1)\">", "t.html:1: ':' or '&' right after a variable");
	check_error("<a href=\"{{#a}}{{x}}{{/a}}:y\">", "t.html:1: ':' or '&' right after a variable");
	check_error("<a href=\"{{#a}}{{x}}{{/a}}{{^a}}javascript:{{/a}}\">",
		    "t.html:1: ':' or '&' right after a variable");
	check_error("<a href=\"{{^a}}javascript:{{/a}}{{x}}\">",
		    "t.html:1: {{x}}: variable in unsafe context: URL whose");
	check_error("<script>", "t.html:1: template ends inside a <script>");
	check_error("{{! a\nb }}\n\n{{#x}}", "t.html:4: unclosed section");
	check_error("<!-- x\n", "t.html:2: template ends inside an HTML comment");

	const char *names[] = {"ok", "other"};
	const char *texts[] = {"{{> other}}", "line1\nline2\n<a onclick=\"{{x}}\">"};
	CHECK_CONTAINS(load_error(names, texts, 2), "other.html:3: {{x}}: variable in unsafe context");
	const char *dn[] = {"a", "a"}, *dt[] = {"x", "y"};
	CHECK_CONTAINS(load_error(dn, dt, 2), "duplicate template name \"a\"");
	/* a partial is compiled as HTML text: it may not leave the page inside a tag */
	const char *pn[] = {"page", "open"}, *pt[] = {"{{> open}}{{x}}\">", "<a href=\""};
	CHECK_CONTAINS(load_error(pn, pt, 2), "open.html:1: template ends inside an attribute value");
	/* the same error, with a small err buffer, is cut but terminated */
	char small[8];
	const char *t1 = "{{#x}}";
	const char *n1[] = {"t"};
	CHECK(tmpl_load_strings(n1, &t1, 1, small, sizeof small) == NULL && strlen(small) == 7);
	CHECK(tmpl_load_strings(n1, &t1, 1, NULL, 0) == NULL);
}

static int write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (!f)
		return -1;
	fputs(text, f);
	return fclose(f);
}

/* Found by tests/fuzz/fuzz_tmpl: a partial that includes itself several times grew the page as
 * calls^16 (three calls: gigabytes) before the depth limit stopped it. One render enters at most
 * 10,000 partials; recursion as a menu tree uses it still works. */
static void test_partial_budget(void)
{
	const char *names[] = {"t"};
	const char *texts[] = {"{{> t}}{{> t}}x"};
	tmpl_set *set = tmpl_load_strings(names, texts, 1, err, sizeof err);
	CHECK(set != NULL);
	if (!set)
		return;
	buf out;
	buf_init(&out, &pool);
	CHECK(tmpl_render(set, "t", NULL, &out) == 0);
	CHECK(out.len >= 10000 && out.len <= 10001); /* one x per partial entered, and the top one */
	tmpl_free(set);
}

static void test_load_dir(void)
{
	char dir[] = "/tmp/plenary-tmpl-XXXXXX", path[256];
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	snprintf(path, sizeof path, "%s/layout.html", dir);
	write_file(path, "<html>{{> parts/nav}}{{{body}}}</html>\n");
	snprintf(path, sizeof path, "%s/notes.md", dir);
	write_file(path, "{{#ignored");
	snprintf(path, sizeof path, "%s/mail", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/mail/hi.txt", dir);
	write_file(path, "Subject: hi {{site}}\n\n{{site}} & co\n");
	snprintf(path, sizeof path, "%s/mail/hi.html", dir);
	write_file(path, "<p>{{site}} &amp; co</p>\n");
	snprintf(path, sizeof path, "%s/parts", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof path, "%s/parts/nav.html", dir);
	write_file(path, "<nav>{{site}}</nav>");
	tmpl_set *set = tmpl_load_dir(dir, err, sizeof err);
	CHECK(set != NULL);
	if (set) {
		CHECK(tmpl_has(set, "layout") && tmpl_has(set, "parts/nav") && !tmpl_has(set, "notes") &&
		      !tmpl_has(set, "notes.md"));
		CHECK(tmpl_has(set, "mail/hi.txt") && tmpl_has(set, "mail/hi") &&
		      !tmpl_has(set, "mail/hi.html"));
		view *v = view_new(&pool);
		view_str(v, "site", "S");
		view_html(v, "body", "<p>b</p>", 8);
		buf out;
		buf_init(&out, &pool);
		tmpl_render(set, "layout", v, &out);
		CHECK_STR(buf_cstr(&out), "<html><nav>S</nav><p>b</p></html>\n");
		view_str(v, "site", "<A&B>");
		buf_reset(&out);
		tmpl_render(set, "mail/hi.txt", v, &out);
		CHECK_STR(buf_cstr(&out), "Subject: hi <A&B>\n\n<A&B> & co\n");
		buf_reset(&out);
		tmpl_render(set, "mail/hi", v, &out);
		CHECK_STR(buf_cstr(&out), "<p>&lt;A&amp;B&gt; &amp; co</p>\n");
		tmpl_free(set);
	}
	snprintf(path, sizeof path, "%s/parts/bad.html", dir);
	write_file(path, "ok\n<a href={{x}}>");
	set = tmpl_load_dir(dir, err, sizeof err);
	CHECK(set == NULL);
	snprintf(path, sizeof path, "%s/parts/bad.html:2: {{x}}: variable in unsafe context", dir);
	CHECK_CONTAINS(err, path);
	CHECK(tmpl_load_dir("/nonexistent/plenary", err, sizeof err) == NULL);
	CHECK_CONTAINS(err, "/nonexistent/plenary");
	snprintf(path, sizeof path, "rm -rf '%s'", dir);
	CHECK(system(path) == 0);
}

/* Plain-text templates: verbatim values, no HTML context, one-line subject, kinds kept apart. */
static void test_text(void)
{
	const char *names[] = {"m.txt", "m", "part.txt", "hpart"};
	const char *texts[] = {
	    "Subject: {{title}} {{{title}}}\n{{#items}}\n- {{name}} <{{url}}>\n{{/items}}\n{{> part.txt}}\n",
	    "<a href=\"{{url}}\">{{title}}</a>{{> hpart}}\n",
	    "{{! a comment }}by {{who}}{{n}}{{flag}}{{slot}}", "<i>{{who}}</i>"};
	tmpl_set *set = tmpl_load_strings(names, texts, 4, err, sizeof err);
	CHECK(set != NULL);
	if (!set) {
		fprintf(stderr, "%s\n", err);
		return;
	}
	view *v = view_new(&pool);
	view_str(v, "title", "A <b> & \"c\"\r\nBcc: x@y\x01\tz");
	view_str(v, "url", "https://x.test/?a=1&b=<2>");
	view_str(v, "who", "Tom & Jerry\r\nline two\x1b\x7f\xff");
	view_int(v, "n", 7);
	view_bool(v, "flag", 1);
	view_slot(v, "slot", 1);
	view *items = view_list(v, "items");
	view_str(view_push(items), "name", "x<y");
	view_str(view_push(items), "name", "a&b");
	buf out;
	buf_init(&out, &pool);
	CHECK(tmpl_render(set, "m.txt", v, &out) == 0);
	CHECK_STR(buf_cstr(&out), "Subject: A <b> & \"c\" Bcc: x@y z A <b> & \"c\" Bcc: x@y z\n"
				  "- x<y <https://x.test/?a=1&b=<2>>\n"
				  "- a&b <https://x.test/?a=1&b=<2>>\n"
				  "by Tom & Jerry\nline two\xEF\xBF\xBD"
				  "7true");
	buf_reset(&out);
	CHECK(tmpl_render(set, "m", v, &out) == 0);
	CHECK_STR(buf_cstr(&out),
		  "<a href=\"https://x.test/?a=1&amp;b=&lt;2&gt;\">A &lt;b&gt; &amp; &quot;c&quot;\r\n"
		  "Bcc: x@y\tz</a><i>Tom &amp; Jerry\r\nline two\xEF\xBF\xBD</i>\n");
	tmpl_free(set);

	/* what HTML refuses is plain text in a .txt */
	const char *free_names[] = {"f.txt"};
	const char *free_text[] = {"<a href={{x}} onclick=\"{{x}}\"><script>{{x}}</script><!-- {{x}}"};
	CHECK_STR(load_error(free_names, free_text, 1), "LOADED");
	/* a .txt cannot include HTML, nor HTML a .txt */
	const char *mixed_names[] = {"a.txt", "b"};
	const char *mixed1[] = {"{{> b}}", "<b>{{x}}</b>"};
	CHECK_CONTAINS(load_error(mixed_names, mixed1, 2),
		       "a.txt:1: partial \"b\" is HTML, this template is plain text");
	const char *mixed_names2[] = {"a.txt", "b"};
	const char *mixed2[] = {"{{x}}", "<p>{{> a.txt}}</p>"};
	CHECK_CONTAINS(load_error(mixed_names2, mixed2, 2), "b.html:1: partial \"a.txt\" is plain text");
	/* sections must still close */
	const char *open_names[] = {"o.txt"};
	const char *open_text[] = {"{{#x}}never closed"};
	CHECK_CONTAINS(load_error(open_names, open_text, 1), "o.txt:1: unclosed section");
}

struct thread_arg {
	const tmpl_set *set;
	const view *v;
	const char *want;
	int ok;
};

static void *render_many(void *p)
{
	struct thread_arg *a = p;
	buf out;
	buf_init(&out, NULL);
	a->ok = 1;
	for (int i = 0; i < 2000; i++) {
		buf_reset(&out);
		tmpl_render(a->set, "page", a->v, &out);
		if (strcmp(buf_cstr(&out), a->want) != 0)
			a->ok = 0;
	}
	buf_free(&out);
	return NULL;
}

static void test_threads(void)
{
	const char *names[] = {"page", "row"};
	const char *texts[] = {"<ul>{{#rows}}{{> row}}{{/rows}}</ul>",
			       "<li><a href=\"/r/{{id}}\">{{name}}</a></li>"};
	tmpl_set *set = tmpl_load_strings(names, texts, 2, err, sizeof err);
	CHECK(set != NULL);
	if (!set)
		return;
	view *v = view_new(&pool);
	view *rows = view_list(v, "rows");
	for (int i = 0; i < 5; i++) {
		view *r = view_push(rows);
		view_int(r, "id", i);
		view_fmt(r, "name", "row <%d>", i);
	}
	const char *want =
	    "<ul><li><a href=\"/r/0\">row &lt;0&gt;</a></li><li><a href=\"/r/1\">row &lt;1&gt;</a></li>"
	    "<li><a href=\"/r/2\">row &lt;2&gt;</a></li><li><a href=\"/r/3\">row &lt;3&gt;</a></li>"
	    "<li><a href=\"/r/4\">row &lt;4&gt;</a></li></ul>";
	pthread_t th[4];
	struct thread_arg args[4];
	for (int i = 0; i < 4; i++) {
		args[i] = (struct thread_arg){set, v, want, 0};
		pthread_create(&th[i], NULL, render_many, &args[i]);
	}
	for (int i = 0; i < 4; i++) {
		pthread_join(th[i], NULL);
		CHECK(args[i].ok);
	}
	tmpl_free(set);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_view);
	RUN(test_vars);
	RUN(test_dotted);
	RUN(test_sections);
	RUN(test_context_stack);
	RUN(test_partials_comments);
	RUN(test_raw);
	RUN(test_html_contexts);
	RUN(test_json_ld);
	RUN(test_slots);
	RUN(test_sections_in_tags);
	RUN(test_load_errors);
	RUN(test_partial_budget);
	RUN(test_load_dir);
	RUN(test_text);
	RUN(test_threads);
	h2o_mem_clear_pool(&pool);
	return unit_done("tmpl");
}
