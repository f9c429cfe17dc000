/* alerts_db: what alerts and weekly digests cover (026) and who receives them, written once on the seam. */
#include <string.h>

#include "store/public_db.h"
#include "store/accounts.h"
#include "store/alerts.h"

enum {
	A_PENDING = 680, /* slots 680-719 of the seam belong to alerts_db.c */
	A_BATCH_NEW,
	A_BATCH_COVER,
	A_BATCH_COUNT,
	A_BATCH_DONE,
	A_BATCH_ARTICLES,
	A_BATCH_RECIPIENTS,
	A_DIGEST_NEW,
	A_DIGEST_DONE,
	A_DIGEST_ARTICLES,
	A_DIGEST_RECIPIENTS,
	A_END
};
_Static_assert(A_END <= 720, "alerts_db.c owns the seam's statement slots 680 to 719");

/* The advisory locks of a batch and of a digest: one node of those serving a database makes them at a time
 * (the rows they write would make a second one fail or find nothing anyway). */
#define ALERT_LOCK 7284600
#define DIGEST_LOCK 7284601

/* An article not yet covered by an alert, visible and public for at most ALERT_MAX_AGE: ?1 is now, ?2 the
 * oldest publication time still alerted. */
#define PENDING                                                                                              \
	DB_VISIBLE " AND a.published_at > ?2 AND NOT EXISTS (SELECT 1 FROM alert_article x WHERE "           \
		   "x.article_id = a.id)"

int store_alert_pending(store *s, h2o_mem_pool_t *pool, struct alert_pending **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), A_PENDING,
		       /* from each site: its date index is searched, not scanned whole */
		       "SELECT t.id, count(*), min(a.published_at), max(a.published_at) FROM site t "
		       "JOIN article a ON a.site_id = t.id WHERE " PENDING " GROUP BY t.id ORDER BY t.id");
	int64_t now = db_now();
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, now - ALERT_MAX_AGE);
	size_t cap = 4, len = 0;
	char *items = h2o_mem_alloc_pool(pool, cap * sizeof **out);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct alert_pending *x = db_pool_push(pool, &items, &cap, len++, sizeof *x);
		x->site_id = db_col_int64(st, 0);
		x->count = db_col_int64(st, 1);
		x->oldest = db_col_int64(st, 2);
		x->newest = db_col_int64(st, 3);
	}
	if (rc != DB_DONE)
		return -1;
	db_reset(st);
	*out = (struct alert_pending *)items;
	*n = len;
	return 0;
}

int store_alert_batch_begin(store *s, int64_t site_id, int64_t *batch_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return -1;
	int locked = db_xact_lock(d, ALERT_LOCK, 0);
	if (locked != 1) {
		db_rollback(d);
		return locked < 0 ? -1 : 0;
	}
	int64_t now = db_now();
	struct db_stmt *st = db_prepare(
	    d, A_BATCH_NEW, "INSERT INTO alert_batch (site_id, created_at) VALUES (?1, ?2) RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, now);
	if (db_exec_id(st, batch_id) != 1)
		goto fail;
	st = db_prepare(d, A_BATCH_COVER,
			"INSERT INTO alert_article (article_id, batch_id, batched_at) SELECT a.id, "
			"CAST(?3 AS BIGINT), CAST(?1 AS BIGINT) FROM article a WHERE " PENDING
			" AND a.site_id = ?4 ORDER BY a.published_at, a.id LIMIT ?5");
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, now - ALERT_MAX_AGE);
	db_bind_int64(st, 3, *batch_id);
	db_bind_int64(st, 4, site_id);
	db_bind_int64(st, 5, ALERT_BATCH_MAX);
	int covered = 0;
	if (db_exec(st, &covered) != 0)
		goto fail;
	if (covered == 0) {
		db_rollback(d);
		return 0;
	}
	st = db_prepare(d, A_BATCH_COUNT, "UPDATE alert_batch SET articles = ?2 WHERE id = ?1");
	db_bind_int64(st, 1, *batch_id);
	db_bind_int64(st, 2, covered);
	if (db_exec(st, NULL) != 0)
		goto fail;
	return 1;
fail:
	db_rollback(d);
	return -1;
}

