/* mail_articles: articles as a mail shows them to a reader of one level (alerts, digests, newsletters). */
#ifndef PLENARY_MAIL_ARTICLES_H
#define PLENARY_MAIL_ARTICLES_H

#include <h2o/memory.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "jobs/mail_lang.h"
#include "render/view.h"
#include "store/store.h"

/** A set of one site's articles to show in mails to readers of any level. */
struct mail_articles;

/** Makes the set from list cards (store_alert_batch_articles, store_digest_articles, or any list of the
 * site's articles; copied). site_url is the site's address ending in '/' (req_site_url's form): links are
 * site_url + "article/" + slug. Everything lives in pool. Nothing is read yet. */
struct mail_articles *mail_articles_new(h2o_mem_pool_t *pool, store *s, int64_t site_id, const char *site_url,
					const struct article *cards, size_t n);

/** Adds the members of the cards' families of translations (store_newsletter_members; copied): a fill in a
 * language shows, for listed card listed[i], members[i] instead when members[i].lang is that language and
 * the member is visible to the reader's level; else the listed card as before. */
void mail_articles_members(struct mail_articles *m, const int64_t *listed, const struct article *members,
			   size_t n);

/** The language whose members the fills after it show (kept, not copied): NULL (the default) the fills' own
 * language (mail_articles_lang), "" none (every listed card as it is). */
void mail_articles_pick(struct mail_articles *m, const char *lang);

/** The i-th of the distinct languages of the members (i from 0), NULL past the last. */
const char *mail_articles_member_lang(const struct mail_articles *m, size_t i);

/** The site's default language (copied): an article in another (its lang) is linked at its language's
 * address, site_url + lang + "/article/" + slug. Until it is set (or when "": unknown), every link is
 * site_url + "article/" + slug. */
void mail_articles_site_language(struct mail_articles *m, const char *lang);

/** Fills v for a reader at level with the articles ids (of the set, in that order; NULL: every card in
 * the set's order), exactly as the site would show them to that reader:
 *
 * Each article is read again with store_article_by_slug at that level, the article page's own read, once
 * per article and level however many readers share it; so an article no longer visible (unpublished,
 * scheduled later, deleted) is left out, and the body leaves the store only for a level the article's
 * audience admits.
 *
 * v gets the list "articles", each item with: title, url, summary, kind ("interview", "report", "news"),
 * kind_label ("Interview"...), section, congress ("" when none), date ("7 December 2026", site time), and
 * either full (true) with body_html (the rendered Markdown, a view_html) and body_text (the Markdown), or
 * gated (true) with audience_label ("members", "healthcare professionals", "verified healthcare
 * professionals", lower case): the mail then shows the public summary and the link only; or, after
 * mail_articles_teasers(m, 1), teaser (true) where it would be full.
 * It also gets what a subject names: count (articles shown), congress and section (the one every shown
 * article shares, else absent) and headline, such as "ASCO 2025: 3 new interviews in Lung cancer".
 * Its words, labels and dates are in the language mail_articles_lang set (the catalogs' "mail.articles.*").
 *
 * Returns how many articles went in (0: the mail has nothing to say and is not sent), or -1 on a database
 * error. */
long mail_articles_fill(struct mail_articles *m, enum audience level, const int64_t *ids, size_t n, view *v);

/** Appends markdown rendered as the site renders it (md_render), with the site's own paths (href="/..." and
 * src="/...") made absolute under site_url (ending in '/'): a mail has no address to resolve them against.
 * out must be pool-backed. */
void mail_markdown(buf *out, const char *markdown, const char *site_url);

/** With on, the fills after it leave every body out: an article the reader may read gets teaser (true)
 * instead of full, with its summary and link (for a mail that would pass the queue's size limit). */
void mail_articles_teasers(struct mail_articles *m, int on);

/** The language of the fills after it (l must outlive them; kept, not copied): a batch's readers each read
 * their own. Until it is called the fills show catalog keys. */
void mail_articles_lang(struct mail_articles *m, const struct mail_lang *l);

/** The field of an item (name_translation's kind and field: "section", "name") in the language of the fills:
 * its translation, else fallback (the name as kept). Each language's names are read once per set. */
const char *mail_articles_name(struct mail_articles *m, const char *kind, int64_t id, const char *field,
			       const char *fallback);

#endif
