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

/* ---- accounts (src/store/users_db.c) ---- */

struct user {
	int64_t id;
	const char *email, *name, *profession, *specialty, *country, *role, *password_hash;
	const char *hcp_status, *hcp_request, *hcp_method, *hcp_evidence;
	int email_verified, hcp_declared, alerts;
	int64_t created_at, privacy_accepted_at, hcp_decided_at;
	const char *totp_secret; /* base32, "" until set up */
	int totp_enabled;
	const char *language; /* for its mail ("fr"); "" or NULL: the site's default (written at creation) */
};

/** Creates an account; returns its id, 0 when the email is taken, -1 on error. */
int64_t store_user_create(store *s, const struct user *u, int email_verified);
/** 1 when found (by email, case-insensitive, or by id), 0 when not, -1 on error. */
int store_user_by_email(store *s, h2o_mem_pool_t *pool, const char *email, struct user *out);
int store_user_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct user *out);
int store_user_update_profile(store *s, const struct user *u);
int store_user_set_password(store *s, int64_t id, const char *hash);
/** Sets the account's language ("fr"; "" the site's default): its mail's and its back office's. 0, or -1. */
int store_user_set_language(store *s, int64_t id, const char *lang);
/** Replaces the address with a verified one; 1 when another account has it, 0 done, -1 error. */
int store_user_set_email(store *s, int64_t id, const char *email);
int store_user_mark_verified(store *s, int64_t id);
int store_user_set_role(store *s, int64_t id, const char *role);
/** A reader asks to be verified as an HCP; text says how (licence number, institution...). */
int store_user_request_hcp(store *s, int64_t id, const char *text);
/** An editor decides: status "verified" or "rejected", with the method and evidence recorded. */
int store_user_decide_hcp(store *s, int64_t id, const char *status, const char *method, const char *evidence,
			  int64_t editor_id);
/** Readers waiting for an HCP decision, oldest request first. */
int store_users_hcp_requested(store *s, h2o_mem_pool_t *pool, struct user **out, size_t *n);
/** Erases the account and everything tied to it (sessions, tokens). */
int store_user_delete(store *s, int64_t id);

/** A session for user_id under the SHA-256 hex of its token. */
/* pending: the session still waits for a second factor */
int store_session_create(store *s, const char *token_hash, int64_t user_id, int64_t expires_at, int remember,
			 int pending);
/** The user of a live session: not past its absolute end, and used since idle_after unless it is a
 * "remember me" session (those end only at their absolute end). 1 found, 0 not, -1 error.
 * *last_seen gets when it was last used, so callers refresh it only now and then. */
int store_session_user(store *s, h2o_mem_pool_t *pool, const char *token_hash, int64_t idle_after,
		       struct user *out, int64_t *last_seen, int *remember, int *pending);
/** The second factor is given: the session becomes a full one. */
int store_session_complete(store *s, const char *token_hash);
/** Sets the TOTP secret (enabled 0 while the user confirms a first code). */
int store_user_totp_set(store *s, int64_t id, const char *secret, int enabled);
/** Records that a TOTP time step was used: 1 when it is newer than the last one (a code works once). */
int store_user_totp_step(store *s, int64_t id, int64_t step);
/** Replaces the recovery codes of a user with these SHA-256 hashes. */
int store_recovery_replace(store *s, int64_t id, const char *const *hashes, size_t n);
/** Uses a recovery code once: 1 when it was valid and unused. */
int store_recovery_use(store *s, int64_t id, const char *hash);
int store_session_touch(store *s, const char *token_hash);
int store_session_delete(store *s, const char *token_hash);
/** A session on a sister site carried from the live session of_hash (same user): it ends no later than that
 * one, and store_session_delete_family ends them together. 1 made, 0 when of_hash is no longer live. */
int store_session_join(store *s, const char *token_hash, const char *of_hash, int64_t user_id,
		       int64_t expires_at);
/** Signing out everywhere: ends the session and every session of its family (carried from it, or from the
 * session it was carried from). */
int store_session_delete_family(store *s, const char *token_hash);
/** Ends every session of a user except the one with keep_hash (NULL: all of them). */
int store_sessions_delete_user(store *s, int64_t user_id, const char *keep_hash);

/** A one-time token (purpose "verify", "reset" or "sso"); new_email is the address a verify token confirms
 * (an sso token: what it is bound to). */
int store_token_create(store *s, const char *token_hash, int64_t user_id, const char *purpose,
		       const char *new_email, int64_t expires_at);
/** Uses a token once: 1 with its user and new_email when valid, unused and not expired; 0 otherwise. */
int store_token_use(store *s, h2o_mem_pool_t *pool, const char *token_hash, const char *purpose,
		    int64_t *user_id, const char **new_email);
/** 1 when the token exists, is unused and not expired (without using it). */
int store_token_valid(store *s, const char *token_hash, const char *purpose);
/** Deletes a user's used and expired tokens of a purpose (the handshake's, which a reader makes often). */
int store_tokens_prune(store *s, int64_t user_id, const char *purpose);
/** Ends all unused tokens of a purpose for a user (a new reset link replaces older ones). */
int store_tokens_drop(store *s, int64_t user_id, const char *purpose);

/** How many attempts of one kind a subject may make in a window of `window` seconds: `grace` freely; past
 * that, while fewer than `cap` (cap > grace), one more once a delay has passed since the last (1 s, then
 * 2, 4 ... up to 300 s); at `cap` none until the window ends. grace == cap is a plain limit per window. */
struct attempt_rule {
	int window, grace, cap;
};
/** Reserves one attempt of kind ("signin", "mail", ...) for subject ("email:...", "ip:...") under rule, in
 * one atomic statement (parallel requests, other connections and other nodes included): 1 reserved; 0
 * refused, with *wait the seconds until one would be (at least 1); -1 on a database error. */
int store_attempt_take(store *s, const char *kind, const char *subject, const struct attempt_rule *rule,
		       int *wait);
/** Gives back one reserved attempt (it succeeded and should not count against the subject). */
int store_attempt_refund(store *s, const char *kind, const char *subject);
/** Forgets every attempt of a kind by subject. */
int store_attempt_clear(store *s, const char *kind, const char *subject);

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

enum save_result {
	SAVE_ERROR = -1,
	SAVE_OK = 0,
	SAVE_CONFLICT = 1,
	SAVE_SLUG_TAKEN = 2,
	SAVE_NOT_FOUND = 3,
	SAVE_LANG_TAKEN = 4 /* an article's family has another member in its language */
};

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

/* ---- the desk (desk_db.c): the calendar and who has which article open ---- */

/** An article on the calendar: its publication time (UTC) and status (scheduled or published). */
struct calendar_item {
	int64_t id, at;
	const char *title, *status, *section;
};
/** The site's scheduled and published articles with a time in [from, to), by time; at most limit. */
int store_calendar(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t to, size_t limit,
		   struct calendar_item **out, size_t *n);

