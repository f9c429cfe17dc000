/* count_table: a worker's counts of one interval in memory: open addressing, a fixed number of slots and
 * bytes of text, and an "other" row per day, site and event once either is spent. No lock: one thread. */
#ifndef PLENARY_COUNT_TABLE_H
#define PLENARY_COUNT_TABLE_H

#include <stddef.h>
#include <stdint.h>

/** What is counted (analytics_count.event). */
enum count_event { COUNT_VIEW, COUNT_READ, COUNT_PLAY, COUNT_FEED, COUNT_MAIL, COUNT_EVENTS };

/** The name of an event as stored ("view"...), or NULL. */
const char *count_event_name(int event);

/** One count's dimensions; strings are copied into the table (NULL is ""). day: days since 1970-01-01 UTC. */
struct count_key {
	int32_t day;
	int event;
	int64_t site_id, article_id;
	const char *referrer, *profession, *specialty, *country;
};

/** A row of the table: its dimensions (strings owned by the table) and how many. */
struct count_entry {
	struct count_key key;
	uint64_t hash;
	int64_t n;
	int used;
};

#define COUNT_OTHER_MAX 64 /* "other" rows (day, site, event) a table keeps; past them counts are dropped */

struct count_table {
	size_t cap, used, max; /* slots (a power of two), filled, filled at most (three quarters) */
	struct count_entry *slots;
	char *text; /* the strings of the keys */
	size_t text_used, text_cap;
	struct count_entry other[COUNT_OTHER_MAX]; /* article ANALYTICS_ARTICLE_OTHER (-1), no strings */
	size_t nother;
	int64_t total, dropped; /* every count added; those that found no row at all */
};

/** A table of `slots` slots (rounded up to a power of two, at least 8) and text_bytes of strings: NULL when
 * out of memory. */
struct count_table *count_table_new(size_t slots, size_t text_bytes);
void count_table_free(struct count_table *t);
/** Adds n to the key's row; a new key that finds no slot or no room for its strings goes to the "other" row
 * of its day, site and event (article -1, strings ""), and past COUNT_OTHER_MAX of those is dropped. */
void count_table_add(struct count_table *t, const struct count_key *k, int64_t n);
/** Calls fn for every row (the "other" rows last). */
void count_table_each(const struct count_table *t, void (*fn)(const struct count_entry *e, void *ctx),
		      void *ctx);
/** Rows it holds (the "other" rows included). */
size_t count_table_rows(const struct count_table *t);

#endif
