/* records: the table-driven record editor of the structure pages: forms, generic checks, saving (who may
 * use them is the route table's business: src/site/routes.c). */
#include "admin/records.h"

#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "http/changes.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"

int64_t record_number(const char *v)
{
	if (!v[0])
		return -1;
	int64_t n = 0;
	for (const char *c = v; *c; c++) {
		if (*c < '0' || *c > '9' || c - v >= 5)
			return -2;
		n = n * 10 + (*c - '0');
	}
	return n <= RECORD_MAX_POSITION ? n : -2;
}

const char *record_int_text(struct request *r, int64_t n)
{
	if (n < 0)
		return "";
	char *out = h2o_mem_alloc_pool(r->pool, 24);
	snprintf(out, 24, "%lld", (long long)n);
	return out;
}

void record_slug(struct request *r, struct record *rec, size_t slug_i, size_t from_i, size_t max,
		 const char **errors)
{
	const char *in = rec->v[slug_i];
	char *slug = h2o_mem_alloc_pool(r->pool, max + 1);
	text_slug(in[0] ? in : rec->v[from_i], slug, max + 1);
	if (errors[slug_i] || (!in[0] && errors[from_i]))
		return; /* a slug made from a name that is wrong already would only repeat its error */
	if (in[0] && strcmp(slug, in) != 0)
		errors[slug_i] = req_text(r, "admin.record.error.slug");
	else if (!slug[0])
		errors[slug_i] = req_text(r, "admin.record.error.no_slug");
	else
		rec->v[slug_i] = slug;
}

void record_changed(struct request *r)
{
	changed_structure(r->app); /* menus, section pages, pages: every cached page */
}

/* The inputs of the record's names in the site's other languages, read for rec_id (0: none yet). */
static int names_load(struct request *r, const struct record_kind *k, int64_t rec_id, struct name_fields *nf)
{
	if (!k->names_kind) {
		memset(nf, 0, sizeof *nf);
		return 0;
	}
	return name_fields_load(r, nf, k->names_kind, k->names, k->nnames, rec_id);
}

static void record_form(struct request *r, const struct record_kind *k, int status, const struct record *rec,
			const char **errors, const struct name_fields *nf)
{
	char key[80], action[120];
	snprintf(key, sizeof key, "%s.%s", k->noun, rec->id ? "edit" : "new");
	const char *title = req_text(r, key);
	if (rec->id)
		snprintf(action, sizeof action, "%s/%lld", k->base, (long long)rec->id);
	else
		snprintf(action, sizeof action, "%s", k->base);
	view *v = layout_view(r, title);
	view_str(v, "action", action);
	view_str(v, "list_url", k->base);
	view *list = view_list(v, "fields");
	const char *names[RECORD_MAX_FIELDS];
	for (size_t i = 0; i < k->nfields; i++) {
		const struct record_field *f = &k->fields[i];
		const char *error = errors ? errors[i] : NULL;
		names[i] = f->name;
		view *x = view_push(list);
		view_str(x, "name", f->name);
		view_str(x, "label", req_text(r, f->label));
		view_str(x, "hint", f->hint[0] ? req_text(r, f->hint) : "");
		view_bool(x, "has_hint", f->hint[0]);
		view_int(x, "max", (long long)f->max);
		view_bool(x, "required", f->missing != NULL);
		view_str(x, "value", rec->v[i] ? rec->v[i] : "");
		view_str(x, "error", error ? error : "");
		view_bool(x, "has_error", error != NULL);
		view_bool(x, "described", f->hint[0] || error);
		view_bool(x, "text", f->type == FIELD_TEXT);
		view_bool(x, "area", f->type == FIELD_AREA);
		view_bool(x, "number", f->type == FIELD_NUMBER);
		view_bool(x, "select", f->type == FIELD_SELECT);
		if (f->type == FIELD_SELECT && k->options)
			k->options(r, rec, i, view_list(x, "options"));
	}
	name_fields_view(nf, v, names, errors, k->nfields); /* with the error summary of both */
	if (k->extra)
		k->extra(r, rec, v);
	resp_page(r, status, "admin/record-edit", v, 0);
}

static void not_found(struct request *r, const struct record_kind *k)
{
	char key[80];
	snprintf(key, sizeof key, "%s.none", k->noun);
	resp_error(r, 404, req_text(r, key));
}

