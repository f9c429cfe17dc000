/* fuzz_tmpl: template texts (NUL-separated: a, b, c) through the loader and the context parser, then
 * rendered. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/tmpl.h"

/* Every text value carries "<zq": in any context the escaper must turn the '<' into something else. */
static view *make_view(h2o_mem_pool_t *pool)
{
	view *v = view_new(pool);
	view_str(v, "x", "<zq \"'&> x");
	view_str(v, "u", "javascript:<zq>");
	view_int(v, "n", 42);
	view_bool(v, "yes", 1);
	view_bool(v, "no", 0);
	view_html(v, "h", "<b>bold</b>", 11);
	view_slot(v, "s", 1);
	view *o = view_obj(v, "o");
	view_str(o, "x", "</script><zq");
	view *xs = view_list(v, "xs");
	view_str(view_push(xs), "x", "one<zq");
	view_str(view_push(xs), "x", "two\"<zq");
	view_list(v, "empty");
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	const char *names[3] = {"a", "b", "c"}, *texts[3];
	size_t n = 0;
	for (const char *p = copy; n < 3;) {
		texts[n++] = p;
		p += strlen(p);
		if (p == copy + size)
			break;
		p++;
	}
	int plant = memmem(data, size, "zq", 2) == NULL;
	char err[256] = "";
	tmpl_set *set = tmpl_load_strings(names, texts, n, err, sizeof err);
	if (!set) {
		if (!err[0])
			__builtin_trap(); /* a refusal always says why */
		free(copy);
		return 0;
	}
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	buf out;
	buf_init(&out, &pool);
	if (tmpl_render(set, "a", make_view(&pool), &out) != 0)
		__builtin_trap();
	const char *html = buf_cstr(&out);
	if (plant && strstr(html, "<zq")) {
		fprintf(stderr, "a value came out unescaped: %s\n", html);
		abort();
	}
	h2o_mem_clear_pool(&pool);
	tmpl_free(set);
	free(copy);
	return 0;
}
