/* sqlite: the store on SQLite: connection set-up, migrations, and every query, all prepared. */
#include "store/store.h"

#include <sodium.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/log.h"
#include "embedded.h"
#include "store/db.h"
#include "store/memo.h"
#include "store/sqlite_int.h"

#define FILTER                                                                                               \
	"a.site_id = ?2 AND (?3 = 0 OR a.section_id = ?3) AND (?4 = 0 OR a.congress_id = ?4) "               \
	"AND (?5 = 0 OR a.id IN (SELECT article_id FROM article_tag WHERE tag_id = ?5)) "                    \
	"AND (?6 = 0 OR a.trial_id = ?6) AND a.id <> ?7 "

enum stmt {
	Q_SITES,
	Q_SECTIONS,
	Q_SECTION_BY_SLUG,
	Q_CONGRESSES,
	Q_CONGRESS_BY_SLUG,
	Q_TAG_BY_SLUG,
	Q_TAGS,
	Q_TRIALS,
	Q_ARTICLES,
	Q_ARTICLES_COUNT,
	Q_ARTICLE_BY_SLUG,
	Q_ARTICLE_PEOPLE,
	Q_ARTICLE_REFS,
	Q_ARTICLE_SPONSORS,
	Q_ARTICLE_TAGS,
	Q_RELATED,
	Q_PAGE_BY_PATH,
	Q_MENU,
	Q_CONTACT_ADD,
	Q_SECRET_GET,
	Q_SITE_DEFAULT,
	Q_SECRET_PUT,
	Q_DATA_VERSION,
	Q_NEXT_VISIBLE,
	Q_COUNT
};

