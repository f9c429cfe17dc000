/* alerts: when a site's alert batch and weekly digest are due, and one rendered mail per subscriber. */
#include "jobs/alerts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/buf.h"
#include "core/log.h"
#include "core/text.h"
#include "http/request.h"
#include "http/subscribe_link.h"
#include "http/worker.h"
#include "jobs/mail.h"
#include "jobs/mail_articles.h"
#include "render/mail_render.h"
#include "store/subscriptions.h"
#include "store/mailq.h"
#include "store/alerts.h"
#include "store/accounts.h"

/* No newer article for this long (or the delay, when shorter) before a batch goes */
#define QUIET_S 120
/* ... but a stream of articles holds a batch back this long past the delay at most */
#define HOLD_MAX_S 1800
/* A digest goes out within this long after its time (a server down longer skips that week's) */
#define DIGEST_WINDOW_S 86400

/* What one kind of mail is. */
struct mail_kind {
	const char *kind;      /* "alert" or "digest" */
	const char *template;  /* "mail/alert" */
	const char *key;       /* the batch id or the week, in the dedupe key */
	const char *site_lang; /* the site's default language ("" when unknown) */
};

/* The site's default language, "" when it cannot be read (its mails are then in the base language). */
static const char *site_language(store *s, h2o_mem_pool_t *pool, int64_t site_id)
{
	const char *langs[3];
	return store_mail_languages(s, pool, site_id, 0, 0, langs) == 0 ? langs[2] : "";
}

/* The links and names every alert and digest shows. */
static void view_links(view *v, const char *site_name, const char *url, const char *prefs, const char *unsub,
		       int weekly)
{
	view_str(v, "site_name", site_name);
	view_str(v, "site_url", url);
	view_fmt(v, "preferences_url", "%ssubscriptions?t=%s", url, prefs);
	view_fmt(v, "unsubscribe_url", "%sunsubscribe?t=%s", url, unsub);
	view_bool(v, "weekly", weekly);
}

static int too_big(const char *text, const char *html)
{
	return strlen(text) > MAIL_BODY_MAX || (html && strlen(html) > MAIL_BODY_MAX);
}

/* Queues the mail of one subscriber (rows [0, n) of the recipients, one subscriber's): 1 queued, 0 not
 * (nothing to show, suppressed, queued already, an address the queue would refuse), -1 on error. */
static int queue_one(struct app *app, store *s, const struct site *site, const char *url,
		     struct mail_articles *ma, const struct mail_kind *k, const struct alert_recipient *rows,
		     size_t n, h2o_mem_pool_t *pool)
{
	const struct alert_recipient *who = &rows[0];
	if (strlen(who->email) > SUBSCRIBER_MAX_EMAIL || !text_email_ok(who->email)) {
		/* the queue would refuse it: one such address must not hold the whole batch back */
		log_warn("%s: subscriber %lld's address cannot be mailed; skipped", k->kind,
			 (long long)who->subscriber_id);
		return 0;
	}
	int64_t *ids = h2o_mem_alloc_pool(pool, n * sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = rows[i].article_id;
	enum audience level = user_audience(who->user.id ? &who->user : NULL);
	char prefs[SUBSCRIBE_LINK_LEN], unsub[SUBSCRIBE_LINK_LEN];
	subscribe_link_make(app->form_key, LINK_PREFS, who->subscriber_id, who->email, prefs);
	subscribe_link_make(app->form_key, LINK_UNSUBSCRIBE, who->subscriber_id, who->email, unsub);
	int weekly = strcmp(k->kind, "digest") == 0;
	struct mail_lang lang; /* the reader's: their account's, else their subscription's, else the site's */
	mail_lang_set(&lang, app->theme, app->tmpl,
		      mail_lang_pick(app->theme, who->language, NULL, k->site_lang), k->site_lang);
	mail_articles_lang(ma, &lang);
	const char *subject = NULL, *text = NULL, *html = NULL;
	/* the articles as the reader may see them; when that passes the queue's size limit (a week of long
	 * articles), their summaries and links only */
	for (int teasers = 0; teasers < 2; teasers++) {
		view *v = view_new(pool);
		mail_articles_teasers(ma, teasers);
		long shown = mail_articles_fill(ma, level, ids, n, v);
		mail_articles_teasers(ma, 0);
		if (shown <= 0)
			return shown < 0 ? -1 : 0;
		view_links(v, mail_articles_name(ma, "site", site->id, "name", site->name), url, prefs, unsub,
			   weekly);
		if (mail_render(lang.tmpl, k->template, v, pool, &subject, &text, &html) != 0)
			return -1;
		if (!too_big(text, html))
			break;
		if (teasers) {
			log_warn("%s: the mail to subscriber %lld is too large even without bodies; not sent",
				 k->kind, (long long)who->subscriber_id);
			return 0;
		}
	}
	buf dedupe, unsub_url;
	buf_init(&dedupe, pool);
	buf_printf(&dedupe, "%s:%s:%lld", k->kind, k->key, (long long)who->subscriber_id);
	buf_init(&unsub_url, pool);
	buf_printf(&unsub_url, "%sunsubscribe?t=%s", url, unsub);
	struct mail_item m = {.site_id = site->id,
			      .kind = k->kind,
			      .dedupe = buf_cstr(&dedupe),
			      .to = who->email,
			      .subject = subject,
			      .text = text,
			      .html = html,
			      .unsubscribe_url = buf_cstr(&unsub_url)};
	return store_mail_put(s, &m);
}

/* Queues one mail per subscriber of rows (grouped by subscriber): the number queued, or -1. */
static long queue_all(struct app *app, store *s, const struct site *site, const char *url,
		      struct mail_articles *ma, const struct mail_kind *k, const struct alert_recipient *rows,
		      size_t n)
{
	long queued = 0;
	h2o_mem_pool_t one; /* each mail's own, so a batch of many readers stays small */
	h2o_mem_init_pool(&one);
	for (size_t i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && rows[j].subscriber_id == rows[i].subscriber_id; j++)
			;
		int rc = queue_one(app, s, site, url, ma, k, rows + i, j - i, &one);
		h2o_mem_clear_pool(&one);
		if (rc < 0) {
			queued = -1;
			break;
		}
		queued += rc;
	}
	return queued;
}

