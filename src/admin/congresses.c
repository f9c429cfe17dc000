/* congresses: the back office's congress list and form; a congress hub exists as soon as it is saved. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin/live.h"
#include "admin/name_fields.h"
#include "core/text.h"
#include "http/changes.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/desk.h"

void admin_congresses(struct request *r)
{
	struct congress *cs;
	size_t n;
	if (store_congresses(r->w->db, r->pool, r->site->id, 0, &cs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.congresses"));
	view *list = view_list(v, "congresses");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)cs[i].id);
		view_str(x, "name", cs[i].name);
		view_str(x, "slug", cs[i].slug);
		view_str(x, "dates", cs[i].starts_on);
		view_str(x, "city", cs[i].city);
		view_int(x, "count", cs[i].article_count);
	}
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	/* what the route table lets this reader do, to offer only that (the table decides, not this) */
	view_bool(v, "can_add", policy_role_at_least(r->user, ROLE_EDITOR));
	resp_page(r, 200, "admin/congresses", v, 0);
}

static const char *const fields[] = {"name",	"slug", "full_name", "starts_on",
				     "ends_on", "city", "country",   "description"};
#define NFIELDS (sizeof fields / sizeof fields[0])
/* the name and description in the site's other languages, with the originals' limits */
static const struct name_field_def congress_names[] = {
    {"name", "admin.names.field.name", 100, 0}, {"description", "admin.names.field.description", 5000, 1}};

static void congress_form(struct request *r, int status, const struct congress *c, const char *const *errors,
			  const struct name_fields *nf)
{
	view *v = layout_view(r, c->id ? req_text(r, "admin.title.edit_congress")
				       : req_text(r, "admin.title.new_congress"));
	view *f = view_obj(v, "form");
	view_int(f, "id", (long long)c->id);
	view_bool(f, "existing", c->id != 0);
	view_str(f, "name", c->name);
	view_str(f, "slug", c->slug);
	view_str(f, "full_name", c->full_name);
	view_str(f, "starts_on", c->starts_on);
	view_str(f, "ends_on", c->ends_on);
	view_str(f, "city", c->city);
	view_str(f, "country", c->country);
	view_str(f, "description", c->description);
	name_fields_view(nf, v, fields, errors, NFIELDS); /* with the error summary of both */
	live_record_note(r, v, LIVE_CONGRESS, c->id);
	resp_page(r, status, "admin/congress-edit", v, 0);
}

void admin_congress_new(struct request *r)
{
	struct congress c = {.name = "",
			     .slug = "",
			     .full_name = "",
			     .starts_on = "",
			     .ends_on = "",
			     .city = "",
			     .country = "",
			     .description = ""};
	struct name_fields nf;
	if (name_fields_load(r, &nf, "congress", congress_names, 2, 0) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	congress_form(r, 200, &c, NULL, &nf);
}

void admin_congress_edit(struct request *r)
{
	struct congress c;
	int64_t id = admin_id(r);
	if (id <= 0 || store_congress_by_id(r->w->db, r->pool, r->site->id, id, &c) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_congress"));
		return;
	}
	struct name_fields nf;
	if (name_fields_load(r, &nf, "congress", congress_names, 2, id) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	congress_form(r, 200, &c, NULL, &nf);
}

/* 1 when s is a real calendar date written YYYY-MM-DD */
static int date_ok(const char *s)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *end = strptime(s, "%Y-%m-%d", &tm);
	if (!end || *end || strlen(s) != 10)
		return 0;
	struct tm check = tm;
	time_t t = timegm(&check);
	struct tm back;
	gmtime_r(&t, &back);
	return back.tm_mday == tm.tm_mday && back.tm_mon == tm.tm_mon;
}

void admin_congress_save(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct congress c;
	memset(&c, 0, sizeof c);
	if (r->nparams && (c.id = admin_id(r)) <= 0) {
		resp_error(r, 404, req_text(r, "admin.error.no_congress"));
		return;
	}
	if (live_record_locked(r, LIVE_CONGRESS, c.id))
		return;
	/* what the form does not send stays as it is stored */
	struct congress was;
	memset(&was, 0, sizeof was);
	if (c.id && store_congress_by_id(r->w->db, r->pool, r->site->id, c.id, &was) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_congress"));
		return;
	}
#define FIELD(n) (form_get(&f, #n) ? form_get(&f, #n) : was.n ? was.n : "")
	c.name = FIELD(name);
	c.full_name = FIELD(full_name);
	c.starts_on = FIELD(starts_on);
	c.ends_on = FIELD(ends_on);
	c.city = FIELD(city);
	c.country = FIELD(country);
	c.description = FIELD(description);
	const char *slug_in = FIELD(slug);
#undef FIELD
	const char *errors[NFIELDS] = {0};
	int bad = 0;
	if (!c.name[0] || text_chars(c.name) > 100 || !text_clean(c.name, 0))
		errors[0] = req_text(r, "admin.error.congress_name"), bad++;
	char *slug = h2o_mem_alloc_pool(r->pool, 101);
	text_slug(slug_in[0] ? slug_in : c.name, slug, 101);
	c.slug = slug;
	if (slug_in[0] && strcmp(slug, slug_in) != 0)
		errors[1] = req_text(r, "admin.error.congress_slug"), bad++;
	if (text_chars(c.full_name) > 200 || !text_clean(c.full_name, 0))
		errors[2] = req_text(r, "admin.error.congress_full_name"), bad++;
	if (!date_ok(c.starts_on))
		errors[3] = req_text(r, "admin.error.congress_start"), bad++;
	if (!date_ok(c.ends_on) || (date_ok(c.starts_on) && strcmp(c.ends_on, c.starts_on) < 0))
		errors[4] = req_text(r, "admin.error.congress_end"), bad++;
	if (text_chars(c.city) > 100 || !text_clean(c.city, 0))
		errors[5] = req_text(r, "admin.error.congress_city"), bad++;
	if (text_chars(c.country) > 100 || !text_clean(c.country, 0))
		errors[6] = req_text(r, "admin.error.congress_country"), bad++;
	if (text_chars(c.description) > 5000 || !text_clean(c.description, 1))
		errors[7] = req_text(r, "admin.error.congress_description"), bad++;
	struct name_fields nf;
	if (name_fields_load(r, &nf, "congress", congress_names, 2, c.id) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	bad += (int)name_fields_read(r, &nf, &f);
	if (bad) {
		congress_form(r, 422, &c, errors, &nf);
		return;
	}
	c.year = atoi(c.starts_on);
	int64_t id;
	enum save_result rc = store_congress_save(r->w->db, r->site->id, &c, r->user->id, &id);
	if (rc == SAVE_SLUG_TAKEN) {
		errors[1] = req_text(r, "admin.error.congress_slug_taken");
		congress_form(r, 422, &c, errors, &nf);
		return;
	}
	if (rc == SAVE_OK)
		rc = name_fields_save(r, &nf, id); /* the names in other languages that changed */
	if (rc != SAVE_OK) {
		resp_error(r, c.id ? 404 : 500, c.id ? req_text(r, "admin.error.no_congress") : NULL);
		return;
	}
	changed_structure(r->app); /* hubs, lists and article labels show it */
	resp_redirect(r, 303, "/admin/congresses?saved=1");
}
