/* netlist: a list of IP addresses and networks (10.0.0.0/8, ::1) and the test whether an address is in it. */
#include "core/netlist.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The address as 16 bytes: IPv6 as it is, IPv4 mapped (::ffff:a.b.c.d). *v4 says which it was. */
static int addr_bytes(const char *text, unsigned char out[16], int *v4)
{
	struct in_addr a4;
	if (inet_pton(AF_INET, text, &a4) == 1) {
		memset(out, 0, 10);
		out[10] = out[11] = 0xff;
		memcpy(out + 12, &a4, 4);
		*v4 = 1;
		return 0;
	}
	*v4 = 0;
	return inet_pton(AF_INET6, text, out) == 1 ? 0 : -1;
}

static int net_has(const struct net *n, const unsigned char a[16])
{
	int bits = n->prefix, i = 0;
	for (; bits >= 8; bits -= 8, i++)
		if (n->addr[i] != a[i])
			return 0;
	if (bits == 0)
		return 1;
	unsigned char mask = (unsigned char)(0xff << (8 - bits));
	return (n->addr[i] & mask) == (a[i] & mask);
}

static int parse_one(struct net *n, const char *item, char *err, size_t errlen)
{
	char text[64];
	const char *slash = strchr(item, '/');
	size_t len = slash ? (size_t)(slash - item) : strlen(item);
	int v4;
	if (len == 0 || len >= sizeof text) {
		snprintf(err, errlen, "'%s' is not an IP address or network", item);
		return -1;
	}
	memcpy(text, item, len);
	text[len] = '\0';
	if (addr_bytes(text, n->addr, &v4) != 0) {
		snprintf(err, errlen, "'%s' is not an IP address (IPv4 or IPv6)", text);
		return -1;
	}
	int max = v4 ? 32 : 128;
	n->prefix = max;
	if (slash) {
		char *end;
		long bits = strtol(slash + 1, &end, 10);
		if (!slash[1] || *end || bits < 0 || bits > max) {
			snprintf(err, errlen, "'%s': the prefix must be a number from 0 to %d", item, max);
			return -1;
		}
		n->prefix = (int)bits;
	}
	if (v4)
		n->prefix += 96;
	unsigned char masked[16];
	memcpy(masked, n->addr, 16);
	for (int b = n->prefix; b < 128; b++)
		masked[b / 8] &= (unsigned char)~(0x80 >> (b % 8));
	if (memcmp(masked, n->addr, 16) != 0) {
		snprintf(err, errlen,
			 "'%s' has bits set past its prefix (did you mean the network's first address?)",
			 item);
		return -1;
	}
	return 0;
}

int netlist_parse(struct netlist *list, const char *text, char *err, size_t errlen)
{
	list->n = 0;
	const char *p = text;
	for (;;) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (!*p)
			return 0;
		size_t len = strcspn(p, ", \t");
		char item[80];
		if (len >= sizeof item) {
			snprintf(err, errlen, "'%.40s...' is not an IP address or network", p);
			return -1;
		}
		if (list->n == NETLIST_MAX) {
			snprintf(err, errlen, "more than %d addresses or networks", NETLIST_MAX);
			return -1;
		}
		memcpy(item, p, len);
		item[len] = '\0';
		if (parse_one(&list->nets[list->n], item, err, errlen) != 0)
			return -1;
		list->n++;
		p += len;
	}
}

static int has_bytes(const struct netlist *list, const unsigned char a[16])
{
	for (size_t i = 0; i < list->n; i++)
		if (net_has(&list->nets[i], a))
			return 1;
	return 0;
}

int netlist_has_text(const struct netlist *list, const char *addr)
{
	unsigned char a[16];
	int v4;
	return addr_bytes(addr, a, &v4) == 0 && has_bytes(list, a);
}

int netlist_has_sockaddr(const struct netlist *list, const struct sockaddr *sa)
{
	char text[64];
	netlist_addr_text(sa, text, sizeof text);
	return text[0] && netlist_has_text(list, text);
}

void netlist_addr_text(const struct sockaddr *sa, char *out, size_t n)
{
	char text[INET6_ADDRSTRLEN] = "";
	if (sa->sa_family == AF_INET)
		inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, text, sizeof text);
	else if (sa->sa_family == AF_INET6)
		inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr, text, sizeof text);
	if (netlist_canonical(text, out, n) != 0 && n)
		out[0] = '\0';
}

int netlist_canonical(const char *addr, char *out, size_t n)
{
	unsigned char a[16];
	int v4;
	if (addr_bytes(addr, a, &v4) != 0)
		return -1;
	static const unsigned char mapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};
	if (memcmp(a, mapped, 12) == 0)
		return inet_ntop(AF_INET, a + 12, out, (socklen_t)n) ? 0 : -1;
	return inet_ntop(AF_INET6, a, out, (socklen_t)n) ? 0 : -1;
}
