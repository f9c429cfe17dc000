/* mail: the mail thread and its queue, the RFC 5322 message, and delivery by SMTP or to the outbox. */
#include "jobs/mail.h"

#include <curl/curl.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/dirs.h"
#include "core/log.h"
#include "core/text.h"

enum {
	MAIL_QUEUE_MAX = 1000,
	MAIL_ADDRESS_MAX = 254,
	MAIL_STOP_WAIT_S = 10,
	SMTP_CONNECT_TIMEOUT_S = 10,
	SMTP_TIMEOUT_S = 30,
	/* raw bytes per encoded-word: 39 keeps "Subject: " and the word within 78 columns, 45 a folded line
	 */
	WORD_FIRST_BYTES = 39,
	WORD_BYTES = 45,
};

/* waits before the second, third and fourth attempt */
static const int retry_delay_s[] = {1, 5, 25};
#define MAIL_ATTEMPTS ((int)(sizeof retry_delay_s / sizeof retry_delay_s[0]) + 1)

struct mail_msg {
	struct mail_msg *next;
	char *to;    /* the bare recipient address, checked by address_ok */
	buf text;    /* the whole message: headers, blank line, body; CRLF line ends */
	size_t sent; /* how much of text the SMTP read callback has handed to libcurl */
};

enum delivery {
	DELIVERED,
	REFUSED,     /* the server refused this message for good (5xx): trying again cannot help */
	DEFERRED,    /* the server said "later" for this message (4xx) */
	UNREACHABLE, /* no usable server (or outbox) at all: nothing else will get through either */
};

struct mailer {
	pthread_mutex_t lock;
	pthread_cond_t wake; /* a message was queued, or stop began */
	pthread_cond_t idle; /* the queue is empty and nothing is in flight */
	struct mail_msg *head, *tail;
	size_t queued;
	bool busy; /* the mail thread holds a message (sending it or waiting to try again) */
	bool stopping;
	struct timespec stop_deadline; /* CLOCK_MONOTONIC; set when stop begins */
	pthread_t thread;

	/* only the mail thread touches these once it runs */
	CURL *curl;
	char curl_error[CURL_ERROR_SIZE];
	unsigned long file_seq;

	/* copied at start; read-only afterwards, so any thread may read them */
	struct config cfg;
	char envelope_from[sizeof((struct config *)0)->mail_from];
};

static pthread_once_t global_once = PTHREAD_ONCE_INIT;
static bool global_ok;

static void mail_global_init(void)
{
	global_ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK && sodium_init() >= 0;
}

/* ---- time ---- */

static struct timespec monotonic_after_ms(long ms)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	t.tv_sec += ms / 1000;
	t.tv_nsec += (ms % 1000) * 1000000L;
	if (t.tv_nsec >= 1000000000L) {
		t.tv_sec++;
		t.tv_nsec -= 1000000000L;
	}
	return t;
}

static bool monotonic_passed(const struct timespec *t)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > t->tv_sec || (now.tv_sec == t->tv_sec && now.tv_nsec >= t->tv_nsec);
}

/* ---- the message ---- */

/* A bare address only, by the rule every form checks (text_email_ok): anything that could end a header, add
 * a recipient or confuse the SMTP envelope is refused rather than quoted, and non-ASCII would need SMTPUTF8,
 * which we do not ask for. */
static bool address_ok(const char *to)
{
	return strlen(to) <= MAIL_ADDRESS_MAX && text_email_ok(to);
}

/* Whether header text can be written as it is: printable ASCII and tabs, short enough for one line, and
 * nothing a mail reader could take for the start of an encoded-word. */
static bool header_text_plain(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p < ' ' && *p != '\t') || *p >= 0x7f)
			return false;
	return strlen(s) <= 900 && !strstr(s, "=?");
}

/* RFC 2047 B encoding in as many encoded-words as needed, one per folded line, each at most 75 characters
 * and none cutting a UTF-8 character in two (readers decode each word on its own). */
