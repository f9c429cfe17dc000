/* test_store: migrations, the demo content, visibility rules (schedule, audience), lists, related, the change
 * log: each test on both engines (fixture.h). */
#include <stdlib.h>

#include "fixture.h"
#include "store/db.h"
#include "store/desk.h"
#include "store/structure.h"
#include "store/search.h"
#include "store/changes.h"

static void open_and_demo(struct fx *f)
{
	char err[512];
	CHECK(store_schema_version(f->s) >= 1);
	struct site *sites;
	size_t nsites = 9;
	CHECK(store_sites(f->s, &f->pool, &sites, &nsites) == 0 && nsites == 0);
	CHECK(store_load_demo(f->s, err, sizeof err) == 0);
	CHECK(store_load_demo(f->s, err, sizeof err) == -1); /* never twice */
	CHECK_CONTAINS(err, "already has content");
	CHECK(store_sites(f->s, &f->pool, &sites, &nsites) == 0 && nsites == 3);
	CHECK(fx_int(f, "SELECT count(*) FROM article") >= 60);
}

static void scheduled_article_hidden(struct fx *f)
{
	struct article_filter all = {.site_id = f->site};
	struct article *as;
	size_t n, total;
	CHECK(store_articles(f->s, &f->pool, &all, 0, 10, &as, &n, &total) == 0);
	CHECK(total >= 60 && n == 10);
	for (size_t i = 1; i < n; i++)
		CHECK(as[i - 1].published_at >= as[i].published_at); /* newest first */

	/* a published article is invisible until its second comes */
	const char *slug =
	    fx_text(f,
		    "SELECT slug FROM article WHERE site_id = %lld AND audience = 'public' AND "
		    "status = 'published' ORDER BY published_at DESC LIMIT 1",
		    (long long)f->site);
	struct article a;
	CHECK(slug && store_article_by_slug(f->s, &f->pool, f->site, slug, AUDIENCE_PUBLIC, &a) == 1);
	CHECK(a.body_allowed && strlen(a.body) > 100 && a.npeople >= 1 && a.nrefs >= 1);
	CHECK(fx_sql(f, "UPDATE article SET published_at = %lld WHERE site_id = %lld AND slug = '%s'",
		     (long long)store_now() + 3600, (long long)f->site, slug ? slug : "") == 0);
	CHECK(store_article_by_slug(f->s, &f->pool, f->site, slug, AUDIENCE_PUBLIC, &a) == 0);
	size_t total2;
	CHECK(store_articles(f->s, &f->pool, &all, 0, 10, &as, &n, &total2) == 0 && total2 == total - 1);
	for (size_t i = 0; i < n; i++)
		CHECK(strcmp(as[i].slug, slug ? slug : "") != 0);
	/* a draft whose time has come is not shown either */
	CHECK(fx_sql(f, "UPDATE article SET published_at = %lld, status = 'draft' WHERE slug = '%s'",
		     (long long)store_now() - 60, slug ? slug : "") == 0);
	CHECK(store_article_by_slug(f->s, &f->pool, f->site, slug, AUDIENCE_PUBLIC, &a) == 0);
}

static void gated_body_stays_in_store(struct fx *f)
{
	/* the body of a gated article never leaves the store for a reader below its audience */
	struct article a;
	const char *slug = fx_text(f,
				   "SELECT slug FROM article WHERE site_id = %lld AND audience = 'hcp' AND "
				   "status = 'published' LIMIT 1",
				   (long long)f->site);
	CHECK(slug && store_article_by_slug(f->s, &f->pool, f->site, slug, AUDIENCE_PUBLIC, &a) == 1);
	CHECK(!a.body_allowed && a.body[0] == '\0' && a.title[0] != '\0');
	CHECK(slug && store_article_by_slug(f->s, &f->pool, f->site, slug, AUDIENCE_MEMBERS, &a) == 1);
	CHECK(!a.body_allowed && a.body[0] == '\0');
	CHECK(slug && store_article_by_slug(f->s, &f->pool, f->site, slug, AUDIENCE_HCP, &a) == 1);
	CHECK(a.body_allowed && a.body[0] != '\0');
}

