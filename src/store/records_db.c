/* records_db: the back office's faculty, congresses, trials and sponsors (saved with their audit line, read
 * by id), the editor's pickers and the live-record check, written once on the seam (db.h). */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "store/backend.h"
#include "store/db.h"
#include "store/public_db.h"
#include "store/editorial.h"
#include "store/desk.h"

enum {
	R_PEOPLE = 100, /* slots 100-139 of the seam belong to records_db.c */
	R_TRIALS,
	R_SPONSORS,
	R_PERSON_INSERT,
	R_PERSON_UPDATE,
	R_PERSON_ONE,
	R_CONGRESS_INSERT,
	R_CONGRESS_UPDATE,
	R_CONGRESS_ONE,
	R_TRIAL_INSERT,
	R_TRIAL_UPDATE,
	R_TRIAL_ONE,
	R_SPONSOR_INSERT,
	R_SPONSOR_UPDATE,
	R_SPONSOR_ONE,
	R_LIVE,
	R_LAST
};
_Static_assert(R_LAST <= 140, "records_db.c owns the seam's statement slots 100 to 139");

/* ---- the pickers' lists ---- */

static void fill_named(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct named *x = item;
	x->id = db_col_int64(st, 0);
	x->name = db_col_text(st, pool, 1);
	x->detail = db_col_text(st, pool, 2);
}

int store_people_all(store *s, h2o_mem_pool_t *pool, struct named **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_PEOPLE, "SELECT id, name, affiliation FROM person ORDER BY name, id");
	return db_collect(st, pool, sizeof **out, fill_named, (void **)out, n);
}

int store_trials_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_TRIALS,
		       "SELECT id, name, registry_id FROM trial WHERE site_id = ?1 ORDER BY name, id");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_named, (void **)out, n);
}

int store_sponsors_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_SPONSORS,
		       "SELECT id, name, disclosure FROM sponsor WHERE site_id = ?1 ORDER BY name, id");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_named, (void **)out, n);
}

/* ---- a record's fields ---- */

/* Binds n texts to ?first and the parameters after it. */
static void bind_texts(struct db_stmt *st, int first, const char *const *v, int n)
{
	for (int i = 0; i < n; i++)
		db_bind_text(st, first + i, v[i]);
}

/* Reads column 0 as the id into *id and n texts from column 1 on into *f[0..n). */
static void col_fields(h2o_mem_pool_t *pool, struct db_stmt *st, int64_t *id, const char **const *f, int n)
{
	*id = db_col_int64(st, 0);
	for (int i = 0; i < n; i++)
		*f[i] = db_col_text(st, pool, 1 + i);
}

/* Runs a record's bound INSERT ... RETURNING id (id 0) or UPDATE ... RETURNING id and writes its audit line
 * ("kind.create" or "kind.update" on "kind:id", detail), in one transaction: SAVE_OK with *id_out,
 * SAVE_SLUG_TAKEN on a unique violation, SAVE_NOT_FOUND when the UPDATE changed no row, SAVE_ERROR. */
static enum save_result save_record(store *s, struct db_stmt *st, int64_t id, const char *kind,
				    int64_t user_id, const char *detail, int64_t *id_out)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0) {
		db_reset(st);
		return SAVE_ERROR;
	}
	int64_t got = 0;
	int rc = db_exec_id(st, &got);
	enum save_result result = rc < 0    ? (db_unique_violation(d) ? SAVE_SLUG_TAKEN : SAVE_ERROR)
				  : rc == 0 ? SAVE_NOT_FOUND
					    : SAVE_OK;
	if (result == SAVE_OK) {
		char target[48], action[48];
		snprintf(target, sizeof target, "%s:%lld", kind, (long long)got);
		snprintf(action, sizeof action, "%s.%s", kind, id ? "update" : "create");
		if (store_audit(s, user_id, action, target, detail) != 0)
			result = SAVE_ERROR;
	}
	if (result != SAVE_OK) {
		db_rollback(d);
		return result;
	}
	if (db_commit(d) != 0)
		return SAVE_ERROR;
	*id_out = got;
	return SAVE_OK;
}

/* ---- faculty ---- */

