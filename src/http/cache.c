/* cache: a worker's rendered pages, kept by key with a byte budget and least-recently-used eviction. */
#include "http/cache.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <brotli/encode.h>
#include <zlib.h>

#include "core/log.h"
#include "core/text.h"
#include "render/view.h"

#define NBUCKETS 4096

struct page_cache {
	size_t budget, used, count;
	struct page_entry *buckets[NBUCKETS];
	struct page_entry *lru_head, *lru_tail; /* head = most recently used */
};

static size_t entry_size(const struct page_entry *e)
{
	return sizeof *e + e->body_len + strlen(e->key) + 1 + e->compressed_len +
	       (e->disposition ? strlen(e->disposition) + 1 : 0);
}

struct page_cache *page_cache_new(size_t budget)
{
	struct page_cache *c = calloc(1, sizeof *c);
	if (!c)
		die("out of memory");
	c->budget = budget;
	return c;
}

static void entry_destroy(struct page_entry *e)
{
	free(e->key);
	free(e->body);
	free(e->compressed);
	free(e->disposition);
	free(e);
}

void page_entry_retain(struct page_entry *e)
{
	e->refs++;
}

void page_entry_release(struct page_entry *e)
{
	if (--e->refs == 0 && e->evicted)
		entry_destroy(e);
}

static void lru_unlink(struct page_cache *c, struct page_entry *e)
{
	if (e->prev_lru)
		e->prev_lru->next_lru = e->next_lru;
	else
		c->lru_head = e->next_lru;
	if (e->next_lru)
		e->next_lru->prev_lru = e->prev_lru;
	else
		c->lru_tail = e->prev_lru;
	e->prev_lru = e->next_lru = NULL;
}

static void lru_push_front(struct page_cache *c, struct page_entry *e)
{
	e->next_lru = c->lru_head;
	e->prev_lru = NULL;
	if (c->lru_head)
		c->lru_head->prev_lru = e;
	c->lru_head = e;
	if (!c->lru_tail)
		c->lru_tail = e;
}

static void evict(struct page_cache *c, struct page_entry *e)
{
	struct page_entry **pp = &c->buckets[text_hash(e->key, strlen(e->key)) % NBUCKETS];
	while (*pp && *pp != e)
		pp = &(*pp)->next_hash;
	if (*pp)
		*pp = e->next_hash;
	lru_unlink(c, e);
	c->used -= entry_size(e);
	c->count--;
	e->evicted = 1;
	page_entry_release(e); /* the cache's own reference */
}

void page_cache_free(struct page_cache *c)
{
	if (!c)
		return;
	while (c->lru_head)
		evict(c, c->lru_head);
	free(c);
}

static int fresh(const struct page_entry *e)
{
	for (size_t i = 0; i < e->ndeps; i++)
		if (atomic_load_explicit(e->deps[i].counter, memory_order_acquire) != e->deps[i].seen)
			return 0;
	return 1;
}

struct page_entry *page_cache_get(struct page_cache *c, const char *key, size_t keylen)
{
	struct page_entry *e = c->buckets[text_hash(key, keylen) % NBUCKETS];
	for (; e; e = e->next_hash) {
		if (strlen(e->key) != keylen || memcmp(e->key, key, keylen) != 0)
			continue;
		if (!fresh(e)) {
			evict(c, e);
			return NULL;
		}
		lru_unlink(c, e);
		lru_push_front(c, e);
		return e;
	}
	return NULL;
}

/* Pages smaller than this go as they are: compression would save less than its headers cost. */
#define COMPRESS_MIN 1024

/* Brotli of a page without slots; raw deflate of each part with a full flush after it (byte-aligned, no
 * reference back), the CRC-32 of each part, and the final block. Any failure leaves the page uncompressed. */