int store_alert_batch_end(store *s, int64_t batch_id, int64_t mails, int commit)
{
	struct db *d = db_of(s);
	if (!commit) {
		db_rollback(d);
		return 0;
	}
	struct db_stmt *st = db_prepare(d, A_BATCH_DONE, "UPDATE alert_batch SET mails = ?2 WHERE id = ?1");
	db_bind_int64(st, 1, batch_id);
	db_bind_int64(st, 2, mails);
	if (db_exec(st, NULL) != 0) {
		db_rollback(d);
		return -1;
	}
	return db_commit(d);
}

static void fill_card(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	db_fill_article_cols(pool, st, item);
}

int store_alert_batch_articles(store *s, h2o_mem_pool_t *pool, int64_t batch_id, struct article **out,
			       size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), A_BATCH_ARTICLES,
		       "SELECT " DB_ARTICLE_COLS DB_ARTICLE_JOINS
		       "JOIN alert_article x ON x.article_id = a.id WHERE x.batch_id = ?2 AND " DB_VISIBLE
		       " ORDER BY a.published_at, a.id");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, batch_id);
	return db_collect(st, pool, sizeof **out, fill_card, (void **)out, n);
}

/* The language a recipient reads: their account's, else the subscription's, else the site's. */
#define READER_LANG "COALESCE(NULLIF(COALESCE(NULLIF(u.language, ''), b.language), ''), fs.language)"

/* Who receives which of the articles ARTS (a SELECT of id, site_id, section_id, congress_id, trial_id,
 * published_at): confirmed subscribers of their site with a subscription of the cadence matching the
 * article's section, congress, trial or one of its topics, each pair once, by subscriber then ORDER. Each
 * kind of target is its own join, so each uses its index on subscription. Of the members of a family of
 * translations a reader would receive, only the one in their language, else the original, else all. */
#define RECIPIENTS(ARTS, CADENCE, ORDER)                                                                     \
	"WITH arts AS (" ARTS "), m AS ("                                                                    \
	"SELECT p.subscriber_id, x.id AS article_id FROM arts x JOIN subscription p ON p.section_id = "      \
	"x.section_id WHERE p.cadence = '" CADENCE "' "                                                      \
	"UNION SELECT p.subscriber_id, x.id FROM arts x JOIN subscription p ON p.congress_id = "             \
	"x.congress_id WHERE p.cadence = '" CADENCE "' "                                                     \
	"UNION SELECT p.subscriber_id, x.id FROM arts x JOIN subscription p ON p.trial_id = x.trial_id "     \
	"WHERE p.cadence = '" CADENCE "' "                                                                   \
	"UNION SELECT p.subscriber_id, x.id FROM arts x JOIN article_tag g ON g.article_id = x.id "          \
	"JOIN subscription p ON p.tag_id = g.tag_id WHERE p.cadence = '" CADENCE "') "                       \
	"SELECT b.id, x.id, b.email, COALESCE(u.id, 0), CASE WHEN u.email_verified_at IS NOT NULL THEN 1 "   \
	"ELSE 0 END, COALESCE(u.hcp_declared, 0), COALESCE(u.hcp_status, 'none'), "                          \
	"COALESCE(u.profession, 'not_hcp'), COALESCE(NULLIF(u.language, ''), b.language) "                   \
	"FROM m JOIN arts x ON x.id = m.article_id "                                                         \
	"JOIN subscriber b ON b.id = m.subscriber_id AND b.site_id = x.site_id "                             \
	"AND b.confirmed_at IS NOT NULL LEFT JOIN \"user\" u ON u.id = b.user_id "                           \
	"JOIN article fa ON fa.id = x.id JOIN site fs ON fs.id = fa.site_id "                                \
	"WHERE COALESCE(NULLIF(fa.lang, ''), fs.language) = " READER_LANG                                    \
	" OR (NOT EXISTS (SELECT 1 FROM m "                                                                  \
	"m2 JOIN article ft ON ft.id = m2.article_id WHERE m2.subscriber_id = b.id AND "                     \
	"COALESCE(ft.family_id, ft.id) = COALESCE(fa.family_id, fa.id) AND COALESCE(NULLIF(ft.lang, ''), "   \
	"fs.language) = " READER_LANG ") AND (fa.family_id IS NULL OR NOT EXISTS (SELECT 1 FROM m m3 WHERE " \
	"m3.subscriber_id = b.id AND m3.article_id = fa.family_id))) "                                       \
	"ORDER BY b.id, " ORDER

