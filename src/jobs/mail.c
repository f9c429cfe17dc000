/* mail: the sender thread of the durable mail queue, and delivery by SMTP or to the outbox. */
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
#include "jobs/bounces.h"
#include "jobs/dkim.h"
#include "jobs/mail_compose.h"
#include "store/store.h"
#include "store/mailq.h"

enum {
	MAIL_STOP_WAIT_S = 10,
	SMTP_CONNECT_TIMEOUT_S = 10,
	SMTP_TIMEOUT_S = 30,
	MAIL_POLL_MS = 2000,	/* a look for rows other processes or nodes put */
	MAIL_LEASE_S = 30 * 60, /* a claim older than this was a node's that died: its rows come back */
	MAIL_MAINTAIN_S = 60,	/* stale claims (and bounces) looked at this often */
	MAIL_BATCH_MAX = 20,	/* rows claimed at once */
	MAIL_RETRY_MAX = 20,	/* delays of mail_retry */
	MAIL_PRUNE_MAX = 5000,	/* done rows forgotten per maintenance (store_mail_prune) */
};

struct outgoing {
	const struct mail_row *row;
	buf text;    /* the whole message: headers, blank line, body; CRLF line ends */
	size_t sent; /* how much of text the SMTP read callback has handed to libcurl */
};

enum delivery {
	DELIVERED,
	REFUSED_RCPT, /* the server refused this recipient for good (5xx to RCPT): never mail it again */
	REFUSED,      /* the server refused this message for good (5xx after it) */
	DEFERRED,     /* the server said "later" (4xx), or a 5xx to the sender: try again */
	UNREACHABLE,  /* no usable server (or outbox) at all: nothing else will get through either */
	CUT,	      /* stop cut the transfer short */
};

struct mailer {
	pthread_mutex_t lock;
	pthread_cond_t wake; /* rows were put, or stop began */
	pthread_cond_t idle; /* a look found nothing due */
	bool kick;	     /* woken since the thread last looked */
	bool stopping;
	unsigned long looks, idle_look; /* looks begun; the last one that found nothing */
	struct timespec stop_deadline;	/* CLOCK_MONOTONIC; set when stop begins */
	pthread_t thread;

	pthread_mutex_t put_lock; /* mailer_send's connection is shared */
	store *put_db;

	/* only the mail thread touches these once it runs */
	store *db;
	CURL *curl;
	char curl_error[CURL_ERROR_SIZE];
	unsigned long file_seq;
	struct timespec next_send; /* mail_per_second's pace */

