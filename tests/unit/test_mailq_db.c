/* test_mailq_db: the durable mail queue and the suppression list (mailq_db.c, migration 025), each test on
 * SQLite and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/db.h"
#include "store/mailq.h"

static struct mail_item item(struct fx *f, const char *to, const char *dedupe)
{
	return (struct mail_item){.site_id = f->site,
				  .kind = "alert",
				  .dedupe = dedupe,
				  .to = to,
				  .subject = "ASCO 2025: 12 new interviews",
				  .text = "Hello\n",
				  .html = "<p>Hello</p>",
				  .unsubscribe_url = "https://example.org/unsubscribe?t=abc"};
}

static void test_put_and_dedupe(struct fx *f)
{
	store *s = f->s;
	struct mail_item m = item(f, "Reader@Example.org", "alert:1:reader");
	CHECK(store_mail_put(s, &m) == 1);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE state = 'queued' AND to_addr = "
			"'Reader@Example.org' AND html_body = '<p>Hello</p>' AND attempts = 0") == 1);
	/* the same key again (a batch re-run after a crash) queues nothing */
	CHECK(store_mail_put(s, &m) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue") == 1);
	/* keys may be absent as often as one likes */
	struct mail_item a = item(f, "a@example.org", NULL), b = item(f, "a@example.org", NULL);
	a.html = NULL;
	a.unsubscribe_url = NULL;
	a.site_id = 0;
	CHECK(store_mail_put(s, &a) == 1 && store_mail_put(s, &b) == 1);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE dedupe IS NULL") == 2);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE site_id IS NULL AND html_body IS NULL") == 1);
	/* joins the caller's transaction: rolled back with it */
	struct db *d = db_of(s);
	CHECK(db_begin(d) == 0);
	struct mail_item c = item(f, "c@example.org", "c");
	CHECK(store_mail_put(s, &c) == 1);
	CHECK(db_rollback(d) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE dedupe = 'c'") == 0);
}

static void test_refused_fields(struct fx *f)
{
	store *s = f->s;
	static char big[MAIL_BODY_MAX + 2], subject[MAIL_SUBJECT_MAX + 2];
	memset(big, 'a', sizeof big - 1);
	memset(subject, 's', sizeof subject - 1);
	struct mail_item m;
	const char *bad_to[] = {"",
				"a@b",
				"two@example.org, three@example.org",
				"a@example.org\r\nBcc: x@y.org",
				"<a@example.org>",
				"Name <a@example.org>",
				"é@example.org",
				NULL};
	for (int i = 0; i < (int)(sizeof bad_to / sizeof *bad_to); i++) {
		m = item(f, bad_to[i], NULL);
		CHECK(store_mail_put(s, &m) == -1);
	}
	m = item(f, "a@example.org", NULL);
	m.subject = "Line\r\nBcc: x@example.org";
	CHECK(store_mail_put(s, &m) == -1);
	m.subject = subject; /* 999 bytes */
	CHECK(store_mail_put(s, &m) == -1);
	subject[MAIL_SUBJECT_MAX] = '\0'; /* 998 */
	CHECK(store_mail_put(s, &m) == 1);
	m = item(f, "a@example.org", NULL);
	m.text = NULL;
	CHECK(store_mail_put(s, &m) == -1);
	m.text = big; /* 2 MiB + 1 */
	CHECK(store_mail_put(s, &m) == -1);
	m.text = "x";
	m.html = big;
	CHECK(store_mail_put(s, &m) == -1);
	m.html = "\xff\xfe";
	CHECK(store_mail_put(s, &m) == -1);
	m = item(f, "a@example.org", NULL);
	m.unsubscribe_url = "javascript:alert(1)";
	CHECK(store_mail_put(s, &m) == -1);
	m.unsubscribe_url = "https://x.org/u\r\nX: y";
	CHECK(store_mail_put(s, &m) == -1);
	m = item(f, "a@example.org", NULL);
	m.kind = NULL;
	CHECK(store_mail_put(s, &m) == -1);
	m.kind = "Alert'; --";
	CHECK(store_mail_put(s, &m) == -1);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue") == 1);
}

