/* theme_check: lists missing and unused messages of a theme's catalogs against its templates and the code. */
#include "render/theme_check.h"

#include <stdlib.h>
#include <string.h>

#include "render/theme.h"

struct use {
	char key[256];
	int plural;
	char where[600]; /* "file:line", or "the code" */
};

struct uses {
	struct use *u;
	size_t n, cap;
};

static int add_use(struct uses *x, const char *key, size_t len, int plural, const char *where)
{
	if (len >= sizeof x->u[0].key)
		return 0;
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 256;
		struct use *u = realloc(x->u, cap * sizeof *u);
		if (!u)
			return -1;
		x->u = u;
		x->cap = cap;
	}
	struct use *u = &x->u[x->n++];
	memcpy(u->key, key, len);
	u->key[len] = '\0';
	u->plural = plural;
	snprintf(u->where, sizeof u->where, "%s", where);
	return 0;
}

static int on_use(const struct tmpl_message_use *m, void *arg)
{
	char where[600];
	snprintf(where, sizeof where, "%s:%u", m->file, m->line);
	return add_use(arg, m->key, m->len, m->plural, where);
}

/* 1 when the catalog key k belongs to a use: the key itself, or a plural form of a plural one. */
static int used(const struct uses *x, const char *k)
{
	for (size_t i = 0; i < x->n; i++) {
		size_t n = strlen(x->u[i].key);
		if (!x->u[i].plural && strcmp(k, x->u[i].key) == 0)
			return 1;
		if (x->u[i].plural && strncmp(k, x->u[i].key, n) == 0 &&
		    (strcmp(k + n, ".one") == 0 || strcmp(k + n, ".other") == 0))
			return 1;
	}
	return 0;
}

/* The first earlier use of the same key and kind: reported once. */
static int seen_before(const struct uses *x, size_t i)
{
	for (size_t k = 0; k < i; k++)
		if (x->u[k].plural == x->u[i].plural && strcmp(x->u[k].key, x->u[i].key) == 0)
			return 1;
	return 0;
}

int theme_check(const char *dir, const char *base, FILE *out)
{
	char err[1024];
	struct theme *t = theme_load(dir, base, err, sizeof err);
	if (!t) {
		fprintf(out, "the theme does not load: %s\n", err);
		return 2;
	}
	if (!t->n) {
		fprintf(out, "%s has no i18n folder: its templates use no messages\n", dir);
		theme_free(t);
		return 0;
	}
	struct uses x = {NULL, 0, 0};
	int bad = tmpl_each_message(theme_set(t, NULL, NULL), on_use, &x);
	const char *const *code[] = {catalog_code_keys, catalog_site_keys, catalog_admin_keys};
	for (size_t l = 0; l < sizeof code / sizeof code[0]; l++)
		for (size_t i = 0; !bad && code[l][i]; i++)
			bad = add_use(&x, code[l][i], strlen(code[l][i]), 0, "the code");
	int missing_any = 0;
	for (size_t l = 0; l < t->n && !bad; l++) {
		const struct catalog *c = t->cat[l];
		const char *lang = catalog_lang(c);
		size_t missing = 0, unused = 0;
		for (size_t i = 0; i < x.n; i++) {
			if (seen_before(&x, i))
				continue;
			char key[300];
			snprintf(key, sizeof key, "%s%s", x.u[i].key, x.u[i].plural ? ".other" : "");
			if (!catalog_get(c, key)) {
				fprintf(out, "%s: missing %s (%s)\n", lang, key, x.u[i].where);
				missing++;
			}
			snprintf(key, sizeof key, "%s.one", x.u[i].key);
			if (x.u[i].plural && !catalog_get(c, key)) {
				fprintf(out, "%s: missing %s (%s)\n", lang, key, x.u[i].where);
				missing++;
			}
		}
		for (size_t i = 0; i < catalog_count(c); i++)
			if (!used(&x, catalog_key(c, i))) {
				fprintf(out, "%s: unused %s\n", lang, catalog_key(c, i));
				unused++;
			}
		fprintf(out, "%s: %zu messages, %zu missing, %zu unused\n", lang, catalog_count(c), missing,
			unused);
		missing_any |= missing > 0;
	}
	free(x.u);
	theme_free(t);
	if (bad) {
		fprintf(out, "out of memory\n");
		return 2;
	}
	return missing_any;
}
