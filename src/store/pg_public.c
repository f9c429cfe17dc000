/* pg_public: the public site's reads on PostgreSQL (sites, sections, congresses, trials, tags, article lists
 * and articles, related articles, pages, menus) and its one write, a contact message. */
#include "store/pg_int.h"

#include <string.h>

#include "store/memo.h"

enum {
	P_FIRST = 39, /* slots 40-99 belong to pg_public.c */
	P_SITES,
	P_SECTIONS,
	P_SECTION_BY_SLUG,
	P_CONGRESSES,
	P_CONGRESS_BY_SLUG,
	P_TAG_BY_SLUG,
	P_TAGS,
	P_TRIALS,
	P_ARTICLES,
	P_ARTICLES_COUNT,
	P_ARTICLE_BY_SLUG,
	P_ARTICLE_PEOPLE,
	P_ARTICLE_REFS,
	P_ARTICLE_SPONSORS,
	P_ARTICLE_TAGS,
	P_RELATED,
	P_PAGE_BY_PATH,
	P_MENU,
	P_CONTACT_ADD,
	P_NEXT_VISIBLE,
	P_LAST
};
_Static_assert(P_LAST <= 100, "statement slots 40-99 belong to pg_public.c");

/* A list's filter: $1 now, $2 the site, then section, congress, tag, trial and the article left out. */
#define FILTER                                                                                               \
	"a.site_id = $2::bigint AND ($3::bigint = 0 OR a.section_id = $3::bigint) "                          \
	"AND ($4::bigint = 0 OR a.congress_id = $4::bigint) "                                                \
	"AND ($5::bigint = 0 OR a.id IN (SELECT article_id FROM article_tag WHERE tag_id = $5::bigint)) "    \
	"AND ($6::bigint = 0 OR a.trial_id = $6::bigint) AND a.id <> $7::bigint "

static void fill_site(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct site *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->specialty = pg_str(pool, r, row, 3);
	x->host = pg_str(pool, r, row, 4);
	x->tagline = pg_str(pool, r, row, 5);
	x->is_default = (int)pg_i64(r, row, 6);
}

int pg_store_sites(store *s, h2o_mem_pool_t *pool, struct site **out, size_t *n)
{
	return pg_collect(s, pool, P_SITES,
			  "SELECT id, slug, name, specialty, host, tagline, is_default FROM site "
			  "ORDER BY position, id",
			  NULL, sizeof **out, fill_site, (void **)out, n);
}

static void fill_section(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct section *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->description = pg_str(pool, r, row, 3);
}

int pg_store_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	return pg_collect(s, pool, P_SECTIONS,
			  "SELECT id, slug, name, description FROM section WHERE site_id = $1::bigint "
			  "ORDER BY position, name",
			  &p, sizeof **out, fill_section, (void **)out, n);
}

int pg_store_section_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			     struct section *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, slug);
	return pg_one(s, pool, P_SECTION_BY_SLUG,
		      "SELECT id, slug, name, description FROM section WHERE site_id = $1::bigint "
		      "AND slug = $2::text",
		      &p, fill_section, out);
}

void pg_fill_congress(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct congress *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->full_name = pg_str(pool, r, row, 3);
	x->year = (int)pg_i64(r, row, 4);
	x->starts_on = pg_str(pool, r, row, 5);
	x->ends_on = pg_str(pool, r, row, 6);
	x->city = pg_str(pool, r, row, 7);
	x->country = pg_str(pool, r, row, 8);
	x->description = pg_str(pool, r, row, 9);
	if (PQnfields(r) > 10)
		x->article_count = (int)pg_i64(r, row, 10);
}

int pg_store_congresses(store *s, h2o_mem_pool_t *pool, int64_t site_id, int year, struct congress **out,
			size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, year);
	return pg_collect(
	    s, pool, P_CONGRESSES,
	    "SELECT c.id, c.slug, c.name, c.full_name, c.year, c.starts_on, c.ends_on, c.city, "
	    "c.country, c.description, (SELECT count(*) FROM article a WHERE a.congress_id = c.id "
	    "AND " PG_VISIBLE ") FROM congress c WHERE c.site_id = $2::bigint "
	    "AND ($3::integer = 0 OR c.year = $3::integer) ORDER BY c.starts_on DESC, c.name",
	    &p, sizeof **out, pg_fill_congress, (void **)out, n);
}

