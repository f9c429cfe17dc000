/* accounts: what the sign-up, sign-in and account pages share: async hashing, throttling, mail, forms. */
#ifndef PLENARY_ACCOUNTS_H
#define PLENARY_ACCOUNTS_H

#include "auth/password.h"
#include "http/request.h"
#include "jobs/mail.h"
#include "render/view.h"

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
/** Reserves one password attempt (sign-in, second factor or re-check) for the account of email and for the
 * client address, atomically and before anything is checked: 0 when it may go ahead (it counts as a failure
 * unless throttle_clear follows), else the seconds to wait (the same for known and unknown emails). */
int throttle_take(struct request *r, const char *email);
/** After a success: forgets the account's attempts and gives the address back its one. */
void throttle_clear(struct request *r, const char *email);
/** Sets Retry-After for a refused attempt. */
void throttle_refused(struct request *r, int wait);
/** Checks the signed-in account's password again (changing it, turning off two-factor sign-in, deleting the
 * account, an admin's role change), throttled as sign-in is; done gets the hash job (ok: right). When
 * throttled, answers 429 itself and done is not called. */
void recheck_password(struct request *r, const char *password, after_hash done, void *ctx);

/** Reserves one mail from an account form to `to` at this client's request, before anything is done:
 * 0 when it may be sent, else the seconds until it could be (mail_per_recipient and mail_per_address an
 * hour). Counted by the address typed, whether or not it has an account. */
int mail_allowance(struct request *r, const char *to);
/** A 429 page (with Retry-After) titled title, saying what (a sentence) and when to try again. */
void limit_page(struct request *r, int wait, const char *title, const char *what);
/** Mails a one-time link (purpose "verify" or "reset") to `to`; for a change of address, new_email is the
 * address the link confirms. The link is valid for hours. */
int mail_link(struct request *r, int64_t user_id, const char *to, const char *purpose, const char *new_email,
	      int hours);
/** mail_link without a request (for work done after the answer): the site's name and home URL given. */
int mail_link_from(store *db, h2o_mem_pool_t *pool, struct mailer *mailer, const char *site_name,
		   const char *site_url, int64_t user_id, const char *to, const char *purpose,
		   const char *new_email, int hours);
/** Mails a plain notice (no link). */
int mail_notice(struct request *r, const char *to, const char *subject, const char *body);

/** A simple page: title, message, and an optional link. */
void message_page(struct request *r, int status, const char *title, const char *message, const char *link_url,
		  const char *link_label);
/** The professions a reader can choose, as a list for a select, with one selected. */
void view_professions(view *form, const char *selected);
/** 1 when profession is one of the list. */
int profession_ok(const char *profession);
/** Sets "error" (an object of field → message), "errors" (list) and "has_errors" on v. */
void view_errors(view *v, const char *const *fields, const char *const *errors, size_t n);
/** A local path from a form's "return" field, or fallback. */
const char *safe_return(const char *p, const char *fallback);

#endif
