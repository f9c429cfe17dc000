/* test_router: route matching, parameters, wrong methods, the catch-all; and the form decoder. */
#include "http/form.h"
#include "http/router.h"
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
    {M_GET, "/", h_home},	  {M_GET, "/article/:", h_article},
    {M_POST, "/contact", h_post}, {M_GET, "/a/:/b/:", h_article},
    {M_GET, "*", h_any},
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
	CHECK_STR(form_get(&f, "message"), "line1\r\nline2");
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
	test_routes();
	test_real_table();
	test_form();
	return unit_done("router");
}
