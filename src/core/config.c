/* config: every setting in one table (name, type, bounds, default, help), read from an INI file. */
#include "core/config.h"

#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/domain.h"
#include "core/netlist.h"
#include "core/zone.h"

enum setting_type { SET_INT, SET_STR };

struct setting {
	const char *name;
	enum setting_type type;
	size_t offset, size;
	long min, max; /* bounds of an int; maximum length of a string */
	const char *def;
	const char *help;
	int (*valid)(const char *value, char *err, size_t errlen);
};

static int valid_listen(const char *v, char *err, size_t errlen);
static int valid_zone(const char *v, char *err, size_t errlen)
{
	return zone_check(v, err, errlen);
}

static int valid_level(const char *v, char *err, size_t errlen);
static int valid_weekday(const char *v, char *err, size_t errlen);
static int valid_on_off(const char *v, char *err, size_t errlen);
static int valid_proxies(const char *v, char *err, size_t errlen);
static int valid_public_url(const char *v, char *err, size_t errlen);
static int valid_cookie_domain(const char *v, char *err, size_t errlen);
static int valid_retry(const char *v, char *err, size_t errlen);
static int valid_metrics_listen(const char *v, char *err, size_t errlen);
static int valid_log_format(const char *v, char *err, size_t errlen)
{
	if (strcmp(v, "combined") == 0 || strcmp(v, "json") == 0)
		return 0;
	snprintf(err, errlen, "'%s' is not combined or json", v);
	return -1;
}
static int valid_language(const char *v, char *err, size_t errlen)
{
	size_t n = strlen(v);
	if (n >= 2 && n <= 3 && strspn(v, "abcdefghijklmnopqrstuvwxyz") == n)
		return 0;
	snprintf(err, errlen, "a language is two or three lowercase letters (en, fr, nl)");
	return -1;
}

#define INT(n, lo, hi, d, h)                                                                                 \
	{                                                                                                    \
#n, SET_INT, offsetof(struct config, n), sizeof(int), lo, hi, #d, h, NULL                    \
	}
#define STR(n, d, h, v)                                                                                      \
	{                                                                                                    \
#n, SET_STR, offsetof(struct config, n), sizeof(((struct config *)0)->n), 0,                 \
		    sizeof(((struct config *)0)->n) - 1, d, h, v                                             \
	}