static const char *const sql_text[Q_COUNT] = {
    [Q_SITES] = "SELECT id, slug, name, specialty, host, tagline, is_default FROM site ORDER BY position, id",
    [Q_SECTIONS] =
	"SELECT id, slug, name, description FROM section WHERE site_id = ?1 ORDER BY position, name",
    [Q_SECTION_BY_SLUG] = "SELECT id, slug, name, description FROM section WHERE site_id = ?1 AND slug = ?2",
    [Q_CONGRESSES] =
	"SELECT c.id, c.slug, c.name, c.full_name, c.year, c.starts_on, c.ends_on, c.city, c.country, "
	"c.description, (SELECT count(*) FROM article a WHERE a.congress_id = c.id AND " VISIBLE ") "
	"FROM congress c WHERE c.site_id = ?2 AND (?3 = 0 OR c.year = ?3) "
	"ORDER BY c.starts_on DESC, c.name",
    [Q_CONGRESS_BY_SLUG] =
	"SELECT c.id, c.slug, c.name, c.full_name, c.year, c.starts_on, c.ends_on, c.city, "
	"c.country, c.description, (SELECT count(*) FROM article a WHERE a.congress_id = c.id "
	"AND " VISIBLE ") FROM congress c WHERE c.site_id = ?2 AND c.slug = ?3",
    /* a topic has a page only while an article a reader may see uses it */
    [Q_TAG_BY_SLUG] = "SELECT g.id, g.slug, g.name FROM tag g WHERE g.site_id = ?2 AND g.slug = ?3 AND "
		      "EXISTS (SELECT 1 FROM article_tag x JOIN article a ON a.id = x.article_id "
		      "WHERE x.tag_id = g.id AND " VISIBLE ")",
    [Q_TRIALS] =
	"SELECT t.id, t.slug, t.name, t.registry_id, t.phase, t.setting, (SELECT count(*) FROM article a "
	"WHERE a.trial_id = t.id AND " VISIBLE ") FROM trial t WHERE t.site_id = ?2 ORDER BY t.name",
    [Q_TAGS] = "SELECT g.id, g.slug, g.name, count(*) AS n FROM tag g JOIN article_tag x ON x.tag_id = g.id "
	       "JOIN article a ON a.id = x.article_id WHERE g.site_id = ?2 AND " VISIBLE
	       " GROUP BY g.id ORDER BY n DESC, g.name LIMIT ?3",
    /* the page's ids first, from the article_list index alone; rows and joins for those twelve only, not for
     * every article the OFFSET skips */
    [Q_ARTICLES] =
	"SELECT " ARTICLE_COLS ARTICLE_JOINS "WHERE a.id IN (SELECT a.id FROM article a WHERE " VISIBLE
	" AND " FILTER "ORDER BY a.published_at DESC, a.id DESC LIMIT ?8 OFFSET ?9) "
	"ORDER BY a.published_at DESC, a.id DESC",
    [Q_ARTICLES_COUNT] = "SELECT count(*) FROM article a WHERE " VISIBLE " AND " FILTER,
    /* the body leaves the database only for a reader at or above the article's audience */
    [Q_ARTICLE_BY_SLUG] =
	"SELECT " ARTICLE_COLS ", CASE WHEN " AUDIENCE_LEVEL " <= ?4 THEN a.body END, "
	"a.video_url, m.id, m.hash, m.kind, m.alt, m.width, m.height, m.credit " ARTICLE_JOINS
	"LEFT JOIN media m ON m.id = a.image_id WHERE " VISIBLE " AND a.site_id = ?2 AND a.slug = ?3",
    [Q_ARTICLE_PEOPLE] =
	"SELECT p.id, p.slug, p.name, p.title, p.affiliation, p.photo, ap.role FROM article_person ap "
	"JOIN person p ON p.id = ap.person_id WHERE ap.article_id = ?1 "
	"ORDER BY ap.role = 'interviewer', ap.position, p.name",
    [Q_ARTICLE_REFS] =
	"SELECT citation, abstract_no, url FROM reference WHERE article_id = ?1 ORDER BY position, id",
    [Q_ARTICLE_SPONSORS] = "SELECT p.id, p.slug, p.name, p.url, p.logo, p.disclosure FROM article_sponsor x "
			   "JOIN sponsor p ON p.id = x.sponsor_id WHERE x.article_id = ?1 ORDER BY p.name",
    [Q_ARTICLE_TAGS] = "SELECT g.id, g.slug, g.name FROM article_tag x JOIN tag g ON g.id = x.tag_id "
		       "WHERE x.article_id = ?1 ORDER BY g.name",
    [Q_RELATED] = "SELECT " ARTICLE_COLS ARTICLE_JOINS "JOIN article_related x ON x.related_id = a.id "
		  /* +a.site_id: start from the few related rows, not from every visible article of the
		   * site (the date index would be chosen: 20 ms a page at 10,000 articles) */
		  "WHERE x.article_id = ?3 AND " VISIBLE " AND +a.site_id = ?2 "
		  "ORDER BY x.score DESC, a.published_at DESC, a.id DESC LIMIT ?7",
    [Q_PAGE_BY_PATH] = "SELECT id, path, title, body, updated_at FROM page WHERE site_id = ?1 AND path = ?2",
    [Q_MENU] =
	"WITH RECURSIVE tree(id, parent_id, label, url, sortkey) AS ("
	" SELECT id, IFNULL(parent_id, 0), label, url, printf('%06d.%09d', position, id) FROM menu_item "
	" WHERE site_id = ?1 AND parent_id IS NULL"
	" UNION ALL SELECT m.id, m.parent_id, m.label, m.url, "
	" tree.sortkey || '/' || printf('%06d.%09d', m.position, m.id)"
	/* the site again, so the children are found by menu_by_site, not by an index built at every call */
	" FROM menu_item m JOIN tree ON m.parent_id = tree.id WHERE m.site_id = ?1)"
	" SELECT id, parent_id, label, url FROM tree ORDER BY sortkey",
    [Q_CONTACT_ADD] = "INSERT INTO contact_message (site_id, name, email, topic, message, created_at) "
		      "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    [Q_SITE_DEFAULT] = "INSERT INTO site (slug, name, specialty, host, tagline, is_default) "
		       "SELECT 'main', ?1, '', 'localhost', '', 1 WHERE NOT EXISTS (SELECT 1 FROM site)",
    [Q_SECRET_GET] = "SELECT value FROM setting WHERE name = ?1",
    [Q_DATA_VERSION] = "PRAGMA data_version",
    /* when the next article of the site becomes visible by its time alone (no write marks that moment) */
    [Q_NEXT_VISIBLE] = "SELECT min(a.published_at) FROM article a WHERE a.site_id = ?2 AND "
		       "a.status IN ('published', 'scheduled') AND a.published_at > ?1",
    [Q_SECRET_PUT] = "INSERT OR IGNORE INTO setting (name, value) VALUES (?1, ?2)",
};

