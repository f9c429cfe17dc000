/* signup: creating an account, confirming the email address, and resetting a forgotten password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "core/log.h"
#include "core/text.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "jobs/after.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "site/subscriptions.h"
#include "store/accounts.h"

static const char *const signup_fields[] = {"email",	 "password", "name", "profession",
					    "specialty", "country",  "hcp",  "privacy"};
#define NSIGNUP (sizeof signup_fields / sizeof signup_fields[0])

static void signup_show(struct request *r, int status, const struct form *f, const char *const *errors)
{
	view *v = layout_view(r, req_text(r, "signup.page_title"));
	view *form = view_obj(v, "form");
	view_str(form, "email", f ? form_get(f, "email") : "");
	view_str(form, "name", f ? form_get(f, "name") : "");
	view_str(form, "specialty", f ? form_get(f, "specialty") : "");
	view_str(form, "country", f ? form_get(f, "country") : "");
	view_bool(form, "hcp", f && form_get(f, "hcp"));
	view_bool(form, "privacy", f && form_get(f, "privacy"));
	view_bool(form, "alerts", f && form_get(f, "alerts"));
	view_professions(r, form, f ? form_get(f, "profession") : NULL);
	view_errors(v, signup_fields, errors, errors ? NSIGNUP : 0);
	view_next(v, f ? form_next(f) : req_next(r));
	resp_page(r, status, "signup", v, status == 200);
}

void signup_form(struct request *r)
{
	if (r->user) {
		const char *next = req_next(r);
		resp_redirect(r, 303, next ? next : landing_of(r->user));
		return;
	}
	signup_show(r, 200, NULL, NULL);
}

struct signup {
	struct user u;
	const char *next; /* the same-site path the confirmation link leads back to, or NULL */
};

static void signup_hashed(struct request *r, struct hash_job *job, void *ctx)
{
	struct signup *s = ctx;
	if (!job->ok) {
		resp_error(r, 500, NULL);
		return;
	}
	s->u.password_hash = job->hash;
	s->u.language =
	    r->lang ? r->lang : ""; /* signed up under /fr/: French mail; else the site's default */
	int64_t id = store_user_create(r->w->db, &s->u, 0);
	if (id < 0) {
		resp_error(r, 500, req_text(r, "signup.error.not_created"));
		return;
	}
	if (id == 0) {
		/* the address has an account: say the same as for a new one, and tell its owner by mail */
		struct mail_out o = mail_out_of(r);
		struct user owner;
		if (store_user_by_email(r->w->db, r->pool, s->u.email, &owner) == 1)
			mail_out_to(&o, owner.id, 0); /* in the owner's language */
		view *v = mail_view(&o);
		view_fmt(v, "link", "%sreset", o.site_url);
		mail_themed(&o, "account", s->u.email, "mail/account-exists", v, NULL);
	} else if (mail_link_next(r, id, s->u.email, s->next, 48) != 0) {
		store_user_delete(r->w->db, id); /* no account is left behind that its owner cannot confirm */
		resp_error(r, 503, req_text(r, "signup.error.mail"));
		return;
	}
	resp_redirect(r, 303, with_next(r, "/signup/sent", s->next));
}

