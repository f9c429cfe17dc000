/* pg_generate: synthetic articles added to the demo for benchmarks (`plenary demo DB --articles N`) on
 * PostgreSQL: the same articles as on SQLite (generate_db.c draws them), inserted in batches of rows sent as
 * arrays in one transaction with explicit ids, their search index rows made a batch at a time, then vacuumed
 * and analysed: a round trip per row, as SQLite's load does, would take minutes. */
#include <stdio.h>
#include <string.h>

#include "core/buf.h"
#include "store/generate_db.h"
#include "store/pg/pg_int.h"

enum {
	G_FIRST = 449, /* slots 450-469 belong to pg_generate.c */
	G_FIRST_ID,
	G_ARTICLES,
	G_ARTICLE_TAGS,
	G_ARTICLE_PEOPLE,
	G_INDEX,
	G_LAST
};
_Static_assert(G_LAST <= 470, "statement slots 450-469 belong to pg_generate.c");

#define BATCH 500 /* articles a statement inserts */

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
	struct gen_records recs;
	if (gen_records_read(s, &pool, &recs, err, errlen) != 0) {
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
	unsigned long long x = gen_seed(count);
	int64_t now = store_now();
	int rc = 0;
	for (size_t i = 0; i < count && rc == 0; i++, id++) {
		struct gen_article g;
		gen_article_next(&batch, &recs, &x, i, now, &g);
		arr_i64(&a[A_ID], id, 0);
		arr_text(&a[A_SLUG], g.slug);
		arr_text(&a[A_TITLE], g.title);
		arr_text(&a[A_SUMMARY], g.summary);
		arr_text(&a[A_BODY], g.body);
		arr_text(&a[A_KIND], g.kind);
		arr_i64(&a[A_SECTION], g.section, 0);
		arr_i64(&a[A_CONGRESS], g.congress, 0);
		arr_i64(&a[A_TRIAL], g.trial, g.trial == 0);
		arr_text(&a[A_AUDIENCE], g.audience);
		arr_i64(&a[A_AT], g.at, 0);
		for (int k = 0; k < 2; k++) {
			arr_i64(&a[A_TAG_ARTICLE], id, 0);
			arr_i64(&a[A_TAG], g.tags[k], 0);
		}
		arr_i64(&a[A_PERSON_ARTICLE], id, 0);
		arr_i64(&a[A_PERSON], g.person, 0);
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
