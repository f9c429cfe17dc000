/* test_query: unit tests for src/site/query.c and src/store/sqlite/sq_fts5_query.c: what a reader types,
 * parsed into clauses, and the clauses as FTS5 expressions that SQLite accepts, whatever was typed (checked
 * against a real FTS5 table), and the capped edit distance. */
#include <sqlite3.h>
#include <stdint.h>
#include <string.h>

#include "site/query.h"
#include "store/sqlite/sq_fts5_query.h"
#include "unit.h"
#include "store/search.h"

static h2o_mem_pool_t pool;
static sqlite3 *db;
static sqlite3_stmt *count_st;

static struct query parse(const char *text)
{
	struct query q;
	query_parse(&pool, text, &q);
	return q;
}

/* The FTS5 expression the store makes of a parsed query, NULL when there is nothing to look for. */
static const char *fts_of(const struct query *q)
{
	return fts5_query(&pool, q->clauses, q->nclauses);
}

/* The FTS5 expression of text over every column. */
static const char *match(const char *text)
{
	struct query q = parse(text);
	return fts_of(&q);
}

/* ---- a real FTS5 table with the columns and tokenizer of article_search ---- */

static const char *const docs[][7] = {
    /* rowid 1 */ {"Pembrolizumab improves overall survival", "Immunotherapy in melanoma", "", "", "", "",
		   ""},
    /* rowid 2 */ {"Survival after surgery", "", "overall response with pembrolizumab", "", "", "", ""},
    /* rowid 3 */ {"Immunology update", "Café Müller reports", "", "Dr Ärztin", "", "", ""},
    /* rowid 4 */ {"Trastuzumab deruxtecan", "", "", "", "DESTINY-Breast04 NCT03734029", "", ""},
};

static void setup_db(void)
{
	int rc = sqlite3_open(":memory:", &db);
	CHECK(rc == SQLITE_OK);
	rc = sqlite3_exec(
	    db,
	    "CREATE VIRTUAL TABLE article_search USING fts5(title, summary, body, people, trial, "
	    "refs, topics, tokenize = 'porter unicode61 remove_diacritics 2')",
	    NULL, NULL, NULL);
	CHECK(rc == SQLITE_OK);
	sqlite3_stmt *ins;
	rc = sqlite3_prepare_v2(db,
				"INSERT INTO article_search (rowid, title, summary, body, people, trial, "
				"refs, topics) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
				-1, &ins, NULL);
	CHECK(rc == SQLITE_OK);
	for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
		sqlite3_bind_int64(ins, 1, (sqlite3_int64)i + 1);
		for (int c = 0; c < 7; c++)
			sqlite3_bind_text(ins, c + 2, docs[i][c], -1, SQLITE_STATIC);
		CHECK(sqlite3_step(ins) == SQLITE_DONE);
		sqlite3_reset(ins);
	}
	sqlite3_finalize(ins);
	/* what the server asks of an expression: bm25 with column weights and a snippet */
	rc = sqlite3_prepare_v2(db,
				"SELECT rowid, bm25(article_search, 10.0, 4.0, 1.0, 3.0, 5.0, 1.0, 3.0), "
				"snippet(article_search, -1, char(2), char(3), '…', 28) FROM article_search "
				"WHERE article_search MATCH ?1 ORDER BY 2",
				-1, &count_st, NULL);
	CHECK(rc == SQLITE_OK);
}

