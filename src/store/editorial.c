/* editorial: the back office's queries: any status, saving with revisions and conflict checks, schedules,
 * audit. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/text.h"
#include "store/sqlite_int.h"

enum {
	E_FIRST = 40, /* slots below were users.c's (now on the seam, db.h) */
	E_REV_OF,
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
	E_PEOPLE,
	E_TRIALS,
	E_SPONSORS,
	E_PERSON_INSERT,
	E_PERSON_UPDATE,
	E_PERSON_ONE,
	E_CONGRESS_INSERT,
	E_CONGRESS_UPDATE,
	E_CONGRESS_ONE,
	E_TRIAL_INSERT,
	E_TRIAL_UPDATE,
	E_TRIAL_ONE,
	E_SPONSOR_INSERT,
	E_SPONSOR_UPDATE,
	E_SPONSOR_ONE,
	E_LIVE,
	E_LAST
};
_Static_assert(E_LAST <= 80 && E_LAST <= SQ_MORE_STATEMENTS, "statement slots 40-79 belong to editorial.c");

static void bind_id(sqlite3_stmt *st, int i, int64_t v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

/* Writes the article row; returns its id, 0 when the slug is taken, -1 on error. */
static int64_t write_row(store *s, const struct article_edit *e, int64_t user_id, int64_t rev)
{
	sqlite3_stmt *st =
	    e->id
		? sq_prepare(
		      s, E_UPDATE,
		      "UPDATE article SET slug = ?2, title = ?3, summary = ?4, body = ?5, kind = ?6, "
		      "status = ?7, audience = ?8, video_url = ?9, section_id = ?10, congress_id = ?11, "
		      "trial_id = ?12, image_id = ?18, published_at = ?13, updated_at = ?14, revision_no = "
		      "?15 "
		      "WHERE id = ?1 AND site_id = ?16")
		: sq_prepare(
		      s, E_INSERT,
		      "INSERT INTO article (slug, title, summary, body, kind, status, audience, video_url, "
		      "section_id, congress_id, trial_id, published_at, created_at, updated_at, revision_no, "
		      "site_id, author_id, image_id) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		      "?13, "
		      "?14, ?14, ?15, ?16, NULLIF(?17, 0), ?18)");
	if (e->id)
		sqlite3_bind_int64(st, 1, e->id);
	sq_bind_text(st, 2, e->slug);
	sq_bind_text(st, 3, e->title);
	sq_bind_text(st, 4, e->summary);
	sq_bind_text(st, 5, e->body);
	sq_bind_text(st, 6, e->kind);
	sq_bind_text(st, 7, e->status);
	sq_bind_text(st, 8, e->audience);
	sq_bind_text(st, 9, e->video_url);
	sqlite3_bind_int64(st, 10, e->section_id);
	bind_id(st, 11, e->congress_id);
	bind_id(st, 12, e->trial_id);
	bind_id(st, 13, e->published_at);
	sqlite3_bind_int64(st, 14, store_now());
	sqlite3_bind_int64(st, 15, rev);
	sqlite3_bind_int64(st, 16, e->site_id);
	if (!e->id)
		sqlite3_bind_int64(st, 17, user_id);
	bind_id(st, 18, e->image_id);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT && sqlite3_extended_errcode(sq_db(s)) == SQLITE_CONSTRAINT_UNIQUE) {
		sqlite3_reset(st);
		return 0;
	}
	if (rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return e->id ? e->id : sqlite3_last_insert_rowid(sq_db(s));
}

static int run_id(store *s, int slot, const char *sql, int64_t id)
{
	sqlite3_stmt *st = sq_prepare(s, slot, sql);
	sqlite3_bind_int64(st, 1, id);
	return sq_exec(s, st, NULL);
}

static int write_children(store *s, const struct article_edit *e, int64_t id)
{
	if (run_id(s, E_DEL_PEOPLE, "DELETE FROM article_person WHERE article_id = ?1", id) ||
	    run_id(s, E_DEL_REFS, "DELETE FROM reference WHERE article_id = ?1", id) ||
	    run_id(s, E_DEL_SPONSORS, "DELETE FROM article_sponsor WHERE article_id = ?1", id) ||
	    run_id(s, E_DEL_TAGS, "DELETE FROM article_tag WHERE article_id = ?1", id))
		return -1;
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
		sqlite3_stmt *st =
		    sq_prepare(s, E_ADD_PERSON,
			       "INSERT OR IGNORE INTO article_person (article_id, person_id, role, position) "
			       "VALUES (?1, ?2, ?3, ?4)");
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, person);
		sq_bind_text(st, 3, role);
		sqlite3_bind_int64(st, 4, (int64_t)at++);
		if (sq_exec(s, st, NULL))
			return -1;
	}
	for (size_t i = 0; i < e->nrefs; i++) {
		sqlite3_stmt *st =
		    sq_prepare(s, E_ADD_REF,
			       "INSERT INTO reference (article_id, position, citation, abstract_no, url) "
			       "VALUES (?1, ?2, ?3, ?4, ?5)");
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, (int64_t)i);
		sq_bind_text(st, 3, e->refs[i].citation);
		sq_bind_text(st, 4, e->refs[i].abstract_no);
		sq_bind_text(st, 5, e->refs[i].url);
		if (sq_exec(s, st, NULL))
			return -1;
	}
	for (size_t i = 0; i < e->nsponsors; i++) {
		sqlite3_stmt *st =
		    sq_prepare(s, E_ADD_SPONSOR,
			       "INSERT OR IGNORE INTO article_sponsor (article_id, sponsor_id) "
			       "SELECT ?1, id FROM sponsor WHERE id = ?2 AND site_id = ?3");
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, e->sponsors[i]);
		sqlite3_bind_int64(st, 3, e->site_id);
		if (sq_exec(s, st, NULL))
			return -1;
	}
	for (size_t i = 0; i < e->ntags; i++) {
		char slug[128];
		text_slug(e->tags[i], slug, sizeof slug);
		if (!slug[0])
			continue;
		/* a tag is found by its name first: "MSI-H/dMMR" may have the slug msi-dmmr */
		sqlite3_stmt *st =
		    sq_prepare(s, E_TAG_CREATE,
			       "INSERT INTO tag (site_id, slug, name) SELECT ?1, ?2, ?3 WHERE NOT EXISTS "
			       "(SELECT 1 FROM tag WHERE site_id = ?1 AND lower(name) = lower(?3)) "
			       "ON CONFLICT (site_id, slug) DO NOTHING");
		sqlite3_bind_int64(st, 1, e->site_id);
		sq_bind_text(st, 2, slug);
		sq_bind_text(st, 3, e->tags[i]);
		if (sq_exec(s, st, NULL))
			return -1;
		st = sq_prepare(
		    s, E_TAG_LINK,
		    "INSERT OR IGNORE INTO article_tag (article_id, tag_id) "
		    "SELECT ?1, id FROM tag WHERE site_id = ?2 AND (lower(name) = lower(?4) OR slug = ?3) "
		    "ORDER BY lower(name) = lower(?4) DESC, id LIMIT 1");
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int64(st, 2, e->site_id);
		sq_bind_text(st, 3, slug);
		sq_bind_text(st, 4, e->tags[i]);
		if (sq_exec(s, st, NULL))
			return -1;
	}
	return 0;
}

