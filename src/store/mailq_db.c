/* mailq_db: the durable mail queue and the suppression list (025), written once on the seam (db.h). */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "core/text.h"
#include "store/db.h"
#include "store/subscriptions.h"
#include "store/mailq.h"

enum {
	Q_PUT = 640, /* slots 640-679 of the seam belong to mailq_db.c */
	Q_SUPPRESSED,
	Q_COUNTS,
	Q_SUPPRESS,
	Q_SUPPRESS_QUEUED,
	Q_UNSUPPRESS,
	Q_RECOVER,
	Q_CLAIM,
	Q_CLAIM_MARK,
	Q_DONE,
	Q_STATES,
	Q_FAILURES,
	Q_SUPPRESSIONS,
	Q_SUPPRESSIONS_TOTAL,
	Q_PRUNE_DELETE,
	Q_PRUNE_BODIES,
	Q_END
};
_Static_assert(Q_END <= 680, "mailq_db.c owns the seam's statement slots 640 to 679");

#define MAIL_REASON_MAX 1000

/* A bare address (text_email_ok: ASCII, nothing that could end a header or add a recipient), lowered into
 * out (SUBSCRIBER_MAX_EMAIL + 1 bytes): 1, or 0 when it is no such address. */
static int address_lowered(const char *email, char *out)
{
	if (!email || strlen(email) > SUBSCRIBER_MAX_EMAIL || !text_email_ok(email))
		return 0;
	size_t i = 0;
	for (; email[i]; i++)
		out[i] = (char)(email[i] >= 'A' && email[i] <= 'Z' ? email[i] - 'A' + 'a' : email[i]);
	out[i] = '\0';
	return 1;
}

/* One header line: UTF-8 within max bytes, no control characters but tabs (no CR or LF to end it). */
static int line_ok(const char *v, size_t max)
{
	if (!v || strlen(v) > max || !text_utf8_ok(v))
		return 0;
	for (const unsigned char *p = (const unsigned char *)v; *p; p++)
		if ((*p < ' ' && *p != '\t') || *p == 0x7f)
			return 0;
	return 1;
}

static int body_ok(const char *v)
{
	return v && strlen(v) <= MAIL_BODY_MAX && text_utf8_ok(v);
}

