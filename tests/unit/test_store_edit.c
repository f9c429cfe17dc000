/* test_store_edit: the back office's writes through the store's API on both engines (fixture.h): a failed
 * COMMIT, unique violations, revisions, scheduled publication, media, the menu's order, uploads, contact. */
#include <stdlib.h>

#include "fixture.h"
#include "store/accounts.h"
#include "store/editorial.h"
#include "store/desk.h"
#include "store/media.h"
#include "store/structure.h"

/* A new public news article of the first site, in its first section. */
static struct article_edit article(struct fx *f, const char *slug, const char *title, const char *status)
{
	return (struct article_edit){
	    .site_id = f->site,
	    .slug = slug,
	    .title = title,
	    .summary = "A summary.",
	    .body = "A body with **some** text.",
	    .kind = "news",
	    .status = status,
	    .audience = "public",
	    .video_url = "",
	    .section_id = fx_int(f, "SELECT min(id) FROM section WHERE site_id = %lld", (long long)f->site),
	    .published_at = store_now() - 60,
	};
}

static int64_t articles_titled(struct fx *f, const char *title)
{
	return fx_int(f, "SELECT count(*) FROM article WHERE title = '%s'", title);
}

/* A deferred foreign key that the first revision titled 'Spoiled' breaks: the article's save runs to its
 * COMMIT, which fails (SQLite keeps the transaction open after that; PostgreSQL ends it). */
static int spoil_commit(struct fx *f)
{
	if (f->engine == FX_SQLITE)
		return fx_sql(
		    f, "CREATE TABLE fx_parent (id INTEGER PRIMARY KEY);"
		       "CREATE TABLE fx_orphan (p INTEGER REFERENCES fx_parent (id) DEFERRABLE INITIALLY "
		       "DEFERRED);"
		       "CREATE TRIGGER fx_spoil AFTER INSERT ON revision WHEN NEW.title = 'Spoiled' "
		       "BEGIN INSERT INTO fx_orphan VALUES (42); END;");
	return fx_sql(
	    f, "CREATE TABLE fx_parent (id bigint PRIMARY KEY);"
	       "CREATE TABLE fx_orphan (p bigint REFERENCES fx_parent (id) DEFERRABLE INITIALLY DEFERRED);"
	       "CREATE FUNCTION fx_spoil() RETURNS trigger LANGUAGE plpgsql AS "
	       "$$ BEGIN INSERT INTO fx_orphan VALUES (42); RETURN NEW; END $$;"
	       "CREATE TRIGGER fx_spoil AFTER INSERT ON revision FOR EACH ROW WHEN (NEW.title = 'Spoiled') "
	       "EXECUTE FUNCTION fx_spoil();");
}

static void failed_commit_rolls_back(struct fx *f)
{
	CHECK(spoil_commit(f) == 0);
	/* not opened again: with SQLite 3.40 the first prepare of an INSERT INTO article after another
	 * connection changed the schema answers SQLITE_SCHEMA ("no such table: article"), which the store
	 * tries again */
	int64_t before = fx_int(f, "SELECT count(*) FROM article");
	int64_t revisions = fx_int(f, "SELECT count(*) FROM revision");
	struct article_edit e = article(f, "spoiled-save", "Spoiled", "published");
	int64_t id = -7;
	CHECK(store_article_save(f->s, &e, 0, &id) == SAVE_ERROR);
	CHECK(id == -7);
	/* nothing of it is left, as this connection sees it (an open transaction would show its rows) */
	struct admin_filter q = {.site_id = f->site, .q = "Spoiled"};
	struct article *as;
	size_t n = 9, total = 9;
	CHECK(store_admin_articles(f->s, &f->pool, &q, 0, 10, &as, &n, &total) == 0 && total == 0);
	struct article a;
	CHECK(store_article_by_slug(f->s, &f->pool, f->site, "spoiled-save", AUDIENCE_PUBLIC, &a) == 0);
	/* the connection is outside any transaction: another connection writes (SQLite: no write lock held),
	 * and the store's next save begins, commits and is seen by others */
	CHECK(fx_sql(f, "INSERT INTO fx_parent (id) VALUES (7)") == 0);
	e.title = "Saved after";
	id = 0;
	CHECK(store_article_save(f->s, &e, 0, &id) == SAVE_OK && id > 0); /* the slug was never taken */
	CHECK(fx_int(f, "SELECT count(*) FROM article") == before + 1);
	CHECK(fx_int(f, "SELECT count(*) FROM revision") == revisions + 1);
	CHECK(articles_titled(f, "Spoiled") == 0 && articles_titled(f, "Saved after") == 1);
}

