/* session: who is reading: the session cookie, its server-side record, and the reader's audience level. */
#include "auth/session.h"
#include "http/response.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"

#define TOUCH_EVERY 300 /* seconds between writes of last_seen_at: not a write per page view */

/* The __Host- prefix binds the cookie to this exact host and to HTTPS; browsers refuse it over HTTP. */
static const char *cookie_name(struct request *r)
{
	return req_is_tls(r) ? "__Host-plenary_session" : "plenary_session";
}

const char *token_new(h2o_mem_pool_t *pool)
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	char *out = h2o_mem_alloc_pool(pool, 48);
	sodium_bin2base64(out, 48, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

const char *token_hash(h2o_mem_pool_t *pool, const char *token)
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, (const unsigned char *)token, strlen(token));
	char *out = h2o_mem_alloc_pool(pool, 65);
	sodium_bin2hex(out, 65, h, sizeof h);
	return out;
}

enum audience reader_level(const struct user *u)
{
	if (!u || !u->email_verified)
		return AUDIENCE_PUBLIC;
	if (strcmp(u->hcp_status, "verified") == 0 && u->hcp_declared &&
	    strcmp(u->profession, "not_hcp") != 0)
		return AUDIENCE_VERIFIED_HCP;
	if (u->hcp_declared && strcmp(u->profession, "not_hcp") != 0)
		return AUDIENCE_HCP;
	return AUDIENCE_MEMBERS;
}

void session_resolve(struct request *r)
{
	r->level = AUDIENCE_PUBLIC;
	const char *token = req_cookie(r, cookie_name(r));
	if (!token || strlen(token) != 43)
		return;
	const char *hash = token_hash(r->pool, token);
	struct user *u = h2o_mem_alloc_pool(r->pool, sizeof *u);
	int64_t last_seen;
	int remember, pending;
	int64_t idle_after = store_now() - (int64_t)r->app->cfg.session_idle_minutes * 60;
	if (store_session_user(r->w->db, r->pool, hash, idle_after, u, &last_seen, &remember, &pending) != 1)
		return;
	if (store_now() - last_seen > TOUCH_EVERY)
		store_session_touch(r->w->db, hash);
	r->session_hash = hash;
	if (pending) {
		r->pending_user = u; /* only /signin/code listens to this session */
		return;
	}
	r->user = u;
	r->remember = remember;
	r->level = reader_level(u);
}

static void set_cookie(struct request *r, const char *value, long max_age)
{
	buf b;
	buf_init(&b, r->pool);
	buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s", cookie_name(r), value,
		   req_is_tls(r) ? "; Secure" : "");
	if (max_age >= 0)
		buf_printf(&b, "; Max-Age=%ld", max_age);
	resp_header(r, "set-cookie", b.p, b.len);
}

int session_start(struct request *r, int64_t user_id, int remember, int pending)
{
	if (r->session_hash)
		store_session_delete(r->w->db, r->session_hash);
	const char *token = token_new(r->pool);
	const char *hash = token_hash(r->pool, token);
	const struct config *c = &r->app->cfg;
	int64_t life =
	    remember ? (int64_t)c->session_remember_days * 86400 : (int64_t)c->session_max_hours * 3600;
	if (store_session_create(r->w->db, hash, user_id, store_now() + life, remember, pending) != 0)
		return -1;
	/* without "remember me" the cookie ends with the browser; the server ends it after session_max_hours
	 */
	set_cookie(r, token, remember ? (long)life : -1);
	r->session_hash = hash;
	return 0;
}

void session_clear_cookie(struct request *r)
{
	set_cookie(r, "", 0);
}

void session_end(struct request *r)
{
	if (r->session_hash)
		store_session_delete(r->w->db, r->session_hash);
	session_clear_cookie(r);
	r->session_hash = NULL;
	r->user = NULL;
	r->level = AUDIENCE_PUBLIC;
}
