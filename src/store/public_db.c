/* public_db: the public site's reads (sites, sections, congresses, trials, tags, article lists and articles,
 * related articles, pages, menus), its one write (a contact message), the default site, secrets and the
 * content epoch, written once on the seam (db.h) in SQL that SQLite and PostgreSQL both accept. */
#include "store/public_db.h"

#include <sodium.h>
#include <stdint.h>
#include <string.h>

#include "core/text.h"
#include "store/memo.h"
#include "store/desk.h"
#include "store/search.h"
#include "store/changes.h"

enum {
	P_SITES = 260, /* slots 260-339 of the seam belong to public_db.c */
	P_SECTIONS,
	P_SECTION_BY_SLUG,
	P_CONGRESSES,
	P_CONGRESS_BY_SLUG,
	P_TAG_BY_SLUG,
	P_TAGS,
	P_TRIALS,
	P_ARTICLES,
	P_ARTICLES_COUNT,
	P_NEXT_VISIBLE,
	P_ARTICLE_BY_SLUG,
	P_ARTICLE_PEOPLE,
	P_ARTICLE_REFS,
	P_ARTICLE_SPONSORS,
	P_ARTICLE_TAGS,
	P_RELATED,
	P_PAGE_BY_PATH,
	P_MENU,
	P_CONTACT_ADD,
	P_SITE_DEFAULT,
	P_SECRET_GET,
	P_SECRET_PUT,
	P_EPOCH,
	P_LAST
};
_Static_assert(P_LAST <= 340, "public_db.c owns the seam's statement slots 260 to 339");

/* A list's filter: ?1 now, ?2 the site, then section, congress, tag, trial and the article left out (0: any),
 * then ?8 1 to show one member of each family of translations in the language ?9 ('' the site's default):
 * the member in ?9, else the original (see struct article_filter). Each number is cast where it first
 * appears, so PostgreSQL reads it as a bigint (as the columns are). */
#define FILTER                                                                                               \
	"a.site_id = ?2 AND (CAST(?3 AS BIGINT) = 0 OR a.section_id = ?3) "                                  \
	"AND (CAST(?4 AS BIGINT) = 0 OR a.congress_id = ?4) "                                                \
	"AND (CAST(?5 AS BIGINT) = 0 OR a.id IN (SELECT article_id FROM article_tag WHERE tag_id = ?5)) "    \
	"AND (CAST(?6 AS BIGINT) = 0 OR a.trial_id = ?6) AND a.id <> ?7 "                                    \
	"AND (CAST(?8 AS INTEGER) = 0 OR " DB_FAMILY_PICK("?9", "?1") ") "

/* 1 for a slug or path a reader typed that no record can have: not UTF-8. PostgreSQL would refuse it as a
 * parameter (an error, a 500) where SQLite finds no row: "not found" on both, without asking. */
static int unnameable(const char *name)
{
	return !text_utf8_ok(name);
}

/* ---- rows ---- */

static void fill_site(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct site *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->specialty = db_col_text(st, pool, 3);
	x->host = db_col_text(st, pool, 4);
	x->tagline = db_col_text(st, pool, 5);
	x->is_default = db_col_int(st, 6);
	x->language = db_col_text(st, pool, 7);
	x->languages = db_col_text(st, pool, 8);
}

void db_fill_section(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct section *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->description = db_col_text(st, pool, 3);
}

void db_fill_congress(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct congress *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->full_name = db_col_text(st, pool, 3);
	x->year = db_col_int(st, 4);
	x->starts_on = db_col_text(st, pool, 5);
	x->ends_on = db_col_text(st, pool, 6);
	x->city = db_col_text(st, pool, 7);
	x->country = db_col_text(st, pool, 8);
	x->description = db_col_text(st, pool, 9);
}

/* A congress and, in an eleventh column, the number of its visible articles. */
static void fill_congress_counted(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	db_fill_congress(pool, st, item);
	((struct congress *)item)->article_count = db_col_int(st, 10);
}

static void fill_trial(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct trial *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->registry_id = db_col_text(st, pool, 3);
	x->phase = db_col_text(st, pool, 4);
	x->setting = db_col_text(st, pool, 5);
	x->article_count = db_col_int64(st, 6);
}

