/* analytics_report: the reports read from the first-party counts: days, totals, articles, sections,
 * congresses, referrers and audience, for a site, a period, and optionally a sponsor or one article. */
#ifndef PLENARY_STORE_ANALYTICS_REPORT_H
#define PLENARY_STORE_ANALYTICS_REPORT_H

#include "store/store.h"

/** What a report reads: a site's counts between two UTC days (inclusive, "YYYY-MM-DD"), only those of a
 * sponsor's supported articles when sponsor_id is not 0, only one article's when article_id is not 0. */
struct report_filter {
	int64_t site_id;
	const char *from, *to;
	int64_t sponsor_id, article_id;
};

/** One line of a report: a day, an article, a section, a congress, a referrer or an audience value. id is
 * the row's article, section or congress (0 otherwise); label its day, title, name, host or profile value;
 * accounts, for an audience value, the accounts whose profile has it. */
struct report_line {
	int64_t id;
	const char *label;
	int64_t views, reads, plays, accounts;
	int64_t feed, mail; /* REPORT_DAYS only */
	int kind;	    /* its enum report_kind */
};

/** The sums of each event over the period. */
struct report_totals {
	int64_t views, reads, plays, feed, mail;
};

/** The kinds of lines the reports read. */
enum report_kind {
	REPORT_DAYS,	   /* one per day with counts, oldest first: every event's sum */
	REPORT_ARTICLES,   /* one per article (not pages that are none), most viewed first, at most limit */
	REPORT_SECTIONS,   /* one per section of the articles counted, most viewed first */
	REPORT_CONGRESSES, /* one per congress of the articles counted, most viewed first */
	REPORT_REFERRERS,  /* one per other site's host that sent views, most first, at most limit */
	REPORT_PROFESSION, /* audience: the views per profile value ("" for readers not signed in), with the
			      accounts that hold it, most viewed first */
	REPORT_SPECIALTY,
	REPORT_COUNTRY,
	REPORT_KINDS
};

/** Lines of a period, each read in one pass over its rows: ONE_KIND reads REPORT_DAYS or REPORT_REFERRERS
 * alone; REPORT_ARTICLES reads the articles, sections and congresses together, REPORT_PROFESSION the three
 * audience dimensions together (each line's kind says which it is, in that order, each most viewed first).
 * Into a pool array: 0, or -1. limit bounds the articles and referrers. */
int store_report_lines(store *s, h2o_mem_pool_t *pool, const struct report_filter *f, enum report_kind kind,
		       int limit, struct report_line **out, size_t *n);
/** A sponsor's supported articles on the filter's site that were published before until (Unix seconds) or
 * counted in the period, each with its counts (0 when none), most viewed first: 0, or -1. */
int store_report_sponsor_articles(store *s, h2o_mem_pool_t *pool, const struct report_filter *f,
				  int64_t until, struct report_line **out, size_t *n);
/** An article's title when it is the site's: 1, 0 when none, -1 on error. */
int store_report_article_title(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t article_id,
			       const char **title);

#endif
