/* cache: a worker's rendered pages, kept by key with a byte budget and least-recently-used eviction. */
#ifndef PLENARY_CACHE_H
#define PLENARY_CACHE_H

#include <stddef.h>
#include <stdint.h>
#include <h2o.h>
#include <stdatomic.h>

#define PAGE_MAX_SLOTS 16
#define PAGE_MAX_DEPS 10

/** A counter a page depends on and its value when the page was rendered: a change bumps the counter, and
 * the page is stale from then on. Workers read counters without a lock. */
struct page_dep {
	const atomic_uint_fast64_t *counter;
	uint64_t seen;
};

/** A rendered page, split at its slot markers so per-reader values can be spliced in at send time. */
struct page_entry {
	char *key;
	size_t keylen;
	int status;
	struct page_dep deps[PAGE_MAX_DEPS]; /* what it shows; any counter moved on = stale */
	size_t ndeps;
	char etag[24]; /* hash of the bytes, without quotes */
	char *body;
	size_t body_len;
	size_t nparts;
	h2o_iovec_t parts[PAGE_MAX_SLOTS + 1];
	unsigned char slot[PAGE_MAX_SLOTS]; /* slot[i] sits between parts[i] and parts[i+1] */
	/* compressed forms, made once when the entry is stored: brotli of a page without slots, and for any
	 * page each part as raw deflate flushed to a byte boundary, so per-reader values go between them as
	 * stored blocks (see resp_send_entry) */
	h2o_iovec_t br;
	h2o_iovec_t gz_parts[PAGE_MAX_SLOTS + 1];
	h2o_iovec_t gz_end; /* the last, empty, final block */
	uint32_t part_crc[PAGE_MAX_SLOTS + 1];
	char *compressed; /* owns br, gz_parts and gz_end */
	size_t compressed_len;
	const char *ctype;  /* a file's content type (a static string); NULL for an HTML page */
	char *disposition;  /* a file's Content-Disposition, or NULL */
	int64_t article_id; /* the article it shows (count.h), 0 for none */
	int refs;	    /* responses still being written from it */
	int evicted;
	struct page_entry *next_hash, *prev_lru, *next_lru;
};

struct page_cache;

/** A cache holding at most budget bytes; budget 0 keeps nothing. */
struct page_cache *page_cache_new(size_t budget);
void page_cache_free(struct page_cache *c);
/** The entry for key if none of its dependencies changed, else NULL (a stale one is dropped). */
struct page_entry *page_cache_get(struct page_cache *c, const char *key, size_t keylen);
/** An entry from a rendered body (copied), compressed when it is to be kept (key set and small enough
 * for budget), and stored nowhere yet: any thread may build one. The caller owns one reference. */
struct page_entry *page_entry_build(const char *key, size_t keylen, size_t budget, int status,
				    const struct page_dep *deps, size_t ndeps, const char *body, size_t len);
/** An entry holding a file made for a request (a PDF): its bytes as they are (no slots, not compressed) with
 * its content type (a static string) and Content-Disposition (copied; may be NULL). As page_entry_build. */
struct page_entry *page_entry_build_file(const char *key, size_t keylen, size_t budget, const char *ctype,
					 const char *disposition, const struct page_dep *deps, size_t ndeps,
					 const char *body, size_t len);
/** Stores a built entry in the worker's cache (on the worker's thread), unless it is not to be kept. */
void page_cache_put(struct page_cache *c, struct page_entry *e);
/** Makes an entry from a rendered body (copied). It is stored under key when key is not NULL and it fits;
 * either way the caller owns one reference and must page_entry_release it. */
struct page_entry *page_entry_make(struct page_cache *c, const char *key, size_t keylen, int status,
				   const struct page_dep *deps, size_t ndeps, const char *body, size_t len);
void page_entry_retain(struct page_entry *e);
void page_entry_release(struct page_entry *e);
/** Number of entries and bytes in use, for tests and logs. */
void page_cache_stats(struct page_cache *c, size_t *entries, size_t *bytes);

#endif
