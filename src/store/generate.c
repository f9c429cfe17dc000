/* generate: synthetic articles added to the demo for benchmarks (`plenary demo DB --articles N`): varied
 * titles and bodies from medical vocabulary, spread over the first site's sections, congresses, trials,
 * topics and faculty, and over three years. Deterministic for a given count. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "core/log.h"
#include "store/generate_text.h"
#include "store/sqlite_int.h"

enum {
	G_FIRST = 160, /* slots 160-169 belong to generate.c (SQ_MORE_STATEMENTS is raised to fit) */
	G_ARTICLE,
	G_TAG,
	G_PERSON,
	G_LAST
};
_Static_assert(G_LAST <= SQ_MORE_STATEMENTS, "statement slots");

/* The ids of a query's first column, into a pool array. */
static size_t ids_of(store *s, h2o_mem_pool_t *pool, const char *sql, int64_t **out)
{
	/* its own statement: a slot keeps the SQL it was first prepared with, and each call asks another */
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(sq_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		die("cannot prepare statement: %s (%s)", sqlite3_errmsg(sq_db(s)), sql);
	size_t n = 0, cap = 64;
	int64_t *ids = h2o_mem_alloc_pool(pool, cap * sizeof *ids);
	while (sqlite3_step(st) == SQLITE_ROW) {
		if (n == cap) {
			int64_t *more = h2o_mem_alloc_pool(pool, cap * 2 * sizeof *ids);
			memcpy(more, ids, n * sizeof *ids);
			ids = more, cap *= 2;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	*out = ids;
	return n;
}

int sq_store_generate_articles(store *s, size_t count, char *err, size_t errlen)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int64_t *sections, *congresses, *trials, *tags, *people;
	size_t ns = ids_of(s, &pool, "SELECT id FROM section WHERE site_id = 1", &sections);
	size_t nc = ids_of(s, &pool, "SELECT id FROM congress WHERE site_id = 1", &congresses);
	size_t nt = ids_of(s, &pool, "SELECT id FROM trial WHERE site_id = 1", &trials);
	size_t ng = ids_of(s, &pool, "SELECT id FROM tag WHERE site_id = 1", &tags);
	size_t np = ids_of(s, &pool, "SELECT id FROM person", &people);
	if (!ns || !nc || !ng || !np) {
		snprintf(err, errlen,
			 "the first site needs sections, congresses, topics and faculty (load the demo)");
		h2o_mem_clear_pool(&pool);
		return -1;
	}
	char *msg = NULL;
	/* one big transaction: a page cache large enough that it never spills to the WAL half-way */
	sqlite3_exec(sq_db(s), "PRAGMA cache_size = -262144", NULL, NULL, NULL);
	if (sqlite3_exec(sq_db(s), "BEGIN IMMEDIATE", NULL, NULL, &msg) != SQLITE_OK) {
		snprintf(err, errlen, "%s", msg ? msg : "cannot begin");
		sqlite3_free(msg);
		h2o_mem_clear_pool(&pool);
		return -1;
	}
	unsigned long long x = 0x9E3779B97F4A7C15ULL ^ count;
	int64_t now = store_now();
	int rc = 0;
	for (size_t i = 0; i < count && rc == 0; i++) {
		struct generated g;
		generate_text(&pool, &x, i, &g);
		sqlite3_stmt *st = sq_prepare(s, G_ARTICLE,
					      "INSERT INTO article (site_id, slug, title, summary, body, "
					      "kind, section_id, congress_id, trial_id, "
					      "status, audience, published_at, created_at, updated_at) "
					      "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, "
					      "?8, 'published', ?9, ?10, ?10, ?10)");
		sq_bind_text(st, 1, g.slug);
		sq_bind_text(st, 2, g.title);
		sq_bind_text(st, 3, g.summary);
		sq_bind_text(st, 4, g.body);
		sq_bind_text(st, 5, g.kind);
		sqlite3_bind_int64(st, 6, sections[next(&x) % ns]);
		sqlite3_bind_int64(st, 7, congresses[next(&x) % nc]);
		if (nt && i % 4 == 0)
			sqlite3_bind_int64(st, 8, trials[next(&x) % nt]);
		else
			sqlite3_bind_null(st, 8);
		sq_bind_text(st, 9, g.audience);
		sqlite3_bind_int64(st, 10, now - 3600 - (int64_t)(next(&x) % (3 * 365 * 86400ULL)));
		rc = sq_exec(s, st, NULL);
		int64_t id = sqlite3_last_insert_rowid(sq_db(s));
		for (int k = 0; rc == 0 && k < 2; k++) {
			sqlite3_stmt *t = sq_prepare(
			    s, G_TAG,
			    "INSERT OR IGNORE INTO article_tag (article_id, tag_id) VALUES (?1, ?2)");
			sqlite3_bind_int64(t, 1, id);
			sqlite3_bind_int64(t, 2, tags[next(&x) % ng]);
			rc = sq_exec(s, t, NULL);
		}
		if (rc == 0) {
			sqlite3_stmt *p =
			    sq_prepare(s, G_PERSON,
				       "INSERT OR IGNORE INTO article_person (article_id, person_id, role, "
				       "position) VALUES (?1, ?2, 'speaker', 0)");
			sqlite3_bind_int64(p, 1, id);
			sqlite3_bind_int64(p, 2, people[next(&x) % np]);
			rc = sq_exec(s, p, NULL);
		}
	}
	if (rc != 0 || sqlite3_exec(sq_db(s), "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "generating articles: %s", sqlite3_errmsg(sq_db(s)));
		sqlite3_exec(sq_db(s), "ROLLBACK", NULL, NULL, NULL);
		rc = -1;
	}
	/* a bulk load leaves the full-text index in many pieces: merged now, with the vocabulary; its lines
	 * in the change log would only make running nodes drop what they hold, once */
	if (rc == 0 && (store_search_upkeep(s) < 0 || sq_run(s, "DELETE FROM change_log") != 0)) {
		snprintf(err, errlen, "merging the search index: %s", sqlite3_errmsg(sq_db(s)));
		rc = -1;
	}
	h2o_mem_clear_pool(&pool);
	return rc;
}