static int write_revision(store *s, const struct article_edit *e, int64_t id, int64_t user_id, int64_t rev)
{
	sqlite3_stmt *st =
	    sq_prepare(s, E_REVISION,
		       "INSERT INTO revision (article_id, created_at, title, summary, body, author_id, "
		       "status, audience, published_at, revision_no) "
		       "VALUES (?1, ?2, ?3, ?4, ?5, NULLIF(?6, 0), ?7, ?8, ?9, ?10)");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, store_now());
	sq_bind_text(st, 3, e->title);
	sq_bind_text(st, 4, e->summary);
	sq_bind_text(st, 5, e->body);
	sqlite3_bind_int64(st, 6, user_id);
	sq_bind_text(st, 7, e->status);
	sq_bind_text(st, 8, e->audience);
	bind_id(st, 9, e->published_at);
	sqlite3_bind_int64(st, 10, rev);
	return sq_exec(s, st, NULL);
}

enum save_result sq_store_article_save(store *s, const struct article_edit *e, int64_t user_id,
				       int64_t *id_out)
{
	if (sq_run(s, "BEGIN IMMEDIATE") != 0)
		return SAVE_ERROR;
	int64_t rev = 1;
	enum save_result result = SAVE_ERROR;
	if (e->id) {
		sqlite3_stmt *st =
		    sq_prepare(s, E_REV_OF, "SELECT revision_no FROM article WHERE id = ?1 AND site_id = ?2");
		sqlite3_bind_int64(st, 1, e->id);
		sqlite3_bind_int64(st, 2, e->site_id);
		int rc = sqlite3_step(st);
		int64_t current = rc == SQLITE_ROW ? sq_col_i64(st, 0) : -1;
		sqlite3_reset(st);
		if (current < 0) {
			result = SAVE_NOT_FOUND;
			goto out;
		}
		if (current != e->expected_revision) {
			result = SAVE_CONFLICT;
			goto out;
		}
		rev = current + 1;
	}
	int64_t id = write_row(s, e, user_id, rev);
	if (id == 0) {
		result = SAVE_SLUG_TAKEN;
		goto out;
	}
	if (id < 0 || write_children(s, e, id) != 0 || write_revision(s, e, id, user_id, rev) != 0)
		goto out;
	char target[32];
	snprintf(target, sizeof target, "article:%lld", (long long)id);
	if (store_audit(s, user_id, e->id ? "article.update" : "article.create", target, e->status) != 0)
		goto out;
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int related = store_related_refresh(s, &pool, id);
	h2o_mem_clear_pool(&pool);
	if (related != 0)
		goto out;
	if (sq_run(s, "COMMIT") != 0)
		goto out;
	*id_out = id;
	return SAVE_OK;
out:
	sq_run(s, "ROLLBACK");
	return result;
}

