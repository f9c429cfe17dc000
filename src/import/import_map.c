/* import_map: the --map file (INI) that says where WordPress's categories, tags and authors go when the
 * publisher's own taxonomy differs, checked against the site before anything is read. */
#include <ini.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/text.h"
#include "import/importer.h"

#define MAP_MAX_ENTRIES 20000
#define MAP_MAX_BYTES (4 << 20)

struct load {
	struct import_map *m;
	char *err;
	size_t errlen;
	int failed;
};

static int fail(struct load *l, const char *section, const char *name, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static int fail(struct load *l, const char *section, const char *name, const char *fmt, ...)
{
	if (!l->failed) {
		char why[400];
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(why, sizeof why, fmt, ap);
		va_end(ap);
		snprintf(l->err, l->errlen, "[%s] %s: %s", section, name, why);
	}
	l->failed = 1;
	return 0;
}

static int one_of(const char *v, const char *const *names)
{
	for (; *names; names++)
		if (strcmp(v, *names) == 0)
			return 1;
	return 0;
}

static int option(struct load *l, const char *name, const char *value)
{
	static const char *const kinds[] = {"interview", "report", "news", NULL};
	static const char *const audiences[] = {"public", "members", "hcp", "verified_hcp", NULL};
	struct import_map *m = l->m;
	if (strcmp(name, "kind") == 0 && one_of(value, kinds))
		snprintf(m->kind, sizeof m->kind, "%s", value);
	else if (strcmp(name, "audience") == 0 && one_of(value, audiences))
		snprintf(m->audience, sizeof m->audience, "%s", value);
	else if (strcmp(name, "section") == 0 && strlen(value) < sizeof m->section)
		snprintf(m->section, sizeof m->section, "%s", value);
	else if (strcmp(name, "kind") == 0)
		return fail(l, "options", name, "'%s' is not a kind: interview, report or news", value);
	else if (strcmp(name, "audience") == 0)
		return fail(l, "options", name,
			    "'%s' is not an audience: public, members, hcp or verified_hcp", value);
	else
		return fail(l, "options", name, "%s is not an option: kind, audience or section", name);
	return 1;
}

static int entry(void *user, const char *section, const char *name, const char *value)
{
	struct load *l = user;
	struct import_map *m = l->m;
	if (l->failed)
		return 0;
	if (strcmp(section, "options") == 0)
		return option(l, name, value);
	enum map_group g = strcmp(section, "categories") == 0 ? MAP_CATEGORIES
			   : strcmp(section, "tags") == 0     ? MAP_TAGS
			   : strcmp(section, "authors") == 0  ? MAP_AUTHORS
							      : MAP_GROUPS;
	if (g == MAP_GROUPS)
		return fail(l, section, name, "%s",
			    "the map's sections are [categories], [tags], [authors] and [options]");
	if (m->n >= MAP_MAX_ENTRIES)
		return fail(l, section, name, "%s", "the map holds more than 20000 entries");
	if (!*name || strlen(name) > 200 || !text_utf8_ok(name) || !text_clean(name, 0))
		return fail(l, section, name, "%s",
			    "a key is a WordPress slug or login of at most 200 bytes");
	enum map_target t = MAP_NONE;
	const char *v = "";
	if (strcmp(value, "skip") == 0)
		t = MAP_SKIP;
	else if (g != MAP_AUTHORS && strncmp(value, "section:", 8) == 0)
		t = MAP_SECTION, v = value + 8;
	else if (g != MAP_AUTHORS && strncmp(value, "congress:", 9) == 0)
		t = MAP_CONGRESS, v = value + 9;
	else if (g != MAP_AUTHORS && strncmp(value, "topic:", 6) == 0)
		t = MAP_TOPIC, v = value + 6;
	else if (g == MAP_AUTHORS && strcmp(value, "staff") == 0)
		t = MAP_STAFF, v = "contributor";
	else if (g == MAP_AUTHORS && strncmp(value, "staff:", 6) == 0 &&
		 (strcmp(value + 6, "contributor") == 0 || strcmp(value + 6, "editor") == 0))
		t = MAP_STAFF, v = value + 6;
	else if (g == MAP_AUTHORS && strcmp(value, "byline") == 0)
		t = MAP_BYLINE;
	if (t == MAP_NONE)
		return fail(l, section, name, "'%s' says nothing the import knows: %s", value,
			    g == MAP_AUTHORS ? "write staff, staff:contributor, staff:editor, byline or skip"
					     : "write section:SLUG, congress:SLUG, topic:NAME or skip");
	if (t != MAP_SKIP && t != MAP_STAFF && t != MAP_BYLINE && (!*v || strlen(v) > 150))
		return fail(l, section, name, "%s", "name the section, congress or topic after the colon");
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 32;
		struct map_entry *e = realloc(m->e, cap * sizeof *e);
		if (!e)
			return fail(l, section, name, "%s", "out of memory");
		m->e = e;
		m->cap = cap;
	}
	m->e[m->n++] = (struct map_entry){g, strdup(name), t, strdup(v), 0};
	return 1;
}

