/* newsletter_db: the editors' newsletters, their articles and recipients (027), written once on the seam. */
#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/newsletters.h"
#include "store/public_db.h"

enum {
	N_INSERT = 720, /* slots 720-759 of the seam belong to newsletter_db.c */
	N_UPDATE,
	N_STATE,
	N_ARTICLES_DROP,
	N_ARTICLE_ADD,
	N_LIST,
	N_ONE,
	N_ARTICLES,
	N_SCHEDULE,
	N_CANCEL,
	N_DUE,
	N_CLAIM,
	N_RECIPIENTS,
	N_RECIPIENT_ADD,
	N_SENT,
	N_DELETE,
	N_MEMBERS,
	N_END
};
_Static_assert(N_END <= 760, "newsletter_db.c owns the seam's statement slots 720 to 759");

/* Its recipients who are no longer confirmed subscribers with the address they had (an id SQLite reuses
 * for another address does not count as the same subscriber). */
#define UNSUBSCRIBED                                                                                         \
	"(SELECT count(*) FROM newsletter_recipient r WHERE r.newsletter_id = n.id AND NOT EXISTS (SELECT "  \
	"1 "                                                                                                 \
	"FROM subscriber b WHERE b.id = r.subscriber_id AND b.email = r.email AND b.confirmed_at IS NOT "    \
	"NULL))"

#define NEWSLETTER_COLS                                                                                      \
	"SELECT n.id, n.site_id, n.subject, n.intro, n.state, COALESCE(n.send_at, 0), "                      \
	"COALESCE(n.created_by, 0), n.created_at, n.updated_at, COALESCE(n.sent_at, 0), n.recipients, "      \
	"COALESCE(NULLIF(u.name, ''), u.email, ''), CASE WHEN n.state = 'sent' THEN " UNSUBSCRIBED           \
	" ELSE 0 END FROM newsletter n LEFT JOIN \"user\" u ON u.id = n.created_by "

static void fill_newsletter(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct newsletter *x = item;
	x->id = db_col_int64(st, 0);
	x->site_id = db_col_int64(st, 1);
	x->subject = db_col_text(st, pool, 2);
	x->intro = db_col_text(st, pool, 3);
	x->state = db_col_text(st, pool, 4);
	x->send_at = db_col_int64(st, 5);
	x->created_by = db_col_int64(st, 6);
	x->created_at = db_col_int64(st, 7);
	x->updated_at = db_col_int64(st, 8);
	x->sent_at = db_col_int64(st, 9);
	x->recipients = db_col_int64(st, 10);
	x->author_name = db_col_text(st, pool, 11);
	x->unsubscribed = db_col_int64(st, 12);
}

int store_newsletters(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct newsletter **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), N_LIST, NEWSLETTER_COLS "WHERE n.site_id = ?1 ORDER BY n.id DESC LIMIT ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, NEWSLETTERS_LISTED);
	return db_collect(st, pool, sizeof **out, fill_newsletter, (void **)out, n);
}

int store_newsletter_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			   struct newsletter *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), N_ONE, NEWSLETTER_COLS "WHERE n.site_id = ?1 AND n.id = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_newsletter, out);
}

/* An article's columns id, slug, title, summary, audience, status, published_at, section name from at. */
static void article_cols(h2o_mem_pool_t *pool, struct db_stmt *st, int at, struct article *x)
{
	x->id = db_col_int64(st, at);
	x->slug = db_col_text(st, pool, at + 1);
	x->title = db_col_text(st, pool, at + 2);
	x->summary = db_col_text(st, pool, at + 3);
	x->audience = db_col_text(st, pool, at + 4);
	x->status = db_col_text(st, pool, at + 5);
	x->published_at = db_col_int64(st, at + 6);
	x->section.name = db_col_text(st, pool, at + 7);
}

static void fill_article(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	article_cols(pool, st, 0, item);
}

int store_newsletter_articles(store *s, h2o_mem_pool_t *pool, int64_t newsletter_id, struct article **out,
			      size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), N_ARTICLES,
	    "SELECT a.id, a.slug, a.title, a.summary, a.audience, a.status, COALESCE(a.published_at, 0), "
	    "COALESCE(c.name, '') FROM newsletter_article na JOIN article a ON a.id = na.article_id "
	    "LEFT JOIN section c ON c.id = a.section_id WHERE na.newsletter_id = ?1 ORDER BY na.position");
	db_bind_int64(st, 1, newsletter_id);
	return db_collect(st, pool, sizeof **out, fill_article, (void **)out, n);
}

