/* policy: a route row's policy (role, second factor, body limit, form token) applied once, before its
 * handler, for every route: the one place that decides who may do what. */
#include "http/policy.h"

#include <string.h>

#include "core/buf.h"
#include "http/csrf.h"
#include "http/form.h"
#include "http/lang.h"
#include "http/multipart.h"
#include "http/response.h"
#include "render/escape.h"
#include "store/store.h"
#include "store/accounts.h"

int policy_role_at_least(const struct user *u, enum route_role role)
{
	return role == ROLE_ANYONE || (u && route_role_of(u->role) >= role);
}

const struct route *policy_route(int method, const char *path)
{
	struct route_match m;
	return router_match(router_rows, router_nrows, method, path, &m) == ROUTE_FOUND ? m.route : NULL;
}

enum policy_answer policy_decide(const struct route *row, const struct user *u)
{
	if (row->role == ROLE_ANYONE)
		return POLICY_ALLOW;
	if (!u)
		return POLICY_SIGN_IN;
	enum route_role has = route_role_of(u->role);
	if (has < row->role)
		return POLICY_FORBIDDEN;
	if ((row->flags & ROUTE_2FA) && has == ROLE_ADMIN && !u->totp_enabled)
		return POLICY_SECOND_FACTOR; /* admins must use a second factor in the back office */
	return POLICY_ALLOW;
}

const char *policy_deny_message(const struct route *row)
{
	if (row->deny)
		return row->deny;
	switch (row->role) {
	case ROLE_CONTRIBUTOR:
		return "access.contributors";
	case ROLE_EDITOR:
		return "access.editors";
	case ROLE_ADMIN:
		return "access.admins";
	default:
		return "access.anyone";
	}
}

void policy_refuse(struct request *r, const struct route *row, enum policy_answer a)
{
	if (a == POLICY_SIGN_IN && row->signed_out) {
		row->signed_out(r);
	} else if (a == POLICY_SIGN_IN) {
		buf b;
		buf_init(&b, r->pool);
		buf_adds(&b, "/signin?return=");
		esc_url_component(&b, r->path, strlen(r->path), 0);
		resp_redirect(r, 303, buf_cstr(&b));
	} else if (a == POLICY_SECOND_FACTOR) {
		resp_redirect(r, 303, "/account/2fa?required=1");
	} else {
		resp_error(r, 403, req_text(r, policy_deny_message(row)));
	}
}

size_t policy_body_limit(const struct route *row, const struct app *app)
{
	size_t max = (size_t)app->cfg.max_body_kb * 1024;
	size_t own = (size_t)row->body_kb * 1024;
	return own && own < max ? own : max;
}

/* Reads the POSTed form (URL-encoded, or multipart on a row that allows it) into r->form and r->files. */
static int form_take(struct request *r, const struct route *row)
{
	const char *ct = req_header(r, "content-type");
	struct form *f = h2o_mem_alloc_pool(r->pool, sizeof *f);
	if ((row->flags & ROUTE_MULTIPART) && multipart_is(ct)) {
		struct upload *files = h2o_mem_alloc_pool(r->pool, sizeof *files * MULTIPART_MAX_FILES);
		if (multipart_parse(r->pool, ct, r->req->entity.base, r->req->entity.len, f, files,
				    MULTIPART_MAX_FILES, &r->nfiles) != 0) {
			resp_error(r, 400, req_text(r, "errors.upload_unreadable"));
			return -1;
		}
		r->files = files;
	} else if (!ct || strncasecmp(ct, "application/x-www-form-urlencoded", 33) != 0) {
		resp_error(r, 415, req_text(r, "errors.form_type"));
		return -1;
	} else if (form_parse(r->pool, r->req->entity.base, r->req->entity.len, f) != 0) {
		resp_error(r, 400, req_text(r, "errors.form_unreadable"));
		return -1;
	}
	r->form = f;
	return 0;
}

/* The Origin and the form token of a read form, as the row asks. */
static int form_trusted(struct request *r, const struct route *row)
{
	if (row->csrf == CSRF_NONE)
		return 1;
	const char *session = r->session_hash;
	if (row->csrf == CSRF_TOKEN_NO_SESSION)
		r->session_hash = NULL; /* the form was made for whoever signs in with it */
	int ok = csrf_origin_ok(r) && csrf_token_valid(r, form_get(r->form, "form_token"));
	r->session_hash = session;
	return ok;
}

int policy_enforce(struct request *r, const struct route *row)
{
	if (row->role != ROLE_ANYONE)
		r->cache_key = h2o_iovec_init(NULL, 0); /* a page for some accounts only is never cached */
	if (r->req->entity.len > policy_body_limit(row, r->app)) {
		resp_error(r, 413, req_text(r, "errors.page_too_large"));
		return -1;
	}
	enum policy_answer a = policy_decide(row, r->user);
	if (a != POLICY_ALLOW) {
		policy_refuse(r, row, a);
		return -1;
	}
	if (row->role >= ROLE_CONTRIBUTOR) /* the back office, in its editor's own language */
		lang_for_editor(r, r->user->language);
	if (row->method != M_POST)
		return 0;
	if (row->csrf == CSRF_HEADER) {
		const char *ct = req_header(r, "content-type"), *t = req_header(r, "x-form-token");
		int is_form = ct && strncasecmp(ct, "application/x-www-form-urlencoded", 33) == 0;
		if (is_form && form_take(r, row) != 0)
			return -1;
		if (!t && r->form)
			t = form_get(r->form, "form_token");
		if (csrf_origin_ok(r) && csrf_token_valid(r, t))
			return 0;
		const char *why = req_text(r, "errors.token_expired");
		buf b;
		buf_init(&b, r->pool);
		buf_adds(&b, "{\"error\": \"");
		esc_json_string(&b, why, strlen(why));
		buf_adds(&b, "\"}");
		resp_bytes(r, 403, "application/json", "no-store", NULL, b.p, b.len);
		return -1;
	}
	if (form_take(r, row) != 0)
		return -1;
	if (!form_trusted(r, row)) {
		router_hooks.form_refused(r);
		return -1;
	}
	return 0;
}

int form_read(struct request *r, struct form *f)
{
	if (!r->form) {
		resp_error(r, 500, NULL); /* a handler of a POST route called from elsewhere: a bug */
		return -1;
	}
	*f = *r->form;
	return 0;
}

int form_read_upload(struct request *r, struct form *f, struct upload *files, size_t max, size_t *nfiles)
{
	if (form_read(r, f) != 0)
		return -1;
	*nfiles = r->nfiles < max ? r->nfiles : max;
	for (size_t i = 0; i < *nfiles; i++)
		files[i] = r->files[i];
	return 0;
}