static void fill_recipient(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct alert_recipient *x = item;
	x->subscriber_id = db_col_int64(st, 0);
	x->article_id = db_col_int64(st, 1);
	x->email = db_col_text(st, pool, 2);
	x->user.id = db_col_int64(st, 3);
	x->user.email = x->email;
	x->user.email_verified = db_col_int(st, 4);
	x->user.hcp_declared = db_col_int(st, 5);
	x->user.hcp_status = db_col_text(st, pool, 6);
	x->user.profession = db_col_text(st, pool, 7);
	x->language = db_col_text(st, pool, 8);
}

int store_alert_recipients(store *s, h2o_mem_pool_t *pool, int64_t batch_id, struct alert_recipient **out,
			   size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), A_BATCH_RECIPIENTS,
	    RECIPIENTS(
		"SELECT a.id, a.site_id, a.section_id, a.congress_id, a.trial_id, a.published_at FROM "
		"article a JOIN alert_article y ON y.article_id = a.id WHERE y.batch_id = ?2 AND " DB_VISIBLE,
		"immediate", "x.published_at, x.id"));
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, batch_id);
	return db_collect(st, pool, sizeof **out, fill_recipient, (void **)out, n);
}

int store_digest_begin(store *s, int64_t site_id, const char *week)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return -1;
	int locked = db_xact_lock(d, DIGEST_LOCK, 0);
	if (locked != 1) {
		db_rollback(d);
		return locked < 0 ? -1 : 0;
	}
	struct db_stmt *st =
	    db_prepare(d, A_DIGEST_NEW,
		       "INSERT INTO digest_run (site_id, week, created_at) VALUES (?1, ?2, ?3) "
		       "ON CONFLICT (site_id, week) DO NOTHING");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, week);
	db_bind_int64(st, 3, db_now());
	int made = 0;
	if (db_exec(st, &made) != 0) {
		db_rollback(d);
		return -1;
	}
	if (!made) {
		db_rollback(d);
		return 0;
	}
	return 1;
}

int store_digest_end(store *s, int64_t site_id, const char *week, int64_t mails, int commit)
{
	struct db *d = db_of(s);
	if (!commit) {
		db_rollback(d);
		return 0;
	}
	struct db_stmt *st =
	    db_prepare(d, A_DIGEST_DONE, "UPDATE digest_run SET mails = ?3 WHERE site_id = ?1 AND week = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, week);
	db_bind_int64(st, 3, mails);
	if (db_exec(st, NULL) != 0) {
		db_rollback(d);
		return -1;
	}
	return db_commit(d);
}

/* A digest's articles: ?1 now, ?2 the site, [?3, ?4) the week; the newest DIGEST_MAX_ARTICLES (?5). */
#define DIGEST_ARTICLES                                                                                      \
	"a.id IN (SELECT a.id FROM article a WHERE " DB_VISIBLE " AND a.site_id = ?2 AND a.published_at >= " \
	"?3 AND a.published_at < ?4 ORDER BY a.published_at DESC, a.id DESC LIMIT ?5)"

int store_digest_articles(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t until,
			  struct article **out, size_t *n)
{
	struct db_stmt *st = db_prepare(db_of(s), A_DIGEST_ARTICLES,
					"SELECT " DB_ARTICLE_COLS DB_ARTICLE_JOINS "WHERE " DIGEST_ARTICLES
					" ORDER BY a.published_at DESC, a.id DESC");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, from);
	db_bind_int64(st, 4, until);
	db_bind_int64(st, 5, DIGEST_MAX_ARTICLES);
	return db_collect(st, pool, sizeof **out, fill_card, (void **)out, n);
}

int store_digest_recipients(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t until,
			    struct alert_recipient **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), A_DIGEST_RECIPIENTS,
	    RECIPIENTS("SELECT a.id, a.site_id, a.section_id, a.congress_id, a.trial_id, a.published_at "
		       "FROM article a WHERE " DIGEST_ARTICLES,
		       "weekly", "x.published_at DESC, x.id DESC"));
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, from);
	db_bind_int64(st, 4, until);
	db_bind_int64(st, 5, DIGEST_MAX_ARTICLES);
	return db_collect(st, pool, sizeof **out, fill_recipient, (void **)out, n);
}

enum audience user_audience(const struct user *u)
{
	if (!u || !u->email_verified)
		return AUDIENCE_PUBLIC;
	int hcp = u->hcp_declared && u->profession && strcmp(u->profession, "not_hcp") != 0;
	if (hcp && u->hcp_status && strcmp(u->hcp_status, "verified") == 0)
		return AUDIENCE_VERIFIED_HCP;
	return hcp ? AUDIENCE_HCP : AUDIENCE_MEMBERS;
}
