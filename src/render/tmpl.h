/* tmpl: Mustache templates, compiled once at start, rendered with context-aware escaping. */
#ifndef PLENARY_TMPL_H
#define PLENARY_TMPL_H

#include <stddef.h>

#include "core/buf.h"
#include "render/view.h"

/** A set of compiled templates. Built once (malloc'd), then shared read-only by every worker thread:
 * rendering never changes it.
 *
 * Syntax: {{name}}, dotted {{a.b}}, sections {{#name}}..{{/name}} and {{^name}}..{{/name}},
 * comments {{! .. }}, partials {{> name}}, raw {{{name}}} / {{& name}}. A section over a list runs
 * once per item with the item pushed on the context stack; over an object, once with it pushed; over
 * text, a number or a flag, once when non-empty/nonzero with the context unchanged; a missing name is
 * false. Names are looked up from the innermost context outwards. Section, comment and partial tags
 * alone on a line take the line with them (as in the Mustache spec, without partial indentation).
 *
 * Escaping is decided at load time from where the variable sits in the HTML:
 *  - element text, title/textarea text, a quoted ordinary attribute value: esc_html;
 *  - a quoted URL attribute (href src action formaction poster cite data background srcset
 *    xlink:href): at the value's start esc_url_attr, after ? = & or # esc_url_component, elsewhere
 *    esc_url_component keeping '/';
 *  - inside a JSON string of <script type="application/ld+json">: esc_json_string.
 * Anywhere else a variable is a load error: unquoted attribute values, tag and attribute names,
 * on* / style / srcdoc attributes, comments, other <script> and <style> content. Raw variables and
 * partials may only sit in HTML text (partials are compiled as HTML text too, and every template must
 * end in HTML text). A raw variable outputs only view_html values (minus control characters), never
 * anything else. Integers render as digits and flags as "true"/"" anywhere; slots render their
 * marker in text and ordinary attributes and nothing in URL or JSON contexts. A section must leave the
 * HTML context as it found it, so running it zero, one or many times cannot change later escaping.
 *
 * Plain-text templates (mails): a file "x.txt" is the template named "x.txt" (the extension is kept,
 * so "mail/alert.txt" and the HTML "mail/alert" from alert.html are two templates). In a .txt there
 * is no HTML context: every variable, plain or raw, renders verbatim through esc_text (no entities;
 * control characters other than \n and \t dropped, invalid UTF-8 mended), and until the output's
 * first newline also with \n and \t turned into spaces, so a value can never add lines to a mail's
 * "Subject:" line. Sections, comments and standalone lines work as in HTML. A .txt may only include
 * .txt partials and an HTML template only HTML partials (a load error otherwise). */
typedef struct tmpl_set tmpl_set;

/** Messages: {{@key}} is the text of key in the set's language, escaped where it lands (HTML text or an
 * ordinary quoted attribute; verbatim in a .txt), its "{name}" placeholders rendered as {{name}}.
 * {{@key count}} picks the plural form key.one or key.other by the view's integer count and the
 * language's rule, and its "{n}" is the count. A key found in no catalog of the chain is a load error, so a
 * set that loads has every message it shows. The text is compiled in: rendering costs what literal text
 * does. */
struct catalog;
struct tmpl_messages {
	const struct catalog *const *chain; /* looked in first to last: the language, then its fallbacks */
	size_t n;
	/* "/fr" for pages under /fr/, NULL or "" otherwise: every link of the page (the start of an href,
	 * action or formaction value, written in the template or given by a variable) that is a root-relative
	 * path gets it in front, so a reader stays in the language; tmpl_link_shared paths keep none */
	const char *link_prefix;
};
/** 1 when a root-relative path is the same in every language (/static/ and /media/ files): no prefix. */
int tmpl_link_shared(const char *path, size_t len);

/** Loads every *.html and *.txt file in dir, and in its direct subfolders (named "sub/name"); a
 * template's name is its path without ".html" (a .txt keeps ".txt"). Returns NULL on error with
 * "file:line: message" in err. */
tmpl_set *tmpl_load_dir(const char *dir, char *err, size_t errlen);
/** The same with messages from m (NULL: none; chain[0]'s language is the set's). */
tmpl_set *tmpl_load_dir_messages(const char *dir, const struct tmpl_messages *m, char *err, size_t errlen);
/** The same from memory (for tests): template names[i] has the text texts[i]; a name ending in ".txt"
 * is plain text; errors name the file "names[i].html" (or "names[i]" for a .txt). */
tmpl_set *tmpl_load_strings(const char *const *names, const char *const *texts, size_t n, char *err,
			    size_t errlen);
tmpl_set *tmpl_load_strings_messages(const char *const *names, const char *const *texts, size_t n,
				     const struct tmpl_messages *m, char *err, size_t errlen);
/** The language of the set's messages ("" when loaded without). */
const char *tmpl_lang(const tmpl_set *set);
/** A {{@key}} tag of a template: its key (len bytes, not terminated), 1 for {{@key count}}, where it is. */
struct tmpl_message_use {
	const char *key;
	size_t len;
	int plural;
	const char *file;
	unsigned line;
};
/** Calls fn for each message tag of every template of the set, template by template; stops at fn's first
 * nonzero return and returns it (0 when all were seen). */
int tmpl_each_message(const tmpl_set *set, int (*fn)(const struct tmpl_message_use *u, void *arg), void *arg);
/** Returns 1 when the set has a template with this name. */
int tmpl_has(const tmpl_set *set, const char *name);
/** Appends template name rendered with v (NULL: an empty view) to out. Returns 0, or -1 when name
 * is unknown. Partials nest at most 16 deep, and one render enters at most 10,000 of them; deeper or
 * later ones render nothing. Thread-safe. */
int tmpl_render(const tmpl_set *set, const char *name, const view *v, buf *out);
/** Frees the set (NULL is fine). */
void tmpl_free(tmpl_set *set);

#endif
