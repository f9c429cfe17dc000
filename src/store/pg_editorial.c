/* pg_editorial: the back office's queries in PostgreSQL, as editorial.c does them in SQLite: any status,
 * saving with revisions and conflict checks, schedules, audit, faculty, congresses, trials and sponsors. */
#include <stdio.h>
#include <string.h>

#include "core/log.h"
#include "core/text.h"
#include "store/pg_int.h"

enum {
	E_FIRST = 179, /* slots 180-259 belong to pg_editorial.c */
	E_SAVE_LOCK,
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
	E_DUE_LOCK,
	E_DUE,
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
_Static_assert(E_LAST <= 260, "statement slots 180-259 belong to pg_editorial.c");

/* The advisory lock of store_publish_due: one node of those serving a database publishes at a time. */
#define PUBLISH_LOCK 7283520
/* Saves of one site's articles take turns (this number plus the site's id), as SQLite's one writer does: two
 * saves creating the same new tags never wait for each other's rows. */
#define ARTICLE_SAVE_LOCK 7283800000LL

/* ---- saving an article ---- */

/* Writes the article row: its id, 0 when the slug is taken, -1 on error. */
static int64_t write_row(store *s, const struct article_edit *e, int64_t user_id, int64_t rev)
{
	struct pg_params p = {0};
	pg_p_text(&p, e->slug);
	pg_p_text(&p, e->title);
	pg_p_text(&p, e->summary);
	pg_p_text(&p, e->body);
	pg_p_text(&p, e->kind);
	pg_p_text(&p, e->status);
	pg_p_text(&p, e->audience);
	pg_p_text(&p, e->video_url);
	pg_p_i64(&p, e->section_id);
	pg_p_i64(&p, e->congress_id);
	pg_p_i64(&p, e->trial_id);
	pg_p_i64(&p, e->image_id);
	pg_p_i64(&p, e->published_at);
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, rev);
	pg_p_i64(&p, e->site_id);
	pg_p_i64(&p, e->id ? e->id : user_id);
	/* $10-$13: 0 is none (NULL) */
	const char *sql =
	    e->id
		? "UPDATE article SET slug = $1::text, title = $2::text, summary = $3::text, body = "
		  "$4::text, "
		  "kind = $5::text, status = $6::text, audience = $7::text, video_url = $8::text, "
		  "section_id = $9::bigint, congress_id = NULLIF($10::bigint, 0), "
		  "trial_id = NULLIF($11::bigint, 0), image_id = NULLIF($12::bigint, 0), "
		  "published_at = NULLIF($13::bigint, 0), updated_at = $14::bigint, revision_no = "
		  "$15::integer "
		  "WHERE id = $17::bigint AND site_id = $16::bigint RETURNING id"
		: "INSERT INTO article (slug, title, summary, body, kind, status, audience, video_url, "
		  "section_id, congress_id, trial_id, image_id, published_at, created_at, updated_at, "
		  "revision_no, site_id, author_id) VALUES ($1::text, $2::text, $3::text, $4::text, "
		  "$5::text, "
		  "$6::text, $7::text, $8::text, $9::bigint, NULLIF($10::bigint, 0), NULLIF($11::bigint, 0), "
		  "NULLIF($12::bigint, 0), NULLIF($13::bigint, 0), $14::bigint, $14::bigint, $15::integer, "
		  "$16::bigint, NULLIF($17::bigint, 0)) RETURNING id";
	PGresult *r = pg_q_raw(s, e->id ? E_UPDATE : E_INSERT, sql, &p);
	if (!r)
		return -1;
	ExecStatusType st = PQresultStatus(r);
	if (st != PGRES_TUPLES_OK) {
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		int taken = state && strcmp(state, "23505") == 0;
		if (!taken)
			log_error("database: %.*s (saving article %lld)",
				  (int)strcspn(PQresultErrorMessage(r), "\n"), PQresultErrorMessage(r),
				  (long long)e->id);
		PQclear(r);
		return taken ? 0 : -1;
	}
	/* an update of a row that is gone (its revision was read under lock: only a bug) is an error */
	int64_t id = PQntuples(r) > 0 ? pg_i64(r, 0, 0) : -1;
	PQclear(r);
	return id;
}

static int run_id(store *s, int slot, const char *sql, int64_t id)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	return pg_exec(s, slot, sql, &p, NULL);
}

