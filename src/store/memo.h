/* memo: what a store connection keeps between reads, the same on both backends: list totals and menus. Not
 * for outside src/store. */
#ifndef PLENARY_MEMO_H
#define PLENARY_MEMO_H

#include "store/store.h"
#include "store/changes.h"

/* A list's total, as store_articles counted it: every page of a list asks for it, and counting walks the
 * whole list, so the pages of a 10,000-article list would cost as many full walks. It holds while the
 * store's stamp is the same and until the site's next article becomes visible by its publication time. */
#define COUNT_MEMOS 32
struct count_memo {
	struct article_filter f;
	struct store_stamp stamp;
	int64_t until;
	size_t total;
	int used;
};

/* A site's menu as read last, kept while the store's stamp is the same: every page shows it, and reading it
 * (a recursive query, sorted) cost more than some whole pages. */
#define MENU_MEMOS 4
struct menu_memo {
	int64_t site_id;
	struct store_stamp stamp;
	struct menu_item *items; /* in pool */
	size_t n;
	h2o_mem_pool_t pool;
	int used, pool_ready;
};

/* One connection's memos (zeroed: none yet); each kind replaces its oldest when full. */
struct store_memos {
	struct count_memo counts[COUNT_MEMOS]; /* the totals of the lists counted last (store_articles) */
	size_t next_count;
	struct menu_memo menus[MENU_MEMOS];
	size_t next_menu;
};

/** The kept total of the list f: 1 with *total when it still holds (the same stamp, and now before the time
 * the list changes by itself), else 0. */
int memo_count_find(const struct store_memos *m, const struct article_filter *f,
		    const struct store_stamp *stamp, int64_t now, size_t *total);
/** Keeps the total of the list f, counted at stamp, until the Unix time until. */
void memo_count_keep(struct store_memos *m, const struct article_filter *f, const struct store_stamp *stamp,
		     int64_t until, size_t total);

/** The kept menu of a site read at stamp: 1 with the items copied into pool (strings too), else 0. */
int memo_menu_find(const struct store_memos *m, h2o_mem_pool_t *pool, int64_t site_id,
		   const struct store_stamp *stamp, struct menu_item **out, size_t *n);
/** The memo a menu is read into next (the oldest, emptied): the caller collects the rows into its pool, items
 * and n, then calls memo_menu_keep. Until then it holds no menu. */
struct menu_memo *memo_menu_slot(struct store_memos *m);
/** Keeps the menu read into slot as the site's at stamp, and copies it into pool for the caller. */
void memo_menu_keep(struct menu_memo *slot, int64_t site_id, const struct store_stamp *stamp,
		    h2o_mem_pool_t *pool, struct menu_item **out, size_t *n);

/** Frees what the memos hold (when the store closes). */
void memo_free(struct store_memos *m);

#endif