#define ADMIN_COLS                                                                                           \
	"a.id, a.slug, a.title, a.summary, a.kind, a.audience, IFNULL(a.published_at, 0), a.updated_at, "    \
	"s.id, "                                                                                             \
	"s.slug, s.name, IFNULL(c.id, 0), IFNULL(c.slug, ''), IFNULL(c.name, ''), IFNULL(c.year, 0), "       \
	"IFNULL(t.id, 0), IFNULL(t.slug, ''), IFNULL(t.name, ''), a.status, IFNULL(u.name, ''), "            \
	"a.revision_no, "                                                                                    \
	"IFNULL(a.author_id, 0) "
#define ADMIN_JOINS                                                                                          \
	"FROM article a JOIN section s ON s.id = a.section_id LEFT JOIN congress c ON c.id = a.congress_id " \
	"LEFT JOIN trial t ON t.id = a.trial_id LEFT JOIN user u ON u.id = a.author_id "
#define ADMIN_FILTER                                                                                         \
	"a.site_id = ?1 AND (?2 = 0 OR a.section_id = ?2) AND (?3 = 0 OR a.congress_id = ?3) "               \
	"AND (?4 = 0 OR a.author_id = ?4) AND (?5 = '' OR a.status = ?5) "                                   \
	"AND (?6 = '' OR a.title LIKE '%' || ?6 || '%' ESCAPE '\\') "

