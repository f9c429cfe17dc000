/* accounts: what the sign-up, sign-in and account pages share: async hashing, throttling, mail, forms. */
#include "site/accounts.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "auth/totp.h"
#include "core/buf.h"
#include "core/log.h"
#include "http/response.h"
#include "jobs/mail.h"
#include "render/escape.h"
#include "site/layout.h"

struct pending {
	struct request *r;
	after_hash done;
	void *ctx;
};

static void on_hashed(struct hash_job *job)
{
	struct pending *p = job->data;
	p->done(p->r, job, p->ctx);
}

/* Queues a hash or a check: a sign-in, sign-up or reset (anonymous) counts against its client address and
 * stays out of the quarter of the queue kept for signed-in readers' re-checks, which go first and count
 * against their account; a follow-up (the rehash after a sign-in) is never refused. -1 when refused. */
static int hash_queue(struct request *r, int verify, const char *password, const char *hash, after_hash done,
		      void *ctx, int cls)
{
	struct hash_job *job = calloc(1, sizeof *job);
	struct pending *p = h2o_mem_alloc_pool(r->pool, sizeof *p);
	if (!job || !(job->password = strdup(password)))
		die("out of memory");
	*p = (struct pending){r, done, ctx};
	job->q.reply_to = &r->w->hash_replies;
	job->verify = verify;
	if (hash)
		snprintf(job->hash, sizeof job->hash, "%s", hash);
	job->done = on_hashed;
	job->data = p;
	char client[64];
	struct in6_addr a6;
	const char *addr = req_client_addr(r);
	if (cls == WORKQ_URGENT) {
		snprintf(client, sizeof client, "user:%lld", (long long)r->user->id);
	} else if (inet_pton(AF_INET6, addr, &a6) == 1 && !IN6_IS_ADDR_V4MAPPED(&a6)) {
		/* whoever holds an IPv6 /64 has all of its addresses: one share of the queue for them all */
		char net[INET6_ADDRSTRLEN];
		memset(a6.s6_addr + 8, 0, 8);
		snprintf(client, sizeof client, "ip:%s/64", inet_ntop(AF_INET6, &a6, net, sizeof net));
	} else {
		snprintf(client, sizeof client, "ip:%s", addr);
	}
	if (hasher_submit(job, cls, client, r->pool) != 0) {
		hasher_free(job);
		return -1;
	}
	return 0;
}

/* The message and Retry-After of a request the hashing queue refused. */
static const char *hash_busy(struct request *r)
{
	char retry[16], msg[200];
	int wait = hasher_retry_after();
	snprintf(retry, sizeof retry, "%d", wait);
	resp_header(r, "retry-after", retry, strlen(retry));
	snprintf(msg, sizeof msg,
		 "Too many passwords are being checked just now. Wait %d second%s, then try again.", wait,
		 wait == 1 ? "" : "s");
	return mem_strndup(r->pool, msg, strlen(msg));
}

void hash_async(struct request *r, int verify, const char *password, const char *hash, after_hash done,
		void *ctx)
{
	if (hash_queue(r, verify, password, hash, done, ctx, r->user ? WORKQ_URGENT : WORKQ_NORMAL) != 0)
		resp_error(r, 429, hash_busy(r));
}

/* ---- throttling: per account and per address, a growing delay after a few attempts ---- */

/* Password attempts (sign-in, second factor, every re-check) in an hour, per account and per client address:
 * a few free (signin_free_per_*), then waits of 1, 2, 4 ... s, up to 100 (1,000 per address) in the hour. */
static struct attempt_rule password_rule(int free, int cap)
{
	return (struct attempt_rule){3600, free, free > cap ? free : cap};
}

void client_subject(struct request *r, char *out, size_t n)
{
	const char *addr = req_client_addr(r);
	struct in6_addr a6;
	if (strchr(addr, ':') && inet_pton(AF_INET6, addr, &a6) == 1) {
		/* one IPv6 client often holds a whole /64: each address would start afresh */
		memset(a6.s6_addr + 8, 0, 8);
		char text[INET6_ADDRSTRLEN];
		inet_ntop(AF_INET6, &a6, text, sizeof text);
		snprintf(out, n, "ip:%s/64", text);
		return;
	}
	snprintf(out, n, "ip:%s", addr);
}

