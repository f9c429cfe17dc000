/* editorial_db: the back office's articles (saving with revisions and conflict checks, lists, revisions),
 * schedules and audit, written once on the seam (db.h) in SQL that SQLite and PostgreSQL both accept. */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "store/backend.h"
#include "store/db.h"
#include "store/public_db.h"
#include "store/editorial.h"
#include "store/search.h"
#include "store/redirects.h"

enum {
	E_REV_OF = 40, /* slots 40-99 of the seam belong to editorial_db.c, 100-139 to records_db.c */
	E_INSERT,
	E_UPDATE,
	E_DEL_PEOPLE,
	E_DEL_REFS,
	E_DEL_SPONSORS,
	E_DEL_TAGS,
	E_ADD_PERSON,
	E_ADD_REF,
	E_ADD_SPONSOR,
	E_TAG_CREATE,
	E_TAG_LINK,
	E_REVISION,
	E_AUDIT,
	E_LIST,
	E_COUNT,
	E_ONE,
	E_REVISIONS,
	E_REVISION_ONE,
	E_DUE,
	E_NEXT,
	E_AUDIT_LIST,
	E_HOLD,
	E_REINDEX,
	E_LAST
};
_Static_assert(E_LAST <= 100, "editorial_db.c owns the seam's statement slots 40 to 99");

/* The advisory lock of store_publish_due: one node of those serving a database publishes at a time. */
#define PUBLISH_LOCK 7283520
/* Saves of one site's articles take turns (this number plus the site's id), as SQLite's one writer does: two
 * saves creating the same new tags never wait for each other's rows. */
#define ARTICLE_SAVE_LOCK 7283800000LL

/* ---- saving an article ---- */

/* Writes the article row: its id, 0 when the slug is taken, -2 when its family has its language, -1 on error.
 * ?10-?13: 0 is none (NULL). */
static int64_t write_row(struct db *d, const struct article_edit *e, int64_t user_id, int64_t rev)
{
	struct db_stmt *st =
	    e->id
		? db_prepare(d, E_UPDATE,
			     "UPDATE article SET slug = ?1, title = ?2, summary = ?3, body = ?4, kind = ?5, "
			     "status = ?6, audience = ?7, video_url = ?8, section_id = ?9, "
			     "congress_id = NULLIF(CAST(?10 AS BIGINT), 0), "
			     "trial_id = NULLIF(CAST(?11 AS BIGINT), 0), "
			     "image_id = NULLIF(CAST(?12 AS BIGINT), 0), "
			     "published_at = NULLIF(CAST(?13 AS BIGINT), 0), updated_at = ?14, "
			     "revision_no = ?15, lang = ?18 WHERE id = ?17 AND site_id = ?16 RETURNING id")
		: db_prepare(
		      d, E_INSERT,
		      "INSERT INTO article (slug, title, summary, body, kind, status, audience, "
		      "video_url, section_id, congress_id, trial_id, image_id, published_at, "
		      "created_at, updated_at, revision_no, site_id, author_id, lang) VALUES (?1, ?2, ?3, "
		      "?4, ?5, ?6, ?7, ?8, ?9, NULLIF(CAST(?10 AS BIGINT), 0), "
		      "NULLIF(CAST(?11 AS BIGINT), 0), NULLIF(CAST(?12 AS BIGINT), 0), "
		      "NULLIF(CAST(?13 AS BIGINT), 0), CAST(?14 AS BIGINT), CAST(?14 AS BIGINT), ?15, "
		      "?16, NULLIF(CAST(?17 AS BIGINT), 0), ?18) RETURNING id");
	const char *text[] = {e->slug, e->title,  e->summary,  e->body,
			      e->kind, e->status, e->audience, e->video_url};
	for (int i = 0; i < 8; i++)
		db_bind_text(st, 1 + i, text[i]);
	db_bind_int64(st, 9, e->section_id);
	db_bind_int64(st, 10, e->congress_id);
	db_bind_int64(st, 11, e->trial_id);
	db_bind_int64(st, 12, e->image_id);
	db_bind_int64(st, 13, e->published_at);
	db_bind_int64(st, 14, db_now());
	db_bind_int64(st, 15, rev);
	db_bind_int64(st, 16, e->site_id);
	db_bind_int64(st, 17, e->id ? e->id : user_id);
	db_bind_text(st, 18, e->lang ? e->lang : "");
	int64_t id = 0;
	int rc = db_exec_id(st, &id);
	/* a slug another article has: 0; a language the family has already: -2 */
	if (rc < 0)
		return !db_unique_violation(d) ? -1 : strcmp(db_unique_column(d), "slug") == 0 ? 0 : -2;
	/* an update of a row that is gone (its revision was read under lock: only a bug) is an error */
	return rc ? id : -1;
}

