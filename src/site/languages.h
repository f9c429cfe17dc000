/* languages: a page's language in its view: lang, the switcher, hreflang alternates and its canonical URL. */
#ifndef PLENARY_LANGUAGES_H
#define PLENARY_LANGUAGES_H

#include "http/request.h"
#include "render/view.h"

/** The address of the current page (path and ?page=) in language lang, absolute: the site's URL, then /LANG/
 * unless lang is the site's default. In r's pool. */
const char *languages_url(struct request *r, const char *lang);
/** Adds "lang", "canonical" (this page in its language), and, when the site offers more than one language,
 * "languages" (each: code, name in its own language (layout.language_name), url, current) and
 * "has_languages" for the switcher and "alternates" (the
 * same with "x-default", for <link rel="alternate" hreflang>). only (space-separated codes, or NULL for all
 * the site's languages) limits both to the languages the page exists in (an article's translations). */
void languages_view(view *v, struct request *r, const char *only);

#endif
