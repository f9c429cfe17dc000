/* pg_users: accounts, sessions, one-time tokens, throttled attempts, two-factor codes and contact messages in
 * PostgreSQL, as users.c does them in SQLite. */
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "store/pg_int.h"

/* "user" is a reserved word in PostgreSQL: the table's name is always quoted */
#define USER_COLS                                                                                            \
	"id, email, name, profession, specialty, country, role, password_hash, hcp_status, hcp_request, "    \
	"hcp_method, hcp_evidence, email_verified_at IS NOT NULL, hcp_declared, alerts, created_at, "        \
	"privacy_accepted_at, COALESCE(hcp_decided_at, 0), totp_secret, totp_enabled"

enum {
	U_FIRST = 99, /* slots 100-179 belong to pg_users.c */
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
_Static_assert(U_LAST <= 180, "pg_users.c owns statement slots 100 to 179");

static void fill_user(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct user *u = item;
	u->id = pg_i64(r, row, 0);
	u->email = pg_str(pool, r, row, 1);
	u->name = pg_str(pool, r, row, 2);
	u->profession = pg_str(pool, r, row, 3);
	u->specialty = pg_str(pool, r, row, 4);
	u->country = pg_str(pool, r, row, 5);
	u->role = pg_str(pool, r, row, 6);
	u->password_hash = pg_str(pool, r, row, 7);
	u->hcp_status = pg_str(pool, r, row, 8);
	u->hcp_request = pg_str(pool, r, row, 9);
	u->hcp_method = pg_str(pool, r, row, 10);
	u->hcp_evidence = pg_str(pool, r, row, 11);
	u->email_verified = (int)pg_i64(r, row, 12);
	u->hcp_declared = (int)pg_i64(r, row, 13);
	u->alerts = (int)pg_i64(r, row, 14);
	u->created_at = pg_i64(r, row, 15);
	u->privacy_accepted_at = pg_i64(r, row, 16);
	u->hcp_decided_at = pg_i64(r, row, 17);
	u->totp_secret = pg_str(pool, r, row, 18);
	u->totp_enabled = (int)pg_i64(r, row, 19);
}

/* A statement's changed-row count as users.c returns it: -1 on error, else 1 when it changed a row and 0
 * when not. */
static int changed_any(store *s, int slot, const char *sql, const struct pg_params *p)
{
	int changes = 0;
	if (pg_exec(s, slot, sql, p, &changes) != 0)
		return -1;
	return changes ? 1 : 0;
}

int64_t pg_store_user_create(store *s, const struct user *u, int email_verified)
{
	struct pg_params p = {0};
	pg_p_text(&p, u->email);
	pg_p_i64(&p, email_verified);
	pg_p_text(&p, u->password_hash);
	pg_p_text(&p, u->name);
	pg_p_text(&p, u->profession);
	pg_p_text(&p, u->specialty ? u->specialty : "");
	pg_p_text(&p, u->country ? u->country : "");
	pg_p_i64(&p, u->hcp_declared);
	pg_p_i64(&p, u->alerts);
	pg_p_text(&p, u->role ? u->role : "reader");
	pg_p_i64(&p, store_now());
	/* the address taken (in any case) inserts nothing and returns no row */
	int64_t id = 0;
	int rc =
	    pg_value(s, U_CREATE,
		     "INSERT INTO \"user\" (email, email_verified_at, password_hash, name, profession, "
		     "specialty, country, hcp_declared, alerts, role, privacy_accepted_at, created_at, "
		     "updated_at) VALUES ($1, CASE WHEN $2::int <> 0 THEN $11::bigint END, $3, $4, $5, $6, "
		     "$7, $8, $9, $10, $11::bigint, $11::bigint, $11::bigint) "
		     "ON CONFLICT DO NOTHING RETURNING id",
		     &p, &id);
	return rc < 0 ? -1 : rc ? id : 0;
}

int pg_store_user_by_email(store *s, h2o_mem_pool_t *pool, const char *email, struct user *out)
{
	struct pg_params p = {0};
	pg_p_text(&p, email);
	return pg_one(s, pool, U_BY_EMAIL, "SELECT " USER_COLS " FROM \"user\" WHERE email = $1", &p,
		      fill_user, out);
}

int pg_store_user_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct user *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	return pg_one(s, pool, U_BY_ID, "SELECT " USER_COLS " FROM \"user\" WHERE id = $1::bigint", &p,
		      fill_user, out);
}

