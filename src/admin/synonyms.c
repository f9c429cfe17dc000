/* synonyms: the back office's synonym groups of a site (terms search treats as one another), on the record
 * editor: a list, add, edit and delete, each checked against the site's other groups. */
#include <stdio.h>
#include <string.h>

#include "admin/records.h"
#include "http/policy.h"
#include "core/buf.h"
#include "http/response.h"
#include "render/escape.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "site/synonyms.h"
#include "http/lang.h"
#include "store/search.h"

static const struct record_field synonym_fields[] = {
    {"terms", "admin.synonyms.terms", "admin.record.synonyms.terms_hint", SYNONYM_MAX_LINE, FIELD_TEXT,
     "admin.record.synonyms.terms_missing"},
};

static const struct record_kind synonyms_kind;

static int synonym_load(struct request *r, int64_t id, struct record *rec)
{
	struct synonym_group x;
	if (!id)
		return 1;
	int found = store_synonym_by_id(r->w->db, r->pool, r->site->id, id, &x);
	if (found == 1)
		rec->v[0] = x.terms;
	return found;
}

#define TOO_MANY "admin.synonyms.error.groups_full"

static void synonym_check(struct request *r, struct record *rec, const char **errors)
{
	if (errors[0])
		return;
	struct synonym_group *gs;
	size_t n;
	if (store_synonyms(r->w->db, r->pool, r->site->id, &gs, &n) != 0) {
		errors[0] = req_text(r, "admin.synonyms.error.unread");
		return;
	}
	if (!rec->id && n >= SYNONYM_MAX_GROUPS) {
		errors[0] = req_text(r, TOO_MANY);
		return;
	}
	const char *tidy, *named[2];
	const char *why = synonyms_check(r->pool, rec->v[0], gs, n, rec->id, &tidy, named);
	if (why)
		errors[0] = req_textf(r, why, "term", named[0], "other", named[1], NULL);
	else
		rec->v[0] = tidy;
}

static enum save_result synonym_save(struct request *r, const struct record *rec, int64_t *id_out,
				     const char **errors)
{
	struct synonym_group x = {.id = rec->id, .terms = rec->v[0]};
	enum save_result rc = store_synonym_save(r->w->db, r->site->id, &x, r->user->id, id_out);
	if (rc == SAVE_CONFLICT) { /* another editor's group took the last place: the form says so */
		errors[0] = req_text(r, TOO_MANY);
		return SAVE_SLUG_TAKEN;
	}
	return rc;
}

static void synonym_extra(struct request *r, const struct record *rec, view *v)
{
	(void)r;
	if (!rec->id)
		return;
	char url[64];
	snprintf(url, sizeof url, "/admin/synonyms/%lld/delete", (long long)rec->id);
	view_bool(v, "has_delete", 1);
	view_str(v, "delete_url", url);
}

static const struct record_kind synonyms_kind = {
    .base = "/admin/synonyms",
    .noun = "admin.record.synonyms",
    .fields = synonym_fields,
    .nfields = sizeof synonym_fields / sizeof synonym_fields[0],
    .load = synonym_load,
    .check = synonym_check,
    .save = synonym_save,
    .extra = synonym_extra,
};

void admin_synonyms(struct request *r)
{
	struct synonym_group *gs;
	size_t n;
	if (store_synonyms(r->w->db, r->pool, r->site->id, &gs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.synonyms"));
	view *list = view_list(v, "groups");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)gs[i].id);
		view_str(x, "terms", gs[i].terms);
		const char *first[1];
		if (synonyms_split(r->pool, gs[i].terms, first, 1) == 1) {
			buf url;
			buf_init(&url, r->pool);
			buf_adds(&url, "/search?q=");
			esc_url_component(&url, first[0], strlen(first[0]), 0);
			view_str(x, "first", first[0]);
			view_str(x, "search_url", buf_cstr(&url));
		}
	}
	view_int(v, "count", (long long)n);
	view_int(v, "max", SYNONYM_MAX_GROUPS);
	view_bool(v, "full", n >= SYNONYM_MAX_GROUPS);
	view_bool(v, "empty", n == 0);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	view_bool(v, "deleted", req_query(r, "deleted") != NULL);
	resp_page(r, 200, "admin/synonyms", v, 0);
}

void admin_synonym_new(struct request *r)
{
	record_new(r, &synonyms_kind);
}

void admin_synonym_edit(struct request *r)
{
	record_edit(r, &synonyms_kind);
}

void admin_synonym_save(struct request *r)
{
	record_save(r, &synonyms_kind);
}

void admin_synonym_delete_form(struct request *r)
{
	struct synonym_group g;
	int64_t id = admin_id(r);
	int found = id > 0 ? store_synonym_by_id(r->w->db, r->pool, r->site->id, id, &g) : 0;
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404,
			   found < 0 ? NULL : req_text(r, "admin.record.synonyms.none"));
		return;
	}
	char action[64], back[64];
	snprintf(action, sizeof action, "/admin/synonyms/%lld/delete", (long long)id);
	snprintf(back, sizeof back, "/admin/synonyms/%lld", (long long)id);
	record_confirm(r, req_text(r, "admin.synonyms.delete_title"),
		       req_textf(r, "admin.synonyms.delete_text", "terms", g.terms, NULL), action, back);
}

void admin_synonym_delete(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int64_t id = admin_id(r);
	enum save_result rc =
	    id > 0 ? store_synonym_delete(r->w->db, r->site->id, id, r->user->id) : SAVE_NOT_FOUND;
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.record.synonyms.none") : NULL);
		return;
	}
	record_changed(r);
	resp_redirect(r, 303, "/admin/synonyms?deleted=1");
}
