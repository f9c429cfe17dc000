/* trial: the trials index and a trial's record with every article about it, across congresses, in time order.
 */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "http/lang.h"
#include "http/response.h"
#include "render/markdown.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "store/desk.h"

#define TRIAL_ARTICLES_MAX 200

void trial_index(struct request *r)
{
	struct trial *ts;
	size_t n;
	if (store_trials(r->w->db, r->pool, r->site->id, &ts, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "trials.title"));
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "trials.title")},
		   *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	view *list = view_list(v, "trials");
	for (size_t i = 0; i < n; i++) {
		if (!ts[i].article_count)
			continue; /* a trial nobody may read about yet stays unlisted */
		view *x = view_push(list);
		view_str(x, "slug", ts[i].slug);
		view_str(x, "name", ts[i].name);
		view_str(x, "registry_id", ts[i].registry_id);
		view_str(x, "phase", ts[i].phase);
		view_str(x, "setting", ts[i].setting);
		view_int(x, "count", (long long)ts[i].article_count);
		view_bool(x, "one", ts[i].article_count == 1);
	}
	view_bool(v, "empty", view_len(list) == 0);
	resp_page(r, 200, "trials", v, 1);
}

/* A registry id links to its registry when Plenary knows the registry by its prefix. */
static const char *registry_url(struct request *r, const char *id)
{
	buf b;
	buf_init(&b, r->pool);
	size_t n = strlen(id);
	int plain = n > 3 && n < 40;
	for (size_t i = 0; i < n && plain; i++)
		plain = (id[i] >= 'A' && id[i] <= 'Z') || (id[i] >= '0' && id[i] <= '9') || id[i] == '-';
	if (plain && strncmp(id, "NCT", 3) == 0)
		buf_printf(&b, "https://clinicaltrials.gov/study/%s", id);
	else if (plain && strncmp(id, "EUCTR", 5) == 0)
		buf_printf(&b, "https://www.clinicaltrialsregister.eu/ctr-search/search?query=%s", id + 5);
	return b.len ? buf_cstr(&b) : "";
}

void trial_page(struct request *r)
{
	struct trial_edit t;
	int found = store_trial_by_slug(r->w->db, r->pool, r->site->id, r->params[0], &t);
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "errors.no_trial"));
		return;
	}
	struct article_filter f = {.site_id = r->site->id, .trial_id = t.id};
	languages_filter(r, &f);
	struct article *as;
	size_t n, total;
	if (store_articles(r->w->db, r->pool, &f, 0, TRIAL_ARTICLES_MAX, &as, &n, &total) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	if (n == 0) { /* nothing published about it: the record alone would say what is under embargo */
		resp_error(r, 404, req_text(r, "errors.no_trial"));
		return;
	}
	const char *title = req_textf(r, "trial.title", "trial", t.name, NULL);
	view *v = layout_view(r, title);
	char feed_base[256];
	snprintf(feed_base, sizeof feed_base, "/trial/%s", t.slug);
	view_feed(v, title, feed_base);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "trials.title"), t.name},
		   *urls[] = {"/", "/trials", NULL};
	view_breadcrumbs(v, labels, urls, 3);
	view *x = view_obj(v, "trial");
	view_str(x, "name", t.name);
	view_str(x, "slug", t.slug);
	view_str(x, "aliases", t.aliases);
	view_str(x, "registry_id", t.registry_id);
	view_str(x, "registry_url", registry_url(r, t.registry_id));
	const char *names[] = {"phase", "setting", "population", "arms", "primary_endpoint", "status"};
	const char *values[] = {t.phase, t.setting, t.population, t.arms, t.primary_endpoint, t.status};
	for (size_t i = 0; i < 6; i++)
		view_str(x, names[i], values[i]);
	buf md;
	buf_init(&md, r->pool);
	md_render(&md, t.results, strlen(t.results));
	view_html(x, "results_html", md.p ? md.p : "", md.len);
	view_bool(x, "has_results", t.results[0] != 0);
	view_str(x, "url", req_site_url(r, r->site));
	/* oldest first: the trial's story from first report to latest update */
	view *list = view_list(v, "articles");
	view_card_images(r, as, n);
	for (size_t i = n; i-- > 0;)
		view_article_card(r, list, &as[i]);
	view_int(v, "count", (long long)total);
	view_bool(v, "one", total == 1);
	view_bool(v, "more", total > n);
	resp_page(r, 200, "trial", v, 1);
}
