/* consent: the cookie banner's Accept / Reject (a plain form POST) and the page to change the choice. */
#include <string.h>

#include "http/csrf.h"
#include "http/form.h"
#include "http/multipart.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"

#define CONSENT_MAX_AGE "15552000" /* 180 days, then the reader is asked again */

void consent_page(struct request *r)
{
	view *v = layout_view(r, "Cookie settings");
	view_bool(v, "accepted", r->consent == CONSENT_ACCEPTED);
	view_bool(v, "rejected", r->consent == CONSENT_REJECTED);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	const char *labels[] = {"Home", "Cookie settings"}, *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	resp_page(r, 200, "cookies", v, 1);
}

/* Checks what every POST must carry; answers 415 or 403 itself and returns -1 when it fails. */
static int form_checked(struct request *r, const struct form *f);

int form_read(struct request *r, struct form *f)
{
	const char *ct = req_header(r, "content-type");
	if (!ct || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0) {
		resp_error(r, 415, "This form must be sent as application/x-www-form-urlencoded.");
		return -1;
	}
	if (form_parse(r->pool, r->req->entity.base, r->req->entity.len, f) != 0) {
		resp_error(r, 400,
			   "The form could not be read: it has too many fields or a broken encoding.");
		return -1;
	}
	return form_checked(r, f);
}

int form_read_upload(struct request *r, struct form *f, struct upload *files, size_t max, size_t *nfiles)
{
	const char *ct = req_header(r, "content-type");
	*nfiles = 0;
	if (!multipart_is(ct))
		return form_read(r, f);
	if (multipart_parse(r->pool, ct, r->req->entity.base, r->req->entity.len, f, files, max, nfiles) !=
	    0) {
		resp_error(r, 400,
			   "The upload could not be read: it is malformed or has too many fields or files.");
		return -1;
	}
	return form_checked(r, f);
}

/* The Origin and the form token, checked after either encoding was read. */
static int form_checked(struct request *r, const struct form *f)
{
	if (!csrf_origin_ok(r) || !csrf_token_valid(r, form_get(f, "form_token"))) {
		view *v = layout_view(r, "This form has expired");
		const char *back = req_header(r, "referer");
		view_str(v, "retry_url", back && csrf_origin_ok(r) ? back : "/");
		resp_page(r, 403, "forbidden", v, 0);
		return -1;
	}
	return 0;
}

void consent_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *choice = form_get(&f, "choice");
	const char *back = form_get(&f, "return");
	if (!choice || (strcmp(choice, "accepted") != 0 && strcmp(choice, "rejected") != 0)) {
		resp_error(r, 400, "Choose Accept or Reject.");
		return;
	}
	char cookie[160];
	snprintf(cookie, sizeof cookie,
		 "plenary_consent=%s; Path=/; Max-Age=" CONSENT_MAX_AGE "; SameSite=Lax; HttpOnly", choice);
	resp_header(r, "set-cookie", cookie, strlen(cookie));
	resp_redirect(r, 303, safe_return(back, "/cookies?saved=1"));
}