struct store {
	struct store_head head; /* first: the backend table (backend.h) */
	sqlite3 *db;
	sqlite3_stmt *stmt[Q_COUNT];
	sqlite3_stmt *more[SQ_MORE_STATEMENTS];
	struct search_state *search; /* search.c's per-connection facts and buffers */
	struct store_memos memos;    /* list totals and menus read last (memo.h) */
	void *changes;		     /* changes.c's hooks' state */
	struct store_tuning tuning;
	struct parts *parts; /* parts.c's helper threads, made at the first search split in parts */
};

sqlite3_stmt *sq_prepare(store *s, int slot, const char *sql)
{
	sqlite3_stmt *st = s->more[slot];
	if (!st) {
		if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK)
			die("cannot prepare statement: %s (%s)", sqlite3_errmsg(s->db), sql);
		s->more[slot] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

sqlite3 *sq_db(store *s)
{
	return s->db;
}

struct search_state **sq_search_state(store *s)
{
	return &s->search;
}

const struct store_tuning *sq_tuning(store *s)
{
	return &s->tuning;
}

struct parts **sq_parts_held(store *s)
{
	return &s->parts;
}

static sqlite3_stmt *prep(store *s, enum stmt q)
{
	sqlite3_stmt *st = s->stmt[q];
	if (!st) {
		if (sqlite3_prepare_v3(s->db, sql_text[q], -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) !=
		    SQLITE_OK)
			die("cannot prepare statement %d: %s", (int)q, sqlite3_errmsg(s->db));
		s->stmt[q] = st;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return st;
}

int64_t store_now(void)
{
	static int64_t pinned = -1;
	if (pinned < 0) {
		const char *e = getenv("PLENARY_NOW");
		pinned = e && *e ? strtoll(e, NULL, 10) : 0;
	}
	if (pinned)
		return pinned;
	/* the precise clock: time() reads a coarse one that lags by up to a few milliseconds, so at an
	 * article's second the scheduler (which wakes by clock_gettime) would find nothing due yet */
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec;
}

/* Copies column i as text into the pool ("" for NULL). */
const char *sq_col_str(h2o_mem_pool_t *pool, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	size_t n = (size_t)sqlite3_column_bytes(st, i);
	char *p = h2o_mem_alloc_pool(pool, n + 1);
	if (t)
		memcpy(p, t, n);
	p[n] = '\0';
	return p;
}

int64_t sq_col_i64(sqlite3_stmt *st, int i)
{
	return sqlite3_column_int64(st, i);
}

int sq_step_error(store *s, sqlite3_stmt *st)
{
	log_error("database: %s (in: %.80s)", sqlite3_errmsg(s->db), sqlite3_sql(st));
	sqlite3_reset(st);
	return -1;
}

void sq_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
}

/* Runs a statement whose rows become an array of `size`-byte items filled by `fill`. */

int sq_collect(store *s, h2o_mem_pool_t *pool, sqlite3_stmt *st, size_t size, row_fill fill, void **out,
	       size_t *n)
{
	size_t cap = 16, len = 0;
	char *items = h2o_mem_alloc_pool(pool, cap * size);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		fill(pool, st, db_pool_push(pool, &items, &cap, len, size));
		len++;
	}
	if (rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	*out = items;
	*n = len;
	return 0;
}

void sq_store_tune(store *s, const struct store_tuning *t)
{
	s->tuning = *t;
	char sql[64];
	snprintf(sql, sizeof sql, "PRAGMA mmap_size = %zu", t->map_bytes);
	sq_run(s, sql);
}

int sq_run(store *s, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		log_error("database: %s (%s)", msg ? msg : "?", sql);
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int sq_ids(store *s, sqlite3_stmt *st, int64_t *out, size_t max, size_t *n)
{
	*n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (*n < max)
			out[(*n)++] = sqlite3_column_int64(st, 0);
	if (rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return 0;
}

/* Steps a single-row query: 1 and fill when a row came, 0 when none. */
int sq_one(store *s, h2o_mem_pool_t *pool, sqlite3_stmt *st, row_fill fill, void *item)
{
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		fill(pool, st, item);
		sqlite3_reset(st);
		return 1;
	}
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return 0;
	}
	return sq_step_error(s, st);
}

/* ---- migrations ---- */

static int exec_sql(sqlite3 *db, const char *sql, char *err, size_t errlen)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s", msg ? msg : sqlite3_errmsg(db));
		sqlite3_free(msg);
		return -1;
	}
	return 0;
}

