/* analytics: the back office's dashboard (/admin/analytics) and one article's audience
 * (/admin/analytics/article/ID): views and reads per day as a server-drawn chart with its numbers beside,
 * totals, top articles, sections, congresses, referrers, and the audience in groups no one can be singled
 * out of. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "admin/analytics.h"
#include "core/buf.h"
#include "http/lang.h"
#include "http/response.h"
#include "http/worker.h"
#include "render/chart.h"
#include "site/handlers.h"
#include "site/layout.h"

#define TOP_ARTICLES 20
#define TOP_REFERRERS 20
#define DAY 86400

/* "7 Dec": a day under the chart */
static const char *short_day(struct request *r, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	char key[32], day[8];
	snprintf(key, sizeof key, "date.month_short.%d", tm.tm_mon + 1);
	snprintf(day, sizeof day, "%d", tm.tm_mday);
	return req_textf(r, "admin.analytics.short_day", "day", day, "month", req_text(r, key), NULL);
}

/* The chart of views and reads per day and the same numbers as a table (days). */
static int days_view(struct request *r, view *v, const struct report_filter *f, const struct report_period *p,
		     struct report_totals *t)
{
	struct report_line *lines;
	size_t n;
	if (store_report_lines(r->w->db, r->pool, f, REPORT_DAYS, 0, &lines, &n) != 0)
		return -1;
	size_t nd = (size_t)p->days;
	int64_t *views = h2o_mem_alloc_pool(r->pool, sizeof(int64_t) * (nd + 1));
	int64_t *reads = h2o_mem_alloc_pool(r->pool, sizeof(int64_t) * (nd + 1));
	const char **labels = h2o_mem_alloc_pool(r->pool, sizeof(const char *) * (nd + 1));
	view *list = view_list(v, "days_list");
	size_t j = 0;
	memset(t, 0, sizeof *t);
	for (size_t i = 0; i < n; i++) {
		t->views += lines[i].views;
		t->reads += lines[i].reads;
		t->plays += lines[i].plays;
		t->feed += lines[i].feed;
		t->mail += lines[i].mail;
	}
	for (size_t i = 0; i < nd; i++) {
		int64_t at = p->start + (int64_t)i * DAY;
		char day[11];
		report_day(at, day);
		while (j < n && strcmp(lines[j].label, day) < 0)
			j++;
		int hit = j < n && strcmp(lines[j].label, day) == 0;
		views[i] = hit ? lines[j].views : 0;
		reads[i] = hit ? lines[j].reads : 0;
		labels[i] = short_day(r, at);
		view *x = view_push(list);
		view_str(x, "date", req_date(r, at + DAY / 2));
		view_str(x, "iso", day);
		view_str(x, "views", report_number(r, views[i]));
		view_str(x, "reads", report_number(r, reads[i]));
	}
	struct chart_series series[] = {{req_text(r, "admin.analytics.views"), views},
					{req_text(r, "admin.analytics.reads"), reads}};
	buf svg;
	buf_init(&svg, r->pool);
	chart_svg(&svg, req_text(r, "admin.analytics.chart_title"), labels, nd, series, 2);
	view_html(v, "chart", svg.p, svg.len);
	return 0;
}

static void totals_view(struct request *r, view *v, const struct report_totals *t)
{
	view *x = view_obj(v, "totals");
	view_str(x, "views", report_number(r, t->views));
	view_str(x, "reads", report_number(r, t->reads));
	view_str(x, "plays", report_number(r, t->plays));
	view_str(x, "feed", report_number(r, t->feed));
	view_str(x, "mail", report_number(r, t->mail));
	view_str(x, "rate", report_rate(r, t->reads, t->views));
}

