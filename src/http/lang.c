/* lang: picks the request's language and template set, and looks its messages up along the fallback chain. */
#include "http/lang.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/catalog.h"
#include "http/worker.h"
#include "render/theme.h"

const char *req_site_lang(const struct request *r)
{
	const struct theme *t = r->app->theme;
	if (r->site && r->site->language && r->site->language[0])
		return r->site->language;
	return t && t->n ? catalog_lang(t->cat[0]) : r->app->cfg.default_language;
}

const char *req_lang(const struct request *r)
{
	return r->lang ? r->lang : r->own_lang[0] ? r->own_lang : req_site_lang(r);
}

/* The default a page's template set and message chain are made with: the editor's own language makes a set
 * of that language with no link prefix. */
static const char *set_default(const struct request *r)
{
	return !r->lang && r->own_lang[0] ? r->own_lang : req_site_lang(r);
}

void lang_for_editor(struct request *r, const char *lang)
{
	size_t n = lang ? strlen(lang) : 0;
	const struct theme *t = r->app->theme;
	if (r->lang || n < 2 || n >= sizeof r->own_lang || !t || theme_lang_index(t, lang, n) < 0)
		return;
	memcpy(r->own_lang, lang, n + 1);
}

const char *req_link_prefix(const struct request *r)
{
	if (!r->lang)
		return "";
	char *p = h2o_mem_alloc_pool(r->pool, strlen(r->lang) + 2);
	p[0] = '/';
	strcpy(p + 1, r->lang);
	return p;
}

int lang_offered(const struct request *r, const char *lang, size_t len)
{
	const char *def = req_site_lang(r);
	if (!(strlen(def) == len && memcmp(def, lang, len) == 0) &&
	    !(r->site && catalog_list_has(r->site->languages, lang, len)))
		return 0;
	return !r->app->theme || !r->app->theme->n || theme_lang_index(r->app->theme, lang, len) >= 0;
}

void lang_from_path(struct request *r)
{
	const char *p = r->path + 1, *end = p + strcspn(p, "/");
	size_t len = (size_t)(end - p);
	if (len < 2 || len > 3 || strspn(p, "abcdefghijklmnopqrstuvwxyz") < len || !r->site ||
	    !catalog_list_has(r->site->languages, p, len) || !lang_offered(r, p, len))
		return;
	const char *def = req_site_lang(r);
	if (strlen(def) == len && memcmp(def, p, len) == 0)
		return; /* the default has no prefix */
	r->lang = mem_strndup(r->pool, p, len);
	r->path = *end ? end : "/";
}

int lang_shared_path(const char *path)
{
	return strncmp(path, "/static/", 8) == 0 || strncmp(path, "/media/", 7) == 0;
}

const tmpl_set *req_templates(const struct request *r)
{
	return r->app->theme ? theme_set(r->app->theme, req_lang(r), set_default(r)) : r->app->tmpl;
}

static size_t chain_of(const struct request *r, const struct catalog *chain[3])
{
	return r->app->theme ? theme_chain(r->app->theme, req_lang(r), set_default(r), chain) : 0;
}

const char *req_text(struct request *r, const char *key)
{
	const struct catalog *chain[3];
	size_t n = chain_of(r, chain);
	const char *m = catalog_find(chain, n, key, strlen(key));
	return m ? m : key;
}

const char *req_textf(struct request *r, const char *key, ...)
{
	va_list ap;
	va_start(ap, key);
	const char *s = catalog_vfill(r->pool, req_text(r, key), NULL, ap);
	va_end(ap);
	return s;
}

const char *req_msg(struct request *r, const struct msg *m)
{
	const struct catalog *chain[3];
	size_t n = chain_of(r, chain);
	return msg_text(r->pool, chain, n, m);
}

const char *req_plural(struct request *r, const char *key, long long count, ...)
{
	char k[256], num[24];
	snprintf(k, sizeof k, "%s.%s", key, catalog_plural_name(catalog_plural(req_lang(r), count)));
	const char *msg = req_text(r, k);
	if (msg == k) { /* no such form: the other one */
		snprintf(k, sizeof k, "%s.other", key);
		msg = req_text(r, k);
		if (msg == k)
			msg = key;
	}
	snprintf(num, sizeof num, "%lld", count);
	va_list ap;
	va_start(ap, count);
	const char *s = catalog_vfill(r->pool, msg, num, ap);
	va_end(ap);
	return s;
}

const char *req_month(struct request *r, int year, int month)
{
	char key[24], y[16];
	snprintf(key, sizeof key, "date.month.%d", month >= 1 && month <= 12 ? month : 1);
	snprintf(y, sizeof y, "%d", year);
	return req_textf(r, "date.month_year", "month", req_text(r, key), "year", y, NULL);
}

const char *req_date(struct request *r, int64_t t)
{
	const struct catalog *chain[3];
	size_t n = chain_of(r, chain);
	char out[96];
	catalog_date(chain, n, t, out, sizeof out);
	return mem_strndup(r->pool, out, strlen(out));
}
