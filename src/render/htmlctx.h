/* htmlctx: tracks where in an HTML document a template is, so each variable gets the right escaper. */
#ifndef PLENARY_HTMLCTX_H
#define PLENARY_HTMLCTX_H

#include <stddef.h>

/** Where a variable may be rendered, decided once at template load. */
enum htmlctx_out {
	HTMLCTX_TEXT,	    /* element text (or title/textarea text): esc_html */
	HTMLCTX_ATTR,	    /* a quoted ordinary attribute value: esc_html */
	HTMLCTX_URL_START,  /* start of a quoted URL attribute value: esc_url_attr */
	HTMLCTX_URL_PATH,   /* path part of a URL value: esc_url_component, keeping '/' */
	HTMLCTX_URL_QUERY,  /* after ? = & or # in a URL value: esc_url_component */
	HTMLCTX_JSON,	    /* inside a JSON string in <script type="application/ld+json">: esc_json_string */
	HTMLCTX_JSON_VALUE, /* between JSON tokens there: a whole value (number, true/false, or a quoted
			       string) */
};

/** The tokenizer state: a simplified HTML5 tokenizer fed only with the template's literal text (which
 * is trusted). All fields are bytes, so two states compare with memcmp once normalized. */
typedef struct htmlctx {
	unsigned char mode;	/* enum in htmlctx.c */
	unsigned char tag;	/* the element being opened, or whose raw text we are in */
	unsigned char attr;	/* kind of the attribute being read */
	unsigned char url;	/* how far into a URL attribute value */
	unsigned char scheme;	/* what is known of that URL's scheme */
	unsigned char match;	/* chars of "</tag" matched in raw text; dashes seen in a comment */
	unsigned char json_esc; /* a backslash is pending inside a JSON string */
	unsigned char is_type;	/* the attribute is the type of a <script> */
	unsigned char ld_json;	/* the <script> being opened has type="application/ld+json" */
	unsigned char amb_sep;	/* after an ambiguous section end: a separator has been seen */
	unsigned char link;	/* the URL attribute is href, action or formaction: a link a reader follows */
	unsigned char name_len; /* chars in name (saturates) */
	unsigned char value_len; /* chars in value; 255 when too long or not literal */
	char name[16];		 /* tag name, then the attribute name being read (lowercased) */
	char value[24];		 /* the literal start of a script's type or of a URL's scheme (lowercased) */
} htmlctx;

/** The state at the start of a template: HTML text. */
void htmlctx_init(htmlctx *h);
/** Advances over literal template text. Returns NULL, or an error message with *at set to the offset
 * of the offending byte (only after an ambiguous section end can literal text be an error). */
const char *htmlctx_feed(htmlctx *h, const char *s, size_t n, size_t *at);
/** Where a {{variable}} at this point renders; returns NULL and sets *out, or an error message
 * ("variable in unsafe context: ..."). */
const char *htmlctx_var(const htmlctx *h, enum htmlctx_out *out);
/** Accounts for the output of a variable just placed (e.g. a URL is no longer at its start). */
void htmlctx_after_var(htmlctx *h);
/** 1 at the very start of a quoted href, action or formaction value, before any of it: where the URL of a
 * link begins. */
int htmlctx_at_link_start(const htmlctx *h);
/** Returns 1 when the state is plain HTML text (where raw variables and partials may go). */
int htmlctx_is_text(const htmlctx *h);
/** Joins the state at a section's start (a) and end (b) into *out, because the section may run zero,
 * one or many times. Returns 0, or -1 when the two are incompatible. When the result is ambiguous
 * (*ambiguous set to 1), the caller must also check the section body can start from it. */
int htmlctx_merge(htmlctx *out, const htmlctx *a, const htmlctx *b, int *ambiguous);
/** A name for the state's context, for error messages ("an attribute value", "a comment" ...). */
const char *htmlctx_describe(const htmlctx *h);

#endif
