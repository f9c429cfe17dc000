/* records_db: the back office's faculty, congresses, trials and sponsors (saved with their audit line, read
 * by id), the editor's pickers and the live-record check, written once on the seam (db.h). */
#include <stdio.h>
#include <string.h>

#include "store/backend.h"
#include "store/db.h"

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

int db_store_people_all(store *s, h2o_mem_pool_t *pool, struct named **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_PEOPLE, "SELECT id, name, affiliation FROM person ORDER BY name, id");
	return db_collect(st, pool, sizeof **out, fill_named, (void **)out, n);
}

int db_store_trials_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_TRIALS,
		       "SELECT id, name, registry_id FROM trial WHERE site_id = ?1 ORDER BY name, id");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_named, (void **)out, n);
}

int db_store_sponsors_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n)
{
	struct db_stmt *st =
	    db_prepare(db_of(s), R_SPONSORS,
		       "SELECT id, name, disclosure FROM sponsor WHERE site_id = ?1 ORDER BY name, id");
	db_bind_int64(st, 1, site_id);
	return db_collect(st, pool, sizeof **out, fill_named, (void **)out, n);
}

/* ---- saving a record ---- */

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
		if (db_store_audit(s, user_id, action, target, detail) != 0)
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

enum save_result db_store_person_save(store *s, const struct person *x, const char *bio, int64_t user_id,
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
	db_bind_text(st, 1, x->slug);
	db_bind_text(st, 2, x->name);
	db_bind_text(st, 3, x->title);
	db_bind_text(st, 4, x->affiliation);
	db_bind_text(st, 5, bio);
	if (x->id)
		db_bind_int64(st, 6, x->id);
	return save_record(s, st, x->id, "person", user_id, x->name, id_out);
}

static void fill_person_bio(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct person *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->title = db_col_text(st, pool, 3);
	x->affiliation = db_col_text(st, pool, 4);
	x->role = db_col_text(st, pool, 5); /* the bio travels in role; the caller moves it */
}

int db_store_person_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct person *out, const char **bio)
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

enum save_result db_store_congress_save(store *s, int64_t site_id, const struct congress *c, int64_t user_id,
					int64_t *id_out)
{
	struct db_stmt *st =
	    c->id ? db_prepare(db_of(s), R_CONGRESS_UPDATE,
			       "UPDATE congress SET slug = ?2, name = ?3, full_name = ?4, year = ?5, "
			       "starts_on = ?6, ends_on = ?7, city = ?8, country = ?9, description = ?10 "
			       "WHERE id = ?11 AND site_id = ?1 RETURNING id")
		  : db_prepare(
			db_of(s), R_CONGRESS_INSERT,
			"INSERT INTO congress (site_id, slug, name, full_name, year, starts_on, ends_on, "
			"city, country, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) "
			"RETURNING id");
	db_bind_int64(st, 1, site_id);
	db_bind_text(st, 2, c->slug);
	db_bind_text(st, 3, c->name);
	db_bind_text(st, 4, c->full_name);
	db_bind_int(st, 5, c->year);
	db_bind_text(st, 6, c->starts_on);
	db_bind_text(st, 7, c->ends_on);
	db_bind_text(st, 8, c->city);
	db_bind_text(st, 9, c->country);
	db_bind_text(st, 10, c->description);
	if (c->id)
		db_bind_int64(st, 11, c->id);
	return save_record(s, st, c->id, "congress", user_id, c->name, id_out);
}

static void fill_congress(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
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

int db_store_congress_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct congress *out)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), R_CONGRESS_ONE,
	    "SELECT id, slug, name, full_name, year, starts_on, ends_on, city, country, description "
	    "FROM congress WHERE id = ?1 AND site_id = ?2");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, site_id);
	memset(out, 0, sizeof *out);
	return db_one(st, pool, fill_congress, out);
}

enum save_result db_store_trial_save(store *s, int64_t site_id, const struct trial_edit *t, int64_t user_id,
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
	for (int i = 0; i < 11; i++)
		db_bind_text(st, 2 + i, v[i]);
	if (t->id)
		db_bind_int64(st, 13, t->id);
	return save_record(s, st, t->id, "trial", user_id, t->name, id_out);
}

static void fill_trial_edit(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct trial_edit *x = item;
	x->id = db_col_int64(st, 0);
	const char **f[] = {&x->slug,	 &x->name,	 &x->aliases, &x->registry_id,	    &x->phase,
			    &x->setting, &x->population, &x->arms,    &x->primary_endpoint, &x->results,
			    &x->status};
	for (int i = 0; i < 11; i++)
		*f[i] = db_col_text(st, pool, 1 + i);
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

int db_store_trial_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct trial_edit *out)
{
	return trial_one(s, pool, site_id, id, "", out);
}

int db_store_trial_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			   struct trial_edit *out)
{
	return trial_one(s, pool, site_id, 0, slug, out);
}

enum save_result db_store_sponsor_save(store *s, int64_t site_id, const struct sponsor *x, int64_t user_id,
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
	db_bind_text(st, 2, x->slug);
	db_bind_text(st, 3, x->name);
	db_bind_text(st, 4, x->url);
	db_bind_text(st, 5, x->logo);
	db_bind_text(st, 6, x->disclosure);
	if (x->id)
		db_bind_int64(st, 7, x->id);
	return save_record(s, st, x->id, "sponsor", user_id, x->name, id_out);
}

static void fill_sponsor_row(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct sponsor *x = item;
	x->id = db_col_int64(st, 0);
	x->slug = db_col_text(st, pool, 1);
	x->name = db_col_text(st, pool, 2);
	x->url = db_col_text(st, pool, 3);
	x->logo = db_col_text(st, pool, 4);
	x->disclosure = db_col_text(st, pool, 5);
}

int db_store_sponsor_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct sponsor *out)
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

int db_store_record_live(store *s, enum live_record kind, int64_t id)
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