enum save_result store_person_save(store *s, const struct person *x, const char *bio, int64_t user_id,
				   int64_t *id_out)
{
	struct db_stmt *st =
	    x->id
		? db_prepare(db_of(s), R_PERSON_UPDATE,
			     "UPDATE person SET slug = ?1, name = ?2, title = ?3, affiliation = ?4, bio = ?5 "
			     "WHERE id = ?6 RETURNING id")
		: db_prepare(db_of(s), R_PERSON_INSERT,
			     "INSERT INTO person (slug, name, title, affiliation, bio) "
			     "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id");
	const char *v[] = {x->slug, x->name, x->title, x->affiliation, bio};
	bind_texts(st, 1, v, 5);
	if (x->id)
		db_bind_int64(st, 6, x->id);
	return save_record(s, st, x->id, "person", user_id, x->name, id_out);
}

static void fill_person_bio(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct person *x = item;
	/* the bio travels in role; the caller moves it */
	const char **f[] = {&x->slug, &x->name, &x->title, &x->affiliation, &x->role};
	col_fields(pool, st, &x->id, f, 5);
}

int store_person_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct person *out, const char **bio)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_PERSON_ONE,
		       "SELECT id, slug, name, title, affiliation, bio FROM person WHERE id = ?1");
	db_bind_int64(st, 1, id);
	memset(out, 0, sizeof *out);
	int found = db_one(st, pool, fill_person_bio, out);
	if (found == 1) {
		*bio = out->role;
		out->role = "";
	}
	return found;
}

/* ---- congresses ---- */

enum save_result store_congress_save(store *s, int64_t site_id, const struct congress *c, int64_t user_id,
				     int64_t *id_out)
{
	struct db_stmt *st =
	    c->id ? db_prepare(db_of(s), R_CONGRESS_UPDATE,
			       "UPDATE congress SET slug = ?2, name = ?3, full_name = ?4, starts_on = ?5, "
			       "ends_on = ?6, city = ?7, country = ?8, description = ?9, year = ?10 "
			       "WHERE id = ?11 AND site_id = ?1 RETURNING id")
		  : db_prepare(
			db_of(s), R_CONGRESS_INSERT,
			"INSERT INTO congress (site_id, slug, name, full_name, starts_on, ends_on, city, "
			"country, description, year) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
			"RETURNING id");
	db_bind_int64(st, 1, site_id);
	const char *v[] = {c->slug,    c->name, c->full_name, c->starts_on,
			   c->ends_on, c->city, c->country,   c->description};
	bind_texts(st, 2, v, 8);
	db_bind_int(st, 10, c->year);
	if (c->id)
		db_bind_int64(st, 11, c->id);
	return save_record(s, st, c->id, "congress", user_id, c->name, id_out);
}

int store_congress_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct congress *out)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), R_CONGRESS_ONE,
	    "SELECT id, slug, name, full_name, year, starts_on, ends_on, city, country, description "
	    "FROM congress WHERE id = ?1 AND site_id = ?2");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, site_id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, db_fill_congress, out);
}

/* ---- trials ---- */

enum save_result store_trial_save(store *s, int64_t site_id, const struct trial_edit *t, int64_t user_id,
				  int64_t *id_out)
{
	struct db_stmt *st =
	    t->id
		? db_prepare(db_of(s), R_TRIAL_UPDATE,
			     "UPDATE trial SET slug = ?2, name = ?3, aliases = ?4, registry_id = ?5, "
			     "phase = ?6, setting = ?7, population = ?8, arms = ?9, primary_endpoint = ?10, "
			     "results = ?11, status = ?12 WHERE id = ?13 AND site_id = ?1 RETURNING id")
		: db_prepare(db_of(s), R_TRIAL_INSERT,
			     "INSERT INTO trial (site_id, slug, name, aliases, registry_id, phase, setting, "
			     "population, arms, primary_endpoint, results, status) "
			     "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id");
	db_bind_int64(st, 1, site_id);
	const char *v[] = {t->slug,	  t->name, t->aliases,		t->registry_id, t->phase, t->setting,
			   t->population, t->arms, t->primary_endpoint, t->results,	t->status};
	bind_texts(st, 2, v, 11);
	if (t->id)
		db_bind_int64(st, 13, t->id);
	return save_record(s, st, t->id, "trial", user_id, t->name, id_out);
}

static void fill_trial_edit(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct trial_edit *x = item;
	const char **f[] = {&x->slug,	 &x->name,	 &x->aliases, &x->registry_id,	    &x->phase,
			    &x->setting, &x->population, &x->arms,    &x->primary_endpoint, &x->results,
			    &x->status};
	col_fields(pool, st, &x->id, f, 11);
}

