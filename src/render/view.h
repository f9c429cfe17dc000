/* view: the tree of named values a handler builds and a template renders, allocated in a pool. */
#ifndef PLENARY_VIEW_H
#define PLENARY_VIEW_H

#include <stddef.h>
#include <h2o/memory.h>

/** A slot renders as VIEW_SLOT_MARK followed by '0' + slot. Every escaper drops control characters,
 * so this byte in rendered output can only come from a slot: the HTTP layer splits cached pages
 * there to splice per-reader values (CSRF token, user name). */
#define VIEW_SLOT_MARK '\x1e'

/** An object (named values) or a list (of objects). Built by one thread, then read-only.
 *
 * Names are NOT copied: the pointer is kept, so pass string literals (or strings that outlive the
 * view). Values ARE copied into the pool. Setting a name again replaces its value. Everything lives
 * in the pool given to view_new and goes when that pool is cleared; nothing is freed one by one. */
typedef struct view view;

/** Creates an empty object. */
view *view_new(h2o_mem_pool_t *pool);
/** The pool a view allocates from, for values built before they are added. */
h2o_mem_pool_t *view_pool(const view *v);
/** Text, escaped for its context at render; s NULL means "". */
void view_str(view *v, const char *name, const char *s);
void view_strn(view *v, const char *name, const char *s, size_t n);
void view_fmt(view *v, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/** A number: renders as decimal digits in any context; a section on it runs when nonzero. */
void view_int(view *v, const char *name, long long n);
/** A flag: renders "true" or ""; a section on it runs when nonzero. */
void view_bool(view *v, const char *name, int b);
/** Trusted HTML: only {{{name}}} and {{& name}} output it (without control characters); a plain
 * {{name}} escapes it like text. */
void view_html(view *v, const char *name, const char *html, size_t n);
/** A splice point 0..9 (anything else aborts): renders as VIEW_SLOT_MARK, '0' + slot in text and
 * ordinary quoted attributes, and as nothing in URL or JSON contexts. */
void view_slot(view *v, const char *name, int slot);
/** Adds (or replaces name with) an empty nested object and returns it. */
view *view_obj(view *v, const char *name);
/** Adds (or replaces name with) an empty list and returns it. */
view *view_list(view *v, const char *name);
/** Appends an empty object to list and returns it. */
view *view_push(view *list);
/** Number of objects in list (0 for an object). */
size_t view_len(const view *list);

/* The read side, used by the template engine (and tests). */

enum view_kind { VIEW_NONE, VIEW_STR, VIEW_INT, VIEW_BOOL, VIEW_HTML, VIEW_SLOT, VIEW_OBJ, VIEW_LIST };

/** One value. Strings (VIEW_STR, VIEW_HTML) carry their length and are NUL-terminated. */
typedef struct view_value {
	enum view_kind kind;
	union {
		struct {
			const char *p;
			size_t len;
		} str;
		long long num;	   /* VIEW_INT, VIEW_BOOL, VIEW_SLOT */
		const view *child; /* VIEW_OBJ, VIEW_LIST */
	} u;
} view_value;

/** Looks up name (len bytes, need not be NUL-terminated) in object v; NULL when absent or when v
 * is a list. */
const view_value *view_get(const view *v, const char *name, size_t len);
/** Item i of list, or NULL when out of range. */
const view *view_item(const view *list, size_t i);

#endif
