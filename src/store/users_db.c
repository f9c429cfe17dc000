/* users_db: accounts, sessions, one-time tokens, throttled attempts, two-factor codes and contact messages,
 * written once on the seam (db.h) in SQL that SQLite and PostgreSQL both accept. */
#include "store/backend.h"
#include "store/db.h"
#include "store/accounts.h"
#include "store/desk.h"

/* SQL both engines read alike: "user" is quoted (a reserved word in PostgreSQL), COALESCE not IFNULL, and a
 * parameter whose type PostgreSQL cannot tell from a column it meets is cast. */
#define USER_COLS                                                                                            \
	"u.id, u.email, u.name, u.profession, u.specialty, u.country, u.role, u.password_hash, "             \
	"u.hcp_status, "                                                                                     \
	"u.hcp_request, u.hcp_method, u.hcp_evidence, u.email_verified_at IS NOT NULL, u.hcp_declared, "     \
	"u.alerts, u.created_at, u.privacy_accepted_at, COALESCE(u.hcp_decided_at, 0), u.totp_secret, "      \
	"u.totp_enabled, u.language"

enum {
	U_CREATE, /* slots 0-39 of the seam belong to users_db.c */
	U_BY_EMAIL,
	U_BY_ID,
	U_PROFILE,
	U_PASSWORD,
	U_EMAIL,
	U_VERIFIED,
	U_ROLE,
	U_HCP_REQUEST,
	U_HCP_DECIDE,
	U_HCP_QUEUE,
	U_DELETE,
	S_CREATE,
	S_USER,
	S_TOUCH,
	S_DELETE,
	S_DELETE_USER,
	T_CREATE,
	T_USE,
	T_VALID,
	T_DROP,
	A_TAKE,
	A_READ,
	A_CLEAR,
	A_PRUNE,
	U_LIST,
	U_COUNT,
	C_LIST,
	S_COMPLETE,
	U_TOTP_SET,
	U_TOTP_STEP,
	R_DELETE,
	R_ADD,
	R_USE,
	A_REFUND,
	S_JOIN,
	S_DELETE_FAMILY,
	T_PRUNE,
	U_LAST
};
_Static_assert(U_LAST <= 40, "users_db.c owns the seam's statement slots 0 to 39");
enum { U_LANGUAGE = 920 }; /* slot 920 of the range 920-939 */

static void fill_user(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct user *u = item;
	u->id = db_col_int64(st, 0);
	u->email = db_col_text(st, pool, 1);
	u->name = db_col_text(st, pool, 2);
	u->profession = db_col_text(st, pool, 3);
	u->specialty = db_col_text(st, pool, 4);
	u->country = db_col_text(st, pool, 5);
	u->role = db_col_text(st, pool, 6);
	u->password_hash = db_col_text(st, pool, 7);
	u->hcp_status = db_col_text(st, pool, 8);
	u->hcp_request = db_col_text(st, pool, 9);
	u->hcp_method = db_col_text(st, pool, 10);
	u->hcp_evidence = db_col_text(st, pool, 11);
	u->email_verified = db_col_int(st, 12);
	u->hcp_declared = db_col_int(st, 13);
	u->alerts = db_col_int(st, 14);
	u->created_at = db_col_int64(st, 15);
	u->privacy_accepted_at = db_col_int64(st, 16);
	u->hcp_decided_at = db_col_int64(st, 17);
	u->totp_secret = db_col_text(st, pool, 18);
	u->totp_enabled = db_col_int(st, 19);
	u->language = db_col_text(st, pool, 20);
}

/* Runs a write: -1 on error, else 1 when it changed a row and 0 when not. */
static int changed_any(struct db_stmt *st)
{
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return -1;
	return changes ? 1 : 0;
}

