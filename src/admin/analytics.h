/* analytics: what the back office's reports share: the period asked for, numbers written the reader's way,
 * and the audience folded into groups large enough that no reader can be singled out. */
#ifndef PLENARY_ADMIN_ANALYTICS_H
#define PLENARY_ADMIN_ANALYTICS_H

#include <stddef.h>
#include <stdint.h>

#include "http/request.h"
#include "render/view.h"
#include "store/analytics_report.h"
#include "store/store.h"

#define REPORT_MAX_DAYS 366 /* the longest period a report reads */

/** The period of a report from the query: days=7, 30 or 90 (30 when nothing is asked), or from= and to=
 * (UTC days, at most REPORT_MAX_DAYS). When a date is wrong, its error is set (a message for beside the
 * field) and the rest is what the reader typed. */
struct report_period {
	char from[11], to[11]; /* "YYYY-MM-DD" */
	int days;	       /* from to to, both counted */
	int preset;	       /* 7, 30 or 90 when asked so, else 0 */
	int64_t start, until;  /* Unix seconds of from's midnight and of the midnight after to (UTC) */
	const char *from_value, *to_value;
	const char *from_error, *to_error;
};

/** Reads the period: 1 when it is good, 0 when an error is set. */
int report_period_read(struct request *r, struct report_period *p);
/** Puts the period's fields and errors in v (period_from, period_to, from_error...). */
void report_period_view(struct request *r, view *v, const struct report_period *p);
/** The UTC day of Unix seconds t, "YYYY-MM-DD". */
void report_day(int64_t t, char out[11]);

/** n with the thousands grouped as the reader's language writes them ("12,345", "12 345", "12.345"). */
const char *report_number(struct request *r, int64_t n);
/** reads / views as a percentage with one decimal ("41.7 %"), "–" without views. */
const char *report_rate(struct request *r, int64_t reads, int64_t views);

/** One line of an audience once folded: its words and its count, or the words saying it is under the group.
 */
struct audience_line {
	const char *label;
	const char *count; /* written the reader's way, or "fewer than 10" */
	int64_t n;	   /* the count; for a hidden "Other", 0 */
	int hidden;	   /* 1: "Other" under the group, its count not shown */
};

/** Folds one dimension's values (the lines of that kind store_report_lines of REPORT_PROFESSION reads) by the
 * minimum group k: a value stands alone only when at least k accounts hold it and it counts at least k; the
 * rest make one "Other" line, shown as "fewer than k" when it is under k. Readers not signed in ("") are one
 * line of their own. Lines into a pool array: the count of them. */
size_t audience_fold(struct request *r, enum report_kind kind, const struct report_line *in, size_t n, int k,
		     struct audience_line **out);
/** The three dimensions folded: profession, specialty, country. */
struct audience_set {
	struct audience_line *lines[3];
	size_t n[3];
};
/** Reads the period's audience (one pass) and folds each dimension: 0, or -1 on a store error. */
int audience_read(struct request *r, const struct report_filter *f, struct audience_set *a);
/** Puts the folded lines in v's lists professions, specialties and countries (label, count). */
void audience_view(view *v, const struct audience_set *a);

/** A sponsor's report over a period: their supported articles and those articles' congresses, the totals, the
 * audience by profession and country (folded). */
struct sponsor_report {
	struct sponsor sponsor;
	struct report_period period;
	struct report_line *articles, *congresses;
	size_t narticles, ncongresses;
	struct report_totals totals;
	struct audience_set audience;
};

/** Reads the report of the route's sponsor: 1, or 0 after answering (404, 422 with the page, 500). */
int sponsor_report_read(struct request *r, struct sponsor_report *x);
/** The report as CSV (src/admin/analytics_csv.c) and as PDF (src/admin/analytics_pdf.c). */
void sponsor_report_csv(struct request *r, const struct sponsor_report *x);
void sponsor_report_pdf(struct request *r, const struct sponsor_report *x);
/** "sponsor-SLUG-FROM-TO.EXT": letters, digits and hyphens only. */
const char *sponsor_report_filename(struct request *r, const struct sponsor_report *x, const char *ext);

#endif
