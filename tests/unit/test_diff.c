/* test_diff: unit tests for the line diff of revisions (src/admin/diff.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "admin/diff.h"
#include "core/buf.h"
#include "unit.h"

static h2o_mem_pool_t pool;

/* The rows as one string: "=x" same, "-x" removed, "+x" added, "~x>y" changed, "...n" skipped, joined by '|';
 * with numbers, each row also gives its line numbers as "(old,new)". */
static const char *show(const struct diff *d, int numbers)
{
	buf b;
	buf_init(&b, &pool);
	for (size_t i = 0; i < d->nrows; i++) {
		const struct diff_row *r = &d->rows[i];
		if (i)
			buf_addc(&b, '|');
		switch (r->kind) {
		case DIFF_SAME:
			buf_printf(&b, "=%.*s", (int)r->old_len, r->old_text);
			break;
		case DIFF_REMOVED:
			buf_printf(&b, "-%.*s", (int)r->old_len, r->old_text);
			break;
		case DIFF_ADDED:
			buf_printf(&b, "+%.*s", (int)r->new_len, r->new_text);
			break;
		case DIFF_CHANGED:
			buf_printf(&b, "~%.*s>%.*s", (int)r->old_len, r->old_text, (int)r->new_len,
				   r->new_text);
			break;
		case DIFF_SKIPPED:
			buf_printf(&b, "...%zu", r->skipped);
			break;
		}
		if (numbers)
			buf_printf(&b, "(%zu,%zu)", r->old_no, r->new_no);
	}
	return buf_cstr(&b);
}

static const char *diff_of(const char *a, const char *b, size_t cells, int numbers, struct diff *d)
{
	if (diff_lines(&pool, a, strlen(a), b, strlen(b), cells, d) != 0)
		return "ERROR";
	return show(d, numbers);
}

#define DIFF(a, b) diff_of(a, b, 0, 0, &d)

static void test_simple_edits(void)
{
	struct diff d;
	CHECK_STR(DIFF("", ""), "");
	CHECK(d.nrows == 0 && !diff_changed(&d) && d.level == DIFF_BY_LINE);
	CHECK_STR(DIFF("a\nb\nc\n", "a\nb\nc\n"), "=a|=b|=c");
	CHECK(d.same == 3 && !diff_changed(&d));
	CHECK_STR(DIFF("", "one\ntwo"), "+one|+two");
	CHECK(d.added == 2 && d.removed == 0 && d.changed == 0 && diff_changed(&d));
	CHECK_STR(DIFF("one\ntwo\n", ""), "-one|-two");
	CHECK(d.removed == 2);
	CHECK_STR(diff_of("a\nb\nc", "a\nB\nc", 0, 1, &d), "=a(1,1)|~b>B(2,2)|=c(3,3)");
	CHECK(d.changed == 1 && d.same == 2);
	CHECK_STR(diff_of("a\nc", "a\nb\nc", 0, 1, &d), "=a(1,1)|+b(0,2)|=c(2,3)");
	CHECK_STR(diff_of("a\nb\nc", "a\nc", 0, 1, &d), "=a(1,1)|-b(2,0)|=c(3,2)");
	/* a line moved from the top to the bottom: the longest common run stays */
	CHECK_STR(DIFF("a\nb\nc\nd", "b\nc\nd\na"), "-a|=b|=c|=d|+a");
	/* two removed, three added in one run: paired in order, the rest added */
	CHECK_STR(DIFF("x\n1\n2\ny", "x\nI\nII\nIII\ny"), "=x|~1>I|~2>II|+III|=y");
	CHECK(d.changed == 2 && d.added == 1 && d.removed == 0);
	CHECK_STR(DIFF("x\n1\n2\n3\ny", "x\nI\ny"), "=x|~1>I|-2|-3|=y");
	/* empty lines are lines */
	CHECK_STR(DIFF("a\n\nb", "a\nb"), "=a|-|=b");
	CHECK_STR(DIFF("a", "a\n"), "=a");
	CHECK_STR(DIFF("a\n", "a\n\n"), "=a|+");
}

static void test_line_ends(void)
{
	struct diff d;
	/* a browser sends CRLF, older revisions may have LF: the same text either way */
	CHECK_STR(DIFF("one\r\ntwo\r\n", "one\ntwo"), "=one|=two");
	CHECK(!diff_changed(&d));
	CHECK(d.rows[0].old_len == 3 && d.rows[0].new_len == 3);
	/* a CR inside a line is kept and counts */
	CHECK_STR(DIFF("a\rb", "ab"), "~a\rb>ab");
	/* trailing spaces count */
	CHECK_STR(DIFF("a ", "a"), "~a >a");
}

