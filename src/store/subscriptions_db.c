/* subscriptions_db: readers' subscribers and their subscriptions (024), written once on the seam (db.h). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/db.h"
#include "store/subscriptions.h"

enum {
	S_SUBSCRIBER_ENSURE = 592, /* slots 592-619 of the seam belong to subscriptions_db.c */
	S_SUBSCRIBER_ONE,
	S_SUBSCRIBER_OF_USER,
	S_SUBSCRIBER_CONFIRM,
	S_SUBSCRIBER_CONFIRMED,
	S_SUBSCRIBER_DELETE,
	S_SUBSCRIPTIONS_OF,
	S_SUBSCRIPTION_SAME,
	S_SUBSCRIPTION_COUNT,
	S_SUBSCRIPTION_INSERT,
	S_SUBSCRIPTION_CADENCE,
	S_SUBSCRIPTION_REMOVE,
	S_SUBSCRIPTION_TARGETS,
	S_END
};
_Static_assert(S_END <= 620, "subscriptions_db.c owns the seam's statement slots 592 to 619");

/* One lock a subscriber (this number plus its id): its adds take turns, so two at once stay under the limit
 * on PostgreSQL as SQLite's one writer keeps them. */
#define SUBSCRIBER_LOCK 7284400000LL

static const char *const KINDS[] = {"section", "congress", "trial", "topic"};

static int known(const char *v, const char *const *set, size_t n)
{
	for (size_t i = 0; v && i < n; i++)
		if (strcmp(v, set[i]) == 0)
			return 1;
	return 0;
}

static int cadence_ok(const char *c)
{
	static const char *const CADENCES[] = {"immediate", "weekly"};
	return known(c, CADENCES, 2);
}

#define SUBSCRIBER_COLS                                                                                      \
	"SELECT id, site_id, COALESCE(user_id, 0), COALESCE(confirmed_at, 0), created_at, email "

static void fill_subscriber(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct subscriber *x = item;
	x->id = db_col_int64(st, 0);
	x->site_id = db_col_int64(st, 1);
	x->user_id = db_col_int64(st, 2);
	x->confirmed_at = db_col_int64(st, 3);
	x->created_at = db_col_int64(st, 4);
	x->email = db_col_text(st, pool, 5);
}

int64_t store_subscriber_ensure(store *s, int64_t site_id, const char *email, int64_t user_id, int confirmed)
{
	size_t len = email ? strlen(email) : 0;
	if (len == 0 || len > SUBSCRIBER_MAX_EMAIL)
		return -1;
	char lowered[SUBSCRIBER_MAX_EMAIL + 1];
	for (size_t i = 0; i <= len; i++)
		lowered[i] = (char)(email[i] >= 'A' && email[i] <= 'Z' ? email[i] - 'A' + 'a' : email[i]);
	struct db_stmt *st = db_prepare(
	    db_of(s), S_SUBSCRIBER_ENSURE,
	    "INSERT INTO subscriber (site_id, email, user_id, confirmed_at, created_at) "
	    "VALUES (?1, ?2, CASE WHEN CAST(?3 AS BIGINT) > 0 THEN CAST(?3 AS BIGINT) END, "
	    "CASE WHEN CAST(?4 AS BIGINT) > 0 THEN CAST(?5 AS BIGINT) END, ?5) "
	    "ON CONFLICT (site_id, email) DO UPDATE SET user_id = COALESCE(subscriber.user_id, "
	    "excluded.user_id), "
	    "confirmed_at = COALESCE(subscriber.confirmed_at, excluded.confirmed_at) RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, lowered);
	db_bind_int64(st, 3, user_id);
	db_bind_int64(st, 4, confirmed ? 1 : 0);
	db_bind_int64(st, 5, db_now());
	int64_t id = 0;
	return db_exec_id(st, &id) == 1 ? id : -1;
}

int store_subscriber_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct subscriber *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_SUBSCRIBER_ONE, SUBSCRIBER_COLS "FROM subscriber WHERE id = ?1");
	db_bind_int64(st, 1, id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_subscriber, out);
}

int store_subscriber_of_user(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id,
			     struct subscriber *out)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), S_SUBSCRIBER_OF_USER,
	    SUBSCRIBER_COLS "FROM subscriber WHERE site_id = ?1 AND user_id = ?2 ORDER BY id LIMIT 1");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, user_id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_subscriber, out);
}

