/* test_netlist: trusted proxy lists (addresses and networks, IPv4 and IPv6) and the HTTP status table. */
#include <arpa/inet.h>
#include <netinet/in.h>

#include "core/netlist.h"
#include "http/status.h"
#include "unit.h"

static void test_parse(void)
{
	struct netlist l;
	char err[200];
	CHECK(netlist_parse(&l, "", err, sizeof err) == 0 && l.n == 0);
	CHECK(netlist_parse(&l, "127.0.0.1, ::1  10.0.0.0/8,fd00::/8", err, sizeof err) == 0 && l.n == 4);
	CHECK(netlist_parse(&l, "10.0.0.1/8", err, sizeof err) == -1);
	CHECK_CONTAINS(err, "past its prefix");
	CHECK(netlist_parse(&l, "10.0.0.0/33", err, sizeof err) == -1);
	CHECK_CONTAINS(err, "from 0 to 32");
	CHECK(netlist_parse(&l, "::/129", err, sizeof err) == -1);
	CHECK(netlist_parse(&l, "proxy.example", err, sizeof err) == -1);
	CHECK_CONTAINS(err, "not an IP address");
	CHECK(netlist_parse(&l, "10.0.0.0/", err, sizeof err) == -1);
	CHECK(netlist_parse(&l, "1.2.3.4/x", err, sizeof err) == -1);
	char many[2000] = "";
	for (int i = 0; i < NETLIST_MAX + 1; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "10.0.0.%d ", i);
	CHECK(netlist_parse(&l, many, err, sizeof err) == -1);
	CHECK_CONTAINS(err, "more than");
}

static void test_membership(void)
{
	struct netlist l;
	char err[200];
	CHECK(netlist_parse(&l, "127.0.0.1, 10.0.0.0/8, 192.168.1.128/25, 2001:db8::/32", err, sizeof err) ==
	      0);
	CHECK(netlist_has_text(&l, "127.0.0.1"));
	CHECK(!netlist_has_text(&l, "127.0.0.2"));
	CHECK(netlist_has_text(&l, "10.255.1.2"));
	CHECK(!netlist_has_text(&l, "11.0.0.1"));
	CHECK(netlist_has_text(&l, "192.168.1.200"));
	CHECK(!netlist_has_text(&l, "192.168.1.127"));
	CHECK(netlist_has_text(&l, "2001:db8:1::5"));
	CHECK(!netlist_has_text(&l, "2001:db9::5"));
	CHECK(netlist_has_text(&l, "::ffff:10.1.2.3")); /* an IPv4 client on a dual-stack socket */
	CHECK(!netlist_has_text(&l, "garbage"));
	CHECK(!netlist_has_text(&l, ""));
	struct netlist all;
	CHECK(netlist_parse(&all, "0.0.0.0/0", err, sizeof err) == 0);
	CHECK(netlist_has_text(&all, "203.0.113.1") && !netlist_has_text(&all, "2001:db8::1"));

	struct sockaddr_in6 six = {.sin6_family = AF_INET6};
	inet_pton(AF_INET6, "::ffff:127.0.0.1", &six.sin6_addr);
	CHECK(netlist_has_sockaddr(&l, (struct sockaddr *)&six));
	char text[64];
	netlist_addr_text((struct sockaddr *)&six, text, sizeof text);
	CHECK_STR(text, "127.0.0.1");
	CHECK(netlist_canonical("2001:DB8:0:0::1", text, sizeof text) == 0);
	CHECK_STR(text, "2001:db8::1");
	CHECK(netlist_canonical("1.2.3", text, sizeof text) == -1);
}

static void test_statuses(void)
{
	CHECK_STR(http_status(301)->reason, "Moved Permanently");
	CHECK_STR(http_status(401)->reason, "Unauthorized");
	CHECK_STR(http_status(414)->reason, "URI Too Long");
	CHECK_STR(http_status(503)->reason, "Service Unavailable");
	CHECK_STR(http_status(200)->reason, "OK");
	CHECK_STR(http_status(599)->reason, "Server Error"); /* not in the table: its class, logged */
	CHECK(http_status(404)->message != NULL);
	size_t n, bad = 0;
	const struct http_status *t = http_status_table(&n);
	for (size_t i = 0; i < n; i++) /* sorted (http_status searches it), every field an error page needs */
		bad += (i && t[i].code <= t[i - 1].code) || !t[i].reason || !t[i].title ||
		       (t[i].code >= 400 && !t[i].message) || http_status(t[i].code) != &t[i];
	CHECK(n > 20 && bad == 0);
}

int main(void)
{
	RUN(test_parse);
	RUN(test_membership);
	RUN(test_statuses);
	return unit_done("netlist");
}
