/* newsletters: the editors' newsletters (newsletter_db.c) */
#ifndef PLENARY_STORE_NEWSLETTERS_H
#define PLENARY_STORE_NEWSLETTERS_H

#include "store/store.h"
#include "store/accounts.h"

/* ---- the editors' newsletters (newsletter_db.c, migration 027) ---- */

#define NEWSLETTER_MAX_SUBJECT 200     /* bytes of a subject */
#define NEWSLETTER_MAX_INTRO 20000     /* bytes of an introduction (Markdown) */
#define NEWSLETTER_MAX_ARTICLES 30     /* articles of one newsletter */
#define NEWSLETTERS_LISTED 50	       /* newsletters store_newsletters gives, newest first */
#define NEWSLETTER_RECIPIENTS_PAGE 500 /* recipients store_newsletter_recipients gives at a time */

/** A newsletter: state "draft", "scheduled" (send_at set), "sending" (only inside the transaction that sends
 * it) or "sent" (sent_at and recipients set). */
struct newsletter {
	int64_t id, site_id, send_at, created_by, created_at, updated_at, sent_at, recipients;
	const char *subject, *intro, *state, *author_name; /* author_name: the creator's name, else email */
	int64_t unsubscribed; /* its recipients who are no longer confirmed subscribers of the site */
};
/** What an editor saves: id 0 creates a draft; articles in their order (each of the site, any status). */
struct newsletter_edit {
	int64_t id, site_id;
	const char *subject, *intro;
	const int64_t *articles;
	size_t narticles;
};
/** Saves a draft or a scheduled newsletter (which stays scheduled) with its articles, audited: SAVE_OK with
 * *id_out; SAVE_NOT_FOUND when there is no such newsletter on the site or an article is not the site's;
 * SAVE_CONFLICT when it is being sent or sent; SAVE_ERROR on an empty or overlong subject, an overlong
 * intro, more than NEWSLETTER_MAX_ARTICLES or a repeated article, or a database error. */
enum save_result store_newsletter_save(store *s, const struct newsletter_edit *e, int64_t user_id,
				       int64_t *id_out);
/** The site's NEWSLETTERS_LISTED newest newsletters, with unsubscribed counted for the sent ones. */
int store_newsletters(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct newsletter **out, size_t *n);
/** One newsletter of the site (unsubscribed counted): 1, 0, -1. */
int store_newsletter_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			   struct newsletter *out);
/** Its articles in order, whatever their status: id, slug, title, summary, audience, status, published_at and
 * section.name (the mail reads what readers may see through store_article_by_slug). */
int store_newsletter_articles(store *s, h2o_mem_pool_t *pool, int64_t newsletter_id, struct article **out,
			      size_t *n);
/** The other members of its articles' families of translations that are visible now, by the listed article's
 * position then id: listed[i] the listed article out[i] stands for; out[i] as store_newsletter_articles's,
 * with lang its language or else its site's ("fr"). A reader is sent the one in their language. */
int store_newsletter_members(store *s, h2o_mem_pool_t *pool, int64_t newsletter_id, int64_t **listed,
			     struct article **out, size_t *n);
/** Schedules a draft (or moves a scheduled one) to send_at, audited: SAVE_OK; SAVE_NOT_FOUND; SAVE_CONFLICT
 * when it is being sent or sent, or send_at is not in the future. */
enum save_result store_newsletter_schedule(store *s, int64_t site_id, int64_t id, int64_t send_at,
					   int64_t user_id);
/** A scheduled newsletter back to draft, audited: SAVE_OK; SAVE_NOT_FOUND; SAVE_CONFLICT when not scheduled
 * (sent, or being sent, already). */
enum save_result store_newsletter_cancel(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** Deletes a draft newsletter with its articles, audited: SAVE_OK; SAVE_NOT_FOUND; SAVE_CONFLICT when it is
 * not a draft (scheduled: cancel it first; sent: its record stays). */
enum save_result store_newsletter_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** The scheduled newsletter due first at now (any site): 1 with *id and *site_id, 0 none, -1. */
int store_newsletter_due(store *s, int64_t now, int64_t *id, int64_t *site_id);
/** Claims a due newsletter for sending (scheduled, due at now: state sending), to be called inside a batch
 * (store_batch_begin) that puts its messages and store_newsletter_sent marks it, so it is sent once whatever
 * crashes or other nodes do (on PostgreSQL a second claimer waits for the row, then finds it sent). 1
 * claimed, 0 not (cancelled, or sent by another), -1. */
int store_newsletter_claim(store *s, int64_t id, int64_t now);
/** A confirmed subscriber a newsletter goes to, with the account's fields the reader's level comes from
 * (user.id 0 for an address without an account). */
struct newsletter_recipient {
	int64_t subscriber_id;
	const char *email;
	struct user user;     /* id, email_verified, profession, hcp_declared, hcp_status */
	const char *language; /* of its mail: the account's, else the subscriber's ("": the site's) */
};
/** Up to NEWSLETTER_RECIPIENTS_PAGE of the site's confirmed subscribers with a subscriber id above after, by
 * id (the audience: every confirmed subscriber of the site). */
int store_newsletter_recipients(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t after,
				struct newsletter_recipient **out, size_t *n);
/** Records that the newsletter went to a subscriber (its unsubscribed count reads these). 0, or -1. */
int store_newsletter_recipient_add(store *s, int64_t id, int64_t subscriber_id, const char *email);
/** Marks a claimed newsletter sent to `recipients` addresses. 0, or -1. */
int store_newsletter_sent(store *s, int64_t id, int64_t recipients);

#endif
