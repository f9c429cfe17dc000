/* test_mail_articles: articles as a mail shows them at each reader level (jobs/mail_articles.c), on SQLite
 * and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "jobs/mail_articles.h"

static const view *item(const view *v, size_t i)
{
	const view_value *l = view_get(v, "articles", 8);
	return l && l->kind == VIEW_LIST ? view_item(l->u.child, i) : NULL;
}

static int flag(const view *x, const char *name)
{
	const view_value *f = x ? view_get(x, name, strlen(name)) : NULL;
	return f && f->kind == VIEW_BOOL && f->u.num;
}

static const char *str(const view *x, const char *name)
{
	const view_value *f = x ? view_get(x, name, strlen(name)) : NULL;
	return f && (f->kind == VIEW_STR || f->kind == VIEW_HTML) ? f->u.str.p : "";
}

static struct theme *theme;

static void test_levels_and_headline(struct fx *f)
{
	/* three interviews of one section and congress: public, hcp, and a draft */
	struct article cards[3];
	memset(cards, 0, sizeof cards);
	int64_t section = fx_int(f, "SELECT min(id) FROM section WHERE site_id = %lld", (long long)f->site);
	int64_t congress = fx_int(f, "SELECT min(id) FROM congress WHERE site_id = %lld", (long long)f->site);
	const char *audience[] = {"public", "hcp", "public"};
	for (int i = 0; i < 3; i++) {
		cards[i].id =
		    fx_int(f,
			   "SELECT id FROM article WHERE site_id = %lld AND status = 'published' ORDER BY "
			   "id LIMIT 1 OFFSET %d",
			   (long long)f->site, i);
		cards[i].slug =
		    fx_text(f, "SELECT slug FROM article WHERE id = %lld", (long long)cards[i].id);
		fx_sql(f,
		       "UPDATE article SET section_id = %lld, congress_id = %lld, kind = 'interview', "
		       "audience = "
		       "'%s', body = 'Secret body %d' WHERE id = %lld",
		       (long long)section, (long long)congress, audience[i], i, (long long)cards[i].id);
	}
	fx_sql(f, "UPDATE article SET status = 'draft' WHERE id = %lld", (long long)cards[2].id);
	const char *sname = fx_text(f, "SELECT name FROM section WHERE id = %lld", (long long)section);
	const char *cname = fx_text(f, "SELECT name FROM congress WHERE id = %lld", (long long)congress);
	struct mail_articles *m = mail_articles_new(&f->pool, f->s, f->site, "https://x.test/", cards, 3);
	struct mail_lang en, fr;
	mail_lang_set(&en, theme, NULL, "en", "en");
	mail_lang_set(&fr, theme, NULL, "fr", "en");
	mail_articles_lang(m, &en);

	view *v = view_new(&f->pool);
	CHECK(mail_articles_fill(m, AUDIENCE_PUBLIC, NULL, 0, v) == 2); /* the draft is left out */
	CHECK(flag(item(v, 0), "full") && strstr(str(item(v, 0), "body_html"), "Secret body 0"));
	CHECK(strstr(str(item(v, 0), "body_text"), "Secret body 0") != NULL);
	CHECK(flag(item(v, 1), "gated") && !flag(item(v, 1), "full"));
	CHECK(str(item(v, 1), "body_text")[0] == '\0' && str(item(v, 1), "body_html")[0] == '\0');
	CHECK_STR(str(item(v, 1), "audience_label"), "healthcare professionals");
	CHECK_STR(str(item(v, 1), "kind_label"), "Interview");
	CHECK(strchr("123456789", str(item(v, 1), "date")[0]) != NULL); /* "7 December 2026": no padding */
	char want[512], url[512];
	snprintf(want, sizeof want, "%s: 2 new interviews in %s", cname, sname);
	CHECK_STR(str(v, "headline"), want);
	snprintf(url, sizeof url, "https://x.test/article/%s?via=mail",
		 cards[1].slug); /* a mail's click counts */
	CHECK_STR(str(item(v, 1), "url"), url);

	view *h = view_new(&f->pool); /* an HCP reads both; only the ids asked, in their order */
	int64_t ids[] = {cards[1].id, cards[2].id, 999999};
	CHECK(mail_articles_fill(m, AUDIENCE_HCP, ids, 3, h) == 1);
	CHECK(flag(item(h, 0), "full") && strstr(str(item(h, 0), "body_html"), "Secret body 1"));
	snprintf(want, sizeof want, "%s: 1 new interview in %s", cname, sname);
	CHECK_STR(str(h, "headline"), want);

	mail_articles_teasers(m, 1); /* summaries and links only */
	view *t = view_new(&f->pool);
	CHECK(mail_articles_fill(m, AUDIENCE_VERIFIED_HCP, NULL, 0, t) == 2);
	CHECK(flag(item(t, 0), "teaser") && !flag(item(t, 0), "full") && !str(item(t, 0), "body_html")[0]);
	mail_articles_teasers(m, 0);

	/* the same set in French: words, plural and date in the reader's language */
	mail_articles_lang(m, &fr);
	view *x = view_new(&f->pool);
	CHECK(mail_articles_fill(m, AUDIENCE_PUBLIC, NULL, 0, x) == 2);
	/* and the section's French name where it has one (name_translation), else its own */
	const char *sname_fr =
	    fx_text(f,
		    "SELECT COALESCE((SELECT text FROM name_translation WHERE kind = 'section' "
		    "AND item_id = %lld AND lang = 'fr' AND field = 'name'), name) FROM section "
		    "WHERE id = %lld",
		    (long long)section, (long long)section);
	CHECK(strcmp(sname_fr, sname) != 0); /* the demo names its sections in French */
	snprintf(want, sizeof want, "%s\u00a0: 2 nouvelles interviews en %s", cname, sname_fr);
	CHECK_STR(str(x, "headline"), want);
	CHECK_STR(str(item(x, 1), "audience_label"), "professionnels de santé");
	char date[96];
	catalog_date(fr.chain, fr.n,
		     fx_int(f, "SELECT published_at FROM article WHERE id = %lld", (long long)cards[0].id),
		     date, sizeof date);
	CHECK_STR(str(item(x, 0), "date"), date);
	CHECK(strstr(date, "janvier") || strstr(date, "février") || strstr(date, "mars") ||
	      strstr(date, "avril") || strstr(date, "mai") || strstr(date, "juin") ||
	      strstr(date, "juillet") || strstr(date, "août") || strstr(date, "septembre") ||
	      strstr(date, "octobre") || strstr(date, "novembre") || strstr(date, "décembre"));
	mail_articles_lang(m, &en);

	view *none = view_new(&f->pool); /* nothing visible: nothing to send */
	int64_t draft[] = {cards[2].id};
	CHECK(mail_articles_fill(m, AUDIENCE_VERIFIED_HCP, draft, 1, none) == 0);
}