static int write_children(store *s, const struct article_edit *e, int64_t id)
{
	if (run_id(s, E_DEL_PEOPLE, "DELETE FROM article_person WHERE article_id = $1::bigint", id) ||
	    run_id(s, E_DEL_REFS, "DELETE FROM reference WHERE article_id = $1::bigint", id) ||
	    run_id(s, E_DEL_SPONSORS, "DELETE FROM article_sponsor WHERE article_id = $1::bigint", id) ||
	    run_id(s, E_DEL_TAGS, "DELETE FROM article_tag WHERE article_id = $1::bigint", id))
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
		struct pg_params p = {0};
		pg_p_i64(&p, id);
		pg_p_i64(&p, person);
		pg_p_text(&p, role);
		pg_p_i64(&p, (int64_t)at++);
		if (pg_exec(s, E_ADD_PERSON,
			    "INSERT INTO article_person (article_id, person_id, role, position) "
			    "VALUES ($1::bigint, $2::bigint, $3::text, $4::integer) ON CONFLICT DO NOTHING",
			    &p, NULL))
			return -1;
	}
	for (size_t i = 0; i < e->nrefs; i++) {
		struct pg_params p = {0};
		pg_p_i64(&p, id);
		pg_p_i64(&p, (int64_t)i);
		pg_p_text(&p, e->refs[i].citation);
		pg_p_text(&p, e->refs[i].abstract_no);
		pg_p_text(&p, e->refs[i].url);
		if (pg_exec(s, E_ADD_REF,
			    "INSERT INTO reference (article_id, position, citation, abstract_no, url) "
			    "VALUES ($1::bigint, $2::integer, $3::text, $4::text, $5::text)",
			    &p, NULL))
			return -1;
	}
	for (size_t i = 0; i < e->nsponsors; i++) {
		struct pg_params p = {0};
		pg_p_i64(&p, id);
		pg_p_i64(&p, e->sponsors[i]);
		pg_p_i64(&p, e->site_id);
		if (pg_exec(
			s, E_ADD_SPONSOR,
			"INSERT INTO article_sponsor (article_id, sponsor_id) "
			"SELECT $1::bigint, id FROM sponsor WHERE id = $2::bigint AND site_id = $3::bigint "
			"ON CONFLICT DO NOTHING",
			&p, NULL))
			return -1;
	}
	for (size_t i = 0; i < e->ntags; i++) {
		char slug[128];
		text_slug(e->tags[i], slug, sizeof slug);
		if (!slug[0])
			continue;
		/* a tag that exists takes no number from the identity (an insert that conflicts would) */
		struct pg_params p = {0};
		pg_p_i64(&p, e->site_id);
		pg_p_text(&p, slug);
		pg_p_text(&p, e->tags[i]);
		if (pg_exec(
			s, E_TAG_CREATE,
			"INSERT INTO tag (site_id, slug, name) SELECT $1::bigint, $2::text, $3::text "
			"WHERE NOT EXISTS (SELECT 1 FROM tag WHERE site_id = $1::bigint AND (slug = $2::text "
			"OR lower(name) = lower($3::text))) "
			"ON CONFLICT (site_id, slug) DO NOTHING",
			&p, NULL))
			return -1;
		struct pg_params l = {0};
		pg_p_i64(&l, id);
		pg_p_i64(&l, e->site_id);
		pg_p_text(&l, slug);
		pg_p_text(&l, e->tags[i]);
		/* a tag is found by its name first: "MSI-H/dMMR" may have the slug msi-dmmr */
		if (pg_exec(
			s, E_TAG_LINK,
			"INSERT INTO article_tag (article_id, tag_id) "
			"SELECT $1::bigint, id FROM tag WHERE site_id = $2::bigint AND (slug = $3::text "
			"OR lower(name) = lower($4::text)) ORDER BY lower(name) = lower($4::text) DESC, id "
			"LIMIT 1 ON CONFLICT DO NOTHING",
			&l, NULL))
			return -1;
	}
	return 0;
}

