/* catalog: a language's messages (a theme's i18n/LANG.json), their plural forms, and dates written its way.
 */
#ifndef PLENARY_CATALOG_H
#define PLENARY_CATALOG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/** The messages of one language, read once and then shared read-only by every thread.
 *
 * The file is JSON (read by jansson; INI would cut French's " ;" as a comment): nested objects make dotted
 * keys,
 * {"article": {"read_more": "Read more"}} is the key "article.read_more". A message is plain text, never
 * HTML: templates escape it where it lands. "{name}" in it is a placeholder the template fills from its view
 * (a dotted name); "{n}" in a plural form is the count. A key with plural forms is an object with one message
 * per CLDR category its language uses ({"found": {"one": "...", "other": "..."}}). Names are letters, digits,
 * '_' and '-'. Malformed JSON (with its line and column), a name given twice, a value that is neither text
 * nor an object, a '{' that opens no placeholder, or a message over CATALOG_MAX_MESSAGE bytes is an error. */
struct catalog;

#define CATALOG_MAX_MESSAGE 2000
#define CATALOG_MAX_KEYS 20000

/** The plural categories English, French and Dutch use (CLDR): one, other. */
enum plural { PLURAL_ONE, PLURAL_OTHER };

/** Reads path as the catalog of language lang ("fr": two or three lowercase letters). NULL on error, with
 * "path:line: message" in err. */
struct catalog *catalog_load(const char *path, const char *lang, char *err, size_t errlen);
/** The same from a string (for tests and fuzzing): errors name the file "name". */
struct catalog *catalog_parse(const char *text, const char *name, const char *lang, char *err, size_t errlen);
void catalog_free(struct catalog *c);

/** The catalog's language ("fr"). */
const char *catalog_lang(const struct catalog *c);
/** The message of key, or NULL when the catalog has none. */
const char *catalog_get(const struct catalog *c, const char *key);
/** The same for a key of len bytes (not terminated). */
const char *catalog_getn(const struct catalog *c, const char *key, size_t len);
/** How many keys it has, and the i-th (sorted by key). */
size_t catalog_count(const struct catalog *c);
const char *catalog_key(const struct catalog *c, size_t i);

/** The plural category of n in language lang: French puts 0 and 1 in "one", English and Dutch only 1. */
enum plural catalog_plural(const char *lang, int64_t n);
/** "one" or "other". */
const char *catalog_plural_name(enum plural p);

/** The keys C code looks up itself (dates, ...), NULL-terminated: a catalog must have them, and they are in
 * use though no template names them. */
extern const char *const catalog_code_keys[];
/** The keys the public site's handlers look up with req_text (src/core/catalog_site_keys.c), NULL-terminated:
 * in use as catalog_code_keys are. */
extern const char *const catalog_site_keys[];
/** The same for the back office's handlers (src/core/catalog_admin.c). */
extern const char *const catalog_admin_keys[];

/** A message of one key looked up along a chain of catalogs (the page's language, then the site's default,
 * then the theme's base language): the first that has it, or NULL. */
const char *catalog_find(const struct catalog *const *chain, size_t n, const char *key, size_t len);

/** msg with each "{name}" replaced by the value of the same name (names[i] gives values[i]), verbatim; a
 * placeholder without a value stays as it is. In pool. */
const char *catalog_fill(h2o_mem_pool_t *pool, const char *msg, const char *const *names,
			 const char *const *values, size_t n);

/** The same with the names and values given as a va_list of name, value, ..., NULL pairs (at most 8), and
 * "{n}" filled with count_text when it is not NULL. */
const char *catalog_vfill(h2o_mem_pool_t *pool, const char *msg, const char *count_text, va_list ap);
/** 1 when the space-separated list ("fr nl") has the code of len bytes. */
int catalog_list_has(const char *list, const char *code, size_t len);

/** Date t (seconds) in the local time zone, as its language writes a date: "7 December 2023",
 * "7 décembre 2023", "7 december 2023". The month names are the catalog's keys date.month.1 to
 * date.month.12 along chain, and the order is date.long ("{day} {month} {year}"). */
void catalog_date(const struct catalog *const *chain, size_t n, int64_t t, char *out, size_t outlen);

#endif