int store_subscriber_confirm(store *s, int64_t id)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_SUBSCRIBER_CONFIRM,
		       "UPDATE subscriber SET confirmed_at = ?2 WHERE id = ?1 AND confirmed_at IS NULL");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, db_now());
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return -1;
	if (changes)
		return 1;
	st = db_prepare(db_of(s), S_SUBSCRIBER_CONFIRMED, "SELECT count(*) FROM subscriber WHERE id = ?1");
	db_bind_int64(st, 1, id);
	int rc = db_step(st);
	int64_t n = rc == DB_ROW ? db_col_int64(st, 0) : 0;
	if (rc != DB_ERROR)
		db_reset(st);
	return n == 1 ? 0 : -1;
}

int store_subscriber_delete(store *s, int64_t id)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_SUBSCRIBER_DELETE, "DELETE FROM subscriber WHERE id = ?1");
	db_bind_int64(st, 1, id);
	int changes = 0;
	return db_exec(st, &changes) != 0 ? -1 : changes > 0;
}

static void fill_subscription(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct subscription *x = item;
	x->id = db_col_int64(st, 0);
	x->subscriber_id = db_col_int64(st, 1);
	x->kind = db_col_text(st, pool, 2);
	x->target_id = db_col_int64(st, 3);
	x->target_name = db_col_text(st, pool, 4);
	x->cadence = db_col_text(st, pool, 5);
	x->created_at = db_col_int64(st, 6);
}

int store_subscriptions_of(store *s, h2o_mem_pool_t *pool, int64_t subscriber_id, struct subscription **out,
			   size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), S_SUBSCRIPTIONS_OF,
	    "SELECT b.id, b.subscriber_id, b.kind, COALESCE(b.section_id, b.congress_id, b.trial_id, "
	    "b.tag_id), "
	    "COALESCE(s.name, c.name, t.name, g.name, ''), b.cadence, b.created_at FROM subscription b "
	    "LEFT JOIN section s ON s.id = b.section_id LEFT JOIN congress c ON c.id = b.congress_id "
	    "LEFT JOIN trial t ON t.id = b.trial_id LEFT JOIN tag g ON g.id = b.tag_id "
	    "WHERE b.subscriber_id = ?1 ORDER BY b.kind, 5, b.id");
	db_bind_int64(st, 1, subscriber_id);
	return db_collect(st, pool, sizeof **out, fill_subscription, (void **)out, n);
}

/* The one statement of the subscriber's subscription to kind's target_id that changes its cadence: the rows
 * it changed, or -1. */
static int same_cadence(struct db *d, int64_t subscriber_id, const char *kind, int64_t target_id,
			const char *cadence)
{
	struct db_stmt *st =
	    db_prepare(d, S_SUBSCRIPTION_SAME,
		       "UPDATE subscription SET cadence = ?4 WHERE subscriber_id = ?1 AND kind = ?2 AND "
		       "COALESCE(section_id, congress_id, trial_id, tag_id) = ?3");
	db_bind_int64(st, 1, subscriber_id);
	db_bind_text(st, 2, kind);
	db_bind_int64(st, 3, target_id);
	db_bind_text(st, 4, cadence);
	int changes = 0;
	return db_exec(st, &changes) == 0 ? changes : -1;
}

