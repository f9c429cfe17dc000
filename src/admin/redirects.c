/* redirects: the back office's redirects of a site (old addresses that lead to where content lives now), on
 * the record editor: a list with a search and pages, add, edit and delete, every address checked. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "admin/records.h"
#include "admin/when.h"
#include "core/buf.h"
#include "http/moved.h"
#include "http/policy.h"
#include "http/response.h"
#include "http/router.h"
#include "render/escape.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/desk.h"
#include "store/redirects.h"

#define REDIRECTS_PAGE 50 /* redirects on one page of the list */
#define FIELD_MAX 2048	  /* characters a field takes: a pasted link is longer than the path kept of it */

static const struct record_field redirect_fields[] = {
    {"from", "admin.redirects.old", "admin.record.redirect.from_hint", FIELD_MAX, FIELD_TEXT,
     "admin.record.redirect.from_missing"},
    {"to", "admin.redirects.new", "admin.record.redirect.to_hint", FIELD_MAX, FIELD_TEXT,
     "admin.record.redirect.to_missing"},
};

#define NO_SUCH "admin.record.redirect.none"

static int redirect_load(struct request *r, int64_t id, struct record *rec)
{
	struct redirect x;
	if (!id)
		return 1;
	int found = store_redirect_by_id(r->w->db, r->pool, r->site->id, id, &x);
	if (found == 1) {
		rec->v[0] = x.from_path;
		rec->v[1] = x.to_path;
	}
	return found;
}

/* v without the white space around it, in the pool. */
static char *trimmed(struct request *r, const char *v)
{
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	size_t n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	return mem_strndup(r->pool, v, n);
}

/* 1 when v has a space or a control character. */
static int has_blank(const char *v)
{
	for (const unsigned char *c = (const unsigned char *)v; *c; c++)
		if (*c <= 0x20 || *c == 0x7f)
			return 1;
	return 0;
}

static int hexval(char c)
{
	return c >= '0' && c <= '9'   ? c - '0'
	       : c >= 'a' && c <= 'f' ? c - 'a' + 10
	       : c >= 'A' && c <= 'F' ? c - 'A' + 10
				      : -1;
}

/* The path part of v (up to '?') with its percent-escapes decoded, as the server reads a request's path
 * (a decoded '?' stays escaped: it would start the query); NULL when one decodes to a control character. */
static char *decoded(struct request *r, const char *v)
{
	char *out = h2o_mem_alloc_pool(r->pool, strlen(v) + 1), *o = out;
	const char *q = strchr(v, '?');
	const char *end = q ? q : v + strlen(v);
	for (const char *c = v; c < end; c++) {
		int hi, lo;
		if (*c == '%' && end - c >= 3 && (hi = hexval(c[1])) >= 0 && (lo = hexval(c[2])) >= 0) {
			unsigned char b = (unsigned char)(hi * 16 + lo);
			if (b < 0x20 || b == 0x7f)
				return NULL;
			if (b == '?') {
				memcpy(o, c, 3);
				o += 3;
			} else {
				*o++ = (char)b;
			}
			c += 2;
		} else {
			*o++ = *c;
		}
	}
	strcpy(o, end);
	return out;
}

/* The length of a link's scheme and "//" when v starts with "http://" or "https://" (any case), else 0. */
static size_t scheme_len(const char *v, int *https)
{
	*https = strncasecmp(v, "https://", 8) == 0;
	return *https ? 8 : strncasecmp(v, "http://", 7) == 0 ? 7 : 0;
}

/* A plain link's form as kept ("/?p=12") when path and query are "/" or "/index.php" with one, else NULL. */
static const char *plain_link(struct request *r, const char *v)
{
	const char *q = strchr(v, '?');
	if (!q || !((q - v == 1) || (q - v == 10 && strncmp(v, "/index.php", 10) == 0)))
		return NULL;
	for (const char *p = q + 1; *p;) {
		const char *end = strchr(p, '&');
		if (!end)
			end = p + strlen(p);
		if (moved_plain_param(p, end)) {
			buf b;
			buf_init(&b, r->pool);
			buf_adds(&b, "/?");
			buf_add(&b, p, (size_t)(end - p));
			return buf_cstr(&b);
		}
		p = *end ? end + 1 : end;
	}
	return NULL;
}

/* 1 when path (no query) shows a page of the site, so a redirect from it would never be used: a page of a
 * route without parameters, a published article, a section, tag, congress or trial, a static page. */
