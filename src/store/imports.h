/* imports: what an import brought in, so running it again updates (import_db.c) */
#ifndef PLENARY_STORE_IMPORTS_H
#define PLENARY_STORE_IMPORTS_H

#include "store/store.h"

/* ---- imports (src/store/import_db.c): what an import brought in, so running it again updates ---- */

/** One item of an exported site (source: its address) as an import last left it. */
struct import_item {
	int64_t wp_id;	     /* WordPress's id of the post, term or author */
	int64_t target_id;   /* what it became (0: nothing yet) */
	int64_t revision_no; /* an article's revision as the import wrote it: a later one is an editor's */
	const char *kind;    /* "post", "page", "attachment", "category", "post_tag", "author" */
	const char *wp_key;  /* a post's guid, a term's slug, an author's login, an attachment's file */
	const char *target_kind, *fingerprint, *detail;
};
/** The item (source, kind, wp_id) of a site: 1 and out, 0 when never imported, -1 on error. */
int store_import_item(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *source, const char *kind,
		      int64_t wp_id, struct import_item *out);
/** The same found by its key (the first one imported). */
int store_import_item_by_key(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *source,
			     const char *kind, const char *key, struct import_item *out);
/** Records what (x->kind, x->wp_id) of source became, replacing what an earlier run recorded: 0, or -1. */
int store_import_put(store *s, int64_t site_id, const char *source, const struct import_item *x);
/** How many items of source a site holds, or -1. */
int64_t store_import_count(store *s, int64_t site_id, const char *source);
/** An article's revision number (any status): 1 and *revision_no, 0 when the site has no such article. */
int store_article_revision_no(store *s, int64_t site_id, int64_t id, int64_t *revision_no);
/** Shows image media_id (of the same site) as the article's featured image, without a new revision (the
 * import's image arrives after its post): 0, or -1. */
int store_import_set_image(store *s, int64_t site_id, int64_t article_id, int64_t media_id);

#endif
