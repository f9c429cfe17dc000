/* test_synonyms: unit tests for src/site/synonyms.c (an editor's line of terms checked, a parsed query
 * widened to its terms' groups) and the widened clauses as FTS5 reads them (sq_fts5_query.c, against a real
 * FTS5 table) and as PostgreSQL's search folds them (pg_fold_alts). */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "site/query.h"
#include "site/synonyms.h"
#include "store/pg/pg_search.h"
#include "store/sqlite/sq_fts5_query.h"
#include "unit.h"
#include "store/search.h"

static h2o_mem_pool_t pool;
static sqlite3 *db;
static sqlite3_stmt *find_st;

static const struct synonym_group groups[] = {
    {1, "Keytruda, pembrolizumab, MK-3475", 0},
    {2, "TNBC, triple-negative breast cancer", 0},
    {3, "Enhertu, trastuzumab deruxtecan, T-DXd", 0},
    {4, "NSCLC, non-small cell lung cancer", 0},
    {5, "tumour, tumor", 0},
};
#define NGROUPS (sizeof groups / sizeof groups[0])

/* rowid k: docs[k - 1] (title, body) */
static const char *const docs[][2] = {
    /* 1 */ {"Pembrolizumab in early TNBC", "survival data"},
    /* 2 */ {"Keytruda after surgery", "the tumor shrank"},
    /* 3 */ {"Triple-negative breast cancer update", "trastuzumab deruxtecan was not given"},
    /* 4 */ {"T-DXd in HER2-low disease", "the tumour responded"},
    /* 5 */ {"Tdxd spelled as one word", "non small cell lung cancer cohort"},
    /* 6 */ {"Breast cancer, triple negative or not", "survival"},
};

static void setup_db(void)
{
	CHECK(sqlite3_open(":memory:", &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db,
			   "CREATE VIRTUAL TABLE s USING fts5(title, body, tokenize = 'porter unicode61 "
			   "remove_diacritics 2')",
			   NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_stmt *ins;
	CHECK(sqlite3_prepare_v2(db, "INSERT INTO s (rowid, title, body) VALUES (?, ?, ?)", -1, &ins, NULL) ==
	      SQLITE_OK);
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)i + 1);
		sqlite3_bind_text(ins, 2, docs[i][0], -1, SQLITE_STATIC);
		sqlite3_bind_text(ins, 3, docs[i][1], -1, SQLITE_STATIC);
		CHECK(sqlite3_step(ins) == SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	CHECK(sqlite3_prepare_v2(db, "SELECT rowid FROM s WHERE s MATCH ?1", -1, &find_st, NULL) ==
	      SQLITE_OK);
}

/* The rows an expression finds as a bit set (bit k: rowid k), -1 when FTS5 refuses it. */
static long run_fts(const char *expr)
{
	sqlite3_reset(find_st);
	sqlite3_bind_text(find_st, 1, expr, -1, SQLITE_TRANSIENT);
	long found = 0;
	int rc;
	while ((rc = sqlite3_step(find_st)) == SQLITE_ROW)
		found |= 1L << sqlite3_column_int64(find_st, 0);
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "  FTS5 refused %s: %s\n", expr, sqlite3_errmsg(db));
		found = -1;
	}
	sqlite3_reset(find_st);
	return found;
}

#define ROWS(...) rows_of((int[]){__VA_ARGS__, 0})
static long rows_of(const int *ids)
{
	long b = 0;
	for (; *ids; ids++)
		b |= 1L << *ids;
	return b;
}

/* text parsed and widened by groups */
static struct query widened(const char *text, const struct synonym_group *g, size_t ng)
{
	struct query q;
	query_parse(&pool, text, &q);
	synonyms_expand(&pool, g, ng, &q, NULL, 0, NULL);
	return q;
}

static const char *fts(const char *text)
{
	struct query q = widened(text, groups, NGROUPS);
	return fts5_query(&pool, q.clauses, q.nclauses);
}

static long found(const char *text)
{
	return run_fts(fts(text));
}

static size_t total_alts(const struct query *q)
{
	size_t n = 0;
	for (size_t i = 0; i < q->nclauses; i++)
		n += q->clauses[i].nalts;
	return n;
}

/* ---- an editor's line ---- */

static void test_split_and_key(void)
{
	const char *t[4];
	CHECK(synonyms_split(&pool, "  Keytruda ,pembrolizumab,, MK-3475 ,", t, 4) == 3);
	CHECK_STR(t[0], "Keytruda");
	CHECK_STR(t[1], "pembrolizumab");
	CHECK_STR(t[2], "MK-3475");
	CHECK(synonyms_split(&pool, "a, b, c", t, 2) == 2);
	CHECK(synonyms_split(&pool, " , ,", t, 4) == 0);
	CHECK_STR(synonyms_key(&pool, "T-DXd"), "tdxd");
	CHECK_STR(synonyms_key(&pool, "t dxd"), "tdxd");
	CHECK_STR(synonyms_key(&pool, "Triple-negative  breast cancer"), "triplenegativebreastcancer");
	CHECK_STR(synonyms_key(&pool, "Müller"), "m\xc3\xbcller");
	CHECK_STR(synonyms_key(&pool, "--"), "");
}

