/* test_mail_compose: messages built by src/jobs/mail_compose.c, parsed back with GMime. */
#include <gmime/gmime.h>
#include <string.h>

#include "jobs/mail_compose.h"
#include "unit.h"

static GMimeMessage *parse(const buf *b)
{
	GMimeStream *stream = g_mime_stream_mem_new_with_buffer(b->p, b->len);
	GMimeParser *parser = g_mime_parser_new_with_stream(stream);
	GMimeMessage *msg = g_mime_parser_construct_message(parser, NULL);
	g_object_unref(parser);
	g_object_unref(stream);
	return msg;
}

static char *part_text(GMimeObject *obj)
{
	return GMIME_IS_TEXT_PART(obj) ? g_mime_text_part_get_text(GMIME_TEXT_PART(obj)) : NULL;
}

static const char *header(GMimeMessage *m, const char *name)
{
	return g_mime_object_get_header(GMIME_OBJECT(m), name);
}

/* Every line ends in CRLF, none longer than 998 bytes, and no byte is 8-bit. */
static int wire_ok(const buf *b)
{
	size_t line = 0;
	for (size_t i = 0; i < b->len; i++) {
		unsigned char c = (unsigned char)b->p[i];
		if (c >= 0x80 || (c == '\n' && (i == 0 || b->p[i - 1] != '\r')) ||
		    (c == '\r' && (i + 1 == b->len || b->p[i + 1] != '\n')))
			return 0;
		line = c == '\n' ? 0 : line + 1;
		if (line > 998)
			return 0;
	}
	return b->len > 2 && b->p[b->len - 1] == '\n';
}

static struct mail_msg base(void)
{
	return (struct mail_msg){.from = "Oncology News <news@example.org>",
				 .to = "reader@example.net",
				 .subject = "ASCO 2025: 12 new interviews",
				 .text = "Hello,\nplain text & <b>not html</b>\n",
				 .message_id = "<m1.abc@example.org>",
				 .date = 1735787045};
}

static void test_multipart(void)
{
	struct mail_msg m = base();
	m.subject = "Neues zu Lungenkrebs — ASCO «2025»";
	m.text = "Grüße,\nein Link: https://x.test/a?b=1&c=2\n";
	m.html = "<p>Grüße, <a href=\"https://x.test/a?b=1&amp;c=2\">ein Link</a></p>\n";
	m.unsubscribe_url = "https://x.test/unsubscribe?t=abc-_123";
	m.list_id = "news.x.test";
	m.list_name = "Oncology, News";
	buf out;
	buf_init(&out, NULL);
	CHECK(mail_compose(&m, NULL, &out) == 0);
	CHECK(wire_ok(&out));
	CHECK(strncmp(out.p, "From: ", 6) == 0 || strstr(out.p, "\r\nFrom: ") != NULL);
	GMimeMessage *msg = parse(&out);
	CHECK(msg != NULL);
	if (!msg) {
		buf_free(&out);
		return;
	}
	CHECK_STR(g_mime_message_get_subject(msg), m.subject);
	InternetAddressList *from = g_mime_message_get_from(msg);
	CHECK(internet_address_list_length(from) == 1);
	InternetAddress *f = internet_address_list_get_address(from, 0);
	CHECK_STR(internet_address_get_name(f), "Oncology News");
	CHECK_STR(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(f)), "news@example.org");
	InternetAddressList *to = g_mime_message_get_to(msg);
	CHECK(internet_address_list_length(to) == 1);
	CHECK_STR(internet_address_mailbox_get_addr(
		      INTERNET_ADDRESS_MAILBOX(internet_address_list_get_address(to, 0))),
		  "reader@example.net");
	CHECK_STR(g_mime_message_get_message_id(msg), "m1.abc@example.org");
	GDateTime *date = g_mime_message_get_date(msg);
	CHECK(date && g_date_time_to_unix(date) == 1735787045);
	CHECK_STR(header(msg, "MIME-Version"), "1.0");
	CHECK_STR(header(msg, "List-Unsubscribe"), "<https://x.test/unsubscribe?t=abc-_123>");
	CHECK_STR(header(msg, "List-Unsubscribe-Post"), "List-Unsubscribe=One-Click");
	CHECK_STR(header(msg, "List-Id"), "\"Oncology, News\" <news.x.test>");
	CHECK(strstr(out.p, "\r\nMIME-Version: 1.0\r\n") &&
	      !strstr(strstr(out.p, "MIME-Version") + 1, "MIME-Version"));
	GMimeObject *top = g_mime_message_get_mime_part(msg);
	CHECK(GMIME_IS_MULTIPART(top));
	if (GMIME_IS_MULTIPART(top)) {
		GMimeContentType *ct = g_mime_object_get_content_type(top);
		CHECK(g_mime_content_type_is_type(ct, "multipart", "alternative"));
		CHECK(g_mime_multipart_get_count(GMIME_MULTIPART(top)) == 2);
		GMimeObject *plain = g_mime_multipart_get_part(GMIME_MULTIPART(top), 0),
			    *html = g_mime_multipart_get_part(GMIME_MULTIPART(top), 1);
		CHECK(g_mime_content_type_is_type(g_mime_object_get_content_type(plain), "text", "plain"));
		CHECK(g_mime_content_type_is_type(g_mime_object_get_content_type(html), "text", "html"));
		CHECK_STR(g_mime_object_get_content_type_parameter(plain, "charset"), "utf-8");
		CHECK_STR(g_mime_object_get_content_type_parameter(html, "charset"), "utf-8");
		GMimeContentEncoding enc = g_mime_part_get_content_encoding(GMIME_PART(plain));
		CHECK(enc == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE || enc == GMIME_CONTENT_ENCODING_BASE64);
		char *t = part_text(plain), *h = part_text(html);
		/* parts decode to the text given, with CRLF line ends on the wire */
		CHECK(t && (strcmp(t, "Grüße,\r\nein Link: https://x.test/a?b=1&c=2\r\n") == 0 ||
			    strcmp(t, m.text) == 0));
		CHECK(h && strstr(h, "<a href=\"https://x.test/a?b=1&amp;c=2\">ein Link</a>"));
		g_free(t);
		g_free(h);
	}
	g_object_unref(msg);
	buf_free(&out);
}

