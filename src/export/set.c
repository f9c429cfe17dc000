/* set: a set of strings (paths) for the static export, kept in a memory pool, in the order they came. */
#include "export/set.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "core/text.h"

void set_init(struct strset *s, h2o_mem_pool_t *pool)
{
	memset(s, 0, sizeof *s);
	s->pool = pool;
}

void set_free(struct strset *s)
{
	free(s->slots);
	free(s->order);
	memset(s, 0, sizeof *s);
}

/* The slot of key: its own when a member, else the empty one where it would go. */
static size_t find(const struct strset *s, const char *key, size_t n)
{
	size_t mask = s->capacity - 1, i = (size_t)text_hash(key, n) & mask;
	while (s->slots[i] && (strncmp(s->slots[i], key, n) != 0 || s->slots[i][n] != '\0'))
		i = (i + 1) & mask;
	return i;
}

static void grow(struct strset *s)
{
	size_t cap = s->capacity ? s->capacity * 2 : 1024;
	const char **slots = calloc(cap, sizeof *slots), **order = realloc(s->order, cap / 2 * sizeof *order);
	if (!slots || !order)
		die("out of memory");
	const char **old = s->slots;
	size_t oldcap = s->capacity;
	s->slots = slots;
	s->order = order;
	s->capacity = cap;
	for (size_t i = 0; i < oldcap; i++)
		if (old[i])
			s->slots[find(s, old[i], strlen(old[i]))] = old[i];
	free(old);
}

const char *set_add(struct strset *s, const char *key, size_t n, int *added)
{
	*added = 0;
	if (s->count + 1 > s->capacity / 2)
		grow(s);
	size_t i = find(s, key, n);
	if (s->slots[i])
		return s->slots[i];
	char *copy = mem_strndup(s->pool, key, n);
	s->slots[i] = copy;
	s->order[s->count++] = copy;
	*added = 1;
	return copy;
}

int set_has(const struct strset *s, const char *key, size_t n)
{
	return s->capacity && s->slots[find(s, key, n)] != NULL;
}
