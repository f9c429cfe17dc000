/* wxr: the WXR reader's records: each author, term or item gathered in one arena from its fields, checked,
 * and given to the caller; the messages it stops with (wxr_expat.c drives expat and reads the file). */
#include "import/wxr.h"
#include "import/wxr_read.h"

#include <errno.h>
#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const XML_Char NSSEP[] = "\n";

/* The elements kept, by record; the rest is skipped unread. */
static const struct field fields[] = {
    {R_CHANNEL, NS_NONE, C_TITLE, 0, "title"},
    {R_CHANNEL, NS_NONE, C_LINK, 0, "link"},
    {R_CHANNEL, NS_NONE, C_LANGUAGE, 0, "language"},
    {R_CHANNEL, NS_WP, C_VERSION, 0, "wxr_version"},
    {R_CHANNEL, NS_WP, C_SITE, 0, "base_site_url"},
    {R_CHANNEL, NS_WP, C_BLOG, 0, "base_blog_url"},
    {R_AUTHOR, NS_WP, A_ID, 1, "author_id"},
    {R_AUTHOR, NS_WP, A_LOGIN, 0, "author_login"},
    {R_AUTHOR, NS_WP, A_EMAIL, 0, "author_email"},
    {R_AUTHOR, NS_WP, A_DISPLAY, 0, "author_display_name"},
    {R_AUTHOR, NS_WP, A_FIRST, 0, "author_first_name"},
    {R_AUTHOR, NS_WP, A_LAST, 0, "author_last_name"},
    {R_CATEGORY, NS_WP, T_ID, 1, "term_id"},
    {R_CATEGORY, NS_WP, T_SLUG, 0, "category_nicename"},
    {R_CATEGORY, NS_WP, T_PARENT, 0, "category_parent"},
    {R_CATEGORY, NS_WP, T_NAME, 0, "cat_name"},
    {R_CATEGORY, NS_WP, T_DESCRIPTION, 0, "category_description"},
    {R_TAG, NS_WP, T_ID, 1, "term_id"},
    {R_TAG, NS_WP, T_SLUG, 0, "tag_slug"},
    {R_TAG, NS_WP, T_NAME, 0, "tag_name"},
    {R_TAG, NS_WP, T_DESCRIPTION, 0, "tag_description"},
    {R_TERM, NS_WP, T_ID, 1, "term_id"},
    {R_TERM, NS_WP, T_TAXONOMY, 0, "term_taxonomy"},
    {R_TERM, NS_WP, T_SLUG, 0, "term_slug"},
    {R_TERM, NS_WP, T_PARENT, 0, "term_parent"},
    {R_TERM, NS_WP, T_NAME, 0, "term_name"},
    {R_TERM, NS_WP, T_DESCRIPTION, 0, "term_description"},
    {R_ITEM, NS_NONE, I_TITLE, 0, "title"},
    {R_ITEM, NS_NONE, I_LINK, 0, "link"},
    {R_ITEM, NS_NONE, I_GUID, 0, "guid"},
    {R_ITEM, NS_DC, I_CREATOR, 0, "creator"},
    {R_ITEM, NS_CONTENT, I_CONTENT, 0, "encoded"},
    {R_ITEM, NS_EXCERPT, I_EXCERPT, 0, "encoded"},
    {R_ITEM, NS_WP, I_DATE, 0, "post_date"},
    {R_ITEM, NS_WP, I_DATE_GMT, 0, "post_date_gmt"},
    {R_ITEM, NS_WP, I_NAME, 0, "post_name"},
    {R_ITEM, NS_WP, I_STATUS, 0, "status"},
    {R_ITEM, NS_WP, I_TYPE, 0, "post_type"},
    {R_ITEM, NS_WP, I_PASSWORD, 0, "post_password"},
    {R_ITEM, NS_WP, I_ATTACHMENT, 0, "attachment_url"},
    {R_ITEM, NS_WP, I_ID, 1, "post_id"},
    {R_ITEM, NS_WP, I_PARENT, 1, "post_parent"},
    {R_ITEM, NS_WP, I_ORDER, 1, "menu_order"},
    {R_ITEM, NS_WP, I_STICKY, 1, "is_sticky"},
};

