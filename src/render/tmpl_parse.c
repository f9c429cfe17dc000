/* tmpl_parse: compiles one Mustache template into ops, choosing each variable's escaper by context. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "render/escape.h"
#include "render/tmpl.h"
#include "render/tmpl_impl.h"

#define TMPL_MAX_NESTING 64

/* Ordered so that every type from TAG_SECTION on may stand alone on its line. */
enum tag_type { TAG_VAR, TAG_RAW, TAG_MESSAGE, TAG_SECTION, TAG_INVERTED, TAG_END, TAG_COMMENT, TAG_PARTIAL };

struct tag {
	enum tag_type type;
	const char *name;
	size_t len;
	size_t start, end; /* offsets of "{{" and just past the closing braces */
	unsigned line;
};

struct open_section {
	size_t op;
	htmlctx at; /* the HTML context where it opened */
	char sigil;
	const char *name;
	size_t len;
	unsigned line;
};

struct parser {
	struct tmpl *t;
	const char *src;
	size_t n, pos; /* pos: the first byte not yet compiled */
	size_t line_off;
	unsigned line; /* the line number at offset line_off */
	htmlctx html;
	struct open_section open[TMPL_MAX_NESTING];
	size_t depth;
	const struct tmpl_messages *m;
	char *err;
	size_t errlen;
};

static unsigned line_at(struct parser *p, size_t off)
{
	if (off < p->line_off)
		p->line_off = 0, p->line = 1;
	for (; p->line_off < off && p->line_off < p->n; p->line_off++)
		if (p->src[p->line_off] == '\n')
			p->line++;
	return p->line;
}

static int fail(struct parser *p, unsigned line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static int fail(struct parser *p, unsigned line, const char *fmt, ...)
{
	if (!p->err || !p->errlen)
		return -1;
	int k = snprintf(p->err, p->errlen, "%s:%u: ", p->t->file, line);
	if (k >= 0 && (size_t)k < p->errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(p->err + k, p->errlen - (size_t)k, fmt, ap);
		va_end(ap);
	}
	return -1;
}

static struct tmpl_op *emit(struct parser *p, enum tmpl_op_kind kind, const char *text, size_t len,
			    unsigned line)
{
	struct tmpl *t = p->t;
	if (t->nops == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->ops = realloc(t->ops, t->cap * sizeof *t->ops);
		if (!t->ops)
			die("out of memory compiling %s", t->file);
	}
	struct tmpl_op *op = &t->ops[t->nops++];
	memset(op, 0, sizeof *op);
	op->kind = kind;
	op->text = text;
	op->len = len;
	op->line = line;
	return op;
}

static int is_name_char(char c, int partial)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '-' || c == '.' || (partial && c == '/');
}

