/* accounts: what the sign-up, sign-in and account pages share: re-checking a password, mail, pages, forms
 * (checking passwords and second factors, throttled, is src/auth/signin.h). */
#ifndef PLENARY_ACCOUNTS_H
#define PLENARY_ACCOUNTS_H

#include "auth/password.h"
#include "auth/signin.h"
#include "http/request.h"
#include "jobs/mail.h"
#include "render/view.h"

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
