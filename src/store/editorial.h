/* editorial: the back office's reads and writes of articles, revisions, translations (editorial_db.c,
 * records_db.c) */
#ifndef PLENARY_STORE_EDITORIAL_H
#define PLENARY_STORE_EDITORIAL_H

#include "store/store.h"

/* ---- the back office (src/store/editorial_db.c, records_db.c): every status, no visibility rule ---- */

/** What an editor saves. id 0 creates; expected_revision is the revision the editor started from. */
struct article_edit {
	int64_t id, site_id, expected_revision;
	const char *slug, *title, *summary, *body, *kind, *status, *audience, *video_url;
	const char *lang;				     /* "" (or NULL): the site's default */
	int64_t section_id, congress_id, trial_id, image_id; /* 0: none */
	int64_t published_at;				     /* 0: not set */
	const char *const *tags;			     /* names; missing tags are created */
	size_t ntags;
	const int64_t *speakers;
	size_t nspeakers;
	int64_t interviewer;	 /* 0: none; the one person the article is by, first in its people */
	const char *byline_role; /* that person's role: "interviewer" (NULL) or "author" */
	const struct person
	    *others; /* people the editor does not edit (id and role), kept after the speakers */
	size_t nothers;
	const struct reference *refs;
	size_t nrefs;
	const int64_t *sponsors;
	size_t nsponsors;
};

/** A member of a family of translations: the original (root_id == id) or a translation of it. */
struct translation {
	int64_t id, root_id;
	const char *slug, *title, *lang, *status; /* lang: "" for the site's default language */
	int64_t published_at, revision_no;
	int stale; /* a translation whose original has a newer revision than the one it was brought up to */
};

/** The members of the family whose original is root_id (visible to readers only, with visible_only), the
 * original first, then by language. */
int store_article_family(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t root_id, int visible_only,
			 struct translation **out, size_t *n);
/** The visible members of each of a site's families that has a visible translation, ordered by root_id (the
 * original of each first): a sitemap's alternates. */
int store_site_families(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct translation **out, size_t *n);

enum translate_result {
	TRANSLATE_ERROR = -1,
	TRANSLATE_OK = 0,
	TRANSLATE_EXISTS = 1,
	TRANSLATE_NOT_FOUND = 2
};
/** A new draft translation into lang of the family article id belongs to: the original's text, metadata,
 * people, references, sponsors and topics, a slug of the original's with "-lang", following the original's
 * current revision. TRANSLATE_EXISTS when the family has lang already. */
enum translate_result store_article_translate(store *s, int64_t site_id, int64_t id, const char *lang,
					      int64_t user_id, int64_t *new_id);
/** Marks translation id as up to date with its original's current revision: 1, 0 when id is no translation
 * of the site, -1. */
int store_translation_current(store *s, int64_t site_id, int64_t id);

/** Filters of the back office's list; zero or NULL fields do not filter. */
struct admin_filter {
	int64_t site_id, section_id, congress_id, author_id;
	const char *status, *q; /* q: words in the title */
};

struct revision {
	int64_t id, author_id, published_at, created_at, revision_no;
	const char *title, *summary, *body, *status, *audience, *author_name;
};

struct audit_entry {
	int64_t at;
	const char *user_email, *action, *target, *detail;
};

struct named {
	int64_t id;
	const char *name, *detail;
};

/** Saves an article, its faculty, references, sponsors and tags, and a revision, in one transaction.
 * SAVE_CONFLICT when someone saved since expected_revision; SAVE_SLUG_TAKEN when the slug is used. */
enum save_result store_article_save(store *s, const struct article_edit *e, int64_t user_id, int64_t *id_out);
int store_admin_articles(store *s, h2o_mem_pool_t *pool, const struct admin_filter *f, size_t offset,
			 size_t limit, struct article **out, size_t *n, size_t *total);
/** Any article by id, whatever its status, with people, references, sponsors and tags. */
int store_admin_article(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct article *out);
/** The article edit e would publish, saving nothing: its section, congress, trial, image, people (in the
 * saved order), sponsors and tags as the store would link them (a new tag as it would be made), and the body
 * readable. What no longer exists shows as none. 0, or -1. */
int store_article_preview(store *s, h2o_mem_pool_t *pool, const struct article_edit *e, struct article *out);

/** The editor's form autosaved for one person, site and article (0: a new one): as posted, and when. */
struct autosave {
	const char *fields; /* application/x-www-form-urlencoded */
	int64_t saved_at;
};
/** Keeps fields as the autosave of user_id's editor of article_id (0: a new article) on site_id, replacing
 * the one before. 0, or -1. */
int store_autosave_put(store *s, int64_t user_id, int64_t site_id, int64_t article_id, const char *fields);
/** That autosave: 1 and out, 0 when there is none, -1. */
int store_autosave_get(store *s, h2o_mem_pool_t *pool, int64_t user_id, int64_t site_id, int64_t article_id,
		       struct autosave *out);
/** Forgets it (a real save, or the editor's discard). 0, or -1. */
int store_autosave_drop(store *s, int64_t user_id, int64_t site_id, int64_t article_id);
/** Forgets every autosave kept since before `before` (Unix seconds): nobody came back to it. 0, or -1. */
int store_autosave_prune(store *s, int64_t before);
int store_revisions(store *s, h2o_mem_pool_t *pool, int64_t article_id, struct revision **out, size_t *n);
int store_revision(store *s, h2o_mem_pool_t *pool, int64_t article_id, int64_t revision_id,
		   struct revision *out);
/** Publishes scheduled articles whose time has come; *changed gets how many. */
int store_publish_due(store *s, int64_t *ids, size_t max, size_t *n);
/** The time of the next scheduled publication, 0 when none. */
int64_t store_next_scheduled(store *s);
int store_audit(store *s, int64_t user_id, const char *action, const char *target, const char *detail);
int store_audit_list(store *s, h2o_mem_pool_t *pool, size_t limit, struct audit_entry **out, size_t *n);

#endif
