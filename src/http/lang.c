/* lang: picks the request's language and template set, and looks its messages up along the fallback chain. */
#include "http/lang.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/catalog.h"
#include "http/worker.h"
#include "render/theme.h"

#define MAX_FILLS 8

const char *req_lang(const struct request *r)
{
	const struct theme *t = r->app->theme;
	if (r->lang)
		return r->lang;
	return t && t->n ? catalog_lang(t->cat[0]) : r->app->cfg.default_language;
}

const tmpl_set *req_templates(const struct request *r)
{
	return r->app->theme ? theme_set(r->app->theme, req_lang(r), NULL) : r->app->tmpl;
}

static size_t chain_of(const struct request *r, const struct catalog *chain[3])
{
	return r->app->theme ? theme_chain(r->app->theme, req_lang(r), NULL, chain) : 0;
}

const char *req_text(struct request *r, const char *key)
{
	const struct catalog *chain[3];
	size_t n = chain_of(r, chain);
	const char *m = catalog_find(chain, n, key, strlen(key));
	return m ? m : key;
}

/* Fills msg's placeholders from the name, value pairs of ap (and {n} = count when count_text is set). */
static const char *fill(struct request *r, const char *msg, const char *count_text, va_list ap)
{
	const char *names[MAX_FILLS + 1], *values[MAX_FILLS + 1];
	size_t n = 0;
	if (count_text) {
		names[n] = "n";
		values[n++] = count_text;
	}
	const char *name;
	while (n < MAX_FILLS + 1 && (name = va_arg(ap, const char *)) != NULL) {
		names[n] = name;
		values[n++] = va_arg(ap, const char *);
	}
	return catalog_fill(r->pool, msg, names, values, n);
}

const char *req_textf(struct request *r, const char *key, ...)
{
	va_list ap;
	va_start(ap, key);
	const char *s = fill(r, req_text(r, key), NULL, ap);
	va_end(ap);
	return s;
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
	const char *s = fill(r, msg, num, ap);
	va_end(ap);
	return s;
}

const char *req_date(struct request *r, int64_t t)
{
	const struct catalog *chain[3];
	size_t n = chain_of(r, chain);
	char out[96];
	catalog_date(chain, n, t, out, sizeof out);
	return mem_strndup(r->pool, out, strlen(out));
}
