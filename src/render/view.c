/* view: building and reading the pool-allocated tree of named values templates render. */
#include "render/view.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"

struct view_field {
	const char *name;
	size_t name_len;
	view_value val;
};

struct view {
	h2o_mem_pool_t *pool;
	int is_list;
	size_t len, cap;
	struct view_field *fields; /* an object's values */
	view **items;		   /* a list's objects */
};

static view *view_alloc(h2o_mem_pool_t *pool, int is_list)
{
	view *v = h2o_mem_alloc_pool(pool, sizeof *v);
	memset(v, 0, sizeof *v);
	v->pool = pool;
	v->is_list = is_list;
	return v;
}

view *view_new(h2o_mem_pool_t *pool)
{
	return view_alloc(pool, 0);
}

/* Pool memory cannot grow in place: take a block twice the size and leave the old one to the pool. */
static void *grow(h2o_mem_pool_t *pool, void *old, size_t len, size_t *cap, size_t size)
{
	size_t ncap = *cap ? *cap * 2 : 8;
	void *p = h2o_mem_alloc_pool(pool, ncap * size);
	if (len)
		memcpy(p, old, len * size);
	*cap = ncap;
	return p;
}

static struct view_field *field_find(const view *v, const char *name, size_t len)
{
	for (size_t i = 0; i < v->len; i++) {
		struct view_field *f = &v->fields[i];
		if (f->name_len == len && memcmp(f->name, name, len) == 0)
			return f;
	}
	return NULL;
}

static void set_value(view *v, const char *name, view_value val)
{
	if (v->is_list)
		die("view: setting \"%s\" on a list", name);
	size_t len = strlen(name);
	struct view_field *f = field_find(v, name, len);
	if (!f) {
		if (v->len == v->cap)
			v->fields = grow(v->pool, v->fields, v->len, &v->cap, sizeof *v->fields);
		f = &v->fields[v->len++];
		f->name = name;
		f->name_len = len;
	}
	f->val = val;
}

static void set_string(view *v, const char *name, enum view_kind kind, const char *s, size_t n)
{
	view_value val = {.kind = kind};
	val.u.str.p = mem_strndup(v->pool, s ? s : "", s ? n : 0);
	val.u.str.len = s ? n : 0;
	set_value(v, name, val);
}

h2o_mem_pool_t *view_pool(const view *v)
{
	return v->pool;
}

void view_str(view *v, const char *name, const char *s)
{
	set_string(v, name, VIEW_STR, s, s ? strlen(s) : 0);
}

void view_strn(view *v, const char *name, const char *s, size_t n)
{
	set_string(v, name, VIEW_STR, s, n);
}

void view_fmt(view *v, const char *name, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("view_fmt: bad format \"%s\"", fmt);
	char *p = h2o_mem_alloc_pool(v->pool, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	view_value val = {.kind = VIEW_STR};
	val.u.str.p = p;
	val.u.str.len = (size_t)n;
	set_value(v, name, val);
}

static void set_number(view *v, const char *name, enum view_kind kind, long long n)
{
	view_value val = {.kind = kind};
	val.u.num = n;
	set_value(v, name, val);
}

void view_int(view *v, const char *name, long long n)
{
	set_number(v, name, VIEW_INT, n);
}

void view_bool(view *v, const char *name, int b)
{
	set_number(v, name, VIEW_BOOL, b != 0);
}

void view_html(view *v, const char *name, const char *html, size_t n)
{
	set_string(v, name, VIEW_HTML, html, n);
}

void view_slot(view *v, const char *name, int slot)
{
	if (slot < 0 || slot > 9)
		die("view_slot: slot %d out of 0..9", slot);
	set_number(v, name, VIEW_SLOT, slot);
}

static view *set_child(view *v, const char *name, enum view_kind kind)
{
	view *child = view_alloc(v->pool, kind == VIEW_LIST);
	view_value val = {.kind = kind};
	val.u.child = child;
	set_value(v, name, val);
	return child;
}

view *view_obj(view *v, const char *name)
{
	return set_child(v, name, VIEW_OBJ);
}

view *view_list(view *v, const char *name)
{
	return set_child(v, name, VIEW_LIST);
}

view *view_push(view *list)
{
	if (!list->is_list)
		die("view_push on an object");
	if (list->len == list->cap)
		list->items = grow(list->pool, list->items, list->len, &list->cap, sizeof *list->items);
	view *item = view_alloc(list->pool, 0);
	list->items[list->len++] = item;
	return item;
}

size_t view_len(const view *list)
{
	return list->is_list ? list->len : 0;
}

const view_value *view_get(const view *v, const char *name, size_t len)
{
	if (v->is_list)
		return NULL;
	struct view_field *f = field_find(v, name, len);
	return f ? &f->val : NULL;
}

const view *view_item(const view *list, size_t i)
{
	return list->is_list && i < list->len ? list->items[i] : NULL;
}
