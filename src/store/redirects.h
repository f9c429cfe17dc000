/* redirects: old addresses sent to new ones (redirects_db.c) */
#ifndef PLENARY_STORE_REDIRECTS_H
#define PLENARY_STORE_REDIRECTS_H

#include "store/store.h"

/* ---- redirects (redirects_db.c) ---- */

#define REDIRECT_MAX_PATH                                                                                    \
	1000 /* bytes of a from or to address: longer ones are neither kept nor looked up                    \
	      */

/** An old address of a site and where it leads now (a path of the site or an absolute https URL). The from is
 * a path as the server sees it (percent-escapes decoded, as h2o normalizes a request's path), optionally
 * with "?query" as sent (WordPress's plain links are kept exactly as "/?p=12", "/?page_id=3", "/?cat=4",
 * "/?attachment_id=5"). source: "import", "slug" or "editor". */
struct redirect {
	int64_t id, site_id, created_at, updated_at;
	const char *from_path, *to_path, *source;
};
/** Adds the redirect from `from` or replaces its target (upsert on site and from), then collapses chains:
 * every redirect whose target is `from` now leads to `to`, and a redirect from `to` (content lives there now)
 * is deleted; a path and its trailing-slash variant count as one there, as the lookup before a 404 tries
 * both. SAVE_CONFLICT when from == to (or either is empty). Writes an audit line. Joins a batch (a
 * savepoint of it). *id_out (when not NULL): its id. */
enum save_result store_redirect_put(store *s, int64_t site_id, const char *from, const char *to,
				    const char *source, int64_t user_id, int64_t *id_out);
/** The target of the redirect from path (exact match): 1 and *to, 0 none, -1 error. */
int store_redirect_find(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *path, const char **to);
/** The first of up to three addresses (NULL for none) a redirect leads from, in one statement: 1 with *to
 * and *which (its index), 0 none, -1 error. */
int store_redirect_match(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *const paths[3],
			 const char **to, int *which);
/** A page of a site's redirects, the latest changed first; q (NULL or "" for all): part of either address,
 * ASCII letters without case. *total: how many match in all. */
int store_redirects_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *q, size_t offset,
			 size_t limit, struct redirect **out, size_t *n, size_t *total);
/** One redirect of a site: 1 found, 0 not, -1 on error. */
int store_redirect_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct redirect *out);
/** Changes a redirect's addresses (its source stays), audited, then the chain rule as store_redirect_put:
 * SAVE_CONFLICT when from == to, SAVE_SLUG_TAKEN when another redirect of the site has that from,
 * SAVE_NOT_FOUND when the site has no such redirect. */
enum save_result store_redirect_update(store *s, int64_t site_id, int64_t id, const char *from,
				       const char *to, int64_t user_id);
/** Deletes a redirect, audited; SAVE_NOT_FOUND when the site has no such redirect. */
enum save_result store_redirect_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);

#endif
