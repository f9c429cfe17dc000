/* tmpl_impl: the compiled form of templates, shared by the loader/renderer and the compiler. */
#ifndef PLENARY_TMPL_IMPL_H
#define PLENARY_TMPL_IMPL_H

#include <stddef.h>

#include "core/catalog.h"
#include "render/htmlctx.h"

struct tmpl_messages;	 /* tmpl.h */
struct tmpl_message_use; /* tmpl.h */

/* OP_PLURAL: a plural form of a message ({{@key count}}), rendered when the count's category is `plural` */
enum tmpl_op_kind { OP_TEXT, OP_VAR, OP_RAW, OP_SECTION, OP_INVERTED, OP_END, OP_PARTIAL, OP_PLURAL };

/** One instruction. text/len is the literal (OP_TEXT) or the name, dotted or a partial's (others),
 * pointing into the template's source. */
struct tmpl_op {
	enum tmpl_op_kind kind;
	enum htmlctx_out out; /* OP_VAR: the escaper */
	const char *text;
	size_t len;
	size_t jump;   /* OP_SECTION, OP_INVERTED, OP_PLURAL: index of the matching OP_END */
	size_t target; /* OP_PARTIAL: index of the template in the set, set by tmpl_link */
	unsigned line;
	enum plural plural; /* OP_PLURAL */
	int link;	    /* OP_VAR at the start of a link's URL: takes the set's link prefix */
};

struct tmpl {
	char *name; /* "article", "sub/name", "mail/alert.txt" */
	char *file; /* for messages */
	char *src;  /* the text, kept: ops point into it */
	size_t src_len;
	int text; /* a .txt template: no HTML context, variables verbatim (esc_text) */
	struct tmpl_op *ops;
	size_t nops, cap;
	char **owned; /* the messages' text and its escaped pieces, which ops point into */
	size_t nowned;
	struct tmpl_message_use *uses; /* the {{@key}} tags, in order (for `plenary i18n check`) */
	size_t nuses;
};

struct tmpl_set {
	struct tmpl *t; /* sorted by name */
	size_t n;
	char lang[8];	     /* the language of its messages ("" without a catalog): the plural rule */
	char link_prefix[8]; /* "/fr", or "" (tmpl_messages) */
};

/** Parses t->src into t->ops, with {{@key}} messages from m (NULL: none may be used). Returns 0, or -1 with
 * "file:line: message" in err. */
int tmpl_compile(struct tmpl *t, const struct tmpl_messages *m, char *err, size_t errlen);

#endif
