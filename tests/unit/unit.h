/* unit.h: the tiny harness every C unit test uses; each binary counts tests, "N passed, N failed". */
#ifndef PLENARY_UNIT_H
#define PLENARY_UNIT_H

#include <stdio.h>
#include <string.h>

/* A test is a named function run by RUN(); it passes when none of its checks failed. CHECK()s only
 * note a failure (with file:line), so a loop over thousands of inputs is still one test. */
static int unit_passed, unit_failed; /* tests */
static int unit_bad_checks;	     /* failed checks so far, inside or outside a test */
static int unit_counted_checks;	     /* failed checks already charged to a test */

static inline void unit_check_failed(void)
{
	unit_bad_checks++;
}

#define CHECK(cond)                                                                                          \
	do {                                                                                                 \
		if (!(cond)) {                                                                               \
			unit_check_failed();                                                                 \
			fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond);                      \
		}                                                                                            \
	} while (0)

#define CHECK_STR(got, want)                                                                                 \
	do {                                                                                                 \
		const char *g_ = (got), *w_ = (want);                                                        \
		if (!(g_ && w_ && strcmp(g_, w_) == 0)) {                                                    \
			unit_check_failed();                                                                 \
			fprintf(stderr, "FAIL %s:%d: %s\n  got:  %s\n  want: %s\n", __FILE__, __LINE__,      \
				#got, g_ ? g_ : "(null)", w_ ? w_ : "(null)");                               \
		}                                                                                            \
	} while (0)

#define CHECK_CONTAINS(hay, needle)                                                                          \
	do {                                                                                                 \
		const char *h_ = (hay), *n_ = (needle);                                                      \
		if (!(h_ && strstr(h_, n_))) {                                                               \
			unit_check_failed();                                                                 \
			fprintf(stderr, "FAIL %s:%d: %s does not contain \"%s\"\n  got: %s\n", __FILE__,     \
				__LINE__, #hay, n_, h_ ? h_ : "(null)");                                     \
		}                                                                                            \
	} while (0)

/* Charges the checks that failed since the last call to the test NAME: one pass or one failure. */
static inline void unit_end(const char *name)
{
	if (unit_bad_checks == unit_counted_checks) {
		unit_passed++;
	} else {
		unit_failed++;
		fprintf(stderr, "FAILED %s (%d checks)\n", name, unit_bad_checks - unit_counted_checks);
	}
	unit_counted_checks = unit_bad_checks;
}

/* Before a test: a check that failed outside any test (in main's setup) is one failed test of its own. */
static inline void unit_begin(void)
{
	if (unit_bad_checks != unit_counted_checks)
		unit_end("(outside any test)");
}

/* RUN(test_fn) runs a test without arguments; RUN_WITH(test_fn, args...) one that takes some. */
#define RUN(fn)                                                                                              \
	do {                                                                                                 \
		unit_begin();                                                                                \
		fn();                                                                                        \
		unit_end(#fn);                                                                               \
	} while (0)
#define RUN_WITH(fn, ...)                                                                                    \
	do {                                                                                                 \
		unit_begin();                                                                                \
		fn(__VA_ARGS__);                                                                             \
		unit_end(#fn);                                                                               \
	} while (0)

/* Prints the summary line the test runner adds up; exit status says whether all passed. */
static inline int unit_done(const char *name)
{
	unit_begin();
	printf("%s: %d passed, %d failed\n", name, unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}

#endif