/** Someone with an article open in the editor: their name (else email) and when last seen. */
struct presence {
	int64_t article_id, seen_at;
	const char *name;
};
/** Marks article_id as open in user_id's editor now (and forgets marks an hour old). */
int store_presence_mark(store *s, int64_t article_id, int64_t user_id);
/** Forgets user_id's mark on article_id (the editor was saved or left). */
int store_presence_leave(store *s, int64_t article_id, int64_t user_id);
/** Who other than user_id has article_id open, seen at since or later: the latest first, at most 5. */
int store_presence_others(store *s, h2o_mem_pool_t *pool, int64_t article_id, int64_t user_id, int64_t since,
			  struct presence **out, size_t *n);
/** The same for every article of a site, by article (at most 500 rows). */
int store_presence_site(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id, int64_t since,
			struct presence **out, size_t *n);
/** Creates (p->id 0) or updates a faculty member; SAVE_SLUG_TAKEN when another has the slug. */
enum save_result store_person_save(store *s, const struct person *p, const char *bio, int64_t user_id,
				   int64_t *id_out);
/** A faculty member by id with the bio in *bio. 1 found, 0 not, -1 error. */
int store_person_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct person *out, const char **bio);
/** Creates (c->id 0) or updates a congress of a site; SAVE_SLUG_TAKEN when the slug is used. */
enum save_result store_congress_save(store *s, int64_t site_id, const struct congress *c, int64_t user_id,
				     int64_t *id_out);
/** A congress by id (any, with or without articles). */
int store_congress_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct congress *out);
/** Creates (p->id 0) or updates a sponsor of a site (name, link, logo path, disclosure text). */
enum save_result store_sponsor_save(store *s, int64_t site_id, const struct sponsor *p, int64_t user_id,
				    int64_t *id_out);
int store_sponsor_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct sponsor *out);
/** A trial record as the back office edits it. */
struct trial_edit {
	int64_t id;
	const char *slug, *name, *aliases, *registry_id, *phase, *setting, *population, *arms,
	    *primary_endpoint, *results, *status;
};
/** Creates (t->id 0) or updates a trial of a site; SAVE_SLUG_TAKEN, SAVE_NOT_FOUND as for articles. */
enum save_result store_trial_save(store *s, int64_t site_id, const struct trial_edit *t, int64_t user_id,
				  int64_t *id_out);
int store_trial_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct trial_edit *out);
/** The whole record of a trial by its slug, for its public page: 1 found, 0 not, -1 error. */
int store_trial_by_slug(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *slug,
			struct trial_edit *out);
/** The site's trials with how many visible articles each has, by name. */
int store_trials(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct trial **out, size_t *n);
/** Accounts for the admin's list, newest first. */
int store_users_list(store *s, h2o_mem_pool_t *pool, size_t offset, size_t limit, struct user **out,
		     size_t *n, size_t *total);
/** Contact messages, newest first (id in the message's site_id field is the message id). */
int store_contact_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
		       struct contact_message **out, size_t *n);
/** The shared records the back office edits besides articles. */
enum live_record {
	LIVE_TRIAL = 0,
	LIVE_CONGRESS = 1,
	LIVE_PERSON = 2,
	LIVE_SPONSOR = 3
}; /* numbers the queries use */
/** 1 when readers see the record now or will without an editor acting again: a congress has its hub page
 * from the start; a trial, person or sponsor once a published or scheduled article names it. 0 when not
 * (a new record, or one only drafts name), -1 on error. Contributors' saves of live records are refused. */
int store_record_live(store *s, enum live_record kind, int64_t id);
/** Choices for the editor's selects: people, trials and sponsors of a site (people are shared). */
int store_people_all(store *s, h2o_mem_pool_t *pool, struct named **out, size_t *n);
int store_trials_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n);
int store_sponsors_all(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct named **out, size_t *n);

/* ---- the media library (media_db.c) ---- */

/** The id of the site's image with these bytes: 0 when none, -1 on error. */
int64_t store_media_find(store *s, int64_t site_id, const char *hash);
/** Adds an image; SAVE_SLUG_TAKEN when the site holds the same bytes already (*id_out is that image). */
enum save_result store_media_add(store *s, int64_t site_id, const struct media *m, int64_t user_id,
				 int64_t *id_out);
/** A page of the site's images, newest first, with how many articles show each. */
int store_media_list(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit,
		     struct media **out, size_t *n, size_t *total);
/** One image of a site: 1 found, 0 not, -1 error. */
int store_media_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct media *out);
enum save_result store_media_update(store *s, int64_t site_id, int64_t id, const char *alt,
				    const char *credit, int64_t user_id);
/** Deletes an image no article shows: SAVE_OK, or SAVE_CONFLICT when it is shown or absent. */
enum save_result store_media_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** 1 when any site still holds an image with these bytes (so its files stay), 0 when none, -1 on error. */
int store_media_hash_used(store *s, const char *hash);

/* ---- the reader's pictures (site_images_db.c): each site's logo and favicon, and the cards' images ---- */

/** A site's logo and favicon, each id 0 when it has none. */
struct site_images {
	struct media logo, favicon;
};
/** The logo and favicon of a site (only images of its own library): 1 found, 0 no such site, -1 error. */
int store_site_images(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct site_images *out);
/** Sets a site's logo and favicon (0: none; an id not of the site's library counts as none), audited:
 * SAVE_OK, SAVE_NOT_FOUND when there is no such site, SAVE_ERROR. */
enum save_result store_site_images_save(store *s, int64_t site_id, int64_t logo_id, int64_t favicon_id,
					int64_t user_id);
/** Fills the featured image (.image) of each of n listed articles that has one: 0, or -1. */
int store_card_images(store *s, h2o_mem_pool_t *pool, struct article *as, size_t n);

/** An upload in progress (or just finished) of an image sent in chunks; its bytes are in a file named by id
 * under the media folder (src/jobs/uploads.h), whose size is how far it got. */
struct media_upload {
	const char *id; /* 32 random hex digits */
	int64_t site_id, user_id, size, media_id, created_at;
	const char *name, *alt, *credit; /* alt: a video's title */
	int done;			 /* finished: media_id is the image it became, video_id the video */
	int video;			 /* it brings a video (MP4 or WebM), not an image */
	int64_t video_id;
};
/** Records a new upload unless its user has `max` or more unfinished ones started at or after `since`
 * (checked and inserted in one transaction): SAVE_OK, SAVE_CONFLICT when too many, SAVE_ERROR. */