int64_t store_user_create(store *s, const struct user *u, int email_verified)
{
	/* the address taken (in any case) inserts nothing and returns no row */
	struct db_stmt *st = db_prepare(
	    db_of(s), U_CREATE,
	    "INSERT INTO \"user\" (email, email_verified_at, password_hash, name, profession, specialty, "
	    "country, hcp_declared, alerts, role, privacy_accepted_at, created_at, updated_at, language) "
	    "VALUES (?1, CASE WHEN ?2 <> 0 THEN CAST(?11 AS BIGINT) END, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
	    "CAST(?11 AS BIGINT), CAST(?11 AS BIGINT), CAST(?11 AS BIGINT), ?12) ON CONFLICT DO NOTHING "
	    "RETURNING id");
	db_bind_text(st, 1, u->email);
	db_bind_int(st, 2, email_verified);
	db_bind_text(st, 3, u->password_hash);
	db_bind_text(st, 4, u->name);
	db_bind_text(st, 5, u->profession);
	db_bind_text(st, 6, u->specialty ? u->specialty : "");
	db_bind_text(st, 7, u->country ? u->country : "");
	db_bind_int(st, 8, u->hcp_declared);
	db_bind_int(st, 9, u->alerts);
	db_bind_text(st, 10, u->role ? u->role : "reader");
	db_bind_int64(st, 11, db_now());
	db_bind_text(st, 12, u->language ? u->language : "");
	int64_t id = 0;
	int rc = db_exec_id(st, &id);
	return rc < 0 ? -1 : rc ? id : 0;
}

int store_user_by_email(store *s, h2o_mem_pool_t *pool, const char *email, struct user *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), U_BY_EMAIL, "SELECT " USER_COLS " FROM \"user\" u WHERE u.email = ?1");
	db_bind_text(st, 1, email);
	return db_one(st, pool, fill_user, out);
}

int store_user_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct user *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), U_BY_ID, "SELECT " USER_COLS " FROM \"user\" u WHERE u.id = ?1");
	db_bind_int64(st, 1, id);
	return db_one(st, pool, fill_user, out);
}

int store_user_update_profile(store *s, const struct user *u)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), U_PROFILE,
		       "UPDATE \"user\" SET name = ?2, profession = ?3, specialty = ?4, country = ?5, "
		       "hcp_declared = ?6, alerts = ?7, updated_at = ?8 WHERE id = ?1");
	db_bind_int64(st, 1, u->id);
	db_bind_text(st, 2, u->name);
	db_bind_text(st, 3, u->profession);
	db_bind_text(st, 4, u->specialty);
	db_bind_text(st, 5, u->country);
	db_bind_int(st, 6, u->hcp_declared);
	db_bind_int(st, 7, u->alerts);
	db_bind_int64(st, 8, db_now());
	return db_exec(st, NULL);
}

int store_user_set_language(store *s, int64_t id, const char *lang)
{
	struct db_stmt *st = db_prepare(db_of(s), U_LANGUAGE,
					"UPDATE \"user\" SET language = ?2, updated_at = ?3 WHERE id = ?1");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, lang);
	db_bind_int64(st, 3, db_now());
	return db_exec(st, NULL);
}

int store_user_set_password(store *s, int64_t id, const char *hash)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), U_PASSWORD, "UPDATE \"user\" SET password_hash = ?2, updated_at = ?3 WHERE id = ?1");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, hash);
	db_bind_int64(st, 3, db_now());
	return db_exec(st, NULL);
}

int store_user_set_email(store *s, int64_t id, const char *email)
{
	struct db *d = db_of(s);
	struct db_stmt *st = db_prepare(
	    d, U_EMAIL,
	    "UPDATE \"user\" SET email = ?2, email_verified_at = CAST(?3 AS BIGINT), updated_at = CAST(?3 AS "
	    "BIGINT) WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM \"user\" o WHERE o.email = ?2 "
	    "AND o.id <> ?1)");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, email);
	db_bind_int64(st, 3, db_now());
	int rc = changed_any(st);
	/* another account took the address between the check and the write */
	if (rc < 0 && db_unique_violation(d))
		return 1;
	return rc < 0 ? -1 : rc ? 0 : 1;
}

int store_user_mark_verified(store *s, int64_t id)
{
	struct db_stmt *st = db_prepare(db_of(s), U_VERIFIED,
					"UPDATE \"user\" SET email_verified_at = COALESCE(email_verified_at, "
					"CAST(?2 AS BIGINT)) WHERE id = ?1");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, db_now());
	return db_exec(st, NULL);
}

int store_user_set_role(store *s, int64_t id, const char *role)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), U_ROLE, "UPDATE \"user\" SET role = ?2, updated_at = ?3 WHERE id = ?1");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, role);
	db_bind_int64(st, 3, db_now());
	return db_exec(st, NULL);
}