/* ---- expat's memory, counted against a cap so no tag, comment or name table grows without bound ---- */

_Thread_local struct rd *mem_owner;
enum { HDR = _Alignof(max_align_t) };

void *mm_malloc(size_t n)
{
	struct rd *r = mem_owner;
	if (n > r->mem_cap - r->mem_used) {
		r->mem_refused = 1;
		return NULL;
	}
	unsigned char *b = malloc(HDR + n);
	if (!b)
		return NULL;
	memcpy(b, &n, sizeof n);
	r->mem_used += n;
	return b + HDR;
}

void mm_free(void *p)
{
	if (!p)
		return;
	unsigned char *b = (unsigned char *)p - HDR;
	size_t n;
	memcpy(&n, b, sizeof n);
	mem_owner->mem_used -= n;
	free(b);
}

void *mm_realloc(void *p, size_t n)
{
	if (!p)
		return mm_malloc(n);
	struct rd *r = mem_owner;
	unsigned char *b = (unsigned char *)p - HDR;
	size_t old;
	memcpy(&old, b, sizeof old);
	if (n > old && n - old > r->mem_cap - r->mem_used) {
		r->mem_refused = 1;
		return NULL;
	}
	unsigned char *nb = realloc(b, HDR + n);
	if (!nb)
		return NULL;
	memcpy(nb, &n, sizeof n);
	r->mem_used = r->mem_used - old + n;
	return nb + HDR;
}

/* ---- messages ---- */

