/* accounts: what the sign-up, sign-in and account pages share: re-checking a password, mail, pages, forms
 * (checking passwords and second factors, throttled, is src/auth/signin.h). */
#ifndef PLENARY_ACCOUNTS_H
#define PLENARY_ACCOUNTS_H

#include "auth/password.h"
#include "auth/signin.h"
#include "http/request.h"
#include "jobs/mail.h"
#include "render/tmpl.h"
#include "render/view.h"
#include "store/accounts.h"

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
/** Where and how a producer's mail goes: the database (the mail queue), the transport, the theme's
 * templates, the pool everything is rendered in, and the site the mail speaks for. */
struct mail_out {
	store *db;
	struct mailer *mailer;
	const tmpl_set *tmpl; /* the recipient's language's (mail_out_to), else the base language's */
	h2o_mem_pool_t *pool;
	int64_t site_id;
	const char *site_name, *site_url; /* site_url ends in '/' */
	const struct theme *theme;	  /* every language's templates */
};
/** Makes o's templates those of the language of account user_id and/or subscriber subscriber_id (0: none):
 * the account's, else the subscriber's, else the site's default, else the base (mail_lang_of). */
void mail_out_to(struct mail_out *o, int64_t user_id, int64_t subscriber_id);
/** The mail_out of this request's site. */
struct mail_out mail_out_of(struct request *r);
/** A new view for a mail template, holding site_name and site_url. */
view *mail_view(const struct mail_out *o);
/** Renders the theme's mail name ("mail/verify": mail/verify.txt and the optional mail/verify.html, see
 * mail_render) with v and queues it (store_mail_put: text, HTML, kind "account" or "confirm", the List-
 * Unsubscribe URL or NULL) to `to`, then wakes the sender. 0 (also when the address is suppressed: nothing
 * is queued, as for any other address), or -1 (logged) when the template is missing or broken or the
 * message could not be queued. */
int mail_themed(const struct mail_out *o, const char *kind, const char *to, const char *name, const view *v,
		const char *unsubscribe_url);
/** Mails a one-time link (purpose "verify" or "reset") to `to`; for a change of address, new_email is the
 * address the link confirms. The link is valid for hours. */
int mail_link(struct request *r, int64_t user_id, const char *to, const char *purpose, const char *new_email,
	      int hours);
/** mail_link for a new account's confirmation whose link carries next (a same-site path, or NULL), where
 * the reader is taken once the address is confirmed. */
int mail_link_next(struct request *r, int64_t user_id, const char *to, const char *next, int hours);
/** mail_link without a request (for work done after the answer), with next as for mail_link_next. */
int mail_link_from(const struct mail_out *o, int64_t user_id, const char *to, const char *purpose,
		   const char *new_email, const char *next, int hours);

/** A simple page: title, message, and an optional link. */
void message_page(struct request *r, int status, const char *title, const char *message, const char *link_url,
		  const char *link_label);
/** The professions a reader can choose, as a list for a select, with one selected. */
void view_professions(struct request *r, view *form, const char *selected);
/** password_problem in the request's language: NULL when the new password is fine. */
const char *password_problem_text(struct request *r, const char *password, const char *email);
/** A profession's label in the request's language ("Physician"); "" for none, the value itself when unknown.
 */
const char *profession_label(struct request *r, const char *profession);
/** 1 when profession is one of the list. */
int profession_ok(const char *profession);
/** Sets "error" (an object of field → message), "errors" (list) and "has_errors" on v. */
void view_errors(view *v, const char *const *fields, const char *const *errors, size_t n);
/** p when it is a path on this site (one '/', then printable ASCII without a backslash, at most 1,000
 * bytes), else fallback: an address elsewhere (`//host`, `https://...`) is never followed. */
const char *safe_return(const char *p, const char *fallback);
/** The same-site path a sign-in, sign-up or confirmation should end on: the query's "next" (or its older
 * name "return"), or NULL when there is none or it is not a path on this site. */
const char *req_next(struct request *r);
/** req_next for a POSTed form's "next" (or "return") field. */
const char *form_next(const struct form *f);
/** Where an account lands after signing in without a next path: staff on the back office, readers on
 * their account page. */
const char *landing_of(const struct user *u);
/** Sets "next" (the path when it is a same-site one, else "") and "has_next" on v. */
void view_next(view *v, const char *next);
/** path with "next=" and next (encoded) added to its query, or path alone when next is not a same-site
 * path. */
const char *with_next(struct request *r, const char *path, const char *next);

#endif
