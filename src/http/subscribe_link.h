/* subscribe_link: signed links that act for a subscriber without sign-in (confirm, preferences, unsubscribe).
 */
#ifndef PLENARY_HTTP_SUBSCRIBE_LINK_H
#define PLENARY_HTTP_SUBSCRIBE_LINK_H

#include <stddef.h>
#include <stdint.h>

/* What a link may do: each signs differently, so one never serves as another. */
enum subscribe_purpose { LINK_CONFIRM, LINK_PREFS, LINK_UNSUBSCRIBE };

#define SUBSCRIBE_LINK_LEN 64 /* a token's characters (base64url of 8 + 32 bytes is 54), with its NUL */

/** The token for purpose on subscriber id with address email, signed with a key derived from the app's form
 * key: base64url without padding, into out. */
void subscribe_link_make(const unsigned char form_key[32], enum subscribe_purpose purpose, int64_t id,
			 const char *email, char out[SUBSCRIBE_LINK_LEN]);
/** The subscriber id a token names (before its signature is checked): >0, or 0 when it is malformed. */
int64_t subscribe_link_id(const char *token);
/** 1 when token was made for purpose on subscriber id with address email (checked in constant time). */
int subscribe_link_valid(const unsigned char form_key[32], enum subscribe_purpose purpose, const char *token,
			 int64_t id, const char *email);

#endif
