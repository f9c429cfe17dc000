/* front: the back office's front page: the highlighted congress (or automatic), the featured and pinned
 * articles and their order, all with plain forms. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http/changes.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/front.h"

/* How many of each the home page shows (src/site/home.c keeps the same numbers). */
#define FEATURED_MAX 4
#define PINNED_MAX 6
/* Recent articles offered to pick from. */
#define PICKABLE 100
#define ADDRESS_MAX 300

/* What a refused form sent, to show again with its error. */
struct front_form {
	const char *congress, *article, *address, *place;
	const char *errors[4]; /* congress, article, address, place */
};
static const char *const field_names[] = {"congress", "article", "address", "place"};

static void congress_options(struct request *r, view *v, int64_t chosen, const char *sent)
{
	struct congress *cs;
	size_t n;
	if (store_congresses(r->w->db, r->pool, r->site->id, 0, &cs, &n) != 0)
		n = 0;
	size_t now = home_auto_congress(cs, n);
	int64_t selected = sent ? strtoll(sent, NULL, 10) : chosen;
	view *list = view_list(v, "congresses");
	view *a = view_push(list);
	view_str(a, "value", "0");
	if (now < n)
		view_str(a, "label",
			 req_plural(r, "admin.front.automatic", cs[now].article_count, "name", cs[now].name,
				    NULL));
	else
		view_str(a, "label", req_text(r, "admin.front.automatic_none"));
	view_bool(a, "selected", selected == 0);
	for (size_t i = 0; i < n; i++) {
		view *o = view_push(list);
		view_fmt(o, "value", "%lld", (long long)cs[i].id);
		view_fmt(o, "label", "%s (%d article%s)", cs[i].name, cs[i].article_count,
			 cs[i].article_count == 1 ? "" : "s");
		view_bool(o, "selected", selected == cs[i].id);
		if (cs[i].id == chosen) {
			view_str(v, "chosen_name", cs[i].name);
			view_bool(v, "chosen_empty", cs[i].article_count == 0);
		}
	}
	view_bool(v, "automatic", chosen == 0);
}

/* The curated articles of one place as a list with their moves. */
static size_t place_list(view *v, const char *name, const char *place, const struct front_entry *fe, size_t n)
{
	view *list = view_list(v, name);
	size_t count = 0, total = 0;
	for (size_t i = 0; i < n; i++)
		total += strcmp(fe[i].place, place) == 0;
	for (size_t i = 0; i < n; i++) {
		if (strcmp(fe[i].place, place) != 0)
			continue;
		view *x = view_push(list);
		view_int(x, "id", (long long)fe[i].article_id);
		view_str(x, "title", fe[i].title);
		view_str(x, "slug", fe[i].slug);
		view_bool(x, "hidden", !fe[i].visible);
		view_str(x, "status", fe[i].status);
		view_bool(x, "can_up", count > 0);
		view_bool(x, "can_down", count + 1 < total);
		count++;
	}
	return count;
}

