/* Binary search in arrays of records sorted by an int64_t field. */
#pragma once

#include <stddef.h>
#include <stdint.h>

/** The index of the first of n records (each size bytes, from base) whose int64_t at offset is not less than
 * key, or n: the array is sorted ascending by that field. offsetof names the field. */
size_t sorted_first(const void *base, size_t n, size_t size, size_t offset, int64_t key);
