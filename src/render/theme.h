/* theme: a theme's templates compiled once per language its catalogs (i18n/LANG.json) offer. */
#ifndef PLENARY_THEME_H
#define PLENARY_THEME_H

#include <stddef.h>

#include "core/catalog.h"
#include "render/tmpl.h"

#define THEME_MAX_LANGS 6

/** A theme folder's languages and their template sets, built at start and then shared read-only.
 *
 * Every file i18n/LANG.json is a language's catalog. The base language's catalog (the configuration's
 * default_language, "en") must be there and hold every message the templates use; a message missing from
 * another language falls back to the site's default language, then to the base. So the templates are
 * compiled once per pair (language, site's default): a message's text is compiled in, and rendering picks a
 * set. A theme without an i18n folder has one set and no messages. */
struct theme {
	size_t n; /* languages, the base first */
	struct catalog *cat[THEME_MAX_LANGS];
	tmpl_set *set[THEME_MAX_LANGS][THEME_MAX_LANGS]; /* [language][site default] */
};

/** Loads dir with base as its base language. NULL on error with "file:line: message" (or "file: message")
 * in err. */
struct theme *theme_load(const char *dir, const char *base, char *err, size_t errlen);
void theme_free(struct theme *t);
/** The index of language lang among the theme's, or -1. */
int theme_lang_index(const struct theme *t, const char *lang, size_t len);
/** The set for pages in lang on a site whose default is site_lang; an unknown language is the base. */
const tmpl_set *theme_set(const struct theme *t, const char *lang, const char *site_lang);
/** The catalogs to look a message up in for lang on a site whose default is site_lang (first to last), and
 * how many (at most 3). */
size_t theme_chain(const struct theme *t, const char *lang, const char *site_lang,
		   const struct catalog *chain[3]);

#endif
