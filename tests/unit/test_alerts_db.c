/* test_alerts_db: what alert batches and weekly digests cover and who receives them (alerts_db.c, 026),
 * each test on SQLite and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/accounts.h"
#include "store/subscriptions.h"
#include "store/alerts.h"

/* Three of the site's articles made public 100 s ago (a, b, c by id), one scheduled later and one draft
 * with a recent date: only the three are pending. */
static void recent(struct fx *f, int64_t ids[3])
{
	int64_t now = store_now();
	for (int i = 0; i < 3; i++)
		ids[i] =
		    fx_int(f,
			   "SELECT id FROM article WHERE site_id = %lld AND status = 'published' ORDER BY id "
			   "LIMIT 1 OFFSET %d",
			   (long long)f->site, i);
	fx_sql(f, "UPDATE article SET published_at = %lld - 100 + id - %lld WHERE id IN (%lld, %lld, %lld)",
	       (long long)now, (long long)ids[0], (long long)ids[0], (long long)ids[1], (long long)ids[2]);
	fx_sql(
	    f,
	    "UPDATE article SET status = 'scheduled', published_at = %lld + 1000 WHERE id = (SELECT max(id) "
	    "FROM article WHERE site_id = %lld)",
	    (long long)now, (long long)f->site);
	fx_sql(f,
	       "UPDATE article SET status = 'draft', published_at = %lld - 50 WHERE id = (SELECT max(id) - 1 "
	       "FROM article WHERE site_id = %lld)",
	       (long long)now, (long long)f->site);
}

static int64_t subscriber(struct fx *f, const char *email, int confirmed, int64_t user)
{
	int64_t id = store_subscriber_ensure(f->s, f->site, email, user, confirmed);
	CHECK(id > 0);
	return id;
}

static void subscribe(struct fx *f, int64_t who, const char *kind, int64_t target, const char *cadence)
{
	CHECK(store_subscription_add(f->s, who, kind, target, cadence) == SAVE_OK);
}

static void test_batch_covers_once(struct fx *f)
{
	store *s = f->s;
	int64_t ids[3];
	recent(f, ids);
	struct alert_pending *p;
	size_t n = 0;
	CHECK(store_alert_pending(s, &f->pool, &p, &n) == 0 && n == 1);
	CHECK(n == 1 && p[0].site_id == f->site && p[0].count == 3 && p[0].oldest < p[0].newest);
	/* one article public for longer than ALERT_MAX_AGE (an import's past) is never pending */
	fx_sql(f, "UPDATE article SET published_at = %lld WHERE id = %lld",
	       (long long)(store_now() - ALERT_MAX_AGE - 5), (long long)ids[2]);
	CHECK(store_alert_pending(s, &f->pool, &p, &n) == 0 && n == 1 && p[0].count == 2);
	/* rolled back: pending again */
	int64_t batch = 0;
	CHECK(store_alert_batch_begin(s, f->site, &batch) == 1 && batch > 0);
	CHECK(store_alert_batch_end(s, batch, 0, 0) == 0);
	CHECK(store_alert_pending(s, &f->pool, &p, &n) == 0 && n == 1 && p[0].count == 2);
	CHECK(fx_int(f, "SELECT count(*) FROM alert_batch") == 0);
	/* committed: covered, and a second batch finds nothing */
	CHECK(store_alert_batch_begin(s, f->site, &batch) == 1);
	struct article *arts;
	CHECK(store_alert_batch_articles(s, &f->pool, batch, &arts, &n) == 0 && n == 2);
	CHECK(n == 2 && arts[0].id == ids[0] && arts[1].id == ids[1] && arts[0].slug[0]);
	CHECK(store_alert_batch_end(s, batch, 7, 1) == 0);
	CHECK(fx_int(f, "SELECT mails FROM alert_batch WHERE id = %lld", (long long)batch) == 7);
	CHECK(fx_int(f, "SELECT articles FROM alert_batch WHERE id = %lld", (long long)batch) == 2);
	CHECK(store_alert_pending(s, &f->pool, &p, &n) == 0 && n == 0);
	int64_t again = 0;
	CHECK(store_alert_batch_begin(s, f->site, &again) == 0);
	/* an article covered stays covered when it is saved again, unpublished and published */
	fx_sql(f, "UPDATE article SET status = 'draft' WHERE id = %lld", (long long)ids[0]);
	fx_sql(f, "UPDATE article SET status = 'published' WHERE id = %lld", (long long)ids[0]);
	CHECK(store_alert_pending(s, &f->pool, &p, &n) == 0 && n == 0);
	/* an article unpublished after its batch began is not among the batch's articles */
	fx_sql(f, "UPDATE article SET status = 'draft' WHERE id = %lld", (long long)ids[1]);
	CHECK(store_alert_batch_articles(s, &f->pool, batch, &arts, &n) == 0 && n == 1 &&
	      arts[0].id == ids[0]);
}

