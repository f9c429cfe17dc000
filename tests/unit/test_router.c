/* test_router: route matching, parameters, wrong methods, the catch-all; the policy of the rows; and the form
 * decoder. */
#include "http/form.h"
#include "http/policy.h"
#include "http/router.h"
#include "site/routes.h"
#include "store/store.h"
#include "store/accounts.h"
#include "unit.h"

static void h_home(struct request *r)
{
	(void)r;
}
static void h_article(struct request *r)
{
	(void)r;
}
static void h_post(struct request *r)
{
	(void)r;
}
static void h_any(struct request *r)
{
	(void)r;
}

static const struct route table[] = {
    {.method = M_GET, .pattern = "/", .handler = h_home},
    {.method = M_GET, .pattern = "/article/:", .handler = h_article},
    {.method = M_POST, .pattern = "/contact", .handler = h_post},
    {.method = M_GET, .pattern = "/a/:/b/:", .handler = h_article},
    {.method = M_GET, .pattern = "/doc/:.pdf", .handler = h_post},
    {.method = M_GET, .pattern = "/doc/:", .handler = h_home},
    {.method = M_GET, .pattern = "*", .handler = h_any},
};
#define N (sizeof table / sizeof table[0])

static void test_routes(void)
{
	struct route_match m;
	CHECK(router_match(table, N, M_GET, "/", &m) == ROUTE_FOUND && m.handler == h_home);
	CHECK(router_match(table, N, M_GET, "/article/alexandra", &m) == ROUTE_FOUND &&
	      m.handler == h_article);
	CHECK(m.nparams == 1 && m.param_len[0] == 9 && strncmp(m.params[0], "alexandra", 9) == 0);
	/* an empty segment is not a parameter: falls to the catch-all */
	CHECK(router_match(table, N, M_GET, "/article/", &m) == ROUTE_FOUND && m.handler == h_any);
	CHECK(router_match(table, N, M_GET, "/article/x/y", &m) == ROUTE_FOUND && m.handler == h_any);
	CHECK(router_match(table, N, M_GET, "/a/1/b/22", &m) == ROUTE_FOUND && m.nparams == 2 &&
	      m.param_len[1] == 2);
	CHECK(router_match(table, N, M_POST, "/contact", &m) == ROUTE_FOUND && m.handler == h_post);
	/* ":.pdf" takes a segment ending in ".pdf" and gives what comes before it */
	CHECK(router_match(table, N, M_GET, "/doc/2025-06.pdf", &m) == ROUTE_FOUND && m.handler == h_post &&
	      m.nparams == 1 && m.param_len[0] == 7 && strncmp(m.params[0], "2025-06", 7) == 0);
	CHECK(router_match(table, N, M_GET, "/doc/2025-06", &m) == ROUTE_FOUND && m.handler == h_home);
	CHECK(router_match(table, N, M_GET, "/doc/.pdf", &m) == ROUTE_FOUND && m.handler == h_home);
	CHECK(router_match(table, N, M_GET, "/doc/x.pdf/y", &m) == ROUTE_FOUND && m.handler == h_any);
	CHECK(router_match(table, N, M_GET, "/doc/x.pdfx", &m) == ROUTE_FOUND && m.handler == h_home);
	/* a GET-only path asked with POST: 405 listing GET (also when a later route has the path) */
	CHECK(router_match(table, N, M_POST, "/article/x", &m) == ROUTE_WRONG_METHOD && m.allowed == M_GET);
	/* GET /contact: the path exists for POST only, so the catch-all does not take it */
	CHECK(router_match(table, N, M_GET, "/contact", &m) == ROUTE_WRONG_METHOD && m.allowed == M_POST);
	/* POST to an unknown path is not found (the catch-all is GET only) */
	CHECK(router_match(table, N, M_POST, "/nothing", &m) == ROUTE_NOT_FOUND);
	CHECK(router_match(table, N, 0, "/", &m) == ROUTE_WRONG_METHOD && m.allowed == M_GET);
	/* unknown methods on unknown paths: nothing matches at all */
	CHECK(router_match(table, N, 0, "/nothing", &m) == ROUTE_NOT_FOUND);
}

static void test_real_table(void)
{
	struct route_match m;
	CHECK(nroutes > 10);
	CHECK(router_match(routes, nroutes, M_GET, "/congress/sabcs-2023", &m) == ROUTE_FOUND &&
	      m.nparams == 1);
	CHECK(router_match(routes, nroutes, M_POST, "/consent", &m) == ROUTE_FOUND);
	CHECK(router_match(routes, nroutes, M_GET, "/consent", &m) == ROUTE_WRONG_METHOD &&
	      m.allowed == M_POST);
}

/* Who may use a row: roles rank, signing in comes first, admins without a second factor are sent to set one
 * up where the row asks it. */
