/* sq_snippet: the highlighted snippets of a search page's hits, made by FTS5's snippet() one hit at a time,
 * with a prefix replaced by the index's words it covers */
#include <stdint.h>
#include <string.h>

#include "core/buf.h"
#include "store/sqlite/sq_stem.h"
#include "store/sqlite/sqlite_int.h"

enum {
	S_FIRST = 183, /* slots 184-191 belong to sq_snippet.c */
	S_FTS5_API,
	S_TERMS_OF,
	S_SNIPPET,
	S_SNIPPETS,
	S_LAST
};
_Static_assert(S_LAST <= 192 && S_LAST <= SQ_MORE_STATEMENTS,
	       "statement slots 184-191 belong to sq_snippet.c");

/* ---- prefixes: the index's words a prefix covers, so that snippets seek lists instead of merging them ----
 */

#define PREFIX_WORDS_MAX 16 /* a prefix covering more keeps FTS5's own merge */

struct token_out {
	buf *b;
	int count;
};

static int token_cb(void *ctx, int flags, const char *token, int n, int start, int end)
{
	(void)start, (void)end;
	struct token_out *t = ctx;
	if (t->count++ == 0 && !(flags & FTS5_TOKEN_COLOCATED))
		buf_add(t->b, token, (size_t)n);
	return SQLITE_OK;
}

/* A prefix as the table's tokenizer reads it in a query ("therapies" is "therapi"): 0 with *out, or -1 when
 * it is not exactly one token (nor when its languages stem it apart: "traitements" is "trait" in French). */
static int prefix_token(store *s, h2o_mem_pool_t *pool, const char *text, size_t n, const char **out)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st = sq_prepare(s, S_FTS5_API, "SELECT fts5(?1)");
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_reset(st);
	void *user = NULL;
	fts5_tokenizer tk;
	Fts5Tokenizer *tok = NULL;
	const char *args[] = {"unicode61", "remove_diacritics", "2"}; /* as article_search's tokenize */
	if (!api || api->xFindTokenizer(api, "plenary", &user, &tk) != SQLITE_OK ||
	    tk.xCreate(user, args, 3, &tok) != SQLITE_OK)
		return -1;
	buf b;
	buf_init(&b, pool);
	struct token_out t = {&b, 0};
	int rc = tk.xTokenize(tok, &t, FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX, text, (int)n, token_cb);
	tk.xDelete(tok);
	if (rc != SQLITE_OK || t.count != 1)
		return -1;
	*out = buf_cstr(&b);
	return 0;
}

/* A snippet without the language markers its column's text begins with (031): a snippet may start there. */
static const char *unmarked(h2o_mem_pool_t *pool, const char *text)
{
	if (!text || !strchr(text, SQ_STEM_MARK))
		return text;
	size_t n = strlen(text), o = 0;
	char *out = h2o_mem_alloc_pool(pool, n + 1);
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (text[i] == SQ_STEM_MARK && j < n && j - i <= 3 && text[j] >= 'a' && text[j] <= 'z')
			j++;
		if (text[i] == SQ_STEM_MARK && j - i >= 3 && j < n && text[j] == SQ_STEM_MARK)
			i = j + 1; /* a marker: its mark, two or three letters, its mark */
		else
			out[o++] = text[i++];
	}
	out[o] = 0;
	return out;
}

/* Appends ("w1" OR "w2" ...) for the index's words that begin with token: 0, or -1 when none or more than
 * PREFIX_WORDS_MAX do. */
static int add_words_of(store *s, buf *b, const char *token)
{
	sqlite3_stmt *st = sq_prepare(s, S_TERMS_OF, "SELECT term FROM temp.article_terms WHERE term >= ?1");
	sq_bind_text(st, 1, token);
	size_t len = strlen(token);
	int words = 0, rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *w = (const char *)sqlite3_column_text(st, 0);
		if (!w || strncmp(w, token, len) != 0 || ++words > PREFIX_WORDS_MAX)
			break;
		buf_printf(b, "%s\"%s\"", words == 1 ? "(" : " OR ", w);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -1;
	if (words < 1 || words > PREFIX_WORDS_MAX)
		return -1;
	buf_addc(b, ')');
	return 0;
}

/* match with each prefix ("neoadj"*) replaced by the words of the index it covers, as an OR: the same
 * documents and the same highlighted words, but FTS5 seeks each word's list to a hit instead of merging every
 * list of the prefix first. NULL when a prefix cannot be replaced (not one token, or too many words). */
