/* users: accounts, sessions, one-time tokens and throttled attempts in SQLite, all through prepared
 * statements.
 */
#include <string.h>

#include "store/sqlite_int.h"

#define USER_COLS                                                                                            \
	"id, email, name, profession, specialty, country, role, password_hash, hcp_status, hcp_request, "    \
	"hcp_method, hcp_evidence, email_verified_at IS NOT NULL, hcp_declared, alerts, created_at, "        \
	"privacy_accepted_at, IFNULL(hcp_decided_at, 0), totp_secret, totp_enabled"

enum {
	U_CREATE,
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
	U_LAST
};
_Static_assert(U_LAST <= 40, "users.c owns statement slots 0 to 39; editorial.c the rest");

static void fill_user(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct user *u = item;
	u->id = sq_col_i64(st, 0);
	u->email = sq_col_str(pool, st, 1);
	u->name = sq_col_str(pool, st, 2);
	u->profession = sq_col_str(pool, st, 3);
	u->specialty = sq_col_str(pool, st, 4);
	u->country = sq_col_str(pool, st, 5);
	u->role = sq_col_str(pool, st, 6);
	u->password_hash = sq_col_str(pool, st, 7);
	u->hcp_status = sq_col_str(pool, st, 8);
	u->hcp_request = sq_col_str(pool, st, 9);
	u->hcp_method = sq_col_str(pool, st, 10);
	u->hcp_evidence = sq_col_str(pool, st, 11);
	u->email_verified = sqlite3_column_int(st, 12);
	u->hcp_declared = sqlite3_column_int(st, 13);
	u->alerts = sqlite3_column_int(st, 14);
	u->created_at = sq_col_i64(st, 15);
	u->privacy_accepted_at = sq_col_i64(st, 16);
	u->hcp_decided_at = sq_col_i64(st, 17);
	u->totp_secret = sq_col_str(pool, st, 18);
	u->totp_enabled = sqlite3_column_int(st, 19);
}

int64_t sq_store_user_create(store *s, const struct user *u, int email_verified)
{
	sqlite3_stmt *st = sq_prepare(
	    s, U_CREATE,
	    "INSERT INTO user (email, email_verified_at, password_hash, name, profession, specialty, "
	    "country, "
	    "hcp_declared, alerts, role, privacy_accepted_at, created_at, updated_at) "
	    "VALUES (?1, CASE WHEN ?2 THEN ?11 END, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?11) "
	    "ON CONFLICT (email) DO NOTHING");
	sq_bind_text(st, 1, u->email);
	sqlite3_bind_int(st, 2, email_verified);
	sq_bind_text(st, 3, u->password_hash);
	sq_bind_text(st, 4, u->name);
	sq_bind_text(st, 5, u->profession);
	sq_bind_text(st, 6, u->specialty ? u->specialty : "");
	sq_bind_text(st, 7, u->country ? u->country : "");
	sqlite3_bind_int(st, 8, u->hcp_declared);
	sqlite3_bind_int(st, 9, u->alerts);
	sq_bind_text(st, 10, u->role ? u->role : "reader");
	sqlite3_bind_int64(st, 11, store_now());
	int changes;
	if (sq_exec(s, st, &changes) != 0)
		return -1;
	return changes ? sqlite3_last_insert_rowid(sq_db(s)) : 0;
}

int sq_store_user_by_email(store *s, h2o_mem_pool_t *pool, const char *email, struct user *out)
{
	sqlite3_stmt *st = sq_prepare(s, U_BY_EMAIL, "SELECT " USER_COLS " FROM user WHERE email = ?1");
	sq_bind_text(st, 1, email);
	return sq_one(s, pool, st, fill_user, out);
}

