/* alerts: alerts and weekly digests (alerts_db.c) */
#ifndef PLENARY_STORE_ALERTS_H
#define PLENARY_STORE_ALERTS_H

#include "store/store.h"
#include "store/accounts.h"

/* ---- alerts and weekly digests (alerts_db.c, migration 026) ---- */

/* Seconds: an article public longer when first seen is never alerted (an import's past, a long outage). */
#define ALERT_MAX_AGE 86400
#define ALERT_BATCH_MAX 50	/* articles in one alert batch at most: the rest go in the next */
#define DIGEST_MAX_ARTICLES 100 /* articles of one digest at most (the newest) */

/** A site's articles no alert covered yet: visible, public for at most ALERT_MAX_AGE. */
struct alert_pending {
	int64_t site_id, count;
	int64_t oldest, newest; /* their published_at: the first and the last to become public */
};
/** Every site's pending articles, one row a site with any. 0, or -1. */
int store_alert_pending(store *s, h2o_mem_pool_t *pool, struct alert_pending **out, size_t *n);
/** Opens a site's alert batch in a transaction left open for the caller: a new batch covers the site's
 * pending articles (oldest first, at most ALERT_BATCH_MAX), so none is alerted twice. 1 with *batch_id
 * (read its articles and recipients, queue its mails with store_mail_put, then store_alert_batch_end), 0
 * when nothing is pending or another node holds the turn (nothing open), -1 on error (nothing open). */
int store_alert_batch_begin(store *s, int64_t site_id, int64_t *batch_id);
/** Ends the batch: commit 1 records its mail count and commits everything (the batch and its mails
 * together), 0 rolls it all back (its articles are pending again). 0, or -1 (rolled back). */
int store_alert_batch_end(store *s, int64_t batch_id, int64_t mails, int commit);
/** The batch's articles still visible, oldest first, as list cards (slug, title, summary, section...). */
int store_alert_batch_articles(store *s, h2o_mem_pool_t *pool, int64_t batch_id, struct article **out,
			       size_t *n);
/** One recipient of one article: a confirmed subscriber with a subscription of the cadence matching it
 * (its section, congress, trial or one of its topics). */
struct alert_recipient {
	int64_t subscriber_id, article_id;
	const char *email;
	/* the subscriber's account (id 0 for an address alone): id, email_verified, hcp_declared, hcp_status
	 * and profession are filled, what user_audience reads */
	struct user user;
	const char *language; /* of its mail: the account's, else the subscriber's ("": the site's) */
};
/** Every (confirmed subscriber, article of the batch) pair with an immediate subscription matching, by
 * subscriber, then the articles oldest first. 0, or -1. */
int store_alert_recipients(store *s, h2o_mem_pool_t *pool, int64_t batch_id, struct alert_recipient **out,
			   size_t *n);
/** Opens a site's digest of week (yyyy-ww) in a transaction left open: 1 when this call made it (queue its
 * mails, then store_digest_end), 0 when that week's digest exists already or another node holds the turn
 * (nothing open), -1 on error. */
int store_digest_begin(store *s, int64_t site_id, const char *week);
/** Ends the digest of week: commit records its mail count and commits, else rolls back. 0, or -1. */
int store_digest_end(store *s, int64_t site_id, const char *week, int64_t mails, int commit);
/** The site's visible articles published in [from, until), newest first, at most DIGEST_MAX_ARTICLES, as
 * list cards. */
int store_digest_articles(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t until,
			  struct article **out, size_t *n);
/** The (confirmed subscriber, article) pairs of a site's weekly subscriptions matching its visible
 * articles published in [from, until) (of those store_digest_articles returns), by subscriber then the
 * articles newest first. 0, or -1. */
int store_digest_recipients(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t until,
			    struct alert_recipient **out, size_t *n);

#endif
