/* test_i18n_public: the public site's messages: the real catalogs compiled into French, Dutch and English
 * sets. */
#include <string.h>

#include "core/catalog.h"
#include "render/tmpl.h"
#include "unit.h"

static h2o_mem_pool_t pool;
static char err[512];
static struct catalog *en, *fr, *nl;

static struct catalog *load(const char *lang)
{
	char path[64];
	snprintf(path, sizeof path, "themes/default/i18n/%s.json", lang);
	struct catalog *c = catalog_load(path, lang, err, sizeof err);
	if (!c)
		fprintf(stderr, "  %s: %s\n", path, err);
	return c;
}

/* The theme's templates compiled with chain (the page's language first), template name rendered with v. */
static const char *render(const struct catalog *const *chain, size_t n, const char *name, const view *v)
{
	struct tmpl_messages m = {chain, n, NULL};
	tmpl_set *set = tmpl_load_dir_messages("themes/default", &m, err, sizeof err);
	if (!set)
		return err;
	buf out;
	buf_init(&out, &pool);
	if (tmpl_render(set, name, v, &out) != 0)
		buf_adds(&out, "(render failed)");
	tmpl_free(set);
	return buf_cstr(&out);
}

static void test_error_summary_in_three_languages(void)
{
	const struct catalog *fr_chain[] = {fr, en}, *nl_chain[] = {nl, en}, *en_chain[] = {en};
	view *v = view_new(&pool);
	view_bool(v, "has_errors", 1);
	view_int(v, "error_count", 1);
	CHECK_CONTAINS(render(en_chain, 1, "parts/errors", v), ">Please correct 1 problem</h2>");
	CHECK_CONTAINS(render(fr_chain, 2, "parts/errors", v), ">Veuillez corriger 1 problème</h2>");
	view_int(v, "error_count", 3);
	CHECK_CONTAINS(render(en_chain, 1, "parts/errors", v), ">Please correct 3 problems</h2>");
	CHECK_CONTAINS(render(fr_chain, 2, "parts/errors", v), ">Veuillez corriger 3 problèmes</h2>");
	CHECK_CONTAINS(render(nl_chain, 2, "parts/errors", v), ">Verbeter 3 problemen</h2>");
}

static void test_pagination_and_placeholders(void)
{
	const struct catalog *fr_chain[] = {fr, en}, *en_chain[] = {en};
	view *v = view_new(&pool);
	view_bool(v, "has_pagination", 1);
	view *p = view_obj(v, "pagination");
	view_int(p, "page", 2);
	view_int(p, "pages", 5);
	view_int(p, "total", 48);
	view_str(p, "prev_url", "/?page=1");
	CHECK_CONTAINS(render(en_chain, 1, "parts/pagination", v), ">Page 2 of 5 (48 articles)</p>");
	CHECK_CONTAINS(render(fr_chain, 2, "parts/pagination", v), ">Page 2 sur 5 (48 articles)</p>");
	CHECK_CONTAINS(render(fr_chain, 2, "parts/pagination", v), "rel=\"prev\">Précédente<");
	/* a noun the handler chose (search's "results") keeps its place after the count */
	view_str(v, "pagination_noun", "résultats");
	CHECK_CONTAINS(render(fr_chain, 2, "parts/pagination", v), "(48 résultats)");
}

static void test_french_typography_and_escaping(void)
{
	const struct catalog *fr_chain[] = {fr, en};
	view *v = view_new(&pool);
	view_str(v, "form_token", "t");
	view_str(v, "return_to", "/");
	const char *consent = render(fr_chain, 2, "layout/consent", v);
	CHECK_CONTAINS(consent, ">Accepter</button>");
	CHECK_CONTAINS(consent, ">Paramètres des cookies</a>"); /* layout.cookies, shared with the footer */
	/* the no-break space before a French colon, and the apostrophe escaped in an attribute */
	const char *colon = catalog_get(fr, "cookies.current");
	CHECK(colon && strstr(colon, "\xc2\xa0:") != NULL);
	view_str(v, "label", "Poumon");
	view_bool(v, "has_children", 1);
	view_bool(v, "has_url", 1);
	view_str(v, "url", "/section/poumon");
	CHECK_CONTAINS(render(fr_chain, 2, "layout/menu_item", v), ">Poumon\xc2\xa0: vue d&#39;ensemble</a>");
}

/* Every key the site's code looks up is in each catalog, so req_text never shows a key to a reader. */
static void test_code_keys_in_every_catalog(void)
{
	struct catalog *all[] = {en, fr, nl};
	size_t n = 0;
	for (size_t i = 0; catalog_site_keys[i]; i++, n++)
		for (size_t l = 0; l < 3; l++)
			if (!catalog_get(all[l], catalog_site_keys[i])) {
				fprintf(stderr, "  %s lacks %s\n", catalog_lang(all[l]),
					catalog_site_keys[i]);
				CHECK(0);
			}
	CHECK(n > 100);
	CHECK_STR(catalog_get(en, "errors.status.404.title"), "Page not found");
	CHECK_STR(catalog_get(fr, "errors.status.404.title"), "Page introuvable");
	CHECK_STR(catalog_get(nl, "breadcrumbs.home"), "Home");
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	en = load("en");
	fr = load("fr");
	nl = load("nl");
	if (en && fr && nl) {
		RUN(test_error_summary_in_three_languages);
		RUN(test_pagination_and_placeholders);
		RUN(test_french_typography_and_escaping);
		RUN(test_code_keys_in_every_catalog);
	} else {
		CHECK(0);
	}
	catalog_free(en);
	catalog_free(fr);
	catalog_free(nl);
	h2o_mem_clear_pool(&pool);
	return unit_done("i18n_public");
}
