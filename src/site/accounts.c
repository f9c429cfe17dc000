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

/* ---- throttling: per account and per address, exponential delay after a few failures ---- */

static void peer_subject(struct request *r, char *out, size_t n)
{
	snprintf(out, n, "ip:%s", req_client_addr(r));
}

static void email_subject(const char *email, char *out, size_t n)
{
	snprintf(out, n, "email:");
	size_t k = strlen(out);
	for (const char *c = email; *c && k + 1 < n; c++)
		out[k++] = (char)(*c >= 'A' && *c <= 'Z' ? *c + 32 : *c);
	out[k] = '\0';
}

/* Seconds still to wait after `count` failures, the last at `last`: free for the first `grace`,
 * then 1, 2, 4 ... seconds up to five minutes; past `cap` an hour, the whole window. */
static int wait_for(int count, int64_t last, int grace, int cap)
{
	if (count < grace)
		return 0;
	if (count >= cap)
		return (int)(last + 3600 - store_now());
	int shift = count - grace;
	int64_t delay = shift > 8 ? 300 : (1 << shift);
	int64_t left = last + delay - store_now();
	return left > 0 ? (int)left : 0;
}

int throttle_wait(struct request *r, const char *email)
{
	char subj[300];
	int count;
	int64_t last, since = store_now() - 3600;
	int wait = 0, w;
	email_subject(email, subj, sizeof subj);
	if (store_failures(r->w->db, subj, since, &count, &last) == 0 &&
	    (w = wait_for(count, last, 3, 100)) > wait)
		wait = w;
	peer_subject(r, subj, sizeof subj);
	if (store_failures(r->w->db, subj, since, &count, &last) == 0 &&
	    (w = wait_for(count, last, 10, 1000)) > wait)
		wait = w;
	return wait;
}

void throttle_fail(struct request *r, const char *email)
{
	char subj[300];
	email_subject(email, subj, sizeof subj);
	store_failure_add(r->w->db, subj);
	peer_subject(r, subj, sizeof subj);
	store_failure_add(r->w->db, subj);
}

void throttle_clear(struct request *r, const char *email)
{
	char subj[300];
	email_subject(email, subj, sizeof subj);
	store_failures_clear(r->w->db, subj);
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
	if (!c->found || !job->ok) {
		throttle_fail(r, c->email);
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
	int wait = throttle_wait(r, email);
	if (wait > 0) {
		char msg[200], retry[16];
		snprintf(msg, sizeof msg, "Too many attempts to sign in. Wait %d seconds, then try again.",
			 wait);
		snprintf(retry, sizeof retry, "%d", wait);
		resp_header(r, "retry-after", retry, strlen(retry));
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

int mail_notice(struct request *r, const char *to, const char *subject, const char *body)
{
	if (mailer_send(r->app->mailer, to, subject, body) != 0) {
		log_error("mail: a message could not be queued (bad address or full queue)");
		return -1;
	}
	return 0;
}

int mail_link(struct request *r, int64_t user_id, const char *to, const char *purpose, const char *new_email,
	      int hours)
{
	const char *token = token_new(r->pool);
	if (store_token_create(r->w->db, token_hash(r->pool, token), user_id, purpose, new_email,
			       store_now() + (int64_t)hours * 3600) != 0)
		return -1;
	int verify = strcmp(purpose, "verify") == 0;
	buf body;
	buf_init(&body, r->pool);
	const char *site_url = req_site_url(r, r->site);
	if (verify)
		buf_printf(
		    &body,
		    "Hello,\n\nPlease confirm that %s is your email address for %s by opening this link:\n\n"
		    "%sverify?token=%s\n\nThe link works once and for %d hours. If you did not ask for this, "
		    "you "
		    "can ignore this message: nothing changes without the link.\n\n— %s\n",
		    new_email && new_email[0] ? new_email : to, r->site->name, site_url, token, hours,
		    r->site->name);
	else
		buf_printf(
		    &body,
		    "Hello,\n\nSomeone (we hope you) asked to reset the password of your %s account. Choose "
		    "a new "
		    "password here:\n\n%sreset/confirm?token=%s\n\nThe link works once and for %d hour%s. If "
		    "you "
		    "did not ask for this, ignore this message: your password stays as it is.\n\n— %s\n",
		    r->site->name, site_url, token, hours, hours == 1 ? "" : "s", r->site->name);
	char subject[200];
	snprintf(subject, sizeof subject,
		 verify ? "Confirm your email address for %s" : "Reset your %s password", r->site->name);
	return mail_notice(r, to, subject, buf_cstr(&body));
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