static void related_same_trial_first(struct fx *f)
{
	struct article a;
	const char *slug = fx_text(
	    f,
	    "SELECT a.slug FROM article a WHERE a.site_id = %lld AND a.trial_id IS NOT NULL AND "
	    "a.audience = 'public' AND a.status = 'published' AND (SELECT count(*) FROM article b WHERE "
	    "b.trial_id = a.trial_id AND b.status = 'published') >= 2 ORDER BY a.id LIMIT 1",
	    (long long)f->site);
	CHECK(slug && store_article_by_slug(f->s, &f->pool, f->site, slug, AUDIENCE_PUBLIC, &a) == 1);
	struct article *rel;
	size_t nrel = 0;
	CHECK(store_related(f->s, &f->pool, f->site, &a, "", 3, &rel, &nrel) == 0 && nrel == 3);
	CHECK(nrel > 0 && rel[0].trial.id == a.trial.id && rel[0].id != a.id);
	for (size_t i = 0; i < nrel; i++)
		CHECK(rel[i].id != a.id);
}

static void structure_reads(struct fx *f)
{
	struct section *secs;
	size_t nsec;
	CHECK(store_sections(f->s, &f->pool, f->site, &secs, &nsec) == 0 && nsec == 4);
	struct congress *cs;
	size_t nc;
	CHECK(store_congresses(f->s, &f->pool, f->site, 2024, &cs, &nc) == 0 && nc == 7);
	CHECK(store_congresses(f->s, &f->pool, f->site, 0, &cs, &nc) == 0 && nc == 13);
	struct congress c;
	CHECK(store_congress_by_slug(f->s, &f->pool, f->site, "no-such-congress", &c) == 0);
	struct menu_item *menu;
	size_t nmenu;
	CHECK(store_menu(f->s, &f->pool, f->site, &menu, &nmenu) == 0 && nmenu > 10 &&
	      menu[0].parent_id == 0);
	/* parents always come before their children */
	for (size_t i = 0; i < nmenu; i++)
		for (size_t j = i + 1; j < nmenu; j++)
			CHECK(menu[i].parent_id != menu[j].id);
	struct page p;
	CHECK(store_page_by_path(f->s, &f->pool, f->site, "/privacy", &p) == 1 && strlen(p.body) > 200);
	CHECK(store_page_by_path(f->s, &f->pool, f->site, "/no-such-page", &p) == 0);
}

static void contact_and_secret(struct fx *f)
{
	struct contact_message m = {.site_id = f->site,
				    .name = "Ana",
				    .email = "ana@example.org",
				    .topic = "other",
				    .message = "Hello there."};
	CHECK(store_contact_add(f->s, &m) > 0);
	char k1[65], k2[65];
	CHECK(store_secret(f->s, "form_key", k1) == 0 && store_secret(f->s, "form_key", k2) == 0 &&
	      strcmp(k1, k2) == 0 && strlen(k1) == 64);
	CHECK(store_secret(f->s, "other_key", k2) == 0 && strcmp(k1, k2) != 0);
}

static void reopen_and_backfill(struct fx *f)
{
	char err[512];
	store_close(f->s);
	/* reopening migrates nothing twice */
	f->s = store_open(f->where, err, sizeof err);
	CHECK(f->s != NULL && store_schema_version(f->s) >= 1);
	if (!f->s)
		return;
	/* the demo has related rows: nothing to score; a database from before they were kept gets them all */
	CHECK(store_related_backfill(f->s) == 0);
	store_close(f->s);
	CHECK(fx_sql(f, "DELETE FROM article_related") == 0);
	f->s = store_open(f->where, err, sizeof err);
	CHECK(f->s != NULL);
	if (!f->s)
		return;
	int64_t articles = fx_int(f, "SELECT count(*) FROM article");
	CHECK(articles > 0 && store_related_backfill(f->s) == articles);
	CHECK(fx_int(f, "SELECT count(*) FROM article_related") > 0);
	CHECK(store_related_backfill(f->s) == 0); /* once */
}

