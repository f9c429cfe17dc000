/* count_table: a worker's counts of one interval: open addressing with linear probing over a fixed array,
 * strings in one fixed buffer, an "other" row per day, site and event when either is full. */
#include "http/count_table.h"

#include <stdlib.h>
#include <string.h>

#include "store/analytics.h"

static const char *const event_names[COUNT_EVENTS] = {"view", "read", "play", "feed", "mail"};

const char *count_event_name(int event)
{
	return event >= 0 && event < COUNT_EVENTS ? event_names[event] : NULL;
}

struct count_table *count_table_new(size_t slots, size_t text_bytes)
{
	size_t cap = 8;
	while (cap < slots)
		cap <<= 1;
	struct count_table *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	t->slots = calloc(cap, sizeof *t->slots);
	t->text = malloc(text_bytes ? text_bytes : 1);
	if (!t->slots || !t->text) {
		count_table_free(t);
		return NULL;
	}
	t->cap = cap;
	t->max = cap / 4 * 3;
	t->text_cap = text_bytes;
	return t;
}

void count_table_free(struct count_table *t)
{
	if (!t)
		return;
	free(t->slots);
	free(t->text);
	free(t);
}

/* FNV-1a over a string and its end */
static uint64_t mix_str(uint64_t h, const char *s)
{
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (h ^ 0xff) * 0x100000001b3ULL;
}

static uint64_t mix_int(uint64_t h, uint64_t v)
{
	h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
	return h * 0xff51afd7ed558ccdULL;
}

static const char *or_empty(const char *s)
{
	return s ? s : "";
}

static uint64_t key_hash(const struct count_key *k)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	h = mix_int(h, (uint64_t)(uint32_t)k->day << 8 | (uint64_t)(k->event & 0xff));
	h = mix_int(h, (uint64_t)k->site_id);
	h = mix_int(h, (uint64_t)k->article_id);
	h = mix_str(h, or_empty(k->referrer));
	h = mix_str(h, or_empty(k->profession));
	h = mix_str(h, or_empty(k->specialty));
	h = mix_str(h, or_empty(k->country));
	return h ^ (h >> 29);
}

static int key_equal(const struct count_key *a, const struct count_key *b)
{
	return a->day == b->day && a->event == b->event && a->site_id == b->site_id &&
	       a->article_id == b->article_id && strcmp(a->referrer, or_empty(b->referrer)) == 0 &&
	       strcmp(a->profession, or_empty(b->profession)) == 0 &&
	       strcmp(a->specialty, or_empty(b->specialty)) == 0 &&
	       strcmp(a->country, or_empty(b->country)) == 0;
}

/* A copy of s in the table's text ("" costs nothing), or NULL when it does not fit. */
static const char *keep(struct count_table *t, const char *s)
{
	s = or_empty(s);
	size_t n = strlen(s);
	if (n == 0)
		return "";
	if (t->text_cap - t->text_used < n + 1)
		return NULL;
	char *p = t->text + t->text_used;
	memcpy(p, s, n + 1);
	t->text_used += n + 1;
	return p;
}

static void add_other(struct count_table *t, const struct count_key *k, int64_t n)
{
	for (size_t i = 0; i < t->nother; i++) {
		struct count_key *o = &t->other[i].key;
		if (o->day == k->day && o->site_id == k->site_id && o->event == k->event) {
			t->other[i].n += n;
			return;
		}
	}
	if (t->nother == COUNT_OTHER_MAX) {
		t->dropped += n;
		return;
	}
	struct count_entry *e = &t->other[t->nother++];
	e->key = (struct count_key){k->day, k->event, k->site_id, ANALYTICS_ARTICLE_OTHER, "", "", "", ""};
	e->n = n;
	e->used = 1;
}

void count_table_add(struct count_table *t, const struct count_key *k, int64_t n)
{
	t->total += n;
	uint64_t h = key_hash(k);
	size_t mask = t->cap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		struct count_entry *e = &t->slots[i];
		if (!e->used)
			break;
		if (e->hash == h && key_equal(&e->key, k)) {
			e->n += n;
			return;
		}
	}
	if (t->used >= t->max) {
		add_other(t, k, n);
		return;
	}
	size_t mark = t->text_used;
	struct count_key c = *k;
	if (!(c.referrer = keep(t, k->referrer)) || !(c.profession = keep(t, k->profession)) ||
	    !(c.specialty = keep(t, k->specialty)) || !(c.country = keep(t, k->country))) {
		t->text_used = mark; /* the strings kept so far are given back */
		add_other(t, k, n);
		return;
	}
	size_t i = (size_t)h & mask;
	while (t->slots[i].used)
		i = (i + 1) & mask;
	t->slots[i] = (struct count_entry){c, h, n, 1};
	t->used++;
}

void count_table_each(const struct count_table *t, void (*fn)(const struct count_entry *e, void *ctx),
		      void *ctx)
{
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].used)
			fn(&t->slots[i], ctx);
	for (size_t i = 0; i < t->nother; i++)
		fn(&t->other[i], ctx);
}

size_t count_table_rows(const struct count_table *t)
{
	return t->used + t->nother;
}