/* Runs an expression; returns the rows found as a bit set (bit k: rowid k), or -1 on any SQLite error. */
static long run_fts(const char *expr)
{
	sqlite3_reset(count_st);
	sqlite3_bind_text(count_st, 1, expr, -1, SQLITE_TRANSIENT);
	long found = 0;
	int rc;
	while ((rc = sqlite3_step(count_st)) == SQLITE_ROW) {
		sqlite3_int64 id = sqlite3_column_int64(count_st, 0);
		found |= id >= 1 && id < 62 ? 1L << id : 0;
	}
	if (rc != SQLITE_DONE) {
		fprintf(stderr, "  FTS5 refused %s: %s\n", expr, sqlite3_errmsg(db));
		sqlite3_reset(count_st);
		return -1;
	}
	sqlite3_reset(count_st);
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

/* The expression restricted to the columns outside the body, as the store builds it for a reader below an
 * article's audience. */
static const char *pub(const char *m)
{
	char *out = h2o_mem_alloc_pool(&pool, strlen(m) + 16);
	sprintf(out, "- {body} : (%s)", m);
	return out;
}

/* Both forms of a query's expression are accepted by FTS5 (or absent together). */
static int accepted(const struct query *q)
{
	return !fts_of(q) || (run_fts(fts_of(q)) >= 0 && run_fts(pub(fts_of(q))) >= 0);
}

/* ---- the parser ---- */

static void test_words(void)
{
	struct query q = parse("pembrolizumab survival");
	CHECK_STR(fts_of(&q), "(\"pembrolizumab\" \"survival\")");
	CHECK(q.nwords == 2);
	CHECK_STR(q.words[0], "pembrolizumab");
	CHECK_STR(q.words[1], "survival");
	/* blanks of every kind separate; leading and trailing ones do nothing */
	CHECK_STR(match(" \t pembrolizumab\n\r\f\vsurvival  "), "(\"pembrolizumab\" \"survival\")");
	/* words are lowercased for "did you mean", the expression keeps the case (FTS5 folds it) */
	q = parse("Pembrolizumab SURVIVAL");
	CHECK_STR(fts_of(&q), "(\"Pembrolizumab\" \"SURVIVAL\")");
	CHECK(q.nwords == 2);
	CHECK_STR(q.words[0], "pembrolizumab");
	CHECK_STR(q.words[1], "survival");
	/* hyphenated names stay one term: FTS5 reads it as a phrase of its tokens */
	CHECK_STR(match("KEYNOTE-522 PD-L1"), "(\"KEYNOTE-522\" \"PD-L1\")");
	/* nothing to look for */
	q = parse("");
	CHECK(fts_of(&q) == NULL && q.nwords == 0);
	q = parse("   \t\n ");
	CHECK(fts_of(&q) == NULL && q.nwords == 0);
	q = parse("!!! ... ,,, () {} : ^ ***");
	CHECK(fts_of(&q) == NULL && q.nwords == 0);
}

static void test_phrases(void)
{
	struct query q = parse("\"overall survival\"");
	CHECK_STR(fts_of(&q), "(\"overall survival\")");
	CHECK(q.nwords == 0); /* phrases are not offered to "did you mean" */
	CHECK_STR(match("pembrolizumab \"overall survival\" melanoma"),
		  "(\"pembrolizumab\" \"overall survival\" \"melanoma\")");
	/* unterminated: the phrase runs to the end */
	CHECK_STR(match("\"overall survival"), "(\"overall survival\")");
	CHECK_STR(match("melanoma \"overall"), "(\"melanoma\" \"overall\")");
	/* a quote ends a word and starts a phrase */
	CHECK_STR(match("abc\"def ghi\""), "(\"abc\" \"def ghi\")");
	/* empty and wordless phrases are dropped */
	CHECK(match("\"\"") == NULL);
	CHECK(match("\"   \"") == NULL);
	CHECK(match("\"*\"") == NULL);
	CHECK_STR(match("\"\" survival \"\""), "(\"survival\")");
	/* a lone quote */
	CHECK(match("\"") == NULL);
	/* stars inside a phrase are dropped, never a prefix */
	CHECK_STR(match("\"immuno* therapy\""), "(\"immuno therapy\")");
}

static void test_prefixes(void)
{
	struct query q = parse("immuno*");
	CHECK_STR(fts_of(&q), "(\"immuno\"*)");
	CHECK(q.nwords == 0);				/* prefixes are not offered to "did you mean" */
	CHECK_STR(match("im*"), "(\"im\"*)");		/* two characters: a prefix */
	CHECK_STR(match("immuno***"), "(\"immuno\"*)"); /* several stars: one prefix */
	/* one character is too short for a prefix: the star is ignored and the word stays */
	q = parse("a*");
	CHECK_STR(fts_of(&q), "(\"a\")");
	CHECK(q.nwords == 1);
	CHECK_STR(q.words[0], "a");
	/* punctuation does not count towards the two characters */
	CHECK_STR(match("a.*"), "(\"a.\")");
	CHECK(match("*") == NULL);
	CHECK(match("**") == NULL);
	/* a star inside a word is dropped, not an operator */
	CHECK_STR(match("im*muno"), "(\"immuno\")");
	CHECK_STR(match("*immuno"), "(\"immuno\")");
	CHECK_STR(match("pembro* survival"), "(\"pembro\"* \"survival\")");
}

static void test_or(void)
{
	CHECK_STR(match("pembrolizumab OR nivolumab"), "(\"pembrolizumab\" OR \"nivolumab\")");
	CHECK_STR(match("x b OR c"), "(\"x\" \"b\" OR \"c\")");
	/* OR at the start or the end has nothing on one side: ignored */
	CHECK_STR(match("OR pembrolizumab"), "(\"pembrolizumab\")");
	CHECK_STR(match("pembrolizumab OR"), "(\"pembrolizumab\")");
	CHECK(match("OR") == NULL);
	CHECK(match("OR OR") == NULL);
	/* repeated OR is one OR */
	CHECK_STR(match("a OR OR b"), "(\"a\" OR \"b\")");
	/* only upper-case OR is the operator; "or" is a common word, left out */
	struct query q = parse("x or y");
	CHECK_STR(fts_of(&q), "(\"x\" \"y\")");
	CHECK(q.nwords == 2);
	/* OR with a phrase and a prefix */
	CHECK_STR(match("\"overall survival\" OR immuno*"), "(\"overall survival\" OR \"immuno\"*)");
	/* OR before an excluded word does not attach to the next positive one */
	CHECK_STR(match("x OR -b c"), "(\"x\" \"c\") NOT \"b\"");
	/* an excluded word first: the OR still joins the positive terms around it */
	CHECK_STR(match("-x a OR b"), "(\"a\" OR \"b\") NOT \"x\"");
	/* OR stuck to a word is part of the word */
	CHECK_STR(match("ORa aOR"), "(\"ORa\" \"aOR\")");
}

static void test_stopwords(void)
{
	/* a bare common word goes when other words stay: it would walk a list of nearly every article */
	struct query q = parse("quality of life");
	CHECK_STR(fts_of(&q), "(\"quality\" \"life\")");
	CHECK(q.nwords == 2);
	CHECK_STR(match("The effect of a drug"), "(\"effect\" \"drug\")");
	/* in a phrase it stays; alone, or only with other common words, it stays */
	CHECK_STR(match("\"quality of life\""), "(\"quality of life\")");
	CHECK_STR(match("of"), "(\"of\")");
	CHECK_STR(match("to be or"), "(\"to\" \"be\" \"or\")");
	/* joined by OR, it is what the reader asks for */
	CHECK_STR(match("the OR drug"), "(\"the\" OR \"drug\")");
	CHECK_STR(match("drug in OR of"), "(\"drug\" \"in\" OR \"of\")");
	/* excluded, prefixed or longer words are not common words */
	CHECK_STR(match("drug -the"), "(\"drug\") NOT \"the\"");
	CHECK_STR(match("drug of*"), "(\"drug\" \"of\"*)");
	CHECK_STR(match("drug ofa"), "(\"drug\" \"ofa\")");
}

static void test_negatives(void)
{
	struct query q = parse("melanoma -adjuvant");
	CHECK_STR(fts_of(&q), "(\"melanoma\") NOT \"adjuvant\"");
	CHECK(q.nwords == 1); /* excluded words are not offered to "did you mean" */
	CHECK_STR(q.words[0], "melanoma");
	CHECK_STR(match("-adjuvant melanoma -surgery"), "(\"melanoma\") NOT \"adjuvant\" NOT \"surgery\"");
	CHECK_STR(match("melanoma -immuno*"), "(\"melanoma\") NOT \"immuno\"*");
	/* only negatives: nothing to look for */
	q = parse("-adjuvant");
	CHECK(fts_of(&q) == NULL && q.nwords == 0);
	q = parse("-adjuvant -surgery -immuno*");
	CHECK(fts_of(&q) == NULL && q.nwords == 0);
	/* a lone hyphen is nothing; a hyphen inside a word is part of it */
	CHECK_STR(match("melanoma - adjuvant"), "(\"melanoma\" \"adjuvant\")");
	CHECK_STR(match("non-small"), "(\"non-small\")");
	/* a hyphen before punctuation only: nothing */
	CHECK_STR(match("melanoma -!?"), "(\"melanoma\")");
	/* a phrase is left out as a word is */
	CHECK_STR(match("melanoma -\"adjuvant therapy\""), "(\"melanoma\") NOT \"adjuvant therapy\"");
	q = parse("-\"adjuvant therapy\"");
	CHECK(fts_of(&q) == NULL);
}

static void test_operators_are_words(void)
{
	/* FTS5's keywords and syntax characters typed by a reader are text, quoted */
	CHECK_STR(match("AND"), "(\"AND\")");
	CHECK_STR(match("NOT"), "(\"NOT\")");
	CHECK_STR(match("NEAR"), "(\"NEAR\")");
	CHECK_STR(match("x AND y"), "(\"x\" \"y\")"); /* "and" is a common word */
	CHECK_STR(match("x NOT y"), "(\"x\" \"NOT\" \"y\")");
	CHECK_STR(match("NEAR(a b)"), "(\"NEAR(a\" \"b)\")");
	CHECK_STR(match("NEAR(a b, 2)"), "(\"NEAR(a\" \"b,\" \"2)\")");
	CHECK_STR(match("(a)"), "(\"(a)\")");
	CHECK_STR(match("(a OR b)"), "(\"(a\" OR \"b)\")");
	CHECK_STR(match("title:a"), "(\"title:a\")");
	CHECK_STR(match("title: x"), "(\"title:\" \"x\")");
	CHECK_STR(match("{body}:a"), "(\"{body}:a\")");
	CHECK_STR(match("- {body} : x"), "(\"{body}\" \"x\")");
	CHECK_STR(match("^a"), "(\"^a\")");
	CHECK_STR(match("x + y"), "(\"x\" \"y\")");
	/* syntax characters alone carry no word */
	CHECK(match("{") == NULL);
	CHECK(match("}") == NULL);
	CHECK(match(":") == NULL);
	CHECK(match("^") == NULL);
	CHECK(match("(") == NULL);
	CHECK(match(")") == NULL);
	CHECK(match("{ } : ^ ( ) + ,") == NULL);
	/* each of these is accepted by FTS5 */
	const char *typed[] = {"AND",	       "OR",	     "NOT",
			       "NEAR",	       "NEAR(",	     "NEAR(a b, 2)",
			       "a AND",	       "AND a",	     "a NOT",
			       "NOT a",	       "title:",     "title:a",
			       "{body}:",      "{body}: a",  "{title body}:x",
			       "- {body} : x", "^",	     "^a",
			       "a^",	       "(",	     ")",
			       "(a",	       "a)",	     "((a))",
			       "a : b",	       "{",	     "}",
			       "{a}",	       "a*b*c",	     "\"a\"\"b\"",
			       "\"a \"\" b\"", "x:y:z",	     "-",
			       "--a",	       "+a",	     "a OR OR",
			       "OR -a",	       "a -\"b c\"", "\\\"a",
			       "'a'",	       "`a`",	     "a;b"};
	for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
		struct query q = parse(typed[i]);
		CHECK(accepted(&q));
	}
}

