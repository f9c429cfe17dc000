/* tmpl: loading template sets from a folder or from memory, linking partials, and rendering. */
#include "render/tmpl.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"
#include "render/escape.h"
#include "render/tmpl_impl.h"

#define TMPL_MAX_PARTIAL_DEPTH 16
/* Partials one render may enter: a partial that includes itself more than once would otherwise grow
 * the page exponentially with the depth (three calls, 3^16 copies: gigabytes). */
#define TMPL_MAX_PARTIALS 10000

static void set_error(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void set_error(char *err, size_t errlen, const char *fmt, ...)
{
	if (!err || !errlen)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* A template whose name ends in ".txt" is plain text. */
static int is_text_name(const char *name)
{
	size_t len = strlen(name);
	return len > 4 && strcmp(name + len - 4, ".txt") == 0;
}

static char *xstrdup(const char *s)
{
	char *p = strdup(s);
	if (!p)
		die("out of memory");
	return p;
}

/* ---- building a set ---- */

/* Takes ownership of src (malloc'd, NUL-terminated). The array doubles whenever n reaches a power of
 * two, so no separate capacity is kept. */
static void set_add(tmpl_set *set, const char *name, const char *file, char *src, size_t len)
{
	if ((set->n & (set->n - 1)) == 0) {
		set->t = realloc(set->t, (set->n ? set->n * 2 : 1) * sizeof *set->t);
		if (!set->t)
			die("out of memory");
	}
	struct tmpl *t = &set->t[set->n++];
	memset(t, 0, sizeof *t);
	t->name = xstrdup(name);
	t->file = xstrdup(file);
	t->src = src;
	t->src_len = len;
	t->text = is_text_name(name);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct tmpl *)a)->name, ((const struct tmpl *)b)->name);
}

/* Finds a template by a name that need not be NUL-terminated. */
static const struct tmpl *find(const tmpl_set *set, const char *name, size_t len)
{
	size_t lo = 0, hi = set->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *m = set->t[mid].name;
		int c = strncmp(m, name, len);
		if (c == 0)
			c = m[len] != '\0';
		if (c == 0)
			return &set->t[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

static int link_partials(tmpl_set *set, struct tmpl *t, char *err, size_t errlen)
{
	for (size_t i = 0; i < t->nops; i++) {
		struct tmpl_op *op = &t->ops[i];
		if (op->kind != OP_PARTIAL)
			continue;
		const struct tmpl *target = find(set, op->text, op->len);
		if (!target) {
			set_error(err, errlen, "%s:%u: unknown partial \"%.*s\"", t->file, op->line,
				  (int)op->len, op->text);
			return -1;
		}
		if (target->text != t->text) {
			set_error(err, errlen, "%s:%u: partial \"%.*s\" is %s, this template is %s", t->file,
				  op->line, (int)op->len, op->text, target->text ? "plain text" : "HTML",
				  t->text ? "plain text" : "HTML");
			return -1;
		}
		op->target = (size_t)(target - set->t);
	}
	return 0;
}

/* Sorts, compiles and links the templates added; frees the set and returns NULL on error. */
static tmpl_set *set_finish(tmpl_set *set, const struct tmpl_messages *m, char *err, size_t errlen)
{
	if (m && m->n && m->chain[0])
		snprintf(set->lang, sizeof set->lang, "%s", catalog_lang(m->chain[0]));
	if (m && m->link_prefix)
		snprintf(set->link_prefix, sizeof set->link_prefix, "%s", m->link_prefix);
	if (set->n)
		qsort(set->t, set->n, sizeof *set->t, by_name);
	for (size_t i = 1; i < set->n; i++) {
		if (strcmp(set->t[i - 1].name, set->t[i].name) == 0) {
			set_error(err, errlen, "%s:1: duplicate template name \"%s\"", set->t[i].file,
				  set->t[i].name);
			goto fail;
		}
	}
	for (size_t i = 0; i < set->n; i++)
		if (tmpl_compile(&set->t[i], m, err, errlen) != 0)
			goto fail;
	for (size_t i = 0; i < set->n; i++)
		if (link_partials(set, &set->t[i], err, errlen) != 0)
			goto fail;
	return set;
fail:
	tmpl_free(set);
	return NULL;
}

static tmpl_set *set_new(void)
{
	tmpl_set *set = calloc(1, sizeof *set);
	if (!set)
		die("out of memory");
	return set;
}

tmpl_set *tmpl_load_strings(const char *const *names, const char *const *texts, size_t n, char *err,
			    size_t errlen)
{
	return tmpl_load_strings_messages(names, texts, n, NULL, err, errlen);
}

tmpl_set *tmpl_load_strings_messages(const char *const *names, const char *const *texts, size_t n,
				     const struct tmpl_messages *m, char *err, size_t errlen)
{
	tmpl_set *set = set_new();
	buf file;
	buf_init(&file, NULL);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(texts[i]);
		buf_reset(&file);
		buf_printf(&file, "%s%s", names[i], is_text_name(names[i]) ? "" : ".html");
		set_add(set, names[i], buf_cstr(&file), mem_strndup(NULL, texts[i], len), len);
	}
	buf_free(&file);
	return set_finish(set, m, err, errlen);
}

/* ---- loading a folder ---- */

static char *read_whole_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	buf b;
	buf_init(&b, NULL);
	char chunk[8192];
	size_t got;
	while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, got);
	int bad = ferror(f);
	fclose(f);
	if (bad) {
		buf_free(&b);
		errno = EIO;
		return NULL;
	}
	*len = b.len;
	return b.p ? b.p : mem_strndup(NULL, "", 0);
}

