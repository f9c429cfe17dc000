/* csrf: form tokens (signed, valid two days) and the Origin check that every POST passes. */
#include "http/csrf.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"

#define TOKEN_HOURS 48

/* token = <hour in hex> "." <first 16 bytes of HMAC-SHA256(key, "form:" hour [":" session]) in hex>;
 * a signed-in reader's tokens name their session, so a token from one session is useless in another */
static void token_for_hour(const unsigned char key[32], int64_t hour, const char *session, char out[80])
{
	char msg[120];
	int n = snprintf(msg, sizeof msg, "form:%lld:%s", (long long)hour, session ? session : "");
	unsigned char mac[crypto_auth_hmacsha256_BYTES];
	crypto_auth_hmacsha256_state st;
	crypto_auth_hmacsha256_init(&st, key, 32);
	crypto_auth_hmacsha256_update(&st, (const unsigned char *)msg, (unsigned long long)n);
	crypto_auth_hmacsha256_final(&st, mac);
	int len = snprintf(out, 80, "%llx.", (long long)hour);
	sodium_bin2hex(out + len, (size_t)(80 - len), mac, 16);
}

const char *csrf_token(struct request *r)
{
	struct worker *w = r->w;
	int64_t hour = store_now() / 3600;
	if (r->form_token)
		return r->form_token;
	if (r->session_hash) {
		char *t = h2o_mem_alloc_pool(r->pool, 80);
		token_for_hour(w->app->form_key, hour, r->session_hash, t);
		return r->form_token = t;
	}
	if (hour != w->token_hour) {
		token_for_hour(w->app->form_key, hour, NULL, w->token);
		w->token_hour = hour;
	}
	return w->token;
}

int csrf_token_valid(struct request *r, const char *token)
{
	struct worker *w = r->w;
	if (!token || strlen(token) > 60)
		return 0;
	char *end;
	long long hour = strtoll(token, &end, 16);
	int64_t now = store_now() / 3600;
	if (*end != '.' || hour > now || hour < now - TOKEN_HOURS)
		return 0;
	char want[80];
	token_for_hour(w->app->form_key, hour, r->session_hash, want);
	size_t n = strlen(want);
	return strlen(token) == n && sodium_memcmp(token, want, n) == 0;
}

/* Compares the host[:port] of a URL with the request's authority. */
static int url_host_is(const char *url, h2o_iovec_t authority)
{
	const char *p = strstr(url, "://");
	if (!p)
		return 0;
	p += 3;
	size_t n = strcspn(p, "/?#");
	return n == authority.len && strncasecmp(p, authority.base, n) == 0;
}

int csrf_origin_ok(struct request *r)
{
	const char *origin = req_header(r, "origin");
	if (origin)
		return strcmp(origin, "null") != 0 && url_host_is(origin, r->authority);
	const char *referer = req_header(r, "referer");
	if (referer)
		return url_host_is(referer, r->authority);
	return 1; /* old clients and tools send neither; the token still has to be right */
}
