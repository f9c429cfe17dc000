/* whatsnew_doc: the "What's new" document an address names (a section's month, congress or newest month)
 * and its articles as the reader may see them, read once for both the HTML page and the PDF. */
#ifndef PLENARY_WHATSNEW_DOC_H
#define PLENARY_WHATSNEW_DOC_H

#include "http/request.h"

/* the most articles one document holds */
#define WHATSNEW_MAX 300

enum whatsnew_kind { WHATSNEW_MONTH, WHATSNEW_CONGRESS, WHATSNEW_LATEST };

struct whatsnew_doc {
	struct section section;
	struct whatsnew_filter filter;
	const char *what;      /* "March 2025", or the congress's name */
	const char *full_name; /* the congress's full name, "" for a month */
	const char *key;       /* "2025-03", or the congress's slug: names the PDF's file */
	struct article *articles;
	size_t n;
	int64_t made; /* its newest change: the same document reads the same until an article in it changes */
};

/** The section of r->params[0], or 0 after answering 404 or 500. */
int whatsnew_section(struct request *r, struct section *s);
/** Reads the document r's parameters name (params[0] the section; params[1] the month "2025-06" or the
 * congress's slug; none for the newest month) with its visible articles, gated by r's level in the store
 * (store_whatsnew_articles): 1, or 0 after answering (404 saying why, or 500). */
int whatsnew_doc_read(struct request *r, enum whatsnew_kind kind, struct whatsnew_doc *doc);
/** Where a reference's url leads: a web address as it is, a DOI ("doi:10.1/x", "10.1/x") on its
 * resolver, else NULL (shown, not linked). */
const char *whatsnew_ref_link(h2o_mem_pool_t *pool, const char *url);

#endif
