/* sponsors: the back office's sponsors: name, link, logo and the disclosure shown wherever they appear. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/live.h"
#include "core/text.h"
#include "http/changes.h"
#include "http/policy.h"
#include "http/router.h"
#include "http/response.h"
#include "jobs/media.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/editorial.h"
#include "store/desk.h"
#include "store/media.h"

void admin_sponsors(struct request *r)
{
	struct named *xs;
	size_t n;
	if (store_sponsors_all(r->w->db, r->pool, r->site->id, &xs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.sponsors"));
	view *list = view_list(v, "sponsors");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "name", xs[i].name);
		view_str(x, "disclosure", xs[i].detail);
	}
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	resp_page(r, 200, "admin/sponsors", v, 0);
}

static const char *const fields[] = {"name", "url", "logo", "disclosure"};

static void sponsor_form(struct request *r, int status, const struct sponsor *p, const char *const *errors)
{
	view *v = layout_view(r, p->id ? req_text(r, "admin.title.edit_sponsor")
				       : req_text(r, "admin.title.new_sponsor"));
	view *f = view_obj(v, "form");
	view_int(f, "id", (long long)p->id);
	view_bool(f, "existing", p->id != 0);
	/* the sponsor's report (src/admin/analytics_sponsor.c) is for editors */
	view_bool(f, "report", p->id != 0 && route_role_of(r->user->role) >= ROLE_EDITOR);
	view_str(f, "name", p->name);
	view_str(f, "url", p->url);
	view_str(f, "logo", p->logo);
	view_str(f, "disclosure", p->disclosure);
	/* the logo comes from the media library: its 320-pixel rendition (or the smallest it has) */
	struct media *ms;
	size_t n, total, found = 0;
	view *logos = view_list(f, "logos");
	if (store_media_list(r->w->db, r->pool, r->site->id, 0, 300, &ms, &n, &total) != 0)
		n = 0;
	for (size_t i = 0; i < n; i++) {
		int ws[MEDIA_MAX_WIDTHS];
		char url[128];
		media_widths(ms[i].width, ws);
		media_url(ms[i].hash, ms[i].kind, ws[0], url, sizeof url);
		view *x = view_push(logos);
		view_str(x, "url", url);
		view_str(x, "alt", ms[i].alt);
		view_bool(x, "selected", strcmp(url, p->logo) == 0);
		found += strcmp(url, p->logo) == 0;
	}
	view_bool(f, "other_logo", p->logo[0] && !found); /* a path set before the library, kept as it is */
	view_errors(v, fields, errors, errors ? 4 : 0);
	live_record_note(r, v, LIVE_SPONSOR, p->id);
	resp_page(r, status, "admin/sponsor-edit", v, 0);
}

void admin_sponsor_new(struct request *r)
{
	struct sponsor p = {.name = "", .url = "", .logo = "", .disclosure = "", .slug = ""};
	sponsor_form(r, 200, &p, NULL);
}

void admin_sponsor_edit(struct request *r)
{
	struct sponsor p;
	int64_t id = admin_id(r);
	if (id <= 0 || store_sponsor_by_id(r->w->db, r->pool, r->site->id, id, &p) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_sponsor"));
		return;
	}
	sponsor_form(r, 200, &p, NULL);
}

void admin_sponsor_save(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct sponsor p = {0};
	if (r->nparams && (p.id = admin_id(r)) <= 0) {
		resp_error(r, 404, req_text(r, "admin.error.no_sponsor"));
		return;
	}
	if (live_record_locked(r, LIVE_SPONSOR, p.id))
		return;
	/* what the form does not send (the slug, which is the sponsor's address) stays as it is stored */
	struct sponsor was = {.name = "", .url = "", .logo = "", .disclosure = "", .slug = ""};
	if (p.id && store_sponsor_by_id(r->w->db, r->pool, r->site->id, p.id, &was) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_sponsor"));
		return;
	}
#define FIELD(n, stored) (form_get(&f, n) ? form_get(&f, n) : stored)
	p.name = FIELD("name", was.name);
	p.url = FIELD("url", was.url);
	p.logo = FIELD("logo", was.logo);
	p.disclosure = FIELD("disclosure", was.disclosure);
#undef FIELD
	const char *errors[4] = {0};
	int bad = 0;
	if (!p.name[0] || text_chars(p.name) > 150 || !text_clean(p.name, 0))
		errors[0] = req_text(r, "admin.error.sponsor_name"), bad++;
	if (p.url[0] && (strncmp(p.url, "https://", 8) != 0 || strlen(p.url) > 500 || !text_clean(p.url, 0)))
		errors[1] = req_text(r, "admin.error.link_https"), bad++;
	if (p.logo[0] &&
	    (p.logo[0] != '/' || p.logo[1] == '/' || strlen(p.logo) > 300 || !text_clean(p.logo, 0)))
		errors[2] = req_text(r, "admin.error.logo_path"), bad++;
	/* the disclosure is what readers and compliance officers see next to every sponsored article */
	if (text_chars(p.disclosure) < 10 || text_chars(p.disclosure) > 1000 || !text_clean(p.disclosure, 1))
		errors[3] = req_text(r, "admin.error.disclosure"), bad++;
	char *slug = h2o_mem_alloc_pool(r->pool, 160);
	text_slug(p.name, slug, 160);
	p.slug = p.id && was.slug[0] ? was.slug : slug; /* a new name keeps the address links point to */
	if (!bad && !p.slug[0])
		errors[0] = req_text(r, "admin.error.name_letters"), bad++;
	if (bad) {
		sponsor_form(r, 422, &p, errors);
		return;
	}
	int64_t id;
	enum save_result rc = store_sponsor_save(r->w->db, r->site->id, &p, r->user->id, &id);
	if (rc == SAVE_SLUG_TAKEN) {
		errors[0] = req_text(r, "admin.error.sponsor_taken");
		sponsor_form(r, 422, &p, errors);
		return;
	}
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.error.no_sponsor") : NULL);
		return;
	}
	changed_structure(r->app); /* sponsored articles show the disclosure */
	resp_redirect(r, 303, "/admin/sponsors?saved=1");
}