static void test_suppressed_not_queued(struct fx *f)
{
	store *s = f->s;
	struct mail_item m = item(f, "Gone@Example.org", "g1");
	CHECK(store_mail_put(s, &m) == 1);
	CHECK(store_mail_suppressed(s, "gone@example.org") == 0);
	CHECK(store_mail_suppress(s, "GONE@example.ORG", "bounce", "5.1.1 user unknown\r\nX") == 1);
	CHECK(store_mail_suppress(s, "gone@example.org", "smtp", "again") == 0);
	CHECK(store_mail_suppress(s, "x@example.org", "whim", "") == -1);
	CHECK(store_mail_suppress(s, "not an address", "admin", "") == -1);
	CHECK(store_mail_suppressed(s, "gone@example.org") == 1);
	CHECK(store_mail_suppressed(s, "Gone@Example.Org") == 1);
	CHECK_STR(fx_text(f, "SELECT email || '|' || source || '|' || reason FROM mail_suppression"),
		  "gone@example.org|bounce|5.1.1 user unknown  X");
	/* its queued message will not go, and nothing new is queued for it, whatever the case */
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE dedupe = 'g1' AND state = 'suppressed'") == 1);
	m = item(f, "gone@EXAMPLE.org", "g2");
	CHECK(store_mail_put(s, &m) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue") == 1);
	/* lifted, mail goes again */
	CHECK(store_mail_unsuppress(s, "Gone@example.org") == 1);
	CHECK(store_mail_unsuppress(s, "gone@example.org") == 0);
	CHECK(store_mail_suppressed(s, "gone@example.org") == 0);
	CHECK(store_mail_put(s, &m) == 1);
}

static void test_counts(struct fx *f)
{
	store *s = f->s;
	char to[64];
	for (int i = 0; i < 7; i++) {
		snprintf(to, sizeof to, "r%d@example.org", i);
		struct mail_item m = item(f, to, NULL);
		m.kind = "newsletter";
		m.campaign_id = 42;
		CHECK(store_mail_put(s, &m) == 1);
	}
	struct mail_item other = item(f, "r0@example.org", NULL);
	other.campaign_id = 43;
	CHECK(store_mail_put(s, &other) == 1);
	CHECK(fx_sql(f, "UPDATE mail_queue SET state = 'sent' WHERE campaign_id = 42 AND to_addr IN "
			"('r0@example.org', 'r1@example.org', 'r2@example.org')") == 0);
	CHECK(fx_sql(f, "UPDATE mail_queue SET state = 'failed' WHERE to_addr = 'r3@example.org'") == 0);
	CHECK(fx_sql(f, "UPDATE mail_queue SET state = 'sending' WHERE to_addr = 'r4@example.org'") == 0);
	CHECK(store_mail_suppress(s, "r5@example.org", "admin", "asked") == 1);
	struct mail_counts c;
	CHECK(store_mail_counts(s, 42, &c) == 0);
	CHECK(c.sent == 3 && c.failed == 1 && c.suppressed == 1 && c.queued == 2);
	CHECK(store_mail_counts(s, 43, &c) == 0);
	CHECK(c.queued == 1 && c.sent == 0 && c.failed == 0 && c.suppressed == 0);
	CHECK(store_mail_counts(s, 44, &c) == 0);
	CHECK(c.queued == 0 && c.sent == 0);
}

static void test_claim_send_retry_recover(struct fx *f)
{
	store *s = f->s;
	char to[64];
	for (int i = 0; i < 5; i++) {
		snprintf(to, sizeof to, "c%d@example.org", i);
		struct mail_item m = item(f, to, NULL);
		CHECK(store_mail_put(s, &m) == 1);
	}
	struct mail_item later = item(f, "later@example.org", NULL);
	later.not_before = store_now() + 3600;
	CHECK(store_mail_put(s, &later) == 1);
	CHECK(store_mail_suppress(s, "c4@example.org", "admin", "") == 1);
	/* a row suppressed after it was queued (by another node, say) is not handed out */
	CHECK(fx_sql(f, "UPDATE mail_queue SET state = 'queued' WHERE to_addr = 'c4@example.org'") == 0);
	struct mail_row *rows;
	size_t n = 0;
	CHECK(store_mail_claim(s, &f->pool, "node-a", 3, &rows, &n) == 0 && n == 3);
	CHECK_STR(n ? rows[0].to : "", "c0@example.org");
	CHECK_STR(n ? rows[0].html : "", "<p>Hello</p>");
	CHECK(
	    fx_int(f, "SELECT count(*) FROM mail_queue WHERE state = 'sending' AND claimed_by = 'node-a'") ==
	    3);
	/* the next claim takes the rest that is due: c3 (c4 is suppressed, later is not due) */
	struct mail_row *more;
	size_t m2 = 0;
	CHECK(store_mail_claim(s, &f->pool, "node-b", 10, &more, &m2) == 0 && m2 == 1);
	CHECK_STR(m2 ? more[0].to : "", "c3@example.org");
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE to_addr = 'c4@example.org' AND state = "
			"'suppressed'") == 1);
	CHECK(store_mail_claim(s, &f->pool, "node-b", 10, &more, &m2) == 0 && m2 == 0);
	/* sent, retried, failed */
	CHECK(store_mail_done(s, rows[0].id, "sent", 0, NULL) == 0);
	CHECK(store_mail_done(s, rows[1].id, "queued", store_now() + 60, "451 try later") == 0);
	CHECK(store_mail_done(s, rows[2].id, "failed", 0, "550 no such user\r\n") == 0);
	CHECK(store_mail_done(s, rows[2].id, "bogus", 0, NULL) == -1);
	CHECK(fx_int(f,
		     "SELECT count(*) FROM mail_queue WHERE state = 'sent' AND sent_at > 0 AND attempts = 1 "
		     "AND claimed_by IS NULL") == 1);
	CHECK(fx_int(f,
		     "SELECT count(*) FROM mail_queue WHERE state = 'queued' AND attempts = 1 AND "
		     "last_error = '451 try later' AND not_before > %lld",
		     (long long)store_now() + 30) == 1);
	struct mail_failure *fs;
	size_t nf = 0;
	CHECK(store_mail_failures(s, &f->pool, 10, &fs, &nf) == 0 && nf == 1);
	CHECK_STR(nf ? fs[0].error : "", "550 no such user  ");
	/* node-a crashed with nothing left sending; node-b still holds c3: a restart of node-a takes back
	 * only its own, a stale claim of any node comes back after the lease */
	CHECK(store_mail_recover(s, "node-a", store_now() - 600) == 0);
	CHECK(store_mail_recover(s, "node-b", store_now() - 600) == 1);
	CHECK(fx_sql(f,
		     "UPDATE mail_queue SET state = 'sending', claimed_by = 'node-c', claimed_at = 5 WHERE "
		     "to_addr = 'c3@example.org'") == 0);
	CHECK(store_mail_recover(s, "node-a", store_now() - 600) == 1);
	struct mail_state_count *c;
	CHECK(store_mail_states(s, &f->pool, &c) == 0);
	CHECK_STR(c[0].state, "queued");
	CHECK(c[0].n == 3 && c[1].n == 0 && c[2].n == 1 && c[3].n == 1 && c[4].n == 1);
}

