/* session: who is reading: the session cookie, its server-side record, and the reader's audience level. */
#include "auth/session.h"
#include "http/response.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/domain.h"
#include "core/log.h"
#include "core/text.h"
#include "http/csrf.h"
#include "store/accounts.h"
#include "store/changes.h"
#include "store/alerts.h"

#define TOUCH_EVERY 300 /* seconds between writes of last_seen_at: not a write per page view */

/* The __Host- prefix binds the cookie to this exact host and to HTTPS; browsers refuse it over HTTP. */
static const char *cookie_name(struct request *r)
{
	return req_is_tls(r) ? "__Host-plenary_session" : "plenary_session";
}

/* The cookie sister sites share on their parent domain: __Host- forbids a Domain, __Secure- keeps HTTPS. */
static const char *shared_cookie_name(struct request *r)
{
	return req_is_tls(r) ? "__Secure-plenary_shared_session" : "plenary_shared_session";
}

const char *session_cookie_domain(struct request *r)
{
	return session_cookie_domain_of(r, r->site);
}

const char *session_cookie_domain_of(struct request *r, const struct site *site)
{
	const char *set = r->app->cfg.sso_cookie_domain, *host = site ? site->host : NULL;
	if (!host || strcmp(set, "off") == 0)
		return NULL;
	if (set[0]) /* the operator's, when it is safe and this site is under it */
		return domain_cookie_safe(set) && domain_covers(set, host) ? set : NULL;
	const char *hosts[64];
	size_t n = 0;
	for (size_t i = 0; i < r->w->nsites && n < 64; i++)
		hosts[n++] = r->w->sites[i].host;
	char d[256];
	if (!domain_common(host, hosts, n, d, sizeof d))
		return NULL;
	return mem_strndup(r->pool, d, strlen(d));
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
	return user_audience(u); /* the store's one rule, which mails follow too */
}

/* ---- the worker's memo of sessions: a signed-in reader's pages cost no database read ---- */

/* What a session lookup found, kept by the worker's loop while the connection's stamp is the same (nothing
 * committed since, here or by another process: a sign-out, a profile saved, a role changed, another node) and
 * for at most SESSION_MEMO_MS. A lookup costs a query; the check, a pragma. */
#define SESSION_MEMO_SLOTS 256
#define SESSION_MEMO_MS 1000
struct session_memo {
	char token[44], hash[65];
	char form_token[80]; /* of form_hour, made once */
	int64_t form_hour;
	int used, found, remember, pending;
	struct store_stamp stamp; /* the worker connection's, when read */
	int64_t until_ms;
	struct user *user; /* in pool */
	h2o_mem_pool_t pool;
};

static int64_t monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static struct session_memo *memo_slot(struct worker *w, const char *token)
{
	if (!w->sessions) {
		w->sessions = calloc(SESSION_MEMO_SLOTS, sizeof(struct session_memo));
		if (!w->sessions)
			return NULL;
	}
	return &((struct session_memo *)w->sessions)[text_hash(token, strlen(token)) % SESSION_MEMO_SLOTS];
}

void session_memo_free(struct worker *w)
{
	struct session_memo *m = w->sessions;
	for (size_t i = 0; m && i < SESSION_MEMO_SLOTS; i++)
		if (m[i].used)
			h2o_mem_clear_pool(&m[i].pool);
	free(m);
	w->sessions = NULL;
}

