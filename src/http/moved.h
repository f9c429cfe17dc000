/* moved: where an address that has no page on a site went (its redirects, store_redirect_match), asked
 * before a 404 is sent and, for WordPress's plain links (/?p=12), before the page cache. */
#ifndef PLENARY_MOVED_H
#define PLENARY_MOVED_H

#include "http/request.h"

/** For a GET or HEAD that would answer 404: the Location a redirect of the site gives (in r's pool), else
 * NULL. Tried in turn: the path with the query as sent, the path, the path with its trailing slash removed or
 * added. The request's query is carried over unless the address matched with it or the target has its own.
 * Paths past REDIRECT_MAX_PATH are not looked up. */
const char *moved_find(struct request *r);
/** For a GET or HEAD of "/" or "/index.php" whose query has p=N, page_id=N, cat=N or attachment_id=N: the
 * Location the redirect from "/?KEY=N" gives (the rest of the query carried over), else NULL. */
const char *moved_plain_link(struct request *r);
/** 1 when the query parameter [p, end) is a plain link's: p, page_id, cat or attachment_id = digits. */
int moved_plain_param(const char *p, const char *end);

#endif