int sq_store_schema_version(store *s)
{
	sqlite3_stmt *st;
	int v = -1;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	return v;
}

/* Applies the embedded NNN_name.sql migrations newer than PRAGMA user_version, each in a transaction. */
static int migrate(store *s, char *err, size_t errlen)
{
	int have = store_schema_version(s);
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		int num = atoi(f->name);
		/* pg/NNN_name.sql are PostgreSQL's (pg_migrate.c) */
		if (strchr(f->name, '/') || num <= 0 || num <= have)
			continue;
		char why[512], pragma[64];
		snprintf(pragma, sizeof pragma, "PRAGMA user_version = %d", num);
		if (exec_sql(s->db, "BEGIN IMMEDIATE", why, sizeof why) != 0)
			goto fail;
		/* another process may have migrated between our read and the lock */
		if (store_schema_version(s) >= num) {
			exec_sql(s->db, "COMMIT", why, sizeof why);
			continue;
		}
		if (exec_sql(s->db, f->data, why, sizeof why) != 0 ||
		    exec_sql(s->db, pragma, why, sizeof why) != 0 ||
		    exec_sql(s->db, "COMMIT", why, sizeof why) != 0) {
			exec_sql(s->db, "ROLLBACK", pragma, sizeof pragma);
			goto fail;
		}
		log_debug("database: applied migration %s", f->name);
		continue;
	fail:
		snprintf(err, errlen, "migration %s: %s", f->name, why);
		return -1;
	}
	return 0;
}

static void sq_close(store *s);

/* the SQLite backend's table: sq_store_NAME for every store_NAME of api.h */
static const struct store_ops sqlite_ops = {
#define STORE_FN(ret, name, params, args) .name = sq_##name,
#define STORE_VOID(name, params, args) .name = sq_##name,
#define STORE_DB(ret, name, params, args) .name = db_##name,
#include "store/api.h"
#undef STORE_FN
#undef STORE_VOID
#undef STORE_DB
    .close = sq_close,
    .article_parts = store_article_parts,
};

/* SQLite's memory statistics take one process-wide mutex on every allocation: every thread's queries would
 * queue on it (signed-in readers' session lookups, on the event loops). Off before the first connection. */
static void sqlite_setup(void)
{
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
}