void db_fill_tag(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct tag *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
}

/* A tag and, in a fourth column, the number of visible articles that use it. */
static void fill_tag_counted(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	db_fill_tag(pool, st, item);
	((struct tag *)item)->article_count = db_col_int(st, 3);
}

void db_fill_article_cols(h2o_mem_pool_t *pool, struct db_stmt *st, struct article *x)
{
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->title = db_col_text(st, pool, 2);
	x->summary = db_col_text(st, pool, 3);
	x->kind = db_col_text(st, pool, 4);
	x->audience = db_col_text(st, pool, 5);
	x->published_at = db_col_int64(st, 6);
	x->updated_at = db_col_int64(st, 7);
	x->section.id = db_col_int64(st, 8);
	x->section.slug = db_col_text(st, pool, 9);
	x->section.name = db_col_text(st, pool, 10);
	x->congress.id = db_col_int64(st, 11);
	x->congress.slug = db_col_text(st, pool, 12);
	x->congress.name = db_col_text(st, pool, 13);
	x->congress.year = db_col_int(st, 14);
	x->trial.id = db_col_int64(st, 15);
	x->trial.slug = db_col_text(st, pool, 16);
	x->trial.name = db_col_text(st, pool, 17);
	x->lang = db_col_text(st, pool, 18);
	x->family_id = db_col_int64(st, 19);
}

static void fill_article(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	db_fill_article_cols(pool, st, item);
}

/* An article as its own page reads it: DB_ARTICLE_COLS, then its body (NULL when the reader may not read it),
 * video and image. */
static void fill_article_page(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct article *x = item;
	db_fill_article_cols(pool, st, x);
	enum { C = DB_ARTICLE_NCOLS };
	x->body_allowed = !db_col_null(st, C);
	x->body = db_col_text(st, pool, C);
	x->video_url = db_col_text(st, pool, C + 1);
	x->image.id = db_col_int64(st, C + 2);
	x->image.hash = db_col_text(st, pool, C + 3);
	x->image.kind = db_col_text(st, pool, C + 4);
	x->image.alt = db_col_text(st, pool, C + 5);
	x->image.width = db_col_int64(st, C + 6);
	x->image.height = db_col_int64(st, C + 7);
	x->image.credit = db_col_text(st, pool, C + 8);
}

void db_fill_person(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct person *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->title = db_col_text(st, pool, 3);
	x->affiliation = db_col_text(st, pool, 4);
	x->photo = db_col_text(st, pool, 5);
	x->role = db_col_text(st, pool, 6);
}

static void fill_reference(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct reference *x = item;
	x->citation = db_col_text(st, pool, 0);
	x->abstract_no = db_col_text(st, pool, 1);
	x->url = db_col_text(st, pool, 2);
}

static void fill_sponsor(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct sponsor *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->url = db_col_text(st, pool, 3);
	x->logo = db_col_text(st, pool, 4);
	x->disclosure = db_col_text(st, pool, 5);
}

static void fill_page(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct page *x = item;
	x->id = db_col_int64(st, 0);
	x->path = db_col_text(st, pool, 1);
	x->title = db_col_text(st, pool, 2);
	x->body = db_col_text(st, pool, 3);
	x->updated_at = db_col_int64(st, 4);
}

static void fill_menu(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct menu_item *x = item;
	x->id = db_col_int64(st, 0);
	x->parent_id = db_col_int64(st, 1);
	x->label = db_col_text(st, pool, 2);
	x->url = db_col_text(st, pool, 3);
}

/* ---- sites, sections, congresses, trials, tags ---- */

int store_sites(store *s, h2o_mem_pool_t *pool, struct site **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), P_SITES,
	    "SELECT id, slug, name, specialty, host, tagline, is_default, language, languages FROM site "
	    "ORDER BY position, id");
	return db_collect(st, pool, sizeof **out, fill_site, (void **)out, n);
}

int store_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), P_SECTIONS,
	    "SELECT id, slug, name, description FROM section WHERE site_id = ?1 ORDER BY position, name");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, db_fill_section, (void **)out, n);
}