static void test_fold(void)
{
	struct diff d;
	buf a, b;
	buf_init(&a, &pool);
	buf_init(&b, &pool);
	for (int i = 1; i <= 20; i++) {
		buf_printf(&a, "%d\n", i);
		buf_printf(&b, i == 10 ? "ten\n" : "%d\n", i);
	}
	CHECK(diff_lines(&pool, a.p, a.len, b.p, b.len, 0, &d) == 0);
	diff_fold(&d, 3);
	CHECK_STR(show(&d, 1),
		  "...6(1,1)|=7(7,7)|=8(8,8)|=9(9,9)|~10>ten(10,10)|=11(11,11)|=12(12,12)|=13(13,13)|"
		  "...7(14,14)");
	CHECK(d.same == 19 && d.changed == 1); /* counted before folding */
	/* the same texts fold to one row */
	CHECK(diff_lines(&pool, a.p, a.len, a.p, a.len, 0, &d) == 0);
	diff_fold(&d, 3);
	CHECK_STR(show(&d, 1), "...20(1,1)");
	/* a fold never hides one row alone: seven unchanged rows between changes stay with context 3 */
	CHECK_STR(DIFF("x\n1\n2\n3\n4\n5\n6\n7\ny", "X\n1\n2\n3\n4\n5\n6\n7\nY"),
		  "~x>X|=1|=2|=3|=4|=5|=6|=7|~y>Y");
	diff_fold(&d, 3);
	CHECK(d.nrows == 9);
	CHECK_STR(DIFF("x\n1\n2\n3\n4\n5\n6\n7\n8\ny", "X\n1\n2\n3\n4\n5\n6\n7\n8\nY"),
		  "~x>X|=1|=2|=3|=4|=5|=6|=7|=8|~y>Y");
	diff_fold(&d, 3);
	CHECK_STR(show(&d, 1),
		  "~x>X(1,1)|=1(2,2)|=2(3,3)|=3(4,4)|...2(5,5)|=6(7,7)|=7(8,8)|=8(9,9)|~y>Y(10,10)");
	/* context 0 */
	CHECK_STR(DIFF("a\nb\nc\nd", "a\nb\nc\nD"), "=a|=b|=c|~d>D");
	diff_fold(&d, 0);
	CHECK_STR(show(&d, 0), "...3|~d>D");
}

static void test_budget(void)
{
	struct diff d;
	/* a line added to the first paragraph, the second changed; the middle, after the common first line
	 * and last four, is 3 x 4 lines */
	const char *a = "p1 a\np1 b\n\np2 a\np2 b\n\np3 a\np3 b\n";
	const char *b = "p1 a\np1 new\np1 b\n\np2 A\np2 b\n\np3 a\np3 b\n";
	const char *by_line = "=p1 a|+p1 new|=p1 b|=|~p2 a>p2 A|=p2 b|=|=p3 a|=p3 b";
	CHECK_STR(diff_of(a, b, 0, 0, &d), by_line);
	CHECK(d.level == DIFF_BY_LINE);
	CHECK_STR(diff_of(a, b, 12, 0, &d), by_line);
	CHECK(d.level == DIFF_BY_LINE);
	/* with one cell less, by paragraph (2 x 2): the changed paragraphs are replaced whole */
	CHECK_STR(diff_of(a, b, 11, 0, &d), "=p1 a|~p1 b>p1 new|~>p1 b|~p2 a>|+p2 A|=p2 b|=|=p3 a|=p3 b");
	CHECK(d.level == DIFF_BY_PARAGRAPH && d.changed == 3 && d.added == 1 && d.same == 5);
	/* a paragraph that moved down is still found by paragraph, not when compared as one block */
	const char *c = "top\nx1\n\nkeep 1\nkeep 2\n\ny1\nbottom";
	const char *e = "top\nnew para\n\nx2\n\nkeep 1\nkeep 2\n\ny2\nbottom";
	CHECK_STR(diff_of(c, e, 12, 0, &d), "=top|~x1>new para|=|+x2|+|=keep 1|=keep 2|=|~y1>y2|=bottom");
	CHECK(d.level == DIFF_BY_PARAGRAPH);
	/* no budget for that either: everything between the common first and last lines is one change, and
	 * lines that happen to be equal side by side show as unchanged */
	CHECK_STR(diff_of(c, e, 11, 0, &d),
		  "=top|~x1>new para|=|~keep 1>x2|~keep 2>|~>keep 1|~y1>keep 2|+|+y2|=bottom");
	CHECK(d.level == DIFF_BY_BLOCK);
	CHECK_STR(diff_of(a, b, 1, 0, &d), "=p1 a|~p1 b>p1 new|~>p1 b|~p2 a>|+p2 A|=p2 b|=|=p3 a|=p3 b");
	CHECK(d.level == DIFF_BY_BLOCK);
	/* too long to compare at all */
	size_t big = DIFF_MAX_BYTES + 1;
	char *huge = h2o_mem_alloc_pool(&pool, big);
	memset(huge, 'x', big);
	CHECK(diff_lines(&pool, huge, big, "x", 1, 0, &d) == -1 && d.nrows == 0);
	CHECK(diff_lines(&pool, "x", 1, huge, big, 0, &d) == -1);
	CHECK(diff_lines(&pool, huge, DIFF_MAX_BYTES, huge, DIFF_MAX_BYTES, 0, &d) == 0 && d.same == 1);
}