store *sq_store_open(const char *path, char *err, size_t errlen)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	pthread_once(&once, sqlite_setup);
	store *s = calloc(1, sizeof *s);
	if (!s)
		die("out of memory");
	s->head.ops = &sqlite_ops;
	s->head.db = db_new(s, &db_sqlite_driver);
	int rc = sqlite3_open_v2(path, &s->db,
				 SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "%s: %s", path, s->db ? sqlite3_errmsg(s->db) : "cannot open");
		store_close(s);
		return NULL;
	}
	sqlite3_busy_timeout(s->db, 5000);
	char why[512];
	if (exec_sql(s->db,
		     "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;", why,
		     sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s", path, why);
		store_close(s);
		return NULL;
	}
	s->changes = sq_changes_watch(s->db);
	if (migrate(s, why, sizeof why) != 0 || sq_search_register(s, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s", path, why);
		store_close(s);
		return NULL;
	}
	return s;
}

static void sq_close(store *s)
{
	if (!s)
		return;
	sq_parts_free(s->parts); /* this connection no longer uses its database's search helpers */
	db_free(s->head.db);	 /* its statements, before the connection closes */
	for (int i = 0; i < Q_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	for (int i = 0; i < SQ_MORE_STATEMENTS; i++)
		sqlite3_finalize(s->more[i]);
	sq_search_state_free(s->search);
	memo_free(&s->memos);
	sqlite3_close(s->db);
	sqlite3_free(s->changes);
	free(s);
}

int sq_store_load_demo(store *s, char *err, size_t errlen)
{
	sqlite3_stmt *st;
	int sites = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM site", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			sites = sqlite3_column_int(st, 0);
		sqlite3_finalize(st);
	}
	if (sites != 0) {
		snprintf(err, errlen, "the database already has content; the demo needs an empty one");
		return -1;
	}
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (strcmp(f->name, "demo.sql") != 0)
			continue;
		char why[512];
		h2o_mem_pool_t pool;
		h2o_mem_init_pool(&pool);
		int failed = exec_sql(s->db, "BEGIN IMMEDIATE", why, sizeof why) != 0 ||
			     exec_sql(s->db, f->data, why, sizeof why) != 0;
		if (!failed && store_related_rebuild(s, &pool) != 0) {
			snprintf(why, sizeof why, "related articles: %s", sqlite3_errmsg(s->db));
			failed = 1;
		}
		h2o_mem_clear_pool(&pool);
		/* a new database: no process has pages of it cached, so the log of loading it goes */
		if (!failed && exec_sql(s->db, "DELETE FROM change_log", why, sizeof why) != 0)
			failed = 1;
		if (failed || exec_sql(s->db, "COMMIT", why, sizeof why) != 0) {
			char ignore[64];
			exec_sql(s->db, "ROLLBACK", ignore, sizeof ignore);
			snprintf(err, errlen, "demo content: %s", why);
			return -1;
		}
		return 0;
	}
	snprintf(err, errlen, "no demo content in this build");
	return -1;
}

int sq_store_down(store *s)
{
	(void)s;
	return 0; /* a file is always there */
}

int sq_store_secret(store *s, const char *name, char out[65])
{
	sqlite3_stmt *st = prep(s, Q_SECRET_GET);
	sq_bind_text(st, 1, name);
	for (int attempt = 0; attempt < 2; attempt++) {
		int rc = sqlite3_step(st);
		if (rc == SQLITE_ROW && sqlite3_column_bytes(st, 0) == 64) {
			memcpy(out, sqlite3_column_text(st, 0), 64);
			out[64] = '\0';
			sqlite3_reset(st);
			return 0;
		}
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return sq_step_error(s, st);
		sqlite3_reset(st);
		unsigned char raw[32];
		char hex[65];
		randombytes_buf(raw, sizeof raw);
		sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
		sqlite3_stmt *put = prep(s, Q_SECRET_PUT);
		sq_bind_text(put, 1, name);
		sq_bind_text(put, 2, hex);
		if (sqlite3_step(put) != SQLITE_DONE)
			return sq_step_error(s, put);
		sqlite3_reset(put);
	}
	return -1;
}

/* ---- rows ---- */

static void fill_site(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct site *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->specialty = sq_col_str(pool, st, 3);
	x->host = sq_col_str(pool, st, 4);
	x->tagline = sq_col_str(pool, st, 5);
	x->is_default = sqlite3_column_int(st, 6);
}

int sq_store_sites(store *s, h2o_mem_pool_t *pool, struct site **out, size_t *n)
{
	return sq_collect(s, pool, prep(s, Q_SITES), sizeof **out, fill_site, (void **)out, n);
}

static void fill_section(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct section *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->description = sq_col_str(pool, st, 3);
}

int sq_store_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section **out, size_t *n)
{
	sqlite3_stmt *st = prep(s, Q_SECTIONS);
	sqlite3_bind_int64(st, 1, site_id);
	return sq_collect(s, pool, st, sizeof **out, fill_section, (void **)out, n);
}

int sq_store_section_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			     struct section *out)
{
	sqlite3_stmt *st = prep(s, Q_SECTION_BY_SLUG);
	sqlite3_bind_int64(st, 1, site_id);
	sq_bind_text(st, 2, slug);
	return sq_one(s, pool, st, fill_section, out);
}

