/* wxr_expat: the WXR reader's expat handlers and its read loop: each element opens or closes a record or a
 * field (wxr.c), anything WXR never holds stops the reading, and the file is fed in blocks. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "import/wxr.h"
#include "import/wxr_read.h"

/* ---- expat's handlers ---- */

static int open_in_channel(struct rd *r, enum ns ns, const char *local, const XML_Char *name)
{
	char q[80];
	enum rec rec = rec_of(ns, local);
	if (rec != R_NONE) {
		send_channel(r, qname(q, sizeof q, ns, local));
		if (r->rc)
			return K_SKIP;
		begin_record(r, rec);
		return K_RECORD;
	}
	if (ns == NS_OTHER && !strcmp(local, "wxr_version") && !r->odd_version[0])
		wxr_quoted(r->odd_version, sizeof r->odd_version, name,
			   (size_t)(strchr(name, NSSEP[0]) - name));
	const struct field *f = r->channel_sent ? NULL : field_of(R_CHANNEL, ns, local);
	if (!f)
		return K_SKIP;
	if (r->off[f->slot] != UNSET) {
		wxr_fail(r, "the channel has a second %s", qname(q, sizeof q, ns, local));
		return K_SKIP;
	}
	begin_field(r, TG_SLOT, f->slot, f->integer, ns, local);
	return K_FIELD;
}

static int open_in_record(struct rd *r, enum ns ns, const char *local, const XML_Char **atts)
{
	char q[80], lab[48];
	if (r->rec == R_ITEM && ns == NS_NONE && !strcmp(local, "category")) {
		if (begin_item_term(r, atts))
			return K_SKIP;
		begin_field(r, TG_TERMNAME, 0, 0, ns, local);
		return K_FIELD;
	}
	if (r->rec == R_ITEM && ns == NS_WP && !strcmp(local, "postmeta"))
		return begin_meta(r) ? K_SKIP : K_POSTMETA;
	if (r->rec == R_ITEM && ns == NS_WP && !strcmp(local, "comment")) {
		r->ncomments++;
		return K_SKIP;
	}
	const struct field *f = field_of(r->rec, ns, local);
	if (!f)
		return K_SKIP;
	if (r->off[f->slot] != UNSET) {
		wxr_fail(r, "%s has a second %s", rec_label(r, lab, sizeof lab),
			 qname(q, sizeof q, ns, local));
		return K_SKIP;
	}
	begin_field(r, TG_SLOT, f->slot, f->integer, ns, local);
	return K_FIELD;
}

