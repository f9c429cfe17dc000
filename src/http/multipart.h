/* multipart: multipart/form-data bodies (file uploads), read with GMime into a form and a list of files. */
#ifndef PLENARY_MULTIPART_H
#define PLENARY_MULTIPART_H

#include "http/form.h"

#define MULTIPART_MAX_FILES 4

/** One file field of an upload; data and len are the bytes as sent, copied into the pool. */
struct upload {
	const char *field, *filename; /* filename "" when the browser gave none */
	const char *data;
	size_t len;
};

/** 1 when the Content-Type is multipart/form-data with a boundary. */
int multipart_is(const char *content_type);
/** Reads a multipart/form-data body: text fields into f, files into files[] (at most max). Returns 0, or -1
 * when the body is malformed, has more than FORM_MAX_FIELDS parts or max files, or a text field holds a
 * NUL byte. */
int multipart_parse(h2o_mem_pool_t *pool, const char *content_type, const char *body, size_t n,
		    struct form *f, struct upload *files, size_t max, size_t *nfiles);

#endif