	/* set at start; read-only afterwards, so any thread may read them */
	struct config cfg;
	char envelope_from[sizeof((struct config *)0)->mail_from];
	char host[256]; /* Message-IDs' right side: the sender's domain */
	char node[400]; /* this node in claimed_by: host name and listen address */
	int retry[MAIL_RETRY_MAX];
	int nretry;
	const struct dkim_signer *dkim; /* the caller's; NULL: mail goes unsigned (no dkim_key_file) */
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

static enum delivery outbox_write(struct mailer *m, const struct outgoing *msg, char *why, size_t whylen)
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
	struct outgoing *msg = arg;
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

static enum delivery smtp_send(struct mailer *m, struct outgoing *msg, char *why, size_t whylen)
{
	/* one handle for the thread's life, so a burst of messages can share a connection */
	if (!m->curl && !(m->curl = curl_easy_init())) {
		snprintf(why, whylen, "libcurl could not make a handle");
		return UNREACHABLE;
	}
	CURL *h = m->curl;
	struct curl_slist *rcpt = curl_slist_append(NULL, msg->row->to);
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
	if (rc == CURLE_ABORTED_BY_CALLBACK) {
		snprintf(why, whylen, "cut short after stop waited %d s", MAIL_STOP_WAIT_S);
		return CUT;
	}
	snprintf(why, whylen, "%s", m->curl_error[0] ? m->curl_error : curl_easy_strerror(rc));
	char code[16];
	snprintf(code, sizeof code, "%ld", reply);
	if (reply > 0 && !strstr(why, code)) /* after the data libcurl says only "Weird server reply" */
		snprintf(why + strlen(why), whylen - strlen(why), " (the server answered %ld)", reply);
	if (reply >= 500 && reply < 600) {
		/* libcurl names the command refused ("RCPT failed: 550"): the recipient's refusal is for
		 * good; a refused sender (MAIL, AUTH) is the server's setup, which the operator can fix: try
		 * again */
		if (strstr(m->curl_error, "RCPT"))
			return REFUSED_RCPT;
		if (strstr(m->curl_error, "MAIL") || strstr(m->curl_error, "uth"))
			return DEFERRED;
		return REFUSED;
	}
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

/* Waits until t (CLOCK_MONOTONIC), a wake when wakeable, or stop: false once stop began. */
static bool wait_until(struct mailer *m, const struct timespec *t, bool wakeable)
{
	pthread_mutex_lock(&m->lock);
	while (!m->stopping && !(wakeable && m->kick) &&
	       pthread_cond_timedwait(&m->wake, &m->lock, t) != ETIMEDOUT)
		;
	bool go_on = !m->stopping;
	pthread_mutex_unlock(&m->lock);
	return go_on;
}

/* mail_per_second: each message waits for its turn, one every 1/rate s. */
static bool pace(struct mailer *m)
{
	if (m->cfg.mail_per_second <= 0)
		return !stop_begun(m);
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (m->next_send.tv_sec < now.tv_sec ||
	    (m->next_send.tv_sec == now.tv_sec && m->next_send.tv_nsec < now.tv_nsec))
		m->next_send = now;
	else if (!wait_until(m, &m->next_send, false))
		return false;
	long step = 1000000000L / m->cfg.mail_per_second;
	m->next_send.tv_nsec += step;
	while (m->next_send.tv_nsec >= 1000000000L) {
		m->next_send.tv_sec++;
		m->next_send.tv_nsec -= 1000000000L;
	}
	return true;
}

/* The List-Id of a list mail: the host of its unsubscribe URL (the site's), or NULL. */
static const char *list_id(char *out, size_t outlen, const char *url)
{
	const char *h = strstr(url, "://");
	if (!h)
		return NULL;
	h += 3;
	size_t n = strcspn(h, "/:?#");
	if (n == 0 || n >= outlen)
		return NULL;
	memcpy(out, h, n);
	out[n] = '\0';
	return out;
}

static enum delivery deliver_once(struct mailer *m, struct outgoing *msg, char *why, size_t whylen)
{
	const struct mail_row *r = msg->row;
	char id[400], list[256];
	snprintf(id, sizeof id, "<mailq-%lld.%lld@%s>", (long long)r->id, (long long)r->site_id, m->host);
	struct mail_msg in = {
	    .from = m->cfg.mail_from,
	    .to = r->to,
	    .subject = r->subject,
	    .text = r->text,
	    .html = r->html[0] ? r->html : NULL,
	    .unsubscribe_url = r->unsubscribe_url[0] ? r->unsubscribe_url : NULL,
	    .list_id = r->unsubscribe_url[0] ? list_id(list, sizeof list, r->unsubscribe_url) : NULL,
	    .message_id = id};
	buf_reset(&msg->text);
	if (mail_compose(&in, m->dkim, &msg->text) != 0) {
		snprintf(why, whylen, "the message could not be composed (see the log)");
		return REFUSED;
	}
	return m->cfg.smtp_url[0] ? smtp_send(m, msg, why, whylen) : outbox_write(m, msg, why, whylen);
}

/* Sends one claimed row and records what came of it, in its own short transaction. Returns its delivery. */
static enum delivery deliver(struct mailer *m, struct outgoing *msg)
{
	const struct mail_row *r = msg->row;
	char why[CURL_ERROR_SIZE + 600] = "";
	enum delivery d = deliver_once(m, msg, why, sizeof why);
	int rc = 0;
	int attempt = (int)r->attempts + 1;
	switch (d) {
	case DELIVERED:
		rc = store_mail_done(m->db, r->id, "sent", 0, NULL);
		break;
	case REFUSED_RCPT:
		log_warn("mail: the server refused the message to %s: %s; no more mail to that address",
			 r->to, why);
		rc = store_mail_done(m->db, r->id, "failed", 0, why);
		if (store_mail_suppress(m->db, r->to, "smtp", why) < 0)
			rc = -1;
		break;
	case REFUSED:
		log_warn("mail: the server refused the message to %s: %s; it failed", r->to, why);
		rc = store_mail_done(m->db, r->id, "failed", 0, why);
		break;
	case CUT:
		log_warn("mail: the message to %s was %s; it goes back to the queue", r->to, why);
		rc = store_mail_done(m->db, r->id, "queued", time(NULL), why);
		break;
	case DEFERRED:
	case UNREACHABLE:
		if (attempt > m->nretry) {
			log_error("mail: could not send to %s (attempt %d): %s; it failed", r->to, attempt,
				  why);
			rc = store_mail_done(m->db, r->id, "failed", 0, why);
		} else {
			int delay = m->retry[attempt - 1];
			log_warn("mail: could not send to %s (attempt %d): %s; trying again in %d s", r->to,
				 attempt, why, delay);
			rc = store_mail_done(m->db, r->id, "queued", time(NULL) + delay, why);
		}
		break;
	}
	if (rc != 0)
		log_error("mail: the outcome of message %lld could not be recorded; it will be sent again "
			  "when its claim lapses",
			  (long long)r->id);
	return d;
}

static int batch_size(const struct mailer *m)
{
	int rate = m->cfg.mail_per_second;
	return rate <= 0 || rate > MAIL_BATCH_MAX ? MAIL_BATCH_MAX : rate;
}

/* Takes back this node's rows still 'sending' (a batch cut short), and, with stale, any node's past the
 * lease. */
static void recover(struct mailer *m, bool stale, const char *when)
{
	int n = store_mail_recover(m->db, m->node, stale ? (int64_t)time(NULL) - MAIL_LEASE_S : 0);
	if (n > 0)
		log_info("mail: %d message%s left sending %s go%s back to the queue", n, n == 1 ? "" : "s",
			 when, n == 1 ? "es" : "");
	else if (n < 0)
		log_error("mail: the messages left sending could not be taken back");
}

/* One look: claims a batch and sends it. Returns how many rows it claimed, or -1 on a database error. */
static int send_batch(struct mailer *m, struct timespec *pause_until)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct mail_row *rows;
	size_t n = 0;
	if (store_mail_claim(m->db, &pool, m->node, batch_size(m), &rows, &n) != 0) {
		h2o_mem_clear_pool(&pool);
		return -1;
	}
	struct outgoing msg = {0};
	buf_init(&msg.text, NULL);
	bool left = false;
	for (size_t i = 0; i < n; i++) {
		if (!pace(m)) {
			left = true;
			break;
		}
		msg.row = &rows[i];
		enum delivery d = deliver(m, &msg);
		if (d == UNREACHABLE) {
			/* no server: the rest of the queue waits, untried, for the first delay */
			left = i + 1 < n;
			*pause_until = monotonic_after_ms(m->retry[0] * 1000L);
			break;
		}
		if (d == CUT) {
			left = true;
			break;
		}
	}
	buf_free(&msg.text);
	if (left)
		recover(m, false, "untried");
	h2o_mem_clear_pool(&pool);
	return (int)n;
}

static void *mail_main(void *arg)
{
	struct mailer *m = arg;
	recover(m, true, "by the last stop or crash");
	time_t maintained = time(NULL), bounced = 0;
	struct timespec pause_until = {0};
	for (;;) {
		pthread_mutex_lock(&m->lock);
		bool stopping = m->stopping;
		unsigned long look = ++m->looks;
		m->kick = false;
		pthread_mutex_unlock(&m->lock);
		if (stopping)
			break;
		if (time(NULL) - maintained >= MAIL_MAINTAIN_S) {
			maintained = time(NULL);
			recover(m, true, "by a node past its lease");
			if (store_mail_prune(m->db,
					     (int64_t)time(NULL) - (int64_t)m->cfg.mail_keep_days * 86400,
					     MAIL_PRUNE_MAX) < 0)
				log_error("mail: old messages could not be pruned");
		}
		if (m->cfg.bounce_maildir[0] && time(NULL) - bounced >= m->cfg.bounce_every) {
			bounced = time(NULL);
			bounces_scan(m->db, m->cfg.bounce_maildir);
		}
		int n = monotonic_passed(&pause_until) ? send_batch(m, &pause_until) : 0;
		if (n > 0)
			continue;
		pthread_mutex_lock(&m->lock);
		if (n == 0) {
			m->idle_look = look;
			pthread_cond_broadcast(&m->idle);
		}
		pthread_mutex_unlock(&m->lock);
		struct timespec until = monotonic_after_ms(MAIL_POLL_MS);
		if (m->cfg.bounce_maildir[0] && m->cfg.bounce_every * 1000L < MAIL_POLL_MS)
			until = monotonic_after_ms(m->cfg.bounce_every * 1000L);
		if (!monotonic_passed(&pause_until))
			until = pause_until;
		wait_until(m, &until, monotonic_passed(&pause_until));
	}
	recover(m, false, "at stop");
	pthread_mutex_lock(&m->lock);
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

/* mail_retry's delays (config.c checked them). */
static void parse_retry(struct mailer *m, const char *v)
{
	for (const char *p = v; *p && m->nretry < MAIL_RETRY_MAX;) {
		char *end;
		long d = strtol(p, &end, 10);
		if (end == p)
			break;
		m->retry[m->nretry++] = d < 1 ? 1 : (int)d;
		p = *end == ',' ? end + 1 : end;
	}
	if (!m->nretry)
		m->retry[m->nretry++] = 60;
}

static void identify(struct mailer *m)
{
	const char *at = strrchr(m->envelope_from, '@');
	snprintf(m->host, sizeof m->host, "%s", at && at[1] ? at + 1 : "plenary");
	char name[256] = "";
	if (gethostname(name, sizeof name - 1) != 0)
		snprintf(name, sizeof name, "node");
	snprintf(m->node, sizeof m->node, "%s/%s", name, m->cfg.listen);
}

static void mailer_free(struct mailer *m)
{
	if (m->curl)
		curl_easy_cleanup(m->curl);
	if (m->db)
		store_close(m->db);
	if (m->put_db)
		store_close(m->put_db);
	pthread_cond_destroy(&m->idle);
	pthread_cond_destroy(&m->wake);
	pthread_mutex_destroy(&m->lock);
	pthread_mutex_destroy(&m->put_lock);
	sodium_memzero(m->cfg.smtp_password, sizeof m->cfg.smtp_password);
	free(m);
}

struct mailer *mailer_start(const struct config *c, const struct dkim_signer *dkim)
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
	m->dkim = dkim;
	envelope_from(m->envelope_from, sizeof m->envelope_from, c->mail_from);
	identify(m);
	parse_retry(m, c->mail_retry);
	if (mailer_init_sync(m) < 0 || pthread_mutex_init(&m->put_lock, NULL) != 0)
		die("mail: cannot make a mutex or condition variable");
	char err[512];
	if (!(m->db = store_open(c->database, err, sizeof err)) ||
	    !(m->put_db = store_open(c->database, err, sizeof err))) {
		log_error("mail: %s", err);
		mailer_free(m);
		return NULL;
	}

	/* the thread starts with every signal blocked, so signals go to the threads that expect them */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	int rc = pthread_create(&m->thread, NULL, mail_main, m);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (rc != 0) {
		log_error("mail: cannot start the mail thread: %s", strerror(rc));
		mailer_free(m);
		return NULL;
	}
	if (c->smtp_url[0])
		log_smtp_start(c->smtp_url);
	else
		log_info("mail: no smtp_url set; writing mail to %s", c->outbox);
	return m;
}

void mailer_wake(struct mailer *m)
{
	if (!m)
		return;
	pthread_mutex_lock(&m->lock);
	m->kick = true;
	pthread_cond_signal(&m->wake);
	pthread_mutex_unlock(&m->lock);
}

int mailer_send(struct mailer *m, const char *to, const char *subject, const char *body)
{
	if (!m || !to || !subject || !body)
		return -1;
	/* every line end (CRLF, or a CR alone) as LF, which the composer writes as CRLF */
	buf text;
	buf_init(&text, NULL);
	for (const char *p = body; *p; p++)
		if (*p != '\r')
			buf_addc(&text, *p);
		else if (p[1] != '\n')
			buf_addc(&text, '\n');
	struct mail_item item = {.kind = "account", .to = to, .subject = subject, .text = buf_cstr(&text)};
	pthread_mutex_lock(&m->put_lock);
	int rc = store_mail_put(m->put_db, &item);
	pthread_mutex_unlock(&m->put_lock);
	buf_free(&text);
	if (rc == 0)
		log_info("mail: not sending to a suppressed address");
	else if (rc == 1)
		mailer_wake(m);
	return rc < 0 ? -1 : 0;
}

int mailer_flush(struct mailer *m, int timeout_ms)
{
	if (!m)
		return -1;
	struct timespec until = monotonic_after_ms(timeout_ms > 0 ? timeout_ms : 0);
	pthread_mutex_lock(&m->lock);
	unsigned long want = m->looks + 1; /* a look that begins after this call */
	m->kick = true;
	pthread_cond_signal(&m->wake);
	while (m->idle_look < want && !m->stopping &&
	       pthread_cond_timedwait(&m->idle, &m->lock, &until) != ETIMEDOUT)
		;
	bool idle = m->idle_look >= want;
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
	mailer_free(m);
}
