/* form: application/x-www-form-urlencoded bodies and query strings, decoded into a pool. */
#include "http/form.h"

#include <string.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

char *url_decode(h2o_mem_pool_t *pool, const char *s, size_t n, int plus_is_space, size_t *outlen)
{
	char *out = h2o_mem_alloc_pool(pool, n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '%') {
			int hi = i + 1 < n ? hexval(s[i + 1]) : -1;
			int lo = i + 2 < n ? hexval(s[i + 2]) : -1;
			if (hi < 0 || lo < 0)
				return NULL;
			c = (char)(hi * 16 + lo);
			i += 2;
		} else if (c == '+' && plus_is_space) {
			c = ' ';
		}
		if (c == '\0')
			return NULL;
		*o++ = c;
	}
	*o = '\0';
	if (outlen)
		*outlen = (size_t)(o - out);
	return out;
}

/* Line breaks as LF: browsers send a textarea's as CRLF, so text saved unchanged would otherwise change. */
static void lf_newlines(char *s, size_t *len)
{
	size_t o = 0;
	for (size_t i = 0; i < *len; i++) {
		if (s[i] == '\r') {
			s[o++] = '\n';
			i += i + 1 < *len && s[i + 1] == '\n';
		} else {
			s[o++] = s[i];
		}
	}
	s[o] = '\0';
	*len = o;
}

int form_parse(h2o_mem_pool_t *pool, const char *s, size_t n, struct form *f)
{
	f->n = 0;
	size_t i = 0;
	while (i < n) {
		size_t end = i;
		while (end < n && s[end] != '&')
			end++;
		if (end > i) {
			if (f->n == FORM_MAX_FIELDS)
				return -1;
			const char *eq = memchr(s + i, '=', end - i);
			size_t nlen = eq ? (size_t)(eq - (s + i)) : end - i;
			const char *v = eq ? eq + 1 : s + end;
			size_t vlen = (size_t)(s + end - v);
			char *name = url_decode(pool, s + i, nlen, 1, NULL);
			char *value = url_decode(pool, v, vlen, 1, &f->value_len[f->n]);
			if (!name || !value)
				return -1;
			lf_newlines(value, &f->value_len[f->n]);
			f->name[f->n] = name;
			f->value[f->n] = value;
			f->n++;
		}
		i = end + 1;
	}
	return 0;
}

const char *form_get(const struct form *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++)
		if (strcmp(f->name[i], name) == 0)
			return f->value[i];
	return NULL;
}

size_t form_get_all(const struct form *f, const char *name, const char **out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n && n < max; i++)
		if (strcmp(f->name[i], name) == 0)
			out[n++] = f->value[i];
	return n;
}
