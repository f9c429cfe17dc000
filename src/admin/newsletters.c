/* newsletters: the back office's newsletters: a list with what each sent, the editor (subject, introduction,
 * articles picked and ordered), a preview as each level of reader, a test to oneself, schedule and cancel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/when.h"
#include "core/buf.h"
#include "core/text.h"
#include "core/zone.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "jobs/newsletter_mail.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/accounts.h"
#include "store/editorial.h"
#include "store/mailq.h"
#include "store/newsletters.h"

#define PICK_LISTED 20 /* articles offered to pick besides the chosen ones (a form holds 128 fields) */
#define SEARCH_MAX 200 /* bytes of a search for articles */
/* tests sent by one editor: 10 an hour */
static const struct attempt_rule test_rule = {3600, 10, 10};

static const char *const levels[] = {"anonymous", "reader", "hcp", "verified"};

/* The newsletter's articles with the words and dates of the page's language (l: its templates too). */
static struct mail_articles *articles_in(struct request *r, const char *site_url, int64_t id,
					 struct mail_lang *l)
{
	mail_lang_set(l, r->app->theme, r->app->tmpl, req_lang(r), NULL);
	struct mail_articles *ma =
	    newsletter_articles(r->w->db, r->pool, r->site->id, site_url, r->site->language, id);
	if (ma)
		mail_articles_lang(ma, l);
	return ma;
}
static const char *const level_labels[] = {"admin.newsletter.level_anonymous",
					   "admin.newsletter.level_reader", "admin.newsletter.level_hcp",
					   "admin.newsletter.level_verified"};

/* The level a form or query names (the first when none or unknown). */
static enum audience level_of(const char *s)
{
	for (size_t i = 0; s && i < 4; i++)
		if (strcmp(s, levels[i]) == 0)
			return (enum audience)i;
	return AUDIENCE_PUBLIC;
}

static void level_options(struct request *r, view *v, enum audience chosen)
{
	view *list = view_list(v, "levels");
	for (size_t i = 0; i < 4; i++) {
		view *o = view_push(list);
		view_str(o, "value", levels[i]);
		view_str(o, "label", req_text(r, level_labels[i]));
		view_bool(o, "selected", (size_t)chosen == i);
	}
	view_str(v, "level_label", req_text(r, level_labels[chosen]));
}

static const char *state_label(struct request *r, const char *state)
{
	return req_text(r, strcmp(state, "draft") == 0	     ? "admin.newsletters.state_draft"
			   : strcmp(state, "scheduled") == 0 ? "admin.newsletters.state_scheduled"
			   : strcmp(state, "sending") == 0   ? "admin.newsletters.state_sending"
							     : "admin.newsletters.state_sent");
}

void admin_newsletters(struct request *r)
{
	struct newsletter *ns;
	size_t n = 0;
	if (store_newsletters(r->w->db, r->pool, r->site->id, &ns, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.newsletters"));
	view *list = view_list(v, "newsletters");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)ns[i].id);
		view_str(x, "subject", ns[i].subject);
		view_str(x, "state", state_label(r, ns[i].state));
		view_str(x, "author", ns[i].author_name);
		int sent = strcmp(ns[i].state, "sent") == 0;
		view_bool(x, "sent", sent);
		if (strcmp(ns[i].state, "scheduled") == 0)
			view_when(r, x, "when", "when_iso", ns[i].send_at);
		else if (sent)
			view_when(r, x, "when", "when_iso", ns[i].sent_at);
		else
			view_when(r, x, "when", "when_iso", ns[i].updated_at);
		if (sent) {
			struct mail_counts c = {0};
			if (store_mail_counts(r->w->db, ns[i].id, &c) != 0)
				memset(&c, 0, sizeof c);
			view_int(x, "recipients", (long long)ns[i].recipients);
			view_int(x, "delivered", (long long)c.sent);
			view_int(x, "waiting", (long long)c.queued);
			view_int(x, "failed", (long long)(c.failed + c.suppressed));
			view_int(x, "unsubscribed", (long long)ns[i].unsubscribed);
		}
	}
	view_bool(v, "empty", n == 0);
	if (req_query(r, "deleted"))
		view_str(v, "notice", req_text(r, "admin.newsletters.deleted"));
	view_int(v, "listed", NEWSLETTERS_LISTED);
	view_str(v, "zone", zone_name());
	resp_page(r, 200, "admin/newsletters", v, 0);
}

