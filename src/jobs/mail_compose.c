/* mail_compose: builds one message with GMime from checked fields, then prepends its DKIM signature. */
#include "jobs/mail_compose.h"

#include <gmime/gmime.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "core/log.h"
#include "jobs/dkim.h"

/* an unsubscribe URL: its List-Unsubscribe line, written as it is, stays under RFC 5322's 998 bytes */
#define URL_MAX 900
#define LINE_MAX_BYTES 998 /* a header field's value (RFC 5322 2.1.1) */

static pthread_once_t gmime_once = PTHREAD_ONCE_INIT;

static void gmime_setup(void)
{
	g_mime_init();
}

static int refuse(const char *what)
{
	log_warn("mail: a message was not composed: %s", what);
	return -1;
}

/* Valid UTF-8 without any control character (a header's value). */
static int one_line_ok(const char *s, size_t max)
{
	size_t n = strlen(s);
	if (n > max || !g_utf8_validate(s, (gssize)n, NULL))
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p < 0x20 || *p == 0x7F)
			return 0;
	return 1;
}

/* Valid UTF-8 whose only control characters are line ends and tabs (a body). */
static int body_ok(const char *s)
{
	if (!g_utf8_validate(s, -1, NULL))
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < 0x20 && *p != '\n' && *p != '\r' && *p != '\t') || *p == 0x7F)
			return 0;
	return 1;
}

/* Printable ASCII without space or any of the characters in bad. */
static int ascii_ok(const char *s, size_t max, const char *bad)
{
	size_t n = strlen(s);
	if (n == 0 || n > max)
		return 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p <= 0x20 || *p >= 0x7F || strchr(bad, *p))
			return 0;
	return 1;
}

/* A bare address: text, one '@', text; nothing that could start a name, a group or another address. */
static int address_ok(const char *a)
{
	const char *at = strchr(a, '@');
	return ascii_ok(a, 254, "<>()[],;:\\\"") && at && at != a && at[1] && !strchr(at + 1, '@');
}

static int url_ok(const char *u)
{
	return (strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0) &&
	       ascii_ok(u, URL_MAX, "<>\"");
}

/* RFC 2919's list-id: a dot-atom. */
static int list_id_ok(const char *id)
{
	return ascii_ok(id, 255, "<>()[],;:\\\"@") && id[0] != '.' && !strstr(id, "..") &&
	       id[strlen(id) - 1] != '.';
}

/* The message id without its angle brackets into out (size n), or 0 when it is not one. */
static int message_id_of(const char *id, char *out, size_t n)
{
	size_t len = strlen(id);
	if (len >= 2 && id[0] == '<' && id[len - 1] == '>')
		id++, len -= 2;
	if (len == 0 || len >= n)
		return 0;
	memcpy(out, id, len);
	out[len] = '\0';
	const char *at = strchr(out, '@');
	return ascii_ok(out, 250, "<>()[],;:\\\"") && at && at != out && at[1] && !strchr(at + 1, '@');
}

/* A copy of a body without CR: GMime writes every line end as CRLF. */
static char *without_cr(const char *s)
{
	char *copy = g_malloc(strlen(s) + 1), *o = copy;
	for (; *s; s++)
		if (*s != '\r')
			*o++ = *s;
	*o = '\0';
	return copy;
}

static GMimeObject *text_part(const char *subtype, const char *content)
{
	GMimeTextPart *part = g_mime_text_part_new_with_subtype(subtype);
	char *lf = without_cr(content);
	/* the bytes as given, labelled UTF-8 (g_mime_text_part_set_text would recode to Latin-1) */
	GByteArray *bytes = g_byte_array_new_take((guint8 *)lf, strlen(lf));
	GMimeStream *stream = g_mime_stream_mem_new_with_byte_array(bytes);
	GMimeDataWrapper *wrapper =
	    g_mime_data_wrapper_new_with_stream(stream, GMIME_CONTENT_ENCODING_DEFAULT);
	GMimePart *p = GMIME_PART(part);
	g_mime_part_set_content(p, wrapper);
	g_object_unref(wrapper);
	g_object_unref(stream);
	g_mime_text_part_set_charset(part, "utf-8");
	g_mime_part_set_content_encoding(
	    p, g_mime_part_get_best_content_encoding(p, GMIME_ENCODING_CONSTRAINT_7BIT));
	return GMIME_OBJECT(part);
}

/* Checks every field; NULL when they are fine, else what is wrong. */
static const char *check(const struct mail_msg *in, char *mid, size_t mid_size)
{
	if (!in->from || !in->to || !in->subject || !in->text)
		return "from, to, subject and text are required";
	if (!one_line_ok(in->from, 255))
		return "the sender holds a control character or is not UTF-8";
	if (!address_ok(in->to))
		return "the recipient is not a bare address";
	if (!one_line_ok(in->subject, LINE_MAX_BYTES - 100))
		return "the subject holds a control character, is too long or is not UTF-8";
	if (!body_ok(in->text) || (in->html && !body_ok(in->html)))
		return "a body holds a control character or is not UTF-8";
	if (in->unsubscribe_url && !url_ok(in->unsubscribe_url))
		return "the unsubscribe URL is not a plain http(s) URL";
	if (in->list_id && !list_id_ok(in->list_id))
		return "the list id is not a dot-atom";
	if (in->list_name && !one_line_ok(in->list_name, 200))
		return "the list name holds a control character or is not UTF-8";
	if (in->message_id && !message_id_of(in->message_id, mid, mid_size))
		return "the Message-ID is not <id@host>";
	return NULL;
}