/* Lower-case letters, digits and '_' or '-', 1 to MAIL_KIND_MAX of them. */
static int kind_ok(const char *k)
{
	size_t n = k ? strlen(k) : 0;
	if (n == 0 || n > MAIL_KIND_MAX)
		return 0;
	for (; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_' || *k == '-'))
			return 0;
	return 1;
}

static int url_ok(const char *u)
{
	return line_ok(u, MAIL_KEY_MAX) && !strpbrk(u, " \t<>") &&
	       (strncmp(u, "https://", 8) == 0 || strncmp(u, "http://", 7) == 0);
}

int store_mail_put(store *s, const struct mail_item *m)
{
	char to[SUBSCRIBER_MAX_EMAIL + 1];
	if (!m || !kind_ok(m->kind) || !m->to || !address_lowered(m->to, to) ||
	    !line_ok(m->subject, MAIL_SUBJECT_MAX) || !body_ok(m->text) || (m->html && !body_ok(m->html)) ||
	    (m->unsubscribe_url && !url_ok(m->unsubscribe_url)) ||
	    (m->dedupe && (!m->dedupe[0] || !line_ok(m->dedupe, MAIL_KEY_MAX))) || m->site_id < 0 ||
	    m->campaign_id < 0 || m->not_before < 0) {
		log_warn("mail: a message to queue was refused (a missing field, or one past its limit)");
		return -1;
	}
	/* One statement: a suppressed address queues nothing, nor a key already queued (its unique index). */
	struct db_stmt *st = db_prepare(
	    db_of(s), Q_PUT,
	    "INSERT INTO mail_queue (site_id, kind, dedupe, to_addr, subject, text_body, html_body, "
	    "unsubscribe_url, campaign_id, not_before, created_at) "
	    "SELECT CASE WHEN CAST(?1 AS BIGINT) > 0 THEN CAST(?1 AS BIGINT) END, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "?8, "
	    "CASE WHEN CAST(?9 AS BIGINT) > 0 THEN CAST(?9 AS BIGINT) END, ?10, ?11 "
	    "WHERE NOT EXISTS (SELECT 1 FROM mail_suppression WHERE email = ?12) "
	    "ON CONFLICT (dedupe) DO NOTHING");
	db_bind_int64(st, 1, m->site_id);
	db_bind_text(st, 2, m->kind);
	db_bind_text(st, 3, m->dedupe);
	db_bind_text(st, 4, m->to);
	db_bind_text(st, 5, m->subject);
	db_bind_text(st, 6, m->text);
	db_bind_text(st, 7, m->html);
	db_bind_text(st, 8, m->unsubscribe_url);
	db_bind_int64(st, 9, m->campaign_id);
	db_bind_int64(st, 10, m->not_before);
	db_bind_int64(st, 11, db_now());
	db_bind_text(st, 12, to);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return -1;
	return changes > 0;
}

int store_mail_suppressed(store *s, const char *email)
{
	char e[SUBSCRIBER_MAX_EMAIL + 1];
	if (!address_lowered(email, e))
		return 0; /* no mail can go to it anyway */
	struct db_stmt *st =
	    db_prepare(db_of(s), Q_SUPPRESSED, "SELECT count(*) FROM mail_suppression WHERE email = ?1");
	db_bind_text(st, 1, e);
	int rc = db_step(st);
	if (rc != DB_ROW)
		return -1;
	int64_t n = db_col_int64(st, 0);
	db_reset(st);
	return n > 0;
}

int store_mail_counts(store *s, int64_t campaign_id, struct mail_counts *out)
{
	memset(out, 0, sizeof *out);
	struct db_stmt *st =
	    db_prepare(db_of(s), Q_COUNTS,
		       "SELECT state, count(*) FROM mail_queue WHERE campaign_id = ?1 GROUP BY state");
	db_bind_int64(st, 1, campaign_id);
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *state = db_col_text(st, &pool, 0);
		int64_t n = db_col_int64(st, 1);
		if (strcmp(state, "queued") == 0 || strcmp(state, "sending") == 0)
			out->queued += n;
		else if (strcmp(state, "sent") == 0)
			out->sent += n;
		else if (strcmp(state, "failed") == 0)
			out->failed += n;
		else if (strcmp(state, "suppressed") == 0)
			out->suppressed += n;
	}
	h2o_mem_clear_pool(&pool);
	if (rc != DB_ERROR)
		db_reset(st);
	return rc == DB_DONE ? 0 : -1;
}

/* The reason on one line of at most MAIL_REASON_MAX bytes, cut between UTF-8 characters, controls as
 * spaces. */
static void reason_line(const char *reason, char *out)
{
	size_t n = 0;
	if (reason && text_utf8_ok(reason)) {
		n = strlen(reason);
		if (n > MAIL_REASON_MAX) {
			n = MAIL_REASON_MAX;
			while (n > 0 && ((unsigned char)reason[n] & 0xc0) == 0x80)
				n--;
		}
		memcpy(out, reason, n);
	}
	out[n] = '\0';
	for (char *p = out; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 0x7f)
			*p = ' ';
}