int store_user_request_hcp(store *s, int64_t id, const char *text)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), U_HCP_REQUEST,
		       "UPDATE \"user\" SET hcp_status = 'requested', hcp_request = ?2, updated_at = ?3 "
		       "WHERE id = ?1 AND hcp_status <> 'verified'");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, text);
	db_bind_int64(st, 3, db_now());
	return db_exec(st, NULL);
}

int store_user_decide_hcp(store *s, int64_t id, const char *status, const char *method, const char *evidence,
			  int64_t editor_id)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), U_HCP_DECIDE,
		       "UPDATE \"user\" SET hcp_status = ?2, hcp_method = ?3, hcp_evidence = ?4, "
		       "hcp_decided_at = CAST(?5 AS BIGINT), hcp_decided_by = NULLIF(CAST(?6 AS BIGINT), 0), "
		       "updated_at = CAST(?5 AS BIGINT) WHERE id = ?1");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, status);
	db_bind_text(st, 3, method);
	db_bind_text(st, 4, evidence);
	db_bind_int64(st, 5, db_now());
	db_bind_int64(st, 6, editor_id);
	return db_exec(st, NULL);
}

int store_users_hcp_requested(store *s, h2o_mem_pool_t *pool, struct user **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), U_HCP_QUEUE,
		       "SELECT " USER_COLS
		       " FROM \"user\" u WHERE u.hcp_status = 'requested' ORDER BY u.updated_at, u.id");
	return db_collect(st, pool, sizeof **out, fill_user, (void **)out, n);
}

int store_user_delete(store *s, int64_t id)
{
	struct db_stmt *st = db_prepare(db_of(s), U_DELETE, "DELETE FROM \"user\" WHERE id = ?1");
	db_bind_int64(st, 1, id);
	return db_exec(st, NULL);
}

int store_session_create(store *s, const char *token_hash, int64_t user_id, int64_t expires_at, int remember,
			 int pending)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), S_CREATE,
	    "INSERT INTO session (token_hash, user_id, created_at, last_seen_at, expires_at, remember, "
	    "second_factor_pending) VALUES (?1, ?2, CAST(?3 AS BIGINT), CAST(?3 AS BIGINT), ?4, ?5, ?6)");
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, user_id);
	db_bind_int64(st, 3, db_now());
	db_bind_int64(st, 4, expires_at);
	db_bind_int(st, 5, remember);
	db_bind_int(st, 6, pending);
	return db_exec(st, NULL);
}

struct session_row {
	struct user *user;
	int64_t *last_seen;
	int *remember, *pending;
};

static void fill_session(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct session_row *x = item;
	fill_user(pool, st, x->user);
	*x->last_seen = db_col_int64(st, 21);
	*x->remember = db_col_int(st, 22);
	*x->pending = db_col_int(st, 23);
}

int store_session_user(store *s, h2o_mem_pool_t *pool, const char *token_hash, int64_t idle_after,
		       struct user *out, int64_t *last_seen, int *remember, int *pending)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), S_USER,
	    "SELECT " USER_COLS ", x.last_seen_at, x.remember, x.second_factor_pending "
	    "FROM session x JOIN \"user\" u ON u.id = x.user_id "
	    "WHERE x.token_hash = ?1 AND x.expires_at > ?2 AND (x.remember = 1 OR x.last_seen_at > ?3)");
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, db_now());
	db_bind_int64(st, 3, idle_after);
	struct session_row row = {out, last_seen, remember, pending};
	return db_one(st, pool, fill_session, &row);
}

int store_session_touch(store *s, const char *token_hash)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_TOUCH, "UPDATE session SET last_seen_at = ?2 WHERE token_hash = ?1");
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, db_now());
	return db_exec(st, NULL);
}

int store_session_delete(store *s, const char *token_hash)
{
	struct db_stmt *st = db_prepare(db_of(s), S_DELETE, "DELETE FROM session WHERE token_hash = ?1");
	db_bind_text(st, 1, token_hash);
	return db_exec(st, NULL);
}