static int live_page(struct request *r, const char *path)
{
	struct route_match m;
	if (router_match(router_rows, router_nrows, M_GET, path, &m) != ROUTE_FOUND)
		return 0;
	const char *pattern = m.route->pattern;
	store *s = r->w->db;
	int64_t site = r->site->id;
	if (strcmp(pattern, "*") == 0) {
		struct page p;
		return store_page_by_path(s, r->pool, site, path, &p) == 1;
	}
	if (m.nparams == 0)
		return 1;
	if (m.nparams != 1 || m.param_len[0] > 200)
		return 0;
	const char *slug = mem_strndup(r->pool, m.params[0], m.param_len[0]);
	if (strcmp(pattern, "/article/:") == 0) {
		struct article a;
		return store_article_by_slug(s, r->pool, site, slug, AUDIENCE_VERIFIED_HCP, &a) == 1;
	}
	if (strcmp(pattern, "/section/:") == 0) {
		struct section x;
		return store_section_by_slug(s, r->pool, site, slug, &x) == 1;
	}
	if (strcmp(pattern, "/tag/:") == 0) {
		struct tag x;
		return store_tag_by_slug(s, r->pool, site, slug, &x) == 1;
	}
	if (strcmp(pattern, "/congress/:") == 0) {
		struct congress x;
		return store_congress_by_slug(s, r->pool, site, slug, &x) == 1;
	}
	if (strcmp(pattern, "/trial/:") == 0) {
		struct trial_edit x;
		return store_trial_by_slug(s, r->pool, site, slug, &x) == 1;
	}
	return 0;
}

/* the errors' message keys */
#define NOT_A_PATH "admin.redirects.error.not_a_path"
#define BLANK "admin.redirects.error.blank"
#define TAKEN "admin.redirects.error.taken"
#define TOO_LONG "admin.redirects.error.too_long"
#define ITSELF "admin.redirects.error.itself"

/* The old address as kept (errors[0] when it cannot be). */
static const char *check_from(struct request *r, const char *in, const char **error)
{
	char *v = trimmed(r, in);
	int https;
	size_t skip = scheme_len(v, &https);
	if (skip) { /* a pasted link: its path and query */
		char *rest = v + skip + strcspn(v + skip, "/?#");
		if (*rest == '/' || !*rest || *rest == '#') {
			v = *rest == '/' ? rest : mem_strndup(r->pool, "/", 1);
		} else {
			buf b;
			buf_init(&b, r->pool);
			buf_printf(&b, "/%s", rest);
			v = (char *)buf_cstr(&b);
		}
	}
	v[strcspn(v, "#")] = '\0'; /* a fragment never reaches the server */
	if (has_blank(v)) {
		*error = req_text(r, BLANK);
		return v;
	}
	if (v[0] != '/' || v[1] == '/' || strchr(v, '\\')) {
		*error = req_text(r, NOT_A_PATH);
		return v;
	}
	const char *plain = plain_link(r, v);
	const char *kept = plain ? plain : decoded(r, v);
	if (!kept) {
		*error = req_text(r, "admin.redirects.error.escape");
		return v;
	}
	if (strlen(kept) > REDIRECT_MAX_PATH) {
		*error = req_text(r, TOO_LONG);
		return v;
	}
	const char *q = strchr(kept, '?');
	if (!plain && live_page(r, q ? mem_strndup(r->pool, kept, (size_t)(q - kept)) : kept))
		*error = req_text(r, "admin.redirects.error.live");
	return kept;
}

/* The new address as kept (errors[1] when it cannot be). */
static const char *check_to(struct request *r, const char *in, const char **error)
{
	char *v = trimmed(r, in);
	int https;
	size_t skip = scheme_len(v, &https);
	if (has_blank(v)) {
		*error = req_text(r, BLANK);
		return v;
	}
	if (skip && !https) {
		*error = req_text(r, "admin.redirects.error.http");
		return v;
	}
	if (skip) {
		size_t host = strcspn(v + skip, "/?#");
		if (!host || strchr(v, '\\')) {
			*error = req_text(r, "admin.redirects.error.no_host");
			return v;
		}
		memcpy(v, "https://", 8); /* HTTPS:// as browsers write it */
		/* a link to this very site is kept as its path */
		if (host == strlen(r->site->host) && strncasecmp(v + skip, r->site->host, host) == 0 &&
		    v[skip + host] == '/')
			v += skip + host;
	}
	if (!skip || v[0] == '/') {
		if (v[0] != '/' || v[1] == '/' || strchr(v, '\\')) {
			*error = req_text(r, "admin.redirects.error.to_path");
			return v;
		}
	}
	if (strlen(v) > REDIRECT_MAX_PATH)
		*error = req_text(r, TOO_LONG);
	return v;
}

static void redirect_check(struct request *r, struct record *rec, const char **errors)
{
	if (!errors[0])
		rec->v[0] = check_from(r, rec->v[0], &errors[0]);
	if (!errors[1])
		rec->v[1] = check_to(r, rec->v[1], &errors[1]);
	if (errors[0] || errors[1])
		return;
	if (strcmp(rec->v[0], rec->v[1]) == 0) {
		errors[1] = req_text(r, ITSELF);
		return;
	}
	/* a new address that is itself redirected: readers go straight on to where that one leads */
	const char *next = NULL;
	if (rec->v[1][0] == '/' &&
	    store_redirect_find(r->w->db, r->pool, r->site->id, rec->v[1], &next) == 1 &&
	    strcmp(next, rec->v[0]) != 0)
		rec->v[1] = next;
	/* a new redirect from an address another one leads from already would replace it unseen */
	const char *to = NULL;
	if (!rec->id && store_redirect_find(r->w->db, r->pool, r->site->id, rec->v[0], &to) == 1)
		errors[0] = req_text(r, TAKEN);
}

