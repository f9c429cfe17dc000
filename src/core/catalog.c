/* catalog: a language's messages read from JSON into a sorted table, plural categories, and localized dates.
 */
#include "core/catalog.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct entry {
	char *key;
	char *text;
};

struct catalog {
	char lang[8];
	struct entry *e;
	size_t n, cap;
};

struct loader {
	struct catalog *c;
	const char *name;
	char *err;
	size_t errlen;
};

static int fail(struct loader *l, const char *key, const char *why)
{
	if (l->err && l->errlen)
		snprintf(l->err, l->errlen, "%s: %s%s%s", l->name, key, *key ? ": " : "", why);
	return -1;
}

static int name_ok(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* Every '{' opens a placeholder: a dotted name, then '}'. */
static int placeholders_ok(const char *s)
{
	for (const char *p = strchr(s, '{'); p; p = strchr(p, '{')) {
		const char *q = p + 1;
		while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9') ||
		       *q == '_' || *q == '-' || (*q == '.' && q > p + 1 && q[-1] != '.'))
			q++;
		if (q == p + 1 || *q != '}' || q[-1] == '.')
			return 0;
		p = q + 1;
	}
	return 1;
}

static int add(struct loader *l, const char *key, const char *text)
{
	struct catalog *c = l->c;
	if (strlen(text) > CATALOG_MAX_MESSAGE)
		return fail(l, key, "the message is too long");
	if (!placeholders_ok(text))
		return fail(l, key, "a '{' opens no placeholder ({name})");
	if (c->n == CATALOG_MAX_KEYS)
		return fail(l, key, "too many messages");
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 256;
		struct entry *e = realloc(c->e, cap * sizeof *e);
		if (!e)
			return fail(l, key, "out of memory");
		c->e = e;
		c->cap = cap;
	}
	c->e[c->n].key = strdup(key);
	c->e[c->n].text = strdup(text);
	if (!c->e[c->n].key || !c->e[c->n].text) {
		free(c->e[c->n].key);
		free(c->e[c->n].text);
		return fail(l, key, "out of memory");
	}
	c->n++;
	return 0;
}

static int walk(struct loader *l, json_t *obj, char *prefix, size_t plen, size_t cap)
{
	const char *name;
	json_t *v;
	json_object_foreach(obj, name, v)
	{
		size_t k = strlen(name);
		if (!name_ok(name) || plen + k + 2 > cap) {
			prefix[plen] = '\0';
			return fail(l, prefix,
				    "a name is empty, too long or not letters, digits, '_' and '-'");
		}
		size_t at = plen;
		if (plen)
			prefix[at++] = '.';
		memcpy(prefix + at, name, k + 1);
		if (json_is_string(v)) {
			if (add(l, prefix, json_string_value(v)) != 0)
				return -1;
		} else if (json_is_object(v)) {
			if (walk(l, v, prefix, at + k, cap) != 0)
				return -1;
		} else {
			return fail(l, prefix, "a value is neither text nor an object");
		}
		prefix[plen] = '\0';
	}
	return 0;
}

static int by_key(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->key, ((const struct entry *)b)->key);
}

static struct catalog *build(json_t *root, json_error_t *je, const char *name, const char *lang, char *err,
			     size_t errlen)
{
	struct catalog *c = calloc(1, sizeof *c);
	struct loader l = {c, name, err, errlen};
	size_t ll = lang ? strlen(lang) : 0;
	int bad = !c;
	if (!bad && (ll < 2 || ll > 3 || strspn(lang, "abcdefghijklmnopqrstuvwxyz") != ll))
		bad = fail(&l, "", "the language is not two or three lowercase letters");
	if (!bad && !root) {
		if (err && errlen)
			snprintf(err, errlen, "%s:%d:%d: %s", name, je->line, je->column, je->text);
		bad = 1;
	}
	if (!bad && !json_is_object(root))
		bad = fail(&l, "", "the catalog is not a JSON object");
	char prefix[512] = "";
	if (!bad)
		bad = walk(&l, root, prefix, 0, sizeof prefix) != 0;
	json_decref(root);
	if (bad) {
		catalog_free(c);
		return NULL;
	}
	memcpy(c->lang, lang, ll + 1);
	if (c->n)
		qsort(c->e, c->n, sizeof *c->e, by_key);
	return c;
}

struct catalog *catalog_load(const char *path, const char *lang, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
	return build(root, &je, path, lang, err, errlen);
}

struct catalog *catalog_parse(const char *text, const char *name, const char *lang, char *err, size_t errlen)
{
	json_error_t je;
	json_t *root = json_loads(text, JSON_REJECT_DUPLICATES, &je);
	return build(root, &je, name, lang, err, errlen);
}

void catalog_free(struct catalog *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->e[i].key);
		free(c->e[i].text);
	}
	free(c->e);
	free(c);
}

const char *catalog_lang(const struct catalog *c)
{
	return c->lang;
}