static void add_encoded_words(buf *b, const char *s, size_t n)
{
	size_t room = WORD_FIRST_BYTES;
	for (size_t i = 0; i < n;) {
		size_t take = n - i < room ? n - i : room;
		if (i + take < n) {
			/* back off to the lead byte of a character; invalid UTF-8 (no lead byte near) is cut
			 * anywhere */
			size_t k = take;
			while (k > take - 3 && ((unsigned char)s[i + k] & 0xc0) == 0x80)
				k--;
			if (((unsigned char)s[i + k] & 0xc0) != 0x80)
				take = k;
		}
		char word[sodium_base64_ENCODED_LEN(WORD_BYTES, sodium_base64_VARIANT_ORIGINAL)];
		sodium_bin2base64(word, sizeof word, (const unsigned char *)s + i, take,
				  sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s=?UTF-8?B?%s?=", i ? "\r\n " : "", word);
		i += take;
		room = WORD_BYTES;
	}
}

static void add_header_text(buf *b, const char *s)
{
	if (header_text_plain(s))
		buf_adds(b, s);
	else
		add_encoded_words(b, s, strlen(s));
}

/* From: a display name that is not ASCII is encoded; the address in <...> never is. */
static void add_from(buf *b, const char *from)
{
	const char *lt = strrchr(from, '<');
	if (header_text_plain(from) || !lt) {
		buf_adds(b, from);
		return;
	}
	const char *name = from, *end = lt;
	while (end > name && end[-1] == ' ')
		end--;
	if (end - name >= 2 && name[0] == '"' && end[-1] == '"') {
		name++;
		end--;
	}
	if (end > name) {
		add_encoded_words(b, name, (size_t)(end - name));
		buf_addc(b, ' ');
	}
	buf_adds(b, lt);
}

/* RFC 5322 date in UTC, with English names whatever the locale. */
static void add_date(buf *b, time_t t)
{
	static const char days[7][4] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
	static const char months[12][4] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
					   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
	struct tm tm;
	gmtime_r(&t, &tm);
	buf_printf(b, "%s, %02d %s %04d %02d:%02d:%02d +0000", days[tm.tm_wday], tm.tm_mday,
		   months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

/* Every line end (LF, CR or CRLF) becomes CRLF, and the body ends with one. Dots are left alone: libcurl
 * stuffs them for SMTP, and a file needs none. */
static void add_body(buf *b, const char *body)
{
	for (const char *p = body; *p;) {
		size_t n = strcspn(p, "\r\n");
		buf_add(b, p, n);
		buf_add(b, "\r\n", 2);
		p += n;
		if (*p == '\r' && p[1] == '\n')
			p += 2;
		else if (*p)
			p++;
	}
}

static void build_message(buf *b, const struct mailer *m, const char *to, const char *subject,
			  const char *body)
{
	unsigned char id[16];
	char id_hex[2 * sizeof id + 1];
	randombytes_buf(id, sizeof id);
	sodium_bin2hex(id_hex, sizeof id_hex, id, sizeof id);

	buf_adds(b, "From: ");
	add_from(b, m->cfg.mail_from);
	buf_printf(b, "\r\nTo: %s\r\nSubject: ", to);
	add_header_text(b, subject);
	buf_adds(b, "\r\nDate: ");
	add_date(b, time(NULL));
	buf_printf(b,
		   "\r\nMessage-ID: <%s@plenary>\r\n"
		   "MIME-Version: 1.0\r\n"
		   "Content-Type: text/plain; charset=utf-8\r\n"
		   "Content-Transfer-Encoding: 8bit\r\n"
		   "\r\n",
		   id_hex);
	add_body(b, body);
}

static void msg_free(struct mail_msg *msg)
{
	free(msg->to);
	buf_free(&msg->text);
	free(msg);
}

/* ---- delivery to the outbox ---- */

static int write_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Gives the written .tmp file its final name without ever replacing an older message (link fails where
 * rename would overwrite); a file system without hard links gets a plain rename. */
static int outbox_publish(struct mailer *m, const char *tmp, const char *stamp)
{
	buf name;
	buf_init(&name, NULL);
	int rc;
	for (;;) {
		buf_reset(&name);
		buf_printf(&name, "%s/%s-%lu.eml", m->cfg.outbox, stamp, m->file_seq);
		rc = link(tmp, buf_cstr(&name));
		if (rc == 0 || errno != EEXIST)
			break;
		m->file_seq++;
	}
	if (rc == 0)
		unlink(tmp);
	else if (errno == EPERM || errno == ENOTSUP)
		rc = rename(tmp, buf_cstr(&name));
	buf_free(&name);
	return rc;
}

static enum delivery outbox_write(struct mailer *m, const struct mail_msg *msg, char *why, size_t whylen)
{
	char stamp[32];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%dT%H%M%SZ", &tm);
	m->file_seq++;

	buf tmp;
	buf_init(&tmp, NULL);
	buf_printf(&tmp, "%s/%s-%lu.eml.tmp", m->cfg.outbox, stamp, m->file_seq);
	enum delivery d = UNREACHABLE;
	int fd = open(buf_cstr(&tmp), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(why, whylen, "cannot create %s: %s", buf_cstr(&tmp), strerror(errno));
	} else if (write_all(fd, msg->text.p, msg->text.len) < 0 || fsync(fd) < 0) {
		snprintf(why, whylen, "cannot write %s: %s", buf_cstr(&tmp), strerror(errno));
		close(fd);
		unlink(buf_cstr(&tmp));
	} else if (close(fd) < 0 || outbox_publish(m, buf_cstr(&tmp), stamp) < 0) {
		snprintf(why, whylen, "cannot save %s: %s", buf_cstr(&tmp), strerror(errno));
		unlink(buf_cstr(&tmp));
	} else {
		d = DELIVERED;
	}
	buf_free(&tmp);
	return d;
}

/* ---- delivery by SMTP ---- */

static size_t smtp_read(char *dst, size_t size, size_t nmemb, void *arg)
{
	struct mail_msg *msg = arg;
	size_t n = msg->text.len - msg->sent;
	if (n > size * nmemb)
		n = size * nmemb;
	memcpy(dst, msg->text.p + msg->sent, n);
	msg->sent += n;
	return n;
}

/* Cuts a transfer short once stop has waited long enough; libcurl calls it about once a second at least. */
static int smtp_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
			 curl_off_t ulnow)
{
	(void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
	struct mailer *m = arg;
	pthread_mutex_lock(&m->lock);
	bool late = m->stopping && monotonic_passed(&m->stop_deadline);
	pthread_mutex_unlock(&m->lock);
	return late;
}

static enum delivery smtp_send(struct mailer *m, struct mail_msg *msg, char *why, size_t whylen)
{
	/* one handle for the thread's life, so a burst of messages can share a connection */
	if (!m->curl && !(m->curl = curl_easy_init())) {
		snprintf(why, whylen, "libcurl could not make a handle");
		return UNREACHABLE;
	}
	CURL *h = m->curl;
	struct curl_slist *rcpt = curl_slist_append(NULL, msg->to);
	if (!rcpt)
		die("out of memory");
	msg->sent = 0;
	m->curl_error[0] = '\0';
	curl_easy_setopt(h, CURLOPT_URL, m->cfg.smtp_url);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(h, CURLOPT_MAIL_FROM, m->envelope_from);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(h, CURLOPT_READFUNCTION, smtp_read);
	curl_easy_setopt(h, CURLOPT_READDATA, msg);
	if (m->cfg.smtp_user[0])
		curl_easy_setopt(h, CURLOPT_USERNAME, m->cfg.smtp_user);
	if (m->cfg.smtp_password[0])
		curl_easy_setopt(h, CURLOPT_PASSWORD, m->cfg.smtp_password);
	/* STARTTLS when offered; required when there is a password to protect */
	if (strncasecmp(m->cfg.smtp_url, "smtp://", 7) == 0)
		curl_easy_setopt(h, CURLOPT_USE_SSL,
				 (long)(m->cfg.smtp_password[0] ? CURLUSESSL_ALL : CURLUSESSL_TRY));
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, (long)SMTP_CONNECT_TIMEOUT_S);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, (long)SMTP_TIMEOUT_S);
	/* libcurl's timeouts would otherwise use signals, which belong to the whole process */
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_NOPROGRESS, 0L);
	curl_easy_setopt(h, CURLOPT_XFERINFOFUNCTION, smtp_progress);
	curl_easy_setopt(h, CURLOPT_XFERINFODATA, m);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, m->curl_error);

	CURLcode rc = curl_easy_perform(h);
	long reply = 0;
	curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &reply);
	curl_easy_setopt(h, CURLOPT_MAIL_RCPT, NULL);
	curl_slist_free_all(rcpt);
	if (rc == CURLE_OK)
		return DELIVERED;
	if (rc == CURLE_ABORTED_BY_CALLBACK)
		snprintf(why, whylen, "cut short after stop waited %d s", MAIL_STOP_WAIT_S);
	else
		snprintf(why, whylen, "%s", m->curl_error[0] ? m->curl_error : curl_easy_strerror(rc));
	if (reply >= 500 && reply < 600)
		return REFUSED;
	return reply >= 400 && reply < 500 ? DEFERRED : UNREACHABLE;
}

