/* htmlctx: a small HTML5-like tokenizer over template literals that picks each variable's escaper. */
#include "render/htmlctx.h"

#include <string.h>

#include "render/escape.h"

enum mode {
	M_TEXT,
	M_RCDATA,   /* title, textarea, xmp, iframe, noembed, noframes: text up to the end tag */
	M_RAWTEXT,  /* script, style */
	M_JSON,	    /* <script type="application/ld+json">, outside strings */
	M_JSON_STR, /* inside a JSON string there */
	M_LT,	    /* after '<' */
	M_LT_SLASH, /* after "</" */
	M_LT_BANG,  /* after "<!" */
	M_LT_BANG_DASH,
	M_COMMENT,
	M_DECL,	   /* <!DOCTYPE>, <?...>, bogus comments: up to '>' */
	M_END_TAG, /* up to '>' */
	M_TAG_NAME,
	M_BEFORE_ATTR,
	M_ATTR_NAME,
	M_AFTER_ATTR_NAME,
	M_BEFORE_VALUE,
	M_VALUE_DQ,
	M_VALUE_SQ,
	M_VALUE_UNQ,
	M_TAG_AMBIG, /* after a section that may or may not have added an attribute */
};

enum tag { T_OTHER, T_SCRIPT, T_STYLE, T_TITLE, T_TEXTAREA, T_XMP, T_IFRAME, T_NOEMBED, T_NOFRAMES };
static const char *const tag_names[] = {"",    "script", "style",   "title",   "textarea",
					"xmp", "iframe", "noembed", "noframes"};

enum attr { A_PLAIN, A_URL, A_UNSAFE };
enum url { U_START, U_PATH, U_QUERY };
/* What is known of a URL value's scheme: nothing yet, nothing yet but a variable came first, safe
 * (http, https, mailto, tel or relative), or anything else. */
enum scheme { S_OPEN, S_VAR, S_OK, S_BAD };

/* Comment "match" values besides 0..2 dashes: just opened, opened plus a dash, after "--!". */
enum { C_BANG = 5, C_OPEN = 10, C_OPEN_DASH = 11 };

static const char *const url_attrs[] = {"href", "src",	"action",     "formaction", "poster",
					"cite", "data", "background", "srcset",	    "xlink:href"};
static const char *const unsafe_attrs[] = {"style", "srcdoc"};

