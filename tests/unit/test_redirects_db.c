/* test_redirects_db: the redirects' store functions written once (redirects_db.c, migration 022), each test
 * on SQLite and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/accounts.h"
#include "store/editorial.h"
#include "store/structure.h"
#include "store/redirects.h"

static int64_t new_site(struct fx *f)
{
	CHECK(store_ensure_site(f->s, "Test") == 0);
	return fx_int(f, "SELECT min(id) FROM site");
}

/* The target of from, or "" when none. */
static const char *target(struct fx *f, int64_t site, const char *from)
{
	const char *to = NULL;
	int rc = store_redirect_find(f->s, &f->pool, site, from, &to);
	return rc == 1 ? to : rc == 0 ? "" : "(error)";
}

static void test_put_find_list_update_delete(struct fx *f)
{
	store *s = f->s;
	int64_t site = new_site(f);
	struct user u = {
	    .email = "u@example.org", .password_hash = "h", .name = "U", .profession = "physician"};
	int64_t user = store_user_create(s, &u, 1);
	int64_t changes = fx_int(f, "SELECT count(*) FROM change_log WHERE kind = 'structure'");
	int64_t a = 0, b = 0, again = 0;
	CHECK(store_redirect_put(s, site, "/old", "/article/new", "editor", user, &a) == SAVE_OK && a > 0);
	CHECK(store_redirect_put(s, site, "/?p=12", "https://elsewhere.example/x", "import", 0, &b) ==
	      SAVE_OK);
	CHECK(b > a);
	CHECK_STR(target(f, site, "/old"), "/article/new");
	CHECK_STR(target(f, site, "/?p=12"), "https://elsewhere.example/x");
	CHECK_STR(target(f, site, "/old/"), "");
	CHECK_STR(target(f, site, "/OLD"), "");
	/* an edit is a change of the structure, which every node's cache drops pages for; each is audited */
	CHECK(fx_int(f, "SELECT count(*) FROM change_log WHERE kind = 'structure'") >= changes + 2);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE action = 'redirect.put'") == 2);
	CHECK(fx_int(f, "SELECT created_by FROM redirect WHERE id = %lld", (long long)a) == user);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect WHERE id = %lld AND created_by IS NULL",
		     (long long)b) == 1);
	/* the upsert: the same from gets the new target, one row */
	CHECK(store_redirect_put(s, site, "/old", "/article/newer", "editor", user, &again) == SAVE_OK);
	CHECK(again == a);
	CHECK_STR(target(f, site, "/old"), "/article/newer");
	/* from == to is refused, nothing written */
	CHECK(store_redirect_put(s, site, "/same", "/same", "editor", user, NULL) == SAVE_CONFLICT);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect") == 2);
	/* the list, latest first, and its search in either address without case */
	struct redirect *rs;
	size_t n = 0, total = 0;
	CHECK(store_redirects_list(s, &f->pool, site, "", 0, 50, &rs, &n, &total) == 0 && n == 2 &&
	      total == 2);
	CHECK(store_redirects_list(s, &f->pool, site, "ELSEWHERE", 0, 50, &rs, &n, &total) == 0);
	CHECK(n == 1 && total == 1 && rs[0].id == b);
	CHECK_STR(n ? rs[0].source : "", "import");
	CHECK(store_redirects_list(s, &f->pool, site, "%", 0, 50, &rs, &n, &total) == 0 && n == 0 &&
	      total == 0);
	CHECK(store_redirects_list(s, &f->pool, site, "/", 1, 1, &rs, &n, &total) == 0 && n == 1 &&
	      total == 2);
	/* another site has none, and cannot read, change or delete this one's */
	CHECK_STR(target(f, site + 1, "/old"), "");
	CHECK(store_redirects_list(s, &f->pool, site + 1, NULL, 0, 50, &rs, &n, &total) == 0 && n == 0);
	struct redirect one;
	CHECK(store_redirect_by_id(s, &f->pool, site + 1, a, &one) == 0);
	CHECK(store_redirect_update(s, site + 1, a, "/x", "/y", user) == SAVE_NOT_FOUND);
	CHECK(store_redirect_delete(s, site + 1, a, user) == SAVE_NOT_FOUND);
	/* an edit keeps the source; a from another redirect has is refused */
	CHECK(store_redirect_update(s, site, a, "/older", "/article/newer", user) == SAVE_OK);
	CHECK(store_redirect_by_id(s, &f->pool, site, a, &one) == 1);
	CHECK_STR(one.from_path, "/older");
	CHECK_STR(one.source, "editor");
	CHECK(store_redirect_update(s, site, a, "/?p=12", "/article/newer", user) == SAVE_SLUG_TAKEN);
	CHECK(store_redirect_update(s, site, a, "/z", "/z", user) == SAVE_CONFLICT);
	CHECK_STR(target(f, site, "/older"), "/article/newer");
	/* a deletion, audited with its from */
	CHECK(store_redirect_delete(s, site, a, user) == SAVE_OK);
	CHECK(store_redirect_delete(s, site, a, user) == SAVE_NOT_FOUND);
	CHECK(
	    fx_int(f,
		   "SELECT count(*) FROM audit_log WHERE action = 'redirect.delete' AND detail = '/older'") ==
	    1);
	CHECK_STR(target(f, site, "/older"), "");
}