int store_mail_suppress(store *s, const char *email, const char *source, const char *reason)
{
	char e[SUBSCRIBER_MAX_EMAIL + 1], why[MAIL_REASON_MAX + 1];
	if (!address_lowered(email, e) || !source ||
	    (strcmp(source, "bounce") != 0 && strcmp(source, "smtp") != 0 && strcmp(source, "admin") != 0))
		return -1;
	reason_line(reason, why);
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return -1;
	struct db_stmt *st = db_prepare(d, Q_SUPPRESS,
					"INSERT INTO mail_suppression (email, reason, source, created_at) "
					"VALUES (?1, ?2, ?3, ?4) ON CONFLICT (email) DO NOTHING");
	db_bind_text(st, 1, e);
	db_bind_text(st, 2, why);
	db_bind_text(st, 3, source);
	db_bind_int64(st, 4, db_now());
	int added = 0;
	if (db_exec(st, &added) != 0)
		goto fail;
	st = db_prepare(d, Q_SUPPRESS_QUEUED,
			"UPDATE mail_queue SET state = 'suppressed', last_error = ?2 "
			"WHERE lower(to_addr) = ?1 AND state = 'queued'");
	db_bind_text(st, 1, e);
	db_bind_text(st, 2, "suppressed");
	if (db_exec(st, NULL) != 0)
		goto fail;
	if (db_commit(d) != 0)
		return -1;
	return added > 0;
fail:
	db_rollback(d);
	return -1;
}

int store_mail_unsuppress(store *s, const char *email)
{
	char e[SUBSCRIBER_MAX_EMAIL + 1];
	if (!address_lowered(email, e))
		return 0;
	struct db_stmt *st =
	    db_prepare(db_of(s), Q_UNSUPPRESS, "DELETE FROM mail_suppression WHERE email = ?1");
	db_bind_text(st, 1, e);
	int changes = 0;
	return db_exec(st, &changes) != 0 ? -1 : changes > 0;
}

int store_mail_recover(store *s, const char *node, int64_t stale_before)
{
	struct db_stmt *st = db_prepare(db_of(s), Q_RECOVER,
					"UPDATE mail_queue SET state = 'queued', claimed_by = NULL "
					"WHERE state = 'sending' AND (claimed_by = ?1 OR claimed_at < ?2)");
	db_bind_text(st, 1, node);
	db_bind_int64(st, 2, stale_before);
	int changes = 0;
	return db_exec(st, &changes) != 0 ? -1 : changes;
}

struct claimed {
	struct mail_row row;
	int suppressed;
};

static void fill_claimed(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct claimed *c = item;
	c->row.id = db_col_int64(st, 0);
	c->row.site_id = db_col_int64(st, 1);
	c->row.campaign_id = db_col_int64(st, 2);
	c->row.attempts = db_col_int64(st, 3);
	c->row.created_at = db_col_int64(st, 4);
	c->row.kind = db_col_text(st, pool, 5);
	c->row.to = db_col_text(st, pool, 6);
	c->row.subject = db_col_text(st, pool, 7);
	c->row.text = db_col_text(st, pool, 8);
	c->row.html = db_col_text(st, pool, 9);
	c->row.unsubscribe_url = db_col_text(st, pool, 10);
	c->suppressed = db_col_int64(st, 11) != 0;
}