int store_section_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			  struct section *out)
{
	if (unnameable(slug))
		return 0;
	struct db_stmt *st =
	    db_prepare(db_of(s), P_SECTION_BY_SLUG,
		       "SELECT id, slug, name, description FROM section WHERE site_id = ?1 AND slug = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, slug);
	return db_one(st, pool, db_fill_section, out);
}

int store_congresses(store *s, h2o_mem_pool_t *pool, int64_t site_id, int year, struct congress **out,
		     size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), P_CONGRESSES,
	    "SELECT c.id, c.slug, c.name, c.full_name, c.year, c.starts_on, c.ends_on, c.city, c.country, "
	    "c.description, (SELECT count(DISTINCT COALESCE(a.family_id, a.id)) FROM article a WHERE "
	    "a.congress_id = c.id AND " DB_VISIBLE ") "
	    "FROM congress c WHERE c.site_id = ?2 AND (CAST(?3 AS INTEGER) = 0 OR c.year = ?3) "
	    "ORDER BY c.starts_on DESC, c.name");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int(st, 3, year);
	return db_collect(st, pool, sizeof **out, fill_congress_counted, (void **)out, n);
}

int store_congress_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			   struct congress *out)
{
	if (unnameable(slug))
		return 0;
	struct db_stmt *st = db_prepare(
	    db_of(s), P_CONGRESS_BY_SLUG,
	    "SELECT c.id, c.slug, c.name, c.full_name, c.year, c.starts_on, c.ends_on, c.city, c.country, "
	    "c.description, (SELECT count(DISTINCT COALESCE(a.family_id, a.id)) FROM article a WHERE "
	    "a.congress_id = c.id AND " DB_VISIBLE ") "
	    "FROM congress c WHERE c.site_id = ?2 AND c.slug = ?3");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_text(st, 3, slug);
	return db_one(st, pool, fill_congress_counted, out);
}

int store_trials(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct trial **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), P_TRIALS,
	    "SELECT t.id, t.slug, t.name, t.registry_id, t.phase, t.setting, (SELECT count(DISTINCT "
	    "COALESCE(a.family_id, a.id)) FROM article a "
	    "WHERE a.trial_id = t.id AND " DB_VISIBLE ") FROM trial t WHERE t.site_id = ?2 ORDER BY t.name");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	return db_collect(st, pool, sizeof **out, fill_trial, (void **)out, n);
}

int store_tag_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, struct tag *out)
{
	if (unnameable(slug))
		return 0;
	/* a topic has a page only while an article a reader may see uses it */
	struct db_stmt *st =
	    db_prepare(db_of(s), P_TAG_BY_SLUG,
		       "SELECT g.id, g.slug, g.name FROM tag g WHERE g.site_id = ?2 AND g.slug = ?3 AND "
		       "EXISTS (SELECT 1 FROM article_tag x JOIN article a ON a.id = x.article_id "
		       "WHERE x.tag_id = g.id AND " DB_VISIBLE ")");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_text(st, 3, slug);
	return db_one(st, pool, db_fill_tag, out);
}

int store_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit, struct tag **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), P_TAGS,
	    "SELECT g.id, g.slug, g.name, count(DISTINCT COALESCE(a.family_id, a.id)) AS n FROM tag g JOIN "
	    "article_tag x ON x.tag_id = g.id "
	    "JOIN article a ON a.id = x.article_id WHERE g.site_id = ?2 AND " DB_VISIBLE
	    " GROUP BY g.id ORDER BY n DESC, g.name LIMIT ?3");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, (int64_t)limit);
	return db_collect(st, pool, sizeof **out, fill_tag_counted, (void **)out, n);
}

/* ---- article lists ---- */

static void bind_filter(struct db_stmt *st, const struct article_filter *f, int64_t now)
{
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, f->site_id);
	db_bind_int64(st, 3, f->section_id);
	db_bind_int64(st, 4, f->congress_id);
	db_bind_int64(st, 5, f->tag_id);
	db_bind_int64(st, 6, f->trial_id);
	db_bind_int64(st, 7, f->exclude_id);
	db_bind_int(st, 8, f->by_lang);
	db_bind_text(st, 9, f->lang);
}

