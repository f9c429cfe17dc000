/* policy: a route row's policy (role, second factor, body limit, form token) applied once, before its
 * handler, for every route: the one place that decides who may do what. */
#ifndef PLENARY_POLICY_H
#define PLENARY_POLICY_H

#include "http/request.h"
#include "http/router.h"
#include "store/accounts.h"

/** What a row's role and second-factor rule say of an account. */
enum policy_answer {
	POLICY_ALLOW,
	POLICY_SIGN_IN,	      /* nobody is signed in: sign in first */
	POLICY_FORBIDDEN,     /* signed in without the role: 403 */
	POLICY_SECOND_FACTOR, /* an admin without two-factor sign-in on a row that needs it */
};

/** 1 when account u (may be NULL) has at least role: for workflow rules inside a page (only editors publish
 * an article or delete an image), never for who may open a route, which is the route table's. */
int policy_role_at_least(const struct user *u, enum route_role role);
/** The row of the route table for method and path, or NULL. */
const struct route *policy_route(int method, const char *path);
/** The answer of row's policy for account u (NULL when nobody is signed in). */
enum policy_answer policy_decide(const struct route *row, const struct user *u);
/** The message key (access.*) of a refused account's 403 page: the row's own, else its role's. */
const char *policy_deny_message(const struct route *row);
/** Answers a refusal a (not POLICY_ALLOW): the sign-in redirect back to this path (or the row's signed_out
 * handler), 403 with the row's message, or the redirect to turn on two-factor sign-in. */
void policy_refuse(struct request *r, const struct route *row, enum policy_answer a);
/** The largest body the row accepts, in bytes. */
size_t policy_body_limit(const struct route *row, const struct app *app);
/** Applies row's whole policy to the request: body limit (413), role and second factor, then for a POST the
 * form (415, 400), its Origin and its token (403 through router_hooks.form_refused); a POSTed form is kept in
 * r->form (and r->files) for the handler. Returns 0 when the handler may run, else -1 after answering. */
int policy_enforce(struct request *r, const struct route *row);
/** The POSTed form, which policy_enforce read and checked (encoding, Origin, form token) before the handler
 * ran: 0, or -1 after answering 500 when there is none (a POST handler called from elsewhere). */
int form_read(struct request *r, struct form *f);
struct upload;
/** form_read for a form that may carry files (an upload row's multipart/form-data), up to max of them. */
int form_read_upload(struct request *r, struct form *f, struct upload *files, size_t max, size_t *nfiles);

#endif
