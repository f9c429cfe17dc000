/* test_synonyms_db: the synonym groups' store functions written once (synonyms_db.c, migration 020), each
 * test on SQLite and on PostgreSQL (fixture.h). */
#include "fixture.h"
#include "store/accounts.h"
#include "store/search.h"

static void test_save_list_edit_delete(struct fx *f)
{
	store *s = f->s;
	CHECK(store_ensure_site(s, "Test") == 0);
	int64_t site = fx_int(f, "SELECT min(id) FROM site");
	struct user u = {
	    .email = "u@example.org", .password_hash = "h", .name = "U", .profession = "physician"};
	int64_t user = store_user_create(s, &u, 1);
	int64_t changes = fx_int(f, "SELECT count(*) FROM change_log WHERE kind = 'structure'");
	int64_t a = 0, b = 0;
	struct synonym_group x = {.terms = "Keytruda, pembrolizumab"};
	CHECK(store_synonym_save(s, site, &x, user, &a) == SAVE_OK && a > 0);
	x.terms = "TNBC, triple-negative breast cancer";
	CHECK(store_synonym_save(s, site, &x, user, &b) == SAVE_OK && b > a);
	/* an edit is a change of the structure, which every node's cache drops pages for */
	CHECK(fx_int(f, "SELECT count(*) FROM change_log WHERE kind = 'structure'") >= changes + 2);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE action = 'synonym.create'") == 2);
	struct synonym_group *gs;
	size_t n = 0;
	CHECK(store_synonyms(s, &f->pool, site, &gs, &n) == 0 && n == 2);
	CHECK(n == 2 && gs[0].id == a && gs[1].id == b);
	CHECK_STR(n ? gs[0].terms : "", "Keytruda, pembrolizumab");
	/* another site has none, and cannot read, change or delete this one's */
	CHECK(store_synonyms(s, &f->pool, site + 1, &gs, &n) == 0 && n == 0);
	struct synonym_group one;
	CHECK(store_synonym_by_id(s, &f->pool, site + 1, a, &one) == 0);
	x = (struct synonym_group){.id = a, .terms = "x, y"};
	CHECK(store_synonym_save(s, site + 1, &x, user, NULL) == SAVE_NOT_FOUND);
	CHECK(store_synonym_delete(s, site + 1, a, user) == SAVE_NOT_FOUND);
	/* an edit */
	x = (struct synonym_group){.id = a, .terms = "Keytruda, pembrolizumab, MK-3475"};
	CHECK(store_synonym_save(s, site, &x, user, NULL) == SAVE_OK);
	CHECK(store_synonym_by_id(s, &f->pool, site, a, &one) == 1);
	CHECK_STR(one.terms, "Keytruda, pembrolizumab, MK-3475");
	CHECK(one.updated_at > 0);
	/* a deletion, audited with what it held */
	CHECK(store_synonym_delete(s, site, a, user) == SAVE_OK);
	CHECK(store_synonym_delete(s, site, a, user) == SAVE_NOT_FOUND);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE action = 'synonym.delete' AND detail = "
			"'Keytruda, pembrolizumab, MK-3475'") == 1);
	CHECK(store_synonyms(s, &f->pool, site, &gs, &n) == 0 && n == 1);
}

static void test_a_site_holds_at_most_its_limit(struct fx *f)
{
	store *s = f->s;
	CHECK(store_ensure_site(s, "Test") == 0);
	int64_t site = fx_int(f, "SELECT min(id) FROM site");
	for (int i = 0; i < SYNONYM_MAX_GROUPS - 1; i++)
		fx_sql(f, "INSERT INTO synonym_group (site_id, terms) VALUES (%lld, 'a%d, b%d')",
		       (long long)site, i, i);
	struct synonym_group x = {.terms = "last, one"};
	int64_t id = 0;
	CHECK(store_synonym_save(s, site, &x, 0, &id) == SAVE_OK);
	x.terms = "one, more";
	CHECK(store_synonym_save(s, site, &x, 0, NULL) == SAVE_CONFLICT);
	CHECK(fx_int(f, "SELECT count(*) FROM synonym_group") == SYNONYM_MAX_GROUPS);
	/* a full site's groups may still be edited */
	x = (struct synonym_group){.id = id, .terms = "last, edited"};
	CHECK(store_synonym_save(s, site, &x, 0, NULL) == SAVE_OK);
}

static void test_the_demo_has_an_oncology_list(struct fx *f)
{
	struct synonym_group *gs;
	size_t n = 0;
	CHECK(store_synonyms(f->s, &f->pool, f->site, &gs, &n) == 0);
	CHECK(n >= 40);
	int keytruda = 0;
	for (size_t i = 0; i < n; i++)
		keytruda |=
		    strstr(gs[i].terms, "Keytruda") != NULL && strstr(gs[i].terms, "pembrolizumab") != NULL;
	CHECK(keytruda);
}

int main(void)
{
	fx_run("synonyms saved, listed, edited and deleted per site", FX_EMPTY, test_save_list_edit_delete);
	fx_run("a site holds at most SYNONYM_MAX_GROUPS", FX_EMPTY, test_a_site_holds_at_most_its_limit);
	fx_run("the demo has an oncology list", FX_DEMO, test_the_demo_has_an_oncology_list);
	fx_done();
	return unit_done("test_synonyms_db");
}