int store_session_join(store *s, const char *token_hash, const char *of_hash, int64_t user_id,
		       int64_t expires_at)
{
	/* the family is the first session's hash: one sign-out finds every session carried from it */
	struct db_stmt *st = db_prepare(
	    db_of(s), S_JOIN,
	    "INSERT INTO session (token_hash, user_id, created_at, last_seen_at, expires_at, remember, "
	    "family) "
	    "SELECT CAST(?1 AS TEXT), CAST(?2 AS BIGINT), CAST(?3 AS BIGINT), CAST(?3 AS BIGINT), "
	    "CASE WHEN expires_at < CAST(?4 AS BIGINT) THEN expires_at ELSE CAST(?4 AS BIGINT) END, 0, "
	    "CASE WHEN family = '' THEN token_hash ELSE family END FROM session "
	    "WHERE token_hash = ?5 AND user_id = CAST(?2 AS BIGINT) AND expires_at > CAST(?3 AS BIGINT)");
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, user_id);
	db_bind_int64(st, 3, db_now());
	db_bind_int64(st, 4, expires_at);
	db_bind_text(st, 5, of_hash);
	int n = 0;
	if (db_exec(st, &n) != 0)
		return -1;
	return n > 0;
}

int store_session_delete_family(store *s, const char *token_hash)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), S_DELETE_FAMILY,
		       "DELETE FROM session WHERE token_hash = ?1 OR family = ?1 OR token_hash IN "
		       "(SELECT family FROM session WHERE token_hash = ?1 AND family <> '') OR family IN "
		       "(SELECT family FROM session WHERE token_hash = ?1 AND family <> '')");
	db_bind_text(st, 1, token_hash);
	return db_exec(st, NULL);
}

int store_sessions_delete_user(store *s, int64_t user_id, const char *keep_hash)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), S_DELETE_USER,
	    "DELETE FROM session WHERE user_id = ?1 AND token_hash <> COALESCE(CAST(?2 AS TEXT), '')");
	db_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, keep_hash); /* NULL keeps none */
	return db_exec(st, NULL);
}

int store_session_complete(store *s, const char *token_hash)
{
	struct db_stmt *st = db_prepare(db_of(s), S_COMPLETE,
					"UPDATE session SET second_factor_pending = 0 WHERE token_hash = ?1");
	db_bind_text(st, 1, token_hash);
	return db_exec(st, NULL);
}

int store_token_create(store *s, const char *token_hash, int64_t user_id, const char *purpose,
		       const char *new_email, int64_t expires_at)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), T_CREATE,
		       "INSERT INTO user_token (token_hash, user_id, purpose, new_email, created_at, "
		       "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	db_bind_text(st, 1, token_hash);
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, purpose);
	db_bind_text(st, 4, new_email ? new_email : "");
	db_bind_int64(st, 5, db_now());
	db_bind_int64(st, 6, expires_at);
	return db_exec(st, NULL);
}

struct token_row {
	int64_t *user_id;
	const char **new_email;
};

static void fill_token(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct token_row *x = item;
	*x->user_id = db_col_int64(st, 0);
	*x->new_email = db_col_text(st, pool, 1);
}

int store_token_use(store *s, h2o_mem_pool_t *pool, const char *token_hash, const char *purpose,
		    int64_t *user_id, const char **new_email)
{
	/* one statement marks it used and returns it: of two requests racing with the same link, one wins
	 * (SQLite writes one at a time; PostgreSQL's second waits for the first's row lock, then finds the
	 * token used) */
	struct db_stmt *st = db_prepare(
	    db_of(s), T_USE,
	    "UPDATE user_token SET used_at = CAST(?3 AS BIGINT) WHERE token_hash = ?1 AND purpose = ?2 "
	    "AND used_at IS NULL AND expires_at > CAST(?3 AS BIGINT) RETURNING user_id, new_email");
	db_bind_text(st, 1, token_hash);
	db_bind_text(st, 2, purpose);
	db_bind_int64(st, 3, db_now());
	struct token_row row = {user_id, new_email};
	return db_one(st, pool, fill_token, &row);
}

int store_token_valid(store *s, const char *token_hash, const char *purpose)
{
	struct db_stmt *st = db_prepare(db_of(s), T_VALID,
					"SELECT 1 FROM user_token WHERE token_hash = ?1 AND purpose = ?2 "
					"AND used_at IS NULL AND expires_at > ?3");
	db_bind_text(st, 1, token_hash);
	db_bind_text(st, 2, purpose);
	db_bind_int64(st, 3, db_now());
	int rc = db_step(st);
	if (rc == DB_ERROR)
		return -1;
	db_reset(st);
	return rc == DB_ROW;
}

