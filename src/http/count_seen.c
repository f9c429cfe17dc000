/* count_seen: open addressing over 64-bit keys (already hashes), doubling up to its bound. */
#include "http/count_seen.h"

#include <stdlib.h>
#include <string.h>

#define FIRST_CAP 1024

void count_seen_init(struct count_seen *s, size_t max)
{
	memset(s, 0, sizeof *s);
	s->max = max;
}

void count_seen_clear(struct count_seen *s)
{
	if (s->slots)
		memset(s->slots, 0, s->cap * sizeof *s->slots);
	s->used = 0;
}

void count_seen_free(struct count_seen *s)
{
	free(s->slots);
	count_seen_init(s, s->max);
}

static struct count_seen_slot *find(struct count_seen_slot *slots, size_t cap, uint64_t key)
{
	size_t mask = cap - 1;
	for (size_t i = (size_t)(key ^ key >> 32) & mask;; i = (i + 1) & mask)
		if (slots[i].key == key || slots[i].key == 0)
			return &slots[i];
}

/* Doubles the table (rehashing every key): 0, or -1 out of memory. */
static int grow(struct count_seen *s)
{
	size_t cap = s->cap ? s->cap * 2 : FIRST_CAP;
	struct count_seen_slot *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return -1;
	for (size_t i = 0; i < s->cap; i++)
		if (s->slots[i].key)
			*find(slots, cap, s->slots[i].key) = s->slots[i];
	free(s->slots);
	s->slots = slots;
	s->cap = cap;
	return 0;
}

uint32_t count_seen_bump(struct count_seen *s, uint64_t key)
{
	if (key == 0)
		key = 1; /* 0 marks an empty slot */
	if (s->cap) {
		struct count_seen_slot *x = find(s->slots, s->cap, key);
		if (x->key == key)
			return x->n == UINT32_MAX ? x->n : ++x->n;
	}
	if (s->used >= s->max)
		return 0;
	if ((s->used + 1) * 2 > s->cap && grow(s) != 0)
		return 0;
	struct count_seen_slot *x = find(s->slots, s->cap, key);
	*x = (struct count_seen_slot){key, 1};
	s->used++;
	return 1;
}