int pg_store_user_update_profile(store *s, const struct user *u)
{
	struct pg_params p = {0};
	pg_p_i64(&p, u->id);
	pg_p_text(&p, u->name);
	pg_p_text(&p, u->profession);
	pg_p_text(&p, u->specialty);
	pg_p_text(&p, u->country);
	pg_p_i64(&p, u->hcp_declared);
	pg_p_i64(&p, u->alerts);
	pg_p_i64(&p, store_now());
	return pg_exec(s, U_PROFILE,
		       "UPDATE \"user\" SET name = $2, profession = $3, specialty = $4, country = $5, "
		       "hcp_declared = $6, alerts = $7, updated_at = $8 WHERE id = $1::bigint",
		       &p, NULL);
}

int pg_store_user_set_password(store *s, int64_t id, const char *hash)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, hash);
	pg_p_i64(&p, store_now());
	return pg_exec(s, U_PASSWORD,
		       "UPDATE \"user\" SET password_hash = $2, updated_at = $3 WHERE id = $1::bigint", &p,
		       NULL);
}

int pg_store_user_set_email(store *s, int64_t id, const char *email)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, email);
	pg_p_i64(&p, store_now());
	PGresult *r = pg_q_raw(s, U_EMAIL,
			       "UPDATE \"user\" SET email = $2, email_verified_at = $3::bigint, "
			       "updated_at = $3::bigint WHERE id = $1::bigint AND NOT EXISTS "
			       "(SELECT 1 FROM \"user\" o WHERE o.email = $2 AND o.id <> $1::bigint)",
			       &p);
	if (!r)
		return -1;
	int rc;
	if (PQresultStatus(r) == PGRES_COMMAND_OK) {
		rc = atoi(PQcmdTuples(r)) ? 0 : 1;
	} else {
		/* another account took the address between the check and the write */
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		rc = state && strcmp(state, "23505") == 0 ? 1 : -1;
		if (rc < 0)
			log_error("database: %s", PQresultErrorMessage(r));
	}
	PQclear(r);
	return rc;
}

int pg_store_user_mark_verified(store *s, int64_t id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, store_now());
	return pg_exec(s, U_VERIFIED,
		       "UPDATE \"user\" SET email_verified_at = COALESCE(email_verified_at, $2::bigint) "
		       "WHERE id = $1::bigint",
		       &p, NULL);
}

int pg_store_user_set_role(store *s, int64_t id, const char *role)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, role);
	pg_p_i64(&p, store_now());
	return pg_exec(s, U_ROLE, "UPDATE \"user\" SET role = $2, updated_at = $3 WHERE id = $1::bigint", &p,
		       NULL);
}

int pg_store_user_request_hcp(store *s, int64_t id, const char *text)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, text);
	pg_p_i64(&p, store_now());
	return pg_exec(s, U_HCP_REQUEST,
		       "UPDATE \"user\" SET hcp_status = 'requested', hcp_request = $2, updated_at = $3 "
		       "WHERE id = $1::bigint AND hcp_status <> 'verified'",
		       &p, NULL);
}

int pg_store_user_decide_hcp(store *s, int64_t id, const char *status, const char *method,
			     const char *evidence, int64_t editor_id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, status);
	pg_p_text(&p, method);
	pg_p_text(&p, evidence);
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, editor_id);
	return pg_exec(s, U_HCP_DECIDE,
		       "UPDATE \"user\" SET hcp_status = $2, hcp_method = $3, hcp_evidence = $4, "
		       "hcp_decided_at = $5::bigint, hcp_decided_by = NULLIF($6::bigint, 0), "
		       "updated_at = $5::bigint WHERE id = $1::bigint",
		       &p, NULL);
}

int pg_store_users_hcp_requested(store *s, h2o_mem_pool_t *pool, struct user **out, size_t *n)
{
	return pg_collect(s, pool, U_HCP_QUEUE,
			  "SELECT " USER_COLS " FROM \"user\" WHERE hcp_status = 'requested' "
			  "ORDER BY updated_at, id",
			  NULL, sizeof **out, fill_user, (void **)out, n);
}

int pg_store_user_delete(store *s, int64_t id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	return pg_exec(s, U_DELETE, "DELETE FROM \"user\" WHERE id = $1::bigint", &p, NULL);
}