static void test_limits(void)
{
	/* 20 words: the first QUERY_MAX_TERMS are used */
	char text[256] = "", want[256] = "(";
	for (int i = 0; i < 20; i++) {
		char w[16];
		snprintf(w, sizeof w, "%sw%02d", i ? " " : "", i);
		strcat(text, w);
		if (i < QUERY_MAX_TERMS) {
			snprintf(w, sizeof w, "%s\"w%02d\"", i ? " " : "", i);
			strcat(want, w);
		}
	}
	strcat(want, ")");
	struct query q = parse(text);
	CHECK_STR(fts_of(&q), want);
	CHECK(q.nwords == QUERY_MAX_TERMS);
	CHECK_STR(q.words[QUERY_MAX_TERMS - 1], "w11");
	CHECK(accepted(&q));
	/* excluded words count towards the cap too */
	q = parse("-a -b -c -d -e -f -g -h -i -j -k -l m");
	CHECK(fts_of(&q) == NULL);
	/* the cap counts terms, not blanks or dropped punctuation */
	q = parse("! ! ! ! ! ! ! ! ! ! ! ! ! ! a");
	CHECK_STR(fts_of(&q), "(\"a\")");

	/* only the first QUERY_MAX_BYTES bytes are read */
	char longer[QUERY_MAX_BYTES + 64];
	memset(longer, ' ', sizeof longer);
	memcpy(longer + QUERY_MAX_BYTES - 5, "abcdefghij", 10);
	longer[sizeof longer - 1] = '\0';
	q = parse(longer);
	CHECK_STR(fts_of(&q), "(\"abcde\")");
	CHECK(q.nwords == 1);
	CHECK_STR(q.words[0], "abcde");
	/* a word past the limit is never seen */
	memset(longer, ' ', sizeof longer);
	memcpy(longer + QUERY_MAX_BYTES + 2, "late", 4);
	longer[sizeof longer - 1] = '\0';
	q = parse(longer);
	CHECK(fts_of(&q) == NULL);
	/* one word of 10 000 bytes: cut to QUERY_MAX_BYTES, still a valid expression */
	static char huge[10001];
	memset(huge, 'x', sizeof huge - 1);
	huge[sizeof huge - 1] = '\0';
	q = parse(huge);
	CHECK(fts_of(&q) != NULL && strlen(fts_of(&q)) == QUERY_MAX_BYTES + 4); /* ("…") */
	CHECK(q.nwords == 1 && strlen(q.words[0]) == QUERY_MAX_BYTES);
	CHECK(accepted(&q));
	/* an unterminated phrase of 10 000 quotes and words */
	for (size_t i = 0; i < sizeof huge - 1; i++)
		huge[i] = "\"a *(-"[i % 6];
	q = parse(huge);
	CHECK(accepted(&q));
	/* the limit falls inside a two-byte character: still accepted */
	memset(longer, ' ', sizeof longer);
	memcpy(longer + QUERY_MAX_BYTES - 3, "ab\xc3\xa9z", 5);
	longer[sizeof longer - 1] = '\0';
	q = parse(longer);
	CHECK(fts_of(&q) != NULL);
	CHECK(accepted(&q));
}