static void test_chains_collapse(struct fx *f)
{
	store *s = f->s;
	int64_t site = new_site(f);
	/* a -> b, then b -> c: a leads straight to c */
	CHECK(store_redirect_put(s, site, "/a", "/b", "slug", 0, NULL) == SAVE_OK);
	CHECK(store_redirect_put(s, site, "/b", "/c", "slug", 0, NULL) == SAVE_OK);
	CHECK_STR(target(f, site, "/a"), "/c");
	CHECK_STR(target(f, site, "/b"), "/c");
	/* content moves back to b: the redirect from b goes, a and c lead to b */
	CHECK(store_redirect_put(s, site, "/c", "/b", "slug", 0, NULL) == SAVE_OK);
	CHECK_STR(target(f, site, "/b"), "");
	CHECK_STR(target(f, site, "/a"), "/b");
	CHECK_STR(target(f, site, "/c"), "/b");
	/* no target is a redirect's from: no chain, no loop */
	CHECK(fx_int(f, "SELECT count(*) FROM redirect r JOIN redirect q ON q.site_id = r.site_id "
			"AND q.from_path = r.to_path") == 0);
	/* an edit follows the same rule: d -> a makes nothing lead to a, and the redirect from b is gone */
	int64_t d = 0;
	CHECK(store_redirect_put(s, site, "/d", "/e", "editor", 0, &d) == SAVE_OK);
	CHECK(store_redirect_update(s, site, d, "/b", "/f", 0) == SAVE_OK);
	CHECK_STR(target(f, site, "/a"), "/f");
	CHECK_STR(target(f, site, "/c"), "/f");
	CHECK_STR(target(f, site, "/f"), "");
	CHECK(fx_int(f, "SELECT count(*) FROM redirect r JOIN redirect q ON q.site_id = r.site_id "
			"AND q.from_path = r.to_path") == 0);
}

static void test_chains_collapse_with_or_without_the_trailing_slash(struct fx *f)
{
	store *s = f->s;
	int64_t site = new_site(f);
	/* the lookup finds /b/ for /b: a redirect to /b is one to /b/ as far as chains go */
	CHECK(store_redirect_put(s, site, "/a", "/b", "import", 0, NULL) == SAVE_OK);
	CHECK(store_redirect_put(s, site, "/b/", "/c", "import", 0, NULL) == SAVE_OK);
	CHECK_STR(target(f, site, "/a"), "/c");
	/* and content now at /a/ drops the redirect from /a, which would lead a reader away from it */
	CHECK(store_redirect_put(s, site, "/d", "/a/", "editor", 0, NULL) == SAVE_OK);
	CHECK_STR(target(f, site, "/a"), "");
	CHECK_STR(target(f, site, "/d"), "/a/");
	/* "/" and addresses with a query have no other form */
	CHECK(store_redirect_put(s, site, "/e?x=1", "/f", "import", 0, NULL) == SAVE_OK);
	CHECK(store_redirect_put(s, site, "/g", "/e?x=1/", "import", 0, NULL) == SAVE_OK);
	CHECK_STR(target(f, site, "/e?x=1"), "/f");
	/* an edit moves the row it edits, never deletes it */
	int64_t id = 0;
	CHECK(store_redirect_put(s, site, "/h/", "/i", "editor", 0, &id) == SAVE_OK);
	CHECK(store_redirect_update(s, site, id, "/h/", "/h", 0) == SAVE_OK);
	CHECK_STR(target(f, site, "/h/"), "/h");
}