/* Reads the change log as the scheduler does (wait, then read) until *since reaches the newest row logged:
 * how many changes were read, with any_structure and whether article `article` was among them. */
static size_t read_changes(struct fx *f, int64_t *since, int64_t article, int *any_structure,
			   int *has_article)
{
	int64_t newest = fx_int(f, "SELECT max(seq) FROM change_log");
	size_t total = 0;
	*any_structure = *has_article = 0;
	for (int round = 0; round < 100 && *since < newest; round++) {
		struct logged_change ch[16];
		size_t n = 0;
		CHECK(store_changes_wait(f->s, 50) == 0);
		CHECK(store_changes_since(f->s, since, ch, 16, &n) == 0);
		for (size_t i = 0; i < n; i++) {
			*any_structure |= ch[i].structure;
			*has_article |= !ch[i].structure && ch[i].article_id == article;
		}
		total += n;
	}
	CHECK(*since == newest);
	return total;
}

static void changes_of_others_read_once(struct fx *f)
{
	int64_t since = -1;
	struct logged_change ch[16];
	size_t n = 9;
	int structure, has;
	/* the first look reads none and starts after what is logged */
	CHECK(store_changes_since(f->s, &since, ch, 16, &n) == 0 && n == 0 && since >= 0);
	CHECK(since == fx_int(f, "SELECT max(seq) FROM change_log"));
	int64_t id = fx_int(f, "SELECT min(id) FROM article WHERE site_id = %lld", (long long)f->site);
	/* another writer (the fixture's own connection) changes an article, then the structure */
	CHECK(fx_sql(f, "UPDATE article SET title = 'Changed elsewhere' WHERE id = %lld", (long long)id) ==
	      0);
	CHECK(read_changes(f, &since, id, &structure, &has) >= 1 && has && !structure);
	int64_t mark = since;
	CHECK(store_changes_since(f->s, &since, ch, 16, &n) == 0 && n == 0 && since == mark); /* read once */
	CHECK(fx_sql(f, "UPDATE section SET name = 'Renamed' WHERE id = (SELECT min(id) FROM section)") == 0);
	CHECK(read_changes(f, &since, id, &structure, &has) >= 1 && structure && since > mark);
	/* this process's own save is logged, and not read back as another's change */
	mark = since;
	/* a top-level entry: it has siblings to move past (a sub-entry may be an only child) */
	int64_t entry = fx_int(f, "SELECT max(id) FROM menu_item WHERE site_id = %lld AND parent_id IS NULL",
			       (long long)f->site);
	CHECK(store_menu_move(f->s, f->site, entry, -1, 0) == SAVE_OK);
	CHECK(fx_int(f, "SELECT max(seq) FROM change_log") > mark);
	CHECK(read_changes(f, &since, id, &structure, &has) == 0 && since > mark);
	/* a savepoint rolled back inside a committed transaction undoes its log row, and on SQLite the row's
	 * number is handed out again: here to another writer, whose change must still be read */
	struct db *d = db_of(f->s);
	CHECK(db_begin(d) == 0 && db_begin(d) == 0);
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE article SET title = 'Undone' WHERE id = %lld", (long long)id);
	CHECK(db_run(d, sql) == 0);
	CHECK(db_rollback(d) == 0 && db_commit(d) == 0);
	CHECK(
	    fx_sql(f, "UPDATE section SET name = 'Renamed again' WHERE id = (SELECT min(id) FROM section)") ==
	    0);
	CHECK(read_changes(f, &since, id, &structure, &has) >= 1 && structure);
}