static enum save_result add_locked(struct db *d, int64_t subscriber_id, const char *kind, int64_t target_id,
				   const char *cadence)
{
	int same = same_cadence(d, subscriber_id, kind, target_id, cadence);
	if (same != 0)
		return same > 0 ? SAVE_OK : SAVE_ERROR;
	struct db_stmt *st =
	    db_prepare(d, S_SUBSCRIPTION_COUNT, "SELECT count(*) FROM subscription WHERE subscriber_id = ?1");
	db_bind_int64(st, 1, subscriber_id);
	int rc = db_step(st);
	if (rc != DB_ROW)
		return SAVE_ERROR;
	int64_t count = db_col_int64(st, 0);
	db_reset(st);
	if (count >= SUBSCRIPTIONS_MAX)
		return SAVE_CONFLICT;
	st = db_prepare(
	    d, S_SUBSCRIPTION_INSERT,
	    "INSERT INTO subscription (subscriber_id, kind, section_id, congress_id, trial_id, tag_id, "
	    "cadence, "
	    "created_at) SELECT b.id, CAST(?2 AS TEXT), "
	    "CASE WHEN CAST(?2 AS TEXT) = 'section' THEN CAST(?3 AS BIGINT) END, "
	    "CASE WHEN CAST(?2 AS TEXT) = 'congress' THEN CAST(?3 AS BIGINT) END, "
	    "CASE WHEN CAST(?2 AS TEXT) = 'trial' THEN CAST(?3 AS BIGINT) END, "
	    "CASE WHEN CAST(?2 AS TEXT) = 'topic' THEN CAST(?3 AS BIGINT) END, CAST(?4 AS TEXT), "
	    "CAST(?5 AS BIGINT) FROM subscriber b WHERE b.id = ?1 AND ("
	    "(CAST(?2 AS TEXT) = 'section' AND EXISTS (SELECT 1 FROM section x WHERE x.id = CAST(?3 AS "
	    "BIGINT) "
	    "AND x.site_id = b.site_id)) OR "
	    "(CAST(?2 AS TEXT) = 'congress' AND EXISTS (SELECT 1 FROM congress x WHERE x.id = CAST(?3 AS "
	    "BIGINT) "
	    "AND x.site_id = b.site_id)) OR "
	    "(CAST(?2 AS TEXT) = 'trial' AND EXISTS (SELECT 1 FROM trial x WHERE x.id = CAST(?3 AS BIGINT) "
	    "AND x.site_id = b.site_id)) OR "
	    "(CAST(?2 AS TEXT) = 'topic' AND EXISTS (SELECT 1 FROM tag x WHERE x.id = CAST(?3 AS BIGINT) "
	    "AND x.site_id = b.site_id))) RETURNING id");
	db_bind_int64(st, 1, subscriber_id);
	db_bind_text(st, 2, kind);
	db_bind_int64(st, 3, target_id);
	db_bind_text(st, 4, cadence);
	db_bind_int64(st, 5, db_now());
	int64_t id = 0;
	rc = db_exec_id(st, &id);
	return rc == 1 ? SAVE_OK : rc == 0 ? SAVE_NOT_FOUND : SAVE_ERROR;
}

enum save_result store_subscription_add(store *s, int64_t subscriber_id, const char *kind, int64_t target_id,
					const char *cadence)
{
	if (!known(kind, KINDS, 4) || !cadence_ok(cadence) || target_id <= 0)
		return SAVE_NOT_FOUND;
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	if (db_xact_lock(d, SUBSCRIBER_LOCK + subscriber_id, 1) != 1) {
		db_rollback(d);
		return SAVE_ERROR;
	}
	return db_end(d, add_locked(d, subscriber_id, kind, target_id, cadence));
}

enum save_result store_subscription_cadence(store *s, int64_t subscriber_id, int64_t id, const char *cadence)
{
	if (!cadence_ok(cadence))
		return SAVE_NOT_FOUND;
	struct db_stmt *st =
	    db_prepare(db_of(s), S_SUBSCRIPTION_CADENCE,
		       "UPDATE subscription SET cadence = ?3 WHERE subscriber_id = ?1 AND id = ?2");
	db_bind_int64(st, 1, subscriber_id);
	db_bind_int64(st, 2, id);
	db_bind_text(st, 3, cadence);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return SAVE_ERROR;
	return changes ? SAVE_OK : SAVE_NOT_FOUND;
}

enum save_result store_subscription_remove(store *s, int64_t subscriber_id, int64_t id)
{
	struct db_stmt *st = db_prepare(db_of(s), S_SUBSCRIPTION_REMOVE,
					"DELETE FROM subscription WHERE subscriber_id = ?1 AND id = ?2");
	db_bind_int64(st, 1, subscriber_id);
	db_bind_int64(st, 2, id);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return SAVE_ERROR;
	return changes ? SAVE_OK : SAVE_NOT_FOUND;
}

static void fill_target(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct subscription_target *x = item;
	x->kind = db_col_text(st, pool, 0);
	x->id = db_col_int64(st, 1);
	x->name = db_col_text(st, pool, 2);
}

int store_subscription_targets(store *s, h2o_mem_pool_t *pool, int64_t site_id,
			       struct subscription_target **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_SUBSCRIPTION_TARGETS,
		       "SELECT k, id, name FROM (SELECT 1 AS o, 'section' AS k, id, name FROM section WHERE "
		       "site_id = ?1 "
		       "UNION ALL SELECT 2, 'congress', id, name FROM congress WHERE site_id = ?1 "
		       "UNION ALL SELECT 3, 'trial', id, name FROM trial WHERE site_id = ?1 "
		       "UNION ALL SELECT 4, 'topic', id, name FROM tag WHERE site_id = ?1) x ORDER BY o, "
		       "lower(name), id");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_target, (void **)out, n);
}
