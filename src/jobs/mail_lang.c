/* mail_lang: picks a recipient's language for a mail and looks its words up along the fallback chain. */
#include "jobs/mail_lang.h"
#include "store/subscriptions.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* lang when the theme offers it, else NULL */
static const char *offered(const struct theme *t, const char *lang)
{
	return t && lang && lang[0] && theme_lang_index(t, lang, strlen(lang)) >= 0 ? lang : NULL;
}

const char *mail_lang_pick(const struct theme *t, const char *account, const char *subscriber,
			   const char *site)
{
	const char *l = offered(t, account);
	if (!l)
		l = offered(t, subscriber);
	if (!l)
		l = offered(t, site);
	if (!l)
		l = t && t->n ? catalog_lang(t->cat[0]) : "";
	return l;
}

void mail_lang_set(struct mail_lang *out, const struct theme *t, const tmpl_set *base, const char *lang,
		   const char *site_lang)
{
	memset(out, 0, sizeof *out);
	if (!t || !t->n) {
		out->lang = "";
		out->tmpl = base;
		return;
	}
	out->lang = mail_lang_pick(t, lang, NULL, NULL);
	const char *site = offered(t, site_lang);
	out->tmpl = theme_set(t, out->lang, site);
	out->n = theme_chain(t, out->lang, site, out->chain);
}

int mail_lang_of(struct mail_lang *out, const struct theme *t, const tmpl_set *base, store *s,
		 h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id, int64_t subscriber_id)
{
	const char *langs[3] = {"", "", ""};
	int rc = store_mail_languages(s, pool, site_id, user_id, subscriber_id, langs);
	mail_lang_set(out, t, base, mail_lang_pick(t, langs[0], langs[1], langs[2]), langs[2]);
	return rc;
}

const char *mail_text(const struct mail_lang *l, const char *key)
{
	const char *m = catalog_find(l->chain, l->n, key, strlen(key));
	return m ? m : key;
}

const char *mail_textf(const struct mail_lang *l, h2o_mem_pool_t *pool, const char *key, ...)
{
	va_list ap;
	va_start(ap, key);
	const char *s = catalog_vfill(pool, mail_text(l, key), NULL, ap);
	va_end(ap);
	return s;
}

const char *mail_plural(const struct mail_lang *l, h2o_mem_pool_t *pool, const char *key, long long count,
			...)
{
	char k[256], num[24];
	snprintf(k, sizeof k, "%s.%s", key, catalog_plural_name(catalog_plural(l->lang, count)));
	const char *msg = catalog_find(l->chain, l->n, k, strlen(k));
	if (!msg) { /* no such form: the other one */
		snprintf(k, sizeof k, "%s.other", key);
		msg = catalog_find(l->chain, l->n, k, strlen(k));
	}
	snprintf(num, sizeof num, "%lld", count);
	va_list ap;
	va_start(ap, count);
	const char *s = catalog_vfill(pool, msg ? msg : key, num, ap);
	va_end(ap);
	return s;
}

const char *mail_date(const struct mail_lang *l, h2o_mem_pool_t *pool, int64_t t)
{
	char out[96];
	catalog_date(l->chain, l->n, t, out, sizeof out);
	return mem_strndup(pool, out, strlen(out));
}
