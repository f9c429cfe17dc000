/* subscriptions: readers subscribe by email or from their account, confirm, manage and unsubscribe through
 * signed links (subscribe_link.h) without signing in. */
#include "site/subscriptions.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "core/text.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/subscribe_link.h"
#include "store/accounts.h"
#include "store/subscriptions.h"

static const char *const KIND_LABELS[][2] = {{"section", "subscriptions.kind.section"},
					     {"congress", "subscriptions.kind.congress"},
					     {"trial", "subscriptions.kind.trial"},
					     {"topic", "subscriptions.kind.topic"}};

static const char *kind_label(struct request *r, const char *kind)
{
	for (size_t i = 0; i < 4; i++)
		if (strcmp(kind, KIND_LABELS[i][0]) == 0)
			return req_text(r, KIND_LABELS[i][1]);
	return kind;
}

/* A subscription's target in the page's language (a topic is a tag to name_translation). */
static const char *target_name(struct request *r, const char *kind, int64_t id, const char *name)
{
	return req_name(r, strcmp(kind, "topic") == 0 ? "tag" : kind, id, "name", name);
}

static int cadence_ok(const char *c)
{
	return c && (strcmp(c, "immediate") == 0 || strcmp(c, "weekly") == 0);
}

/* "kind:id" of one of the site's targets into *kind and *id: 1, or 0 when it is not one of them. */
static int target_of(struct request *r, const char *v, const char **kind, int64_t *id)
{
	struct subscription_target *ts;
	size_t n = 0;
	if (!v || strlen(v) > 40 || store_subscription_targets(r->w->db, r->pool, r->site->id, &ts, &n) != 0)
		return 0;
	for (size_t i = 0; i < n; i++) {
		char want[64];
		snprintf(want, sizeof want, "%s:%lld", ts[i].kind, (long long)ts[i].id);
		if (strcmp(want, v) == 0) {
			*kind = ts[i].kind;
			*id = ts[i].id;
			return 1;
		}
	}
	return 0;
}

/* The site's targets as "targets" (value, label, selected) on v. */
static void view_targets(struct request *r, view *v, const char *selected)
{
	struct subscription_target *ts;
	size_t n = 0;
	view *list = view_list(v, "targets");
	if (store_subscription_targets(r->w->db, r->pool, r->site->id, &ts, &n) != 0)
		n = 0;
	for (size_t i = 0; i < n; i++) {
		view *o = view_push(list);
		view_fmt(o, "value", "%s:%lld", ts[i].kind, (long long)ts[i].id);
		view_str(o, "label",
			 req_textf(r, "subscriptions.target_label", "kind", kind_label(r, ts[i].kind), "name",
				   target_name(r, ts[i].kind, ts[i].id, ts[i].name), NULL));
		char want[64];
		snprintf(want, sizeof want, "%s:%lld", ts[i].kind, (long long)ts[i].id);
		view_bool(o, "selected", selected && strcmp(selected, want) == 0);
	}
	view_bool(v, "has_targets", n > 0);
}

/* A subscriber's subscriptions as "subscriptions" on v. */
static void view_subscriptions(struct request *r, view *v, int64_t subscriber_id)
{
	struct subscription *xs;
	size_t n = 0;
	view *list = view_list(v, "subscriptions");
	if (subscriber_id <= 0 || store_subscriptions_of(r->w->db, r->pool, subscriber_id, &xs, &n) != 0)
		n = 0;
	for (size_t i = 0; i < n; i++) {
		view *o = view_push(list);
		view_int(o, "id", xs[i].id);
		view_str(o, "kind", kind_label(r, xs[i].kind));
		view_str(o, "name", target_name(r, xs[i].kind, xs[i].target_id, xs[i].target_name));
		view_bool(o, "weekly", strcmp(xs[i].cadence, "weekly") == 0);
	}
	view_bool(v, "has_subscriptions", n > 0);
	view_int(v, "subscription_count", (long long)n);
}

/* The subscriber a link token names, checked for purpose on this site: 1 with *b, 0 when the token names
 * none (well formed, no such subscriber), -1 when it is malformed, forged or for another purpose or site. */
static int link_subscriber(struct request *r, const char *t, enum subscribe_purpose purpose,
			   struct subscriber *b)
{
	int64_t id = subscribe_link_id(t);
	if (id <= 0)
		return -1;
	int rc = store_subscriber_by_id(r->w->db, r->pool, id, b);
	if (rc == 0)
		return 0;
	if (rc != 1 || b->site_id != r->site->id ||
	    !subscribe_link_valid(r->app->form_key, purpose, t, b->id, b->email))
		return -1;
	return 1;
}

static const char *sub_link(struct request *r, enum subscribe_purpose purpose, const struct subscriber *b)
{
	char *t = h2o_mem_alloc_pool(r->pool, SUBSCRIBE_LINK_LEN);
	subscribe_link_make(r->app->form_key, purpose, b->id, b->email, t);
	return t;
}