static void test_utf8(void)
{
	struct query q = parse("caf\xc3\xa9 M\xc3\xbcller");
	CHECK_STR(fts_of(&q), "(\"caf\xc3\xa9\" \"M\xc3\xbcller\")");
	CHECK(q.nwords == 2);
	CHECK_STR(q.words[0], "caf\xc3\xa9");
	CHECK_STR(q.words[1], "m\xc3\xbcller"); /* ASCII letters lowercased, the rest left as typed */
	CHECK(accepted(&q));
	/* non-ASCII letters make words, and prefixes */
	CHECK_STR(match("\xc3\xa4rz*"), "(\"\xc3\xa4rz\"*)");
	CHECK_STR(match("\xce\xb1\xce\xb2"), "(\"\xce\xb1\xce\xb2\")"); /* Greek */
	/* non-ASCII punctuation is left to the tokenizer: an em dash alone finds nothing but is accepted */
	q = parse("\xe2\x80\x94");
	CHECK(fts_of(&q) != NULL && accepted(&q));
	q = parse("\xf0\x9f\x98\x80*"); /* an emoji prefix */
	CHECK(accepted(&q));
	/* invalid UTF-8 is accepted too */
	q = parse("\xff\xfe \xc3 \x80\x80 a\xe2\x82");
	CHECK(accepted(&q));
}

