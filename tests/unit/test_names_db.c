/* test_names_db: translated names (names_db.c, migration 030's name_translation), on both engines. */
#include "fixture.h"
#include "store/structure.h"
#include "store/names.h"

static void test_save_read_and_remove(struct fx *f)
{
	store *s = f->s;
	int64_t section = fx_int(f, "SELECT id FROM section WHERE slug = 'lung-cancer' AND site_id = 1");
	int64_t changes = fx_int(f, "SELECT count(*) FROM change_log WHERE kind = 'structure'");
	struct name_text rows[] = {
	    {.lang = "fr", .field = "name", .text = "Cancer bronchique"},
	    {.lang = "de", .field = "name", .text = ""}, /* none there: nothing to remove */
	};
	CHECK(store_item_names_save(s, "section", section, rows, 2, 0) == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM change_log WHERE kind = 'structure'") > changes);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE action = 'section.names'") == 1);
	struct name_set set;
	CHECK(store_names(s, &f->pool, "fr", &set) == 0 && set.n > 10);
	CHECK_STR(store_name_find(&set, "section", section, "name", "Lung Cancer"), "Cancer bronchique");
	/* the demo's description stays; another field, item, kind or language falls back */
	CHECK_CONTAINS(store_name_find(&set, "section", section, "description", ""), "petites cellules");
	CHECK_STR(store_name_find(&set, "section", section, "title", "x"), "x");
	CHECK_STR(store_name_find(&set, "section", section + 1000, "name", "y"), "y");
	CHECK_STR(store_name_find(&set, "congress", section, "name", "z"), "z");
	CHECK_STR(store_name_find(NULL, "section", section, "name", "w"), "w");
	CHECK(store_names(s, &f->pool, "de", &set) == 0 && set.n == 0);
	/* saving the same text again writes nothing: no audit line */
	CHECK(store_item_names_save(s, "section", section, rows, 1, 0) == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE action = 'section.names'") == 1);
	/* an empty text removes the row: the page falls back to the name as kept */
	rows[0].text = "";
	CHECK(store_item_names_save(s, "section", section, rows, 1, 0) == SAVE_OK);
	CHECK(store_names(s, &f->pool, "fr", &set) == 0);
	CHECK_STR(store_name_find(&set, "section", section, "name", "Lung Cancer"), "Lung Cancer");
	struct name_set item;
	CHECK(store_item_names(s, &f->pool, "section", section, &item) == 0);
	CHECK(item.n == 3); /* fr description, nl name and description */
	/* every row of the demo is found by the lookup (the sort matches the search) */
	CHECK(store_names(s, &f->pool, "nl", &set) == 0);
	size_t found = 0;
	for (size_t i = 0; i < set.n; i++)
		found += store_name_find(&set, set.rows[i].kind, set.rows[i].item_id, set.rows[i].field,
					 NULL) == set.rows[i].text;
	CHECK(found == set.n && found > 10);
}

static void test_a_deleted_tag_leaves_no_names(struct fx *f)
{
	store *s = f->s;
	int64_t tag = fx_int(f, "SELECT id FROM tag WHERE slug = 'immunotherapy' AND site_id = 1");
	CHECK(fx_int(f, "SELECT count(*) FROM name_translation WHERE kind = 'tag' AND item_id = %lld",
		     (long long)tag) == 2);
	CHECK(store_tag_delete(s, 1, tag, 0) == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM name_translation WHERE kind = 'tag' AND item_id = %lld",
		     (long long)tag) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM name_translation WHERE kind = 'tag'") > 0);
	/* a menu entry's go with it, and with the entries under it */
	CHECK(fx_int(f, "SELECT count(*) FROM name_translation WHERE kind = 'menu_item' AND item_id = 20") ==
	      2);
	CHECK(store_menu_delete(s, 1, 19, 0) == SAVE_OK);
	CHECK(fx_int(
		  f,
		  "SELECT count(*) FROM name_translation WHERE kind = 'menu_item' AND item_id IN (19, 20)") ==
	      0);
}

int main(void)
{
	fx_run("names saved, read in a language and removed", FX_DEMO, test_save_read_and_remove);
	fx_run("a deleted tag or menu entry leaves no names", FX_DEMO, test_a_deleted_tag_leaves_no_names);
	fx_done();
	return unit_done("test_names_db");
}