/* What the editor's form shows: the saved newsletter or what was sent back with its errors. */
struct news_form {
	int64_t id;
	const char *subject, *intro, *send_at;
	int64_t chosen[NEWSLETTER_MAX_ARTICLES];
	size_t nchosen;
	const char *errors[4]; /* subject, intro, articles, send_at */
};
static const char *const form_fields[] = {"subject", "intro", "articles", "send_at"};

/* One row of the picker: the article, checked or not, with its place. */
static void pick_row(struct request *r, view *list, const struct article *a, int checked, size_t place)
{
	view *x = view_push(list);
	view_int(x, "id", (long long)a->id);
	view_str(x, "title", a->title);
	view_str(x, "section", a->section.name);
	view_str(x, "status",
		 admin_value_label(r, "status", a->status && a->status[0] ? a->status : "published"));
	view_bool(x, "unpublished", a->status && a->status[0] && strcmp(a->status, "published") != 0);
	view_bool(x, "checked", checked);
	if (checked)
		view_int(x, "place", (long long)place);
}

/* The picker: the chosen articles first in their order, then recent published ones (or those matching q). */
static void pick_list(struct request *r, view *v, const struct news_form *f, const char *q)
{
	view *list = view_list(v, "picks");
	struct article *chosen = NULL;
	size_t nchosen = 0;
	if (f->id && store_newsletter_articles(r->w->db, r->pool, f->id, &chosen, &nchosen) != 0)
		nchosen = 0;
	/* a refused form shows what was sent: the chosen ids in its order, titles from the saved list or the
	 * recent ones */
	struct admin_filter af = {.site_id = r->site->id, .status = "published", .q = q && q[0] ? q : NULL};
	struct article *recent = NULL;
	size_t nrecent = 0, total = 0;
	if (store_admin_articles(r->w->db, r->pool, &af, 0, PICK_LISTED + NEWSLETTER_MAX_ARTICLES, &recent,
				 &nrecent, &total) != 0)
		nrecent = 0;
	for (size_t i = 0; i < f->nchosen; i++) {
		const struct article *a = NULL;
		for (size_t k = 0; !a && k < nchosen; k++)
			if (chosen[k].id == f->chosen[i])
				a = &chosen[k];
		for (size_t k = 0; !a && k < nrecent; k++)
			if (recent[k].id == f->chosen[i])
				a = &recent[k];
		struct article one;
		if (!a && store_admin_article(r->w->db, r->pool, r->site->id, f->chosen[i], &one) == 1)
			a = &one;
		if (a)
			pick_row(r, list, a, 1, i + 1);
	}
	size_t listed = 0;
	for (size_t k = 0; k < nrecent && listed < PICK_LISTED; k++) {
		int taken = 0;
		for (size_t i = 0; i < f->nchosen; i++)
			taken |= f->chosen[i] == recent[k].id;
		if (!taken) {
			pick_row(r, list, &recent[k], 0, 0);
			listed++;
		}
	}
	view_bool(v, "no_picks", view_len(list) == 0);
	view_str(v, "q", q ? q : "");
	view_bool(v, "searched", q && q[0]);
}

/* The editor's page: the form; for a saved newsletter, its preview at level and its test, schedule and
 * cancel forms. */
