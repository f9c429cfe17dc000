/* name_fields: the inputs of an item's translated names, from the site's languages to name_translation. */
#include "admin/name_fields.h"

#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/catalog.h"
#include "core/text.h"
#include "http/lang.h"
#include "http/worker.h"
#include "render/theme.h"
#include "site/accounts.h"
#include "store/names.h"

/* a form's fields and these inputs, in its error summary */
#define NAME_FORM_MAX 32

/* A language's name in its own words ("Français"), else its code. */
static const char *language_name(struct request *r, const char *code)
{
	const struct theme *t = r->app->theme;
	int i = t ? theme_lang_index(t, code, strlen(code)) : -1;
	const char *name = i >= 0 ? catalog_get(t->cat[i], "layout.language_name") : NULL;
	return name ? name : code;
}

/* The languages an item is read in besides its site's default: a site's own (the sister sites form edits
 * others than the one it is on; a new one offers none yet), else the current site's. */
static const char *languages_of(struct request *r, const char *kind, int64_t id)
{
	if (strcmp(kind, "site") == 0) {
		for (size_t i = 0; i < r->w->nsites; i++)
			if (r->w->sites[i].id == id)
				return r->w->sites[i].languages ? r->w->sites[i].languages : "";
		return "";
	}
	return r->site && r->site->languages ? r->site->languages : "";
}

int name_fields_load(struct request *r, struct name_fields *nf, const char *kind,
		     const struct name_field_def *defs, size_t ndefs, int64_t id)
{
	memset(nf, 0, sizeof *nf);
	nf->kind = kind;
	struct name_set stored = {NULL, 0};
	if (id && store_item_names(r->w->db, r->pool, kind, id, &stored) != 0)
		return -1;
	const char *p = languages_of(r, kind, id);
	while (*p) {
		size_t len = strcspn(p, " ");
		const struct theme *t = r->app->theme;
		if (len >= 2 && len <= 3 && (!t || !t->n || theme_lang_index(t, p, len) >= 0)) {
			const char *lang = h2o_mem_alloc_pool(r->pool, len + 1);
			memcpy((char *)lang, p, len);
			((char *)lang)[len] = '\0';
			for (size_t i = 0; i < ndefs && nf->n < NAME_FIELDS_MAX; i++) {
				struct name_input *x = &nf->in[nf->n++];
				x->lang = lang;
				x->field = defs[i].field;
				x->max = defs[i].max;
				x->area = defs[i].area;
				buf b;
				buf_init(&b, r->pool);
				buf_printf(&b, "%s_%s", defs[i].field, lang);
				x->input = buf_cstr(&b);
				x->label =
				    req_textf(r, "admin.names.label", "field", req_text(r, defs[i].label),
					      "language", language_name(r, lang), NULL);
				x->was = "";
				for (size_t k = 0; k < stored.n; k++)
					if (!strcmp(stored.rows[k].lang, lang) &&
					    !strcmp(stored.rows[k].field, x->field))
						x->was = stored.rows[k].text;
				x->value = x->was;
			}
		}
		p += len;
		p += strspn(p, " ");
	}
	return 0;
}

size_t name_fields_read(struct request *r, struct name_fields *nf, const struct form *f)
{
	size_t bad = 0;
	for (size_t i = 0; i < nf->n; i++) {
		struct name_input *x = &nf->in[i];
		const char *v = form_get(f, x->input);
		if (v)
			x->value = v;
		x->error = NULL;
		if (text_chars(x->value) > x->max) {
			char max[24];
			snprintf(max, sizeof max, "%zu", x->max);
			x->error = req_textf(r, "admin.names.too_long", "field", x->label, "max", max, NULL);
		} else if (!text_clean(x->value, x->area)) {
			x->error = req_textf(r, "admin.names.controls", "field", x->label, NULL);
		}
		bad += x->error != NULL;
	}
	return bad;
}

int name_fields_changed(const struct name_fields *nf)
{
	for (size_t i = 0; i < nf->n; i++)
		if (strcmp(nf->in[i].value, nf->in[i].was) != 0)
			return 1;
	return 0;
}

void name_fields_view(const struct name_fields *nf, view *v, const char *const *names,
		      const char *const *errors, size_t n)
{
	const char *all_names[NAME_FORM_MAX], *all_errors[NAME_FORM_MAX];
	size_t nall = 0;
	for (size_t i = 0; errors && i < n && nall < NAME_FORM_MAX; i++, nall++)
		all_names[nall] = names[i], all_errors[nall] = errors[i];
	for (size_t i = 0; i < nf->n && nall < NAME_FORM_MAX; i++)
		if (nf->in[i].error) {
			all_names[nall] = nf->in[i].input;
			all_errors[nall++] = nf->in[i].error;
		}
	view_errors(v, all_names, all_errors, nall);
	view *list = view_list(v, "translations");
	for (size_t i = 0; i < nf->n; i++) {
		const struct name_input *in = &nf->in[i];
		view *x = view_push(list);
		view_str(x, "name", in->input);
		view_str(x, "label", in->label);
		view_str(x, "lang", in->lang);
		view_int(x, "max", (long long)in->max);
		view_str(x, "value", in->value);
		view_bool(x, "area", in->area);
		view_str(x, "error", in->error ? in->error : "");
		view_bool(x, "has_error", in->error != NULL);
	}
	view_bool(v, "has_translations", nf->n > 0);
}

enum save_result name_fields_save(struct request *r, const struct name_fields *nf, int64_t id)
{
	struct name_text rows[NAME_FIELDS_MAX];
	size_t n = 0;
	for (size_t i = 0; i < nf->n; i++)
		if (strcmp(nf->in[i].value, nf->in[i].was) != 0)
			rows[n++] = (struct name_text){.kind = nf->kind,
						       .item_id = id,
						       .lang = nf->in[i].lang,
						       .field = nf->in[i].field,
						       .text = nf->in[i].value};
	if (!n)
		return SAVE_OK;
	return store_item_names_save(r->w->db, nf->kind, id, rows, n, r->user ? r->user->id : 0);
}
