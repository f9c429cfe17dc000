/* test_mail_render: a mail's subject, text and HTML from the .txt/.html templates (src/render/mail_render.c).
 */
#include <string.h>

#include "render/mail_render.h"
#include "render/theme.h"
#include "unit.h"

static h2o_mem_pool_t pool;
static char err[512];

static tmpl_set *load(const char *const *names, const char *const *texts, size_t n)
{
	tmpl_set *set = tmpl_load_strings(names, texts, n, err, sizeof err);
	if (!set)
		fprintf(stderr, "load: %s\n", err);
	return set;
}

static void test_both_parts(void)
{
	const char *names[] = {"mail/hi.txt", "mail/hi"};
	const char *texts[] = {"Subject:   Welcome to {{site}}  \n\nHello {{name}},\n<{{url}}>\n",
			       "<p>Hello {{name}}, <a href=\"{{url}}\">open</a></p>\n"};
	tmpl_set *set = load(names, texts, 2);
	CHECK(set != NULL);
	if (!set)
		return;
	view *v = view_new(&pool);
	view_str(v, "site", "A & B\r\nBcc: evil@x.test");
	view_str(v, "name", "<Ann & \"Bo\">");
	view_str(v, "url", "https://x.test/v?t=1&u=2");
	const char *subject, *text, *html;
	CHECK(mail_render(set, "mail/hi", v, &pool, &subject, &text, &html) == 0);
	CHECK_STR(subject, "Welcome to A & B Bcc: evil@x.test");
	CHECK_STR(text, "Hello <Ann & \"Bo\">,\n<https://x.test/v?t=1&u=2>\n");
	CHECK_STR(html, "<p>Hello &lt;Ann &amp; &quot;Bo&quot;&gt;, <a "
			"href=\"https://x.test/v?t=1&amp;u=2\">open</a></p>\n");
	tmpl_free(set);
}

static void test_text_only_and_errors(void)
{
	const char *names[] = {"mail/plain.txt", "mail/nosubject.txt", "mail/htmlonly",	 "mail/long.txt",
			       "mail/crlf.txt",	 "mail/bom.txt",       "mail/messy.txt", "mail/messy"};
	const char *texts[] = {"subject: Plain\nNo blank line after it.",
			       "Hello\nthere\n",
			       "<p>x</p>",
			       "Subject: {{s}}\n\nbody",
			       "Subject: Windows \r\n\r\nbody\r\n",
			       "\xEF\xBB\xBFSubject: BOM\n\nbody",
			       "Subject: a\rb\t\xff \n\nx\x01y\rz\xc3\n",
			       "<p>\x01\xff</p>\r\n"};
	tmpl_set *set = load(names, texts, 8);
	CHECK(set != NULL);
	if (!set)
		return;
	const char *subject, *text, *html;
	CHECK(mail_render(set, "mail/plain", NULL, &pool, &subject, &text, &html) == 0);
	CHECK_STR(subject, "Plain");
	CHECK_STR(text, "No blank line after it.");
	CHECK(html == NULL);
	CHECK(mail_render(set, "mail/nosubject", NULL, &pool, &subject, &text, &html) == -1);
	CHECK(subject == NULL && text == NULL && html == NULL);
	CHECK(mail_render(set, "mail/htmlonly", NULL, &pool, &subject, &text, &html) == -1);
	CHECK(mail_render(set, "mail/missing", NULL, &pool, &subject, &text, &html) == -1);
	CHECK(mail_render(set, "mail/crlf", NULL, &pool, &subject, &text, &html) == 0);
	CHECK_STR(subject, "Windows");
	CHECK_STR(text, "body\n");
	CHECK(mail_render(set, "mail/bom", NULL, &pool, &subject, &text, &html) == 0);
	CHECK_STR(subject, "BOM");
	/* what the theme's own files hold is mended too: mail_compose never meets a control or bad UTF-8 */
	CHECK(mail_render(set, "mail/messy", NULL, &pool, &subject, &text, &html) == 0);
	CHECK_STR(subject, "ab \xEF\xBF\xBD");
	CHECK_STR(text, "xyz\xEF\xBF\xBD\n");
	CHECK_STR(html, "<p>\xEF\xBF\xBD</p>\r\n");

	/* a long subject is cut at 250 bytes, never inside a character */
	char s[700];
	for (int i = 0; i < 300; i++)
		memcpy(s + 2 * i, "\xC3\xA9", 2);
	s[600] = '\0';
	view *v = view_new(&pool);
	view_str(v, "s", s);
	CHECK(mail_render(set, "mail/long", v, &pool, &subject, &text, &html) == 0);
	CHECK(strlen(subject) == 250 && memcmp(subject, s, 250) == 0);
	view_str(v, "s", s + 1); /* starts with a continuation byte: mended, then cut before 251 */
	CHECK(mail_render(set, "mail/long", v, &pool, &subject, &text, &html) == 0);
	CHECK(strlen(subject) <= 250 && (((unsigned char)subject[strlen(subject) - 1]) & 0xC0) != 0xC0);
	CHECK_STR(text, "body");
	tmpl_free(set);
}