static int write_revision(store *s, const struct article_edit *e, int64_t id, int64_t user_id, int64_t rev)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, store_now());
	pg_p_text(&p, e->title);
	pg_p_text(&p, e->summary);
	pg_p_text(&p, e->body);
	pg_p_i64(&p, user_id);
	pg_p_text(&p, e->status);
	pg_p_text(&p, e->audience);
	pg_p_i64(&p, e->published_at);
	pg_p_i64(&p, rev);
	return pg_exec(
	    s, E_REVISION,
	    "INSERT INTO revision (article_id, created_at, title, summary, body, author_id, status, "
	    "audience, published_at, revision_no) VALUES ($1::bigint, $2::bigint, $3::text, "
	    "$4::text, $5::text, NULLIF($6::bigint, 0), $7::text, $8::text, NULLIF($9::bigint, 0), "
	    "$10::integer)",
	    &p, NULL);
}

enum save_result pg_store_article_save(store *s, const struct article_edit *e, int64_t user_id,
				       int64_t *id_out)
{
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	int64_t rev = 1;
	enum save_result result = SAVE_ERROR;
	struct pg_params l = {0};
	pg_p_i64(&l, ARTICLE_SAVE_LOCK);
	pg_p_i64(&l, e->site_id);
	if (pg_exec(s, E_SAVE_LOCK, "SELECT pg_advisory_xact_lock($1::bigint + $2::bigint)", &l, NULL) != 0)
		goto out;
	if (e->id) {
		/* the row stays locked until the end too (an update of it elsewhere waits), and the second of
		 * two editors saving at once sees the first's revision */
		struct pg_params p = {0};
		pg_p_i64(&p, e->id);
		pg_p_i64(&p, e->site_id);
		int64_t current = -1;
		int rc =
		    pg_value(s, E_REV_OF,
			     "SELECT revision_no FROM article WHERE id = $1::bigint AND site_id = $2::bigint "
			     "FOR UPDATE",
			     &p, &current);
		if (rc < 0)
			goto out;
		if (rc == 0) {
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
	if (pg_run(s, "COMMIT") != 0)
		return SAVE_ERROR;
	*id_out = id;
	return SAVE_OK;
out:
	pg_run(s, "ROLLBACK");
	return result;
}

/* ---- the back office's list ---- */

#define ADMIN_COLS                                                                                           \
	"a.id, a.slug, a.title, a.summary, a.kind, a.audience, COALESCE(a.published_at, 0), a.updated_at, "  \
	"s.id, s.slug, s.name, COALESCE(c.id, 0), COALESCE(c.slug, ''), COALESCE(c.name, ''), "              \
	"COALESCE(c.year, 0), COALESCE(t.id, 0), COALESCE(t.slug, ''), COALESCE(t.name, ''), a.status, "     \
	"COALESCE(u.name, ''), a.revision_no, COALESCE(a.author_id, 0) "
#define ADMIN_JOINS                                                                                          \
	"FROM article a JOIN section s ON s.id = a.section_id LEFT JOIN congress c ON c.id = a.congress_id " \
	"LEFT JOIN trial t ON t.id = a.trial_id LEFT JOIN \"user\" u ON u.id = a.author_id "
/* SQLite's LIKE ignores the case of ASCII letters only: so does ILIKE under the "C" collation */
#define ADMIN_FILTER                                                                                         \
	"a.site_id = $1::bigint AND ($2::bigint = 0 OR a.section_id = $2::bigint) "                          \
	"AND ($3::bigint = 0 OR a.congress_id = $3::bigint) AND ($4::bigint = 0 OR a.author_id = "           \
	"$4::bigint) "                                                                                       \
	"AND ($5::text = '' OR a.status = $5::text) "                                                        \
	"AND ($6::text = '' OR a.title ILIKE ('%' || $6::text || '%') COLLATE \"C\" ESCAPE '\\') "

static void fill_admin(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct article *x = item;
	pg_fill_article_cols(pool, r, row, x);
	x->status = pg_str(pool, r, row, 18);
	x->author_name = pg_str(pool, r, row, 19);
	x->revision_no = pg_i64(r, row, 20);
	x->author_id = pg_i64(r, row, 21);
	if (PQnfields(r) > 22) {
		x->body = pg_str(pool, r, row, 22);
		x->video_url = pg_str(pool, r, row, 23);
		x->image.id = pg_i64(r, row, 24);
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

static void admin_filter_params(h2o_mem_pool_t *pool, struct pg_params *p, const struct admin_filter *f)
{
	pg_p_i64(p, f->site_id);
	pg_p_i64(p, f->section_id);
	pg_p_i64(p, f->congress_id);
	pg_p_i64(p, f->author_id);
	pg_p_text(p, f->status ? f->status : "");
	pg_p_text(p, f->q ? like_escape(pool, f->q) : "");
}

int pg_store_admin_articles(store *s, h2o_mem_pool_t *pool, const struct admin_filter *f, size_t offset,
			    size_t limit, struct article **out, size_t *n, size_t *total)
{
	struct pg_params c = {0};
	admin_filter_params(pool, &c, f);
	int64_t count = 0;
	if (pg_value(s, E_COUNT, "SELECT count(*) FROM article a WHERE " ADMIN_FILTER, &c, &count) < 0)
		return -1;
	*total = (size_t)count;
	struct pg_params p = {0};
	admin_filter_params(pool, &p, f);
	pg_p_i64(&p, (int64_t)limit);
	pg_p_i64(&p, (int64_t)offset);
	return pg_collect(s, pool, E_LIST,
			  "SELECT " ADMIN_COLS ADMIN_JOINS "WHERE " ADMIN_FILTER
			  "ORDER BY a.updated_at DESC, a.id DESC LIMIT $7::bigint OFFSET $8::bigint",
			  &p, sizeof **out, fill_admin, (void **)out, n);
}

int pg_store_admin_article(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct article *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, site_id);
	memset(out, 0, sizeof *out);
	int found = pg_one(s, pool, E_ONE,
			   "SELECT " ADMIN_COLS ", a.body, a.video_url, COALESCE(a.image_id, 0) " ADMIN_JOINS
			   "WHERE a.id = $1::bigint AND a.site_id = $2::bigint",
			   &p, fill_admin, out);
	if (found != 1)
		return found;
	return pg_article_parts(s, pool, out) == 0 ? 1 : -1;
}

/* ---- revisions ---- */

static void fill_revision(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct revision *x = item;
	x->id = pg_i64(r, row, 0);
	x->created_at = pg_i64(r, row, 1);
	x->title = pg_str(pool, r, row, 2);
	x->summary = pg_str(pool, r, row, 3);
	x->body = pg_str(pool, r, row, 4);
	x->status = pg_str(pool, r, row, 5);
	x->audience = pg_str(pool, r, row, 6);
	x->published_at = pg_i64(r, row, 7);
	x->revision_no = pg_i64(r, row, 8);
	x->author_name = pg_str(pool, r, row, 9);
}

#define REVISION_SELECT                                                                                      \
	"SELECT r.id, r.created_at, r.title, r.summary, r.body, r.status, r.audience, "                      \
	"COALESCE(r.published_at, 0), r.revision_no, COALESCE(u.name, '') FROM revision r "                  \
	"LEFT JOIN \"user\" u ON u.id = r.author_id "

int pg_store_revisions(store *s, h2o_mem_pool_t *pool, int64_t article_id, struct revision **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, article_id);
	return pg_collect(s, pool, E_REVISIONS,
			  REVISION_SELECT "WHERE r.article_id = $1::bigint ORDER BY r.id DESC LIMIT 200", &p,
			  sizeof **out, fill_revision, (void **)out, n);
}

int pg_store_revision(store *s, h2o_mem_pool_t *pool, int64_t article_id, int64_t revision_id,
		      struct revision *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, article_id);
	pg_p_i64(&p, revision_id);
	return pg_one(s, pool, E_REVISION_ONE,
		      REVISION_SELECT "WHERE r.article_id = $1::bigint AND r.id = $2::bigint", &p,
		      fill_revision, out);
}

/* ---- schedules ---- */

int pg_store_publish_due(store *s, int64_t *ids, size_t max, size_t *n)
{
	/* every node's scheduler calls this: the one that holds the lock publishes, the others publish
	 * nothing this tick; the update itself takes only the rows still scheduled, so none is published
	 * twice even without the lock */
	*n = 0;
	if (pg_run(s, "BEGIN") != 0)
		return -1;
	struct pg_params l = {0};
	pg_p_i64(&l, PUBLISH_LOCK);
	int64_t locked = 0;
	if (pg_value(s, E_DUE_LOCK, "SELECT pg_try_advisory_xact_lock($1::bigint)", &l, &locked) < 0)
		goto fail;
	if (locked) {
		struct pg_params p = {0};
		pg_p_i64(&p, store_now());
		if (pg_ids(s, E_DUE,
			   "WITH due AS (UPDATE article SET status = 'published' WHERE status = 'scheduled' "
			   "AND published_at <= $1::bigint RETURNING id) SELECT id FROM due ORDER BY id",
			   &p, ids, max, n) != 0)
			goto fail;
	}
	if (pg_run(s, "COMMIT") != 0) {
		*n = 0;
		return -1;
	}
	return 0;
fail:
	*n = 0;
	pg_run(s, "ROLLBACK");
	return -1;
}

/* ---- audit ---- */

int pg_store_audit(store *s, int64_t user_id, const char *action, const char *target, const char *detail)
{
	struct pg_params p = {0};
	pg_p_i64(&p, store_now());
	pg_p_i64(&p, user_id);
	pg_p_text(&p, action);
	pg_p_text(&p, target);
	pg_p_text(&p, detail ? detail : "");
	return pg_exec(
	    s, E_AUDIT,
	    "INSERT INTO audit_log (at, user_id, user_email, action, target, detail) "
	    "VALUES ($1::bigint, NULLIF($2::bigint, 0), "
	    "COALESCE((SELECT email FROM \"user\" WHERE id = $2::bigint), ''), $3::text, $4::text, "
	    "$5::text)",
	    &p, NULL);
}

static void fill_audit(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct audit_entry *x = item;
	x->at = pg_i64(r, row, 0);
	x->user_email = pg_str(pool, r, row, 1);
	x->action = pg_str(pool, r, row, 2);
	x->target = pg_str(pool, r, row, 3);
	x->detail = pg_str(pool, r, row, 4);
}

int pg_store_audit_list(store *s, h2o_mem_pool_t *pool, size_t limit, struct audit_entry **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, (int64_t)limit);
	return pg_collect(s, pool, E_AUDIT_LIST,
			  "SELECT at, user_email, action, target, detail FROM audit_log "
			  "ORDER BY at DESC, id DESC LIMIT $1::bigint",
			  &p, sizeof **out, fill_audit, (void **)out, n);
}

