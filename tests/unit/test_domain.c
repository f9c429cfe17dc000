/* test_domain: the parent domain sister sites share a cookie on, and the public suffixes it never is. */
#include "core/config.h"
#include "core/domain.h"
#include "unit.h"

static void test_safe(void)
{
	CHECK(domain_cookie_safe("example.org"));
	CHECK(domain_cookie_safe("example.co.uk"));
	CHECK(domain_cookie_safe("plenary-news.de"));
	CHECK(domain_cookie_safe("news.github.io")); /* one customer's own name */
	CHECK(!domain_cookie_safe("org"));	     /* a bare TLD */
	CHECK(!domain_cookie_safe("localhost"));
	CHECK(!domain_cookie_safe("co.uk"));
	CHECK(!domain_cookie_safe("CO.UK"));
	CHECK(!domain_cookie_safe("com.au"));
	CHECK(!domain_cookie_safe("ac.jp"));
	CHECK(!domain_cookie_safe("github.io"));
	CHECK(!domain_cookie_safe("herokuapp.com"));
	CHECK(!domain_cookie_safe("s3.eu-west-1.amazonaws.com"));
	CHECK(!domain_cookie_safe("10.0.0.1"));
	CHECK(!domain_cookie_safe("0.1"));
	CHECK(!domain_cookie_safe("::1"));
	CHECK(!domain_cookie_safe(".example.org"));
	CHECK(!domain_cookie_safe("example.org."));
	CHECK(!domain_cookie_safe("example..org"));
	CHECK(!domain_cookie_safe("exa mple.org"));
	CHECK(!domain_cookie_safe(""));
	CHECK(!domain_cookie_safe(NULL));
}

static void test_covers(void)
{
	CHECK(domain_covers("example.org", "onco.example.org"));
	CHECK(domain_covers("example.org", "ONCO.Example.org"));
	CHECK(domain_covers("example.org", "example.org"));
	CHECK(!domain_covers("example.org", "badexample.org")); /* a label boundary, not a string's end */
	CHECK(!domain_covers("example.org", "example.org.evil.com"));
	CHECK(!domain_covers("", "example.org"));
}

static void test_common(void)
{
	char d[256];
	const char *sisters[] = {"onco.example.org", "derm.example.org", "heme-news.eu"};
	CHECK(domain_common("onco.example.org", sisters, 3, d, sizeof d) == 1);
	CHECK_STR(d, "example.org");
	CHECK(domain_common("heme-news.eu", sisters, 3, d, sizeof d) == 0);
	CHECK_STR(d, "");
	/* the widest parent shared with any sister, so all of them name the same Domain */
	const char *deep[] = {"a.x.example.org", "b.x.example.org", "c.example.org"};
	CHECK(domain_common("a.x.example.org", deep, 3, d, sizeof d) == 1);
	CHECK_STR(d, "example.org");
	const char *uk[] = {"onco.co.uk", "derm.co.uk"};
	CHECK(domain_common("onco.co.uk", uk, 2, d, sizeof d) == 0);
	const char *ukok[] = {"onco.plenary.co.uk", "derm.plenary.co.uk"};
	CHECK(domain_common("onco.plenary.co.uk", ukok, 2, d, sizeof d) == 1);
	CHECK_STR(d, "plenary.co.uk");
	const char *local[] = {"oncology.localhost", "dermatology.localhost"};
	CHECK(domain_common("oncology.localhost", local, 2, d, sizeof d) == 0);
	const char *gh[] = {"onco.github.io", "derm.github.io"};
	CHECK(domain_common("onco.github.io", gh, 2, d, sizeof d) == 0);
	const char *apex[] = {"example.org", "onco.example.org"};
	CHECK(domain_common("example.org", apex, 2, d, sizeof d) == 1);
	CHECK_STR(d, "example.org");
	const char *alone[] = {"onco.example.org"};
	CHECK(domain_common("onco.example.org", alone, 1, d, sizeof d) == 0);
}

static void test_setting(void)
{
	struct config c;
	config_defaults(&c);
	char err[512];
	CHECK(c.sso_cookie_domain[0] == '\0'); /* derived by default */
	CHECK(config_set(&c, "sso_cookie_domain", "example.org", err, sizeof err) == 0);
	CHECK_STR(c.sso_cookie_domain, "example.org");
	CHECK(config_set(&c, "sso_cookie_domain", "off", err, sizeof err) == 0);
	CHECK(config_set(&c, "sso_cookie_domain", "co.uk", err, sizeof err) == -1);
	CHECK_CONTAINS(err, "public suffix");
	CHECK(config_set(&c, "sso_cookie_domain", "org", err, sizeof err) == -1);
	CHECK(config_set(&c, "sso_cookie_domain", ".example.org", err, sizeof err) == -1);
}

int main(void)
{
	RUN(test_setting);
	RUN(test_safe);
	RUN(test_covers);
	RUN(test_common);
	return unit_done("domain");
}
