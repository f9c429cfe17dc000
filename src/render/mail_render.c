/* mail_render: splits a rendered .txt mail template into Subject and text, adds the optional HTML. */
#include "render/mail_render.h"

#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/log.h"
#include "render/escape.h"

#define SUBJECT_MAX 250

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* The subject between s and e, trimmed and cut to SUBJECT_MAX bytes without splitting a character. */
static const char *subject_of(h2o_mem_pool_t *pool, const char *line, const char *line_end)
{
	buf clean; /* one line of valid UTF-8 without controls, whatever the theme's file holds */
	buf_init(&clean, pool);
	esc_text(&clean, line, (size_t)(line_end - line), 1);
	const char *s = buf_cstr(&clean), *e = s + clean.len;
	while (s < e && is_blank(*s))
		s++;
	while (e > s && is_blank(e[-1]))
		e--;
	if (e - s > SUBJECT_MAX) {
		e = s + SUBJECT_MAX;
		while (e > s && ((unsigned char)*e & 0xC0) == 0x80)
			e--;
		while (e > s && is_blank(e[-1]))
			e--;
	}
	return mem_strndup(pool, s, (size_t)(e - s));
}

int mail_render(const tmpl_set *set, const char *name, const view *v, h2o_mem_pool_t *pool,
		const char **subject, const char **text, const char **html)
{
	*subject = *text = *html = NULL;
	buf name_txt, out;
	buf_init(&name_txt, pool);
	buf_init(&out, pool);
	buf_printf(&name_txt, "%s.txt", name);
	if (tmpl_render(set, buf_cstr(&name_txt), v, &out) != 0) {
		log_error("mail template %s is missing from the theme", buf_cstr(&name_txt));
		return -1;
	}
	const char *s = buf_cstr(&out);
	if (strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3; /* a byte order mark some editors write */
	const char *nl = strchr(s, '\n');
	const char *end = nl ? nl : s + strlen(s);
	if (strncasecmp(s, "Subject:", 8) != 0) {
		log_error("mail template %s must start with a \"Subject: ...\" line", buf_cstr(&name_txt));
		return -1;
	}
	const char *body = nl ? nl + 1 : end;
	if (*body == '\r' && body[1] == '\n')
		body++;
	if (*body == '\n')
		body++;
	*subject = subject_of(pool, s + 8, end);
	buf clean; /* the theme's own text may hold CR, controls or bad UTF-8 too: mended like values */
	buf_init(&clean, pool);
	esc_text(&clean, body, strlen(body), 0);
	*text = buf_cstr(&clean);
	if (tmpl_has(set, name)) {
		buf h, hclean;
		buf_init(&h, pool);
		buf_init(&hclean, pool);
		tmpl_render(set, name, v, &h);
		strip_controls(&hclean, h.p ? h.p : "", h.len);
		*html = buf_cstr(&hclean);
	}
	return 0;
}
