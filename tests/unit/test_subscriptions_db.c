/* test_subscriptions_db: readers' subscribers and subscriptions (subscriptions_db.c, migration 024), each
 * test on SQLite and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/accounts.h"
#include "store/structure.h"
#include "store/subscriptions.h"

static int64_t first(struct fx *f, const char *table)
{
	return fx_int(f, "SELECT min(id) FROM %s WHERE site_id = %lld", table, (long long)f->site);
}

static void test_subscriber_made_once_and_confirmed(struct fx *f)
{
	store *s = f->s;
	int64_t a = store_subscriber_ensure(s, f->site, "Reader@Example.ORG", 0, 0);
	CHECK(a > 0);
	/* the same address whatever the case of its letters is the same subscriber */
	CHECK(store_subscriber_ensure(s, f->site, "reader@example.org", 0, 0) == a);
	struct subscriber b;
	CHECK(store_subscriber_by_id(s, &f->pool, a, &b) == 1);
	CHECK_STR(b.email, "reader@example.org");
	CHECK(b.confirmed_at == 0 && b.user_id == 0 && b.site_id == f->site);
	CHECK(store_subscriber_confirm(s, a) == 1);
	CHECK(store_subscriber_confirm(s, a) == 0);
	CHECK(store_subscriber_by_id(s, &f->pool, a, &b) == 1 && b.confirmed_at > 0);
	CHECK(store_subscriber_confirm(s, a + 1000) == -1);
	CHECK(store_subscriber_by_id(s, &f->pool, a + 1000, &b) == 0);
	/* an account's: linked and confirmed at once when its email is verified */
	struct user u = {
	    .email = "acc@example.org", .password_hash = "h", .name = "A", .profession = "nurse"};
	int64_t user = store_user_create(s, &u, 1);
	int64_t c = store_subscriber_ensure(s, f->site, "acc@example.org", user, 0);
	CHECK(c > 0 && c != a);
	CHECK(store_subscriber_of_user(s, &f->pool, f->site, user, &b) == 1 && b.id == c &&
	      b.confirmed_at == 0);
	CHECK(store_subscriber_ensure(s, f->site, "acc@example.org", user, 1) == c);
	CHECK(store_subscriber_of_user(s, &f->pool, f->site, user, &b) == 1 && b.confirmed_at > 0);
	/* empty and overlong addresses are refused */
	char big[300];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	CHECK(store_subscriber_ensure(s, f->site, "", 0, 0) == -1);
	CHECK(store_subscriber_ensure(s, f->site, big, 0, 0) == -1);
	/* the account deleted takes its subscriber */
	CHECK(store_user_delete(s, user) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM subscriber WHERE id = %lld", (long long)c) == 0);
}

