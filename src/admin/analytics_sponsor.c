/* analytics_sponsor: a sponsor's report (/admin/sponsors/ID/report, .csv, .pdf): their supported articles and
 * congresses over a period, views, reads and plays, and the audience by profession and country. */
#include <stdio.h>
#include <string.h>

#include "admin/analytics.h"
#include "core/buf.h"
#include "http/lang.h"
#include "http/response.h"
#include "http/worker.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "store/desk.h"

#define DAY 86400

static void report_page(struct request *r, int status, const struct sponsor_report *x)
{
	view *v =
	    layout_view(r, req_textf(r, "admin.analytics.sponsor_title", "sponsor", x->sponsor.name, NULL));
	view_int(v, "sponsor_id", (long long)x->sponsor.id);
	view_bool(v, "is_sponsor", 1);
	view_str(v, "sponsor_name", x->sponsor.name);
	char action[64];
	snprintf(action, sizeof action, "/admin/sponsors/%lld/report", (long long)x->sponsor.id);
	view_str(v, "action", action);
	report_period_view(r, v, &x->period);
	view_bool(v, "good", status == 200);
	if (status != 200) {
		resp_page(r, status, "admin/analytics-sponsor", v, 0);
		return;
	}
	const struct report_period *p = &x->period;
	view_str(v, "from_date", req_date(r, p->start + DAY / 2));
	view_str(v, "to_date", req_date(r, p->until - DAY / 2));
	char query[64];
	snprintf(query, sizeof query, "from=%s&to=%s", p->from, p->to);
	view_str(v, "query", query);
	const struct {
		const char *name;
		const struct report_line *xs;
		size_t n;
	} tables[] = {{"articles", x->articles, x->narticles}, {"congresses", x->congresses, x->ncongresses}};
	for (size_t t = 0; t < 2; t++) {
		view *list = view_list(v, tables[t].name);
		for (size_t i = 0; i < tables[t].n; i++) {
			const struct report_line *l = &tables[t].xs[i];
			view *y = view_push(list);
			view_int(y, "id", (long long)l->id);
			view_str(y, "label", l->label);
			view_str(y, "views", report_number(r, l->views));
			view_str(y, "reads", report_number(r, l->reads));
			view_str(y, "plays", report_number(r, l->plays));
			view_str(y, "rate", report_rate(r, l->reads, l->views));
		}
		char flag[32];
		snprintf(flag, sizeof flag, "no_%s", tables[t].name);
		/* a view keeps the name it is given: a copy in the request's pool */
		view_bool(v, mem_strndup(r->pool, flag, strlen(flag)), tables[t].n == 0);
	}
	view *t = view_obj(v, "totals");
	view_str(t, "views", report_number(r, x->totals.views));
	view_str(t, "reads", report_number(r, x->totals.reads));
	view_str(t, "plays", report_number(r, x->totals.plays));
	view_str(t, "rate", report_rate(r, x->totals.reads, x->totals.views));
	audience_view(v, &x->audience);
	char k[16];
	snprintf(k, sizeof k, "%d", r->app->cfg.analytics_min_group);
	view_str(v, "group_note", req_textf(r, "admin.analytics.group_rule", "k", k, NULL));
	resp_page(r, 200, "admin/analytics-sponsor", v, 0);
}

/* The congresses of the sponsor's articles: the breakdown's lines of that kind, in place. */
static size_t congresses_only(struct report_line *xs, size_t n)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (xs[i].kind == REPORT_CONGRESSES)
			xs[m++] = xs[i];
	return m;
}

int sponsor_report_read(struct request *r, struct sponsor_report *x)
{
	memset(x, 0, sizeof *x);
	int64_t id = admin_id(r);
	if (id <= 0 || store_sponsor_by_id(r->w->db, r->pool, r->site->id, id, &x->sponsor) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_sponsor"));
		return 0;
	}
	if (!report_period_read(r, &x->period)) {
		report_page(r, 422, x);
		return 0;
	}
	struct report_filter f = {r->site->id, x->period.from, x->period.to, x->sponsor.id, 0};
	if (store_report_sponsor_articles(r->w->db, r->pool, &f, x->period.until, &x->articles,
					  &x->narticles) != 0 ||
	    store_report_lines(r->w->db, r->pool, &f, REPORT_ARTICLES, 0, &x->congresses, &x->ncongresses) !=
		0 ||
	    audience_read(r, &f, &x->audience) != 0) {
		resp_error(r, 500, NULL);
		return 0;
	}
	x->ncongresses = congresses_only(x->congresses, x->ncongresses);
	for (size_t i = 0; i < x->narticles; i++) { /* every article counted is among them */
		x->totals.views += x->articles[i].views;
		x->totals.reads += x->articles[i].reads;
		x->totals.plays += x->articles[i].plays;
	}
	return 1;
}

const char *sponsor_report_filename(struct request *r, const struct sponsor_report *x, const char *ext)
{
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "sponsor-");
	for (const char *p = x->sponsor.slug; *p && p - x->sponsor.slug < 80; p++)
		buf_addc(&b, (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')
				 ? *p
				 : '-');
	buf_printf(&b, "-%s-%s.%s", x->period.from, x->period.to, ext);
	return buf_cstr(&b);
}

void admin_sponsor_report(struct request *r)
{
	struct sponsor_report x;
	if (sponsor_report_read(r, &x))
		report_page(r, 200, &x);
}

void admin_sponsor_report_csv(struct request *r)
{
	struct sponsor_report x;
	if (sponsor_report_read(r, &x))
		sponsor_report_csv(r, &x);
}

void admin_sponsor_report_pdf(struct request *r)
{
	struct sponsor_report x;
	if (sponsor_report_read(r, &x))
		sponsor_report_pdf(r, &x);
}