static enum save_result redirect_save(struct request *r, const struct record *rec, int64_t *id_out,
				      const char **errors)
{
	enum save_result rc =
	    rec->id ? store_redirect_update(r->w->db, r->site->id, rec->id, rec->v[0], rec->v[1], r->user->id)
		    : store_redirect_put(r->w->db, r->site->id, rec->v[0], rec->v[1], "editor", r->user->id,
					 id_out);
	if (rc == SAVE_SLUG_TAKEN)
		errors[0] = req_text(r, TAKEN);
	if (rc == SAVE_CONFLICT) {
		errors[1] = req_text(r, ITSELF);
		rc = SAVE_SLUG_TAKEN; /* the form again, with the message */
	}
	return rc;
}

static void redirect_extra(struct request *r, const struct record *rec, view *v)
{
	(void)r;
	if (!rec->id)
		return;
	char url[64];
	snprintf(url, sizeof url, "/admin/redirects/%lld/delete", (long long)rec->id);
	view_bool(v, "has_delete", 1);
	view_str(v, "delete_url", url);
}

static const struct record_kind redirects_kind = {
    .base = "/admin/redirects",
    .noun = "admin.record.redirect",
    .fields = redirect_fields,
    .nfields = sizeof redirect_fields / sizeof redirect_fields[0],
    .load = redirect_load,
    .check = redirect_check,
    .save = redirect_save,
    .extra = redirect_extra,
};

void admin_redirects(struct request *r)
{
	int page = req_page_number(r);
	if (page < 0) {
		resp_error(r, 400, req_text(r, "admin.error.page_number"));
		return;
	}
	const char *q = req_query(r, "q");
	if (q && (!q[0] || strlen(q) > 200))
		q = NULL;
	struct redirect *rs;
	size_t n, total;
	if (store_redirects_list(r->w->db, r->pool, r->site->id, q, (size_t)(page - 1) * REDIRECTS_PAGE,
				 REDIRECTS_PAGE, &rs, &n, &total) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.redirects"));
	buf base;
	buf_init(&base, r->pool);
	buf_adds(&base, "/admin/redirects");
	if (q) {
		buf_adds(&base, "?q=");
		esc_url_component(&base, q, strlen(q), 0);
	}
	if (view_pagination(v, r, buf_cstr(&base), page, total, REDIRECTS_PAGE) != 0) {
		resp_error(r, 404, req_text(r, "admin.redirects.no_page"));
		return;
	}
	view_str(v, "pagination_noun", req_plural(r, "admin.redirects.noun", (long long)total, NULL));
	view *list = view_list(v, "redirects");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)rs[i].id);
		view_str(x, "from", rs[i].from_path);
		view_str(x, "to", rs[i].to_path);
		view_str(x, "source",
			 req_text(r, strcmp(rs[i].source, "import") == 0 ? "admin.redirects.source_import"
				     : strcmp(rs[i].source, "slug") == 0 ? "admin.redirects.source_slug"
									 : "admin.redirects.source_editor"));
		view_when(r, x, "updated", "updated_iso", rs[i].updated_at);
	}
	view_str(v, "q", q ? q : "");
	view_bool(v, "searched", q != NULL);
	view_int(v, "total", (long long)total);
	view_bool(v, "empty", n == 0);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	view_bool(v, "deleted", req_query(r, "deleted") != NULL);
	resp_page(r, 200, "admin/redirects", v, 0);
}

void admin_redirect_new(struct request *r)
{
	record_new(r, &redirects_kind);
}

void admin_redirect_edit(struct request *r)
{
	record_edit(r, &redirects_kind);
}

void admin_redirect_save(struct request *r)
{
	record_save(r, &redirects_kind);
}

void admin_redirect_delete_form(struct request *r)
{
	struct redirect x;
	int64_t id = admin_id(r);
	int found = id > 0 ? store_redirect_by_id(r->w->db, r->pool, r->site->id, id, &x) : 0;
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, NO_SUCH));
		return;
	}
	char action[64], back[64];
	snprintf(action, sizeof action, "/admin/redirects/%lld/delete", (long long)id);
	snprintf(back, sizeof back, "/admin/redirects/%lld", (long long)id);
	record_confirm(
	    r, req_text(r, "admin.redirects.delete_title"),
	    req_textf(r, "admin.redirects.delete_text", "from", x.from_path, "to", x.to_path, NULL), action,
	    back);
}

void admin_redirect_delete(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int64_t id = admin_id(r);
	enum save_result rc =
	    id > 0 ? store_redirect_delete(r->w->db, r->site->id, id, r->user->id) : SAVE_NOT_FOUND;
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, NO_SUCH) : NULL);
		return;
	}
	record_changed(r);
	resp_redirect(r, 303, "/admin/redirects?deleted=1");
}