/* ---- the pickers' lists ---- */

static void fill_named(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct named *x = item;
	x->id = pg_i64(r, row, 0);
	x->name = pg_str(pool, r, row, 1);
	x->detail = pg_str(pool, r, row, 2);
}

int pg_store_people_all(store *s, h2o_mem_pool_t *pool, struct named **out, size_t *n)
{
	return pg_collect(s, pool, E_PEOPLE, "SELECT id, name, affiliation FROM person ORDER BY name, id",
			  NULL, sizeof **out, fill_named, (void **)out, n);
}

int pg_store_trials_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	return pg_collect(
	    s, pool, E_TRIALS,
	    "SELECT id, name, registry_id FROM trial WHERE site_id = $1::bigint ORDER BY name, id", &p,
	    sizeof **out, fill_named, (void **)out, n);
}

int pg_store_sponsors_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	return pg_collect(
	    s, pool, E_SPONSORS,
	    "SELECT id, name, disclosure FROM sponsor WHERE site_id = $1::bigint ORDER BY name, id", &p,
	    sizeof **out, fill_named, (void **)out, n);
}

/* ---- faculty, congresses, trials, sponsors ---- */

/* A record's row and its audit line in one transaction. */
static enum save_result save_record(store *s, int slot, const char *sql, const struct pg_params *p,
				    int64_t id, const char *kind, int64_t user_id, const char *detail,
				    int64_t *id_out)
{
	if (pg_run(s, "BEGIN") != 0)
		return SAVE_ERROR;
	enum save_result rc = pg_save_row(s, slot, sql, p, id, kind, user_id, detail, id_out, NULL);
	if (rc == SAVE_OK && pg_run(s, "COMMIT") == 0)
		return SAVE_OK;
	pg_run(s, "ROLLBACK");
	return rc == SAVE_OK ? SAVE_ERROR : rc;
}

