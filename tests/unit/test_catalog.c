/* test_catalog: message catalogs (JSON, nested keys, refusals), plural rules, localized dates, and
 * {{@key}} messages compiled into templates with their escaping, placeholders and plural forms. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/catalog.h"
#include "render/tmpl.h"
#include "unit.h"

static h2o_mem_pool_t pool;
static char err[512];

static const char *const EN =
    "{\"site\": {\"read_more\": \"Read more\", \"by\": \"By {author}, {when}\"},"
    " \"found\": {\"one\": \"{n} article\", \"other\": \"{n} articles\"},"
    " \"quote\": \"Tom & Jerry's <b>\\\"best\\\"</b>\","
    " \"only_en\": \"English only\","
    " \"date\": {\"long\": \"{day} {month} {year}\", \"month\": {\"1\": \"January\","
    " \"12\": \"December\"}}}";
static const char *const FR =
    "{\"site\": {\"read_more\": \"Lire la suite ; vite\", \"by\": \"Par {author}, {when}\"},"
    " \"found\": {\"one\": \"{n} article\", \"other\": \"{n} articles\"},"
    " \"date\": {\"month\": {\"12\": \"décembre\"}}}";

static struct catalog *parse(const char *text, const char *lang)
{
	err[0] = '\0';
	struct catalog *c = catalog_parse(text, "t.json", lang, err, sizeof err);
	if (!c)
		fprintf(stderr, "  refused: %s\n", err);
	return c;
}

/* The error a catalog gets ("" when it loads). */
static const char *refused(const char *text)
{
	err[0] = '\0';
	struct catalog *c = catalog_parse(text, "t.json", "fr", err, sizeof err);
	catalog_free(c);
	return c ? "" : err;
}

static void test_load_and_find(void)
{
	struct catalog *en = parse(EN, "en"), *fr = parse(FR, "fr");
	CHECK(en && fr);
	if (!en || !fr)
		return;
	CHECK(strcmp(catalog_lang(fr), "fr") == 0);
	CHECK(strcmp(catalog_get(en, "site.read_more"), "Read more") == 0);
	CHECK(strcmp(catalog_get(fr, "site.read_more"), "Lire la suite ; vite") == 0); /* no INI comment */
	CHECK(catalog_get(fr, "only_en") == NULL && catalog_get(en, "site") == NULL);
	CHECK(strcmp(catalog_getn(en, "found.onex", 9), "{n} article") == 0);
	CHECK(catalog_count(en) == 9 && strcmp(catalog_key(en, 0), "date.long") == 0);
	const struct catalog *chain[] = {fr, en};
	CHECK(strcmp(catalog_find(chain, 2, "only_en", 7), "English only") == 0);
	CHECK(strcmp(catalog_find(chain, 2, "site.by", 7), "Par {author}, {when}") == 0);
	CHECK(catalog_find(chain, 2, "nothing", 7) == NULL);
	catalog_free(en);
	catalog_free(fr);
}

static void test_refusals(void)
{
	CHECK(strstr(refused("{\"a\": \"x\", \"a\": \"y\"}"), "duplicate") != NULL);
	CHECK(strstr(refused("{\"a\": \"x\",\n \"b\": }"), "t.json:2:") != NULL);
	CHECK(strstr(refused("{\"a\": 3}"), "a: a value is neither text nor an object") != NULL);
	CHECK(strstr(refused("{\"a\": {\"b c\": \"x\"}}"), "not letters") != NULL);
	CHECK(strstr(refused("{\"a\": \"open { brace\"}"), "a: a '{' opens no placeholder") != NULL);
	CHECK(strstr(refused("{\"a\": \"{x.}\"}"), "placeholder") != NULL);
	CHECK(strstr(refused("{\"a\": \"{}\"}"), "placeholder") != NULL);
	CHECK(strstr(refused("[\"a\"]"), "not a JSON object") != NULL);
	CHECK(*refused("{\"a\": \"{x.y} and {z}\"}") == '\0');
	char *big = malloc(CATALOG_MAX_MESSAGE + 32);
	strcpy(big, "{\"a\": \"");
	memset(big + 7, 'x', CATALOG_MAX_MESSAGE + 1);
	strcpy(big + 8 + CATALOG_MAX_MESSAGE, "\"}");
	CHECK(strstr(refused(big), "too long") != NULL);
	free(big);
	err[0] = '\0';
	CHECK(catalog_parse("{}", "t.json", "FR", err, sizeof err) == NULL && strstr(err, "language"));
	CHECK(catalog_load("/nonexistent/fr.json", "fr", err, sizeof err) == NULL &&
	      strstr(err, "/nonexistent/fr.json") != NULL);
}