enum save_result store_upload_add(store *s, const struct media_upload *u, int max, int64_t since);
/** The upload `id` of this user on this site started at or after `since`: 1 and out, 0 when none, -1. */
int store_upload_get(store *s, h2o_mem_pool_t *pool, const char *id, int64_t site_id, int64_t user_id,
		     int64_t since, struct media_upload *out);
/** Marks an upload finished as image media_id or video video_id (the other 0), kept until it expires so a
 * lost answer can be asked again. */
int store_upload_done(store *s, const char *id, int64_t media_id, int64_t video_id);
/** Forgets an upload (refused or cancelled): 0, or -1. */
int store_upload_delete(store *s, const char *id);
/** Forgets every upload started before `before`: 0, or -1 (their files go by age, src/jobs/uploads.c). */
int store_upload_expire(store *s, int64_t before);

/* ---- video (src/store/video_db.c, migration 028): library videos, an article's video, its captions ---- */

/** A video in the media library: its file is <media_dir>/<hash>.<container>. */
struct video_file {
	int64_t id, duration_ms, width, height, bytes, poster_id, created_at, uses;
	const char *hash, *container, *video_codec, *audio_codec, *title, *original_name, *created_by;
	struct media poster; /* id 0 when none */
};
/** An article's video: where it plays (a library file, else the article's video_url), and what goes with it.
 */
struct article_video {
	int64_t article_id, file_id, duration_ms, poster_id, recorded_at, updated_at;
	const char *chapters, *transcript,
	    *transcript_plain;	/* canonical texts (core/chapters.c, transcript.c) */
	struct video_file file; /* id 0 when none */
	struct media poster;	/* its own poster, else the file's frame; id 0 when none */
	size_t ncaptions;	/* filled by store_article_video */
};
struct video_caption {
	const char *lang, *label, *vtt; /* vtt: NULL when listed without it */
	int64_t updated_at;
};
#define VIDEO_MAX_CAPTIONS 12

/** Adds a library video; SAVE_SLUG_TAKEN when the site holds the same bytes already (*id_out is that one). */
enum save_result store_video_file_add(store *s, int64_t site_id, const struct video_file *v, int64_t user_id,
				      int64_t *id_out);
/** A page of the site's videos, newest first, with how many articles play each. */
int store_video_files(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t offset, size_t limit,
		      struct video_file **out, size_t *n, size_t *total);
/** One library video: 1 found, 0 not, -1 error. */
int store_video_file_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			   struct video_file *out);
/** Renames a library video (its title): SAVE_OK, SAVE_NOT_FOUND. */
enum save_result store_video_file_title(store *s, int64_t site_id, int64_t id, const char *title,
					int64_t user_id);
/** Deletes a library video no article plays: SAVE_OK, SAVE_CONFLICT when one does, SAVE_NOT_FOUND. */
enum save_result store_video_file_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** 1 when some site's library still holds a video of this hash (its file must stay), 0, -1. */
int store_video_hash_used(store *s, const char *hash);

/** The article's video record: 1 and out, 0 when it has none, -1. */
int store_article_video(store *s, h2o_mem_pool_t *pool, int64_t article_id, struct article_video *out);
/** Creates or replaces an article's video record (file_id, duration_ms, poster_id, chapters, transcript,
 * transcript_plain, recorded_at), recorded in the audit log; a file or poster of another site is refused
 * (SAVE_NOT_FOUND). */
enum save_result store_article_video_save(store *s, int64_t site_id, const struct article_video *v,
					  int64_t user_id);
/** Removes an article's video record and its captions. */
enum save_result store_article_video_delete(store *s, int64_t article_id, int64_t user_id);
/** The article's captions, ordered by language; with their WebVTT text when with_vtt. */
int store_video_captions(store *s, h2o_mem_pool_t *pool, int64_t article_id, int with_vtt,
			 struct video_caption **out, size_t *n);
/** One caption track: 1 and out, 0 when none, -1. */
int store_video_caption(store *s, h2o_mem_pool_t *pool, int64_t article_id, const char *lang,
			struct video_caption *out);
/** Adds or replaces the article's captions in c->lang: SAVE_OK, SAVE_CONFLICT past VIDEO_MAX_CAPTIONS. */
enum save_result store_video_caption_save(store *s, int64_t article_id, const struct video_caption *c,
					  int64_t user_id);
/** A public article's video as a sitemap lists it. */
struct video_listing {
	int64_t article_id, duration_ms;
	const char *file_hash, *container; /* "" when it plays from video_url */
	const char *video_url;
	struct media poster; /* hash "" when none */
};
/** The videos of a site's published public articles, by article id (at most limit). */
int store_public_videos(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
			struct video_listing **out, size_t *n);
/** Removes one caption track: SAVE_OK, SAVE_NOT_FOUND. */
enum save_result store_video_caption_delete(store *s, int64_t article_id, const char *lang, int64_t user_id);

/* ---- site structure (src/store/structure_db.c): sections, tags, static pages, the menu, sister sites ----
 *
 * Saves create when the id is 0. A position of -1 means "at the end" for a new row and "unchanged" for an
 * existing one. On SAVE_SLUG_TAKEN, *taken names the unique field in use: "slug", "name", "host" or "path".
 * Every save, move and delete writes its audit line in the same transaction. */

/** A section as the back office edits it; article_count counts articles of any status. */
struct section_edit {
	int64_t id, position;
	const char *slug, *name, *description;
	int article_count;
};
/** A menu entry with its place in the tree: depth 0 at the top level; children counts its direct ones. */
struct menu_entry {
	int64_t id, parent_id, position; /* parent_id 0 at the top level */
	const char *label, *url;
	int depth, children;
};
/** A sister site as the admin edits it; a save never changes is_default. */
struct site_edit {
	int64_t id, position;
	const char *slug, *name, *specialty, *host, *tagline;
	int is_default;
};

/** The sections of a site in menu order, with their article counts. */
int store_admin_sections(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct section_edit **out,
			 size_t *n);
int store_section_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			struct section_edit *out);
enum save_result store_section_save(store *s, int64_t site_id, const struct section_edit *x, int64_t user_id,
				    int64_t *id_out, const char **taken);
/** Every tag of a site by name, with its count of articles of any status. */
int store_admin_tags(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct tag **out, size_t *n);
int store_tag_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct tag *out);
/** Saves a tag; the name is unique per site whatever its case, as the slug is. */
enum save_result store_tag_save(store *s, int64_t site_id, const struct tag *x, int64_t user_id,
				int64_t *id_out, const char **taken);
/** Deletes a tag and its links to articles; SAVE_NOT_FOUND when the site has no such tag. */
enum save_result store_tag_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** The static pages of a site by path (bodies left empty). */
int store_admin_pages(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct page **out, size_t *n);
int store_page_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id, struct page *out);
/** Saves a page and sets its updated_at to now. */
enum save_result store_page_save(store *s, int64_t site_id, const struct page *x, int64_t user_id,
				 int64_t *id_out, const char **taken);
