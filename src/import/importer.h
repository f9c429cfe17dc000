/* importer: what the WordPress import's files share: the run's state, its report and its map. */
#ifndef PLENARY_IMPORTER_H
#define PLENARY_IMPORTER_H

#include <limits.h>
#include <stdint.h>
#include <stdio.h>

#include "core/config.h"
#include "import/wxr.h"
#include "store/store.h"

/* ---- the report (import_report.c) ---- */

enum import_kind { K_ARTICLES, K_PAGES, K_SECTIONS, K_TOPICS, K_AUTHORS, K_IMAGES, K_REDIRECTS, K_KINDS };
enum import_outcome { O_CREATED, O_UPDATED, O_UNCHANGED, O_SKIPPED, O_OUTCOMES };

struct import_report {
	int64_t n[K_KINDS][O_OUTCOMES];
	int64_t comments, items, notes;
	FILE *lines;   /* the skipped and changed items, kept on disk until the end (a big site has many) */
	int tty;       /* progress as a bar (stderr is a terminal) or as plain lines */
	int64_t size;  /* of the file when known (a regular file), else 0 */
	int last_step; /* the last tenth (plain lines) or percent (bar) shown */
	int64_t shown; /* items when progress was last shown */
};

int report_open(struct import_report *r, int64_t size);
void report_close(struct import_report *r);
void report_count(struct import_report *r, enum import_kind k, enum import_outcome o);
/** One line for an item: `post 12 "Title": skipped: why` (skipped 1) or `...: changed: what`. */
void report_item(struct import_report *r, const char *type, int64_t id, const char *title, int skipped,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void report_progress(struct import_report *r, int64_t bytes);
/** Ends the progress display. */
void report_progress_done(struct import_report *r);
/** The counts and the lines, under a first line the caller wrote. */
void report_print(struct import_report *r, FILE *out);

/* ---- the map (import_map.c): where the publisher's taxonomy differs from WordPress's ---- */

enum map_target { MAP_NONE, MAP_SECTION, MAP_CONGRESS, MAP_TOPIC, MAP_SKIP, MAP_STAFF, MAP_BYLINE };
enum map_group { MAP_CATEGORIES, MAP_TAGS, MAP_AUTHORS, MAP_GROUPS };

struct map_entry {
	enum map_group group;
	char *key; /* a WordPress slug or login */
	enum map_target target;
	char *value; /* the section's, congress's slug, topic's name, staff role; "" */
	int64_t id;  /* the section or congress, found when the map is checked */
};

struct import_map {
	struct map_entry *e;
	size_t n, cap;
	char kind[16], audience[16]; /* [options]: what the articles are made as */
	int64_t section_id; /* [options] section: where posts without a section go; 0: "uncategorized" */
	char section[128];
	uint64_t hash; /* of the file: a changed map makes every item "changed" */
};

/** Reads the map file (INI) and checks it against the site: 0, or -1 with a message in err. */
int map_load(struct import_map *m, const char *path, store *s, int64_t site_id, char *err, size_t errlen);
void map_free(struct import_map *m);
/** What the map says of a key of a group, or NULL. */
const struct map_entry *map_find(const struct import_map *m, enum map_group g, const char *key);

/* ---- the run ---- */

struct pending_image {
	int64_t article_id, attachment_id, post_id;
};
struct image_seen {
	uint64_t key; /* 0: a free slot */
	int64_t media_id, width;
	char hash[40], kind[8];
};
struct written_image {
	char hash[40], kind[8];
	int64_t width;
};

struct importer {
	store *s;
	const struct config *cfg;
	const struct site *site;
	char source[512];	/* the exported site, without a trailing slash: import_item's source */
	char uploads[PATH_MAX]; /* the real path of --uploads; "" when not given */
	int dry_run;
	struct import_map map;
	struct import_report rep;
	h2o_mem_pool_t pool;	       /* one item's, cleared after it */
	struct pending_image *pending; /* featured images whose attachment comes later in the file */
	size_t npending, pending_cap;
	struct image_seen *seen; /* the images and files this run met (import_media.c) */
	size_t nseen, seen_cap;
	struct written_image *written; /* renditions this run wrote, removed when it fails */
	size_t nwritten, written_cap;
	char *err;
	size_t errlen;
};

/** The file under --uploads that an image's URL or path names, checked to stay inside it: its real path
 * into out, 1; 0 when there is none (why says so), -1 never. */
int image_file(struct importer *im, const char *url_or_path, char *out, size_t n, const char **why);
/** Brings the image at the real path file into the media library (renditions written unless a dry run):
 * 1 with *media_id and its URL for bodies (in the pool); 0 when it is not an image (why), -1 on a database
 * error. */
int image_import(struct importer *im, const char *file, const char *alt, int64_t *media_id, const char **url,
		 const char **why);
/** Whether this run met the image with these bytes before (1), remembering it (0): an image shown twice is
 * counted once; an image an earlier run made counts as unchanged the first time. */
int image_met(struct importer *im, const char *hash);
/** Removes the renditions written by a run that did not commit. */
void images_forget(struct importer *im);

/** A post or page item (wp_post.c): 0, or -1 on a database error (err set). */
int import_post(struct importer *im, const struct wxr_item *it);
/** An attachment item: remembered for the posts that show it. */
int import_attachment(struct importer *im, const struct wxr_item *it);
/** Featured images whose attachment came after their post. */
int import_pending_images(struct importer *im);
/** An author (wp_people.c): a staff account, a byline, or nothing, as mapped. */
int import_author(struct importer *im, const struct wxr_author *a);
/** What author login became: *user_id (a staff account) or *person_id (a byline), both 0 when nothing. */
int author_target(struct importer *im, const char *login, int64_t *user_id, int64_t *person_id);

/** s (n bytes) with its %XX escapes decoded, in the pool; a "%" not followed by two hex digits stays as it
 * is. NULL when a byte would be a control character (NUL included). */
const char *unescape(struct importer *im, const char *s, size_t n);
/** The path of an old URL of the exported site ("https://old.example/2023/x/?a" → "/2023/x/?a"); a path is
 * kept; NULL for another site's URL. In the pool. */
const char *old_path(struct importer *im, const char *url);

#endif
