/* test_analytics_report_db: the reports' reads of the counts (analytics_report_db.c), each test on SQLite and
 * on PostgreSQL (fixture.h): days with every event, the per-article breakdown into articles, sections and
 * congresses, the audience with its accounts, and the sponsor's and one article's filters. */
#include "fixture.h"
#include "store/analytics_report.h"

static void seed(struct fx *f, const char *day, int64_t site, int64_t article, const char *event,
		 const char *referrer, const char *profession, const char *country, int64_t n)
{
	fx_sql(
	    f,
	    "INSERT INTO analytics_count (day, site_id, article_id, event, referrer, profession, specialty, "
	    "country, n) VALUES ('%s', %lld, %lld, '%s', '%s', '%s', '', '%s', %lld)",
	    day, (long long)site, (long long)article, event, referrer, profession, country, (long long)n);
}

static void seed_all(struct fx *f)
{
	seed(f, "2026-11-30", 1, 1, "view", "", "", "", 1000); /* the day before the period */
	seed(f, "2026-12-01", 1, 1, "view", "", "", "", 5);
	seed(f, "2026-12-01", 1, 1, "view", "news.example", "physician", "Zembla", 7);
	seed(f, "2026-12-01", 1, 1, "read", "", "physician", "Zembla", 3);
	seed(f, "2026-12-01", 1, 2, "view", "", "nurse", "", 4);
	seed(f, "2026-12-03", 1, 2, "play", "", "", "", 2);
	seed(f, "2026-12-03", 1, 2, "feed", "", "", "", 6);
	seed(f, "2026-12-03", 1, 0, "mail", "", "", "", 8);
	seed(f, "2026-12-03", 1, 0, "view", "", "", "", 9);    /* a page that is no article */
	seed(f, "2026-12-03", 2, 1, "view", "", "", "", 500);  /* another site */
	seed(f, "2026-12-08", 1, 1, "view", "", "", "", 1000); /* the day after */
}

static const struct report_filter whole = {1, "2026-12-01", "2026-12-07", 0, 0};

static void test_days_sum_every_event(struct fx *f)
{
	seed_all(f);
	struct report_line *xs;
	size_t n = 0;
	CHECK(store_report_lines(f->s, &f->pool, &whole, REPORT_DAYS, 0, &xs, &n) == 0);
	CHECK(n == 2);
	if (n != 2)
		return;
	CHECK_STR(xs[0].label, "2026-12-01");
	CHECK(xs[0].views == 16 && xs[0].reads == 3 && xs[0].plays == 0 && xs[0].kind == REPORT_DAYS);
	CHECK_STR(xs[1].label, "2026-12-03");
	CHECK(xs[1].views == 9 && xs[1].plays == 2 && xs[1].feed == 6 && xs[1].mail == 8);
	struct report_line *rs;
	CHECK(store_report_lines(f->s, &f->pool, &whole, REPORT_REFERRERS, 10, &rs, &n) == 0);
	CHECK(n == 1 && strcmp(rs[0].label, "news.example") == 0 && rs[0].views == 7);
}

static void test_breakdown_articles_sections_congresses(struct fx *f)
{
	seed_all(f);
	struct report_line *xs;
	size_t n = 0;
	CHECK(store_report_lines(f->s, &f->pool, &whole, REPORT_ARTICLES, 10, &xs, &n) == 0);
	int64_t article_views = 0, section_views = 0, articles = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK(i == 0 || xs[i - 1].kind <= xs[i].kind);
		if (xs[i].kind == REPORT_ARTICLES) {
			articles++;
			article_views += xs[i].views;
			CHECK(xs[i].label[0] != '\0'); /* the article's title */
		}
		if (xs[i].kind == REPORT_SECTIONS)
			section_views += xs[i].views;
	}
	CHECK(articles == 2);
	CHECK(article_views == 16 && section_views == 16); /* article 0 is no article */
	CHECK(xs[0].kind == REPORT_ARTICLES && xs[0].id == 1 && xs[0].views == 12 && xs[0].reads == 3);
	CHECK(xs[1].id == 2 && xs[1].views == 4 && xs[1].plays == 2);
	/* the limit bounds the articles only */
	CHECK(store_report_lines(f->s, &f->pool, &whole, REPORT_ARTICLES, 1, &xs, &n) == 0);
	size_t sections = 0;
	articles = 0;
	for (size_t i = 0; i < n; i++) {
		articles += xs[i].kind == REPORT_ARTICLES;
		sections += xs[i].kind == REPORT_SECTIONS;
	}
	CHECK(articles == 1 && sections >= 1);
}

