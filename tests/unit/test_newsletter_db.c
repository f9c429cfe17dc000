/* test_newsletter_db: the editors' newsletters (newsletter_db.c, migration 027), each test on SQLite and on
 * PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/accounts.h"
#include "store/subscriptions.h"
#include "store/newsletters.h"

/* The ids of the site's first n articles by id (any status). */
static size_t articles_of(struct fx *f, int64_t site, int64_t *ids, size_t n)
{
	size_t got = 0;
	int64_t after = 0;
	while (got < n) {
		int64_t id =
		    fx_int(f, "SELECT COALESCE(min(id), 0) FROM article WHERE site_id = %lld AND id > %lld",
			   (long long)site, (long long)after);
		if (id <= 0)
			break;
		ids[got++] = after = id;
	}
	return got;
}

static void test_drafts_saved_within_limits(struct fx *f)
{
	store *s = f->s;
	int64_t a[3];
	CHECK(articles_of(f, f->site, a, 3) == 3);
	int64_t order[] = {a[2], a[0]};
	struct newsletter_edit e = {.site_id = f->site,
				    .subject = "ASCO highlights",
				    .intro = "Hello *readers*",
				    .articles = order,
				    .narticles = 2};
	int64_t id = 0;
	CHECK(store_newsletter_save(s, &e, 0, &id) == SAVE_OK && id > 0);
	struct newsletter n;
	CHECK(store_newsletter_by_id(s, &f->pool, f->site, id, &n) == 1);
	CHECK_STR(n.subject, "ASCO highlights");
	CHECK_STR(n.intro, "Hello *readers*");
	CHECK_STR(n.state, "draft");
	CHECK(n.send_at == 0 && n.sent_at == 0 && n.created_at > 0);
	struct article *xs;
	size_t k = 0;
	CHECK(store_newsletter_articles(s, &f->pool, id, &xs, &k) == 0 && k == 2);
	CHECK(k == 2 && xs[0].id == a[2] && xs[1].id == a[0] && xs[0].slug[0] && xs[0].title[0]);
	/* the order and the set change with a save */
	int64_t again[] = {a[1], a[2], a[0]};
	e.id = id;
	e.articles = again;
	e.narticles = 3;
	e.subject = "ASCO highlights, week 2";
	int64_t same = 0;
	CHECK(store_newsletter_save(s, &e, 0, &same) == SAVE_OK && same == id);
	CHECK(store_newsletter_articles(s, &f->pool, id, &xs, &k) == 0 && k == 3 && xs[0].id == a[1]);
	/* the limits: an empty or overlong subject, an overlong intro, a repeated article, too many */
	char big[NEWSLETTER_MAX_INTRO + 2];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	struct newsletter_edit bad = e;
	bad.subject = "";
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_ERROR);
	bad.subject = "Two\nlines";
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_ERROR);
	bad.subject = "A\ttab";
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_ERROR);
	big[NEWSLETTER_MAX_SUBJECT + 1] = '\0';
	bad.subject = big;
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_ERROR);
	big[NEWSLETTER_MAX_SUBJECT] = '\0';
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_OK); /* 200 bytes is within */
	big[NEWSLETTER_MAX_SUBJECT] = big[NEWSLETTER_MAX_SUBJECT + 1] = 'x';
	bad = e;
	bad.intro = big;
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_ERROR);
	big[NEWSLETTER_MAX_INTRO] = '\0';
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_OK);
	bad = e;
	int64_t twice[] = {a[0], a[0]};
	bad.articles = twice;
	bad.narticles = 2;
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_ERROR);
	int64_t many[NEWSLETTER_MAX_ARTICLES + 1];
	for (size_t i = 0; i < NEWSLETTER_MAX_ARTICLES + 1; i++)
		many[i] = a[0] + (int64_t)i;
	bad.articles = many;
	bad.narticles = NEWSLETTER_MAX_ARTICLES + 1;
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_ERROR);
	/* another site's article, an unknown one, and another site's newsletter are not found */
	int64_t foreign =
	    fx_int(f, "SELECT COALESCE(min(id), 0) FROM article WHERE site_id <> %lld", (long long)f->site);
	if (foreign > 0) {
		bad.articles = &foreign;
		bad.narticles = 1;
		CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_NOT_FOUND);
	}
	int64_t unknown = 99999999;
	bad.articles = &unknown;
	bad.narticles = 1;
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_NOT_FOUND);
	/* a refused save changed nothing */
	CHECK(store_newsletter_articles(s, &f->pool, id, &xs, &k) == 0 && k == 3);
	bad = e;
	bad.site_id = f->site + 1000;
	CHECK(store_newsletter_save(s, &bad, 0, &same) == SAVE_NOT_FOUND);
	CHECK(store_newsletter_by_id(s, &f->pool, f->site + 1000, id, &n) == 0);
	struct newsletter *list;
	CHECK(store_newsletters(s, &f->pool, f->site, &list, &k) == 0 && k == 1 && list[0].id == id);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE action LIKE 'newsletter.%%'") >= 2);
}