/* The lines of a kind (articles, sections, congresses, referrers) as v's list name; no_NAME set when none. */
static void lines_view(struct request *r, view *v, const char *name, const struct report_line *lines,
		       size_t n, enum report_kind kind)
{
	view *list = view_list(v, name);
	size_t shown = 0;
	for (size_t i = 0; i < n; i++) {
		if (lines[i].kind != (int)kind)
			continue;
		shown++;
		view *x = view_push(list);
		view_int(x, "id", (long long)lines[i].id);
		view_str(x, "label",
			 lines[i].label[0] ? lines[i].label : req_text(r, "admin.analytics.untitled"));
		view_str(x, "views", report_number(r, lines[i].views));
		view_str(x, "reads", report_number(r, lines[i].reads));
		view_str(x, "plays", report_number(r, lines[i].plays));
		view_str(x, "rate", report_rate(r, lines[i].reads, lines[i].views));
	}
	char flag[48];
	snprintf(flag, sizeof flag, "no_%s", name);
	/* a view keeps the name it is given: a copy in the request's pool, not this frame's buffer */
	view_bool(v, mem_strndup(r->pool, flag, strlen(flag)), shown == 0);
}

/* The page for the whole site (article_id 0) or one article. */
static void dashboard(struct request *r, int64_t article_id)
{
	const char *title = NULL;
	if (article_id) {
		int rc = article_id > 0
			     ? store_report_article_title(r->w->db, r->pool, r->site->id, article_id, &title)
			     : 0;
		if (rc < 0) {
			resp_error(r, 500, NULL);
			return;
		}
		if (rc == 0) {
			resp_error(r, 404, req_text(r, "admin.analytics.no_article"));
			return;
		}
	}
	struct report_period p;
	int good = report_period_read(r, &p);
	view *v =
	    layout_view(r, article_id ? req_textf(r, "admin.analytics.article_title", "title", title, NULL)
				      : req_text(r, "admin.analytics.title"));
	view_bool(v, "is_article", article_id != 0);
	view_int(v, "article_id", (long long)article_id);
	char action[64];
	if (article_id)
		snprintf(action, sizeof action, "/admin/analytics/article/%lld", (long long)article_id);
	else
		snprintf(action, sizeof action, "/admin/analytics");
	view_str(v, "action", action);
	report_period_view(r, v, &p);
	view_bool(v, "good", good);
	if (!good) {
		resp_page(r, 422, "admin/analytics", v, 0);
		return;
	}
	view_str(v, "from_date", req_date(r, p.start + DAY / 2));
	view_str(v, "to_date", req_date(r, p.until - DAY / 2));
	struct report_filter f = {r->site->id, p.from, p.to, 0, article_id};
	struct report_totals totals;
	struct report_line *breakdown = NULL, *referrers;
	size_t nbreakdown = 0, nreferrers;
	struct audience_set audience;
	if (days_view(r, v, &f, &p, &totals) != 0 ||
	    (!article_id && store_report_lines(r->w->db, r->pool, &f, REPORT_ARTICLES, TOP_ARTICLES,
					       &breakdown, &nbreakdown) != 0) ||
	    store_report_lines(r->w->db, r->pool, &f, REPORT_REFERRERS, TOP_REFERRERS, &referrers,
			       &nreferrers) != 0 ||
	    audience_read(r, &f, &audience) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	totals_view(r, v, &totals);
	lines_view(r, v, "articles", breakdown, nbreakdown, REPORT_ARTICLES);
	lines_view(r, v, "sections", breakdown, nbreakdown, REPORT_SECTIONS);
	lines_view(r, v, "congresses", breakdown, nbreakdown, REPORT_CONGRESSES);
	lines_view(r, v, "referrers", referrers, nreferrers, REPORT_REFERRERS);
	audience_view(v, &audience);
	char k[16];
	snprintf(k, sizeof k, "%d", r->app->cfg.analytics_min_group);
	view_str(v, "group_note", req_textf(r, "admin.analytics.group_rule", "k", k, NULL));
	resp_page(r, 200, "admin/analytics", v, 0);
}

void admin_analytics(struct request *r)
{
	dashboard(r, 0);
}

void admin_analytics_article(struct request *r)
{
	int64_t id = admin_id(r);
	if (id <= 0) {
		resp_error(r, 404, req_text(r, "admin.analytics.no_article"));
		return;
	}
	dashboard(r, id);
}
