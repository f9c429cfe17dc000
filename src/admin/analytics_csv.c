/* analytics_csv: a sponsor's report as CSV (RFC 4180: every field quoted, quotes doubled, CRLF lines), one
 * table under a header row; a cell a spreadsheet would run as a formula (= + - @, tab, CR) starts with '. */
#include <stdio.h>
#include <string.h>

#include "admin/analytics.h"
#include "core/buf.h"
#include "http/lang.h"
#include "http/response.h"

static void cell(buf *b, const char *s, int last)
{
	buf_addc(b, '"');
	if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
		buf_addc(b, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			buf_addc(b, '"');
		buf_addc(b, *p);
	}
	buf_adds(b, last ? "\"\r\n" : "\",");
}

static void num(buf *b, int64_t n, int last)
{
	buf_printf(b, "%lld%s", (long long)n, last ? "\r\n" : ",");
}

static void line_row(buf *b, const char *kind, const struct report_line *l)
{
	cell(b, kind, 0);
	cell(b, l->label, 0);
	num(b, l->views, 0);
	num(b, l->reads, 0);
	num(b, l->plays, 1);
}

static void audience_row(buf *b, const char *kind, const struct audience_line *a)
{
	cell(b, kind, 0);
	cell(b, a->label, 0);
	if (a->hidden)
		cell(b, a->count, 0);
	else
		num(b, a->n, 0);
	buf_adds(b, ",\r\n");
}

void sponsor_report_csv(struct request *r, const struct sponsor_report *x)
{
	buf b;
	buf_init(&b, r->pool);
	const char *head[] = {"admin.analytics.csv.kind", "admin.analytics.csv.name", "admin.analytics.views",
			      "admin.analytics.reads", "admin.analytics.plays"};
	for (int i = 0; i < 5; i++)
		cell(&b, req_text(r, head[i]), i == 4);
	const char *article = req_text(r, "admin.analytics.csv.article");
	for (size_t i = 0; i < x->narticles; i++)
		line_row(&b, article, &x->articles[i]);
	const char *congress = req_text(r, "admin.analytics.csv.congress");
	for (size_t i = 0; i < x->ncongresses; i++)
		line_row(&b, congress, &x->congresses[i]);
	struct report_line total = {.label = req_textf(r, "admin.analytics.csv.period", "from",
						       x->period.from, "to", x->period.to, NULL),
				    .views = x->totals.views,
				    .reads = x->totals.reads,
				    .plays = x->totals.plays};
	line_row(&b, req_text(r, "admin.analytics.total"), &total);
	const char *profession = req_text(r, "admin.analytics.profession");
	for (size_t i = 0; i < x->audience.n[0]; i++)
		audience_row(&b, profession, &x->audience.lines[0][i]);
	const char *country = req_text(r, "admin.analytics.country");
	for (size_t i = 0; i < x->audience.n[2]; i++)
		audience_row(&b, country, &x->audience.lines[2][i]);
	char disposition[300];
	snprintf(disposition, sizeof disposition, "attachment; filename=\"%s\"",
		 sponsor_report_filename(r, x, "csv"));
	resp_file(r, "text/csv; charset=utf-8", mem_strndup(r->pool, disposition, strlen(disposition)), b.p,
		  b.len, 0);
}
