/* wp_people: WordPress's authors become staff accounts that sign in only after a password reset, or bylines
 * (people shown as an article's author), or nothing, as the map says. */
#include <sodium.h>
#include <string.h>

#include "auth/password.h"
#include "core/text.h"
#include "import/importer.h"
#include "store/accounts.h"
#include "store/desk.h"
#include "store/imports.h"

/* A person for the byline; its slug from the login, made unique with -2, -3... */
static int make_person(struct importer *im, const struct wxr_author *a, const char *name, int64_t *id)
{
	char base[100], slug[120];
	text_slug(a->login, base, sizeof base);
	if (!base[0])
		text_slug(name, base, sizeof base);
	if (!base[0])
		snprintf(base, sizeof base, "author-%lld", (long long)a->id);
	for (int i = 1; i <= 50; i++) {
		if (i == 1)
			snprintf(slug, sizeof slug, "%s", base);
		else
			snprintf(slug, sizeof slug, "%s-%d", base, i);
		struct person p = {.slug = slug, .name = name, .title = "", .affiliation = "", .photo = ""};
		enum save_result rc = store_person_save(im->s, &p, "", 0, id);
		if (rc == SAVE_OK)
			return 1;
		if (rc != SAVE_SLUG_TAKEN)
			return -1;
	}
	return 0;
}

/* A staff account without a usable password: a random one, hashed and forgotten, so signing in as it costs
 * as much as any other account and succeeds only after a reset. 1 made, 0 the address is taken, -1. */
static int make_staff(struct importer *im, const struct wxr_author *a, const char *name, const char *role,
		      int64_t *id)
{
	unsigned char secret[32];
	char password[65], hash[crypto_pwhash_STRBYTES];
	randombytes_buf(secret, sizeof secret);
	sodium_bin2hex(password, sizeof password, secret, sizeof secret);
	int hashed = im->dry_run ? 0 : password_hash_now(password, hash); /* a dry run keeps nothing */
	sodium_memzero(password, sizeof password);
	if (im->dry_run)
		snprintf(hash, sizeof hash, "!");
	if (hashed != 0)
		return -1;
	struct user u = {.email = a->email,
			 .name = name,
			 .profession = "not_hcp", /* staff, as `plenary user add` makes them */
			 .specialty = "",
			 .country = "",
			 .role = role,
			 .password_hash = hash};
	*id = store_user_create(im->s, &u, 1);
	return *id < 0 ? -1 : *id ? 1 : 0;
}

int import_author(struct importer *im, const struct wxr_author *a)
{
	if (!a->login || !*a->login)
		return 0;
	const char *name = a->display_name && *a->display_name ? a->display_name : a->login;
	const struct map_entry *m = map_find(&im->map, MAP_AUTHORS, a->login);
	struct import_item had;
	int known =
	    store_import_item_by_key(im->s, &im->pool, im->site->id, im->source, "author", a->login, &had);
	if (known < 0)
		return -1;
	struct import_item x = {.kind = "author", .wp_id = a->id, .wp_key = a->login};
	if (m && m->target == MAP_SKIP) {
		report_count(&im->rep, K_AUTHORS, O_SKIPPED);
		report_item(&im->rep, "author", a->id, a->login, 1,
			    "the map says skip: posts keep no author");
		return store_import_put(im->s, im->site->id, im->source, &x);
	}
	int byline = m && m->target == MAP_BYLINE;
	/* made by an earlier run, as the map still says (without a map, a staff account or the byline an
	 * author without an address became) */
	int was_byline = known && strcmp(had.target_kind, "person") == 0;
	if (known && had.target_id && (!m || byline == was_byline)) {
		report_count(&im->rep, K_AUTHORS, O_UNCHANGED);
		return 0;
	}
	int64_t id = 0;
	int rc;
	if (!byline && (!a->email || !text_email_ok(a->email))) {
		report_item(&im->rep, "author", a->id, a->login, 0,
			    "no usable email address for a staff account: shown as a byline instead");
		byline = 1;
	}
	if (byline) {
		rc = make_person(im, a, name, &id);
	} else {
		struct user u;
		int found = store_user_by_email(im->s, &im->pool, a->email, &u);
		if (found < 0)
			return -1;
		if (found) { /* an account of this site already: it becomes the author, unchanged */
			report_item(&im->rep, "author", a->id, a->login, 0,
				    "the existing account %s is the author", a->email);
			id = u.id;
			rc = 2;
		} else {
			rc = make_staff(im, a, name, m && m->target == MAP_STAFF ? m->value : "contributor",
					&id);
		}
	}
	if (rc < 0)
		return -1;
	if (rc == 0) {
		report_count(&im->rep, K_AUTHORS, O_SKIPPED);
		report_item(&im->rep, "author", a->id, a->login, 1, "no free slug for a byline");
		return 0;
	}
	report_count(&im->rep, K_AUTHORS, rc == 2 ? O_UNCHANGED : O_CREATED);
	x.target_kind = byline ? "person" : "user";
	x.target_id = id;
	return store_import_put(im->s, im->site->id, im->source, &x);
}

int author_target(struct importer *im, const char *login, int64_t *user_id, int64_t *person_id)
{
	*user_id = *person_id = 0;
	if (!login || !*login)
		return 0;
	struct import_item x;
	int found = store_import_item_by_key(im->s, &im->pool, im->site->id, im->source, "author", login, &x);
	if (found <= 0)
		return found;
	if (strcmp(x.target_kind, "user") == 0)
		*user_id = x.target_id;
	else if (strcmp(x.target_kind, "person") == 0)
		*person_id = x.target_id;
	return 1;
}