struct member_row {
	int64_t listed;
	struct article a;
};

static void fill_member(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct member_row *x = item;
	x->listed = db_col_int64(st, 0);
	article_cols(pool, st, 1, &x->a);
	x->a.lang = db_col_text(st, pool, 9);
}

int store_newsletter_members(store *s, h2o_mem_pool_t *pool, int64_t newsletter_id, int64_t **listed,
			     struct article **out, size_t *n)
{
	/* a family is its original and the articles naming it: read by id and by article_by_family */
	struct db_stmt *st = db_prepare(
	    db_of(s), N_MEMBERS,
	    "SELECT l.id, a.id, a.slug, a.title, a.summary, a.audience, a.status, COALESCE(a.published_at, "
	    "0), "
	    "COALESCE(c.name, ''), COALESCE(NULLIF(a.lang, ''), t.language) FROM newsletter_article na "
	    "JOIN article l ON l.id = na.article_id JOIN article a ON (a.id = COALESCE(l.family_id, l.id) "
	    "OR a.family_id = COALESCE(l.family_id, l.id)) AND a.id <> l.id JOIN site t ON t.id = a.site_id "
	    "LEFT JOIN section c ON c.id = a.section_id WHERE na.newsletter_id = ?1 AND " DB_VISIBLE_AT(
		"a", "?2") " ORDER BY na.position, a.id");
	db_bind_int64(st, 1, newsletter_id);
	db_bind_int64(st, 2, db_now());
	struct member_row *rows = NULL;
	*n = 0;
	if (db_collect(st, pool, sizeof *rows, fill_member, (void **)&rows, n) != 0)
		return -1;
	*listed = h2o_mem_alloc_pool(pool, (*n ? *n : 1) * sizeof **listed);
	*out = h2o_mem_alloc_pool(pool, (*n ? *n : 1) * sizeof **out);
	for (size_t i = 0; i < *n; i++) {
		(*listed)[i] = rows[i].listed;
		(*out)[i] = rows[i].a;
	}
	return 0;
}

/* 1 when s has a control character (a subject is one line of text). */
static int has_control(const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			return 1;
	return 0;
}

/* 1 when e is within the limits, its articles named once each. */
static int edit_ok(const struct newsletter_edit *e)
{
	size_t subject = e->subject ? strlen(e->subject) : 0, intro = e->intro ? strlen(e->intro) : 0;
	if (!subject || subject > NEWSLETTER_MAX_SUBJECT || has_control(e->subject) ||
	    intro > NEWSLETTER_MAX_INTRO || e->narticles > NEWSLETTER_MAX_ARTICLES ||
	    (e->narticles && !e->articles))
		return 0;
	for (size_t i = 0; i < e->narticles; i++)
		for (size_t j = 0; j < i; j++)
			if (e->articles[i] == e->articles[j] || e->articles[i] <= 0)
				return 0;
	return !(e->narticles && e->articles[0] <= 0);
}

/* The state of a newsletter of the site, locked for the transaction (FOR UPDATE on PostgreSQL): 1 with it in
 * state (a buffer of 16), 0 none, -1. */
static int state_of(struct db *d, int64_t site_id, int64_t id, char state[16])
{
	struct db_stmt *st =
	    db_prepare(d, N_STATE, "SELECT state FROM newsletter WHERE site_id = ?1 AND id = ?2 FOR UPDATE");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, id);
	int rc = db_step(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? 0 : -1;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	snprintf(state, 16, "%s", db_col_text(st, &pool, 0));
	h2o_mem_clear_pool(&pool);
	db_reset(st);
	return 1;
}

static int editable(const char *state)
{
	return strcmp(state, "draft") == 0 || strcmp(state, "scheduled") == 0;
}

