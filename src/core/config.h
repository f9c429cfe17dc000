/* config: every setting in one table (name, type, bounds, default, help), read from an INI file. */
#ifndef PLENARY_CONFIG_H
#define PLENARY_CONFIG_H

#include <stddef.h>
#include <stdio.h>

/** All settings of a running server. Strings are fixed-size fields so a config is one plain value. */
struct config {
	char listen[128];	  /* ADDR:PORT */
	int threads;		  /* 0 = one per core */
	char database[512];	  /* path of the SQLite file */
	char theme[512];	  /* folder of templates and static files */
	char default_language[8]; /* the theme's base language (its complete catalog) */
	char access_log[512];
	char log_level[16];
	int max_body_kb;
	int mmap_mb;
	char tls_cert[512], tls_key[512];
	int upload_max_mb;
	int video_max_mb;
	char media_dir[512];
	int max_header_kb;
	int page_size;
	int shutdown_timeout;
	int cache_mb;
	int whatsnew_pdf_text_kb; /* Markdown a What's new PDF prints whole (site/whatsnew_pdf.c) */
	char smtp_url[512];	  /* smtp://host:port or smtps://...; empty = write mail to outbox */
	char smtp_user[256];
	char smtp_password[256];
	char mail_from[256];
	char dkim_key_file[512]; /* PEM RSA private key; empty: mail is not signed */
	char dkim_selector[64];
	char dkim_domain[254]; /* empty: the domain of mail_from */
	char outbox[512];
	int mail_per_second;	  /* 0: as fast as the server takes them */
	char mail_retry[256];	  /* seconds before each new attempt, comma-separated */
	char bounce_maildir[512]; /* "" for none */
	int bounce_every;	  /* seconds between two reads of it */
	int mail_keep_days;	  /* done messages are forgotten after this (store_mail_prune) */
	char password_blocklist[512];
	int session_idle_minutes;
	int session_remember_days;
	int session_max_hours; /* absolute lifetime of a session without "remember me" */
	int hash_threads;
	int hash_queue;	     /* password checks waiting at most (http/workq.h) */
	int hash_per_client; /* waiting or running per client address or account; 0 none */
	int image_threads;
	int image_queue;
	int render_threads;
	int search_threads;
	char time_zone[64]; /* the zone the back office reads and shows times in; checked by zone_check */
	int max_url_bytes;
	int http2_cleartext;
	char trusted_proxies[1024]; /* parsed into app->proxies at start (core/netlist.h) */
	int proxy_protocol;
	int render_queue;
	int render_queue_per_connection;
	int signin_free_per_account; /* password attempts an hour before each waits (accounts' throttle) */
	int signin_free_per_address;
	int mail_per_recipient;	 /* mails the account forms send to one address an hour */
	int mail_per_address;	 /* ... asked for from one client address an hour */
	int contact_per_address; /* contact messages an hour from one client address */
	int contact_per_hour;	 /* ... from everyone */
	char public_url[256];	 /* scheme and port of links (https://, http://:8080); empty: the request's
				    scheme */
	char sso_cookie_domain[254]; /* sister sites' shared cookie domain; "" derives it, "off" none */
	int alert_delay_minutes;     /* an alert batch waits this long after its first article (alerts.c) */
	char digest_weekday[16];     /* the day weekly digests go out, "monday" to "sunday" */
	int digest_hour;	     /* ... and the hour, site time */
	char access_log_format[16];  /* "combined" or "json" */
	char metrics_listen[128];    /* ADDR:PORT of the metrics' own listener, "" for none */
	char metrics_allow[1024];    /* who may read /metrics on the main listener (netlist), "" for none */
	char analytics[4];	     /* "on" counts views and reads (first-party), "off" not */
	int analytics_min_group; /* the reports' smallest group of readers shown apart (admin/analytics*.c) */
};

/** Fills c with the defaults of the table. */
void config_defaults(struct config *c);
/** Reads an INI file (settings in the [plenary] section or before any section). On error returns -1
 * and writes "file:line: what is wrong" to err. */
int config_load_file(struct config *c, const char *path, char *err, size_t errlen);
/** Sets one setting from text, checking type and bounds; on error returns -1 with a message in err. */
int config_set(struct config *c, const char *name, const char *value, char *err, size_t errlen);
/** Checks what no single setting can: settings that go together. -1 with the reason in err. */
int config_check(const struct config *c, char *err, size_t errlen);
/** Prints every setting with its default and help, as a commented sample config file. */
void config_print_help(FILE *out);
/** Splits c->listen into a host and port; returns -1 if it is not ADDR:PORT. */
int config_listen_parts(const char *listen, char *host, size_t hostlen, int *port);

#endif
