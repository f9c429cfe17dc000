/* fuzz_guard: raw request bytes through picohttpparser, the guard's framing and host rules, and its header
 * check. */
#include <stdint.h>
#include <string.h>

#include "http/guard.h"

/* Defined in guard.c, in front of libh2o's own (picohttpparser's signature); h2o calls it for each request.
 */
int phr_parse_request(const char *buf, size_t len, const char **method, size_t *method_len, const char **path,
		      size_t *path_len, int *minor_version, struct phr_header *headers, size_t *num_headers,
		      size_t last_len);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *method, *path;
	size_t method_len, path_len, nheaders = 64;
	int minor;
	struct phr_header headers[64];
	int rc = phr_parse_request((const char *)data, size, &method, &method_len, &path, &path_len, &minor,
				   headers, &nheaders, 0);
	if (rc <= 0)
		return 0;
	if (!guard_framing_ok(headers, nheaders) || !guard_version_ok(headers, nheaders, minor))
		__builtin_trap(); /* the wrapper let through what the guard refuses */
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	h2o_req_t req;
	memset(&req, 0, sizeof req);
	for (size_t i = 0; i < nheaders; i++)
		h2o_add_header_by_str(&pool, &req.headers, headers[i].name, headers[i].name_len, 0, NULL,
				      headers[i].value, headers[i].value_len);
	const char *why = NULL;
	int status = guard_check(&req, 8192, &why);
	if (status != 0 && status != 400 && status != 431)
		__builtin_trap();
	if (status != 0 && !why)
		__builtin_trap();
	h2o_mem_clear_pool(&pool);
	return 0;
}
