/* structure: the back office's sections, tags (with deletion) and static pages, on the record editor. */
#include <stdio.h>
#include <string.h>

#include "admin/when.h"
#include "admin/records.h"
#include "core/text.h"
#include "http/policy.h"
#include "http/response.h"
#include "http/router.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/structure.h"

/* Fills the error of the field a save found taken; messages[i] is field i's, NULL when it cannot clash. */
static void taken_error(struct request *r, const struct record_kind *k, const char *taken,
			const char *const *messages, const char **errors)
{
	for (size_t i = 0; i < k->nfields; i++)
		if (messages[i] && strcmp(k->fields[i].name, taken) == 0) {
			errors[i] = req_text(r, messages[i]);
			return;
		}
	for (size_t i = 0; i < k->nfields;
	     i++) /* a clash the editor did not foresee: say so on the first one */
		if (messages[i]) {
			errors[i] = req_text(r, messages[i]);
			return;
		}
}

static void view_public_link(view *v, const char *url)
{
	view_bool(v, "has_public", 1);
	view_str(v, "public_url", url);
}

/* ---- sections ---- */

static const struct record_field section_fields[] = {
    {"name", "admin.common.name", "", 100, FIELD_TEXT, "admin.record.section.name_missing"},
    {"slug", "admin.record.slug", "admin.record.section.slug_hint", 80, FIELD_TEXT, NULL},
    {"description", "admin.record.description", "admin.record.section.description_hint", 500, FIELD_AREA,
     NULL},
    {"position", "admin.common.position", "admin.record.section.position_hint", 5, FIELD_NUMBER, NULL},
};

static int section_load(struct request *r, int64_t id, struct record *rec)
{
	struct section_edit x;
	if (!id)
		return 1;
	int found = store_section_by_id(r->w->db, r->pool, r->site->id, id, &x);
	if (found == 1) {
		rec->v[0] = x.name;
		rec->v[1] = x.slug;
		rec->v[2] = x.description;
		rec->v[3] = record_int_text(r, x.position);
	}
	return found;
}

/* Sections and tags: field 0 is the name, field 1 the slug (at most 80 characters) made from it when empty.
 */
static void slug_from_name(struct request *r, struct record *rec, const char **errors)
{
	record_slug(r, rec, 1, 0, 80, errors);
}

static const struct record_kind sections_kind;

static enum save_result section_save(struct request *r, const struct record *rec, int64_t *id_out,
				     const char **errors)
{
	struct section_edit x = {.id = rec->id,
				 .name = rec->v[0],
				 .slug = rec->v[1],
				 .description = rec->v[2],
				 .position = record_number(rec->v[3])};
	const char *taken;
	enum save_result rc = store_section_save(r->w->db, r->site->id, &x, r->user->id, id_out, &taken);
	static const char *const messages[] = {NULL, "admin.record.section.slug_taken", NULL, NULL};
	if (rc == SAVE_SLUG_TAKEN)
		taken_error(r, &sections_kind, taken, messages, errors);
	return rc;
}

static void section_extra(struct request *r, const struct record *rec, view *v)
{
	if (!rec->id)
		return;
	char url[120];
	snprintf(url, sizeof url, "/section/%s", rec->v[1]);
	(void)r;
	view_public_link(v, url);
}

/* the fields of each kind that have names in the site's other languages, with the originals' limits */
static const struct name_field_def section_names[] = {
    {"name", "admin.names.field.name", 100, 0}, {"description", "admin.names.field.description", 500, 1}};
static const struct name_field_def tag_names[] = {{"name", "admin.names.field.name", 60, 0}};
static const struct name_field_def page_names[] = {{"title", "admin.names.field.title", 150, 0},
						   {"body", "admin.names.field.body", 50000, 1}};

static const struct record_kind sections_kind = {
    .base = "/admin/sections",
    .noun = "admin.record.section",
    .fields = section_fields,
    .nfields = sizeof section_fields / sizeof section_fields[0],
    .load = section_load,
    .check = slug_from_name,
    .save = section_save,
    .extra = section_extra,
    .names_kind = "section",
    .names = section_names,
    .nnames = 2,
};