static void email_subject(const char *email, char *out, size_t n)
{
	snprintf(out, n, "email:");
	size_t k = strlen(out);
	for (const char *c = email; *c && k + 1 < n; c++)
		out[k++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
	out[k] = '\0';
}

int throttle_take(struct request *r, const char *email)
{
	char ip[80], account[300];
	int wait = 1;
	client_subject(r, ip, sizeof ip);
	email_subject(email, account, sizeof account);
	struct attempt_rule by_address = password_rule(r->app->cfg.signin_free_per_address, 1000),
			    by_account = password_rule(r->app->cfg.signin_free_per_account, 100);
	int rc = store_attempt_take(r->w->db, "signin", ip, &by_address, &wait);
	if (rc != 1)
		return rc == 0 ? wait : 1; /* a store that cannot count lets nothing through */
	rc = store_attempt_take(r->w->db, "signin", account, &by_account, &wait);
	if (rc == 1)
		return 0;
	store_attempt_refund(r->w->db, "signin", ip); /* not tried: the address keeps its attempt */
	return rc == 0 ? wait : 1;
}

void throttle_clear(struct request *r, const char *email)
{
	char subj[300];
	email_subject(email, subj, sizeof subj);
	store_attempt_clear(r->w->db, "signin", subj);
	client_subject(r, subj, sizeof subj);
	store_attempt_refund(r->w->db, "signin", subj);
}

void throttle_refused(struct request *r, int wait)
{
	char retry[16];
	snprintf(retry, sizeof retry, "%d", wait);
	resp_header(r, "retry-after", retry, strlen(retry));
}

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
		char msg[200];
		snprintf(msg, sizeof msg,
			 "Too many wrong passwords for this account. Wait %d seconds, then try again.", wait);
		throttle_refused(r, wait);
		message_page(r, 429, "Too many attempts", mem_strndup(r->pool, msg, strlen(msg)), NULL, NULL);
		return;
	}
	struct recheck *c = h2o_mem_alloc_pool(r->pool, sizeof *c);
	*c = (struct recheck){done, ctx};
	hash_async(r, 1, password ? password : "", r->user->password_hash, rechecked, c);
}

/* ---- signing in: the password, then the second factor ---- */

struct check {
	const char *email, *password;
	struct user u;
	int found;
	after_signin_check done;
	void *ctx;
};

static void check_rehashed(struct request *r, struct hash_job *job, void *ctx)
{
	struct check *c = ctx;
	if (job->ok)
		store_user_set_password(r->w->db, c->u.id, job->hash);
	c->done(r, &c->u, 0, NULL, c->ctx);
}

static void check_verified(struct request *r, struct hash_job *job, void *ctx)
{
	struct check *c = ctx;
	if (!c->found || !job->ok) { /* the attempt was counted when it was reserved */
		c->done(r, NULL, 422, "The email address or the password is not right.", c->ctx);
		return;
	}
	if (job->needs_rehash) { /* the parameters rose since this hash was made: store a stronger one */
		if (hash_queue(r, 0, c->password, NULL, check_rehashed, c, WORKQ_FOLLOW) == 0)
			return;
	}
	c->done(r, &c->u, 0, NULL, c->ctx);
}

void signin_check(struct request *r, const char *email, const char *password, after_signin_check done,
		  void *ctx)
{
	if (!email || !email[0] || !password || !password[0] || strlen(email) > 254 ||
	    strlen(password) > 4 * PASSWORD_MAX_CHARS) {
		done(r, NULL, 422, "Enter your email address and your password.", ctx);
		return;
	}
	int wait = throttle_take(r, email); /* reserved before the check, so parallel guesses count */
	if (wait > 0) {
		char msg[200];
		snprintf(msg, sizeof msg, "Too many attempts to sign in. Wait %d seconds, then try again.",
			 wait);
		throttle_refused(r, wait);
		done(r, NULL, 429, mem_strndup(r->pool, msg, strlen(msg)), ctx);
		return;
	}
	struct check *c = h2o_mem_alloc_pool(r->pool, sizeof *c);
	*c = (struct check){.email = email, .password = password, .done = done, .ctx = ctx};
	c->found = store_user_by_email(r->w->db, r->pool, email, &c->u) == 1;
	/* an unknown address costs the same hash check as a known one: timing tells nothing */
	if (hash_queue(r, 1, password, c->found ? c->u.password_hash : password_dummy_hash(), check_verified,
		       c, WORKQ_NORMAL) != 0)
		done(r, NULL, 429, hash_busy(r), ctx);
}

