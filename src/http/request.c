/* request: what handlers read from a request: headers, cookies, query parameters, page numbers. */
#include "http/request.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http/form.h"
#include "store/accounts.h"

static void on_gone(void *p)
{
	int *gone = *(int **)p;
	if (gone)
		*gone = 1;
}

int **req_watch_gone(h2o_mem_pool_t *req_pool, int *gone)
{
	int **slot = h2o_mem_alloc_shared(req_pool, sizeof *slot, on_gone);
	*slot = gone;
	return slot;
}

/* The rightmost address of the X-Forwarded-For values that is not a trusted proxy, into out; 0, or -1 when
 * the header is absent. An entry that is not an address stops the walk: what is left of it is not
 * trustworthy, so the last trusted hop is the answer. */
static int forwarded_client(struct request *r, char *out, size_t n)
{
	const h2o_headers_t *hs = r->headers;
	ssize_t last = -1;
	for (ssize_t i = -1; (i = h2o_find_header(hs, H2O_TOKEN_X_FORWARDED_FOR, i)) >= 0;)
		last = i;
	if (last < 0)
		return -1;
	for (ssize_t i = last; i >= 0; i--) {
		if (hs->entries[i].name != &H2O_TOKEN_X_FORWARDED_FOR->buf)
			continue;
		h2o_iovec_t v = hs->entries[i].value;
		size_t end = v.len;
		while (end > 0) {
			size_t start = end;
			while (start > 0 && v.base[start - 1] != ',')
				start--;
			size_t a = start, b = end;
			while (a < b && (v.base[a] == ' ' || v.base[a] == '\t'))
				a++;
			while (b > a && (v.base[b - 1] == ' ' || v.base[b - 1] == '\t'))
				b--;
			char item[64];
			if (b - a == 0 || b - a >= sizeof item)
				return 0;
			memcpy(item, v.base + a, b - a);
			item[b - a] = '\0';
			if (netlist_canonical(item, item, sizeof item) != 0)
				return 0;
			snprintf(out, n, "%s", item);
			if (!netlist_has_text(&r->app->proxies, item))
				return 0;
			end = start ? start - 1 : 0;
		}
	}
	return 0;
}

const char *req_client_addr(struct request *r)
{
	if (r->client_addr[0] || !r->req)
		return r->client_addr[0] ? r->client_addr : "unknown";
	struct sockaddr_storage ss;
	socklen_t len = r->req->conn->callbacks->get_peername(r->req->conn, (struct sockaddr *)&ss);
	if (len)
		netlist_addr_text((struct sockaddr *)&ss, r->client_addr, sizeof r->client_addr);
	if (r->client_addr[0] && r->app->proxies.n && netlist_has_text(&r->app->proxies, r->client_addr))
		forwarded_client(r, r->client_addr, sizeof r->client_addr);
	if (!r->client_addr[0])
		snprintf(r->client_addr, sizeof r->client_addr, "unknown");
	return r->client_addr;
}

const char *req_header(struct request *r, const char *name)
{
	ssize_t i = h2o_find_header_by_str(r->headers, name, strlen(name), -1);
	if (i < 0)
		return NULL;
	h2o_iovec_t v = r->headers->entries[i].value;
	return mem_strndup(r->pool, v.base, v.len);
}

const char *req_cookie(struct request *r, const char *name)
{
	size_t nlen = strlen(name);
	for (ssize_t i = -1; (i = h2o_find_header(r->headers, H2O_TOKEN_COOKIE, i)) >= 0;) {
		h2o_iovec_t v = r->headers->entries[i].value;
		const char *p = v.base, *end = v.base + v.len;
		while (p < end) {
			while (p < end && (*p == ' ' || *p == ';'))
				p++;
			const char *semi = memchr(p, ';', (size_t)(end - p));
			const char *stop = semi ? semi : end;
			if ((size_t)(stop - p) > nlen && memcmp(p, name, nlen) == 0 && p[nlen] == '=')
				return mem_strndup(r->pool, p + nlen + 1,
						   (size_t)(stop - p - (ssize_t)nlen - 1));
			p = stop;
		}
	}
	return NULL;
}

const char *req_query(struct request *r, const char *name)
{
	if (!r->query[0])
		return NULL;
	struct form f;
	if (form_parse(r->pool, r->query, strlen(r->query), &f) != 0)
		return NULL;
	return form_get(&f, name);
}

int req_page_number(struct request *r)
{
	const char *v = req_query(r, "page");
	if (!v)
		return 1;
	char *end;
	long n = strtol(v, &end, 10);
	if (end == v || *end || n < 1 || n > 100000)
		return -1;
	return (int)n;
}

int req_is_tls(const struct request *r)
{
	return r->tls;
}

const char *site_url_with(h2o_mem_pool_t *pool, const char *public_url, const char *scheme, const char *host)
{
	/* the scheme and port come from public_url when set: never the port a Host header names, which a
	 * client chooses (and a proxy's backend port leaks) */
	int port = 0;
	if (public_url[0]) {
		scheme = strncmp(public_url, "https:", 6) == 0 ? "https" : "http";
		const char *colon = strchr(public_url + strlen(scheme) + 3, ':');
		port = colon ? atoi(colon + 1) : 0;
	}
	buf b;
	buf_init(&b, pool);
	if (port)
		buf_printf(&b, "%s://%s:%d/", scheme, host, port);
	else
		buf_printf(&b, "%s://%s/", scheme, host);
	return buf_cstr(&b);
}

const char *req_site_url(struct request *r, const struct site *site)
{
	return site_url_with(r->pool, r->app->cfg.public_url, req_is_tls(r) ? "https" : "http", site->host);
}

struct user *user_copy(h2o_mem_pool_t *pool, const struct user *u)
{
	if (!u)
		return NULL;
	struct user *c = h2o_mem_alloc_pool(pool, sizeof *c);
	*c = *u;
	const char **text[] = {&c->email,	&c->name,	&c->profession,	   &c->specialty,
			       &c->country,	&c->role,	&c->password_hash, &c->hcp_status,
			       &c->hcp_request, &c->hcp_method, &c->hcp_evidence,  &c->totp_secret,
			       &c->language};
	for (size_t i = 0; i < sizeof text / sizeof *text; i++)
		if (*text[i])
			*text[i] = mem_strndup(pool, *text[i], strlen(*text[i]));
	return c;
}
