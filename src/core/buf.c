/* buf: the one growable byte buffer, backed by malloc or by a request's memory pool. */
#include "core/buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <stdint.h>

#include "core/log.h"

void buf_init(buf *b, h2o_mem_pool_t *pool)
{
	b->p = NULL;
	b->len = b->cap = 0;
	b->pool = pool;
}

void buf_reserve(buf *b, size_t n)
{
	if (b->len + n + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + n + 1) {
		if (cap > SIZE_MAX / 2)
			die("buffer size overflow");
		cap *= 2;
	}
	char *p;
	if (b->pool) {
		/* pool memory cannot be resized: take a new block; the old one goes with the pool */
		p = h2o_mem_alloc_pool(b->pool, cap);
		if (b->len)
			memcpy(p, b->p, b->len);
	} else {
		p = realloc(b->p, cap);
		if (!p)
			die("out of memory (%zu bytes)", cap);
	}
	b->p = p;
	b->cap = cap;
}

void buf_add(buf *b, const void *p, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->p + b->len, p, n);
	b->len += n;
	b->p[b->len] = '\0';
}

void buf_adds(buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_addc(buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char small[256];
	int n = vsnprintf(small, sizeof small, fmt, ap);
	if (n < 0)
		die("bad format string: %s", fmt);
	if ((size_t)n < sizeof small) {
		buf_add(b, small, (size_t)n);
	} else {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->p + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
}

void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

const char *buf_cstr(buf *b)
{
	return b->p ? b->p : "";
}

void buf_reset(buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

void buf_free(buf *b)
{
	if (!b->pool)
		free(b->p);
	b->p = NULL;
	b->len = b->cap = 0;
}

char *mem_strndup(h2o_mem_pool_t *pool, const char *s, size_t n)
{
	char *p = pool ? h2o_mem_alloc_pool(pool, n + 1) : malloc(n + 1);
	if (!p)
		die("out of memory");
	if (n)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}
