/* totp: time-based one-time codes (RFC 6238 through liboath) and recovery codes for two-factor sign-in. */
#include "auth/totp.h"

#include <liboath/oath.h>
#include <qrencode.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "render/escape.h"

#define STEP 30

const char *totp_new_secret(h2o_mem_pool_t *pool)
{
	unsigned char raw[20];
	randombytes_buf(raw, sizeof raw);
	char *b32 = NULL;
	size_t len = 0;
	if (oath_base32_encode((const char *)raw, sizeof raw, &b32, &len) != OATH_OK)
		return NULL;
	const char *out = mem_strndup(pool, b32, len);
	sodium_memzero(b32, len);
	free(b32);
	return out;
}

int64_t totp_check(const char *secret, const char *code, int64_t now)
{
	if (!code || strlen(code) != 6 || strspn(code, "0123456789") != 6 || !secret || !secret[0])
		return -1;
	char *raw = NULL;
	size_t len = 0;
	if (oath_base32_decode(secret, strlen(secret), &raw, &len) != OATH_OK)
		return -1;
	int pos = 0;
	int rc = oath_totp_validate2(raw, len, (time_t)now, STEP, 0, 1, &pos, code);
	sodium_memzero(raw, len);
	free(raw);
	return rc >= 0 ? now / STEP + pos : -1;
}

const char *totp_uri(h2o_mem_pool_t *pool, const char *issuer, const char *account, const char *secret)
{
	buf b;
	buf_init(&b, pool);
	buf_adds(&b, "otpauth://totp/");
	esc_url_component(&b, issuer, strlen(issuer), 0);
	buf_addc(&b, ':');
	esc_url_component(&b, account, strlen(account), 0);
	buf_printf(&b, "?secret=%s&issuer=", secret);
	esc_url_component(&b, issuer, strlen(issuer), 0);
	buf_adds(&b, "&algorithm=SHA1&digits=6&period=30");
	return buf_cstr(&b);
}

const char *recovery_code_new(h2o_mem_pool_t *pool)
{
	static const char alphabet[] = "abcdefghjkmnpqrstuvwxyz23456789"; /* no 0/o, 1/l/i */
	char *out = h2o_mem_alloc_pool(pool, 15);
	for (int i = 0, k = 0; i < 12; i++) {
		if (i && i % 4 == 0)
			out[k++] = '-';
		out[k++] = alphabet[randombytes_uniform(sizeof alphabet - 1)];
		out[k] = '\0';
	}
	return out;
}

unsigned char *qr_modules(h2o_mem_pool_t *pool, const char *text, int *width)
{
	QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (!q)
		return NULL;
	size_t n = (size_t)q->width * (size_t)q->width;
	unsigned char *out = h2o_mem_alloc_pool(pool, n);
	for (size_t i = 0; i < n; i++)
		out[i] = q->data[i] & 1;
	*width = q->width;
	QRcode_free(q);
	return out;
}