static void list_filters_and_counts(struct fx *f)
{
	/* each filter against the same count from the tables (published or scheduled, time come: the rule) */
	const char *visible = "a.status IN ('published', 'scheduled') AND a.published_at <= ";
	long long now = (long long)store_now(), site = (long long)f->site;
	int64_t section = fx_int(f, "SELECT min(id) FROM section WHERE site_id = %lld", site);
	int64_t congress =
	    fx_int(f,
		   "SELECT a.congress_id FROM article a WHERE a.site_id = %lld AND a.congress_id IS NOT "
		   "NULL ORDER BY a.congress_id LIMIT 1",
		   site);
	int64_t tag =
	    fx_int(f,
		   "SELECT min(x.tag_id) FROM article_tag x JOIN article a ON a.id = x.article_id WHERE "
		   "a.site_id = %lld AND a.status = 'published'",
		   site);
	int64_t trial = fx_int(f, "SELECT min(trial_id) FROM article WHERE site_id = %lld", site);
	struct {
		struct article_filter filter;
		int64_t want;
	} cases[] = {
	    {{.site_id = f->site, .section_id = section},
	     fx_int(
		 f,
		 "SELECT count(*) FROM article a WHERE %s%lld AND a.site_id = %lld AND a.section_id = %lld",
		 visible, now, site, (long long)section)},
	    {{.site_id = f->site, .congress_id = congress},
	     fx_int(
		 f,
		 "SELECT count(*) FROM article a WHERE %s%lld AND a.site_id = %lld AND a.congress_id = %lld",
		 visible, now, site, (long long)congress)},
	    {{.site_id = f->site, .tag_id = tag},
	     fx_int(
		 f,
		 "SELECT count(*) FROM article a JOIN article_tag x ON x.article_id = a.id WHERE %s%lld AND "
		 "a.site_id = %lld AND x.tag_id = %lld",
		 visible, now, site, (long long)tag)},
	    {{.site_id = f->site, .trial_id = trial},
	     fx_int(f,
		    "SELECT count(*) FROM article a WHERE %s%lld AND a.site_id = %lld AND a.trial_id = %lld",
		    visible, now, site, (long long)trial)},
	};
	for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
		struct article *as;
		size_t n = 0, total = 0;
		CHECK(cases[c].want > 0);
		CHECK(store_articles(f->s, &f->pool, &cases[c].filter, 0, 100, &as, &n, &total) == 0);
		CHECK((int64_t)total == cases[c].want && n == total);
		for (size_t i = 0; i < n; i++) {
			CHECK(!cases[c].filter.section_id || as[i].section.id == section);
			CHECK(!cases[c].filter.congress_id || as[i].congress.id == congress);
			CHECK(!cases[c].filter.trial_id || as[i].trial.id == trial);
		}
		/* exclude_id leaves one out; a page from an offset */
		if (n >= 2) {
			struct article_filter ex = cases[c].filter;
			ex.exclude_id = as[0].id;
			struct article *rest;
			size_t n2 = 0, total2 = 0;
			CHECK(store_articles(f->s, &f->pool, &ex, 0, 100, &rest, &n2, &total2) == 0);
			CHECK(total2 == total - 1 && n2 >= 1 && rest[0].id == as[1].id);
			CHECK(store_articles(f->s, &f->pool, &cases[c].filter, 1, 1, &rest, &n2, &total2) ==
			      0);
			CHECK(n2 == 1 && total2 == total && rest[0].id == as[1].id);
		}
	}
	/* tags: most used first, counts of visible articles */
	struct tag *tags;
	size_t nt = 0;
	CHECK(store_tags(f->s, &f->pool, f->site, 5, &tags, &nt) == 0 && nt >= 2 && nt <= 5);
	for (size_t i = 1; i < nt; i++)
		CHECK(tags[i - 1].article_count >= tags[i].article_count && tags[i].article_count > 0);
	struct tag t;
	CHECK(nt && store_tag_by_slug(f->s, &f->pool, f->site, tags[0].slug, &t) == 1 && t.id == tags[0].id);
	/* congresses count their visible articles; trials too */
	struct congress *cs;
	size_t nc = 0;
	CHECK(store_congresses(f->s, &f->pool, f->site, 0, &cs, &nc) == 0);
	/* a family of translations counts once */
	int64_t families_c = fx_int(
		    f,
		    "SELECT count(DISTINCT COALESCE(a.family_id, a.id)) FROM article a WHERE %s%lld AND "
		    "a.site_id = %lld AND a.congress_id = %lld",
		    visible, now, site, (long long)congress),
		families_t = fx_int(
		    f,
		    "SELECT count(DISTINCT COALESCE(a.family_id, a.id)) FROM article a WHERE %s%lld AND "
		    "a.site_id = %lld AND a.trial_id = %lld",
		    visible, now, site, (long long)trial);
	for (size_t i = 0; i < nc; i++)
		if (cs[i].id == congress)
			CHECK(cs[i].article_count == families_c);
	struct trial *trials;
	size_t ntr = 0;
	CHECK(store_trials(f->s, &f->pool, f->site, &trials, &ntr) == 0 && ntr >= 1);
	int found = 0;
	for (size_t i = 0; i < ntr; i++)
		if (trials[i].id == trial) {
			found = 1;
			CHECK(trials[i].article_count == families_t);
		}
	CHECK(found);
	/* hiding one article moves every count by one */
	CHECK(fx_sql(f,
		     "UPDATE article SET status = 'draft' WHERE id = (SELECT min(id) FROM article o WHERE "
		     "site_id = "
		     "%lld AND trial_id = %lld AND status = 'published' AND family_id IS NULL AND NOT EXISTS "
		     "(SELECT 1 FROM article t WHERE t.family_id = o.id))",
		     site, (long long)trial) == 0);
	CHECK(store_trials(f->s, &f->pool, f->site, &trials, &ntr) == 0);
	for (size_t i = 0; i < ntr; i++)
		if (trials[i].id == trial)
			CHECK(trials[i].article_count == families_t - 1);
}