void sq_fill_congress(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct congress *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->full_name = sq_col_str(pool, st, 3);
	x->year = sqlite3_column_int(st, 4);
	x->starts_on = sq_col_str(pool, st, 5);
	x->ends_on = sq_col_str(pool, st, 6);
	x->city = sq_col_str(pool, st, 7);
	x->country = sq_col_str(pool, st, 8);
	x->description = sq_col_str(pool, st, 9);
	if (sqlite3_column_count(st) > 10)
		x->article_count = sqlite3_column_int(st, 10);
}

int sq_store_congresses(store *s, h2o_mem_pool_t *pool, int64_t site_id, int year, struct congress **out,
			size_t *n)
{
	sqlite3_stmt *st = prep(s, Q_CONGRESSES);
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, site_id);
	sqlite3_bind_int(st, 3, year);
	return sq_collect(s, pool, st, sizeof **out, sq_fill_congress, (void **)out, n);
}

int sq_store_congress_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			      struct congress *out)
{
	sqlite3_stmt *st = prep(s, Q_CONGRESS_BY_SLUG);
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, site_id);
	sq_bind_text(st, 3, slug);
	return sq_one(s, pool, st, sq_fill_congress, out);
}

static void fill_trial(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct trial *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->registry_id = sq_col_str(pool, st, 3);
	x->phase = sq_col_str(pool, st, 4);
	x->setting = sq_col_str(pool, st, 5);
	x->article_count = sq_col_i64(st, 6);
}

int sq_store_trials(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct trial **out, size_t *n)
{
	sqlite3_stmt *st = prep(s, Q_TRIALS);
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, site_id);
	return sq_collect(s, pool, st, sizeof **out, fill_trial, (void **)out, n);
}

static void fill_tag(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct tag *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	if (sqlite3_column_count(st) > 3)
		x->article_count = sqlite3_column_int(st, 3);
}

int sq_store_tag_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, struct tag *out)
{
	sqlite3_stmt *st = prep(s, Q_TAG_BY_SLUG);
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, site_id);
	sq_bind_text(st, 3, slug);
	return sq_one(s, pool, st, fill_tag, out);
}

int sq_store_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit, struct tag **out, size_t *n)
{
	sqlite3_stmt *st = prep(s, Q_TAGS);
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, site_id);
	sqlite3_bind_int64(st, 3, (int64_t)limit);
	return sq_collect(s, pool, st, sizeof **out, fill_tag, (void **)out, n);
}

void sq_fill_article_cols(h2o_mem_pool_t *pool, sqlite3_stmt *st, struct article *x)
{
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->title = sq_col_str(pool, st, 2);
	x->summary = sq_col_str(pool, st, 3);
	x->kind = sq_col_str(pool, st, 4);
	x->audience = sq_col_str(pool, st, 5);
	x->published_at = sq_col_i64(st, 6);
	x->updated_at = sq_col_i64(st, 7);
	x->section.id = sq_col_i64(st, 8);
	x->section.slug = sq_col_str(pool, st, 9);
	x->section.name = sq_col_str(pool, st, 10);
	x->congress.id = sq_col_i64(st, 11);
	x->congress.slug = sq_col_str(pool, st, 12);
	x->congress.name = sq_col_str(pool, st, 13);
	x->congress.year = sqlite3_column_int(st, 14);
	x->trial.id = sq_col_i64(st, 15);
	x->trial.slug = sq_col_str(pool, st, 16);
	x->trial.name = sq_col_str(pool, st, 17);
}

static void fill_article(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct article *x = item;
	sq_fill_article_cols(pool, st, x);
	if (sqlite3_column_count(st) > 18) {
		x->body_allowed = sqlite3_column_type(st, 18) != SQLITE_NULL;
		x->body = sq_col_str(pool, st, 18);
		x->video_url = sq_col_str(pool, st, 19);
		x->image.id = sq_col_i64(st, 20);
		x->image.hash = sq_col_str(pool, st, 21);
		x->image.kind = sq_col_str(pool, st, 22);
		x->image.alt = sq_col_str(pool, st, 23);
		x->image.width = sq_col_i64(st, 24);
		x->image.height = sq_col_i64(st, 25);
		x->image.credit = sq_col_str(pool, st, 26);
	}
}