static void test_policy_decide(void)
{
	struct route open = {.method = M_GET, .pattern = "/", .role = ROLE_ANYONE};
	struct route account = {.method = M_GET, .pattern = "/account", .role = ROLE_READER};
	struct route editors = {.method = M_GET, .pattern = "/x", .role = ROLE_EDITOR, .flags = ROUTE_2FA};
	struct route admins = {.method = M_GET, .pattern = "/y", .role = ROLE_ADMIN, .flags = ROUTE_2FA};
	struct user reader = {.role = "reader"}, contributor = {.role = "contributor"},
		    editor = {.role = "editor"}, admin = {.role = "admin", .totp_enabled = 1},
		    bare_admin = {.role = "admin"}, odd = {.role = "superuser"};
	CHECK(policy_decide(&open, NULL) == POLICY_ALLOW);
	CHECK(policy_decide(&account, NULL) == POLICY_SIGN_IN);
	CHECK(policy_decide(&account, &reader) == POLICY_ALLOW);
	CHECK(policy_decide(&account, &bare_admin) == POLICY_ALLOW); /* the way to turn 2FA on stays open */
	CHECK(policy_decide(&editors, NULL) == POLICY_SIGN_IN);
	CHECK(policy_decide(&editors, &reader) == POLICY_FORBIDDEN);
	CHECK(policy_decide(&editors, &contributor) == POLICY_FORBIDDEN);
	CHECK(policy_decide(&editors, &editor) == POLICY_ALLOW);
	CHECK(policy_decide(&editors, &admin) == POLICY_ALLOW);
	CHECK(policy_decide(&editors, &bare_admin) == POLICY_SECOND_FACTOR);
	CHECK(policy_decide(&admins, &editor) == POLICY_FORBIDDEN);
	CHECK(policy_decide(&admins, &odd) == POLICY_FORBIDDEN); /* an unknown role is a reader's */
	CHECK(policy_role_at_least(&editor, ROLE_EDITOR) && !policy_role_at_least(&contributor, ROLE_EDITOR));
	CHECK(!policy_role_at_least(NULL, ROLE_READER) && policy_role_at_least(NULL, ROLE_ANYONE));
	CHECK_STR(policy_deny_message(&admins), "access.admins");
}

/* What every row of the real table must say: the back office for staff with the admins' second factor, a
 * token on every POST unless a note says why, nothing off the loop that writes. */
static void test_real_policy(void)
{
	size_t staff_bad = 0, token_bad = 0, upload_bad = 0; /* one check each, over every row */
	for (size_t i = 0; i < nroutes; i++) {
		const struct route *x = &routes[i];
		if (strncmp(x->pattern, "/admin", 6) == 0 && strcmp(x->pattern, "/admin/resume") != 0)
			staff_bad += x->role < ROLE_CONTRIBUTOR || !(x->flags & ROUTE_2FA);
		if (x->method == M_POST)
			token_bad +=
			    (x->csrf == CSRF_NONE && !(x->note && x->note[0])) || (x->flags & ROUTE_OFFLOOP);
		/* files arrive only where a page sends them: images (the form without script), caption files,
		 * and the videos page's form (which only says that a video needs the page's script) */
		upload_bad += (x->flags & ROUTE_MULTIPART) && strcmp(x->pattern, "/admin/media") != 0 &&
			      strcmp(x->pattern, "/admin/articles/:/captions") != 0 &&
			      strcmp(x->pattern, "/admin/videos") != 0;
	}
	CHECK(staff_bad == 0);
	CHECK(token_bad == 0);
	CHECK(upload_bad == 0);
	CHECK(policy_route(M_GET, "/admin/verifications") != NULL &&
	      policy_route(M_GET, "/admin/verifications")->role == ROLE_EDITOR);
	CHECK(policy_route(M_POST, "/admin/articles/12")->signed_out != NULL);
}

static void test_form(void)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct form f;
	const char *body = "name=Ana+Lima&email=a%40b.org&empty=&flag&message=line1%0D%0Aline2";
	CHECK(form_parse(&pool, body, strlen(body), &f) == 0);
	CHECK_STR(form_get(&f, "name"), "Ana Lima");
	CHECK_STR(form_get(&f, "email"), "a@b.org");
	CHECK_STR(form_get(&f, "empty"), "");
	CHECK_STR(form_get(&f, "flag"), "");
	/* line breaks as LF, as a textarea's text was before a browser sent it as CRLF */
	CHECK_STR(form_get(&f, "message"), "line1\nline2");
	CHECK(f.value_len[4] == strlen("line1\nline2"));
	const char *breaks = "t=a%0D%0A%0D%0Ab%0Dc%0A%0Dd";
	CHECK(form_parse(&pool, breaks, strlen(breaks), &f) == 0);
	CHECK_STR(form_get(&f, "t"), "a\n\nb\nc\n\nd");
	CHECK(form_get(&f, "missing") == NULL);
	CHECK(form_parse(&pool, "a=%zz", 5, &f) == -1);
	CHECK(form_parse(&pool, "a=%4", 4, &f) == -1);
	CHECK(form_parse(&pool, "a=%00", 5, &f) == -1); /* NUL bytes never reach C strings */
	char many[4096] = "";
	for (int i = 0; i < FORM_MAX_FIELDS + 1; i++)
		strcat(many, "x=1&");
	CHECK(form_parse(&pool, many, strlen(many), &f) == -1);
	h2o_mem_clear_pool(&pool);
}

int main(void)
{
	routes_install(); /* as main.c does: policy_route reads the installed table */
	RUN(test_routes);
	RUN(test_real_table);
	RUN(test_policy_decide);
	RUN(test_real_policy);
	RUN(test_form);
	return unit_done("router");
}
