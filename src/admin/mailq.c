/* mailq: the back office's view of the mail queue (/admin/mail): counts by state, the last failures, and the
 * suppression list with a search, a hand-made suppression and a lift. */
#include <stdio.h>
#include <string.h>

#include "admin/when.h"
#include "core/text.h"
#include "http/form.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/editorial.h"
#include "store/subscriptions.h"
#include "store/mailq.h"

#define FAILURES_SHOWN 50
#define SUPPRESSIONS_SHOWN 200
#define REASON_MAX 300

static void mail_show(struct request *r, int status, const char *error, const char *email_value)
{
	struct mail_state_count *counts;
	struct mail_failure *fs;
	struct mail_suppression *ss;
	size_t nf = 0, ns = 0;
	int64_t total = 0;
	const char *q = req_query(r, "q");
	if (!q || strlen(q) > SUBSCRIBER_MAX_EMAIL)
		q = "";
	if (store_mail_states(r->w->db, r->pool, &counts) != 0 ||
	    store_mail_failures(r->w->db, r->pool, FAILURES_SHOWN, &fs, &nf) != 0 ||
	    store_mail_suppressions(r->w->db, r->pool, q, SUPPRESSIONS_SHOWN, &ss, &ns, &total) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.mail"));
	view *states = view_list(v, "states");
	for (int i = 0; i < 5; i++) {
		view *x = view_push(states);
		view_str(x, "state", counts[i].state);
		view_int(x, "n", (long long)counts[i].n);
	}
	view *failures = view_list(v, "failures");
	for (size_t i = 0; i < nf; i++) {
		view *x = view_push(failures);
		view_str(x, "to", fs[i].to);
		view_str(x, "subject", fs[i].subject);
		view_str(x, "kind", fs[i].kind);
		view_str(x, "error", fs[i].error);
		view_int(x, "attempts", (long long)fs[i].attempts);
		view_when(r, x, "at", "at_iso", fs[i].at);
	}
	view_bool(v, "no_failures", nf == 0);
	view *list = view_list(v, "suppressions");
	for (size_t i = 0; i < ns; i++) {
		view *x = view_push(list);
		view_str(x, "email", ss[i].email);
		view_str(x, "reason", ss[i].reason);
		view_str(x, "source", ss[i].source);
		view_when(r, x, "at", "at_iso", ss[i].created_at);
	}
	view_int(v, "total", (long long)total);
	view_bool(v, "more", (int64_t)ns < total);
	view_int(v, "shown", (long long)ns);
	view_bool(v, "no_suppressions", ns == 0);
	view_str(v, "q", q);
	view_bool(v, "searched", q[0] != '\0');
	view_bool(v, "has_error", error != NULL);
	view_str(v, "error_message", error ? error : "");
	view_str(v, "email_value", email_value ? email_value : "");
	const char *done = req_query(r, "done");
	view_bool(v, "suppressed", done && strcmp(done, "suppressed") == 0);
	view_bool(v, "lifted", done && strcmp(done, "lifted") == 0);
	view_bool(v, "was_not", done && strcmp(done, "none") == 0);
	resp_page(r, status, "admin/mail", v, 0);
}

void admin_mail(struct request *r)
{
	mail_show(r, 200, NULL, NULL);
}

/* The address of the form, trimmed: NULL after answering 422 when it is not a bare address. */
static const char *form_address(struct request *r, const struct form *f)
{
	const char *e = form_get(f, "email");
	while (e && (*e == ' ' || *e == '\t'))
		e++;
	char *copy = e ? mem_strndup(r->pool, e, strlen(e)) : NULL;
	for (size_t n = copy ? strlen(copy) : 0; n && (copy[n - 1] == ' ' || copy[n - 1] == '\t'); n--)
		copy[n - 1] = '\0';
	if (!copy || !copy[0] || strlen(copy) > SUBSCRIBER_MAX_EMAIL || !text_email_ok(copy)) {
		mail_show(r, 422, req_text(r, "admin.mail.error_address"),
			  copy && strlen(copy) <= SUBSCRIBER_MAX_EMAIL ? copy : "");
		return NULL;
	}
	return copy;
}

/* An audit line on "email:ADDRESS". */
static void audit_address(struct request *r, const char *action, const char *email, const char *detail)
{
	char target[SUBSCRIBER_MAX_EMAIL + 8];
	snprintf(target, sizeof target, "email:%s", email);
	store_audit(r->w->db, r->user->id, action, target, detail);
}

void admin_mail_suppress(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *email = form_address(r, &f);
	if (!email)
		return;
	const char *reason = form_get(&f, "reason");
	if (!reason)
		reason = "";
	if (strlen(reason) > REASON_MAX || !text_utf8_ok(reason)) {
		mail_show(r, 422, req_text(r, "admin.mail.error_reason"), email);
		return;
	}
	char why[REASON_MAX + 64];
	snprintf(why, sizeof why, "%s%s", reason[0] ? "" : "by hand", reason);
	int rc = store_mail_suppress(r->w->db, email, "admin", why);
	if (rc < 0) {
		resp_error(r, 500, NULL);
		return;
	}
	if (rc == 1)
		audit_address(r, "mail.suppress", email, why);
	resp_redirect(r, 303, "/admin/mail?done=suppressed");
}

void admin_mail_lift(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *email = form_address(r, &f);
	if (!email)
		return;
	int rc = store_mail_unsuppress(r->w->db, email);
	if (rc < 0) {
		resp_error(r, 500, NULL);
		return;
	}
	if (rc == 1)
		audit_address(r, "mail.lift", email, "");
	resp_redirect(r, 303, rc == 1 ? "/admin/mail?done=lifted" : "/admin/mail?done=none");
}
