/* memo: list totals and menus kept per connection, for both backends (memo.h). */
#include "store/memo.h"

#include <string.h>

#include "core/buf.h"
#include "store/changes.h"

int memo_count_find(const struct store_memos *m, const struct article_filter *f,
		    const struct store_stamp *stamp, int64_t now, size_t *total)
{
	for (size_t i = 0; i < COUNT_MEMOS; i++) {
		const struct count_memo *c = &m->counts[i];
		if (c->used && memcmp(&c->f, f, sizeof *f) == 0 && store_stamp_same(&c->stamp, stamp) &&
		    now < c->until) {
			*total = c->total;
			return 1;
		}
	}
	return 0;
}

void memo_count_keep(struct store_memos *m, const struct article_filter *f, const struct store_stamp *stamp,
		     int64_t until, size_t total)
{
	struct count_memo *c = &m->counts[m->next_count++ % COUNT_MEMOS];
	*c = (struct count_memo){.f = *f, .stamp = *stamp, .until = until, .total = total, .used = 1};
}

/* The menu items copied into pool, strings too: the memo may be replaced while the caller holds them. */
static void menu_copy(h2o_mem_pool_t *pool, const struct menu_item *from, size_t n, struct menu_item **out)
{
	*out = h2o_mem_alloc_pool(pool, (n ? n : 1) * sizeof **out);
	for (size_t i = 0; i < n; i++) {
		(*out)[i] = from[i];
		(*out)[i].label = mem_strndup(pool, from[i].label, strlen(from[i].label));
		(*out)[i].url = mem_strndup(pool, from[i].url, strlen(from[i].url));
	}
}

int memo_menu_find(const struct store_memos *m, h2o_mem_pool_t *pool, int64_t site_id,
		   const struct store_stamp *stamp, struct menu_item **out, size_t *n)
{
	for (size_t i = 0; i < MENU_MEMOS; i++) {
		const struct menu_memo *k = &m->menus[i];
		if (k->used && k->site_id == site_id && store_stamp_same(&k->stamp, stamp)) {
			menu_copy(pool, k->items, k->n, out);
			*n = k->n;
			return 1;
		}
	}
	return 0;
}

struct menu_memo *memo_menu_slot(struct store_memos *m)
{
	struct menu_memo *k = &m->menus[m->next_menu++ % MENU_MEMOS];
	if (k->pool_ready)
		h2o_mem_clear_pool(&k->pool);
	else
		h2o_mem_init_pool(&k->pool);
	k->pool_ready = 1;
	k->used = 0;
	return k;
}

void memo_menu_keep(struct menu_memo *slot, int64_t site_id, const struct store_stamp *stamp,
		    h2o_mem_pool_t *pool, struct menu_item **out, size_t *n)
{
	slot->site_id = site_id;
	slot->stamp = *stamp;
	slot->used = 1;
	menu_copy(pool, slot->items, slot->n, out);
	*n = slot->n;
}

void memo_free(struct store_memos *m)
{
	for (int i = 0; i < MENU_MEMOS; i++)
		if (m->menus[i].pool_ready)
			h2o_mem_clear_pool(&m->menus[i].pool);
}