static void editor_show(struct request *r, int status, const struct news_form *f, const struct newsletter *n,
			enum audience level, const char *notice)
{
	view *v = layout_view(r, f->id ? req_text(r, "admin.title.edit_newsletter")
				       : req_text(r, "admin.title.new_newsletter"));
	view_int(v, "id", (long long)f->id);
	view_str(v, "action", f->id ? "" : "/admin/newsletters");
	if (f->id) {
		char action[64];
		snprintf(action, sizeof action, "/admin/newsletters/%lld", (long long)f->id);
		view_str(v, "action", action);
	}
	view_str(v, "subject", f->subject ? f->subject : "");
	view_str(v, "intro", f->intro ? f->intro : "");
	view_int(v, "subject_max", NEWSLETTER_MAX_SUBJECT);
	view_int(v, "intro_max", NEWSLETTER_MAX_INTRO);
	view_int(v, "articles_max", NEWSLETTER_MAX_ARTICLES);
	view_str(v, "zone", zone_name());
	view_str(v, "send_at", f->send_at ? f->send_at : "");
	if (notice)
		view_str(v, "notice", notice);
	view_errors(v, form_fields, f->errors, 4);
	const char *q = req_query(r, "q");
	if (q && strlen(q) > SEARCH_MAX)
		q = NULL;
	pick_list(r, v, f, q);
	level_options(r, v, level);
	if (n) {
		view_str(v, "state", state_label(r, n->state));
		int editable = strcmp(n->state, "draft") == 0 || strcmp(n->state, "scheduled") == 0;
		view_bool(v, "editable", editable);
		view_bool(v, "scheduled", strcmp(n->state, "scheduled") == 0);
		view_bool(v, "is_sent", strcmp(n->state, "sent") == 0);
		if (n->send_at)
			view_when(r, v, "send_when", "send_iso", n->send_at);
		if (n->sent_at)
			view_when(r, v, "sent_when", "sent_iso", n->sent_at);
		view_str(v, "email", r->user->email);
		/* the preview: the HTML the mail carries for a reader of level, in this page */
		struct newsletter_mail m;
		const char *site_url = req_site_url(r, r->site);
		struct mail_lang lang;
		struct mail_articles *ma = articles_in(r, site_url, n->id, &lang);
		long shown = 0;
		view *mail =
		    ma ? newsletter_view(r->pool, r->site, site_url, n, ma, level, NULL, "#", "#", &shown)
		       : NULL;
		if (mail && newsletter_render(lang.tmpl, mail, r->pool, &m) == 0) {
			view_html(v, "preview_html", m.content_html, strlen(m.content_html));
			view_str(v, "preview_subject", m.subject);
			view_int(v, "preview_count", (long long)shown);
			view_bool(v, "has_preview", 1);
		}
	} else {
		view_bool(v, "editable", 1);
	}
	resp_page(r, status, "admin/newsletter-edit", v, 0);
}

void admin_newsletter_new(struct request *r)
{
	struct news_form f = {0};
	editor_show(r, 200, &f, NULL, AUDIENCE_PUBLIC, NULL);
}

/* The newsletter of the path: 1 with it, else 0 after answering 404 or 500. */
static int load(struct request *r, struct newsletter *n)
{
	int64_t id = admin_id(r);
	int found = id > 0 ? store_newsletter_by_id(r->w->db, r->pool, r->site->id, id, n) : 0;
	if (found == 1)
		return 1;
	resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "admin.newsletter.none"));
	return 0;
}

/* The form of a saved newsletter, its articles from the store. */
static void form_of(struct request *r, const struct newsletter *n, struct news_form *f)
{
	memset(f, 0, sizeof *f);
	f->id = n->id;
	f->subject = n->subject;
	f->intro = n->intro;
	struct article *as;
	size_t k = 0;
	if (store_newsletter_articles(r->w->db, r->pool, n->id, &as, &k) != 0)
		k = 0;
	for (size_t i = 0; i < k && i < NEWSLETTER_MAX_ARTICLES; i++)
		f->chosen[f->nchosen++] = as[i].id;
}

