/* test_structure_db: the site structure and media store functions written once (structure_db.c, media_db.c),
 * each test on SQLite and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/accounts.h"
#include "store/media.h"
#include "store/structure.h"

/* the test's store and pool, and the site and user made on its fresh database */
static h2o_mem_pool_t pool;
static store *s;
static int64_t site, user;

static int64_t menu_add(const char *label, int64_t parent, int64_t position)
{
	struct menu_entry e = {.label = label, .url = "", .parent_id = parent, .position = position};
	int64_t id = 0;
	CHECK(store_menu_save(s, site, &e, user, &id) == SAVE_OK);
	return id;
}

/* The menu as "label/depth/children" words in display order. */
static const char *menu_text(void)
{
	struct menu_entry *m;
	size_t n;
	static char text[512];
	text[0] = '\0';
	CHECK(store_admin_menu(s, &pool, site, &m, &n) == 0);
	for (size_t i = 0; i < n; i++)
		snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s/%d/%d", i ? " " : "",
			 m[i].label, m[i].depth, m[i].children);
	return text;
}

static void test_menu_is_a_tree_in_position_order(void)
{
	/* positions order siblings as numbers (200000 before 1000000), children follow their parent */
	int64_t b = menu_add("B", 0, 200000);
	menu_add("A", 0, 1000000);
	menu_add("C", 0, 5);
	int64_t b2 = menu_add("B2", b, 1);
	int64_t b1 = menu_add("B1", b, 0);
	menu_add("B1a", b1, -1);
	CHECK_STR(menu_text(), "C/0/0 B/0/2 B1/1/1 B1a/2/0 B2/1/0 A/0/0");
	/* a new entry without a position goes last among its siblings */
	menu_add("B3", b, -1);
	CHECK_STR(menu_text(), "C/0/0 B/0/3 B1/1/1 B1a/2/0 B2/1/0 B3/1/0 A/0/0");
	CHECK(store_menu_move(s, site, b2, -1, user) == SAVE_OK);
	CHECK_STR(menu_text(), "C/0/0 B/0/3 B2/1/0 B1/1/1 B1a/2/0 B3/1/0 A/0/0");
	CHECK(store_menu_move(s, site, b2, -1, user) == SAVE_OK); /* first already */
	CHECK(store_menu_move(s, site, 999999, 1, user) == SAVE_NOT_FOUND);
	/* deleting an entry takes every one under it */
	CHECK(store_menu_delete(s, site, b, user) == SAVE_OK);
	CHECK_STR(menu_text(), "C/0/0 A/0/0");
	CHECK(store_menu_delete(s, site, b, user) == SAVE_NOT_FOUND);
}

