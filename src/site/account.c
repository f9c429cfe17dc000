/* account: signing in and out, and the reader's account page: profile, email, password, data, deletion. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "auth/sister.h"
#include "core/buf.h"
#include "core/text.h"
#include "render/escape.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "site/subscriptions.h"
#include "store/accounts.h"

/* ---- sign in and out ---- */

static void signin_show(struct request *r, int status, const char *email, const char *next, const char *error)
{
	view *v = layout_view(r, req_text(r, "signin.title"));
	view_str(v, "email", email ? email : "");
	view_next(v, next);
	view_bool(v, "verified", req_query(r, "verified") != NULL);
	view_bool(v, "reset", req_query(r, "reset") != NULL);
	view_bool(v, "has_error", error != NULL);
	view_str(v, "error_message", error ? error : "");
	resp_page(r, status, "signin", v, 0);
}

void signin_form(struct request *r)
{
	const char *next = req_next(r);
	if (r->user) {
		resp_redirect(r, 303, next ? next : landing_of(r->user));
		return;
	}
	if (sister_signin_elsewhere(r)) /* on the default site, so every sister site can ask it */
		return;
	signin_show(r, 200, NULL, next, NULL);
}

struct signin {
	const char *email, *next;
	int remember;
};

static void signin_checked(struct request *r, struct user *u, int status, const char *error, void *ctx)
{
	struct signin *s = ctx;
	if (!u) {
		signin_show(r, status, s->email, s->next, error);
		return;
	}
	throttle_clear(r, s->email);
	/* back to the page that sent the reader here; staff without one land on the back office */
	const char *back = s->next ? s->next : landing_of(u);
	if (u->totp_enabled) /* the password is right; the session waits for the second factor */
		back = with_next(r, "/signin/code", s->next);
	if (session_start(r, u->id, s->remember, u->totp_enabled) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, 303, back);
}

void signin_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct signin *s = h2o_mem_alloc_pool(r->pool, sizeof *s);
	s->email = form_get(&f, "email");
	s->next = form_next(&f);
	s->remember = form_get(&f, "remember") != NULL;
	signin_check(r, s->email, form_get(&f, "password"), signin_checked, s);
}

void signout(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	session_end(r);
	resp_redirect(r, 303, "/");
}

/* ---- the account page ---- */

static void account_show(struct request *r, int status, const char *section, const struct form *f,
			 const char *const *fields, const char *const *errors, size_t nerrors)
{
	const struct user *u = r->user;
	view *v = layout_view(r, req_text(r, "account.title"));
	view *a = view_obj(v, "account");
	int bad = f && section;
	view_str(a, "email", u->email);
	view_bool(a, "email_verified", u->email_verified);
	view_str(a, "name", bad && strcmp(section, "profile") == 0 ? form_get(f, "name") : u->name);
	view_str(a, "specialty",
		 bad && strcmp(section, "profile") == 0 ? form_get(f, "specialty") : u->specialty);
	view_str(a, "country", bad && strcmp(section, "profile") == 0 ? form_get(f, "country") : u->country);
	view_bool(a, "hcp", u->hcp_declared);
	view_professions(r, a, u->profession);
	view_str(a, "hcp_status", u->hcp_status);
	view_bool(a, "hcp_verified", strcmp(u->hcp_status, "verified") == 0);
	view_bool(a, "hcp_requested", strcmp(u->hcp_status, "requested") == 0);
	view_bool(a, "hcp_rejected", strcmp(u->hcp_status, "rejected") == 0);
	view_bool(a, "can_request",
		  strcmp(u->hcp_status, "verified") != 0 && strcmp(u->profession, "not_hcp") != 0);
	static const char *const level_keys[] = {"account.level.public", "account.level.members",
						 "account.level.hcp", "account.level.all"};
	view_str(a, "level", req_text(r, level_keys[r->level]));
	view_date(r, a, "since", "since_iso", u->created_at);
	subscriptions_account_view(r, a);
	account_language_view(r, a);
	static const char *const notices[][2] = {
	    {"verified", "account.notice.verified"},
	    {"saved", "account.notice.saved"},
	    {"password_changed", "account.notice.password_changed"},
	    {"email_sent", "account.notice.email_sent"},
	    {"requested", "account.notice.requested"},
	    {"resent", "account.notice.resent"},
	    {"subscribed", "account.notice.subscribed"},
	};
	for (size_t i = 0; i < sizeof notices / sizeof notices[0]; i++)
		if (req_query(r, notices[i][0]))
			view_str(v, "notice", req_text(r, notices[i][1]));
	view_errors(v, fields, errors, nerrors);
	view_str(v, "error_section", section ? section : "");
	resp_page(r, status, "account", v, 0);
}