int pg_store_congress_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			      struct congress *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, site_id);
	pg_p_text(&p, slug);
	return pg_one(s, pool, P_CONGRESS_BY_SLUG,
		      "SELECT c.id, c.slug, c.name, c.full_name, c.year, c.starts_on, c.ends_on, c.city, "
		      "c.country, c.description, (SELECT count(*) FROM article a WHERE a.congress_id = c.id "
		      "AND " PG_VISIBLE
		      ") FROM congress c WHERE c.site_id = $2::bigint AND c.slug = $3::text",
		      &p, pg_fill_congress, out);
}

static void fill_trial(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct trial *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->registry_id = pg_str(pool, r, row, 3);
	x->phase = pg_str(pool, r, row, 4);
	x->setting = pg_str(pool, r, row, 5);
	x->article_count = pg_i64(r, row, 6);
}

int pg_store_trials(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct trial **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, site_id);
	return pg_collect(s, pool, P_TRIALS,
			  "SELECT t.id, t.slug, t.name, t.registry_id, t.phase, t.setting, (SELECT count(*) "
			  "FROM article a WHERE a.trial_id = t.id AND " PG_VISIBLE ") FROM trial t "
			  "WHERE t.site_id = $2::bigint ORDER BY t.name",
			  &p, sizeof **out, fill_trial, (void **)out, n);
}

static void fill_tag(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct tag *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	if (PQnfields(r) > 3)
		x->article_count = (int)pg_i64(r, row, 3);
}

int pg_store_tag_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, struct tag *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, site_id);
	pg_p_text(&p, slug);
	/* a topic has a page only while an article a reader may see uses it */
	return pg_one(
	    s, pool, P_TAG_BY_SLUG,
	    "SELECT g.id, g.slug, g.name FROM tag g WHERE g.site_id = $2::bigint AND g.slug = $3::text "
	    "AND EXISTS (SELECT 1 FROM article_tag x JOIN article a ON a.id = x.article_id "
	    "WHERE x.tag_id = g.id AND " PG_VISIBLE ")",
	    &p, fill_tag, out);
}

int pg_store_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit, struct tag **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, (int64_t)limit);
	return pg_collect(s, pool, P_TAGS,
			  "SELECT g.id, g.slug, g.name, count(*) AS n FROM tag g "
			  "JOIN article_tag x ON x.tag_id = g.id JOIN article a ON a.id = x.article_id "
			  "WHERE g.site_id = $2::bigint AND " PG_VISIBLE
			  " GROUP BY g.id ORDER BY n DESC, g.name LIMIT $3::bigint",
			  &p, sizeof **out, fill_tag, (void **)out, n);
}

void pg_fill_article_cols(h2o_mem_pool_t *pool, const PGresult *r, int row, struct article *x)
{
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->title = pg_str(pool, r, row, 2);
	x->summary = pg_str(pool, r, row, 3);
	x->kind = pg_str(pool, r, row, 4);
	x->audience = pg_str(pool, r, row, 5);
	x->published_at = pg_i64(r, row, 6);
	x->updated_at = pg_i64(r, row, 7);
	x->section.id = pg_i64(r, row, 8);
	x->section.slug = pg_str(pool, r, row, 9);
	x->section.name = pg_str(pool, r, row, 10);
	x->congress.id = pg_i64(r, row, 11);
	x->congress.slug = pg_str(pool, r, row, 12);
	x->congress.name = pg_str(pool, r, row, 13);
	x->congress.year = (int)pg_i64(r, row, 14);
	x->trial.id = pg_i64(r, row, 15);
	x->trial.slug = pg_str(pool, r, row, 16);
	x->trial.name = pg_str(pool, r, row, 17);
}

static void fill_article(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct article *x = item;
	pg_fill_article_cols(pool, r, row, x);
	if (PQnfields(r) > 18) {
		x->body_allowed = !PQgetisnull(r, row, 18);
		x->body = pg_str(pool, r, row, 18);
		x->video_url = pg_str(pool, r, row, 19);
		x->image.id = pg_i64(r, row, 20);
		x->image.hash = pg_str(pool, r, row, 21);
		x->image.kind = pg_str(pool, r, row, 22);
		x->image.alt = pg_str(pool, r, row, 23);
		x->image.width = pg_i64(r, row, 24);
		x->image.height = pg_i64(r, row, 25);
		x->image.credit = pg_str(pool, r, row, 26);
	}
}

static void filter_params(struct pg_params *p, const struct article_filter *f)
{
	pg_p_i64(p, store_now());
	pg_p_i64(p, f->site_id);
	pg_p_i64(p, f->section_id);
	pg_p_i64(p, f->congress_id);
	pg_p_i64(p, f->tag_id);
	pg_p_i64(p, f->trial_id);
	pg_p_i64(p, f->exclude_id);
}