static void test_recipients(struct fx *f)
{
	store *s = f->s;
	int64_t ids[3];
	recent(f, ids);
	int64_t sec0 = fx_int(f, "SELECT section_id FROM article WHERE id = %lld", (long long)ids[0]);
	int64_t other_sec = fx_int(
	    f,
	    "SELECT min(id) FROM section WHERE site_id = %lld AND id <> %lld AND id NOT IN (SELECT "
	    "section_id FROM article WHERE id IN (%lld, %lld, %lld))",
	    (long long)f->site, (long long)sec0, (long long)ids[0], (long long)ids[1], (long long)ids[2]);
	int64_t tag = fx_int(f, "SELECT min(id) FROM tag WHERE site_id = %lld", (long long)f->site);
	fx_sql(f, "DELETE FROM article_tag WHERE tag_id = %lld", (long long)tag);
	fx_sql(f, "INSERT INTO article_tag (article_id, tag_id) VALUES (%lld, %lld)", (long long)ids[2],
	       (long long)tag);
	int64_t a = subscriber(f, "a@example.org", 1, 0);
	subscribe(f, a, "section", sec0, "immediate");
	int64_t b = subscriber(f, "b@example.org", 0, 0); /* unconfirmed: nothing */
	subscribe(f, b, "section", sec0, "immediate");
	int64_t c = subscriber(f, "c@example.org", 1, 0); /* weekly: not in alerts */
	subscribe(f, c, "section", sec0, "weekly");
	int64_t d = subscriber(f, "d@example.org", 1, 0); /* matches ids[2] by topic, and by section */
	subscribe(f, d, "topic", tag, "immediate");
	subscribe(f, d, "section", sec0, "immediate");
	int64_t e = subscriber(f, "e@example.org", 1, 0); /* another section: nothing */
	if (other_sec > 0)
		subscribe(f, e, "section", other_sec, "immediate");
	struct user u = {.email = "hcp@example.org",
			 .password_hash = "h",
			 .name = "H",
			 .profession = "nurse",
			 .hcp_declared = 1,
			 .hcp_status = "none"};
	int64_t uid = store_user_create(s, &u, 1);
	CHECK(uid > 0);
	fx_sql(f, "UPDATE \"user\" SET hcp_declared = 1 WHERE id = %lld", (long long)uid);
	int64_t h = subscriber(f, "hcp@example.org", 1, uid);
	subscribe(f, h, "section", sec0, "immediate");
	/* by congress and by trial: the second article only */
	int64_t congress = fx_int(f, "SELECT min(id) FROM congress WHERE site_id = %lld", (long long)f->site);
	int64_t trial = fx_int(f, "SELECT min(id) FROM trial WHERE site_id = %lld", (long long)f->site);
	fx_sql(f, "UPDATE article SET congress_id = NULL, trial_id = NULL WHERE id IN (%lld, %lld)",
	       (long long)ids[0], (long long)ids[2]);
	fx_sql(f, "UPDATE article SET congress_id = %lld, trial_id = %lld WHERE id = %lld",
	       (long long)congress, (long long)trial, (long long)ids[1]);
	int64_t by_congress = subscriber(f, "congress@example.org", 1, 0);
	subscribe(f, by_congress, "congress", congress, "immediate");
	int64_t by_trial = subscriber(f, "trial@example.org", 1, 0);
	subscribe(f, by_trial, "trial", trial, "immediate");
	int64_t batch = 0;
	CHECK(store_alert_batch_begin(s, f->site, &batch) == 1);
	struct alert_recipient *r;
	size_t n = 0;
	CHECK(store_alert_recipients(s, &f->pool, batch, &r, &n) == 0);
	int seen_congress = 0, seen_trial = 0;
	for (size_t i = 0; i < n; i++) {
		if (r[i].subscriber_id == by_congress)
			seen_congress += r[i].article_id == ids[1] ? 1 : 100;
		if (r[i].subscriber_id == by_trial)
			seen_trial += r[i].article_id == ids[1] ? 1 : 100;
	}
	CHECK(seen_congress == 1 && seen_trial == 1);
	int seen_a = 0, seen_d = 0, seen_h = 0;
	int64_t last = 0;
	for (size_t i = 0; i < n; i++) {
		CHECK(r[i].subscriber_id >= last); /* grouped by subscriber */
		last = r[i].subscriber_id;
		CHECK(r[i].subscriber_id != b && r[i].subscriber_id != c && r[i].subscriber_id != e);
		seen_a += r[i].subscriber_id == a;
		seen_h += r[i].subscriber_id == h;
		if (r[i].subscriber_id == d) {
			seen_d++;
			CHECK(r[i].article_id != ids[2] || seen_d >= 1);
		}
		if (r[i].subscriber_id == a)
			CHECK(r[i].user.id == 0 && user_audience(NULL) == AUDIENCE_PUBLIC);
		if (r[i].subscriber_id == h) {
			CHECK(r[i].user.id == uid);
			CHECK(user_audience(&r[i].user) == AUDIENCE_HCP);
		}
	}
	int64_t in_sec0 =
	    fx_int(f, "SELECT count(*) FROM article WHERE id IN (%lld, %lld, %lld) AND section_id = %lld",
		   (long long)ids[0], (long long)ids[1], (long long)ids[2], (long long)sec0);
	int64_t sec0_or_tag = fx_int(f,
				     "SELECT count(*) FROM article WHERE id IN (%lld, %lld, %lld) AND "
				     "(section_id = %lld OR id = %lld)",
				     (long long)ids[0], (long long)ids[1], (long long)ids[2], (long long)sec0,
				     (long long)ids[2]);
	CHECK(seen_a == in_sec0 && seen_h == in_sec0);
	CHECK(seen_d == sec0_or_tag); /* each article once, though two subscriptions match it */
	CHECK(store_alert_batch_end(s, batch, 0, 1) == 0);
}

