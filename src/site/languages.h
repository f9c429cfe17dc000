/* languages: a page's language in its view: lang, the switcher, hreflang alternates and its canonical URL. */
#ifndef PLENARY_LANGUAGES_H
#define PLENARY_LANGUAGES_H

#include "http/request.h"
#include "render/view.h"
#include "store/store.h"

/** A page that exists in one language at its own path (an article's translation): lang "" is the site's
 * default, path root-relative ("/article/x"). */
struct lang_page {
	const char *lang, *path;
};

/** A language as it is written in URLs and hreflang: lang, or the site's default for "". */
const char *languages_code(struct request *r, const char *lang);
/** The absolute address of path in language lang: the site's URL, then LANG/ unless lang is "" or the site's
 * default, then path. In r's pool. */
const char *languages_url_of(struct request *r, const char *lang, const char *path);
/** The address of the current page (path and ?page=) in language lang, absolute. In r's pool. */
const char *languages_url(struct request *r, const char *lang);
#define LANGUAGES_MAX 8
/** The languages the site offers that the theme has, its default first: their codes in out (in r's pool),
 * their number. */
size_t languages_offered(struct request *r, const char *out[LANGUAGES_MAX]);
/** A language's name in its own words ("Français"), or its code when the theme has no catalog for it. */
const char *languages_name(struct request *r, const char *code);
/** The request's language as an article stores it: "" for the site's default. */
const char *languages_stored(struct request *r);
/** Makes f a list in the request's language: one member of each family of translations, the reader's. */
void languages_filter(struct request *r, struct article_filter *f);
/** Adds "lang", "canonical" (this page in its language), and, when the page exists in more than one
 * language, "languages" (each: code, name in its own language (layout.language_name), url, current) and
 * "has_languages" for the switcher and "alternates" (the same with "x-default", for <link rel="alternate"
 * hreflang>). pages NULL: the page is the same path in every language the site offers; else only the
 * languages of pages, each at its own path (an article's translations). */
void languages_view(view *v, struct request *r, const struct lang_page *pages, size_t n);

#endif