void admin_sections(struct request *r)
{
	struct section_edit *xs;
	size_t n;
	if (store_admin_sections(r->w->db, r->pool, r->site->id, &xs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.sections"));
	view *list = view_list(v, "sections");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "name", xs[i].name);
		view_str(x, "slug", xs[i].slug);
		view_int(x, "position", (long long)xs[i].position);
		view_int(x, "count", xs[i].article_count);
	}
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	resp_page(r, 200, "admin/sections", v, 0);
}

void admin_section_new(struct request *r)
{
	record_new(r, &sections_kind);
}

void admin_section_edit(struct request *r)
{
	record_edit(r, &sections_kind);
}

void admin_section_save(struct request *r)
{
	record_save(r, &sections_kind);
}

/* ---- tags ---- */

static const struct record_field tag_fields[] = {
    {"name", "admin.common.name", "", 60, FIELD_TEXT, "admin.record.tag.name_missing"},
    {"slug", "admin.record.slug", "admin.record.tag.slug_hint", 80, FIELD_TEXT, NULL},
};

static int tag_load(struct request *r, int64_t id, struct record *rec)
{
	struct tag x;
	if (!id)
		return 1;
	int found = store_tag_by_id(r->w->db, r->pool, r->site->id, id, &x);
	if (found == 1) {
		rec->v[0] = x.name;
		rec->v[1] = x.slug;
	}
	return found;
}

static const struct record_kind tags_kind;

/* An article's editor lists its tags separated by commas: a name with one would come back as two tags. */
static void tag_check(struct request *r, struct record *rec, const char **errors)
{
	if (strchr(rec->v[0], ',') && !errors[0])
		errors[0] = req_text(r, "admin.record.tag.comma");
	slug_from_name(r, rec, errors);
}

static enum save_result tag_save(struct request *r, const struct record *rec, int64_t *id_out,
				 const char **errors)
{
	struct tag x = {.id = rec->id, .name = rec->v[0], .slug = rec->v[1]};
	const char *taken;
	enum save_result rc = store_tag_save(r->w->db, r->site->id, &x, r->user->id, id_out, &taken);
	static const char *const messages[] = {"admin.record.tag.name_taken", "admin.record.tag.slug_taken"};
	if (rc == SAVE_SLUG_TAKEN)
		taken_error(r, &tags_kind, taken, messages, errors);
	return rc;
}

static void tag_extra(struct request *r, const struct record *rec, view *v)
{
	if (!rec->id)
		return;
	char url[120];
	snprintf(url, sizeof url, "/tag/%s", rec->v[1]);
	view_public_link(v, url);
	snprintf(url, sizeof url, "/admin/tags/%lld/delete", (long long)rec->id);
	view_bool(v, "has_delete", 1);
	view_str(v, "delete_url", url);
	(void)r;
}

static const struct record_kind tags_kind = {
    .base = "/admin/tags",
    .noun = "admin.record.tag",
    .fields = tag_fields,
    .nfields = sizeof tag_fields / sizeof tag_fields[0],
    .load = tag_load,
    .check = tag_check,
    .save = tag_save,
    .extra = tag_extra,
    .names_kind = "tag",
    .names = tag_names,
    .nnames = 1,
};

void admin_tags(struct request *r)
{
	struct tag *xs;
	size_t n;
	if (store_admin_tags(r->w->db, r->pool, r->site->id, &xs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.tags"));
	view *list = view_list(v, "tags");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "name", xs[i].name);
		view_str(x, "slug", xs[i].slug);
		view_int(x, "count", xs[i].article_count);
	}
	view_bool(v, "empty", n == 0);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	view_bool(v, "deleted", req_query(r, "deleted") != NULL);
	resp_page(r, 200, "admin/tags", v, 0);
}

void admin_tag_new(struct request *r)
{
	record_new(r, &tags_kind);
}

void admin_tag_edit(struct request *r)
{
	record_edit(r, &tags_kind);
}

void admin_tag_save(struct request *r)
{
	record_save(r, &tags_kind);
}