/** The whole menu of a site in display order (parents before their children). */
int store_admin_menu(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct menu_entry **out, size_t *n);
/** Saves an entry; the caller has checked that parent_id (0: top level) is an entry of the same site that
 * is neither the entry itself nor under it. */
enum save_result store_menu_save(store *s, int64_t site_id, const struct menu_entry *x, int64_t user_id,
				 int64_t *id_out);
/** Moves an entry one place up (dir < 0) or down among its siblings, numbering them 0, 1, ... on the way;
 * SAVE_OK also when it is first or last already. */
enum save_result store_menu_move(store *s, int64_t site_id, int64_t id, int dir, int64_t user_id);
/** Deletes an entry with every entry under it. */
enum save_result store_menu_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** The groups of the places a menu entry may link to, in their order (the admin code names them). */
enum menu_target_group {
	MENU_TARGET_NONE,
	MENU_TARGET_SECTIONS,
	MENU_TARGET_CONGRESSES,
	MENU_TARGET_YEARS,
	MENU_TARGET_PAGES,
	MENU_TARGET_TOPICS,
	MENU_TARGET_TRIALS
};
/** A place of a site a menu entry may link to: its group, path and label (for a year of congresses, the
 * year alone: "2025"). */
struct menu_target {
	enum menu_target_group group;
	const char *path, *label;
};
/** What a menu entry may be picked from: the site's sections, congresses, congress years, static pages,
 * topics and trials, at most limit of each, in that order of groups. */
int store_menu_targets(store *s, h2o_mem_pool_t *pool, int64_t site_id, size_t limit,
		       struct menu_target **out, size_t *n);
/** 1 when the site has the record a public path names: kind "section", "congress", "tag", "trial" or
 * "article" (published or scheduled) and its slug, "year" and a year with congresses, "page" and a static
 * page's path; 0 when not, -1 on error. */
int store_menu_target_exists(store *s, int64_t site_id, const char *kind, const char *key);
/** Every site in order (the server itself reads the sites once, at start-up: see store_sites). */
int store_admin_sites(store *s, h2o_mem_pool_t *pool, struct site_edit **out, size_t *n);
int store_site_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct site_edit *out);
enum save_result store_site_save(store *s, const struct site_edit *x, int64_t user_id, int64_t *id_out,
				 const char **taken);
/** A site's default language ("en") and the others it offers ("fr nl"): 1 found, 0 not, -1 error
 * (site_lang_db.c). */
int store_site_languages(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char **lang,
			 const char **langs);
/** Sets them (checked by the caller), with an audit line; the change log marks the structure changed. */
enum save_result store_site_languages_save(store *s, int64_t site_id, const char *lang, const char *langs,
					   int64_t user_id);

/** Adds count synthetic published articles to the first site (benchmarks); needs the demo's sections,
 * congresses, topics and faculty. 0, or -1 with err. In sq_generate.c. */
int store_generate_articles(store *s, size_t count, char *err, size_t errlen);

/* ---- related articles (sq_related.c) ---- */

/** Scores an article's related articles and puts it in the lists of its strongest neighbours. Runs inside
 * the caller's transaction when there is one. 0, or -1 on error. */
int store_related_refresh(store *s, h2o_mem_pool_t *pool, int64_t id);
/** The articles that may name article id among their related ones (up to max): their pages show it. */
int store_related_of(store *s, int64_t id, int64_t *out, size_t max, size_t *n);
/** When a database has articles but no related rows (it was made before they were kept), scores them all;
 * returns how many articles were scored (0 when nothing was needed), or -1 on error. */
int store_related_backfill(store *s);
/** Scores up to max articles a batch (an import) saved without scoring, each with its neighbours, in one
 * transaction (on PostgreSQL one node at a time: the others find none): their ids into ids and *n. 0, or
 * -1. */
int store_related_pending(store *s, int64_t *ids, size_t max, size_t *n);
/** store_related_refresh for every article (after loading the demo, or importing). */
int store_related_rebuild(store *s, h2o_mem_pool_t *pool);

/* ---- synonyms (synonyms_db.c): terms search treats as one another ---- */

#define SYNONYM_MAX_GROUPS 300 /* groups of one site */

/** A group of terms a reader may type for one another: one line, the terms separated by commas. */
struct synonym_group {
	int64_t id;
	const char *terms;
	int64_t updated_at;
};
/** Every synonym group of a site, oldest first. */
int store_synonyms(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct synonym_group **out, size_t *n);
/** One group of a site: 1 found, 0 not, -1 on error. */
int store_synonym_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			struct synonym_group *out);
/** Saves a group (id 0: a new one), audited; SAVE_CONFLICT when a new one would pass SYNONYM_MAX_GROUPS,
 * SAVE_NOT_FOUND when the site has no group id. *id_out (when not NULL): its id. */
enum save_result store_synonym_save(store *s, int64_t site_id, const struct synonym_group *x, int64_t user_id,
				    int64_t *id_out);
/** Deletes a group, audited; SAVE_NOT_FOUND when the site has no such group. */
enum save_result store_synonym_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);

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

/* ---- readers' subscriptions (subscriptions_db.c, migration 024) ---- */

#define SUBSCRIPTIONS_MAX 200 /* subscriptions of one subscriber: the store adds no more */
#define SUBSCRIBER_MAX_EMAIL 254

/** An address subscribed on a site, maybe an account's; confirmed_at 0 until confirmed. */
struct subscriber {
	int64_t id, site_id, user_id, confirmed_at, created_at;
	const char *email;
};
/** One subscription: kind "section", "congress", "trial" or "topic" (a tag), its target's id and name, and
 * cadence "immediate" or "weekly". */
struct subscription {
	int64_t id, subscriber_id, target_id, created_at;
	const char *kind, *target_name, *cadence;
};
/** What a reader of a site may subscribe to. */
struct subscription_target {
	int64_t id;
	const char *kind, *name;
};
/** The subscriber of an address on a site (its ASCII letters lowered), made when new: its id, or -1. A
 * user_id (0 for none) is kept when it had none; confirmed (the account's email is verified) confirms it. */
int64_t store_subscriber_ensure(store *s, int64_t site_id, const char *email, int64_t user_id, int confirmed);
/** Sets the language subscriber id's mail is written in ("fr"; "" the site's default). 0, or -1. */
int store_subscriber_set_language(store *s, int64_t id, const char *lang);
/** The languages a mail to account user_id and/or subscriber subscriber_id (0: none) of site site_id may be
 * written in: out[0] the account's, out[1] the subscriber's, out[2] the site's default ("" when unset or
 * no such row), in pool. 0, or -1. */
int store_mail_languages(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id,
			 int64_t subscriber_id, const char *out[3]);