/* ---- the mail thread ---- */

static bool stop_begun(struct mailer *m)
{
	pthread_mutex_lock(&m->lock);
	bool stopping = m->stopping;
	pthread_mutex_unlock(&m->lock);
	return stopping;
}

/* Sleeps before another attempt; returns false at once when stop begins, since stop must not wait 25 s. */
static bool retry_wait(struct mailer *m, int seconds)
{
	struct timespec until = monotonic_after_ms(seconds * 1000L);
	pthread_mutex_lock(&m->lock);
	while (!m->stopping && pthread_cond_timedwait(&m->wake, &m->lock, &until) != ETIMEDOUT)
		;
	bool go_on = !m->stopping;
	pthread_mutex_unlock(&m->lock);
	return go_on;
}

/* Tries one message until it is sent, refused, out of attempts or cut short by stop. Returns true when an
 * attempt made after stop began found no server: then the rest of the queue is dropped too, since stop
 * must not try a dead server once per message. */
static bool deliver(struct mailer *m, struct mail_msg *msg)
{
	char why[CURL_ERROR_SIZE + 600];
	for (int attempt = 1;; attempt++) {
		bool stopping = stop_begun(m);
		why[0] = '\0';
		enum delivery d = m->cfg.smtp_url[0] ? smtp_send(m, msg, why, sizeof why)
						     : outbox_write(m, msg, why, sizeof why);
		if (d == DELIVERED)
			return false;
		if (d == REFUSED) {
			log_error("mail: the server refused the message to %s: %s; dropping it", msg->to,
				  why);
			return false;
		}
		if (attempt == MAIL_ATTEMPTS || stopping || stop_begun(m)) {
			log_error("mail: could not send to %s (attempt %d): %s; dropping it", msg->to,
				  attempt, why);
			return stopping && d == UNREACHABLE;
		}
		int delay = retry_delay_s[attempt - 1];
		log_warn("mail: could not send to %s (attempt %d): %s; trying again in %d s", msg->to,
			 attempt, why, delay);
		if (!retry_wait(m, delay)) {
			log_error("mail: stopping; dropping the message to %s", msg->to);
			return false;
		}
	}
}