static void test_check(void)
{
	const char *tidy, *named[2];
	CHECK(synonyms_check(&pool, " Opdivo ,nivolumab ", groups, NGROUPS, 0, &tidy, named) == NULL);
	CHECK_STR(tidy, "Opdivo, nivolumab");
	CHECK_CONTAINS(synonyms_check(&pool, "Opdivo", groups, NGROUPS, 0, &tidy, named), "two_terms");
	CHECK(tidy == NULL);
	CHECK_CONTAINS(synonyms_check(&pool, "Opdivo, OPDIVO", groups, NGROUPS, 0, &tidy, named), ".same");
	CHECK_STR(named[0], "Opdivo");
	CHECK_STR(named[1], "OPDIVO");
	CHECK_CONTAINS(synonyms_check(&pool, "PD-L1, PDL1", groups, NGROUPS, 0, &tidy, named), ".same");
	CHECK_CONTAINS(synonyms_check(&pool, "X, nivolumab", groups, NGROUPS, 0, &tidy, named), "too_short");
	CHECK_STR(named[0], "X");
	/* a term of another group, however spelled */
	CHECK_CONTAINS(synonyms_check(&pool, "tdxd, DS-8201", groups, NGROUPS, 0, &tidy, named),
		       "other_group");
	CHECK_STR(named[0], "tdxd");
	/* ... but the group's own terms, when it is the one edited */
	CHECK(synonyms_check(&pool, "Enhertu, T-DXd, DS-8201", groups, NGROUPS, 3, &tidy, named) == NULL);
	char many[400] = "", big[1000];
	for (int i = 0; i < 13; i++)
		snprintf(many + strlen(many), sizeof many - strlen(many), "%sterm%d", i ? ", " : "", i);
	CHECK_CONTAINS(synonyms_check(&pool, many, groups, NGROUPS, 0, &tidy, named), "too_many");
	memset(big, 'a', 61);
	strcpy(big + 61, ", other");
	CHECK_CONTAINS(synonyms_check(&pool, big, groups, NGROUPS, 0, &tidy, named), "term_long");
	CHECK(strlen(named[0]) == 40);
	memset(big, 'b', 900);
	big[900] = '\0';
	CHECK_CONTAINS(synonyms_check(&pool, big, groups, NGROUPS, 0, &tidy, named), "error.too_long");
}

/* ---- widening ---- */

static void test_brand_and_generic(void)
{
	CHECK_STR(fts("keytruda"), "((\"keytruda\" OR \"pembrolizumab\" OR \"MK-3475\" OR \"mk3475\"))");
	CHECK(found("keytruda") == ROWS(1, 2));
	CHECK(found("Pembrolizumab") == ROWS(1, 2));
	CHECK(found("mk3475") == ROWS(1, 2));
	/* AND with another word: the group stays one clause */
	CHECK_STR(fts("keytruda survival"),
		  "((\"keytruda\" OR \"pembrolizumab\" OR \"MK-3475\" OR \"mk3475\") AND \"survival\")");
	CHECK(found("keytruda survival") == ROWS(1));
	/* without groups, nothing changes */
	struct query q = widened("keytruda survival", groups, 0);
	CHECK_STR(fts5_query(&pool, q.clauses, q.nclauses), "(\"keytruda\" \"survival\")");
	/* a prefix is not widened */
	q = widened("keytr*", groups, NGROUPS);
	CHECK(total_alts(&q) == 0);
}

static void test_abbreviations_both_ways(void)
{
	CHECK(found("TNBC") == ROWS(1, 3));
	CHECK(found("\"triple-negative breast cancer\"") == ROWS(1, 3));
	CHECK(found("\"triple negative breast cancer\"") == ROWS(1, 3));
	/* unquoted words that spell the term are read as it (row 6 has the words apart) */
	CHECK(found("triple-negative breast cancer") == ROWS(1, 3));
	CHECK(found("triple negative breast cancer") == ROWS(1, 3));
	struct query q = widened("triple negative breast cancer", groups, NGROUPS);
	CHECK(q.nclauses == 1 && q.clauses[0].phrase && q.clauses[0].nwords == 4);
	/* words that spell less are searched as typed */
	CHECK(found("breast cancer") == ROWS(3, 6));
	/* NSCLC and its words with a hyphen or a space */
	CHECK(found("NSCLC") == ROWS(5));
	CHECK(found("non-small-cell lung cancer") == ROWS(5));
}

static void test_hyphen_and_space_variants(void)
{
	CHECK(found("T-DXd") == ROWS(3, 4, 5));
	CHECK(found("tdxd") == ROWS(3, 4, 5));
	CHECK(found("\"t dxd\"") == ROWS(3, 4, 5));
	CHECK(found("enhertu") == ROWS(3, 4, 5));
	CHECK(found("tumour") == ROWS(2, 4));
	CHECK(found("tumor") == ROWS(2, 4));
}

