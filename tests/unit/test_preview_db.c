/* test_preview_db: the editor's preview (the article an unsaved edit would publish) and its autosave, through
 * the store's API on both engines (fixture.h). */
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "store/accounts.h"
#include "store/editorial.h"

static int64_t new_user(struct fx *f, const char *email)
{
	struct user u = {.email = email, .password_hash = "h", .name = "P", .profession = "physician"};
	int64_t id = store_user_create(f->s, &u, 1);
	CHECK(id > 0);
	return id;
}

/* The preview of an edit naming people, sponsors and tags lists them as the saved article does, and writes
 * nothing; a tag that does not exist yet shows with the slug it would get. */
static void preview_is_the_saved_article(struct fx *f)
{
	int64_t section = fx_int(f, "SELECT min(id) FROM section WHERE site_id = %lld", (long long)f->site);
	int64_t congress = fx_int(f, "SELECT min(id) FROM congress WHERE site_id = %lld", (long long)f->site);
	int64_t trial = fx_int(f, "SELECT min(id) FROM trial WHERE site_id = %lld", (long long)f->site);
	int64_t p1 = fx_int(f, "SELECT min(id) FROM person"), p2 = fx_int(f, "SELECT max(id) FROM person");
	int64_t s1 = fx_int(f, "SELECT min(id) FROM sponsor WHERE site_id = %lld", (long long)f->site);
	int64_t s2 = fx_int(f, "SELECT max(id) FROM sponsor WHERE site_id = %lld", (long long)f->site);
	const char *tag =
	    fx_text(f, "SELECT name FROM tag WHERE site_id = %lld ORDER BY id LIMIT 1", (long long)f->site);
	const char *tags[] = {"Zz new topic", tag, "zz NEW topic"};
	int64_t speakers[] = {p2, p2}, sponsors[] = {s2, s1, s2};
	struct article_edit e = {.site_id = f->site,
				 .slug = "preview-me",
				 .title = "Preview me",
				 .summary = "S",
				 .body = "B",
				 .kind = "interview",
				 .status = "draft",
				 .audience = "hcp",
				 .video_url = "",
				 .section_id = section,
				 .congress_id = congress,
				 .trial_id = trial,
				 .image_id = 999999, /* gone: shows as none */
				 .tags = tags,
				 .ntags = 3,
				 .speakers = speakers,
				 .nspeakers = 2,
				 .interviewer = p1,
				 .sponsors = sponsors,
				 .nsponsors = 3};
	int64_t articles = fx_int(f, "SELECT count(*) FROM article"),
		tags_before = fx_int(f, "SELECT count(*) FROM tag");
	struct article a;
	CHECK(store_article_preview(f->s, &f->pool, &e, &a) == 0);
	CHECK(a.section.id == section && a.congress.id == congress && a.trial.id == trial && a.image.id == 0);
	CHECK(a.congress.name && a.congress.name[0] && a.trial.slug && a.trial.slug[0]);
	CHECK(a.body_allowed == 1);
	/* the speaker once, the interviewer last (as public_db.c orders them) */
	CHECK(a.npeople == 2);
	if (a.npeople == 2) {
		CHECK(a.people[0].id == p2);
		CHECK_STR(a.people[0].role, "speaker");
		CHECK(a.people[1].id == p1);
		CHECK_STR(a.people[1].role, "interviewer");
	}
	CHECK(a.nsponsors == 2);
	if (a.nsponsors == 2)
		CHECK(strcmp(a.sponsors[0].name, a.sponsors[1].name) <= 0);
	CHECK(a.ntags == 2);
	int found_new = 0, found_old = 0;
	for (size_t i = 0; i < a.ntags; i++) {
		found_new += a.tags[i].id == 0 && strcmp(a.tags[i].slug, "zz-new-topic") == 0;
		found_old += a.tags[i].id > 0 && strcmp(a.tags[i].name, tag) == 0;
	}
	CHECK(found_new == 1 && found_old == 1);
	CHECK(fx_int(f, "SELECT count(*) FROM article") == articles);
	CHECK(fx_int(f, "SELECT count(*) FROM tag") == tags_before);
	/* another site's congress is none */
	int64_t other = fx_int(f, "SELECT min(id) FROM congress WHERE site_id <> %lld", (long long)f->site);
	if (other) {
		e.congress_id = other;
		CHECK(store_article_preview(f->s, &f->pool, &e, &a) == 0);
		CHECK(a.congress.id == 0);
	}
}

static void autosave_round_trip(struct fx *f)
{
	int64_t u1 = new_user(f, "a1@example.org"), u2 = new_user(f, "a2@example.org");
	struct autosave as;
	CHECK(store_autosave_get(f->s, &f->pool, u1, f->site, 0, &as) == 0);
	CHECK(store_autosave_put(f->s, u1, f->site, 0, "title=First") == 0);
	CHECK(store_autosave_put(f->s, u1, f->site, 0, "title=Second&body=caf%C3%A9") == 0);
	CHECK(store_autosave_put(f->s, u2, f->site, 0, "title=Other") == 0);
	CHECK(store_autosave_put(f->s, u1, f->site, 7, "title=Seven") == 0);
	CHECK(store_autosave_get(f->s, &f->pool, u1, f->site, 0, &as) == 1);
	CHECK_STR(as.fields, "title=Second&body=caf%C3%A9");
	CHECK(as.saved_at >= store_now() - 5 && as.saved_at <= store_now());
	CHECK(fx_int(f, "SELECT count(*) FROM article_autosave") == 3);
	CHECK(store_autosave_drop(f->s, u1, f->site, 0) == 0);
	CHECK(store_autosave_get(f->s, &f->pool, u1, f->site, 0, &as) == 0);
	CHECK(store_autosave_get(f->s, &f->pool, u2, f->site, 0, &as) == 1);
	CHECK_STR(as.fields, "title=Other");
	CHECK(store_autosave_get(f->s, &f->pool, u1, f->site, 7, &as) == 1);
	/* a person's removal takes their autosaves */
	CHECK(store_user_delete(f->s, u2) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM article_autosave") == 1);
	/* old ones are pruned, newer ones kept */
	CHECK(store_autosave_put(f->s, u1, f->site, 8, "title=Old") == 0);
	CHECK(fx_sql(f, "UPDATE article_autosave SET saved_at = 1000 WHERE article_id = 8") == 0);
	CHECK(store_autosave_prune(f->s, store_now() - 86400) == 0);
	CHECK(store_autosave_get(f->s, &f->pool, u1, f->site, 8, &as) == 0);
	CHECK(store_autosave_get(f->s, &f->pool, u1, f->site, 7, &as) == 1);
}

int main(void)
{
	fx_run("preview is the saved article, writes nothing", FX_DEMO, preview_is_the_saved_article);
	fx_run("autosave kept per person and article, dropped", FX_DEMO, autosave_round_trip);
	fx_done();
	return unit_done("preview_db");
}
