/* crawl: fetches a site's public pages from a Plenary server over loopback HTTP with libcurl, several
 * keep-alive connections at once, following the links of every page and the sitemaps' URLs. */
#ifndef PLENARY_EXPORT_CRAWL_H
#define PLENARY_EXPORT_CRAWL_H

#include <stddef.h>

/** A fetched URL, handed to the crawl's callback. */
struct crawl_page {
	size_t site;	     /* index into the sites given to crawl_new */
	const char *url;     /* root-relative, with its query: "/section/x?page=2" */
	const char *from;    /* the page that linked to it, NULL for a starting URL */
	int error_page;	     /* the request for the site's "not found" page (see crawl_new) */
	long status;	     /* HTTP status; 0 when the transfer failed */
	const char *ctype;   /* Content-Type, "" when none */
	const char *failure; /* what went wrong when status is 0 */
	int sets_cookie;     /* the response had a Set-Cookie header */
	const char *body;
	size_t len;
};

/** Called once per fetched URL, on the thread running crawl_run; returns 0, or -1 to count a failure. */
typedef int (*crawl_callback)(void *ctx, const struct crawl_page *page);

struct crawl_stats {
	size_t fetched, failed, broken, redirects, skipped;
};

struct crawler;

/** A crawler of the sites hosts[0..nsites) on the server at base ("http://127.0.0.1:PORT"; https:// is
 * fetched without checking the certificate: it is this process's own server on loopback). Each site starts
 * from /, robots.txt, the sitemaps and the site's feeds, and from error_path, whose 404 page is handed over
 * with error_page set. Requests carry Host: host and the consent cookie "rejected" (no banner, no embedded
 * third-party video), and no session: every page is what an anonymous reader gets. */
struct crawler *crawl_new(const char *base, const char *const *hosts, size_t nsites, int connections,
			  const char *error_path, crawl_callback cb, void *ctx);
/** The languages each site offers besides its default (space-separated, langs[i] for hosts[i]): their pages
 * under /LANG/ are judged by what follows the prefix (crawl_wanted). Kept, not copied. */
void crawl_languages(struct crawler *c, const char *const *langs);
/** Fetches until no link is left to follow; 0 when every fetch worked, else -1 (see the stats). */
int crawl_run(struct crawler *c);
const struct crawl_stats *crawl_stats(const struct crawler *c);
/** Prints up to max links that led to a 404, with the page linking to them, to stderr. */
void crawl_print_broken(const struct crawler *c, size_t max);
/** Closes the connections and frees the crawler. */
void crawl_free(struct crawler *c);
/** 1 when an export fetches this root-relative URL: not the back office, accounts, forms or search, and no
 * query but a page number (or an asset's version). A page in one of langs (space-separated codes, or NULL)
 * is judged without its /LANG prefix, and /LANG/ is that language's home. */
int crawl_wanted(const char *url, size_t len, const char *langs);

#endif