/* Every mail of the default theme renders: a subject, the link verbatim in the text, escaped in the HTML. */
static void test_default_theme(void)
{
	struct theme *t = theme_load("themes/default", "en", err, sizeof err);
	CHECK(t != NULL);
	if (!t) {
		fprintf(stderr, "themes/default: %s\n", err);
		return;
	}
	const tmpl_set *set = theme_set(t, "en", "en");
	static const char *const mails[][2] = {{"mail/verify", "Confirm your email address for A&B <Site>"},
					       {"mail/reset", "Reset your A&B <Site> password"},
					       {"mail/account-exists", "You already have an account"},
					       {"mail/subscribe-confirm", "Confirm your subscription"},
					       {"mail/subscribed-already", "Your subscriptions"}};
	const char *link = "https://x.test/p?t=a&u=<b>";
	view *v = view_new(&pool);
	view_str(v, "site_name", "A&B <Site>");
	view_str(v, "site_url", "https://x.test/");
	view_str(v, "address", "ann@x.test");
	view_int(v, "hours", 1);
	const char *names[] = {"link", "confirm_url", "prefs_url", "unsubscribe_url"};
	for (size_t i = 0; i < 4; i++)
		view_str(v, names[i], link);
	for (size_t i = 0; i < sizeof mails / sizeof mails[0]; i++) {
		const char *subject, *text, *html;
		CHECK(mail_render(set, mails[i][0], v, &pool, &subject, &text, &html) == 0);
		CHECK_STR(subject, mails[i][1]);
		CHECK_CONTAINS(text, link);
		CHECK_CONTAINS(text, "A&B <Site>\n");
		CHECK(text && text[0] != '\n' && !strstr(text, "&amp;") && !strstr(text, "{{"));
		CHECK_CONTAINS(html, "<!DOCTYPE html>");
		CHECK_CONTAINS(html, "href=\"https://x.test/p?t=a&amp;u=&lt;b&gt;\"");
		CHECK_CONTAINS(html, "A&amp;B &lt;Site&gt;</a></p>");
		CHECK(html && !strstr(html, "<Site>") && !strstr(html, "{{"));
	}
	const char *subject, *text, *html;
	CHECK(mail_render(set, "mail/reset", v, &pool, &subject, &text, &html) == 0);
	CHECK_CONTAINS(text, "The link works once and for 1 hour. If");
	CHECK_CONTAINS(html, "<html lang=\"en\">");

	/* the same mails in French and in Dutch, with their plural forms */
	CHECK(mail_render(theme_set(t, "fr", "en"), "mail/reset", v, &pool, &subject, &text, &html) == 0);
	CHECK_STR(subject, "Réinitialisez votre mot de passe A&B <Site>");
	CHECK_CONTAINS(text, "Bonjour,\n");
	CHECK_CONTAINS(text, "pendant 1 heure. Si vous n'avez rien demandé, ignorez ce message\u00a0: votre");
	CHECK_CONTAINS(html, "<html lang=\"fr\">");
	CHECK_CONTAINS(html, "ici\u00a0:</p>");
	view_int(v, "hours", 48);
	CHECK(mail_render(theme_set(t, "nl", "fr"), "mail/verify", v, &pool, &subject, &text, &html) == 0);
	CHECK_STR(subject, "Bevestig uw e-mailadres voor A&B <Site>");
	CHECK_CONTAINS(text,
		       "Bevestig dat ann@x.test uw e-mailadres is voor A&B <Site> door deze link te openen:");
	CHECK_CONTAINS(text, "blijft 48 uur geldig.");
	CHECK_CONTAINS(html, "Bevestig dat <strong>ann@x.test</strong> uw e-mailadres");
	CHECK_CONTAINS(html, "<html lang=\"nl\">");
	theme_free(t);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_both_parts);
	RUN(test_text_only_and_errors);
	RUN(test_default_theme);
	h2o_mem_clear_pool(&pool);
	return unit_done("mail_render");
}