/* ---- the clauses the store gets ---- */

static void test_clauses(void)
{
	struct query q = parse("pembro* \"overall  survival\" OR KEYNOTE-522 -\"adjuvant therapy\" -surgery");
	CHECK(q.nclauses == 5);
	const struct search_clause *c = q.clauses;
	CHECK(c[0].nwords == 1 && c[0].prefix && !c[0].phrase && !c[0].exclude && !c[0].or_before);
	CHECK_STR(c[0].words[0], "pembro");
	CHECK(c[1].nwords == 2 && c[1].phrase && !c[1].prefix && !c[1].or_before);
	CHECK_STR(c[1].words[0], "overall");
	CHECK_STR(c[1].words[1], "survival");
	CHECK(c[2].nwords == 1 && !c[2].phrase && c[2].or_before);
	CHECK_STR(c[2].words[0], "KEYNOTE-522"); /* the store cuts it as it indexes */
	/* the excluded ones come after the included ones */
	CHECK(c[3].exclude && c[3].phrase && c[3].nwords == 2 && !c[3].or_before);
	CHECK(c[4].exclude && c[4].nwords == 1);
	CHECK_STR(c[4].words[0], "surgery");
	for (size_t i = 0; i < q.nclauses; i++)
		CHECK(c[i].column == SEARCH_ANY);
	/* an excluded one first: still after, and the first included one has no OR before it */
	q = parse("-x OR a b");
	CHECK(q.nclauses == 3 && !q.clauses[0].or_before && !q.clauses[1].or_before && q.clauses[2].exclude);
	/* quotes and stars are never in a word; blanks of every kind cut a phrase */
	q = parse("\"im*muno\ttherapy\" x\"b");
	CHECK(q.nclauses == 3 && q.clauses[0].nwords == 2);
	CHECK_STR(q.clauses[0].words[0], "immuno");
	CHECK_STR(q.clauses[0].words[1], "therapy");
	CHECK_STR(q.clauses[1].words[0], "x");
	CHECK_STR(q.clauses[2].words[0], "b");
	/* nothing included: no clause at all */
	q = parse("-a -b");
	CHECK(q.nclauses == 0);
	/* a phrase of the longest query: every word kept, within the store's limit */
	char text[QUERY_MAX_BYTES + 1];
	for (size_t i = 0; i < QUERY_MAX_BYTES; i++)
		text[i] = i == 0 ? '"' : i % 2 ? 'a' : ' ';
	text[QUERY_MAX_BYTES] = '\0';
	q = parse(text);
	CHECK(q.nclauses == 1 && q.clauses[0].nwords == QUERY_MAX_BYTES / 2 &&
	      q.clauses[0].nwords <= SEARCH_MAX_WORDS);
}

/* Runs an expression on article_cols (made by test_store_text): the rows found as a bit set, or -1. */
static long run_cols(const char *expr)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT rowid FROM article_cols WHERE article_cols MATCH ?1", -1, &st,
			       NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, expr, -1, SQLITE_TRANSIENT);
	long found = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		found |= 1L << (sqlite3_column_int64(st, 0) & 31);
	if (rc != SQLITE_DONE)
		fprintf(stderr, "  FTS5 refused %s: %s\n", expr, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? found : -1;
}

