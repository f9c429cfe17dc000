/* dkim: reads and checks the signing key once, then signs composed messages with libopendkim. */
#include "jobs/dkim.h"

#include <errno.h>
#include <opendkim/dkim.h>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/log.h"

#define KEY_MAX (64 * 1024)

struct dkim_signer {
	DKIM_LIB *lib;
	char *key; /* PEM */
	char selector[64], domain[254];
};

/* What is signed: the message's own headers (absent ones are skipped); the oversigned ones are listed
 * once more than they appear, so a header of that name added later breaks the signature. */
static const char *const signed_headers[] = {"From",
					     "To",
					     "Subject",
					     "Date",
					     "Message-ID",
					     "MIME-Version",
					     "Content-Type",
					     "List-Unsubscribe",
					     "List-Unsubscribe-Post",
					     "List-Id",
					     NULL};
static const char *const oversigned_headers[] = {"From", "Subject", "List-Unsubscribe",
						 "List-Unsubscribe-Post", NULL};

static void set_err(char *err, size_t errlen, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

/* Dot-separated DNS labels of letters, digits, '-' and '_' (at most 63 bytes each). */
static int dns_name_ok(const char *s, size_t max)
{
	size_t n = strlen(s), label = 0;
	if (n == 0 || n > max || s[0] == '.' || s[n - 1] == '.')
		return 0;
	for (const char *p = s; *p; p++) {
		char c = *p;
		if (c == '.') {
			if (label == 0)
				return 0;
			label = 0;
		} else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			   c == '-' || c == '_') {
			if (++label > 63)
				return 0;
		} else {
			return 0;
		}
	}
	return 1;
}

/* 1 when pem is an RSA private key OpenSSL can read. */
static int rsa_private_key(const char *pem)
{
	BIO *bio = BIO_new_mem_buf(pem, -1);
	EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
	int ok = key && EVP_PKEY_base_id(key) == EVP_PKEY_RSA;
	EVP_PKEY_free(key);
	BIO_free(bio);
	return ok;
}

/* Signs a tiny message and returns the status: a key opendkim refuses shows at start, not per mail. */
static int trial_sign(struct dkim_signer *s, char *err, size_t errlen)
{
	static const char probe[] = "From: a@example.org\r\nSubject: probe\r\n\r\nprobe\r\n";
	buf out;
	buf_init(&out, NULL);
	int rc = dkim_signer_sign(s, probe, sizeof probe - 1, &out);
	buf_free(&out);
	if (rc != 0)
		set_err(err, errlen, "libopendkim cannot sign with this key");
	return rc;
}

struct dkim_signer *dkim_signer_new(const char *key_pem, const char *selector, const char *domain, char *err,
				    size_t errlen)
{
	if (!key_pem || !rsa_private_key(key_pem)) {
		set_err(err, errlen, "the DKIM key is not a PEM RSA private key");
		return NULL;
	}
	if (!selector || !dns_name_ok(selector, 63)) {
		set_err(err, errlen, "dkim_selector \"%s\" is not a DNS name", selector ? selector : "");
		return NULL;
	}
	if (!domain || !dns_name_ok(domain, 253)) {
		set_err(err, errlen, "the DKIM domain \"%s\" is not a DNS name", domain ? domain : "");
		return NULL;
	}
	struct dkim_signer *s = calloc(1, sizeof *s);
	if (!s || !(s->key = strdup(key_pem)) || !(s->lib = dkim_init(NULL, NULL))) {
		dkim_signer_free(s);
		set_err(err, errlen, "libopendkim could not start");
		return NULL;
	}
	snprintf(s->selector, sizeof s->selector, "%s", selector);
	snprintf(s->domain, sizeof s->domain, "%s", domain);
	if (dkim_options(s->lib, DKIM_OP_SETOPT, DKIM_OPTS_SIGNHDRS, (void *)signed_headers,
			 sizeof(char **)) != DKIM_STAT_OK ||
	    dkim_options(s->lib, DKIM_OP_SETOPT, DKIM_OPTS_OVERSIGNHDRS, (void *)oversigned_headers,
			 sizeof(char **)) != DKIM_STAT_OK) {
		dkim_signer_free(s);
		set_err(err, errlen, "libopendkim refused the list of signed headers");
		return NULL;
	}
	if (trial_sign(s, err, errlen) != 0) {
		dkim_signer_free(s);
		return NULL;
	}
	return s;
}

