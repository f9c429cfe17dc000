/* resume: when a session ends mid-edit, the page that keeps the text and signs the editor in and saves it at
 * once. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/articles.h"
#include "auth/session.h"
#include "http/csrf.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/accounts.h"

#define KEPT_MAX_FIELDS 120 /* of FORM_MAX_FIELDS, leaving room for the sign-in fields */
#define KEPT_NAME_MAX 40

/* The fields of the session-ended form itself, never carried over from the editor's form. */
static const char *const own_fields[] = {"form_token", "resume_article", "email", "password", "code"};
/* Shown in read-only text areas (so they can be copied), and posted from there. */
static const char *const shown_fields[] = {"title", "summary", "body"};

static int listed(const char *name, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(name, list[i]) == 0)
			return 1;
	return 0;
}

/* Field names are the editor's own: lowercase letters, digits and underscores. */
static int name_ok(const char *name)
{
	size_t n = strlen(name);
	if (n == 0 || n > KEPT_NAME_MAX)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((name[i] >= 'a' && name[i] <= 'z') || (name[i] >= '0' && name[i] <= '9') ||
		      name[i] == '_'))
			return 0;
	return 1;
}

void session_ended_page(struct request *r, int status, const struct form *f, int64_t id, const char *error)
{
	/* the session, and with it the form's token, is gone: another site must not be able to fill in the
	 * form an editor would then sign in to save */
	if (!csrf_origin_ok(r)) {
		resp_error(r, 403, req_text(r, "admin.resume.error_origin"));
		return;
	}
	/* whoever signs in here has no session yet (or an ended or half-done one): the page's form token is
	 * the one made without a session, as admin_resume checks it */
	r->session_hash = NULL;
	view *v = layout_view(r, req_text(r, "admin.title.session_ended"));
	for (size_t i = 0; i < sizeof shown_fields / sizeof shown_fields[0]; i++) {
		static const char *const names[] = {"title_text", "summary_text", "body_text"};
		const char *value = form_get(f, shown_fields[i]);
		view_str(v, names[i], value ? value : "");
	}
	view *kept = view_list(v, "kept");
	size_t n = 0;
	/* the resume form must fit in a request as the editor's form did */
	int fits = r->req->entity.len + 4096 <= (size_t)r->app->cfg.max_body_kb * 1024;
	for (size_t i = 0; fits && i < f->n; i++) {
		const char *name = f->name[i];
		if (!name_ok(name) || listed(name, own_fields, sizeof own_fields / sizeof own_fields[0]) ||
		    listed(name, shown_fields, sizeof shown_fields / sizeof shown_fields[0]))
			continue;
		if (n++ == KEPT_MAX_FIELDS) {
			fits = 0;
			break;
		}
		view *x = view_push(kept);
		view_str(x, "name", name);
		view_strn(x, "value", f->value[i], f->value_len[i]);
	}
	view_bool(v, "can_resume", fits);
	view_str(v, "article_id", "");
	if (id > 0)
		view_int(v, "article_id", (long long)id);
	const char *email = form_get(f, "email");
	view_str(v, "email", email && strlen(email) <= 254 ? email : "");
	view_bool(v, "has_error", error != NULL);
	view_str(v, "error_message", error ? error : "");
	resp_page(r, status, "admin/session-ended", v, 0);
}

struct resume {
	const struct form *f;
	int64_t id;
	const char *email, *code;
};

static void resume_checked(struct request *r, struct user *u, int status, const char *error, void *ctx)
{
	struct resume *s = ctx;
	if (!u) {
		session_ended_page(r, status, s->f, s->id, error);
		return;
	}
	if (u->totp_enabled && !second_factor_ok(r, u, s->code)) { /* counted with the password's attempt */
		session_ended_page(r, 422, s->f, s->id, req_text(r, "admin.resume.error_code"));
		return;
	}
	throttle_clear(r, s->email);
	/* the save's own route decides who may save, as dispatch would once this account is signed in */
	const struct route *save = policy_route(M_POST, "/admin/articles");
	enum policy_answer may = save ? policy_decide(save, u) : POLICY_FORBIDDEN;
	if (may == POLICY_FORBIDDEN) {
		session_ended_page(r, 403, s->f, s->id, req_text(r, "admin.resume.error_not_staff"));
		return;
	}
	if (session_start(r, u->id, 0, 0) != 0) {
		session_ended_page(r, 500, s->f, s->id, req_text(r, "admin.resume.error_signin"));
		return;
	}
	r->user = u;
	r->pending_user = NULL;
	r->level = reader_level(u);
	if (may != POLICY_ALLOW) { /* an admin without a second factor is sent to set one up */
		policy_refuse(r, save, may);
		return;
	}
	article_save_form(r, s->f, s->id);
}

void admin_article_signed_out(struct request *r)
{
	int64_t id = 0;
	if (r->nparams) {
		char *end;
		long long v = strtoll(r->params[0], &end, 10);
		if (*end || v <= 0) {
			resp_error(r, 404, req_text(r, "admin.error.no_article"));
			return;
		}
		id = v;
	}
	struct form f;
	if (form_parse(r->pool, r->req->entity.base, r->req->entity.len, &f) != 0)
		f.n = 0;
	session_ended_page(r, 401, &f, id, NULL);
}

void admin_resume(struct request *r)
{
	/* the form was made with the token of no session (see session_ended_page): its row says so, and the
	 * policy checked it that way; a session still in the cookie ends when the new one starts */
	struct form *f = h2o_mem_alloc_pool(r->pool, sizeof *f);
	if (form_read(r, f) != 0)
		return;
	struct resume *s = h2o_mem_alloc_pool(r->pool, sizeof *s);
	const char *article = form_get(f, "resume_article");
	*s = (struct resume){f, 0, form_get(f, "email"), form_get(f, "code")};
	if (article && article[0]) {
		long long id = 0;
		int end = 0;
		if (sscanf(article, "%lld%n", &id, &end) != 1 || article[end] || id <= 0) {
			resp_error(r, 404, req_text(r, "admin.error.no_article"));
			return;
		}
		s->id = id;
	}
	signin_check(r, s->email, form_get(f, "password"), resume_checked, s);
}