static void front_page_view(struct request *r, int status, const struct front_form *sent)
{
	int64_t chosen = 0;
	struct front_entry *fe = NULL;
	size_t nfe = 0;
	if (store_front(r->w->db, r->pool, r->site->id, &chosen, &fe, &nfe) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.front"));
	congress_options(r, v, chosen, sent ? sent->congress : NULL);
	size_t nf = place_list(v, "featured", "featured", fe, nfe);
	size_t np = place_list(v, "pinned", "pinned", fe, nfe);
	view_bool(v, "has_featured", nf > 0);
	view_bool(v, "has_pinned", np > 0);
	view_int(v, "featured_max", FEATURED_MAX);
	view_int(v, "pinned_max", PINNED_MAX);
	/* recent articles not on the front page yet */
	struct article_filter f = {.site_id = r->site->id};
	struct article *as;
	size_t na = 0, total;
	if (store_articles(r->w->db, r->pool, &f, 0, PICKABLE, &as, &na, &total) != 0)
		na = 0;
	int64_t picked = sent && sent->article ? strtoll(sent->article, NULL, 10) : 0;
	view *list = view_list(v, "pickable");
	for (size_t i = 0; i < na; i++) {
		int curated = 0;
		for (size_t k = 0; k < nfe; k++)
			curated |= fe[k].article_id == as[i].id;
		if (curated)
			continue;
		view *o = view_push(list);
		view_fmt(o, "value", "%lld", (long long)as[i].id);
		view_str(o, "label", as[i].title);
		view_bool(o, "selected", picked == as[i].id);
	}
	view_str(v, "address", sent && sent->address ? sent->address : "");
	int pinned = sent && sent->place && strcmp(sent->place, "pinned") == 0;
	view_bool(v, "place_featured", !pinned);
	view_bool(v, "place_pinned", pinned);
	const char *done = req_query(r, "done");
	view_bool(v, "done_highlight", done && strcmp(done, "highlight") == 0);
	view_bool(v, "done_added", done && strcmp(done, "added") == 0);
	view_bool(v, "done_moved", done && strcmp(done, "moved") == 0);
	view_bool(v, "done_removed", done && strcmp(done, "removed") == 0);
	view_errors(v, field_names, sent ? sent->errors : NULL, sent ? 4 : 0);
	resp_page(r, status, "admin/front", v, 0);
}

void admin_front(struct request *r)
{
	front_page_view(r, 200, NULL);
}

/* The home page lists what changed: its cached copies go (other nodes learn it from the change log). */
static void front_changed(struct request *r, int64_t article_id)
{
	changed_articles(r->app, &article_id, article_id ? 1 : 0);
}

void admin_front_highlight(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct front_form sent = {.congress = form_get(&f, "congress")};
	const char *c = sent.congress ? sent.congress : "";
	char *end;
	long long id = strtoll(c, &end, 10);
	if (!c[0] || *end || id < 0 || strlen(c) > 19) {
		sent.errors[0] = req_text(r, "admin.front.error.congress");
		sent.congress = "0";
		front_page_view(r, 422, &sent);
		return;
	}
	enum save_result rc = store_front_set_congress(r->w->db, r->site->id, id, r->user->id);
	if (rc == SAVE_NOT_FOUND) {
		sent.errors[0] = req_text(r, "admin.front.error.no_congress");
		sent.congress = "0";
		front_page_view(r, 422, &sent);
		return;
	}
	if (rc != SAVE_OK) {
		resp_error(r, 500, NULL);
		return;
	}
	front_changed(r, 0);
	resp_redirect(r, 303, "/admin/front?done=highlight");
}

/* The slug an address names: "/article/SLUG", "https://host/article/SLUG?x", or a bare slug; NULL when it
 * is none of them. */
static const char *address_slug(struct request *r, const char *a)
{
	const char *at = strstr(a, "/article/");
	const char *s = at ? at + 9 : a;
	size_t len = strcspn(s, "/?#");
	if (!len || (s[len] == '/' && s[len + 1]))
		return NULL;
	for (size_t i = 0; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return NULL;
	char *out = h2o_mem_alloc_pool(r->pool, len + 1);
	memcpy(out, s, len);
	out[len] = 0;
	return out;
}

void admin_front_add(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	struct front_form sent = {.article = form_get(&f, "article"),
				  .address = form_get(&f, "address"),
				  .place = form_get(&f, "place")};
	const char *article = sent.article ? sent.article : "", *address = sent.address ? sent.address : "";
	const char *place = sent.place ? sent.place : "";
	int featured = strcmp(place, "featured") == 0;
	if (!featured && strcmp(place, "pinned") != 0)
		sent.errors[3] = req_text(r, "admin.front.error.place");
	int64_t id = 0;
	if (strlen(address) > ADDRESS_MAX) {
		sent.errors[2] = req_text(r, "admin.front.error.too_long");
	} else if (address[0] && article[0]) {
		sent.errors[2] = req_text(r, "admin.front.error.both");
	} else if (address[0]) {
		const char *slug = address_slug(r, address);
		struct article a;
		int found = slug ? store_article_by_slug(r->w->db, r->pool, r->site->id, slug,
							 AUDIENCE_VERIFIED_HCP, &a)
				 : 0;
		if (found < 0) {
			resp_error(r, 500, NULL);
			return;
		}
		if (found)
			id = a.id;
		else
			sent.errors[2] = req_text(r, "admin.front.error.no_such_address");
	} else if (article[0]) {
		char *end;
		long long n = strtoll(article, &end, 10);
		if (*end || n <= 0)
			sent.errors[1] = req_text(r, "admin.front.error.article");
		else
			id = n;
	} else {
		sent.errors[1] = req_text(r, "admin.front.error.none");
	}
	if (!sent.errors[1] && !sent.errors[2] && !sent.errors[3]) {
		enum save_result rc =
		    store_front_add(r->w->db, r->site->id, id, featured ? "featured" : "pinned",
				    featured ? FEATURED_MAX : PINNED_MAX, r->user->id);
		if (rc == SAVE_OK) {
			front_changed(r, id);
			resp_redirect(r, 303, "/admin/front?done=added");
			return;
		}
		if (rc == SAVE_ERROR) {
			resp_error(r, 500, NULL);
			return;
		}
		const char *why = rc == SAVE_NOT_FOUND	  ? req_text(r, "admin.front.error.not_published")
				  : rc == SAVE_SLUG_TAKEN ? req_text(r, "admin.front.error.already")
				  : featured		  ? req_text(r, "admin.front.error.featured_full")
							  : req_text(r, "admin.front.error.pinned_full");
		if (rc == SAVE_CONFLICT)
			sent.errors[3] = why;
		else
			sent.errors[address[0] ? 2 : 1] = why;
	}
	front_page_view(r, 422, &sent);
}

void admin_front_move(struct request *r)
{
	int dir = admin_direction(r, "admin.front.moves");
	if (!dir)
		return;
	int64_t id = admin_id(r);
	enum save_result rc =
	    id > 0 ? store_front_move(r->w->db, r->site->id, id, dir, r->user->id) : SAVE_NOT_FOUND;
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.front.error.not_on_front") : NULL);
		return;
	}
	front_changed(r, id);
	char to[80];
	snprintf(to, sizeof to, "/admin/front?done=moved#front-%lld", (long long)id);
	resp_redirect(r, 303, to);
}

void admin_front_remove(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int64_t id = admin_id(r);
	enum save_result rc =
	    id > 0 ? store_front_remove(r->w->db, r->site->id, id, r->user->id) : SAVE_NOT_FOUND;
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.front.error.not_on_front") : NULL);
		return;
	}
	front_changed(r, id);
	resp_redirect(r, 303, "/admin/front?done=removed");
}
