/* sq_related: "you may also be interested in": scored once when an article is saved and for its neighbours,
 * by the same trial, the same congress and section, shared topics and faculty, then words in common. */
#include <string.h>

#include "core/buf.h"
#include "store/sqlite/sqlite_int.h"

enum {
	R_FIRST = 150, /* slots 150-159 belong to sq_related.c */
	R_SCORE,
	R_CLEAR,
	R_ADD,
	R_ADD_BACK,
	R_TRIM,
	R_WORDS,
	R_ALL,
	R_LAST
};
_Static_assert(R_LAST <= 160, "statement slots 150-159 belong to sq_related.c");
_Static_assert(R_LAST <= SQ_MORE_STATEMENTS, "statement slots");

#define KEEP 24 /* candidates kept per article; readers see the visible best of them */

/* ?1 the article, ?2 an FTS5 query of its title's words. Candidates come from each signal separately so a
 * section with thousands of articles costs its newest hundred, not all of them. */
#define SCORE_SQL                                                                                            \
	"WITH me AS (SELECT * FROM article WHERE id = ?1), "                                                 \
	"sim(id, s) AS (SELECT rowid, -bm25(article_search) FROM article_search WHERE article_search MATCH " \
	"?2 "                                                                                                \
	"AND rowid <> ?1 ORDER BY rank LIMIT 30), "                                                          \
	"cand(id) AS ("                                                                                      \
	"SELECT id FROM article WHERE trial_id = (SELECT trial_id FROM me) AND id <> ?1 "                    \
	"UNION SELECT id FROM (SELECT id FROM article WHERE congress_id = (SELECT congress_id FROM me) "     \
	"AND id <> ?1 ORDER BY published_at DESC LIMIT 200) "                                                \
	"UNION SELECT id FROM (SELECT id FROM article WHERE section_id = (SELECT section_id FROM me) "       \
	"AND id <> ?1 ORDER BY published_at DESC LIMIT 100) "                                                \
	"UNION SELECT y.article_id FROM article_tag x JOIN article_tag y ON y.tag_id = x.tag_id "            \
	"WHERE x.article_id = ?1 AND y.article_id <> ?1 "                                                    \
	"UNION SELECT y.article_id FROM article_person x JOIN article_person y ON y.person_id = "            \
	"x.person_id "                                                                                       \
	"WHERE x.article_id = ?1 AND y.article_id <> ?1 "                                                    \
	"UNION SELECT id FROM sim) "                                                                         \
	"SELECT b.id, "                                                                                      \
	"(CASE WHEN a.trial_id IS NOT NULL AND b.trial_id = a.trial_id THEN 100 ELSE 0 END) + "              \
	"(CASE WHEN b.congress_id = a.congress_id AND b.section_id = a.section_id THEN 40 "                  \
	"WHEN b.congress_id = a.congress_id THEN 15 WHEN b.section_id = a.section_id THEN 10 ELSE 0 END) + " \
	"8 * (SELECT count(*) FROM article_tag x JOIN article_tag y ON y.tag_id = x.tag_id "                 \
	"WHERE x.article_id = a.id AND y.article_id = b.id) + "                                              \
	"12 * (SELECT count(*) FROM article_person x JOIN article_person y ON y.person_id = x.person_id "    \
	"WHERE x.article_id = a.id AND y.article_id = b.id) + "                                              \
	"min(IFNULL((SELECT s FROM sim WHERE sim.id = b.id), 0), 8.0) AS score "                             \
	"FROM cand JOIN article b ON b.id = cand.id JOIN me a ON b.site_id = a.site_id "                     \
	"ORDER BY score DESC, b.published_at DESC LIMIT 60"