static void unique_violations_answer_taken(struct fx *f)
{
	const char *slug = fx_text(f, "SELECT slug FROM article WHERE site_id = %lld ORDER BY id LIMIT 1",
				   (long long)f->site);
	int64_t before = fx_int(f, "SELECT count(*) FROM article");
	struct article_edit e = article(f, slug, "Twin", "draft");
	int64_t id = -7;
	CHECK(slug && store_article_save(f->s, &e, 0, &id) == SAVE_SLUG_TAKEN && id == -7);
	CHECK(fx_int(f, "SELECT count(*) FROM article") == before && articles_titled(f, "Twin") == 0);
	/* the same slug on another site is free */
	int64_t other = fx_int(f, "SELECT max(id) FROM site");
	e.site_id = other;
	e.section_id = fx_int(f, "SELECT min(id) FROM section WHERE site_id = %lld", (long long)other);
	CHECK(other != f->site && store_article_save(f->s, &e, 0, &id) == SAVE_OK && id > 0);

	const char *taken = "unset";
	struct section_edit sec = {.position = -1, .slug = "", .name = "Another", .description = ""};
	sec.slug = fx_text(f, "SELECT slug FROM section WHERE site_id = %lld LIMIT 1", (long long)f->site);
	CHECK(store_section_save(f->s, f->site, &sec, 0, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "slug");
	/* a tag's name is taken whatever its case */
	const char *tag =
	    fx_text(f, "SELECT upper(name) FROM tag WHERE site_id = %lld LIMIT 1", (long long)f->site);
	struct tag t = {.slug = "fresh-tag-slug", .name = tag};
	taken = "unset";
	CHECK(tag && store_tag_save(f->s, f->site, &t, 0, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "name");
	struct page p = {.path = "/privacy", .title = "Twin", .body = "x"};
	taken = "unset";
	CHECK(store_page_save(f->s, f->site, &p, 0, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "path");
	struct site_edit site = {
	    .position = -1, .slug = "fresh-site", .name = "N", .specialty = "S", .tagline = ""};
	site.host = fx_text(f, "SELECT host FROM site WHERE id = %lld", (long long)f->site);
	taken = "unset";
	CHECK(store_site_save(f->s, &site, 0, &id, &taken) == SAVE_SLUG_TAKEN);
	CHECK_STR(taken, "host");
	struct person who = {.slug = fx_text(f, "SELECT slug FROM person LIMIT 1"),
			     .name = "Twin",
			     .title = "",
			     .affiliation = "",
			     .photo = "",
			     .role = ""};
	CHECK(store_person_save(f->s, &who, "", 0, &id) == SAVE_SLUG_TAKEN);
	/* after all those failures the connection still writes */
	sec.slug = "another";
	CHECK(store_section_save(f->s, f->site, &sec, 0, &id, &taken) == SAVE_OK && id > 0);
	CHECK(fx_int(f, "SELECT count(*) FROM section WHERE slug = 'another' AND site_id = %lld",
		     (long long)f->site) == 1);
}

static void revisions_kept_on_save(struct fx *f)
{
	struct article_edit e = article(f, "kept-revisions", "First title", "draft");
	int64_t id = 0;
	CHECK(store_article_save(f->s, &e, 0, &id) == SAVE_OK && id > 0);
	e.id = id;
	e.expected_revision = 1;
	e.title = "Second title";
	int64_t again = 0;
	CHECK(store_article_save(f->s, &e, 0, &again) == SAVE_OK && again == id);
	/* an editor who started from revision 1 too is refused: nothing changes */
	e.title = "Stale title";
	CHECK(store_article_save(f->s, &e, 0, &again) == SAVE_CONFLICT);
	e.expected_revision = 2;
	e.title = "Third title";
	CHECK(store_article_save(f->s, &e, 0, &again) == SAVE_OK);
	struct revision *rs;
	size_t n = 0;
	CHECK(store_revisions(f->s, &f->pool, id, &rs, &n) == 0 && n == 3);
	if (n == 3) {
		CHECK_STR(rs[0].title, "Third title"); /* newest first */
		CHECK(rs[0].revision_no == 3 && rs[2].revision_no == 1);
		struct revision first;
		CHECK(store_revision(f->s, &f->pool, id, rs[2].id, &first) == 1);
		CHECK_STR(first.title, "First title");
		CHECK_STR(first.body, "A body with **some** text.");
		CHECK(store_revision(f->s, &f->pool, id + 1000000, rs[2].id, &first) == 0);
	}
	struct article a;
	CHECK(store_admin_article(f->s, &f->pool, f->site, id, &a) == 1 && a.revision_no == 3);
	CHECK_STR(a.title, "Third title");
	CHECK(articles_titled(f, "Stale title") == 0);
	/* an article that is not there */
	e.id = id + 1000000;
	CHECK(store_article_save(f->s, &e, 0, &again) == SAVE_NOT_FOUND);
}

static void scheduled_published_when_due(struct fx *f)
{
	/* one due a minute ago, one in an hour: both scheduled, neither visible yet */
	int64_t now = store_now();
	struct article_edit due = article(f, "due-now", "Due now", "scheduled");
	struct article_edit later = article(f, "due-later", "Due later", "scheduled");
	due.published_at = now - 60;
	later.published_at = now + 3600;
	int64_t due_id = 0, later_id = 0;
	CHECK(store_article_save(f->s, &due, 0, &due_id) == SAVE_OK);
	CHECK(store_article_save(f->s, &later, 0, &later_id) == SAVE_OK);
	struct article a;
	/* a scheduled article is shown once its time has come, also before the scheduler publishes it */
	CHECK(store_article_by_slug(f->s, &f->pool, f->site, "due-now", AUDIENCE_PUBLIC, &a) == 1);
	CHECK(store_article_by_slug(f->s, &f->pool, f->site, "due-later", AUDIENCE_PUBLIC, &a) == 0);
	/* the demo may have its own scheduled articles: the next is no later than ours */
	int64_t next = store_next_scheduled(f->s);
	CHECK(next > 0 && next <= now - 60);
	int64_t ids[64];
	size_t n = 0;
	CHECK(store_publish_due(f->s, ids, 64, &n) == 0 && n >= 1);
	int found = 0;
	for (size_t i = 0; i < n; i++) {
		found |= ids[i] == due_id;
		CHECK(ids[i] != later_id);
	}
	CHECK(found);
	CHECK(store_article_by_slug(f->s, &f->pool, f->site, "due-now", AUDIENCE_PUBLIC, &a) == 1);
	CHECK(fx_int(f, "SELECT count(*) FROM article WHERE id = %lld AND status = 'published'",
		     (long long)due_id) == 1);
	CHECK(store_publish_due(f->s, ids, 64, &n) == 0 && n == 0); /* once */
	CHECK(store_next_scheduled(f->s) == now + 3600);
	CHECK(store_article_by_slug(f->s, &f->pool, f->site, "due-later", AUDIENCE_PUBLIC, &a) == 0);
}

static void media_deduplicated_by_hash(struct fx *f)
{
	const char *hash = "0123456789abcdef0123456789abcdef";
	struct media m = {.width = 800,
			  .height = 600,
			  .bytes = 1234,
			  .hash = hash,
			  .kind = "png",
			  .alt = "A chart",
			  .credit = "",
			  .original_name = "chart.png"};
	int64_t other = fx_int(f, "SELECT max(id) FROM site");
	CHECK(store_media_find(f->s, f->site, hash) == 0);
	CHECK(store_media_hash_used(f->s, hash) == 0);
	int64_t id = 0, twin = 0, elsewhere = 0;
	CHECK(store_media_add(f->s, f->site, &m, 0, &id) == SAVE_OK && id > 0);
	/* the same bytes again on the site: the image it has already */
	m.alt = "Another alt";
	CHECK(store_media_add(f->s, f->site, &m, 0, &twin) == SAVE_SLUG_TAKEN && twin == id);
	CHECK(store_media_find(f->s, f->site, hash) == id);
	CHECK(fx_int(f, "SELECT count(*) FROM media WHERE hash = '%s'", hash) == 1);
	/* another site keeps its own copy */
	CHECK(store_media_add(f->s, other, &m, 0, &elsewhere) == SAVE_OK && elsewhere > 0 && elsewhere != id);
	CHECK(store_media_find(f->s, other, hash) == elsewhere);
	/* an image an article shows is not deleted */
	struct article_edit e = article(f, "with-image", "With image", "draft");
	e.image_id = id;
	int64_t art = 0;
	CHECK(store_article_save(f->s, &e, 0, &art) == SAVE_OK);
	struct media got;
	CHECK(store_media_by_id(f->s, &f->pool, f->site, id, &got) == 1 && got.uses == 1);
	CHECK_STR(got.alt, "A chart");
	CHECK(store_media_delete(f->s, f->site, id, 0) == SAVE_CONFLICT);
	e.id = art;
	e.expected_revision = 1;
	e.image_id = 0;
	CHECK(store_article_save(f->s, &e, 0, &art) == SAVE_OK);
	CHECK(store_media_delete(f->s, f->site, id, 0) == SAVE_OK);
	CHECK(store_media_find(f->s, f->site, hash) == 0);
	CHECK(store_media_hash_used(f->s, hash) == 1); /* the other site's copy keeps the files */
	CHECK(store_media_delete(f->s, other, elsewhere, 0) == SAVE_OK);
	CHECK(store_media_hash_used(f->s, hash) == 0);
	CHECK(store_media_delete(f->s, other, elsewhere, 0) == SAVE_CONFLICT); /* absent */
}

/* The ids of the top-level menu entries of the site in display order. */
static size_t top_menu(struct fx *f, int64_t *ids, size_t max)
{
	struct menu_entry *m;
	size_t n = 0, top = 0;
	CHECK(store_admin_menu(f->s, &f->pool, f->site, &m, &n) == 0);
	for (size_t i = 0; i < n && top < max; i++)
		if (m[i].parent_id == 0)
			ids[top++] = m[i].id;
	return top;
}

static void menu_moves_keep_order(struct fx *f)
{
	int64_t was[32], now[32];
	size_t n = top_menu(f, was, 32);
	CHECK(n >= 3);
	if (n < 3)
		return;
	/* the second up: it is first, the first second, the rest as they were */
	CHECK(store_menu_move(f->s, f->site, was[1], -1, 0) == SAVE_OK);
	CHECK(top_menu(f, now, 32) == n);
	CHECK(now[0] == was[1] && now[1] == was[0]);
	for (size_t i = 2; i < n; i++)
		CHECK(now[i] == was[i]);
	/* the first up and the last down change nothing */
	CHECK(store_menu_move(f->s, f->site, now[0], -1, 0) == SAVE_OK);
	CHECK(store_menu_move(f->s, f->site, now[n - 1], 1, 0) == SAVE_OK);
	int64_t still[32];
	CHECK(top_menu(f, still, 32) == n && memcmp(still, now, n * sizeof *now) == 0);
	/* down again: the order of the start; siblings are numbered 0, 1, ... */
	CHECK(store_menu_move(f->s, f->site, was[1], 1, 0) == SAVE_OK);
	CHECK(top_menu(f, now, 32) == n && memcmp(was, now, n * sizeof *now) == 0);
	CHECK(fx_int(f, "SELECT position FROM menu_item WHERE id = %lld", (long long)was[1]) == 1);
	/* the public menu shows the same order */
	struct menu_item *pub;
	size_t np = 0, top = 0;
	CHECK(store_menu(f->s, &f->pool, f->site, &pub, &np) == 0);
	for (size_t i = 0; i < np && top < n; i++)
		if (pub[i].parent_id == 0)
			CHECK(pub[i].id == was[top++]);
	CHECK(store_menu_move(f->s, f->site, 999999, -1, 0) == SAVE_NOT_FOUND);
	/* the moves were audited */
	CHECK(fx_int(f,
		     "SELECT count(*) FROM audit_log WHERE action = 'move-up' OR action = 'menu.move-up' OR "
		     "detail LIKE '%%move%%' OR action LIKE '%%move%%'") >= 2);
}

static void uploads_limited_per_user(struct fx *f)
{
	struct user u = {
	    .email = "up@example.org", .password_hash = "h", .name = "U", .profession = "physician"};
	int64_t user = store_user_create(f->s, &u, 1);
	CHECK(user > 0);
	int64_t now = store_now();
	struct media_upload up = {.site_id = f->site,
				  .user_id = user,
				  .size = 100,
				  .created_at = now,
				  .name = "a.png",
				  .alt = "Alt",
				  .credit = ""};
	up.id = "00000000000000000000000000000001";
	CHECK(store_upload_add(f->s, &up, 2, now - 3600) == SAVE_OK);
	up.id = "00000000000000000000000000000002";
	CHECK(store_upload_add(f->s, &up, 2, now - 3600) == SAVE_OK);
	up.id = "00000000000000000000000000000003";
	CHECK(store_upload_add(f->s, &up, 2, now - 3600) == SAVE_CONFLICT);
	struct media_upload got;
	CHECK(store_upload_get(f->s, &f->pool, "00000000000000000000000000000003", f->site, user, now - 3600,
			       &got) == 0);
	CHECK(store_upload_get(f->s, &f->pool, "00000000000000000000000000000001", f->site, user, now - 3600,
			       &got) == 1);
	CHECK(got.size == 100 && !got.done);
	CHECK_STR(got.alt, "Alt");
	/* another user's upload is not this one's */
	CHECK(store_upload_get(f->s, &f->pool, "00000000000000000000000000000001", f->site, user + 1,
			       now - 3600, &got) == 0);
	/* a finished one frees a place */
	struct media m = {.width = 1,
			  .height = 1,
			  .bytes = 100,
			  .hash = "ffffffffffffffffffffffffffffffff",
			  .kind = "png",
			  .alt = "Alt",
			  .credit = "",
			  .original_name = ""};
	int64_t media = 0;
	CHECK(store_media_add(f->s, f->site, &m, user, &media) == SAVE_OK);
	CHECK(store_upload_done(f->s, "00000000000000000000000000000001", media, 0) == 0);
	CHECK(store_upload_get(f->s, &f->pool, "00000000000000000000000000000001", f->site, user, now - 3600,
			       &got) == 1);
	CHECK(got.done && got.media_id == media);
	CHECK(store_upload_add(f->s, &up, 2, now - 3600) == SAVE_OK);
	CHECK(store_upload_expire(f->s, now + 1) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM media_upload") == 0);
}

static void contact_round_trip(struct fx *f)
{
	int64_t other = fx_int(f, "SELECT max(id) FROM site");
	const char *text = "Line one,\nline two: 'quoted' \"double\" \xc3\xa9\xe2\x82\xac ? $1 %s";
	struct contact_message m = {.site_id = f->site,
				    .name = "Ana O'Neil",
				    .email = "ana@example.org",
				    .topic = "other",
				    .message = text};
	int64_t first = store_contact_add(f->s, &m);
	m.name = "Second";
	int64_t second = store_contact_add(f->s, &m);
	m.site_id = other;
	m.name = "Elsewhere";
	CHECK(first > 0 && second > first && store_contact_add(f->s, &m) > second);
	struct contact_message *list;
	size_t n = 0;
	CHECK(store_contact_list(f->s, &f->pool, f->site, 10, &list, &n) == 0 && n == 2);
	if (n == 2) {
		CHECK_STR(list[0].name, "Second"); /* newest first */
		CHECK(list[0].site_id == second && list[1].site_id == first);
		CHECK_STR(list[1].name, "Ana O'Neil");
		CHECK_STR(list[1].email, "ana@example.org");
		CHECK_STR(list[1].topic, "other");
		CHECK_STR(list[1].message, text);
		CHECK(list[1].created_at >= store_now() - 60 && list[1].created_at <= store_now());
	}
	CHECK(store_contact_list(f->s, &f->pool, f->site, 1, &list, &n) == 0 && n == 1);
	CHECK(store_contact_list(f->s, &f->pool, other, 10, &list, &n) == 0 && n == 1);
}

static const struct tag *tag_named(const struct article *a, const char *name)
{
	for (size_t i = 0; i < a->ntags; i++)
		if (strcmp(a->tags[i].name, name) == 0)
			return &a->tags[i];
	return NULL;
}

static void article_children_round_trip(struct fx *f)
{
	int64_t p0 = fx_int(f, "SELECT min(id) FROM person");
	int64_t p1 = fx_int(f, "SELECT min(id) FROM person WHERE id > %lld", (long long)p0);
	int64_t p2 = fx_int(f, "SELECT min(id) FROM person WHERE id > %lld", (long long)p1);
	int64_t mine = fx_int(f, "SELECT min(id) FROM sponsor WHERE site_id = %lld", (long long)f->site);
	int64_t theirs = fx_int(f, "SELECT min(id) FROM sponsor WHERE site_id <> %lld", (long long)f->site);
	const char *old_tag =
	    fx_text(f, "SELECT name FROM tag WHERE site_id = %lld ORDER BY id LIMIT 1", (long long)f->site);
	CHECK(p2 > 0 && mine > 0 && old_tag);
	if (p2 <= 0 || mine <= 0 || !old_tag)
		return;
	int64_t old_tags = fx_int(f, "SELECT count(*) FROM tag WHERE site_id = %lld", (long long)f->site);
	/* the old tag named in another case is the same tag; a new one is made once */
	char *upper = strdup(old_tag);
	for (char *c = upper; *c; c++)
		*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
	const char *tags[] = {"Brand New Topic", upper, "brand new topic"};
	int64_t speakers[] = {p2, p1};
	struct reference refs[] = {{"First citation", "LBA1", "https://example.org/1"},
				   {"Second citation", "", ""}};
	int64_t sponsors[] = {mine, theirs};
	struct article_edit e = article(f, "with-children", "With children", "published");
	e.interviewer = p0;
	e.speakers = speakers;
	e.nspeakers = 2;
	e.refs = refs;
	e.nrefs = 2;
	e.sponsors = sponsors;
	e.nsponsors = theirs > 0 ? 2 : 1;
	e.tags = tags;
	e.ntags = 3;
	int64_t id = 0;
	CHECK(store_article_save(f->s, &e, 0, &id) == SAVE_OK);
	struct article a;
	CHECK(store_admin_article(f->s, &f->pool, f->site, id, &a) == 1);
	/* the speakers in the editor's order, the interviewer after them (as pages list them) */
	CHECK(a.npeople == 3);
	if (a.npeople == 3) {
		CHECK(a.people[0].id == p2 && a.people[1].id == p1 && a.people[2].id == p0);
		CHECK_STR(a.people[0].role, "speaker");
		CHECK_STR(a.people[2].role, "interviewer");
	}
	CHECK(a.nrefs == 2);
	if (a.nrefs == 2) {
		CHECK_STR(a.refs[0].citation, "First citation");
		CHECK_STR(a.refs[0].abstract_no, "LBA1");
		CHECK_STR(a.refs[1].citation, "Second citation");
	}
	/* another site's sponsor is not linked */
	CHECK(a.nsponsors == 1 && a.sponsors[0].id == mine);
	CHECK(a.ntags == 2 && tag_named(&a, "Brand New Topic") && tag_named(&a, old_tag));
	CHECK(fx_int(f, "SELECT count(*) FROM tag WHERE site_id = %lld", (long long)f->site) == old_tags + 1);
	/* the public page shows the same */
	CHECK(store_article_by_slug(f->s, &f->pool, f->site, "with-children", AUDIENCE_PUBLIC, &a) == 1);
	CHECK(a.npeople == 3 && a.nrefs == 2 && a.nsponsors == 1 && a.ntags == 2);
	/* a save replaces the children: an author byline, no speakers or references, one tag */
	e.id = id;
	e.expected_revision = 1;
	e.byline_role = "author";
	e.nspeakers = 0;
	e.nrefs = 0;
	e.nsponsors = 0;
	e.ntags = 1;
	CHECK(store_article_save(f->s, &e, 0, &id) == SAVE_OK);
	CHECK(store_admin_article(f->s, &f->pool, f->site, id, &a) == 1);
	CHECK(a.npeople == 1 && a.nrefs == 0 && a.nsponsors == 0 && a.ntags == 1);
	if (a.npeople == 1)
		CHECK_STR(a.people[0].role, "author");
	CHECK(fx_int(f, "SELECT count(*) FROM reference WHERE article_id = %lld", (long long)id) == 0);
	free(upper);
}

static void records_saved_and_live(struct fx *f)
{
	struct user u = {
	    .email = "ed@example.org", .password_hash = "h", .name = "Ed", .profession = "physician"};
	int64_t ed = store_user_create(f->s, &u, 1);
	CHECK(ed > 0);
	/* a trial: saved, read back by id and slug; not live until a published article names it */
	struct trial_edit t = {.slug = "fresh-trial",
			       .name = "FRESH-1",
			       .aliases = "F1",
			       .registry_id = "NCT00000001",
			       .phase = "3",
			       .setting = "adjuvant",
			       .population = "adults",
			       .arms = "A vs B",
			       .primary_endpoint = "OS",
			       .results = "",
			       .status = "recruiting"};
	int64_t trial = 0, again = 0;
	CHECK(store_trial_save(f->s, f->site, &t, ed, &trial) == SAVE_OK && trial > 0);
	CHECK(store_trial_save(f->s, f->site, &t, ed, &again) == SAVE_SLUG_TAKEN);
	struct trial_edit got;
	CHECK(store_trial_by_slug(f->s, &f->pool, f->site, "fresh-trial", &got) == 1 && got.id == trial);
	CHECK_STR(got.primary_endpoint, "OS");
	CHECK(store_trial_by_id(f->s, &f->pool, f->site, trial, &got) == 1);
	CHECK_STR(got.registry_id, "NCT00000001");
	CHECK(store_trial_by_id(f->s, &f->pool, fx_int(f, "SELECT max(id) FROM site"), trial, &got) == 0);
	CHECK(store_record_live(f->s, LIVE_TRIAL, trial) == 0);
	struct article_edit draft = article(f, "names-trial", "Names the trial", "draft");
	draft.trial_id = trial;
	int64_t art = 0;
	CHECK(store_article_save(f->s, &draft, ed, &art) == SAVE_OK);
	CHECK(store_record_live(f->s, LIVE_TRIAL, trial) == 0); /* a draft does not make it live */
	draft.id = art;
	draft.expected_revision = 1;
	draft.status = "published";
	CHECK(store_article_save(f->s, &draft, ed, &art) == SAVE_OK);
	CHECK(store_record_live(f->s, LIVE_TRIAL, trial) == 1);
	/* a person with a bio */
	struct person p = {.slug = "dr-fresh",
			   .name = "Dr Fresh",
			   .title = "MD",
			   .affiliation = "Clinic",
			   .photo = "",
			   .role = ""};
	int64_t person = 0;
	CHECK(store_person_save(f->s, &p, "A *bio*.", ed, &person) == SAVE_OK && person > 0);
	struct person pg;
	const char *bio = NULL;
	CHECK(store_person_by_id(f->s, &f->pool, person, &pg, &bio) == 1);
	CHECK_STR(pg.name, "Dr Fresh");
	CHECK_STR(bio, "A *bio*.");
	/* a congress is live from the start */
	struct congress c = {.slug = "fresh-2031",
			     .name = "FRESH 2031",
			     .full_name = "Fresh Congress 2031",
			     .starts_on = "2031-05-01",
			     .ends_on = "2031-05-04",
			     .city = "Porto",
			     .country = "Portugal",
			     .description = "",
			     .year = 2031};
	int64_t congress = 0;
	CHECK(store_congress_save(f->s, f->site, &c, ed, &congress) == SAVE_OK && congress > 0);
	struct congress cg;
	CHECK(store_congress_by_id(f->s, &f->pool, f->site, congress, &cg) == 1 && cg.year == 2031);
	CHECK_STR(cg.city, "Porto");
	CHECK(store_record_live(f->s, LIVE_CONGRESS, congress) == 1);
	/* the audit log, newest first, names the editor */
	struct audit_entry *log;
	size_t n = 0;
	CHECK(store_audit_list(f->s, &f->pool, 50, &log, &n) == 0 && n >= 5);
	if (n >= 1)
		CHECK_STR(log[0].user_email, "ed@example.org");
	for (size_t i = 1; i < n; i++)
		CHECK(log[i - 1].at >= log[i].at);
	int updates = 0;
	for (size_t i = 0; i < n; i++)
		updates +=
		    strcmp(log[i].action, "article.update") == 0 && strcmp(log[i].detail, "published") == 0;
	CHECK(updates == 1);
}

int main(void)
{
	fx_run("failed COMMIT rolls back", FX_DEMO, failed_commit_rolls_back);
	fx_run("unique violations answer SAVE_SLUG_TAKEN", FX_DEMO, unique_violations_answer_taken);
	fx_run("revisions kept on save, stale save refused", FX_DEMO, revisions_kept_on_save);
	fx_run("scheduled article published when due", FX_DEMO, scheduled_published_when_due);
	fx_run("media deduplicated by hash", FX_DEMO, media_deduplicated_by_hash);
	fx_run("menu moves keep order", FX_DEMO, menu_moves_keep_order);
	fx_run("uploads limited per user", FX_DEMO, uploads_limited_per_user);
	fx_run("contact messages round trip", FX_DEMO, contact_round_trip);
	fx_run("article's people, references, sponsors, tags round trip", FX_DEMO,
	       article_children_round_trip);
	fx_run("trials, people, congresses saved; live records; audit", FX_DEMO, records_saved_and_live);
	fx_done();
	return unit_done("store_edit");
}
