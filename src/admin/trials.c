/* trials: the back office's trial records (name, aliases, registry id, phase, setting, arms, results). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/live.h"
#include "admin/records.h"
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

/* field name, label (a message key), maximum characters, multi-line */
static const struct {
	const char *name, *label;
	size_t max;
	int multiline;
} fields[] = {
    {"name", "admin.common.name", 150, 0},
    {"aliases", "admin.trial_form.aliases", 300, 0},
    {"registry_id", "admin.trial_form.registry_id", 40, 0},
    {"phase", "admin.trial_form.phase", 20, 0},
    {"setting", "admin.trial_form.setting", 100, 0},
    {"population", "admin.trial_form.population", 1000, 1},
    {"arms", "admin.trial_form.arms", 1000, 1},
    {"primary_endpoint", "admin.trial_form.primary_endpoint", 300, 0},
    {"results", "admin.trial_form.results", 5000, 1},
    {"status", "admin.common.status", 60, 0},
};
#define NFIELDS (sizeof fields / sizeof fields[0])

static const char **field_ptr(struct trial_edit *t, size_t i)
{
	const char **p[] = {&t->name,	    &t->aliases, &t->registry_id,      &t->phase,   &t->setting,
			    &t->population, &t->arms,	 &t->primary_endpoint, &t->results, &t->status};
	return p[i];
}

void admin_trials(struct request *r)
{
	struct named *xs;
	size_t n;
	if (store_trials_all(r->w->db, r->pool, r->site->id, &xs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.trials"));
	view *list = view_list(v, "trials");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "name", xs[i].name);
		view_str(x, "registry_id", xs[i].detail);
	}
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	resp_page(r, 200, "admin/trials", v, 0);
}

static void trial_form(struct request *r, int status, struct trial_edit *t, const char *const *errors)
{
	view *v = layout_view(r, t->id ? req_text(r, "admin.title.edit_trial")
				       : req_text(r, "admin.title.new_trial"));
	view_int(v, "trial_id", (long long)t->id);
	view_bool(v, "existing", t->id != 0);
	view *list = view_list(v, "fields");
	for (size_t i = 0; i < NFIELDS; i++) {
		view *x = view_push(list);
		view_str(x, "name", fields[i].name);
		view_str(x, "label", req_text(r, fields[i].label));
		view_int(x, "max", (long long)fields[i].max);
		view_bool(x, "multiline", fields[i].multiline);
		view_str(x, "value", *field_ptr(t, i));
		view_str(x, "error", errors && errors[i] ? errors[i] : "");
		view_bool(x, "has_error", errors && errors[i]);
	}
	const char *names[NFIELDS];
	for (size_t i = 0; i < NFIELDS; i++)
		names[i] = fields[i].name;
	view_errors(v, names, errors, errors ? NFIELDS : 0);
	live_record_note(r, v, LIVE_TRIAL, t->id);
	resp_page(r, status, "admin/trial-edit", v, 0);
}

void admin_trial_new(struct request *r)
{
	struct trial_edit t = {0};
	for (size_t i = 0; i < NFIELDS; i++)
		*field_ptr(&t, i) = "";
	trial_form(r, 200, &t, NULL);
}

void admin_trial_edit(struct request *r)
{
	struct trial_edit t;
	int64_t id = admin_id(r);
	if (id <= 0 || store_trial_by_id(r->w->db, r->pool, r->site->id, id, &t) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_trial"));
		return;
	}
	trial_form(r, 200, &t, NULL);
}

void admin_trial_save(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct trial_edit t = {0};
	if (r->nparams && (t.id = admin_id(r)) <= 0) {
		resp_error(r, 404, req_text(r, "admin.error.no_trial"));
		return;
	}
	if (live_record_locked(r, LIVE_TRIAL, t.id))
		return;
	/* what the form does not send (the slug, the trial's address) stays as it is stored */
	struct trial_edit was = {0};
	if (t.id && store_trial_by_id(r->w->db, r->pool, r->site->id, t.id, &was) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_trial"));
		return;
	}
	const char *errors[NFIELDS] = {0};
	int bad = 0;
	for (size_t i = 0; i < NFIELDS; i++) {
		const char *v = form_get(&f, fields[i].name);
		const char *stored = t.id ? *field_ptr(&was, i) : NULL;
		*field_ptr(&t, i) = v ? v : stored ? stored : "";
		if (text_chars(*field_ptr(&t, i)) > fields[i].max ||
		    !text_clean(*field_ptr(&t, i), fields[i].multiline)) {
			errors[i] = req_textf(r, "admin.record.error.max", "max",
					      record_int_text(r, (int64_t)fields[i].max), NULL);
			bad++;
		}
	}
	if (!t.name[0])
		errors[0] = req_text(r, "admin.error.trial_name"), bad++;
	char *slug = h2o_mem_alloc_pool(r->pool, 160);
	text_slug(t.name, slug, 160);
	t.slug = t.id && was.slug && was.slug[0] ? was.slug : slug; /* a new name keeps its address */
	if (!bad && !t.slug[0])
		errors[0] = req_text(r, "admin.error.name_letters"), bad++;
	if (bad) {
		trial_form(r, 422, &t, errors);
		return;
	}
	int64_t id;
	enum save_result rc = store_trial_save(r->w->db, r->site->id, &t, r->user->id, &id);
	if (rc == SAVE_SLUG_TAKEN) {
		errors[0] = req_text(r, "admin.error.trial_taken");
		trial_form(r, 422, &t, errors);
		return;
	}
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.error.no_trial") : NULL);
		return;
	}
	changed_structure(r->app); /* article pages name their trial */
	resp_redirect(r, 303, "/admin/trials?saved=1");
}
