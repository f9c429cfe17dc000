/* mail: the sender thread of the durable mail queue: SMTP through libcurl, or files in an outbox folder. */
#ifndef PLENARY_MAIL_H
#define PLENARY_MAIL_H

#include "core/config.h"

struct dkim_signer; /* jobs/dkim.h */

/** One sender thread with its own database connection. Producers put one row per message and recipient
 * in the queue (store_mail_put, migration 025); the thread claims due rows in small batches (FOR UPDATE
 * SKIP LOCKED on PostgreSQL, so nodes never claim one row twice), sends each and marks it 'sent' at once,
 * one short transaction per message: a crash loses nothing and doubles at most the one message whose
 * answer came in the moment before its row was marked (its Message-ID, <mailq-ID.SITE@host>, tells).
 * At start the rows this node left 'sending' go back to the queue (logged), and any node's after a
 * 30-minute lease. It wakes when mailer_send or mailer_wake is called, and looks every 2 s for rows put by
 * other processes or nodes.
 *
 * With c->smtp_url set, each message goes to that server through libcurl (smtp:// tries STARTTLS,
 * smtps:// is TLS from the start; smtp_user and smtp_password log in when set; the envelope sender is the
 * address inside mail_from's <...>, or all of mail_from), at most c->mail_per_second a second (0: no
 * limit). A temporary failure (4xx, no server) tries again after each delay of c->mail_retry, then the
 * row is 'failed'; a 5xx refusal of the recipient fails the row and suppresses the address (source
 * 'smtp'), other 5xx answers fail the row alone. Rows to a suppressed address become 'suppressed'.
 *
 * With c->smtp_url empty, messages are written to c->outbox (created with mode 0700 if needed) as
 * <time>-<n>.eml files with mode 0600 (time is UTC, like 20250102T030405Z), each written to a .tmp file
 * first so a reader never sees half a message, and the log says once "mail: no smtp_url set; writing mail
 * to <dir>".
 *
 * Each message is composed by mail_compose (GMime: multipart text and HTML when the row has HTML,
 * List-Unsubscribe and List-Unsubscribe-Post with List-Id when it has an unsubscribe URL, DKIM-signed when
 * a signer is given); a row that cannot be composed fails alone.
 *
 * With c->bounce_maildir set, its new/ is read every minute for delivery reports (bounces.c). */
struct mailer;

/** Starts the sender with a copy of the settings it needs (c may go away afterwards), the DKIM signer every
 * message is signed with (NULL: unsigned; it must outlive the mailer), and two connections
 * to c->database (the thread's, and one mailer_send shares). Returns NULL, after logging why, when
 * smtp_url is neither smtp:// nor smtps://, the outbox cannot be created, the database cannot be opened,
 * or libcurl or the thread cannot start. */
struct mailer *mailer_start(const struct config *c, const struct dkim_signer *dkim);

/** Queues one plain-text UTF-8 message of kind "account" (store_mail_put) and wakes the thread; any thread
 * may call it. The body's line ends become CRLF; a line starting with '.' is fine. Returns 0 (also when
 * the address is suppressed: nothing is queued), or -1 without queueing when m or an argument is NULL or
 * unsafe (store_mail_put's limits: subject with CR or LF; to not a bare ASCII address), or on a database
 * error. */
int mailer_send(struct mailer *m, const char *to, const char *subject, const char *body);

/** Tells the thread rows were put (by store_mail_put on another connection), so it need not wait for its
 * next look. m may be NULL. */
void mailer_wake(struct mailer *m);

/** Stops the thread after the message it is sending (a transfer still running after 10 s is cut short
 * and its row queued again), puts back the rest of its batch, and frees everything. What is queued stays
 * in the database for the next start. m may be NULL. */
void mailer_stop(struct mailer *m);

/** For tests: blocks until the thread has looked for due rows and found none, at most timeout_ms
 * milliseconds. Returns 0 when idle, -1 on timeout. */
int mailer_flush(struct mailer *m, int timeout_ms);

#endif
