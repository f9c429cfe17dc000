/* store: the only door to the database. Plain C structs out, prepared statements inside. */
#ifndef PLENARY_STORE_H
#define PLENARY_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <h2o/memory.h>

/** One connection to the database; not shared between threads (each worker opens its own). */
typedef struct store store;

struct site {
	int64_t id;
	const char *slug, *name, *specialty, *host, *tagline;
	int is_default;
};

/** Who may read an article's body, in rising order; a reader has the level of their account. */
enum audience { AUDIENCE_PUBLIC, AUDIENCE_MEMBERS, AUDIENCE_HCP, AUDIENCE_VERIFIED_HCP };

struct section {
	int64_t id;
	const char *slug, *name, *description;
};

struct congress {
	int64_t id;
	const char *slug, *name, *full_name, *starts_on, *ends_on, *city, *country, *description;
	int year;
	int article_count;
};

struct person {
	int64_t id;
	const char *slug, *name, *title, *affiliation, *photo, *role;
};

struct reference {
	const char *citation, *abstract_no, *url;
};

struct sponsor {
	int64_t id;
	const char *slug, *name, *url, *logo, *disclosure;
};

struct tag {
	int64_t id;
	const char *slug, *name;
	int article_count;
};

struct trial {
	int64_t id;
	const char *slug, *name, *registry_id, *phase, *setting;
};

/** An article as lists show it; the full article adds the fields below `body`. */
struct article {
	int64_t id;
	const char *slug, *title, *summary, *kind, *audience;
	int64_t published_at, updated_at;
	struct section section;
	struct congress congress; /* id 0 when none */
	struct trial trial;	  /* id 0 when none */
	/* filled by store_article_by_slug only */
	const char *body, *video_url, *image, *image_alt;
	int body_allowed;
	struct person *people;
	size_t npeople;
	struct reference *refs;
	size_t nrefs;
	struct sponsor *sponsors;
	size_t nsponsors;
	struct tag *tags;
	size_t ntags;
};

struct page {
	int64_t id;
	const char *path, *title, *body;
	int64_t updated_at;
};

struct menu_item {
	int64_t id, parent_id; /* parent_id 0 at the top level */
	const char *label, *url;
};

/** Which published articles a list shows; zero fields do not filter. */
struct article_filter {
	int64_t site_id, section_id, congress_id, tag_id, trial_id, exclude_id;
};

struct contact_message {
	int64_t site_id;
	const char *name, *email, *topic, *message;
};

/** Opens (creating if needed) the database at path, in WAL mode with foreign keys on, and brings its
 * schema up to date. Returns NULL with a message in err on failure. */
store *store_open(const char *path, char *err, size_t errlen);
void store_close(store *s);
/** Fills an empty database with the demo sites and content; -1 with a message if it is not empty. */
int store_load_demo(store *s, char *err, size_t errlen);
/** Creates one default site named name when the database has none (what `plenary init` makes). */
int store_ensure_site(store *s, const char *name);
/** The schema version (number of the last migration applied). */
int store_schema_version(store *s);
/** The current time as the store sees it (Unix seconds); tests may pin it with PLENARY_NOW. */
int64_t store_now(void);
/** A secret kept in the database (created on first use): 32 random bytes as 64 hex digits. */
int store_secret(store *s, const char *name, char out[65]);

/* Everything below allocates its results in pool and returns 0 / -1 (database error, logged), or, for
 * a single row, 1 when found, 0 when not, -1 on error. Only published articles whose time has come are
 * ever returned. */
int store_sites(store *s, h2o_mem_pool_t *pool, struct site **out, size_t *n);
int store_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section **out, size_t *n);
int store_section_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			  struct section *out);
/** Congresses newest first, with their counts of visible articles; year 0 = every year. */
int store_congresses(store *s, h2o_mem_pool_t *pool, int64_t site_id, int year, struct congress **out,
		     size_t *n);
int store_congress_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			   struct congress *out);
int store_tag_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug, struct tag *out);
/** Tags with at least one visible article, most used first. */
int store_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit, struct tag **out, size_t *n);
/** Articles matching f, newest first: limit rows from offset; *total gets the count of all matches. */
int store_articles(store *s, h2o_mem_pool_t *pool, const struct article_filter *f, size_t offset,
		   size_t limit, struct article **out, size_t *n, size_t *total);
/** The full article with faculty, references, sponsors and tags. The body is left empty (body_allowed 0)
 * when the reader's level is below the article's audience: gated text never leaves the store. */
int store_article_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			  enum audience reader, struct article *out);
/** Up to limit other articles: same trial first, then same congress, then same section; newest first. */
int store_related(store *s, h2o_mem_pool_t *pool, int64_t site_id, const struct article *a, size_t limit,
		  struct article **out, size_t *n);
int store_page_by_path(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *path, struct page *out);
/** The menu of a site in display order (parents before their children). */
int store_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_item **out, size_t *n);
/** Stores a message from the contact form; returns its id, or -1. */
int64_t store_contact_add(store *s, const struct contact_message *m);

#endif