static void test_digest_once_a_week(struct fx *f)
{
	store *s = f->s;
	int64_t ids[3];
	recent(f, ids);
	int64_t sec0 = fx_int(f, "SELECT section_id FROM article WHERE id = %lld", (long long)ids[0]);
	int64_t w = subscriber(f, "w@example.org", 1, 0);
	subscribe(f, w, "section", sec0, "weekly");
	int64_t i = subscriber(f, "i@example.org", 1, 0);
	subscribe(f, i, "section", sec0, "immediate");
	int64_t now = store_now();
	CHECK(store_digest_begin(s, f->site, "2026-50") == 1);
	struct article *arts;
	size_t n = 0;
	CHECK(store_digest_articles(s, &f->pool, f->site, now - 7 * 86400, now, &arts, &n) == 0 && n >= 3);
	CHECK(n >= 3 && arts[0].published_at >= arts[n - 1].published_at); /* newest first */
	struct alert_recipient *r;
	size_t nr = 0;
	CHECK(store_digest_recipients(s, &f->pool, f->site, now - 7 * 86400, now, &r, &nr) == 0 && nr > 0);
	for (size_t k = 0; k < nr; k++)
		CHECK(r[k].subscriber_id == w);
	CHECK(store_digest_end(s, f->site, "2026-50", (int64_t)nr, 1) == 0);
	/* the same week again: nothing to do; another week: yes */
	CHECK(store_digest_begin(s, f->site, "2026-50") == 0);
	CHECK(store_digest_begin(s, f->site, "2026-51") == 1);
	CHECK(store_digest_end(s, f->site, "2026-51", 0, 0) == 0);
	CHECK(store_digest_begin(s, f->site, "2026-51") == 1);
	CHECK(store_digest_end(s, f->site, "2026-51", 0, 1) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM digest_run") == 2);
	/* the week's articles end at until: nothing published after the moment */
	CHECK(store_digest_articles(s, &f->pool, f->site, now - 7 * 86400, now - 200, &arts, &n) == 0);
	for (size_t k = 0; k < n; k++)
		CHECK(arts[k].published_at < now - 200);
}

static void test_levels(void)
{
	struct user u = {.id = 1, .hcp_status = "none", .profession = "not_hcp"};
	CHECK(user_audience(NULL) == AUDIENCE_PUBLIC);
	CHECK(user_audience(&u) == AUDIENCE_PUBLIC); /* address not verified */
	u.email_verified = 1;
	CHECK(user_audience(&u) == AUDIENCE_MEMBERS);
	u.hcp_declared = 1; /* but not a healthcare profession */
	CHECK(user_audience(&u) == AUDIENCE_MEMBERS);
	u.profession = "physician";
	CHECK(user_audience(&u) == AUDIENCE_HCP);
	u.hcp_status = "verified";
	CHECK(user_audience(&u) == AUDIENCE_VERIFIED_HCP);
	u.email_verified = 0;
	CHECK(user_audience(&u) == AUDIENCE_PUBLIC);
}

int main(void)
{
	RUN(test_levels);
	fx_run("a batch covers pending articles once", FX_DEMO, test_batch_covers_once);
	fx_run("a batch's recipients: confirmed, immediate, matching, each pair once", FX_DEMO,
	       test_recipients);
	fx_run("a digest is made once per site and week", FX_DEMO, test_digest_once_a_week);
	fx_done();
	return unit_done("test_alerts_db");
}