static void fill_admin(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct article *x = item;
	sq_fill_article_cols(pool, st, x);
	x->status = sq_col_str(pool, st, 18);
	x->author_name = sq_col_str(pool, st, 19);
	x->revision_no = sq_col_i64(st, 20);
	x->author_id = sq_col_i64(st, 21);
	if (sqlite3_column_count(st) > 22) {
		x->body = sq_col_str(pool, st, 22);
		x->video_url = sq_col_str(pool, st, 23);
		x->image.id = sq_col_i64(st, 24);
		x->body_allowed = 1;
	}
}

/* LIKE wildcards in a search are literal characters */
static const char *like_escape(h2o_mem_pool_t *pool, const char *q)
{
	size_t n = strlen(q);
	char *out = h2o_mem_alloc_pool(pool, 2 * n + 1), *o = out;
	for (; *q; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			*o++ = '\\';
		*o++ = *q;
	}
	*o = '\0';
	return out;
}

static void bind_admin_filter(h2o_mem_pool_t *pool, sqlite3_stmt *st, const struct admin_filter *f)
{
	sqlite3_bind_int64(st, 1, f->site_id);
	sqlite3_bind_int64(st, 2, f->section_id);
	sqlite3_bind_int64(st, 3, f->congress_id);
	sqlite3_bind_int64(st, 4, f->author_id);
	sq_bind_text(st, 5, f->status ? f->status : "");
	sq_bind_text(st, 6, f->q ? like_escape(pool, f->q) : "");
}

int sq_store_admin_articles(store *s, h2o_mem_pool_t *pool, const struct admin_filter *f, size_t offset,
			    size_t limit, struct article **out, size_t *n, size_t *total)
{
	sqlite3_stmt *st = sq_prepare(s, E_COUNT, "SELECT count(*) FROM article a WHERE " ADMIN_FILTER);
	bind_admin_filter(pool, st, f);
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_step_error(s, st);
	*total = (size_t)sq_col_i64(st, 0);
	sqlite3_reset(st);
	st = sq_prepare(s, E_LIST,
			"SELECT " ADMIN_COLS ADMIN_JOINS "WHERE " ADMIN_FILTER
			"ORDER BY a.updated_at DESC, a.id DESC LIMIT ?7 OFFSET ?8");
	bind_admin_filter(pool, st, f);
	sqlite3_bind_int64(st, 7, (int64_t)limit);
	sqlite3_bind_int64(st, 8, (int64_t)offset);
	return sq_collect(s, pool, st, sizeof **out, fill_admin, (void **)out, n);
}

int sq_store_admin_article(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct article *out)
{
	sqlite3_stmt *st = sq_prepare(s, E_ONE,
				      "SELECT " ADMIN_COLS ", a.body, a.video_url, a.image_id " ADMIN_JOINS
				      "WHERE a.id = ?1 AND a.site_id = ?2");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, site_id);
	memset(out, 0, sizeof *out);
	int found = sq_one(s, pool, st, fill_admin, out);
	if (found != 1)
		return found;
	return store_article_parts(s, pool, out) == 0 ? 1 : -1;
}

static void fill_revision(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct revision *x = item;
	x->id = sq_col_i64(st, 0);
	x->created_at = sq_col_i64(st, 1);
	x->title = sq_col_str(pool, st, 2);
	x->summary = sq_col_str(pool, st, 3);
	x->body = sq_col_str(pool, st, 4);
	x->status = sq_col_str(pool, st, 5);
	x->audience = sq_col_str(pool, st, 6);
	x->published_at = sq_col_i64(st, 7);
	x->revision_no = sq_col_i64(st, 8);
	x->author_name = sq_col_str(pool, st, 9);
}

#define REVISION_SELECT                                                                                      \
	"SELECT r.id, r.created_at, r.title, r.summary, r.body, r.status, r.audience, "                      \
	"IFNULL(r.published_at, 0), "                                                                        \
	"r.revision_no, IFNULL(u.name, '') FROM revision r LEFT JOIN user u ON u.id = r.author_id "