/* s (len bytes) for a message: at most 40 bytes, whole UTF-8 characters, control characters as '?' */
const char *wxr_quoted(char *out, size_t n, const char *s, size_t len)
{
	size_t max = n - 4 < 40 ? n - 4 : 40, k = 0, whole = len;
	if (len > max) {
		len = max;
		while (len && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
	}
	for (; k < len; k++)
		out[k] = (unsigned char)s[k] < 0x20 || s[k] == 0x7f ? '?' : s[k];
	out[k] = '\0';
	if (k < whole)
		strcat(out, "...");
	return out;
}

const char *qname(char *out, size_t n, enum ns ns, const char *local)
{
	static const char *const prefix[] = {"", "wp:", "excerpt:", "content:", "dc:", ""};
	char q[48];
	snprintf(out, n, "<%s%s>", prefix[ns], wxr_quoted(q, sizeof q, local, strlen(local)));
	return out;
}

/* "16 MiB", "64 KiB" or "100 bytes" */
const char *size_words(char *out, size_t n, size_t bytes)
{
	if (bytes && bytes % MIB == 0)
		snprintf(out, n, "%zu MiB", bytes / MIB);
	else if (bytes && bytes % 1024 == 0)
		snprintf(out, n, "%zu KiB", bytes / 1024);
	else
		snprintf(out, n, "%zu bytes", bytes);
	return out;
}

const char *rec_label(struct rd *r, char *out, size_t n)
{
	static const char *const word[] = {"the channel", "author", "category", "tag", "term", "item"};
	if (r->rec == R_CHANNEL || r->rec == R_NONE)
		snprintf(out, n, "the channel");
	else
		snprintf(out, n, "%s %lu", word[r->rec], r->count[r->rec]);
	return out;
}

__attribute__((format(printf, 4, 0))) static void vsay(struct rd *r, unsigned long line, unsigned long col,
						       const char *fmt, va_list ap)
{
	if (!r->err || !r->errlen)
		return;
	int n = snprintf(r->err, r->errlen, "line %lu, column %lu: ", line, col);
	if (n >= 0 && (size_t)n < r->errlen)
		vsnprintf(r->err + n, r->errlen - (size_t)n, fmt, ap);
}

__attribute__((format(printf, 4, 5))) void wxr_say(struct rd *r, unsigned long line, unsigned long col,
						   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsay(r, line, col, fmt, ap);
	va_end(ap);
}

/* Stops the reading with "line L, column C: ..." at the start of the open field. */
__attribute__((format(printf, 2, 3))) static void fail_field(struct rd *r, const char *fmt, ...)
{
	if (r->rc)
		return;
	r->rc = -1;
	va_list ap;
	va_start(ap, fmt);
	vsay(r, r->fline, r->fcol, fmt, ap);
	va_end(ap);
	XML_StopParser(r->p, XML_FALSE);
}

/* Stops the reading with "line L, column C: ..." at the event expat is reporting. */
__attribute__((format(printf, 2, 3))) void wxr_fail(struct rd *r, const char *fmt, ...)
{
	if (r->rc)
		return;
	r->rc = -1;
	va_list ap;
	va_start(ap, fmt);
	vsay(r, (unsigned long)XML_GetCurrentLineNumber(r->p),
	     (unsigned long)XML_GetCurrentColumnNumber(r->p) + 1, fmt, ap);
	va_end(ap);
	XML_StopParser(r->p, XML_FALSE);
}

/* ---- the record's arena ---- */

static int put(struct rd *r, const char *s, size_t n)
{
	char w[32], lab[48];
	if (n > r->lim.item_bytes - r->len) {
		fail_field(r, "%s is over %s in all", rec_label(r, lab, sizeof lab),
			   size_words(w, sizeof w, r->lim.item_bytes));
		return -1;
	}
	if (r->len + n > r->cap) {
		size_t cap = r->cap ? r->cap : 4096;
		while (cap < r->len + n)
			cap *= 2;
		if (cap > r->lim.item_bytes)
			cap = r->lim.item_bytes;
		char *a = realloc(r->a, cap);
		if (!a) {
			fail_field(r, "out of memory for %s", rec_label(r, lab, sizeof lab));
			return -1;
		}
		r->a = a;
		r->cap = cap;
	}
	memcpy(r->a + r->len, s, n);
	r->len += n;
	return 0;
}

static const char *str(struct rd *r, size_t off)
{
	return off == UNSET ? "" : r->a + off;
}

/* ---- names ---- */

static enum ns ns_of(const char *uri, size_t n)
{
	static const char wp[] = "http://wordpress.org/export/1.";
	static const char content[] = "http://purl.org/rss/1.0/modules/content/";
	static const char dc[] = "http://purl.org/dc/elements/1.1/";
	if (n == sizeof content - 1 && !memcmp(uri, content, n))
		return NS_CONTENT;
	if (n == sizeof dc - 1 && !memcmp(uri, dc, n))
		return NS_DC;
	if (n <= sizeof wp - 1 || memcmp(uri, wp, sizeof wp - 1))
		return NS_OTHER;
	size_t i = sizeof wp - 1, d = i;
	while (i < n && uri[i] >= '0' && uri[i] <= '9')
		i++;
	if (i == d || i == n || uri[i] != '/')
		return NS_OTHER;
	i++;
	if (i == n)
		return NS_WP;
	if (n - i == 8 && !memcmp(uri + i, "excerpt/", 8))
		return NS_EXCERPT;
	return NS_OTHER;
}

const char *wxr_split(const char *name, enum ns *ns)
{
	const char *sep = strchr(name, NSSEP[0]);
	if (!sep) {
		*ns = NS_NONE;
		return name;
	}
	*ns = ns_of(name, (size_t)(sep - name));
	return sep + 1;
}

const struct field *field_of(enum rec rec, enum ns ns, const char *local)
{
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i].rec == rec && fields[i].ns == ns && !strcmp(fields[i].local, local))
			return &fields[i];
	return NULL;
}