/* "Did you mean" counts each word's articles per language: the article's, else its site's (033). */
static void vocabulary_per_language(struct fx *f)
{
	char where[256];
	snprintf(where, sizeof where,
		 "site_id = %lld AND status = 'published' AND family_id IS NULL AND id NOT IN "
		 "(SELECT family_id FROM article WHERE family_id IS NOT NULL)",
		 (long long)f->site);
	CHECK(fx_sql(f,
		     "UPDATE article SET title = 'Zqmot zqcommun', lang = 'fr' WHERE id = (SELECT min(id) "
		     "FROM article WHERE %s)",
		     where) == 0);
	CHECK(fx_sql(f,
		     "UPDATE article SET title = 'Zqword zqcommun', lang = '' WHERE id = (SELECT max(id) "
		     "FROM article WHERE %s)",
		     where) == 0);
	CHECK(store_search_upkeep(f->s) >= 0);
	const char *langs[] = {"fr", "en", "nl"};
	/* per language: zqcommun, zqmot, zqword (ascending): the articles of that language holding each */
	int64_t want[3][3] = {{1, 1, 0}, {1, 0, 1}, {0, 0, 0}};
	for (size_t l = 0; l < 3; l++) {
		struct facet *vs;
		size_t n = 0;
		CHECK(store_search_vocab(f->s, &f->pool, langs[l], "zq", "zr", &vs, &n) == 0 && n == 3);
		for (size_t i = 0; i < n && i < 3; i++) {
			CHECK(vs[i].id == want[l][i]);
			CHECK(vs[i].count == (i == 0 ? 2 : 1));
		}
		CHECK(n == 3 && strcmp(vs[0].name, "zqcommun") == 0 && strcmp(vs[2].name, "zqword") == 0);
	}
}

int main(void)
{
	fx_run("empty database migrated, demo loaded once", FX_EMPTY, open_and_demo);
	fx_run("scheduled article hidden", FX_DEMO, scheduled_article_hidden);
	fx_run("gated body stays in the store", FX_DEMO, gated_body_stays_in_store);
	fx_run("related: same trial first", FX_DEMO, related_same_trial_first);
	fx_run("sections, congresses, menu, pages", FX_DEMO, structure_reads);
	fx_run("list filters, pages and counts", FX_DEMO, list_filters_and_counts);
	fx_run("contact message and secrets", FX_DEMO, contact_and_secret);
	fx_run("reopen migrates nothing, backfill once", FX_DEMO, reopen_and_backfill);
	fx_run("changes of other writers read once", FX_DEMO, changes_of_others_read_once);
	fx_run("did you mean: words per language", FX_DEMO, vocabulary_per_language);
	fx_done();
	return unit_done("store");
}