int sq_store_revisions(store *s, h2o_mem_pool_t *pool, int64_t article_id, struct revision **out, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(s, E_REVISIONS,
				      REVISION_SELECT "WHERE r.article_id = ?1 ORDER BY r.id DESC LIMIT 200");
	sqlite3_bind_int64(st, 1, article_id);
	return sq_collect(s, pool, st, sizeof **out, fill_revision, (void **)out, n);
}

int sq_store_revision(store *s, h2o_mem_pool_t *pool, int64_t article_id, int64_t revision_id,
		      struct revision *out)
{
	sqlite3_stmt *st =
	    sq_prepare(s, E_REVISION_ONE, REVISION_SELECT "WHERE r.article_id = ?1 AND r.id = ?2");
	sqlite3_bind_int64(st, 1, article_id);
	sqlite3_bind_int64(st, 2, revision_id);
	return sq_one(s, pool, st, fill_revision, out);
}

int sq_store_publish_due(store *s, int64_t *ids, size_t max, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(s, E_DUE,
				      "UPDATE article SET status = 'published' WHERE status = 'scheduled' "
				      "AND published_at <= ?1 RETURNING id");
	sqlite3_bind_int64(st, 1, store_now());
	return sq_ids(s, st, ids, max, n);
}

int64_t sq_store_next_scheduled(store *s)
{
	sqlite3_stmt *st = sq_prepare(
	    s, E_NEXT, "SELECT IFNULL(min(published_at), 0) FROM article WHERE status = 'scheduled'");
	int64_t when = 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		when = sq_col_i64(st, 0);
	sqlite3_reset(st);
	return when;
}

int sq_store_audit(store *s, int64_t user_id, const char *action, const char *target, const char *detail)
{
	sqlite3_stmt *st =
	    sq_prepare(s, E_AUDIT,
		       "INSERT INTO audit_log (at, user_id, user_email, action, target, detail) "
		       "VALUES (?1, NULLIF(?2, 0), IFNULL((SELECT email FROM user WHERE id = ?2), ''), "
		       "?3, ?4, ?5)");
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, user_id);
	sq_bind_text(st, 3, action);
	sq_bind_text(st, 4, target);
	sq_bind_text(st, 5, detail ? detail : "");
	return sq_exec(s, st, NULL);
}

static void fill_audit(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct audit_entry *x = item;
	x->at = sq_col_i64(st, 0);
	x->user_email = sq_col_str(pool, st, 1);
	x->action = sq_col_str(pool, st, 2);
	x->target = sq_col_str(pool, st, 3);
	x->detail = sq_col_str(pool, st, 4);
}

int sq_store_audit_list(store *s, h2o_mem_pool_t *pool, size_t limit, struct audit_entry **out, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(s, E_AUDIT_LIST,
				      "SELECT at, user_email, action, target, detail FROM audit_log "
				      "ORDER BY at DESC, id DESC LIMIT ?1");
	sqlite3_bind_int64(st, 1, (int64_t)limit);
	return sq_collect(s, pool, st, sizeof **out, fill_audit, (void **)out, n);
}

static void fill_named(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct named *x = item;
	x->id = sq_col_i64(st, 0);
	x->name = sq_col_str(pool, st, 1);
	x->detail = sq_col_str(pool, st, 2);
}

int sq_store_people_all(store *s, h2o_mem_pool_t *pool, struct named **out, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(s, E_PEOPLE, "SELECT id, name, affiliation FROM person ORDER BY name");
	return sq_collect(s, pool, st, sizeof **out, fill_named, (void **)out, n);
}

int sq_store_trials_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(
	    s, E_TRIALS, "SELECT id, name, registry_id FROM trial WHERE site_id = ?1 ORDER BY name");
	sqlite3_bind_int64(st, 1, site_id);
	return sq_collect(s, pool, st, sizeof **out, fill_named, (void **)out, n);
}