static int run_id(struct db *d, int slot, const char *sql, int64_t id)
{
	struct db_stmt *st = db_prepare(d, slot, sql);
	db_bind_int64(st, 1, id);
	return db_exec(st, NULL);
}

static int write_people(struct db *d, const struct article_edit *e, int64_t id)
{
	/* the byline first, then the speakers in the form's order (as the demo and the pages have them), then
	 * the people the editor does not edit */
	for (size_t i = 0, at = 0; i < 1 + e->nspeakers + e->nothers; i++) {
		int64_t person = !i		     ? e->interviewer
				 : i <= e->nspeakers ? e->speakers[i - 1]
						     : e->others[i - 1 - e->nspeakers].id;
		const char *role = !i		       ? (e->byline_role ? e->byline_role : "interviewer")
				   : i <= e->nspeakers ? "speaker"
						       : e->others[i - 1 - e->nspeakers].role;
		if (!person)
			continue;
		struct db_stmt *st =
		    db_prepare(d, E_ADD_PERSON,
			       "INSERT INTO article_person (article_id, person_id, role, position) "
			       "VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING");
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, person);
		db_bind_text(st, 3, role);
		db_bind_int64(st, 4, (int64_t)at++);
		if (db_exec(st, NULL))
			return -1;
	}
	return 0;
}

static int write_tags(struct db *d, const struct article_edit *e, int64_t id)
{
	for (size_t i = 0; i < e->ntags; i++) {
		char slug[128];
		text_slug(e->tags[i], slug, sizeof slug);
		if (!slug[0])
			continue;
		/* a tag that exists takes no number from the identity (an insert that conflicts would) */
		struct db_stmt *st = db_prepare(
		    d, E_TAG_CREATE,
		    "INSERT INTO tag (site_id, slug, name) SELECT CAST(?1 AS BIGINT), CAST(?2 AS TEXT), "
		    "CAST(?3 AS TEXT) WHERE NOT EXISTS (SELECT 1 FROM tag WHERE site_id = ?1 AND "
		    "(slug = ?2 OR lower(name) = lower(?3))) ON CONFLICT (site_id, slug) DO NOTHING");
		db_bind_int64(st, 1, e->site_id);
		db_bind_text(st, 2, slug);
		db_bind_text(st, 3, e->tags[i]);
		if (db_exec(st, NULL))
			return -1;
		/* a tag is found by its name first: "MSI-H/dMMR" may have the slug msi-dmmr */
		st = db_prepare(
		    d, E_TAG_LINK,
		    "INSERT INTO article_tag (article_id, tag_id) SELECT CAST(?1 AS BIGINT), id FROM tag "
		    "WHERE site_id = ?2 AND (slug = CAST(?3 AS TEXT) OR lower(name) = lower(CAST(?4 "
		    "AS TEXT))) ORDER BY lower(name) = lower(?4) DESC, id LIMIT 1 ON CONFLICT DO "
		    "NOTHING");
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, e->site_id);
		db_bind_text(st, 3, slug);
		db_bind_text(st, 4, e->tags[i]);
		if (db_exec(st, NULL))
			return -1;
	}
	return 0;
}

