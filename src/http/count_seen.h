/* count_seen: 64-bit keys with a small count each (hashes of a reader's reads and beacons), in a table that
 * grows up to a bound: what keeps a reload from counting a read twice. No lock: its owner holds one. */
#ifndef PLENARY_COUNT_SEEN_H
#define PLENARY_COUNT_SEEN_H

#include <stddef.h>
#include <stdint.h>

struct count_seen_slot {
	uint64_t key; /* 0: empty */
	uint32_t n;
};

struct count_seen {
	struct count_seen_slot *slots;
	size_t cap, used, max; /* max: keys it holds at most */
};

/** An empty set holding at most max keys (it allocates as it fills). */
void count_seen_init(struct count_seen *s, size_t max);
/** Forgets every key (keeps the memory of the largest table it had). */
void count_seen_clear(struct count_seen *s);
void count_seen_free(struct count_seen *s);
/** Adds 1 to key's count and returns the count now (1 the first time); 0 when the key is new and the set is
 * full or out of memory (nothing is known of it). */
uint32_t count_seen_bump(struct count_seen *s, uint64_t key);

#endif