/* The domain part of mail_from's address ("Name <a@b.org>" or "a@b.org") into out. */
static int domain_of(const char *from, char *out, size_t n)
{
	const char *lt = strrchr(from, '<'), *start = lt ? lt + 1 : from;
	const char *end = lt ? strchr(start, '>') : start + strlen(start);
	const char *at = NULL;
	for (const char *p = start; end && p < end; p++)
		if (*p == '@')
			at = p;
	if (!at || !end || (size_t)(end - at - 1) >= n)
		return -1;
	memcpy(out, at + 1, (size_t)(end - at - 1));
	out[end - at - 1] = '\0';
	while (n && out[0] && (out[strlen(out) - 1] == ' '))
		out[strlen(out) - 1] = '\0';
	return 0;
}

static char *read_key(const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	if (!f || fstat(fileno(f), &st) != 0) {
		set_err(err, errlen, "dkim_key_file %s cannot be read: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return NULL;
	}
	if (!S_ISREG(st.st_mode) || st.st_size <= 0 || st.st_size > KEY_MAX) {
		fclose(f);
		set_err(err, errlen, "dkim_key_file %s is not a key file (empty, too large or not a file)",
			path);
		return NULL;
	}
	if (st.st_mode & (S_IRGRP | S_IROTH))
		log_warn(
		    "dkim_key_file %s can be read by other users: chmod 600 it (the key signs mail as you)",
		    path);
	char *pem = calloc(1, (size_t)st.st_size + 1);
	if (!pem || fread(pem, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		set_err(err, errlen, "dkim_key_file %s cannot be read", path);
		free(pem);
		pem = NULL;
	}
	fclose(f);
	return pem;
}

int dkim_signer_from_config(const struct config *c, struct dkim_signer **out, char *err, size_t errlen)
{
	*out = NULL;
	if (!c->dkim_key_file[0])
		return 0;
	char domain[254];
	if (c->dkim_domain[0])
		snprintf(domain, sizeof domain, "%s", c->dkim_domain);
	else if (domain_of(c->mail_from, domain, sizeof domain) != 0) {
		set_err(err, errlen, "dkim_domain is empty and mail_from \"%s\" has no domain", c->mail_from);
		return -1;
	}
	char *pem = read_key(c->dkim_key_file, err, errlen);
	if (!pem)
		return -1;
	char why[300];
	*out = dkim_signer_new(pem, c->dkim_selector, domain, why, sizeof why);
	OPENSSL_cleanse(pem, strlen(pem));
	free(pem);
	if (!*out) {
		set_err(err, errlen, "dkim_key_file %s: %s", c->dkim_key_file, why);
		return -1;
	}
	return 0;
}

/* Appends hdr with every bare LF made CRLF. */
static void add_crlf(buf *out, const unsigned char *hdr, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (hdr[i] == '\n' && (i == 0 || hdr[i - 1] != '\r'))
			buf_addc(out, '\r');
		buf_addc(out, (char)hdr[i]);
	}
}

int dkim_signer_sign(const struct dkim_signer *s, const char *msg, size_t len, buf *out)
{
	DKIM_STAT st;
	DKIM *d = dkim_sign(s->lib, (const unsigned char *)"plenary", NULL, (dkim_sigkey_t)s->key,
			    (const unsigned char *)s->selector, (const unsigned char *)s->domain,
			    DKIM_CANON_RELAXED, DKIM_CANON_RELAXED, DKIM_SIGN_RSASHA256, -1, &st);
	if (!d) {
		log_error("dkim: cannot start signing: %s", dkim_getresultstr(st));
		return -1;
	}
	unsigned char *hdr = NULL;
	size_t hlen = 0;
	const size_t initial = sizeof DKIM_SIGNHEADER ": " - 1;
	st = dkim_chunk(d, (unsigned char *)msg, len);
	if (st == DKIM_STAT_OK)
		st = dkim_chunk(d, NULL, 0);
	if (st == DKIM_STAT_OK)
		st = dkim_eom(d, NULL);
	if (st == DKIM_STAT_OK)
		st = dkim_getsighdr_d(d, initial, &hdr, &hlen);
	if (st != DKIM_STAT_OK) {
		const char *why = dkim_geterror(d);
		log_error("dkim: signing failed: %s%s%s", dkim_getresultstr(st), why ? ": " : "",
			  why ? why : "");
		dkim_free(d);
		return -1;
	}
	buf_adds(out, DKIM_SIGNHEADER ": ");
	add_crlf(out, hdr, hlen);
	buf_adds(out, "\r\n");
	dkim_free(d);
	return 0;
}

const char *dkim_signer_selector(const struct dkim_signer *s)
{
	return s->selector;
}

const char *dkim_signer_domain(const struct dkim_signer *s)
{
	return s->domain;
}

void dkim_signer_free(struct dkim_signer *s)
{
	if (!s)
		return;
	if (s->lib)
		dkim_close(s->lib);
	if (s->key) {
		OPENSSL_cleanse(s->key, strlen(s->key));
		free(s->key);
	}
	free(s);
}