enum save_result pg_store_person_save(store *s, const struct person *x, const char *bio, int64_t user_id,
				      int64_t *id_out)
{
	struct pg_params p = {0};
	pg_p_text(&p, x->slug);
	pg_p_text(&p, x->name);
	pg_p_text(&p, x->title);
	pg_p_text(&p, x->affiliation);
	pg_p_text(&p, bio);
	if (x->id)
		pg_p_i64(&p, x->id);
	return save_record(s, x->id ? E_PERSON_UPDATE : E_PERSON_INSERT,
			   x->id ? "UPDATE person SET slug = $1::text, name = $2::text, title = $3::text, "
				   "affiliation = $4::text, bio = $5::text WHERE id = $6::bigint RETURNING id"
				 : "INSERT INTO person (slug, name, title, affiliation, bio) "
				   "VALUES ($1::text, $2::text, $3::text, $4::text, $5::text) RETURNING id",
			   &p, x->id, "person", user_id, x->name, id_out);
}

static void fill_person_bio(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct person *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->title = pg_str(pool, r, row, 3);
	x->affiliation = pg_str(pool, r, row, 4);
	x->role = pg_str(pool, r, row, 5); /* the bio travels in role; the caller moves it */
}

int pg_store_person_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct person *out, const char **bio)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	memset(out, 0, sizeof *out);
	int found = pg_one(s, pool, E_PERSON_ONE,
			   "SELECT id, slug, name, title, affiliation, bio FROM person WHERE id = $1::bigint",
			   &p, fill_person_bio, out);
	if (found == 1) {
		*bio = out->role;
		out->role = "";
	}
	return found;
}