/* The message, or NULL (with *why) when the sender cannot be read. */
static GMimeMessage *build(const struct mail_msg *in, const char *mid, const char **why)
{
	InternetAddressList *from = internet_address_list_parse(NULL, in->from);
	InternetAddress *sender = from && internet_address_list_length(from) == 1
				      ? internet_address_list_get_address(from, 0)
				      : NULL;
	if (!sender || !INTERNET_ADDRESS_IS_MAILBOX(sender) ||
	    !address_ok(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(sender)))) {
		if (from)
			g_object_unref(from);
		*why = "the sender (mail_from) is not one address";
		return NULL;
	}
	GMimeMessage *msg = g_mime_message_new(TRUE);
	GMimeObject *obj = GMIME_OBJECT(msg);
	const char *from_addr = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(sender));
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, internet_address_get_name(sender),
				   from_addr);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_TO, NULL, in->to);
	g_mime_message_set_subject(msg, in->subject, "utf-8");
	GDateTime *date = g_date_time_new_from_unix_utc(in->date ? in->date : (int64_t)time(NULL));
	g_mime_message_set_date(msg, date);
	g_date_time_unref(date);
	if (mid) {
		g_mime_message_set_message_id(msg, mid);
	} else {
		char *fresh = g_mime_utils_generate_message_id(strchr(from_addr, '@') + 1);
		g_mime_message_set_message_id(msg, fresh);
		g_free(fresh);
	}
	g_object_unref(from);
	g_mime_object_set_header(obj, "MIME-Version", "1.0", NULL);
	if (in->unsubscribe_url) {
		/* written as it is: GMime would make a long value RFC 2047 encoded-words, which no mail
		 * client reads as the <URL> of RFC 2369 (url_ok allows no space, control or non-ASCII byte in
		 * it) */
		char *v = g_strdup_printf("<%s>", in->unsubscribe_url);
		g_mime_object_set_header(obj, "List-Unsubscribe", v, NULL);
		g_free(v);
		v = g_strdup_printf(" <%s>\n", in->unsubscribe_url);
		g_mime_header_set_raw_value(
		    g_mime_header_list_get_header(g_mime_object_get_header_list(obj), "List-Unsubscribe"), v);
		g_free(v);
		g_mime_object_set_header(obj, "List-Unsubscribe-Post", "List-Unsubscribe=One-Click", NULL);
	}
	if (in->list_id) {
		char *phrase = in->list_name && in->list_name[0]
				   ? g_mime_utils_header_encode_phrase(NULL, in->list_name, "utf-8")
				   : NULL;
		char *v = g_strdup_printf("%s%s<%s>", phrase ? phrase : "", phrase ? " " : "", in->list_id);
		g_mime_object_set_header(obj, "List-Id", v, NULL);
		g_free(v);
		g_free(phrase);
	}
	GMimeObject *text = text_part("plain", in->text);
	if (in->html) {
		GMimeMultipart *alt = g_mime_multipart_new_with_subtype("alternative");
		GMimeObject *html = text_part("html", in->html);
		g_mime_multipart_add(alt, text);
		g_mime_multipart_add(alt, html);
		g_object_unref(text);
		g_object_unref(html);
		g_mime_message_set_mime_part(msg, GMIME_OBJECT(alt));
		g_object_unref(alt);
	} else {
		g_mime_message_set_mime_part(msg, text);
		g_object_unref(text);
	}
	return msg;
}

void mail_compose_init(void)
{
	pthread_once(&gmime_once, gmime_setup);
}

int mail_compose(const struct mail_msg *in, const struct dkim_signer *dkim, buf *out)
{
	pthread_once(&gmime_once, gmime_setup);
	char mid[256];
	const char *why = check(in, mid, sizeof mid);
	if (why)
		return refuse(why);
	GMimeMessage *msg = build(in, in->message_id ? mid : NULL, &why);
	if (!msg)
		return refuse(why);
	GMimeFormatOptions *fo = g_mime_format_options_new();
	g_mime_format_options_set_newline_format(fo, GMIME_NEWLINE_FORMAT_DOS);
	GMimeStream *stream = g_mime_stream_mem_new();
	ssize_t wrote = g_mime_object_write_to_stream(GMIME_OBJECT(msg), fo, stream);
	GByteArray *bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
	int rc = 0;
	if (wrote < 0) {
		rc = refuse("GMime could not write it");
	} else {
		size_t start = out->len;
		if (dkim && dkim_signer_sign(dkim, (const char *)bytes->data, bytes->len, out) != 0) {
			rc = -1; /* logged by the signer */
			out->len = start;
			if (out->p)
				out->p[start] = '\0';
		} else {
			buf_add(out, bytes->data, bytes->len);
		}
	}
	g_object_unref(stream);
	g_mime_format_options_free(fo);
	g_object_unref(msg);
	return rc;
}