static const struct setting settings[] = {
    STR(listen, "127.0.0.1:8080", "address and port to listen on (ADDR:PORT; [::1]:8080 for IPv6)",
	valid_listen),
    STR(tls_cert, "",
	"certificate chain (PEM) for HTTPS; with tls_key set too, Plenary serves HTTPS with HTTP/2 and HSTS",
	NULL),
    STR(tls_key, "", "private key (PEM) of tls_cert", NULL),
    INT(threads, 0, 64, 0,
	"worker threads, each with its own event loop and database connection; 0 = one per core"),
    STR(database, "var/plenary.db", "path of the SQLite database file", NULL),
    STR(theme, "themes/default", "theme folder: templates (*.html) and static/ files; copy it to customise",
	NULL),
    STR(default_language, "en",
	"the theme's base language: its catalog (theme/i18n/LANG.json) holds every message, and a message "
	"missing from another language's falls back to it",
	valid_language),
    STR(access_log, "-", "access log file; - for standard output, empty for none", NULL),
    STR(log_level, "info", "lowest level of messages logged: debug, info, warn or error", valid_level),
    INT(max_body_kb, 1, 65536, 256,
	"largest request body accepted on any address, in KiB: a larger one gets 413 as soon as its headers "
	"arrive (and at once to Expect: 100-continue), before any of it is read"),
    INT(upload_max_mb, 1, 512, 16,
	"largest file uploaded to the media library, in MiB (files larger than max_body_kb arrive in chunks "
	"written to disk)"),
    INT(video_max_mb, 1, 65536, 2048,
	"largest video (MP4 or WebM) uploaded to the media library, in MiB: it arrives in chunks written to "
	"disk, never whole in memory"),
    STR(media_dir, "var/media", "folder of the media library's image and video files (created when missing)",
	NULL),
    INT(max_header_kb, 1, 1024, 16, "largest total size of request headers, in KiB (larger gets 431)"),
    INT(max_url_bytes, 256, 65536, 8192,
	"longest request target (path and query), in bytes (longer gets 414)"),
    INT(http2_cleartext, 0, 1, 0,
	"1 also speaks HTTP/2 without TLS (prior knowledge and Upgrade: h2c); HTTP/2 over TLS is always "
	"offered"),
    STR(trusted_proxies, "",
	"addresses of the reverse proxies in front (e.g. 127.0.0.1, ::1, 10.0.0.0/8): only for a peer listed "
	"here is the client address read from X-Forwarded-For (or the PROXY protocol); empty trusts none",
	valid_proxies),
    INT(proxy_protocol, 0, 1, 0,
	"1 expects the PROXY protocol (v1) line from the proxy on every connection; connections from "
	"addresses not in trusted_proxies are then refused"),
    INT(page_size, 5, 100, 12, "articles per page in lists"),
    INT(shutdown_timeout, 1, 600, 10, "seconds requests in flight get to finish after SIGTERM or SIGINT"),
    INT(mmap_mb, 0, 65536, 32,
	"database file each worker reads through a memory map, in MiB (faster searches; counts in resident "
	"memory once per worker); 0 reads with system calls"),
    INT(cache_mb, 0, 65536, 64, "memory for rendered pages per worker thread, in MiB; 0 turns the cache off"),
    INT(whatsnew_pdf_text_kb, 1, 65536, 2048,
	"article text (Markdown) a \"What's new\" PDF prints whole, in KiB; the articles past it show their "
	"summary and a link (300 long articles would run to thousands of pages)"),
    STR(smtp_url, "",
	"SMTP server for mail (smtp://host:port, smtps://host:465); empty writes mail to the outbox folder",
	NULL),
    STR(smtp_user, "", "SMTP user name, if the server wants one", NULL),
    STR(smtp_password, "", "SMTP password", NULL),
    STR(mail_from, "Plenary <no-reply@localhost>", "sender of the mail Plenary sends", NULL),
    STR(outbox, "var/outbox", "folder where mail goes when no SMTP server is set", NULL),
    INT(mail_per_second, 0, 100000, 20,
	"messages sent per second at most; 0 sends as fast as the server takes them"),
    STR(mail_retry, "60,300,1800,7200,21600,21600,21600",
	"seconds to wait before each new attempt after a temporary SMTP failure (comma-separated, at most "
	"20); "
	"past the last the message fails",
	valid_retry),
    STR(bounce_maildir, "",
	"Maildir the MTA delivers bounce reports (DSNs) to; each minute its new/ is read and a failed "
	"recipient is no longer mailed; empty for none",
	NULL),
    INT(bounce_every, 1, 86400, 60, "seconds between two reads of bounce_maildir"),
    INT(mail_keep_days, 1, 3650, 30,
	"days the mail queue keeps a message once sent or given up (a newsletter's keep their state, not "
	"their text)"),
    STR(dkim_key_file, "",
	"PEM RSA private key signing outgoing mail with DKIM (docs/mail.md); empty sends mail unsigned",
	NULL),
    STR(dkim_selector, "plenary", "DKIM selector: the key's DNS record is SELECTOR._domainkey.DOMAIN", NULL),
    STR(dkim_domain, "", "DKIM signing domain (d=); empty takes the domain of mail_from", NULL),
    STR(password_blocklist, "/usr/share/john/password.lst",
	"file of common passwords refused at sign-up, one per line; empty for none", NULL),
    INT(session_idle_minutes, 5, 525600, 720, "a session not used for this many minutes ends"),
    INT(session_remember_days, 1, 365, 30, "lifetime of a session with \"remember me\", in days"),
    INT(session_max_hours, 1, 8760, 24, "lifetime of a session without \"remember me\", in hours"),
    INT(hash_threads, 1, 64, 1, "threads that hash passwords (argon2id), off the event loops"),
    INT(hash_queue, 1, 100000, 64,
	"password checks waiting for a hashing thread at most; past that a request gets 429 with "
	"Retry-After; "
	"a quarter is kept for signed-in readers' re-checks (changing a password, deleting an account...)"),
    INT(hash_per_client, 0, 100000, 8,
	"password checks one client address (or one signed-in account) may have waiting or being hashed; "
	"past that 429; 0 for no such limit"),
    INT(image_threads, 1, 64, 1,
	"threads that check and resize uploaded images, apart from the hashing ones"),
    INT(image_queue, 1, 10000, 16,
	"uploaded images waiting for an image thread at most; past that the upload gets 429 with Retry-After "
	"(a chunked upload stays, to be processed when sent again)"),
    INT(render_threads, 0, 64, 2,
	"threads that render public pages missing from the cache, each with its own database connection, so "
	"the event loops go on serving cached pages meanwhile; 0 renders on the loops"),
    INT(render_queue, 1, 100000, 256,
	"pages waiting for a render thread at most; past that a request gets 503 with Retry-After"),
    INT(render_queue_per_connection, 1, 1000, 16,
	"pages of one connection waiting or rendering at most; past that its requests get 503"),
    INT(signin_free_per_account, 1, 1000, 3,
	"password attempts (sign-in, second factor, re-entering it to change the account) one account gets "
	"in "
	"an hour before each more waits 1, 2, 4 ... seconds; 100 at most (or this) in the hour"),
    INT(signin_free_per_address, 1, 100000, 10,
	"password attempts one client address gets in an hour before each more waits 1, 2, 4 ... seconds; "
	"1,000 at most (or this) in the hour"),
    INT(mail_per_recipient, 1, 100000, 5,
	"mails the account forms (sign-up, password reset, change of address, resending a confirmation) send "
	"to one address in an hour; past that the form answers 429 with when to try again"),
    INT(mail_per_address, 1, 100000, 20,
	"mails the account forms send in an hour at the request of one client address"),
    INT(contact_per_address, 1, 100000, 5,
	"contact-form messages accepted from one client address in an hour"),
    INT(contact_per_hour, 1, 1000000, 200,
	"contact-form messages accepted from everyone together in an hour"),
    STR(public_url, "",
	"scheme and port links in mail and canonical URLs use, as https:// or http://:8080 (the host is the "
	"site's); empty uses the request's scheme and no port, never the port a request's Host header names",
	valid_public_url),
    STR(sso_cookie_domain, "",
	"parent domain the sister sites share their sign-in and cookie choice on (example.org for "
	"onco.example.org and derm.example.org); empty derives it from the sites' hosts, off never shares. "
	"A public suffix (org, co.uk, github.io...) is never used; sites outside it sign in by a redirect "
	"handshake through the default site",
	valid_cookie_domain),
    INT(search_threads, 1, 16, 2,
	"threads that read one search's hits, each a part of the articles with its own database connection "
	"(SQLite sites of 2,000 articles or more); 1 reads them on one"),
    STR(time_zone, "UTC",
	"time zone the back office reads and shows times in (a name of the system's zoneinfo, such as "
	"Europe/Brussels); times are stored in UTC",
	valid_zone),
    INT(alert_delay_minutes, 0, 1440, 10,
	"an alert goes out this many minutes after the first article it holds became public, and once no "
	"other article has followed for two minutes (or this, when shorter), so articles published together "
	"make one mail per reader"),
    STR(digest_weekday, "monday", "day the weekly digests go out (monday to sunday, site time)",
	valid_weekday),
    INT(digest_hour, 0, 23, 7, "hour the weekly digests go out on digest_weekday, in time_zone"),
    STR(access_log_format, "combined",
	"combined (Apache's combined format) or json (one JSON object a line: time, client, method, path, "
	"status, bytes, duration, referer, user agent...; docs/deploy.md)",
	valid_log_format),
    STR(metrics_listen, "",
	"ADDR:PORT of a listener of its own serving Prometheus metrics at /metrics (e.g. 127.0.0.1:9100), "
	"only to whoever can reach it; empty for none",
	valid_metrics_listen),
    STR(metrics_allow, "",
	"client addresses and networks (as trusted_proxies) that may read the metrics at /metrics on the "
	"site's own listener; anyone else gets 404; empty for none",
	valid_proxies),
    STR(analytics, "on",
	"on counts page views, reads, video plays and feed and mail clicks in the database itself, without "
	"cookies and without storing addresses or user agents (docs/deploy.md); off counts nothing",
	valid_on_off),
    INT(analytics_min_group, 2, 1000, 10,
	"smallest group of readers the reports show apart: a profession, specialty or country is shown only "
	"when "
	"at least this many accounts hold it and it counts at least this many, the rest is merged into "
	"Other"),
};
#define NSETTINGS (sizeof settings / sizeof settings[0])