static const char *notice_of(struct request *r)
{
	const char *done = req_query(r, "done");
	if (!done)
		return NULL;
	static const char *const notices[][2] = {{"saved", "admin.common.saved"},
						 {"test", "admin.newsletter.done_test"},
						 {"scheduled", "admin.newsletter.done_scheduled"},
						 {"toolong", "admin.newsletter.done_toolong"},
						 {"cancelled", "admin.newsletter.done_cancelled"}};
	for (size_t i = 0; i < sizeof notices / sizeof notices[0]; i++)
		if (strcmp(done, notices[i][0]) == 0)
			return req_text(r, notices[i][1]);
	return NULL;
}

void admin_newsletter_edit(struct request *r)
{
	struct newsletter n;
	if (!load(r, &n))
		return;
	struct news_form f;
	form_of(r, &n, &f);
	editor_show(r, 200, &f, &n, level_of(req_query(r, "level")), notice_of(r));
}

/* One article id of the form: >0, or 0 when it is not a number. */
static int64_t id_of(const char *s)
{
	char *end;
	long long v = s && *s ? strtoll(s, &end, 10) : 0;
	return v > 0 && *end == '\0' && strlen(s) <= 19 ? (int64_t)v : 0;
}

/* Reads the checked articles in the order their places say (ties and blanks keep the page's order). */
static void read_articles(struct request *r, const struct form *fm, struct news_form *f)
{
	const char *ids[FORM_MAX_FIELDS];
	size_t k = form_get_all(fm, "article", ids, FORM_MAX_FIELDS);
	long places[FORM_MAX_FIELDS];
	size_t n = 0;
	for (size_t i = 0; i < k; i++) {
		int64_t id = id_of(ids[i]);
		if (!id) {
			f->errors[2] = req_text(r, "admin.newsletter.error_pick");
			return;
		}
		int twice = 0;
		for (size_t j = 0; j < n && j < NEWSLETTER_MAX_ARTICLES; j++)
			twice |= f->chosen[j] == id;
		if (twice)
			continue;
		if (n >= NEWSLETTER_MAX_ARTICLES) {
			f->errors[2] = req_text(r, "admin.newsletter.error_too_many");
			return;
		}
		char name[40];
		snprintf(name, sizeof name, "place_%lld", (long long)id);
		const char *p = form_get(fm, name);
		char *end;
		long place = p && *p ? strtol(p, &end, 10) : 0;
		if (p && *p && (*end || place < 1 || place > 99)) {
			f->errors[2] = req_text(r, "admin.newsletter.error_place");
			return;
		}
		/* insertion by place: a blank place goes after every numbered one */
		long key = place ? place : 100;
		size_t at = n;
		while (at > 0 && places[at - 1] > key) {
			places[at] = places[at - 1];
			f->chosen[at] = f->chosen[at - 1];
			at--;
		}
		places[at] = key;
		f->chosen[at] = id;
		n++;
	}
	f->nchosen = n;
}

static int fits(struct request *r, const struct newsletter *n);