static int is_ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static int is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(unsigned char c)
{
	return (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

static void reset(htmlctx *h, enum mode mode)
{
	memset(h, 0, sizeof *h);
	h->mode = (unsigned char)mode;
}

void htmlctx_init(htmlctx *h)
{
	reset(h, M_TEXT);
}

static int name_is(const htmlctx *h, const char *s)
{
	return h->name_len < sizeof h->name && strcmp(h->name, s) == 0;
}

static int name_in(const htmlctx *h, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (name_is(h, list[i]))
			return 1;
	return 0;
}

/* Keeps the first 15 characters; name_len goes on counting (up to 255) so long names are known. */
static void name_add(htmlctx *h, unsigned char c)
{
	if (h->name_len < sizeof h->name - 1) {
		h->name[h->name_len] = lower(c);
		h->name[h->name_len + 1] = '\0';
	}
	if (h->name_len < 255)
		h->name_len++;
}

static enum tag tag_of_name(const htmlctx *h)
{
	for (size_t t = 1; t < sizeof tag_names / sizeof tag_names[0]; t++)
		if (name_is(h, tag_names[t]))
			return (enum tag)t;
	return T_OTHER;
}

static void finish_tag_name(htmlctx *h)
{
	h->tag = (unsigned char)tag_of_name(h);
	h->name_len = 0;
	h->mode = M_BEFORE_ATTR;
}

static void finish_attr_name(htmlctx *h, enum mode next)
{
	if (h->name[0] == 'o' && h->name[1] == 'n')
		h->attr = A_UNSAFE; /* any event handler, known or not */
	else if (name_in(h, unsafe_attrs, sizeof unsafe_attrs / sizeof unsafe_attrs[0]))
		h->attr = A_UNSAFE;
	else if (name_in(h, url_attrs, sizeof url_attrs / sizeof url_attrs[0]))
		h->attr = A_URL;
	else
		h->attr = A_PLAIN;
	h->is_type = h->tag == T_SCRIPT && name_is(h, "type");
	h->link =
	    h->attr == A_URL && (name_is(h, "href") || name_is(h, "action") || name_is(h, "formaction"));
	h->name_len = 0;
	h->name[0] = '\0';
	h->mode = (unsigned char)next;
}

static void begin_attr(htmlctx *h, unsigned char c)
{
	h->attr = A_PLAIN;
	h->is_type = 0;
	h->name_len = 0;
	h->mode = M_ATTR_NAME;
	name_add(h, c);
}

/* '>' of a start tag: what follows depends on the element. */
static void end_start_tag(htmlctx *h)
{
	enum tag tag = (enum tag)h->tag;
	int ld_json = h->ld_json;
	if (tag == T_SCRIPT)
		reset(h, ld_json ? M_JSON : M_RAWTEXT);
	else if (tag == T_STYLE)
		reset(h, M_RAWTEXT);
	else if (tag != T_OTHER)
		reset(h, M_RCDATA);
	else
		reset(h, M_TEXT);
	h->tag = (unsigned char)tag;
}

static void begin_value(htmlctx *h, enum mode mode)
{
	h->mode = (unsigned char)mode;
	h->url = U_START;
	h->scheme = S_OPEN;
	h->value_len = 0;
}

/* Keeps the first characters of a value (lowercased) in h->value; value_len 255 once it overflows. */
static void value_keep(htmlctx *h, unsigned char c)
{
	if (h->value_len < sizeof h->value - 1) {
		h->value[h->value_len++] = lower(c);
		h->value[h->value_len] = '\0';
	} else {
		h->value_len = 255;
	}
}

/* Follows a URL value's literal start until its scheme is known: a variable after a scheme other
 * than http, https, mailto or tel (javascript:...) would be code, and a literal ':' or character
 * reference right after a variable could turn that variable into a scheme. */
static const char *scheme_char(htmlctx *h, unsigned char c)
{
	if (h->scheme != S_OPEN && h->scheme != S_VAR)
		return NULL;
	if (c == '/' || c == '?' || c == '#') {
		h->scheme = S_OK;
	} else if (h->scheme == S_VAR && (c == ':' || c == '&')) {
		return "':' or '&' right after a variable at the start of a URL";
	} else if (c == '&') {
		h->scheme = S_BAD; /* a character reference could hide a ':' */
	} else if (c == ':') {
		char url[sizeof h->value + 1];
		int ok = h->value_len < sizeof h->value;
		if (ok) {
			memcpy(url, h->value, h->value_len);
			url[h->value_len] = ':';
			ok = esc_url_is_safe(url, h->value_len + 1u);
		}
		h->scheme = ok ? S_OK : S_BAD;
	} else if (h->value_len || !is_ws(c)) {
		value_keep(h, c);
	}
	return NULL;
}

static const char *value_char(htmlctx *h, unsigned char c)
{
	if (h->is_type)
		value_keep(h, c);
	if (h->attr != A_URL)
		return NULL;
	if (c == '?' || c == '=' || c == '&' || c == '#')
		h->url = U_QUERY;
	else if (h->url == U_START && !is_ws(c))
		h->url = U_PATH;
	return scheme_char(h, c);
}

static int type_is_ld_json(const htmlctx *h)
{
	if (h->value_len >= sizeof h->value)
		return 0;
	const char *v = h->value, *want = "application/ld+json";
	size_t n = h->value_len, len = strlen(want);
	while (n && is_ws((unsigned char)*v))
		v++, n--;
	while (n && is_ws((unsigned char)v[n - 1]))
		n--;
	return n == len && memcmp(v, want, len) == 0;
}

static void end_value(htmlctx *h)
{
	if (h->is_type)
		h->ld_json = (unsigned char)type_is_ld_json(h);
	h->attr = h->url = h->scheme = h->is_type = h->value_len = h->link = 0;
	h->value[0] = '\0';
	h->mode = M_BEFORE_ATTR;
}

/* Each step_* consumes c and returns 0, asks for c to be seen again in the new mode (1), or fails
 * (-1, with *err set). */

static int step_text(htmlctx *h, unsigned char c)
{
	if (c == '<')
		h->mode = M_LT;
	return 0;
}

static int step_lt(htmlctx *h, unsigned char c)
{
	if (is_alpha(c)) {
		h->mode = M_TAG_NAME;
		h->name_len = 0;
		name_add(h, c);
	} else if (c == '/') {
		h->mode = M_LT_SLASH;
	} else if (c == '!') {
		h->mode = M_LT_BANG;
	} else if (c == '?') {
		h->mode = M_DECL;
	} else {
		h->mode = M_TEXT;
		return 1;
	}
	return 0;
}

static int step_comment(htmlctx *h, unsigned char c)
{
	if (c == '>' && h->match >= 2)
		reset(h, M_TEXT); /* "-->", "--!>", and the abrupt "<!-->" and "<!--->" */
	else if (c == '!')
		h->match = h->match == 2 ? C_BANG : 0;
	else if (c != '-')
		h->match = 0;
	else if (h->match == C_OPEN)
		h->match = C_OPEN_DASH;
	else if (h->match == C_BANG)
		h->match = 1;
	else
		h->match = h->match < 2 ? h->match + 1 : 2;
	return 0;
}

static int step_markup(htmlctx *h, unsigned char c)
{
	switch (h->mode) {
	case M_LT:
		return step_lt(h, c);
	case M_LT_SLASH:
		h->mode = is_alpha(c) ? M_END_TAG : c == '>' ? M_TEXT : M_DECL;
		return 0;
	case M_LT_BANG:
	case M_LT_BANG_DASH:
		if (c != '-') {
			h->mode = M_DECL;
			return 1;
		}
		h->mode = h->mode == M_LT_BANG ? M_LT_BANG_DASH : M_COMMENT;
		h->match = C_OPEN;
		return 0;
	case M_COMMENT:
		return step_comment(h, c);
	default: /* M_DECL, M_END_TAG */
		if (c == '>')
			reset(h, M_TEXT);
		return 0;
	}
}

/* Between attributes: whitespace, '/', '>' or the start of an attribute name. */
static int step_between(htmlctx *h, unsigned char c)
{
	if (c == '>')
		end_start_tag(h);
	else if (c == '/')
		h->mode = M_BEFORE_ATTR;
	else if (h->mode == M_AFTER_ATTR_NAME && c == '=')
		h->mode = M_BEFORE_VALUE;
	else if (!is_ws(c))
		begin_attr(h, c);
	return 0;
}

static int step_ambiguous(htmlctx *h, unsigned char c, const char **err)
{
	if (c == '=' || (!h->amb_sep && !is_ws(c) && c != '/' && c != '>')) {
		*err = "ambiguous markup after a section that adds an attribute (put a space after it)";
		return -1;
	}
	if (is_ws(c))
		h->amb_sep = 1;
	else
		step_between(h, c);
	return 0;
}

static int step_tag(htmlctx *h, unsigned char c, const char **err)
{
	switch (h->mode) {
	case M_TAG_NAME:
		if (is_ws(c) || c == '/' || c == '>') {
			finish_tag_name(h);
			return c == '>' ? 1 : 0;
		}
		name_add(h, c);
		return 0;
	case M_ATTR_NAME:
		if (is_ws(c) || c == '/' || c == '>' || c == '=') {
			finish_attr_name(h, c == '=' ? M_BEFORE_VALUE : M_AFTER_ATTR_NAME);
			return c == '/' || c == '>' ? 1 : 0;
		}
		name_add(h, c);
		return 0;
	case M_BEFORE_VALUE:
		if (c == '"' || c == '\'')
			begin_value(h, c == '"' ? M_VALUE_DQ : M_VALUE_SQ);
		else if (c == '>')
			end_start_tag(h);
		else if (!is_ws(c)) {
			begin_value(h, M_VALUE_UNQ);
			return 1; /* c is the value's first character */
		}
		return 0;
	case M_TAG_AMBIG:
		return step_ambiguous(h, c, err);
	default: /* M_BEFORE_ATTR, M_AFTER_ATTR_NAME */
		return step_between(h, c);
	}
}

static int step_value(htmlctx *h, unsigned char c, const char **err)
{
	if ((h->mode == M_VALUE_DQ && c == '"') || (h->mode == M_VALUE_SQ && c == '\'')) {
		end_value(h);
	} else if (h->mode == M_VALUE_UNQ && (is_ws(c) || c == '>')) {
		end_value(h);
		return c == '>';
	} else if ((*err = value_char(h, c)) != NULL) {
		return -1;
	}
	return 0;
}

static void step_json(htmlctx *h, unsigned char c)
{
	if (h->mode == M_JSON) {
		if (c == '"')
			h->mode = M_JSON_STR;
	} else if (h->json_esc) {
		h->json_esc = 0;
	} else if (c == '\\') {
		h->json_esc = 1;
	} else if (c == '"') {
		h->mode = M_JSON;
	}
}

/* Raw text and RCDATA end only at "</tagname" followed by whitespace, '/' or '>'. */
static int step_raw(htmlctx *h, unsigned char c)
{
	const char *name = tag_names[h->tag];
	size_t full = strlen(name) + 2;
	if (h->match == full) {
		if (is_ws(c) || c == '/' || c == '>') {
			reset(h, c == '>' ? M_TEXT : M_END_TAG);
			return 0;
		}
		h->match = 0;
	}
	char want = h->match == 0 ? '<' : h->match == 1 ? '/' : name[h->match - 2];
	h->match = lower(c) == want ? h->match + 1 : c == '<';
	if (h->mode == M_JSON || h->mode == M_JSON_STR)
		step_json(h, c);
	return 0;
}

static int step(htmlctx *h, unsigned char c, const char **err)
{
	switch (h->mode) {
	case M_TEXT:
		return step_text(h, c);
	case M_RCDATA:
	case M_RAWTEXT:
	case M_JSON:
	case M_JSON_STR:
		return step_raw(h, c);
	case M_VALUE_DQ:
	case M_VALUE_SQ:
	case M_VALUE_UNQ:
		return step_value(h, c, err);
	case M_TAG_NAME:
	case M_BEFORE_ATTR:
	case M_ATTR_NAME:
	case M_AFTER_ATTR_NAME:
	case M_BEFORE_VALUE:
	case M_TAG_AMBIG:
		return step_tag(h, c, err);
	default:
		return step_markup(h, c);
	}
}

const char *htmlctx_feed(htmlctx *h, const char *s, size_t n, size_t *at)
{
	for (size_t i = 0; i < n; i++) {
		const char *err = NULL;
		int r;
		while ((r = step(h, (unsigned char)s[i], &err)) == 1)
			;
		if (r < 0) {
			*at = i;
			return err;
		}
	}
	return NULL;
}

int htmlctx_at_link_start(const htmlctx *h)
{
	return (h->mode == M_VALUE_DQ || h->mode == M_VALUE_SQ) && h->attr == A_URL && h->link &&
	       h->url == U_START && h->scheme == S_OPEN && h->value_len == 0;
}

static const char *var_in_value(const htmlctx *h, enum htmlctx_out *out)
{
	if (h->mode == M_VALUE_UNQ)
		return "variable in unsafe context: unquoted attribute value (quote it)";
	if (h->attr == A_UNSAFE)
		return "variable in unsafe context: event handler, style or srcdoc attribute";
	if (h->attr == A_URL && h->scheme == S_BAD)
		return "variable in unsafe context: URL whose scheme is not http, https, mailto or tel";
	if (h->attr == A_PLAIN)
		*out = HTMLCTX_ATTR;
	else
		*out = h->url == U_START  ? HTMLCTX_URL_START
		       : h->url == U_PATH ? HTMLCTX_URL_PATH
					  : HTMLCTX_URL_QUERY;
	return NULL;
}

const char *htmlctx_var(const htmlctx *h, enum htmlctx_out *out)
{
	switch (h->mode) {
	case M_TEXT:
		*out = HTMLCTX_TEXT;
		return NULL;
	case M_RCDATA:
		*out = HTMLCTX_TEXT;
		return h->match ? "variable in unsafe context: inside an end tag" : NULL;
	case M_JSON_STR:
		*out = HTMLCTX_JSON;
		return h->match || h->json_esc
			   ? "variable in unsafe context: after '\\' or '<' in a JSON string"
			   : NULL;
	case M_JSON:
		*out = HTMLCTX_JSON_VALUE;
		return h->match ? "variable in unsafe context: after '<' in an application/ld+json script"
				: NULL;
	case M_RAWTEXT:
		return "variable in unsafe context: inside <script> or <style> (only an application/ld+json "
		       "script may hold variables)";
	case M_COMMENT:
		return "variable in unsafe context: inside an HTML comment";
	case M_BEFORE_VALUE:
		return "variable in unsafe context: unquoted attribute value (quote it)";
	case M_VALUE_DQ:
	case M_VALUE_SQ:
	case M_VALUE_UNQ:
		return var_in_value(h, out);
	default:
		return "variable in unsafe context: inside a tag, attribute name or declaration";
	}
}

void htmlctx_after_var(htmlctx *h)
{
	if (h->mode != M_VALUE_DQ && h->mode != M_VALUE_SQ)
		return;
	if (h->attr == A_URL && h->url == U_START)
		h->url = U_PATH;
	if (h->attr == A_URL && h->scheme == S_OPEN)
		h->scheme = S_VAR;
	if (h->is_type)
		h->value_len = 255; /* a type that is not literal is never ld+json */
}

int htmlctx_is_text(const htmlctx *h)
{
	return h->mode == M_TEXT;
}

static int in_tag_family(const htmlctx *h)
{
	return h->mode == M_TAG_NAME || h->mode == M_BEFORE_ATTR || h->mode == M_ATTR_NAME ||
	       h->mode == M_AFTER_ATTR_NAME || h->mode == M_TAG_AMBIG;
}

/* Keeps only what matters for what comes next in h's mode, so equal futures compare equal. */
static void normalize(htmlctx *h)
{
	htmlctx n;
	reset(&n, (enum mode)h->mode);
	if (h->mode == M_RCDATA || h->mode == M_RAWTEXT || h->mode == M_JSON || h->mode == M_JSON_STR) {
		n.tag = h->tag, n.match = h->match, n.json_esc = h->json_esc;
	} else if (h->mode == M_COMMENT) {
		n.match = h->match;
	} else if (h->mode >= M_TAG_NAME) {
		n.tag = h->tag, n.ld_json = h->ld_json, n.amb_sep = h->amb_sep;
	}
	if (h->mode == M_TAG_NAME || h->mode == M_ATTR_NAME) {
		/* only the first sizeof name - 1 characters are stored */
		n.name_len = h->name_len;
		memcpy(n.name, h->name, h->name_len < sizeof n.name ? h->name_len : sizeof n.name - 1);
	}
	if (h->mode >= M_AFTER_ATTR_NAME && h->mode <= M_VALUE_UNQ) {
		n.attr = h->attr, n.is_type = h->is_type, n.url = h->url, n.scheme = h->scheme;
		if (h->is_type || h->attr == A_URL) {
			n.value_len = h->value_len;
			if (h->value_len < sizeof n.value)
				memcpy(n.value, h->value, h->value_len);
		}
	}
	*h = n;
}

static void make_ambiguous(htmlctx *h)
{
	enum tag tag = h->mode == M_TAG_NAME ? tag_of_name(h) : (enum tag)h->tag;
	int ld_json = h->ld_json;
	reset(h, M_TAG_AMBIG);
	h->tag = (unsigned char)tag;
	h->ld_json = (unsigned char)ld_json;
}

/* Orders scheme states by how much they forbid later. */
static int scheme_rank(unsigned char scheme)
{
	return scheme == S_OK ? 0 : scheme == S_OPEN ? 1 : scheme == S_VAR ? 2 : 3;
}

/* Gives both states the stricter URL scheme state; -1 when neither covers the other (a variable
 * may have started the URL, yet later variables are forbidden). */
static int merge_scheme(htmlctx *x, htmlctx *y)
{
	if (x->attr != A_URL || y->attr != A_URL || x->scheme == y->scheme)
		return 0;
	htmlctx *strict = scheme_rank(x->scheme) > scheme_rank(y->scheme) ? x : y;
	htmlctx *other = strict == x ? y : x;
	if (strict->scheme == S_BAD && other->scheme == S_VAR)
		return -1;
	other->scheme = strict->scheme;
	other->value_len = strict->value_len;
	memcpy(other->value, strict->value, sizeof other->value);
	return 0;
}

int htmlctx_merge(htmlctx *out, const htmlctx *a, const htmlctx *b, int *ambiguous)
{
	htmlctx x = *a, y = *b;
	normalize(&x);
	normalize(&y);
	*ambiguous = 0;
	if (in_tag_family(&x) && in_tag_family(&y) && (x.mode != y.mode || x.mode == M_TAG_AMBIG)) {
		make_ambiguous(&x);
		make_ambiguous(&y);
		*ambiguous = 1;
	}
	/* any URL escaper is safe anywhere in the value; keep the one that encodes most */
	x.url = y.url = x.url > y.url ? x.url : y.url;
	if (merge_scheme(&x, &y) != 0 || memcmp(&x, &y, sizeof x) != 0)
		return -1;
	*out = x;
	return 0;
}

const char *htmlctx_describe(const htmlctx *h)
{
	switch (h->mode) {
	case M_TEXT:
		return "HTML text";
	case M_RCDATA:
		return "element text";
	case M_RAWTEXT:
	case M_JSON:
	case M_JSON_STR:
		return "a <script> or <style> element";
	case M_COMMENT:
		return "an HTML comment";
	case M_VALUE_DQ:
	case M_VALUE_SQ:
	case M_VALUE_UNQ:
		return "an attribute value";
	default:
		return "a tag";
	}
}