int sq_store_sponsors_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n)
{
	sqlite3_stmt *st = sq_prepare(
	    s, E_SPONSORS, "SELECT id, name, disclosure FROM sponsor WHERE site_id = ?1 ORDER BY name");
	sqlite3_bind_int64(st, 1, site_id);
	return sq_collect(s, pool, st, sizeof **out, fill_named, (void **)out, n);
}

enum save_result sq_audit_record(store *s, int64_t user_id, const char *kind, const char *verb, int64_t id,
				 const char *detail)
{
	char target[48], action[48];
	snprintf(target, sizeof target, "%s:%lld", kind, (long long)id);
	snprintf(action, sizeof action, "%s.%s", kind, verb);
	return store_audit(s, user_id, action, target, detail) == 0 ? SAVE_OK : SAVE_ERROR;
}

/* The column a UNIQUE constraint names ("UNIQUE constraint failed: tag.site_id, tag.slug" gives "slug"). */
static const char *unique_column(store *s)
{
	static const char *const known[] = {"slug", "name", "host", "path"};
	const char *msg = sqlite3_errmsg(sq_db(s)), *dot = strrchr(msg, '.');
	for (size_t i = 0; dot && i < sizeof known / sizeof known[0]; i++)
		if (strcmp(dot + 1, known[i]) == 0)
			return known[i];
	return "";
}

enum save_result sq_save_row(store *s, sqlite3_stmt *st, int64_t id, const char *kind, int64_t user_id,
			     const char *detail, int64_t *id_out, const char **taken)
{
	if (taken)
		*taken = "";
	int rc = sqlite3_step(st);
	if (rc == SQLITE_CONSTRAINT && sqlite3_extended_errcode(sq_db(s)) == SQLITE_CONSTRAINT_UNIQUE) {
		if (taken)
			*taken = unique_column(s);
		sqlite3_reset(st);
		return SAVE_SLUG_TAKEN;
	}
	if (rc != SQLITE_DONE) {
		sq_step_error(s, st);
		return SAVE_ERROR;
	}
	sqlite3_reset(st);
	if (id && sqlite3_changes(sq_db(s)) == 0)
		return SAVE_NOT_FOUND;
	*id_out = id ? id : sqlite3_last_insert_rowid(sq_db(s));
	return sq_audit_record(s, user_id, kind, id ? "update" : "create", *id_out, detail);
}

enum save_result sq_store_person_save(store *s, const struct person *p, const char *bio, int64_t user_id,
				      int64_t *id_out)
{
	sqlite3_stmt *st =
	    p->id
		? sq_prepare(s, E_PERSON_UPDATE,
			     "UPDATE person SET slug = ?2, name = ?3, title = ?4, affiliation = ?5, bio = ?6 "
			     "WHERE id = ?1")
		: sq_prepare(
		      s, E_PERSON_INSERT,
		      "INSERT INTO person (slug, name, title, affiliation, bio) VALUES (?2, ?3, ?4, ?5, ?6)");
	if (p->id)
		sqlite3_bind_int64(st, 1, p->id);
	sq_bind_text(st, 2, p->slug);
	sq_bind_text(st, 3, p->name);
	sq_bind_text(st, 4, p->title);
	sq_bind_text(st, 5, p->affiliation);
	sq_bind_text(st, 6, bio);
	return sq_save_row(s, st, p->id, "person", user_id, p->name, id_out, NULL);
}

static void fill_person_bio(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct person *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->title = sq_col_str(pool, st, 3);
	x->affiliation = sq_col_str(pool, st, 4);
	x->role = sq_col_str(pool, st, 5); /* the bio travels in role; the caller moves it */
}