enum rec rec_of(enum ns ns, const char *local)
{
	if (ns == NS_NONE)
		return strcmp(local, "item") ? R_NONE : R_ITEM;
	if (ns != NS_WP)
		return R_NONE;
	if (!strcmp(local, "author"))
		return R_AUTHOR;
	if (!strcmp(local, "category"))
		return R_CATEGORY;
	if (!strcmp(local, "tag"))
		return R_TAG;
	if (!strcmp(local, "term"))
		return R_TERM;
	return R_NONE;
}

/* ---- records ---- */

void begin_record(struct rd *r, enum rec rec)
{
	r->rec = rec;
	if (rec != R_CHANNEL) {
		r->count[rec]++;
		r->rec_line = (unsigned long)XML_GetCurrentLineNumber(r->p);
	}
	r->len = 0;
	for (int i = 0; i < NSLOT; i++) {
		r->off[i] = UNSET;
		r->num[i] = 0;
	}
	r->nterms = r->nmeta = r->ncomments = 0;
}

/* Stops the reading when a callback said so; its err stays as it left it. */
static void called(struct rd *r, int rc)
{
	if (rc && !r->rc) {
		r->rc = rc;
		XML_StopParser(r->p, XML_FALSE);
	}
}

static int known_version(const char *v)
{
	v += strspn(v, " \t\r\n");
	return (!strncmp(v, "1.0", 3) || !strncmp(v, "1.1", 3) || !strncmp(v, "1.2", 3)) &&
	       !v[3 + strspn(v + 3, " \t\r\n")];
}

/* The channel callback, once, before the first record: only once it is a WordPress export. */
void send_channel(struct rd *r, const char *before)
{
	if (r->channel_sent)
		return;
	r->channel_sent = 1;
	if (r->off[C_VERSION] == UNSET) {
		if (r->odd_version[0])
			wxr_fail(
			    r,
			    "not a WordPress export (WXR): its <wxr_version> is in the namespace \"%s\", not "
			    "http://wordpress.org/export/1.2/",
			    r->odd_version);
		else
			wxr_fail(r,
				 "not a WordPress export (WXR): no <wp:wxr_version> in <channel> before %s",
				 before);
		return;
	}
	struct wxr_channel c = {
	    .title = str(r, r->off[C_TITLE]),
	    .link = str(r, r->off[C_LINK]),
	    .base_site_url = str(r, r->off[C_SITE]),
	    .base_blog_url = str(r, r->off[C_BLOG]),
	    .wxr_version = str(r, r->off[C_VERSION]),
	    .language = str(r, r->off[C_LANGUAGE]),
	};
	if (r->h->channel)
		called(r, r->h->channel(r->h->ctx, &c));
}

