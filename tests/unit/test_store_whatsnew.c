/* test_store_whatsnew: the "What's new" document's reads on both engines (fixture.h): months and congresses
 * of a section, and references that leave the store only for a reader the article's audience admits. */
#include <time.h>

#include "core/zone.h"
#include "fixture.h"

#define VISIBLE "status IN ('published', 'scheduled') AND published_at <= %lld"

static void months_and_congresses(struct fx *f)
{
	int64_t sec = fx_int(f, "SELECT id FROM section WHERE site_id = %lld AND slug = 'breast-cancer'",
			     (long long)f->site);
	long long now = (long long)time(NULL);
	struct whatsnew_month *m;
	size_t n = 0;
	CHECK(store_whatsnew_months(f->s, &f->pool, f->site, sec, NULL, &m, &n) == 0 && n > 1);
	int64_t sum = 0;
	for (size_t i = 0; i < n; i++) {
		sum += m[i].count;
		if (i)
			CHECK(m[i - 1].year * 12 + m[i - 1].month >
			      m[i].year * 12 + m[i].month); /* newest first */
	}
	CHECK(sum == fx_int(f, "SELECT count(*) FROM article WHERE section_id = %lld AND " VISIBLE,
			    (long long)sec, now));
	struct congress *cs;
	size_t nc = 0;
	CHECK(store_whatsnew_congresses(f->s, &f->pool, f->site, sec, &cs, &nc) == 0);
	CHECK((int64_t)nc ==
	      fx_int(f,
		     "SELECT count(DISTINCT congress_id) FROM article WHERE section_id = %lld AND "
		     "congress_id IS NOT NULL AND " VISIBLE,
		     (long long)sec, now));
}

/* Months are the site's: 23:30 UTC on 31 January is 1 February in Brussels, and that month's document holds
 * it. */
static void months_in_the_site_zone(struct fx *f)
{
	zone_use("Europe/Brussels");
	CHECK(fx_sql(f, "INSERT INTO section (site_id, slug, name) VALUES (%lld, 'zone-test', 'Zone test')",
		     (long long)f->site) == 0);
	int64_t sec = fx_int(f, "SELECT id FROM section WHERE slug = 'zone-test'");
	int64_t id = fx_int(f, "SELECT min(id) FROM article WHERE site_id = %lld AND status = 'published'",
			    (long long)f->site);
	CHECK(fx_sql(f, "UPDATE article SET section_id = %lld, published_at = 1738366200 WHERE id = %lld",
		     (long long)sec, (long long)id) == 0); /* 2025-01-31T23:30:00Z */
	struct whatsnew_month *m;
	size_t n = 0;
	CHECK(store_whatsnew_months(f->s, &f->pool, f->site, sec, NULL, &m, &n) == 0 && n == 1);
	CHECK(n == 1 && m[0].year == 2025 && m[0].month == 2 && m[0].count == 1);
	zone_use("UTC");
	CHECK(store_whatsnew_months(f->s, &f->pool, f->site, sec, NULL, &m, &n) == 0 && n == 1);
	CHECK(n == 1 && m[0].year == 2025 && m[0].month == 1);
}

static void references_gated(struct fx *f)
{
	long long now = (long long)time(NULL);
	int64_t id =
	    fx_int(f,
		   "SELECT min(a.id) FROM article a WHERE a.site_id = %lld AND a.audience = 'hcp' AND "
		   "a." VISIBLE " AND EXISTS (SELECT 1 FROM reference r WHERE r.article_id = a.id)",
		   (long long)f->site, now);
	CHECK(id > 0);
	int64_t at = fx_int(f, "SELECT published_at FROM article WHERE id = %lld", (long long)id);
	int64_t nrefs = fx_int(f, "SELECT count(*) FROM reference WHERE article_id = %lld", (long long)id);
	struct whatsnew_filter w = {
	    .site_id = f->site,
	    .section_id = fx_int(f, "SELECT section_id FROM article WHERE id = %lld", (long long)id),
	    .from = at,
	    .until = at + 1};
	enum audience levels[] = {AUDIENCE_PUBLIC, AUDIENCE_MEMBERS, AUDIENCE_HCP, AUDIENCE_VERIFIED_HCP};
	for (size_t l = 0; l < 4; l++) {
		struct article *as;
		size_t n = 0;
		CHECK(store_whatsnew_articles(f->s, &f->pool, &w, levels[l], 10, &as, &n) == 0);
		int found = 0;
		for (size_t i = 0; i < n; i++) {
			if (as[i].id != id)
				continue;
			found = 1;
			int allowed = levels[l] >= AUDIENCE_HCP;
			CHECK(as[i].body_allowed == allowed);
			CHECK((int64_t)as[i].nrefs == (allowed ? nrefs : 0));
			CHECK(as[i].summary[0] != '\0'); /* the teaser, for every level */
		}
		CHECK(found);
	}
}

int main(void)
{
	fx_run("months and congresses of a section", FX_DEMO, months_and_congresses);
	fx_run("references only for the article's audience", FX_DEMO, references_gated);
	fx_run("months on the site's clocks", FX_DEMO, months_in_the_site_zone);
	fx_done();
	return unit_done("store_whatsnew");
}