void admin_newsletter_save(struct request *r)
{
	struct form fm;
	if (form_read(r, &fm) != 0)
		return;
	struct newsletter n;
	int64_t id = r->nparams ? admin_id(r) : 0;
	if (id && !load(r, &n))
		return;
	struct news_form f = {.id = id};
	f.subject = form_get(&fm, "subject");
	f.intro = form_get(&fm, "intro");
	const char *subject = f.subject ? f.subject : "";
	const char *intro = f.intro ? f.intro : "";
	if (!subject[0] || strspn(subject, " \t") == strlen(subject))
		f.errors[0] = req_text(r, "admin.newsletter.error_subject");
	else if (strlen(subject) > NEWSLETTER_MAX_SUBJECT)
		f.errors[0] = req_text(r, "admin.newsletter.error_subject_long");
	else if (strpbrk(subject, "\n\r\t\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13"
				  "\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"))
		f.errors[0] = req_text(r, "admin.newsletter.error_subject_line");
	if (strlen(intro) > NEWSLETTER_MAX_INTRO)
		f.errors[1] = req_text(r, "admin.newsletter.error_intro_long");
	read_articles(r, &fm, &f);
	if (!f.errors[0] && !f.errors[1] && !f.errors[2]) {
		struct newsletter_edit e = {.id = id,
					    .site_id = r->site->id,
					    .subject = subject,
					    .intro = intro,
					    .articles = f.chosen,
					    .narticles = f.nchosen};
		int64_t saved = 0;
		enum save_result rc = store_newsletter_save(r->w->db, &e, r->user->id, &saved);
		if (rc == SAVE_OK) {
			char to[96];
			/* a scheduled one made too long for a mail goes back to draft, so it never fails when
			 * due */
			int back = id && strcmp(n.state, "scheduled") == 0 &&
				   store_newsletter_by_id(r->w->db, r->pool, r->site->id, id, &n) == 1 &&
				   !fits(r, &n) &&
				   store_newsletter_cancel(r->w->db, r->site->id, id, r->user->id) == SAVE_OK;
			snprintf(to, sizeof to, "/admin/newsletters/%lld?done=%s", (long long)saved,
				 back ? "toolong" : "saved");
			resp_redirect(r, 303, to);
			return;
		}
		if (rc == SAVE_CONFLICT) {
			resp_error(r, 409, req_text(r, "admin.newsletter.error_sent_frozen"));
			return;
		}
		if (rc == SAVE_NOT_FOUND)
			f.errors[2] = req_text(r, "admin.newsletter.error_article_gone");
		else {
			resp_error(r, 500, req_text(r, "admin.newsletter.error_save"));
			return;
		}
	}
	editor_show(r, 422, &f, id ? &n : NULL, AUDIENCE_PUBLIC, NULL);
}

void admin_newsletter_test(struct request *r)
{
	struct form fm;
	if (form_read(r, &fm) != 0)
		return;
	struct newsletter n;
	if (!load(r, &n))
		return;
	enum audience level = level_of(form_get(&fm, "level"));
	char subject[64];
	snprintf(subject, sizeof subject, "user:%lld", (long long)r->user->id);
	int wait = 1;
	int rc = store_attempt_take(r->w->db, "newsletter_test", subject, &test_rule, &wait);
	if (rc != 1) {
		limit_page(r, rc == 0 ? wait : 60, req_text(r, "admin.newsletter.tests_title"),
			   req_text(r, "admin.newsletter.tests_text"));
		return;
	}
	struct newsletter_mail m;
	const char *site_url = req_site_url(r, r->site);
	buf prefs;
	buf_init(&prefs, r->pool);
	buf_printf(&prefs, "%ssubscribe", site_url);
	struct mail_lang lang;
	struct mail_articles *ma = articles_in(r, site_url, n.id, &lang);
	long shown = 0;
	view *mail = ma ? newsletter_view(r->pool, r->site, site_url, &n, ma, level,
					  req_text(r, "admin.newsletter.test_prefix"), buf_cstr(&prefs),
					  buf_cstr(&prefs), &shown)
			: NULL;
	if (!mail || newsletter_render(lang.tmpl, mail, r->pool, &m) != 0) {
		resp_error(r, 500, req_text(r, "admin.newsletter.error_test"));
		return;
	}
	struct mail_item item = {.site_id = r->site->id,
				 .kind = "test",
				 .to = r->user->email,
				 .subject = m.subject,
				 .text = m.text,
				 .html = m.html};
	rc = store_mail_put(r->w->db, &item);
	if (rc < 0) {
		resp_error(r, 503, req_text(r, "admin.newsletter.error_test_queue"));
		return;
	}
	if (rc == 0) {
		message_page(r, 409, req_text(r, "admin.newsletter.stopped_title"),
			     req_text(r, "admin.newsletter.stopped_text"), "/admin/newsletters",
			     req_text(r, "admin.newsletter.back"));
		return;
	}
	char to[128];
	snprintf(to, sizeof to, "/admin/newsletters/%lld?done=test&level=%s", (long long)n.id, levels[level]);
	resp_redirect(r, 303, to);
}