/* The recipient's language: the account's, else the subscriber's, else the site's, each only when offered;
 * else the base. */
static void test_pick(void)
{
	CHECK_STR(mail_lang_pick(theme, "fr", "nl", "en"), "fr");
	CHECK_STR(mail_lang_pick(theme, "", "nl", "fr"), "nl");
	CHECK_STR(mail_lang_pick(theme, NULL, "", "fr"), "fr");
	CHECK_STR(mail_lang_pick(theme, "de", "xx", "nl"), "nl");
	CHECK_STR(mail_lang_pick(theme, "", "", ""), "en");
	CHECK_STR(mail_lang_pick(theme, "de", NULL, NULL), "en");
	CHECK_STR(mail_lang_pick(NULL, "fr", "", ""), "");
	struct mail_lang l;
	mail_lang_set(&l, theme, NULL, "nl", "fr");
	CHECK(l.n == 3 && l.tmpl == theme_set(theme, "nl", "fr"));
	CHECK_STR(catalog_lang(l.chain[0]), "nl");
	CHECK_STR(catalog_lang(l.chain[1]), "fr");
	CHECK_STR(mail_text(&l, "mail.hello"), "Goedendag,");
	CHECK_STR(mail_text(&l, "mail.no_such_key"), "mail.no_such_key");
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	CHECK_STR(mail_plural(&l, &pool, "mail.articles.new.report", 1, NULL), "1 nieuw verslag");
	CHECK_STR(mail_plural(&l, &pool, "mail.articles.new.report", 0, NULL), "0 nieuwe verslagen");
	mail_lang_set(&l, theme, NULL, "fr", NULL);
	CHECK_STR(mail_plural(&l, &pool, "mail.articles.new.report", 0, NULL), "0 nouveau compte rendu");
	CHECK_STR(mail_date(&l, &pool, 1701950400), "7 décembre 2023");
	h2o_mem_clear_pool(&pool);
}

int main(void)
{
	char err[512];
	theme = theme_load("themes/default", "en", err, sizeof err);
	if (!theme) {
		fprintf(stderr, "themes/default: %s\n", err);
		return 1;
	}
	RUN(test_pick);
	fx_run("articles at each level, the headline, teasers", FX_DEMO, test_levels_and_headline);
	fx_done();
	theme_free(theme);
	return unit_done("test_mail_articles");
}
