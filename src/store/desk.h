/* desk: the calendar and who has which article open (desk_db.c) */
#ifndef PLENARY_STORE_DESK_H
#define PLENARY_STORE_DESK_H

#include "store/store.h"
#include "store/accounts.h"
#include "store/editorial.h"

/* ---- the desk (desk_db.c): the calendar and who has which article open ---- */

/** An article on the calendar: its publication time (UTC) and status (scheduled or published). */
struct calendar_item {
	int64_t id, at;
	const char *title, *status, *section;
};
/** The site's scheduled and published articles with a time in [from, to), by time; at most limit. */
int store_calendar(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t to, size_t limit,
		   struct calendar_item **out, size_t *n);

/** Someone with an article open in the editor: their name (else email) and when last seen. */
struct presence {
	int64_t article_id, seen_at;
	const char *name;
};
/** Marks article_id as open in user_id's editor now (and forgets marks an hour old). */
int store_presence_mark(store *s, int64_t article_id, int64_t user_id);
/** Forgets user_id's mark on article_id (the editor was saved or left). */
int store_presence_leave(store *s, int64_t article_id, int64_t user_id);
/** Who other than user_id has article_id open, seen at since or later: the latest first, at most 5. */
int store_presence_others(store *s, h2o_mem_pool_t *pool, int64_t article_id, int64_t user_id, int64_t since,
			  struct presence **out, size_t *n);
/** The same for every article of a site, by article (at most 500 rows). */
int store_presence_site(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id, int64_t since,
			struct presence **out, size_t *n);
/** Creates (p->id 0) or updates a faculty member; SAVE_SLUG_TAKEN when another has the slug. */
enum save_result store_person_save(store *s, const struct person *p, const char *bio, int64_t user_id,
				   int64_t *id_out);
/** A faculty member by id with the bio in *bio. 1 found, 0 not, -1 error. */
int store_person_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct person *out, const char **bio);
/** Creates (c->id 0) or updates a congress of a site; SAVE_SLUG_TAKEN when the slug is used. */
enum save_result store_congress_save(store *s, int64_t site_id, const struct congress *c, int64_t user_id,
				     int64_t *id_out);
/** A congress by id (any, with or without articles). */
int store_congress_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct congress *out);
/** Creates (p->id 0) or updates a sponsor of a site (name, link, logo path, disclosure text). */
enum save_result store_sponsor_save(store *s, int64_t site_id, const struct sponsor *p, int64_t user_id,
				    int64_t *id_out);
int store_sponsor_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct sponsor *out);
/** A trial record as the back office edits it. */
struct trial_edit {
	int64_t id;
	const char *slug, *name, *aliases, *registry_id, *phase, *setting, *population, *arms,
	    *primary_endpoint, *results, *status;
};
/** Creates (t->id 0) or updates a trial of a site; SAVE_SLUG_TAKEN, SAVE_NOT_FOUND as for articles. */
enum save_result store_trial_save(store *s, int64_t site_id, const struct trial_edit *t, int64_t user_id,
				  int64_t *id_out);
int store_trial_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct trial_edit *out);
/** The whole record of a trial by its slug, for its public page: 1 found, 0 not, -1 error. */
int store_trial_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			struct trial_edit *out);
/** The site's trials with how many visible articles each has, by name. */
int store_trials(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct trial **out, size_t *n);
/** Accounts for the admin's list, newest first. */
int store_users_list(store *s, h2o_mem_pool_t *pool, size_t offset, size_t limit, struct user **out,
		     size_t *n, size_t *total);
/** Contact messages, newest first (id in the message's site_id field is the message id). */
int store_contact_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
		       struct contact_message **out, size_t *n);
/** The shared records the back office edits besides articles. */
enum live_record {
	LIVE_TRIAL = 0,
	LIVE_CONGRESS = 1,
	LIVE_PERSON = 2,
	LIVE_SPONSOR = 3
}; /* numbers the queries use */
/** 1 when readers see the record now or will without an editor acting again: a congress has its hub page
 * from the start; a trial, person or sponsor once a published or scheduled article names it. 0 when not
 * (a new record, or one only drafts name), -1 on error. Contributors' saves of live records are refused. */
int store_record_live(store *s, enum live_record kind, int64_t id);
/** Choices for the editor's selects: people, trials and sponsors of a site (people are shared). */
int store_people_all(store *s, h2o_mem_pool_t *pool, struct named **out, size_t *n);
int store_trials_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n);
int store_sponsors_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n);

#endif