int pg_store_session_create(store *s, const char *token_hash, int64_t user_id, int64_t expires_at,
			    int remember, int pending)
{
	struct pg_params p = {0};
	pg_p_text(&p, token_hash);
	pg_p_i64(&p, user_id);
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, expires_at);
	pg_p_i64(&p, remember);
	pg_p_i64(&p, pending);
	return pg_exec(s, S_CREATE,
		       "INSERT INTO session (token_hash, user_id, created_at, last_seen_at, expires_at, "
		       "remember, second_factor_pending) VALUES ($1, $2, $3::bigint, $3::bigint, $4, $5, $6)",
		       &p, NULL);
}

int pg_store_session_user(store *s, h2o_mem_pool_t *pool, const char *token_hash, int64_t idle_after,
			  struct user *out, int64_t *last_seen, int *remember, int *pending)
{
	struct pg_params p = {0};
	pg_p_text(&p, token_hash);
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, idle_after);
	PGresult *r =
	    pg_q(s, S_USER,
		 "SELECT u.id, u.email, u.name, u.profession, u.specialty, u.country, u.role, "
		 "u.password_hash, u.hcp_status, u.hcp_request, u.hcp_method, u.hcp_evidence, "
		 "u.email_verified_at IS NOT NULL, u.hcp_declared, u.alerts, u.created_at, "
		 "u.privacy_accepted_at, COALESCE(u.hcp_decided_at, 0), u.totp_secret, u.totp_enabled, "
		 "x.last_seen_at, x.remember, x.second_factor_pending "
		 "FROM session x JOIN \"user\" u ON u.id = x.user_id "
		 "WHERE x.token_hash = $1 AND x.expires_at > $2::bigint "
		 "AND (x.remember = 1 OR x.last_seen_at > $3::bigint)",
		 &p);
	if (!r)
		return -1;
	int found = PQntuples(r) > 0;
	if (found) {
		fill_user(pool, r, 0, out);
		*last_seen = pg_i64(r, 0, 20);
		*remember = (int)pg_i64(r, 0, 21);
		*pending = (int)pg_i64(r, 0, 22);
	}
	PQclear(r);
	return found;
}

int pg_store_session_touch(store *s, const char *token_hash)
{
	struct pg_params p = {0};
	pg_p_text(&p, token_hash);
	pg_p_i64(&p, store_now());
	return pg_exec(s, S_TOUCH, "UPDATE session SET last_seen_at = $2 WHERE token_hash = $1", &p, NULL);
}

int pg_store_session_delete(store *s, const char *token_hash)
{
	struct pg_params p = {0};
	pg_p_text(&p, token_hash);
	return pg_exec(s, S_DELETE, "DELETE FROM session WHERE token_hash = $1", &p, NULL);
}

int pg_store_sessions_delete_user(store *s, int64_t user_id, const char *keep_hash)
{
	struct pg_params p = {0};
	pg_p_i64(&p, user_id);
	pg_p_text(&p, keep_hash); /* NULL keeps none */
	return pg_exec(
	    s, S_DELETE_USER,
	    "DELETE FROM session WHERE user_id = $1::bigint AND token_hash <> COALESCE($2::text, '')", &p,
	    NULL);
}

int pg_store_session_complete(store *s, const char *token_hash)
{
	struct pg_params p = {0};
	pg_p_text(&p, token_hash);
	return pg_exec(s, S_COMPLETE, "UPDATE session SET second_factor_pending = 0 WHERE token_hash = $1",
		       &p, NULL);
}

int pg_store_token_create(store *s, const char *token_hash, int64_t user_id, const char *purpose,
			  const char *new_email, int64_t expires_at)
{
	struct pg_params p = {0};
	pg_p_text(&p, token_hash);
	pg_p_i64(&p, user_id);
	pg_p_text(&p, purpose);
	pg_p_text(&p, new_email ? new_email : "");
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, expires_at);
	return pg_exec(s, T_CREATE,
		       "INSERT INTO user_token (token_hash, user_id, purpose, new_email, created_at, "
		       "expires_at) VALUES ($1, $2, $3, $4, $5, $6)",
		       &p, NULL);
}

