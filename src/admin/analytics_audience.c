/* analytics_audience: an audience by profession, specialty or country folded into groups of at least k
 * accounts and k counts (analytics_min_group), so that no reader can be singled out; the rest is "Other". */
#include <stdio.h>
#include <string.h>

#include "admin/analytics.h"
#include "http/lang.h"
#include "http/worker.h"

/* A profession is stored as its code: the words of the sign-up form's list. */
static const char *value_label(struct request *r, enum report_kind kind, const char *value)
{
	if (kind != REPORT_PROFESSION)
		return value;
	static const char *const codes[] = {"physician", "nurse", "pharmacist", "other_hcp", "not_hcp"};
	for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++)
		if (strcmp(value, codes[i]) == 0) {
			char key[64];
			snprintf(key, sizeof key, "forms.profession.%s", codes[i]);
			return req_text(r, key);
		}
	return value;
}

size_t audience_fold(struct request *r, enum report_kind kind, const struct report_line *in, size_t n, int k,
		     struct audience_line **out)
{
	struct audience_line *xs = h2o_mem_alloc_pool(r->pool, sizeof(struct audience_line) * (n + 2));
	size_t m = 0;
	int64_t other = 0, anonymous = 0;
	int any_anonymous = 0;
	for (size_t i = 0; i < n; i++) {
		if (in[i].kind != (int)kind)
			continue;
		if (!in[i].label[0]) {
			anonymous += in[i].views;
			any_anonymous = 1;
		} else if (in[i].accounts >= k && in[i].views >= k) {
			xs[m++] = (struct audience_line){value_label(r, kind, in[i].label),
							 report_number(r, in[i].views), in[i].views, 0};
		} else {
			other += in[i].views;
		}
	}
	if (any_anonymous)
		xs[m++] = (struct audience_line){req_text(r, "admin.analytics.not_signed_in"),
						 report_number(r, anonymous), anonymous, 0};
	if (other >= k) {
		xs[m++] = (struct audience_line){req_text(r, "admin.analytics.other"),
						 report_number(r, other), other, 0};
	} else if (other > 0) {
		char kk[16];
		snprintf(kk, sizeof kk, "%d", k);
		xs[m++] =
		    (struct audience_line){req_text(r, "admin.analytics.other"),
					   req_textf(r, "admin.analytics.fewer_than", "k", kk, NULL), 0, 1};
	}
	*out = xs;
	return m;
}

int audience_read(struct request *r, const struct report_filter *f, struct audience_set *a)
{
	struct report_line *lines;
	size_t n;
	if (store_report_lines(r->w->db, r->pool, f, REPORT_PROFESSION, 0, &lines, &n) != 0)
		return -1;
	for (int d = 0; d < 3; d++)
		a->n[d] = audience_fold(r, (enum report_kind)(REPORT_PROFESSION + d), lines, n,
					r->app->cfg.analytics_min_group, &a->lines[d]);
	return 0;
}

void audience_view(view *v, const struct audience_set *a)
{
	static const char *const names[] = {"professions", "specialties", "countries"};
	for (int d = 0; d < 3; d++) {
		view *list = view_list(v, names[d]);
		for (size_t i = 0; i < a->n[d]; i++) {
			view *x = view_push(list);
			view_str(x, "label", a->lines[d][i].label);
			view_str(x, "count", a->lines[d][i].count);
		}
	}
}