/* The store's own text for clauses from elsewhere than the parser: quotes inside words, columns, limits. */
static void test_store_text(void)
{
	static const char *const quoted[] = {"a\"b", "NOT", "\"", "{body}:x*"};
	struct search_clause c[SEARCH_MAX_CLAUSES + 2] = {{quoted, 4, 1, 1, 0, 0, SEARCH_ANY, NULL, 0}};
	CHECK_STR(fts5_query(&pool, c, 1), "(\"a\"\"b NOT \"\" {body}:x*\"*)");
	CHECK(run_fts(fts5_query(&pool, c, 1)) == 0); /* valid, and finds nothing */
	/* one word on one column, in a table of the server's columns (a body and a transcript per audience)
	 */
	CHECK(sqlite3_exec(
		  db,
		  "CREATE VIRTUAL TABLE article_cols USING fts5(title, summary, body, body_members, "
		  "body_hcp, body_verified, people, trial, refs, topics, transcript, transcript_members, "
		  "transcript_hcp, transcript_verified, tokenize = 'porter unicode61'); "
		  "INSERT INTO article_cols (rowid, title, body_members) VALUES (1, 'Pembrolizumab "
		  "works', ''), (2, 'Surgery', 'overall response with pembrolizumab'); "
		  "INSERT INTO article_cols (rowid, title, transcript_hcp) VALUES (3, 'Panel', "
		  "'Chair: the durvalumab data')",
		  NULL, NULL, NULL) == SQLITE_OK);
	static const char *const pembro[] = {"pembrolizumab"}, *const resp[] = {"response"};
	c[0] = (struct search_clause){pembro, 1, 0, 0, 0, 0, SEARCH_TITLE, NULL, 0};
	CHECK_STR(fts5_query(&pool, c, 1), "({title} : \"pembrolizumab\")");
	CHECK(run_cols(fts5_query(&pool, c, 1)) == ROWS(1));
	c[0].column = SEARCH_BODY;
	CHECK(run_cols(fts5_query(&pool, c, 1)) == ROWS(2));
	c[0].column = SEARCH_SUMMARY;
	CHECK(run_cols(fts5_query(&pool, c, 1)) == 0);
	/* the body's filter takes in the transcripts: a word said only in the video is in the body */
	static const char *const durva[] = {"durvalumab"};
	struct search_clause said = {durva, 1, 0, 0, 0, 0, SEARCH_BODY, NULL, 0};
	CHECK(run_cols(fts5_query(&pool, &said, 1)) == ROWS(3));
	said.column = SEARCH_TITLE;
	CHECK(run_cols(fts5_query(&pool, &said, 1)) == 0);
	CHECK(fts5_query_kind(c, 1) == 0); /* a column needs the filter */
	c[0].column = SEARCH_ANY;
	CHECK(fts5_query_kind(c, 1) == 2);
	/* an excluded clause on a column */
	c[1] = (struct search_clause){resp, 1, 0, 0, 1, 0, SEARCH_BODY, NULL, 0};
	CHECK_STR(fts5_query(&pool, c, 2),
		  "(\"pembrolizumab\") NOT {body body_members body_hcp body_verified transcript "
		  "transcript_members transcript_hcp transcript_verified} : \"response\"");
	CHECK(run_cols(fts5_query(&pool, c, 2)) == ROWS(1));
	CHECK(fts5_query_kind(c, 2) == 0);
	/* a column out of range is every column */
	c[0].column = (enum search_column)99;
	CHECK_STR(fts5_query(&pool, c, 1), "(\"pembrolizumab\")");
	c[0].column = SEARCH_ANY;
	/* only excluded clauses, or none with a word: nothing to look for */
	CHECK(fts5_query(&pool, c + 1, 1) == NULL);
	CHECK(fts5_query(&pool, c, 0) == NULL);
	struct search_clause empty = {NULL, 0, 0, 0, 0, 0, SEARCH_ANY, NULL, 0};
	CHECK(fts5_query(&pool, &empty, 1) == NULL);
	/* what kind of query: one word, one phrase or a word of several tokens, or more */
	static const char *const two[] = {"overall", "survival"}, *const hyphen[] = {"PD-L1"};
	c[0] = (struct search_clause){two, 2, 1, 0, 0, 0, SEARCH_ANY, NULL, 0};
	CHECK(fts5_query_kind(c, 1) == 1);
	c[0] = (struct search_clause){hyphen, 1, 0, 0, 0, 0, SEARCH_ANY, NULL, 0};
	CHECK(fts5_query_kind(c, 1) == 1);
	c[0] = (struct search_clause){pembro, 1, 0, 1, 0, 0, SEARCH_ANY, NULL, 0};
	CHECK(fts5_query_kind(c, 1) == 2);
	CHECK(fts5_query_kind(c, 2) == 0);
	/* the store reads SEARCH_MAX_CLAUSES clauses: the ones after are left out */
	for (size_t i = 0; i < SEARCH_MAX_CLAUSES + 2; i++)
		c[i] = (struct search_clause){
		    i < SEARCH_MAX_CLAUSES ? pembro : resp, 1, 0, 0, 0, 0, SEARCH_ANY, NULL, 0};
	const char *t = fts5_query(&pool, c, SEARCH_MAX_CLAUSES + 2);
	CHECK(t && !strstr(t, "response"));
	/* and SEARCH_MAX_WORDS words in all */
	static const char *many[SEARCH_MAX_WORDS + 10];
	for (size_t i = 0; i < SEARCH_MAX_WORDS + 10; i++)
		many[i] = i < SEARCH_MAX_WORDS ? "w" : "late";
	c[0] = (struct search_clause){many, SEARCH_MAX_WORDS + 10, 1, 0, 0, 0, SEARCH_ANY, NULL, 0};
	c[1] = (struct search_clause){resp, 1, 0, 0, 0, 0, SEARCH_ANY, NULL, 0};
	t = fts5_query(&pool, c, 2);
	CHECK(t && !strstr(t, "late") && !strstr(t, "response") && run_fts(t) == 0);
}

