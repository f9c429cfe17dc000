/* consent: the cookie banner's Accept / Reject (a plain form POST) and the page to change the choice. */
#include <string.h>

#include "auth/sister.h"

#include "http/lang.h"
#include "http/csrf.h"
#include "http/form.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"

void consent_page(struct request *r)
{
	view *v = layout_view(r, req_text(r, "layout.cookies"));
	view_bool(v, "accepted", r->consent == CONSENT_ACCEPTED);
	view_bool(v, "rejected", r->consent == CONSENT_REJECTED);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "layout.cookies")},
		   *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	resp_page(r, 200, "cookies", v, 1);
}

void form_refused(struct request *r)
{
	view *v = layout_view(r, req_text(r, "errors.form_expired"));
	const char *back = req_header(r, "referer");
	view_str(v, "retry_url", back && csrf_origin_ok(r) ? back : "/");
	resp_page(r, 403, "forbidden", v, 0);
}

void consent_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *choice = form_get(&f, "choice");
	const char *back = form_get(&f, "return");
	if (!choice || (strcmp(choice, "accepted") != 0 && strcmp(choice, "rejected") != 0)) {
		resp_error(r, 400, req_text(r, "consent.error.choice"));
		return;
	}
	sister_consent_cookie(r, choice); /* on the sisters' parent domain when they share one */
	resp_redirect(r, 303, safe_return(back, "/cookies?saved=1"));
}
