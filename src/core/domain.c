/* domain: which parent domain sister sites may share a cookie on, never a public suffix. */
#include "core/domain.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* second levels registries sell names under, in many country codes (co.uk, com.au, or.jp, gob.es...) */
static const char *const registry_levels[] = {"ac",  "co",  "com", "edu", "gen", "go",	"gob", "gov", "gv",
					      "id",  "in",  "int", "lg",  "ltd", "me",	"mil", "ne",  "net",
					      "nhs", "nic", "nom", "or",  "org", "plc", "sch", "web"};
/* shared hosting: every customer gets a name under these (a sample of the Public Suffix List's own part) */
static const char *const hosting[] = {
    "github.io",      "gitlab.io",	 "herokuapp.com", "appspot.com",  "blogspot.com",
    "netlify.app",    "vercel.app",	 "pages.dev",	  "workers.dev",  "azurewebsites.net",
    "web.app",	      "firebaseapp.com", "onrender.com",  "fly.dev",	  "ngrok.io",
    "ngrok-free.app", "glitch.me",	 "surge.sh",	  "cloudapp.net", "azurestaticapps.net",
    "r2.dev",	      "netlify.com",	 "wordpress.com"};
/* ... and these at every depth (s3.eu-west-1.amazonaws.com is one too) */
static const char *const hosting_deep[] = {"amazonaws.com", "cloudfront.net"};

static int ends_with_label(const char *d, const char *suffix)
{
	size_t n = strlen(d), m = strlen(suffix);
	if (n < m || strcasecmp(d + n - m, suffix) != 0)
		return 0;
	return n == m || d[n - m - 1] == '.';
}

int domain_covers(const char *d, const char *host)
{
	return d && host && d[0] && ends_with_label(host, d);
}

int domain_cookie_safe(const char *d)
{
	size_t n = d ? strlen(d) : 0;
	if (n == 0 || n > 253 || d[0] == '.' || d[n - 1] == '.')
		return 0;
	int labels = 1, digits_only = 1;
	const char *last = d;
	for (const char *c = d; *c; c++) {
		if (*c == '.') {
			if (c[1] == '.' || c == d)
				return 0;
			labels++;
			last = c + 1;
			digits_only = 1;
		} else if (isalnum((unsigned char)*c) || *c == '-') {
			if (!isdigit((unsigned char)*c))
				digits_only = 0;
		} else
			return 0; /* IPv6, a port, a space, anything odd */
	}
	if (labels < 2 || digits_only) /* a bare TLD; an IPv4 address ends in digits */
		return 0;
	for (size_t i = 0; i < sizeof hosting / sizeof *hosting; i++)
		if (strcasecmp(d, hosting[i]) == 0)
			return 0;
	for (size_t i = 0; i < sizeof hosting_deep / sizeof *hosting_deep; i++)
		if (ends_with_label(d, hosting_deep[i]))
			return 0;
	if (labels == 2 && strlen(last) == 2) {
		size_t first = (size_t)(last - 1 - d);
		for (size_t i = 0; i < sizeof registry_levels / sizeof *registry_levels; i++)
			if (strlen(registry_levels[i]) == first &&
			    strncasecmp(d, registry_levels[i], first) == 0)
				return 0;
	}
	return 1;
}

int domain_common(const char *host, const char *const *others, size_t n, char *out, size_t len)
{
	out[0] = '\0';
	size_t best = 0;
	for (size_t i = 0; i < n; i++) {
		if (!others[i] || strcasecmp(others[i], host) == 0)
			continue;
		/* from the widest parent (the last two labels) inward: the first safe one both end in */
		for (const char *p = host + strlen(host); p >= host; p--) {
			if (p > host && p[-1] != '.')
				continue;
			if (domain_covers(p, others[i]) && domain_cookie_safe(p)) {
				size_t l = strlen(p);
				if (l < len && (best == 0 || l < best)) {
					best = l;
					snprintf(out, len, "%s", p);
				}
				break;
			}
		}
	}
	return best > 0;
}