/* Names are dotted paths of non-empty parts ("article.title"); partial names may also hold '/'. */
static int valid_name(const char *s, size_t len, int partial)
{
	if (len == 0 || s[0] == '.' || s[len - 1] == '.')
		return 0;
	for (size_t i = 0; i < len; i++)
		if (!is_name_char(s[i], partial) || (s[i] == '.' && s[i + 1] == '.'))
			return 0;
	return 1;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static int tag_type_of(struct parser *p, struct tag *tg, char sigil)
{
	switch (sigil) {
	case '#':
		tg->type = TAG_SECTION;
		return 1;
	case '^':
		tg->type = TAG_INVERTED;
		return 1;
	case '/':
		tg->type = TAG_END;
		return 1;
	case '!':
		tg->type = TAG_COMMENT;
		return 1;
	case '>':
		tg->type = TAG_PARTIAL;
		return 1;
	case '&':
		tg->type = TAG_RAW;
		return 1;
	case '@':
		tg->type = TAG_MESSAGE;
		return 1;
	case '=':
		return fail(p, tg->line, "set-delimiter tags are not supported");
	default:
		tg->type = TAG_VAR;
		return 0;
	}
}

/* Reads the tag whose "{{" is at offset o. */
static int parse_tag(struct parser *p, size_t o, struct tag *tg)
{
	const char *s = p->src;
	int triple = o + 2 < p->n && s[o + 2] == '{';
	size_t b = o + 2 + (size_t)triple, close_len = triple ? 3 : 2;
	tg->start = o;
	tg->line = line_at(p, o);
	const char *close = memmem(s + b, p->n - b, "}}}", close_len);
	if (!close)
		return fail(p, tg->line, "unterminated tag");
	size_t e = (size_t)(close - s);
	tg->end = e + close_len;
	while (b < e && is_space(s[b]))
		b++;
	tg->type = TAG_RAW;
	if (!triple && b < e) {
		int sigil = tag_type_of(p, tg, s[b]);
		if (sigil < 0)
			return -1;
		b += (size_t)sigil;
	}
	while (b < e && is_space(s[b]))
		b++;
	while (e > b && is_space(s[e - 1]))
		e--;
	tg->name = s + b;
	tg->len = e - b;
	if (tg->type != TAG_COMMENT && tg->type != TAG_MESSAGE &&
	    !valid_name(tg->name, tg->len, tg->type == TAG_PARTIAL))
		return fail(p, tg->line, "bad or empty name \"%.*s\"", (int)tg->len, tg->name);
	return 0;
}

/* A section, end, comment or partial tag alone on its line takes the whole line with it. */
static void trim_standalone(const struct parser *p, const struct tag *tg, size_t *lit_end, size_t *next)
{
	const char *s = p->src;
	size_t ls = tg->start, e = tg->end;
	while (ls > p->pos && (s[ls - 1] == ' ' || s[ls - 1] == '\t'))
		ls--;
	if (ls > 0 && s[ls - 1] != '\n')
		return;
	while (e < p->n && (s[e] == ' ' || s[e] == '\t'))
		e++;
	if (e + 1 < p->n && s[e] == '\r' && s[e + 1] == '\n')
		e += 2;
	else if (e < p->n && s[e] == '\n')
		e++;
	else if (e != p->n)
		return;
	*lit_end = ls;
	*next = e;
}

static const char *own(struct parser *p, const char *s, size_t n);

/* A root-relative link at s (n bytes of literal text left) that takes the prefix. */
static int takes_prefix(const char *s, size_t n)
{
	return n >= 1 && s[0] == '/' && (n < 2 || s[1] != '/') && !tmpl_link_shared(s, n);
}

/* Literal text, with the set's link prefix put in front of each root-relative link it starts. */
static int literal(struct parser *p, size_t from, size_t to)
{
	if (to <= from)
		return 0;
	size_t at;
	const char *prefix = p->m && p->m->link_prefix ? p->m->link_prefix : "";
	if (p->t->text || !*prefix || !memchr(p->src + from, '/', to - from)) {
		emit(p, OP_TEXT, p->src + from, to - from, 0);
		if (p->t->text)
			return 0;
		const char *msg = htmlctx_feed(&p->html, p->src + from, to - from, &at);
		return msg ? fail(p, line_at(p, from + at), "%s", msg) : 0;
	}
	size_t start = from;
	for (size_t i = from; i < to; i++) {
		if (htmlctx_at_link_start(&p->html) && takes_prefix(p->src + i, to - i)) {
			if (i > start)
				emit(p, OP_TEXT, p->src + start, i - start, 0);
			emit(p, OP_TEXT, own(p, prefix, strlen(prefix)), strlen(prefix), 0);
			start = i;
		}
		const char *msg = htmlctx_feed(&p->html, p->src + i, 1, &at);
		if (msg)
			return fail(p, line_at(p, i), "%s", msg);
	}
	emit(p, OP_TEXT, p->src + start, to - start, 0);
	return 0;
}

static int variable(struct parser *p, const struct tag *tg)
{
	enum htmlctx_out out = HTMLCTX_TEXT;
	if (p->t->text) {
		emit(p, OP_VAR, tg->name, tg->len, tg->line)->out = out;
		return 0;
	}
	const char *msg = htmlctx_var(&p->html, &out);
	if (msg)
		return fail(p, tg->line, "{{%.*s}}: %s", (int)tg->len, tg->name, msg);
	struct tmpl_op *op = emit(p, OP_VAR, tg->name, tg->len, tg->line);
	op->out = out;
	op->link = htmlctx_at_link_start(&p->html);
	htmlctx_after_var(&p->html);
	return 0;
}

static int open_section(struct parser *p, const struct tag *tg)
{
	if (p->depth == TMPL_MAX_NESTING)
		return fail(p, tg->line, "sections nested deeper than %d", TMPL_MAX_NESTING);
	struct open_section *o = &p->open[p->depth++];
	o->op = p->t->nops;
	o->at = p->html;
	o->sigil = tg->type == TAG_SECTION ? '#' : '^';
	o->name = tg->name;
	o->len = tg->len;
	o->line = tg->line;
	emit(p, tg->type == TAG_SECTION ? OP_SECTION : OP_INVERTED, tg->name, tg->len, tg->line);
	return 0;
}

/* A section that may add an attribute must also be able to run again right after itself. */
static int body_can_repeat(const struct parser *p, const struct open_section *o, const htmlctx *merged)
{
	const struct tmpl *t = p->t;
	if (o->op + 1 == t->nops)
		return 1;
	const struct tmpl_op *first = &t->ops[o->op + 1];
	if (first->kind != OP_TEXT)
		return 0;
	htmlctx h = *merged;
	size_t at;
	return htmlctx_feed(&h, first->text, first->len, &at) == NULL;
}

static int close_section(struct parser *p, const struct tag *tg)
{
	if (p->depth == 0)
		return fail(p, tg->line, "{{/%.*s}} closes no open section", (int)tg->len, tg->name);
	struct open_section *o = &p->open[p->depth - 1];
	if (o->len != tg->len || memcmp(o->name, tg->name, tg->len) != 0)
		return fail(p, tg->line, "{{/%.*s}} does not match {{%c%.*s}} opened at line %u",
			    (int)tg->len, tg->name, o->sigil, (int)o->len, o->name, o->line);
	htmlctx merged;
	int ambiguous;
	if (htmlctx_merge(&merged, &o->at, &p->html, &ambiguous) != 0)
		return fail(p, tg->line, "section {{%c%.*s}} starts in %s but ends in %s", o->sigil,
			    (int)o->len, o->name, htmlctx_describe(&o->at), htmlctx_describe(&p->html));
	if (ambiguous && !body_can_repeat(p, o, &merged))
		return fail(p, o->line, "section {{%c%.*s}} adds to a tag: start its body with a space",
			    o->sigil, (int)o->len, o->name);
	p->html = merged;
	p->t->ops[o->op].jump = p->t->nops;
	emit(p, OP_END, tg->name, tg->len, tg->line)->jump = o->op;
	p->depth--;
	return 0;
}

static int text_only(struct parser *p, const struct tag *tg, enum tmpl_op_kind kind, const char *what)
{
	if (!htmlctx_is_text(&p->html))
		return fail(p, tg->line, "%s \"%.*s\" inside %s (only allowed in HTML text)", what,
			    (int)tg->len, tg->name, htmlctx_describe(&p->html));
	emit(p, kind, tg->name, tg->len, tg->line);
	return 0;
}

/* A copy the template owns (ops point into it until the set is freed). */
static const char *own(struct parser *p, const char *s, size_t n)
{
	struct tmpl *t = p->t;
	char **o = realloc(t->owned, (t->nowned + 1) * sizeof *o);
	if (!o)
		die("out of memory compiling %s", t->file);
	t->owned = o;
	return o[t->nowned++] = mem_strndup(NULL, s, n);
}

/* A message's text as ops: its plain pieces escaped for where they land (verbatim in a .txt), each
 * {name} a variable, and {n} the count of a plural form. */
static int message_ops(struct parser *p, const struct tag *tg, const char *text, const char *count,
		       size_t clen)
{
	const char *m = own(p, text, strlen(text));
	buf esc;
	buf_init(&esc, NULL);
	int rc = 0;
	while (*m && rc == 0) {
		const char *open = strchr(m, '{');
		size_t plain = open ? (size_t)(open - m) : strlen(m);
		if (plain && p->t->text) {
			emit(p, OP_TEXT, m, plain, tg->line);
		} else if (plain) {
			buf_reset(&esc);
			esc_html(&esc, m, plain);
			const char *e = own(p, esc.p, esc.len);
			size_t at;
			emit(p, OP_TEXT, e, esc.len, tg->line);
			if (htmlctx_feed(&p->html, e, esc.len, &at))
				rc = fail(p, tg->line, "{{@%.*s}}: the message changes the HTML around it",
					  (int)tg->len, tg->name);
		}
		if (!open)
			break;
		const char *close = strchr(open, '}'); /* the catalog checked every '{' closes */
		struct tag var = {
		    .type = TAG_VAR, .name = open + 1, .len = (size_t)(close - open - 1), .line = tg->line};
		if (count && var.len == 1 && *var.name == 'n')
			var.name = count, var.len = clen;
		if (rc == 0)
			rc = variable(p, &var);
		m = close + 1;
	}
	buf_free(&esc);
	return rc;
}

/* {{@key}} or {{@key count}}: the message of the chain's first catalog that has it. */
static int message(struct parser *p, const struct tag *tg)
{
	const char *end = tg->name + tg->len, *sp = memchr(tg->name, ' ', tg->len);
	size_t klen = sp ? (size_t)(sp - tg->name) : tg->len, clen = 0;
	const char *count = NULL;
	if (sp) {
		for (count = sp; count < end && is_space(*count); count++)
			;
		clen = (size_t)(end - count);
	}
	if (!valid_name(tg->name, klen, 0) || (count && !valid_name(count, clen, 0)))
		return fail(p, tg->line, "{{@%.*s}}: a message is {{@key}} or {{@key count}}", (int)tg->len,
			    tg->name);
	struct tmpl *t = p->t;
	struct tmpl_message_use *u = realloc(t->uses, (t->nuses + 1) * sizeof *u);
	if (!u)
		die("out of memory compiling %s", t->file);
	t->uses = u;
	t->uses[t->nuses++] = (struct tmpl_message_use){tg->name, klen, count != NULL, t->file, tg->line};
	if (!p->m || !p->m->n)
		return fail(p, tg->line,
			    "{{@%.*s}}: no catalog to take messages from (the theme's i18n folder)",
			    (int)klen, tg->name);
	if (!p->t->text) {
		enum htmlctx_out out;
		if (htmlctx_var(&p->html, &out) || (out != HTMLCTX_TEXT && out != HTMLCTX_ATTR))
			return fail(p, tg->line,
				    "{{@%.*s}} inside %s: a message goes in HTML text or an ordinary quoted "
				    "attribute",
				    (int)klen, tg->name, htmlctx_describe(&p->html));
	}
	if (!count) {
		const char *text = catalog_find(p->m->chain, p->m->n, tg->name, klen);
		if (!text)
			return fail(p, tg->line, "no message \"%.*s\" in the catalogs", (int)klen, tg->name);
		return message_ops(p, tg, text, NULL, 0);
	}
	char key[256];
	const char *form[2];
	for (int i = 0; i < 2; i++) {
		int k = snprintf(key, sizeof key, "%.*s.%s", (int)klen, tg->name,
				 catalog_plural_name((enum plural)i));
		form[i] = k > 0 && (size_t)k < sizeof key ? catalog_find(p->m->chain, p->m->n, key, (size_t)k)
							  : NULL;
	}
	if (!form[PLURAL_OTHER])
		return fail(p, tg->line, "no message \"%.*s.other\" in the catalogs", (int)klen, tg->name);
	if (!form[PLURAL_ONE])
		form[PLURAL_ONE] = form[PLURAL_OTHER];
	for (int i = 0; i < 2; i++) {
		size_t at = p->t->nops;
		emit(p, OP_PLURAL, count, clen, tg->line)->plural = (enum plural)i;
		if (message_ops(p, tg, form[i], count, clen) != 0)
			return -1;
		p->t->ops[at].jump = p->t->nops;
		emit(p, OP_END, count, clen, tg->line)->jump = at;
	}
	return 0;
}

static int handle_tag(struct parser *p, const struct tag *tg)
{
	switch (tg->type) {
	case TAG_VAR:
		return variable(p, tg);
	case TAG_MESSAGE:
		return message(p, tg);
	case TAG_RAW:
		return text_only(p, tg, OP_RAW, "raw variable");
	case TAG_SECTION:
	case TAG_INVERTED:
		return open_section(p, tg);
	case TAG_END:
		return close_section(p, tg);
	case TAG_PARTIAL:
		return text_only(p, tg, OP_PARTIAL, "partial");
	default:
		return 0; /* comment */
	}
}

static int finish(struct parser *p)
{
	if (p->depth) {
		const struct open_section *o = &p->open[p->depth - 1];
		return fail(p, o->line, "unclosed section {{%c%.*s}}", o->sigil, (int)o->len, o->name);
	}
	if (!htmlctx_is_text(&p->html))
		return fail(p, line_at(p, p->n), "template ends inside %s", htmlctx_describe(&p->html));
	return 0;
}

int tmpl_compile(struct tmpl *t, const struct tmpl_messages *m, char *err, size_t errlen)
{
	struct parser p = {
	    .t = t, .src = t->src, .n = t->src_len, .line = 1, .m = m, .err = err, .errlen = errlen};
	htmlctx_init(&p.html);
	while (p.pos < p.n) {
		const char *o = memmem(p.src + p.pos, p.n - p.pos, "{{", 2);
		if (!o)
			return literal(&p, p.pos, p.n) ? -1 : finish(&p);
		struct tag tg;
		if (parse_tag(&p, (size_t)(o - p.src), &tg))
			return -1;
		size_t lit_end = tg.start, next = tg.end;
		if (tg.type >= TAG_SECTION)
			trim_standalone(&p, &tg, &lit_end, &next);
		if (literal(&p, p.pos, lit_end) || handle_tag(&p, &tg))
			return -1;
		p.pos = next;
	}
	return finish(&p);
}
