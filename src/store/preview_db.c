/* preview_db: the article an unsaved edit would publish (read, never written), written once on the seam. */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/text.h"
#include "store/db.h"
#include "store/public_db.h"
#include "store/editorial.h"
#include "store/desk.h"
#include "store/media.h"

enum {
	V_PERSON = 380, /* slots 380-389 of the seam belong to preview_db.c, 390-399 to autosave_db.c */
	V_SECTION,
	V_TAG,
	V_LAST
};
_Static_assert(V_LAST <= 390, "preview_db.c owns the seam's statement slots 380 to 389");

/* The people in the order the saved article lists them (public_db.c: the byline, the speakers, the others by
 * position, an interviewer last), each (person, role) once as the table's key keeps them. */
static int add_people(store *s, h2o_mem_pool_t *pool, const struct article_edit *e, struct article *a)
{
	size_t max = 1 + e->nspeakers + e->nothers, n = 0;
	struct person *ps = h2o_mem_alloc_pool(pool, sizeof *ps * max);
	for (int last = 0; last < 2; last++)
		for (size_t i = 0; i < max; i++) {
			int64_t id = !i			 ? e->interviewer
				     : i <= e->nspeakers ? e->speakers[i - 1]
							 : e->others[i - 1 - e->nspeakers].id;
			const char *role = !i ? (e->byline_role ? e->byline_role : "interviewer")
					   : i <= e->nspeakers ? "speaker"
							       : e->others[i - 1 - e->nspeakers].role;
			if (!id || (strcmp(role, "interviewer") == 0) != last)
				continue;
			int dup = 0;
			for (size_t k = 0; k < n && !dup; k++)
				dup = ps[k].id == id && strcmp(ps[k].role, role) == 0;
			struct db_stmt *st = db_prepare(db_of(s), V_PERSON,
							"SELECT id, slug, name, title, affiliation, photo, "
							"CAST(?2 AS TEXT) FROM person WHERE id = ?1");
			db_bind_int64(st, 1, id);
			db_bind_text(st, 2, role);
			int found = dup ? 0 : db_one(st, pool, db_fill_person, &ps[n]);
			if (found < 0)
				return -1;
			n += (size_t)found;
		}
	a->people = ps;
	a->npeople = n;
	return 0;
}

static int by_sponsor_name(const void *x, const void *y)
{
	return strcmp(((const struct sponsor *)x)->name, ((const struct sponsor *)y)->name);
}

static int by_tag_name(const void *x, const void *y)
{
	return strcmp(((const struct tag *)x)->name, ((const struct tag *)y)->name);
}

static int add_sponsors(store *s, h2o_mem_pool_t *pool, const struct article_edit *e, struct article *a)
{
	struct sponsor *xs = h2o_mem_alloc_pool(pool, sizeof *xs * (e->nsponsors + 1));
	size_t n = 0;
	for (size_t i = 0; i < e->nsponsors; i++) {
		int dup = 0;
		for (size_t k = 0; k < n && !dup; k++)
			dup = xs[k].id == e->sponsors[i];
		int found = dup || !e->sponsors[i]
				? 0
				: store_sponsor_by_id(s, pool, e->site_id, e->sponsors[i], &xs[n]);
		if (found < 0)
			return -1;
		n += found == 1;
	}
	qsort(xs, n, sizeof *xs, by_sponsor_name);
	a->sponsors = xs;
	a->nsponsors = n;
	return 0;
}

/* A tag is found as saving finds it (by its name first, then by the slug its name gives); one that does not
 * exist yet shows as it will be made. */
static int add_tags(store *s, h2o_mem_pool_t *pool, const struct article_edit *e, struct article *a)
{
	struct tag *xs = h2o_mem_alloc_pool(pool, sizeof *xs * (e->ntags + 1));
	size_t n = 0;
	for (size_t i = 0; i < e->ntags; i++) {
		char slug[128];
		text_slug(e->tags[i], slug, sizeof slug);
		if (!slug[0])
			continue;
		struct db_stmt *st =
		    db_prepare(db_of(s), V_TAG,
			       "SELECT id, slug, name FROM tag WHERE site_id = ?1 AND (slug = CAST(?2 AS "
			       "TEXT) OR lower(name) = "
			       "lower(CAST(?3 AS TEXT))) ORDER BY lower(name) = lower(?3) DESC, id LIMIT 1");
		db_bind_int64(st, 1, e->site_id);
		db_bind_text(st, 2, slug);
		db_bind_text(st, 3, e->tags[i]);
		struct tag t = {0};
		int found = db_one(st, pool, db_fill_tag, &t);
		if (found < 0)
			return -1;
		if (!found)
			t = (struct tag){0, mem_strndup(pool, slug, strlen(slug)), e->tags[i], 0};
		int dup = 0;
		for (size_t k = 0; k < n && !dup; k++)
			dup = strcmp(xs[k].slug, t.slug) == 0;
		if (!dup)
			xs[n++] = t;
	}
	qsort(xs, n, sizeof *xs, by_tag_name);
	a->tags = xs;
	a->ntags = n;
	return 0;
}

int store_article_preview(store *s, h2o_mem_pool_t *pool, const struct article_edit *e, struct article *out)
{
	memset(out, 0, sizeof *out);
	out->id = e->id;
	out->slug = e->slug;
	out->title = e->title;
	out->summary = e->summary;
	out->body = e->body;
	out->kind = e->kind;
	out->audience = e->audience;
	out->lang = e->lang ? e->lang : "";
	out->status = e->status;
	out->video_url = e->video_url;
	out->published_at = e->published_at;
	out->updated_at = e->published_at;
	out->body_allowed = 1;
	out->author_name = "";
	out->section = (struct section){0, "", "", ""};
	out->congress = (struct congress){.slug = "", .name = "", .full_name = ""};
	out->trial = (struct trial){0, "", "", "", "", "", 0};
	out->refs = (struct reference *)e->refs;
	out->nrefs = e->nrefs;
	struct db_stmt *st =
	    db_prepare(db_of(s), V_SECTION,
		       "SELECT id, slug, name, description FROM section WHERE id = ?1 AND site_id = ?2");
	db_bind_int64(st, 1, e->section_id);
	db_bind_int64(st, 2, e->site_id);
	struct section sec;
	struct congress c;
	struct trial_edit t;
	struct media m;
	int found[4] = {
	    db_one(st, pool, db_fill_section, &sec),
	    e->congress_id ? store_congress_by_id(s, pool, e->site_id, e->congress_id, &c) : 0,
	    e->trial_id ? store_trial_by_id(s, pool, e->site_id, e->trial_id, &t) : 0,
	    e->image_id ? store_media_by_id(s, pool, e->site_id, e->image_id, &m) : 0,
	};
	for (int i = 0; i < 4; i++)
		if (found[i] < 0)
			return -1;
	/* what is not found (a section, congress, trial or image removed meanwhile) shows as none */
	if (found[0])
		out->section = sec;
	if (found[1])
		out->congress = c;
	if (found[2])
		out->trial = (struct trial){t.id, t.slug, t.name, t.registry_id, t.phase, t.setting, 0};
	if (found[3])
		out->image = m;
	if (add_people(s, pool, e, out) || add_sponsors(s, pool, e, out) || add_tags(s, pool, e, out))
		return -1;
	return 0;
}
