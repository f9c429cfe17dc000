/* guard: rejects requests that proxies could read differently (smuggling) or that are too large. */
#include "http/guard.h"

#include <dlfcn.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"

static int name_is(const struct phr_header *h, const char *name)
{
	size_t n = strlen(name);
	return h->name_len == n && strncasecmp(h->name, name, n) == 0;
}

int guard_framing_ok(const struct phr_header *headers, size_t n)
{
	int content_length = 0, transfer_encoding = 0;
	for (size_t i = 0; i < n; i++) {
		const struct phr_header *h = &headers[i];
		if (!h->name || h->name_len == 0)
			return 0; /* obsolete line folding */
		if (name_is(h, "content-length"))
			content_length++;
		else if (name_is(h, "transfer-encoding")) {
			transfer_encoding++;
			if (h->value_len != 7 || strncasecmp(h->value, "chunked", 7) != 0)
				return 0;
		}
	}
	return content_length <= 1 && transfer_encoding <= 1 && !(content_length && transfer_encoding);
}

int guard_version_ok(const struct phr_header *headers, size_t n, int minor_version)
{
	int hosts = 0;
	for (size_t i = 0; i < n; i++) {
		if (!headers[i].name)
			continue;
		if (name_is(&headers[i], "host"))
			hosts++;
		else if (minor_version == 0 && name_is(&headers[i], "transfer-encoding"))
			return 0;
	}
	return minor_version == 0 ? hosts <= 1 : hosts == 1;
}

typedef int (*parse_fn)(const char *, size_t, const char **, size_t *, const char **, size_t *, int *,
			struct phr_header *, size_t *, size_t);

/* h2o 2.2 keeps Content-Length and Transfer-Encoding from handlers and accepts them together, repeated,
 * or folded; it takes a request without Host, or with two (the last wins), and a chunked HTTP/1.0 body. It
 * parses with picohttpparser's phr_parse_request, which libh2o exports and calls through its PLT, so this
 * definition sits in front of it: a request with ambiguous framing or host becomes a parse error, and h2o
 * answers 400 and closes the connection, before any routing, on every request of a keep-alive connection. */
int phr_parse_request(const char *buf, size_t len, const char **method, size_t *method_len, const char **path,
		      size_t *path_len, int *minor_version, struct phr_header *headers, size_t *num_headers,
		      size_t last_len)
{
	static parse_fn real;
	if (!real) {
		real = (parse_fn)dlsym(RTLD_NEXT, "phr_parse_request");
		if (!real)
			die("phr_parse_request not found in libh2o");
	}
	int rc =
	    real(buf, len, method, method_len, path, path_len, minor_version, headers, num_headers, last_len);
	if (rc > 0 && (!guard_framing_ok(headers, *num_headers) ||
		       !guard_version_ok(headers, *num_headers, *minor_version)))
		return -1;
	return rc;
}

int guard_check(h2o_req_t *req, size_t max_header_bytes, const char **why)
{
	size_t total = 0;
	for (size_t i = 0; i < req->headers.size; i++) {
		const h2o_header_t *h = &req->headers.entries[i];
		total += h->name->len + h->value.len + 4;
		for (size_t j = 0; j < h->value.len; j++) {
			unsigned char c = (unsigned char)h->value.base[j];
			if (c == '\r' || c == '\n' || c == '\0') {
				*why = "errors.header_break";
				return 400;
			}
		}
	}
	if (total > max_header_bytes) {
		*why = NULL; /* the status's own message says it */
		return 431;
	}
	return 0;
}