/* The site's due batch, if any: 1 made, 0 none, -1 error. */
static int alert_batch(struct app *app, store *s, const struct site *site, long *mails)
{
	int64_t batch = 0;
	int rc = store_alert_batch_begin(s, site->id, &batch);
	if (rc != 1)
		return rc;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct article *arts = NULL;
	struct alert_recipient *rows = NULL;
	size_t narts = 0, nrows = 0;
	long queued = -1;
	if (store_alert_batch_articles(s, &pool, batch, &arts, &narts) == 0 &&
	    store_alert_recipients(s, &pool, batch, &rows, &nrows) == 0) {
		char key[24];
		snprintf(key, sizeof key, "%lld", (long long)batch);
		struct mail_kind k = {"alert", "mail/alert", key, site_language(s, &pool, site->id)};
		const char *url = site_url_with(&pool, app->cfg.public_url, "https", site->host);
		struct mail_articles *ma = mail_articles_new(&pool, s, site->id, url, arts, narts);
		mail_articles_site_language(ma, k.site_lang);
		queued = queue_all(app, s, site, url, ma, &k, rows, nrows);
	}
	h2o_mem_clear_pool(&pool);
	if (queued < 0 || store_alert_batch_end(s, batch, queued, 1) != 0) {
		if (queued < 0)
			store_alert_batch_end(s, batch, 0, 0);
		log_error("alerts: the batch of %s could not be queued; it is tried again", site->host);
		return -1;
	}
	if (queued > 0)
		mailer_wake(
		    app->mailer); /* the sender need not wait for its next look (NULL from the command) */
	log_info("alerts: batch %lld of %s: %zu article%s, %ld mail%s queued", (long long)batch, site->host,
		 narts, narts == 1 ? "" : "s", queued, queued == 1 ? "" : "s");
	*mails += queued;
	return 1;
}

/* When the digest of the week goes, for now: the latest digest_weekday at digest_hour not after now. */
static int64_t digest_moment(const struct config *cfg, int64_t now)
{
	static const char *const days[] = {"sunday",   "monday", "tuesday", "wednesday",
					   "thursday", "friday", "saturday"};
	int want = 1;
	for (int i = 0; i < 7; i++)
		if (strcasecmp(cfg->digest_weekday, days[i]) == 0)
			want = i;
	time_t t = (time_t)now;
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return 0;
	tm.tm_mday -= (tm.tm_wday - want + 7) % 7;
	tm.tm_hour = cfg->digest_hour;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	time_t at = mktime(&tm);
	if (at > t) {
		tm.tm_mday -= 7;
		tm.tm_isdst = -1;
		at = mktime(&tm);
	}
	return (int64_t)at;
}

