/* users: the admin's list of accounts with role changes (after re-entering a password), and the contact
 * inbox. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin/when.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/accounts.h"
#include "store/editorial.h"
#include "store/desk.h"

#define USERS_PAGE 50

static const char *const roles[] = {"reader", "contributor", "editor", "admin"};
static const char *const role_labels[] = {"admin.users.role_reader", "admin.users.role_contributor",
					  "admin.users.role_editor", "admin.users.role_admin"};

/* An account's HCP status ("none", "requested", "verified", "rejected") in the editor's language. */
static const char *hcp_label(struct request *r, const char *status)
{
	static const char *const statuses[][2] = {{"none", "admin.users.hcp_none"},
						  {"requested", "admin.users.hcp_requested"},
						  {"verified", "admin.users.hcp_verified"},
						  {"rejected", "admin.users.hcp_rejected"}};
	for (size_t i = 0; status && i < sizeof statuses / sizeof statuses[0]; i++)
		if (strcmp(status, statuses[i][0]) == 0)
			return req_text(r, statuses[i][1]);
	return status ? status : "";
}

static void users_show(struct request *r, int status, const char *error)
{
	int page = req_page_number(r);
	if (page < 0)
		page = 1;
	struct user *us;
	size_t n, total;
	if (store_users_list(r->w->db, r->pool, (size_t)(page - 1) * USERS_PAGE, USERS_PAGE, &us, &n,
			     &total) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.users"));
	if (view_pagination(v, r, "/admin/users", page, total, USERS_PAGE) != 0) {
		resp_error(r, 404, req_text(r, "admin.users.no_page"));
		return;
	}
	view *list = view_list(v, "users");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)us[i].id);
		view_str(x, "email", us[i].email);
		view_str(x, "name", us[i].name);
		view_str(x, "profession", profession_label(r, us[i].profession));
		view_str(x, "hcp_status", hcp_label(r, us[i].hcp_status));
		view_bool(x, "verified", us[i].email_verified);
		view *rl = view_list(x, "roles");
		for (size_t k = 0; k < 4; k++) {
			view *o = view_push(rl);
			view_str(o, "value", roles[k]);
			view_str(o, "label", req_text(r, role_labels[k]));
			view_bool(o, "selected", strcmp(us[i].role, roles[k]) == 0);
		}
	}
	view_bool(v, "has_error", error != NULL);
	view_str(v, "error_message", error ? error : "");
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	resp_page(r, status, "admin/users", v, 0);
}

void admin_users(struct request *r)
{
	users_show(r, 200, NULL);
}

struct role_change {
	int64_t user_id;
	const char *role;
};

static void role_checked(struct request *r, struct hash_job *job, void *ctx)
{
	struct role_change *c = ctx;
	if (!job->ok) {
		users_show(r, 422, req_text(r, "admin.users.error_password"));
		return;
	}
	if (store_user_set_role(r->w->db, c->user_id, c->role) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	char target[32];
	snprintf(target, sizeof target, "user:%lld", (long long)c->user_id);
	store_audit(r->w->db, r->user->id, "user.role", target, c->role);
	resp_redirect(r, 303, "/admin/users?saved=1");
}

/* Changing a role asks for the admin's own password again: a left-open session is not enough. */
void admin_user_role(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct role_change *c = h2o_mem_alloc_pool(r->pool, sizeof *c);
	const char *id = form_get(&f, "user_id");
	char *end;
	c->user_id = id ? strtoll(id, &end, 10) : 0;
	c->role = form_get(&f, "role");
	struct user u;
	if (!id || *end || c->user_id <= 0 || store_user_by_id(r->w->db, r->pool, c->user_id, &u) != 1) {
		users_show(r, 422, req_text(r, "admin.users.error_gone"));
		return;
	}
	int ok = 0;
	for (size_t k = 0; c->role && k < 4; k++)
		ok |= strcmp(c->role, roles[k]) == 0;
	if (!ok) {
		users_show(r, 422, req_text(r, "admin.users.error_role"));
		return;
	}
	if (c->user_id == r->user->id && strcmp(c->role, "admin") != 0) {
		users_show(r, 422, req_text(r, "admin.users.error_own_role"));
		return;
	}
	const char *password = form_get(&f, "password");
	recheck_password(r, password, role_checked, c);
}

void admin_messages(struct request *r)
{
	struct contact_message *ms;
	size_t n;
	if (store_contact_list(r->w->db, r->pool, r->site->id, 200, &ms, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.title.messages"));
	view *list = view_list(v, "messages");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)ms[i].site_id);
		view_str(x, "name", ms[i].name);
		view_str(x, "email", ms[i].email);
		view_str(x, "topic", ms[i].topic);
		view_str(x, "message", ms[i].message);
		view_when(r, x, "at", "at_iso", ms[i].created_at);
	}
	view_bool(v, "empty", n == 0);
	resp_page(r, 200, "admin/messages", v, 0);
}
