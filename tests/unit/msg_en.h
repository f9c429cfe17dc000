/* msg_en: a struct msg said in the theme's English catalog, as an English editor reads it. */
#ifndef PLENARY_MSG_EN_H
#define PLENARY_MSG_EN_H

#include <stdio.h>

#include "core/catalog.h"
#include "core/msg.h"

/* The sentence of m in themes/default/i18n/en.json (tests run from the repository's top), "" when m says
 * nothing; the catalog is read once and kept. */
static inline const char *msg_en(const struct msg *m)
{
	static struct catalog *en;
	static h2o_mem_pool_t pool;
	if (!en) {
		char err[256];
		if (!(en = catalog_load("themes/default/i18n/en.json", "en", err, sizeof err))) {
			fprintf(stderr, "msg_en: %s\n", err);
			return "(no English catalog)";
		}
		h2o_mem_init_pool(&pool);
	}
	const struct catalog *chain[1] = {en};
	return msg_text(&pool, chain, 1, m);
}

#endif