/* ---- what the expressions find in the table above ---- */

static void test_semantics(void)
{
	CHECK(run_fts(match("pembrolizumab")) == ROWS(1, 2));
	CHECK(run_fts(match("pembrolizumab survival")) == ROWS(1, 2)); /* both words, anywhere */
	CHECK(run_fts(match("\"overall survival\"")) == ROWS(1));      /* the phrase only */
	CHECK(run_fts(match("overall survival")) == ROWS(1, 2));
	CHECK(run_fts(match("immuno*")) == ROWS(1, 3));
	CHECK(run_fts(match("immuno")) == 0);
	CHECK(run_fts(match("melanoma OR deruxtecan")) == ROWS(1, 4));
	CHECK(run_fts(match("pembrolizumab -surgery")) == ROWS(1));
	CHECK(run_fts(match("cafe muller")) == ROWS(3)); /* diacritics removed both ways */
	CHECK(run_fts(match("caf\xc3\xa9 M\xc3\xbcller")) == ROWS(3));
	CHECK(run_fts(match("arztin")) == ROWS(3));
	CHECK(run_fts(match("DESTINY-Breast04")) == ROWS(4));
	CHECK(run_fts(match("nct03734029")) == ROWS(4));
	CHECK(run_fts(match("PEMBROLIZUMAB")) == ROWS(1, 2));
	/* the public form leaves the body out: row 2 has pembrolizumab only in its body */
	CHECK(run_fts(pub(match("pembrolizumab"))) == ROWS(1));
	CHECK(run_fts(pub(match("response"))) == 0);
	CHECK(run_fts(match("response")) == ROWS(2));
	/* an excluded word in the body does not hide an article from the public form */
	CHECK(run_fts(match("survival -response")) == ROWS(1));
	CHECK(run_fts(pub(match("survival -response"))) == ROWS(1, 2));
	/* operators typed as words find nothing, and fail nothing */
	CHECK(run_fts(match("pembrolizumab NEAR survival")) == 0);
	CHECK(run_fts(match("title:pembrolizumab")) == 0);
	/* a wordless non-ASCII term beside a real word is ignored by FTS5 */
	CHECK(run_fts(match("pembrolizumab \xe2\x80\x94 survival")) == ROWS(1, 2));
}

/* ---- fuzz: whatever is typed, FTS5 never reports a syntax error ---- */

static uint64_t rng = 0x9E3779B97F4A7C15ULL;
static uint32_t next_random(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (uint32_t)(rng >> 16);
}

