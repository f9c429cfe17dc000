/* pg_generate: synthetic articles added to the demo for benchmarks (`plenary demo DB --articles N`) on
 * PostgreSQL: the same articles generate.c makes (the same vocabulary and the same picks for a given count),
 * inserted in batches of rows sent as arrays in one transaction. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/pg_int.h"
#include "store/generate_text.h"

enum {
	G_FIRST = 449, /* slots 450-469 belong to pg_generate.c */
	G_SECTIONS,
	G_CONGRESSES,
	G_TRIALS,
	G_TAGS,
	G_PEOPLE,
	G_FIRST_ID,
	G_ARTICLES,
	G_ARTICLE_TAGS,
	G_ARTICLE_PEOPLE,
	G_INDEX,
	G_LAST
};
_Static_assert(G_LAST <= 470, "statement slots 450-469 belong to pg_generate.c");

#define BATCH 500 /* articles a statement inserts */

/* The ids of a query's first column, into a pool array (in the order SQLite's generate.c reads them: by
 * slug, the order of the unique index it walks). */
static size_t ids_of(store *s, h2o_mem_pool_t *pool, int slot, const char *sql, int64_t **out)
{
	PGresult *r = pg_q(s, slot, sql, NULL);
	size_t n = r ? (size_t)PQntuples(r) : 0;
	int64_t *ids = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof *ids);
	for (size_t i = 0; i < n; i++)
		ids[i] = pg_i64(r, (int)i, 0);
	PQclear(r);
	*out = ids;
	return n;
}

/* A PostgreSQL array's text, element by element: text quoted (with " and \ escaped), numbers bare, NULL. */
struct arr {
	buf b;
	size_t n;
};

static void arr_start(struct arr *a, h2o_mem_pool_t *pool)
{
	buf_init(&a->b, pool);
	buf_addc(&a->b, '{');
	a->n = 0;
}

static void arr_text(struct arr *a, const char *s)
{
	if (a->n++)
		buf_addc(&a->b, ',');
	buf_addc(&a->b, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_addc(&a->b, '\\');
		buf_addc(&a->b, *s);
	}
	buf_addc(&a->b, '"');
}

static void arr_i64(struct arr *a, int64_t v, int null)
{
	if (a->n++)
		buf_addc(&a->b, ',');
	if (null)
		buf_adds(&a->b, "NULL");
	else
		buf_printf(&a->b, "%lld", (long long)v);
}

static const char *arr_end(struct arr *a)
{
	buf_addc(&a->b, '}');
	return buf_cstr(&a->b);
}

enum {
	A_ID,
	A_SLUG,
	A_TITLE,
	A_SUMMARY,
	A_BODY,
	A_KIND,
	A_SECTION,
	A_CONGRESS,
	A_TRIAL,
	A_AUDIENCE,
	A_AT,
	A_TAG_ARTICLE,
	A_TAG,
	A_PERSON_ARTICLE,
	A_PERSON,
	A_COUNT
};

/* Sends a batch: its articles, then their topics and faculty. 0, or -1. */
static int flush(store *s, struct arr *a)
{
	if (a[A_ID].n == 0)
		return 0;
	struct pg_params p = {0};
	for (int i = A_ID; i <= A_AT; i++)
		pg_p_text(&p, arr_end(&a[i]));
	struct pg_params t = {0}, f = {0};
	pg_p_text(&t, arr_end(&a[A_TAG_ARTICLE]));
	pg_p_text(&t, arr_end(&a[A_TAG]));
	pg_p_text(&f, arr_end(&a[A_PERSON_ARTICLE]));
	pg_p_text(&f, arr_end(&a[A_PERSON]));
	int rc =
	    pg_exec(
		s, G_ARTICLES,
		"INSERT INTO article (id, site_id, slug, title, summary, body, kind, section_id, "
		"congress_id, "
		"trial_id, status, audience, published_at, created_at, updated_at) "
		"SELECT x.id, 1, x.slug, x.title, x.summary, x.body, x.kind, x.section, x.congress, x.trial, "
		"'published', x.audience, x.at, x.at, x.at FROM unnest($1::bigint[], $2::text[], $3::text[], "
		"$4::text[], $5::text[], $6::text[], $7::bigint[], $8::bigint[], $9::bigint[], $10::text[], "
		"$11::bigint[]) AS x(id, slug, title, summary, body, kind, section, congress, trial, "
		"audience, "
		"at) ORDER BY x.id",
		&p, NULL) == 0 &&
		    pg_exec(s, G_ARTICLE_TAGS,
			    "INSERT INTO article_tag (article_id, tag_id) SELECT * FROM unnest($1::bigint[], "
			    "$2::bigint[]) ON CONFLICT DO NOTHING",
			    &t, NULL) == 0 &&
		    pg_exec(
			s, G_ARTICLE_PEOPLE,
			"INSERT INTO article_person (article_id, person_id, role, position) "
			"SELECT x.a, x.p, 'speaker', 0 FROM unnest($1::bigint[], $2::bigint[]) AS x(a, p) "
			"ON CONFLICT DO NOTHING",
			&f, NULL) == 0
		? 0
		: -1;
	return rc;
}