static int write_children(struct db *d, const struct article_edit *e, int64_t id)
{
	if (run_id(d, E_DEL_PEOPLE, "DELETE FROM article_person WHERE article_id = ?1", id) ||
	    run_id(d, E_DEL_REFS, "DELETE FROM reference WHERE article_id = ?1", id) ||
	    run_id(d, E_DEL_SPONSORS, "DELETE FROM article_sponsor WHERE article_id = ?1", id) ||
	    run_id(d, E_DEL_TAGS, "DELETE FROM article_tag WHERE article_id = ?1", id) ||
	    write_people(d, e, id))
		return -1;
	for (size_t i = 0; i < e->nrefs; i++) {
		struct db_stmt *st =
		    db_prepare(d, E_ADD_REF,
			       "INSERT INTO reference (article_id, position, citation, abstract_no, "
			       "url) VALUES (?1, ?2, ?3, ?4, ?5)");
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, (int64_t)i);
		db_bind_text(st, 3, e->refs[i].citation);
		db_bind_text(st, 4, e->refs[i].abstract_no);
		db_bind_text(st, 5, e->refs[i].url);
		if (db_exec(st, NULL))
			return -1;
	}
	for (size_t i = 0; i < e->nsponsors; i++) {
		struct db_stmt *st =
		    db_prepare(d, E_ADD_SPONSOR,
			       "INSERT INTO article_sponsor (article_id, sponsor_id) "
			       "SELECT CAST(?1 AS BIGINT), id FROM sponsor WHERE id = ?2 AND "
			       "site_id = ?3 ON CONFLICT DO NOTHING");
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, e->sponsors[i]);
		db_bind_int64(st, 3, e->site_id);
		if (db_exec(st, NULL))
			return -1;
	}
	return write_tags(d, e, id);
}

static int write_revision(struct db *d, const struct article_edit *e, int64_t id, int64_t user_id,
			  int64_t rev)
{
	struct db_stmt *st = db_prepare(
	    d, E_REVISION,
	    "INSERT INTO revision (article_id, created_at, title, summary, body, author_id, status, "
	    "audience, "
	    "published_at, revision_no) VALUES (?1, ?2, ?3, ?4, ?5, NULLIF(CAST(?6 AS BIGINT), 0), ?7, ?8, "
	    "NULLIF(CAST(?9 AS BIGINT), 0), ?10)");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, db_now());
	db_bind_text(st, 3, e->title);
	db_bind_text(st, 4, e->summary);
	db_bind_text(st, 5, e->body);
	db_bind_int64(st, 6, user_id);
	db_bind_text(st, 7, e->status);
	db_bind_text(st, 8, e->audience);
	db_bind_int64(st, 9, e->published_at);
	db_bind_int64(st, 10, rev);
	return db_exec(st, NULL);
}

int db_search_hold(struct db *d, int hold)
{
	/* PostgreSQL's index rewrites wait for the commit and are made once already (006); one row updated at
	 * every save of a long batch would grow a chain of versions each update walks */
	if (!d->drv->search_triggers)
		return 0;
	struct db_stmt *st = db_prepare(d, E_HOLD, "UPDATE search_hold SET hold = ?1");
	db_bind_int(st, 1, hold);
	return db_exec(st, NULL);
}

int db_search_rewrite(struct db *d, const int64_t *ids, size_t n)
{
	if (!d->drv->search_triggers)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (run_id(d, E_REINDEX, "UPDATE article SET search_stamp = search_stamp + 1 WHERE id = ?1",
			   ids[i]))
			return -1;
	return 0;
}

