/* sites: the admin's list and form of the sister sites (name, specialty, host name, tagline, order, logo,
 * favicon and languages). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/records.h"
#include "core/catalog.h"
#include "render/theme.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/media.h"
#include "store/structure.h"

static const struct record_field site_fields[] = {
    {"name", "admin.common.name", "", 100, FIELD_TEXT, "admin.record.site.name_missing"},
    {"slug", "admin.record.slug", "admin.record.site.slug_hint", 40, FIELD_TEXT, NULL},
    {"specialty", "admin.sites.specialty", "", 60, FIELD_TEXT, "admin.record.site.specialty_missing"},
    {"host", "admin.sites.host", "admin.record.site.host_hint", 253, FIELD_TEXT,
     "admin.record.site.host_missing"},
    {"tagline", "admin.record.site.tagline", "", 200, FIELD_TEXT, NULL},
    {"position", "admin.common.position", "admin.record.site.position_hint", 5, FIELD_NUMBER, NULL},
    {"logo_id", "admin.record.site.logo", "admin.record.site.logo_hint", 20, FIELD_SELECT, NULL},
    {"favicon_id", "admin.record.site.favicon", "admin.record.site.favicon_hint", 20, FIELD_SELECT, NULL},
    {"language", "admin.record.site.language", "admin.record.site.language_hint", 3, FIELD_SELECT, NULL},
    {"languages", "admin.record.site.languages", "admin.record.site.languages_hint", 40, FIELD_TEXT, NULL},
};
#define LOGO 6
#define FAVICON 7
#define LANGUAGE 8
#define LANGUAGES 9
/* the media library's images a form offers */
#define IMAGES_OFFERED 200

/* An image id from a form value: 0 for none ("" or "0"), -1 when it is not a whole number. */
static int64_t image_id(const char *v)
{
	if (!v || !v[0])
		return 0;
	char *end;
	long long id = strtoll(v, &end, 10);
	return *end || id < 0 || end - v > 18 ? -1 : id;
}

/* A host name as DNS has them: dot-separated labels of 1 to 63 letters, digits and inner hyphens. */
static int host_ok(const char *h)
{
	size_t label = 0, total = 0;
	const char *c = h;
	for (; *c; c++, total++) {
		if (*c == '.') {
			if (label == 0 || c[-1] == '-')
				return 0;
			label = 0;
			continue;
		}
		int ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || (*c == '-' && label > 0);
		if (!ok || ++label > 63)
			return 0;
	}
	return total > 0 && total <= 253 && label > 0 && c[-1] != '-';
}

/* The theme's language number i ("fr"), its base first; the configuration's default when it has none. */
static const char *theme_language(struct request *r, size_t i)
{
	const struct theme *t = r->app->theme;
	return t && i < t->n ? catalog_lang(t->cat[i]) : i == 0 ? r->app->cfg.default_language : NULL;
}

static int theme_has(struct request *r, const char *code, size_t len)
{
	for (size_t i = 0; theme_language(r, i); i++)
		if (strlen(theme_language(r, i)) == len && memcmp(theme_language(r, i), code, len) == 0)
			return 1;
	return 0;
}

static int site_load(struct request *r, int64_t id, struct record *rec)
{
	struct site_edit x;
	if (!id) {
		rec->v[LANGUAGE] = theme_language(r, 0);
		return 1;
	}
	int found = store_site_by_id(r->w->db, r->pool, id, &x);
	struct site_images im;
	if (found == 1 && store_site_images(r->w->db, r->pool, id, &im) < 0)
		return -1;
	if (found == 1 &&
	    store_site_languages(r->w->db, r->pool, id, &rec->v[LANGUAGE], &rec->v[LANGUAGES]) != 1)
		return -1;
	if (found == 1) {
		const char *v[] = {x.name,
				   x.slug,
				   x.specialty,
				   x.host,
				   x.tagline,
				   record_int_text(r, x.position),
				   im.logo.id ? record_int_text(r, im.logo.id) : "",
				   im.favicon.id ? record_int_text(r, im.favicon.id) : ""};
		memcpy(rec->v, v, sizeof v);
	}
	return found;
}

/* The site's other languages: codes the theme has, separated by spaces or commas, each once and not the
 * default; rewritten lowercase with single spaces. */