/** One subscriber: 1 found, 0 not, -1 on error. */
int store_subscriber_by_id(store *s, h2o_mem_pool_t *pool, int64_t id, struct subscriber *out);
/** The subscriber of an account on a site: 1 found, 0 not, -1 on error. */
int store_subscriber_of_user(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t user_id,
			     struct subscriber *out);
/** Confirms a subscriber: 1 confirmed now, 0 already confirmed, -1 no such subscriber or an error. */
int store_subscriber_confirm(store *s, int64_t id);
/** Deletes a subscriber and every subscription of it (unsubscribe from everything): 1, 0 none, -1. */
int store_subscriber_delete(store *s, int64_t id);
/** A subscriber's subscriptions by kind and target name. */
int store_subscriptions_of(store *s, h2o_mem_pool_t *pool, int64_t subscriber_id, struct subscription **out,
			   size_t *n);
/** Subscribes to the target of kind on the subscriber's own site, or changes the cadence of that
 * subscription: SAVE_OK, SAVE_NOT_FOUND when the site has no such target (or the kind or cadence is
 * unknown), SAVE_CONFLICT when the subscriber has SUBSCRIPTIONS_MAX already. */
enum save_result store_subscription_add(store *s, int64_t subscriber_id, const char *kind, int64_t target_id,
					const char *cadence);
/** Changes the cadence of a subscriber's subscription: SAVE_OK, or SAVE_NOT_FOUND. */
enum save_result store_subscription_cadence(store *s, int64_t subscriber_id, int64_t id, const char *cadence);
/** Removes a subscriber's subscription: SAVE_OK, or SAVE_NOT_FOUND. */
enum save_result store_subscription_remove(store *s, int64_t subscriber_id, int64_t id);
/** A site's sections, congresses, trials and topics, by kind then name. */
int store_subscription_targets(store *s, h2o_mem_pool_t *pool, int64_t site_id,
			       struct subscription_target **out, size_t *n);

/* ---- search (sq_search.c) ---- */

#define SEARCH_MAX_CLAUSES 12 /* clauses of one query: the store reads no more */
#define SEARCH_MAX_WORDS 200  /* words of one query, every clause's together: the store reads no more */
#define SEARCH_MAX_ALTS 20 /* alternatives of one query, every clause's together: the store reads no more */

/** Where a clause must be found: anywhere, or in one column (the body: those the reader may read). */
enum search_column {
	SEARCH_ANY,
	SEARCH_TITLE,
	SEARCH_SUMMARY,
	SEARCH_BODY,
	SEARCH_PEOPLE,
	SEARCH_TRIAL,
	SEARCH_REFS,
	SEARCH_TOPICS
};

/** One clause of a parsed query: its words in order (as the reader typed them, any bytes; the store cuts,
 * folds and stems them as it indexes articles), all of them together when more than one. */
struct search_clause {
	const char *const *words;
	size_t nwords;
	int phrase;  /* the reader quoted the words (one unquoted word may still be several tokens: PD-L1) */
	int prefix;  /* the last word is a prefix */
	int exclude; /* articles with it are left out */
	int or_before; /* OR joins it to the included clause before (AND binds tighter than OR) */
	enum search_column column;
	/* other forms the clause stands for (synonyms): it matches where any of them or it does. Each is a
	 * phrase of its words on the clause's column; their own exclude, or_before, prefix and alts are not
	 * read. Their words count in SEARCH_MAX_WORDS, and a query's alternatives in SEARCH_MAX_ALTS. */
	const struct search_clause *alts;
	size_t nalts;
};

/** A search: the parsed query (never text for an engine to read: the store turns it into what its engine
 * asks), the reader's level, and filters (0: any). Nothing is found without an included clause. */
struct search_query {
	int64_t site_id;
	const struct search_clause *clauses; /* every column; the store keeps bodies above level out */
	size_t nclauses;
	int level; /* the reader's audience level, 0 (public) to 3 (verified HCP) */
	int64_t section_id, congress_id, tag_id, trial_id;
	int year;
	const char *lang; /* the reader's language, ranked first; NULL or "" for the site's default */
};

struct search_hit {
	struct article article;
	const char *snippet; /* plain text with \x02 and \x03 around matched words */
};

struct facet {
	int64_t id; /* a year for FACET_YEAR */
	const char *slug, *name;
	int64_t count;
};

enum facet_kind { FACET_SECTION, FACET_CONGRESS, FACET_YEAR, FACET_TAG, FACET_TRIAL };
#define FACET_KINDS 5

struct search_result {
	size_t total; /* every hit */
	struct search_hit *hits;
	size_t nhits;			   /* the page asked for */
	struct facet *facets[FACET_KINDS]; /* per kind, largest first (with_facets only) */
	size_t nfacets[FACET_KINDS];
};

/** Searches: how many visible hits there are, the page [offset, offset + limit) best first (relevance with a
 * recency boost), and when with_facets the counts per section, congress, year, topic and trial. One pass of
 * the full-text match serves all of it. 0, or -1 on error. */
int store_search(store *s, h2o_mem_pool_t *pool, const struct search_query *q, size_t offset, size_t limit,
		 int with_facets, struct search_result *out);
/** Public words (titles, summaries, faculty, trials, topics) from <= term < to, one row each: name is the
 * word, count the articles holding it, id those of them in lang ("fr"; an article without one is in its
 * site's language). */
int store_search_vocab(store *s, h2o_mem_pool_t *pool, const char *lang, const char *from, const char *to,
		       struct facet **out, size_t *n);
/** Background upkeep after articles changed: the "did you mean" vocabulary brought up to date and the
 * full-text index merged when it has grown into many pieces. 1 when it did work, 0 when none was due, -1 on
 * error. */
int store_search_upkeep(store *s);
/** The database's epoch: it changes when the whole database is replaced (a restore). -1 on error. */
int64_t store_content_epoch(store *s);

/* ---- changes between processes serving one database (sq_changes.c) ---- */

/** A logged change: an article's (its page, its neighbours and the lists), or the structure's (every page).
 */
struct logged_change {
	int structure;
	int64_t article_id;
};
/** Changes other processes logged after *since, oldest first, at most max into out; *since moves past
 * what was read. The first call (*since < 0) reads none and sets *since to the newest row. 0, or -1. */
int store_changes_since(store *s, int64_t *since, struct logged_change *out, size_t max, size_t *n);
/** Waits up to ms milliseconds, less when the database can tell that another process logged a change
 * (PostgreSQL's notifications; SQLite just sleeps): the scheduler's pause between ticks. 0, or -1. */
int store_changes_wait(store *s, int ms);
/** Where the database stands, as one connection sees it: a memo of what it answered holds while the stamp
 * is the same, as nothing was committed since, by this connection (changes) or any other of this process or
 * another (data_version). */
