/* mailq: the durable mail queue (mailq_db.c) */
#ifndef PLENARY_STORE_MAILQ_H
#define PLENARY_STORE_MAILQ_H

#include "store/store.h"

/* ---- the durable mail queue (mailq_db.c, migration 025) ---- */

/** One message to one recipient, as a producer (account mail, alert, digest, newsletter) hands it to the
 * queue. The sender thread composes it (multipart text and HTML, List-Unsubscribe, DKIM) when it sends. */
struct mail_item {
	int64_t site_id;	     /* the site it speaks for, or 0 */
	const char *kind;	     /* "account", "confirm", "alert", "digest", "newsletter" or "test" */
	const char *dedupe;	     /* a key unique to this message and recipient, or NULL: a second put with
					the same key queues nothing (an alert batch re-run after a crash) */
	const char *to;		     /* a bare address */
	const char *subject;	     /* UTF-8, one line */
	const char *text;	     /* the text/plain part, UTF-8, required */
	const char *html;	     /* the text/html part, or NULL for a text-only message */
	const char *unsubscribe_url; /* https URL for List-Unsubscribe (RFC 8058 one-click), or NULL */
	int64_t campaign_id;	     /* the newsletter it belongs to, or 0 */
	int64_t not_before;	     /* not sent before this Unix time; 0: at once */
};

/** Queues one message: 1 queued, 0 not queued because its dedupe key is already queued or the address is
 * suppressed (bounced, refused for good), -1 on error or a missing field. Joins the caller's transaction
 * when one is open, so a producer's "mark as done" and its messages commit together. */
int store_mail_put(store *s, const struct mail_item *m);
/** 1 when mail to this address is suppressed on every site (a bounce or a permanent refusal), 0 when not,
 * -1 on error. */
int store_mail_suppressed(store *s, const char *email);
/** Counts of a newsletter's messages by state. */
struct mail_counts {
	int64_t queued, sent, failed, suppressed;
};
int store_mail_counts(store *s, int64_t campaign_id, struct mail_counts *out);

/* Limits store_mail_put holds a message to: a subject line of RFC 5322's 998 bytes, bodies of 2 MiB each, a
 * dedupe key and an unsubscribe URL of 2048 bytes, a kind of 32. */
#define MAIL_SUBJECT_MAX 998
#define MAIL_BODY_MAX (2 * 1024 * 1024)
#define MAIL_KEY_MAX 2048
#define MAIL_KIND_MAX 32
/** Stops mail to an address on every site: source "bounce", "smtp" or "admin", reason a line (cut to 1000
 * bytes); its queued messages become 'suppressed'. 1 added, 0 already suppressed, -1 on error or a bad
 * address or source. */
int store_mail_suppress(store *s, const char *email, const char *source, const char *reason);
/** Lifts an address's suppression: 1 lifted, 0 when it was not suppressed, -1 on error. Messages already
 * marked 'suppressed' stay so. */
int store_mail_unsuppress(store *s, const char *email);

/** A queued message as the sender claims it (store_mail_claim). */
struct mail_row {
	int64_t id, site_id, campaign_id, attempts, created_at;
	const char *kind, *to, *subject, *text, *html,
	    *unsubscribe_url; /* html, unsubscribe_url: "" when none */
};
/** Puts back to 'queued' the rows left 'sending' that node claimed (its life before a crash) or that any
 * node claimed before stale_before (a node that never came back): how many, or -1. */
int store_mail_recover(store *s, const char *node, int64_t stale_before);
/** Claims at most max due rows (queued, not_before <= now), oldest first, for node: each becomes 'sending'
 * with claimed_at, in one transaction whose SELECT skips rows another node holds (PostgreSQL's FOR UPDATE
 * SKIP LOCKED). Rows to a suppressed address become 'suppressed' instead and are not returned. 0 with *out
 * (pool) and *n, or -1. */
int store_mail_claim(store *s, h2o_mem_pool_t *pool, const char *node, int max, struct mail_row **out,
		     size_t *n);
/** After an attempt of a claimed row: state "sent" (sent_at now), "queued" again with retry_at as its
 * not_before, "failed", or "suppressed"; attempts grows by one but for "suppressed"; error (or NULL) is
 * kept as last_error, cut to one line. 0, or -1. */
int store_mail_done(store *s, int64_t id, const char *state, int64_t retry_at, const char *error);

/** Forgets what is done with (sent, failed, suppressed) since before `before`, at most max rows a call: a
 * newsletter's rows keep their state for its counts and lose their bodies; other rows go. How many rows it
 * changed, or -1. */
int store_mail_prune(store *s, int64_t before, int max);

/** The back office's view of the queue (/admin/mail). */
struct mail_state_count {
	const char *state;
	int64_t n;
};
struct mail_failure {
	int64_t id, attempts, at; /* at: when it was given up (its claim) */
	const char *to, *subject, *kind, *error;
};
struct mail_suppression {
	int64_t created_at;
	const char *email, *reason, *source;
};
/** Rows by state (every state, 0s included, in the order queued, sending, sent, failed, suppressed): 0, or
 * -1; *out has 5 items. */
int store_mail_states(store *s, h2o_mem_pool_t *pool, struct mail_state_count **out);
/** The newest failed rows, at most max: 0, or -1. */
int store_mail_failures(store *s, h2o_mem_pool_t *pool, int max, struct mail_failure **out, size_t *n);
/** Suppressed addresses containing q (any case; "" for all), newest first, at most max; *total: how many
 * match. 0, or -1. */
int store_mail_suppressions(store *s, h2o_mem_pool_t *pool, const char *q, int max,
			    struct mail_suppression **out, size_t *n, int64_t *total);

#endif
