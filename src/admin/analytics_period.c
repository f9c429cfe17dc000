/* analytics_period: a report's period read from the query (last 7, 30 or 90 days, or from and to), checked,
 * and numbers written the way the reader's language groups them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "admin/analytics.h"
#include "core/buf.h"
#include "http/lang.h"

#define DAY 86400

void report_day(int64_t t, char out[11])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

/* Unix seconds of a "YYYY-MM-DD" day's UTC midnight: 1, or 0 when it is no such day. */
static int parse_day(const char *s, int64_t *t)
{
	if (!s || strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	struct tm tm = {0};
	tm.tm_year = atoi(s) - 1900;
	tm.tm_mon = atoi(s + 5) - 1;
	tm.tm_mday = atoi(s + 8);
	if (tm.tm_year < 0 || tm.tm_mon < 0 || tm.tm_mon > 11 || tm.tm_mday < 1)
		return 0;
	time_t tt = timegm(&tm);
	char back[11];
	report_day((int64_t)tt, back);
	if (strcmp(back, s) != 0) /* 2026-02-30 comes back as 2026-03-02 */
		return 0;
	*t = (int64_t)tt;
	return 1;
}

int report_period_read(struct request *r, struct report_period *p)
{
	memset(p, 0, sizeof *p);
	const char *from = req_query(r, "from"), *to = req_query(r, "to"), *days = req_query(r, "days");
	int64_t today = (int64_t)time(NULL) / DAY * DAY;
	if ((from && from[0]) || (to && to[0])) {
		p->from_value = from ? from : "";
		p->to_value = to ? to : "";
		int64_t a = 0, b = 0;
		if (!parse_day(p->from_value, &a))
			p->from_error = req_text(r, "admin.analytics.error_date");
		if (!parse_day(p->to_value, &b))
			p->to_error = req_text(r, "admin.analytics.error_date");
		if (p->from_error || p->to_error)
			return 0;
		if (a > b) {
			p->to_error = req_text(r, "admin.analytics.error_order");
			return 0;
		}
		if ((b - a) / DAY + 1 > REPORT_MAX_DAYS) {
			char max[16];
			snprintf(max, sizeof max, "%d", REPORT_MAX_DAYS);
			p->to_error = req_textf(r, "admin.analytics.error_long", "max", max, NULL);
			return 0;
		}
		p->start = a;
		p->until = b + DAY;
	} else {
		p->preset = days && strcmp(days, "7") == 0 ? 7 : days && strcmp(days, "90") == 0 ? 90 : 30;
		p->start = today - (int64_t)(p->preset - 1) * DAY;
		p->until = today + DAY;
	}
	p->days = (int)((p->until - p->start) / DAY);
	report_day(p->start, p->from);
	report_day(p->until - DAY, p->to);
	if (!p->from_value) {
		p->from_value = mem_strndup(r->pool, p->from, 10);
		p->to_value = mem_strndup(r->pool, p->to, 10);
	}
	return 1;
}

void report_period_view(struct request *r, view *v, const struct report_period *p)
{
	(void)r;
	view_str(v, "period_from", p->from_value ? p->from_value : "");
	view_str(v, "period_to", p->to_value ? p->to_value : "");
	view_bool(v, "has_from_error", p->from_error != NULL);
	view_str(v, "from_error", p->from_error ? p->from_error : "");
	view_bool(v, "has_to_error", p->to_error != NULL);
	view_str(v, "to_error", p->to_error ? p->to_error : "");
	view_bool(v, "preset_7", p->preset == 7);
	view_bool(v, "preset_30", p->preset == 30);
	view_bool(v, "preset_90", p->preset == 90);
	view_int(v, "days", p->days);
}

const char *report_number(struct request *r, int64_t n)
{
	char digits[32];
	snprintf(digits, sizeof digits, "%lld", (long long)(n < 0 ? -n : n));
	const char *sep = req_text(r, "admin.analytics.thousands");
	buf b;
	buf_init(&b, r->pool);
	if (n < 0)
		buf_addc(&b, '-');
	size_t len = strlen(digits);
	for (size_t i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf_adds(&b, sep);
		buf_addc(&b, digits[i]);
	}
	return buf_cstr(&b);
}

const char *report_rate(struct request *r, int64_t reads, int64_t views)
{
	if (views <= 0)
		return "\u2013";
	long long tenths = (long long)((double)reads * 1000.0 / (double)views + 0.5);
	char whole[48];
	snprintf(whole, sizeof whole, "%lld%s%lld", tenths / 10, req_text(r, "admin.analytics.decimal"),
		 tenths % 10);
	return req_textf(r, "admin.analytics.percent", "rate", whole, NULL);
}
