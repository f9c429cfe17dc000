/* test_subscribe_link: subscribers' signed links (site/subscribe_link.c): made, checked, and refused when
 * tampered with, for another purpose, subscriber, address or key. */
#include <sodium.h>
#include <string.h>

#include "http/subscribe_link.h"
#include "unit.h"

static void test_links(void)
{
	unsigned char key[32], other[32];
	memset(key, 7, sizeof key);
	memset(other, 8, sizeof other);
	char t[SUBSCRIBE_LINK_LEN], u[SUBSCRIBE_LINK_LEN];
	subscribe_link_make(key, LINK_PREFS, 42, "a@example.org", t);
	CHECK(strlen(t) == 54);
	CHECK(strspn(t, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") == 54);
	CHECK(subscribe_link_id(t) == 42);
	CHECK(subscribe_link_valid(key, LINK_PREFS, t, 42, "a@example.org") == 1);
	/* another purpose, subscriber, address or key */
	CHECK(subscribe_link_valid(key, LINK_UNSUBSCRIBE, t, 42, "a@example.org") == 0);
	CHECK(subscribe_link_valid(key, LINK_CONFIRM, t, 42, "a@example.org") == 0);
	CHECK(subscribe_link_valid(key, LINK_PREFS, t, 43, "a@example.org") == 0);
	CHECK(subscribe_link_valid(key, LINK_PREFS, t, 42, "b@example.org") == 0);
	CHECK(subscribe_link_valid(other, LINK_PREFS, t, 42, "a@example.org") == 0);
	/* each purpose signs differently */
	subscribe_link_make(key, LINK_UNSUBSCRIBE, 42, "a@example.org", u);
	CHECK(strcmp(t, u) != 0 && subscribe_link_valid(key, LINK_UNSUBSCRIBE, u, 42, "a@example.org") == 1);
	/* every character changed is refused */
	for (size_t i = 0; i < 54; i++) {
		char x[SUBSCRIBE_LINK_LEN];
		memcpy(x, t, sizeof x);
		x[i] = x[i] == 'A' ? 'B' : 'A';
		int64_t id = subscribe_link_id(x);
		CHECK(subscribe_link_valid(key, LINK_PREFS, x, id ? id : 42, "a@example.org") == 0);
	}
	/* malformed */
	CHECK(subscribe_link_id("") == 0 && subscribe_link_id(NULL) == 0 && subscribe_link_id("!!!") == 0);
	CHECK(subscribe_link_valid(key, LINK_PREFS, "", 42, "a@example.org") == 0);
	CHECK(subscribe_link_valid(key, LINK_PREFS, NULL, 42, "a@example.org") == 0);
	char longer[80];
	snprintf(longer, sizeof longer, "%sAAAA", t);
	CHECK(subscribe_link_id(longer) == 0);
}

int main(void)
{
	CHECK(sodium_init() >= 0);
	RUN(test_links);
	return unit_done("test_subscribe_link");
}