struct store_stamp {
	int64_t data_version, changes;
};
int store_stamp(store *s, struct store_stamp *out);
static inline int store_stamp_same(const struct store_stamp *a, const struct store_stamp *b)
{
	return a->data_version == b->data_version && a->changes == b->changes;
}
/** Drops log rows written before the Unix time `before`. */
int store_changes_prune(store *s, int64_t before);

/* ---- backup and restore (calls.c: sqlite/sq_backup.c or pg/pg_backup.c; backup.c: what both share) ---- */

/** What a backup or a restore did. */
struct store_copy_report {
	int64_t bytes;	    /* the size of the backup file */
	int schema_version; /* of the backup written; after a restore, of the live database once migrated */
	int from_version;   /* restore: the schema version of the backup before migrations */
	int64_t articles;   /* in the backup written, or in the live database after a restore */
	int64_t epoch;	    /* restore: the live database's new content epoch */
};

/** Copies the database at db_path into the file `to` with SQLite's online backup API, 256 pages
 * at a time from one snapshot, so a server using the database keeps reading and writing meanwhile. The copy
 * goes into a temporary file beside `to` (mode 0600), is checked (quick_check, a Plenary schema) and made one
 * self-contained file, and only then renamed to `to`: a failed backup leaves no file. An existing `to` is
 * refused unless overwrite; the database itself always is. Never creates or migrates db_path. 0 with *out, or
 * -1 with why in err. */
int store_backup(const char *db_path, const char *to, int overwrite, struct store_copy_report *out, char *err,
		 size_t errlen);
/** Replaces the whole content of the database at db_path (created when missing) with the backup `from`. The
 * backup is checked first (integrity_check, an article table, a schema version not newer than this binary's);
 * a refused file leaves the database untouched. The copy is one write transaction with the online backup API,
 * so a running server keeps its snapshot until the commit. Then the migrations run (an older backup is
 * upgraded) and the content epoch is set above both the old and the backup's, so a running server drops its
 * cached pages. 0 with *out, or -1 with why in err. */
int store_restore(const char *db_path, const char *from, struct store_copy_report *out, char *err,
		  size_t errlen);

/* ---- the front page an editor curates (src/store/front_db.c) ---- */

/** An article curated onto the front page, as the back office lists it. */
struct front_entry {
	int64_t article_id, position;
	const char *place; /* "featured" or "pinned" */
	const char *title, *slug, *status;
	int visible; /* published and its time has come: the home page shows it */
};
/** The highlighted congress (*congress_id 0: chosen automatically) and every curated article, the featured
 * ones first, each place in its order. */
int store_front(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t *congress_id,
		struct front_entry **out, size_t *n);
/** The visible articles of place ("featured" or "pinned") in their order, at most limit, as list cards; with
 * lang (not NULL; "" the site's default), each placed article's family member in lang when one is visible. */
int store_front_articles(store *s, h2o_mem_pool_t *pool, int64_t site_id, const char *place, const char *lang,
			 size_t limit, struct article **out, size_t *n);
/** Sets the highlighted congress (0: automatic); SAVE_NOT_FOUND when the site has no such congress. */
enum save_result store_front_set_congress(store *s, int64_t site_id, int64_t congress_id, int64_t user_id);
/** Puts a visible article of the site last in place: SAVE_NOT_FOUND when there is no such visible article,
 * SAVE_SLUG_TAKEN when it is on the front page already, SAVE_CONFLICT when place holds max already. */
enum save_result store_front_add(store *s, int64_t site_id, int64_t article_id, const char *place, size_t max,
				 int64_t user_id);
/** Moves a curated article one place up (dir < 0) or down in its place; SAVE_OK also at either end. */
enum save_result store_front_move(store *s, int64_t site_id, int64_t article_id, int dir, int64_t user_id);
/** Takes an article off the front page (the article itself stays). */
enum save_result store_front_remove(store *s, int64_t site_id, int64_t article_id, int64_t user_id);

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

/* ---- the durable mail queue (mailq_db.c, migration 025) ---- */

/** One message to one recipient, as a producer (account mail, alert, digest, newsletter) hands it to the
 * queue. The sender thread composes it (multipart text and HTML, List-Unsubscribe, DKIM) when it sends. */
struct mail_item {
	int64_t site_id;	     /* the site it speaks for, or 0 */
	const char *kind;	     /* "account", "confirm", "alert", "digest", "newsletter" or "test" */
	const char *dedupe;	     /* a key unique to this message and recipient, or NULL: a second put with
					the same key queues nothing (an alert batch re-run after a crash) */
	const char *to;		     /* a bare address */
	const char *subject;	     /* UTF-8, one line */
	const char *text;	     /* the text/plain part, UTF-8, required */
	const char *html;	     /* the text/html part, or NULL for a text-only message */
	const char *unsubscribe_url; /* https URL for List-Unsubscribe (RFC 8058 one-click), or NULL */
	int64_t campaign_id;	     /* the newsletter it belongs to, or 0 */
	int64_t not_before;	     /* not sent before this Unix time; 0: at once */
};

/** Queues one message: 1 queued, 0 not queued because its dedupe key is already queued or the address is
 * suppressed (bounced, refused for good), -1 on error or a missing field. Joins the caller's transaction
 * when one is open, so a producer's "mark as done" and its messages commit together. */
int store_mail_put(store *s, const struct mail_item *m);
/** 1 when mail to this address is suppressed on every site (a bounce or a permanent refusal), 0 when not,
 * -1 on error. */
int store_mail_suppressed(store *s, const char *email);
/** Counts of a newsletter's messages by state. */
struct mail_counts {
	int64_t queued, sent, failed, suppressed;
};
int store_mail_counts(store *s, int64_t campaign_id, struct mail_counts *out);

/* Limits store_mail_put holds a message to: a subject line of RFC 5322's 998 bytes, bodies of 2 MiB each, a
 * dedupe key and an unsubscribe URL of 2048 bytes, a kind of 32. */
#define MAIL_SUBJECT_MAX 998
#define MAIL_BODY_MAX (2 * 1024 * 1024)
#define MAIL_KEY_MAX 2048
#define MAIL_KIND_MAX 32
/** Stops mail to an address on every site: source "bounce", "smtp" or "admin", reason a line (cut to 1000
 * bytes); its queued messages become 'suppressed'. 1 added, 0 already suppressed, -1 on error or a bad
 * address or source. */
int store_mail_suppress(store *s, const char *email, const char *source, const char *reason);
/** Lifts an address's suppression: 1 lifted, 0 when it was not suppressed, -1 on error. Messages already
 * marked 'suppressed' stay so. */
int store_mail_unsuppress(store *s, const char *email);