/* The one number a bound statement answers; none (NULL or no row) gives dflt. 0, or -1. */
static int scalar(struct db_stmt *st, int64_t dflt, int64_t *out)
{
	int rc = db_step(st);
	if (rc == DB_ERROR)
		return -1;
	*out = rc == DB_ROW && !db_col_null(st, 0) ? db_col_int64(st, 0) : dflt;
	db_reset(st);
	return 0;
}

/* The number of visible articles of a list, from the memo when it still holds (see struct count_memo). */
static int count_articles(store *s, const struct article_filter *f, size_t *total)
{
	struct db *d = db_of(s);
	int64_t count, until, now = db_now();
	struct store_stamp stamp;
	if (store_stamp(s, &stamp) != 0)
		return -1;
	if (memo_count_find(&d->memos, f, &stamp, now, total))
		return 0;
	struct db_stmt *st = db_prepare(d, P_ARTICLES_COUNT,
					"SELECT count(*) FROM article a WHERE " DB_VISIBLE " AND " FILTER);
	bind_filter(st, f, now);
	if (scalar(st, 0, &count) != 0)
		return -1;
	/* when the next article of the site becomes visible by its time alone (no write marks that moment) */
	st = db_prepare(d, P_NEXT_VISIBLE,
			"SELECT min(a.published_at) FROM article a WHERE a.site_id = ?2 AND "
			"a.status IN ('published', 'scheduled') AND a.published_at > ?1");
	db_bind_int64(st, 1, now);
	db_bind_int64(st, 2, f->site_id);
	if (scalar(st, INT64_MAX, &until) != 0)
		return -1;
	memo_count_keep(&d->memos, f, &stamp, until, (size_t)count);
	*total = (size_t)count;
	return 0;
}

int store_articles(store *s, h2o_mem_pool_t *pool, const struct article_filter *f, size_t offset,
		   size_t limit, struct article **out, size_t *n, size_t *total)
{
	if (count_articles(s, f, total) != 0)
		return -1;
	/* the page's ids first, from the article_list index alone; rows and joins for those twelve only, not
	 * for every article the OFFSET skips */
	struct db_stmt *st =
	    db_prepare(db_of(s), P_ARTICLES,
		       "SELECT " DB_ARTICLE_COLS DB_ARTICLE_JOINS
		       "WHERE a.id IN (SELECT a.id FROM article a WHERE " DB_VISIBLE " AND " FILTER
		       "ORDER BY a.published_at DESC, a.id DESC LIMIT ?10 OFFSET ?11) "
		       "ORDER BY a.published_at DESC, a.id DESC");
	bind_filter(st, f, db_now());
	db_bind_int64(st, 10, (int64_t)limit);
	db_bind_int64(st, 11, (int64_t)offset);
	return db_collect(st, pool, sizeof **out, fill_article, (void **)out, n);
}

/* ---- one article ---- */

/* The rows of a statement on one article's id (?1) into a pool array. */
static int collect_of(store *s, int slot, const char *sql, int64_t id, h2o_mem_pool_t *pool, size_t size,
		      db_fill fill, void **out, size_t *n)
{
	struct db_stmt *st = db_prepare(db_of(s), slot, sql);
	db_bind_int64(st, 1, id);
	return db_collect(st, pool, size, fill, out, n);
}

int db_article_parts(store *s, h2o_mem_pool_t *pool, struct article *out)
{
	if (collect_of(s, P_ARTICLE_PEOPLE,
		       "SELECT p.id, p.slug, p.name, p.title, p.affiliation, p.photo, ap.role FROM "
		       "article_person ap "
		       "JOIN person p ON p.id = ap.person_id WHERE ap.article_id = ?1 "
		       "ORDER BY ap.role = 'interviewer', ap.position, p.name",
		       out->id, pool, sizeof *out->people, db_fill_person, (void **)&out->people,
		       &out->npeople) != 0 ||
	    collect_of(s, P_ARTICLE_REFS,
		       "SELECT citation, abstract_no, url FROM reference WHERE article_id = ?1 ORDER BY "
		       "position, id",
		       out->id, pool, sizeof *out->refs, fill_reference, (void **)&out->refs,
		       &out->nrefs) != 0 ||
	    collect_of(s, P_ARTICLE_SPONSORS,
		       "SELECT p.id, p.slug, p.name, p.url, p.logo, p.disclosure FROM article_sponsor x "
		       "JOIN sponsor p ON p.id = x.sponsor_id WHERE x.article_id = ?1 ORDER BY p.name",
		       out->id, pool, sizeof *out->sponsors, fill_sponsor, (void **)&out->sponsors,
		       &out->nsponsors) != 0 ||
	    collect_of(s, P_ARTICLE_TAGS,
		       "SELECT g.id, g.slug, g.name FROM article_tag x JOIN tag g ON g.id = x.tag_id "
		       "WHERE x.article_id = ?1 ORDER BY g.name",
		       out->id, pool, sizeof *out->tags, db_fill_tag, (void **)&out->tags, &out->ntags) != 0)
		return -1;
	return 0;
}