/* The length of the longest common subsequence of two line lists, the plain way. */
static size_t lcs_len(char **a, size_t na, char **b, size_t nb)
{
	size_t *t = calloc((na + 1) * (nb + 1), sizeof *t);
	for (size_t i = 1; i <= na; i++)
		for (size_t j = 1; j <= nb; j++)
			t[i * (nb + 1) + j] =
			    strcmp(a[i - 1], b[j - 1]) == 0 ? t[(i - 1) * (nb + 1) + j - 1] + 1
			    : t[(i - 1) * (nb + 1) + j] > t[i * (nb + 1) + j - 1] ? t[(i - 1) * (nb + 1) + j]
										  : t[i * (nb + 1) + j - 1];
	size_t n = t[na * (nb + 1) + nb];
	free(t);
	return n;
}

static uint32_t seed = 12345;
static uint32_t next_random(void)
{
	seed = seed * 1103515245u + 12345u;
	return (seed >> 16) & 0x7fff;
}

/* Random texts over a few line values: the rows give back both texts in order, as many lines are the same
 * as the longest common subsequence has, and a row is never both sides of different kinds. */
static void test_random_texts(void)
{
	static const char *const words[] = {"alpha", "beta", "gamma", "", "delta"};
	int ok_texts = 1, ok_optimal = 1, ok_rows = 1;
	for (int round = 0; round < 400; round++) {
		char *la[30], *lb[30];
		size_t na = next_random() % 30, nb = next_random() % 30;
		buf a, b;
		buf_init(&a, &pool);
		buf_init(&b, &pool);
		for (size_t i = 0; i < na; i++) {
			la[i] = (char *)words[next_random() % 5];
			buf_printf(&a, "%s\n", la[i]);
		}
		for (size_t i = 0; i < nb; i++) {
			lb[i] = (char *)words[next_random() % 5];
			buf_printf(&b, "%s%s", lb[i], next_random() % 2 ? "\r\n" : "\n");
		}
		struct diff d;
		if (diff_lines(&pool, a.p ? a.p : "", a.len, b.p ? b.p : "", b.len, 0, &d) != 0) {
			ok_texts = 0;
			continue;
		}
		size_t ia = 0, ib = 0;
		for (size_t k = 0; k < d.nrows; k++) {
			const struct diff_row *r = &d.rows[k];
			int has_old = r->old_text != NULL, has_new = r->new_text != NULL;
			if ((r->kind == DIFF_SAME || r->kind == DIFF_CHANGED) != (has_old && has_new) ||
			    (r->kind == DIFF_REMOVED && (!has_old || has_new)) ||
			    (r->kind == DIFF_ADDED && (has_old || !has_new)))
				ok_rows = 0;
			if (has_old) {
				if (ia >= na || r->old_no != ia + 1 || r->old_len != strlen(la[ia]) ||
				    memcmp(r->old_text, la[ia], r->old_len) != 0)
					ok_texts = 0;
				ia++;
			}
			if (has_new) {
				if (ib >= nb || r->new_no != ib + 1 || r->new_len != strlen(lb[ib]) ||
				    memcmp(r->new_text, lb[ib], r->new_len) != 0)
					ok_texts = 0;
				ib++;
			}
			if (r->kind == DIFF_SAME && has_old && has_new &&
			    (r->old_len != r->new_len || memcmp(r->old_text, r->new_text, r->old_len) != 0))
				ok_rows = 0;
		}
		if (ia != na || ib != nb)
			ok_texts = 0;
		if (d.same != lcs_len(la, na, lb, nb) || d.same + d.removed + d.changed != na ||
		    d.same + d.added + d.changed != nb)
			ok_optimal = 0;
	}
	CHECK(ok_texts);
	CHECK(ok_optimal);
	CHECK(ok_rows);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_simple_edits);
	RUN(test_line_ends);
	RUN(test_fold);
	RUN(test_budget);
	RUN(test_random_texts);
	h2o_mem_clear_pool(&pool);
	return unit_done("diff");
}
