/* theme: reads a theme's catalogs and compiles its templates for each language and site default. */
#include "render/theme.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The languages' files in dir/i18n, base first then by name: their count, or -1 with err set. */
static int find_langs(const char *dir, const char *base, char langs[THEME_MAX_LANGS][8], char *err,
		      size_t errlen)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/i18n", dir);
	DIR *d = opendir(path);
	if (!d)
		return 0;
	int n = 1, found_base = 0;
	snprintf(langs[0], 8, "%s", base);
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		size_t len = strlen(de->d_name);
		if (de->d_name[0] == '.' || len < 7 || len > 8 || strcmp(de->d_name + len - 5, ".json") != 0)
			continue;
		char lang[8];
		snprintf(lang, sizeof lang, "%.*s", (int)(len - 5), de->d_name);
		if (strcmp(lang, base) == 0) {
			found_base = 1;
			continue;
		}
		if (n == THEME_MAX_LANGS) {
			snprintf(err, errlen, "%s: more than %d languages", path, THEME_MAX_LANGS);
			closedir(d);
			return -1;
		}
		snprintf(langs[n++], 8, "%s", lang);
	}
	closedir(d);
	if (!found_base) {
		snprintf(err, errlen,
			 "%s/%s.json: missing: the base language (default_language) needs its catalog", path,
			 base);
		return -1;
	}
	for (int i = 1; i < n; i++) /* by name after the base: the order the switcher lists them */
		for (int k = i + 1; k < n; k++)
			if (strcmp(langs[k], langs[i]) < 0) {
				char tmp[8];
				memcpy(tmp, langs[i], 8);
				memcpy(langs[i], langs[k], 8);
				memcpy(langs[k], tmp, 8);
			}
	return n;
}

struct theme *theme_load(const char *dir, const char *base, char *err, size_t errlen)
{
	struct theme *t = calloc(1, sizeof *t);
	char langs[THEME_MAX_LANGS][8];
	int n = t ? find_langs(dir, base, langs, err, errlen) : -1;
	if (n < 0) {
		free(t);
		return NULL;
	}
	if (n == 0) { /* no catalogs: one set, without messages */
		t->set[0][0] = tmpl_load_dir(dir, err, errlen);
		if (!t->set[0][0]) {
			free(t);
			return NULL;
		}
		t->n = 0;
		return t;
	}
	t->n = (size_t)n;
	for (size_t i = 0; i < t->n; i++) {
		char path[4200];
		snprintf(path, sizeof path, "%s/i18n/%s.json", dir, langs[i]);
		if (!(t->cat[i] = catalog_load(path, langs[i], err, errlen))) {
			theme_free(t);
			return NULL;
		}
	}
	for (size_t i = 0; i < t->n; i++)
		for (size_t k = 0; k < t->n; k++) {
			const struct catalog *chain[3];
			size_t nc = theme_chain(t, langs[i], langs[k], chain);
			char prefix[8] = "";
			if (i != k) /* a page in another language than the site's default: under /LANG/ */
				snprintf(prefix, sizeof prefix, "/%s", langs[i]);
			struct tmpl_messages m = {chain, nc, prefix};
			if (!(t->set[i][k] = tmpl_load_dir_messages(dir, &m, err, errlen))) {
				theme_free(t);
				return NULL;
			}
		}
	return t;
}

void theme_free(struct theme *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < THEME_MAX_LANGS; i++) {
		catalog_free(t->cat[i]);
		for (size_t k = 0; k < THEME_MAX_LANGS; k++)
			tmpl_free(t->set[i][k]);
	}
	free(t);
}

int theme_lang_index(const struct theme *t, const char *lang, size_t len)
{
	for (size_t i = 0; i < t->n; i++) {
		const char *l = catalog_lang(t->cat[i]);
		if (strlen(l) == len && memcmp(l, lang, len) == 0)
			return (int)i;
	}
	return -1;
}

static size_t index_of(const struct theme *t, const char *lang)
{
	int i = lang ? theme_lang_index(t, lang, strlen(lang)) : -1;
	return i < 0 ? 0 : (size_t)i;
}

const tmpl_set *theme_set(const struct theme *t, const char *lang, const char *site_lang)
{
	if (!t->n)
		return t->set[0][0];
	return t->set[index_of(t, lang)][index_of(t, site_lang)];
}

size_t theme_chain(const struct theme *t, const char *lang, const char *site_lang,
		   const struct catalog *chain[3])
{
	if (!t->n)
		return 0;
	size_t i = index_of(t, lang), k = index_of(t, site_lang), n = 0;
	chain[n++] = t->cat[i];
	if (k != i)
		chain[n++] = t->cat[k];
	if (i != 0 && k != 0)
		chain[n++] = t->cat[0];
	return n;
}
