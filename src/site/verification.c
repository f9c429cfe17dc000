/* verification: editors review requests to be verified as a healthcare professional and record how. */
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "store/accounts.h"

static const char *const methods[] = {"licence", "document", "institution"};

static void queue_show(struct request *r, int status, const char *error)
{
	struct user *us;
	size_t n;
	if (store_users_hcp_requested(r->w->db, r->pool, &us, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "verifications.title"));
	view *list = view_list(v, "requests");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)us[i].id);
		view_str(x, "name", us[i].name);
		view_str(x, "email", us[i].email);
		view_str(x, "profession", us[i].profession);
		view_str(x, "specialty", us[i].specialty);
		view_str(x, "country", us[i].country);
		view_str(x, "details", us[i].hcp_request);
	}
	view_bool(v, "empty", n == 0);
	view_bool(v, "has_error", error != NULL);
	view_str(v, "error_message", error ? error : "");
	view_bool(v, "decided", req_query(r, "decided") != NULL);
	resp_page(r, status, "verifications", v, 0);
}

void verification_queue(struct request *r)
{
	queue_show(r, 200, NULL);
}

void verification_decide(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *id = form_get(&f, "user_id"), *decision = form_get(&f, "decision"),
		   *method = form_get(&f, "method"), *evidence = form_get(&f, "evidence");
	int method_ok = 0;
	for (size_t i = 0; method && i < sizeof methods / sizeof methods[0]; i++)
		method_ok |= strcmp(method, methods[i]) == 0;
	struct user u;
	char *end;
	long long uid = id ? strtoll(id, &end, 10) : 0;
	if (!id || *end || uid <= 0 || store_user_by_id(r->w->db, r->pool, uid, &u) != 1) {
		queue_show(r, 422, req_text(r, "verifications.error.reader"));
		return;
	}
	if (!decision || (strcmp(decision, "verified") != 0 && strcmp(decision, "rejected") != 0)) {
		queue_show(r, 422, req_text(r, "verifications.error.decision"));
		return;
	}
	if (!method_ok || !evidence || text_chars(evidence) < 3 || text_chars(evidence) > 1000 ||
	    !text_clean(evidence, 1)) {
		queue_show(r, 422, req_text(r, "verifications.error.evidence"));
		return;
	}
	store_user_decide_hcp(r->w->db, u.id, decision, method, evidence, r->user->id);
	resp_redirect(r, 303, "/admin/verifications?decided=1");
}