static void test_subscriptions_added_changed_removed(struct fx *f)
{
	store *s = f->s;
	int64_t a = store_subscriber_ensure(s, f->site, "r@example.org", 0, 0);
	int64_t section = first(f, "section"), congress = first(f, "congress"), trial = first(f, "trial"),
		tag = first(f, "tag");
	CHECK(section > 0 && congress > 0 && trial > 0 && tag > 0);
	CHECK(store_subscription_add(s, a, "section", section, "immediate") == SAVE_OK);
	CHECK(store_subscription_add(s, a, "congress", congress, "weekly") == SAVE_OK);
	CHECK(store_subscription_add(s, a, "trial", trial, "weekly") == SAVE_OK);
	CHECK(store_subscription_add(s, a, "topic", tag, "immediate") == SAVE_OK);
	/* the same target again changes its cadence, no second row */
	CHECK(store_subscription_add(s, a, "section", section, "weekly") == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM subscription WHERE subscriber_id = %lld", (long long)a) == 4);
	CHECK(fx_int(f, "SELECT count(*) FROM subscription WHERE section_id = %lld AND cadence = 'weekly'",
		     (long long)section) == 1);
	/* unknown kinds, cadences and targets, and another site's, are refused */
	CHECK(store_subscription_add(s, a, "article", section, "weekly") == SAVE_NOT_FOUND);
	CHECK(store_subscription_add(s, a, "section", section, "daily") == SAVE_NOT_FOUND);
	CHECK(store_subscription_add(s, a, "section", 999999, "weekly") == SAVE_NOT_FOUND);
	CHECK(store_subscription_add(s, a, "congress", section + 999999, "weekly") == SAVE_NOT_FOUND);
	int64_t other = fx_int(f, "SELECT min(id) FROM section WHERE site_id <> %lld", (long long)f->site);
	if (other > 0)
		CHECK(store_subscription_add(s, a, "section", other, "weekly") == SAVE_NOT_FOUND);
	struct subscription *xs;
	size_t n = 0;
	CHECK(store_subscriptions_of(s, &f->pool, a, &xs, &n) == 0 && n == 4);
	CHECK_STR(n ? xs[0].kind : "", "congress");
	CHECK(n && xs[0].target_id == congress && xs[0].target_name[0]);
	/* cadence and removal only of the subscriber's own */
	int64_t b = store_subscriber_ensure(s, f->site, "other@example.org", 0, 0);
	CHECK(store_subscription_cadence(s, b, xs[0].id, "immediate") == SAVE_NOT_FOUND);
	CHECK(store_subscription_cadence(s, a, xs[0].id, "hourly") == SAVE_NOT_FOUND);
	CHECK(store_subscription_cadence(s, a, xs[0].id, "immediate") == SAVE_OK);
	CHECK(store_subscription_remove(s, b, xs[0].id) == SAVE_NOT_FOUND);
	CHECK(store_subscription_remove(s, a, xs[0].id) == SAVE_OK);
	CHECK(store_subscription_remove(s, a, xs[0].id) == SAVE_NOT_FOUND);
	CHECK(store_subscriptions_of(s, &f->pool, a, &xs, &n) == 0 && n == 3);
	/* a target deleted takes its subscriptions */
	CHECK(store_tag_delete(s, f->site, tag, 0) == SAVE_OK);
	CHECK(store_subscriptions_of(s, &f->pool, a, &xs, &n) == 0 && n == 2);
	/* unsubscribing from everything takes the subscriber and its subscriptions */
	CHECK(store_subscriber_delete(s, a) == 1);
	CHECK(store_subscriber_delete(s, a) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM subscription") == 0);
}

static void test_at_most_the_limit(struct fx *f)
{
	store *s = f->s;
	int64_t a = store_subscriber_ensure(s, f->site, "many@example.org", 0, 0);
	/* tags enough for more than the limit */
	for (int i = 0; i < SUBSCRIPTIONS_MAX + 1; i++)
		CHECK(fx_sql(f, "INSERT INTO tag (site_id, slug, name) VALUES (%lld, 'lim-%d', 'Lim %d')",
			     (long long)f->site, i, i) == 0);
	int64_t low = fx_int(f, "SELECT min(id) FROM tag WHERE slug LIKE 'lim-%%'");
	int ok = 0;
	for (int i = 0; i < SUBSCRIPTIONS_MAX; i++)
		ok += store_subscription_add(s, a, "topic", low + i, "weekly") == SAVE_OK;
	CHECK(ok == SUBSCRIPTIONS_MAX);
	int64_t last = fx_int(f, "SELECT max(id) FROM tag WHERE slug LIKE 'lim-%%'");
	CHECK(store_subscription_add(s, a, "topic", last, "weekly") == SAVE_CONFLICT);
	/* changing one already held is no new subscription */
	CHECK(store_subscription_add(s, a, "topic", low, "immediate") == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM subscription") == SUBSCRIPTIONS_MAX);
}

static void test_targets_of_a_site(struct fx *f)
{
	struct subscription_target *ts;
	size_t n = 0;
	CHECK(store_subscription_targets(f->s, &f->pool, f->site, &ts, &n) == 0);
	int64_t want =
	    fx_int(f,
		   "SELECT (SELECT count(*) FROM section WHERE site_id = %1$lld) + (SELECT count(*) FROM "
		   "congress WHERE site_id = %1$lld) + (SELECT count(*) FROM trial WHERE site_id = "
		   "%1$lld) + (SELECT count(*) FROM tag WHERE site_id = %1$lld)",
		   (long long)f->site);
	CHECK(want > 0 && (int64_t)n == want);
	CHECK_STR(n ? ts[0].kind : "", "section");
	CHECK_STR(n ? ts[n - 1].kind : "", "topic");
}

int main(void)
{
	fx_run("a subscriber is made once per address and confirmed", FX_DEMO,
	       test_subscriber_made_once_and_confirmed);
	fx_run("subscriptions are added, changed and removed", FX_DEMO,
	       test_subscriptions_added_changed_removed);
	fx_run("a subscriber has at most SUBSCRIPTIONS_MAX", FX_DEMO, test_at_most_the_limit);
	fx_run("a site's targets to subscribe to", FX_DEMO, test_targets_of_a_site);
	fx_done();
	return unit_done("test_subscriptions_db");
}
