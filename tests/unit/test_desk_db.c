/* test_desk_db: the desk's store functions (desk_db.c): the calendar's range and statuses, and presence marks
 * (refreshed, others only, stale ones left out, another site's left out), on SQLite and on PostgreSQL. */
#include "fixture.h"
#include "store/accounts.h"
#include "store/desk.h"

static int64_t add_user(struct fx *f, const char *email, const char *name)
{
	struct user u = {.email = email, .password_hash = "h", .name = name, .profession = "physician"};
	int64_t id = store_user_create(f->s, &u, 1);
	CHECK(id > 0);
	return id;
}

static void calendar_range_and_statuses(struct fx *f)
{
	/* three articles of the first site placed in June 2031, one each of scheduled, published and draft */
	int64_t a = fx_int(f, "SELECT min(id) FROM article WHERE site_id = %lld", (long long)f->site);
	CHECK(fx_sql(f,
		     "UPDATE article SET status = 'scheduled', published_at = 1938900000 WHERE id = %lld; "
		     "UPDATE article SET status = 'published', published_at = 1938800000 WHERE id = %lld; "
		     "UPDATE article SET status = 'draft', published_at = 1938850000 WHERE id = %lld",
		     (long long)a, (long long)a + 1, (long long)a + 2) == 0);
	struct calendar_item *xs;
	size_t n;
	CHECK(store_calendar(f->s, &f->pool, f->site, 1938700000, 1939000000, 100, &xs, &n) == 0);
	CHECK(n == 2);
	if (n == 2) {
		CHECK(xs[0].id == a + 1 && xs[0].at == 1938800000);
		CHECK_STR(xs[0].status, "published");
		CHECK(xs[1].id == a && xs[1].at == 1938900000);
		CHECK_STR(xs[1].status, "scheduled");
		CHECK(xs[1].title[0] && xs[1].section[0]);
	}
	/* [from, to): the end is left out, the limit holds */
	CHECK(store_calendar(f->s, &f->pool, f->site, 1938700000, 1938900000, 100, &xs, &n) == 0 && n == 1);
	CHECK(store_calendar(f->s, &f->pool, f->site, 1938700000, 1939000000, 1, &xs, &n) == 0 && n == 1);
	CHECK(store_calendar(f->s, &f->pool, f->site + 1000, 1938700000, 1939000000, 100, &xs, &n) == 0 &&
	      n == 0);
}

static void presence_marks(struct fx *f)
{
	int64_t bea = add_user(f, "bea@example.org", "Bea"), carl = add_user(f, "carl@example.org", "");
	int64_t a = fx_int(f, "SELECT min(id) FROM article WHERE site_id = %lld", (long long)f->site);
	int64_t elsewhere =
	    fx_int(f, "SELECT min(id) FROM article WHERE site_id <> %lld", (long long)f->site);
	CHECK(store_presence_mark(f->s, a, bea) == 0);
	CHECK(store_presence_mark(f->s, a, bea) == 0); /* a refresh, not a second row */
	CHECK(store_presence_mark(f->s, a, carl) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM article_presence") == 2);
	struct presence *ps;
	size_t n;
	CHECK(store_presence_others(f->s, &f->pool, a, bea, 0, &ps, &n) == 0 && n == 1);
	if (n == 1)
		CHECK_STR(ps[0].name, "carl@example.org"); /* no name: the email */
	CHECK(store_presence_others(f->s, &f->pool, a, carl, 0, &ps, &n) == 0 && n == 1);
	if (n == 1)
		CHECK_STR(ps[0].name, "Bea");
	/* stale marks are left out; an hour old they are deleted at the next mark */
	CHECK(fx_sql(f, "UPDATE article_presence SET seen_at = seen_at - 300 WHERE user_id = %lld",
		     (long long)carl) == 0);
	CHECK(store_presence_others(f->s, &f->pool, a, bea, store_now() - 120, &ps, &n) == 0 && n == 0);
	CHECK(store_presence_site(f->s, &f->pool, f->site, 0, store_now() - 120, &ps, &n) == 0 && n == 1);
	CHECK(fx_sql(f, "UPDATE article_presence SET seen_at = seen_at - 4000 WHERE user_id = %lld",
		     (long long)carl) == 0);
	if (elsewhere > 0)
		CHECK(store_presence_mark(f->s, elsewhere, carl) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM article_presence WHERE article_id = %lld AND user_id = %lld",
		     (long long)a, (long long)carl) == 0);
	/* another site's article is not in this site's list */
	CHECK(store_presence_site(f->s, &f->pool, f->site, bea, 0, &ps, &n) == 0 && n == 0);
	CHECK(store_presence_leave(f->s, a, bea) == 0);
	CHECK(store_presence_site(f->s, &f->pool, f->site, 0, 0, &ps, &n) == 0 && n == 0);
}

int main(void)
{
	fx_run("calendar: range and statuses", FX_DEMO, calendar_range_and_statuses);
	fx_run("presence: marks, others, stale", FX_DEMO, presence_marks);
	fx_done();
	return unit_done("test_desk_db");
}
