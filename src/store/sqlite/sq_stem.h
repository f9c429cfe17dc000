/* sq_stem: the "plenary" FTS5 tokenizer, Snowball stemming in each document's language. */
#ifndef PLENARY_SQ_STEM_H
#define PLENARY_SQ_STEM_H

#include <sqlite3.h>

/* A document's text begins with its language's marker, "\x1F" "fr" "\x1F": read, never indexed. */
#define SQ_STEM_MARK '\x1F'

/** Registers the tokenizer "plenary" on db: `tokenize = 'plenary unicode61 remove_diacritics 2'` cuts and
 * folds words as its parent (unicode61 by default, with the arguments after it) and stems each one with
 * Snowball in the language of the text's marker (English without one). A query's words, which carry no
 * marker, are stemmed in English, French and Dutch, the stems that differ given as colocated alternatives,
 * so that a reader's words find documents in each language. SQLITE_OK, or an SQLite error code. */
int sq_stem_register(sqlite3 *db);

#endif
