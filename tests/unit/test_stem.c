/* test_stem: the "plenary" FTS5 tokenizer (sq_stem.c): accents and case folded, each language's stems, the
 * language marker read and never indexed, a query's words in every language, and an FTS5 table using it. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sq_stem.h"
#include "unit.h"

static sqlite3 *db;

struct seen {
	char text[1024]; /* the tokens, space-separated, a colocated one after '|' */
	int starts[64], ends[64], n;
};

static int on_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct seen *s = ctx;
	size_t at = strlen(s->text);
	if (at + (size_t)n + 2 >= sizeof s->text)
		return SQLITE_OK;
	if (at)
		s->text[at++] = (flags & FTS5_TOKEN_COLOCATED) ? '|' : ' ';
	memcpy(s->text + at, token, (size_t)n);
	s->text[at + (size_t)n] = 0;
	if (s->n < 64 && !(flags & FTS5_TOKEN_COLOCATED)) {
		s->starts[s->n] = start;
		s->ends[s->n++] = end;
	}
	return SQLITE_OK;
}

/* The tokens the tokenizer gives text in a mode (FTS5_TOKENIZE_DOCUMENT or _QUERY). */
static struct seen tokens(const char *text, int mode)
{
	struct seen s = {0};
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	void *user = NULL;
	fts5_tokenizer tk;
	Fts5Tokenizer *tok = NULL;
	const char *args[] = {"unicode61", "remove_diacritics", "2"};
	CHECK(api && api->xFindTokenizer(api, "plenary", &user, &tk) == SQLITE_OK);
	if (!api || tk.xCreate(user, args, 3, &tok) != SQLITE_OK)
		return s;
	CHECK(tk.xTokenize(tok, &s, mode, text, (int)strlen(text), on_token) == SQLITE_OK);
	tk.xDelete(tok);
	return s;
}

static const char *doc(const char *text)
{
	static struct seen s;
	s = tokens(text, FTS5_TOKENIZE_DOCUMENT);
	return s.text;
}

static void test_languages(void)
{
	CHECK_STR(doc("\x1F"
		      "fr\x1F"
		      "Les traitements innovants"),
		  "le trait innov");
	CHECK_STR(doc("\x1F"
		      "nl\x1F"
		      "De behandelingen werken"),
		  "de behandel werk");
	CHECK_STR(doc("\x1F"
		      "en\x1F"
		      "New treatments work"),
		  "new treatment work");
	/* no marker: English, as the porter tokenizer before 031 */
	CHECK_STR(doc("Treatments"), "treatment");
	/* a language Snowball has not: folded words, unstemmed */
	CHECK_STR(doc("\x1F"
		      "xx\x1F"
		      "Traitements"),
		  "traitements");
}

static void test_accents_and_case(void)
{
	CHECK_STR(doc("\x1F"
		      "fr\x1F"
		      "THÉRAPIE Thérapies thérapie"),
		  "therap therap therap");
	CHECK_STR(doc("\x1F"
		      "fr\x1F"
		      "Cœur élevé"),
		  doc("\x1F"
		      "fr\x1F"
		      "coeur eleve"));
	CHECK_STR(doc("\x1F"
		      "nl\x1F"
		      "Geïnjecteerd GEÏNJECTEERD"),
		  doc("\x1F"
		      "nl\x1F"
		      "geinjecteerd geinjecteerd"));
}

static void test_marker_never_indexed(void)
{
	struct seen s = tokens("\x1F"
			       "fr\x1F"
			       "Essai",
			       FTS5_TOKENIZE_DOCUMENT);
	CHECK_STR(s.text, "essai");
	/* offsets are the text's own, marker included: snippets cut the column's text by them */
	CHECK(s.n == 1 && s.starts[0] == 4 && s.ends[0] == 9);
	s = tokens("\x1F"
		   "nld\x1F"
		   "x",
		   FTS5_TOKENIZE_DOCUMENT);
	CHECK_STR(s.text, "x");
	CHECK(s.n == 1 && s.starts[0] == 5);
	/* not a marker: the letters are words */
	CHECK_STR(doc("\x1F"
		      "f\x1F"
		      "essai"),
		  "f essai");
	CHECK_STR(doc("\x1F"
		      "abcd\x1F"
		      "essai"),
		  "abcd essai");
	CHECK_STR(doc("\x1F"
		      "fr"),
		  "fr");
	CHECK_STR(doc("\x1F"
		      "fr\x1F"),
		  "");
	CHECK_STR(doc(""), "");
}

