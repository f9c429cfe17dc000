/* multipart: multipart/form-data bodies (file uploads), read with GMime into a form and a list of files. */
#include "http/multipart.h"

#include <gmime/gmime.h>
#include <pthread.h>
#include <string.h>
#include <strings.h>

static pthread_once_t gmime_once = PTHREAD_ONCE_INIT;

static void gmime_setup(void)
{
	g_mime_init();
}

int multipart_is(const char *ct)
{
	if (!ct || strncasecmp(ct, "multipart/form-data", 19) != 0)
		return 0;
	for (const char *p = ct + 19; *p; p++)
		if (strncasecmp(p, "boundary=", 9) == 0)
			return 1;
	return 0;
}

/* The decoded bytes of a part, copied into the pool and NUL-terminated. */
static char *part_bytes(h2o_mem_pool_t *pool, GMimePart *part, size_t *len)
{
	GMimeDataWrapper *content = g_mime_part_get_content(part);
	GMimeStream *out = g_mime_stream_mem_new();
	char *copy = NULL;
	if (!content || g_mime_data_wrapper_write_to_stream(content, out) >= 0) {
		GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
		*len = bytes->len;
		copy = h2o_mem_alloc_pool(pool, bytes->len + 1);
		if (bytes->len)
			memcpy(copy, bytes->data, bytes->len); /* an empty part may have no buffer at all */
		copy[bytes->len] = '\0';
	}
	g_object_unref(out);
	return copy;
}

static int read_parts(h2o_mem_pool_t *pool, GMimeMultipart *mp, struct form *f, struct upload *files,
		      size_t max, size_t *nfiles)
{
	int count = g_mime_multipart_get_count(mp);
	if (count < 0 || count > FORM_MAX_FIELDS)
		return -1;
	for (int i = 0; i < count; i++) {
		GMimeObject *obj = g_mime_multipart_get_part(mp, i);
		const char *name = g_mime_object_get_content_disposition_parameter(obj, "name");
		if (!GMIME_IS_PART(obj) || !name || !name[0])
			return -1;
		GMimePart *part = GMIME_PART(obj);
		const char *filename = g_mime_object_get_content_disposition_parameter(obj, "filename");
		size_t len = 0;
		char *data = part_bytes(pool, part, &len);
		if (!data)
			return -1;
		if (filename) {
			if (*nfiles == max)
				return -1;
			files[(*nfiles)++] =
			    (struct upload){h2o_mem_alloc_pool(pool, strlen(name) + 1),
					    h2o_mem_alloc_pool(pool, strlen(filename) + 1), data, len};
			strcpy((char *)files[*nfiles - 1].field, name);
			strcpy((char *)files[*nfiles - 1].filename, filename);
			continue;
		}
		if (memchr(data, '\0', len) || f->n == FORM_MAX_FIELDS)
			return -1;
		char *key = h2o_mem_alloc_pool(pool, strlen(name) + 1);
		strcpy(key, name);
		f->name[f->n] = key;
		f->value[f->n] = data;
		f->value_len[f->n] = len;
		f->n++;
	}
	return 0;
}

int multipart_parse(h2o_mem_pool_t *pool, const char *content_type, const char *body, size_t n,
		    struct form *f, struct upload *files, size_t max, size_t *nfiles)
{
	f->n = 0;
	*nfiles = 0;
	if (!multipart_is(content_type) || strpbrk(content_type, "\r\n"))
		return -1;
	pthread_once(&gmime_once, gmime_setup);
	/* GMime parses a MIME entity: give the body the header it came with */
	GByteArray *all = g_byte_array_sized_new((guint)(n + strlen(content_type) + 20));
	g_byte_array_append(all, (const guint8 *)"Content-Type: ", 14);
	g_byte_array_append(all, (const guint8 *)content_type, (guint)strlen(content_type));
	g_byte_array_append(all, (const guint8 *)"\r\n\r\n", 4);
	g_byte_array_append(all, (const guint8 *)body, (guint)n);
	GMimeStream *stream = g_mime_stream_mem_new_with_byte_array(all); /* owns all */
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeObject *top = g_mime_parser_construct_part(parser, NULL);
	int rc = -1;
	if (top && GMIME_IS_MULTIPART(top))
		rc = read_parts(pool, GMIME_MULTIPART(top), f, files, max, nfiles);
	if (top)
		g_object_unref(top);
	g_object_unref(parser);
	g_object_unref(stream);
	return rc;
}