/* A template file: "x.html" is named "x", "x.txt" keeps its extension ("x.txt"). */
static int template_file(const char *name, size_t *stem)
{
	size_t len = strlen(name);
	if (is_text_name(name)) {
		*stem = len;
		return 1;
	}
	if (len <= 5 || strcmp(name + len - 5, ".html") != 0)
		return 0;
	*stem = len - 5;
	return 1;
}

static int add_file(tmpl_set *set, const char *path, const char *name, char *err, size_t errlen)
{
	size_t len;
	char *src = read_whole_file(path, &len);
	if (!src) {
		set_error(err, errlen, "%s:0: %s", path, strerror(errno));
		return -1;
	}
	set_add(set, name, path, src, len);
	return 0;
}

/* Adds the *.html and *.txt files of dir/sub (sub "" for dir itself); descends one level from the top. */
static int scan_dir(tmpl_set *set, const char *dir, const char *sub, char *err, size_t errlen)
{
	buf path, name;
	buf_init(&path, NULL);
	buf_init(&name, NULL);
	buf_printf(&path, "%s%s%s", dir, *sub ? "/" : "", sub);
	DIR *d = opendir(buf_cstr(&path));
	int rc = 0;
	if (!d) {
		set_error(err, errlen, "%s:0: %s", buf_cstr(&path), strerror(errno));
		rc = -1;
	}
	struct dirent *de;
	while (rc == 0 && (de = readdir(d)) != NULL) {
		struct stat st;
		size_t stem;
		if (de->d_name[0] == '.')
			continue;
		buf_reset(&path);
		buf_printf(&path, "%s%s%s/%s", dir, *sub ? "/" : "", sub, de->d_name);
		if (stat(buf_cstr(&path), &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode) && !*sub) {
			rc = scan_dir(set, dir, de->d_name, err, errlen);
		} else if (S_ISREG(st.st_mode) && template_file(de->d_name, &stem)) {
			buf_reset(&name);
			buf_printf(&name, "%s%s%.*s", sub, *sub ? "/" : "", (int)stem, de->d_name);
			rc = add_file(set, buf_cstr(&path), buf_cstr(&name), err, errlen);
		}
	}
	if (d)
		closedir(d);
	buf_free(&path);
	buf_free(&name);
	return rc;
}

tmpl_set *tmpl_load_dir(const char *dir, char *err, size_t errlen)
{
	return tmpl_load_dir_messages(dir, NULL, err, errlen);
}

tmpl_set *tmpl_load_dir_messages(const char *dir, const struct tmpl_messages *m, char *err, size_t errlen)
{
	tmpl_set *set = set_new();
	if (scan_dir(set, dir, "", err, errlen) != 0) {
		tmpl_free(set);
		return NULL;
	}
	return set_finish(set, m, err, errlen);
}

int tmpl_link_shared(const char *path, size_t len)
{
	return (len >= 8 && memcmp(path, "/static/", 8) == 0) ||
	       (len >= 7 && memcmp(path, "/media/", 7) == 0);
}

const char *tmpl_lang(const tmpl_set *set)
{
	return set->lang;
}