static const char *expand_prefixes(store *s, h2o_mem_pool_t *pool, const char *match)
{
	buf b;
	buf_init(&b, pool);
	int group_before = 0; /* a group just ended: FTS5 joins a group to what follows only with AND */
	for (const char *p = match; *p;) {
		const char *close = *p == '"' ? strchr(p + 1, '"') : NULL;
		if (!close) {
			if (group_before && *p == '(')
				buf_add(&b, "AND ", 4);
			group_before = group_before && *p == ' ';
			buf_addc(&b, *p++);
			continue;
		}
		if (group_before)
			buf_add(&b, "AND ", 4);
		group_before = 0;
		if (close[1] != '*') {
			buf_add(&b, p, (size_t)(close + 1 - p));
			p = close + 1;
			continue;
		}
		/* a phrase or group just before needs the AND too */
		const char *out = buf_cstr(&b);
		size_t at = b.len;
		while (at > 0 && out[at - 1] == ' ')
			at--;
		if (at > 0 && (out[at - 1] == '"' || out[at - 1] == ')'))
			buf_add(&b, "AND ", 4);
		const char *token;
		if (prefix_token(s, pool, p + 1, (size_t)(close - p - 1), &token) != 0 ||
		    add_words_of(s, &b, token) != 0)
			return NULL;
		group_before = 1;
		p = close + 2;
	}
	return buf_cstr(&b);
}

/* Snippets for the page's hits. One query per hit seeks each word's list to that hit, which is cheap,
 * except for a prefix: FTS5 merges the lists of every word it covers on each query. So a prefix is replaced
 * by the words it covers; when it covers too many, one query walks the match once over the page's range of
 * ids and makes the page's snippets on the way. */
int sq_snippets(store *s, h2o_mem_pool_t *pool, const char *match, struct search_result *out)
{
	if (out->nhits == 0)
		return 0;
	const char *words = strchr(match, '*') ? expand_prefixes(s, pool, match) : match;
	if (words)
		match = words;
	if (!words && out->nhits > 1) {
		int64_t lo = INT64_MAX, hi = 0;
		buf ids;
		buf_init(&ids, pool);
		buf_addc(&ids, '[');
		for (size_t i = 0; i < out->nhits; i++) {
			int64_t id = out->hits[i].article.id;
			lo = id < lo ? id : lo;
			hi = id > hi ? id : hi;
			buf_printf(&ids, "%s%lld", i ? "," : "", (long long)id);
		}
		buf_addc(&ids, ']');
		sqlite3_stmt *st = sq_prepare(
		    s, S_SNIPPETS,
		    "SELECT rowid, CASE WHEN rowid IN (SELECT value FROM json_each(?4)) THEN "
		    "snippet(article_search, -1, char(2), char(3), '…', 28) END FROM article_search "
		    "WHERE article_search MATCH ?1 AND rowid BETWEEN ?2 AND ?3");
		sq_bind_text(st, 1, match);
		sqlite3_bind_int64(st, 2, lo);
		sqlite3_bind_int64(st, 3, hi);
		sq_bind_text(st, 4, buf_cstr(&ids));
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			if (sqlite3_column_type(st, 1) == SQLITE_NULL)
				continue;
			int64_t id = sqlite3_column_int64(st, 0);
			for (size_t i = 0; i < out->nhits; i++)
				if (out->hits[i].article.id == id)
					out->hits[i].snippet = unmarked(pool, sq_col_str(pool, st, 1));
		}
		if (rc != SQLITE_DONE)
			return sq_step_error(s, st);
		sqlite3_reset(st);
	} else {
		for (size_t i = 0; i < out->nhits; i++) {
			sqlite3_stmt *st = sq_prepare(s, S_SNIPPET,
						      "SELECT snippet(article_search, -1, char(2), char(3), "
						      "'…', 28) FROM article_search "
						      "WHERE article_search MATCH ?1 AND rowid = ?2");
			sq_bind_text(st, 1, match);
			sqlite3_bind_int64(st, 2, out->hits[i].article.id);
			int rc = sqlite3_step(st);
			if (rc == SQLITE_ROW)
				out->hits[i].snippet = unmarked(pool, sq_col_str(pool, st, 0));
			else if (rc != SQLITE_DONE)
				return sq_step_error(s, st);
			sqlite3_reset(st);
		}
	}
	return 0;
}
