/* accounts: what the sign-up, sign-in and account pages share: re-checking a password, mail, pages, forms
 * (checking passwords and second factors, throttled, is src/auth/signin.c). */
#include "site/accounts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "core/buf.h"
#include "core/log.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "jobs/mail.h"
#include "jobs/mail_lang.h"
#include "render/escape.h"
#include "render/mail_render.h"
#include "site/layout.h"
#include "store/accounts.h"
#include "store/mailq.h"

/* ---- re-checking the password of the signed-in account ---- */

struct recheck {
	after_hash done;
	void *ctx;
};

static void rechecked(struct request *r, struct hash_job *job, void *ctx)
{
	struct recheck *c = ctx;
	if (job->ok)
		throttle_clear(r, r->user->email);
	c->done(r, job, c->ctx);
}

void recheck_password(struct request *r, const char *password, after_hash done, void *ctx)
{
	int wait = throttle_take(r, r->user->email);
	if (wait > 0) {
		char secs[16];
		snprintf(secs, sizeof secs, "%d", wait);
		throttle_refused(r, wait);
		message_page(r, 429, req_text(r, "limits.attempts_title"),
			     req_textf(r, "limits.wrong_passwords", "seconds", secs, NULL), NULL, NULL);
		return;
	}
	struct recheck *c = h2o_mem_alloc_pool(r->pool, sizeof *c);
	*c = (struct recheck){done, ctx};
	hash_async(r, 1, password ? password : "", r->user->password_hash, rechecked, c);
}

/* ---- mail ---- */

int mail_allowance(struct request *r, const char *to)
{
	char ip[80], recipient[300];
	int wait = 1;
	client_subject(r, ip, sizeof ip);
	email_subject(to, recipient, sizeof recipient);
	const struct attempt_rule by_address = {3600, r->app->cfg.mail_per_address,
						r->app->cfg.mail_per_address},
				  by_recipient = {3600, r->app->cfg.mail_per_recipient,
						  r->app->cfg.mail_per_recipient};
	int rc = store_attempt_take(r->w->db, "mail", ip, &by_address, &wait);
	if (rc != 1)
		return rc == 0 ? wait : 1;
	rc = store_attempt_take(r->w->db, "mail", recipient, &by_recipient, &wait);
	if (rc == 1)
		return 0;
	store_attempt_refund(r->w->db, "mail", ip); /* nothing sent: the address keeps its allowance */
	return rc == 0 ? wait : 1;
}

void limit_page(struct request *r, int wait, const char *title, const char *what)
{
	int minutes = (wait + 59) / 60;
	const char *again = wait < 120 ? req_plural(r, "limits.again_seconds", wait, NULL)
				       : req_plural(r, "limits.again_minutes", minutes, NULL);
	buf msg;
	buf_init(&msg, r->pool);
	buf_printf(&msg, "%s %s", what, again);
	throttle_refused(r, wait);
	message_page(r, 429, title, buf_cstr(&msg), NULL, NULL);
}

struct mail_out mail_out_of(struct request *r)
{
	struct mail_out o = {.db = r->w->db,
			     .mailer = r->app->mailer,
			     .tmpl = r->app->tmpl,
			     .pool = r->pool,
			     .theme = r->app->theme};
	o.site_id = r->site->id;
	o.site_name = r->site->name;
	o.site_url = req_site_url(r, r->site);
	return o;
}

void mail_out_to(struct mail_out *o, int64_t user_id, int64_t subscriber_id)
{
	struct mail_lang l;
	mail_lang_of(&l, o->theme, o->tmpl, o->db, o->pool, o->site_id, user_id, subscriber_id);
	o->tmpl = l.tmpl;
}

view *mail_view(const struct mail_out *o)
{
	view *v = view_new(o->pool);
	view_str(v, "site_name", o->site_name);
	view_str(v, "site_url", o->site_url);
	return v;
}

int mail_themed(const struct mail_out *o, const char *kind, const char *to, const char *name, const view *v,
		const char *unsubscribe_url)
{
	const char *subject, *text, *html;
	if (mail_render(o->tmpl, name, v, o->pool, &subject, &text, &html) != 0)
		return -1;
	struct mail_item item = {.site_id = o->site_id,
				 .kind = kind,
				 .to = to,
				 .subject = subject,
				 .text = text,
				 .html = html,
				 .unsubscribe_url = unsubscribe_url};
	int rc = store_mail_put(o->db, &item);
	if (rc < 0) {
		log_error("mail: a message could not be queued (bad address or database error)");
		return -1;
	}
	if (rc == 0)
		log_info("mail: not sending to a suppressed address");
	else
		mailer_wake(o->mailer);
	return 0;
}