/* The save inside its transaction: SAVE_OK with *id, or why not. */
static enum save_result save_article(store *s, const struct article_edit *e, int64_t user_id, int64_t *id)
{
	struct db *d = db_of(s);
	if (db_xact_lock(d, ARTICLE_SAVE_LOCK + e->site_id, 1) != 1)
		return SAVE_ERROR;
	int64_t rev = 1;
	char moved_from[REDIRECT_MAX_PATH + 1] =
	    ""; /* the old address of a published article whose slug changes */
	if (e->id) {
		/* the row stays locked until the end too (an update of it elsewhere waits), and the second of
		 * two editors saving at once sees the first's revision */
		struct db_stmt *st =
		    db_prepare(d, E_REV_OF,
			       "SELECT revision_no, slug, status FROM article WHERE id = ?1 AND site_id = ?2 "
			       "FOR UPDATE");
		db_bind_int64(st, 1, e->id);
		db_bind_int64(st, 2, e->site_id);
		int rc = db_step(st);
		if (rc != DB_ROW) {
			if (rc == DB_DONE)
				db_reset(st);
			return rc == DB_DONE ? SAVE_NOT_FOUND : SAVE_ERROR;
		}
		int64_t current = db_col_int64(st, 0);
		h2o_mem_pool_t pool;
		h2o_mem_init_pool(&pool);
		const char *slug = db_col_text(st, &pool, 1), *status = db_col_text(st, &pool, 2);
		/* readers may hold links to a published article's address: a new slug leaves a redirect (a
		 * draft's old slug was never public, and a redirect would show where it went) */
		if (strcmp(slug, e->slug) != 0 && strcmp(status, "published") == 0 &&
		    strcmp(e->status, "published") == 0 && strlen(slug) < 900 && strlen(e->slug) < 900)
			snprintf(moved_from, sizeof moved_from, "/article/%s", slug);
		h2o_mem_clear_pool(&pool);
		db_reset(st);
		if (current != e->expected_revision)
			return SAVE_CONFLICT;
		rev = current + 1;
	}
	/* the row and each of its children would rewrite the article's search documents (SQLite's triggers,
	 * 023): held while they are written, then rewritten once (the caller's rollback undoes the hold too);
	 * a batch holds them from its start and rewrites its articles' documents together at its end */
	if (!d->batch && db_search_hold(d, 1) != 0)
		return SAVE_ERROR;
	*id = write_row(d, e, user_id, rev);
	if (*id == 0)
		return SAVE_SLUG_TAKEN;
	if (*id == -2)
		return SAVE_LANG_TAKEN;
	if (*id < 0 || write_children(d, e, *id) != 0 ||
	    (!d->batch && (db_search_hold(d, 0) != 0 || db_search_rewrite(d, id, 1) != 0)) ||
	    write_revision(d, e, *id, user_id, rev) != 0)
		return SAVE_ERROR;
	if (moved_from[0]) {
		char to[REDIRECT_MAX_PATH + 1];
		snprintf(to, sizeof to, "/article/%s", e->slug);
		if (store_redirect_put(s, e->site_id, moved_from, to, "slug", user_id, NULL) != SAVE_OK)
			return SAVE_ERROR;
	}
	char target[32];
	snprintf(target, sizeof target, "article:%lld", (long long)*id);
	if (store_audit(s, user_id, e->id ? "article.update" : "article.create", target, e->status) != 0)
		return SAVE_ERROR;
	/* the article's related list, as each engine keeps it (its search index follows the rows by itself);
	 * in a batch, once at its end */
	if (d->batch)
		return db_rescore_later(d, *id) == 0 ? SAVE_OK : SAVE_ERROR;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int related = store_related_refresh(s, &pool, *id);
	h2o_mem_clear_pool(&pool);
	return related == 0 ? SAVE_OK : SAVE_ERROR;
}

enum save_result store_article_save(store *s, const struct article_edit *e, int64_t user_id, int64_t *id_out)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return SAVE_ERROR;
	int64_t id = 0;
	enum save_result rc = save_article(s, e, user_id, &id);
	if (rc != SAVE_OK) {
		db_rollback(d);
		return rc;
	}
	if (db_commit(d) != 0)
		return SAVE_ERROR;
	*id_out = id;
	return SAVE_OK;
}

/* ---- the back office's list ---- */

/* the public lists' columns and joins, and the status, author and revision the back office shows */
#define ADMIN_COLS                                                                                           \
	DB_ARTICLE_COLS ", a.status, COALESCE(u.name, ''), a.revision_no, COALESCE(a.author_id, 0) "
#define ADMIN_JOINS DB_ARTICLE_JOINS "LEFT JOIN \"user\" u ON u.id = a.author_id "
/* ?6 is the title's words, ASCII letters in lower case (like_pattern): SQLite's lower() folds ASCII letters
 * only, and so does PostgreSQL's of a column in the "C" collation (every text column of its schema) */
#define ADMIN_FILTER                                                                                         \
	"a.site_id = ?1 AND (CAST(?2 AS BIGINT) = 0 OR a.section_id = ?2) "                                  \
	"AND (CAST(?3 AS BIGINT) = 0 OR a.congress_id = ?3) AND (CAST(?4 AS BIGINT) = 0 OR a.author_id = "   \
	"?4) "                                                                                               \
	"AND (CAST(?5 AS TEXT) = '' OR a.status = ?5) "                                                      \
	"AND (CAST(?6 AS TEXT) = '' OR lower(a.title) LIKE ('%' || ?6 || '%') ESCAPE '\\') "