static int valid_listen(const char *v, char *err, size_t errlen)
{
	char host[128];
	int port;
	if (config_listen_parts(v, host, sizeof host, &port) != 0) {
		snprintf(err, errlen, "'%s' is not ADDR:PORT with a port from 1 to 65535", v);
		return -1;
	}
	return 0;
}

static int valid_metrics_listen(const char *v, char *err, size_t errlen)
{
	return v[0] ? valid_listen(v, err, errlen) : 0;
}

static int valid_proxies(const char *v, char *err, size_t errlen)
{
	struct netlist list;
	return netlist_parse(&list, v, err, errlen);
}

static int valid_cookie_domain(const char *v, char *err, size_t errlen)
{
	if (!v[0] || strcmp(v, "off") == 0 || domain_cookie_safe(v))
		return 0;
	snprintf(
	    err, errlen,
	    "%s cannot be shared: a bare top-level domain, an address or a public suffix (co.uk, "
	    "github.io...) "
	    "would reach other people's sites, and browsers refuse it; name the sites' own parent domain "
	    "(example.org), or leave it empty",
	    v);
	return -1;
}

static int valid_public_url(const char *v, char *err, size_t errlen)
{
	const char *rest = !strncmp(v, "https://", 8) ? v + 8 : !strncmp(v, "http://", 7) ? v + 7 : NULL;
	char *end = NULL;
	long port = rest && rest[0] == ':' ? strtol(rest + 1, &end, 10) : 0;
	if (!v[0] || (rest && !rest[0]) ||
	    (rest && rest[0] == ':' && end && end != rest + 1 && !*end && port >= 1 && port <= 65535))
		return 0;
	snprintf(err, errlen,
		 "'%s' is not https:// or http:// with an optional :PORT (the host is each site's)", v);
	return -1;
}