int mail_link_from(const struct mail_out *o, int64_t user_id, const char *to, const char *purpose,
		   const char *new_email, const char *next, int hours)
{
	const char *token = token_new(o->pool);
	if (store_token_create(o->db, token_hash(o->pool, token), user_id, purpose, new_email,
			       store_now() + (int64_t)hours * 3600) != 0)
		return -1;
	int verify = strcmp(purpose, "verify") == 0;
	buf link;
	buf_init(&link, o->pool);
	buf_printf(&link, "%s%s?token=%s", o->site_url, verify ? "verify" : "reset/confirm", token);
	if (verify && next && safe_return(next, NULL)) {
		/* where the reader goes once confirmed: kept in the link, so no table needs it */
		buf_adds(&link, "&next=");
		esc_url_component(&link, next, strlen(next), 0);
	}
	struct mail_out in = *o; /* in the account's language */
	mail_out_to(&in, user_id, 0);
	view *v = mail_view(&in);
	view_str(v, "link", buf_cstr(&link));
	view_str(v, "address", new_email && new_email[0] ? new_email : to);
	view_int(v, "hours", hours);
	return mail_themed(&in, "account", to, verify ? "mail/verify" : "mail/reset", v, NULL);
}

int mail_link(struct request *r, int64_t user_id, const char *to, const char *purpose, const char *new_email,
	      int hours)
{
	struct mail_out o = mail_out_of(r);
	return mail_link_from(&o, user_id, to, purpose, new_email, NULL, hours);
}

int mail_link_next(struct request *r, int64_t user_id, const char *to, const char *next, int hours)
{
	struct mail_out o = mail_out_of(r);
	return mail_link_from(&o, user_id, to, "verify", "", next, hours);
}

/* ---- pages and forms ---- */

void message_page(struct request *r, int status, const char *title, const char *message, const char *link_url,
		  const char *link_label)
{
	view *v = layout_view(r, title);
	view_str(v, "message", message);
	view_bool(v, "has_link", link_url != NULL);
	view_str(v, "link_url", link_url ? link_url : "");
	view_str(v, "link_label", link_label ? link_label : "");
	resp_page(r, status, "message", v, 0);
}

static const char *const professions[][2] = {
    {"physician", "forms.profession.physician"},   {"nurse", "forms.profession.nurse"},
    {"pharmacist", "forms.profession.pharmacist"}, {"other_hcp", "forms.profession.other_hcp"},
    {"not_hcp", "forms.profession.not_hcp"},
};
#define NPROF (sizeof professions / sizeof professions[0])

void view_professions(struct request *r, view *form, const char *selected)
{
	view *list = view_list(form, "professions");
	for (size_t i = 0; i < NPROF; i++) {
		view *p = view_push(list);
		view_str(p, "value", professions[i][0]);
		view_str(p, "label", req_text(r, professions[i][1]));
		view_bool(p, "selected", selected && strcmp(selected, professions[i][0]) == 0);
	}
}

const char *password_problem_text(struct request *r, const char *password, const char *email)
{
	const char *key = password_problem(password, email);
	return key ? req_text(r, key) : NULL;
}

const char *profession_label(struct request *r, const char *profession)
{
	for (size_t i = 0; profession && i < NPROF; i++)
		if (strcmp(profession, professions[i][0]) == 0)
			return req_text(r, professions[i][1]);
	return profession ? profession : "";
}

int profession_ok(const char *profession)
{
	for (size_t i = 0; profession && i < NPROF; i++)
		if (strcmp(profession, professions[i][0]) == 0)
			return 1;
	return 0;
}

void view_errors(view *v, const char *const *fields, const char *const *errors, size_t n)
{
	view *list = view_list(v, "errors");
	view *by_field = view_obj(v, "error");
	for (size_t i = 0; i < n; i++) {
		if (!errors[i])
			continue;
		view *e = view_push(list);
		view_str(e, "field", fields[i]);
		view_str(e, "message", errors[i]);
		view_str(by_field, fields[i], errors[i]);
	}
	view_bool(v, "has_errors", view_len(list) > 0);
	view_int(v, "error_count", (long long)view_len(list));
	view_bool(v, "errors_plural", view_len(list) > 1);
}

const char *safe_return(const char *p, const char *fallback)
{
	if (!p || p[0] != '/' || p[1] == '/' || p[1] == '\\' || strlen(p) > 1000)
		return fallback;
	/* browsers drop tabs and line breaks from an address ("/\t/evil" would become "//evil") and read a
	 * backslash as a slash; a path a browser sent is already encoded, so space and non-ASCII are refused
	 */
	for (const char *c = p; *c; c++)
		if ((unsigned char)*c <= 0x20 || (unsigned char)*c >= 0x7f || *c == '\\')
			return fallback;
	return p;
}

const char *req_next(struct request *r)
{
	const char *next = req_query(r, "next");
	return safe_return(next ? next : req_query(r, "return"), NULL);
}

const char *form_next(const struct form *f)
{
	const char *next = form_get(f, "next");
	return safe_return(next ? next : form_get(f, "return"), NULL);
}

const char *landing_of(const struct user *u)
{
	return policy_role_at_least(u, ROLE_CONTRIBUTOR) ? "/admin" : "/account";
}

void view_next(view *v, const char *next)
{
	next = safe_return(next, NULL);
	view_str(v, "next", next ? next : "");
	view_bool(v, "has_next", next != NULL);
}

const char *with_next(struct request *r, const char *path, const char *next)
{
	if (!safe_return(next, NULL))
		return path;
	buf b;
	buf_init(&b, r->pool);
	buf_printf(&b, "%s%cnext=", path, strchr(path, '?') ? '&' : '?');
	esc_url_component(&b, next, strlen(next), 0);
	return buf_cstr(&b);
}