static void test_a_taken_field_is_named(void)
{
	const char *taken = NULL;
	int64_t id = 0;
	struct section_edit x = {.slug = "news", .name = "News", .description = "", .position = -1};
	CHECK(store_section_save(s, site, &x, user, &id, &taken) == SAVE_OK);
	CHECK(store_section_save(s, site, &x, user, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "slug");
	x.id = 999999;
	x.slug = "other";
	CHECK(store_section_save(s, site, &x, user, &id, &taken) == SAVE_NOT_FOUND);
	struct page p = {.path = "/about", .title = "About", .body = "text"};
	CHECK(store_page_save(s, site, &p, user, &id, &taken) == SAVE_OK);
	CHECK(store_page_save(s, site, &p, user, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "path");
	struct site_edit w = {.slug = "derma",
			      .name = "Derma",
			      .specialty = "",
			      .host = "derma.test",
			      .tagline = "",
			      .position = -1};
	CHECK(store_site_save(s, &w, user, &id, &taken) == SAVE_OK);
	w.slug = "derma2";
	CHECK(store_site_save(s, &w, user, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "host");
	w.host = "derma2.test";
	w.slug = "derma";
	CHECK(store_site_save(s, &w, user, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "slug");
	/* the store still writes after each refusal: no transaction was left open */
	w.slug = "derma2";
	CHECK(store_site_save(s, &w, user, &id, &taken) == SAVE_OK);
}

static void test_tag_names_fold_ascii_letters_only(void)
{
	const char *taken = NULL;
	int64_t id = 0, zebra = 0;
	const char *names[][2] = {{"zebra", "Zebra"}, {"apple", "apple"}, {"ete", "\xc3\x89t\xc3\xa9"}};
	for (size_t i = 0; i < 3; i++) {
		struct tag t = {.slug = names[i][0], .name = names[i][1]};
		CHECK(store_tag_save(s, site, &t, user, &id, &taken) == SAVE_OK);
		if (i == 0)
			zebra = id;
	}
	struct tag t = {.slug = "zebra-2", .name = "ZEBRA"};
	CHECK(store_tag_save(s, site, &t, user, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "name");
	/* É and é are not ASCII: "ÉTÉ" is another name than "Été", as in SQLite's NOCASE */
	struct tag up = {.slug = "ete-2", .name = "\xc3\x89T\xc3\x89"};
	CHECK(store_tag_save(s, site, &up, user, &id, &taken) == SAVE_OK);
	/* a tag renamed in another case of its own name is not taken by itself */
	struct tag same = {.id = zebra, .slug = "zebra", .name = "ZEBRA"};
	CHECK(store_tag_save(s, site, &same, user, &id, &taken) == SAVE_OK);
	struct tag *all;
	size_t n;
	CHECK(store_admin_tags(s, &pool, site, &all, &n) == 0);
	CHECK(n == 4);
	if (n == 4) {
		CHECK_STR(all[0].name, "apple");
		CHECK_STR(all[1].name, "ZEBRA");
		CHECK_STR(all[2].name, "\xc3\x89T\xc3\x89");
		CHECK_STR(all[3].name, "\xc3\x89t\xc3\xa9");
	}
	CHECK(store_tag_delete(s, site, zebra, user) == SAVE_OK);
	CHECK(store_tag_delete(s, site, zebra, user) == SAVE_NOT_FOUND);
}

static void test_media_once_per_hash_and_uploads_counted(void)
{
	struct media m = {.hash = "abc123",
			  .kind = "png",
			  .width = 2,
			  .height = 3,
			  .bytes = 40,
			  .alt = "An image",
			  .credit = "",
			  .original_name = "a.png"};
	int64_t id = 0, again = 0;
	CHECK(store_media_add(s, site, &m, user, &id) == SAVE_OK);
	CHECK(store_media_add(s, site, &m, user, &again) == SAVE_SLUG_TAKEN);
	CHECK(again == id);
	CHECK(store_media_find(s, site, "abc123") == id);
	CHECK(store_media_hash_used(s, "abc123") == 1);
	CHECK(store_media_update(s, site, id, "Other alt", "me", user) == SAVE_OK);
	CHECK(store_media_update(s, site, id + 1000, "x", "", user) == SAVE_NOT_FOUND);
	struct media *list;
	size_t n, total;
	CHECK(store_media_list(s, &pool, site, 0, 10, &list, &n, &total) == 0);
	CHECK(n == 1 && total == 1);
	if (n == 1) {
		CHECK_STR(list[0].alt, "Other alt");
		CHECK_STR(list[0].created_by, "U");
	}
	struct media_upload u = {.id = "u1",
				 .site_id = site,
				 .user_id = user,
				 .size = 10,
				 .name = "a.png",
				 .alt = "Alt",
				 .credit = "",
				 .created_at = 100};
	CHECK(store_upload_add(s, &u, 1, 50) == SAVE_OK);
	u.id = "u2";
	CHECK(store_upload_add(s, &u, 1, 50) == SAVE_CONFLICT); /* one unfinished already */
	u.created_at = 200;
	CHECK(store_upload_add(s, &u, 1, 101) == SAVE_OK); /* the first is older than since */
	struct media_upload got;
	CHECK(store_upload_get(s, &pool, "u1", site, user, 50, &got) == 1);
	CHECK(got.size == 10 && got.done == 0);
	CHECK(store_upload_get(s, &pool, "u1", site, user + 1, 50, &got) == 0); /* another user's */
	CHECK(store_upload_done(s, "u1", id, 0) == 0);
	CHECK(store_upload_get(s, &pool, "u1", site, user, 50, &got) == 1);
	CHECK(got.done == 1 && got.media_id == id);
	CHECK(store_upload_expire(s, 101) == 0);
	CHECK(store_upload_get(s, &pool, "u1", site, user, 0, &got) == 0);
	CHECK(store_upload_get(s, &pool, "u2", site, user, 0, &got) == 1);
	CHECK(store_upload_delete(s, "u2") == 0);
	CHECK(store_upload_get(s, &pool, "u2", site, user, 0, &got) == 0);
	CHECK(store_media_delete(s, site, id, user) == SAVE_OK);
	CHECK(store_media_delete(s, site, id, user) == SAVE_CONFLICT);
	CHECK(store_media_hash_used(s, "abc123") == 0);
}

/* Runs a test on a fresh database with one site and one user. */
static void (*site_test)(void);
static void on_site(struct fx *f)
{
	s = f->s;
	h2o_mem_init_pool(&pool);
	CHECK(store_ensure_site(s, "Test") == 0);
	struct site_edit *sites;
	size_t n = 0;
	CHECK(store_admin_sites(s, &pool, &sites, &n) == 0 && n == 1);
	site = n ? sites[0].id : 0;
	struct user u = {
	    .email = "u@example.org", .password_hash = "h", .name = "U", .profession = "physician"};
	user = store_user_create(s, &u, 1);
	CHECK(user > 0);
	site_test();
	h2o_mem_clear_pool(&pool);
}

#define SITE_TEST(name, fn)                                                                                  \
	do {                                                                                                 \
		site_test = fn;                                                                              \
		fx_run(name, FX_EMPTY, on_site);                                                             \
	} while (0)

int main(void)
{
	SITE_TEST("menu is a tree in position order", test_menu_is_a_tree_in_position_order);
	SITE_TEST("a taken field is named", test_a_taken_field_is_named);
	SITE_TEST("tag names fold ASCII letters only", test_tag_names_fold_ascii_letters_only);
	SITE_TEST("media once per hash, uploads counted", test_media_once_per_hash_and_uploads_counted);
	fx_done();
	return unit_done("test_structure_db");
}