static void test_text_only(void)
{
	struct mail_msg m = base();
	buf out;
	buf_init(&out, NULL);
	CHECK(mail_compose(&m, NULL, &out) == 0);
	CHECK(wire_ok(&out));
	CHECK(!strstr(out.p, "List-Unsubscribe") && !strstr(out.p, "List-Id") && !strstr(out.p, "DKIM"));
	GMimeMessage *msg = parse(&out);
	CHECK(msg != NULL);
	if (msg) {
		GMimeObject *top = g_mime_message_get_mime_part(msg);
		CHECK(GMIME_IS_TEXT_PART(top));
		CHECK(g_mime_content_type_is_type(g_mime_object_get_content_type(top), "text", "plain"));
		CHECK_STR(g_mime_message_get_subject(msg), "ASCO 2025: 12 new interviews");
		char *t = part_text(top);
		CHECK(t && strstr(t, "plain text & <b>not html</b>"));
		g_free(t);
		g_object_unref(msg);
	}
	/* no Message-ID or date given: a fresh one at the sender's domain, and now */
	m.message_id = NULL;
	m.date = 0;
	buf_reset(&out);
	CHECK(mail_compose(&m, NULL, &out) == 0);
	msg = parse(&out);
	if (msg) {
		const char *id = g_mime_message_get_message_id(msg);
		CHECK(id && strstr(id, "@example.org"));
		GDateTime *d = g_mime_message_get_date(msg);
		CHECK(d && g_date_time_to_unix(d) > 1735787045);
		g_object_unref(msg);
	}
	/* a long line without spaces and a lone CR still go out as 7-bit lines of at most 998 bytes */
	char big[3000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	big[100] = '\r';
	m.text = big;
	buf_reset(&out);
	CHECK(mail_compose(&m, NULL, &out) == 0);
	CHECK(wire_ok(&out));
	buf_free(&out);
}

/* Nothing a field holds can add a header or a recipient; bad fields are refused, out left as it was. */
static void test_refused(void)
{
	struct {
		const char *field, *value;
	} bad[] = {
	    {"subject", "Hi\r\nBcc: victim@example.com"},
	    {"subject", "Hi\nX-Evil: 1"},
	    {"subject", "tab\tinside"},
	    {"subject", "bad \xff utf-8"},
	    {"to", "a@example.net\r\nBcc: b@example.com"},
	    {"to", "a@example.net, b@example.com"},
	    {"to", "Name <a@example.net>"},
	    {"to", "no-at-sign"},
	    {"to", "a@b@c"},
	    {"from", "X <a@example.org>\r\nBcc: b@example.com"},
	    {"from", "a@example.org, b@example.org"},
	    {"from", "nobody"},
	    {"unsubscribe_url", "https://x.test/u\r\nBcc: b@example.com"},
	    {"unsubscribe_url", "javascript:alert(1)"},
	    {"unsubscribe_url", "https://x.test/u>, <mailto:evil@example.com"},
	    {"list_id", "a b.test"},
	    {"list_id", "x.test>\r\nBcc: y"},
	    {"list_name", "N\r\nBcc: y"},
	    {"message_id", "<a@b>\r\nBcc: y"},
	    {"message_id", "no-at"},
	    {"text", "NUL-less but \x01 control"},
	    {"html", "bad \xc3\x28 utf-8"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct mail_msg m = base();
		const char **slot = strcmp(bad[i].field, "subject") == 0	   ? &m.subject
				    : strcmp(bad[i].field, "to") == 0		   ? &m.to
				    : strcmp(bad[i].field, "from") == 0		   ? &m.from
				    : strcmp(bad[i].field, "unsubscribe_url") == 0 ? &m.unsubscribe_url
				    : strcmp(bad[i].field, "list_id") == 0	   ? &m.list_id
				    : strcmp(bad[i].field, "list_name") == 0	   ? &m.list_name
				    : strcmp(bad[i].field, "message_id") == 0	   ? &m.message_id
				    : strcmp(bad[i].field, "text") == 0		   ? &m.text
										   : &m.html;
		*slot = bad[i].value;
		if (slot == &m.list_name)
			m.list_id = "ok.test";
		buf out;
		buf_init(&out, NULL);
		buf_adds(&out, "kept");
		int rc = mail_compose(&m, NULL, &out);
		if (rc != -1 || strcmp(buf_cstr(&out), "kept") != 0)
			fprintf(stderr, "not refused: %s = %s\n", bad[i].field, bad[i].value);
		CHECK(rc == -1 && strcmp(buf_cstr(&out), "kept") == 0);
		buf_free(&out);
	}
	struct mail_msg m = base();
	m.text = NULL;
	buf out;
	buf_init(&out, NULL);
	CHECK(mail_compose(&m, NULL, &out) == -1);
	buf_free(&out);
}

/* A real unsubscribe URL (a long signed token) is written as it is: GMime encodes a long header value as
 * RFC 2047 words, which mail clients do not read as RFC 2369's <URL>. */
static void test_long_unsubscribe_url(void)
{
	struct mail_msg m = {
	    .from = "news@example.org", .to = "reader@example.net", .subject = "Alert", .text = "x\n"};
	char url[400];
	snprintf(
	    url, sizeof url, "https://oncology.example.org/unsubscribe?t=%s",
	    "AAAAAAAAAAET2zIqqSJyVq0b_7gK3wz9xYc-0dPqRfLmNoAbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_aBcDeFgH");
	m.unsubscribe_url = url;
	buf out, want;
	buf_init(&out, NULL);
	buf_init(&want, NULL);
	CHECK(mail_compose(&m, NULL, &out) == 0);
	buf_printf(&want, "\r\nList-Unsubscribe: <%s>\r\n", url);
	CHECK(out.p && strstr(out.p, buf_cstr(&want)) != NULL);
	CHECK(out.p && !strstr(out.p, "=?us-ascii?"));
	/* one past what a header line may hold is refused, not folded or encoded */
	char big[1000];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	memcpy(big, "https://x.test/", 15);
	m.unsubscribe_url = big;
	buf_reset(&out);
	CHECK(mail_compose(&m, NULL, &out) == -1);
	buf_free(&out);
	buf_free(&want);
}

int main(void)
{
	RUN(test_multipart);
	RUN(test_long_unsubscribe_url);
	RUN(test_text_only);
	RUN(test_refused);
	return unit_done("mail_compose");
}
