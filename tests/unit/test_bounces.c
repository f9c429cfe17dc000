/* test_bounces: delivery reports in a Maildir read with GMime (src/jobs/bounces.c), on both engines. */
#include <dirent.h>

#include "fixture.h"
#include "jobs/bounces.h"
#include "store/mailq.h"

static const char DSN[] =
    "From: MAILER-DAEMON@mx.example.org\r\n"
    "To: no-reply@example.org\r\n"
    "Subject: Undelivered Mail Returned to Sender\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: multipart/report; report-type=delivery-status; boundary=\"B1\"\r\n"
    "\r\n"
    "--B1\r\n"
    "Content-Type: text/plain\r\n"
    "\r\n"
    "Your message could not be delivered.\r\n"
    "--B1\r\n"
    "Content-Type: message/delivery-status\r\n"
    "\r\n"
    "Reporting-MTA: dns; mx.example.org\r\n"
    "Arrival-Date: Mon, 7 Dec 2026 05:00:00 +0000\r\n"
    "\r\n"
    "Final-Recipient: rfc822; Gone@Example.org\r\n"
    "Original-Recipient: rfc822;gone@example.org\r\n"
    "Action: failed\r\n"
    "Status: 5.1.1\r\n"
    "Diagnostic-Code: smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected\r\n"
    "\r\n"
    "Final-Recipient: rfc822; later@example.org\r\n"
    "Action: delayed\r\n"
    "Status: 4.4.1\r\n"
    "\r\n"
    "Final-Recipient: rfc822; <full@example.org>\r\n"
    "Action: failed\r\n"
    "Status: 5.2.2\r\n"
    "--B1\r\n"
    "Content-Type: message/rfc822\r\n"
    "\r\n"
    "From: no-reply@example.org\r\n"
    "To: gone@example.org\r\n"
    "Subject: hi\r\n"
    "\r\n"
    "Final-Recipient: rfc822; innocent@example.org\r\n"
    "Action: failed\r\n"
    "Status: 5.1.1\r\n"
    "--B1--\r\n";

static void put_file(const char *dir, const char *name, const char *text, size_t len)
{
	char path[1200];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (f) {
		fwrite(text, 1, len, f);
		fclose(f);
	}
}

static int count_files(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d)) != NULL;)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static void test_reports_suppress(struct fx *f)
{
	char root[] = "/tmp/plenary-bounce-XXXXXX", newdir[600], curdir[600];
	CHECK(mkdtemp(root) != NULL);
	snprintf(newdir, sizeof newdir, "%s/new", root);
	snprintf(curdir, sizeof curdir, "%s/cur", root);
	mkdir(newdir, 0700);
	mkdir(curdir, 0700);
	/* no new/ yet counted as an error elsewhere: here a report, garbage, an empty file, a huge one */
	put_file(newdir, "1.dsn", DSN, sizeof DSN - 1);
	put_file(newdir, "2.junk", "\x01\x02 not mail at all", 17);
	put_file(newdir, "3.empty", "", 0);
	static char huge[BOUNCE_READ_MAX + 4096];
	memset(huge, 'x', sizeof huge);
	memcpy(huge, "Subject: big\r\n\r\n", 16);
	put_file(newdir, "4.huge", huge, sizeof huge);
	struct mail_item m = {.kind = "alert", .to = "gone@example.org", .subject = "s", .text = "t"};
	CHECK(store_mail_put(f->s, &m) == 1);

	CHECK(bounces_scan(f->s, root) == 2);
	CHECK(store_mail_suppressed(f->s, "gone@example.org") == 1);
	CHECK(store_mail_suppressed(f->s, "full@example.org") == 1);
	CHECK(store_mail_suppressed(f->s, "later@example.org") == 0);	 /* delayed, not failed */
	CHECK(store_mail_suppressed(f->s, "innocent@example.org") == 0); /* inside the returned message */
	CHECK_STR(fx_text(f, "SELECT source || '|' || reason FROM mail_suppression WHERE email = "
			     "'gone@example.org'"),
		  "bounce|Status 5.1.1; smtp; 550 5.1.1 <gone@example.org>: Recipient address rejected");
	CHECK(fx_int(f, "SELECT count(*) FROM mail_queue WHERE state = 'suppressed'") == 1);
	/* every file moved to cur/, read once */
	CHECK(count_files(newdir) == 0);
	CHECK(count_files(curdir) == 4);
	char seen[700];
	snprintf(seen, sizeof seen, "%s/1.dsn:2,S", curdir);
	CHECK(access(seen, F_OK) == 0);
	CHECK(bounces_scan(f->s, root) == 0);
	/* a Maildir without new/ is an error, said once per scan */
	char missing[700];
	snprintf(missing, sizeof missing, "%s/nothing", root);
	CHECK(bounces_scan(f->s, missing) == -1);
	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
	CHECK(system(cmd) == 0);
}

int main(void)
{
	fx_run("delivery reports in the Maildir suppress failed recipients", FX_DEMO, test_reports_suppress);
	fx_done();
	return unit_done("test_bounces");
}
