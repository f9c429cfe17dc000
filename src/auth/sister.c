/* sister: one sign-in for sister sites on separate domains: a bounce through the default site and back. */
#include "auth/sister.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "auth/session.h"
#include "core/buf.h"
#include "core/domain.h"
#include "core/log.h"
#include "http/lang.h"
#include "http/response.h"
#include "http/router.h"
#include "render/escape.h"
#include "store/accounts.h"

#define MARK "plenary_sso"    /* "<unix time>.<nonce>": this browser asked the default site at that time */
#define MARK_AGE 1800	      /* seconds before a visit from elsewhere asks again */
#define MARK_AGAIN 10	      /* a visit from a sister asks again past this (it may have signed in there) */
#define TOKEN_LIFE 60	      /* seconds a handshake token lives */
#define CONSENT_AGE 15552000L /* 180 days, as consent.c's */

/* The site that holds the sign-in for the sisters on other domains: the default one. */
static const struct site *hub_of(struct request *r)
{
	for (size_t i = 0; i < r->w->nsites; i++)
		if (r->w->sites[i].is_default)
			return &r->w->sites[i];
	return r->w->nsites ? &r->w->sites[0] : NULL;
}

/* The sister named by a host (exact, case ignored) that needs the handshake: not the hub, and not under a
 * cookie domain the hub shares. NULL otherwise. */
static const struct site *handshake_site(struct request *r, const char *host)
{
	const struct site *hub = hub_of(r);
	if (!hub || !host)
		return NULL;
	for (size_t i = 0; i < r->w->nsites; i++) {
		const struct site *s = &r->w->sites[i];
		if (s == hub || strcasecmp(s->host, host) != 0)
			continue;
		const char *d = session_cookie_domain_of(r, s);
		return d && domain_covers(d, hub->host) ? NULL : s;
	}
	return NULL;
}

/* A path on this site to come back to (as accounts' safe_return: no scheme, no //, no controls). */
static int local_path(const char *p)
{
	if (!p || p[0] != '/' || p[1] == '/' || p[1] == '\\' || strlen(p) > 1000)
		return 0;
	for (const char *c = p; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == '\\' || *c == 0x7f)
			return 0;
	return 1;
}

static int nonce_ok(const char *n)
{
	size_t len = n ? strlen(n) : 0;
	if (len != 22)
		return 0;
	for (const char *c = n; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		      *c == '-' || *c == '_'))
			return 0;
	return 1;
}

/* The handshake's answers are never cached and never tell the next site where the browser came from. */
static void private_redirect(struct request *r, const char *location)
{
	resp_header(r, "referrer-policy", "no-referrer", 11);
	resp_header(r, "cache-control", "no-store", 8);
	resp_redirect(r, 303, location);
}

static int bounce_path(const char *p)
{
	/* /verify and /reset carry a mailed token: it is not sent on a round trip through another site */
	static const char *const skip[] = {"/sso/",	  "/static/", "/media/", "/healthz", "/signout",
					   "/robots.txt", "/sitemap", "/verify", "/reset"};
	for (size_t i = 0; i < sizeof skip / sizeof *skip; i++)
		if (strncmp(p, skip[i], strlen(skip[i])) == 0)
			return 0;
	size_t n = strlen(p);
	return !(n > 4 && (strcmp(p + n - 4, ".rss") == 0 || strcmp(p + n - 5, ".atom") == 0 ||
			   strcmp(p + n - 4, ".xml") == 0));
}