void admin_tag_delete_form(struct request *r)
{
	struct tag t;
	int64_t id = admin_id(r);
	int found = id > 0 ? store_tag_by_id(r->w->db, r->pool, r->site->id, id, &t) : 0;
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "admin.record.tag.none"));
		return;
	}
	char action[64], back[64];
	const char *title = req_textf(r, "admin.record.tag.delete_title", "name", t.name, NULL);
	snprintf(action, sizeof action, "/admin/tags/%lld/delete", (long long)id);
	snprintf(back, sizeof back, "/admin/tags/%lld", (long long)id);
	const char *message =
	    req_plural(r, "admin.record.tag.delete_text", t.article_count, "slug", t.slug, NULL);
	record_confirm(r, title, message, action, back);
}

void admin_tag_delete(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int64_t id = admin_id(r);
	enum save_result rc =
	    id > 0 ? store_tag_delete(r->w->db, r->site->id, id, r->user->id) : SAVE_NOT_FOUND;
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.record.tag.none") : NULL);
		return;
	}
	record_changed(r);
	resp_redirect(r, 303, "/admin/tags?deleted=1");
}

/* ---- static pages ---- */

static const struct record_field page_fields[] = {
    {"path", "admin.record.page.path", "admin.record.page.path_hint", 120, FIELD_TEXT,
     "admin.record.page.path_missing"},
    {"title", "admin.common.title", "", 150, FIELD_TEXT, "admin.record.page.title_missing"},
    {"body", "admin.record.page.body", "", 50000, FIELD_AREA, NULL},
};

static int page_load(struct request *r, int64_t id, struct record *rec)
{
	struct page x;
	if (!id)
		return 1;
	int found = store_page_by_id(r->w->db, r->pool, r->site->id, id, &x);
	if (found == 1) {
		rec->v[0] = x.path;
		rec->v[1] = x.title;
		rec->v[2] = x.body;
	}
	return found;
}

static void page_check(struct request *r, struct record *rec, const char **errors)
{
	if (errors[0])
		return;
	if (!text_page_path_ok(rec->v[0]))
		errors[0] = req_text(r, "admin.record.page.path_bad");
	else if (router_page_path_reserved(rec->v[0]))
		errors[0] = req_text(r, "admin.record.page.path_reserved");
}

static const struct record_kind pages_kind;

static enum save_result page_save(struct request *r, const struct record *rec, int64_t *id_out,
				  const char **errors)
{
	struct page x = {.id = rec->id, .path = rec->v[0], .title = rec->v[1], .body = rec->v[2]};
	const char *taken;
	enum save_result rc = store_page_save(r->w->db, r->site->id, &x, r->user->id, id_out, &taken);
	static const char *const messages[] = {"admin.record.page.path_taken", NULL, NULL};
	if (rc == SAVE_SLUG_TAKEN)
		taken_error(r, &pages_kind, taken, messages, errors);
	return rc;
}

static void page_extra(struct request *r, const struct record *rec, view *v)
{
	(void)r;
	if (rec->id)
		view_public_link(v, rec->v[0]);
}

static const struct record_kind pages_kind = {
    .base = "/admin/pages",
    .noun = "admin.record.page",
    .fields = page_fields,
    .nfields = sizeof page_fields / sizeof page_fields[0],
    .load = page_load,
    .check = page_check,
    .save = page_save,
    .extra = page_extra,
    .names_kind = "page",
    .names = page_names,
    .nnames = 2,
};

void admin_pages(struct request *r)
{
	struct page *xs;
	size_t n;
	if (store_admin_pages(r->w->db, r->pool, r->site->id, &xs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.pages"));
	view *list = view_list(v, "pages");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "path", xs[i].path);
		view_str(x, "title", xs[i].title);
		view_when(r, x, "updated", "updated_iso", xs[i].updated_at);
	}
	view_bool(v, "empty", n == 0);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	resp_page(r, 200, "admin/pages", v, 0);
}

void admin_page_new(struct request *r)
{
	record_new(r, &pages_kind);
}

void admin_page_edit(struct request *r)
{
	record_edit(r, &pages_kind);
}

void admin_page_save(struct request *r)
{
	record_save(r, &pages_kind);
}