void session_resolve(struct request *r)
{
	r->level = AUDIENCE_PUBLIC;
	const char *token = session_cookie_domain(r) ? req_cookie(r, shared_cookie_name(r)) : NULL;
	if (!token || strlen(token) != 43)
		token = req_cookie(r, cookie_name(r)); /* a host's own, from before its sisters shared one */
	if (!token || strlen(token) != 43)
		return;
	struct session_memo *m = memo_slot(r->w, token);
	int64_t now_ms = monotonic_ms();
	struct store_stamp stamp;
	int stamped = store_stamp(r->w->db, &stamp) == 0;
	struct user *u;
	int remember, pending;
	const char *hash;
	if (m && m->used && stamped && strcmp(m->token, token) == 0 && store_stamp_same(&m->stamp, &stamp) &&
	    now_ms < m->until_ms) {
		if (!m->found)
			return;
		hash = mem_strndup(r->pool, m->hash, 64);
		u = user_copy(r->pool, m->user);
		remember = m->remember;
		pending = m->pending;
		if (!pending && m->form_hour == store_now() / 3600)
			r->form_token = mem_strndup(r->pool, m->form_token, strlen(m->form_token));
	} else {
		hash = token_hash(r->pool, token);
		u = h2o_mem_alloc_pool(r->pool, sizeof *u);
		int64_t last_seen;
		int64_t idle_after = store_now() - (int64_t)r->app->cfg.session_idle_minutes * 60;
		int found = store_session_user(r->w->db, r->pool, hash, idle_after, u, &last_seen, &remember,
					       &pending);
		if (found < 0)
			return;
		if (found && store_now() - last_seen > TOUCH_EVERY) {
			store_session_touch(r->w->db, hash);
			stamped = stamped &&
				  store_stamp(r->w->db, &stamp) == 0; /* the touch: no reason to read again */
		}
		if (m) {
			if (m->used)
				h2o_mem_clear_pool(&m->pool);
			else
				h2o_mem_init_pool(&m->pool);
			*m = (struct session_memo){.used = 1,
						   .found = found,
						   .remember = found ? remember : 0,
						   .pending = found ? pending : 0,
						   .stamp = stamp,
						   .until_ms = stamped ? now_ms + SESSION_MEMO_MS : now_ms,
						   .pool = m->pool};
			memcpy(m->hash, hash, sizeof m->hash);
			memcpy(m->token, token, sizeof m->token);
			m->user = found ? user_copy(&m->pool, u) : NULL;
		}
		if (!found)
			return;
	}
	r->session_hash = hash;
	if (pending) {
		r->pending_user = u; /* only /signin/code listens to this session */
		return;
	}
	r->user = u;
	r->remember = remember;
	r->level = reader_level(u);
	/* the session's form token of this hour, made once per hour and worker */
	if (m && !r->form_token && strcmp(m->token, token) == 0) {
		const char *t = csrf_token(r);
		snprintf(m->form_token, sizeof m->form_token, "%s", t);
		m->form_hour = store_now() / 3600;
	}
}

static void set_cookie_as(struct request *r, const char *name, const char *domain, const char *value,
			  long max_age)
{
	buf b;
	buf_init(&b, r->pool);
	buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s", name, value,
		   req_is_tls(r) ? "; Secure" : "");
	if (domain)
		buf_printf(&b, "; Domain=%s", domain);
	if (max_age >= 0)
		buf_printf(&b, "; Max-Age=%ld", max_age);
	resp_header(r, "set-cookie", b.p, b.len);
}

/* on the sisters' parent domain when they share one, else this host's own */
static void set_cookie(struct request *r, const char *value, long max_age)
{
	const char *d = session_cookie_domain(r);
	set_cookie_as(r, d ? shared_cookie_name(r) : cookie_name(r), d, value, max_age);
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
	r->form_token = NULL; /* tokens name the session */
	return 0;
}

int session_join(struct request *r, int64_t user_id, const char *of_hash)
{
	const char *token = token_new(r->pool);
	const char *hash = token_hash(r->pool, token);
	int64_t life = (int64_t)r->app->cfg.session_max_hours * 3600;
	int made = store_session_join(r->w->db, hash, of_hash, user_id, store_now() + life);
	if (made != 1)
		return made;
	if (r->session_hash)
		store_session_delete(r->w->db, r->session_hash);
	set_cookie(r, token, -1); /* ends with the browser; the server's end is no later than the first's */
	r->session_hash = hash;
	r->form_token = NULL;
	return 1;
}

void session_clear_cookie(struct request *r)
{
	const char *d = session_cookie_domain(r);
	if (d) /* the shared one, and a host-only one left from before */
		set_cookie_as(r, shared_cookie_name(r), d, "", 0);
	set_cookie_as(r, cookie_name(r), NULL, "", 0);
}

void session_end(struct request *r)
{
	if (r->session_hash) /* and the sessions the sister sites were given from it: signed out everywhere */
		store_session_delete_family(r->w->db, r->session_hash);
	session_clear_cookie(r);
	r->session_hash = NULL;
	r->form_token = NULL;
	r->user = NULL;
	r->level = AUDIENCE_PUBLIC;
}
