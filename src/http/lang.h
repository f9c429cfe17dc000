/* lang: the language a request is answered in, and the messages handlers show in it. */
#ifndef PLENARY_LANG_H
#define PLENARY_LANG_H

#include "http/request.h"

/** The request's language ("fr"): the page's, else the site's default, else the theme's base. */
const char *req_lang(const struct request *r);
/** The template set pages of this request render with. */
const tmpl_set *req_templates(const struct request *r);
/** The message key in the request's language (falling back as templates do), or the key itself when no
 * catalog has it: text, never HTML (a view escapes it). */
const char *req_text(struct request *r, const char *key);
/** The same with "{name}" placeholders filled: name, value, name, value, ..., then NULL. In r's pool. */
const char *req_textf(struct request *r, const char *key, ...) __attribute__((sentinel));
/** The plural form of key (key.one, key.other) for count by the language's rule, "{n}" filled with count
 * and the other placeholders as for req_textf. */
const char *req_plural(struct request *r, const char *key, long long count, ...) __attribute__((sentinel));
/** Date t in the request's language: "7 décembre 2023". In r's pool. */
const char *req_date(struct request *r, int64_t t);

#endif