void account_page(struct request *r)
{
	account_show(r, 200, NULL, NULL, NULL, NULL, 0);
}

/* Every account form (the route table lets only the signed-in post them). Returns -1 when it has answered. */
static int account_form(struct request *r, struct form *f)
{
	return form_read(r, f);
}

void account_profile(struct request *r)
{
	struct form f;
	if (account_form(r, &f) != 0)
		return;
	static const char *const fields[] = {"name", "profession", "specialty", "country", "hcp"};
	const char *errors[5] = {0};
	struct user u = *r->user;
	u.name = form_get(&f, "name");
	u.profession = form_get(&f, "profession");
	u.specialty = form_get(&f, "specialty");
	u.country = form_get(&f, "country");
	u.hcp_declared = form_get(&f, "hcp") != NULL;
	/* alerts (the sign-up's "email me" box) stays: the subscriptions panel is where mail is chosen now */
	if (!u.name || !u.name[0] || text_chars(u.name) > 100 || !text_clean(u.name, 0))
		errors[0] = req_text(r, "account.error.name");
	if (!profession_ok(u.profession))
		errors[1] = req_text(r, "forms.error.profession");
	if (!u.specialty || text_chars(u.specialty) > 100 || !text_clean(u.specialty, 0))
		errors[2] = req_text(r, "forms.error.specialty");
	if (!u.country || text_chars(u.country) > 100 || !text_clean(u.country, 0))
		errors[3] = req_text(r, "forms.error.country");
	if (u.hcp_declared && u.profession && strcmp(u.profession, "not_hcp") == 0)
		errors[4] = req_text(r, "account.error.declaration");
	for (int i = 0; i < 5; i++)
		if (errors[i]) {
			account_show(r, 422, "profile", &f, fields, errors, 5);
			return;
		}
	if (store_user_update_profile(r->w->db, &u) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, 303, "/account?saved=1");
}

struct change {
	const char *new_email, *new_password;
};

static void email_checked(struct request *r, struct hash_job *job, void *ctx)
{
	struct change *c = ctx;
	if (!job->ok) {
		static const char *const fields[] = {"current_password"};
		const char *errors[] = {req_text(r, "account.error.current_password")};
		account_show(r, 422, "email", NULL, fields, errors, 1);
		return;
	}
	int wait = mail_allowance(r, c->new_email);
	if (wait > 0) {
		limit_page(r, wait, req_text(r, "limits.messages_title"),
			   req_text(r, "limits.messages_sent"));
		return;
	}
	mail_link(r, r->user->id, c->new_email, "verify", c->new_email, 48);
	resp_redirect(r, 303, "/account?email_sent=1");
}

void account_email(struct request *r)
{
	struct form f;
	if (account_form(r, &f) != 0)
		return;
	struct change *c = h2o_mem_alloc_pool(r->pool, sizeof *c);
	c->new_email = form_get(&f, "new_email");
	const char *password = form_get(&f, "current_password");
	if (!c->new_email || !text_email_ok(c->new_email)) {
		static const char *const fields[] = {"new_email"};
		const char *errors[] = {req_text(r, "account.error.new_email")};
		account_show(r, 422, "email", &f, fields, errors, 1);
		return;
	}
	recheck_password(r, password, email_checked, c);
}

static void password_hashed(struct request *r, struct hash_job *job, void *ctx)
{
	(void)ctx;
	if (!job->ok) {
		resp_error(r, 500, NULL);
		return;
	}
	store_user_set_password(r->w->db, r->user->id, job->hash);
	store_tokens_drop(r->w->db, r->user->id,
			  "verify"); /* a pending change of address may be an intruder's */
	store_sessions_delete_user(r->w->db, r->user->id, NULL);
	/* a new token for this device, kept as long as before; every other device is signed out */
	session_start(r, r->user->id, r->remember, 0);
	resp_redirect(r, 303, "/account?password_changed=1");
}