int store_article_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			  enum audience reader, struct article *out)
{
	/* the body leaves the database only for a reader at or above the article's audience */
	struct db_stmt *st = db_prepare(
	    db_of(s), P_ARTICLE_BY_SLUG,
	    "SELECT " DB_ARTICLE_COLS ", CASE WHEN " DB_AUDIENCE_LEVEL
	    " <= CAST(?4 AS INTEGER) THEN a.body END, "
	    "a.video_url, m.id, m.hash, m.kind, m.alt, m.width, m.height, m.credit " DB_ARTICLE_JOINS
	    "LEFT JOIN media m ON m.id = a.image_id WHERE " DB_VISIBLE " AND a.site_id = ?2 AND a.slug = ?3");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_text(st, 3, slug);
	db_bind_int(st, 4, (int)reader);
	memset(out, 0, sizeof *out);
	if (unnameable(slug))
		return 0;
	int found = db_one(st, pool, fill_article_page, out);
	if (found != 1)
		return found;
	return db_article_parts(s, pool, out) != 0 ? -1 : 1;
}

int store_related(store *s, h2o_mem_pool_t *pool, int64_t site_id, const struct article *a, const char *lang,
		  size_t limit, struct article **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), P_RELATED,
	    "SELECT " DB_ARTICLE_COLS DB_ARTICLE_JOINS "JOIN article_related x ON x.related_id = a.id "
	    /* +a.site_id: SQLite starts from the few related rows, not from every visible article
	     * of the site (the date index would be chosen: 20 ms a page at 10,000 articles) */
	    "WHERE x.article_id = ?3 AND " DB_VISIBLE " AND +a.site_id = ?2 "
	    /* never its own family; of another, the member in the page's language (?6), else the original */
	    "AND COALESCE(a.family_id, a.id) <> ?5 AND " DB_FAMILY_PICK(
		"?6", "?1") " ORDER BY x.score DESC, a.published_at DESC, a.id DESC LIMIT ?4");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, site_id);
	db_bind_int64(st, 3, a->id);
	db_bind_int64(st, 4, (int64_t)limit);
	db_bind_int64(st, 5, a->family_id ? a->family_id : a->id);
	db_bind_text(st, 6, lang ? lang : "");
	return db_collect(st, pool, sizeof **out, fill_article, (void **)out, n);
}

/* ---- pages and menus ---- */

int store_page_by_path(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *path, struct page *out)
{
	if (unnameable(path))
		return 0;
	struct db_stmt *st =
	    db_prepare(db_of(s), P_PAGE_BY_PATH,
		       "SELECT id, path, title, body, updated_at FROM page WHERE site_id = ?1 AND path = ?2");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, path);
	return db_one(st, pool, fill_page, out);
}

/* The items of a menu (siblings by position then id) in the order it shows them: depth first, each item
 * followed by its children. Only those reached from the top level are kept. A new pool array in *out. */
