/* fuzz_multipart: multipart/form-data bodies through GMime; the first line is the Content-Type, the rest the
 * body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data, *nl = memchr(s, '\n', size < 256 ? size : 256);
	if (!nl)
		return 0;
	size_t ctlen = (size_t)(nl - s);
	char *ct = malloc(ctlen + 1);
	memcpy(ct, s, ctlen);
	ct[ctlen] = '\0';
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct form f;
	struct upload files[MULTIPART_MAX_FILES];
	size_t nfiles = 0;
	if (multipart_is(ct) && multipart_parse(&pool, ct, nl + 1, size - ctlen - 1, &f, files,
						MULTIPART_MAX_FILES, &nfiles) == 0) {
		if (f.n > FORM_MAX_FIELDS || nfiles > MULTIPART_MAX_FILES)
			__builtin_trap();
		for (size_t i = 0; i < f.n;
		     i++) /* a text field with a NUL byte is refused, never cut short */
			if (!f.name[i] || strlen(f.value[i]) != f.value_len[i])
				__builtin_trap();
		for (size_t i = 0; i < nfiles; i++)
			if (files[i].len > size || !files[i].field || !files[i].filename)
				__builtin_trap();
	}
	h2o_mem_clear_pool(&pool);
	free(ct);
	return 0;
}