static void test_exclusion_and_or(void)
{
	CHECK_STR(fts("survival -keytruda"),
		  "(\"survival\") NOT (\"keytruda\" OR \"pembrolizumab\" OR \"MK-3475\" OR \"mk3475\")");
	CHECK(found("survival -keytruda") == ROWS(6));
	CHECK(found("tnbc OR tumor") == ROWS(1, 2, 3, 4));
	CHECK(found("keytruda tumor OR enhertu") == ROWS(2, 3, 4, 5));
	/* every form FTS5 is given is accepted */
	const char *tries[] = {"keytruda OR",	  "-\"triple negative breast cancer\" survival",
			       "\"tnbc\" -tumor", "OR tnbc",
			       "tnbc tnbc tnbc",  "a-b-c-d-e-f"};
	for (size_t i = 0; i < sizeof tries / sizeof *tries; i++)
		CHECK(!fts(tries[i]) || run_fts(fts(tries[i])) >= 0);
}

static void test_what_it_tells_the_reader(void)
{
	struct query q;
	const char *added[8];
	size_t n;
	query_parse(&pool, "tdxd -keytruda", &q);
	synonyms_expand(&pool, groups, NGROUPS, &q, added, 8, &n);
	/* the included term's group, the typed spelling's own form first; not the excluded one's */
	CHECK(n == 3);
	CHECK_STR(added[0], "T-DXd");
	CHECK_STR(added[1], "Enhertu");
	CHECK_STR(added[2], "trastuzumab deruxtecan");
}

/* Twelve groups of twelve terms, and a query of twelve of their terms: the alternatives stop at
 * SEARCH_MAX_ALTS, the earlier clauses first, and every form stays valid FTS5. */
static void test_limits(void)
{
	struct synonym_group big[12];
	char text[400] = "";
	for (int g = 0; g < 12; g++) {
		char line[400] = "";
		for (int t = 0; t < 12; t++)
			snprintf(line + strlen(line), sizeof line - strlen(line), "%sg%dterm%d",
				 t ? ", " : "", g, t);
		char *copy = h2o_mem_alloc_pool(&pool, strlen(line) + 1);
		strcpy(copy, line);
		big[g] = (struct synonym_group){g + 1, copy, 0};
		snprintf(text + strlen(text), sizeof text - strlen(text), "g%dterm0 ", g);
	}
	struct query q = widened(text, big, 12);
	CHECK(q.nclauses == 12);
	CHECK(total_alts(&q) == SEARCH_MAX_ALTS);
	CHECK(q.clauses[0].nalts == 11 && q.clauses[1].nalts == 9 && q.clauses[2].nalts == 0);
	CHECK(run_fts(fts5_query(&pool, q.clauses, q.nclauses)) == 0);
	/* the store reads no more than its limits, whatever it is given */
	struct search_clause alts[40];
	const char *w[] = {"tumour"};
	for (int i = 0; i < 40; i++)
		alts[i] = (struct search_clause){w, 1, 1, 0, 0, 0, SEARCH_ANY, NULL, 0};
	struct search_clause c = {w, 1, 0, 0, 0, 0, SEARCH_ANY, alts, 40};
	const char *m = fts5_query(&pool, &c, 1);
	size_t ors = 0;
	for (const char *p = m; (p = strstr(p, " OR ")) != NULL; p++)
		ors++;
	CHECK(ors == SEARCH_MAX_ALTS);
	CHECK(run_fts(m) == ROWS(4));
	/* a column filter reaches every alternative */
	c.column = SEARCH_TITLE;
	c.nalts = 1;
	const char *title = fts5_query(&pool, &c, 1);
	CHECK_STR(title, "({title} : (\"tumour\" OR \"tumour\"))");
}

/* PostgreSQL's search: an alternative's presence counts as its clause's */
static void test_pg_fold(void)
{
	struct parsed p = {0};
	p.n = 4;
	int alt_of[] = {-1, 0, 0, -1};
	memcpy(p.alt_of, alt_of, sizeof alt_of);
	int in[] = {0, 0, 1, 0}, out[4];
	pg_fold_alts(&p, in, out);
	CHECK(out[0] == 1 && out[1] == 0 && out[2] == 0 && out[3] == 0);
	int none[] = {0, 0, 0, 1};
	pg_fold_alts(&p, none, out);
	CHECK(out[0] == 0 && out[3] == 1);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	setup_db();
	RUN(test_split_and_key);
	RUN(test_check);
	RUN(test_brand_and_generic);
	RUN(test_abbreviations_both_ways);
	RUN(test_hyphen_and_space_variants);
	RUN(test_exclusion_and_or);
	RUN(test_what_it_tells_the_reader);
	RUN(test_limits);
	RUN(test_pg_fold);
	sqlite3_finalize(find_st);
	sqlite3_close(db);
	h2o_mem_clear_pool(&pool);
	return unit_done("synonyms");
}