static void languages_check(struct request *r, struct record *rec, const char **errors)
{
	const char *def = rec->v[LANGUAGE];
	if (!theme_has(r, def, strlen(def))) {
		errors[LANGUAGE] = req_text(r, "admin.record.site.language_bad");
		return;
	}
	buf out, codes;
	buf_init(&out, r->pool);
	buf_init(&codes, r->pool);
	for (size_t i = 0; theme_language(r, i); i++)
		buf_printf(&codes, "%s%s", i ? " " : "", theme_language(r, i));
	for (const char *p = rec->v[LANGUAGES]; *p;) {
		size_t len = strcspn(p, " ,");
		if (!len) {
			p++;
			continue;
		}
		char *code = mem_strndup(r->pool, p, len);
		for (char *c = code; *c; c++)
			*c = *c >= 'A' && *c <= 'Z' ? (char)(*c + 32) : *c;
		if (!theme_has(r, code, len))
			errors[LANGUAGES] = req_textf(r, "admin.record.site.languages_unknown", "code", code,
						      "codes", buf_cstr(&codes), NULL);
		else if (strcmp(code, def) == 0)
			errors[LANGUAGES] =
			    req_textf(r, "admin.record.site.languages_default", "code", code, NULL);
		else if (catalog_list_has(buf_cstr(&out), code, len))
			errors[LANGUAGES] =
			    req_textf(r, "admin.record.site.languages_twice", "code", code, NULL);
		if (errors[LANGUAGES])
			return;
		buf_printf(&out, "%s%s", out.len ? " " : "", code);
		p += len;
	}
	rec->v[LANGUAGES] = buf_cstr(&out);
}

static void site_check(struct request *r, struct record *rec, const char **errors)
{
	for (int i = LOGO; i <= FAVICON; i++) {
		int64_t id = image_id(rec->v[i]);
		struct media m;
		if (id == 0)
			rec->v[i] = "";
		else if (id < 0 || !rec->id || store_media_by_id(r->w->db, r->pool, rec->id, id, &m) != 1)
			errors[i] = req_text(r, rec->id ? "admin.record.site.image_choose"
							: "admin.record.site.image_new");
	}
	languages_check(r, rec, errors);
	record_slug(r, rec, 1, 0, site_fields[1].max, errors);
	if (errors[3])
		return;
	size_t n = strlen(rec->v[3]); /* host names are not case-sensitive: keep them in lowercase */
	char *host = h2o_mem_alloc_pool(r->pool, n + 1);
	for (size_t i = 0; i <= n; i++)
		host[i] =
		    rec->v[3][i] >= 'A' && rec->v[3][i] <= 'Z' ? (char)(rec->v[3][i] + 32) : rec->v[3][i];
	rec->v[3] = host;
	if (strchr(host, ':'))
		errors[3] = req_text(r, "admin.record.site.host_port");
	else if (!host_ok(host))
		errors[3] = req_text(r, "admin.record.site.host_bad");
}

static enum save_result site_save(struct request *r, const struct record *rec, int64_t *id_out,
				  const char **errors)
{
	struct site_edit x = {.id = rec->id,
			      .name = rec->v[0],
			      .slug = rec->v[1],
			      .specialty = rec->v[2],
			      .host = rec->v[3],
			      .tagline = rec->v[4],
			      .position = record_number(rec->v[5])};
	const char *taken;
	enum save_result rc = store_site_save(r->w->db, &x, r->user->id, id_out, &taken);
	if (rc == SAVE_OK)
		rc = store_site_images_save(r->w->db, rec->id ? rec->id : *id_out, image_id(rec->v[LOGO]),
					    image_id(rec->v[FAVICON]), r->user->id);
	if (rc == SAVE_OK)
		rc = store_site_languages_save(r->w->db, rec->id ? rec->id : *id_out, rec->v[LANGUAGE],
					       rec->v[LANGUAGES], r->user->id);
	if (rc == SAVE_SLUG_TAKEN) {
		if (strcmp(taken, "host") == 0)
			errors[3] = req_text(r, "admin.record.site.host_taken");
		else
			errors[1] = req_text(r, "admin.record.site.slug_taken");
	}
	return rc;
}

