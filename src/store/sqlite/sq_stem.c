/* sq_stem: an FTS5 tokenizer wrapping unicode61 that stems each word with Snowball in the text's language. */
#include "store/sqlite/sq_stem.h"

#include <libstemmer.h>
#include <stdlib.h>
#include <string.h>

#define NSTEMMERS 8 /* languages a connection's tokenizer keeps a stemmer for */
#define LANG_MAX 3

/* the languages a query's words are stemmed in, English (the default's) first */
static const char *const query_langs[] = {"en", "fr", "nl"};
#define NQUERY ((int)(sizeof query_langs / sizeof *query_langs))

struct stemmer {
	char code[LANG_MAX + 1];
	struct sb_stemmer *sb; /* NULL: Snowball has no such language, the words stay as folded */
};

struct tok {
	fts5_tokenizer parent;
	Fts5Tokenizer *inner;
	struct stemmer s[NSTEMMERS];
	int n;
};

/* One call's state: where the caller's tokens go and in which languages. */
struct call {
	struct tok *t;
	void *ctx;
	int (*out)(void *, int, const char *, int, int, int);
	struct sb_stemmer *sb[NQUERY];
	int nsb;
	int skip; /* the marker's bytes, added to every offset */
};

/* The stemmer of code, made at its first use: NULL when Snowball has none (or out of memory). */
static struct sb_stemmer *stemmer_of(struct tok *t, const char *code)
{
	for (int i = 0; i < t->n; i++)
		if (strcmp(t->s[i].code, code) == 0)
			return t->s[i].sb;
	struct sb_stemmer *sb = sb_stemmer_new(code, "UTF_8");
	if (t->n == NSTEMMERS)
		return sb ? (sb_stemmer_delete(sb), NULL) : NULL;
	strcpy(t->s[t->n].code, code);
	t->s[t->n++].sb = sb;
	return sb;
}

/* The length of the marker text begins with (copying its language to code), or 0 when there is none. */
static int marker(const char *text, int n, char *code)
{
	if (n < 4 || text[0] != SQ_STEM_MARK)
		return 0;
	int i = 1;
	while (i < n && i <= LANG_MAX && text[i] >= 'a' && text[i] <= 'z')
		i++;
	if (i < 3 || i >= n || text[i] != SQ_STEM_MARK)
		return 0;
	memcpy(code, text + 1, (size_t)(i - 1));
	code[i - 1] = 0;
	return i + 1;
}

static int on_token(void *ctx, int flags, const char *token, int n, int start, int end)
{
	struct call *c = ctx;
	const char *done[NQUERY];
	int len[NQUERY], ndone = 0;
	for (int i = 0; i < c->nsb; i++) {
		const char *w = token;
		int wn = n;
		if (c->sb[i]) {
			const sb_symbol *st = sb_stemmer_stem(c->sb[i], (const sb_symbol *)token, n);
			if (!st)
				return SQLITE_NOMEM;
			/* the stemmer's buffer is its own until its next word: kept apart by language */
			w = (const char *)st;
			wn = sb_stemmer_length(c->sb[i]);
		}
		int again = 0;
		for (int j = 0; j < ndone && !again; j++)
			again = len[j] == wn && memcmp(done[j], w, (size_t)wn) == 0;
		if (again)
			continue;
		int rc = c->out(c->ctx, ndone ? flags | FTS5_TOKEN_COLOCATED : flags, w, wn, start + c->skip,
				end + c->skip);
		if (rc != SQLITE_OK)
			return rc;
		done[ndone] = w;
		len[ndone++] = wn;
	}
	return SQLITE_OK;
}

static int tokenize(Fts5Tokenizer *p, void *ctx, int flags, const char *text, int n,
		    int (*out)(void *, int, const char *, int, int, int))
{
	struct tok *t = (struct tok *)p;
	struct call c = {t, ctx, out, {NULL}, 0, 0};
	char code[LANG_MAX + 1];
	c.skip = text ? marker(text, n, code) : 0;
	/* snippet() and highlight() tokenize a hit's text only for the offsets of the positions the index
	 * gave them: the words as cut, one per position, unstemmed (Snowball was a tenth of a search's time)
	 */
	if (flags & FTS5_TOKENIZE_AUX)
		c.nsb = 1;
	else if (c.skip)
		c.sb[c.nsb++] = stemmer_of(t, code);
	else if ((flags & FTS5_TOKENIZE_QUERY) == 0)
		c.sb[c.nsb++] = stemmer_of(t, query_langs[0]);
	else
		for (int i = 0; i < NQUERY; i++)
			c.sb[c.nsb++] = stemmer_of(t, query_langs[i]);
	return t->parent.xTokenize(t->inner, &c, flags, text + c.skip, n - c.skip, on_token);
}

static void destroy(Fts5Tokenizer *p)
{
	struct tok *t = (struct tok *)p;
	if (!t)
		return;
	if (t->inner)
		t->parent.xDelete(t->inner);
	for (int i = 0; i < t->n; i++)
		if (t->s[i].sb)
			sb_stemmer_delete(t->s[i].sb);
	free(t);
}

static int create(void *api_ptr, const char **argv, int argc, Fts5Tokenizer **out)
{
	fts5_api *api = api_ptr;
	const char *parent = argc > 0 ? argv[0] : "unicode61";
	void *user = NULL;
	struct tok *t = calloc(1, sizeof *t);
	if (!t)
		return SQLITE_NOMEM;
	int rc = api->xFindTokenizer(api, parent, &user, &t->parent);
	if (rc == SQLITE_OK)
		rc = t->parent.xCreate(user, argc > 0 ? argv + 1 : NULL, argc > 0 ? argc - 1 : 0, &t->inner);
	if (rc != SQLITE_OK) {
		t->inner = NULL;
		destroy((Fts5Tokenizer *)t);
		return rc;
	}
	*out = (Fts5Tokenizer *)t;
	return SQLITE_OK;
}

int sq_stem_register(sqlite3 *db)
{
	fts5_api *api = NULL;
	sqlite3_stmt *st;
	int rc = sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, NULL);
	if (rc != SQLITE_OK)
		return rc;
	sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(st);
	sqlite3_finalize(st);
	if (!api || api->iVersion < 2)
		return SQLITE_ERROR;
	fts5_tokenizer tk = {create, destroy, tokenize};
	return api->xCreateTokenizer(api, "plenary", api, &tk, NULL);
}
