/* theme_check: `plenary i18n check`: the messages each of a theme's languages lacks, and those none uses. */
#ifndef PLENARY_THEME_CHECK_H
#define PLENARY_THEME_CHECK_H

#include <stdio.h>

/** Writes to out, per language, every message the templates or the code use that its catalog lacks (with
 * where it is used first) and every message nothing uses, then a count. Returns 0 when no language lacks
 * any, 1 when one does, 2 when the theme does not load (the reason written). */
int theme_check(const char *dir, const char *base, FILE *out);

#endif
