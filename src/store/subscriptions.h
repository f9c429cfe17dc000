/* subscriptions: readers' alert subscriptions (subscriptions_db.c) */
#ifndef PLENARY_STORE_SUBSCRIPTIONS_H
#define PLENARY_STORE_SUBSCRIPTIONS_H

#include "store/store.h"

/* ---- readers' subscriptions (subscriptions_db.c, migration 024) ---- */

#define SUBSCRIPTIONS_MAX 200 /* subscriptions of one subscriber: the store adds no more */
#define SUBSCRIBER_MAX_EMAIL 254

/** An address subscribed on a site, maybe an account's; confirmed_at 0 until confirmed. */
struct subscriber {
	int64_t id, site_id, user_id, confirmed_at, created_at;
	const char *email;
};
/** One subscription: kind "section", "congress", "trial" or "topic" (a tag), its target's id and name, and
 * cadence "immediate" or "weekly". */
struct subscription {
	int64_t id, subscriber_id, target_id, created_at;
	const char *kind, *target_name, *cadence;
};
/** What a reader of a site may subscribe to. */
struct subscription_target {
	int64_t id;
	const char *kind, *name;
};
/** The subscriber of an address on a site (its ASCII letters lowered), made when new: its id, or -1. A
 * user_id (0 for none) is kept when it had none; confirmed (the account's email is verified) confirms it. */
int64_t store_subscriber_ensure(store *s, int64_t site_id, const char *email, int64_t user_id, int confirmed);
/** Sets the language subscriber id's mail is written in ("fr"; "" the site's default). 0, or -1. */
int store_subscriber_set_language(store *s, int64_t id, const char *lang);
/** The languages a mail to account user_id and/or subscriber subscriber_id (0: none) of site site_id may be
 * written in: out[0] the account's, out[1] the subscriber's, out[2] the site's default ("" when unset or
 * no such row), in pool. 0, or -1. */
int store_mail_languages(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id,
			 int64_t subscriber_id, const char *out[3]);
/** One subscriber: 1 found, 0 not, -1 on error. */
int store_subscriber_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct subscriber *out);
/** The subscriber of an account on a site: 1 found, 0 not, -1 on error. */
int store_subscriber_of_user(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id,
			     struct subscriber *out);
/** Confirms a subscriber: 1 confirmed now, 0 already confirmed, -1 no such subscriber or an error. */
int store_subscriber_confirm(store *s, int64_t id);
/** Deletes a subscriber and every subscription of it (unsubscribe from everything): 1, 0 none, -1. */
int store_subscriber_delete(store *s, int64_t id);
/** A subscriber's subscriptions by kind and target name. */
int store_subscriptions_of(store *s, h2o_mem_pool_t *pool, int64_t subscriber_id, struct subscription **out,
			   size_t *n);
/** Subscribes to the target of kind on the subscriber's own site, or changes the cadence of that
 * subscription: SAVE_OK, SAVE_NOT_FOUND when the site has no such target (or the kind or cadence is
 * unknown), SAVE_CONFLICT when the subscriber has SUBSCRIPTIONS_MAX already. */
enum save_result store_subscription_add(store *s, int64_t subscriber_id, const char *kind, int64_t target_id,
					const char *cadence);
/** Changes the cadence of a subscriber's subscription: SAVE_OK, or SAVE_NOT_FOUND. */
enum save_result store_subscription_cadence(store *s, int64_t subscriber_id, int64_t id, const char *cadence);
/** Removes a subscriber's subscription: SAVE_OK, or SAVE_NOT_FOUND. */
enum save_result store_subscription_remove(store *s, int64_t subscriber_id, int64_t id);
/** A site's sections, congresses, trials and topics, by kind then name. */
int store_subscription_targets(store *s, h2o_mem_pool_t *pool, int64_t site_id,
			       struct subscription_target **out, size_t *n);

#endif
