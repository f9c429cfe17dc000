/* generate_db: synthetic articles added to the demo for benchmarks (`plenary demo DB --articles N`), what
 * both engines share, on the seam (db.h): the records they are spread over, each article's text and picks
 * (deterministic for a given count), and the row-at-a-time load SQLite uses. */
#include "store/generate_db.h"

#include <stdio.h>
#include <string.h>

#include "store/db.h"
#include "store/generate_text.h"
#include "store/search.h"

enum {
	G_SECTIONS = 340, /* slots 340-359 of the seam belong to generate_db.c */
	G_CONGRESSES,
	G_TRIALS,
	G_TAGS,
	G_PEOPLE,
	G_ARTICLE,
	G_TAG,
	G_PERSON,
	G_LAST
};
_Static_assert(G_LAST <= 360, "generate_db.c owns the seam's statement slots 340 to 359");

static void fill_id(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	(void)pool;
	*(int64_t *)item = db_col_int64(st, 0);
}

/* The ids a statement reads, into a pool array: how many (0 on error, which the caller reports as none). */
static size_t ids_of(store *s, h2o_mem_pool_t *pool, int slot, const char *sql, int64_t **out)
{
	size_t n = 0;
	if (db_collect(db_prepare(db_of(s), slot, sql), pool, sizeof **out, fill_id, (void **)out, &n) != 0)
		return 0;
	return n;
}

int gen_records_read(store *s, h2o_mem_pool_t *pool, struct gen_records *r, char *err, size_t errlen)
{
	r->nsections = ids_of(s, pool, G_SECTIONS, "SELECT id FROM section WHERE site_id = 1 ORDER BY slug",
			      &r->sections);
	r->ncongresses = ids_of(s, pool, G_CONGRESSES,
				"SELECT id FROM congress WHERE site_id = 1 ORDER BY slug", &r->congresses);
	r->ntrials =
	    ids_of(s, pool, G_TRIALS, "SELECT id FROM trial WHERE site_id = 1 ORDER BY slug", &r->trials);
	r->ntags = ids_of(s, pool, G_TAGS, "SELECT id FROM tag WHERE site_id = 1 ORDER BY slug", &r->tags);
	r->npeople = ids_of(s, pool, G_PEOPLE, "SELECT id FROM person ORDER BY slug", &r->people);
	if (!r->nsections || !r->ncongresses || !r->ntags || !r->npeople) {
		snprintf(err, errlen,
			 "the first site needs sections, congresses, topics and faculty (load the demo)");
		return -1;
	}
	return 0;
}

unsigned long long gen_seed(size_t count)
{
	return 0x9E3779B97F4A7C15ULL ^ count;
}

void gen_article_next(h2o_mem_pool_t *pool, const struct gen_records *r, unsigned long long *x, size_t i,
		      int64_t now, struct gen_article *out)
{
	struct generated g;
	generate_text(pool, x, i, &g);
	memcpy(out->title, g.title, sizeof out->title);
	memcpy(out->slug, g.slug, sizeof out->slug);
	memcpy(out->summary, g.summary, sizeof out->summary);
	out->body = g.body;
	out->kind = g.kind;
	out->audience = g.audience;
	/* the picks in this order: section, congress, trial, date, two topics, a speaker */
	out->section = r->sections[next(x) % r->nsections];
	out->congress = r->congresses[next(x) % r->ncongresses];
	out->trial = r->ntrials && i % 4 == 0 ? r->trials[next(x) % r->ntrials] : 0;
	out->at = now - 3600 - (int64_t)(next(x) % (3 * 365 * 86400ULL));
	for (int k = 0; k < 2; k++)
		out->tags[k] = r->tags[next(x) % r->ntags];
	out->person = r->people[next(x) % r->npeople];
}

/* Inserts one article with its topics and speaker: 0, or -1. */
static int insert_article(struct db *d, const struct gen_article *a)
{
	struct db_stmt *st =
	    db_prepare(d, G_ARTICLE,
		       "INSERT INTO article (site_id, slug, title, summary, body, kind, section_id, "
		       "congress_id, trial_id, status, audience, published_at, created_at, updated_at) "
		       "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'published', ?9, ?10, ?10, ?10) "
		       "RETURNING id");
	db_bind_text(st, 1, a->slug);
	db_bind_text(st, 2, a->title);
	db_bind_text(st, 3, a->summary);
	db_bind_text(st, 4, a->body);
	db_bind_text(st, 5, a->kind);
	db_bind_int64(st, 6, a->section);
	db_bind_int64(st, 7, a->congress);
	if (a->trial)
		db_bind_int64(st, 8, a->trial);
	else
		db_bind_null(st, 8);
	db_bind_text(st, 9, a->audience);
	db_bind_int64(st, 10, a->at);
	int64_t id = 0;
	if (db_exec_id(st, &id) != 1)
		return -1;
	for (int k = 0; k < 2; k++) {
		st = db_prepare(
		    d, G_TAG,
		    "INSERT INTO article_tag (article_id, tag_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING");
		db_bind_int64(st, 1, id);
		db_bind_int64(st, 2, a->tags[k]);
		if (db_exec(st, NULL) != 0)
			return -1;
	}
	st = db_prepare(d, G_PERSON,
			"INSERT INTO article_person (article_id, person_id, role, position) "
			"VALUES (?1, ?2, 'speaker', 0) ON CONFLICT DO NOTHING");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, a->person);
	return db_exec(st, NULL);
}

int gen_articles_by_row(store *s, size_t count, char *err, size_t errlen)
{
	struct db *d = db_of(s);
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct gen_records r;
	if (gen_records_read(s, &pool, &r, err, errlen) != 0) {
		h2o_mem_clear_pool(&pool);
		return -1;
	}
	if (db_begin(d) != 0) {
		snprintf(err, errlen, "generating articles: cannot begin a transaction");
		h2o_mem_clear_pool(&pool);
		return -1;
	}
	unsigned long long x = gen_seed(count);
	int64_t now = db_now();
	int rc = 0;
	h2o_mem_pool_t text;
	h2o_mem_init_pool(&text);
	for (size_t i = 0; i < count && rc == 0; i++) {
		struct gen_article a;
		gen_article_next(&text, &r, &x, i, now, &a);
		rc = insert_article(d, &a);
		h2o_mem_clear_pool(&text);
	}
	if (rc != 0) {
		db_rollback(d);
		rc = -1;
	} else if (db_commit(d) != 0) {
		rc = -1;
	}
	if (rc != 0)
		snprintf(err, errlen, "generating articles: a statement failed (the log tells which)");
	/* a bulk load leaves the full-text index in many pieces: merged now, with the vocabulary; its lines
	 * in the change log would only make running nodes drop what they hold, once */
	if (rc == 0 && (store_search_upkeep(s) < 0 || db_run(d, "DELETE FROM change_log") != 0)) {
		snprintf(err, errlen, "merging the search index: a statement failed (the log tells which)");
		rc = -1;
	}
	h2o_mem_clear_pool(&pool);
	return rc;
}
