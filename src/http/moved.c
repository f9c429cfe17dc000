/* moved: where an address that has no page on a site went: its redirects, looked up before a 404 and, for
 * WordPress's plain links, before the page cache. */
#include "http/moved.h"

#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/text.h"
#include "store/redirects.h"

/* A target that is safe to send as Location: a path of this site (one leading slash, no backslash, which
 * browsers read as a second slash) or an https URL. */
static int target_ok(const char *to)
{
	if (to[0] == '/')
		return to[1] != '/' && to[1] != '\\' && !strchr(to, '\\');
	return strncasecmp(to, "https://", 8) == 0 && to[8] && to[8] != '/';
}

/* Appends s, bytes outside printable ASCII percent-encoded (a kept path is decoded, as h2o gives it). */
static void add_encoded(buf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (*c > 0x20 && *c < 0x7f) {
			buf_addc(b, (char)*c);
		} else {
			buf_addc(b, '%');
			buf_addc(b, hex[*c >> 4]);
			buf_addc(b, hex[*c & 15]);
		}
	}
}

/* The Location for target to, with query appended (when not empty and to has none). */
static const char *location(struct request *r, const char *to, const char *query)
{
	if (!target_ok(to))
		return NULL;
	buf b;
	buf_init(&b, r->pool);
	add_encoded(&b, to);
	if (query && *query && !strchr(to, '?')) {
		buf_addc(&b, '?');
		add_encoded(&b, query);
	}
	return buf_cstr(&b);
}

/* The target of the first of paths that a redirect of r's site leads from: its index, or -1. */
static int match(struct request *r, const char *const paths[3], const char **to)
{
	int which = -1;
	if (!r->site || !r->w || !r->w->db)
		return -1;
	return store_redirect_match(r->w->db, r->pool, r->site->id, paths, to, &which) == 1 ? which : -1;
}

const char *moved_find(struct request *r)
{
	size_t n = strlen(r->path), q = strlen(r->query);
	/* a path that is not UTF-8 (/%ff) can be no redirect's from, and PostgreSQL would refuse it as text
	 */
	if (!r->is_get || n > REDIRECT_MAX_PATH || !text_utf8_ok(r->path) || !text_utf8_ok(r->query))
		return NULL;
	const char *paths[3] = {NULL, NULL, NULL};
	int k = 0;
	if (q && n + 1 + q <= REDIRECT_MAX_PATH) {
		buf b;
		buf_init(&b, r->pool);
		buf_printf(&b, "%s?%s", r->path, r->query);
		paths[k++] = buf_cstr(&b);
	}
	int with_query = k; /* paths from here match without the query */
	paths[k++] = r->path;
	if (n > 1) { /* "/" has no other form */
		char *other = h2o_mem_alloc_pool(r->pool, n + 2);
		memcpy(other, r->path, n + 1);
		if (other[n - 1] == '/')
			other[n - 1] = '\0';
		else
			memcpy(other + n, "/", 2);
		paths[k++] = other;
	}
	const char *to = NULL;
	int which = match(r, paths, &to);
	if (which < 0)
		return NULL;
	/* "/a/" to "/a" serves /a/ when /a has a page; asked for /a itself, it would send the reader round */
	size_t path_len = strcspn(to, "?");
	if (path_len == n && memcmp(to, r->path, n) == 0)
		return NULL;
	return location(r, to, which < with_query ? NULL : r->query);
}

/* The keys of WordPress's plain links. */
static const char *const plain_keys[] = {"p", "page_id", "cat", "attachment_id"};

int moved_plain_param(const char *p, const char *end)
{
	const char *eq = memchr(p, '=', (size_t)(end - p));
	if (!eq || eq + 1 == end || end - eq > 20)
		return 0;
	for (const char *d = eq + 1; d < end; d++)
		if (*d < '0' || *d > '9')
			return 0;
	for (size_t i = 0; i < sizeof plain_keys / sizeof plain_keys[0]; i++)
		if (strlen(plain_keys[i]) == (size_t)(eq - p) &&
		    memcmp(p, plain_keys[i], (size_t)(eq - p)) == 0)
			return 1;
	return 0;
}

const char *moved_plain_link(struct request *r)
{
	if (!r->is_get || !*r->query || (strcmp(r->path, "/") != 0 && strcmp(r->path, "/index.php") != 0) ||
	    strlen(r->query) > REDIRECT_MAX_PATH)
		return NULL;
	/* the first plain parameter names the address; the others are carried over */
	buf from, rest;
	buf_init(&from, r->pool);
	buf_init(&rest, r->pool);
	for (const char *p = r->query; *p;) {
		const char *end = strchr(p, '&');
		if (!end)
			end = p + strlen(p);
		if (!from.len && moved_plain_param(p, end)) {
			buf_adds(&from, "/?");
			buf_add(&from, p, (size_t)(end - p));
		} else if (end > p) {
			if (rest.len)
				buf_addc(&rest, '&');
			buf_add(&rest, p, (size_t)(end - p));
		}
		p = *end ? end + 1 : end;
	}
	if (!from.len)
		return NULL;
	const char *paths[3] = {buf_cstr(&from), NULL, NULL};
	const char *to = NULL;
	if (match(r, paths, &to) < 0)
		return NULL;
	return location(r, to, rest.len ? buf_cstr(&rest) : NULL);
}
