/* diff: a line diff of two texts (longest common subsequence), paired into rows for a side-by-side view. */
#ifndef PLENARY_DIFF_H
#define PLENARY_DIFF_H

#include <stddef.h>
#include <h2o/memory.h>

/** The default budget of diff_lines: (lines of the old text) × (lines of the new one), counted after the
 * lines both texts start and end with are set aside. 1,000,000 cells take 2 MB for the time of a request. */
#define DIFF_MAX_CELLS 1000000
/** Texts longer than this (bytes) are not compared at all: diff_lines returns -1. An article body is at most
 * 60,000 characters, so at most 240,000 bytes. */
#define DIFF_MAX_BYTES (256u * 1024)

enum diff_kind {
	DIFF_SAME,    /* the line is in both texts */
	DIFF_REMOVED, /* only in the old text: the left side */
	DIFF_ADDED,   /* only in the new text: the right side */
	DIFF_CHANGED, /* a removed line and the added line that took its place, on one row */
	DIFF_SKIPPED, /* unchanged lines folded away by diff_fold */
};

/** How closely the texts were compared: line by line when the budget allows; else paragraph by paragraph
 * (a paragraph is lines up to and including the blank lines after them); else only the lines both texts
 * start and end with are matched, and everything between is one change. */
enum diff_level { DIFF_BY_LINE, DIFF_BY_PARAGRAPH, DIFF_BY_BLOCK };

/** One row of the side-by-side view. Texts point into the compared strings (not NUL-terminated, without
 * the line's "\n" or "\r\n"); a side with no line has NULL text and number 0. */
struct diff_row {
	enum diff_kind kind;
	const char *old_text, *new_text;
	size_t old_len, new_len;
	size_t old_no, new_no; /* line numbers from 1 */
	size_t skipped;	       /* DIFF_SKIPPED: how many unchanged lines the row stands for */
};

struct diff {
	struct diff_row *rows;
	size_t nrows;
	/* rows of each kind, counted before folding */
	size_t same, removed, added, changed;
	enum diff_level level;
};

/** Compares two texts line by line (a "\r\n" ends a line as "\n" does; a last line needs no end). Rows come
 * in the order of both texts; in each run of changes, removed and added lines are paired into DIFF_CHANGED
 * rows in order and the rest follow as DIFF_REMOVED or DIFF_ADDED. max_cells bounds the work (see
 * DIFF_MAX_CELLS; 0 means that default); when the texts need more, d->level says how coarsely they were
 * compared. Everything is allocated in pool. Returns 0, or -1 (d empty) when a text is longer than
 * DIFF_MAX_BYTES. */
int diff_lines(h2o_mem_pool_t *pool, const char *old_text, size_t old_len, const char *new_text,
	       size_t new_len, size_t max_cells, struct diff *d);

/** Folds every run of unchanged rows longer than needed into one DIFF_SKIPPED row, keeping `context` rows
 * next to each change (none at all when the texts are the same). A fold never hides a single row. */
void diff_fold(struct diff *d, size_t context);

/** 1 when the texts differ in some line. */
static inline int diff_changed(const struct diff *d)
{
	return d->removed + d->added + d->changed > 0;
}

#endif