static enum save_result save_locked(struct db *d, const struct newsletter_edit *e, int64_t user_id,
				    int64_t *id_out)
{
	if (e->id) {
		char state[16];
		int found = state_of(d, e->site_id, e->id, state);
		if (found <= 0)
			return found < 0 ? SAVE_ERROR : SAVE_NOT_FOUND;
		if (!editable(state))
			return SAVE_CONFLICT;
	}
	struct db_stmt *st;
	if (e->id) {
		st = db_prepare(
		    d, N_UPDATE,
		    "UPDATE newsletter SET subject = ?3, intro = ?4, updated_at = ?5 WHERE site_id = ?1 "
		    "AND id = ?2");
		db_bind_int64(st, 1, e->site_id);
		db_bind_int64(st, 2, e->id);
	} else {
		st = db_prepare(
		    d, N_INSERT,
		    "INSERT INTO newsletter (site_id, subject, intro, state, created_by, created_at, "
		    "updated_at) VALUES (?1, ?3, ?4, 'draft', CASE WHEN CAST(?2 AS BIGINT) > 0 THEN "
		    "CAST(?2 AS BIGINT) END, ?5, ?5) RETURNING id");
		db_bind_int64(st, 1, e->site_id);
		db_bind_int64(st, 2, user_id);
	}
	db_bind_text(st, 3, e->subject);
	db_bind_text(st, 4, e->intro ? e->intro : "");
	db_bind_int64(st, 5, db_now());
	int64_t id = 0;
	enum save_result rc = db_save_row(st, e->id, "newsletter", user_id, e->subject, &id, NULL);
	if (rc != SAVE_OK)
		return rc == SAVE_SLUG_TAKEN ? SAVE_ERROR : rc;
	st = db_prepare(d, N_ARTICLES_DROP, "DELETE FROM newsletter_article WHERE newsletter_id = ?1");
	db_bind_int64(st, 1, id);
	if (db_exec(st, NULL) != 0)
		return SAVE_ERROR;
	for (size_t i = 0; i < e->narticles; i++) {
		st = db_prepare(
		    d, N_ARTICLE_ADD,
		    "INSERT INTO newsletter_article (newsletter_id, article_id, position) SELECT ?1, "
		    "a.id, ?3 FROM article a WHERE a.id = ?2 AND a.site_id = ?4");
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, e->articles[i]);
		db_bind_int64(st, 3, (int64_t)i);
		db_bind_int64(st, 4, e->site_id);
		int changes = 0;
		if (db_exec(st, &changes) != 0)
			return SAVE_ERROR;
		if (changes != 1)
			return SAVE_NOT_FOUND;
	}
	*id_out = id;
	return SAVE_OK;
}

enum save_result store_newsletter_save(store *s, const struct newsletter_edit *e, int64_t user_id,
				       int64_t *id_out)
{
	if (!edit_ok(e))
		return SAVE_ERROR;
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	return db_end(d, save_locked(d, e, user_id, id_out));
}

/* One change of state under the row's lock, audited as "newsletter.verb": SAVE_OK, SAVE_NOT_FOUND, or
 * SAVE_CONFLICT when the statement (bound: ?1 site, ?2 id, ?3 now, ?4 send_at) changed nothing. */
static enum save_result change_state(store *s, int64_t site_id, int64_t id,
				     struct db_stmt *(*prep)(struct db *), int64_t send_at, const char *verb,
				     int64_t user_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	char state[16];
	int found = state_of(d, site_id, id, state);
	enum save_result rc = found < 0 ? SAVE_ERROR : found == 0 ? SAVE_NOT_FOUND : SAVE_OK;
	if (rc == SAVE_OK) {
		struct db_stmt *st = prep(d);
		db_bind_int64(st, 1, site_id);
		db_bind_int64(st, 2, id);
		db_bind_int64(st, 3, db_now());
		db_bind_int64(st, 4, send_at);
		int changes = 0;
		rc = db_exec(st, &changes) != 0 ? SAVE_ERROR : changes == 1 ? SAVE_OK : SAVE_CONFLICT;
	}
	if (rc == SAVE_OK) {
		char detail[32];
		snprintf(detail, sizeof detail, "%lld", (long long)send_at);
		rc = db_audit_record(s, user_id, "newsletter", verb, id, send_at ? detail : "");
	}
	return db_end(d, rc);
}

static struct db_stmt *schedule_stmt(struct db *d)
{
	return db_prepare(
	    d, N_SCHEDULE,
	    "UPDATE newsletter SET state = 'scheduled', send_at = ?4, updated_at = ?3 WHERE site_id "
	    "= ?1 AND id = ?2 AND state IN ('draft', 'scheduled') AND CAST(?4 AS BIGINT) > ?3");
}

static struct db_stmt *cancel_stmt(struct db *d)
{
	return db_prepare(
	    d, N_CANCEL,
	    "UPDATE newsletter SET state = 'draft', send_at = NULL, updated_at = ?3 WHERE site_id = "
	    "?1 AND id = ?2 AND state = 'scheduled' AND CAST(?4 AS BIGINT) = 0");
}