int store_mail_claim(store *s, h2o_mem_pool_t *pool, const char *node, int max, struct mail_row **out,
		     size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return -1;
	int64_t now = db_now();
	struct db_stmt *st = db_prepare(
	    d, Q_CLAIM,
	    "SELECT q.id, COALESCE(q.site_id, 0), COALESCE(q.campaign_id, 0), q.attempts, q.created_at, "
	    "q.kind, "
	    "q.to_addr, q.subject, q.text_body, COALESCE(q.html_body, ''), COALESCE(q.unsubscribe_url, ''), "
	    "CASE WHEN EXISTS (SELECT 1 FROM mail_suppression m WHERE m.email = lower(q.to_addr)) THEN 1 "
	    "ELSE 0 "
	    "END FROM mail_queue q WHERE q.state = 'queued' AND q.not_before <= ?1 ORDER BY q.not_before, "
	    "q.id "
	    "LIMIT ?2 FOR UPDATE SKIP LOCKED");
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, max > 0 ? max : 1);
	struct claimed *cs = NULL;
	size_t count = 0;
	if (db_collect(st, pool, sizeof *cs, fill_claimed, (void **)&cs, &count) != 0)
		goto fail;
	struct mail_row *rows = count ? h2o_mem_alloc_pool(pool, count * sizeof(struct mail_row)) : NULL;
	size_t kept = 0;
	for (size_t i = 0; i < count; i++) {
		st = db_prepare(
		    d, Q_CLAIM_MARK,
		    "UPDATE mail_queue SET state = ?2, claimed_by = ?3, claimed_at = ?4, last_error = "
		    "CASE WHEN ?2 = 'suppressed' THEN 'suppressed' ELSE last_error END WHERE id = ?1");
		db_bind_int64(st, 1, cs[i].row.id);
		db_bind_text(st, 2, cs[i].suppressed ? "suppressed" : "sending");
		db_bind_text(st, 3, node);
		db_bind_int64(st, 4, now);
		if (db_exec(st, NULL) != 0)
			goto fail;
		if (!cs[i].suppressed)
			rows[kept++] = cs[i].row;
	}
	if (db_commit(d) != 0)
		return -1;
	*out = rows;
	*n = kept;
	return 0;
fail:
	db_rollback(d);
	return -1;
}

int store_mail_done(store *s, int64_t id, const char *state, int64_t retry_at, const char *error)
{
	int sent = strcmp(state, "sent") == 0, queued = strcmp(state, "queued") == 0;
	if (!sent && !queued && strcmp(state, "failed") != 0 && strcmp(state, "suppressed") != 0)
		return -1;
	char why[MAIL_REASON_MAX + 1];
	reason_line(error, why);
	struct db_stmt *st =
	    db_prepare(db_of(s), Q_DONE,
		       "UPDATE mail_queue SET state = ?2, attempts = attempts + ?3, not_before = CASE WHEN "
		       "CAST(?4 AS BIGINT) "
		       "> 0 THEN CAST(?4 AS BIGINT) ELSE not_before END, sent_at = COALESCE(CAST(?5 AS "
		       "BIGINT), sent_at), "
		       "last_error = ?6, claimed_by = NULL WHERE id = ?1 AND state = 'sending'");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, state);
	db_bind_int64(st, 3, strcmp(state, "suppressed") == 0 ? 0 : 1);
	db_bind_int64(st, 4, queued ? retry_at : 0);
	if (sent)
		db_bind_int64(st, 5, db_now());
	else
		db_bind_null(st, 5);
	db_bind_text(st, 6, error ? why : NULL);
	return db_exec(st, NULL);
}

int store_mail_states(store *s, h2o_mem_pool_t *pool, struct mail_state_count **out)
{
	static const char *const STATES[] = {"queued", "sending", "sent", "failed", "suppressed"};
	struct mail_state_count *c = h2o_mem_alloc_pool(pool, 5 * sizeof(struct mail_state_count));
	for (int i = 0; i < 5; i++)
		c[i] = (struct mail_state_count){STATES[i], 0};
	*out = c;
	struct db_stmt *st =
	    db_prepare(db_of(s), Q_STATES, "SELECT state, count(*) FROM mail_queue GROUP BY state");
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		const char *state = db_col_text(st, pool, 0);
		for (int i = 0; i < 5; i++)
			if (strcmp(state, STATES[i]) == 0)
				c[i].n = db_col_int64(st, 1);
	}
	if (rc != DB_ERROR)
		db_reset(st);
	return rc == DB_DONE ? 0 : -1;
}

static void fill_failure(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct mail_failure *x = item;
	x->id = db_col_int64(st, 0);
	x->attempts = db_col_int64(st, 1);
	x->at = db_col_int64(st, 2);
	x->to = db_col_text(st, pool, 3);
	x->subject = db_col_text(st, pool, 4);
	x->kind = db_col_text(st, pool, 5);
	x->error = db_col_text(st, pool, 6);
}

