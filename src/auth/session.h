/* session: who is reading: the session cookie, its server-side record, and the reader's audience level. */
#ifndef PLENARY_SESSION_H
#define PLENARY_SESSION_H

#include "http/request.h"
#include "store/accounts.h"

/** Reads the session cookie and fills r->user, r->session_hash and r->level (public when no session). */
void session_resolve(struct request *r);
/** Starts a new session for a user (a fresh 256-bit token; the old one, if any, ends) and sets the cookie.
 * A pending session (password given, second factor not yet) signs nobody in until it is completed. */
int session_start(struct request *r, int64_t user_id, int remember, int pending);
/** Starts a session on this sister site carried from the live session of_hash of the same user (the
 * handshake): 1 made, 0 when that one has ended, -1 error. Signing out of either ends both. */
int session_join(struct request *r, int64_t user_id, const char *of_hash);
/** The parent domain this site shares its session and consent cookies on with its sister sites (the
 * sso_cookie_domain setting, or derived from the sites' hosts: core/domain.h), or NULL for its own host. */
const char *session_cookie_domain(struct request *r);
/** The same for another of the sites. */
const char *session_cookie_domain_of(struct request *r, const struct site *site);
/** Ends the request's session, and every session carried from it to sister sites, and clears the cookie. */
void session_end(struct request *r);
/** Adds a Set-Cookie that removes the session cookie. */
void session_clear_cookie(struct request *r);
/** The audience level an account reaches: members once the email is verified, hcp with a declared
 * healthcare profession, verified_hcp once an editor verified it. */
enum audience reader_level(const struct user *u);
/** Frees a worker's memo of sessions (at shutdown). */
void session_memo_free(struct worker *w);
/** SHA-256 of a token as 64 hex digits, into the pool. */
const char *token_hash(h2o_mem_pool_t *pool, const char *token);
/** A new random token: 32 bytes as base64url without padding (43 characters), into the pool. */
const char *token_new(h2o_mem_pool_t *pool);

#endif
