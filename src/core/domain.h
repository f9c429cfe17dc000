/* domain: which parent domain sister sites may share a cookie on, never a public suffix. */
#ifndef PLENARY_DOMAIN_H
#define PLENARY_DOMAIN_H

#include <stddef.h>

/** 1 when d may be the Domain of a cookie the sister sites share: two labels or more, letters, digits and
 * hyphens, not an IP address, not a public suffix. Without the whole Public Suffix List the rule is
 * cautious: under a two-letter country code, a registry's usual second level (co.uk, com.au, ac.jp...) is
 * refused, and so are the shared hosting suffixes where strangers get names (github.io, herokuapp.com...).
 * A browser refuses a cookie for a public suffix anyway: the rule keeps the session cookie from being one
 * it would drop. */
int domain_cookie_safe(const char *d);
/** 1 when host is d or a name under it (case ignored). */
int domain_covers(const char *d, const char *host);
/** The widest safe domain host shares with one of others (parent labels in common), into out (size len):
 * 1 found, 0 none (out ""). */
int domain_common(const char *host, const char *const *others, size_t n, char *out, size_t len);

#endif
