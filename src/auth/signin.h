/* signin: checking a password (on the hashing threads) and a second factor, throttled per account and
 * per client address: the mechanics the sign-in, sign-up and account pages of site share. */
#ifndef PLENARY_SIGNIN_H
#define PLENARY_SIGNIN_H

#include "auth/password.h"
#include "http/request.h"
#include "store/accounts.h"

typedef void (*after_hash)(struct request *r, struct hash_job *job, void *ctx);

/** Hashes (verify 0) or checks (verify 1, against hash) a password on the hashing threads; done runs on
 * this worker's loop when the answer comes, unless the reader went away. The handler returns meanwhile.
 * When the queue is full (or the client's share of it), it answers 429 with Retry-After itself. */
void hash_async(struct request *r, int verify, const char *password, const char *hash, after_hash done,
		void *ctx);

/** What signin_check found: the account (u) when the email and password are right; else u is NULL, with the
 * status to answer (422 wrong or missing, 429 too many tries or a full hashing queue: Retry-After is set)
 * and a message. */
typedef void (*after_signin_check)(struct request *r, struct user *u, int status, const char *error,
				   void *ctx);

/** Checks an email and password as the sign-in form does: throttled per address and per account, on the
 * hashing threads, an unknown address at the cost of a known one, a failure counted, a hash made with weaker
 * parameters replaced. done runs on this worker's loop. It is the caller that clears the throttle
 * (throttle_clear), once the whole sign-in, second factor included, has succeeded. */
void signin_check(struct request *r, const char *email, const char *password, after_signin_check done,
		  void *ctx);
/** 1 when code is the account's current TOTP code (each works once) or one of its unused recovery codes
 * (used up by this); the caller counts a failure. */
int second_factor_ok(struct request *r, const struct user *u, const char *code);

/** The subject a throttle counts a client by: "ip:" and the client's address (req_client_addr, so behind a
 * trusted proxy the reader's), an IPv6 one by its /64. */
void client_subject(struct request *r, char *out, size_t n);
/** The subject a throttle counts an email address by: "email:" and the address in lower case. */
void email_subject(const char *email, char *out, size_t n);
/** Reserves one password attempt (sign-in, second factor or re-check) for the account of email and for the
 * client address, atomically and before anything is checked: 0 when it may go ahead (it counts as a failure
 * unless throttle_clear follows), else the seconds to wait (the same for known and unknown emails). */
int throttle_take(struct request *r, const char *email);
/** After a success: forgets the account's attempts and gives the address back its one. */
void throttle_clear(struct request *r, const char *email);
/** Sets Retry-After for a refused attempt. */
void throttle_refused(struct request *r, int wait);

#endif