static void bind_filter(sqlite3_stmt *st, const struct article_filter *f)
{
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, f->site_id);
	sqlite3_bind_int64(st, 3, f->section_id);
	sqlite3_bind_int64(st, 4, f->congress_id);
	sqlite3_bind_int64(st, 5, f->tag_id);
	sqlite3_bind_int64(st, 6, f->trial_id);
	sqlite3_bind_int64(st, 7, f->exclude_id);
}

int sq_store_stamp(store *s, struct store_stamp *out)
{
	sqlite3_stmt *st = prep(s, Q_DATA_VERSION);
	if (sqlite3_step(st) != SQLITE_ROW)
		return sq_step_error(s, st);
	out->data_version = sqlite3_column_int64(st, 0);
	out->changes = sqlite3_total_changes64(s->db);
	sqlite3_reset(st);
	return 0;
}

/* One integer from a statement bound by bind_filter; none (NULL or no row) gives dflt. */
static int filter_scalar(store *s, enum stmt q, const struct article_filter *f, int64_t dflt, int64_t *out)
{
	sqlite3_stmt *st = prep(s, q);
	bind_filter(st, f);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_step_error(s, st);
	*out = rc == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL ? sqlite3_column_int64(st, 0)
									     : dflt;
	sqlite3_reset(st);
	return 0;
}

/* The number of visible articles of a list, from the memo when it still holds (see struct count_memo). */
static int count_articles(store *s, const struct article_filter *f, size_t *total)
{
	int64_t count, until, now = store_now();
	struct store_stamp stamp;
	if (sq_store_stamp(s, &stamp) != 0)
		return -1;
	if (memo_count_find(&s->memos, f, &stamp, now, total))
		return 0;
	if (filter_scalar(s, Q_ARTICLES_COUNT, f, 0, &count) != 0 ||
	    filter_scalar(s, Q_NEXT_VISIBLE, f, INT64_MAX, &until) != 0)
		return -1;
	memo_count_keep(&s->memos, f, &stamp, until, (size_t)count);
	*total = (size_t)count;
	return 0;
}

int sq_store_articles(store *s, h2o_mem_pool_t *pool, const struct article_filter *f, size_t offset,
		      size_t limit, struct article **out, size_t *n, size_t *total)
{
	if (count_articles(s, f, total) != 0)
		return -1;
	sqlite3_stmt *st = prep(s, Q_ARTICLES);
	bind_filter(st, f);
	sqlite3_bind_int64(st, 8, (int64_t)limit);
	sqlite3_bind_int64(st, 9, (int64_t)offset);
	return sq_collect(s, pool, st, sizeof **out, fill_article, (void **)out, n);
}

static void fill_person(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct person *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->title = sq_col_str(pool, st, 3);
	x->affiliation = sq_col_str(pool, st, 4);
	x->photo = sq_col_str(pool, st, 5);
	x->role = sq_col_str(pool, st, 6);
}

static void fill_reference(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct reference *x = item;
	x->citation = sq_col_str(pool, st, 0);
	x->abstract_no = sq_col_str(pool, st, 1);
	x->url = sq_col_str(pool, st, 2);
}

static void fill_sponsor(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct sponsor *x = item;
	x->id = sq_col_i64(st, 0);
	x->slug = sq_col_str(pool, st, 1);
	x->name = sq_col_str(pool, st, 2);
	x->url = sq_col_str(pool, st, 3);
	x->logo = sq_col_str(pool, st, 4);
	x->disclosure = sq_col_str(pool, st, 5);
}

static sqlite3_stmt *prep_id(store *s, enum stmt q, int64_t id)
{
	sqlite3_stmt *st = prep(s, q);
	sqlite3_bind_int64(st, 1, id);
	return st;
}

int sq_store_article_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			     enum audience reader, struct article *out)
{
	sqlite3_stmt *st = prep(s, Q_ARTICLE_BY_SLUG);
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, site_id);
	sq_bind_text(st, 3, slug);
	sqlite3_bind_int(st, 4, (int)reader);
	memset(out, 0, sizeof *out);
	int found = sq_one(s, pool, st, fill_article, out);
	if (found != 1)
		return found;
	if (store_article_parts(s, pool, out) != 0)
		return -1;
	return 1;
}

