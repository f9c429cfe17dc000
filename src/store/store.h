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
	const char *language;  /* its default language ("en") */
	const char *languages; /* the others it offers, space-separated ("fr nl"), "" for none */
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
	int64_t article_count; /* store_trials only */
};

/** An article as lists show it; the full article adds the fields below `body`. */
/** An image of the media library; its files are <hash>-<width>.<ext> in the media folder. */
struct media {
	int64_t id, width, height, bytes, created_at, uses;
	const char *hash, *kind, *alt, *credit, *original_name, *created_by;
	int needs_alt; /* the alt text was made up (by an import): an editor should write it; saving it clears
			  this */
};

struct article {
	int64_t id;
	const char *slug, *title, *summary, *kind, *audience;
	int64_t published_at, updated_at;
	struct section section;
	struct congress congress; /* id 0 when none */
	struct trial trial;	  /* id 0 when none */
	const char *lang;	  /* its language: "" for its site's default */
	int64_t family_id;	  /* the original it translates; 0 for an original */
	/* filled by store_article_by_slug only */
	const char *body, *video_url;
	struct media image; /* the featured image; id 0 when none */
	int body_allowed;
	/* filled by the back office's queries only */
	const char *status, *author_name;
	int64_t revision_no, author_id;
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

/** Which published articles a list shows; zero fields do not filter. With by_lang, one member of each family
 * of translations: the one in lang ("" the site's default language), else the original; without, every
 * article (a sitemap). No pointer: the memo of counts compares filters byte for byte. */
struct article_filter {
	int64_t site_id, section_id, congress_id, tag_id, trial_id, exclude_id;
	int by_lang;
	char lang[4];
};

struct contact_message {
	int64_t site_id, created_at;
	const char *name, *email, *topic, *message;
};

/** Opens the database and brings its schema up to date: on PostgreSQL when `path` is a connection URL
 * (postgresql://... or postgres://...), else the SQLite file at path (created if needed; a leading "sqlite:"
 * is dropped), in WAL mode with foreign keys on. Returns NULL with a message in err on failure. */
store *store_open(const char *path, char *err, size_t errlen);
void store_close(store *s);
/** How a connection of a serving process reads. */
struct store_tuning {
	size_t map_bytes;   /* of the database file read through a memory map (SQLite); 0 reads with system
			       calls */
	int search_threads; /* threads one search's hits are read by, each with its own connection (SQLite; a
			       site too small to gain keeps to one) */
};
/** Applies tuning to a connection made by store_open. */
void store_tune(store *s, const struct store_tuning *t);
/** The database setting as messages may show it: a PostgreSQL URL with its password (user:PASSWORD@) masked;
 * anything else as it is. Returns out. */
const char *store_display(const char *path, char *out, size_t outlen);
/** 1 when the last call failed because the database could not be reached (PostgreSQL down or the connection
 * lost: the server answers 503 and the connection is made again at a later call); 0 otherwise, always on
 * SQLite. */
int store_down(store *s);
/** Fills an empty database with the demo sites and content; -1 with a message if it is not empty. */
int store_load_demo(store *s, char *err, size_t errlen);
/** Creates one default site named name when the database has none (what `plenary init` makes). */
int store_ensure_site(store *s, const char *name);
/** A batch written all or nothing (an import): the store functions called until store_batch_end join its one
 * transaction (their own become savepoints of it), and store_batch_end(s, 0) undoes all of them. 0, or -1;
 * a failed commit rolls back. */
int store_batch_begin(store *s);
int store_batch_end(store *s, int commit);
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
/** A month of a section's "What's new" index and its number of visible articles. */
struct whatsnew_month {
	int year, month;
	int64_t count;
};
/** Which articles a "What's new" document holds: a section's, published in [from, until), of one congress
 * when congress_id is not 0. */
struct whatsnew_filter {
	int64_t site_id, section_id, congress_id, from, until;
	const char
	    *lang; /* NULL: every article; else one member of each family, lang's ("": the default's) */
};
/** The months (UTC) with visible articles in a section, newest first. */
int store_whatsnew_months(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t section_id,
			  const char *lang, struct whatsnew_month **out, size_t *n);
/** The congresses with visible articles in a section (article_count: how many), newest first. */
int store_whatsnew_congresses(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t section_id,
			      struct congress **out, size_t *n);
/** Up to limit visible articles of f, newest first, each with its faculty; body_allowed says whether the
 * reader's level reaches its audience, and its references leave the store only then. */
int store_whatsnew_articles(store *s, h2o_mem_pool_t *pool, const struct whatsnew_filter *f,
			    enum audience reader, size_t limit, struct article **out, size_t *n);
/** Fills the body of each of the n articles of as (store_whatsnew_articles' answer for f, reader and limit)
 * that the reader's level reaches, in the same SQL rule; the others' body stays NULL: gated text never leaves
 * the store (src/store/whatsnew_pdf_db.c). */
int store_whatsnew_bodies(store *s, h2o_mem_pool_t *pool, const struct whatsnew_filter *f,
			  enum audience reader, size_t limit, struct article *as, size_t n);
/** Up to limit other articles: same trial first, then same congress, then same section; newest first. Never
 * a member of a's family; of another family, its member in lang ("" the site's default), else its original.
 */
int store_related(store *s, h2o_mem_pool_t *pool, int64_t site_id, const struct article *a, const char *lang,
		  size_t limit, struct article **out, size_t *n);
int store_page_by_path(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *path, struct page *out);
/** The menu of a site in display order (parents before their children). */
int store_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_item **out, size_t *n);
/** Stores a message from the contact form; returns its id, or -1. */
int64_t store_contact_add(store *s, const struct contact_message *m);

/** What saving a record came to: the editors' forms answer each differently. */
enum save_result {
	SAVE_ERROR = -1,
	SAVE_OK = 0,
	SAVE_CONFLICT = 1,
	SAVE_SLUG_TAKEN = 2,
	SAVE_NOT_FOUND = 3,
	SAVE_LANG_TAKEN = 4 /* an article's family has another member in its language */
};

#endif