int store_mail_failures(store *s, h2o_mem_pool_t *pool, int max, struct mail_failure **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), Q_FAILURES,
		       "SELECT id, attempts, COALESCE(claimed_at, created_at), to_addr, subject, kind, "
		       "COALESCE(last_error, '') FROM mail_queue WHERE state = 'failed' ORDER BY "
		       "COALESCE(claimed_at, created_at) DESC, id DESC LIMIT ?1");
	db_bind_int64(st, 1, max);
	return db_collect(st, pool, sizeof **out, fill_failure, (void **)out, n);
}

static void fill_suppression(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct mail_suppression *x = item;
	x->created_at = db_col_int64(st, 0);
	x->email = db_col_text(st, pool, 1);
	x->reason = db_col_text(st, pool, 2);
	x->source = db_col_text(st, pool, 3);
}

int store_mail_suppressions(store *s, h2o_mem_pool_t *pool, const char *q, int max,
			    struct mail_suppression **out, size_t *n, int64_t *total)
{
	/* q lowered, its LIKE wildcards escaped, within '%...%' */
	size_t len = q ? strlen(q) : 0;
	if (len > SUBSCRIBER_MAX_EMAIL)
		len = SUBSCRIBER_MAX_EMAIL;
	char pattern[2 * SUBSCRIBER_MAX_EMAIL + 3], *p = pattern;
	*p++ = '%';
	for (size_t i = 0; i < len; i++) {
		char c = q[i];
		if (c == '%' || c == '_' || c == '\\')
			*p++ = '\\';
		*p++ = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	*p++ = '%';
	*p = '\0';
	struct db_stmt *st =
	    db_prepare(db_of(s), Q_SUPPRESSIONS_TOTAL,
		       "SELECT count(*) FROM mail_suppression WHERE email LIKE ?1 ESCAPE '\\'");
	db_bind_text(st, 1, pattern);
	int rc = db_step(st);
	if (rc != DB_ROW)
		return -1;
	*total = db_col_int64(st, 0);
	db_reset(st);
	st = db_prepare(
	    db_of(s), Q_SUPPRESSIONS,
	    "SELECT created_at, email, reason, source FROM mail_suppression WHERE email LIKE ?1 ESCAPE "
	    "'\\' ORDER BY created_at DESC, id DESC LIMIT ?2");
	db_bind_text(st, 1, pattern);
	db_bind_int64(st, 2, max);
	return db_collect(st, pool, sizeof **out, fill_suppression, (void **)out, n);
}

int store_mail_prune(store *s, int64_t before, int max)
{
	struct db *d = db_of(s);
	struct db_stmt *st = db_prepare(
	    d, Q_PRUNE_DELETE,
	    "DELETE FROM mail_queue WHERE id IN (SELECT id FROM mail_queue WHERE state IN ('sent', 'failed', "
	    "'suppressed') AND campaign_id IS NULL AND COALESCE(sent_at, claimed_at, created_at) < ?1 "
	    "ORDER BY id LIMIT ?2)");
	db_bind_int64(st, 1, before);
	db_bind_int64(st, 2, max);
	int gone = 0, emptied = 0;
	if (db_exec(st, &gone) != 0)
		return -1;
	st = db_prepare(
	    d, Q_PRUNE_BODIES,
	    "UPDATE mail_queue SET text_body = '', html_body = NULL, unsubscribe_url = NULL WHERE id IN "
	    "(SELECT id FROM mail_queue WHERE state IN ('sent', 'failed', 'suppressed') AND campaign_id IS "
	    "NOT NULL AND text_body <> '' AND COALESCE(sent_at, claimed_at, created_at) < ?1 ORDER BY id "
	    "LIMIT ?2)");
	db_bind_int64(st, 1, before);
	db_bind_int64(st, 2, max);
	if (db_exec(st, &emptied) != 0)
		return -1;
	return gone + emptied;
}
