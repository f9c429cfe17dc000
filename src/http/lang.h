/* lang: the language a request is answered in, and the messages handlers show in it. */
#ifndef PLENARY_LANG_H
#define PLENARY_LANG_H

#include "core/msg.h"
#include "http/request.h"

/** The request's language ("fr"): the page's, else the site's default, else the theme's base. */
const char *req_lang(const struct request *r);
/** The site's default language (the theme's base when it has none). */
const char *req_site_lang(const struct request *r);
/** Reads a leading /LANG/ of r->path: when LANG is one the site offers besides its default (and the theme
 * has), r->lang becomes it and r->path loses it ("/fr" and "/fr/" are the home page). */
void lang_from_path(struct request *r);
/** In the back office, a page whose address has no /LANG/ speaks the signed-in editor's own language (lang,
 * their account's; "" for the site's default) when the theme has it: words only, links keep no prefix. */
void lang_for_editor(struct request *r, const char *lang);
/** "/fr" on a page under /fr/, "" on one in the site's default language: what links in the page start with.
 */
const char *req_link_prefix(const struct request *r);
/** 1 when the site offers lang (its default or another of its languages) and the theme has it. */
int lang_offered(const struct request *r, const char *lang, size_t len);
/** 1 when a root-relative path of a page in another language keeps no prefix: /static/ and /media/ files
 * are the same in every language. */
int lang_shared_path(const char *path);
/** The template set pages of this request render with. */
const tmpl_set *req_templates(const struct request *r);
/** The message key in the request's language (falling back as templates do), or the key itself when no
 * catalog has it: text, never HTML (a view escapes it). */
const char *req_text(struct request *r, const char *key);
/** The same with "{name}" placeholders filled: name, value, name, value, ..., then NULL. In r's pool. */
const char *req_textf(struct request *r, const char *key, ...) __attribute__((sentinel));
/** A message made where no request was at hand (core/msg.h) in the request's language. In r's pool. */
const char *req_msg(struct request *r, const struct msg *m);
/** The plural form of key (key.one, key.other) for count by the language's rule, "{n}" filled with count
 * and the other placeholders as for req_textf. */
const char *req_plural(struct request *r, const char *key, long long count, ...) __attribute__((sentinel));
/** Date t in the request's language: "7 décembre 2023". In r's pool. */
const char *req_date(struct request *r, int64_t t);
/** A month (1-12) of a year in the request's language: "décembre 2023". In r's pool. */
const char *req_month(struct request *r, int year, int month);

#endif