int tmpl_each_message(const tmpl_set *set, int (*fn)(const struct tmpl_message_use *u, void *arg), void *arg)
{
	for (size_t i = 0; i < set->n; i++)
		for (size_t k = 0; k < set->t[i].nuses; k++) {
			int rc = fn(&set->t[i].uses[k], arg);
			if (rc)
				return rc;
		}
	return 0;
}

int tmpl_has(const tmpl_set *set, const char *name)
{
	return find(set, name, strlen(name)) != NULL;
}

void tmpl_free(tmpl_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		free(set->t[i].name);
		free(set->t[i].file);
		free(set->t[i].src);
		free(set->t[i].ops);
		for (size_t k = 0; k < set->t[i].nowned; k++)
			free(set->t[i].owned[k]);
		free(set->t[i].owned);
		free(set->t[i].uses);
	}
	free(set->t);
	free(set);
}

/* ---- rendering ---- */

/* The context stack: one frame per section entered, living on the C stack. */
struct frame {
	const view *v;
	const struct frame *up;
};

struct render {
	const tmpl_set *set;
	buf *out;
	int depth;	 /* partials entered */
	size_t partials; /* partials rendered so far */
	int first_line;	 /* no newline written yet: a .txt's variables stay on one line */
};

static size_t segment(const char *name, size_t len)
{
	const char *dot = memchr(name, '.', len);
	return dot ? (size_t)(dot - name) : len;
}

/* Mustache lookup: the first part of a dotted name from the innermost context outwards, the rest
 * inside what it found. */
static const view_value *lookup(const struct frame *ctx, const char *name, size_t len)
{
	size_t seg = segment(name, len);
	const view_value *val = NULL;
	for (const struct frame *f = ctx; f && !val; f = f->up)
		val = view_get(f->v, name, seg);
	while (val && seg < len) {
		name += seg + 1;
		len -= seg + 1;
		seg = segment(name, len);
		val = val->kind == VIEW_OBJ ? view_get(val->u.child, name, seg) : NULL;
	}
	return val;
}

static int truthy(const view_value *val)
{
	if (!val)
		return 0;
	switch (val->kind) {
	case VIEW_STR:
	case VIEW_HTML:
		return val->u.str.len > 0;
	case VIEW_INT:
	case VIEW_BOOL:
		return val->u.num != 0;
	case VIEW_LIST:
		return view_len(val->u.child) > 0;
	case VIEW_SLOT:
	case VIEW_OBJ:
		return 1;
	default:
		return 0;
	}
}

static void escape(buf *out, enum htmlctx_out ctx, const char *s, size_t n)
{
	switch (ctx) {
	case HTMLCTX_URL_START:
		esc_url_attr(out, s, n);
		break;
	case HTMLCTX_URL_PATH:
		esc_url_component(out, s, n, 1);
		break;
	case HTMLCTX_URL_QUERY:
		/* percent-encoding leaves only unreserved characters and %XX: already safe for HTML */
		esc_url_component(out, s, n, 0);
		break;
	case HTMLCTX_JSON:
		esc_json_string(out, s, n);
		break;
	default:
		esc_html(out, s, n);
	}
}

/* A value between JSON tokens is always one whole JSON value, so it cannot change the script's structure. */
static void render_json_value(buf *out, const view_value *val)
{
	if (val && (val->kind == VIEW_STR || val->kind == VIEW_HTML)) {
		buf_addc(out, '"');
		esc_json_string(out, val->u.str.p, val->u.str.len);
		buf_addc(out, '"');
	} else if (val && val->kind == VIEW_INT) {
		buf_printf(out, "%lld", val->u.num);
	} else if (val && val->kind == VIEW_BOOL) {
		buf_adds(out, val->u.num ? "true" : "false");
	} else {
		buf_adds(out, "null");
	}
}

static void render_var(buf *out, const view_value *val, enum htmlctx_out ctx)
{
	if (ctx == HTMLCTX_JSON_VALUE) {
		render_json_value(out, val);
		return;
	}
	if (!val)
		return;
	switch (val->kind) {
	case VIEW_STR:
	case VIEW_HTML: /* trusted HTML through a plain variable is shown, not interpreted */
		escape(out, ctx, val->u.str.p, val->u.str.len);
		break;
	case VIEW_INT:
		buf_printf(out, "%lld", val->u.num);
		break;
	case VIEW_BOOL:
		if (val->u.num)
			buf_adds(out, "true");
		break;
	case VIEW_SLOT:
		if (ctx == HTMLCTX_TEXT || ctx == HTMLCTX_ATTR) {
			char mark[2] = {VIEW_SLOT_MARK, (char)('0' + val->u.num)};
			buf_add(out, mark, 2);
		}
		break;
	default:
		break; /* objects and lists have no text */
	}
}

