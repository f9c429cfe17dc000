/* fuzz_form: urlencoded bodies and query strings through form_parse and url_decode, from a buffer with no
 * NUL. */
#include <stdint.h>
#include <string.h>

#include "http/form.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct form f;
	if (form_parse(&pool, s, size, &f) == 0) {
		if (f.n > FORM_MAX_FIELDS)
			__builtin_trap();
		const char *all[8];
		for (size_t i = 0; i < f.n; i++) {
			/* decoded values hold no NUL byte: value_len is the C string's length */
			if (strlen(f.value[i]) != f.value_len[i])
				__builtin_trap();
			if (form_get(&f, f.name[i]) == NULL || form_get_all(&f, f.name[i], all, 8) == 0)
				__builtin_trap();
		}
	}
	for (int plus = 0; plus < 2; plus++) {
		size_t len = 0;
		char *d = url_decode(&pool, s, size, plus, &len);
		if (d && (len > size || strlen(d) != len))
			__builtin_trap();
	}
	h2o_mem_clear_pool(&pool);
	return 0;
}
