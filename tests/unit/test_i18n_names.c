/* test_i18n_names: the inputs of names in other languages (admin/translations) in each catalog's words. */
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

/* admin/translations rendered in the set of chain with one input, as a pool string ("" when it fails) */
static const char *inputs(const struct catalog *const *chain, size_t n)
{
	struct tmpl_messages m = {chain, n, NULL};
	tmpl_set *set = tmpl_load_dir_messages("themes/default", &m, err, sizeof err);
	if (!set) {
		fprintf(stderr, "%s\n", err);
		return "";
	}
	view *v = view_new(&pool);
	view_bool(v, "has_translations", 1);
	view *x = view_push(view_list(v, "translations"));
	view_str(x, "name", "name_fr");
	view_str(x, "label", "Nom (Français)");
	view_str(x, "lang", "fr");
	view_int(x, "max", 100);
	view_str(x, "value", "Cancer du sein");
	view_bool(x, "area", 0);
	view_bool(x, "has_error", 0);
	buf out;
	buf_init(&out, &pool);
	tmpl_render(set, "admin/translations", v, &out);
	tmpl_free(set);
	return buf_cstr(&out);
}

static void test_the_inputs_in_french_dutch_and_english(void)
{
	struct catalog *en = load("en"), *fr = load("fr"), *nl = load("nl");
	if (!en || !fr || !nl) {
		catalog_free(en);
		catalog_free(fr);
		catalog_free(nl);
		return;
	}
	const struct catalog *fr_chain[] = {fr, en}, *nl_chain[] = {nl, en}, *en_chain[] = {en};
	const char *f = inputs(fr_chain, 2), *d = inputs(nl_chain, 2), *e = inputs(en_chain, 1);
	CHECK(strstr(f, "<legend>Dans les autres langues du site</legend>") != NULL);
	CHECK(strstr(f, "Si vous laissez un champ vide") != NULL);
	CHECK(strstr(d, "<legend>In de andere talen van de site</legend>") != NULL);
	CHECK(strstr(e, "<legend>In the site&#39;s other languages</legend>") != NULL);
	CHECK(strstr(e, "name=\"name_fr\" type=\"text\" maxlength=\"100\" value=\"Cancer du sein\"") != NULL);
	CHECK(strstr(e, "lang=\"fr\"") != NULL);
	/* the messages the code fills in, with their placeholders */
	CHECK_STR(catalog_get(fr, "admin.names.too_long"), "{field}\u00a0: {max} caractères au maximum.");
	CHECK_STR(catalog_get(nl, "admin.names.label"), "{field} ({language})");
	CHECK_STR(catalog_get(nl, "admin.names.field.description"), "Beschrijving");
	catalog_free(en);
	catalog_free(fr);
	catalog_free(nl);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_the_inputs_in_french_dutch_and_english);
	h2o_mem_clear_pool(&pool);
	return unit_done("test_i18n_names");
}