static int valid_retry(const char *v, char *err, size_t errlen)
{
	int n = 0;
	for (const char *p = v;; p++) {
		char *end;
		long d = strtol(p, &end, 10);
		if (end == p || *p < '0' || *p > '9' || d < 1 || d > 604800 || ++n > 20 ||
		    (*end && *end != ',')) {
			snprintf(err, errlen,
				 "'%s' is not 1 to 20 comma-separated numbers of seconds (1 to 604800)", v);
			return -1;
		}
		if (!*end)
			return 0;
		p = end;
	}
}

static int valid_level(const char *v, char *err, size_t errlen)
{
	if (strcmp(v, "debug") && strcmp(v, "info") && strcmp(v, "warn") && strcmp(v, "error")) {
		snprintf(err, errlen, "'%s' is not one of debug, info, warn, error", v);
		return -1;
	}
	return 0;
}

static int valid_weekday(const char *v, char *err, size_t errlen)
{
	static const char *const days[] = {"sunday",   "monday", "tuesday", "wednesday",
					   "thursday", "friday", "saturday"};
	for (size_t i = 0; i < sizeof days / sizeof *days; i++)
		if (strcasecmp(v, days[i]) == 0)
			return 0;
	snprintf(err, errlen, "'%s' is not a day of the week in English (monday ... sunday)", v);
	return -1;
}

static int valid_on_off(const char *v, char *err, size_t errlen)
{
	if (strcmp(v, "on") == 0 || strcmp(v, "off") == 0)
		return 0;
	snprintf(err, errlen, "'%s' is neither on nor off", v);
	return -1;
}

int config_listen_parts(const char *listen, char *host, size_t hostlen, int *port)
{
	const char *colon = strrchr(listen, ':');
	if (!colon || colon == listen)
		return -1;
	const char *h = listen, *he = colon;
	if (*h == '[') {
		if (he[-1] != ']')
			return -1;
		h++;
		he--;
	}
	if (he <= h || (size_t)(he - h) >= hostlen)
		return -1;
	char *end;
	errno = 0;
	long p = strtol(colon + 1, &end, 10);
	if (errno || *end || end == colon + 1 || p < 1 || p > 65535)
		return -1;
	memcpy(host, h, (size_t)(he - h));
	host[he - h] = '\0';
	*port = (int)p;
	return 0;
}

