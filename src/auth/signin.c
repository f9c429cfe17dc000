/* signin: checking a password (on the hashing threads) and a second factor, throttled per account and
 * per client address. */
#include "auth/signin.h"

#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth/session.h"
#include "auth/totp.h"
#include "core/buf.h"
#include "core/log.h"
#include "http/lang.h"
#include "http/response.h"
#include "store/accounts.h"

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
	char retry[16];
	int wait = hasher_retry_after();
	snprintf(retry, sizeof retry, "%d", wait);
	resp_header(r, "retry-after", retry, strlen(retry));
	return req_plural(r, "signin.hash_busy", wait, NULL);
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

void email_subject(const char *email, char *out, size_t n)
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
		c->done(r, NULL, 422, req_text(r, "signin.error.wrong"), c->ctx);
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
		done(r, NULL, 422, req_text(r, "signin.error.empty"), ctx);
		return;
	}
	int wait = throttle_take(r, email); /* reserved before the check, so parallel guesses count */
	if (wait > 0) {
		char secs[16];
		snprintf(secs, sizeof secs, "%d", wait);
		throttle_refused(r, wait);
		done(r, NULL, 429, req_textf(r, "signin.error.attempts", "seconds", secs, NULL), ctx);
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