static void entry_compress(struct page_entry *e)
{
	size_t cap = e->body_len + e->body_len / 2 + 64 * (e->nparts + 2) + 1024;
	char *out = malloc(cap * 2);
	if (!out)
		return;
	size_t used = 0;
	if (e->nparts == 1) {
		size_t n = cap;
		if (BrotliEncoderCompress(7, BROTLI_DEFAULT_WINDOW, BROTLI_MODE_TEXT, e->body_len,
					  (const uint8_t *)e->body, &n, (uint8_t *)out) &&
		    n < e->body_len) {
			e->br = h2o_iovec_init(out, n);
			used = n;
		}
	}
	z_stream z = {0};
	if (deflateInit2(&z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
		e->br = h2o_iovec_init(NULL, 0);
		free(out);
		return;
	}
	int ok = 1;
	for (size_t i = 0; i <= e->nparts && ok; i++) {
		int last = i == e->nparts;
		z.next_in = last ? (Bytef *)"" : (Bytef *)e->parts[i].base;
		z.avail_in = last ? 0 : (uInt)e->parts[i].len;
		z.next_out = (Bytef *)out + used;
		z.avail_out = (uInt)(cap * 2 - used);
		int rc = deflate(&z, last ? Z_FINISH : Z_FULL_FLUSH);
		ok = last ? rc == Z_STREAM_END : rc == Z_OK && z.avail_in == 0;
		size_t n = (size_t)((char *)z.next_out - (out + used));
		if (last)
			e->gz_end = h2o_iovec_init(out + used, n);
		else {
			e->gz_parts[i] = h2o_iovec_init(out + used, n);
			e->part_crc[i] =
			    (uint32_t)crc32(0, (const Bytef *)e->parts[i].base, (uInt)e->parts[i].len);
		}
		used += n;
	}
	deflateEnd(&z);
	if (!ok) {
		e->br = e->gz_end = h2o_iovec_init(NULL, 0);
		free(out);
		return;
	}
	e->compressed = out;
	e->compressed_len = used;
}

/* Splits the body at slot markers (0x1E + digit) into parts. */
static void entry_split(struct page_entry *e)
{
	const char *p = e->body, *end = e->body + e->body_len;
	e->nparts = 0;
	for (;;) {
		const char *m = memchr(p, VIEW_SLOT_MARK, (size_t)(end - p));
		if (!m || m + 1 >= end || e->nparts == PAGE_MAX_SLOTS) {
			e->parts[e->nparts++] = h2o_iovec_init(p, (size_t)(end - p));
			return;
		}
		e->parts[e->nparts] = h2o_iovec_init(p, (size_t)(m - p));
		e->slot[e->nparts++] = (unsigned char)(m[1] - '0');
		p = m + 2;
	}
}

/* An entry of the body's bytes; a page's are split at slot markers and compressed when kept, a file's
 * (ctype set) are kept as they are. */
static struct page_entry *entry_build(const char *key, size_t keylen, size_t budget, int status,
				      const char *ctype, const char *disposition, const struct page_dep *deps,
				      size_t ndeps, const char *body, size_t len)
{
	struct page_entry *e = calloc(1, sizeof *e);
	if (!e)
		die("out of memory");
	e->key = malloc(key ? keylen + 1 : 1);
	e->body = malloc(len ? len : 1);
	if (!e->key || !e->body)
		die("out of memory");
	if (key)
		memcpy(e->key, key, keylen);
	e->key[key ? keylen : 0] = '\0';
	e->keylen = key ? keylen : 0;
	memcpy(e->body, body, len);
	e->body_len = len;
	e->status = status;
	e->ndeps = ndeps < PAGE_MAX_DEPS ? ndeps : PAGE_MAX_DEPS;
	memcpy(e->deps, deps, e->ndeps * sizeof *deps);
	snprintf(e->etag, sizeof e->etag, "%016llx", (unsigned long long)text_hash(body, len));
	e->ctype = ctype;
	if (disposition && !(e->disposition = strdup(disposition)))
		die("out of memory");
	if (ctype) {
		e->parts[0] = h2o_iovec_init(e->body, len);
		e->nparts = 1;
	} else
		entry_split(e);
	e->refs = 1; /* the caller's */
	if (!key || entry_size(e) > budget / 4) {
		e->evicted = 1; /* never stored: freed with the caller's reference */
		return e;
	}
	if (len >= COMPRESS_MIN && !ctype)
		entry_compress(e);
	return e;
}

struct page_entry *page_entry_build(const char *key, size_t keylen, size_t budget, int status,
				    const struct page_dep *deps, size_t ndeps, const char *body, size_t len)
{
	return entry_build(key, keylen, budget, status, NULL, NULL, deps, ndeps, body, len);
}

struct page_entry *page_entry_build_file(const char *key, size_t keylen, size_t budget, const char *ctype,
					 const char *disposition, const struct page_dep *deps, size_t ndeps,
					 const char *body, size_t len)
{
	return entry_build(key, keylen, budget, 200, ctype, disposition, deps, ndeps, body, len);
}

void page_cache_put(struct page_cache *c, struct page_entry *e)
{
	if (e->evicted || e->next_lru || c->lru_head == e)
		return; /* not to be kept, or kept already */
	struct page_entry *old = page_cache_get(c, e->key, e->keylen);
	if (old)
		evict(c, old);
	while (c->lru_tail && c->used + entry_size(e) > c->budget)
		evict(c, c->lru_tail);
	size_t b = text_hash(e->key, e->keylen) % NBUCKETS;
	e->next_hash = c->buckets[b];
	c->buckets[b] = e;
	lru_push_front(c, e);
	c->used += entry_size(e);
	c->count++;
	e->refs++; /* the cache's */
}

struct page_entry *page_entry_make(struct page_cache *c, const char *key, size_t keylen, int status,
				   const struct page_dep *deps, size_t ndeps, const char *body, size_t len)
{
	struct page_entry *e = page_entry_build(key, keylen, c->budget, status, deps, ndeps, body, len);
	page_cache_put(c, e);
	return e;
}

void page_cache_stats(struct page_cache *c, size_t *entries, size_t *bytes)
{
	*entries = c->count;
	*bytes = c->used;
}