void signup_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *email = form_get(&f, "email"), *password = form_get(&f, "password"),
		   *name = form_get(&f, "name"), *profession = form_get(&f, "profession"),
		   *specialty = form_get(&f, "specialty"), *country = form_get(&f, "country");
	const char *errors[NSIGNUP] = {0};
	if (!email || !text_email_ok(email))
		errors[0] = req_text(r, "forms.error.email");
	errors[1] = password_problem_text(r, password, email);
	if (!name || !name[0] || text_chars(name) > 100 || !text_clean(name, 0))
		errors[2] = req_text(r, !name || !name[0]      ? "forms.error.name"
					: !text_clean(name, 0) ? "forms.error.name_controls"
							       : "forms.error.name_long");
	if (!profession_ok(profession))
		errors[3] = req_text(r, "forms.error.profession");
	if (specialty && (text_chars(specialty) > 100 || !text_clean(specialty, 0)))
		errors[4] = req_text(r, "forms.error.specialty");
	if (country && (text_chars(country) > 100 || !text_clean(country, 0)))
		errors[5] = req_text(r, "forms.error.country");
	int hcp = form_get(&f, "hcp") != NULL;
	if (hcp && profession && strcmp(profession, "not_hcp") == 0)
		errors[6] = req_text(r, "signup.error.declaration");
	if (!form_get(&f, "privacy"))
		errors[7] = req_text(r, "signup.error.privacy");
	for (size_t i = 0; i < NSIGNUP; i++)
		if (errors[i]) {
			signup_show(r, 422, &f, errors);
			return;
		}
	int wait = mail_allowance(r, email); /* every sign-up mails the address, new account or not */
	if (wait > 0) {
		limit_page(r, wait, req_text(r, "limits.signups_title"), req_text(r, "limits.messages_sent"));
		return;
	}
	struct signup *s = h2o_mem_alloc_pool(r->pool, sizeof *s);
	memset(s, 0, sizeof *s);
	s->u = (struct user){.email = email,
			     .name = name,
			     .profession = profession,
			     .specialty = specialty ? specialty : "",
			     .country = country ? country : "",
			     .hcp_declared = hcp,
			     .alerts = form_get(&f, "alerts") != NULL,
			     .role = "reader"};
	s->next = form_next(&f);
	hash_async(r, 0, password, NULL, signup_hashed, s);
}

void signup_sent(struct request *r)
{
	message_page(r, 200, req_text(r, "signup.check_email"), req_text(r, "signup.sent"),
		     with_next(r, "/signin", req_next(r)), req_text(r, "signup.go_signin"));
}

/* GET /verify?token=: confirms a new account's address, or a changed one */
void verify_email(struct request *r)
{
	const char *token = req_query(r, "token");
	int64_t user_id;
	const char *new_email;
	if (!token || strlen(token) > 100 ||
	    store_token_use(r->w->db, r->pool, token_hash(r->pool, token), "verify", &user_id, &new_email) !=
		1) {
		message_page(r, 400, req_text(r, "signup.link_expired_title"),
			     req_text(r, "signup.link_expired"), "/signin", req_text(r, "signin.title"));
		return;
	}
	if (new_email[0]) {
		if (store_user_set_email(r->w->db, user_id, new_email) != 0) {
			message_page(r, 409, req_text(r, "signup.address_taken_title"),
				     req_text(r, "signup.address_taken"), "/account",
				     req_text(r, "account.title"));
			return;
		}
		store_user_mark_verified(r->w->db, user_id);
	} else {
		store_user_mark_verified(r->w->db, user_id);
	}
	subscriptions_from_signup(r, user_id);
	/* the link carries the page the reader signed up from: they go back to it, signing in first if need
	 * be */
	const char *next = req_next(r);
	if (r->user)
		resp_redirect(r, 303, next ? next : "/account?verified=1");
	else
		resp_redirect(r, 303, with_next(r, "/signin?verified=1", next));
}

/* ---- forgotten password ---- */

void reset_form(struct request *r)
{
	view *v = layout_view(r, req_text(r, "reset.title"));
	view_str(v, "email", "");
	resp_page(r, 200, "reset", v, 1);
}

struct reset_job {
	struct mailer *mailer;
	const tmpl_set *tmpl;
	const struct theme *theme;
	int64_t site_id;
	const char *email, *site_name, *site_url;
	char text[]; /* the three strings */
};

/* On the after thread: a link for the account of the address, if there is one. */
static void reset_mail(store *db, void *arg)
{
	struct reset_job *j = arg;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct user u;
	if (store_user_by_email(db, &pool, j->email, &u) == 1) {
		store_tokens_drop(db, u.id, "reset"); /* only the newest link works */
		struct mail_out o = {db,	 j->mailer,    j->tmpl,	    &pool,
				     j->site_id, j->site_name, j->site_url, j->theme};
		mail_link_from(&o, u.id, u.email, "reset", "", NULL, 1);
	}
	h2o_mem_clear_pool(&pool);
	free(j);
}

