/* changes: what a committed change drops from every worker's page cache, without a lock on the hit path. */
#ifndef PLENARY_CHANGES_H
#define PLENARY_CHANGES_H

#include <stddef.h>
#include <stdint.h>

#include "http/request.h"

/** The structure changed (sites, menu, sections, topics, faculty, congresses, trials, sponsors, static
 * pages, media): every cached page goes. */
void changed_structure(struct app *app);
/** Articles changed (saved, published): their own pages, the pages that list them as related (ids given by
 * the caller) and every list of articles (home, sections, congresses, topics, trials, search, feeds). */
void changed_articles(struct app *app, const int64_t *ids, size_t n);
/** changed_articles for ids and for every article that may name one of them as related (read from db). */
void changed_articles_and_neighbours(struct app *app, store *db, const int64_t *ids, size_t n);
/** Starts a request's dependencies: the structure and the lists, read before anything is rendered. */
void deps_begin(struct request *r);
/** The page is an article's: it depends on that article (and the related ones it names) instead of the lists.
 */
void deps_article(struct request *r, int64_t id);
/** A related article's card on the page (its title, summary, date). */
void deps_add_article(struct request *r, int64_t id);
/** 1 when the page may be cached with its dependencies: no article changed while it was rendered. */
int deps_still_valid(const struct request *r);

#endif