int store_tokens_drop(store *s, int64_t user_id, const char *purpose)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), T_DROP,
	    "UPDATE user_token SET used_at = ?3 WHERE user_id = ?1 AND purpose = ?2 AND used_at IS NULL");
	db_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, purpose);
	db_bind_int64(st, 3, db_now());
	return db_exec(st, NULL);
}

int store_tokens_prune(store *s, int64_t user_id, const char *purpose)
{
	struct db_stmt *st = db_prepare(db_of(s), T_PRUNE,
					"DELETE FROM user_token WHERE user_id = ?1 AND purpose = ?2 AND "
					"(used_at IS NOT NULL OR expires_at <= ?3)");
	db_bind_int64(st, 1, user_id);
	db_bind_text(st, 2, purpose);
	db_bind_int64(st, 3, db_now());
	return db_exec(st, NULL);
}

/* Reserves when the window has ended (it starts again), when under grace, or when under cap and the delay
 * since the last has passed; otherwise the row stays as it is and nothing changes. One INSERT ... ON CONFLICT
 * DO UPDATE: concurrent reservations (PostgreSQL: on any node) are counted one after another. */
static const char attempt_take_sql[] =
    "INSERT INTO attempt (kind, subject, started_at, last_at, n) "
    "VALUES (?1, ?2, CAST(?3 AS BIGINT), CAST(?3 AS BIGINT), 1) "
    "ON CONFLICT (kind, subject) DO UPDATE SET "
    "n = CASE WHEN attempt.started_at <= CAST(?3 AS BIGINT) - CAST(?4 AS BIGINT) "
    "THEN 1 ELSE attempt.n + 1 END, "
    "started_at = CASE WHEN attempt.started_at <= CAST(?3 AS BIGINT) - CAST(?4 AS BIGINT) "
    "THEN CAST(?3 AS BIGINT) ELSE attempt.started_at END, "
    "last_at = CAST(?3 AS BIGINT) "
    "WHERE attempt.started_at <= CAST(?3 AS BIGINT) - CAST(?4 AS BIGINT) "
    "OR attempt.n < CAST(?5 AS INTEGER) "
    "OR (attempt.n < CAST(?6 AS INTEGER) AND attempt.last_at + CASE "
    "WHEN attempt.n - CAST(?5 AS INTEGER) > 8 THEN 300 "
    "WHEN attempt.n - CAST(?5 AS INTEGER) < 0 THEN 0 "
    "ELSE CAST(1 AS BIGINT) << (attempt.n - CAST(?5 AS INTEGER)) END <= CAST(?3 AS BIGINT))";

int store_attempt_take(store *s, const char *kind, const char *subject, const struct attempt_rule *rule,
		       int *wait)
{
	struct db *d = db_of(s);
	int64_t now = db_now();
	*wait = 0;
	if (attempt_prune_due()) { /* a day of history is more than any window reads */
		struct db_stmt *prune = db_prepare(d, A_PRUNE, "DELETE FROM attempt WHERE last_at < ?1");
		db_bind_int64(prune, 1, now - 86400);
		if (db_exec(prune, NULL) != 0)
			return -1;
	}
	struct db_stmt *st = db_prepare(d, A_TAKE, attempt_take_sql);
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, subject);
	db_bind_int64(st, 3, now);
	db_bind_int64(st, 4, rule->window);
	db_bind_int(st, 5, rule->grace);
	db_bind_int(st, 6, rule->cap);
	int changes;
	if (db_exec(st, &changes) != 0)
		return -1;
	if (changes > 0)
		return 1;
	st = db_prepare(d, A_READ,
			"SELECT started_at, last_at, n FROM attempt WHERE kind = ?1 AND subject = ?2");
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, subject);
	int rc = db_step(st);
	if (rc == DB_ERROR)
		return -1;
	*wait = rc == DB_ROW
		    ? attempt_wait(rule, db_col_int64(st, 0), db_col_int64(st, 1), db_col_int(st, 2), now)
		    : 1;
	db_reset(st);
	return 0;
}

