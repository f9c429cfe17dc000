/* Binary search in arrays of records sorted by an int64_t field. */
#include "core/sorted.h"

#include <string.h>

static int64_t key_at(const void *base, size_t i, size_t size, size_t offset)
{
	int64_t v;
	memcpy(&v, (const char *)base + i * size + offset, sizeof v);
	return v;
}

size_t sorted_first(const void *base, size_t n, size_t size, size_t offset, int64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (key_at(base, mid, size, offset) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