int sq_store_person_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct person *out, const char **bio)
{
	sqlite3_stmt *st = sq_prepare(
	    s, E_PERSON_ONE, "SELECT id, slug, name, title, affiliation, bio FROM person WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	memset(out, 0, sizeof *out);
	int found = sq_one(s, pool, st, fill_person_bio, out);
	if (found == 1) {
		*bio = out->role;
		out->role = "";
	}
	return found;
}

enum save_result sq_store_congress_save(store *s, int64_t site_id, const struct congress *c, int64_t user_id,
					int64_t *id_out)
{
	sqlite3_stmt *st =
	    c->id
		? sq_prepare(
		      s, E_CONGRESS_UPDATE,
		      "UPDATE congress SET slug = ?3, name = ?4, full_name = ?5, year = ?6, starts_on = ?7, "
		      "ends_on = ?8, city = ?9, country = ?10, description = ?11 WHERE id = ?1 AND site_id = "
		      "?2")
		: sq_prepare(
		      s, E_CONGRESS_INSERT,
		      "INSERT INTO congress (site_id, slug, name, full_name, year, starts_on, ends_on, city, "
		      "country, description) VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
	if (c->id)
		sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int64(st, 2, site_id);
	sq_bind_text(st, 3, c->slug);
	sq_bind_text(st, 4, c->name);
	sq_bind_text(st, 5, c->full_name);
	sqlite3_bind_int(st, 6, c->year);
	sq_bind_text(st, 7, c->starts_on);
	sq_bind_text(st, 8, c->ends_on);
	sq_bind_text(st, 9, c->city);
	sq_bind_text(st, 10, c->country);
	sq_bind_text(st, 11, c->description);
	return sq_save_row(s, st, c->id, "congress", user_id, c->name, id_out, NULL);
}

int sq_store_congress_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct congress *out)
{
	sqlite3_stmt *st =
	    sq_prepare(s, E_CONGRESS_ONE,
		       "SELECT id, slug, name, full_name, year, starts_on, ends_on, city, country, "
		       "description FROM congress WHERE id = ?1 AND site_id = ?2");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, site_id);
	memset(out, 0, sizeof *out);
	return sq_one(s, pool, st, sq_fill_congress, out);
}

enum save_result sq_store_trial_save(store *s, int64_t site_id, const struct trial_edit *t, int64_t user_id,
				     int64_t *id_out)
{
	sqlite3_stmt *st =
	    t->id ? sq_prepare(
			s, E_TRIAL_UPDATE,
			"UPDATE trial SET slug = ?3, name = ?4, aliases = ?5, registry_id = ?6, phase = ?7, "
			"setting = ?8, population = ?9, arms = ?10, primary_endpoint = ?11, results = ?12, "
			"status = ?13 WHERE id = ?1 AND site_id = ?2")
		  : sq_prepare(s, E_TRIAL_INSERT,
			       "INSERT INTO trial (site_id, slug, name, aliases, registry_id, phase, "
			       "setting, population, "
			       "arms, primary_endpoint, results, status) "
			       "VALUES (?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)");
	if (t->id)
		sqlite3_bind_int64(st, 1, t->id);
	sqlite3_bind_int64(st, 2, site_id);
	const char *v[] = {t->slug,	  t->name, t->aliases,		t->registry_id, t->phase, t->setting,
			   t->population, t->arms, t->primary_endpoint, t->results,	t->status};
	for (int i = 0; i < 11; i++)
		sq_bind_text(st, 3 + i, v[i]);
	return sq_save_row(s, st, t->id, "trial", user_id, t->name, id_out, NULL);
}

static void fill_trial_edit(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct trial_edit *x = item;
	x->id = sq_col_i64(st, 0);
	const char **f[] = {&x->slug,	 &x->name,	 &x->aliases, &x->registry_id,	    &x->phase,
			    &x->setting, &x->population, &x->arms,    &x->primary_endpoint, &x->results,
			    &x->status};
	for (int i = 0; i < 11; i++)
		*f[i] = sq_col_str(pool, st, 1 + i);
}

int sq_store_trial_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct trial_edit *out)
{
	sqlite3_stmt *st = sq_prepare(
	    s, E_TRIAL_ONE,
	    "SELECT id, slug, name, aliases, registry_id, phase, setting, population, arms, "
	    "primary_endpoint, results, status FROM trial WHERE site_id = ?2 AND (id = ?1 OR slug = ?3)");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, site_id);
	sq_bind_text(st, 3, "");
	return sq_one(s, pool, st, fill_trial_edit, out);
}