int store_attempt_refund(store *s, const char *kind, const char *subject)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), A_REFUND, "UPDATE attempt SET n = n - 1 WHERE kind = ?1 AND subject = ?2 AND n > 0");
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, subject);
	return db_exec(st, NULL);
}

int store_attempt_clear(store *s, const char *kind, const char *subject)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), A_CLEAR, "DELETE FROM attempt WHERE kind = ?1 AND subject = ?2");
	db_bind_text(st, 1, kind);
	db_bind_text(st, 2, subject);
	return db_exec(st, NULL);
}

int store_users_list(store *s, h2o_mem_pool_t *pool, size_t offset, size_t limit, struct user **out,
		     size_t *n, size_t *total)
{
	struct db *d = db_of(s);
	struct db_stmt *st = db_prepare(d, U_COUNT, "SELECT count(*) FROM \"user\"");
	if (db_step(st) != DB_ROW)
		return -1;
	*total = (size_t)db_col_int64(st, 0);
	db_reset(st);
	st = db_prepare(d, U_LIST,
			"SELECT " USER_COLS " FROM \"user\" u ORDER BY u.created_at DESC, u.id DESC "
			"LIMIT ?1 OFFSET ?2");
	db_bind_int64(st, 1, (int64_t)limit);
	db_bind_int64(st, 2, (int64_t)offset);
	return db_collect(st, pool, sizeof **out, fill_user, (void **)out, n);
}

static void fill_message(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct contact_message *m = item;
	m->site_id = db_col_int64(st, 0); /* the message's id */
	m->name = db_col_text(st, pool, 1);
	m->email = db_col_text(st, pool, 2);
	m->topic = db_col_text(st, pool, 3);
	m->message = db_col_text(st, pool, 4);
	m->created_at = db_col_int64(st, 5);
}

int store_contact_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
		       struct contact_message **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), C_LIST,
		       "SELECT id, name, email, topic, message, created_at FROM contact_message "
		       "WHERE site_id = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, (int64_t)limit);
	return db_collect(st, pool, sizeof **out, fill_message, (void **)out, n);
}

int store_user_totp_set(store *s, int64_t id, const char *secret, int enabled)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), U_TOTP_SET,
	    "UPDATE \"user\" SET totp_secret = ?2, totp_enabled = ?3, updated_at = ?4 WHERE id = ?1");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, secret);
	db_bind_int(st, 3, enabled);
	db_bind_int64(st, 4, db_now());
	return db_exec(st, NULL);
}

int store_user_totp_step(store *s, int64_t id, int64_t step)
{
	/* one statement: of two sign-ins racing with one code, the second finds the step used */
	struct db_stmt *st =
	    db_prepare(db_of(s), U_TOTP_STEP,
		       "UPDATE \"user\" SET totp_last_step = CAST(?2 AS BIGINT) WHERE id = ?1 "
		       "AND totp_last_step < CAST(?2 AS BIGINT)");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, step);
	return changed_any(st);
}

int store_recovery_replace(store *s, int64_t id, const char *const *hashes, size_t n)
{
	/* in one transaction: the new codes replace the old ones entirely or not at all */
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return -1;
	struct db_stmt *st = db_prepare(d, R_DELETE, "DELETE FROM recovery_code WHERE user_id = ?1");
	db_bind_int64(st, 1, id);
	int rc = db_exec(st, NULL);
	for (size_t i = 0; i < n && rc == 0; i++) {
		st = db_prepare(d, R_ADD, "INSERT INTO recovery_code (user_id, code_hash) VALUES (?1, ?2)");
		db_bind_int64(st, 1, id);
		db_bind_text(st, 2, hashes[i]);
		rc = db_exec(st, NULL);
	}
	if (rc != 0) {
		db_rollback(d);
		return -1;
	}
	return db_commit(d);
}

int store_recovery_use(store *s, int64_t id, const char *hash)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_USE,
		       "UPDATE recovery_code SET used_at = ?3 WHERE user_id = ?1 AND code_hash = ?2 "
		       "AND used_at IS NULL");
	db_bind_int64(st, 1, id);
	db_bind_text(st, 2, hash);
	db_bind_int64(st, 3, db_now());
	return changed_any(st);
}
