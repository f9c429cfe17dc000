/* totp: time-based one-time codes (RFC 6238 through liboath) and recovery codes for two-factor sign-in. */
#ifndef PLENARY_TOTP_H
#define PLENARY_TOTP_H

#include <stdint.h>
#include <h2o/memory.h>

#define RECOVERY_CODES 10

/** A new secret: 20 random bytes as base32 (32 characters), into the pool. */
const char *totp_new_secret(h2o_mem_pool_t *pool);
/** Checks a 6-digit code against a base32 secret at `now`, allowing one 30-second step either way.
 * Returns the time step it matched (to refuse its reuse), or -1. */
int64_t totp_check(const char *secret, const char *code, int64_t now);
/** The otpauth:// URI an authenticator app reads from the QR code. */
const char *totp_uri(h2o_mem_pool_t *pool, const char *issuer, const char *account, const char *secret);
/** A recovery code like "k7fq-2mxp-9dtw" (into the pool). */
const char *recovery_code_new(h2o_mem_pool_t *pool);
/** The QR code of text as a square of modules: *width, and 1 byte per module (1 = dark); NULL on failure. */
unsigned char *qr_modules(h2o_mem_pool_t *pool, const char *text, int *width);

#endif
