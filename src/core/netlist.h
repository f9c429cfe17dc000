/* netlist: a list of IP addresses and networks (10.0.0.0/8, ::1) and the test whether an address is in it. */
#ifndef PLENARY_NETLIST_H
#define PLENARY_NETLIST_H

#include <stddef.h>
#include <sys/socket.h>

#define NETLIST_MAX 32

struct netlist {
	struct net {
		unsigned char addr[16]; /* IPv4 as an IPv4-mapped IPv6 address, so one compare serves both */
		int prefix;		/* bits that must match, 0 to 128 */
	} nets[NETLIST_MAX];
	size_t n;
};

/** Parses "ADDR[/BITS], ..." (commas or spaces between; empty gives an empty list). -1 with the reason in err
 * for anything else: a bad address, a prefix out of range, bits set past the prefix, more than NETLIST_MAX.
 */
int netlist_parse(struct netlist *list, const char *text, char *err, size_t errlen);
/** 1 when the address (text, IPv4 or IPv6) is in the list; 0 when not or not an address. */
int netlist_has_text(const struct netlist *list, const char *addr);
/** 1 when the socket address (AF_INET or AF_INET6) is in the list. */
int netlist_has_sockaddr(const struct netlist *list, const struct sockaddr *sa);
/** The socket address as text ("192.0.2.1", "2001:db8::1"; an IPv4-mapped IPv6 address as IPv4); "" when
 * it is neither family. out holds at least 46 bytes. */
void netlist_addr_text(const struct sockaddr *sa, char *out, size_t n);
/** The address text in its canonical form (IPv4-mapped as IPv4) into out; -1 when it is not an address. */
int netlist_canonical(const char *addr, char *out, size_t n);

#endif