static void bad_link(struct request *r)
{
	message_page(r, 400, req_text(r, "subscribe.bad_link_title"), req_text(r, "subscribe.bad_link"),
		     "/subscribe", req_text(r, "subscribe.button"));
}

/* ---- subscribing by email ---- */

static void subscribe_show(struct request *r, int status, const struct form *f, const char *const *errors)
{
	static const char *const fields[] = {"email", "target", "cadence"};
	view *v = layout_view(r, req_text(r, "subscribe.title"));
	const char *cadence = f ? form_get(f, "cadence") : NULL;
	view_str(v, "email", f && form_get(f, "email") ? form_get(f, "email") : "");
	view_bool(v, "weekly", cadence && strcmp(cadence, "weekly") == 0);
	view_targets(r, v, f ? form_get(f, "target") : req_query(r, "target"));
	view_errors(v, fields, errors, errors ? 3 : 0);
	resp_page(r, status, "subscribe", v, 0);
}

void subscribe_form(struct request *r)
{
	subscribe_show(r, 200, NULL, NULL);
}

void subscribe_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *email = form_get(&f, "email"), *cadence = form_get(&f, "cadence"), *kind = NULL;
	int64_t target = 0;
	const char *errors[3] = {0};
	if (!email || !text_email_ok(email) || strlen(email) > SUBSCRIBER_MAX_EMAIL)
		errors[0] = req_text(r, "forms.error.email");
	if (!target_of(r, form_get(&f, "target"), &kind, &target))
		errors[1] = req_text(r, "subscribe.error.target");
	if (!cadence_ok(cadence))
		errors[2] = req_text(r, "subscribe.error.cadence");
	if (errors[0] || errors[1] || errors[2]) {
		subscribe_show(r, 422, &f, errors);
		return;
	}
	int wait = mail_allowance(r, email);
	if (wait > 0) {
		limit_page(r, wait, req_text(r, "limits.subscriptions_title"),
			   req_text(r, "limits.messages_sent"));
		return;
	}
	int64_t id = store_subscriber_ensure(r->w->db, r->site->id, email, 0, 0);
	struct subscriber b;
	if (id <= 0 || store_subscriber_by_id(r->w->db, r->pool, id, &b) != 1) {
		resp_error(r, 500, req_text(r, "subscribe.error.not_saved"));
		return;
	}
	/* an address alone reads its mail in the language of the page it subscribed from; a confirmed one
	 * keeps its own (changed only through its own links) */
	if (!b.confirmed_at && !b.user_id &&
	    store_subscriber_set_language(r->w->db, b.id, req_lang(r)) != 0) {
		resp_error(r, 500, req_text(r, "subscribe.error.not_saved"));
		return;
	}
	struct mail_out o = mail_out_of(r);
	mail_out_to(&o, b.user_id, b.id);
	view *v = mail_view(&o);
	const char *name = "mail/subscribe-confirm";
	if (b.confirmed_at) {
		/* a confirmed address is changed only through its own links: a stranger adds nothing to it */
		name = "mail/subscribed-already";
		view_fmt(v, "prefs_url", "%ssubscriptions?t=%s", o.site_url, sub_link(r, LINK_PREFS, &b));
	} else {
		enum save_result rc = store_subscription_add(r->w->db, b.id, kind, target, cadence);
		if (rc == SAVE_ERROR) {
			resp_error(r, 500, req_text(r, "subscribe.error.not_saved"));
			return;
		}
		view_fmt(v, "confirm_url", "%ssubscribe/confirm?t=%s", o.site_url,
			 sub_link(r, LINK_CONFIRM, &b));
	}
	buf unsubscribe; /* the same signed link answers a bare POST (RFC 8058): mail clients offer one click
			  */
	buf_init(&unsubscribe, r->pool);
	buf_printf(&unsubscribe, "%sunsubscribe?t=%s", o.site_url, sub_link(r, LINK_UNSUBSCRIBE, &b));
	view_str(v, "unsubscribe_url", buf_cstr(&unsubscribe));
	if (mail_themed(&o, "confirm", b.email, name, v, buf_cstr(&unsubscribe)) != 0) {
		resp_error(r, 503, req_text(r, "subscribe.error.mail"));
		return;
	}
	resp_redirect(r, 303, "/subscribe/sent");
}

void subscribe_sent(struct request *r)
{
	message_page(r, 200, req_text(r, "signup.check_email"), req_text(r, "subscribe.sent"), NULL, NULL);
}

