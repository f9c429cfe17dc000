/* search_family_db: which of a search's facts belong to a family of translations, on the seam. */
#include "store/db.h"
#include "store/rank.h"

enum {
	SF_MEMBERS = 940, /* slots 940-959 of the seam belong to search_family_db.c */
	SF_LAST
};
_Static_assert(SF_LAST <= 960, "search_family_db.c owns the seam's statement slots 940 to 959");

/* The fact of id among n in id order: NULL when none. */
static struct fact *fact_by_id(struct fact *f, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (f[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && f[lo].id == id ? &f[lo] : NULL;
}

int rank_family_facts(store *s, struct fact *f, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		f[i].family = f[i].id;
		f[i].kin = 0;
	}
	/* the translations, each marked with its original; from article_by_family alone (on SQLite it holds
	 * the ids too): a draft's row finds no fact and is passed over, which costs less than reading each
	 * row's status from the table (1 ms against 29 for 13,000 translations) */
	struct db_stmt *st =
	    db_prepare(db_of(s), SF_MEMBERS, "SELECT id, family_id FROM article WHERE family_id IS NOT NULL");
	int rc;
	while ((rc = db_step(st)) == DB_ROW) {
		struct fact *member = fact_by_id(f, n, db_col_int64(st, 0));
		if (!member)
			continue;
		struct fact *original = fact_by_id(f, n, db_col_int64(st, 1));
		member->family = db_col_int64(st, 1);
		member->kin = 1;
		if (original)
			original->kin = 1;
	}
	if (rc == DB_ERROR)
		return -1;
	db_reset(st);
	return 0;
}
