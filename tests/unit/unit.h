/* unit.h: the tiny harness every C unit test uses; each binary prints "N passed, N failed". */
#ifndef PLENARY_UNIT_H
#define PLENARY_UNIT_H

#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed;

#define CHECK(cond)                                                                                          \
	do {                                                                                                 \
		if (cond) {                                                                                  \
			unit_passed++;                                                                       \
		} else {                                                                                     \
			unit_failed++;                                                                       \
			fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                      \
		}                                                                                            \
	} while (0)

#define CHECK_STR(got, want)                                                                                 \
	do {                                                                                                 \
		const char *g_ = (got), *w_ = (want);                                                        \
		if (g_ && w_ && strcmp(g_, w_) == 0) {                                                       \
			unit_passed++;                                                                       \
		} else {                                                                                     \
			unit_failed++;                                                                       \
			fprintf(stderr, "FAIL %s:%d: %s\n  got:  %s\n  want: %s\n", __FILE__, __LINE__,      \
				#got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                               \
		}                                                                                            \
	} while (0)

#define CHECK_CONTAINS(hay, needle)                                                                          \
	do {                                                                                                 \
		const char *h_ = (hay), *n_ = (needle);                                                      \
		if (h_ && strstr(h_, n_)) {                                                                  \
			unit_passed++;                                                                       \
		} else {                                                                                     \
			unit_failed++;                                                                       \
			fprintf(stderr, "FAIL %s:%d: %s does not contain \"%s\"\n  got: %s\n", __FILE__,     \
				__LINE__, #hay, n_, h_ ? h_ : "(null)");                                     \
		}                                                                                            \
	} while (0)

/* Prints the summary line the test runner adds up; exit status says whether all passed. */
static inline int unit_done(const char *name)
{
	printf("%s: %d passed, %d failed\n", name, unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif
