/* guard: rejects requests that proxies could read differently (smuggling) or that are too large. */
#ifndef PLENARY_GUARD_H
#define PLENARY_GUARD_H

#include <h2o.h>

/** One header line as picohttpparser (inside libh2o) reports it; name is NULL for a folded line. */
struct phr_header {
	const char *name;
	size_t name_len;
	const char *value;
	size_t value_len;
};

/** 1 when the framing headers of a request are unambiguous: no folded lines, at most one
 * Content-Length, never with Transfer-Encoding, and Transfer-Encoding only "chunked". */
int guard_framing_ok(const struct phr_header *headers, size_t n);

/** 1 when a request of HTTP/1.minor_version names its host as the protocol wants: exactly one Host in
 * HTTP/1.1 (RFC 9112 3.2: 400 for none or several), at most one in HTTP/1.0; and no Transfer-Encoding in
 * HTTP/1.0, which has none (a 1.0 peer would read the body by Content-Length or to the close). */
int guard_version_ok(const struct phr_header *headers, size_t n, int minor_version);

/** 0 when a parsed request may proceed; else the status to answer (400, 431) with in *why the catalog key of
 * its reason (NULL: the status's own message). */
int guard_check(h2o_req_t *req, size_t max_header_bytes, const char **why);

#endif
