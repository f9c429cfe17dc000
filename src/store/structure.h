/* structure: sections, tags, static pages, the menu, sister sites (structure_db.c) */
#ifndef PLENARY_STORE_STRUCTURE_H
#define PLENARY_STORE_STRUCTURE_H

#include "store/store.h"

/* ---- site structure (src/store/structure_db.c): sections, tags, static pages, the menu, sister sites ----
 *
 * Saves create when the id is 0. A position of -1 means "at the end" for a new row and "unchanged" for an
 * existing one. On SAVE_SLUG_TAKEN, *taken names the unique field in use: "slug", "name", "host" or "path".
 * Every save, move and delete writes its audit line in the same transaction. */

/** A section as the back office edits it; article_count counts articles of any status. */
struct section_edit {
	int64_t id, position;
	const char *slug, *name, *description;
	int article_count;
};
/** A menu entry with its place in the tree: depth 0 at the top level; children counts its direct ones. */
struct menu_entry {
	int64_t id, parent_id, position; /* parent_id 0 at the top level */
	const char *label, *url;
	int depth, children;
};
/** A sister site as the admin edits it; a save never changes is_default. */
struct site_edit {
	int64_t id, position;
	const char *slug, *name, *specialty, *host, *tagline;
	int is_default;
};

/** The sections of a site in menu order, with their article counts. */
int store_admin_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section_edit **out,
			 size_t *n);
int store_section_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			struct section_edit *out);
enum save_result store_section_save(store *s, int64_t site_id, const struct section_edit *x, int64_t user_id,
				    int64_t *id_out, const char **taken);
/** Every tag of a site by name, with its count of articles of any status. */
int store_admin_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct tag **out, size_t *n);
int store_tag_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct tag *out);
/** Saves a tag; the name is unique per site whatever its case, as the slug is. */
enum save_result store_tag_save(store *s, int64_t site_id, const struct tag *x, int64_t user_id,
				int64_t *id_out, const char **taken);
/** Deletes a tag and its links to articles; SAVE_NOT_FOUND when the site has no such tag. */
enum save_result store_tag_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** The static pages of a site by path (bodies left empty). */
int store_admin_pages(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct page **out, size_t *n);
int store_page_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct page *out);
/** Saves a page and sets its updated_at to now. */
enum save_result store_page_save(store *s, int64_t site_id, const struct page *x, int64_t user_id,
				 int64_t *id_out, const char **taken);
/** The whole menu of a site in display order (parents before their children). */
int store_admin_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_entry **out, size_t *n);
/** Saves an entry; the caller has checked that parent_id (0: top level) is an entry of the same site that
 * is neither the entry itself nor under it. */
enum save_result store_menu_save(store *s, int64_t site_id, const struct menu_entry *x, int64_t user_id,
				 int64_t *id_out);
/** Moves an entry one place up (dir < 0) or down among its siblings, numbering them 0, 1, ... on the way;
 * SAVE_OK also when it is first or last already. */
enum save_result store_menu_move(store *s, int64_t site_id, int64_t id, int dir, int64_t user_id);
/** Deletes an entry with every entry under it. */
enum save_result store_menu_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** The groups of the places a menu entry may link to, in their order (the admin code names them). */
enum menu_target_group {
	MENU_TARGET_NONE,
	MENU_TARGET_SECTIONS,
	MENU_TARGET_CONGRESSES,
	MENU_TARGET_YEARS,
	MENU_TARGET_PAGES,
	MENU_TARGET_TOPICS,
	MENU_TARGET_TRIALS
};
/** A place of a site a menu entry may link to: its group, path and label (for a year of congresses, the
 * year alone: "2025"). */
struct menu_target {
	enum menu_target_group group;
	const char *path, *label;
};
/** What a menu entry may be picked from: the site's sections, congresses, congress years, static pages,
 * topics and trials, at most limit of each, in that order of groups. */
int store_menu_targets(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
		       struct menu_target **out, size_t *n);
/** 1 when the site has the record a public path names: kind "section", "congress", "tag", "trial" or
 * "article" (published or scheduled) and its slug, "year" and a year with congresses, "page" and a static
 * page's path; 0 when not, -1 on error. */
int store_menu_target_exists(store *s, int64_t site_id, const char *kind, const char *key);
/** Every site in order (the server itself reads the sites once, at start-up: see store_sites). */
int store_admin_sites(store *s, h2o_mem_pool_t *pool, struct site_edit **out, size_t *n);
int store_site_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct site_edit *out);
enum save_result store_site_save(store *s, const struct site_edit *x, int64_t user_id, int64_t *id_out,
				 const char **taken);
/** A site's default language ("en") and the others it offers ("fr nl"): 1 found, 0 not, -1 error
 * (site_lang_db.c). */
int store_site_languages(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char **lang,
			 const char **langs);
/** Sets them (checked by the caller), with an audit line; the change log marks the structure changed. */
enum save_result store_site_languages_save(store *s, int64_t site_id, const char *lang, const char *langs,
					   int64_t user_id);

/** Adds count synthetic published articles to the first site (benchmarks); needs the demo's sections,
 * congresses, topics and faculty. 0, or -1 with err. In sq_generate.c. */
int store_generate_articles(store *s, size_t count, char *err, size_t errlen);

#endif