static void password_checked(struct request *r, struct hash_job *job, void *ctx)
{
	struct change *c = ctx;
	if (!job->ok) {
		static const char *const fields[] = {"current_password_2"};
		const char *errors[] = {req_text(r, "account.error.current_password")};
		account_show(r, 422, "password", NULL, fields, errors, 1);
		return;
	}
	hash_async(r, 0, c->new_password, NULL, password_hashed, c);
}

void account_password(struct request *r)
{
	struct form f;
	if (account_form(r, &f) != 0)
		return;
	struct change *c = h2o_mem_alloc_pool(r->pool, sizeof *c);
	c->new_password = form_get(&f, "new_password");
	const char *problem = password_problem_text(r, c->new_password, r->user->email);
	if (problem) {
		static const char *const fields[] = {"new_password"};
		const char *errors[] = {problem};
		account_show(r, 422, "password", &f, fields, errors, 1);
		return;
	}
	const char *current = form_get(&f, "current_password");
	recheck_password(r, current, password_checked, c);
}

void account_resend(struct request *r)
{
	struct form f;
	if (account_form(r, &f) != 0)
		return;
	if (!r->user->email_verified) {
		int wait = mail_allowance(r, r->user->email);
		if (wait > 0) {
			limit_page(r, wait, req_text(r, "limits.messages_title"),
				   req_text(r, "account.resend_limit"));
			return;
		}
		store_tokens_drop(r->w->db, r->user->id, "verify");
		mail_link(r, r->user->id, r->user->email, "verify", "", 48);
	}
	resp_redirect(r, 303, "/account?resent=1");
}

void account_verification(struct request *r)
{
	struct form f;
	if (account_form(r, &f) != 0)
		return;
	const char *text = form_get(&f, "details");
	if (!text || text_chars(text) < 5 || text_chars(text) > 2000 || !text_clean(text, 1)) {
		static const char *const fields[] = {"details"};
		const char *errors[] = {req_text(r, "account.error.details")};
		account_show(r, 422, "verification", &f, fields, errors, 1);
		return;
	}
	store_user_request_hcp(r->w->db, r->user->id, text);
	resp_redirect(r, 303, "/account?requested=1");
}

void account_data(struct request *r)
{
	const struct user *u = r->user;
	json_t *j =
	    json_pack("{s:s, s:s, s:I, s:s, s:s, s:b, s:s, s:s, s:s, s:b, s:b, s:s, s:s, s:s, s:I, s:I}",
		      "hcp_method", u->hcp_method, "hcp_evidence", u->hcp_evidence, "hcp_decided_at",
		      (json_int_t)u->hcp_decided_at, "email", u->email, "name", u->name, "email_verified",
		      u->email_verified, "profession", u->profession, "specialty", u->specialty, "country",
		      u->country, "hcp_declared", u->hcp_declared, "alerts", u->alerts, "role", u->role,
		      "hcp_status", u->hcp_status, "hcp_request", u->hcp_request, "created_at",
		      (json_int_t)u->created_at, "privacy_accepted_at", (json_int_t)u->privacy_accepted_at);
	char *text = j ? json_dumps(j, JSON_INDENT(2) | JSON_SORT_KEYS) : NULL;
	json_decref(j);
	if (!text) {
		resp_error(r, 500, NULL);
		return;
	}
	char *body = mem_strndup(r->pool, text, strlen(text));
	free(text);
	resp_header(r, "content-disposition", H2O_STRLIT("attachment; filename=\"my-plenary-data.json\""));
	resp_bytes(r, 200, "application/json; charset=utf-8", "private, no-store", NULL, body, strlen(body));
}

static void delete_checked(struct request *r, struct hash_job *job, void *ctx)
{
	(void)ctx;
	if (!job->ok) {
		static const char *const fields[] = {"delete_password"};
		const char *errors[] = {req_text(r, "account.error.delete_password")};
		account_show(r, 422, "delete", NULL, fields, errors, 1);
		return;
	}
	if (store_user_delete(r->w->db, r->user->id) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	session_clear_cookie(r);
	r->user = NULL;
	r->session_hash = NULL;
	resp_redirect(r, 303, "/account/deleted");
}

void account_delete(struct request *r)
{
	struct form f;
	if (account_form(r, &f) != 0)
		return;
	const char *password = form_get(&f, "password");
	recheck_password(r, password, delete_checked, NULL);
}

void account_deleted(struct request *r)
{
	message_page(r, 200, req_text(r, "account.deleted_title"), req_text(r, "account.deleted_text"), "/",
		     req_text(r, "errors.go_home"));
}
