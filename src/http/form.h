/* form: application/x-www-form-urlencoded bodies and query strings, decoded into a pool. */
#ifndef PLENARY_FORM_H
#define PLENARY_FORM_H

#include <stddef.h>
#include <h2o/memory.h>

#define FORM_MAX_FIELDS 128

struct form {
	size_t n;
	const char *name[FORM_MAX_FIELDS];
	const char *value[FORM_MAX_FIELDS];
	size_t value_len[FORM_MAX_FIELDS];
};

/** Decodes "a=1&b=two+words" into f, line breaks (CRLF, CR) as LF; returns -1 when there are too many fields
 * or bad escapes. */
int form_parse(h2o_mem_pool_t *pool, const char *s, size_t n, struct form *f);
/** The value of the first field called name, or NULL. */
const char *form_get(const struct form *f, const char *name);
/** Every value of the fields called name (a multiple select, checkboxes), up to max; returns how many. */
size_t form_get_all(const struct form *f, const char *name, const char **out, size_t max);
/** Percent-decodes s ('+' as space when plus_is_space) into the pool; NULL on a bad escape or a NUL byte. */
char *url_decode(h2o_mem_pool_t *pool, const char *s, size_t n, int plus_is_space, size_t *outlen);

#endif