void end_record(struct rd *r)
{
	const struct wxr_handler *h = r->h;
	char lab[48];
	switch (r->rec) {
	case R_AUTHOR: {
		struct wxr_author a = {
		    .id = r->num[A_ID],
		    .login = str(r, r->off[A_LOGIN]),
		    .email = str(r, r->off[A_EMAIL]),
		    .display_name = str(r, r->off[A_DISPLAY]),
		    .first_name = str(r, r->off[A_FIRST]),
		    .last_name = str(r, r->off[A_LAST]),
		};
		if (h->author)
			called(r, h->author(h->ctx, &a));
		break;
	}
	case R_CATEGORY:
	case R_TAG:
	case R_TERM: {
		struct wxr_term t = {
		    .id = r->num[T_ID],
		    .taxonomy = r->rec == R_CATEGORY ? "category"
				: r->rec == R_TAG    ? "post_tag"
						     : str(r, r->off[T_TAXONOMY]),
		    .slug = str(r, r->off[T_SLUG]),
		    .name = str(r, r->off[T_NAME]),
		    .parent = str(r, r->off[T_PARENT]),
		    .description = str(r, r->off[T_DESCRIPTION]),
		};
		if (h->term)
			called(r, h->term(h->ctx, &t));
		break;
	}
	case R_ITEM: {
		if (r->off[I_ID] == UNSET) {
			wxr_fail(r, "%s (from line %lu) has no <wp:post_id>", rec_label(r, lab, sizeof lab),
				 r->rec_line);
			return;
		}
		for (size_t i = 0; i < r->nterms; i++) {
			r->tv[i].domain = str(r, r->terms[i].domain);
			r->tv[i].nicename = str(r, r->terms[i].nicename);
			r->tv[i].name = str(r, r->terms[i].name);
		}
		for (size_t i = 0; i < r->nmeta; i++) {
			r->mv[i].key = str(r, r->meta[i].key);
			r->mv[i].value = str(r, r->meta[i].value);
		}
		struct wxr_item it = {
		    .post_id = r->num[I_ID],
		    .post_parent = r->num[I_PARENT],
		    .menu_order = r->num[I_ORDER],
		    .line = (int64_t)r->rec_line,
		    .sticky = r->num[I_STICKY] != 0,
		    .title = str(r, r->off[I_TITLE]),
		    .link = str(r, r->off[I_LINK]),
		    .guid = str(r, r->off[I_GUID]),
		    .creator = str(r, r->off[I_CREATOR]),
		    .content = str(r, r->off[I_CONTENT]),
		    .excerpt = str(r, r->off[I_EXCERPT]),
		    .post_date = str(r, r->off[I_DATE]),
		    .post_date_gmt = str(r, r->off[I_DATE_GMT]),
		    .post_name = str(r, r->off[I_NAME]),
		    .status = str(r, r->off[I_STATUS]),
		    .post_type = str(r, r->off[I_TYPE]),
		    .password = str(r, r->off[I_PASSWORD]),
		    .attachment_url = str(r, r->off[I_ATTACHMENT]),
		    .terms = r->nterms ? r->tv : NULL,
		    .nterms = r->nterms,
		    .meta = r->nmeta ? r->mv : NULL,
		    .nmeta = r->nmeta,
		    .ncomments = r->ncomments,
		};
		if (h->item)
			called(r, h->item(h->ctx, &it));
		break;
	}
	default:
		break;
	}
	r->rec = R_NONE;
	r->len = 0;
}

/* ---- fields ---- */

void begin_field(struct rd *r, enum target tg, int slot, int integer, enum ns ns, const char *local)
{
	r->tg = tg;
	r->slot = slot;
	r->integer = integer;
	r->start = r->len;
	r->fline = (unsigned long)XML_GetCurrentLineNumber(r->p);
	r->fcol = (unsigned long)XML_GetCurrentColumnNumber(r->p) + 1;
	qname(r->fname, sizeof r->fname, ns, local);
}

void field_text(struct rd *r, const char *s, size_t n)
{
	char w[32], lab[48];
	if (n > r->lim.field_bytes - (r->len - r->start)) {
		fail_field(r, "%s's %s is over %s", rec_label(r, lab, sizeof lab), r->fname,
			   size_words(w, sizeof w, r->lim.field_bytes));
		return;
	}
	put(r, s, n);
}

/* a whole number, blanks around it allowed */
static int parse_int(const char *s, int64_t *out)
{
	s += strspn(s, " \t\r\n");
	int neg = *s == '-';
	s += neg;
	if (*s < '0' || *s > '9')
		return -1;
	uint64_t v = 0, max = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; *s >= '0' && *s <= '9'; s++) {
		unsigned d = (unsigned)(*s - '0');
		if (v > (max - d) / 10)
			return -1;
		v = v * 10 + d;
	}
	if (s[strspn(s, " \t\r\n")])
		return -1;
	*out = neg ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
	return 0;
}

