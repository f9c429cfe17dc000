/* calendar: a month of the site's scheduled and published articles, weeks from Monday, in the site's zone. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/zone.h"
#include "http/lang.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "store/desk.h"

#define CALENDAR_MAX 1000 /* articles one month shows at most */

/* the catalog's month names (date.month.1 to 12) */
static const char *const month_keys[] = {"date.month.1", "date.month.2",  "date.month.3",  "date.month.4",
					 "date.month.5", "date.month.6",  "date.month.7",  "date.month.8",
					 "date.month.9", "date.month.10", "date.month.11", "date.month.12"};

/* "June 2026" as the request's language writes a month */
static const char *month_label(struct request *r, int year, int month)
{
	char y[16];
	snprintf(y, sizeof y, "%d", year);
	return req_textf(r, "admin.calendar.month", "month", req_text(r, month_keys[month - 1]), "year", y,
			 NULL);
}

/* "2026-06" to year and month; 0 when it is not a month from 1970 to 9998 */
static int read_month(const char *s, int *year, int *month)
{
	if (!s || strlen(s) != 7 || s[4] != '-')
		return 0;
	for (int i = 0; i < 7; i++)
		if (i != 4 && (s[i] < '0' || s[i] > '9'))
			return 0;
	*year = atoi(s);
	*month = atoi(s + 5);
	return *year >= 1970 && *year <= 9998 && *month >= 1 && *month <= 12;
}

static void month_link(struct request *r, view *v, const char *name, int year, int month)
{
	if (month == 0)
		year--, month = 12;
	else if (month == 13)
		year++, month = 1;
	view *l = view_obj(v, name);
	view_fmt(l, "month", "%04d-%02d", year, month);
	view_str(l, "label", month_label(r, year, month));
	view_bool(v, name[0] == 'p' ? "has_prev" : "has_next", year >= 1970 && year <= 9998);
}

void admin_calendar(struct request *r)
{
	int year = 0, month = 0, day, weekday;
	const char *asked = req_query(r, "month");
	if (asked && asked[0] && !read_month(asked, &year, &month)) {
		resp_error(r, 400, req_text(r, "admin.calendar.error_month"));
		return;
	}
	int64_t now = store_now();
	int today_y, today_m, today_d;
	zone_day(now, &today_y, &today_m, &today_d, &weekday);
	if (!asked || !asked[0])
		year = today_y, month = today_m;
	int64_t from = zone_day_start(year, month, 1), to = zone_day_start(year, month + 1, 1);
	struct calendar_item *items;
	size_t n;
	if (store_calendar(r->w->db, r->pool, r->site->id, from, to, CALENDAR_MAX, &items, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	const char *label = month_label(r, year, month);
	view *v = layout_view(r, req_textf(r, "admin.calendar.title", "month", label, NULL));
	view_str(v, "zone", zone_name());
	view_str(v, "month_label", label);
	month_link(r, v, "prev", year, month - 1);
	month_link(r, v, "next", year, month + 1);
	view_bool(v, "full", n == CALENDAR_MAX);
	view_int(v, "count", (long long)n);
	int y, m, first_weekday;
	zone_day(from, &y, &m, &day, &first_weekday);
	int days = 0; /* days in the month: the last day's number */
	zone_day(to - 1, &y, &m, &days, &weekday);
	view *weeks = view_list(v, "weeks");
	view *week = NULL, *cells = NULL;
	size_t next = 0;
	for (int cell = 0; cell < first_weekday + days || cell % 7; cell++) {
		if (cell % 7 == 0) {
			week = view_push(weeks);
			cells = view_list(week, "days");
		}
		view *c = view_push(cells);
		int d = cell - first_weekday + 1;
		int in = d >= 1 && d <= days;
		view_bool(c, "in_month", in);
		if (!in)
			continue;
		view_int(c, "day", d);
		view_fmt(c, "date", "%04d-%02d-%02d", year, month, d);
		view_bool(c, "today", year == today_y && month == today_m && d == today_d);
		view *list = view_list(c, "articles");
		size_t had = next;
		while (next < n) {
			int iy, im, id, iw;
			zone_day(items[next].at, &iy, &im, &id, &iw);
			if (id != d)
				break;
			view *x = view_push(list);
			char clock[32];
			zone_clock(items[next].at, clock, sizeof clock);
			view_int(x, "id", (long long)items[next].id);
			view_str(x, "title", items[next].title);
			view_str(x, "status", items[next].status);
			view_str(x, "status_label", admin_value_label(r, "status", items[next].status));
			view_str(x, "section", items[next].section);
			view_str(x, "time", clock);
			view_bool(x, "scheduled", strcmp(items[next].status, "scheduled") == 0);
			next++;
		}
		view_bool(c, "has_articles", next > had);
	}
	resp_page(r, 200, "admin/calendar", v, 0);
}