enum save_result pg_store_congress_save(store *s, int64_t site_id, const struct congress *c, int64_t user_id,
					int64_t *id_out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, c->slug);
	pg_p_text(&p, c->name);
	pg_p_text(&p, c->full_name);
	pg_p_i64(&p, c->year);
	pg_p_text(&p, c->starts_on);
	pg_p_text(&p, c->ends_on);
	pg_p_text(&p, c->city);
	pg_p_text(&p, c->country);
	pg_p_text(&p, c->description);
	if (c->id)
		pg_p_i64(&p, c->id);
	return save_record(
	    s, c->id ? E_CONGRESS_UPDATE : E_CONGRESS_INSERT,
	    c->id ? "UPDATE congress SET slug = $2::text, name = $3::text, full_name = $4::text, "
		    "year = $5::integer, starts_on = $6::text, ends_on = $7::text, city = $8::text, "
		    "country = $9::text, description = $10::text WHERE id = $11::bigint AND site_id = "
		    "$1::bigint "
		    "RETURNING id"
		  : "INSERT INTO congress (site_id, slug, name, full_name, year, starts_on, ends_on, city, "
		    "country, description) VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::integer, "
		    "$6::text, $7::text, $8::text, $9::text, $10::text) RETURNING id",
	    &p, c->id, "congress", user_id, c->name, id_out);
}

int pg_store_congress_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct congress *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, site_id);
	memset(out, 0, sizeof *out);
	return pg_one(
	    s, pool, E_CONGRESS_ONE,
	    "SELECT id, slug, name, full_name, year, starts_on, ends_on, city, country, description "
	    "FROM congress WHERE id = $1::bigint AND site_id = $2::bigint",
	    &p, pg_fill_congress, out);
}

enum save_result pg_store_trial_save(store *s, int64_t site_id, const struct trial_edit *t, int64_t user_id,
				     int64_t *id_out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	const char *v[] = {t->slug,	  t->name, t->aliases,		t->registry_id, t->phase, t->setting,
			   t->population, t->arms, t->primary_endpoint, t->results,	t->status};
	for (int i = 0; i < 11; i++)
		pg_p_text(&p, v[i]);
	if (t->id)
		pg_p_i64(&p, t->id);
	return save_record(
	    s, t->id ? E_TRIAL_UPDATE : E_TRIAL_INSERT,
	    t->id
		? "UPDATE trial SET slug = $2::text, name = $3::text, aliases = $4::text, "
		  "registry_id = $5::text, phase = $6::text, setting = $7::text, population = $8::text, "
		  "arms = $9::text, primary_endpoint = $10::text, results = $11::text, status = $12::text "
		  "WHERE id = $13::bigint AND site_id = $1::bigint RETURNING id"
		: "INSERT INTO trial (site_id, slug, name, aliases, registry_id, phase, setting, population, "
		  "arms, primary_endpoint, results, status) VALUES ($1::bigint, $2::text, $3::text, "
		  "$4::text, "
		  "$5::text, $6::text, $7::text, $8::text, $9::text, $10::text, $11::text, $12::text) "
		  "RETURNING id",
	    &p, t->id, "trial", user_id, t->name, id_out);
}

static void fill_trial_edit(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct trial_edit *x = item;
	x->id = pg_i64(r, row, 0);
	const char **f[] = {&x->slug,	 &x->name,	 &x->aliases, &x->registry_id,	    &x->phase,
			    &x->setting, &x->population, &x->arms,    &x->primary_endpoint, &x->results,
			    &x->status};
	for (int i = 0; i < 11; i++)
		*f[i] = pg_str(pool, r, row, 1 + i);
}

