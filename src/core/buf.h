/* buf: the one growable byte buffer, backed by malloc or by a request's memory pool. */
#ifndef PLENARY_BUF_H
#define PLENARY_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include <h2o/memory.h>

/** A growable byte buffer. With a pool, memory lives until the pool is cleared (never freed
 * one by one); without one, it comes from malloc and buf_free releases it. The content is always
 * NUL-terminated at p[len] once anything has been added. */
typedef struct buf {
	char *p;
	size_t len, cap;
	h2o_mem_pool_t *pool;
} buf;

/** Starts an empty buffer; pool may be NULL for malloc-backed memory. */
void buf_init(buf *b, h2o_mem_pool_t *pool);
/** Makes room for n more bytes. Aborts when memory runs out (there is no sane recovery). */
void buf_reserve(buf *b, size_t n);
void buf_add(buf *b, const void *p, size_t n);
void buf_adds(buf *b, const char *s);
void buf_addc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/** Returns the content as a NUL-terminated string ("" when empty). */
const char *buf_cstr(buf *b);
/** Forgets the content but keeps the memory. */
void buf_reset(buf *b);
/** Releases malloc-backed memory; a no-op for pool-backed buffers. */
void buf_free(buf *b);
/** Copies n bytes into pool (or malloc when pool is NULL) with a NUL after them. */
char *mem_strndup(h2o_mem_pool_t *pool, const char *s, size_t n);

#endif