enum save_result store_newsletter_schedule(store *s, int64_t site_id, int64_t id, int64_t send_at,
					   int64_t user_id)
{
	return change_state(s, site_id, id, schedule_stmt, send_at, "schedule", user_id);
}

enum save_result store_newsletter_cancel(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	return change_state(s, site_id, id, cancel_stmt, 0, "cancel", user_id);
}

static struct db_stmt *delete_stmt(struct db *d)
{
	return db_prepare(d, N_DELETE,
			  "DELETE FROM newsletter WHERE site_id = ?1 AND id = ?2 AND state = 'draft' AND "
			  "CAST(?3 AS BIGINT) > 0 AND CAST(?4 AS BIGINT) = 0");
}

enum save_result store_newsletter_delete(store *s, int64_t site_id, int64_t id, int64_t user_id)
{
	return change_state(s, site_id, id, delete_stmt, 0, "delete", user_id);
}

int store_newsletter_due(store *s, int64_t now, int64_t *id, int64_t *site_id)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), N_DUE,
		       "SELECT id, site_id FROM newsletter WHERE state = 'scheduled' AND send_at <= ?1 "
		       "ORDER BY send_at, id LIMIT 1");
	db_bind_int64(st, 1, now);
	int rc = db_step(st);
	if (rc != DB_ROW)
		return rc == DB_DONE ? 0 : -1;
	*id = db_col_int64(st, 0);
	*site_id = db_col_int64(st, 1);
	db_reset(st);
	return 1;
}

int store_newsletter_claim(store *s, int64_t id, int64_t now)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), N_CLAIM,
		       "UPDATE newsletter SET state = 'sending', updated_at = ?2 WHERE id = ?1 AND "
		       "state = 'scheduled' AND send_at <= ?2");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, now);
	int changes = 0;
	return db_exec(st, &changes) != 0 ? -1 : changes == 1;
}

static void fill_recipient(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct newsletter_recipient *x = item;
	x->subscriber_id = db_col_int64(st, 0);
	x->email = db_col_text(st, pool, 1);
	x->user.id = db_col_int64(st, 2);
	x->user.email = x->email;
	x->user.email_verified = db_col_int(st, 3);
	x->user.profession = db_col_text(st, pool, 4);
	x->user.hcp_declared = db_col_int(st, 5);
	x->user.hcp_status = db_col_text(st, pool, 6);
	x->language = db_col_text(st, pool, 7);
}

int store_newsletter_recipients(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t after,
				struct newsletter_recipient **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), N_RECIPIENTS,
	    "SELECT b.id, b.email, COALESCE(u.id, 0), CASE WHEN u.email_verified_at IS NOT NULL THEN 1 ELSE "
	    "0 "
	    "END, COALESCE(u.profession, 'not_hcp'), COALESCE(u.hcp_declared, 0), COALESCE(u.hcp_status, "
	    "'none'), COALESCE(NULLIF(u.language, ''), b.language) FROM subscriber b LEFT JOIN \"user\" u ON "
	    "u.id = b.user_id WHERE b.site_id = ?1 AND "
	    "b.confirmed_at IS NOT NULL AND b.id > ?2 ORDER BY b.id LIMIT ?3");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, after);
	db_bind_int64(st, 3, NEWSLETTER_RECIPIENTS_PAGE);
	return db_collect(st, pool, sizeof **out, fill_recipient, (void **)out, n);
}

int store_newsletter_recipient_add(store *s, int64_t id, int64_t subscriber_id, const char *email)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), N_RECIPIENT_ADD,
		       "INSERT INTO newsletter_recipient (newsletter_id, subscriber_id, email) VALUES "
		       "(?1, ?2, ?3) ON CONFLICT DO NOTHING");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, subscriber_id);
	db_bind_text(st, 3, email);
	return db_exec(st, NULL);
}

int store_newsletter_sent(store *s, int64_t id, int64_t recipients)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), N_SENT,
		       "UPDATE newsletter SET state = 'sent', sent_at = ?2, updated_at = ?2, "
		       "recipients = ?3, send_at = NULL WHERE id = ?1 AND state = 'sending'");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, db_now());
	db_bind_int64(st, 3, recipients);
	int changes = 0;
	return db_exec(st, &changes) != 0 || changes != 1 ? -1 : 0;
}
