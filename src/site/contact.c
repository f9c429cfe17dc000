/* contact: the contact form; messages are validated, stored, and errors shown with the values kept. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "render/markdown.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "store/accounts.h"

static const char *const topics[][2] = {
    {"editorial", "contact.topics.editorial"},
    {"correction", "contact.topics.correction"},
    {"sponsorship", "contact.topics.sponsorship"},
    {"technical", "contact.topics.technical"},
    {"other", "contact.topics.other"},
};
#define NTOPICS (sizeof topics / sizeof topics[0])

/* Field names of the form, in the order errors are listed. */
static const char *const fields[] = {"name", "email", "topic", "message", "agree"};
#define NFIELDS (sizeof fields / sizeof fields[0])

/* Renders the form; values and errors (one message or NULL per field) come from a failed submission. */
static void show_form(struct request *r, int status, const struct form *f, const char *const *errors,
		      int sent)
{
	view *v = layout_view(r, req_text(r, "contact.title"));
	struct page p;
	if (store_page_by_path(r->w->db, r->pool, r->site->id, "/contact", &p) == 1) {
		req_name_page(r, &p); /* its text in the page's language; the title is the form's own */
		buf md;
		buf_init(&md, r->pool);
		md_render(&md, p.body, strlen(p.body));
		view_html(v, "intro_html", md.p ? md.p : "", md.len);
	}
	const char *topic = f ? form_get(f, "topic") : NULL;
	view *form = view_obj(v, "form");
	view_str(form, "name", f ? form_get(f, "name") : "");
	view_str(form, "email", f ? form_get(f, "email") : "");
	view_str(form, "message", f ? form_get(f, "message") : "");
	view_bool(form, "agree", f && form_get(f, "agree"));
	view *list = view_list(form, "topics");
	for (size_t i = 0; i < NTOPICS; i++) {
		view *t = view_push(list);
		view_str(t, "value", topics[i][0]);
		view_str(t, "label", req_text(r, topics[i][1]));
		view_bool(t, "selected", topic && strcmp(topic, topics[i][0]) == 0);
	}
	view_bool(v, "sent", sent);
	view *errs = view_list(v, "errors");
	view *by_field = view_obj(v, "error");
	for (size_t i = 0; errors && i < NFIELDS; i++) {
		if (!errors[i])
			continue;
		view *e = view_push(errs);
		view_str(e, "field", fields[i]);
		view_str(e, "message", errors[i]);
		view_str(by_field, fields[i], errors[i]);
	}
	view_bool(v, "has_errors", view_len(errs) > 0);
	view_int(v, "error_count", (long long)view_len(errs));
	view_bool(v, "errors_plural", view_len(errs) > 1);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "contact.title")},
		   *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	resp_page(r, status, "contact", v, status == 200 && !sent);
}

void contact_form(struct request *r)
{
	show_form(r, 200, NULL, NULL, req_query(r, "sent") != NULL);
}

/* Reserves one message: 0 when it may be stored, else the seconds to wait (contact_per_address an hour from
 * one client address, contact_per_hour from everyone). */
static int contact_allowance(struct request *r)
{
	char ip[80];
	int wait = 1;
	client_subject(r, ip, sizeof ip);
	const struct attempt_rule by_address = {3600, r->app->cfg.contact_per_address,
						r->app->cfg.contact_per_address},
				  everyone = {3600, r->app->cfg.contact_per_hour,
					      r->app->cfg.contact_per_hour};
	int rc = store_attempt_take(r->w->db, "contact", ip, &by_address, &wait);
	if (rc != 1)
		return rc == 0 ? wait : 1;
	rc = store_attempt_take(r->w->db, "contact", "*", &everyone, &wait);
	if (rc == 1)
		return 0;
	store_attempt_refund(r->w->db, "contact", ip);
	return rc == 0 ? wait : 1;
}

void contact_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *name = form_get(&f, "name"), *email = form_get(&f, "email"),
		   *topic = form_get(&f, "topic"), *message = form_get(&f, "message"),
		   *agree = form_get(&f, "agree");
	const char *errors[NFIELDS] = {0};
	int bad = 0;
	if (!name || !name[0] || text_chars(name) > 100)
		errors[0] = req_text(r, !name || !name[0] ? "forms.error.name" : "forms.error.name_long");
	if (!email || !text_email_ok(email))
		errors[1] = req_text(r, "contact.error.email");
	int topic_ok = 0;
	for (size_t i = 0; topic && i < NTOPICS; i++)
		topic_ok |= strcmp(topic, topics[i][0]) == 0;
	if (!topic_ok)
		errors[2] = req_text(r, "contact.error.topic");
	size_t mlen = message ? text_chars(message) : 0;
	if (mlen < 10 || mlen > 5000)
		errors[3] =
		    req_text(r, mlen < 10 ? "contact.error.message_short" : "contact.error.message_long");
	if (!agree)
		errors[4] = req_text(r, "contact.error.agree");
	for (size_t i = 0; i < NFIELDS; i++)
		bad |= errors[i] != NULL;
	if (bad) {
		show_form(r, 422, &f, errors, 0);
		return;
	}
	int wait = contact_allowance(r);
	if (wait > 0) {
		limit_page(r, wait, req_text(r, "limits.messages_title"), req_text(r, "contact.limit"));
		return;
	}
	struct contact_message m = {
	    .site_id = r->site->id, .name = name, .email = email, .topic = topic, .message = message};
	if (store_contact_add(r->w->db, &m) < 0) {
		resp_error(r, 500, req_text(r, "contact.error.not_saved"));
		return;
	}
	resp_redirect(r, 303, "/contact?sent=1");
}