static void test_query_every_language(void)
{
	/* English, then the French and Dutch stems that differ, colocated */
	CHECK_STR(tokens("traitements", FTS5_TOKENIZE_QUERY).text, "traitement|trait");
	CHECK_STR(tokens("behandelingen", FTS5_TOKENIZE_QUERY).text, "behandelingen|behandel");
	CHECK_STR(tokens("treatments", FTS5_TOKENIZE_QUERY).text, "treatment");
	CHECK_STR(tokens("\x1F"
			 "fr\x1F"
			 "traitements",
			 FTS5_TOKENIZE_QUERY)
		      .text,
		  "trait");
}

static void test_snippets_unstemmed(void)
{
	/* snippet() and highlight() want offsets only: the words as cut, one per position, as a document's */
	const char *text = "\x1F"
			   "fr\x1F"
			   "Les traitements innovants";
	struct seen aux = tokens(text, FTS5_TOKENIZE_AUX), d = tokens(text, FTS5_TOKENIZE_DOCUMENT);
	CHECK_STR(aux.text, "les traitements innovants");
	CHECK(aux.n == d.n && aux.n == 3);
	for (int i = 0; i < aux.n && i < d.n; i++)
		CHECK(aux.starts[i] == d.starts[i] && aux.ends[i] == d.ends[i]);
}

static int count(const char *match)
{
	sqlite3_stmt *st;
	int n = -1;
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM t WHERE t MATCH ?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, match, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

static void test_table(void)
{
	CHECK(sqlite3_exec(
		  db,
		  "CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'plenary unicode61 "
		  "remove_diacritics 2');"
		  "INSERT INTO t (rowid, body) VALUES (1, char(31) || 'fr' || char(31) || 'Un traitement "
		  "efficace'), (2, char(31) || 'nl' || char(31) || 'Een behandeling'), "
		  "(3, char(31) || 'en' || char(31) || 'A treatment');",
		  NULL, NULL, NULL) == SQLITE_OK);
	CHECK(count("\"traitements\"") == 1);
	CHECK(count("\"behandelingen\"") == 1);
	CHECK(count("\"treatments\"") == 1);
	CHECK(count("\"fr\"") == 0); /* the markers are no words */
	CHECK(count("\"nl\"") == 0);
	CHECK(count("\"traitement efficace\"") == 1);
	CHECK(count("\"trait\"*") == 1);
	/* snippets cut the stored text by the tokenizer's offsets */
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(db, "SELECT highlight(t, 0, '[', ']') FROM t WHERE t MATCH 'efficaces'", -1,
				 &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(st, 0), "\x1F"
							    "fr\x1F"
							    "Un traitement [efficace]");
	sqlite3_finalize(st);
	/* a delete tokenizes the row again: it must find the same tokens */
	CHECK(sqlite3_exec(db, "DELETE FROM t WHERE rowid = 1; INSERT INTO t(t) VALUES ('integrity-check');",
			   NULL, NULL, NULL) == SQLITE_OK);
	CHECK(count("\"traitements\"") == 0);
}

static void test_bytes(void)
{
	/* arbitrary bytes: no crash, every offset within the text */
	char text[256];
	unsigned seed = 7;
	for (int round = 0; round < 2000; round++) {
		int n = (int)(seed % 40);
		for (int i = 0; i < n; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = (char)(seed >> 16);
			if ((seed >> 8) % 7 == 0)
				text[i] = SQ_STEM_MARK;
		}
		text[n] = 0;
		struct seen s = tokens(text, round % 2 ? FTS5_TOKENIZE_QUERY : FTS5_TOKENIZE_DOCUMENT);
		for (int i = 0; i < s.n; i++)
			CHECK(s.starts[i] >= 0 && s.ends[i] <= (int)strlen(text) && s.starts[i] <= s.ends[i]);
		seed = seed * 1103515245u + 12345u;
	}
}

int main(void)
{
	if (sqlite3_open(":memory:", &db) != SQLITE_OK || sq_stem_register(db) != SQLITE_OK)
		return 1;
	RUN(test_languages);
	RUN(test_accents_and_case);
	RUN(test_marker_never_indexed);
	RUN(test_query_every_language);
	RUN(test_snippets_unstemmed);
	RUN(test_table);
	RUN(test_bytes);
	sqlite3_close(db);
	return unit_done("stem");
}
