/* sq_generate: synthetic articles added to the demo for benchmarks (`plenary demo DB --articles N`) on
 * SQLite: generate_db.c's row-at-a-time load, with a page cache large enough for its one transaction. */
#include "store/generate_db.h"
#include "store/sqlite/sqlite_int.h"

int sq_store_generate_articles(store *s, size_t count, char *err, size_t errlen)
{
	/* one big transaction: a page cache large enough that it never spills to the WAL half-way */
	sq_run(s, "PRAGMA cache_size = -262144");
	return gen_articles_by_row(s, count, err, errlen);
}