int pg_store_token_use(store *s, h2o_mem_pool_t *pool, const char *token_hash, const char *purpose,
		       int64_t *user_id, const char **new_email)
{
	/* one statement marks it used and returns it: of two requests racing with the same link, the second
	 * waits for the first's row lock, then finds the token used */
	struct pg_params p = {0};
	pg_p_text(&p, token_hash);
	pg_p_text(&p, purpose);
	pg_p_i64(&p, store_now());
	PGresult *r =
	    pg_q(s, T_USE,
		 "UPDATE user_token SET used_at = $3::bigint WHERE token_hash = $1 AND purpose = $2 "
		 "AND used_at IS NULL AND expires_at > $3::bigint RETURNING user_id, new_email",
		 &p);
	if (!r)
		return -1;
	int found = PQntuples(r) > 0;
	if (found) {
		*user_id = pg_i64(r, 0, 0);
		*new_email = pg_str(pool, r, 0, 1);
	}
	PQclear(r);
	return found;
}

int pg_store_token_valid(store *s, const char *token_hash, const char *purpose)
{
	struct pg_params p = {0};
	pg_p_text(&p, token_hash);
	pg_p_text(&p, purpose);
	pg_p_i64(&p, store_now());
	int64_t one;
	return pg_value(s, T_VALID,
			"SELECT 1 FROM user_token WHERE token_hash = $1 AND purpose = $2 "
			"AND used_at IS NULL AND expires_at > $3::bigint",
			&p, &one);
}

int pg_store_tokens_drop(store *s, int64_t user_id, const char *purpose)
{
	struct pg_params p = {0};
	pg_p_i64(&p, user_id);
	pg_p_text(&p, purpose);
	pg_p_i64(&p, store_now());
	return pg_exec(s, T_DROP,
		       "UPDATE user_token SET used_at = $3 WHERE user_id = $1 AND purpose = $2 "
		       "AND used_at IS NULL",
		       &p, NULL);
}

/* As users.c's: one INSERT ... ON CONFLICT DO UPDATE, which locks the row, so concurrent reservations on any
 * node are counted one after another; a refused one updates nothing. */
int pg_store_attempt_take(store *s, const char *kind, const char *subject, const struct attempt_rule *rule,
			  int *wait)
{
	int64_t now = store_now();
	*wait = 0;
	if (attempt_prune_due()) { /* a day of history is more than any window reads */
		struct pg_params old = {0};
		pg_p_i64(&old, now - 86400);
		if (pg_exec(s, A_PRUNE, "DELETE FROM attempt WHERE last_at < $1::bigint", &old, NULL) != 0)
			return -1;
	}
	struct pg_params p = {0};
	pg_p_text(&p, kind);
	pg_p_text(&p, subject);
	pg_p_i64(&p, now);
	pg_p_i64(&p, rule->window);
	pg_p_i64(&p, rule->grace);
	pg_p_i64(&p, rule->cap);
	int changes;
	if (pg_exec(
		s, A_TAKE,
		"INSERT INTO attempt (kind, subject, started_at, last_at, n) VALUES ($1, $2, $3::bigint, "
		"$3::bigint, 1) ON CONFLICT (kind, subject) DO UPDATE SET "
		"n = CASE WHEN attempt.started_at <= $3::bigint - $4::bigint THEN 1 ELSE attempt.n + 1 END, "
		"started_at = CASE WHEN attempt.started_at <= $3::bigint - $4::bigint THEN $3::bigint "
		"ELSE attempt.started_at END, last_at = $3::bigint "
		"WHERE attempt.started_at <= $3::bigint - $4::bigint OR attempt.n < $5::int OR "
		"(attempt.n < $6::int AND attempt.last_at + CASE WHEN attempt.n - $5::int > 8 THEN 300 "
		"WHEN attempt.n - $5::int < 0 THEN 0 ELSE 1::bigint << (attempt.n - $5::int) END "
		"<= $3::bigint)",
		&p, &changes) != 0)
		return -1;
	if (changes > 0)
		return 1;
	struct pg_params q = {0};
	pg_p_text(&q, kind);
	pg_p_text(&q, subject);
	PGresult *r = pg_q(s, A_READ,
			   "SELECT started_at, last_at, n FROM attempt WHERE kind = $1 AND subject = $2", &q);
	if (!r)
		return -1;
	*wait = PQntuples(r) ? attempt_wait(rule, pg_i64(r, 0, 0), pg_i64(r, 0, 1), (int)pg_i64(r, 0, 2), now)
			     : 1;
	PQclear(r);
	return 0;
}

