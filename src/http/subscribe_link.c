/* subscribe_link: a subscriber's link token = base64url(id as 8 bytes || crypto_auth(purpose, id, email)). */
#include "http/subscribe_link.h"

#include <sodium.h>
#include <string.h>

#define RAW_LEN (8 + crypto_auth_BYTES)

static const char *const PURPOSES[] = {"confirm", "prefs", "unsubscribe"};

/* The key of these links: derived from the form key (sub-key 1 of context "subslink"), so a form token's
 * signature never serves as a link's. */
static void link_key(const unsigned char form_key[32], unsigned char key[crypto_auth_KEYBYTES])
{
	_Static_assert(crypto_kdf_KEYBYTES == 32, "the form key is a KDF key");
	crypto_kdf_derive_from_key(key, crypto_auth_KEYBYTES, 1, "subslink", form_key);
}

/* The MAC of purpose, id and email (the email binds it to the address, so a reused id does not inherit it).
 */
static void link_mac(const unsigned char form_key[32], enum subscribe_purpose purpose,
		     const unsigned char id8[8], const char *email, unsigned char mac[crypto_auth_BYTES])
{
	unsigned char key[crypto_auth_KEYBYTES];
	link_key(form_key, key);
	const char *p = PURPOSES[purpose];
	size_t plen = strlen(p) + 1, elen = email ? strlen(email) : 0;
	unsigned char msg[16 + 8 + 256];
	if (elen > 255)
		elen = 255;
	memcpy(msg, p, plen);
	memcpy(msg + plen, id8, 8);
	memcpy(msg + plen + 8, email ? email : "", elen);
	crypto_auth(mac, msg, plen + 8 + elen, key);
	sodium_memzero(key, sizeof key);
}

static void id_bytes(int64_t id, unsigned char out[8])
{
	for (int i = 0; i < 8; i++)
		out[i] = (unsigned char)((uint64_t)id >> (56 - 8 * i));
}

void subscribe_link_make(const unsigned char form_key[32], enum subscribe_purpose purpose, int64_t id,
			 const char *email, char out[SUBSCRIBE_LINK_LEN])
{
	unsigned char raw[RAW_LEN];
	id_bytes(id, raw);
	link_mac(form_key, purpose, raw, email, raw + 8);
	sodium_bin2base64(out, SUBSCRIBE_LINK_LEN, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

/* Decodes a token into raw: 1, or 0 when it is not one. */
static int decode(const char *token, unsigned char raw[RAW_LEN])
{
	size_t got = 0;
	if (!token || strlen(token) >= SUBSCRIBE_LINK_LEN)
		return 0;
	if (sodium_base642bin(raw, RAW_LEN, token, strlen(token), NULL, &got, NULL,
			      sodium_base64_VARIANT_URLSAFE_NO_PADDING) != 0)
		return 0;
	return got == RAW_LEN;
}

int64_t subscribe_link_id(const char *token)
{
	unsigned char raw[RAW_LEN];
	if (!decode(token, raw))
		return 0;
	uint64_t id = 0;
	for (int i = 0; i < 8; i++)
		id = id << 8 | raw[i];
	return id > 0 && id <= INT64_MAX ? (int64_t)id : 0;
}

int subscribe_link_valid(const unsigned char form_key[32], enum subscribe_purpose purpose, const char *token,
			 int64_t id, const char *email)
{
	unsigned char raw[RAW_LEN], want[8];
	if ((unsigned)purpose > LINK_UNSUBSCRIBE || !decode(token, raw))
		return 0;
	id_bytes(id, want);
	if (sodium_memcmp(raw, want, 8) != 0)
		return 0;
	unsigned char mac[crypto_auth_BYTES];
	link_mac(form_key, purpose, want, email, mac);
	return sodium_memcmp(raw + 8, mac, sizeof mac) == 0;
}