static void test_plurals_and_dates(void)
{
	CHECK(catalog_plural("fr", 0) == PLURAL_ONE && catalog_plural("fr", 1) == PLURAL_ONE &&
	      catalog_plural("fr", 2) == PLURAL_OTHER);
	CHECK(catalog_plural("en", 0) == PLURAL_OTHER && catalog_plural("en", 1) == PLURAL_ONE &&
	      catalog_plural("nl", 1) == PLURAL_ONE && catalog_plural("nl", 3) == PLURAL_OTHER);
	struct catalog *en = parse(EN, "en"), *fr = parse(FR, "fr");
	if (!en || !fr)
		return;
	setenv("TZ", "UTC", 1);
	tzset();
	const struct catalog *chain[] = {fr, en};
	char out[64];
	catalog_date(chain, 2, 1701907200, out, sizeof out); /* 2023-12-07 */
	CHECK(strcmp(out, "7 décembre 2023") == 0);
	catalog_date(chain + 1, 1, 1701907200, out, sizeof out);
	CHECK(strcmp(out, "7 December 2023") == 0);
	catalog_date(chain + 1, 1, 1707000000, out, sizeof out); /* February: no name, its number */
	CHECK(strcmp(out, "3 2 2024") == 0);
	char small[5]; /* "7 dé" does not fit: cut before the "é", not inside it */
	catalog_date(chain, 2, 1701907200, small, sizeof small);
	CHECK(strcmp(small, "7 d") == 0);
	catalog_free(en);
	catalog_free(fr);
}

/* Renders template text with messages from chain and links under prefix (NULL: none), or "LOAD ERROR: ...".
 */
static const char *render_in(const char *text, const struct catalog *const *chain, size_t n,
			     const char *prefix, const view *v)
{
	const char *names[] = {"t"};
	struct tmpl_messages m = {chain, n, prefix};
	tmpl_set *set = tmpl_load_strings_messages(names, &text, 1, n || prefix ? &m : NULL, err, sizeof err);
	buf out;
	buf_init(&out, &pool);
	if (!set) {
		buf_printf(&out, "LOAD ERROR: %s", err);
		return buf_cstr(&out);
	}
	tmpl_render(set, "t", v, &out);
	tmpl_free(set);
	return buf_cstr(&out);
}

static const char *render(const char *text, const struct catalog *const *chain, size_t n, const view *v)
{
	return render_in(text, chain, n, NULL, v);
}

static void test_messages_in_templates(void)
{
	struct catalog *en = parse(EN, "en"), *fr = parse(FR, "fr");
	if (!en || !fr)
		return;
	const struct catalog *fr_chain[] = {fr, en}, *en_chain[] = {en};
	view *v = view_new(&pool);
	view_str(v, "author", "Dr <Ann>");
	view_str(v, "when", "today");
	view_int(v, "count", 1);
	CHECK(strcmp(render("<p>{{@site.read_more}}</p>", fr_chain, 2, v), "<p>Lire la suite ; vite</p>") ==
	      0);
	CHECK(strcmp(render("<p>{{@only_en}}</p>", fr_chain, 2, v), "<p>English only</p>") == 0);
	/* the message is text: escaped in text and in an attribute, verbatim in a .txt */
	CHECK(strcmp(render("<p>{{@quote}}</p>", en_chain, 1, v),
		     "<p>Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;</p>") == 0);
	CHECK(strcmp(render("<a title=\"{{@quote}}\">x</a>", en_chain, 1, v),
		     "<a title=\"Tom &amp; Jerry&#39;s &lt;b&gt;&quot;best&quot;&lt;/b&gt;\">x</a>") == 0);
	const char *names[] = {"t.txt"}, *txt = "{{@quote}} {{@site.by}}";
	struct tmpl_messages m = {en_chain, 1, NULL};
	tmpl_set *set = tmpl_load_strings_messages(names, &txt, 1, &m, err, sizeof err);
	CHECK(set != NULL);
	if (set) {
		buf out;
		buf_init(&out, &pool);
		tmpl_render(set, "t.txt", v, &out);
		CHECK(strcmp(buf_cstr(&out), "Tom & Jerry's <b>\"best\"</b> By Dr <Ann>, today") == 0);
		tmpl_free(set);
	}
	/* placeholders are variables, escaped as variables are */
	CHECK(strcmp(render("<p>{{@site.by}}</p>", fr_chain, 2, v), "<p>Par Dr &lt;Ann&gt;, today</p>") == 0);
	/* plural forms by the language's rule */
	const char *plural = "<p>{{@found count}}</p>";
	CHECK(strcmp(render(plural, en_chain, 1, v), "<p>1 article</p>") == 0);
	view_int(v, "count", 0);
	CHECK(strcmp(render(plural, en_chain, 1, v), "<p>0 articles</p>") == 0);
	CHECK(strcmp(render(plural, fr_chain, 2, v), "<p>0 article</p>") == 0);
	view_int(v, "count", 12);
	CHECK(strcmp(render(plural, fr_chain, 2, v), "<p>12 articles</p>") == 0);
	CHECK(strcmp(render("{{#items}}{{@found n}} {{/items}}", en_chain, 1, v), "") == 0);
	/* load errors: an unknown key, no catalog, a message where it cannot be text, a bad tag */
	CHECK(strstr(render("<p>{{@nope}}</p>", fr_chain, 2, v), "t.html:1: no message \"nope\"") != NULL);
	CHECK(strstr(render("<p>{{@site.read_more}}</p>", NULL, 0, v), "no catalog") != NULL);
	CHECK(strstr(render("<a href=\"{{@site.read_more}}\">x</a>", en_chain, 1, v), "inside") != NULL);
	CHECK(strstr(render("<script type=\"application/ld+json\">{\"a\": \"{{@quote}}\"}</script>", en_chain,
			    1, v),
		     "inside") != NULL);
	CHECK(strstr(render("<p>{{@site..x}}</p>", en_chain, 1, v), "a message is") != NULL);
	CHECK(strstr(render("<p>{{@site.read_more}}</p>", fr_chain, 2, v), "Lire") != NULL);
	CHECK(strstr(render("<p>{{@only_en count}}</p>", fr_chain, 2, v), "only_en.other") != NULL);
	catalog_free(en);
	catalog_free(fr);
}