static void fill_admin(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct article *x = item;
	enum { C = DB_ARTICLE_NCOLS };
	db_fill_article_cols(pool, st, x);
	x->status = db_col_text(st, pool, C);
	x->author_name = db_col_text(st, pool, C + 1);
	x->revision_no = db_col_int64(st, C + 2);
	x->author_id = db_col_int64(st, C + 3);
}

/* fill_admin and the columns of one article's page */
static void fill_admin_full(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct article *x = item;
	enum { C = DB_ARTICLE_NCOLS };
	fill_admin(pool, st, x);
	x->body = db_col_text(st, pool, C + 4);
	x->video_url = db_col_text(st, pool, C + 5);
	x->image.id = db_col_int64(st, C + 6);
	x->body_allowed = 1;
}

/* The pattern of a title search: LIKE's wildcards are literal characters, ASCII letters lower case. */
static const char *like_pattern(h2o_mem_pool_t *pool, const char *q)
{
	size_t n = strlen(q);
	char *out = h2o_mem_alloc_pool(pool, 2 * n + 1), *o = out;
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*o++ = '\\';
		*o++ = *q >= 'A' && *q <= 'Z' ? (char)(*q - 'A' + 'a') : *q;
	}
	*o = '\0';
	return out;
}

static void bind_admin_filter(h2o_mem_pool_t *pool, struct db_stmt *st, const struct admin_filter *f)
{
	db_bind_int64(st, 1, f->site_id);
	db_bind_int64(st, 2, f->section_id);
	db_bind_int64(st, 3, f->congress_id);
	db_bind_int64(st, 4, f->author_id);
	db_bind_text(st, 5, f->status ? f->status : "");
	db_bind_text(st, 6, f->q ? like_pattern(pool, f->q) : "");
}

int store_admin_articles(store *s, h2o_mem_pool_t *pool, const struct admin_filter *f, size_t offset,
			 size_t limit, struct article **out, size_t *n, size_t *total)
{
	struct db *d = db_of(s);
	struct db_stmt *st = db_prepare(d, E_COUNT, "SELECT count(*) FROM article a WHERE " ADMIN_FILTER);
	bind_admin_filter(pool, st, f);
	int64_t count = 0;
	if (db_value(st, &count) < 0)
		return -1;
	*total = (size_t)count;
	st = db_prepare(d, E_LIST,
			"SELECT " ADMIN_COLS ADMIN_JOINS "WHERE " ADMIN_FILTER
			"ORDER BY a.updated_at DESC, a.id DESC LIMIT ?7 OFFSET ?8");
	bind_admin_filter(pool, st, f);
	db_bind_int64(st, 7, (int64_t)limit);
	db_bind_int64(st, 8, (int64_t)offset);
	return db_collect(st, pool, sizeof **out, fill_admin, (void **)out, n);
}

int store_admin_article(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct article *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), E_ONE,
		       "SELECT " ADMIN_COLS ", a.body, a.video_url, COALESCE(a.image_id, 0) " ADMIN_JOINS
		       "WHERE a.id = ?1 AND a.site_id = ?2");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, site_id);
	memset(out, 0, sizeof *out);
	int found = db_one(st, pool, fill_admin_full, out);
	if (found != 1)
		return found;
	/* the parts as the public pages read them */
	return db_article_parts(s, pool, out) == 0 ? 1 : -1;
}

/* ---- revisions ---- */

static void fill_revision(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct revision *x = item;
	x->id = db_col_int64(st, 0);
	x->created_at = db_col_int64(st, 1);
	x->title = db_col_text(st, pool, 2);
	x->summary = db_col_text(st, pool, 3);
	x->body = db_col_text(st, pool, 4);
	x->status = db_col_text(st, pool, 5);
	x->audience = db_col_text(st, pool, 6);
	x->published_at = db_col_int64(st, 7);
	x->revision_no = db_col_int64(st, 8);
	x->author_name = db_col_text(st, pool, 9);
}

#define REVISION_SELECT                                                                                      \
	"SELECT r.id, r.created_at, r.title, r.summary, r.body, r.status, r.audience, "                      \
	"COALESCE(r.published_at, 0), r.revision_no, COALESCE(u.name, '') FROM revision r "                  \
	"LEFT JOIN \"user\" u ON u.id = r.author_id "

