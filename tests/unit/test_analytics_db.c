/* test_analytics_db: first-party counts' store functions (analytics_db.c, migration 035), each test on
 * SQLite and on PostgreSQL (fixture.h): upserts add up, a batch is written whole or not at all, totals, rows,
 * and which articles a beacon may count. */
#include "fixture.h"
#include "store/analytics.h"

static struct analytics_row row(int64_t article, const char *event, const char *referrer,
				const char *profession, int64_t n)
{
	return (struct analytics_row){"", 1, article, event, referrer, profession, "", "", n};
}

static void set_day(struct analytics_row *r, const char *day)
{
	snprintf(r->day, sizeof r->day, "%s", day);
}

static int64_t total(struct fx *f, const char *from, const char *to, const char *event, int64_t article)
{
	int64_t t = -1;
	CHECK(store_analytics_total(f->s, 1, from, to, event, article, &t) == 0);
	return t;
}

static void test_upserts_add_up(struct fx *f)
{
	struct analytics_row rows[3] = {row(7, "view", "", "", 3), row(7, "view", "news.example", "", 1),
					row(7, "read", "", "physician", 1)};
	for (int i = 0; i < 3; i++)
		set_day(&rows[i], "2026-12-01");
	CHECK(store_analytics_add(f->s, rows, 3) == 0);
	CHECK(store_analytics_add(f->s, rows, 2) == 0); /* the same keys again: added to */
	set_day(&rows[0], "2026-12-02");
	CHECK(store_analytics_add(f->s, rows, 1) == 0);
	CHECK(total(f, "2026-12-01", "2026-12-01", "view", 7) == 8);
	CHECK(total(f, "2026-12-01", "2026-12-02", "view", 7) == 11);
	CHECK(total(f, "2026-12-01", "2026-12-31", NULL, -2) == 12);
	CHECK(total(f, "2026-12-02", "2026-12-31", "read", -2) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM analytics_count") == 4);
	struct analytics_row *got;
	size_t n = 0;
	CHECK(store_analytics_rows(f->s, &f->pool, 1, "2026-12-01", "2026-12-01", &got, &n) == 0);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(got[0].event, "read");
		CHECK_STR(got[0].profession, "physician");
		CHECK_STR(got[1].referrer, "");
		CHECK(got[1].n == 6);
		CHECK_STR(got[2].referrer, "news.example");
		CHECK(got[2].n == 2);
	}
	CHECK(store_analytics_add(f->s, rows, 0) == 0);
}

/* a row that cannot be written takes the whole batch with it */
static void test_a_batch_is_whole_or_nothing(struct fx *f)
{
	struct analytics_row rows[3] = {row(1, "view", "", "", 5), row(2, "view", "", "", 5),
					row(3, NULL, "", "", 5)}; /* no event: NOT NULL */
	for (int i = 0; i < 3; i++)
		set_day(&rows[i], "2026-12-01");
	CHECK(store_analytics_add(f->s, rows, 3) == -1);
	CHECK(fx_int(f, "SELECT count(*) FROM analytics_count") == 0);
	CHECK(store_analytics_add(f->s, rows, 2) == 0); /* and the connection works on */
	CHECK(total(f, "2026-12-01", "2026-12-01", "view", -2) == 10);
}

static void test_beacon_articles(struct fx *f)
{
	int64_t published =
	    fx_int(f, "SELECT min(id) FROM article WHERE site_id = 1 AND status = 'published'");
	int64_t other = fx_int(f, "SELECT min(id) FROM article WHERE site_id = 2 AND status = 'published'");
	int64_t max = fx_int(f, "SELECT max(id) FROM article");
	CHECK(published > 0 && other > 0);
	int64_t hcp = fx_int(f, "SELECT min(id) FROM article WHERE site_id = 1 AND status = 'published' AND "
				"audience = 'hcp'");
	CHECK(hcp > 0);
	fx_sql(f, "UPDATE article SET audience = 'public' WHERE id = %lld", (long long)published);
	CHECK(store_analytics_article_ok(f->s, 1, published, AUDIENCE_PUBLIC) == 1);
	CHECK(store_analytics_article_ok(f->s, 1, other, AUDIENCE_VERIFIED_HCP) == 0);
	CHECK(store_analytics_article_ok(f->s, 2, other, AUDIENCE_VERIFIED_HCP) == 1);
	CHECK(store_analytics_article_ok(f->s, 1, max + 1, AUDIENCE_PUBLIC) == 0);
	/* an article for healthcare professionals: read by them, only its teaser shown to others */
	CHECK(store_analytics_article_ok(f->s, 1, hcp, AUDIENCE_MEMBERS) == 0);
	CHECK(store_analytics_article_ok(f->s, 1, hcp, AUDIENCE_HCP) == 1);
	fx_sql(f, "UPDATE article SET status = 'draft' WHERE id = %lld", (long long)published);
	CHECK(store_analytics_article_ok(f->s, 1, published, AUDIENCE_PUBLIC) == 0);
	fx_sql(f, "UPDATE article SET status = 'published', published_at = 4102444800 WHERE id = %lld",
	       (long long)published); /* not yet: 2100 */
	CHECK(store_analytics_article_ok(f->s, 1, published, AUDIENCE_PUBLIC) == 0);
}

int main(void)
{
	fx_run("upserts add up; totals and rows", FX_EMPTY, test_upserts_add_up);
	fx_run("a batch is written whole or not at all", FX_EMPTY, test_a_batch_is_whole_or_nothing);
	fx_run("a beacon counts only a published article of its site", FX_DEMO, test_beacon_articles);
	return unit_done("analytics_db");
}