static const struct setting *setting_find(const char *name)
{
	for (size_t i = 0; i < NSETTINGS; i++)
		if (strcmp(settings[i].name, name) == 0)
			return &settings[i];
	return NULL;
}

static int setting_apply(struct config *c, const struct setting *s, const char *value, char *err,
			 size_t errlen)
{
	char *field = (char *)c + s->offset;
	if (s->type == SET_INT) {
		char *end;
		errno = 0;
		long v = strtol(value, &end, 10);
		while (*end == ' ' || *end == '\t')
			end++;
		if (errno || end == value || *end) {
			snprintf(err, errlen, "%s: '%s' is not a whole number", s->name, value);
			return -1;
		}
		if (v < s->min || v > s->max) {
			snprintf(err, errlen, "%s: %ld is out of range (%ld to %ld)", s->name, v, s->min,
				 s->max);
			return -1;
		}
		*(int *)field = (int)v;
		return 0;
	}
	size_t n = strlen(value);
	if (n > (size_t)s->max) {
		snprintf(err, errlen, "%s: value is longer than %ld characters", s->name, s->max);
		return -1;
	}
	if (s->valid) {
		char why[256];
		if (s->valid(value, why, sizeof why) != 0) {
			snprintf(err, errlen, "%s: %s", s->name, why);
			return -1;
		}
	}
	memcpy(field, value, n + 1);
	return 0;
}

void config_defaults(struct config *c)
{
	char err[256];
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < NSETTINGS; i++)
		if (setting_apply(c, &settings[i], settings[i].def, err, sizeof err) != 0)
			abort(); /* a default outside its own bounds is a bug in the table */
}

int config_set(struct config *c, const char *name, const char *value, char *err, size_t errlen)
{
	const struct setting *s = setting_find(name);
	if (!s) {
		snprintf(err, errlen, "unknown setting '%s' (plenary --help lists them)", name);
		return -1;
	}
	return setting_apply(c, s, value, err, errlen);
}

struct ini_state {
	struct config *c;
	char *err;
	size_t errlen;
};

static int on_ini_line(void *user, const char *section, const char *name, const char *value)
{
	struct ini_state *st = user;
	if (section[0] && strcmp(section, "plenary") != 0) {
		snprintf(st->err, st->errlen, "unknown section [%s] (settings go in [plenary])", section);
		return 0;
	}
	return config_set(st->c, name, value, st->err, st->errlen) == 0;
}

int config_check(const struct config *c, char *err, size_t errlen)
{
	struct netlist proxies;
	if (netlist_parse(&proxies, c->trusted_proxies, err, errlen) != 0)
		return -1;
	if (c->proxy_protocol && proxies.n == 0) {
		snprintf(
		    err, errlen,
		    "proxy_protocol = 1 needs trusted_proxies: the addresses of the proxies that send it");
		return -1;
	}
	if (c->metrics_listen[0] && strcmp(c->metrics_listen, c->listen) == 0) {
		/* both would bind it (SO_REUSEPORT) and share its connections */
		snprintf(err, errlen, "metrics_listen must differ from listen (%s)", c->listen);
		return -1;
	}
	return 0;
}

int config_load_file(struct config *c, const char *path, char *err, size_t errlen)
{
	char why[400] = "";
	struct ini_state st = {c, why, sizeof why};
	int rc = ini_parse(path, on_ini_line, &st);
	if (rc == 0)
		return 0;
	if (rc == -1)
		snprintf(err, errlen, "%s: cannot open: %s", path, strerror(errno));
	else if (rc == -2)
		snprintf(err, errlen, "%s: out of memory", path);
	else
		snprintf(err, errlen, "%s:%d: %s", path, rc,
			 why[0] ? why : "syntax error (expected name = value)");
	return -1;
}

void config_print_help(FILE *out)
{
	fprintf(out, "[plenary]\n");
	for (size_t i = 0; i < NSETTINGS; i++) {
		const struct setting *s = &settings[i];
		if (s->type == SET_INT)
			fprintf(out, "; %s (%ld to %ld)\n", s->help, s->min, s->max);
		else
			fprintf(out, "; %s\n", s->help);
		fprintf(out, "%s = %s\n", s->name, s->def);
	}
}