/* Called with the lock held. */
static void drop_queue(struct mailer *m, const char *why)
{
	if (m->queued)
		log_error("mail: %s; dropping %zu queued message%s", why, m->queued,
			  m->queued == 1 ? "" : "s");
	while (m->head) {
		struct mail_msg *next = m->head->next;
		msg_free(m->head);
		m->head = next;
	}
	m->tail = NULL;
	m->queued = 0;
}

static void *mail_main(void *arg)
{
	struct mailer *m = arg;
	pthread_mutex_lock(&m->lock);
	for (;;) {
		while (!m->head && !m->stopping)
			pthread_cond_wait(&m->wake, &m->lock);
		if (m->head && m->stopping && monotonic_passed(&m->stop_deadline))
			drop_queue(m, "stopping took longer than 10 s");
		if (!m->head)
			break;
		struct mail_msg *msg = m->head;
		m->head = msg->next;
		if (!m->head)
			m->tail = NULL;
		m->queued--;
		m->busy = true;
		pthread_mutex_unlock(&m->lock);

		bool server_down = deliver(m, msg);
		msg_free(msg);

		pthread_mutex_lock(&m->lock);
		m->busy = false;
		if (server_down)
			drop_queue(m, "stopping while mail cannot be sent");
		if (!m->head)
			pthread_cond_broadcast(&m->idle);
	}
	pthread_cond_broadcast(&m->idle);
	pthread_mutex_unlock(&m->lock);
	return NULL;
}

/* ---- start, send, flush, stop ---- */

/* The envelope sender is the address in "Name <address>", or the whole setting when it has no <...>. */
static void envelope_from(char *out, size_t outlen, const char *from)
{
	const char *lt = strrchr(from, '<'), *gt = lt ? strchr(lt, '>') : NULL;
	if (lt && gt)
		snprintf(out, outlen, "%.*s", (int)(gt - lt - 1), lt + 1);
	else
		snprintf(out, outlen, "%s", from);
}

/* For the log: the URL without a user name or password written into it. */
static void log_smtp_start(const char *url)
{
	const char *host = strstr(url, "://"), *at = host ? strchr(host, '@') : NULL;
	if (at && !memchr(host + 3, '/', (size_t)(at - host - 3)))
		log_info("mail: sending mail through %.*s%s", (int)(host + 3 - url), url, at + 1);
	else
		log_info("mail: sending mail through %s", url);
}

