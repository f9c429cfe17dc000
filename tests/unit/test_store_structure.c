/* test_store_structure: sections, tags, pages, the menu and sister sites as the back office edits them, on
 * both engines (fixture.h). */
#include "fixture.h"
#include "store/structure.h"

static void sections_saved_in_order(struct fx *f)
{
	struct section_edit *secs;
	size_t n = 0, n2 = 0;
	CHECK(store_admin_sections(f->s, &f->pool, f->site, &secs, &n) == 0 && n == 4);
	struct section_edit x = {
	    .position = -1, .slug = "late-breaking", .name = "Late-breaking", .description = "D"};
	int64_t id = 0;
	const char *taken = "unset";
	CHECK(store_section_save(f->s, f->site, &x, 0, &id, &taken) == SAVE_OK && id > 0);
	CHECK(store_admin_sections(f->s, &f->pool, f->site, &secs, &n2) == 0 && n2 == n + 1);
	if (n2 == n + 1) {
		CHECK(secs[n].id == id); /* at the end */
		CHECK(secs[n].article_count == 0);
		CHECK(secs[0].article_count > 0);
	}
	/* an update with position -1 keeps the place, changes the rest */
	x.id = id;
	x.name = "Late-breaking abstracts";
	CHECK(store_section_save(f->s, f->site, &x, 0, &id, &taken) == SAVE_OK && id == x.id);
	struct section_edit one;
	CHECK(store_section_by_id(f->s, &f->pool, f->site, id, &one) == 1 &&
	      one.position == secs[n].position);
	CHECK_STR(one.name, "Late-breaking abstracts");
	struct section pub;
	CHECK(store_section_by_slug(f->s, &f->pool, f->site, "late-breaking", &pub) == 1 && pub.id == id);
	/* another site's section is not this site's */
	int64_t other = fx_int(f, "SELECT max(id) FROM site");
	CHECK(store_section_by_id(f->s, &f->pool, other, id, &one) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM audit_log WHERE target LIKE '%%section%%' OR action LIKE "
			"'%%section%%'") >= 2);
}