void record_new(struct request *r, const struct record_kind *k)
{
	struct record rec = {0};
	for (size_t i = 0; i < k->nfields; i++)
		rec.v[i] = "";
	struct name_fields nf;
	if (k->load(r, 0, &rec) < 0 || names_load(r, k, 0, &nf) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	record_form(r, k, 200, &rec, NULL, &nf);
}

void record_edit(struct request *r, const struct record_kind *k)
{
	struct record rec = {0};
	int64_t id = admin_id(r);
	int found = id > 0 ? k->load(r, id, &rec) : 0;
	if (found <= 0) {
		if (found < 0)
			resp_error(r, 500, NULL);
		else
			not_found(r, k);
		return;
	}
	rec.id = id;
	struct name_fields nf;
	if (names_load(r, k, id, &nf) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	record_form(r, k, 200, &rec, NULL, &nf);
}

/* The checks every field gets: required, length, control characters, numbers. Returns the count of errors. */
static void generic_checks(struct request *r, const struct record_kind *k, struct record *rec,
			   const char **errors)
{
	for (size_t i = 0; i < k->nfields; i++) {
		const struct record_field *f = &k->fields[i];
		const char *v = rec->v[i];
		if (text_chars(v) > f->max) {
			errors[i] = req_textf(r, "admin.record.error.max", "max",
					      record_int_text(r, (int64_t)f->max), NULL);
		} else if (!text_clean(v, f->type == FIELD_AREA)) {
			errors[i] = req_text(r, "admin.record.error.control");
		} else if (!v[0] && f->missing) {
			errors[i] = req_text(r, f->missing);
		} else if (f->type == FIELD_NUMBER && record_number(v) == -2) {
			errors[i] = req_text(r, "admin.record.error.number");
		}
	}
}

void record_save(struct request *r, const struct record_kind *k)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct record rec = {0};
	if (r->nparams && (rec.id = admin_id(r)) <= 0) {
		not_found(r, k);
		return;
	}
	/* what the form does not send stays as it is stored */
	struct record was = {0};
	int found = rec.id ? k->load(r, rec.id, &was) : 0;
	if (found < 0) {
		resp_error(r, 500, NULL);
		return;
	}
	if (rec.id && !found) {
		not_found(r, k);
		return;
	}
	for (size_t i = 0; i < k->nfields; i++) {
		const char *v = form_get(&f, k->fields[i].name);
		rec.v[i] = v ? v : found && was.v[i] ? was.v[i] : "";
	}
	const char *errors[RECORD_MAX_FIELDS] = {0};
	generic_checks(r, k, &rec, errors);
	k->check(r, &rec, errors);
	struct name_fields nf;
	if (names_load(r, k, rec.id, &nf) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	size_t bad = name_fields_read(r, &nf, &f);
	for (size_t i = 0; i < k->nfields; i++)
		bad += errors[i] != NULL;
	if (bad) {
		record_form(r, k, 422, &rec, errors, &nf);
		return;
	}
	int64_t id = rec.id;
	size_t same = 0;
	for (size_t i = 0; found && i < k->nfields; i++)
		same += strcmp(rec.v[i], was.v[i] ? was.v[i] : "") == 0;
	/* a save that changes nothing writes nothing: no new time, audit line or dropped cache */
	enum save_result rc = found && same == k->nfields ? SAVE_OK : k->save(r, &rec, &id, errors);
	if (rc == SAVE_SLUG_TAKEN) {
		record_form(r, k, 422, &rec, errors, &nf);
		return;
	}
	if (rc == SAVE_OK)
		rc = name_fields_save(r, &nf,
				      id); /* the names in other languages that changed, once it is in */
	if (rc != SAVE_OK) {
		if (rc == SAVE_NOT_FOUND)
			not_found(r, k);
		else
			resp_error(r, 500, NULL);
		return;
	}
	record_changed(r);
	char to[140];
	snprintf(to, sizeof to, "%s?saved=%lld", k->base, (long long)id);
	resp_redirect(r, 303, to);
}

void record_confirm(struct request *r, const char *title, const char *message, const char *action,
		    const char *back)
{
	view *v = layout_view(r, title);
	view_str(v, "message", message);
	view_str(v, "action", action);
	view_str(v, "back", back);
	resp_page(r, 200, "admin/confirm", v, 0);
}