/* The number of visible articles of a list, from the memo when it still holds (see struct count_memo). */
static int count_articles(store *s, const struct article_filter *f, size_t *total)
{
	int64_t count = 0, until = INT64_MAX, now = store_now();
	struct store_stamp stamp;
	if (pg_store_stamp(s, &stamp) != 0)
		return -1;
	if (memo_count_find(pg_memos(s), f, &stamp, now, total))
		return 0;
	struct pg_params p = {0}, q = {0};
	filter_params(&p, f);
	pg_p_i64(&q, now);
	pg_p_i64(&q, f->site_id);
	if (pg_value(s, P_ARTICLES_COUNT, "SELECT count(*) FROM article a WHERE " PG_VISIBLE " AND " FILTER,
		     &p, &count) < 0 ||
	    pg_value(s, P_NEXT_VISIBLE,
		     "SELECT min(a.published_at) FROM article a WHERE a.site_id = $2::bigint AND "
		     "a.status IN ('published', 'scheduled') AND a.published_at > $1::bigint",
		     &q, &until) < 0)
		return -1;
	memo_count_keep(pg_memos(s), f, &stamp, until, (size_t)count);
	*total = (size_t)count;
	return 0;
}

int pg_store_articles(store *s, h2o_mem_pool_t *pool, const struct article_filter *f, size_t offset,
		      size_t limit, struct article **out, size_t *n, size_t *total)
{
	if (count_articles(s, f, total) != 0)
		return -1;
	struct pg_params p = {0};
	filter_params(&p, f);
	pg_p_i64(&p, (int64_t)limit);
	pg_p_i64(&p, (int64_t)offset);
	/* the page's ids first, from the article_list index alone; rows and joins for those only */
	return pg_collect(s, pool, P_ARTICLES,
			  "SELECT " PG_ARTICLE_COLS PG_ARTICLE_JOINS
			  "WHERE a.id IN (SELECT a.id FROM article a WHERE " PG_VISIBLE " AND " FILTER
			  "ORDER BY a.published_at DESC, a.id DESC LIMIT $8::bigint OFFSET $9::bigint) "
			  "ORDER BY a.published_at DESC, a.id DESC",
			  &p, sizeof **out, fill_article, (void **)out, n);
}

static void fill_person(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct person *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->title = pg_str(pool, r, row, 3);
	x->affiliation = pg_str(pool, r, row, 4);
	x->photo = pg_str(pool, r, row, 5);
	x->role = pg_str(pool, r, row, 6);
}

static void fill_reference(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct reference *x = item;
	x->citation = pg_str(pool, r, row, 0);
	x->abstract_no = pg_str(pool, r, row, 1);
	x->url = pg_str(pool, r, row, 2);
}

static void fill_sponsor(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct sponsor *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->url = pg_str(pool, r, row, 3);
	x->logo = pg_str(pool, r, row, 4);
	x->disclosure = pg_str(pool, r, row, 5);
}

int pg_article_parts(store *s, h2o_mem_pool_t *pool, struct article *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, out->id);
	if (pg_collect(s, pool, P_ARTICLE_PEOPLE,
		       "SELECT p.id, p.slug, p.name, p.title, p.affiliation, p.photo, ap.role "
		       "FROM article_person ap JOIN person p ON p.id = ap.person_id WHERE ap.article_id = "
		       "$1::bigint "
		       "ORDER BY ap.role = 'interviewer', ap.position, p.name",
		       &p, sizeof *out->people, fill_person, (void **)&out->people, &out->npeople) != 0 ||
	    pg_collect(s, pool, P_ARTICLE_REFS,
		       "SELECT citation, abstract_no, url FROM reference WHERE article_id = $1::bigint "
		       "ORDER BY position, id",
		       &p, sizeof *out->refs, fill_reference, (void **)&out->refs, &out->nrefs) != 0 ||
	    pg_collect(
		s, pool, P_ARTICLE_SPONSORS,
		"SELECT p.id, p.slug, p.name, p.url, p.logo, p.disclosure FROM article_sponsor x "
		"JOIN sponsor p ON p.id = x.sponsor_id WHERE x.article_id = $1::bigint ORDER BY p.name",
		&p, sizeof *out->sponsors, fill_sponsor, (void **)&out->sponsors, &out->nsponsors) != 0 ||
	    pg_collect(s, pool, P_ARTICLE_TAGS,
		       "SELECT g.id, g.slug, g.name FROM article_tag x JOIN tag g ON g.id = x.tag_id "
		       "WHERE x.article_id = $1::bigint ORDER BY g.name",
		       &p, sizeof *out->tags, fill_tag, (void **)&out->tags, &out->ntags) != 0)
		return -1;
	return 0;
}