/* Renders text in a set whose pages sit under /fr/. */
static const char *render_fr(const char *text, const view *v)
{
	return render_in(text, NULL, 0, "/fr", v);
}

static void test_links_keep_the_language(void)
{
	view *v = view_new(&pool);
	view_str(v, "url", "/section/lung");
	view_str(v, "file", "/media/a.jpg");
	view_str(v, "abs", "https://example.org/x");
	view_str(v, "slug", "x-y");
	CHECK(strcmp(render_fr("<a href=\"/about\">/about</a>", v), "<a href=\"/fr/about\">/about</a>") == 0);
	CHECK(strcmp(render_fr("<form action=\"/search\"><button formaction='/go'>x</button></form>", v),
		     "<form action=\"/fr/search\"><button formaction='/fr/go'>x</button></form>") == 0);
	CHECK(strcmp(render_fr("<a href=\"/article/{{slug}}\">x</a>", v),
		     "<a href=\"/fr/article/x-y\">x</a>") == 0);
	CHECK(strcmp(render_fr("<a href=\"{{url}}\">x</a><a href=\"{{file}}\">y</a><a href=\"{{abs}}\">z</a>",
			       v),
		     "<a href=\"/fr/section/lung\">x</a><a href=\"/media/a.jpg\">y</a>"
		     "<a href=\"https://example.org/x\">z</a>") == 0);
	/* not links: files, other attributes, fragments, other hosts */
	const char *same =
	    "<link rel=\"stylesheet\" href=\"/static/site.css\"><img src=\"/about\" alt=\"/x\">"
	    "<a href=\"#main\">a</a><a href=\"//cdn.example/x\">b</a><a href=\"?page=2\">c</a>"
	    "<a href=\"/\">home</a>";
	CHECK(strncmp(render_fr(same, v), same, strlen(same) - 20) == 0);
	CHECK(strstr(render_fr(same, v), "<a href=\"/fr/\">home</a>") != NULL);
	CHECK(strcmp(render_fr("<img src=\"{{url}}\" alt=\"\">", v),
		     "<img src=\"/section/lung\" alt=\"\">") == 0);
}

static void test_fill(void)
{
	const char *names[] = {"name", "n"}, *values[] = {"Dr <Ann>", "3"};
	CHECK(strcmp(catalog_fill(&pool, "{n} by {name}, {other} {", names, values, 2),
		     "3 by Dr <Ann>, {other} {") == 0);
	CHECK(strcmp(catalog_fill(&pool, "", names, values, 2), "") == 0);
	CHECK(strcmp(catalog_fill(&pool, "{name}{name}", names, values, 1), "Dr <Ann>Dr <Ann>") == 0);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_load_and_find);
	RUN(test_refusals);
	RUN(test_plurals_and_dates);
	RUN(test_messages_in_templates);
	RUN(test_fill);
	RUN(test_links_keep_the_language);
	h2o_mem_clear_pool(&pool);
	return unit_done("catalog");
}