/* The page a confirmed subscriber sees, leading to the preferences. */
static void confirmed_page(struct request *r, const struct subscriber *b)
{
	buf to;
	buf_init(&to, r->pool);
	buf_printf(&to, "/subscriptions?t=%s", sub_link(r, LINK_PREFS, b));
	resp_header(r, "referrer-policy", "no-referrer", 11);
	message_page(r, 200, req_text(r, "subscribe.confirmed_title"), req_text(r, "subscribe.confirmed"),
		     buf_cstr(&to), req_text(r, "subscriptions.title"));
}

/* GET only asks: mail scanners open the links of a mail, and a subscription must be its owner's choice. */
void subscribe_confirm(struct request *r)
{
	const char *t = req_query(r, "t");
	struct subscriber b;
	if (link_subscriber(r, t, LINK_CONFIRM, &b) != 1) {
		bad_link(r);
		return;
	}
	if (b.confirmed_at) {
		confirmed_page(r, &b);
		return;
	}
	view *v = layout_view(r, req_text(r, "subscribe.confirm_title"));
	view_str(v, "t", t);
	view_str(v, "email", b.email);
	resp_header(r, "referrer-policy", "no-referrer", 11);
	resp_page(r, 200, "subscribe-confirm", v, 0);
}

void subscribe_confirm_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct subscriber b;
	if (link_subscriber(r, form_get(&f, "t"), LINK_CONFIRM, &b) != 1) {
		bad_link(r);
		return;
	}
	if (store_subscriber_confirm(r->w->db, b.id) < 0) {
		resp_error(r, 500, NULL);
		return;
	}
	b.confirmed_at = 1;
	confirmed_page(r, &b);
}

/* ---- preferences through a signed link ---- */

void subscriptions_page(struct request *r)
{
	const char *t = req_query(r, "t");
	struct subscriber b;
	int rc = link_subscriber(r, t, LINK_PREFS, &b);
	if (rc == 0) {
		message_page(r, 200, req_text(r, "subscriptions.none_title"),
			     req_text(r, "unsubscribe.unknown"), "/subscribe",
			     req_text(r, "subscribe.button"));
		return;
	}
	if (rc != 1) {
		bad_link(r);
		return;
	}
	view *v = layout_view(r, req_text(r, "subscriptions.title"));
	view_str(v, "email", b.email);
	view_str(v, "t", t);
	view_str(v, "action_url", "/subscriptions");
	view_bool(v, "confirmed", b.confirmed_at != 0);
	if (req_query(r, "saved"))
		view_str(v, "notice", req_text(r, "account.notice.subscribed"));
	view_subscriptions(r, v, b.id);
	view_targets(r, v, NULL);
	resp_header(r, "referrer-policy", "no-referrer", 11);
	resp_page(r, 200, "subscriptions", v, 0);
}

/* One change to a subscriber's subscriptions from a form (action add, cadence, remove): SAVE_OK, or the
 * store's answer; *what: a sentence for a refusal. */
static enum save_result apply(struct request *r, const struct form *f, int64_t subscriber_id,
			      const char **what)
{
	const char *action = form_get(f, "action"), *cadence = form_get(f, "cadence"), *kind = NULL;
	const char *sid = form_get(f, "id");
	int64_t target = 0, id = sid ? strtoll(sid, NULL, 10) : 0;
	*what = req_text(r, "subscriptions.error.gone");
	if (action && strcmp(action, "add") == 0) {
		if (!target_of(r, form_get(f, "target"), &kind, &target) || !cadence_ok(cadence)) {
			*what = req_text(r, "subscriptions.error.add");
			return SAVE_NOT_FOUND;
		}
		*what = req_text(r, "subscriptions.error.full");
		return store_subscription_add(r->w->db, subscriber_id, kind, target, cadence);
	}
	if (action && strcmp(action, "cadence") == 0) {
		if (!cadence_ok(cadence))
			*what = req_text(r, "subscribe.error.cadence");
		return store_subscription_cadence(r->w->db, subscriber_id, id, cadence ? cadence : "");
	}
	if (action && strcmp(action, "remove") == 0)
		return store_subscription_remove(r->w->db, subscriber_id, id);
	*what = req_text(r, "subscriptions.error.form");
	return SAVE_NOT_FOUND;
}

void subscriptions_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *t = form_get(&f, "t"), *action = form_get(&f, "action");
	struct subscriber b;
	int rc = link_subscriber(r, t, LINK_PREFS, &b);
	if (rc != 1) {
		bad_link(r);
		return;
	}
	buf back;
	buf_init(&back, r->pool);
	buf_printf(&back, "/subscriptions?t=%s", t);
	if (action && strcmp(action, "everything") == 0) {
		if (store_subscriber_delete(r->w->db, b.id) < 0) {
			resp_error(r, 500, NULL);
			return;
		}
		message_page(r, 200, req_text(r, "unsubscribe.done_title"), req_text(r, "unsubscribe.done"),
			     "/", req_text(r, "breadcrumbs.home"));
		return;
	}
	const char *what;
	enum save_result s = apply(r, &f, b.id, &what);
	if (s == SAVE_ERROR) {
		resp_error(r, 500, NULL);
		return;
	}
	if (s != SAVE_OK) {
		message_page(r, s == SAVE_CONFLICT ? 409 : 422, req_text(r, "subscriptions.not_saved"), what,
			     buf_cstr(&back), req_text(r, "subscriptions.title"));
		return;
	}
	buf_adds(&back, "&saved=1");
	resp_redirect(r, 303, buf_cstr(&back));
}

