/* newsletter_mail: each reader's copy of a newsletter at their level, rendered from the theme, and the send.
 */
#include "jobs/newsletter_mail.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/log.h"
#include "core/text.h"
#include "http/request.h"
#include "http/subscribe_link.h"
#include "http/worker.h"
#include "render/mail_render.h"
#include "store/subscriptions.h"
#include "store/mailq.h"
#include "store/alerts.h"
#include "store/newsletters.h"
#include "store/accounts.h"

struct mail_articles *newsletter_articles(store *db, h2o_mem_pool_t *pool, int64_t site_id,
					  const char *site_url, const char *site_lang, int64_t newsletter_id)
{
	struct article *cards, *members;
	int64_t *listed;
	size_t n = 0, nmembers = 0;
	if (store_newsletter_articles(db, pool, newsletter_id, &cards, &n) != 0 ||
	    store_newsletter_members(db, pool, newsletter_id, &listed, &members, &nmembers) != 0)
		return NULL;
	struct mail_articles *ma = mail_articles_new(pool, db, site_id, site_url, cards, n);
	mail_articles_members(ma, listed, members, nmembers);
	mail_articles_site_language(ma, site_lang);
	return ma;
}

view *newsletter_view(h2o_mem_pool_t *pool, const struct site *site, const char *site_url,
		      const struct newsletter *n, struct mail_articles *ma, enum audience level,
		      const char *prefix, const char *prefs_url, const char *unsubscribe_url, long *shown)
{
	view *v = view_new(pool);
	*shown = mail_articles_fill(ma, level, NULL, 0, v);
	if (*shown < 0)
		return NULL;
	view_str(v, "site_name", site->name);
	view_str(v, "site_url", site_url);
	view_str(v, "title", n->subject);
	view_fmt(v, "subject", "%s%s", prefix ? prefix : "", n->subject);
	if (n->intro && n->intro[0]) {
		buf md;
		buf_init(&md, pool);
		mail_markdown(&md, n->intro, site_url);
		view_html(v, "intro_html", md.p ? md.p : "", md.len);
		view_str(v, "intro_text", n->intro);
		view_bool(v, "has_intro", 1);
	}
	view_bool(v, "empty", *shown == 0);
	view_str(v, "preferences_url", prefs_url);
	view_str(v, "unsubscribe_url", unsubscribe_url);
	return v;
}

int newsletter_render(const tmpl_set *t, const view *v, h2o_mem_pool_t *pool, struct newsletter_mail *out)
{
	memset(out, 0, sizeof *out);
	if (mail_render(t, "mail/newsletter", v, pool, &out->subject, &out->text, &out->html) != 0)
		return -1;
	buf content;
	buf_init(&content, pool);
	if (tmpl_render(t, "mail/newsletter-content", v, &content) != 0) {
		log_error("newsletter: the theme has no mail/newsletter-content template");
		return -1;
	}
	out->content_html = buf_cstr(&content);
	return 0;
}

/* Whether the fullest copy with the members of ma's pick fits. */
static int copy_fits(const tmpl_set *t, h2o_mem_pool_t *pool, const struct site *site, const char *site_url,
		     const struct newsletter *n, struct mail_articles *ma)
{
	struct newsletter_mail m;
	long shown;
	const size_t room = MAIL_BODY_MAX - 4096; /* the reader's own links are longer than site_url */
	view *v = newsletter_view(pool, site, site_url, n, ma, AUDIENCE_VERIFIED_HCP, NULL, site_url,
				  site_url, &shown);
	return v && newsletter_render(t, v, pool, &m) == 0 && strlen(m.text) < room &&
	       (!m.html || strlen(m.html) < room);
}

int newsletter_fits(const tmpl_set *t, h2o_mem_pool_t *pool, const struct site *site, const char *site_url,
		    const struct newsletter *n, struct mail_articles *ma)
{
	/* the listed articles, then each language's members in their place: a reader may get any of them */
	mail_articles_pick(ma, "");
	int ok = copy_fits(t, pool, site, site_url, n, ma);
	const char *lang;
	for (size_t i = 0; ok && (lang = mail_articles_member_lang(ma, i)) != NULL; i++) {
		mail_articles_pick(ma, lang);
		ok = copy_fits(t, pool, site, site_url, n, ma);
	}
	mail_articles_pick(ma, NULL);
	return ok;
}

/* One subscriber's message queued: 1 queued, 0 not (suppressed, or queued already), -1. */
static int put_one(struct app *app, store *db, h2o_mem_pool_t *pool, const struct site *site,
		   const char *site_url, const char *site_lang, const struct newsletter *n,
		   struct mail_articles *ma, const struct newsletter_recipient *r)
{
	if (!text_email_ok(r->email)) { /* kept from before addresses were checked: the queue refuses it */
		log_error("newsletter %lld: subscriber %lld's address is not one mail can go to; skipped",
			  (long long)n->id, (long long)r->subscriber_id);
		return 0;
	}
	enum audience level = user_audience(r->user.id ? &r->user : NULL); /* the site's own rule */
	char prefs[SUBSCRIBE_LINK_LEN], unsub[SUBSCRIBE_LINK_LEN];
	subscribe_link_make(app->form_key, LINK_PREFS, r->subscriber_id, r->email, prefs);
	subscribe_link_make(app->form_key, LINK_UNSUBSCRIBE, r->subscriber_id, r->email, unsub);
	buf p, u, key;
	buf_init(&p, pool);
	buf_init(&u, pool);
	buf_init(&key, pool);
	buf_printf(&p, "%ssubscriptions?t=%s", site_url, prefs);
	buf_printf(&u, "%sunsubscribe?t=%s", site_url, unsub);
	buf_printf(&key, "news:%lld:%lld", (long long)n->id, (long long)r->subscriber_id);
	struct mail_lang lang; /* the reader's: their account's, else their subscription's, else the site's */
	mail_lang_set(&lang, app->theme, app->tmpl, mail_lang_pick(app->theme, r->language, NULL, site_lang),
		      site_lang);
	mail_articles_lang(ma, &lang);
	long shown;
	view *v =
	    newsletter_view(pool, site, site_url, n, ma, level, NULL, buf_cstr(&p), buf_cstr(&u), &shown);
	struct newsletter_mail m;
	if (!v || newsletter_render(lang.tmpl, v, pool, &m) != 0)
		return -1;
	struct mail_item item = {.site_id = site->id,
				 .kind = "newsletter",
				 .dedupe = buf_cstr(&key),
				 .to = r->email,
				 .subject = m.subject,
				 .text = m.text,
				 .html = m.html,
				 .unsubscribe_url = buf_cstr(&u),
				 .campaign_id = n->id};
	int rc = store_mail_put(db, &item);
	if (rc == 1 && store_newsletter_recipient_add(db, n->id, r->subscriber_id, r->email) != 0)
		return -1;
	return rc;
}