static void tag_deleted_with_links(struct fx *f)
{
	int64_t tag =
	    fx_int(f,
		   "SELECT t.id FROM tag t WHERE t.site_id = %lld AND (SELECT count(*) FROM article_tag x "
		   "WHERE x.tag_id = t.id) > 0 ORDER BY t.id LIMIT 1",
		   (long long)f->site);
	int64_t other = fx_int(f, "SELECT max(id) FROM site");
	CHECK(tag > 0);
	struct tag t;
	CHECK(store_tag_by_id(f->s, &f->pool, f->site, tag, &t) == 1 && t.article_count > 0);
	/* not through another site */
	CHECK(store_tag_delete(f->s, other, tag, 0) == SAVE_NOT_FOUND);
	CHECK(fx_int(f, "SELECT count(*) FROM tag WHERE id = %lld", (long long)tag) == 1);
	CHECK(store_tag_delete(f->s, f->site, tag, 0) == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM tag WHERE id = %lld", (long long)tag) == 0);
	CHECK(fx_int(f, "SELECT count(*) FROM article_tag WHERE tag_id = %lld", (long long)tag) == 0);
	CHECK(store_tag_by_id(f->s, &f->pool, f->site, tag, &t) == 0);
	CHECK(store_tag_delete(f->s, f->site, tag, 0) == SAVE_NOT_FOUND);
	/* a renamed tag keeps its links; its own name in another case is not "taken" */
	int64_t kept = fx_int(f, "SELECT min(id) FROM tag WHERE site_id = %lld", (long long)f->site);
	CHECK(store_tag_by_id(f->s, &f->pool, f->site, kept, &t) == 1);
	int before = t.article_count;
	char name[256];
	snprintf(name, sizeof name, "%s", t.name);
	for (char *c = name; *c; c++)
		*c = (char)(*c >= 'a' && *c <= 'z' ? *c - 32 : *c);
	struct tag x = {.id = kept, .slug = t.slug, .name = name};
	int64_t id = 0;
	const char *taken = "unset";
	CHECK(store_tag_save(f->s, f->site, &x, 0, &id, &taken) == SAVE_OK && id == kept);
	CHECK(store_tag_by_id(f->s, &f->pool, f->site, kept, &t) == 1 && t.article_count == before);
	CHECK_STR(t.name, name);
}

static void menu_saved_and_deleted_with_children(struct fx *f)
{
	struct menu_entry top = {.position = -1, .label = "Top", .url = ""};
	int64_t top_id = 0, child = 0, grandchild = 0;
	CHECK(store_menu_save(f->s, f->site, &top, 0, &top_id) == SAVE_OK && top_id > 0);
	struct menu_entry c = {.parent_id = top_id, .position = -1, .label = "Child", .url = "/child"};
	CHECK(store_menu_save(f->s, f->site, &c, 0, &child) == SAVE_OK);
	struct menu_entry g = {.parent_id = child, .position = -1, .label = "Grandchild", .url = "/g"};
	CHECK(store_menu_save(f->s, f->site, &g, 0, &grandchild) == SAVE_OK);
	struct menu_entry *m;
	size_t n = 0;
	CHECK(store_admin_menu(f->s, &f->pool, f->site, &m, &n) == 0);
	int seen = 0;
	for (size_t i = 0; i < n; i++) {
		if (m[i].id == top_id) {
			CHECK(m[i].depth == 0 && m[i].children == 1);
			seen |= 1;
		} else if (m[i].id == child) {
			CHECK((seen & 1) && m[i].depth == 1 && m[i].parent_id == top_id);
			seen |= 2;
		} else if (m[i].id == grandchild) {
			CHECK((seen & 2) && m[i].depth == 2);
			seen |= 4;
		}
	}
	CHECK(seen == 7);
	int64_t before = fx_int(f, "SELECT count(*) FROM menu_item");
	CHECK(store_menu_delete(f->s, f->site, top_id, 0) == SAVE_OK);
	CHECK(fx_int(f, "SELECT count(*) FROM menu_item") == before - 3);
	CHECK(store_menu_delete(f->s, f->site, top_id, 0) == SAVE_NOT_FOUND);
	/* another site's entry is not deleted through this one */
	int64_t theirs = fx_int(f, "SELECT min(id) FROM menu_item WHERE site_id <> %lld", (long long)f->site);
	CHECK(theirs > 0 && store_menu_delete(f->s, f->site, theirs, 0) == SAVE_NOT_FOUND);
	CHECK(fx_int(f, "SELECT count(*) FROM menu_item WHERE id = %lld", (long long)theirs) == 1);
}

static void pages_and_sites_saved(struct fx *f)
{
	struct page p = {.path = "/fresh-page", .title = "Fresh", .body = "Body of the fresh page."};
	int64_t id = 0;
	const char *taken = "unset";
	CHECK(store_page_save(f->s, f->site, &p, 0, &id, &taken) == SAVE_OK && id > 0);
	struct page got;
	CHECK(store_page_by_path(f->s, &f->pool, f->site, "/fresh-page", &got) == 1 && got.id == id);
	CHECK_STR(got.body, "Body of the fresh page.");
	CHECK(got.updated_at >= store_now() - 60);
	CHECK(store_page_by_id(f->s, &f->pool, f->site, id, &got) == 1);
	struct page *pages;
	size_t n = 0;
	CHECK(store_admin_pages(f->s, &f->pool, f->site, &pages, &n) == 0 && n >= 2);
	for (size_t i = 1; i < n; i++)
		CHECK(strcmp(pages[i - 1].path, pages[i].path) < 0); /* by path */
	/* a site's save never changes which site is the default */
	struct site_edit *sites;
	size_t ns = 0;
	CHECK(store_admin_sites(f->s, &f->pool, &sites, &ns) == 0 && ns == 3);
	int defaults = 0;
	int64_t def = 0;
	for (size_t i = 0; i < ns; i++)
		if (sites[i].is_default) {
			defaults++;
			def = sites[i].id;
		}
	CHECK(defaults == 1);
	struct site_edit other = {0};
	for (size_t i = 0; i < ns; i++)
		if (!sites[i].is_default)
			other = sites[i];
	other.is_default = 1;
	other.tagline = "New tagline";
	CHECK(store_site_save(f->s, &other, 0, &id, &taken) == SAVE_OK && id == other.id);
	struct site_edit one;
	CHECK(store_site_by_id(f->s, &f->pool, other.id, &one) == 1 && !one.is_default);
	CHECK_STR(one.tagline, "New tagline");
	CHECK(store_site_by_id(f->s, &f->pool, def, &one) == 1 && one.is_default);
	struct site_edit fresh = {.position = -1,
				  .slug = "fresh",
				  .name = "Fresh",
				  .specialty = "Fresh",
				  .host = "fresh.localhost",
				  .tagline = ""};
	CHECK(store_site_save(f->s, &fresh, 0, &id, &taken) == SAVE_OK && id > 0);
	CHECK(store_admin_sites(f->s, &f->pool, &sites, &ns) == 0 && ns == 4 && sites[3].id == id);
}

int main(void)
{
	fx_run("sections saved in order", FX_DEMO, sections_saved_in_order);
	fx_run("tag deleted with its links, renamed with them", FX_DEMO, tag_deleted_with_links);
	fx_run("menu saved as a tree, deleted with children", FX_DEMO, menu_saved_and_deleted_with_children);
	fx_run("pages and sister sites saved", FX_DEMO, pages_and_sites_saved);
	fx_done();
	return unit_done("store_structure");
}
