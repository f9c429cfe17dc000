/* test_count_table: a worker's table of counts (keys, strings, the "other" rows when full), the day's set of
 * reads seen, the writer's merged and sorted rows, and what is counted as a robot. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/count.h"
#include "http/count_seen.h"
#include "http/count_table.h"
#include "jobs/count_writer.h"
#include "store/analytics.h"
#include "unit.h"

struct sum {
	int64_t n, rows, other;
	int64_t want_article, found;
};

static void add_up(const struct count_entry *e, void *ctx)
{
	struct sum *s = ctx;
	s->n += e->n;
	s->rows++;
	if (e->key.article_id == ANALYTICS_ARTICLE_OTHER)
		s->other += e->n;
	if (e->key.article_id == s->want_article)
		s->found = e->n;
}

static struct count_key key(int64_t article, int event, const char *referrer, const char *profession)
{
	return (struct count_key){20000, event, 1, article, referrer, profession, "", ""};
}

static void test_same_key_adds_up(void)
{
	struct count_table *t = count_table_new(64, 1024);
	CHECK(t != NULL);
	for (int i = 0; i < 20; i++) {
		struct count_key k = key(7, COUNT_VIEW, "", NULL); /* NULL is "" */
		count_table_add(t, &k, 1);
	}
	struct count_key read = key(7, COUNT_READ, "", ""), other_site = key(7, COUNT_VIEW, "", "");
	other_site.site_id = 2;
	count_table_add(t, &read, 1);
	count_table_add(t, &other_site, 3);
	CHECK(count_table_rows(t) == 3);
	struct sum s = {0};
	count_table_each(t, add_up, &s);
	CHECK(s.n == 24 && s.rows == 3 && s.other == 0);
	count_table_free(t);
}

static void test_strings_are_copied_and_compared(void)
{
	struct count_table *t = count_table_new(64, 1024);
	char host[32];
	strcpy(host, "example.org");
	struct count_key a = key(1, COUNT_VIEW, host, "physician");
	count_table_add(t, &a, 1);
	strcpy(host, "example.net"); /* the caller's buffer changes: the table kept its copy */
	struct count_key b = key(1, COUNT_VIEW, host, "physician");
	count_table_add(t, &b, 1);
	struct count_key c = key(1, COUNT_VIEW, "example.org", "physician");
	count_table_add(t, &c, 5);
	CHECK(count_table_rows(t) == 2);
	int seen_org = 0;
	for (size_t i = 0; i < t->cap; i++)
		if (t->slots[i].used && strcmp(t->slots[i].key.referrer, "example.org") == 0)
			seen_org = (int)t->slots[i].n;
	CHECK(seen_org == 6);
	count_table_free(t);
}

/* a full table counts new keys in the "other" row of their day, site and event: the totals stay right */
static void test_full_table_counts_into_other(void)
{
	struct count_table *t = count_table_new(8, 1024); /* 8 slots, 6 rows at most */
	for (int64_t a = 1; a <= 100; a++) {
		struct count_key k = key(a, COUNT_VIEW, "", "");
		count_table_add(t, &k, 2);
	}
	CHECK(t->used == t->max && t->max == 6);
	CHECK(t->nother == 1);
	struct sum s = {.want_article = 3};
	count_table_each(t, add_up, &s);
	CHECK(s.n == 200);
	CHECK(s.other == 2 * (100 - 6));
	CHECK(s.found == 2); /* an article that got a row keeps it */
	/* a key it holds still adds to its own row */
	struct count_key k = key(3, COUNT_VIEW, "", "");
	count_table_add(t, &k, 1);
	struct sum s2 = {.want_article = 3};
	count_table_each(t, add_up, &s2);
	CHECK(s2.found == 3 && s2.other == s.other);
	count_table_free(t);
}

/* strings that do not fit the text go to "other" too, and give back what they took */
static void test_full_text_counts_into_other(void)
{
	struct count_table *t = count_table_new(64, 24);
	struct count_key a = key(1, COUNT_VIEW, "a-rather-long-host.example.org", "");
	count_table_add(t, &a, 1);
	CHECK(t->used == 0 && t->nother == 1 && t->text_used == 0);
	struct count_key b = key(2, COUNT_VIEW, "short.org", "");
	count_table_add(t, &b, 1);
	CHECK(t->used == 1 && t->text_used == 10);
	count_table_free(t);
}