void reset_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *email = form_get(&f, "email");
	if (!email || !text_email_ok(email)) {
		view *v = layout_view(r, req_text(r, "reset.title"));
		view_str(v, "email", email ? email : "");
		const char *fields[] = {"email"}, *errors[] = {req_text(r, "reset.error.email")};
		view_errors(v, fields, errors, 1);
		resp_page(r, 422, "reset", v, 0);
		return;
	}
	/* counted by the address typed, so the answer is the same whether or not it has an account */
	int wait = mail_allowance(r, email);
	if (wait > 0) {
		limit_page(r, wait, req_text(r, "limits.requests_title"), req_text(r, "reset.limit"));
		return;
	}
	/* the rest is done after the answer, on another thread, so the answer takes the same time whether or
	 * not the address has an account */
	const char *site_url = req_site_url(r, r->site);
	size_t ne = strlen(email) + 1, nn = strlen(r->site->name) + 1, nu = strlen(site_url) + 1;
	struct reset_job *j = malloc(sizeof *j + ne + nn + nu);
	if (!j) {
		resp_error(r, 503, NULL);
		return;
	}
	j->mailer = r->app->mailer;
	j->tmpl = r->app->tmpl;
	j->theme = r->app->theme;
	j->site_id = r->site->id;
	j->email = memcpy(j->text, email, ne);
	j->site_name = memcpy(j->text + ne, r->site->name, nn);
	j->site_url = memcpy(j->text + ne + nn, site_url, nu);
	if (after_queue(reset_mail, j) != 0) {
		free(j);
		resp_error(r, 503, req_text(r, "reset.busy"));
		return;
	}
	/* the same answer whether or not the address has an account */
	resp_redirect(r, 303, "/reset/sent");
}

void reset_sent(struct request *r)
{
	message_page(r, 200, req_text(r, "signup.check_email"), req_text(r, "reset.sent"), NULL, NULL);
}

static void reset_show(struct request *r, int status, const char *token, const char *error)
{
	view *v = layout_view(r, req_text(r, "reset.confirm_title"));
	view_str(v, "token", token);
	const char *fields[] = {"password"}, *errors[] = {error};
	view_errors(v, fields, errors, 1);
	resp_page(r, status, "reset-confirm", v, 0);
}

static void reset_expired(struct request *r)
{
	message_page(r, 400, req_text(r, "signup.link_expired_title"), req_text(r, "reset.expired"), "/reset",
		     req_text(r, "reset.title"));
}

void reset_confirm_form(struct request *r)
{
	const char *token = req_query(r, "token");
	if (!token || strlen(token) > 100 ||
	    store_token_valid(r->w->db, token_hash(r->pool, token), "reset") != 1) {
		reset_expired(r);
		return;
	}
	reset_show(r, 200, token, NULL);
}

static void reset_hashed(struct request *r, struct hash_job *job, void *ctx)
{
	const char *token = ctx;
	int64_t user_id;
	const char *unused;
	if (!job->ok) {
		resp_error(r, 500, NULL);
		return;
	}
	if (store_token_use(r->w->db, r->pool, token_hash(r->pool, token), "reset", &user_id, &unused) != 1) {
		reset_expired(r);
		return;
	}
	store_user_set_password(r->w->db, user_id, job->hash);
	store_user_mark_verified(r->w->db, user_id);	/* the link proved the address */
	store_tokens_drop(r->w->db, user_id, "verify"); /* a pending change of address may be an intruder's */
	store_sessions_delete_user(r->w->db, user_id, NULL);
	session_end(r);
	resp_redirect(r, 303, "/signin?reset=1");
}

void reset_confirm_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *token = form_get(&f, "token"), *password = form_get(&f, "password");
	if (!token || strlen(token) > 100 ||
	    store_token_valid(r->w->db, token_hash(r->pool, token), "reset") != 1) {
		reset_expired(r);
		return;
	}
	const char *problem = password_problem_text(r, password, NULL);
	if (problem) {
		reset_show(r, 422, token, problem);
		return;
	}
	hash_async(r, 0, password, NULL, reset_hashed, mem_strndup(r->pool, token, strlen(token)));
}