static int open_in_postmeta(struct rd *r, enum ns ns, const char *local)
{
	char q[80], lab[48];
	int key = ns == NS_WP && !strcmp(local, "meta_key"),
	    value = ns == NS_WP && !strcmp(local, "meta_value");
	if (!key && !value)
		return K_SKIP;
	struct mref *m = &r->meta[r->nmeta - 1];
	if ((key ? m->key : m->value) != UNSET) {
		wxr_fail(r, "%s's <wp:postmeta> has a second %s", rec_label(r, lab, sizeof lab),
			 qname(q, sizeof q, ns, local));
		return K_SKIP;
	}
	begin_field(r, key ? TG_METAKEY : TG_METAVALUE, 0, 0, ns, local);
	return K_FIELD;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
	struct rd *r = ud;
	char q[80], lab[48];
	if (r->rc)
		return;
	if (r->depth >= r->lim.depth) {
		wxr_fail(r, "elements are nested over %zu deep", r->lim.depth);
		return;
	}
	enum ns ns;
	const char *local = wxr_split(name, &ns);
	int k = K_SKIP;
	r->saw_root = 1;
	switch (r->depth ? r->kind[r->depth - 1] : 0) {
	case 0:
		if (ns != NS_NONE || strcmp(local, "rss"))
			wxr_fail(r, "not a WordPress export (WXR): the root element is %s, not <rss>",
				 qname(q, sizeof q, ns, local));
		k = K_RSS;
		break;
	case K_RSS:
		if (ns != NS_NONE || strcmp(local, "channel"))
			wxr_fail(r, "<rss> holds %s: a WordPress export's <rss> holds one <channel>",
				 qname(q, sizeof q, ns, local));
		else if (r->saw_channel)
			wxr_fail(r, "a second <channel>: a WordPress export has one");
		if (r->rc)
			break;
		r->saw_channel = 1;
		begin_record(r, R_CHANNEL);
		k = K_CHANNEL;
		break;
	case K_CHANNEL:
		k = open_in_channel(r, ns, local, name);
		break;
	case K_RECORD:
		k = open_in_record(r, ns, local, atts);
		break;
	case K_POSTMETA:
		k = open_in_postmeta(r, ns, local);
		break;
	case K_FIELD:
		wxr_fail(r, "%s's %s holds an element %s: WXR fields hold text only",
			 rec_label(r, lab, sizeof lab), r->fname, qname(q, sizeof q, ns, local));
		break;
	default:
		break;
	}
	if (!r->rc)
		r->kind[r->depth++] = (unsigned char)k;
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
	struct rd *r = ud;
	(void)name;
	if (r->rc || !r->depth)
		return;
	switch (r->kind[--r->depth]) {
	case K_FIELD:
		end_field(r);
		break;
	case K_RECORD:
		end_record(r);
		break;
	case K_CHANNEL:
		send_channel(r, "</channel>");
		r->rec = R_NONE;
		break;
	case K_RSS:
		if (!r->saw_channel)
			wxr_fail(r, "not a WordPress export (WXR): <rss> holds no <channel>");
		break;
	default:
		break;
	}
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
	struct rd *r = ud;
	if (r->rc || !r->depth || r->kind[r->depth - 1] != K_FIELD || len <= 0)
		return;
	if (memchr(s, '\0', (size_t)len)) { /* expat never gives one; the promise to callers rests on it */
		wxr_fail(r, "a NUL character");
		return;
	}
	field_text(r, s, (size_t)len);
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid, const XML_Char *pubid,
			       int has_internal_subset)
{
	struct rd *r = ud;
	char q[48];
	(void)sysid, (void)pubid, (void)has_internal_subset;
	wxr_fail(r, "a DOCTYPE (<!DOCTYPE %s>): WordPress exports have none; entities are not read",
		 wxr_quoted(q, sizeof q, name, strlen(name)));
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_pe, const XML_Char *value, int vlen,
			      const XML_Char *base, const XML_Char *sysid, const XML_Char *pubid,
			      const XML_Char *notation)
{
	struct rd *r = ud;
	char q[48];
	(void)is_pe, (void)value, (void)vlen, (void)base, (void)sysid, (void)pubid, (void)notation;
	wxr_fail(r, "an entity declaration (%s): WordPress exports have none; entities are not read",
		 wxr_quoted(q, sizeof q, name, strlen(name)));
}

static void XMLCALL on_pi(void *ud, const XML_Char *target, const XML_Char *data)
{
	struct rd *r = ud;
	char q[48];
	(void)data;
	wxr_fail(r, "a processing instruction <?%s ...?>: WordPress exports have none",
		 wxr_quoted(q, sizeof q, target, strlen(target)));
}

static int XMLCALL on_unknown_encoding(void *ud, const XML_Char *name, XML_Encoding *info)
{
	struct rd *r = ud;
	(void)info;
	wxr_quoted(r->encoding, sizeof r->encoding, name, strlen(name));
	return XML_STATUS_ERROR;
}

/* ---- reading ---- */

/* The message for expat's own refusal (not one a handler gave). */
static void parse_failed(struct rd *r, int64_t total, int at_end)
{
	enum XML_Error code = XML_GetErrorCode(r->p);
	unsigned long line = (unsigned long)XML_GetCurrentLineNumber(r->p),
		      col = (unsigned long)XML_GetCurrentColumnNumber(r->p) + 1;
	char w[32], lab[48];
	r->rc = -1;
	if (code == XML_ERROR_NO_MEMORY && r->mem_refused)
		wxr_say(r, line, col,
			"over %s of markup held at once: a tag or comment is too long, or there are too many "
			"different element names",
			size_words(w, sizeof w, r->mem_cap));
	else if (code == XML_ERROR_UNKNOWN_ENCODING && r->encoding[0])
		wxr_say(r, line, col, "the encoding \"%s\" is unknown here: WordPress exports are UTF-8",
			r->encoding);
	else if (total == 0)
		wxr_say(r, line, col, "%s: the file is empty", XML_ErrorString(code));
	else if (!r->saw_root)
		wxr_say(r, line, col, "%s, before any element: not a WordPress export (WXR)",
			XML_ErrorString(code));
	else if (at_end && r->depth && r->rec != R_NONE && r->rec != R_CHANNEL)
		wxr_say(r, line, col, "%s: the file ends inside %s (from line %lu), cut short",
			XML_ErrorString(code), rec_label(r, lab, sizeof lab), r->rec_line);
	else if (at_end && r->depth)
		wxr_say(r, line, col, "%s: the file ends before </rss>, cut short", XML_ErrorString(code));
	else
		wxr_say(r, line, col, "%s", XML_ErrorString(code));
}