static int mailer_init_sync(struct mailer *m)
{
	pthread_condattr_t attr;
	if (pthread_condattr_init(&attr) != 0)
		return -1;
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	int rc = pthread_mutex_init(&m->lock, NULL) == 0 && pthread_cond_init(&m->wake, &attr) == 0 &&
			 pthread_cond_init(&m->idle, &attr) == 0
		     ? 0
		     : -1;
	pthread_condattr_destroy(&attr);
	return rc;
}

struct mailer *mailer_start(const struct config *c)
{
	pthread_once(&global_once, mail_global_init);
	if (!global_ok) {
		log_error("mail: libcurl or libsodium could not be initialised");
		return NULL;
	}
	if (c->smtp_url[0] && strncasecmp(c->smtp_url, "smtp://", 7) != 0 &&
	    strncasecmp(c->smtp_url, "smtps://", 8) != 0) {
		log_error("mail: smtp_url must start with smtp:// or smtps://");
		return NULL;
	}
	if (!c->smtp_url[0] && (!c->outbox[0] || dir_make(c->outbox, 0700) < 0)) {
		log_error("mail: cannot create the outbox folder \"%s\": %s", c->outbox,
			  c->outbox[0] ? strerror(errno) : "outbox is empty");
		return NULL;
	}
	struct mailer *m = calloc(1, sizeof *m);
	if (!m)
		die("out of memory");
	m->cfg = *c;
	envelope_from(m->envelope_from, sizeof m->envelope_from, c->mail_from);
	if (mailer_init_sync(m) < 0)
		die("mail: cannot make a mutex or condition variable");

	/* the thread starts with every signal blocked, so signals go to the threads that expect them */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&m->thread, NULL, mail_main, m);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		log_error("mail: cannot start the mail thread: %s", strerror(rc));
		pthread_cond_destroy(&m->idle);
		pthread_cond_destroy(&m->wake);
		pthread_mutex_destroy(&m->lock);
		free(m);
		return NULL;
	}
	if (c->smtp_url[0])
		log_smtp_start(c->smtp_url);
	else
		log_info("mail: no smtp_url set; writing mail to %s", c->outbox);
	return m;
}

int mailer_send(struct mailer *m, const char *to, const char *subject, const char *body)
{
	if (!m || !to || !subject || !body || !address_ok(to) || strpbrk(subject, "\r\n"))
		return -1;
	struct mail_msg *msg = calloc(1, sizeof *msg);
	if (!msg || !(msg->to = strdup(to)))
		die("out of memory");
	buf_init(&msg->text, NULL);
	build_message(&msg->text, m, to, subject, body);

	pthread_mutex_lock(&m->lock);
	bool ok = !m->stopping && m->queued < MAIL_QUEUE_MAX;
	if (ok) {
		if (m->tail)
			m->tail->next = msg;
		else
			m->head = msg;
		m->tail = msg;
		m->queued++;
		pthread_cond_signal(&m->wake);
	}
	pthread_mutex_unlock(&m->lock);
	if (!ok) {
		log_warn("mail: the queue is full or stopping; not sending to %s", to);
		msg_free(msg);
	}
	return ok ? 0 : -1;
}

int mailer_flush(struct mailer *m, int timeout_ms)
{
	if (!m)
		return -1;
	struct timespec until = monotonic_after_ms(timeout_ms > 0 ? timeout_ms : 0);
	pthread_mutex_lock(&m->lock);
	while ((m->head || m->busy) && pthread_cond_timedwait(&m->idle, &m->lock, &until) != ETIMEDOUT)
		;
	bool idle = !m->head && !m->busy;
	pthread_mutex_unlock(&m->lock);
	return idle ? 0 : -1;
}

void mailer_stop(struct mailer *m)
{
	if (!m)
		return;
	pthread_mutex_lock(&m->lock);
	m->stopping = true;
	m->stop_deadline = monotonic_after_ms(MAIL_STOP_WAIT_S * 1000L);
	pthread_cond_broadcast(&m->wake);
	pthread_mutex_unlock(&m->lock);
	pthread_join(m->thread, NULL);

	if (m->curl)
		curl_easy_cleanup(m->curl);
	pthread_cond_destroy(&m->idle);
	pthread_cond_destroy(&m->wake);
	pthread_mutex_destroy(&m->lock);
	sodium_memzero(m->cfg.smtp_password, sizeof m->cfg.smtp_password);
	free(m);
}