/* Every confirmed subscriber's message, a page of them at a time (each page's memory let go after it): the
 * count queued, or -1. */
static int64_t put_all(struct app *app, store *db, const struct site *site, const char *site_url,
		       const char *site_lang, const struct newsletter *n, struct mail_articles *ma)
{
	int64_t after = 0, queued = 0;
	size_t k;
	do {
		h2o_mem_pool_t page;
		h2o_mem_init_pool(&page);
		struct newsletter_recipient *rs;
		k = 0;
		int rc = store_newsletter_recipients(db, &page, site->id, after, &rs, &k);
		for (size_t i = 0; rc == 0 && i < k; i++) {
			h2o_mem_pool_t one;
			h2o_mem_init_pool(&one);
			int put = put_one(app, db, &one, site, site_url, site_lang, n, ma, &rs[i]);
			h2o_mem_clear_pool(&one);
			if (put < 0)
				rc = -1;
			queued += put > 0;
		}
		if (k)
			after = rs[k - 1].subscriber_id;
		h2o_mem_clear_pool(&page);
		if (rc != 0)
			return -1;
	} while (k == NEWSLETTER_RECIPIENTS_PAGE);
	return queued;
}

/* Sends newsletter id of site_id if it is still due: 1 sent, 0 not (another node sent or it was
 * cancelled), -1 (rolled back: still scheduled). */
static int send_one(struct app *app, store *db, h2o_mem_pool_t *pool, int64_t id, int64_t site_id,
		    int64_t now)
{
	struct site *sites;
	size_t nsites = 0;
	if (store_sites(db, pool, &sites, &nsites) != 0)
		return -1;
	const struct site *site = NULL;
	for (size_t i = 0; i < nsites; i++)
		if (sites[i].id == site_id)
			site = &sites[i];
	struct newsletter n;
	if (!site || store_newsletter_by_id(db, pool, site_id, id, &n) != 1)
		return -1;
	const char *site_url = site_url_with(pool, app->cfg.public_url, "https", site->host);
	const char *langs[3]; /* the site's default language: langs[2] */
	if (store_mail_languages(db, pool, site_id, 0, 0, langs) != 0)
		return -1;
	const char *site_lang = langs[2];
	struct mail_articles *ma = newsletter_articles(db, pool, site_id, site_url, site_lang, id);
	if (!ma)
		return -1;
	struct mail_lang base; /* the size is checked in the base language; each reader's copy in theirs */
	mail_lang_set(&base, app->theme, app->tmpl, NULL, NULL);
	mail_articles_lang(ma, &base);
	if (!newsletter_fits(base.tmpl, pool, site, site_url, &n, ma)) {
		log_error(
		    "newsletter %lld is longer than a mail may be (an article grew since it was scheduled): "
		    "it is a draft again",
		    (long long)id);
		return store_newsletter_cancel(db, site_id, id, 0) == SAVE_ERROR ? -1 : 0;
	}
	if (store_batch_begin(db) != 0)
		return -1;
	int claimed = store_newsletter_claim(db, id, now);
	if (claimed != 1) {
		store_batch_end(db, 0);
		return claimed;
	}
	log_info("newsletter %lld \"%s\" due: queueing it to the site's confirmed subscribers", (long long)id,
		 n.subject);
	int64_t queued = put_all(app, db, site, site_url, site_lang, &n, ma);
	if (queued < 0 || store_newsletter_sent(db, id, queued) != 0) {
		store_batch_end(db, 0);
		return -1;
	}
	if (store_batch_end(db, 1) != 0)
		return -1;
	log_info("newsletter %lld \"%s\" sent: %lld messages queued", (long long)id, n.subject,
		 (long long)queued);
	return 1;
}

int newsletter_send_due(struct app *app, store *db, int64_t now)
{
	int sent = 0;
	for (int i = 0; i < 16; i++) { /* a few a call; the next tick sends the rest */
		int64_t id = 0, site_id = 0;
		int rc = store_newsletter_due(db, now, &id, &site_id);
		if (rc <= 0)
			return rc < 0 ? -1 : sent;
		h2o_mem_pool_t pool;
		h2o_mem_init_pool(&pool);
		rc = send_one(app, db, &pool, id, site_id, now);
		h2o_mem_clear_pool(&pool);
		if (rc < 0) {
			log_error("newsletter %lld could not be sent; it stays scheduled and is tried again",
				  (long long)id);
			return -1;
		}
		sent += rc;
	}
	return sent;
}