int sq_store_user_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct user *out)
{
	sqlite3_stmt *st = sq_prepare(s, U_BY_ID, "SELECT " USER_COLS " FROM user WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	return sq_one(s, pool, st, fill_user, out);
}

int sq_store_user_update_profile(store *s, const struct user *u)
{
	sqlite3_stmt *st =
	    sq_prepare(s, U_PROFILE,
		       "UPDATE user SET name = ?2, profession = ?3, specialty = ?4, country = ?5, "
		       "hcp_declared = ?6, alerts = ?7, updated_at = ?8 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, u->id);
	sq_bind_text(st, 2, u->name);
	sq_bind_text(st, 3, u->profession);
	sq_bind_text(st, 4, u->specialty);
	sq_bind_text(st, 5, u->country);
	sqlite3_bind_int(st, 6, u->hcp_declared);
	sqlite3_bind_int(st, 7, u->alerts);
	sqlite3_bind_int64(st, 8, store_now());
	return sq_exec(s, st, NULL);
}

int sq_store_user_set_password(store *s, int64_t id, const char *hash)
{
	sqlite3_stmt *st =
	    sq_prepare(s, U_PASSWORD, "UPDATE user SET password_hash = ?2, updated_at = ?3 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, hash);
	sqlite3_bind_int64(st, 3, store_now());
	return sq_exec(s, st, NULL);
}

int sq_store_user_set_email(store *s, int64_t id, const char *email)
{
	sqlite3_stmt *st =
	    sq_prepare(s, U_EMAIL,
		       "UPDATE user SET email = ?2, email_verified_at = ?3, updated_at = ?3 WHERE id = ?1 "
		       "AND NOT EXISTS (SELECT 1 FROM user o WHERE o.email = ?2 AND o.id <> ?1)");
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, email);
	sqlite3_bind_int64(st, 3, store_now());
	int changes;
	if (sq_exec(s, st, &changes) != 0)
		return -1;
	return changes ? 0 : 1;
}

int sq_store_user_mark_verified(store *s, int64_t id)
{
	sqlite3_stmt *st = sq_prepare(
	    s, U_VERIFIED, "UPDATE user SET email_verified_at = IFNULL(email_verified_at, ?2) WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, store_now());
	return sq_exec(s, st, NULL);
}

int sq_store_user_set_role(store *s, int64_t id, const char *role)
{
	sqlite3_stmt *st = sq_prepare(s, U_ROLE, "UPDATE user SET role = ?2, updated_at = ?3 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, role);
	sqlite3_bind_int64(st, 3, store_now());
	return sq_exec(s, st, NULL);
}

int sq_store_user_request_hcp(store *s, int64_t id, const char *text)
{
	sqlite3_stmt *st =
	    sq_prepare(s, U_HCP_REQUEST,
		       "UPDATE user SET hcp_status = 'requested', hcp_request = ?2, updated_at = ?3 "
		       "WHERE id = ?1 AND hcp_status <> 'verified'");
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, text);
	sqlite3_bind_int64(st, 3, store_now());
	return sq_exec(s, st, NULL);
}

int sq_store_user_decide_hcp(store *s, int64_t id, const char *status, const char *method,
			     const char *evidence, int64_t editor_id)
{
	sqlite3_stmt *st =
	    sq_prepare(s, U_HCP_DECIDE,
		       "UPDATE user SET hcp_status = ?2, hcp_method = ?3, hcp_evidence = ?4, "
		       "hcp_decided_at = ?5, hcp_decided_by = NULLIF(?6, 0), updated_at = ?5 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, status);
	sq_bind_text(st, 3, method);
	sq_bind_text(st, 4, evidence);
	sqlite3_bind_int64(st, 5, store_now());
	sqlite3_bind_int64(st, 6, editor_id);
	return sq_exec(s, st, NULL);
}

int sq_store_users_hcp_requested(store *s, h2o_mem_pool_t *pool, struct user **out, size_t *n)
{
	sqlite3_stmt *st =
	    sq_prepare(s, U_HCP_QUEUE,
		       "SELECT " USER_COLS " FROM user WHERE hcp_status = 'requested' ORDER BY updated_at");
	return sq_collect(s, pool, st, sizeof **out, fill_user, (void **)out, n);
}

int sq_store_user_delete(store *s, int64_t id)
{
	sqlite3_stmt *st = sq_prepare(s, U_DELETE, "DELETE FROM user WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	return sq_exec(s, st, NULL);
}

int sq_store_session_create(store *s, const char *token_hash, int64_t user_id, int64_t expires_at,
			    int remember, int pending)
{
	sqlite3_stmt *st =
	    sq_prepare(s, S_CREATE,
		       "INSERT INTO session (token_hash, user_id, created_at, last_seen_at, expires_at, "
		       "remember, second_factor_pending) VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6)");
	sqlite3_bind_int(st, 6, pending);
	sq_bind_text(st, 1, token_hash);
	sqlite3_bind_int64(st, 2, user_id);
	sqlite3_bind_int64(st, 3, store_now());
	sqlite3_bind_int64(st, 4, expires_at);
	sqlite3_bind_int(st, 5, remember);
	return sq_exec(s, st, NULL);
}

int sq_store_session_user(store *s, h2o_mem_pool_t *pool, const char *token_hash, int64_t idle_after,
			  struct user *out, int64_t *last_seen, int *remember, int *pending)
{
	sqlite3_stmt *st = sq_prepare(
	    s, S_USER,
	    "SELECT u.id, u.email, u.name, u.profession, u.specialty, u.country, u.role, "
	    "u.password_hash, u.hcp_status, u.hcp_request, u.hcp_method, u.hcp_evidence, "
	    "u.email_verified_at IS NOT NULL, u.hcp_declared, u.alerts, u.created_at, "
	    "u.privacy_accepted_at, IFNULL(u.hcp_decided_at, 0), u.totp_secret, u.totp_enabled, "
	    "x.last_seen_at, x.remember, x.second_factor_pending "
	    "FROM session x JOIN user u ON u.id = x.user_id "
	    "WHERE x.token_hash = ?1 AND x.expires_at > ?2 AND (x.remember = 1 OR x.last_seen_at > ?3)");
	sq_bind_text(st, 1, token_hash);
	sqlite3_bind_int64(st, 2, store_now());
	sqlite3_bind_int64(st, 3, idle_after);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		fill_user(pool, st, out);
		*last_seen = sq_col_i64(st, 20);
		*remember = sqlite3_column_int(st, 21);
		*pending = sqlite3_column_int(st, 22);
		sqlite3_reset(st);
		return 1;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	return sq_step_error(s, st);
}

int sq_store_session_touch(store *s, const char *token_hash)
{
	sqlite3_stmt *st =
	    sq_prepare(s, S_TOUCH, "UPDATE session SET last_seen_at = ?2 WHERE token_hash = ?1");
	sq_bind_text(st, 1, token_hash);
	sqlite3_bind_int64(st, 2, store_now());
	return sq_exec(s, st, NULL);
}

int sq_store_session_delete(store *s, const char *token_hash)
{
	sqlite3_stmt *st = sq_prepare(s, S_DELETE, "DELETE FROM session WHERE token_hash = ?1");
	sq_bind_text(st, 1, token_hash);
	return sq_exec(s, st, NULL);
}

int sq_store_sessions_delete_user(store *s, int64_t user_id, const char *keep_hash)
{
	sqlite3_stmt *st = sq_prepare(
	    s, S_DELETE_USER, "DELETE FROM session WHERE user_id = ?1 AND token_hash <> IFNULL(?2, '')");
	sqlite3_bind_int64(st, 1, user_id);
	if (keep_hash)
		sq_bind_text(st, 2, keep_hash);
	return sq_exec(s, st, NULL);
}

int sq_store_token_create(store *s, const char *token_hash, int64_t user_id, const char *purpose,
			  const char *new_email, int64_t expires_at)
{
	sqlite3_stmt *st =
	    sq_prepare(s, T_CREATE,
		       "INSERT INTO user_token (token_hash, user_id, purpose, new_email, created_at, "
		       "expires_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
	sq_bind_text(st, 1, token_hash);
	sqlite3_bind_int64(st, 2, user_id);
	sq_bind_text(st, 3, purpose);
	sq_bind_text(st, 4, new_email ? new_email : "");
	sqlite3_bind_int64(st, 5, store_now());
	sqlite3_bind_int64(st, 6, expires_at);
	return sq_exec(s, st, NULL);
}

int sq_store_token_use(store *s, h2o_mem_pool_t *pool, const char *token_hash, const char *purpose,
		       int64_t *user_id, const char **new_email)
{
	/* one statement marks it used and returns it: two requests racing with the same link cannot both win
	 */
	sqlite3_stmt *st =
	    sq_prepare(s, T_USE,
		       "UPDATE user_token SET used_at = ?3 WHERE token_hash = ?1 AND purpose = ?2 "
		       "AND used_at IS NULL AND expires_at > ?3 RETURNING user_id, new_email");
	sq_bind_text(st, 1, token_hash);
	sq_bind_text(st, 2, purpose);
	sqlite3_bind_int64(st, 3, store_now());
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*user_id = sq_col_i64(st, 0);
		*new_email = sq_col_str(pool, st, 1);
		while (sqlite3_step(st) == SQLITE_ROW)
			;
		sqlite3_reset(st);
		return 1;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	return sq_step_error(s, st);
}

int sq_store_token_valid(store *s, const char *token_hash, const char *purpose)
{
	sqlite3_stmt *st = sq_prepare(s, T_VALID,
				      "SELECT 1 FROM user_token WHERE token_hash = ?1 AND purpose = ?2 "
				      "AND used_at IS NULL AND expires_at > ?3");
	sq_bind_text(st, 1, token_hash);
	sq_bind_text(st, 2, purpose);
	sqlite3_bind_int64(st, 3, store_now());
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

int sq_store_tokens_drop(store *s, int64_t user_id, const char *purpose)
{
	sqlite3_stmt *st =
	    sq_prepare(s, T_DROP,
		       "UPDATE user_token SET used_at = ?3 WHERE user_id = ?1 AND purpose = ?2 "
		       "AND used_at IS NULL");
	sqlite3_bind_int64(st, 1, user_id);
	sq_bind_text(st, 2, purpose);
	sqlite3_bind_int64(st, 3, store_now());
	return sq_exec(s, st, NULL);
}

/* Reserves when the window has ended (it starts again), when under grace, or when under cap and the delay
 * since the last has passed; otherwise the row stays as it is and nothing changes. */
#define ATTEMPT_TAKE_SQL(P)                                                                                  \
	"INSERT INTO attempt (kind, subject, started_at, last_at, n) VALUES (" P "1, " P "2, " P "3, " P     \
	"3, 1) ON CONFLICT (kind, subject) DO UPDATE SET "                                                   \
	"n = CASE WHEN attempt.started_at <= " P "3 - " P "4 THEN 1 ELSE attempt.n + 1 END, "                \
	"started_at = CASE WHEN attempt.started_at <= " P "3 - " P "4 THEN " P "3 ELSE attempt.started_at "  \
	"END, last_at = " P "3 WHERE attempt.started_at <= " P "3 - " P "4 OR attempt.n < " P "5 OR "        \
	"(attempt.n < " P "6 AND attempt.last_at + CASE WHEN attempt.n - " P                                 \
	"5 > 8 THEN 300 WHEN attempt.n "                                                                     \
	"- " P "5 < 0 THEN 0 ELSE 1 << (attempt.n - " P "5) END <= " P "3)"

int sq_store_attempt_take(store *s, const char *kind, const char *subject, const struct attempt_rule *rule,
			  int *wait)
{
	int64_t now = store_now();
	*wait = 0;
	if (attempt_prune_due()) { /* a day of history is more than any window reads */
		sqlite3_stmt *prune = sq_prepare(s, A_PRUNE, "DELETE FROM attempt WHERE last_at < ?1");
		sqlite3_bind_int64(prune, 1, now - 86400);
		if (sq_exec(s, prune, NULL) != 0)
			return -1;
	}
	sqlite3_stmt *st = sq_prepare(s, A_TAKE, ATTEMPT_TAKE_SQL("?"));
	sq_bind_text(st, 1, kind);
	sq_bind_text(st, 2, subject);
	sqlite3_bind_int64(st, 3, now);
	sqlite3_bind_int64(st, 4, rule->window);
	sqlite3_bind_int(st, 5, rule->grace);
	sqlite3_bind_int(st, 6, rule->cap);
	int changes;
	if (sq_exec(s, st, &changes) != 0)
		return -1;
	if (changes > 0)
		return 1;
	st = sq_prepare(s, A_READ,
			"SELECT started_at, last_at, n FROM attempt WHERE kind = ?1 AND subject = ?2");
	sq_bind_text(st, 1, kind);
	sq_bind_text(st, 2, subject);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_step_error(s, st);
	*wait = rc == SQLITE_ROW
		    ? attempt_wait(rule, sq_col_i64(st, 0), sq_col_i64(st, 1), sqlite3_column_int(st, 2), now)
		    : 1;
	sqlite3_reset(st);
	return 0;
}

int sq_store_attempt_refund(store *s, const char *kind, const char *subject)
{
	sqlite3_stmt *st = sq_prepare(
	    s, A_REFUND, "UPDATE attempt SET n = n - 1 WHERE kind = ?1 AND subject = ?2 AND n > 0");
	sq_bind_text(st, 1, kind);
	sq_bind_text(st, 2, subject);
	return sq_exec(s, st, NULL);
}

int sq_store_attempt_clear(store *s, const char *kind, const char *subject)
{
	sqlite3_stmt *st = sq_prepare(s, A_CLEAR, "DELETE FROM attempt WHERE kind = ?1 AND subject = ?2");
	sq_bind_text(st, 1, kind);
	sq_bind_text(st, 2, subject);
	return sq_exec(s, st, NULL);
}

int sq_store_users_list(store *s, h2o_mem_pool_t *pool, size_t offset, size_t limit, struct user **out,
			size_t *n, size_t *total)
{
	sqlite3_stmt *st = sq_prepare(s, U_COUNT, "SELECT count(*) FROM user");
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_step_error(s, st);
	*total = (size_t)sq_col_i64(st, 0);
	sqlite3_reset(st);
	st = sq_prepare(
	    s, U_LIST, "SELECT " USER_COLS " FROM user ORDER BY created_at DESC, id DESC LIMIT ?1 OFFSET ?2");
	sqlite3_bind_int64(st, 1, (int64_t)limit);
	sqlite3_bind_int64(st, 2, (int64_t)offset);
	return sq_collect(s, pool, st, sizeof **out, fill_user, (void **)out, n);
}

static void fill_message(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct contact_message *m = item;
	m->site_id = sq_col_i64(st, 0);
	m->name = sq_col_str(pool, st, 1);
	m->email = sq_col_str(pool, st, 2);
	m->topic = sq_col_str(pool, st, 3);
	m->message = sq_col_str(pool, st, 4);
	m->created_at = sq_col_i64(st, 5);
}

int sq_store_contact_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
			  struct contact_message **out, size_t *n)
{
	sqlite3_stmt *st =
	    sq_prepare(s, C_LIST,
		       "SELECT id, name, email, topic, message, created_at FROM contact_message "
		       "WHERE site_id = ?1 ORDER BY created_at DESC, id DESC LIMIT ?2");
	sqlite3_bind_int64(st, 1, site_id);
	sqlite3_bind_int64(st, 2, (int64_t)limit);
	return sq_collect(s, pool, st, sizeof **out, fill_message, (void **)out, n);
}

int sq_store_session_complete(store *s, const char *token_hash)
{
	sqlite3_stmt *st =
	    sq_prepare(s, S_COMPLETE, "UPDATE session SET second_factor_pending = 0 WHERE token_hash = ?1");
	sq_bind_text(st, 1, token_hash);
	return sq_exec(s, st, NULL);
}

int sq_store_user_totp_set(store *s, int64_t id, const char *secret, int enabled)
{
	sqlite3_stmt *st =
	    sq_prepare(s, U_TOTP_SET,
		       "UPDATE user SET totp_secret = ?2, totp_enabled = ?3, updated_at = ?4 WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, secret);
	sqlite3_bind_int(st, 3, enabled);
	sqlite3_bind_int64(st, 4, store_now());
	return sq_exec(s, st, NULL);
}

int sq_store_user_totp_step(store *s, int64_t id, int64_t step)
{
	sqlite3_stmt *st = sq_prepare(
	    s, U_TOTP_STEP, "UPDATE user SET totp_last_step = ?2 WHERE id = ?1 AND totp_last_step < ?2");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, step);
	int changes;
	if (sq_exec(s, st, &changes) != 0)
		return -1;
	return changes ? 1 : 0;
}

int sq_store_recovery_replace(store *s, int64_t id, const char *const *hashes, size_t n)
{
	sqlite3_stmt *st = sq_prepare(s, R_DELETE, "DELETE FROM recovery_code WHERE user_id = ?1");
	sqlite3_bind_int64(st, 1, id);
	if (sq_exec(s, st, NULL) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		st = sq_prepare(s, R_ADD, "INSERT INTO recovery_code (user_id, code_hash) VALUES (?1, ?2)");
		sqlite3_bind_int64(st, 1, id);
		sq_bind_text(st, 2, hashes[i]);
		if (sq_exec(s, st, NULL) != 0)
			return -1;
	}
	return 0;
}

int sq_store_recovery_use(store *s, int64_t id, const char *hash)
{
	sqlite3_stmt *st =
	    sq_prepare(s, R_USE,
		       "UPDATE recovery_code SET used_at = ?3 WHERE user_id = ?1 AND code_hash = ?2 "
		       "AND used_at IS NULL");
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, hash);
	sqlite3_bind_int64(st, 3, store_now());
	int changes;
	if (sq_exec(s, st, &changes) != 0)
		return -1;
	return changes ? 1 : 0;
}
