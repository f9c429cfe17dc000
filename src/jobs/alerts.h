/* alerts: batched alerts and weekly digests, queued one mail a reader, each at the reader's own level. */
#ifndef PLENARY_ALERTS_H
#define PLENARY_ALERTS_H

#include <stdint.h>

#include "store/store.h"

struct app;

enum {
	ALERTS_NOW = 1, /* every site's pending articles go out now, whatever alert_delay_minutes says */
	DIGEST_NOW = 2, /* the digest of the week ending now, whatever the day and hour */
};

/** What one run queued. */
struct alerts_report {
	long batches, digests; /* made (each committed with its mails) */
	long mails;	       /* queued (not those the queue refused: suppressed, or queued already) */
};

/** One pass, at Unix time now, with the app's settings, templates (mail/alert and mail/digest) and form
 * key (the signed links):
 *
 * Alerts: a site's pending articles (store_alert_pending) go out as one batch once the first of them has
 * been public alert_delay_minutes and none followed in the last two minutes (or the delay, when shorter),
 * or 30 minutes past the delay whatever follows. A batch is one transaction: its articles marked covered
 * and one mail per confirmed subscriber with an immediate subscription matching any of them (dedupe key
 * "alert:<batch>:<subscriber>"), so a crash either queues the whole batch or none of it.
 *
 * Digests: within a day after digest_weekday at digest_hour (site time), once per site and ISO week
 * (digest_run), a mail per confirmed subscriber with weekly subscriptions matching articles of the seven
 * days before (dedupe "digest:<yyyy-ww>:<subscriber>").
 *
 * Each mail holds the articles as mail_articles shows them at the subscriber's level (user_audience of
 * their account; an address alone is public); a mail left with none is not sent. Returns 0 with *out, or
 * -1 after logging (what committed before stays). */
int alerts_run(struct app *app, store *s, int64_t now, int flags, struct alerts_report *out);

#endif
