/* languages: lists the site's languages for a page (switcher, alternates) with the page's URL in each. */
#include "site/languages.h"

#include <string.h>

#include "core/catalog.h"
#include "http/lang.h"
#include "http/worker.h"
#include "render/theme.h"

const char *languages_url(struct request *r, const char *lang)
{
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, r->site ? req_site_url(r, r->site) : "/");
	if (strcmp(lang, req_site_lang(r)) != 0)
		buf_printf(&b, "%s/", lang);
	buf_adds(&b, r->path + (r->path[0] == '/'));
	int page = req_page_number(r);
	if (page > 1)
		buf_printf(&b, "?page=%d", page);
	return buf_cstr(&b);
}

/* 1 when the space-separated list has code (or the list is NULL: anything). */
static int among(const char *list, const char *code)
{
	return !list || catalog_list_has(list, code, strlen(code));
}

static void add_language(struct request *r, view *langs, view *alts, const char *code, const char *only)
{
	const struct theme *t = r->app->theme;
	int i = t ? theme_lang_index(t, code, strlen(code)) : -1;
	if (i < 0 || !among(only, code))
		return;
	const char *name = catalog_get(t->cat[i], "layout.language_name");
	const char *offer = catalog_get(t->cat[i], "layout.language_offer");
	const char *read = catalog_get(t->cat[i], "layout.language_read");
	const char *url = languages_url(r, code);
	view *l = view_push(langs);
	view_str(l, "code", code);
	view_str(l, "name", name ? name : code);
	/* in that language: what a reader who prefers it is offered (reader.js), never forced */
	view_str(l, "offer", offer ? offer : "");
	view_str(l, "read", read ? read : "");
	view_str(l, "url", url);
	view_bool(l, "current", strcmp(code, req_lang(r)) == 0);
	view *a = view_push(alts);
	view_str(a, "hreflang", code);
	view_str(a, "url", url);
}

void languages_view(view *v, struct request *r, const char *only)
{
	view_str(v, "lang", req_lang(r));
	view_str(v, "canonical", languages_url(r, req_lang(r)));
	if (!r->site || !r->site->languages || !r->site->languages[0])
		return;
	view *langs = view_list(v, "languages"), *alts = view_list(v, "alternates");
	const char *def = req_site_lang(r);
	add_language(r, langs, alts, def, only);
	for (const char *p = r->site->languages; *p;) {
		size_t n = strcspn(p, " ");
		char code[8];
		if (n >= 2 && n < sizeof code && lang_offered(r, p, n)) {
			memcpy(code, p, n);
			code[n] = '\0';
			add_language(r, langs, alts, code, only);
		}
		p += n;
		p += strspn(p, " ");
	}
	if (view_len(langs) < 2) { /* one language: nothing to switch to */
		view_bool(v, "languages", 0);
		view_bool(v, "alternates", 0);
		return;
	}
	view_bool(v, "has_languages", 1);
	if (among(only, def)) {
		view *x = view_push(alts);
		view_str(x, "hreflang", "x-default");
		view_str(x, "url", languages_url(r, def));
	}
}