/* a trial of a site by id (slug "") or by slug (id 0) */
static int trial_one(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, const char *slug,
		     struct trial_edit *out)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_TRIAL_ONE,
		       "SELECT id, slug, name, aliases, registry_id, phase, setting, population, "
		       "arms, primary_endpoint, results, status FROM trial WHERE site_id = ?2 "
		       "AND (id = ?1 OR slug = ?3)");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, site_id);
	db_bind_text(st, 3, slug);
	return db_one(st, pool, fill_trial_edit, out);
}

int store_trial_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct trial_edit *out)
{
	return trial_one(s, pool, site_id, id, "", out);
}

int store_trial_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			struct trial_edit *out)
{
	/* a slug a reader typed that no trial can have (not UTF-8, which PostgreSQL would refuse): not found
	 */
	if (!text_utf8_ok(slug))
		return 0;
	return trial_one(s, pool, site_id, 0, slug, out);
}

/* ---- sponsors ---- */

enum save_result store_sponsor_save(store *s, int64_t site_id, const struct sponsor *x, int64_t user_id,
				    int64_t *id_out)
{
	struct db_stmt *st =
	    x->id
		? db_prepare(db_of(s), R_SPONSOR_UPDATE,
			     "UPDATE sponsor SET slug = ?2, name = ?3, url = ?4, logo = ?5, disclosure = ?6 "
			     "WHERE id = ?7 AND site_id = ?1 RETURNING id")
		: db_prepare(db_of(s), R_SPONSOR_INSERT,
			     "INSERT INTO sponsor (site_id, slug, name, url, logo, disclosure) "
			     "VALUES (?1, ?2, ?3, ?4, ?5, ?6) RETURNING id");
	db_bind_int64(st, 1, site_id);
	const char *v[] = {x->slug, x->name, x->url, x->logo, x->disclosure};
	bind_texts(st, 2, v, 5);
	if (x->id)
		db_bind_int64(st, 7, x->id);
	return save_record(s, st, x->id, "sponsor", user_id, x->name, id_out);
}

static void fill_sponsor_row(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct sponsor *x = item;
	const char **f[] = {&x->slug, &x->name, &x->url, &x->logo, &x->disclosure};
	col_fields(pool, st, &x->id, f, 5);
}

int store_sponsor_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct sponsor *out)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), R_SPONSOR_ONE,
	    "SELECT id, slug, name, url, logo, disclosure FROM sponsor WHERE id = ?1 AND site_id = ?2");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, site_id);
	return db_one(st, pool, fill_sponsor_row, out);
}

/* ---- live records ---- */

/* a record is live when readers see it, or will once a scheduled article's time comes (see store.h); the
 * kind is the enum's number: trial, congress, person, sponsor */
#define LIVE_ARTICLE "a.status IN ('published', 'scheduled')"
static const char live_sql[] =
    "SELECT CASE CAST(?2 AS INTEGER) "
    "WHEN 0 THEN EXISTS (SELECT 1 FROM article a WHERE a.trial_id = ?1 AND " LIVE_ARTICLE ") "
    "WHEN 1 THEN EXISTS (SELECT 1 FROM congress WHERE id = ?1) "
    "WHEN 2 THEN EXISTS (SELECT 1 FROM article_person x JOIN article a ON a.id = x.article_id "
    "WHERE x.person_id = ?1 AND " LIVE_ARTICLE ") "
    "ELSE EXISTS (SELECT 1 FROM article_sponsor x JOIN article a ON a.id = x.article_id "
    "WHERE x.sponsor_id = ?1 AND " LIVE_ARTICLE ") END";

int store_record_live(store *s, enum live_record kind, int64_t id)
{
	if (kind < LIVE_TRIAL || kind > LIVE_SPONSOR)
		return -1;
	struct db_stmt *st = db_prepare(db_of(s), R_LIVE, live_sql);
	db_bind_int64(st, 1, id);
	db_bind_int(st, 2, (int)kind);
	int rc = db_step(st);
	if (rc != DB_ROW) {
		if (rc == DB_DONE)
			db_reset(st);
		return -1;
	}
	int live = db_col_int64(st, 0) != 0;
	db_reset(st);
	return live;
}