/* The site's digest of week, covering [from, until): 1 made, 0 made already, -1 error. */
static int digest_site(struct app *app, store *s, const struct site *site, const char *week, int64_t from,
		       int64_t until, long *mails)
{
	int rc = store_digest_begin(s, site->id, week);
	if (rc != 1)
		return rc;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct article *arts = NULL;
	struct alert_recipient *rows = NULL;
	size_t narts = 0, nrows = 0;
	long queued = -1;
	if (store_digest_articles(s, &pool, site->id, from, until, &arts, &narts) == 0 &&
	    store_digest_recipients(s, &pool, site->id, from, until, &rows, &nrows) == 0) {
		struct mail_kind k = {"digest", "mail/digest", week, site_language(s, &pool, site->id)};
		const char *url = site_url_with(&pool, app->cfg.public_url, "https", site->host);
		struct mail_articles *ma = mail_articles_new(&pool, s, site->id, url, arts, narts);
		mail_articles_site_language(ma, k.site_lang);
		queued = queue_all(app, s, site, url, ma, &k, rows, nrows);
	}
	h2o_mem_clear_pool(&pool);
	if (queued < 0 || store_digest_end(s, site->id, week, queued, 1) != 0) {
		if (queued < 0)
			store_digest_end(s, site->id, week, 0, 0);
		log_error("digests: the digest of %s for %s could not be queued; it is tried again", week,
			  site->host);
		return -1;
	}
	if (queued > 0)
		mailer_wake(app->mailer);
	log_info("digests: %s of %s: %zu article%s, %ld mail%s queued", week, site->host, narts,
		 narts == 1 ? "" : "s", queued, queued == 1 ? "" : "s");
	*mails += queued;
	return 1;
}

int alerts_run(struct app *app, store *s, int64_t now, int flags, struct alerts_report *out)
{
	memset(out, 0, sizeof *out);
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct site *sites = NULL;
	struct alert_pending *due = NULL;
	size_t nsites = 0, ndue = 0;
	int rc = 0;
	if (store_sites(s, &pool, &sites, &nsites) != 0 || store_alert_pending(s, &pool, &due, &ndue) != 0) {
		h2o_mem_clear_pool(&pool);
		return -1;
	}
	int64_t delay = (int64_t)app->cfg.alert_delay_minutes * 60, quiet = delay < QUIET_S ? delay : QUIET_S;
	for (size_t i = 0; i < ndue; i++) {
		const struct alert_pending *p = &due[i];
		int ready = (flags & ALERTS_NOW) ||
			    (now - p->oldest >= delay &&
			     (now - p->newest >= quiet || now - p->oldest >= delay + HOLD_MAX_S));
		const struct site *site = NULL;
		for (size_t j = 0; j < nsites; j++)
			if (sites[j].id == p->site_id)
				site = &sites[j];
		/* a batch holds ALERT_BATCH_MAX articles: more pending go in the next ones at once */
		for (int made = 1; ready && site && made == 1;) {
			made = alert_batch(app, s, site, &out->mails);
			if (made < 0)
				rc = -1;
			out->batches += made == 1;
		}
	}
	/* the week whose digests this process made (or found made): not asked again until the next */
	static char done_week[16];
	int64_t moment = (flags & DIGEST_NOW) ? now : digest_moment(&app->cfg, now);
	char week[16] = "";
	time_t t = (time_t)moment;
	struct tm tm;
	if (moment > 0 && now - moment < DIGEST_WINDOW_S && localtime_r(&t, &tm) &&
	    strftime(week, sizeof week, "%G-%V", &tm) > 0 &&
	    ((flags & DIGEST_NOW) || strcmp(week, done_week))) {
		int failed = 0;
		for (size_t j = 0; j < nsites; j++) {
			int made =
			    digest_site(app, s, &sites[j], week, moment - 7 * 86400, moment, &out->mails);
			failed |= made < 0;
			out->digests += made == 1;
		}
		if (failed)
			rc = -1;
		else
			snprintf(done_week, sizeof done_week, "%s", week);
	}
	h2o_mem_clear_pool(&pool);
	return rc;
}
