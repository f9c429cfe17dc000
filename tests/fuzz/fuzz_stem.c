/* fuzz_stem: arbitrary bytes through the "plenary" FTS5 tokenizer (sq_stem.c), as a document and as a query:
 * no crash, every token within the text, and a table using it accepts the bytes and finds its own words. */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/sqlite/sq_stem.h"

static sqlite3 *db;
static fts5_tokenizer tk;
static Fts5Tokenizer *tok;
static sqlite3_stmt *ins, *del;

static void setup(void)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	void *user = NULL;
	const char *args[] = {"unicode61", "remove_diacritics", "2"};
	if (sqlite3_open(":memory:", &db) != SQLITE_OK || sq_stem_register(db) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK)
		abort();
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->xFindTokenizer(api, "plenary", &user, &tk) != SQLITE_OK ||
	    tk.xCreate(user, args, 3, &tok) != SQLITE_OK ||
	    sqlite3_exec(
		db,
		"CREATE VIRTUAL TABLE t USING fts5(b, tokenize = 'plenary unicode61 remove_diacritics 2')",
		NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "INSERT INTO t (rowid, b) VALUES (1, ?1)", -1, &ins, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "DELETE FROM t WHERE rowid = 1", -1, &del, NULL) != SQLITE_OK)
		abort();
}

struct span {
	int n;
};

static int check(void *ctx, int flags, const char *token, int n, int start, int end)
{
	(void)flags;
	const struct span *s = ctx;
	if (n < 0 || (n > 0 && !token) || start < 0 || end > s->n || start > end)
		abort();
	return SQLITE_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!db)
		setup();
	if (size > 65536)
		return 0;
	struct span s = {(int)size};
	const char *text = (const char *)data;
	tk.xTokenize(tok, &s, FTS5_TOKENIZE_DOCUMENT, text, (int)size, check);
	tk.xTokenize(tok, &s, FTS5_TOKENIZE_QUERY, text, (int)size, check);
	tk.xTokenize(tok, &s, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, text, (int)size, check);
	tk.xTokenize(tok, &s, FTS5_TOKENIZE_AUX, text, (int)size, check);
	/* written and deleted again: the delete tokenizes the row anew and must meet the same tokens */
	sqlite3_bind_text(ins, 1, text, (int)size, SQLITE_TRANSIENT);
	if (sqlite3_step(ins) != SQLITE_DONE)
		abort();
	sqlite3_reset(ins);
	if (sqlite3_step(del) != SQLITE_DONE)
		abort();
	sqlite3_reset(del);
	if (sqlite3_exec(db, "INSERT INTO t (t) VALUES ('integrity-check')", NULL, NULL, NULL) != SQLITE_OK)
		abort();
	return 0;
}