static void menu_depth_first(h2o_mem_pool_t *pool, const struct menu_item *in, size_t n,
			     struct menu_item **out, size_t *nout)
{
	struct menu_item *items = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof *items);
	/* the path from the top to the item being walked: each level's parent and where its scan resumes */
	struct level {
		int64_t parent;
		size_t next;
	} *path = h2o_mem_alloc_pool(pool, (n + 1) * sizeof *path);
	size_t depth = 1, len = 0;
	path[0] = (struct level){0, 0};
	while (depth > 0) {
		struct level *l = &path[depth - 1];
		while (l->next < n && in[l->next].parent_id != l->parent)
			l->next++;
		if (l->next == n) {
			depth--;
			continue;
		}
		const struct menu_item *item = &in[l->next++];
		items[len++] = *item;
		/* an item is reached once (one parent each), so the path never holds more than n + 1 levels
		 */
		path[depth++] = (struct level){item->id, 0};
	}
	*out = items;
	*nout = len;
}

int store_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_item **out, size_t *n)
{
	struct db *d = db_of(s);
	struct store_stamp stamp;
	if (store_stamp(s, &stamp) != 0)
		return -1;
	if (memo_menu_find(&d->memos, pool, site_id, &stamp, out, n))
		return 0;
	struct menu_memo *m = memo_menu_slot(&d->memos);
	struct db_stmt *st = db_prepare(d, P_MENU,
					"SELECT id, COALESCE(parent_id, 0), label, url FROM menu_item "
					"WHERE site_id = ?1 ORDER BY position, id");
	db_bind_int64(st, 1, site_id);
	struct menu_item *rows;
	size_t nrows;
	if (db_collect(st, &m->pool, sizeof *rows, fill_menu, (void **)&rows, &nrows) != 0)
		return -1;
	menu_depth_first(&m->pool, rows, nrows, &m->items, &m->n);
	memo_menu_keep(m, site_id, &stamp, pool, out, n);
	return 0;
}

/* ---- writes: a contact message, the default site, secrets ---- */

int64_t store_contact_add(store *s, const struct contact_message *m)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), P_CONTACT_ADD,
		       "INSERT INTO contact_message (site_id, name, email, topic, message, created_at) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
	db_bind_int64(st, 1, m->site_id);
	db_bind_text(st, 2, m->name);
	db_bind_text(st, 3, m->email);
	db_bind_text(st, 4, m->topic);
	db_bind_text(st, 5, m->message);
	db_bind_int64(st, 6, db_now());
	int64_t id = -1;
	return db_exec_id(st, &id) == 1 ? id : -1;
}

int store_ensure_site(store *s, const char *name)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), P_SITE_DEFAULT,
	    "INSERT INTO site (slug, name, specialty, host, tagline, is_default) "
	    "SELECT 'main', CAST(?1 AS TEXT), '', 'localhost', '', 1 WHERE NOT EXISTS (SELECT 1 FROM site)");
	db_bind_text(st, 1, name);
	return db_exec(st, NULL);
}

int store_secret(store *s, const char *name, char out[65])
{
	for (int attempt = 0; attempt < 2; attempt++) {
		struct db_stmt *st =
		    db_prepare(db_of(s), P_SECRET_GET, "SELECT value FROM setting WHERE name = ?1");
		db_bind_text(st, 1, name);
		int rc = db_step(st);
		if (rc == DB_ERROR)
			return -1;
		if (rc == DB_ROW) {
			h2o_mem_pool_t pool;
			h2o_mem_init_pool(&pool);
			const char *v = db_col_text(st, &pool, 0);
			int whole = strlen(v) == 64;
			if (whole) {
				memcpy(out, v, 64);
				out[64] = '\0';
			}
			h2o_mem_clear_pool(&pool);
			if (whole) {
				db_reset(st);
				return 0;
			}
		}
		db_reset(st);
		/* none yet (or not one of ours): a new one, unless another process stored its own meanwhile
		 */
		unsigned char raw[32];
		char hex[65];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
		struct db_stmt *put = db_prepare(db_of(s), P_SECRET_PUT,
						 "INSERT INTO setting (name, value) VALUES (?1, ?2) "
						 "ON CONFLICT (name) DO NOTHING");
		db_bind_text(put, 1, name);
		db_bind_text(put, 2, hex);
		if (db_exec(put, NULL) != 0)
			return -1;
	}
	return -1;
}

int64_t store_content_epoch(store *s)
{
	struct db_stmt *st = db_prepare(db_of(s), P_EPOCH, "SELECT epoch FROM content_version");
	int64_t epoch = -1;
	return scalar(st, -1, &epoch) == 0 ? epoch : -1;
}