static void test_scheduled_cancelled_and_sent_once(struct fx *f)
{
	store *s = f->s;
	int64_t a[1];
	CHECK(articles_of(f, f->site, a, 1) == 1);
	struct newsletter_edit e = {.site_id = f->site, .subject = "Weekly", .articles = a, .narticles = 1};
	int64_t id = 0;
	CHECK(store_newsletter_save(s, &e, 0, &id) == SAVE_OK);
	int64_t now = store_now();
	/* the past and now are refused; the future is taken */
	CHECK(store_newsletter_schedule(s, f->site, id, now - 60, 0) == SAVE_CONFLICT);
	CHECK(store_newsletter_schedule(s, f->site, id, now, 0) == SAVE_CONFLICT);
	CHECK(store_newsletter_schedule(s, f->site, id + 1000, now + 60, 0) == SAVE_NOT_FOUND);
	CHECK(store_newsletter_cancel(s, f->site, id, 0) ==
	      SAVE_CONFLICT); /* a draft has nothing to cancel */
	CHECK(store_newsletter_schedule(s, f->site, id, now + 3600, 0) == SAVE_OK);
	struct newsletter n;
	CHECK(store_newsletter_by_id(s, &f->pool, f->site, id, &n) == 1 && n.send_at == now + 3600);
	CHECK_STR(n.state, "scheduled");
	int64_t due = 0, site = 0;
	CHECK(store_newsletter_due(s, now, &due, &site) == 0);
	CHECK(store_newsletter_cancel(s, f->site, id, 0) == SAVE_OK);
	CHECK(store_newsletter_by_id(s, &f->pool, f->site, id, &n) == 1 && n.send_at == 0);
	CHECK_STR(n.state, "draft");
	CHECK(store_newsletter_schedule(s, f->site, id, now + 60, 0) == SAVE_OK);
	CHECK(store_newsletter_due(s, now + 59, &due, &site) == 0);
	CHECK(store_newsletter_due(s, now + 60, &due, &site) == 1 && due == id && site == f->site);

	/* recipients: confirmed subscribers only, with their account's level fields */
	int64_t plain = store_subscriber_ensure(s, f->site, "plain@example.org", 0, 1);
	int64_t waiting = store_subscriber_ensure(s, f->site, "waiting@example.org", 0, 0);
	struct user u = {.email = "doc@example.org",
			 .password_hash = "h",
			 .name = "D",
			 .profession = "physician",
			 .hcp_declared = 1};
	int64_t user = store_user_create(s, &u, 1);
	int64_t doc = store_subscriber_ensure(s, f->site, "doc@example.org", user, 1);
	CHECK(plain > 0 && waiting > 0 && doc > 0 && user > 0);
	struct newsletter_recipient *rs;
	size_t k = 0;
	CHECK(store_newsletter_recipients(s, &f->pool, f->site, 0, &rs, &k) == 0 && k == 2);
	CHECK(k == 2 && rs[0].subscriber_id == plain && rs[0].user.id == 0 && rs[1].subscriber_id == doc);
	CHECK(k == 2 && rs[1].user.id == user && rs[1].user.email_verified == 1 &&
	      rs[1].user.hcp_declared == 1);
	CHECK_STR(k == 2 ? rs[1].user.profession : "", "physician");
	CHECK_STR(k == 2 ? rs[1].user.hcp_status : "", "none");
	CHECK(store_newsletter_recipients(s, &f->pool, f->site, doc, &rs, &k) == 0 && k == 0);

	/* the send: claimed in a batch, recipients recorded, marked sent; a second claim finds nothing */
	CHECK(store_batch_begin(s) == 0);
	CHECK(store_newsletter_claim(s, id, now + 59) == 0); /* not due yet */
	CHECK(store_newsletter_claim(s, id, now + 60) == 1);
	CHECK(store_newsletter_recipient_add(s, id, plain, "plain@example.org") == 0);
	CHECK(store_newsletter_recipient_add(s, id, doc, "doc@example.org") == 0);
	CHECK(store_newsletter_sent(s, id, 2) == 0);
	CHECK(store_batch_end(s, 1) == 0);
	CHECK(store_newsletter_claim(s, id, now + 60) == 0);
	CHECK(store_newsletter_due(s, now + 60, &due, &site) == 0);
	CHECK(store_newsletter_by_id(s, &f->pool, f->site, id, &n) == 1 && n.recipients == 2 &&
	      n.sent_at > 0);
	CHECK_STR(n.state, "sent");
	CHECK(n.unsubscribed == 0);
	/* a sent newsletter is not edited, scheduled or cancelled again */
	e.id = id;
	int64_t same = 0;
	CHECK(store_newsletter_save(s, &e, 0, &same) == SAVE_CONFLICT);
	CHECK(store_newsletter_schedule(s, f->site, id, now + 600, 0) == SAVE_CONFLICT);
	CHECK(store_newsletter_cancel(s, f->site, id, 0) == SAVE_CONFLICT);
	/* one unsubscribes: counted since */
	CHECK(store_subscriber_delete(s, plain) == 1);
	CHECK(store_newsletter_by_id(s, &f->pool, f->site, id, &n) == 1 && n.unsubscribed == 1);
	struct newsletter *list;
	CHECK(store_newsletters(s, &f->pool, f->site, &list, &k) == 0 && k == 1 && list[0].unsubscribed == 1);
}

