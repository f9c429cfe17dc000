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

/** 0 when a parsed request may proceed; else the status to answer (400, 431) with a reason in *why. */
int guard_check(h2o_req_t *req, size_t max_header_bytes, const char **why);

#endif