/* past COUNT_OTHER_MAX "other" rows, counts are dropped and said so, never allocated */
static void test_other_rows_bounded(void)
{
	struct count_table *t = count_table_new(8, 64);
	for (int64_t site = 1; site <= 200; site++)
		for (int64_t a = 1; a <= 10; a++) {
			struct count_key k = key(a, COUNT_VIEW, "", "");
			k.site_id = site;
			count_table_add(t, &k, 1);
		}
	CHECK(t->nother == COUNT_OTHER_MAX);
	struct sum s = {0};
	count_table_each(t, add_up, &s);
	CHECK(s.n + t->dropped == 2000 && t->dropped > 0 && t->total == 2000);
	count_table_free(t);
}

static void test_seen_counts_and_bounds(void)
{
	struct count_seen s;
	count_seen_init(&s, 3000);
	CHECK(count_seen_bump(&s, 42) == 1);
	CHECK(count_seen_bump(&s, 42) == 2);
	CHECK(count_seen_bump(&s, 0) == 1); /* 0 is a key like another */
	for (uint64_t k = 100; k < 10000; k++)
		count_seen_bump(&s, k * 0x9e3779b97f4a7c15ULL);
	CHECK(s.used == 3000);
	CHECK(count_seen_bump(&s, 42) == 3);		  /* known keys still count after it is full */
	CHECK(count_seen_bump(&s, 0x1234567890ULL) == 0); /* a new one is refused */
	count_seen_clear(&s);
	CHECK(s.used == 0 && count_seen_bump(&s, 42) == 1);
	count_seen_free(&s);
}

static void test_writer_rows_merged_and_sorted(void)
{
	struct count_table *t[2] = {count_table_new(64, 1024), count_table_new(64, 1024)};
	struct count_key k1 = key(9, COUNT_VIEW, "b.org", ""), k2 = key(2, COUNT_READ, "", "nurse"),
			 k3 = key(9, COUNT_VIEW, "a.org", "");
	count_table_add(t[0], &k1, 2);
	count_table_add(t[0], &k2, 1);
	count_table_add(t[1], &k1, 3);
	count_table_add(t[1], &k3, 1);
	struct analytics_row *rows;
	size_t n = count_writer_rows(t, 2, &rows);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(rows[0].day, "2024-10-04"); /* day 20000 */
		CHECK(rows[0].article_id == 2 && strcmp(rows[0].event, "read") == 0);
		CHECK_STR(rows[0].profession, "nurse");
		CHECK(rows[1].article_id == 9 && strcmp(rows[1].referrer, "a.org") == 0 && rows[1].n == 1);
		CHECK(rows[2].article_id == 9 && strcmp(rows[2].referrer, "b.org") == 0 && rows[2].n == 5);
	}
	free(rows);
	count_table_free(t[0]);
	count_table_free(t[1]);
}

static void test_robots(void)
{
	static const char *const robots[] = {
	    "",
	    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
	    "Mozilla/5.0 (compatible; bingbot/2.0)",
	    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
	    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
	    "facebookexternalhit/1.1",
	    "curl/8.5.0",
	    "python-requests/2.31.0",
	    "Mozilla/5.0 (compatible; Yahoo! Slurp)",
	    "Wget/1.21",
	};
	static const char *const readers[] = {
	    "Mozilla/5.0 (X11; Linux x86_64; rv:120.0) Gecko/20100101 Firefox/120.0",
	    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
	    "Version/17.1 Mobile/15E148 Safari/604.1",
	    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
	    "Chrome/120.0.0.0 "
	    "Safari/537.36 Edg/120.0.0.0",
	};
	for (size_t i = 0; i < sizeof robots / sizeof *robots; i++)
		CHECK(count_is_robot(robots[i], strlen(robots[i])));
	for (size_t i = 0; i < sizeof readers / sizeof *readers; i++)
		CHECK(!count_is_robot(readers[i], strlen(readers[i])));
}

int main(void)
{
	RUN(test_same_key_adds_up);
	RUN(test_strings_are_copied_and_compared);
	RUN(test_full_table_counts_into_other);
	RUN(test_full_text_counts_into_other);
	RUN(test_other_rows_bounded);
	RUN(test_seen_counts_and_bounds);
	RUN(test_writer_rows_merged_and_sorted);
	RUN(test_robots);
	return unit_done("count_table");
}
