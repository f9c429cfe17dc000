/* test_i18n_admin: the back office's templates compile with the theme's French and Dutch catalogs first. */
#include <string.h>

#include "core/catalog.h"
#include "render/tmpl.h"
#include "unit.h"

static h2o_mem_pool_t pool;
static char err[1024];

static struct catalog *load(const char *lang)
{
	char path[200];
	snprintf(path, sizeof path, "themes/default/i18n/%s.json", lang);
	struct catalog *c = catalog_load(path, lang, err, sizeof err);
	if (!c)
		fprintf(stderr, "%s\n", err);
	CHECK(c != NULL);
	return c;
}

/* The page name renders with view v in the set, as a string in pool. */
static const char *page(const tmpl_set *set, const char *name, const view *v)
{
	buf out;
	buf_init(&out, &pool);
	tmpl_render(set, name, v, &out);
	return buf_cstr(&out);
}

static void test_admin_pages_in_french_and_dutch(void)
{
	struct catalog *en = load("en"), *fr = load("fr"), *nl = load("nl");
	if (!en || !fr || !nl)
		return;
	const struct catalog *fr_chain[] = {fr, en}, *nl_chain[] = {nl, en}, *en_chain[] = {en};
	struct tmpl_messages mfr = {fr_chain, 2, NULL}, mnl = {nl_chain, 2, NULL}, men = {en_chain, 1, NULL};
	tmpl_set *sfr = tmpl_load_dir_messages("themes/default", &mfr, err, sizeof err);
	if (!sfr)
		fprintf(stderr, "%s\n", err);
	tmpl_set *snl = tmpl_load_dir_messages("themes/default", &mnl, err, sizeof err);
	tmpl_set *sen = tmpl_load_dir_messages("themes/default", &men, err, sizeof err);
	CHECK(sfr && snl && sen);
	if (sfr && snl && sen) {
		view *v = view_new(&pool);
		view_int(v, "total", 0);
		CHECK(strstr(page(sfr, "admin/nav", v), "aria-label=\"Administration\"") != NULL);
		CHECK(strstr(page(sfr, "admin/nav", v), ">Rubriques</a>") != NULL);
		CHECK(strstr(page(snl, "admin/nav", v), ">Rubrieken</a>") != NULL);
		CHECK(strstr(page(sen, "admin/nav", v), ">Sections</a>") != NULL);
		/* plural forms: French puts 0 in "one", English and Dutch do not */
		CHECK(strstr(page(sfr, "admin/media", v), "0 image dans la bibliothèque") != NULL);
		CHECK(strstr(page(snl, "admin/media", v), "0 afbeeldingen in de bibliotheek") != NULL);
		CHECK(strstr(page(sen, "admin/media", v), "0 images in the library") != NULL);
		view_int(v, "total", 1);
		CHECK(strstr(page(sen, "admin/media", v), "1 image in the library") != NULL);
		/* French typography: a no-break space before the colon */
		view_bool(v, "suppressed", 1);
		CHECK(strstr(page(sfr, "admin/mail", v), "L’adresse est bloquée\u00a0: ") != NULL);
	}
	tmpl_free(sfr);
	tmpl_free(snl);
	tmpl_free(sen);
	catalog_free(en);
	catalog_free(fr);
	catalog_free(nl);
}

/* The inputs of names in the site's other languages (admin/translations) in each catalog's words. */
static void test_name_inputs_in_french_dutch_and_english(void)
{
	struct catalog *c[3] = {load("en"), load("fr"), load("nl")};
	const char *want[3] = {"<legend>In the site&#39;s other languages</legend>",
			       "<legend>Dans les autres langues du site</legend>",
			       "<legend>In de andere talen van de site</legend>"};
	view *v = view_new(&pool);
	view_bool(v, "has_translations", 1);
	view *x = view_push(view_list(v, "translations"));
	view_str(x, "name", "name_fr");
	view_str(x, "label", "Nom (Français)");
	view_str(x, "lang", "fr");
	view_int(x, "max", 100);
	view_str(x, "value", "Cancer du sein");
	for (size_t i = 0; i < 3 && c[0] && c[1] && c[2]; i++) {
		const struct catalog *chain[] = {c[i], c[0]};
		struct tmpl_messages m = {chain, i ? 2 : 1, NULL};
		tmpl_set *set = tmpl_load_dir_messages("themes/default", &m, err, sizeof err);
		CHECK(set != NULL);
		if (!set)
			continue;
		const char *html = page(set, "admin/translations", v);
		CHECK(strstr(html, want[i]) != NULL);
		CHECK(strstr(html, "lang=\"fr\"") != NULL);
		CHECK(strstr(html,
			     "name=\"name_fr\" type=\"text\" maxlength=\"100\" value=\"Cancer du sein\"") !=
		      NULL);
		tmpl_free(set);
	}
	if (c[1] && c[2]) { /* the messages the code fills in, with their placeholders */
		CHECK_STR(catalog_get(c[1], "admin.names.too_long"),
			  "{field}\u00a0: {max} caractères au maximum.");
		CHECK_STR(catalog_get(c[2], "admin.names.label"), "{field} ({language})");
		CHECK_STR(catalog_get(c[2], "admin.names.field.description"), "Beschrijving");
	}
	for (size_t i = 0; i < 3; i++)
		catalog_free(c[i]);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_admin_pages_in_french_and_dutch);
	RUN(test_name_inputs_in_french_dutch_and_english);
	h2o_mem_clear_pool(&pool);
	return unit_done("i18n_admin");
}