void end_field(struct rd *r)
{
	char lab[48], q[48];
	if (put(r, "", 1))
		return;
	size_t off = r->start;
	switch (r->tg) {
	case TG_TERMNAME:
		r->terms[r->nterms - 1].name = off;
		return;
	case TG_METAKEY:
		r->meta[r->nmeta - 1].key = off;
		return;
	case TG_METAVALUE:
		r->meta[r->nmeta - 1].value = off;
		return;
	case TG_SLOT:
		break;
	}
	const char *v = r->a + off;
	if (r->integer && parse_int(v, &r->num[r->slot])) {
		wxr_fail(r, "%s's %s is \"%s\", not a whole number", rec_label(r, lab, sizeof lab), r->fname,
			 wxr_quoted(q, sizeof q, v, strlen(v)));
		return;
	}
	if (r->rec == R_CHANNEL && r->slot == C_VERSION && !known_version(v)) {
		wxr_fail(
		    r,
		    "not a WordPress export (WXR): <wp:wxr_version> is \"%s\"; this reader knows 1.0, 1.1 "
		    "and 1.2",
		    wxr_quoted(q, sizeof q, v, strlen(v)));
		return;
	}
	r->off[r->slot] = off;
}

/* An item's <category domain=".." nicename="..">: its attributes go in the arena now. */
int begin_item_term(struct rd *r, const XML_Char **atts)
{
	char lab[48];
	if (r->nterms == r->lim.terms) {
		wxr_fail(r, "%s has over %zu terms (<category>)", rec_label(r, lab, sizeof lab),
			 r->lim.terms);
		return -1;
	}
	if (r->nterms == r->tcap) {
		size_t cap = r->tcap ? r->tcap * 2 : 16;
		cap = cap > r->lim.terms ? r->lim.terms : cap;
		struct tref *t = realloc(r->terms, cap * sizeof *t);
		if (t)
			r->terms = t;
		struct wxr_item_term *tv = t ? realloc(r->tv, cap * sizeof *tv) : NULL;
		if (!tv) {
			wxr_fail(r, "out of memory for %s", rec_label(r, lab, sizeof lab));
			return -1;
		}
		r->tv = tv;
		r->tcap = cap;
	}
	struct tref *t = &r->terms[r->nterms++];
	t->domain = t->nicename = t->name = UNSET;
	for (size_t i = 0; atts[i]; i += 2) {
		size_t *dst = !strcmp(atts[i], "domain")     ? &t->domain
			      : !strcmp(atts[i], "nicename") ? &t->nicename
							     : NULL;
		if (!dst)
			continue;
		begin_field(r, TG_SLOT, 0, 0, NS_NONE, "category");
		snprintf(r->fname, sizeof r->fname, "<category %s=\"..\">", atts[i]);
		field_text(r, atts[i + 1], strlen(atts[i + 1]));
		if (r->rc || put(r, "", 1))
			return -1;
		*dst = r->start;
	}
	return 0;
}

int begin_meta(struct rd *r)
{
	char lab[48];
	if (r->nmeta == r->lim.meta) {
		wxr_fail(r, "%s has over %zu <wp:postmeta>", rec_label(r, lab, sizeof lab), r->lim.meta);
		return -1;
	}
	if (r->nmeta == r->mcap) {
		size_t cap = r->mcap ? r->mcap * 2 : 16;
		cap = cap > r->lim.meta ? r->lim.meta : cap;
		struct mref *m = realloc(r->meta, cap * sizeof *m);
		if (m)
			r->meta = m;
		struct wxr_meta *mv = m ? realloc(r->mv, cap * sizeof *mv) : NULL;
		if (!mv) {
			wxr_fail(r, "out of memory for %s", rec_label(r, lab, sizeof lab));
			return -1;
		}
		r->mv = mv;
		r->mcap = cap;
	}
	r->meta[r->nmeta].key = r->meta[r->nmeta].value = UNSET;
	r->nmeta++;
	return 0;
}