static void test_fuzz(void)
{
	static const char *const pieces[] = {"\"",
					     "\"",
					     "*",
					     "**",
					     "-",
					     "(",
					     ")",
					     "{",
					     "}",
					     ":",
					     "^",
					     "+",
					     ",",
					     ".",
					     ";",
					     "'",
					     "\\",
					     "/",
					     "#",
					     "%",
					     "&",
					     "|",
					     "!",
					     "?",
					     "<",
					     ">",
					     "=",
					     "[",
					     "]",
					     "~",
					     "`",
					     "@",
					     "$",
					     " ",
					     " ",
					     " ",
					     "\t",
					     "\n",
					     "OR",
					     "OR",
					     "AND",
					     "NOT",
					     "NEAR",
					     "NEAR(",
					     "title",
					     "body",
					     "{body}",
					     "{title body}",
					     "a",
					     "b",
					     "im",
					     "immuno",
					     "pembrolizumab",
					     "survival",
					     "x1",
					     "0",
					     "42",
					     "\xc3\xa9",
					     "\xc3\xbc",
					     "\xe2\x80\x94",
					     "\xf0\x9f\x98\x80",
					     "\xce\xb1",
					     "\xff",
					     "\xc3",
					     "\x01",
					     "\x7f",
					     "- {body} : ",
					     "NOT \"a\""};
	const size_t npieces = sizeof pieces / sizeof pieces[0];
	int refused = 0, found_some = 0;
	static char text[2048];
	for (int round = 0; round < 5000; round++) {
		size_t len = 0, n = next_random() % (round % 50 == 0 ? 400 : 24);
		text[0] = '\0';
		for (size_t k = 0; k < n; k++) {
			const char *p = pieces[next_random() % npieces];
			size_t pl = strlen(p);
			if (len + pl + 1 > sizeof text)
				break;
			memcpy(text + len, p, pl + 1);
			len += pl;
		}
		struct query q = parse(text);
		if (!accepted(&q)) {
			refused++;
			fprintf(stderr, "  fuzz round %d refused: [%s]\n", round, text);
		}
		found_some += fts_of(&q) != NULL;
		/* what "did you mean" gets back is a query again */
		for (size_t i = 0; i < q.nwords; i++)
			CHECK(q.words[i][0] != '\0');
		if (round % 500 == 0)
			h2o_mem_clear_pool(&pool);
	}
	CHECK(refused == 0);
	CHECK(found_some > 1000); /* the loop produced real expressions, not only empty ones */
	/* random bytes too */
	refused = 0;
	for (int round = 0; round < 2000; round++) {
		size_t n = next_random() % 64;
		for (size_t k = 0; k < n; k++)
			text[k] = (char)(1 + next_random() % 255);
		text[n] = '\0';
		struct query q = parse(text);
		refused += !accepted(&q);
	}
	CHECK(refused == 0);
}

/* ---- the edit distance ---- */

static void test_distance(void)
{
	CHECK(query_distance("", "", 2) == 0);
	CHECK(query_distance("abc", "abc", 2) == 0);
	CHECK(query_distance("abc", "abc", 0) == 0);
	CHECK(query_distance("", "ab", 2) == 2);
	CHECK(query_distance("ab", "", 2) == 2);
	/* one edit: deletion, insertion, substitution */
	CHECK(query_distance("pembrolizumb", "pembrolizumab", 2) == 1);
	CHECK(query_distance("pembrolizumab", "pembrolizumb", 2) == 1);
	CHECK(query_distance("survival", "survivel", 2) == 1);
	CHECK(query_distance("survival", "survival", 2) == 0);
	/* a transposition is two edits in Levenshtein's measure */
	CHECK(query_distance("ab", "ba", 2) == 2);
	CHECK(query_distance("survival", "suvrival", 2) == 2);
	CHECK(query_distance("survival", "suvrival", 1) == 2); /* cap + 1 */
	/* more than the cap: cap + 1 */
	CHECK(query_distance("kitten", "sitting", 3) == 3);
	CHECK(query_distance("kitten", "sitting", 2) == 3);
	CHECK(query_distance("kitten", "sitting", 1) == 2);
	CHECK(query_distance("abc", "xyz", 1) == 2);
	CHECK(query_distance("a", "abcd", 2) == 3); /* lengths alone tell */
	CHECK(query_distance("abcdef", "a", 0) == 1);
	CHECK(query_distance("melanoma", "lymphoma", 8) == 5);
	/* a difference at the start and the end */
	CHECK(query_distance("xsurvivaly", "survival", 2) == 2);
	CHECK(query_distance("xsurvivaly", "asurvivalb", 2) == 2);
	/* bytes, not characters: é is two bytes */
	CHECK(query_distance("cafe", "caf\xc3\xa9", 2) == 2);
	/* long strings: up to 64 bytes exactly */
	char a[80], b[80];
	memset(a, 'x', 64);
	a[64] = '\0';
	memcpy(b, a, 65);
	CHECK(query_distance(a, b, 2) == 0);
	b[0] = 'y';
	b[63] = 'y';
	CHECK(query_distance(a, b, 2) == 2);
	CHECK(query_distance(a, b, 1) == 2);
	b[30] = 'y';
	CHECK(query_distance(a, b, 2) == 3);
	/* longer than 64 bytes: never computed, cap + 1 (even when equal) */
	memset(a, 'x', 70);
	a[70] = '\0';
	memcpy(b, a, 71);
	CHECK(query_distance(a, b, 2) == 3);
	CHECK(query_distance(a, "x", 2) == 3);
	CHECK(query_distance("x", a, 5) == 6);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	setup_db();
	RUN(test_words);
	RUN(test_phrases);
	RUN(test_prefixes);
	RUN(test_or);
	RUN(test_stopwords);
	RUN(test_negatives);
	RUN(test_operators_are_words);
	RUN(test_limits);
	RUN(test_utf8);
	RUN(test_clauses);
	RUN(test_store_text);
	RUN(test_semantics);
	RUN(test_fuzz);
	RUN(test_distance);
	sqlite3_finalize(count_st);
	sqlite3_close(db);
	h2o_mem_clear_pool(&pool);
	return unit_done("query");
}