static void limits(struct wxr_limits *l, const struct wxr_limits *given)
{
	static const struct wxr_limits def = {16 * MIB, 32 * MIB, 2000, 2000, 64};
	*l = given ? *given : def;
	l->field_bytes = l->field_bytes ? l->field_bytes : def.field_bytes;
	l->item_bytes = l->item_bytes ? l->item_bytes : def.item_bytes;
	l->terms = l->terms ? l->terms : def.terms;
	l->meta = l->meta ? l->meta : def.meta;
	l->depth = l->depth ? l->depth : def.depth;
	if (l->depth > 4096)
		l->depth = 4096;
}

static void read_all(struct rd *r, int fd)
{
	int64_t total = 0;
	for (;;) {
		void *buf = XML_GetBuffer(r->p, BLOCK);
		if (!buf) {
			parse_failed(r, total, 0);
			return;
		}
		ssize_t n;
		do
			n = read(fd, buf, BLOCK);
		while (n < 0 && errno == EINTR);
		if (n < 0) {
			r->rc = -1;
			if (r->err && r->errlen)
				snprintf(r->err, r->errlen, "reading the export after byte %lld: %s",
					 (long long)total, strerror(errno));
			return;
		}
		total += n;
		if (XML_ParseBuffer(r->p, (int)n, n == 0) != XML_STATUS_OK) {
			if (!r->rc)
				parse_failed(r, total, n == 0);
			return;
		}
		if (r->rc || n == 0)
			return;
		if (r->h->progress)
			r->h->progress(r->h->ctx, total);
	}
}

int wxr_read(int fd, const struct wxr_handler *h, const struct wxr_limits *lim, char *err, size_t errlen)
{
	struct rd r = {.h = h, .err = err, .errlen = err ? errlen : 0, .rec = R_NONE};
	if (r.errlen)
		err[0] = '\0';
	limits(&r.lim, lim);
	/* expat holds one token whole (a tag, a comment) and every distinct name it met: a cap, not a guess
	 */
	r.mem_cap = r.lim.field_bytes > (SIZE_MAX - 4 * MIB) / 4 ? SIZE_MAX : 4 * r.lim.field_bytes + 4 * MIB;
	r.kind = malloc(r.lim.depth);
	if (!r.kind) {
		if (r.errlen)
			snprintf(err, errlen, "out of memory");
		return -1;
	}
	struct rd *outer = mem_owner;
	mem_owner = &r;
	static const XML_Memory_Handling_Suite mm = {mm_malloc, mm_realloc, mm_free};
	r.p = XML_ParserCreate_MM(NULL, &mm, NSSEP);
	if (r.p) {
		XML_SetUserData(r.p, &r);
		XML_SetParamEntityParsing(r.p, XML_PARAM_ENTITY_PARSING_NEVER);
		XML_SetElementHandler(r.p, on_start, on_end);
		XML_SetCharacterDataHandler(r.p, on_text);
		XML_SetStartDoctypeDeclHandler(r.p, on_doctype);
		XML_SetEntityDeclHandler(r.p, on_entity);
		XML_SetProcessingInstructionHandler(r.p, on_pi);
		XML_SetUnknownEncodingHandler(r.p, on_unknown_encoding, &r);
		read_all(&r, fd);
		XML_ParserFree(r.p);
	} else {
		r.rc = -1;
		if (r.errlen)
			snprintf(err, errlen, "out of memory");
	}
	mem_owner = outer;
	free(r.kind);
	free(r.a);
	free(r.terms);
	free(r.tv);
	free(r.meta);
	free(r.mv);
	return r.rc;
}