int store_revisions(store *s, h2o_mem_pool_t *pool, int64_t article_id, struct revision **out, size_t *n)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), E_REVISIONS, REVISION_SELECT "WHERE r.article_id = ?1 ORDER BY r.id DESC LIMIT 200");
	db_bind_int64(st, 1, article_id);
	return db_collect(st, pool, sizeof **out, fill_revision, (void **)out, n);
}

int store_revision(store *s, h2o_mem_pool_t *pool, int64_t article_id, int64_t revision_id,
		   struct revision *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), E_REVISION_ONE, REVISION_SELECT "WHERE r.article_id = ?1 AND r.id = ?2");
	db_bind_int64(st, 1, article_id);
	db_bind_int64(st, 2, revision_id);
	return db_one(st, pool, fill_revision, out);
}

/* ---- schedules ---- */

/* Keeps id among the max smallest of ids[0..*n), in rising order. */
static void keep_smallest(int64_t *ids, size_t max, size_t *n, int64_t id)
{
	if (*n == max && (!max || id >= ids[max - 1]))
		return;
	size_t at = *n < max ? (*n)++ : max - 1;
	for (; at > 0 && ids[at - 1] > id; at--)
		ids[at] = ids[at - 1];
	ids[at] = id;
}

int store_publish_due(store *s, int64_t *ids, size_t max, size_t *n)
{
	/* every node's scheduler calls this: the one that holds the lock publishes, the others publish
	 * nothing this tick; the update itself takes only the rows still scheduled, so none is published
	 * twice even without the lock */
	*n = 0;
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return -1;
	int locked = db_xact_lock(d, PUBLISH_LOCK, 0);
	if (locked < 0)
		goto fail;
	if (locked) {
		struct db_stmt *st =
		    db_prepare(d, E_DUE,
			       "UPDATE article SET status = 'published' WHERE status = 'scheduled' "
			       "AND published_at <= ?1 RETURNING id");
		db_bind_int64(st, 1, db_now());
		int rc;
		while ((rc = db_step(st)) == DB_ROW)
			keep_smallest(ids, max, n, db_col_int64(st, 0));
		if (rc != DB_DONE)
			goto fail;
		db_reset(st);
	}
	if (db_commit(d) != 0) {
		*n = 0;
		return -1;
	}
	return 0;
fail:
	*n = 0;
	db_rollback(d);
	return -1;
}

int64_t store_next_scheduled(store *s)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), E_NEXT,
		       "SELECT COALESCE(min(published_at), 0) FROM article WHERE status = 'scheduled'");
	int64_t when = 0;
	return db_value(st, &when) == 1 ? when : 0;
}

/* ---- audit ---- */

int store_audit(store *s, int64_t user_id, const char *action, const char *target, const char *detail)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), E_AUDIT,
	    "INSERT INTO audit_log (at, user_id, user_email, action, target, detail) VALUES (?1, "
	    "NULLIF(CAST(?2 AS BIGINT), 0), COALESCE((SELECT email FROM \"user\" WHERE id = ?2), ''), "
	    "?3, ?4, ?5)");
	db_bind_int64(st, 1, db_now());
	db_bind_int64(st, 2, user_id);
	db_bind_text(st, 3, action);
	db_bind_text(st, 4, target);
	db_bind_text(st, 5, detail ? detail : "");
	return db_exec(st, NULL);
}

static void fill_audit(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct audit_entry *x = item;
	x->at = db_col_int64(st, 0);
	x->user_email = db_col_text(st, pool, 1);
	x->action = db_col_text(st, pool, 2);
	x->target = db_col_text(st, pool, 3);
	x->detail = db_col_text(st, pool, 4);
}

int store_audit_list(store *s, h2o_mem_pool_t *pool, size_t limit, struct audit_entry **out, size_t *n)
{
	struct db_stmt *st = db_prepare(db_of(s), E_AUDIT_LIST,
					"SELECT at, user_email, action, target, detail FROM audit_log "
					"ORDER BY at DESC, id DESC LIMIT ?1");
	db_bind_int64(st, 1, (int64_t)limit);
	return db_collect(st, pool, sizeof **out, fill_audit, (void **)out, n);
}