const char *catalog_getn(const struct catalog *c, const char *key, size_t len)
{
	size_t lo = 0, hi = c->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *k = c->e[mid].key;
		int cmp = strncmp(k, key, len);
		if (cmp == 0 && k[len] != '\0')
			cmp = 1;
		if (cmp == 0)
			return c->e[mid].text;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

const char *catalog_get(const struct catalog *c, const char *key)
{
	return catalog_getn(c, key, strlen(key));
}

size_t catalog_count(const struct catalog *c)
{
	return c->n;
}

const char *catalog_key(const struct catalog *c, size_t i)
{
	return i < c->n ? c->e[i].key : NULL;
}

/* after the dates a key per line, so that lists added in different places merge */
// clang-format off
const char *const catalog_code_keys[] = {
    "date.long",     "date.month.1",  "date.month.2",  "date.month.3", "date.month.4",
    "date.month.5",  "date.month.6",  "date.month.7",  "date.month.8", "date.month.9",
    "date.month.10", "date.month.11", "date.month.12", "date.month_year",
    /* the switcher and the language offer (site/languages.c) */
    "layout.language_name",
    "layout.language_offer",
    "layout.language_read",
    /* the words of the articles in mails (jobs/mail_articles.c) */
    "mail.articles.kind.interview",
    "mail.articles.kind.report",
    "mail.articles.kind.news",
    "mail.articles.audience.public",
    "mail.articles.audience.members",
    "mail.articles.audience.hcp",
    "mail.articles.audience.verified_hcp",
    "mail.articles.new.interview.one",
    "mail.articles.new.interview.other",
    "mail.articles.new.report.one",
    "mail.articles.new.report.other",
    "mail.articles.new.news.one",
    "mail.articles.new.news.other",
    "mail.articles.new.article.one",
    "mail.articles.new.article.other",
    "mail.articles.headline_section",
    "mail.articles.headline_congress",
    NULL,
};
// clang-format on

enum plural catalog_plural(const char *lang, int64_t n)
{
	if (strcmp(lang, "fr") == 0)
		return n == 0 || n == 1 ? PLURAL_ONE : PLURAL_OTHER;
	return n == 1 ? PLURAL_ONE : PLURAL_OTHER;
}

const char *catalog_plural_name(enum plural p)
{
	return p == PLURAL_ONE ? "one" : "other";
}

const char *catalog_find(const struct catalog *const *chain, size_t n, const char *key, size_t len)
{
	for (size_t i = 0; i < n; i++) {
		const char *m = chain[i] ? catalog_getn(chain[i], key, len) : NULL;
		if (m)
			return m;
	}
	return NULL;
}

const char *catalog_fill(h2o_mem_pool_t *pool, const char *msg, const char *const *names,
			 const char *const *values, size_t n)
{
	buf b;
	buf_init(&b, pool);
	for (const char *p = msg; *p;) {
		const char *open = strchr(p, '{'), *close = open ? strchr(open, '}') : NULL;
		if (!close) {
			buf_adds(&b, p);
			break;
		}
		buf_add(&b, p, (size_t)(open - p));
		size_t len = (size_t)(close - open - 1);
		size_t i = 0;
		while (i < n && !(strlen(names[i]) == len && memcmp(names[i], open + 1, len) == 0))
			i++;
		if (i < n)
			buf_adds(&b, values[i] ? values[i] : "");
		else
			buf_add(&b, open, len + 2);
		p = close + 1;
	}
	return buf_cstr(&b);
}

const char *catalog_vfill(h2o_mem_pool_t *pool, const char *msg, const char *count_text, va_list ap)
{
	const char *names[9], *values[9];
	size_t n = 0;
	if (count_text) {
		names[n] = "n";
		values[n++] = count_text;
	}
	const char *name;
	while (n < 9 && (name = va_arg(ap, const char *)) != NULL) {
		names[n] = name;
		values[n++] = va_arg(ap, const char *);
	}
	return catalog_fill(pool, msg, names, values, n);
}

int catalog_list_has(const char *list, const char *code, size_t len)
{
	for (const char *p = list; p && *p;) {
		size_t n = strcspn(p, " ");
		if (n == len && memcmp(p, code, len) == 0)
			return 1;
		p += n;
		p += strspn(p, " ");
	}
	return 0;
}

/* The date message fmt into out, with {day}, {month} and {year} filled; cut short, never inside a character.
 */
static void fill_date(const char *fmt, const char *day, const char *month, const char *year, char *out,
		      size_t outlen)
{
	size_t at = 0;
	for (const char *p = fmt; *p && at + 1 < outlen;) {
		const char *v = NULL;
		size_t skip = 0;
		if (strncmp(p, "{day}", 5) == 0)
			v = day, skip = 5;
		else if (strncmp(p, "{month}", 7) == 0)
			v = month, skip = 7;
		else if (strncmp(p, "{year}", 6) == 0)
			v = year, skip = 6;
		if (v) {
			int k = snprintf(out + at, outlen - at, "%s", v);
			at += k > 0 ? (size_t)k : 0;
			if (at >= outlen)
				at = outlen - 1;
			p += skip;
		} else {
			out[at++] = *p++;
		}
	}
	if (at >= outlen)
		at = outlen - 1;
	if (at + 1 == outlen) { /* it may have been cut: drop a partly written character */
		size_t start = at;
		while (start > 0 && ((unsigned char)out[start - 1] & 0xC0) == 0x80)
			start--;
		if (start > 0 && (unsigned char)out[start - 1] >= 0xC0) {
			unsigned char lead = (unsigned char)out[start - 1];
			size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
			if (at - (start - 1) < need)
				at = start - 1;
		}
	}
	out[at] = '\0';
}

void catalog_date(const struct catalog *const *chain, size_t n, int64_t t, char *out, size_t outlen)
{
	if (!outlen)
		return;
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	char key[24], day[8], year[16];
	snprintf(key, sizeof key, "date.month.%d", tm.tm_mon + 1);
	snprintf(day, sizeof day, "%d", tm.tm_mday);
	snprintf(year, sizeof year, "%d", tm.tm_year + 1900);
	const char *month = catalog_find(chain, n, key, strlen(key));
	const char *fmt = catalog_find(chain, n, "date.long", 9);
	char num[4];
	if (!month) {
		snprintf(num, sizeof num, "%d", tm.tm_mon + 1);
		month = num;
	}
	fill_date(fmt ? fmt : "{day} {month} {year}", day, month, year, out, outlen);
}
