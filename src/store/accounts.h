/* accounts: readers and staff, sessions, two-factor secrets (users_db.c) */
#ifndef PLENARY_STORE_ACCOUNTS_H
#define PLENARY_STORE_ACCOUNTS_H

#include "store/store.h"

/* ---- accounts (src/store/users_db.c) ---- */

struct user {
	int64_t id;
	const char *email, *name, *profession, *specialty, *country, *role, *password_hash;
	const char *hcp_status, *hcp_request, *hcp_method, *hcp_evidence;
	int email_verified, hcp_declared, alerts;
	int64_t created_at, privacy_accepted_at, hcp_decided_at;
	const char *totp_secret; /* base32, "" until set up */
	int totp_enabled;
	const char *language; /* for its mail ("fr"); "" or NULL: the site's default (written at creation) */
};

/** Creates an account; returns its id, 0 when the email is taken, -1 on error. */
int64_t store_user_create(store *s, const struct user *u, int email_verified);
/** 1 when found (by email, case-insensitive, or by id), 0 when not, -1 on error. */
int store_user_by_email(store *s, h2o_mem_pool_t *pool, const char *email, struct user *out);
int store_user_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct user *out);
int store_user_update_profile(store *s, const struct user *u);
int store_user_set_password(store *s, int64_t id, const char *hash);
/** Sets the account's language ("fr"; "" the site's default): its mail's and its back office's. 0, or -1. */
int store_user_set_language(store *s, int64_t id, const char *lang);
/** Replaces the address with a verified one; 1 when another account has it, 0 done, -1 error. */
int store_user_set_email(store *s, int64_t id, const char *email);
int store_user_mark_verified(store *s, int64_t id);
int store_user_set_role(store *s, int64_t id, const char *role);
/** A reader asks to be verified as an HCP; text says how (licence number, institution...). */
int store_user_request_hcp(store *s, int64_t id, const char *text);
/** An editor decides: status "verified" or "rejected", with the method and evidence recorded. */
int store_user_decide_hcp(store *s, int64_t id, const char *status, const char *method, const char *evidence,
			  int64_t editor_id);
/** Readers waiting for an HCP decision, oldest request first. */
int store_users_hcp_requested(store *s, h2o_mem_pool_t *pool, struct user **out, size_t *n);
/** Erases the account and everything tied to it (sessions, tokens). */
int store_user_delete(store *s, int64_t id);

/** A session for user_id under the SHA-256 hex of its token. */
/* pending: the session still waits for a second factor */
int store_session_create(store *s, const char *token_hash, int64_t user_id, int64_t expires_at, int remember,
			 int pending);
/** The user of a live session: not past its absolute end, and used since idle_after unless it is a
 * "remember me" session (those end only at their absolute end). 1 found, 0 not, -1 error.
 * *last_seen gets when it was last used, so callers refresh it only now and then. */
int store_session_user(store *s, h2o_mem_pool_t *pool, const char *token_hash, int64_t idle_after,
		       struct user *out, int64_t *last_seen, int *remember, int *pending);
/** The second factor is given: the session becomes a full one. */
int store_session_complete(store *s, const char *token_hash);
/** Sets the TOTP secret (enabled 0 while the user confirms a first code). */
int store_user_totp_set(store *s, int64_t id, const char *secret, int enabled);
/** Records that a TOTP time step was used: 1 when it is newer than the last one (a code works once). */
int store_user_totp_step(store *s, int64_t id, int64_t step);
/** Replaces the recovery codes of a user with these SHA-256 hashes. */
int store_recovery_replace(store *s, int64_t id, const char *const *hashes, size_t n);
/** Uses a recovery code once: 1 when it was valid and unused. */
int store_recovery_use(store *s, int64_t id, const char *hash);
int store_session_touch(store *s, const char *token_hash);
int store_session_delete(store *s, const char *token_hash);
/** A session on a sister site carried from the live session of_hash (same user): it ends no later than that
 * one, and store_session_delete_family ends them together. 1 made, 0 when of_hash is no longer live. */
int store_session_join(store *s, const char *token_hash, const char *of_hash, int64_t user_id,
		       int64_t expires_at);
/** Signing out everywhere: ends the session and every session of its family (carried from it, or from the
 * session it was carried from). */
int store_session_delete_family(store *s, const char *token_hash);
/** Ends every session of a user except the one with keep_hash (NULL: all of them). */
int store_sessions_delete_user(store *s, int64_t user_id, const char *keep_hash);

/** A one-time token (purpose "verify", "reset" or "sso"); new_email is the address a verify token confirms
 * (an sso token: what it is bound to). */
int store_token_create(store *s, const char *token_hash, int64_t user_id, const char *purpose,
		       const char *new_email, int64_t expires_at);
/** Uses a token once: 1 with its user and new_email when valid, unused and not expired; 0 otherwise. */
int store_token_use(store *s, h2o_mem_pool_t *pool, const char *token_hash, const char *purpose,
		    int64_t *user_id, const char **new_email);
/** 1 when the token exists, is unused and not expired (without using it). */
int store_token_valid(store *s, const char *token_hash, const char *purpose);
/** Deletes a user's used and expired tokens of a purpose (the handshake's, which a reader makes often). */
int store_tokens_prune(store *s, int64_t user_id, const char *purpose);
/** Ends all unused tokens of a purpose for a user (a new reset link replaces older ones). */
int store_tokens_drop(store *s, int64_t user_id, const char *purpose);

/** How many attempts of one kind a subject may make in a window of `window` seconds: `grace` freely; past
 * that, while fewer than `cap` (cap > grace), one more once a delay has passed since the last (1 s, then
 * 2, 4 ... up to 300 s); at `cap` none until the window ends. grace == cap is a plain limit per window. */
struct attempt_rule {
	int window, grace, cap;
};
/** Reserves one attempt of kind ("signin", "mail", ...) for subject ("email:...", "ip:...") under rule, in
 * one atomic statement (parallel requests, other connections and other nodes included): 1 reserved; 0
 * refused, with *wait the seconds until one would be (at least 1); -1 on a database error. */
int store_attempt_take(store *s, const char *kind, const char *subject, const struct attempt_rule *rule,
		       int *wait);
/** Gives back one reserved attempt (it succeeded and should not count against the subject). */
int store_attempt_refund(store *s, const char *kind, const char *subject);
/** Forgets every attempt of a kind by subject. */
int store_attempt_clear(store *s, const char *kind, const char *subject);

/** The audience level an account reaches: members once its address is verified, hcp with a declared
 * healthcare profession, verified_hcp once an editor verified it; public without an account (NULL). The one
 * rule the site's pages (session.c's reader_level) and the mails (alerts, digests, newsletters) follow. */
enum audience user_audience(const struct user *u);

#endif