static void test_audience_with_accounts(struct fx *f)
{
	seed_all(f);
	int64_t physicians = fx_int(f, "SELECT count(*) FROM \"user\" WHERE profession = 'physician'");
	struct report_line *xs;
	size_t n = 0;
	CHECK(store_report_lines(f->s, &f->pool, &whole, REPORT_PROFESSION, 0, &xs, &n) == 0);
	int seen = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK(xs[i].kind >= REPORT_PROFESSION && xs[i].kind <= REPORT_COUNTRY);
		if (xs[i].kind == REPORT_PROFESSION && strcmp(xs[i].label, "physician") == 0) {
			CHECK(xs[i].views == 7 && xs[i].accounts == physicians);
			seen++;
		}
		if (xs[i].kind == REPORT_PROFESSION && xs[i].label[0] == '\0') {
			CHECK(xs[i].views == 14 && xs[i].accounts == 0);
			seen++;
		}
		if (xs[i].kind == REPORT_COUNTRY && strcmp(xs[i].label, "Zembla") == 0) {
			CHECK(xs[i].views == 7 && xs[i].accounts == 0);
			seen++;
		}
		if (xs[i].kind == REPORT_SPECIALTY) {
			CHECK(xs[i].label[0] == '\0' && xs[i].views == 25);
			seen++;
		}
	}
	CHECK(seen == 4);
}

static void test_sponsor_and_article_filters(struct fx *f)
{
	seed_all(f);
	int64_t sponsor = fx_int(f, "SELECT sponsor_id FROM article_sponsor WHERE article_id = 1");
	struct report_filter by_sponsor = whole;
	by_sponsor.sponsor_id = sponsor;
	struct report_line *xs;
	size_t n = 0;
	CHECK(store_report_lines(f->s, &f->pool, &by_sponsor, REPORT_DAYS, 0, &xs, &n) == 0);
	CHECK(n == 1 && xs[0].views == 12); /* article 2 is another sponsor's */
	CHECK(store_report_sponsor_articles(f->s, &f->pool, &by_sponsor, 4102444800LL, &xs, &n) == 0);
	int64_t supported =
	    fx_int(f,
		   "SELECT count(*) FROM article_sponsor x JOIN article a ON a.id = x.article_id "
		   "WHERE x.sponsor_id = %lld AND a.site_id = 1 AND a.status IN ('published', "
		   "'scheduled', 'archived')",
		   (long long)sponsor);
	CHECK((int64_t)n == supported && n >= 2);
	if (n >= 2) {
		CHECK(xs[0].id == 1 && xs[0].views == 12 && xs[0].reads == 3);
		CHECK(xs[1].views == 0); /* supported, not counted: listed with 0 */
	}
	struct report_filter one = whole;
	one.article_id = 2;
	CHECK(store_report_lines(f->s, &f->pool, &one, REPORT_DAYS, 0, &xs, &n) == 0);
	CHECK(n == 2 && xs[0].views == 4 && xs[1].plays == 2 && xs[1].feed == 6 && xs[1].mail == 0);
	const char *title = NULL;
	CHECK(store_report_article_title(f->s, &f->pool, 1, 1, &title) == 1 && title && title[0]);
	CHECK(store_report_article_title(f->s, &f->pool, 2, 1, &title) == 0); /* another site's */
}

int main(void)
{
	fx_run("days sum every event; referrers", FX_DEMO, test_days_sum_every_event);
	fx_run("one read gives articles, sections and congresses", FX_DEMO,
	       test_breakdown_articles_sections_congresses);
	fx_run("the audience's values with the accounts holding them", FX_DEMO, test_audience_with_accounts);
	fx_run("a sponsor's and one article's counts", FX_DEMO, test_sponsor_and_article_filters);
	return unit_done("analytics_report_db");
}
