/* test_front_db: the front page's curation written once (front_db.c) on SQLite and PostgreSQL (fixture.h),
 * and the automatic highlight's rule (src/site/home.c). */
#include "fixture.h"
#include "site/handlers.h"
#include "store/accounts.h"
#include "store/front.h"

static int64_t user_of(struct fx *f)
{
	struct user u = {
	    .email = "front@example.org", .password_hash = "h", .name = "F", .profession = "physician"};
	int64_t id = store_user_create(f->s, &u, 1);
	CHECK(id > 0);
	return id;
}

/* The curated articles as "place:id:visible" words, in order. */
static const char *entries(struct fx *f, int64_t *congress)
{
	struct front_entry *e;
	size_t n = 0;
	static char text[512];
	text[0] = '\0';
	CHECK(store_front(f->s, &f->pool, f->site, congress, &e, &n) == 0);
	for (size_t i = 0; i < n; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text), "%s%c:%lld:%d", i ? " " : "",
			 e[i].place[0], (long long)e[i].article_id, e[i].visible);
	return text;
}

static void curation(struct fx *f)
{
	int64_t user = user_of(f), congress = -1;
	CHECK_STR(entries(f, &congress), "");
	CHECK(congress == 0);
	int64_t a = fx_int(f, "SELECT min(id) FROM article WHERE site_id = %lld AND status = 'published'",
			   (long long)f->site);
	int64_t b = fx_int(f, "SELECT max(id) FROM article WHERE site_id = %lld AND status = 'published'",
			   (long long)f->site);
	int64_t foreign = fx_int(f, "SELECT min(id) FROM article WHERE site_id <> %lld", (long long)f->site);
	int64_t other_congress =
	    fx_int(f, "SELECT min(id) FROM congress WHERE site_id <> %lld", (long long)f->site);
	int64_t own_congress =
	    fx_int(f, "SELECT min(id) FROM congress WHERE site_id = %lld", (long long)f->site);
	/* the highlighted congress: the site's own, or automatic */
	CHECK(store_front_set_congress(f->s, f->site, other_congress, user) == SAVE_NOT_FOUND);
	CHECK(store_front_set_congress(f->s, f->site, own_congress, user) == SAVE_OK);
	entries(f, &congress);
	CHECK(congress == own_congress);
	CHECK(store_front_set_congress(f->s, f->site, 0, user) == SAVE_OK);
	entries(f, &congress);
	CHECK(congress == 0);
	/* articles: visible ones of the site, once, within the place's limit */
	CHECK(store_front_add(f->s, f->site, foreign, "featured", 4, user) == SAVE_NOT_FOUND);
	CHECK(store_front_add(f->s, f->site, a, "featured", 2, user) == SAVE_OK);
	CHECK(store_front_add(f->s, f->site, a, "pinned", 2, user) == SAVE_SLUG_TAKEN);
	CHECK(store_front_add(f->s, f->site, b, "featured", 2, user) == SAVE_OK);
	int64_t c = fx_int(
	    f, "SELECT min(id) FROM article WHERE site_id = %lld AND status = 'published' AND id > %lld",
	    (long long)f->site, (long long)a);
	CHECK(store_front_add(f->s, f->site, c, "featured", 2, user) == SAVE_CONFLICT);
	CHECK(store_front_add(f->s, f->site, c, "pinned", 2, user) == SAVE_OK);
	char want[256];
	snprintf(want, sizeof want, "f:%lld:1 f:%lld:1 p:%lld:1", (long long)a, (long long)b, (long long)c);
	CHECK_STR(entries(f, &congress), want);
	CHECK(store_front_move(f->s, f->site, b, -1, user) == SAVE_OK);
	CHECK(store_front_move(f->s, f->site, b, -1, user) == SAVE_OK); /* first already */
	CHECK(store_front_move(f->s, f->site, foreign, 1, user) == SAVE_NOT_FOUND);
	snprintf(want, sizeof want, "f:%lld:1 f:%lld:1 p:%lld:1", (long long)b, (long long)a, (long long)c);
	CHECK_STR(entries(f, &congress), want);
	/* the home page's cards: visible ones only, in order */
	struct article *as;
	size_t n = 0;
	CHECK(store_front_articles(f->s, &f->pool, f->site, "featured", NULL, 10, &as, &n) == 0);
	CHECK(n == 2 && as[0].id == b && as[1].id == a && as[0].section.slug[0]);
	fx_sql(f, "UPDATE article SET status = 'archived' WHERE id = %lld", (long long)b);
	CHECK(store_front_articles(f->s, &f->pool, f->site, "featured", NULL, 10, &as, &n) == 0);
	CHECK(n == 1 && as[0].id == a);
	snprintf(want, sizeof want, "f:%lld:0 f:%lld:1 p:%lld:1", (long long)b, (long long)a, (long long)c);
	CHECK_STR(entries(f, &congress), want);
	CHECK(store_front_remove(f->s, f->site, b, user) == SAVE_OK);
	CHECK(store_front_remove(f->s, f->site, b, user) == SAVE_NOT_FOUND);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE action = 'article.feature'") == 2);
	CHECK(fx_int(f, "SELECT count(*) FROM change_log WHERE kind = 'structure'") > 0);
}

static void automatic_highlight(void)
{
	/* newest first; the first with 4 articles, else the one with the most, else none */
	struct congress cs[4] = {
	    {.article_count = 1}, {.article_count = 9}, {.article_count = 2}, {.article_count = 0}};
	CHECK(home_auto_congress(cs, 4) == 1);
	cs[0].article_count = 4;
	CHECK(home_auto_congress(cs, 4) == 0);
	cs[0].article_count = 1, cs[1].article_count = 3;
	CHECK(home_auto_congress(cs, 4) == 1);
	cs[1].article_count = 1;
	CHECK(home_auto_congress(cs, 4) == 2);
	cs[0].article_count = cs[1].article_count = cs[2].article_count = 0;
	CHECK(home_auto_congress(cs, 4) == 4);
	CHECK(home_auto_congress(cs, 0) == 0);
}

int main(void)
{
	RUN(automatic_highlight);
	fx_run("front page curation", FX_DEMO, curation);
	fx_done();
	return unit_done("test_front_db");
}
