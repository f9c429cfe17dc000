/* fuzz_mail_render: mail templates (NUL-separated: m.txt, m, p.txt) through the loader and mail_render. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/mail_render.h"

/* Values carry CR, LF, a control character and "zq": none may break the Subject line or come out as CR or
 * a control character (LF and tab stay in the text, on purpose); in the HTML part, "<zq" must be escaped. */
static view *make_view(h2o_mem_pool_t *pool)
{
	view *v = view_new(pool);
	view_str(v, "x", "a\r\nBcc: zq\x01<zq &");
	view_str(v, "u", "https://x.test/?a=1&b=<zq>");
	view_int(v, "n", 42);
	view_bool(v, "yes", 1);
	view_html(v, "h", "<b>\nzq</b>", 10);
	view_slot(v, "s", 1);
	view *xs = view_list(v, "xs");
	view_str(view_push(xs), "x", "one\nzq");
	view_str(view_push(xs), "x", "two\r<zq");
	return v;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *copy = malloc(size + 1);
	memcpy(copy, data, size);
	copy[size] = '\0';
	const char *names[3] = {"m.txt", "m", "p.txt"}, *texts[3];
	size_t n = 0;
	for (const char *p = copy; n < 3;) {
		texts[n++] = p;
		p += strlen(p);
		if (p == copy + size)
			break;
		p++;
	}
	int plant = memmem(data, size, "zq", 2) == NULL;
	int controls = 0; /* the template itself holds a control character (other than \n, \t) */
	for (size_t i = 0; i < size; i++)
		if ((data[i] < 0x20 && data[i] != '\n' && data[i] != '\t' && data[i] != 0) || data[i] == 0x7f)
			controls = 1;
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
	const char *subject, *text, *html;
	if (mail_render(set, "m", make_view(&pool), &pool, &subject, &text, &html) == 0) {
		if (strchr(subject, '\n') || strchr(subject, '\r') || (!controls && strchr(subject, '\x01')))
			__builtin_trap(); /* a value broke the Subject line */
		if (!controls && (strchr(text, '\x01') || strchr(text, '\r')))
			__builtin_trap(); /* a value's control character reached the text */
		if (plant && html && strstr(html, "<zq")) {
			fprintf(stderr, "a value came out unescaped: %s\n", html);
			abort();
		}
	}
	h2o_mem_clear_pool(&pool);
	tmpl_free(set);
	free(copy);
	return 0;
}