/* The article's title words of four letters or more, ORed, quoted: its text neighbours. */
static const char *title_query(store *s, h2o_mem_pool_t *pool, int64_t id)
{
	sqlite3_stmt *st = sq_prepare(s, R_WORDS, "SELECT title FROM article WHERE id = ?1");
	sqlite3_bind_int64(st, 1, id);
	const char *title = sqlite3_step(st) == SQLITE_ROW ? sq_col_str(pool, st, 0) : "";
	sqlite3_reset(st);
	buf q;
	buf_init(&q, pool);
	int words = 0;
	for (const char *p = title; *p && words < 12;) {
		size_t n = 0;
		while (p[n] && ((p[n] | 0x20) >= 'a' && (p[n] | 0x20) <= 'z'))
			n++;
		if (n >= 4) {
			buf_printf(&q, "%s\"%.*s\"", words ? " OR " : "", (int)n, p);
			words++;
		}
		p += n ? n : 1;
	}
	return words ? buf_cstr(&q) : "\"plenary-no-words\"";
}

static int refresh(store *s, h2o_mem_pool_t *pool, int64_t id, int neighbours)
{
	sqlite3_stmt *st = sq_prepare(s, R_SCORE, SCORE_SQL);
	sqlite3_bind_int64(st, 1, id);
	sq_bind_text(st, 2, title_query(s, pool, id));
	int64_t ids[60];
	double scores[60];
	size_t n = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < 60) {
		ids[n] = sqlite3_column_int64(st, 0);
		scores[n++] = sqlite3_column_double(st, 1);
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	/* its own list, and itself in the lists of its strongest neighbours (each trimmed to KEEP) */
	sqlite3_stmt *clear = sq_prepare(
	    s, R_CLEAR, "DELETE FROM article_related WHERE article_id = ?1 OR (?2 AND related_id = ?1)");
	sqlite3_bind_int64(clear, 1, id);
	sqlite3_bind_int(clear, 2, neighbours);
	if (sq_exec(s, clear, NULL) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (scores[i] <= 0)
			continue;
		if (i < KEEP) {
			sqlite3_stmt *add = sq_prepare(s, R_ADD,
						       "INSERT INTO article_related (article_id, related_id, "
						       "score) VALUES (?1, ?2, ?3)");
			sqlite3_bind_int64(add, 1, id);
			sqlite3_bind_int64(add, 2, ids[i]);
			sqlite3_bind_double(add, 3, scores[i]);
			if (sq_exec(s, add, NULL) != 0)
				return -1;
		}
		if (!neighbours)
			continue;
		sqlite3_stmt *back =
		    sq_prepare(s, R_ADD_BACK,
			       "INSERT OR REPLACE INTO article_related (article_id, related_id, score) "
			       "VALUES (?1, ?2, ?3)");
		sqlite3_bind_int64(back, 1, ids[i]);
		sqlite3_bind_int64(back, 2, id);
		sqlite3_bind_double(back, 3, scores[i]);
		if (sq_exec(s, back, NULL) != 0)
			return -1;
		sqlite3_stmt *trim = sq_prepare(s, R_TRIM,
						"DELETE FROM article_related WHERE article_id = ?1 AND "
						"related_id NOT IN (SELECT related_id "
						"FROM article_related WHERE article_id = ?1 ORDER BY score "
						"DESC, related_id DESC LIMIT ?2)");
		sqlite3_bind_int64(trim, 1, ids[i]);
		sqlite3_bind_int(trim, 2, KEEP);
		if (sq_exec(s, trim, NULL) != 0)
			return -1;
	}
	return 0;
}

int sq_store_related_rebuild(store *s, h2o_mem_pool_t *pool)
{
	sqlite3_stmt *st = sq_prepare(s, R_ALL, "SELECT id FROM article ORDER BY id");
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			int64_t *bigger = h2o_mem_alloc_pool(pool, (cap = cap ? cap * 2 : 256) * sizeof *ids);
			if (n)
				memcpy(bigger, ids, n * sizeof *ids);
			ids = bigger;
		}
		ids[n++] = sqlite3_column_int64(st, 0);
	}
	if (rc != SQLITE_DONE)
		return sq_step_error(s, st);
	sqlite3_reset(st);
	for (size_t i = 0; i < n; i++)
		if (refresh(s, pool, ids[i], 0) != 0) /* every list is made whole: no neighbour to update */
			return -1;
	return 0;
}

int sq_store_related_refresh(store *s, h2o_mem_pool_t *pool, int64_t id)
{
	return refresh(s, pool, id, 1);
}
