/* translations_db: families of translated articles: their members, a new translation, and which are out of
 * date, on the seam. */
#include <stdio.h>
#include <string.h>

#include "store/backend.h"
#include "store/db.h"
#include "store/public_db.h"
#include "store/editorial.h"
#include "store/search.h"

enum {
	T_FAMILY = 880, /* slots 880-899 of the seam belong to translations_db.c */
	T_FAMILIES,
	T_ORIGINAL,
	T_SLUG_FREE,
	T_INSERT,
	T_PEOPLE,
	T_REFS,
	T_SPONSORS,
	T_TAGS,
	T_REVISION,
	T_CURRENT,
	T_VIDEO,
	T_CAPTIONS,
	T_END
};
_Static_assert(T_END <= 900, "translations_db.c owns the seam's statement slots 880 to 899");

/* The columns every member query selects: the family's original first, then by language. */
#define MEMBER_COLS                                                                                          \
	"a.id, COALESCE(a.family_id, a.id), a.slug, a.title, a.lang, a.status, COALESCE(a.published_at, "    \
	"0), "                                                                                               \
	"CASE WHEN a.family_id IS NOT NULL AND COALESCE(a.source_revision, 0) < o.revision_no THEN 1 ELSE "  \
	"0 "                                                                                                 \
	"END, a.revision_no "

static void fill_member(h2o_mem_pool_t *pool, struct db_stmt *st, void *item)
{
	struct translation *x = item;
	x->id = db_col_int64(st, 0);
	x->root_id = db_col_int64(st, 1);
	x->slug = db_col_text(st, pool, 2);
	x->title = db_col_text(st, pool, 3);
	x->lang = db_col_text(st, pool, 4);
	x->status = db_col_text(st, pool, 5);
	x->published_at = db_col_int64(st, 6);
	x->stale = db_col_int(st, 7);
	x->revision_no = db_col_int64(st, 8);
}

int store_article_family(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t root_id, int visible_only,
			 struct translation **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	struct db_stmt *st = db_prepare(
	    db_of(s), T_FAMILY,
	    "SELECT " MEMBER_COLS "FROM article a JOIN article o ON o.id = COALESCE(a.family_id, a.id) "
	    "WHERE (a.id = ?2 OR a.family_id = ?2) AND a.site_id = ?1 AND (CAST(?3 AS INTEGER) = 0 OR "
	    "(" DB_VISIBLE_AT("a", "?4") ")) ORDER BY a.family_id IS NOT NULL, a.lang");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, root_id);
	db_bind_int(st, 3, visible_only);
	db_bind_int64(st, 4, db_now());
	return db_collect(st, pool, sizeof **out, fill_member, (void **)out, n);
}

int store_site_families(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct translation **out, size_t *n)
{
	/* the visible members of every family with a visible translation, by original: a sitemap's alternates
	 */
	struct db_stmt *st = db_prepare(
	    db_of(s), T_FAMILIES,
	    "SELECT " MEMBER_COLS "FROM article a JOIN article o ON o.id = COALESCE(a.family_id, a.id) "
	    "WHERE a.site_id = ?1 AND " DB_VISIBLE_AT(
		"a", "?2") " AND COALESCE(a.family_id, a.id) IN "
			   "(SELECT t.family_id FROM article t WHERE t.site_id = ?1 AND t.family_id IS NOT "
			   "NULL AND " DB_VISIBLE_AT("t",
						     "?2") ") ORDER BY 2, a.family_id IS NOT NULL, a.lang");
	db_bind_int64(st, 1, site_id);
	db_bind_int64(st, 2, db_now());
	return db_collect(st, pool, sizeof **out, fill_member, (void **)out, n);
}

/* The translation's slug: the original's with "-LANG", then "-LANG-2", ... (the first free one). */
static int free_slug(struct db *d, int64_t site_id, const char *slug, const char *lang, char *out,
		     size_t size)
{
	for (int k = 1; k < 100; k++) {
		int len = k == 1 ? snprintf(out, size, "%.180s-%s", slug, lang)
				 : snprintf(out, size, "%.180s-%s-%d", slug, lang, k);
		if (len < 0 || (size_t)len >= size)
			return -1;
		struct db_stmt *st = db_prepare(
		    d, T_SLUG_FREE, "SELECT count(*) FROM article WHERE site_id = ?1 AND slug = ?2");
		db_bind_int64(st, 1, site_id);
		db_bind_text(st, 2, out);
		int64_t taken = 0;
		if (db_value(st, &taken) != 1)
			return -1;
		if (!taken)
			return 0;
	}
	return -1;
}

static int copy_children(struct db *d, int64_t from, int64_t to)
{
	static const struct {
		int slot;
		const char *sql;
	} copies[] = {
	    {T_PEOPLE,
	     "INSERT INTO article_person (article_id, person_id, role, position) SELECT ?2, person_id, "
	     "role, position FROM article_person WHERE article_id = ?1"},
	    {T_REFS, "INSERT INTO reference (article_id, position, citation, abstract_no, url) SELECT ?2, "
		     "position, citation, abstract_no, url FROM reference WHERE article_id = ?1"},
	    {T_SPONSORS, "INSERT INTO article_sponsor (article_id, sponsor_id) SELECT ?2, sponsor_id FROM "
			 "article_sponsor WHERE article_id = ?1"},
	    {T_TAGS, "INSERT INTO article_tag (article_id, tag_id) SELECT ?2, tag_id FROM article_tag WHERE "
		     "article_id = ?1"},
	    /* the same video, captions, chapters and transcript (in the language spoken) until changed */
	    {T_VIDEO,
	     "INSERT INTO article_video (article_id, file_id, duration_ms, poster_id, chapters, "
	     "transcript, transcript_plain, recorded_at, updated_at) SELECT ?2, file_id, duration_ms, "
	     "poster_id, chapters, transcript, transcript_plain, recorded_at, updated_at FROM "
	     "article_video WHERE article_id = ?1"},
	    {T_CAPTIONS, "INSERT INTO video_caption (article_id, lang, label, vtt, updated_at) SELECT ?2, "
			 "lang, label, vtt, updated_at FROM video_caption WHERE article_id = ?1"},
	};
	for (size_t i = 0; i < sizeof copies / sizeof *copies; i++) {
		struct db_stmt *st = db_prepare(d, copies[i].slot, copies[i].sql);
		db_bind_int64(st, 1, from);
		db_bind_int64(st, 2, to);
		if (db_exec(st, NULL) != 0)
			return -1;
	}
	return 0;
}