int pg_store_article_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			     enum audience reader, struct article *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, site_id);
	pg_p_text(&p, slug);
	pg_p_i64(&p, (int64_t)reader);
	memset(out, 0, sizeof *out);
	/* the body leaves the database only for a reader at or above the article's audience */
	int found =
	    pg_one(s, pool, P_ARTICLE_BY_SLUG,
		   "SELECT " PG_ARTICLE_COLS ", CASE WHEN " PG_AUDIENCE_LEVEL " <= $4::integer "
		   "THEN a.body END, a.video_url, m.id, m.hash, m.kind, m.alt, m.width, m.height, "
		   "m.credit " PG_ARTICLE_JOINS "LEFT JOIN media m ON m.id = a.image_id WHERE " PG_VISIBLE
		   " AND a.site_id = $2::bigint AND a.slug = $3::text",
		   &p, fill_article, out);
	if (found != 1)
		return found;
	return pg_article_parts(s, pool, out) != 0 ? -1 : 1;
}

int pg_store_related(store *s, h2o_mem_pool_t *pool, int64_t site_id, const struct article *a, size_t limit,
		     struct article **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, site_id);
	pg_p_i64(&p, a->id);
	pg_p_i64(&p, (int64_t)limit);
	return pg_collect(s, pool, P_RELATED,
			  "SELECT " PG_ARTICLE_COLS PG_ARTICLE_JOINS
			  "JOIN article_related x ON x.related_id = a.id WHERE x.article_id = $3::bigint AND "
			  " " PG_VISIBLE " AND a.site_id = $2::bigint "
			  "ORDER BY x.score DESC, a.published_at DESC, a.id DESC LIMIT $4::bigint",
			  &p, sizeof **out, fill_article, (void **)out, n);
}

static void fill_page(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct page *x = item;
	x->id = pg_i64(r, row, 0);
	x->path = pg_str(pool, r, row, 1);
	x->title = pg_str(pool, r, row, 2);
	x->body = pg_str(pool, r, row, 3);
	x->updated_at = pg_i64(r, row, 4);
}

int pg_store_page_by_path(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *path, struct page *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, path);
	return pg_one(s, pool, P_PAGE_BY_PATH,
		      "SELECT id, path, title, body, updated_at FROM page WHERE site_id = $1::bigint "
		      "AND path = $2::text",
		      &p, fill_page, out);
}

static void fill_menu(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct menu_item *x = item;
	x->id = pg_i64(r, row, 0);
	x->parent_id = pg_i64(r, row, 1);
	x->label = pg_str(pool, r, row, 2);
	x->url = pg_str(pool, r, row, 3);
}

int pg_store_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_item **out, size_t *n)
{
	struct store_stamp stamp;
	if (pg_store_stamp(s, &stamp) != 0)
		return -1;
	if (memo_menu_find(pg_memos(s), pool, site_id, &stamp, out, n))
		return 0;
	struct menu_memo *m = memo_menu_slot(pg_memos(s));
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	/* depth first, siblings by position then id: the sort key is the path of (position, id) pairs */
	if (pg_collect(
		s, &m->pool, P_MENU,
		"WITH RECURSIVE tree(id, parent_id, label, url, sortkey) AS ("
		" SELECT id, COALESCE(parent_id, 0), label, url, ARRAY[position::bigint, id] FROM menu_item"
		" WHERE site_id = $1::bigint AND parent_id IS NULL"
		" UNION ALL SELECT m.id, m.parent_id, m.label, m.url,"
		" tree.sortkey || ARRAY[m.position::bigint, m.id]"
		" FROM menu_item m JOIN tree ON m.parent_id = tree.id WHERE m.site_id = $1::bigint)"
		" SELECT id, parent_id, label, url FROM tree ORDER BY sortkey",
		&p, sizeof *m->items, fill_menu, (void **)&m->items, &m->n) != 0)
		return -1;
	memo_menu_keep(m, site_id, &stamp, pool, out, n);
	return 0;
}

int64_t pg_store_contact_add(store *s, const struct contact_message *m)
{
	struct pg_params p = {0};
	pg_p_i64(&p, m->site_id);
	pg_p_text(&p, m->name);
	pg_p_text(&p, m->email);
	pg_p_text(&p, m->topic);
	pg_p_text(&p, m->message);
	pg_p_i64(&p, store_now());
	int64_t id = -1;
	if (pg_value(s, P_CONTACT_ADD,
		     "INSERT INTO contact_message (site_id, name, email, topic, message, created_at) "
		     "VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::text, $6::bigint) RETURNING id",
		     &p, &id) != 1)
		return -1;
	return id;
}