/** A queued message as the sender claims it (store_mail_claim). */
struct mail_row {
	int64_t id, site_id, campaign_id, attempts, created_at;
	const char *kind, *to, *subject, *text, *html,
	    *unsubscribe_url; /* html, unsubscribe_url: "" when none */
};
/** Puts back to 'queued' the rows left 'sending' that node claimed (its life before a crash) or that any
 * node claimed before stale_before (a node that never came back): how many, or -1. */
int store_mail_recover(store *s, const char *node, int64_t stale_before);
/** Claims at most max due rows (queued, not_before <= now), oldest first, for node: each becomes 'sending'
 * with claimed_at, in one transaction whose SELECT skips rows another node holds (PostgreSQL's FOR UPDATE
 * SKIP LOCKED). Rows to a suppressed address become 'suppressed' instead and are not returned. 0 with *out
 * (pool) and *n, or -1. */
int store_mail_claim(store *s, h2o_mem_pool_t *pool, const char *node, int max, struct mail_row **out,
		     size_t *n);
/** After an attempt of a claimed row: state "sent" (sent_at now), "queued" again with retry_at as its
 * not_before, "failed", or "suppressed"; attempts grows by one but for "suppressed"; error (or NULL) is
 * kept as last_error, cut to one line. 0, or -1. */
int store_mail_done(store *s, int64_t id, const char *state, int64_t retry_at, const char *error);

/** Forgets what is done with (sent, failed, suppressed) since before `before`, at most max rows a call: a
 * newsletter's rows keep their state for its counts and lose their bodies; other rows go. How many rows it
 * changed, or -1. */
int store_mail_prune(store *s, int64_t before, int max);

/** The back office's view of the queue (/admin/mail). */
struct mail_state_count {
	const char *state;
	int64_t n;
};
struct mail_failure {
	int64_t id, attempts, at; /* at: when it was given up (its claim) */
	const char *to, *subject, *kind, *error;
};
struct mail_suppression {
	int64_t created_at;
	const char *email, *reason, *source;
};
/** Rows by state (every state, 0s included, in the order queued, sending, sent, failed, suppressed): 0, or
 * -1; *out has 5 items. */
int store_mail_states(store *s, h2o_mem_pool_t *pool, struct mail_state_count **out);
/** The newest failed rows, at most max: 0, or -1. */
int store_mail_failures(store *s, h2o_mem_pool_t *pool, int max, struct mail_failure **out, size_t *n);
/** Suppressed addresses containing q (any case; "" for all), newest first, at most max; *total: how many
 * match. 0, or -1. */
int store_mail_suppressions(store *s, h2o_mem_pool_t *pool, const char *q, int max,
			    struct mail_suppression **out, size_t *n, int64_t *total);

/* ---- alerts and weekly digests (alerts_db.c, migration 026) ---- */

/** The audience level an account reaches: members once its address is verified, hcp with a declared
 * healthcare profession, verified_hcp once an editor verified it; public without an account (NULL). The one
 * rule the site's pages (session.c's reader_level) and the mails (alerts, digests, newsletters) follow. */
enum audience user_audience(const struct user *u);

/* Seconds: an article public longer when first seen is never alerted (an import's past, a long outage). */
#define ALERT_MAX_AGE 86400
#define ALERT_BATCH_MAX 50	/* articles in one alert batch at most: the rest go in the next */
#define DIGEST_MAX_ARTICLES 100 /* articles of one digest at most (the newest) */

/** A site's articles no alert covered yet: visible, public for at most ALERT_MAX_AGE. */
struct alert_pending {
	int64_t site_id, count;
	int64_t oldest, newest; /* their published_at: the first and the last to become public */
};
/** Every site's pending articles, one row a site with any. 0, or -1. */
int store_alert_pending(store *s, h2o_mem_pool_t *pool, struct alert_pending **out, size_t *n);
/** Opens a site's alert batch in a transaction left open for the caller: a new batch covers the site's
 * pending articles (oldest first, at most ALERT_BATCH_MAX), so none is alerted twice. 1 with *batch_id
 * (read its articles and recipients, queue its mails with store_mail_put, then store_alert_batch_end), 0
 * when nothing is pending or another node holds the turn (nothing open), -1 on error (nothing open). */
int store_alert_batch_begin(store *s, int64_t site_id, int64_t *batch_id);
/** Ends the batch: commit 1 records its mail count and commits everything (the batch and its mails
 * together), 0 rolls it all back (its articles are pending again). 0, or -1 (rolled back). */
int store_alert_batch_end(store *s, int64_t batch_id, int64_t mails, int commit);
/** The batch's articles still visible, oldest first, as list cards (slug, title, summary, section...). */
int store_alert_batch_articles(store *s, h2o_mem_pool_t *pool, int64_t batch_id, struct article **out,
			       size_t *n);
/** One recipient of one article: a confirmed subscriber with a subscription of the cadence matching it
 * (its section, congress, trial or one of its topics). */
struct alert_recipient {
	int64_t subscriber_id, article_id;
	const char *email;
	/* the subscriber's account (id 0 for an address alone): id, email_verified, hcp_declared, hcp_status
	 * and profession are filled, what user_audience reads */
	struct user user;
	const char *language; /* of its mail: the account's, else the subscriber's ("": the site's) */
};
/** Every (confirmed subscriber, article of the batch) pair with an immediate subscription matching, by
 * subscriber, then the articles oldest first. 0, or -1. */
int store_alert_recipients(store *s, h2o_mem_pool_t *pool, int64_t batch_id, struct alert_recipient **out,
			   size_t *n);
/** Opens a site's digest of week (yyyy-ww) in a transaction left open: 1 when this call made it (queue its
 * mails, then store_digest_end), 0 when that week's digest exists already or another node holds the turn
 * (nothing open), -1 on error. */
int store_digest_begin(store *s, int64_t site_id, const char *week);
/** Ends the digest of week: commit records its mail count and commits, else rolls back. 0, or -1. */
int store_digest_end(store *s, int64_t site_id, const char *week, int64_t mails, int commit);
/** The site's visible articles published in [from, until), newest first, at most DIGEST_MAX_ARTICLES, as
 * list cards. */
int store_digest_articles(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t until,
			  struct article **out, size_t *n);
/** The (confirmed subscriber, article) pairs of a site's weekly subscriptions matching its visible
 * articles published in [from, until) (of those store_digest_articles returns), by subscriber then the
 * articles newest first. 0, or -1. */
int store_digest_recipients(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t from, int64_t until,
			    struct alert_recipient **out, size_t *n);

/* ---- the editors' newsletters (newsletter_db.c, migration 027) ---- */

#define NEWSLETTER_MAX_SUBJECT 200     /* bytes of a subject */
#define NEWSLETTER_MAX_INTRO 20000     /* bytes of an introduction (Markdown) */
#define NEWSLETTER_MAX_ARTICLES 30     /* articles of one newsletter */
#define NEWSLETTERS_LISTED 50	       /* newsletters store_newsletters gives, newest first */
#define NEWSLETTER_RECIPIENTS_PAGE 500 /* recipients store_newsletter_recipients gives at a time */

