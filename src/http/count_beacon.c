/* count_beacon: POST /count, the article page's script saying the reader stayed (read) or played its video
 * (play). No form token is possible for an anonymous beacon, so it is made harmless: it only adds to counts,
 * once a day per reader and article (a keyed hash of address, user agent and article under a salt drawn each
 * day and held in memory only), for a published article of this site, within a budget per client an hour. */
#include "http/count_beacon.h"

#include <arpa/inet.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http/count.h"
#include "http/count_seen.h"
#include "http/csrf.h"
#include "http/form.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "store/analytics.h"

#define SEEN_MAX                                                                                             \
	(1u << 20) /* reads and budgets remembered a day (up to 32 MiB); past it reads are not counted */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct count_seen seen = {NULL, 0, 0, SEEN_MAX};
static unsigned char salt[crypto_shorthash_KEYBYTES];
static int64_t salt_day = -1;

/* The keyed hash of what identifies a reader for a day (under the lock): a new day, a new salt. */
static uint64_t keyed(const void *in, size_t len)
{
	int64_t day = time(NULL) / 86400;
	if (day != salt_day) {
		randombytes_buf(salt, sizeof salt);
		salt_day = day;
		count_seen_clear(&seen);
	}
	unsigned char out[crypto_shorthash_BYTES];
	crypto_shorthash(out, in, len, salt);
	uint64_t h;
	memcpy(&h, out, sizeof h);
	return h;
}

/* The client as a throttle sees it: its address, or its /64 for IPv6 (one client often holds one). */
static void client_of(struct request *r, char *out, size_t n)
{
	const char *addr = req_client_addr(r);
	struct in6_addr a6;
	if (strchr(addr, ':') && inet_pton(AF_INET6, addr, &a6) == 1) {
		memset(a6.s6_addr + 8, 0, 8);
		inet_ntop(AF_INET6, &a6, out, (socklen_t)n);
		return;
	}
	snprintf(out, n, "%s", addr);
}

int count_beacon_allowance(struct request *r, int per_hour)
{
	char in[96];
	char client[INET6_ADDRSTRLEN + 1];
	client_of(r, client, sizeof client);
	long hour = (long)(time(NULL) / 3600);
	int len = snprintf(in, sizeof in, "budget|%s|%ld", client, hour);
	pthread_mutex_lock(&lock);
	uint32_t n = count_seen_bump(&seen, keyed(in, (size_t)len));
	pthread_mutex_unlock(&lock);
	if (n != 0 && n <= (uint32_t)per_hour)
		return 0;
	return (int)(3600 - time(NULL) % 3600); /* (a full set refuses too: nothing is known of the client) */
}

int count_beacon_first(struct request *r, int event, int64_t article_id)
{
	unsigned char in[1024];
	size_t len = 0;
	const char *addr = req_client_addr(r);
	size_t alen = strlen(addr);
	memcpy(in, addr, alen + 1);
	len = alen + 1;
	ssize_t i = h2o_find_header(r->headers, H2O_TOKEN_USER_AGENT, -1);
	if (i >= 0) {
		h2o_iovec_t ua = r->headers->entries[i].value;
		size_t n = ua.len < 800 ? ua.len : 800;
		memcpy(in + len, ua.base, n);
		len += n;
	}
	in[len++] = '\0';
	memcpy(in + len, &article_id, sizeof article_id);
	len += sizeof article_id;
	in[len++] = (unsigned char)event;
	pthread_mutex_lock(&lock);
	uint32_t n = count_seen_bump(&seen, keyed(in, len));
	pthread_mutex_unlock(&lock);
	return n == 1;
}

static void no_content(struct request *r)
{
	resp_bytes(r, 204, "text/plain; charset=utf-8", "no-store", NULL, "", 0);
}

void count_beacon(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *a = form_get(&f, "a"), *e = form_get(&f, "e");
	char *end = NULL;
	long long id = a && a[0] >= '1' && a[0] <= '9' && strlen(a) <= 15 ? strtoll(a, &end, 10) : 0;
	int event = e && strcmp(e, "read") == 0 ? COUNT_READ : e && strcmp(e, "play") == 0 ? COUNT_PLAY : -1;
	if (id <= 0 || !end || *end || event < 0) {
		resp_error(r, 400, req_text(r, "errors.count_beacon"));
		return;
	}
	if (!r->site) {
		resp_error(r, 404, NULL);
		return;
	}
	if (!csrf_origin_ok(r)) { /* another site's page cannot count for ours */
		resp_error(r, 403, NULL);
		return;
	}
	if (!count_reader(r)) { /* counting off, a robot, a prefetch, staff: fine, and nothing counted */
		no_content(r);
		return;
	}
	int wait = count_beacon_allowance(r, COUNT_BEACONS_PER_HOUR);
	if (wait > 0) {
		char s[16];
		snprintf(s, sizeof s, "%d", wait);
		resp_header(r, "retry-after", s, strlen(s));
		resp_error(r, 429, NULL);
		return;
	}
	int ok = store_analytics_article_ok(r->w->db, r->site->id, id, r->level); /* its body, open to them */
	if (ok != 1) {
		resp_error(r, ok < 0 ? 500 : 404, NULL);
		return;
	}
	if (count_beacon_first(r, event, id)) /* once a day per reader and article: a reload counts none */
		count_event(r, event, id, "");
	no_content(r);
}