int second_factor_ok(struct request *r, const struct user *u, const char *code)
{
	if (code && strlen(code) == 6) {
		int64_t step = totp_check(u->totp_secret, code, store_now());
		return step >= 0 && store_user_totp_step(r->w->db, u->id, step) == 1; /* a code works once */
	}
	if (code && strlen(code) == 14)
		return store_recovery_use(r->w->db, u->id, token_hash(r->pool, code)) == 1;
	return 0;
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
	char msg[600];
	int minutes = (wait + 59) / 60;
	if (wait < 120)
		snprintf(msg, sizeof msg, "%s Please try again in %d second%s.", what, wait,
			 wait == 1 ? "" : "s");
	else
		snprintf(msg, sizeof msg, "%s Please try again in %d minutes.", what, minutes);
	throttle_refused(r, wait);
	message_page(r, 429, title, mem_strndup(r->pool, msg, strlen(msg)), NULL, NULL);
}

int mail_notice(struct request *r, const char *to, const char *subject, const char *body)
{
	if (mailer_send(r->app->mailer, to, subject, body) != 0) {
		log_error("mail: a message could not be queued (bad address or full queue)");
		return -1;
	}
	return 0;
}

int mail_link_from(store *db, h2o_mem_pool_t *pool, struct mailer *mailer, const char *site_name,
		   const char *site_url, int64_t user_id, const char *to, const char *purpose,
		   const char *new_email, int hours)
{
	const char *token = token_new(pool);
	if (store_token_create(db, token_hash(pool, token), user_id, purpose, new_email,
			       store_now() + (int64_t)hours * 3600) != 0)
		return -1;
	int verify = strcmp(purpose, "verify") == 0;
	buf body;
	buf_init(&body, pool);
	if (verify)
		buf_printf(
		    &body,
		    "Hello,\n\nPlease confirm that %s is your email address for %s by opening this link:\n\n"
		    "%sverify?token=%s\n\nThe link works once and for %d hours. If you did not ask for this, "
		    "you "
		    "can ignore this message: nothing changes without the link.\n\n— %s\n",
		    new_email && new_email[0] ? new_email : to, site_name, site_url, token, hours, site_name);
	else
		buf_printf(
		    &body,
		    "Hello,\n\nSomeone (we hope you) asked to reset the password of your %s account. Choose "
		    "a new "
		    "password here:\n\n%sreset/confirm?token=%s\n\nThe link works once and for %d hour%s. If "
		    "you "
		    "did not ask for this, ignore this message: your password stays as it is.\n\n— %s\n",
		    site_name, site_url, token, hours, hours == 1 ? "" : "s", site_name);
	char subject[200];
	snprintf(subject, sizeof subject,
		 verify ? "Confirm your email address for %s" : "Reset your %s password", site_name);
	if (mailer_send(mailer, to, subject, buf_cstr(&body)) != 0) {
		log_error("mail: a message could not be queued (bad address or full queue)");
		return -1;
	}
	return 0;
}

int mail_link(struct request *r, int64_t user_id, const char *to, const char *purpose, const char *new_email,
	      int hours)
{
	return mail_link_from(r->w->db, r->pool, r->app->mailer, r->site->name, req_site_url(r, r->site),
			      user_id, to, purpose, new_email, hours);
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
    {"physician", "Physician"},
    {"nurse", "Nurse"},
    {"pharmacist", "Pharmacist"},
    {"other_hcp", "Other healthcare professional"},
    {"not_hcp", "Not a healthcare professional"},
};
#define NPROF (sizeof professions / sizeof professions[0])

void view_professions(view *form, const char *selected)
{
	view *list = view_list(form, "professions");
	for (size_t i = 0; i < NPROF; i++) {
		view *p = view_push(list);
		view_str(p, "value", professions[i][0]);
		view_str(p, "label", professions[i][1]);
		view_bool(p, "selected", selected && strcmp(selected, professions[i][0]) == 0);
	}
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
	for (const char *c = p; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == '\\' || *c == 0x7f)
			return fallback;
	return p;
}