/* ---- unsubscribing (RFC 8058 one-click on POST; GET only asks) ---- */

void unsubscribe_page(struct request *r)
{
	const char *t = req_query(r, "t");
	struct subscriber b;
	int rc = link_subscriber(r, t, LINK_UNSUBSCRIBE, &b);
	if (rc < 0) {
		bad_link(r);
		return;
	}
	view *v = layout_view(r, req_text(r, "unsubscribe.title"));
	view_str(v, "t", t);
	view_bool(v, "known", rc == 1);
	view_str(v, "email", rc == 1 ? b.email : "");
	resp_page(r, 200, "unsubscribe", v, 0);
}

void unsubscribe_submit(struct request *r)
{
	const char *t = req_query(r, "t");
	if (!t && r->form)
		t = form_get(r->form, "t");
	struct subscriber b;
	int rc = link_subscriber(r, t, LINK_UNSUBSCRIBE, &b);
	if (rc < 0) {
		bad_link(r);
		return;
	}
	if (rc == 1 && store_subscriber_delete(r->w->db, b.id) < 0) {
		resp_error(r, 500, NULL);
		return;
	}
	message_page(r, 200, req_text(r, "unsubscribe.done_title"), req_text(r, "unsubscribe.done"), "/",
		     req_text(r, "breadcrumbs.home"));
}

/* ---- on the account page ---- */

void subscriptions_account_view(struct request *r, view *a)
{
	const struct user *u = r->user;
	struct subscriber b = {0};
	int has = store_subscriber_of_user(r->w->db, r->pool, r->site->id, u->id, &b) == 1;
	if (has && u->email_verified && !b.confirmed_at)
		store_subscriber_confirm(r->w->db, b.id);
	view_bool(a, "can_subscribe", u->email_verified);
	view_str(a, "action_url", "/account/subscriptions");
	view_subscriptions(r, a, has ? b.id : 0);
	view_targets(r, a, NULL);
}

void subscriptions_from_signup(struct request *r, int64_t user_id)
{
	struct user u;
	struct subscriber b;
	if (!r->site || store_user_by_id(r->w->db, r->pool, user_id, &u) != 1 || !u.alerts ||
	    store_subscriber_of_user(r->w->db, r->pool, r->site->id, user_id, &b) != 0)
		return; /* not asked for, or the account has its subscriptions here already: they stay */
	int64_t id = store_subscriber_ensure(r->w->db, r->site->id, u.email, user_id, 1);
	struct subscription_target *t;
	size_t n = 0;
	if (id <= 0 || store_subscription_targets(r->w->db, r->pool, r->site->id, &t, &n) != 0)
		return;
	for (size_t i = 0; i < n; i++)
		if (strcmp(t[i].kind, "section") == 0 &&
		    store_subscription_add(r->w->db, id, "section", t[i].id, "weekly") == SAVE_ERROR)
			log_warn("subscriptions: the weekly digest asked for at sign-up could not be saved");
}

void account_subscriptions(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const struct user *u = r->user;
	if (!u->email_verified) {
		message_page(r, 403, req_text(r, "subscriptions.confirm_first_title"),
			     req_text(r, "subscriptions.confirm_first"), "/account",
			     req_text(r, "account.title"));
		return;
	}
	/* the account's own subscriber (made with the address it had then), else the one of its address */
	struct subscriber b;
	int64_t id = store_subscriber_of_user(r->w->db, r->pool, r->site->id, u->id, &b) == 1
			 ? (b.confirmed_at || store_subscriber_confirm(r->w->db, b.id) >= 0 ? b.id : -1)
			 : store_subscriber_ensure(r->w->db, r->site->id, u->email, u->id, 1);
	if (id <= 0) {
		resp_error(r, 500, NULL);
		return;
	}
	const char *what;
	enum save_result s = apply(r, &f, id, &what);
	if (s == SAVE_ERROR) {
		resp_error(r, 500, NULL);
		return;
	}
	if (s != SAVE_OK) {
		message_page(r, s == SAVE_CONFLICT ? 409 : 422, req_text(r, "subscriptions.not_saved"), what,
			     "/account#subscriptions", req_text(r, "account.title"));
		return;
	}
	resp_redirect(r, 303, "/account?subscribed=1#subscriptions");
}