/* The translation inside its transaction. */
static enum translate_result translate(store *s, int64_t site_id, int64_t id, const char *lang,
				       int64_t user_id, int64_t *new_id)
{
	struct db *d = db_of(s);
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	/* the family's original (the article itself, or the one it translates) and its language */
	struct db_stmt *st =
	    db_prepare(d, T_ORIGINAL,
		       "SELECT o.id, o.slug, o.lang, o.revision_no, "
		       "(SELECT count(*) FROM article m WHERE COALESCE(m.family_id, m.id) = o.id "
		       "AND m.lang = ?3) FROM article a JOIN article o ON o.id = COALESCE(a.family_id, "
		       "a.id) WHERE a.id = ?1 AND a.site_id = ?2");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, site_id);
	db_bind_text(st, 3, lang);
	int rc = db_step(st);
	if (rc != DB_ROW) {
		if (rc == DB_DONE)
			db_reset(st);
		h2o_mem_clear_pool(&pool);
		return rc == DB_DONE ? TRANSLATE_NOT_FOUND : TRANSLATE_ERROR;
	}
	int64_t root = db_col_int64(st, 0), revision = db_col_int64(st, 3), taken = db_col_int64(st, 4);
	char slug[256];
	const char *root_slug = db_col_text(st, &pool, 1);
	db_reset(st);
	enum translate_result result = TRANSLATE_ERROR;
	if (taken) {
		result = TRANSLATE_EXISTS;
		goto out;
	}
	if (free_slug(d, site_id, root_slug, lang[0] ? lang : "x", slug, sizeof slug) != 0)
		goto out;
	/* a draft with the original's text and metadata: the translator replaces the words */
	st = db_prepare(
	    d, T_INSERT,
	    "INSERT INTO article (site_id, slug, title, summary, body, kind, section_id, congress_id, "
	    "trial_id, status, audience, video_url, image_id, published_at, created_at, updated_at, "
	    "author_id, revision_no, lang, family_id, source_revision) "
	    "SELECT site_id, ?2, title, summary, body, kind, section_id, congress_id, trial_id, "
	    "'draft', audience, video_url, image_id, NULL, ?3, ?3, "
	    "NULLIF(CAST(?4 AS BIGINT), 0), 1, ?5, id, revision_no FROM article WHERE id = ?1 "
	    "RETURNING id");
	db_bind_int64(st, 1, root);
	db_bind_text(st, 2, slug);
	db_bind_int64(st, 3, db_now());
	db_bind_int64(st, 4, user_id);
	db_bind_text(st, 5, lang);
	if (db_exec_id(st, new_id) != 1) {
		if (db_unique_violation(d))
			result = TRANSLATE_EXISTS;
		goto out;
	}
	if (copy_children(d, root, *new_id) != 0)
		goto out;
	st = db_prepare(
	    d, T_REVISION,
	    "INSERT INTO revision (article_id, created_at, title, summary, body, author_id, status, "
	    "audience, published_at, revision_no) SELECT id, created_at, title, summary, body, "
	    "author_id, status, audience, published_at, 1 FROM article WHERE id = ?1");
	db_bind_int64(st, 1, *new_id);
	if (db_exec(st, NULL) != 0)
		goto out;
	char target[32], detail[64];
	snprintf(target, sizeof target, "article:%lld", (long long)*new_id);
	snprintf(detail, sizeof detail, "%s of article:%lld r%lld", lang, (long long)root,
		 (long long)revision);
	if (store_audit(s, user_id, "article.translate", target, detail) != 0 ||
	    store_related_refresh(s, &pool, *new_id) != 0)
		goto out;
	result = TRANSLATE_OK;
out:
	h2o_mem_clear_pool(&pool);
	return result;
}

enum translate_result store_article_translate(store *s, int64_t site_id, int64_t id, const char *lang,
					      int64_t user_id, int64_t *new_id)
{
	struct db *d = db_of(s);
	if (db_begin(d) != 0)
		return TRANSLATE_ERROR;
	enum translate_result rc = translate(s, site_id, id, lang, user_id, new_id);
	if (rc != TRANSLATE_OK) {
		db_rollback(d);
		return rc;
	}
	return db_commit(d) == 0 ? TRANSLATE_OK : TRANSLATE_ERROR;
}

int store_translation_current(store *s, int64_t site_id, int64_t id)
{
	struct db_stmt *st = db_prepare(
	    db_of(s), T_CURRENT,
	    "UPDATE article SET source_revision = (SELECT o.revision_no FROM article o WHERE o.id = "
	    "article.family_id) WHERE id = ?1 AND site_id = ?2 AND family_id IS NOT NULL");
	db_bind_int64(st, 1, id);
	db_bind_int64(st, 2, site_id);
	int changes = 0;
	if (db_exec(st, &changes) != 0)
		return -1;
	return changes > 0;
}
