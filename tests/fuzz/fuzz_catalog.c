/* fuzz_catalog: the bytes as a message catalog; every message it holds is compiled into an HTML template and
 * a plain-text one and rendered, and must never add markup to the page (each '<' in the output is the
 * template's own). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/catalog.h"
#include "render/tmpl.h"

static size_t count_lt(const char *s, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += s[i] == '<';
	return k;
}

static void try_key(const struct catalog *c, const char *key, h2o_mem_pool_t *pool)
{
	const struct catalog *chain[] = {c};
	struct tmpl_messages m = {chain, 1, "/fr"};
	char html[512], text[300];
	size_t klen = strlen(key);
	int plural = klen > 6 && strcmp(key + klen - 6, ".other") == 0;
	snprintf(html, sizeof html, "<p>{{@%.*s%s}}</p><a title=\"{{@%.*s%s}}\">x</a>",
		 (int)(plural ? klen - 6 : klen), key, plural ? " count" : "",
		 (int)(plural ? klen - 6 : klen), key, plural ? " count" : "");
	snprintf(text, sizeof text, "{{@%.*s%s}}\n", (int)(plural ? klen - 6 : klen), key,
		 plural ? " count" : "");
	const char *names[] = {"h", "t.txt"}, *texts[] = {html, text};
	char err[512];
	tmpl_set *set = tmpl_load_strings_messages(names, texts, 2, &m, err, sizeof err);
	if (!set)
		return; /* a key the template syntax cannot name ("a-b" is fine, a digit first too) */
	view *v = view_new(pool);
	view_str(v, "name", "<script>");
	view_int(v, "count", (int64_t)klen % 3);
	buf out;
	buf_init(&out, pool);
	tmpl_render(set, "h", v, &out);
	if (count_lt(out.p, out.len) != count_lt(html, strlen(html))) {
		fprintf(stderr, "a message added markup: %.*s\n", (int)out.len, out.p);
		abort();
	}
	buf_reset(&out);
	tmpl_render(set, "t.txt", v, &out);
	tmpl_free(set);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);
	if (!s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	char err[512];
	struct catalog *c = catalog_parse(s, "fuzz.json", "fr", err, sizeof err);
	free(s);
	if (!c)
		return 0;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	for (size_t i = 0; i < catalog_count(c) && i < 64; i++)
		try_key(c, catalog_key(c, i), &pool);
	const struct catalog *chain[] = {c};
	char date[64];
	catalog_date(chain, 1, 1701907200, date, sizeof date);
	h2o_mem_clear_pool(&pool);
	catalog_free(c);
	return 0;
}
