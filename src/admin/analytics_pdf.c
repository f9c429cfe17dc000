/* analytics_pdf: a sponsor's report typeset as a PDF with the site's PDF writer (render/pdf_doc.c): the
 * period, the totals, each supported article and congress with its counts, and the audience. */
#include <stdio.h>
#include <string.h>

#include "admin/analytics.h"
#include "core/buf.h"
#include "http/lang.h"
#include "http/names.h"
#include "http/worker.h"
#include "http/response.h"
#include "render/pdf_doc.h"

#define DAY 86400

/* "12 views · 5 reads · 1 play" */
static const char *counts(struct request *r, int64_t views, int64_t reads, int64_t plays)
{
	return req_textf(r, "admin.analytics.pdf.counts", "views", report_number(r, views), "reads",
			 report_number(r, reads), "plays", report_number(r, plays), "rate",
			 report_rate(r, reads, views), NULL);
}

static void lines(pdf_doc *d, struct request *r, const char *heading, const char *none,
		  const struct report_line *xs, size_t n)
{
	pdf_doc_heading(d, PDF_H2, heading, NULL);
	if (!n)
		pdf_doc_heading(d, PDF_NOTE, none, NULL);
	pdf_text *t = pdf_text_new();
	for (size_t i = 0; i < n; i++) {
		pdf_text_reset(t);
		pdf_text_begin(t, PDF_BOLD);
		pdf_text_adds(t, xs[i].label);
		pdf_text_end(t);
		pdf_text_adds(t, "\n");
		pdf_text_adds(t, counts(r, xs[i].views, xs[i].reads, xs[i].plays));
		pdf_doc_list_item(d, 1, "\u2022", t);
	}
	pdf_text_free(t);
}

static void audience(pdf_doc *d, const char *heading, const struct audience_line *xs, size_t n)
{
	pdf_doc_heading(d, PDF_H3, heading, NULL);
	pdf_text *t = pdf_text_new();
	for (size_t i = 0; i < n; i++) {
		pdf_text_reset(t);
		pdf_text_adds(t, xs[i].label);
		pdf_text_adds(t, ": ");
		pdf_text_adds(t, xs[i].count);
		pdf_doc_list_item(d, 1, "\u2022", t);
	}
	pdf_text_free(t);
}

void sponsor_report_pdf(struct request *r, const struct sponsor_report *x)
{
	const char *site = req_name(r, "site", r->site->id, "name", r->site->name);
	const char *title = req_textf(r, "admin.analytics.sponsor_title", "sponsor", x->sponsor.name, NULL);
	const char *period =
	    req_textf(r, "admin.analytics.period_dates", "from", req_date(r, x->period.start + DAY / 2), "to",
		      req_date(r, x->period.until - DAY / 2), NULL);
	char footer[800];
	snprintf(footer, sizeof footer, "%s \u00b7 %s \u00b7 %s", site, title, period);
	buf out;
	buf_init(&out, NULL);
	struct pdf_doc_info info = {.title = title, .author = site, .footer = footer, .made = 0};
	pdf_doc *d = pdf_doc_begin(&info, &out);
	if (!d) {
		resp_error(r, 500, NULL);
		return;
	}
	pdf_doc_heading(d, PDF_KICKER, site, NULL);
	pdf_doc_heading(d, PDF_TITLE, title, NULL);
	pdf_doc_heading(d, PDF_SUBTITLE, period, NULL);
	pdf_doc_rule(d);
	pdf_doc_heading(d, PDF_H2, req_text(r, "admin.analytics.total"), NULL);
	pdf_text *t = pdf_text_new();
	pdf_text_adds(t, counts(r, x->totals.views, x->totals.reads, x->totals.plays));
	pdf_doc_paragraph(d, t);
	pdf_text_free(t);
	lines(d, r, req_text(r, "admin.analytics.sponsor_articles"), req_text(r, "admin.analytics.none"),
	      x->articles, x->narticles);
	lines(d, r, req_text(r, "admin.analytics.congresses"), req_text(r, "admin.analytics.none"),
	      x->congresses, x->ncongresses);
	char k[16];
	snprintf(k, sizeof k, "%d", r->app->cfg.analytics_min_group);
	pdf_doc_heading(d, PDF_H2, req_text(r, "admin.analytics.audience"), NULL);
	pdf_doc_heading(d, PDF_NOTE, req_textf(r, "admin.analytics.group_rule", "k", k, NULL), NULL);
	audience(d, req_text(r, "admin.analytics.by_profession"), x->audience.lines[0], x->audience.n[0]);
	audience(d, req_text(r, "admin.analytics.by_country"), x->audience.lines[2], x->audience.n[2]);
	if (pdf_doc_end(d) != 0) {
		buf_free(&out);
		resp_error(r, 500, NULL);
		return;
	}
	char disposition[300];
	snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"",
		 sponsor_report_filename(r, x, "pdf"));
	resp_file(r, "application/pdf", mem_strndup(r->pool, disposition, strlen(disposition)), out.p,
		  out.len, 0);
	buf_free(&out);
}
