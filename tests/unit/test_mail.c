/* test_mail: the mail thread against an outbox folder, a real SMTP server (aiosmtpd), refusing ones, none. */
#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <gmime/gmime.h>

#include "core/config.h"
#include "jobs/mail_compose.h"
#include "jobs/mail.h"
#include "unit.h"

#define VERIFY_SUBJECT "V\xc3\xa9rifiez votre adresse"

/* ---- helpers ---- */

static char *slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *s = NULL;
	size_t len = 0, n;
	char chunk[4096];
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		s = realloc(s, len + n + 1);
		memcpy(s + len, chunk, n);
		len += n;
	}
	fclose(f);
	if (!s)
		s = calloc(1, 1);
	s[len] = '\0';
	return s;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Full paths of the files in dir whose names end with suffix, sorted; returns how many (at most max). */
static int list_files(const char *dir, const char *suffix, char **out, int max)
{
	DIR *d = opendir(dir);
	int n = 0;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		size_t len = strlen(e->d_name), slen = strlen(suffix);
		if (e->d_name[0] == '.')
			continue;
		if (len < slen || strcmp(e->d_name + len - slen, suffix) != 0 || n == max)
			continue;
		size_t size = strlen(dir) + len + 2;
		out[n] = malloc(size);
		snprintf(out[n++], size, "%s/%s", dir, e->d_name);
	}
	closedir(d);
	qsort(out, (size_t)n, sizeof *out, by_name);
	return n;
}

static void free_list(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
}

/* Log lines go to stderr; a test that wants to read them sends stderr to a file for a while. */
static int saved_stderr = -1;
static char capture_path[64];

static void capture_begin(void)
{
	snprintf(capture_path, sizeof capture_path, "/tmp/plenary-mail-log-XXXXXX");
	int fd = mkstemp(capture_path);
	fflush(stderr);
	saved_stderr = dup(STDERR_FILENO);
	dup2(fd, STDERR_FILENO);
	close(fd);
}

static char *capture_end(void)
{
	fflush(stderr);
	dup2(saved_stderr, STDERR_FILENO);
	close(saved_stderr);
	char *s = slurp(capture_path);
	unlink(capture_path);
	return s;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void sleep_ms(long ms)
{
	struct timespec t = {ms / 1000, (ms % 1000) * 1000000L};
	nanosleep(&t, NULL);
}

/* A loopback port nobody listens on (the kernel just handed it out and it was closed again). */
static int free_port(void)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	bind(fd, (struct sockaddr *)&a, sizeof a);
	getsockname(fd, (struct sockaddr *)&a, &len);
	close(fd);
	return ntohs(a.sin_port);
}

static bool port_open(int port)
{
	int fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET,
				.sin_port = htons((uint16_t)port),
				.sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	bool ok = connect(fd, (struct sockaddr *)&a, sizeof a) == 0;
	close(fd);
	return ok;
}

/* True when every CR is followed by LF and every LF follows a CR. */
static bool crlf_only(const char *s)
{
	for (const char *p = s; *p; p++) {
		if (*p == '\r' && p[1] != '\n')
			return false;
		if (*p == '\n' && (p == s || p[-1] != '\r'))
			return false;
	}
	return true;
}

/* The value of a header (any case of its name), unfolded (each CRLF before white space dropped) and without
 * the white space around it, copied into out; "" when absent. */
static const char *header(const char *msg, const char *name, char *out, size_t outlen)
{
	size_t n = strlen(name), len = 0;
	out[0] = '\0';
	for (const char *p = msg; *p && strncmp(p, "\r\n", 2) != 0;) {
		const char *eol = strstr(p, "\r\n");
		if (!eol)
			break;
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			for (const char *v = p + n + 1;; v = eol + 2, eol = strstr(v, "\r\n")) {
				len += (size_t)snprintf(out + len, outlen - len, "%.*s", (int)(eol - v), v);
				if ((eol[2] != ' ' && eol[2] != '\t') || len >= outlen - 1)
					break;
			}
			break;
		}
		p = eol + 2;
	}
	size_t lead = strspn(out, " \t");
	memmove(out, out + lead, strlen(out + lead) + 1);
	return out;
}

