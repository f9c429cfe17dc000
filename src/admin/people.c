/* people: the back office's faculty list and form (name, title, affiliation, bio). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/live.h"
#include "core/buf.h"
#include "core/text.h"
#include "http/changes.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/editorial.h"
#include "store/desk.h"

void admin_people(struct request *r)
{
	struct named *xs;
	size_t n;
	if (store_people_all(r->w->db, r->pool, &xs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.faculty"));
	view *list = view_list(v, "people");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "name", xs[i].name);
		view_str(x, "affiliation", xs[i].detail);
	}
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	resp_page(r, 200, "admin/people", v, 0);
}

static void person_show(struct request *r, int status, const struct person *p, const char *bio,
			const char *const *errors)
{
	static const char *const fields[] = {"name", "title", "affiliation", "bio", "slug"};
	view *v = layout_view(r, p->id ? req_text(r, "admin.title.edit_person")
				       : req_text(r, "admin.title.new_person"));
	view *f = view_obj(v, "form");
	view_int(f, "id", (long long)p->id);
	view_bool(f, "existing", p->id != 0);
	view_str(f, "name", p->name);
	view_str(f, "title", p->title);
	view_str(f, "affiliation", p->affiliation);
	view_str(f, "slug", p->slug);
	view_str(f, "bio", bio);
	view_errors(v, fields, errors, errors ? 5 : 0);
	live_record_note(r, v, LIVE_PERSON, p->id);
	resp_page(r, status, "admin/person-edit", v, 0);
}

void admin_person_new(struct request *r)
{
	struct person p = {.name = "", .title = "", .affiliation = "", .slug = ""};
	person_show(r, 200, &p, "", NULL);
}

void admin_person_edit(struct request *r)
{
	struct person p;
	const char *bio;
	char *end;
	long long id = strtoll(r->params[0], &end, 10);
	if (*end || id <= 0 || store_person_by_id(r->w->db, r->pool, id, &p, &bio) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_person"));
		return;
	}
	person_show(r, 200, &p, bio, NULL);
}

void admin_person_save(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct person p = {0};
	if (r->nparams) {
		char *end;
		p.id = strtoll(r->params[0], &end, 10);
		if (*end || p.id <= 0) {
			resp_error(r, 404, req_text(r, "admin.error.no_person"));
			return;
		}
	}
	if (live_record_locked(r, LIVE_PERSON, p.id))
		return;
	/* what the form does not send (the slug, the person's address) stays as it is stored */
	struct person was = {.name = "", .title = "", .affiliation = "", .slug = ""};
	const char *was_bio = "";
	if (p.id && store_person_by_id(r->w->db, r->pool, p.id, &was, &was_bio) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_person"));
		return;
	}
	p.name = form_get(&f, "name") ? form_get(&f, "name") : was.name;
	p.title = form_get(&f, "title") ? form_get(&f, "title") : was.title;
	p.affiliation = form_get(&f, "affiliation") ? form_get(&f, "affiliation") : was.affiliation;
	const char *bio = form_get(&f, "bio") ? form_get(&f, "bio") : was_bio ? was_bio : "";
	const char *errors[5] = {0};
	int bad = 0;
	if (!p.name[0] || text_chars(p.name) > 150 || !text_clean(p.name, 0))
		errors[0] = req_text(r, "admin.error.person_name"), bad++;
	if (text_chars(p.title) > 100 || !text_clean(p.title, 0))
		errors[1] = req_text(r, "admin.error.person_title"), bad++;
	if (text_chars(p.affiliation) > 300 || !text_clean(p.affiliation, 0))
		errors[2] = req_text(r, "admin.error.person_affiliation"), bad++;
	if (text_chars(bio) > 5000 || !text_clean(bio, 1))
		errors[3] = req_text(r, "admin.error.person_bio"), bad++;
	char *slug = h2o_mem_alloc_pool(r->pool, 160);
	text_slug(p.name, slug, 160);
	p.slug = p.id && was.slug && was.slug[0] ? was.slug : slug; /* a new name keeps its address */
	if (!bad && !p.slug[0])
		errors[0] = req_text(r, "admin.error.name_letters"), bad++;
	if (bad) {
		person_show(r, 422, &p, bio, errors);
		return;
	}
	int64_t id;
	enum save_result rc = store_person_save(r->w->db, &p, bio, r->user->id, &id);
	if (rc == SAVE_SLUG_TAKEN) {
		errors[0] = req_text(r, "admin.error.person_taken");
		person_show(r, 422, &p, bio, errors);
		return;
	}
	if (rc != SAVE_OK) {
		resp_error(r, p.id ? 404 : 500, p.id ? req_text(r, "admin.error.no_person") : NULL);
		return;
	}
	changed_structure(r->app); /* article pages show faculty */
	resp_redirect(r, 303, "/admin/people?saved=1");
}