static void test_a_rolled_back_send_leaves_it_scheduled(struct fx *f)
{
	store *s = f->s;
	struct newsletter_edit e = {.site_id = f->site, .subject = "Crash"};
	int64_t id = 0, now = store_now();
	CHECK(store_newsletter_save(s, &e, 0, &id) == SAVE_OK);
	CHECK(store_newsletter_schedule(s, f->site, id, now + 10, 0) == SAVE_OK);
	CHECK(store_batch_begin(s) == 0);
	CHECK(store_newsletter_claim(s, id, now + 10) == 1);
	CHECK(store_newsletter_recipient_add(s, id, 1, "x@example.org") == 0);
	CHECK(store_batch_end(s, 0) == 0); /* as a crash before the commit */
	struct newsletter n;
	CHECK(store_newsletter_by_id(s, &f->pool, f->site, id, &n) == 1);
	CHECK_STR(n.state, "scheduled");
	CHECK(fx_int(f, "SELECT count(*) FROM newsletter_recipient WHERE newsletter_id = %lld",
		     (long long)id) == 0);
}

/* The other visible members of a listed article's family, with their languages; a draft member is not one. */
static void test_members_of_the_listed_families(struct fx *f)
{
	store *s = f->s;
	/* the demo's article 1 (English) and its French and Dutch translations; a listed translation stands
	 * for its family too */
	int64_t fr = fx_int(f, "SELECT id FROM article WHERE family_id = 1 AND lang = 'fr'"),
		nl = fx_int(f, "SELECT id FROM article WHERE family_id = 1 AND lang = 'nl'");
	CHECK(fr > 0 && nl > 0);
	int64_t order[] = {nl, 2};
	struct newsletter_edit e = {
	    .site_id = f->site, .subject = "Families", .intro = "", .articles = order, .narticles = 2};
	int64_t id = 0;
	CHECK(store_newsletter_save(s, &e, 0, &id) == SAVE_OK && id > 0);
	int64_t *listed;
	struct article *m;
	size_t n = 0;
	CHECK(store_newsletter_members(s, &f->pool, id, &listed, &m, &n) == 0);
	CHECK(n == 2);
	if (n == 2) {
		CHECK(listed[0] == nl && listed[1] == nl);
		CHECK(m[0].id == 1 && m[1].id == fr);
		CHECK_STR(m[0].lang, "en"); /* an original without a language has its site's */
		CHECK_STR(m[1].lang, "fr");
		CHECK(m[1].slug[0] && m[1].title[0]);
	}
	CHECK(fx_sql(f, "UPDATE article SET status = 'draft' WHERE id = %lld", (long long)fr) == 0);
	CHECK(store_newsletter_members(s, &f->pool, id, &listed, &m, &n) == 0);
	CHECK(n == 1 && m[0].id == 1);
}

int main(void)
{
	fx_run("newsletters are saved as drafts within their limits", FX_DEMO,
	       test_drafts_saved_within_limits);
	fx_run("a newsletter is scheduled, cancelled and sent once", FX_DEMO,
	       test_scheduled_cancelled_and_sent_once);
	fx_run("a send rolled back leaves the newsletter scheduled", FX_DEMO,
	       test_a_rolled_back_send_leaves_it_scheduled);
	fx_run("a newsletter's families are read with their languages", FX_DEMO,
	       test_members_of_the_listed_families);
	fx_done();
	return unit_done("test_newsletter_db");
}