/* 1 when the fullest copy of n fits in a queued mail (newsletter_fits); 0 also when it cannot be made. */
static int fits(struct request *r, const struct newsletter *n)
{
	const char *site_url = req_site_url(r, r->site);
	struct mail_lang lang;
	struct mail_articles *ma = articles_in(r, site_url, n->id, &lang);
	return ma && newsletter_fits(lang.tmpl, r->pool, r->site, site_url, n, ma);
}

void admin_newsletter_schedule(struct request *r)
{
	struct form fm;
	if (form_read(r, &fm) != 0)
		return;
	struct newsletter n;
	if (!load(r, &n))
		return;
	struct news_form f;
	form_of(r, &n, &f);
	const char *when = form_get(&fm, "send_at");
	f.send_at = when;
	int64_t at = 0;
	if (!when || !*when)
		f.errors[3] = req_text(r, "admin.newsletter.error_when_missing");
	else if (strlen(when) > 40)
		f.errors[3] = req_text(r, "admin.newsletter.error_when_format");
	else if ((f.errors[3] = when_read(r, when, &at)) == NULL && at <= store_now())
		f.errors[3] = req_text(r, "admin.newsletter.error_when_past");
	if (!f.errors[3] && !fits(r, &n))
		f.errors[3] = req_text(r, "admin.newsletter.error_too_long");
	if (!f.errors[3]) {
		enum save_result rc = store_newsletter_schedule(r->w->db, r->site->id, n.id, at, r->user->id);
		if (rc == SAVE_OK) {
			char to[96];
			snprintf(to, sizeof to, "/admin/newsletters/%lld?done=scheduled", (long long)n.id);
			resp_redirect(r, 303, to);
			return;
		}
		if (rc != SAVE_CONFLICT) {
			resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500, NULL);
			return;
		}
		f.errors[3] = req_text(r, strcmp(n.state, "sent") == 0 || strcmp(n.state, "sending") == 0
					      ? "admin.newsletter.error_sent"
					      : "admin.newsletter.error_when_past");
	}
	editor_show(r, 422, &f, &n, AUDIENCE_PUBLIC, NULL);
}

void admin_newsletter_cancel(struct request *r)
{
	struct form fm;
	if (form_read(r, &fm) != 0)
		return;
	struct newsletter n;
	if (!load(r, &n))
		return;
	enum save_result rc = store_newsletter_cancel(r->w->db, r->site->id, n.id, r->user->id);
	if (rc == SAVE_CONFLICT) {
		message_page(r, 409, req_text(r, "admin.newsletter.cancel_late"),
			     req_text(r, strcmp(n.state, "draft") == 0 ? "admin.newsletter.cancel_none"
								       : "admin.newsletter.error_sent"),
			     "/admin/newsletters", req_text(r, "admin.newsletter.back"));
		return;
	}
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	char to[96];
	snprintf(to, sizeof to, "/admin/newsletters/%lld?done=cancelled", (long long)n.id);
	resp_redirect(r, 303, to);
}

void admin_newsletter_delete(struct request *r)
{
	struct form fm;
	if (form_read(r, &fm) != 0)
		return;
	struct newsletter n;
	if (!load(r, &n))
		return;
	enum save_result rc = store_newsletter_delete(r->w->db, r->site->id, n.id, r->user->id);
	if (rc == SAVE_CONFLICT) {
		message_page(r, 409, req_text(r, "admin.newsletter.delete_draft_only"),
			     req_text(r, strcmp(n.state, "scheduled") == 0
					     ? "admin.newsletter.delete_scheduled"
					     : "admin.newsletter.delete_sent"),
			     "/admin/newsletters", req_text(r, "admin.newsletter.back"));
		return;
	}
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	resp_redirect(r, 303, "/admin/newsletters?deleted=1");
}
