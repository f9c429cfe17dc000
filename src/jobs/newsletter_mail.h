/* newsletter_mail: a newsletter as one reader's level lets them read it (the theme's mail/newsletter.txt and
 * .html), and the due ones sent: one message per confirmed subscriber, in the transaction that marks it sent.
 */
#ifndef PLENARY_NEWSLETTER_MAIL_H
#define PLENARY_NEWSLETTER_MAIL_H

#include <h2o/memory.h>

#include "jobs/mail_articles.h"
#include "render/tmpl.h"
#include "render/view.h"
#include "store/store.h"
#include "store/newsletters.h"

struct app;

/** The articles of newsletter_id in its order, as mails show them to each level (mail_articles: the article
 * page's own gated read, once per article and level), each in the language of the fill when its family of
 * translations has a visible member in it; links under site_url (ending in '/'), an article in another
 * language than site_lang (the site's default) under its language's prefix. NULL on a database error.
 * Everything lives in pool, which must outlive every view made from it. */
struct mail_articles *newsletter_articles(store *db, h2o_mem_pool_t *pool, int64_t site_id,
					  const char *site_url, const char *site_lang, int64_t newsletter_id);
/** The view mail/newsletter renders for a reader of level: the subject (prefix, e.g. "[Test] ", before it;
 * NULL for none), the introduction, the articles that reader may see (mail_articles_fill: the body where
 * the level reaches the article's audience, else its summary and link; none unpublished); the site's own
 * paths in rendered Markdown made absolute; the reader's preferences and unsubscribe links as given. *shown
 * gets how many articles went in. NULL on a database error. */
view *newsletter_view(h2o_mem_pool_t *pool, const struct site *site, const char *site_url,
		      const struct newsletter *n, struct mail_articles *ma, enum audience level,
		      const char *prefix, const char *prefs_url, const char *unsubscribe_url, long *shown);
/** A rendered newsletter: the mail's subject, text and HTML parts, and the HTML of its content alone (the
 * back office's preview shows it inside its page). */
struct newsletter_mail {
	const char *subject, *text, *html, *content_html;
};
/** Renders v with the theme's mail/newsletter templates: 0, or -1 (logged). */
int newsletter_render(const tmpl_set *t, const view *v, h2o_mem_pool_t *pool, struct newsletter_mail *out);
/** 1 when the fullest copy (a verified HCP's) fits in a queued message's parts (MAIL_BODY_MAX, with room for
 * the longest links) with the listed articles and with each language's members of their families, 0 when one
 * does not or cannot be rendered. */
int newsletter_fits(const tmpl_set *t, h2o_mem_pool_t *pool, const struct site *site, const char *site_url,
		    const struct newsletter *n, struct mail_articles *ma);

/** Sends the newsletters due at now (Unix seconds), each in one transaction: claimed, one message per
 * confirmed subscriber queued (kind "newsletter", dedupe "news:<id>:<subscriber>", each at the level
 * user_audience gives their account), its recipients recorded, marked sent; a failure rolls all of it back
 * and leaves it scheduled. One grown too long for a mail since it was scheduled (an article's body
 * lengthened) goes back to draft, logged. The count sent, or -1. */
int newsletter_send_due(struct app *app, store *db, int64_t now);

#endif
