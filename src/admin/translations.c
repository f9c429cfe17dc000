/* translations: an article's family in the editor (its translations, which are out of date), and making a
 * translation or marking one up to date. */
#include <stdio.h>
#include <string.h>

#include "admin/articles.h"
#include "core/catalog.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "http/worker.h"
#include "render/theme.h"
#include "site/handlers.h"
#include "site/languages.h"
#include "store/editorial.h"

void translations_view(struct request *r, view *f, int64_t id)
{
	const char *langs[LANGUAGES_MAX];
	size_t nl = languages_offered(r, langs);
	struct translation *ms;
	size_t n;
	if (nl < 2 || store_article_family(r->w->db, r->pool, r->site->id, id, 0, &ms, &n) != 0)
		return;
	/* id may be a translation: its family is its original's */
	for (size_t i = 0; i < n; i++)
		if (ms[i].id == id && ms[i].root_id != id &&
		    store_article_family(r->w->db, r->pool, r->site->id, ms[i].root_id, 0, &ms, &n) != 0)
			return;
	view *t = view_obj(f, "translations");
	view *list = view_list(t, "members");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		const char *code = languages_code(r, ms[i].lang);
		view_int(x, "id", (long long)ms[i].id);
		view_str(x, "lang", code);
		view_str(x, "language", languages_name(r, code));
		view_str(x, "title", ms[i].title);
		view_str(x, "status", admin_value_label(r, "status", ms[i].status));
		view_bool(x, "original", ms[i].id == ms[i].root_id);
		view_bool(x, "this", ms[i].id == id);
		view_bool(x, "stale", ms[i].stale);
		view_int(x, "root_id", (long long)ms[i].root_id);
	}
	view *missing = view_list(t, "missing");
	for (size_t k = 0; k < nl; k++) {
		size_t i = 0;
		while (i < n && strcmp(languages_code(r, ms[i].lang), langs[k]) != 0)
			i++;
		if (i < n)
			continue;
		view *x = view_push(missing);
		view_str(x, "lang", langs[k]);
		view_str(x, "language", languages_name(r, langs[k]));
	}
	view_bool(t, "has_missing", view_len(missing) > 0);
	view_int(t, "id", (long long)id);
}

/* The article's id from the path, or 0 after answering 404. */
static int64_t article_id(struct request *r)
{
	int64_t id = admin_id(r);
	if (id <= 0)
		resp_error(r, 404, req_text(r, "admin.error.no_article"));
	return id > 0 ? id : 0;
}

void admin_article_translate(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int64_t id = article_id(r), made = 0;
	if (!id)
		return;
	const char *lang = form_get(&f, "lang");
	size_t len = lang ? strlen(lang) : 0;
	if (!lang || len < 2 || len > 3 || !lang_offered(r, lang, len)) {
		resp_error(r, 400, req_text(r, "admin.translations.no_language"));
		return;
	}
	/* the site's default language is stored as "" (an article in it follows the site's language) */
	const char *stored = strcmp(lang, req_site_lang(r)) == 0 ? "" : lang;
	switch (store_article_translate(r->w->db, r->site->id, id, stored, r->user->id, &made)) {
	case TRANSLATE_OK: {
		char to[64];
		snprintf(to, sizeof to, "/admin/articles/%lld?translated=1", (long long)made);
		resp_redirect(r, 303, to);
		return;
	}
	case TRANSLATE_EXISTS:
		resp_error(
		    r, 409,
		    req_textf(r, "admin.translations.exists", "language", languages_name(r, lang), NULL));
		return;
	case TRANSLATE_NOT_FOUND:
		resp_error(r, 404, req_text(r, "admin.error.no_article"));
		return;
	default:
		resp_error(r, 500, NULL);
	}
}

void admin_translation_current(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int64_t id = article_id(r);
	if (!id)
		return;
	int rc = store_translation_current(r->w->db, r->site->id, id);
	if (rc < 0) {
		resp_error(r, 500, NULL);
		return;
	}
	if (rc == 0) {
		resp_error(r, 404, req_text(r, "admin.translations.not_translation"));
		return;
	}
	char to[64];
	snprintf(to, sizeof to, "article:%lld", (long long)id);
	if (store_audit(r->w->db, r->user->id, "article.translation_current", to, "") != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	snprintf(to, sizeof to, "/admin/articles/%lld?current=1", (long long)id);
	resp_redirect(r, 303, to);
}
