/* dkim: DKIM signatures (rsa-sha256, relaxed/relaxed) with Debian's libopendkim, key read once at start. */
#ifndef PLENARY_DKIM_H
#define PLENARY_DKIM_H

#include <stddef.h>

#include "core/buf.h"
#include "core/config.h"

/** A private key with its selector and domain. Built once, then shared read-only by the sender. */
struct dkim_signer;

/** The signer the settings ask for: *out NULL and 0 when dkim_key_file is empty (mail is not signed).
 * Reads dkim_key_file (a PEM RSA private key); the domain is dkim_domain, or else the domain of
 * mail_from. Returns -1 with a message in err when the key cannot be read or is not an RSA private key,
 * dkim_selector is empty or not a DNS label list, or no domain can be found. A key readable by other
 * users is accepted with a warning logged. */
int dkim_signer_from_config(const struct config *c, struct dkim_signer **out, char *err, size_t errlen);
/** The same from explicit values (key: PEM text). */
struct dkim_signer *dkim_signer_new(const char *key_pem, const char *selector, const char *domain, char *err,
				    size_t errlen);
/** Appends "DKIM-Signature: ...\r\n" (folded, CRLF) for msg (a whole RFC 5322 message with CRLF line
 * ends) to out, signing From, To, Subject, Date, Message-ID, MIME-Version, Content-Type,
 * List-Unsubscribe, List-Unsubscribe-Post and List-Id (From, Subject and the List-Unsubscribe pair
 * oversigned, so none can be added after signing). Returns 0, or -1 (logged). Thread-safe. */
int dkim_signer_sign(const struct dkim_signer *s, const char *msg, size_t len, buf *out);
/** The selector and domain (for messages and the DNS record's name). */
const char *dkim_signer_selector(const struct dkim_signer *s);
const char *dkim_signer_domain(const struct dkim_signer *s);
/** Frees the signer (NULL is fine). */
void dkim_signer_free(struct dkim_signer *s);

#endif
