/* languages: lists the site's languages for a page (switcher, alternates) with the page's URL in each. */
#include "site/languages.h"

#include <stdio.h>
#include <string.h>

#include "core/catalog.h"
#include "http/lang.h"
#include "http/worker.h"
#include "render/theme.h"

const char *languages_code(struct request *r, const char *lang)
{
	return lang[0] ? lang : req_site_lang(r);
}

const char *languages_url_of(struct request *r, const char *lang, const char *path)
{
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, r->site ? req_site_url(r, r->site) : "/");
	if (lang[0] && strcmp(lang, req_site_lang(r)) != 0)
		buf_printf(&b, "%s/", lang);
	buf_adds(&b, path + (path[0] == '/'));
	return buf_cstr(&b);
}

const char *languages_url(struct request *r, const char *lang)
{
	int page = req_page_number(r);
	if (page <= 1)
		return languages_url_of(r, lang, r->path);
	char tail[32];
	snprintf(tail, sizeof tail, "?page=%d", page);
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, languages_url_of(r, lang, r->path));
	buf_adds(&b, tail);
	return buf_cstr(&b);
}

size_t languages_offered(struct request *r, const char *out[LANGUAGES_MAX])
{
	size_t n = 0;
	const char *def = req_site_lang(r);
	out[n++] = def;
	for (const char *p = r->site && r->site->languages ? r->site->languages : "";
	     *p && n < LANGUAGES_MAX;) {
		size_t len = strcspn(p, " ");
		if (len >= 2 && len < 4 && lang_offered(r, p, len) &&
		    (strlen(def) != len || strncmp(p, def, len))) {
			char *code = h2o_mem_alloc_pool(r->pool, len + 1);
			memcpy(code, p, len);
			code[len] = '\0';
			out[n++] = code;
		}
		p += len;
		p += strspn(p, " ");
	}
	return n;
}

const char *languages_stored(struct request *r)
{
	const char *lang = req_lang(r);
	return strcmp(lang, req_site_lang(r)) == 0 ? "" : lang;
}

void languages_filter(struct request *r, struct article_filter *f)
{
	const char *lang = languages_stored(r);
	f->by_lang = 1;
	memset(f->lang, 0, sizeof f->lang);
	if (strlen(lang) < sizeof f->lang)
		memcpy(f->lang, lang, strlen(lang));
}

const char *languages_name(struct request *r, const char *code)
{
	const struct theme *t = r->app->theme;
	int i = t ? theme_lang_index(t, code, strlen(code)) : -1;
	const char *name = i >= 0 ? catalog_get(t->cat[i], "layout.language_name") : NULL;
	return name ? name : code;
}

static void add_language(struct request *r, view *langs, view *alts, const char *code, const char *url)
{
	const struct theme *t = r->app->theme;
	int i = t ? theme_lang_index(t, code, strlen(code)) : -1;
	if (i < 0)
		return;
	const char *name = catalog_get(t->cat[i], "layout.language_name");
	const char *offer = catalog_get(t->cat[i], "layout.language_offer");
	const char *read = catalog_get(t->cat[i], "layout.language_read");
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

/* The page's path in language code: its own among pages, or NULL when it has none (pages NULL: every
 * language has the current page). */
static const char *page_in(struct request *r, const struct lang_page *pages, size_t n, const char *code)
{
	if (!pages)
		return languages_url(r, code);
	for (size_t i = 0; i < n; i++)
		if (strcmp(languages_code(r, pages[i].lang), code) == 0)
			return languages_url_of(r, code, pages[i].path);
	return NULL;
}

void languages_view(view *v, struct request *r, const struct lang_page *pages, size_t n)
{
	view_str(v, "lang", req_lang(r));
	view_str(v, "canonical", languages_url(r, req_lang(r)));
	view_bool(v, "has_languages", 0);
	view *langs = view_list(v, "languages"), *alts = view_list(v, "alternates");
	if (!r->site || !r->site->languages || !r->site->languages[0])
		return;
	const char *codes[LANGUAGES_MAX], *def_url = NULL;
	size_t nc = languages_offered(r, codes);
	for (size_t i = 0; i < nc; i++) {
		const char *url = page_in(r, pages, n, codes[i]);
		if (url)
			add_language(r, langs, alts, codes[i], url);
		if (i == 0)
			def_url = url;
	}
	if (view_len(langs) < 2) { /* one language: nothing to switch to */
		view_list(v, "languages");
		view_list(v, "alternates");
		return;
	}
	view_bool(v, "has_languages", 1);
	if (def_url) {
		view *x = view_push(alts);
		view_str(x, "hreflang", "x-default");
		view_str(x, "url", def_url);
	}
}