/* A variable in a .txt template: verbatim but for control characters. */
static void render_text_var(struct render *r, const view_value *val)
{
	if (!val)
		return;
	switch (val->kind) {
	case VIEW_STR:
	case VIEW_HTML:
		esc_text(r->out, val->u.str.p, val->u.str.len, r->first_line);
		break;
	case VIEW_INT:
		buf_printf(r->out, "%lld", val->u.num);
		break;
	case VIEW_BOOL:
		if (val->u.num)
			buf_adds(r->out, "true");
		break;
	default:
		break; /* slots, objects and lists have no text */
	}
}

static void render_ops(struct render *r, const struct tmpl *t, size_t from, size_t to,
		       const struct frame *ctx);

static void render_section(struct render *r, const struct tmpl *t, size_t i, const struct frame *ctx)
{
	const struct tmpl_op *op = &t->ops[i];
	const view_value *val = lookup(ctx, op->text, op->len);
	if (op->kind == OP_INVERTED) {
		if (!truthy(val))
			render_ops(r, t, i + 1, op->jump, ctx);
	} else if (val && val->kind == VIEW_LIST) {
		for (size_t k = 0; k < view_len(val->u.child); k++) {
			struct frame item = {view_item(val->u.child, k), ctx};
			render_ops(r, t, i + 1, op->jump, &item);
		}
	} else if (val && val->kind == VIEW_OBJ) {
		struct frame obj = {val->u.child, ctx};
		render_ops(r, t, i + 1, op->jump, &obj);
	} else if (truthy(val)) {
		render_ops(r, t, i + 1, op->jump, ctx);
	}
}

static void render_partial(struct render *r, const struct tmpl_op *op, const struct frame *ctx)
{
	if (r->depth >= TMPL_MAX_PARTIAL_DEPTH || r->partials >= TMPL_MAX_PARTIALS)
		return;
	const struct tmpl *t = &r->set->t[op->target];
	r->partials++;
	r->depth++;
	render_ops(r, t, 0, t->nops, ctx);
	r->depth--;
}

static void render_ops(struct render *r, const struct tmpl *t, size_t from, size_t to,
		       const struct frame *ctx)
{
	for (size_t i = from; i < to; i++) {
		const struct tmpl_op *op = &t->ops[i];
		const view_value *val;
		switch (op->kind) {
		case OP_TEXT:
			buf_add(r->out, op->text, op->len);
			if (r->first_line && memchr(op->text, '\n', op->len))
				r->first_line = 0;
			break;
		case OP_VAR:
			if (op->link && r->set->link_prefix[0]) {
				val = lookup(ctx, op->text, op->len);
				if (val && val->kind == VIEW_STR && val->u.str.len > 0 &&
				    val->u.str.p[0] == '/' && val->u.str.p[1] != '/' &&
				    !tmpl_link_shared(val->u.str.p, val->u.str.len))
					buf_adds(r->out, r->set->link_prefix);
			}
			if (t->text)
				render_text_var(r, lookup(ctx, op->text, op->len));
			else
				render_var(r->out, lookup(ctx, op->text, op->len), op->out);
			break;
		case OP_RAW:
			val = lookup(ctx, op->text, op->len);
			if (t->text)
				render_text_var(r, val);
			else if (val && val->kind == VIEW_HTML)
				strip_controls(r->out, val->u.str.p, val->u.str.len);
			break;
		case OP_SECTION:
		case OP_INVERTED:
			render_section(r, t, i, ctx);
			i = op->jump;
			break;
		case OP_PARTIAL:
			render_partial(r, op, ctx);
			break;
		case OP_PLURAL:
			val = lookup(ctx, op->text, op->len);
			if (catalog_plural(r->set->lang, val && val->kind == VIEW_INT ? val->u.num : 0) !=
			    op->plural)
				i = op->jump;
			break;
		case OP_END:
			break;
		}
	}
}

int tmpl_render(const tmpl_set *set, const char *name, const view *v, buf *out)
{
	const struct tmpl *t = find(set, name, strlen(name));
	if (!t)
		return -1;
	struct render r = {set, out, 0, 0, 1};
	struct frame top = {v, NULL};
	render_ops(&r, t, 0, t->nops, v ? &top : NULL);
	return 0;
}