/** A newsletter: state "draft", "scheduled" (send_at set), "sending" (only inside the transaction that sends
 * it) or "sent" (sent_at and recipients set). */
struct newsletter {
	int64_t id, site_id, send_at, created_by, created_at, updated_at, sent_at, recipients;
	const char *subject, *intro, *state, *author_name; /* author_name: the creator's name, else email */
	int64_t unsubscribed; /* its recipients who are no longer confirmed subscribers of the site */
};
/** What an editor saves: id 0 creates a draft; articles in their order (each of the site, any status). */
struct newsletter_edit {
	int64_t id, site_id;
	const char *subject, *intro;
	const int64_t *articles;
	size_t narticles;
};
/** Saves a draft or a scheduled newsletter (which stays scheduled) with its articles, audited: SAVE_OK with
 * *id_out; SAVE_NOT_FOUND when there is no such newsletter on the site or an article is not the site's;
 * SAVE_CONFLICT when it is being sent or sent; SAVE_ERROR on an empty or overlong subject, an overlong
 * intro, more than NEWSLETTER_MAX_ARTICLES or a repeated article, or a database error. */
enum save_result store_newsletter_save(store *s, const struct newsletter_edit *e, int64_t user_id,
				       int64_t *id_out);
/** The site's NEWSLETTERS_LISTED newest newsletters, with unsubscribed counted for the sent ones. */
int store_newsletters(store *s, h2o_mem_pool_t *pool, int64_t site_id, struct newsletter **out, size_t *n);
/** One newsletter of the site (unsubscribed counted): 1, 0, -1. */
int store_newsletter_by_id(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t id,
			   struct newsletter *out);
/** Its articles in order, whatever their status: id, slug, title, summary, audience, status, published_at and
 * section.name (the mail reads what readers may see through store_article_by_slug). */
int store_newsletter_articles(store *s, h2o_mem_pool_t *pool, int64_t newsletter_id, struct article **out,
			      size_t *n);
/** The other members of its articles' families of translations that are visible now, by the listed article's
 * position then id: listed[i] the listed article out[i] stands for; out[i] as store_newsletter_articles's,
 * with lang its language or else its site's ("fr"). A reader is sent the one in their language. */
int store_newsletter_members(store *s, h2o_mem_pool_t *pool, int64_t newsletter_id, int64_t **listed,
			     struct article **out, size_t *n);
/** Schedules a draft (or moves a scheduled one) to send_at, audited: SAVE_OK; SAVE_NOT_FOUND; SAVE_CONFLICT
 * when it is being sent or sent, or send_at is not in the future. */
enum save_result store_newsletter_schedule(store *s, int64_t site_id, int64_t id, int64_t send_at,
					   int64_t user_id);
/** A scheduled newsletter back to draft, audited: SAVE_OK; SAVE_NOT_FOUND; SAVE_CONFLICT when not scheduled
 * (sent, or being sent, already). */
enum save_result store_newsletter_cancel(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** Deletes a draft newsletter with its articles, audited: SAVE_OK; SAVE_NOT_FOUND; SAVE_CONFLICT when it is
 * not a draft (scheduled: cancel it first; sent: its record stays). */
enum save_result store_newsletter_delete(store *s, int64_t site_id, int64_t id, int64_t user_id);
/** The scheduled newsletter due first at now (any site): 1 with *id and *site_id, 0 none, -1. */
int store_newsletter_due(store *s, int64_t now, int64_t *id, int64_t *site_id);
/** Claims a due newsletter for sending (scheduled, due at now: state sending), to be called inside a batch
 * (store_batch_begin) that puts its messages and store_newsletter_sent marks it, so it is sent once whatever
 * crashes or other nodes do (on PostgreSQL a second claimer waits for the row, then finds it sent). 1
 * claimed, 0 not (cancelled, or sent by another), -1. */
int store_newsletter_claim(store *s, int64_t id, int64_t now);
/** A confirmed subscriber a newsletter goes to, with the account's fields the reader's level comes from
 * (user.id 0 for an address without an account). */
struct newsletter_recipient {
	int64_t subscriber_id;
	const char *email;
	struct user user;     /* id, email_verified, profession, hcp_declared, hcp_status */
	const char *language; /* of its mail: the account's, else the subscriber's ("": the site's) */
};
/** Up to NEWSLETTER_RECIPIENTS_PAGE of the site's confirmed subscribers with a subscriber id above after, by
 * id (the audience: every confirmed subscriber of the site). */
int store_newsletter_recipients(store *s, h2o_mem_pool_t *pool, int64_t site_id, int64_t after,
				struct newsletter_recipient **out, size_t *n);
/** Records that the newsletter went to a subscriber (its unsubscribed count reads these). 0, or -1. */
int store_newsletter_recipient_add(store *s, int64_t id, int64_t subscriber_id, const char *email);
/** Marks a claimed newsletter sent to `recipients` addresses. 0, or -1. */
int store_newsletter_sent(store *s, int64_t id, int64_t recipients);

/* ---- translated names (src/store/names_db.c, migration 030's name_translation) ----
 *
 * Sections, congresses, tags, static pages, menu entries and sites keep their names in the site's default
 * language; a translation is one row per item, language and field. A page in another language shows the
 * translation where there is one, else the name as kept. */

/** The kinds and fields name_translation knows ("section", "name"...). */
struct name_text {
	const char *kind;
	int64_t item_id;
	const char *lang, *field, *text;
};
/** Translations sorted by kind, item and field (store_name_find looks in it); lang as read. */
struct name_set {
	struct name_text *rows;
	size_t n;
};
/** Every translated name into lang (of every site: ids are unique per kind), sorted. 0, or -1. */
int store_names(store *s, h2o_mem_pool_t *pool, const char *lang, struct name_set *out);
/** The translated field of an item in set (NULL: none), or fallback when it has none. */
const char *store_name_find(const struct name_set *set, const char *kind, int64_t item_id, const char *field,
			    const char *fallback);
/** Every translation of one item, in every language, for its edit form. 0, or -1. */
int store_item_names(store *s, h2o_mem_pool_t *pool, const char *kind, int64_t item_id, struct name_set *out);
/** Writes the translations of one item: each row's (lang, field) gets its text; "" removes the row (the
 * pages fall back to the name as kept). Rows whose text is already so write nothing. In one transaction;
 * a change writes its audit line ("kind.names" on "kind:id") and, by 030's triggers, the change log. */
enum save_result store_item_names_save(store *s, const char *kind, int64_t item_id,
				       const struct name_text *rows, size_t n, int64_t user_id);

#endif