/* The theme's languages, each named in its own words: "Français (fr)". */
static void language_options(struct request *r, const char *chosen, view *list)
{
	const struct theme *t = r->app->theme;
	for (size_t i = 0; theme_language(r, i); i++) {
		const char *code = theme_language(r, i);
		const char *name = t && i < t->n ? catalog_get(t->cat[i], "layout.language_name") : NULL;
		view *o = view_push(list);
		view_str(o, "value", code);
		view_fmt(o, "label", "%s (%s)", name ? name : code, code);
		view_bool(o, "selected", strcmp(code, chosen) == 0);
	}
}

/* None, then the edited site's images, newest first, named by their alt text, file and size. */
static void site_options(struct request *r, const struct record *rec, size_t field, view *list)
{
	if (field == LANGUAGE) {
		language_options(r, rec->v[LANGUAGE], list);
		return;
	}
	int64_t chosen = image_id(rec->v[field]);
	view *none = view_push(list);
	view_str(none, "value", "");
	view_str(none, "label", req_text(r, "admin.common.none"));
	view_bool(none, "selected", chosen <= 0);
	struct media *ms;
	size_t n, total;
	if (!rec->id || store_media_list(r->w->db, r->pool, rec->id, 0, IMAGES_OFFERED, &ms, &n, &total) != 0)
		return;
	int listed = 0;
	for (size_t i = 0; i < n; i++)
		listed |= ms[i].id == chosen;
	struct media *more = h2o_mem_alloc_pool(r->pool, sizeof *more * (n + 1));
	if (n)
		memcpy(more, ms, sizeof *more * n);
	/* the chosen one, older than those offered, stays chosen */
	if (chosen > 0 && !listed && store_media_by_id(r->w->db, r->pool, rec->id, chosen, &more[n]) == 1)
		n++;
	ms = more;
	for (size_t i = 0; i < n; i++) {
		view *o = view_push(list);
		view_fmt(o, "value", "%lld", (long long)ms[i].id);
		view_fmt(o, "label", "%s (%s, %lld×%lld)", ms[i].alt,
			 ms[i].original_name[0] ? ms[i].original_name : ms[i].kind, (long long)ms[i].width,
			 (long long)ms[i].height);
		view_bool(o, "selected", ms[i].id == chosen);
	}
}

static void site_extra(struct request *r, const struct record *rec, view *v)
{
	struct site_edit x;
	view_bool(v, "has_note", 1);
	view_str(v, "note", req_text(r, "admin.record.site.note"));
	if (rec->id && store_site_by_id(r->w->db, r->pool, rec->id, &x) == 1 && x.is_default)
		view_str(v, "note", req_text(r, "admin.record.site.note_default"));
}

/* the name and tagline in the site's other languages, with the originals' limits */
static const struct name_field_def site_names[] = {{"name", "admin.names.field.name", 100, 0},
						   {"tagline", "admin.names.field.tagline", 200, 0}};

static const struct record_kind sites_kind = {
    .base = "/admin/sites",
    .noun = "admin.record.site",
    .fields = site_fields,
    .nfields = sizeof site_fields / sizeof site_fields[0],
    .load = site_load,
    .check = site_check,
    .save = site_save,
    .options = site_options,
    .extra = site_extra,
    .names_kind = "site",
    .names = site_names,
    .nnames = 2,
};

void admin_sites(struct request *r)
{
	struct site_edit *xs;
	size_t n;
	if (store_admin_sites(r->w->db, r->pool, &xs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.sites"));
	view *list = view_list(v, "sites");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "name", xs[i].name);
		view_str(x, "slug", xs[i].slug);
		view_str(x, "specialty", xs[i].specialty);
		view_str(x, "host", xs[i].host);
		view_int(x, "position", (long long)xs[i].position);
		view_bool(x, "is_default", xs[i].is_default);
	}
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	resp_page(r, 200, "admin/sites", v, 0);
}

void admin_site_new(struct request *r)
{
	record_new(r, &sites_kind);
}

void admin_site_edit(struct request *r)
{
	record_edit(r, &sites_kind);
}

void admin_site_save(struct request *r)
{
	record_save(r, &sites_kind);
}
