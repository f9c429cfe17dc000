/* test_store: migrations, the demo content, visibility rules (schedule, audience), lists and related. */
#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

#include "store/store.h"
#include "unit.h"

/* Test set-up writes fixtures straight into the file; the product's SQL stays in src/store/. */
static void fixture_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	if (sqlite3_open(path, &db) != SQLITE_OK || sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		fprintf(stderr, "fixture failed: %s\n", sqlite3_errmsg(db));
	sqlite3_close(db);
}

static char *fixture_text(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	char *out = NULL;
	sqlite3_open(path, &db);
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		out = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return out;
}

/* One demo database, made by the first test and read by the others. */
static char path[] = "/tmp/plenary-store-XXXXXX";
static store *s;
static h2o_mem_pool_t pool;
static int64_t site = 1;

static void test_open_and_demo(void)
{
	char err[512];
	s = store_open(path, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(store_schema_version(s) >= 1);
	CHECK(store_load_demo(s, err, sizeof err) == 0);
	CHECK(store_load_demo(s, err, sizeof err) == -1); /* never twice */
	CHECK_CONTAINS(err, "already has content");
	struct site *sites;
	size_t nsites;
	CHECK(store_sites(s, &pool, &sites, &nsites) == 0 && nsites == 3);
	site = nsites ? sites[0].id : 1;
}

static void test_schedule(void)
{
	struct article_filter all = {.site_id = site};
	struct article *as;
	size_t n, total;
	CHECK(store_articles(s, &pool, &all, 0, 10, &as, &n, &total) == 0);
	CHECK(total >= 60 && n == 10);
	for (size_t i = 1; i < n; i++)
		CHECK(as[i - 1].published_at >= as[i].published_at); /* newest first */

	/* a scheduled article is invisible until its second comes */
	char *slug = fixture_text(path, "SELECT slug FROM article WHERE site_id = 1 AND audience = 'public' "
					"ORDER BY published_at DESC LIMIT 1");
	struct article a;
	CHECK(slug && store_article_by_slug(s, &pool, site, slug, AUDIENCE_PUBLIC, &a) == 1);
	CHECK(a.body_allowed && strlen(a.body) > 100 && a.npeople >= 1 && a.nrefs >= 1);
	fixture_sql(path, "UPDATE article SET published_at = strftime('%s','now') + 3600 WHERE slug = "
			  "(SELECT slug FROM article WHERE site_id = 1 AND audience = 'public' "
			  "ORDER BY published_at DESC LIMIT 1)");
	CHECK(store_article_by_slug(s, &pool, site, slug, AUDIENCE_PUBLIC, &a) == 0);
	size_t total2;
	CHECK(store_articles(s, &pool, &all, 0, 10, &as, &n, &total2) == 0 && total2 == total - 1);
	free(slug);
}

static void test_audience(void)
{
	/* the body of a gated article never leaves the store for a reader below its audience */
	struct article a;
	char *slug = fixture_text(path, "SELECT slug FROM article WHERE audience = 'hcp' LIMIT 1");
	CHECK(slug && store_article_by_slug(s, &pool, site, slug, AUDIENCE_PUBLIC, &a) == 1);
	CHECK(!a.body_allowed && a.body[0] == '\0' && a.title[0] != '\0');
	CHECK(slug && store_article_by_slug(s, &pool, site, slug, AUDIENCE_HCP, &a) == 1);
	CHECK(a.body_allowed && a.body[0] != '\0');
	free(slug);
}

static void test_related(void)
{
	/* related: same trial first */
	struct article a;
	char *slug = fixture_text(
	    path, "SELECT a.slug FROM article a WHERE a.trial_id IS NOT NULL AND a.audience = 'public' "
		  "AND (SELECT count(*) FROM article b WHERE b.trial_id = a.trial_id) >= 2 LIMIT 1");
	CHECK(slug && store_article_by_slug(s, &pool, site, slug, AUDIENCE_PUBLIC, &a) == 1);
	struct article *rel;
	size_t nrel;
	CHECK(store_related(s, &pool, site, &a, 3, &rel, &nrel) == 0 && nrel == 3);
	CHECK(nrel > 0 && rel[0].trial.id == a.trial.id && rel[0].id != a.id);
	free(slug);
}

static void test_structure(void)
{
	struct section *secs;
	size_t nsec;
	CHECK(store_sections(s, &pool, site, &secs, &nsec) == 0 && nsec == 4);
	struct congress *cs;
	size_t nc;
	CHECK(store_congresses(s, &pool, site, 2024, &cs, &nc) == 0 && nc == 7);
	CHECK(store_congresses(s, &pool, site, 0, &cs, &nc) == 0 && nc == 13);
	struct congress c;
	CHECK(store_congress_by_slug(s, &pool, site, "no-such-congress", &c) == 0);
	struct menu_item *menu;
	size_t nmenu;
	CHECK(store_menu(s, &pool, site, &menu, &nmenu) == 0 && nmenu > 10 && menu[0].parent_id == 0);
	/* parents always come before their children */
	for (size_t i = 0; i < nmenu; i++)
		for (size_t j = i + 1; j < nmenu; j++)
			CHECK(menu[i].parent_id != menu[j].id);
	struct page p;
	CHECK(store_page_by_path(s, &pool, site, "/privacy", &p) == 1 && strlen(p.body) > 200);
}

static void test_contact_and_secret(void)
{
	struct contact_message m = {.site_id = site,
				    .name = "Ana",
				    .email = "ana@example.org",
				    .topic = "other",
				    .message = "Hello there."};
	CHECK(store_contact_add(s, &m) > 0);
	char k1[65], k2[65];
	CHECK(store_secret(s, "form_key", k1) == 0 && store_secret(s, "form_key", k2) == 0 &&
	      strcmp(k1, k2) == 0);
}

static void test_reopen_and_backfill(void)
{
	char err[512];
	store_close(s);
	/* reopening migrates nothing twice */
	s = store_open(path, err, sizeof err);
	CHECK(s != NULL && store_schema_version(s) >= 1);
	if (!s)
		return;
	/* the demo has related rows: nothing to score; a database from before they were kept gets them all */
	CHECK(store_related_backfill(s) == 0);
	store_close(s);
	fixture_sql(path, "DELETE FROM article_related");
	s = store_open(path, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	char *articles = fixture_text(path, "SELECT count(*) FROM article");
	CHECK(articles && store_related_backfill(s) == atoi(articles));
	free(articles);
	char *rows = fixture_text(path, "SELECT count(*) FROM article_related");
	CHECK(rows && atoi(rows) > 0);
	free(rows);
	CHECK(store_related_backfill(s) == 0); /* once */
}

int main(void)
{
	int fd = mkstemp(path);
	close(fd);
	unlink(path);
	h2o_mem_init_pool(&pool);
	RUN(test_open_and_demo);
	if (s) {
		RUN(test_schedule);
		RUN(test_audience);
		RUN(test_related);
		RUN(test_structure);
		RUN(test_contact_and_secret);
		RUN(test_reopen_and_backfill);
	}
	h2o_mem_clear_pool(&pool);
	if (s)
		store_close(s);
	unlink(path);
	char wal[64];
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
	return unit_done("store");
}
