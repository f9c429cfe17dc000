/* mail: outgoing mail on a background thread: SMTP through libcurl, or files in an outbox folder. */
#ifndef PLENARY_MAIL_H
#define PLENARY_MAIL_H

#include "core/config.h"

/** One mail thread and its queue. Every message it writes or sends has the same RFC 5322 form: From (the
 * mail_from setting), To, Subject (an RFC 2047 encoded-word when it is not plain ASCII), Date, a random
 * Message-ID, MIME-Version, a UTF-8 text/plain Content-Type, 8bit encoding, then the body with CRLF line
 * ends. */
struct mailer;

/** Starts the mail thread with a copy of the settings it needs (c may go away afterwards).
 *
 * With c->smtp_url set, each message goes to that server through libcurl (smtp:// tries STARTTLS,
 * smtps:// is TLS from the start; smtp_user and smtp_password log in when set; the envelope sender is the
 * address inside mail_from's <...>, or all of mail_from). A failed message is logged as a warning and
 * tried again after 1 s, 5 s and 25 s, then logged as an error and dropped; a server that answers 5xx
 * refuses that message for good, so it is dropped at once.
 *
 * With c->smtp_url empty, messages are written to c->outbox (created with mode 0700 if needed) as
 * <time>-<n>.eml files with mode 0600 (time is UTC, like 20250102T030405Z), each written to a .tmp file
 * first so a reader never sees half a message, and the log says once "mail: no smtp_url set; writing mail
 * to <dir>".
 *
 * Returns NULL, after logging why, when smtp_url is neither smtp:// nor smtps://, the outbox cannot be
 * created, or libcurl or the thread cannot start. */
struct mailer *mailer_start(const struct config *c);

/** Queues one plain-text UTF-8 message; copies everything and never blocks on the network, so any thread
 * may call it (it is thread-safe). The body's line ends become CRLF; a line starting with '.' is fine.
 *
 * Returns 0, or -1 without queueing when m or an argument is NULL, the queue is full (1000 messages),
 * mailer_stop has begun, or an argument is unsafe: subject with CR or LF; to not a bare ASCII address
 * (longer than 254 bytes, without an '@' between other text, or with a control character, a space,
 * a byte above 127 or any of <>()[],;:\ and "). */
int mailer_send(struct mailer *m, const char *to, const char *subject, const char *body);

/** Sends what is queued, waiting at most 10 s, then stops the thread and frees everything. Once stop has
 * begun a failed message is not tried again, and when the server cannot be reached at all the rest of
 * the queue is dropped, so stop returns promptly; dropped messages are logged as errors. m may be NULL. */
void mailer_stop(struct mailer *m);

/** For tests: blocks until the queue is empty and no message is in flight (sending, or waiting to be
 * tried again), at most timeout_ms milliseconds. Returns 0 when idle, -1 on timeout. */
int mailer_flush(struct mailer *m, int timeout_ms);

#endif