/* Marks this browser with a new nonce and sends it to the default site to ask, coming back to back. */
static void ask_hub(struct request *r, const char *back)
{
	unsigned char raw[16];
	randombytes_buf(raw, sizeof raw);
	char nonce[32];
	sodium_bin2base64(nonce, sizeof nonce, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	buf c;
	buf_init(&c, r->pool);
	buf_printf(&c, MARK "=%lld.%s; Path=/; Max-Age=%d; HttpOnly; SameSite=Lax%s", (long long)store_now(),
		   nonce, MARK_AGE, req_is_tls(r) ? "; Secure" : "");
	resp_header(r, "set-cookie", c.p, c.len);
	buf u;
	buf_init(&u, r->pool);
	const char *hub = req_site_url(r, hub_of(r));
	buf_add(&u, hub, strlen(hub) - 1);
	buf_adds(&u, "/sso/issue?to=");
	esc_url_component(&u, r->site->host, strlen(r->site->host), 0);
	buf_printf(&u, "&n=%s&return=", nonce);
	esc_url_component(&u, back, strlen(back), 0);
	private_redirect(r, buf_cstr(&u));
}

/* The default site's address can be named: public_url gives the port, or this request is on the default one.
 */
static int hub_reachable(struct request *r)
{
	return r->app->cfg.public_url[0] || !r->port || r->port == (req_is_tls(r) ? 443 : 80);
}

int sister_bounce(struct request *r)
{
	if (r->is_head || r->session_hash || !bounce_path(r->path))
		return 0;
	/* only a browser's own navigation to a page: never a crawler, a feed reader, a fetch or an image */
	const char *mode = req_header(r, "sec-fetch-mode"), *dest = req_header(r, "sec-fetch-dest"),
		   *site = req_header(r, "sec-fetch-site");
	if (!mode || strcmp(mode, "navigate") != 0 || !dest || strcmp(dest, "document") != 0 ||
	    (site && strcmp(site, "same-origin") == 0))
		return 0;
	/* without public_url the default site's address has no port: unless this one is on the scheme's
	 * default port too, the bounce would lead nowhere (as would the links to sister sites) */
	if (!hub_reachable(r))
		return 0;
	const struct site *me = handshake_site(r, r->site->host);
	if (!me || me != r->site)
		return 0;
	const char *q = r->query;
	if (strstr(q, "sso=off")) /* cookies refused on the way back: this page is shown as it is */
		return 0;
	const char *mark = req_cookie(r, MARK);
	if (mark) {
		long long at = atoll(mark);
		const char *ref = req_header(r, "referer");
		int from_sister = 0;
		for (size_t i = 0; ref && i < r->w->nsites; i++) {
			const char *h = r->w->sites[i].host, *p = strstr(ref, "://");
			size_t hl = strlen(h);
			from_sister |= &r->w->sites[i] != r->site && p && strncasecmp(p + 3, h, hl) == 0 &&
				       (p[3 + hl] == '/' || p[3 + hl] == ':' || p[3 + hl] == '\0');
		}
		if (!from_sister || store_now() - at < MARK_AGAIN)
			return 0;
	}
	buf p;
	buf_init(&p, r->pool);
	buf_adds(&p, r->path);
	if (q[0])
		buf_printf(&p, "?%s", q);
	ask_hub(r, buf_cstr(&p));
	return 1;
}

void sister_issue(struct request *r)
{
	const char *to = req_query(r, "to"), *n = req_query(r, "n"), *back = req_query(r, "return");
	const struct site *target = handshake_site(r, to);
	if (r->site != hub_of(r) || !target || target == r->site) {
		resp_error(r, 400, req_text(r, "sister.error.signin_step"));
		return;
	}
	if (!nonce_ok(n) || !local_path(back)) {
		resp_error(r, 400, req_text(r, "sister.error.incomplete"));
		return;
	}
	buf u;
	buf_init(&u, r->pool);
	const char *base = req_site_url(r, target);
	buf_add(&u, base, strlen(base) - 1);
	buf_printf(&u, "/sso/land?n=%s&return=", n);
	esc_url_component(&u, back, strlen(back), 0);
	if (r->consent != CONSENT_UNKNOWN)
		buf_adds(&u, r->consent == CONSENT_ACCEPTED ? "&c=accepted" : "&c=rejected");
	static const struct attempt_rule per_reader = {3600, 120, 120}; /* a plain limit: 120 an hour */
	char subject[32] = "";
	int wait, allowed = 0;
	if (r->user && r->session_hash) {
		snprintf(subject, sizeof subject, "user:%lld", (long long)r->user->id);
		store_tokens_prune(r->w->db, r->user->id, "sso"); /* the reader's used and expired ones */
		allowed = store_attempt_take(r->w->db, "sso", subject, &per_reader, &wait) == 1;
	}
	if (allowed) { /* else back without a token: the reader reads there signed out, nothing breaks */
		const char *token = token_new(r->pool);
		buf bound;
		buf_init(&bound, r->pool);
		buf_printf(&bound, "%s %s %s", target->host, n, r->session_hash);
		if (store_token_create(r->w->db, token_hash(r->pool, token), r->user->id, "sso",
				       buf_cstr(&bound), store_now() + TOKEN_LIFE) == 0)
			buf_printf(&u, "&t=%s", token);
	}
	private_redirect(r, buf_cstr(&u));
}

void sister_consent_cookie(struct request *r, const char *choice)
{
	const char *d = session_cookie_domain(r);
	buf c;
	buf_init(&c, r->pool);
	buf_printf(&c, "plenary_consent=%s; Path=/; Max-Age=%ld; SameSite=Lax; HttpOnly", choice,
		   CONSENT_AGE);
	if (d) {
		buf_printf(&c, "; Domain=%s", d);
		resp_header(r, "set-cookie", c.p, c.len);
		buf_reset(&c); /* and the host's own from before, which would hide it */
		buf_adds(&c, "plenary_consent=; Path=/; Max-Age=0; SameSite=Lax; HttpOnly");
	}
	resp_header(r, "set-cookie", c.p, c.len);
}

/* Drops the token from the request line the access log writes. */
static void redact_log(struct request *r)
{
	static const char line[] = "/sso/land?t=(redacted)";
	r->req->input.path = h2o_iovec_init(line, sizeof line - 1);
}

void sister_land(struct request *r)
{
	const char *n = req_query(r, "n"), *back = req_query(r, "return"), *t = req_query(r, "t"),
		   *c = req_query(r, "c");
	redact_log(r);
	if (!local_path(back))
		back = "/";
	const char *mark = req_cookie(r, MARK), *dot = mark ? strchr(mark, '.') : NULL;
	if (!dot) { /* the cookie set before the bounce did not come back: cookies are refused; never again */
		buf u;
		buf_init(&u, r->pool);
		buf_printf(&u, "%s%ssso=off", back, strchr(back, '?') ? "&" : "?");
		private_redirect(r, buf_cstr(&u));
		return;
	}
	/* the answer must be to this browser's own question, or a stranger could sign it in as someone else
	 */
	if (!nonce_ok(n) || strlen(dot + 1) != strlen(n) || sodium_memcmp(dot + 1, n, strlen(n)) != 0) {
		log_info("sso: a handshake answer not asked for by this browser");
		private_redirect(r, back);
		return;
	}
	if (c && r->consent == CONSENT_UNKNOWN && (strcmp(c, "accepted") == 0 || strcmp(c, "rejected") == 0))
		sister_consent_cookie(r, c);
	if (t && strlen(t) == 43 && !r->user) {
		int64_t user_id = 0;
		const char *bound = NULL;
		int ok = store_token_use(r->w->db, r->pool, token_hash(r->pool, t), "sso", &user_id, &bound);
		char host[256], nonce[32], of[80];
		if (ok == 1 && bound && sscanf(bound, "%255s %31s %79s", host, nonce, of) == 3 &&
		    strcasecmp(host, r->site->host) == 0 && strcmp(nonce, n) == 0) {
			if (session_join(r, user_id, of) != 1)
				log_info("sso: the default site's session ended before it reached %s",
					 r->site->host);
		} else
			log_info(
			    "sso: a handshake token refused (unknown, used, expired or for another host)");
	}
	private_redirect(r, back);
}

int sister_signin_elsewhere(struct request *r)
{
	if (r->user || !hub_reachable(r) || handshake_site(r, r->site->host) != r->site)
		return 0;
	const char *back = req_query(r, "next"); /* where the reader was sent from (or by its older name) */
	if (!back)
		back = req_query(r, "return");
	if (!local_path(back))
		back = "/account";
	buf to; /* /sso/to?host=H&return=PATH on the default site, where signing in leads */
	buf_init(&to, r->pool);
	buf_adds(&to, "/sso/to?host=");
	esc_url_component(&to, r->site->host, strlen(r->site->host), 0);
	buf_adds(&to, "&return=");
	esc_url_component(&to, back, strlen(back), 0);
	buf u;
	buf_init(&u, r->pool);
	const char *hub = req_site_url(r, hub_of(r));
	buf_add(&u, hub, strlen(hub) - 1);
	buf_adds(&u, "/signin?return=");
	esc_url_component(&u, to.p, to.len, 0);
	private_redirect(r, buf_cstr(&u));
	return 1;
}

void sister_to(struct request *r)
{
	const struct site *target = handshake_site(r, req_query(r, "host"));
	const char *back = req_query(r, "return");
	if (r->site != hub_of(r) || !target) {
		resp_error(r, 400, req_text(r, "sister.error.step"));
		return;
	}
	if (!local_path(back))
		back = "/";
	buf u;
	buf_init(&u, r->pool);
	const char *base = req_site_url(r, target);
	buf_add(&u, base, strlen(base) - 1);
	buf_adds(&u, "/sso/start?return=");
	esc_url_component(&u, back, strlen(back), 0);
	/* a page that moves on, not a redirect: this follows the sign-in form's POST, and a redirect of a
	 * form to another site breaks the Content-Security-Policy's form-action 'self' (browsers stop there)
	 */
	const char *next = buf_cstr(&u);
	buf h;
	buf_init(&h, r->pool);
	buf_printf(&h, "0; url=%s", next);
	resp_header(r, "refresh", h.p, h.len);
	resp_header(r, "referrer-policy", "no-referrer", 11);
	resp_header(r, "cache-control", "no-store", 8);
	view *v = router_hooks.page_view(r, req_text(r, "sister.signed_in_title"));
	view_str(v, "message", req_textf(r, "sister.taking_back", "site", target->name, NULL));
	view_bool(v, "has_link", 1);
	view_str(v, "link_url", next);
	view_str(v, "link_label", req_textf(r, "sister.continue", "site", target->name, NULL));
	resp_page(r, 200, "message", v, 0);
}

void sister_start(struct request *r)
{
	const char *back = req_query(r, "return");
	if (!local_path(back))
		back = "/";
	if (r->user || handshake_site(r, r->site->host) != r->site || !hub_reachable(r))
		private_redirect(r, back);
	else
		ask_hub(r, back);
}