int sq_store_related(store *s, h2o_mem_pool_t *pool, int64_t site_id, const struct article *a, size_t limit,
		     struct article **out, size_t *n)
{
	sqlite3_stmt *st = prep(s, Q_RELATED);
	sqlite3_bind_int64(st, 1, store_now());
	sqlite3_bind_int64(st, 2, site_id);
	sqlite3_bind_int64(st, 3, a->id);
	sqlite3_bind_int64(st, 7, (int64_t)limit);
	return sq_collect(s, pool, st, sizeof **out, fill_article, (void **)out, n);
}

static void fill_page(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct page *x = item;
	x->id = sq_col_i64(st, 0);
	x->path = sq_col_str(pool, st, 1);
	x->title = sq_col_str(pool, st, 2);
	x->body = sq_col_str(pool, st, 3);
	x->updated_at = sq_col_i64(st, 4);
}

int sq_store_page_by_path(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *path, struct page *out)
{
	sqlite3_stmt *st = prep(s, Q_PAGE_BY_PATH);
	sqlite3_bind_int64(st, 1, site_id);
	sq_bind_text(st, 2, path);
	return sq_one(s, pool, st, fill_page, out);
}

static void fill_menu(h2o_mem_pool_t *pool, sqlite3_stmt *st, void *item)
{
	struct menu_item *x = item;
	x->id = sq_col_i64(st, 0);
	x->parent_id = sq_col_i64(st, 1);
	x->label = sq_col_str(pool, st, 2);
	x->url = sq_col_str(pool, st, 3);
}

int sq_store_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_item **out, size_t *n)
{
	struct store_stamp stamp;
	if (sq_store_stamp(s, &stamp) != 0)
		return -1;
	if (memo_menu_find(&s->memos, pool, site_id, &stamp, out, n))
		return 0;
	struct menu_memo *m = memo_menu_slot(&s->memos);
	if (sq_collect(s, &m->pool, prep_id(s, Q_MENU, site_id), sizeof *m->items, fill_menu,
		       (void **)&m->items, &m->n) != 0)
		return -1;
	memo_menu_keep(m, site_id, &stamp, pool, out, n);
	return 0;
}

int64_t sq_store_contact_add(store *s, const struct contact_message *m)
{
	sqlite3_stmt *st = prep(s, Q_CONTACT_ADD);
	sqlite3_bind_int64(st, 1, m->site_id);
	sq_bind_text(st, 2, m->name);
	sq_bind_text(st, 3, m->email);
	sq_bind_text(st, 4, m->topic);
	sq_bind_text(st, 5, m->message);
	sqlite3_bind_int64(st, 6, store_now());
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return sqlite3_last_insert_rowid(s->db);
}

int sq_store_ensure_site(store *s, const char *name)
{
	sqlite3_stmt *st = prep(s, Q_SITE_DEFAULT);
	sq_bind_text(st, 1, name);
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	return 0;
}

int sq_exec(store *s, sqlite3_stmt *st, int *changes)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	if (changes)
		*changes = sqlite3_changes(s->db);
	return 0;
}

int store_article_parts(store *s, h2o_mem_pool_t *pool, struct article *out)
{
	if (sq_collect(s, pool, prep_id(s, Q_ARTICLE_PEOPLE, out->id), sizeof *out->people, fill_person,
		       (void **)&out->people, &out->npeople) != 0 ||
	    sq_collect(s, pool, prep_id(s, Q_ARTICLE_REFS, out->id), sizeof *out->refs, fill_reference,
		       (void **)&out->refs, &out->nrefs) != 0 ||
	    sq_collect(s, pool, prep_id(s, Q_ARTICLE_SPONSORS, out->id), sizeof *out->sponsors, fill_sponsor,
		       (void **)&out->sponsors, &out->nsponsors) != 0 ||
	    sq_collect(s, pool, prep_id(s, Q_ARTICLE_TAGS, out->id), sizeof *out->tags, fill_tag,
		       (void **)&out->tags, &out->ntags) != 0)
		return -1;
	return 0;
}