/* a trial of a site by id (slug "") or by slug (id 0) */
static int trial_one(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, const char *slug,
		     struct trial_edit *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, site_id);
	pg_p_text(&p, slug);
	return pg_one(s, pool, E_TRIAL_ONE,
		      "SELECT id, slug, name, aliases, registry_id, phase, setting, population, arms, "
		      "primary_endpoint, results, status FROM trial WHERE site_id = $2::bigint "
		      "AND (id = $1::bigint OR slug = $3::text)",
		      &p, fill_trial_edit, out);
}

int pg_store_trial_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct trial_edit *out)
{
	return trial_one(s, pool, site_id, id, "", out);
}

int pg_store_trial_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			   struct trial_edit *out)
{
	return trial_one(s, pool, site_id, 0, slug, out);
}

enum save_result pg_store_sponsor_save(store *s, int64_t site_id, const struct sponsor *x, int64_t user_id,
				       int64_t *id_out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, site_id);
	pg_p_text(&p, x->slug);
	pg_p_text(&p, x->name);
	pg_p_text(&p, x->url);
	pg_p_text(&p, x->logo);
	pg_p_text(&p, x->disclosure);
	if (x->id)
		pg_p_i64(&p, x->id);
	return save_record(
	    s, x->id ? E_SPONSOR_UPDATE : E_SPONSOR_INSERT,
	    x->id ? "UPDATE sponsor SET slug = $2::text, name = $3::text, url = $4::text, "
		    "logo = $5::text, disclosure = $6::text WHERE id = $7::bigint "
		    "AND site_id = $1::bigint RETURNING id"
		  : "INSERT INTO sponsor (site_id, slug, name, url, logo, disclosure) VALUES "
		    "($1::bigint, $2::text, $3::text, $4::text, $5::text, $6::text) RETURNING id",
	    &p, x->id, "sponsor", user_id, x->name, id_out);
}

static void fill_sponsor_row(h2o_mem_pool_t *pool, const PGresult *r, int row, void *item)
{
	struct sponsor *x = item;
	x->id = pg_i64(r, row, 0);
	x->slug = pg_str(pool, r, row, 1);
	x->name = pg_str(pool, r, row, 2);
	x->url = pg_str(pool, r, row, 3);
	x->logo = pg_str(pool, r, row, 4);
	x->disclosure = pg_str(pool, r, row, 5);
}

int pg_store_sponsor_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct sponsor *out)
{
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, site_id);
	return pg_one(s, pool, E_SPONSOR_ONE,
		      "SELECT id, slug, name, url, logo, disclosure FROM sponsor "
		      "WHERE id = $1::bigint AND site_id = $2::bigint",
		      &p, fill_sponsor_row, out);
}

/* a record is live when readers see it, or will once a scheduled article's time comes (see store.h); the
 * kind is the enum's number: trial, congress, person, sponsor */
#define LIVE_ARTICLE "a.status IN ('published', 'scheduled')"
static const char live_sql[] =
    "SELECT CASE $2::bigint "
    "WHEN 0 THEN EXISTS (SELECT 1 FROM article a WHERE a.trial_id = $1::bigint AND " LIVE_ARTICLE ") "
    "WHEN 1 THEN EXISTS (SELECT 1 FROM congress WHERE id = $1::bigint) "
    "WHEN 2 THEN EXISTS (SELECT 1 FROM article_person x JOIN article a ON a.id = x.article_id "
    "WHERE x.person_id = $1::bigint AND " LIVE_ARTICLE ") "
    "ELSE EXISTS (SELECT 1 FROM article_sponsor x JOIN article a ON a.id = x.article_id "
    "WHERE x.sponsor_id = $1::bigint AND " LIVE_ARTICLE ") END::int";

int pg_store_record_live(store *s, enum live_record kind, int64_t id)
{
	if (kind < LIVE_TRIAL || kind > LIVE_SPONSOR)
		return -1;
	struct pg_params p = {0};
	pg_p_i64(&p, id);
	pg_p_i64(&p, (int64_t)kind);
	int64_t live = 0;
	int rc = pg_value(s, E_LIVE, live_sql, &p, &live);
	return rc < 0 ? -1 : live != 0;
}