/* The sections and congresses the map names must exist on the site: found now, so a typo stops the import
 * before it starts. */
static int resolve(struct import_map *m, store *s, int64_t site_id, char *err, size_t errlen)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	int rc = 0;
	for (size_t i = 0; i < m->n && rc == 0; i++) {
		struct map_entry *e = &m->e[i];
		int found = 1;
		if (e->target == MAP_SECTION) {
			struct section x;
			found = store_section_by_slug(s, &pool, site_id, e->value, &x);
			e->id = x.id;
		} else if (e->target == MAP_CONGRESS) {
			struct congress x;
			found = store_congress_by_slug(s, &pool, site_id, e->value, &x);
			e->id = x.id;
		}
		if (found < 0) {
			snprintf(err, errlen, "the database could not be read");
			rc = -1;
		} else if (found == 0) {
			snprintf(err, errlen, "%s = %s:%s: this site has no %s '%s'", e->key,
				 e->target == MAP_SECTION ? "section" : "congress", e->value,
				 e->target == MAP_SECTION ? "section" : "congress", e->value);
			rc = -1;
		}
	}
	if (rc == 0 && m->section[0]) {
		struct section x;
		int found = store_section_by_slug(s, &pool, site_id, m->section, &x);
		m->section_id = found == 1 ? x.id : 0;
		if (found != 1) {
			snprintf(err, errlen, "[options] section = %s: this site has no section '%s'",
				 m->section, m->section);
			rc = -1;
		}
	}
	h2o_mem_clear_pool(&pool);
	return rc;
}

static int by_key(const void *a, const void *b)
{
	const struct map_entry *x = a, *y = b;
	if (x->group != y->group)
		return x->group < y->group ? -1 : 1;
	return strcmp(x->key, y->key);
}

int map_load(struct import_map *m, const char *path, store *s, int64_t site_id, char *err, size_t errlen)
{
	memset(m, 0, sizeof *m);
	snprintf(m->kind, sizeof m->kind, "news");
	snprintf(m->audience, sizeof m->audience, "public");
	if (!path)
		return 0;
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s: no such file", path);
		return -1;
	}
	if (st.st_size > MAP_MAX_BYTES) {
		snprintf(err, errlen, "%s: a map is at most 4 MiB", path);
		return -1;
	}
	char why[512] = "";
	struct load l = {m, why, sizeof why, 0};
	int rc = ini_parse(path, entry, &l);
	if (rc != 0 || l.failed) {
		if (l.failed)
			snprintf(err, errlen, "%s: %s", path, why);
		else if (rc > 0)
			snprintf(err, errlen, "%s: line %d is not INI (name = value under a [section])", path,
				 rc);
		else
			snprintf(err, errlen, "%s: cannot be read", path);
		return -1;
	}
	/* a changed map changes what every item becomes */
	FILE *f = fopen(path, "rb");
	char block[4096];
	size_t got;
	uint64_t h = 0;
	while (f && (got = fread(block, 1, sizeof block, f)) > 0)
		h = h * 31 + text_hash(block, got);
	if (f)
		fclose(f);
	m->hash = h;
	qsort(m->e, m->n, sizeof *m->e, by_key); /* map_find looks up by halves */
	for (size_t i = 1; i < m->n; i++)
		if (by_key(&m->e[i - 1], &m->e[i]) == 0) {
			snprintf(err, errlen, "%s: %s is mapped twice", path, m->e[i].key);
			return -1;
		}
	if (resolve(m, s, site_id, why, sizeof why) != 0) {
		snprintf(err, errlen, "%s: %s", path, why);
		return -1;
	}
	return 0;
}

void map_free(struct import_map *m)
{
	for (size_t i = 0; i < m->n; i++) {
		free(m->e[i].key);
		free(m->e[i].value);
	}
	free(m->e);
	memset(m, 0, sizeof *m);
}

const struct map_entry *map_find(const struct import_map *m, enum map_group g, const char *key)
{
	struct map_entry want = {.group = g, .key = (char *)key};
	return m->n ? bsearch(&want, m->e, m->n, sizeof *m->e, by_key) : NULL;
}
