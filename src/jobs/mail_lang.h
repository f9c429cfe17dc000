/* mail_lang: the language a mail is written in (its recipient's), its templates and its messages. */
#ifndef PLENARY_MAIL_LANG_H
#define PLENARY_MAIL_LANG_H

#include <h2o/memory.h>
#include <stddef.h>
#include <stdint.h>

#include "core/catalog.h"
#include "render/theme.h"
#include "render/tmpl.h"
#include "store/store.h"

/** One mail's language: the template set it renders with and the catalogs C code looks its words up in
 * (the language, the site's default, the base: theme_chain). */
struct mail_lang {
	const char *lang; /* "fr" */
	const tmpl_set *tmpl;
	const struct catalog *chain[3];
	size_t n;
};

/** The language of a mail: the recipient's account's (account), else the email-only subscriber's
 * (subscriber), else the site's default (site), each only when the theme offers it; else the base
 * language. Any of them may be NULL or "". */
const char *mail_lang_pick(const struct theme *t, const char *account, const char *subscriber,
			   const char *site);
/** Sets out for mails in lang on a site whose default is site_lang (NULL: the base). Without a theme (no
 * i18n folder) the set is base and there are no catalogs. */
void mail_lang_set(struct mail_lang *out, const struct theme *t, const tmpl_set *base, const char *lang,
		   const char *site_lang);
/** Sets out for the mail to account user_id and/or subscriber subscriber_id (0: none) of site site_id, their
 * languages read with store_mail_languages. 0, or -1 on a database error (out is then the base's). */
int mail_lang_of(struct mail_lang *out, const struct theme *t, const tmpl_set *base, store *s,
		 h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id, int64_t subscriber_id);

/** The message key in the mail's language, or the key itself when no catalog has it (text, not HTML). */
const char *mail_text(const struct mail_lang *l, const char *key);
/** The plural form of key (key.one, key.other) for count, "{n}" filled with it and each "{name}" with the
 * value after it in the name, value, ..., NULL list. In pool. */
const char *mail_plural(const struct mail_lang *l, h2o_mem_pool_t *pool, const char *key, long long count,
			...) __attribute__((sentinel));
/** mail_text with "{name}" placeholders filled: name, value, ..., NULL. In pool. */
const char *mail_textf(const struct mail_lang *l, h2o_mem_pool_t *pool, const char *key, ...)
    __attribute__((sentinel));
/** Date t in the mail's language ("7 décembre 2023"), in pool. */
const char *mail_date(const struct mail_lang *l, h2o_mem_pool_t *pool, int64_t t);

#endif
