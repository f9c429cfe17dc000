/* mail_compose: one queued message as RFC 5322 bytes (GMime): multipart text+HTML, List-Unsubscribe, DKIM. */
#ifndef PLENARY_MAIL_COMPOSE_H
#define PLENARY_MAIL_COMPOSE_H

#include <stdint.h>

#include "core/buf.h"

struct dkim_signer; /* jobs/dkim.h */

/** What a message says. Every string is UTF-8; none may hold CR, LF or another control character but the
 * text and html bodies (which may hold \n and \t). */
struct mail_msg {
	const char *from;	     /* the mail_from setting: "Name <addr@host>" or a bare address */
	const char *to;		     /* a bare address: no name, no <>, spaces, quotes, commas or controls */
	const char *subject;	     /* one line, encoded (RFC 2047) when not plain ASCII */
	const char *text;	     /* the text/plain part, required ("" is allowed) */
	const char *html;	     /* the text/html part, or NULL for a text-only message */
	const char *unsubscribe_url; /* http(s) URL answering a one-click POST (RFC 8058), or NULL */
	const char *list_id;	     /* RFC 2919 list id ("news.example.org"), or NULL for none */
	const char *list_name;	     /* the List-Id's phrase (the site's name), or NULL */
	const char *message_id;	     /* "<id@host>" or "id@host"; NULL: a new one at the From domain */
	int64_t date;		     /* Unix time of the Date header; 0: now */
};

/** Appends the message as RFC 5322 bytes with CRLF line ends to out: (DKIM-Signature when dkim is not
 * NULL), From, To, Subject, Date, Message-ID, MIME-Version, List-Unsubscribe and List-Unsubscribe-Post
 * (with an unsubscribe_url), List-Id (with a list_id), then either a single text/plain part or a
 * multipart/alternative of text/plain and text/html; both parts UTF-8 in the transfer encoding GMime
 * picks for 7-bit transport (7bit, quoted-printable or base64), so relays never re-encode what DKIM
 * signed.
 *
 * Returns 0, or -1 (out unchanged, the reason logged as a warning) when a field is missing, not UTF-8,
 * holds a forbidden character (so no field can add a header: CR and LF are refused), the unsubscribe
 * URL is not http(s), or signing fails. Thread-safe (the signer may be shared). */
int mail_compose(const struct mail_msg *in, const struct dkim_signer *dkim, buf *out);
/** Starts GMime. mail_compose does it on first use too, but GMime's start is not thread-safe and the upload
 * parser (http/multipart.c) starts it on its own: serve calls this before any thread starts. */
void mail_compose_init(void);

#endif
