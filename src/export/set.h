/* set: a set of strings (paths) for the static export, kept in a memory pool, in the order they came. */
#ifndef PLENARY_EXPORT_SET_H
#define PLENARY_EXPORT_SET_H

#include <h2o/memory.h>
#include <stddef.h>

/** Open addressing over the strings' hashes; the strings themselves live in the pool given to set_init and
 * stay where they are, so a pointer set_add returns is good until the pool is cleared. */
struct strset {
	h2o_mem_pool_t *pool;
	const char **slots; /* capacity entries, NULL when empty */
	size_t capacity, count;
	const char **order; /* the members in the order they were added */
};

void set_init(struct strset *s, h2o_mem_pool_t *pool);
void set_free(struct strset *s);
/** Adds the n bytes at key; returns the set's copy, and sets *added to 1 when it was not a member before. */
const char *set_add(struct strset *s, const char *key, size_t n, int *added);
/** 1 when the n bytes at key are a member. */
int set_has(const struct strset *s, const char *key, size_t n);

#endif
