/* public_db: the SQL pieces and row readers of articles that every query of them on the seam shares
 * (public_db.c's, and the other domain files' once they read articles on the seam). Not for outside
 * src/store. */
#ifndef PLENARY_PUBLIC_DB_H
#define PLENARY_PUBLIC_DB_H

#include "store/db.h"

/* A visible article: published or scheduled, and its time has come (to the second, whether or not the
 * scheduler has flipped its status yet). ?1 is always now. */
#define DB_VISIBLE "a.status IN ('published', 'scheduled') AND a.published_at <= ?1"
/* The same for the article aliased alias, at the time parameter now ("?4"). */
#define DB_VISIBLE_AT(alias, now)                                                                            \
	alias ".status IN ('published', 'scheduled') AND " alias ".published_at <= " now
/* Of a family of translations, the member in language LANG (a parameter: "" the site's default), else the
 * original when no member in LANG is visible at NOW: a list in a language shows each article once. */
#define DB_FAMILY_PICK(LANG, NOW)                                                                            \
	"(a.lang = CAST(" LANG " AS TEXT) OR (a.family_id IS NULL AND NOT EXISTS (SELECT 1 FROM article m "  \
	"WHERE m.family_id = a.id AND m.lang = " LANG " AND " DB_VISIBLE_AT("m", NOW) ")))"
/* The audience an article asks of its reader, as a number to compare with enum audience. */
#define DB_AUDIENCE_LEVEL                                                                                    \
	"(CASE a.audience WHEN 'public' THEN 0 WHEN 'members' THEN 1 WHEN 'hcp' THEN 2 ELSE 3 END)"
/* The leading columns every article query selects (db_fill_article_cols reads them), and their joins. */
#define DB_ARTICLE_COLS                                                                                      \
	"a.id, a.slug, a.title, a.summary, a.kind, a.audience, a.published_at, a.updated_at, "               \
	"s.id, s.slug, s.name, COALESCE(c.id, 0), COALESCE(c.slug, ''), COALESCE(c.name, ''), "              \
	"COALESCE(c.year, 0), COALESCE(t.id, 0), COALESCE(t.slug, ''), COALESCE(t.name, ''), a.lang, "       \
	"COALESCE(a.family_id, 0) "
/* How many columns DB_ARTICLE_COLS has: a query's own columns come after them. */
#define DB_ARTICLE_NCOLS 20
#define DB_ARTICLE_JOINS                                                                                     \
	"FROM article a JOIN section s ON s.id = a.section_id LEFT JOIN congress c ON c.id = a.congress_id " \
	"LEFT JOIN trial t ON t.id = a.trial_id "

/** The DB_ARTICLE_NCOLS columns of DB_ARTICLE_COLS, from column 0 of the current row. */
void db_fill_article_cols(h2o_mem_pool_t *pool, struct db_stmt *st, struct article *x);
/** A section from the columns id, slug, name, description (a db_fill). */
void db_fill_section(h2o_mem_pool_t *pool, struct db_stmt *st, void *item);
/** A tag from the columns id, slug, name (a db_fill). */
void db_fill_tag(h2o_mem_pool_t *pool, struct db_stmt *st, void *item);
/** A person from the columns id, slug, name, title, affiliation, photo, role (a db_fill). */
void db_fill_person(h2o_mem_pool_t *pool, struct db_stmt *st, void *item);
/** A congress from the columns id, slug, name, full_name, year, starts_on, ends_on, city, country,
 * description (a db_fill). */
void db_fill_congress(h2o_mem_pool_t *pool, struct db_stmt *st, void *item);
/** Adds people, references, sponsors and tags to an article read by id: 0, or -1. */
int db_article_parts(store *s, h2o_mem_pool_t *pool, struct article *out);

#endif