static void test_suppression_list(struct fx *f)
{
	store *s = f->s;
	CHECK(store_mail_suppress(s, "one@example.org", "bounce", "5.1.1") == 1);
	CHECK(store_mail_suppress(s, "two_x@example.org", "smtp", "550") == 1);
	CHECK(store_mail_suppress(s, "three@other.org", "admin", "asked") == 1);
	struct mail_suppression *xs;
	size_t n = 0;
	int64_t total = 0;
	CHECK(store_mail_suppressions(s, &f->pool, "", 2, &xs, &n, &total) == 0 && n == 2 && total == 3);
	CHECK(store_mail_suppressions(s, &f->pool, "EXAMPLE", 10, &xs, &n, &total) == 0 && n == 2 &&
	      total == 2);
	/* LIKE's wildcards are searched as typed */
	CHECK(store_mail_suppressions(s, &f->pool, "o_x", 10, &xs, &n, &total) == 0 && n == 1);
	CHECK_STR(n ? xs[0].email : "", "two_x@example.org");
	CHECK_STR(n ? xs[0].source : "", "smtp");
	CHECK(store_mail_suppressions(s, &f->pool, "%", 10, &xs, &n, &total) == 0 && n == 0 && total == 0);
}

static void test_prune(struct fx *f)
{
	store *s = f->s;
	char to[64];
	for (int i = 0; i < 6; i++) {
		snprintf(to, sizeof to, "p%d@example.org", i);
		struct mail_item m = item(f, to, NULL);
		m.campaign_id = i < 3 ? 7 : 0;
		CHECK(store_mail_put(s, &m) == 1);
	}
	/* p0 and p3 sent long ago, p1 and p4 sent now, p2 and p5 still queued (long ago) */
	CHECK(
	    fx_sql(f,
		   "UPDATE mail_queue SET state = 'sent', sent_at = 1000 WHERE to_addr IN ('p0@example.org', "
		   "'p3@example.org')") == 0);
	CHECK(
	    fx_sql(f,
		   "UPDATE mail_queue SET state = 'sent', sent_at = %lld WHERE to_addr IN ('p1@example.org', "
		   "'p4@example.org')",
		   (long long)store_now()) == 0);
	CHECK(fx_sql(f, "UPDATE mail_queue SET created_at = 1000") == 0);
	CHECK(store_mail_prune(s, store_now() - 86400, 100) == 2);
	/* the old ordinary message is gone; the newsletter's keeps its state for the counts, not its body */
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue") == 5);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE to_addr = 'p3@example.org'") == 0);
	CHECK(
	    fx_int(f,
		   "SELECT count(*) FROM mail_queue WHERE to_addr = 'p0@example.org' AND text_body = '' AND "
		   "html_body IS NULL AND state = 'sent'") == 1);
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE text_body <> ''") == 4);
	struct mail_counts c;
	CHECK(store_mail_counts(s, 7, &c) == 0 && c.sent == 2 && c.queued == 1);
	CHECK(store_mail_prune(s, store_now() - 86400, 100) == 0);
}

int main(void)
{
	fx_run("a message is queued once per dedupe key", FX_DEMO, test_put_and_dedupe);
	fx_run("bad addresses, headers and bodies are refused", FX_DEMO, test_refused_fields);
	fx_run("a suppressed address is not queued", FX_DEMO, test_suppressed_not_queued);
	fx_run("a newsletter's counts by state", FX_DEMO, test_counts);
	fx_run("the sender claims, sends, retries and recovers", FX_DEMO, test_claim_send_retry_recover);
	fx_run("the suppression list is searched", FX_DEMO, test_suppression_list);
	fx_run("what is done with is forgotten after a while", FX_DEMO, test_prune);
	fx_done();
	return unit_done("test_mailq_db");
}