/* A header's value as a reader sees it: RFC 2047 encoded-words decoded by GMime (any charset). */
static char *decoded(const char *msg, const char *name)
{
	static char raw[4096], out[4096];
	header(msg, name, raw, sizeof raw);
	char *d = g_mime_utils_header_decode_text(NULL, raw);
	snprintf(out, sizeof out, "%s", d ? d : "");
	g_free(d);
	return out;
}

/* The body: what follows the blank line after the headers. */
static const char *body_of(const char *msg)
{
	const char *p = strstr(msg, "\r\n\r\n");
	return p ? p + 4 : "";
}

/* Decodes a Subject made of UTF-8 B encoded-words, one per folded line, each on its own as mail readers do
 * (GMime's decoder joins adjacent words before decoding and stops at the first one's padding); fails the
 * test on anything else. */
static char *decode_subject(const char *msg)
{
	const char *p = strstr(msg, "\r\nSubject: ");
	static char out[4096];
	size_t len = 0;
	if (!p)
		return NULL;
	p += strlen("\r\nSubject: ");
	const char *line = p - strlen("Subject: ");
	for (;;) {
		CHECK(strncmp(p, "=?UTF-8?B?", 10) == 0);
		const char *end = strstr(p, "?=");
		if (strncmp(p, "=?UTF-8?B?", 10) != 0 || !end)
			return NULL;
		size_t got = 0;
		unsigned char *dst = (unsigned char *)out + len;
		int rc = sodium_base642bin(dst, sizeof out - len - 1, p + 10, (size_t)(end - p - 10), NULL,
					   &got, NULL, sodium_base64_VARIANT_ORIGINAL);
		CHECK(rc == 0);
		CHECK(end + 2 - p <= 75); /* RFC 2047: an encoded-word is at most 75 characters */
		CHECK(got == 0 || (dst[0] & 0xc0) != 0x80); /* no word starts inside a UTF-8 character */
		len += got;
		p = end + 2;
		CHECK(p - line <= 78);
		if (strncmp(p, "\r\n ", 3) != 0)
			break;
		line = p + 2;
		p += 3;
	}
	CHECK(strncmp(p, "\r\n", 2) == 0);
	out[len] = '\0';
	return out;
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

/* Each mailer gets a database of its own (SQLite) in the test's folder. */
static char db_root[64];
static int db_count;

static void config_database(struct config *c)
{
	snprintf(c->database, sizeof c->database, "%s/queue-%d.db", db_root, ++db_count);
}

/* One number from the mailer's database. */
static int64_t db_int(const struct config *c, const char *sql)
{
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	int64_t v = -1;
	if (sqlite3_open(c->database, &db) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	CHECK(v >= 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return v;
}

static struct config config_outbox(const char *dir)
{
	struct config c;
	config_defaults(&c);
	config_database(&c);
	snprintf(c.outbox, sizeof c.outbox, "%s", dir);
	c.smtp_url[0] = '\0';
	return c;
}

static struct config config_smtp(int port)
{
	struct config c;
	config_defaults(&c);
	config_database(&c);
	snprintf(c.smtp_url, sizeof c.smtp_url, "smtp://127.0.0.1:%d", port);
	snprintf(c.mail_from, sizeof c.mail_from, "Plenary <no-reply@example.org>");
	return c;
}

/* ---- outbox ---- */

static void test_refusals(struct mailer *m)
{
	char long_to[300];
	memset(long_to, 'x', sizeof long_to);
	memcpy(long_to + 255 - 12, "@example.org", 13); /* 255 bytes */

	CHECK(mailer_send(m, "a@b\r\nBcc: x@y", "Hello", "body") == -1);
	CHECK(mailer_send(m, "a@b\nBcc: x@y", "Hello", "body") == -1);
	CHECK(mailer_send(m, "a@example.org", "Hello\nBcc: x@y", "body") == -1);
	CHECK(mailer_send(m, "a@example.org", "Hello\r", "body") == -1);
	CHECK(mailer_send(m, "example.org", "Hello", "body") == -1);
	CHECK(mailer_send(m, "@example.org", "Hello", "body") == -1);
	CHECK(mailer_send(m, "a@", "Hello", "body") == -1);
	CHECK(mailer_send(m, "", "Hello", "body") == -1);
	CHECK(mailer_send(m, "a@b, c@d", "Hello", "body") == -1);
	CHECK(mailer_send(m, "Eve <a@b>", "Hello", "body") == -1);
	CHECK(mailer_send(m, "a b@example.org", "Hello", "body") == -1);
	CHECK(mailer_send(m, "jos\xc3\xa9@example.org", "Hello", "body") == -1);
	CHECK(mailer_send(m, long_to, "Hello", "body") == -1);
	CHECK(mailer_send(m, NULL, "Hello", "body") == -1);
	CHECK(mailer_send(m, "a@example.org", NULL, "body") == -1);
	CHECK(mailer_send(m, "a@example.org", "Hello", NULL) == -1);
	CHECK(mailer_send(NULL, "a@example.org", "Hello", "body") == -1);
}

static void check_common_headers(const char *msg)
{
	char v[512];
	CHECK(crlf_only(msg));
	CHECK_STR(header(msg, "MIME-Version", v, sizeof v), "1.0");
	CHECK_STR(header(msg, "Content-Type", v, sizeof v), "text/plain; charset=utf-8");

	header(msg, "Date", v, sizeof v);
	struct tm tm = {0};
	const char *end = strptime(v, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	CHECK(end && *end == '\0');
	double age = difftime(time(NULL), timegm(&tm));
	CHECK(age >= 0 && age < 120);

	/* the row's: <mailq-ID.SITE@the sender's domain> */
	header(msg, "Message-ID", v, sizeof v);
	size_t digits = strspn(v + 7, "0123456789");
	CHECK(strncmp(v, "<mailq-", 7) == 0 && digits > 0 && strcmp(v + 7 + digits, ".0@localhost>") == 0);
}

static void test_outbox(const char *root)
{
	char dir[512], long_to[255], long_subject[512] = "";
	snprintf(dir, sizeof dir, "%s/var/outbox", root); /* two levels that do not exist yet */
	memset(long_to, 'y', sizeof long_to);
	memcpy(long_to + 254 - 12, "@example.org", 13); /* 254 bytes: the longest allowed */
	for (int i = 0; i < 20; i++)
		strcat(long_subject,
		       "D\xc3\xa9j\xc3\xa0 \xe2\x82\xac \xf0\x9f\x93\xa8 "); /* 2-, 3- and 4-byte */
	long_subject[strlen(long_subject) - 1] = '\0'; /* (white space at the end is not kept) */

	struct config c = config_outbox(dir);
	capture_begin();
	struct mailer *m = mailer_start(&c, NULL);
	char *log = capture_end();
	CHECK(m != NULL);
	CHECK_CONTAINS(log, "mail: no smtp_url set; writing mail to ");
	CHECK_CONTAINS(log, dir);
	free(log);
	if (!m)
		return;
	struct stat st;
	CHECK(stat(dir, &st) == 0 && S_ISDIR(st.st_mode) && (st.st_mode & 0777) == 0700);

	test_refusals(m);
	CHECK(mailer_flush(m, 1000) == 0);
	char *names[8];
	CHECK(list_files(dir, "", names, 8) == 0);

	CHECK(mailer_send(
		  m, "alice@example.org", VERIFY_SUBJECT,
		  "Bonjour,\n\nCliquez ici :\nhttps://example.org/v?t=abc\r\n.ligne avec point\rfin") == 0);
	CHECK(mailer_send(m, "bob@example.org", "Plain subject", "one line\n") == 0);
	CHECK(mailer_send(m, long_to, long_subject, "") == 0);
	CHECK(mailer_flush(m, 5000) == 0);

	int n = list_files(dir, ".eml", names, 8);
	CHECK(n == 3);
	char *tmps[8];
	int ntmp = list_files(dir, ".tmp", tmps, 8);
	CHECK(ntmp == 0);
	free_list(tmps, ntmp);
	char *alice = NULL, *bob = NULL, *longest = NULL;
	for (int i = 0; i < n; i++) {
		const char *base = strrchr(names[i], '/') + 1;
		CHECK(strlen(base) > 20 && base[8] == 'T' && base[15] == 'Z' && base[16] == '-');
		CHECK(stat(names[i], &st) == 0 && (st.st_mode & 0777) == 0600);
		char *text = slurp(names[i]);
		if (strstr(text, "\r\nTo: alice@example.org\r\n"))
			alice = text;
		else if (strstr(text, "\r\nTo: bob@example.org\r\n"))
			bob = text;
		else
			longest = text;
	}
	free_list(names, n);
	CHECK(alice && bob && longest);
	if (!alice || !bob || !longest)
		return;

	CHECK_STR(decoded(alice, "From"), "Plenary <no-reply@localhost>");
	CHECK_STR(decoded(alice, "To"), "alice@example.org");
	CHECK_STR(decoded(alice, "Subject"), VERIFY_SUBJECT);
	check_common_headers(alice);
	/* every line end (LF, CR, CRLF) is one CRLF; a line starting with a dot is kept */
	CHECK_STR(
	    body_of(alice),
	    "Bonjour,\r\n\r\nCliquez ici :\r\nhttps://example.org/v?t=abc\r\n.ligne avec point\r\nfin\r\n");

	CHECK_STR(decoded(bob, "Subject"), "Plain subject");
	check_common_headers(bob);
	CHECK_STR(body_of(bob), "one line\r\n");
	char id1[128], id2[128];
	CHECK(strcmp(header(alice, "Message-ID", id1, sizeof id1),
		     header(bob, "Message-ID", id2, sizeof id2)) != 0);

	check_common_headers(longest);
	CHECK_STR(decoded(longest, "To"), long_to);
	CHECK_STR(decode_subject(longest), long_subject);
	CHECK(strspn(body_of(longest), "\r\n") == strlen(body_of(longest))); /* an empty body stays empty */
	free(alice);
	free(bob);
	free(longest);

	/* what stop leaves queued stays in the database, and the next start sends it */
	for (int i = 0; i < 5; i++)
		CHECK(mailer_send(m, "carol@example.org", "Queued", "sent after stop") == 0);
	mailer_stop(m);
	CHECK(db_int(&c, "SELECT count(*) FROM mail_queue WHERE state = 'sending'") == 0);
	capture_begin();
	m = mailer_start(&c, NULL);
	CHECK(mailer_flush(m, 5000) == 0);
	mailer_stop(m);
	free(capture_end());
	n = list_files(dir, ".eml", names, 8);
	CHECK(n == 8);
	free_list(names, n);
	CHECK(db_int(&c, "SELECT count(*) FROM mail_queue WHERE state = 'sent'") == 8);
}

static void test_outbox_from(const char *root)
{
	char dir[512];
	snprintf(dir, sizeof dir, "%s/from", root);
	struct config c = config_outbox(dir);
	snprintf(c.mail_from, sizeof c.mail_from,
		 "\"Assembl\xc3\xa9"
		 "e\" <contact@example.org>");
	capture_begin();
	struct mailer *m = mailer_start(&c, NULL);
	free(capture_end());
	CHECK(m != NULL);
	if (!m)
		return;
	CHECK(mailer_send(m, "dan@example.org", "Hi", "x") == 0);
	CHECK(mailer_flush(m, 5000) == 0);
	mailer_stop(m);
	char *names[2];
	int n = list_files(dir, ".eml", names, 2);
	CHECK(n == 1);
	char *text = n == 1 ? slurp(names[0]) : NULL;
	/* "Assemblée" in base64, the address left as it is */
	/* the display name encoded (GMime picks the charset), the address left as it is */
	CHECK_STR(text ? decoded(text, "From") : "", "Assembl\xc3\xa9"
						     "e <contact@example.org>");
	CHECK_CONTAINS(text, "<contact@example.org>\r\n");
	free(text);
	free_list(names, n);

	/* an outbox that cannot be a folder */
	snprintf(dir, sizeof dir, "%s/from/%s", root, "file");
	close(open(dir, O_WRONLY | O_CREAT, 0600));
	c = config_outbox(dir);
	capture_begin();
	m = mailer_start(&c, NULL);
	char *log = capture_end();
	CHECK(m == NULL);
	CHECK_CONTAINS(log, "cannot create the outbox folder");
	free(log);
	mailer_stop(m);

	c = config_smtp(25);
	snprintf(c.smtp_url, sizeof c.smtp_url, "http://127.0.0.1:25");
	capture_begin();
	m = mailer_start(&c, NULL);
	free(capture_end());
	CHECK(m == NULL);
}

/* ---- a real SMTP server: Debian's aiosmtpd, storing what it gets in a maildir ---- */

static pid_t smtpd_start(int port, const char *maildir)
{
	char listen[64];
	snprintf(listen, sizeof listen, "127.0.0.1:%d", port);
	pid_t pid = fork();
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		dup2(null, STDOUT_FILENO);
		execl("/usr/bin/python3", "python3", "-m", "aiosmtpd", "-n", "-l", listen, "-c",
		      "aiosmtpd.handlers.Mailbox", maildir, (char *)NULL);
		_exit(127);
	}
	for (int i = 0; pid > 0 && i < 200; i++) {
		if (port_open(port))
			return pid;
		if (waitpid(pid, NULL, WNOHANG) == pid)
			return -1;
		sleep_ms(50);
	}
	if (pid > 0) {
		kill(pid, SIGKILL);
		waitpid(pid, NULL, 0);
	}
	return -1;
}

static void test_smtp(const char *root)
{
	char maildir[512], newdir[600];
	snprintf(maildir, sizeof maildir, "%s/maildir", root);
	snprintf(newdir, sizeof newdir, "%s/new", maildir);
	int port = free_port();
	pid_t pid = smtpd_start(port, maildir);
	CHECK(pid > 0); /* needs python3-aiosmtpd (scripts/deps.sh test) */
	if (pid <= 0)
		return;

	struct config c = config_smtp(port);
	capture_begin();
	struct mailer *m = mailer_start(&c, NULL);
	CHECK(m != NULL);
	CHECK(mailer_send(m, "carol@example.org", VERIFY_SUBJECT, "Hello Carol,\n.a line with a dot\nBye") ==
	      0);
	CHECK(mailer_flush(m, 20000) == 0);
	mailer_stop(m);
	char *log = capture_end();
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);

	char want[128];
	snprintf(want, sizeof want, "mail: sending mail through smtp://127.0.0.1:%d", port);
	CHECK_CONTAINS(log, want);
	CHECK(!strstr(log, "warn") && !strstr(log, "error"));
	free(log);

	char *names[4];
	int n = list_files(newdir, "", names, 4);
	CHECK(n == 1);
	char *text = n == 1 ? slurp(names[0]) : NULL;
	free_list(names, n);
	CHECK_CONTAINS(text, "From: Plenary <no-reply@example.org>");
	CHECK_CONTAINS(text, "To: carol@example.org");
	CHECK_CONTAINS(text, "Subject: =?UTF-8?");
	CHECK_CONTAINS(text, "Content-Type: text/plain; charset=utf-8");
	CHECK_CONTAINS(text, "X-MailFrom: no-reply@example.org");
	CHECK_CONTAINS(text, "X-RcptTo: carol@example.org");
	CHECK_CONTAINS(text, "Hello Carol,");
	CHECK_CONTAINS(text, "\n.a line with a dot"); /* stuffed by libcurl, unstuffed by the server */
	CHECK(text && !strstr(text, "..a line"));
	CHECK_CONTAINS(text, "\nBye");
	free(text);

	/* a password in the URL stays out of the log */
	snprintf(c.smtp_url, sizeof c.smtp_url, "smtp://user:s3cret@127.0.0.1:%d", port);
	capture_begin();
	m = mailer_start(&c, NULL);
	mailer_stop(m);
	log = capture_end();
	CHECK(m != NULL);
	CHECK_CONTAINS(log, want);
	CHECK(log && !strstr(log, "s3cret"));
	free(log);
}

/* ---- a scripted SMTP server that refuses recipients, or stops answering ---- */

struct fake_smtp {
	int listen_fd, port;
	const char *rcpt_reply; /* NULL: greet, then say nothing after MAIL FROM */
	atomic_int rcpts;
	atomic_bool stop;
	pthread_t thread;
};

static void fake_reply(int fd, const char *s)
{
	ssize_t w = send(fd, s, strlen(s), MSG_NOSIGNAL);
	(void)w;
}

/* Answers one command; returns false when the session is over. */
static bool fake_command(struct fake_smtp *f, int fd, const char *cmd)
{
	if (strncasecmp(cmd, "EHLO", 4) == 0 || strncasecmp(cmd, "HELO", 4) == 0)
		fake_reply(fd, "250 fake\r\n");
	else if (!f->rcpt_reply)
		; /* past the handshake, so only libcurl's 30 s transfer timeout or stop ends the wait */
	else if (strncasecmp(cmd, "MAIL", 4) == 0 || strncasecmp(cmd, "RSET", 4) == 0 ||
		 strncasecmp(cmd, "NOOP", 4) == 0)
		fake_reply(fd, "250 ok\r\n");
	else if (strncasecmp(cmd, "RCPT", 4) == 0) {
		atomic_fetch_add(&f->rcpts, 1);
		fake_reply(fd, f->rcpt_reply);
	} else if (strncasecmp(cmd, "QUIT", 4) == 0) {
		fake_reply(fd, "221 bye\r\n");
		return false;
	} else
		fake_reply(fd, "502 not here\r\n");
	return true;
}

static void fake_session(struct fake_smtp *f, int fd)
{
	char line[1024];
	size_t len = 0;
	fake_reply(fd, "220 fake ESMTP\r\n");
	while (!atomic_load(&f->stop)) {
		struct pollfd p = {.fd = fd, .events = POLLIN};
		if (poll(&p, 1, 50) <= 0)
			continue;
		ssize_t r = recv(fd, line + len, sizeof line - 1 - len, 0);
		if (r <= 0)
			return;
		len += (size_t)r;
		for (char *eol; (eol = memchr(line, '\n', len)) != NULL;) {
			*eol = '\0';
			if (!fake_command(f, fd, line))
				return;
			len -= (size_t)(eol + 1 - line);
			memmove(line, eol + 1, len);
		}
		if (len == sizeof line - 1)
			return;
	}
}

static void *fake_main(void *arg)
{
	struct fake_smtp *f = arg;
	while (!atomic_load(&f->stop)) {
		struct pollfd p = {.fd = f->listen_fd, .events = POLLIN};
		if (poll(&p, 1, 50) <= 0)
			continue;
		int fd = accept(f->listen_fd, NULL, NULL);
		if (fd < 0)
			continue;
		fake_session(f, fd);
		close(fd);
	}
	return NULL;
}

static void fake_start(struct fake_smtp *f, const char *rcpt_reply)
{
	f->rcpt_reply = rcpt_reply;
	atomic_init(&f->rcpts, 0);
	atomic_init(&f->stop, false);
	f->listen_fd = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
	socklen_t len = sizeof a;
	CHECK(bind(f->listen_fd, (struct sockaddr *)&a, sizeof a) == 0 && listen(f->listen_fd, 8) == 0);
	getsockname(f->listen_fd, (struct sockaddr *)&a, &len);
	f->port = ntohs(a.sin_port);
	pthread_create(&f->thread, NULL, fake_main, f);
}

static void fake_stop(struct fake_smtp *f)
{
	atomic_store(&f->stop, true);
	pthread_join(f->thread, NULL);
	close(f->listen_fd);
}

static void test_smtp_refused(void)
{
	struct fake_smtp f;
	fake_start(&f, "550 5.1.1 no such user\r\n");
	struct config c = config_smtp(f.port);
	capture_begin();
	struct mailer *m = mailer_start(&c, NULL);
	CHECK(mailer_send(m, "dan@example.org", "Hi", "x") == 0);
	CHECK(mailer_flush(m, 5000) == 0); /* refused for good: no waiting to try again */
	mailer_stop(m);
	char *log = capture_end();
	fake_stop(&f);
	CHECK(atomic_load(&f.rcpts) == 1);
	CHECK_CONTAINS(log, "refused the message to dan@example.org");
	CHECK_CONTAINS(log, "550");
	free(log);
	/* the row failed, and the address is mailed no more */
	CHECK(db_int(&c,
		     "SELECT count(*) FROM mail_queue WHERE state = 'failed' AND attempts = 1 AND last_error "
		     "LIKE '%550%'") == 1);
	CHECK(db_int(&c, "SELECT count(*) FROM mail_suppression WHERE email = 'dan@example.org' AND source = "
			 "'smtp'") == 1);
}

static void test_smtp_deferred(void)
{
	struct fake_smtp f;
	fake_start(&f, "451 4.3.0 try again later\r\n");
	struct config c = config_smtp(f.port);
	snprintf(c.mail_retry, sizeof c.mail_retry, "1,5");
	capture_begin();
	struct mailer *m = mailer_start(&c, NULL);
	CHECK(mailer_send(m, "erin@example.org", "Hi", "x") == 0);
	/* attempt 1 at once, attempt 2 a second later (at the thread's next look), then 5 s of waiting */
	sleep_ms(3500);
	CHECK(atomic_load(&f.rcpts) == 2);
	double t0 = now_s();
	mailer_stop(m);
	double stop_took = now_s() - t0;
	char *log = capture_end();
	fake_stop(&f);
	CHECK(stop_took < 1.0);
	CHECK(atomic_load(&f.rcpts) == 2);
	CHECK_CONTAINS(log, "could not send to erin@example.org (attempt 1)");
	CHECK_CONTAINS(log, "451");
	CHECK_CONTAINS(log, "trying again in 1 s");
	CHECK_CONTAINS(log, "trying again in 5 s");
	free(log);
	/* still queued for its third attempt, past the last delay it fails */
	CHECK(db_int(&c,
		     "SELECT count(*) FROM mail_queue WHERE state = 'queued' AND attempts = 2 AND last_error "
		     "LIKE '%451%'") == 1);
}

/* No server on the port: sending never blocks, the queue waits untried, and stop does not wait. */
static void test_smtp_closed_port(void)
{
	struct config c = config_smtp(free_port());
	capture_begin();
	struct mailer *m = mailer_start(&c, NULL);
	double t0 = now_s();
	CHECK(mailer_send(m, "frank@example.org", "Hi", "x") == 0);
	CHECK(now_s() - t0 < 0.5);
	sleep_ms(300); /* the first attempt fails at once: the queue waits 60 s before the next */
	int accepted = 0;
	t0 = now_s();
	for (int i = 0; i < 1000; i++)
		accepted += mailer_send(m, "grace@example.org", "Queued", "body") == 0;
	double sends_took = now_s() - t0;
	CHECK(accepted == 1000);
	sleep_ms(300);
	t0 = now_s();
	mailer_stop(m);
	double stop_took = now_s() - t0;
	char *log = capture_end();
	CHECK(sends_took < 5.0);
	CHECK(stop_took < 3.0);
	CHECK_CONTAINS(log, "could not send to frank@example.org (attempt 1)");
	CHECK_CONTAINS(log, "onnect"); /* libcurl's "Couldn't connect to server" or "Failed to connect" */
	CHECK(log && !strstr(log, "grace@example.org"));
	free(log);
	CHECK(db_int(&c, "SELECT count(*) FROM mail_queue WHERE state = 'queued' AND attempts = 0") == 1000);
	CHECK(
	    db_int(&c,
		   "SELECT count(*) FROM mail_queue WHERE attempts = 1 AND to_addr = 'frank@example.org'") ==
	    1);
}

/* A server that hangs in the middle of a message: stop cuts the transfer short after its 10 s. */
static void test_smtp_silent(void)
{
	struct fake_smtp f;
	fake_start(&f, NULL);
	struct config c = config_smtp(f.port);
	capture_begin();
	struct mailer *m = mailer_start(&c, NULL);
	CHECK(mailer_send(m, "ivan@example.org", "Hi", "x") == 0);
	CHECK(mailer_send(m, "judy@example.org", "Hi", "x") == 0);
	sleep_ms(200);
	double t0 = now_s();
	mailer_stop(m);
	double stop_took = now_s() - t0;
	char *log = capture_end();
	fake_stop(&f);
	CHECK(stop_took > 9.0 && stop_took < 13.0);
	CHECK_CONTAINS(log,
		       "the message to ivan@example.org was cut short after stop waited 10 s; it goes back "
		       "to the queue");
	free(log);
	/* nothing lost: both wait for the next start (judy's either never claimed or put back untried) */
	CHECK(db_int(&c, "SELECT count(*) FROM mail_queue WHERE state = 'queued'") == 2);
}

int main(void)
{
	char root[] = "/tmp/plenary-mail-XXXXXX";
	if (!mkdtemp(root)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(db_root, sizeof db_root, "%s", root);
	mail_compose_init(); /* GMime, which the tests decode headers with too */
	RUN_WITH(test_outbox, root);
	RUN_WITH(test_outbox_from, root);
	RUN_WITH(test_smtp, root);
	RUN(test_smtp_refused);
	RUN(test_smtp_deferred);
	RUN(test_smtp_closed_port);
	RUN(test_smtp_silent);
	nftw(root, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	return unit_done("mail");
}