int pg_store_generate_articles(store *s, size_t count, char *err, size_t errlen)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int64_t *sections, *congresses, *trials, *tags, *people;
	size_t ns =
	    ids_of(s, &pool, G_SECTIONS, "SELECT id FROM section WHERE site_id = 1 ORDER BY slug", &sections);
	size_t nc = ids_of(s, &pool, G_CONGRESSES, "SELECT id FROM congress WHERE site_id = 1 ORDER BY slug",
			   &congresses);
	size_t nt =
	    ids_of(s, &pool, G_TRIALS, "SELECT id FROM trial WHERE site_id = 1 ORDER BY slug", &trials);
	size_t ng = ids_of(s, &pool, G_TAGS, "SELECT id FROM tag WHERE site_id = 1 ORDER BY slug", &tags);
	size_t np = ids_of(s, &pool, G_PEOPLE, "SELECT id FROM person ORDER BY slug", &people);
	if (!ns || !nc || !ng || !np) {
		snprintf(err, errlen,
			 "the first site needs sections, congresses, topics and faculty (load the demo)");
		h2o_mem_clear_pool(&pool);
		return -1;
	}
	/* one transaction; the articles' ids follow the largest, as SQLite's rowids do */
	int64_t id = 0;
	if (pg_run(s, "BEGIN") != 0 || pg_run(s, "LOCK TABLE article IN EXCLUSIVE MODE") != 0 ||
	    pg_value(s, G_FIRST_ID, "SELECT COALESCE(max(id), 0) + 1 FROM article", NULL, &id) < 0) {
		snprintf(err, errlen, "generating articles: %s", PQerrorMessage(pg_conn(s)));
		pg_run(s, "ROLLBACK");
		h2o_mem_clear_pool(&pool);
		return -1;
	}
	h2o_mem_pool_t batch;
	h2o_mem_init_pool(&batch);
	struct arr a[A_COUNT];
	for (int i = 0; i < A_COUNT; i++)
		arr_start(&a[i], &batch);
	unsigned long long x = 0x9E3779B97F4A7C15ULL ^ count;
	int64_t now = store_now();
	int rc = 0;
	for (size_t i = 0; i < count && rc == 0; i++, id++) {
		struct generated g;
		generate_text(&batch, &x, i, &g);
		arr_i64(&a[A_ID], id, 0);
		arr_text(&a[A_SLUG], g.slug);
		arr_text(&a[A_TITLE], g.title);
		arr_text(&a[A_SUMMARY], g.summary);
		arr_text(&a[A_BODY], g.body);
		arr_text(&a[A_KIND], g.kind);
		/* the picks in generate.c's order: section, congress, trial, date, two topics, a speaker */
		arr_i64(&a[A_SECTION], sections[next(&x) % ns], 0);
		arr_i64(&a[A_CONGRESS], congresses[next(&x) % nc], 0);
		if (nt && i % 4 == 0)
			arr_i64(&a[A_TRIAL], trials[next(&x) % nt], 0);
		else
			arr_i64(&a[A_TRIAL], 0, 1);
		arr_text(&a[A_AUDIENCE], g.audience);
		arr_i64(&a[A_AT], now - 3600 - (int64_t)(next(&x) % (3 * 365 * 86400ULL)), 0);
		for (int k = 0; k < 2; k++) {
			arr_i64(&a[A_TAG_ARTICLE], id, 0);
			arr_i64(&a[A_TAG], tags[next(&x) % ng], 0);
		}
		arr_i64(&a[A_PERSON_ARTICLE], id, 0);
		arr_i64(&a[A_PERSON], people[next(&x) % np], 0);
		if (a[A_ID].n == BATCH) {
			rc = flush(s, a);
			h2o_mem_clear_pool(&batch);
			for (int k = 0; k < A_COUNT; k++)
				arr_start(&a[k], &batch);
		}
	}
	if (rc == 0)
		rc = flush(s, a);
	h2o_mem_clear_pool(&batch);
	/* their search index rows, a batch a statement (what the commit's triggers would make one article at
	 * a time; finding the rows current, they skip) */
	for (int64_t from = id - (int64_t)count; rc == 0 && from < id; from += BATCH) {
		struct pg_params p = {0};
		pg_p_i64(&p, from);
		pg_p_i64(&p, from + BATCH - 1 < id - 1 ? from + BATCH - 1 : id - 1);
		PGresult *r =
		    pg_q(s, G_INDEX,
			 "SELECT search_index(ARRAY(SELECT generate_series($1::bigint, $2::bigint)))", &p);
		rc = r ? 0 : -1;
		PQclear(r);
	}
	/* the identities go on after the largest id */
	if (rc == 0)
		rc = pg_reset_identities(s);
	if (rc != 0 || pg_run(s, "COMMIT") != 0) {
		snprintf(err, errlen, "generating articles: %s", PQerrorMessage(pg_conn(s)));
		pg_run(s, "ROLLBACK");
		rc = -1;
	}
	/* the vocabulary brought up to date; the load's lines in the change log would only make running nodes
	 * drop what they hold, once; the new rows (millions of postings) vacuumed, so that index-only scans
	 * read no table page, and analysed for the planner */
	if (rc == 0 && (store_search_upkeep(s) < 0 || pg_run(s, "DELETE FROM change_log") != 0 ||
			pg_run(s, "VACUUM (ANALYZE) article, article_search_index, search_posting") != 0)) {
		snprintf(err, errlen, "updating the search vocabulary: %s", PQerrorMessage(pg_conn(s)));
		rc = -1;
	}
	h2o_mem_clear_pool(&pool);
	return rc;
}