static void test_a_batch_holds_them(struct fx *f)
{
	store *s = f->s;
	int64_t site = new_site(f);
	/* inside a batch undone: nothing stays, even after a refused one in the middle */
	CHECK(store_batch_begin(s) == 0);
	CHECK(store_redirect_put(s, site, "/1", "/one", "import", 0, NULL) == SAVE_OK);
	CHECK(store_redirect_put(s, site, "/2", "/2", "import", 0, NULL) == SAVE_CONFLICT);
	int64_t id = 0;
	CHECK(store_redirect_put(s, site, "/3", "/three", "import", 0, &id) == SAVE_OK);
	CHECK(store_redirect_update(s, site, id, "/1", "/x", 0) == SAVE_SLUG_TAKEN);
	CHECK(store_redirect_put(s, site, "/4", "/four", "import", 0, NULL) == SAVE_OK);
	CHECK_STR(target(f, site, "/3"), "/three");
	CHECK(store_batch_end(s, 0) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect") == 0);
	/* and kept */
	CHECK(store_batch_begin(s) == 0);
	CHECK(store_redirect_put(s, site, "/1", "/one", "import", 0, NULL) == SAVE_OK);
	CHECK(store_redirect_update(s, site, 999999, "/1", "/x", 0) == SAVE_NOT_FOUND);
	CHECK(store_redirect_put(s, site, "/one", "/uno", "import", 0, NULL) == SAVE_OK);
	CHECK(store_batch_end(s, 1) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect") == 2);
	CHECK_STR(target(f, site, "/1"), "/uno");
}

static void test_the_first_of_several_addresses_matches(struct fx *f)
{
	store *s = f->s;
	int64_t site = new_site(f);
	CHECK(store_redirect_put(s, site, "/x?a=1", "/one", "editor", 0, NULL) == SAVE_OK);
	CHECK(store_redirect_put(s, site, "/x", "/two", "editor", 0, NULL) == SAVE_OK);
	CHECK(store_redirect_put(s, site, "/x/", "/three", "editor", 0, NULL) == SAVE_OK);
	const char *to = NULL;
	int which = -1;
	const char *all[3] = {"/x?a=1", "/x", "/x/"};
	CHECK(store_redirect_match(s, &f->pool, site, all, &to, &which) == 1 && which == 0);
	CHECK_STR(to ? to : "", "/one");
	const char *later[3] = {NULL, "/x/", "/x"};
	CHECK(store_redirect_match(s, &f->pool, site, later, &to, &which) == 1 && which == 1);
	CHECK_STR(to ? to : "", "/three");
	const char *last[3] = {"/y?b", "/y", "/x"};
	CHECK(store_redirect_match(s, &f->pool, site, last, &to, &which) == 1 && which == 2);
	const char *none[3] = {"/y", NULL, NULL};
	CHECK(store_redirect_match(s, &f->pool, site, none, &to, &which) == 0 && to == NULL && which == -1);
	CHECK(store_redirect_match(s, &f->pool, site + 1, all, &to, &which) == 0);
}

static void test_a_site_deleted_takes_them(struct fx *f)
{
	store *s = f->s;
	int64_t site = new_site(f);
	CHECK(store_redirect_put(s, site, "/1", "/one", "import", 0, NULL) == SAVE_OK);
	/* the fixture's own SQLite connection enforces foreign keys only when told, as the store's does */
	fx_sql(f, "%sDELETE FROM site WHERE id = %lld",
	       f->engine == FX_SQLITE ? "PRAGMA foreign_keys = ON; " : "", (long long)site);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect") == 0);
}

/* A new public news article of the demo's first site, in its first section. */
static struct article_edit new_article(struct fx *f, const char *slug, const char *status)
{
	return (struct article_edit){
	    .site_id = f->site,
	    .slug = slug,
	    .title = "Moving article",
	    .summary = "A summary.",
	    .body = "A body.",
	    .kind = "news",
	    .status = status,
	    .audience = "public",
	    .video_url = "",
	    .section_id = fx_int(f, "SELECT min(id) FROM section WHERE site_id = %lld", (long long)f->site),
	    .published_at = store_now() - 60,
	};
}

/* Saves e again under a new slug (the revision it was read at given): the save's result. */
static enum save_result rename_to(struct fx *f, struct article_edit *e, int64_t id, const char *slug)
{
	e->id = id;
	e->slug = slug;
	e->expected_revision = fx_int(f, "SELECT revision_no FROM article WHERE id = %lld", (long long)id);
	int64_t got = 0;
	return store_article_save(f->s, e, 0, &got);
}

static void test_a_new_slug_leaves_a_redirect(struct fx *f)
{
	struct article_edit e = new_article(f, "first-slug", "published");
	int64_t id = 0;
	CHECK(store_article_save(f->s, &e, 0, &id) == SAVE_OK && id > 0);
	/* a save that keeps the slug leaves none */
	CHECK(rename_to(f, &e, id, "first-slug") == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect") == 0);
	CHECK(rename_to(f, &e, id, "second-slug") == SAVE_OK);
	CHECK_STR(target(f, f->site, "/article/first-slug"), "/article/second-slug");
	CHECK_STR(fx_text(f, "SELECT source FROM redirect WHERE from_path = '/article/first-slug'"), "slug");
	/* twice: the first address leads straight to the newest */
	CHECK(rename_to(f, &e, id, "third-slug") == SAVE_OK);
	CHECK_STR(target(f, f->site, "/article/first-slug"), "/article/third-slug");
	CHECK_STR(target(f, f->site, "/article/second-slug"), "/article/third-slug");
	/* and back: the address it has again is no redirect's */
	CHECK(rename_to(f, &e, id, "first-slug") == SAVE_OK);
	CHECK_STR(target(f, f->site, "/article/first-slug"), "");
	CHECK_STR(target(f, f->site, "/article/third-slug"), "/article/first-slug");
	/* a save refused (a stale revision) leaves nothing */
	int64_t before = fx_int(f, "SELECT count(*) FROM redirect");
	e.slug = "stale-slug";
	e.expected_revision = 1;
	int64_t got = 0;
	CHECK(store_article_save(f->s, &e, 0, &got) == SAVE_CONFLICT);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect") == before);
	/* a draft's slug was never public: no redirect tells where it went */
	struct article_edit d = new_article(f, "draft-slug", "draft");
	int64_t did = 0;
	CHECK(store_article_save(f->s, &d, 0, &did) == SAVE_OK);
	CHECK(rename_to(f, &d, did, "draft-slug-2") == SAVE_OK);
	CHECK_STR(target(f, f->site, "/article/draft-slug"), "");
}

static void test_a_new_page_path_leaves_a_redirect(struct fx *f)
{
	struct page p = {.path = "/about/old-team", .title = "Team", .body = "Us."};
	int64_t id = 0;
	const char *taken = "";
	CHECK(store_page_save(f->s, f->site, &p, 0, &id, &taken) == SAVE_OK && id > 0);
	p.id = id;
	p.title = "The team";
	CHECK(store_page_save(f->s, f->site, &p, 0, &id, &taken) == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect") == 0);
	p.path = "/about/team";
	CHECK(store_page_save(f->s, f->site, &p, 0, &id, &taken) == SAVE_OK);
	CHECK_STR(target(f, f->site, "/about/old-team"), "/about/team");
	/* a path another page has is refused, and leaves nothing */
	p.path = fx_text(f, "SELECT path FROM page WHERE site_id = %lld AND id <> %lld LIMIT 1",
			 (long long)f->site, (long long)id);
	CHECK(p.path && store_page_save(f->s, f->site, &p, 0, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK(fx_int(f, "SELECT count(*) FROM redirect") == 1);
}

int main(void)
{
	fx_run("redirects put, found, listed, edited and deleted per site", FX_EMPTY,
	       test_put_find_list_update_delete);
	fx_run("redirect chains collapse to the newest address", FX_EMPTY, test_chains_collapse);
	fx_run("chains collapse with or without the trailing slash", FX_EMPTY,
	       test_chains_collapse_with_or_without_the_trailing_slash);
	fx_run("redirects join a batch, undone or kept whole", FX_EMPTY, test_a_batch_holds_them);
	fx_run("the first of several addresses a redirect leads from matches", FX_EMPTY,
	       test_the_first_of_several_addresses_matches);
	fx_run("a site deleted takes its redirects", FX_EMPTY, test_a_site_deleted_takes_them);
	fx_run("a published article's new slug leaves a redirect", FX_DEMO,
	       test_a_new_slug_leaves_a_redirect);
	fx_run("a page's new path leaves a redirect", FX_DEMO, test_a_new_page_path_leaves_a_redirect);
	fx_done();
	return unit_done("test_redirects_db");
}