int pg_store_attempt_refund(store *s, const char *kind, const char *subject)
{
	struct pg_params p = {0};
	pg_p_text(&p, kind);
	pg_p_text(&p, subject);
	return pg_exec(s, A_REFUND, "UPDATE attempt SET n = n - 1 WHERE kind = $1 AND subject = $2 AND n > 0",
		       &p, NULL);
}

int pg_store_attempt_clear(store *s, const char *kind, const char *subject)
{
	struct pg_params p = {0};
	pg_p_text(&p, kind);
	pg_p_text(&p, subject);
	return pg_exec(s, A_CLEAR, "DELETE FROM attempt WHERE kind = $1 AND subject = $2", &p, NULL);
}

int pg_store_users_list(store *s, h2o_mem_pool_t *pool, size_t offset, size_t limit, struct user **out,
			size_t *n, size_t *total)
{
	int64_t count = 0;
	if (pg_value(s, U_COUNT, "SELECT count(*) FROM \"user\"", NULL, &count) < 0)
		return -1;
	*total = (size_t)count;
	struct pg_params p = {0};
	pg_p_i64(&p, (int64_t)limit);
	pg_p_i64(&p, (int64_t)offset);
	return pg_collect(s, pool, U_LIST,
			  "SELECT " USER_COLS " FROM \"user\" ORDER BY created_at DESC, id DESC "
			  "LIMIT $1::bigint OFFSET $2::bigint",
			  &p, sizeof **out, fill_user, (void **)out, n);
}

static void fill_message(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct contact_message *m = item;
	m->site_id = pg_i64(r, row, 0); /* the message's id, as users.c reads it */
	m->name = pg_str(pool, r, row, 1);
	m->email = pg_str(pool, r, row, 2);
	m->topic = pg_str(pool, r, row, 3);
	m->message = pg_str(pool, r, row, 4);
	m->created_at = pg_i64(r, row, 5);
}

int pg_store_contact_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
			  struct contact_message **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, (int64_t)limit);
	return pg_collect(s, pool, C_LIST,
			  "SELECT id, name, email, topic, message, created_at FROM contact_message "
			  "WHERE site_id = $1::bigint ORDER BY created_at DESC, id DESC LIMIT $2::bigint",
			  &p, sizeof **out, fill_message, (void **)out, n);
}

int pg_store_user_totp_set(store *s, int64_t id, const char *secret, int enabled)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, secret);
	pg_p_i64(&p, enabled);
	pg_p_i64(&p, store_now());
	return pg_exec(s, U_TOTP_SET,
		       "UPDATE \"user\" SET totp_secret = $2, totp_enabled = $3, updated_at = $4 "
		       "WHERE id = $1::bigint",
		       &p, NULL);
}

int pg_store_user_totp_step(store *s, int64_t id, int64_t step)
{
	/* one statement: of two sign-ins racing with one code, the second finds the step used */
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, step);
	return changed_any(s, U_TOTP_STEP,
			   "UPDATE \"user\" SET totp_last_step = $2::bigint WHERE id = $1::bigint "
			   "AND totp_last_step < $2::bigint",
			   &p);
}

int pg_store_recovery_replace(store *s, int64_t id, const char *const *hashes, size_t n)
{
	/* in one transaction: the new codes replace the old ones entirely or not at all */
	if (pg_run(s, "BEGIN") != 0)
		return -1;
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	int rc = pg_exec(s, R_DELETE, "DELETE FROM recovery_code WHERE user_id = $1::bigint", &p, NULL);
	for (size_t i = 0; i < n && rc == 0; i++) {
		struct pg_params add = {0};
		pg_p_i64(&add, id);
		pg_p_text(&add, hashes[i]);
		rc = pg_exec(s, R_ADD, "INSERT INTO recovery_code (user_id, code_hash) VALUES ($1, $2)", &add,
			     NULL);
	}
	if (rc != 0) {
		pg_run(s, "ROLLBACK");
		return -1;
	}
	return pg_run(s, "COMMIT");
}

int pg_store_recovery_use(store *s, int64_t id, const char *hash)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_text(&p, hash);
	pg_p_i64(&p, store_now());
	return changed_any(
	    s, R_USE,
	    "UPDATE recovery_code SET used_at = $3 WHERE user_id = $1::bigint AND code_hash = $2 "
	    "AND used_at IS NULL",
	    &p);
}
