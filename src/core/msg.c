/* msg: a message kept as a catalog key and named values, and said along a chain of catalogs. */
#include "core/msg.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/catalog.h"
#include "core/text.h"

/* Copies s[0..n) into out (size bytes), cut on a character's edge when it does not fit, with suffix after
 * it when it was cut. */
static void copy_cut(char *out, size_t size, const char *s, size_t n, size_t max, const char *suffix)
{
	size_t room = size - 1 - strlen(suffix);
	if (max > room)
		max = room;
	size_t k = text_cut(s, n, max);
	snprintf(out, size, "%.*s%s", (int)k, s, k < n ? suffix : "");
}

static struct msg_param *add(struct msg *m, const char *name)
{
	if (m->n >= MSG_MAX_PARAMS)
		return NULL;
	struct msg_param *p = &m->p[m->n++];
	p->name = name;
	p->is_key = 0;
	p->value[0] = '\0';
	return p;
}

int msg_set(struct msg *m, const char *key, ...)
{
	m->key = key;
	m->n = 0;
	va_list ap;
	va_start(ap, key);
	const char *name;
	while ((name = va_arg(ap, const char *)) != NULL) {
		const char *v = va_arg(ap, const char *);
		msg_str(m, name, v ? v : "");
	}
	va_end(ap);
	return -1;
}

int msg_str(struct msg *m, const char *name, const char *v)
{
	struct msg_param *p = add(m, name);
	if (p)
		copy_cut(p->value, sizeof p->value, v, strlen(v), sizeof p->value, "");
	return -1;
}

int msg_int(struct msg *m, const char *name, long long v)
{
	struct msg_param *p = add(m, name);
	if (p)
		snprintf(p->value, sizeof p->value, "%lld", v);
	return -1;
}

int msg_key(struct msg *m, const char *name, const char *key)
{
	struct msg_param *p = add(m, name);
	if (p) {
		copy_cut(p->value, sizeof p->value, key, strlen(key), sizeof p->value, "");
		p->is_key = 1;
	}
	return -1;
}

int msg_clip(struct msg *m, const char *name, const char *s, size_t n)
{
	struct msg_param *p = add(m, name);
	if (p)
		copy_cut(p->value, sizeof p->value, s, n, MSG_CLIP, "…");
	return -1;
}

const char *msg_get(const struct msg *m, const char *name)
{
	for (size_t i = 0; i < m->n; i++)
		if (strcmp(m->p[i].name, name) == 0)
			return m->p[i].value;
	return NULL;
}

static const char *say(const struct catalog *const *chain, size_t n, const char *key)
{
	const char *t = catalog_find(chain, n, key, strlen(key));
	return t ? t : key;
}

const char *msg_text(h2o_mem_pool_t *pool, const struct catalog *const *chain, size_t n, const struct msg *m)
{
	if (!m->key)
		return "";
	const char *names[MSG_MAX_PARAMS], *values[MSG_MAX_PARAMS];
	for (size_t i = 0; i < m->n; i++) {
		names[i] = m->p[i].name;
		values[i] = m->p[i].is_key ? say(chain, n, m->p[i].value) : m->p[i].value;
	}
	return catalog_fill(pool, say(chain, n, m->key), names, values, m->n);
}

void msg_describe(const struct msg *m, char *out, size_t outlen)
{
	size_t at = 0;
	int k = snprintf(out, outlen, "%s", m->key ? m->key : "(none)");
	for (size_t i = 0; k >= 0 && i < m->n; i++) {
		at += (size_t)k;
		if (at >= outlen)
			return;
		k = snprintf(out + at, outlen - at, "%s%s=%s", i ? ", " : " (", m->p[i].name, m->p[i].value);
	}
	if (k >= 0 && m->n && at + (size_t)k < outlen)
		snprintf(out + at + (size_t)k, outlen - at - (size_t)k, ")");
}