int sq_store_trial_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			   struct trial_edit *out)
{
	sqlite3_stmt *st = sq_prepare(
	    s, E_TRIAL_ONE,
	    "SELECT id, slug, name, aliases, registry_id, phase, setting, population, arms, "
	    "primary_endpoint, results, status FROM trial WHERE site_id = ?2 AND (id = ?1 OR slug = ?3)");
	sqlite3_bind_int64(st, 1, 0);
	sqlite3_bind_int64(st, 2, site_id);
	sq_bind_text(st, 3, slug);
	return sq_one(s, pool, st, fill_trial_edit, out);
}

enum save_result sq_store_sponsor_save(store *s, int64_t site_id, const struct sponsor *p, int64_t user_id,
				       int64_t *id_out)
{
	sqlite3_stmt *st =
	    p->id ? sq_prepare(s, E_SPONSOR_UPDATE,
			       "UPDATE sponsor SET slug = ?3, name = ?4, url = ?5, logo = ?6, "
			       "disclosure = ?7 WHERE id = ?1 AND site_id = ?2")
		  : sq_prepare(s, E_SPONSOR_INSERT,
			       "INSERT INTO sponsor (site_id, slug, name, url, logo, disclosure) "
			       "VALUES (?2, ?3, ?4, ?5, ?6, ?7)");
	if (p->id)
		sqlite3_bind_int64(st, 1, p->id);
	sqlite3_bind_int64(st, 2, site_id);
	sq_bind_text(st, 3, p->slug);
	sq_bind_text(st, 4, p->name);
	sq_bind_text(st, 5, p->url);
	sq_bind_text(st, 6, p->logo);
	sq_bind_text(st, 7, p->disclosure);
	return sq_save_row(s, st, p->id, "sponsor", user_id, p->name, id_out, NULL);
}

static void fill_sponsor_row(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct sponsor *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->url = sq_col_str(pool, st, 3);
	x->logo = sq_col_str(pool, st, 4);
	x->disclosure = sq_col_str(pool, st, 5);
}

int sq_store_sponsor_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct sponsor *out)
{
	sqlite3_stmt *st = sq_prepare(
	    s, E_SPONSOR_ONE,
	    "SELECT id, slug, name, url, logo, disclosure FROM sponsor WHERE id = ?1 AND site_id = ?2");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int64(st, 2, site_id);
	return sq_one(s, pool, st, fill_sponsor_row, out);
}

/* a record is live when readers see it, or will once a scheduled article's time comes (see store.h); the
 * kind is the enum's number: trial, congress, person, sponsor */
#define LIVE_ARTICLE "a.status IN ('published', 'scheduled')"
static const char live_sql[] =
    "SELECT CASE ?2 "
    "WHEN 0 THEN EXISTS (SELECT 1 FROM article a WHERE a.trial_id = ?1 AND " LIVE_ARTICLE ") "
    "WHEN 1 THEN EXISTS (SELECT 1 FROM congress WHERE id = ?1) "
    "WHEN 2 THEN EXISTS (SELECT 1 FROM article_person x JOIN article a ON a.id = x.article_id "
    "WHERE x.person_id = ?1 AND " LIVE_ARTICLE ") "
    "ELSE EXISTS (SELECT 1 FROM article_sponsor x JOIN article a ON a.id = x.article_id "
    "WHERE x.sponsor_id = ?1 AND " LIVE_ARTICLE ") END";

int sq_store_record_live(store *s, enum live_record kind, int64_t id)
{
	if (kind < LIVE_TRIAL || kind > LIVE_SPONSOR)
		return -1;
	sqlite3_stmt *st = sq_prepare(s, E_LIVE, live_sql);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_int(st, 2, (int)kind);
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_step_error(s, st);
	int live = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	return live;
}
