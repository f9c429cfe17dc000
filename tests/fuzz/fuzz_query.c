/* fuzz_query: what a reader types into search; every query query_parse makes is within the store's limits,
 * and the FTS5 expression the store makes of it is valid FTS5, also once widened by synonyms. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "site/query.h"
#include "site/synonyms.h"
#include "store/sqlite/sq_fts5_query.h"
#include "store/search.h"

static sqlite3 *db;
static sqlite3_stmt *st;

static void setup(void)
{
	if (sqlite3_open(":memory:", &db) != SQLITE_OK ||
	    sqlite3_exec(
		db,
		"CREATE VIRTUAL TABLE s USING fts5(title, body, tokenize = 'porter unicode61 "
		"remove_diacritics 2'); INSERT INTO s VALUES ('Heart failure trial', 'the or and not');",
		NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT count(*) FROM s WHERE s MATCH ?1", -1, &st, NULL) != SQLITE_OK)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	struct query q;
	query_parse(&pool, text, &q);
	if (q.nwords > QUERY_MAX_TERMS || q.nclauses > SEARCH_MAX_CLAUSES)
		__builtin_trap();
	size_t words = 0, included = 0;
	for (size_t i = 0; i < q.nclauses; i++) {
		const struct search_clause *c = &q.clauses[i];
		if (c->nwords == 0 || (c->nwords > 1 && !c->phrase) || c->column != SEARCH_ANY ||
		    (c->or_before && (c->exclude || !included)) || (included < i && !c->exclude))
			__builtin_trap(); /* a clause with no word, or an included one after an excluded one
					   */
		included += !c->exclude;
		for (size_t w = 0; w < c->nwords; w++, words++)
			if (!c->words[w][0] || strpbrk(c->words[w], "\"* \t\n\r\f\v"))
				__builtin_trap();
	}
	if (words > SEARCH_MAX_WORDS || (q.nclauses && !included))
		__builtin_trap();
	const char *match = fts5_query(&pool, q.clauses, q.nclauses);
	if (!match != !q.nclauses)
		__builtin_trap();
	if (match) {
		sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW) {
			fprintf(stderr, "FTS5 refused \"%s\" from the query \"%s\": %s\n", match, text,
				sqlite3_errmsg(db));
			abort();
		}
	}
	/* widened by synonyms: no more clauses, the limits kept, still valid FTS5 */
	static const struct synonym_group groups[] = {{1, "heart, cardiac, HF-rEF", 0},
						      {2, "trial, RCT, randomised controlled trial", 0},
						      {3, "failure, or and, not-a", 0},
						      {4, "a b c d e f, ab", 0}};
	size_t before = q.nclauses;
	synonyms_expand(&pool, groups, sizeof groups / sizeof *groups, &q, NULL, 0, NULL);
	size_t alts = 0;
	words = 0;
	for (size_t i = 0; i < q.nclauses; i++) {
		alts += q.clauses[i].nalts;
		words += q.clauses[i].nwords;
		for (size_t a = 0; a < q.clauses[i].nalts; a++)
			words += q.clauses[i].alts[a].nwords;
	}
	if (q.nclauses > before || (before && !q.nclauses) || alts > SEARCH_MAX_ALTS ||
	    words > SEARCH_MAX_WORDS)
		__builtin_trap();
	match = fts5_query(&pool, q.clauses, q.nclauses);
	if (match) {
		sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
		int rc = sqlite3_step(st);
		sqlite3_reset(st);
		if (rc != SQLITE_ROW) {
			fprintf(stderr, "FTS5 refused \"%s\" (widened) from the query \"%s\": %s\n", match,
				text, sqlite3_errmsg(db));
			abort();
		}
	}
	if (q.nwords >= 2) {
		size_t d = query_distance(q.words[0], q.words[1], 3);
		if (d > 4 || (d == 0 && strcmp(q.words[0], q.words[1]) != 0))
			__builtin_trap();
	}
	h2o_mem_clear_pool(&pool);
	free(text);
	return 0;
}
