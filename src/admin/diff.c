/* diff: a line diff of two texts (longest common subsequence), paired into rows for a side-by-side view. */
#include "admin/diff.h"

#include <stdint.h>
#include <string.h>

/* One line of a text, without its end; the hash makes most comparisons one integer test. */
struct line {
	const char *p;
	size_t len;
	uint64_t hash;
};

/* What the comparison matches as a whole: one line, or a paragraph of lines [first, first + n). */
struct unit {
	size_t first, n;
	uint64_t hash;
};

struct text {
	struct line *lines;
	size_t nlines;
	struct unit *units;
	size_t nunits;
};

enum op_kind { OP_SAME, OP_DEL, OP_ADD };

/* One step of the edit script: a unit (or, after expansion, a line) of a, of b, or of both. */
struct op {
	enum op_kind kind;
	size_t a, b;
};

static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL; /* FNV-1a */
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)p[i]) * 0x100000001b3ULL;
	return h;
}

static size_t split_lines(h2o_mem_pool_t *pool, const char *s, size_t n, struct line **out)
{
	size_t count = 0;
	for (size_t i = 0; i < n; i++)
		count += s[i] == '\n';
	if (n && s[n - 1] != '\n')
		count++; /* a last line without an end */
	struct line *ls = h2o_mem_alloc_pool(pool, sizeof *ls * (count ? count : 1));
	size_t k = 0, start = 0;
	for (size_t i = 0; i <= n && k < count; i++) {
		if (i < n && s[i] != '\n')
			continue;
		size_t len = i - start;
		if (len && s[start + len - 1] == '\r')
			len--;
		ls[k++] = (struct line){s + start, len, hash_bytes(s + start, len)};
		start = i + 1;
	}
	*out = ls;
	return count;
}

static int line_blank(const struct line *l)
{
	for (size_t i = 0; i < l->len; i++)
		if (l->p[i] != ' ' && l->p[i] != '\t')
			return 0;
	return 1;
}

/* Units over lines [lo, hi): one per line, or one per paragraph (its lines and the blank lines after). */
static void make_units(h2o_mem_pool_t *pool, struct text *t, size_t lo, size_t hi, int by_paragraph)
{
	t->units = h2o_mem_alloc_pool(pool, sizeof *t->units * (hi > lo ? hi - lo : 1));
	t->nunits = 0;
	for (size_t i = lo; i < hi; i++) {
		const struct line *l = &t->lines[i];
		int starts = !by_paragraph || i == lo || (!line_blank(l) && line_blank(l - 1));
		if (starts)
			t->units[t->nunits++] = (struct unit){i, 0, 0x84222325cbf29ce4ULL};
		struct unit *u = &t->units[t->nunits - 1];
		u->n++;
		u->hash = (u->hash ^ l->hash) * 0x100000001b3ULL;
	}
}

static int line_eq(const struct line *x, const struct line *y)
{
	return x->hash == y->hash && x->len == y->len && memcmp(x->p, y->p, x->len) == 0;
}

static int unit_eq(const struct text *a, size_t i, const struct text *b, size_t j)
{
	const struct unit *x = &a->units[i], *y = &b->units[j];
	if (x->hash != y->hash || x->n != y->n)
		return 0;
	for (size_t k = 0; k < x->n; k++)
		if (!line_eq(&a->lines[x->first + k], &b->lines[y->first + k]))
			return 0;
	return 1;
}

/* The edit script of a's and b's units by the longest common subsequence, appended to ops; -1 when
 * na × nb is over the budget. lcs[i][j] is the length of the LCS of the units from i and from j on. */
static int lcs_script(h2o_mem_pool_t *pool, const struct text *a, const struct text *b, size_t max_cells,
		      struct op *ops, size_t *nops)
{
	size_t na = a->nunits, nb = b->nunits;
	if (na && nb && (nb > max_cells / na || (na < nb ? na : nb) >= UINT16_MAX))
		return -1;
	size_t w = nb + 1;
	uint16_t *lcs = NULL;
	if (na && nb) {
		lcs = h2o_mem_alloc_pool(pool, sizeof *lcs * (na + 1) * w);
		memset(lcs + na * w, 0, sizeof *lcs * w);
		for (size_t i = na; i-- > 0;) {
			uint16_t *row = lcs + i * w, *below = row + w;
			row[nb] = 0;
			for (size_t j = nb; j-- > 0;)
				row[j] = unit_eq(a, i, b, j)	  ? (uint16_t)(below[j + 1] + 1)
					 : below[j] >= row[j + 1] ? below[j]
								  : row[j + 1];
		}
	}
	size_t i = 0, j = 0;
	while (i < na && j < nb) {
		if (lcs[i * w + j] == lcs[(i + 1) * w + j + 1] + 1 && unit_eq(a, i, b, j))
			ops[(*nops)++] = (struct op){OP_SAME, i++, j++};
		else if (lcs[(i + 1) * w + j] >= lcs[i * w + j + 1])
			ops[(*nops)++] = (struct op){OP_DEL, i++, 0};
		else
			ops[(*nops)++] = (struct op){OP_ADD, 0, j++};
	}
	while (i < na)
		ops[(*nops)++] = (struct op){OP_DEL, i++, 0};
	while (j < nb)
		ops[(*nops)++] = (struct op){OP_ADD, 0, j++};
	return 0;
}

/* Appends the lines of each unit op to lines, as line ops with line numbers of the whole texts. */
static void expand(const struct text *a, const struct text *b, const struct op *ops, size_t nops,
		   struct op *lines, size_t *nlines)
{
	for (size_t k = 0; k < nops; k++) {
		const struct unit *ua = ops[k].kind != OP_ADD ? &a->units[ops[k].a] : NULL;
		const struct unit *ub = ops[k].kind != OP_DEL ? &b->units[ops[k].b] : NULL;
		size_t n = ua ? ua->n : ub->n;
		for (size_t m = 0; m < n; m++)
			lines[(*nlines)++] =
			    (struct op){ops[k].kind, ua ? ua->first + m : 0, ub ? ub->first + m : 0};
	}
}

static struct diff_row side_row(enum diff_kind kind, const struct line *old_line, size_t old_no,
				const struct line *new_line, size_t new_no)
{
	struct diff_row r = {.kind = kind};
	if (old_line)
		r.old_text = old_line->p, r.old_len = old_line->len, r.old_no = old_no;
	if (new_line)
		r.new_text = new_line->p, r.new_len = new_line->len, r.new_no = new_no;
	return r;
}

/* Rows from the line script: in each run of changes, the k-th removed line beside the k-th added one. */
static void pair_rows(h2o_mem_pool_t *pool, const struct text *a, const struct text *b, const struct op *ops,
		      size_t nops, struct diff *d)
{
	d->rows = h2o_mem_alloc_pool(pool, sizeof *d->rows * (nops ? nops : 1));
	d->nrows = 0;
	for (size_t k = 0; k < nops;) {
		if (ops[k].kind == OP_SAME) {
			d->rows[d->nrows++] = side_row(DIFF_SAME, &a->lines[ops[k].a], ops[k].a + 1,
						       &b->lines[ops[k].b], ops[k].b + 1);
			d->same++;
			k++;
			continue;
		}
		size_t end = k, ndel = 0, nadd = 0;
		while (end < nops && ops[end].kind != OP_SAME)
			ndel += ops[end].kind == OP_DEL, nadd += ops[end].kind == OP_ADD, end++;
		size_t di = k, ai = k; /* the next removed and added line of this run */
		for (size_t n = 0; n < ndel || n < nadd; n++) {
			while (n < ndel && ops[di].kind != OP_DEL)
				di++;
			while (n < nadd && ops[ai].kind != OP_ADD)
				ai++;
			const struct line *ol = n < ndel ? &a->lines[ops[di].a] : NULL;
			const struct line *nl = n < nadd ? &b->lines[ops[ai].b] : NULL;
			/* a paragraph or block compared whole may pair a line with its equal (never by line)
			 */
			enum diff_kind kind = ol && nl ? (line_eq(ol, nl) ? DIFF_SAME : DIFF_CHANGED)
					      : ol     ? DIFF_REMOVED
						       : DIFF_ADDED;
			d->rows[d->nrows++] =
			    side_row(kind, ol, ol ? ops[di].a + 1 : 0, nl, nl ? ops[ai].b + 1 : 0);
			if (kind == DIFF_SAME)
				d->same++;
			else if (kind == DIFF_CHANGED)
				d->changed++;
			else if (kind == DIFF_REMOVED)
				d->removed++;
			else
				d->added++;
			if (ol)
				di++;
			if (nl)
				ai++;
		}
		k = end;
	}
}

int diff_lines(h2o_mem_pool_t *pool, const char *old_text, size_t old_len, const char *new_text,
	       size_t new_len, size_t max_cells, struct diff *d)
{
	memset(d, 0, sizeof *d);
	if (old_len > DIFF_MAX_BYTES || new_len > DIFF_MAX_BYTES)
		return -1;
	if (!max_cells)
		max_cells = DIFF_MAX_CELLS;
	struct text a = {0}, b = {0};
	a.nlines = split_lines(pool, old_text, old_len, &a.lines);
	b.nlines = split_lines(pool, new_text, new_len, &b.lines);
	/* the lines both start and end with cost nothing to match, and are most of a typical edit */
	size_t pre = 0, suf = 0;
	while (pre < a.nlines && pre < b.nlines && line_eq(&a.lines[pre], &b.lines[pre]))
		pre++;
	while (suf < a.nlines - pre && suf < b.nlines - pre &&
	       line_eq(&a.lines[a.nlines - 1 - suf], &b.lines[b.nlines - 1 - suf]))
		suf++;
	size_t total = a.nlines + b.nlines;
	struct op *ops = h2o_mem_alloc_pool(pool, sizeof *ops * (total ? total : 1));
	struct op *mid = h2o_mem_alloc_pool(pool, sizeof *mid * (total ? total : 1));
	size_t nops = 0, nmid = 0;
	for (size_t i = 0; i < pre; i++)
		ops[nops++] = (struct op){OP_SAME, i, i};
	d->level = DIFF_BY_LINE;
	for (;;) {
		make_units(pool, &a, pre, a.nlines - suf, d->level == DIFF_BY_PARAGRAPH);
		make_units(pool, &b, pre, b.nlines - suf, d->level == DIFF_BY_PARAGRAPH);
		nmid = 0;
		if (d->level == DIFF_BY_BLOCK) {
			for (size_t i = 0; i < a.nunits; i++)
				mid[nmid++] = (struct op){OP_DEL, i, 0};
			for (size_t j = 0; j < b.nunits; j++)
				mid[nmid++] = (struct op){OP_ADD, 0, j};
			break;
		}
		if (lcs_script(pool, &a, &b, max_cells, mid, &nmid) == 0)
			break;
		d->level = d->level == DIFF_BY_LINE ? DIFF_BY_PARAGRAPH : DIFF_BY_BLOCK;
	}
	expand(&a, &b, mid, nmid, ops, &nops);
	for (size_t k = suf; k > 0; k--)
		ops[nops++] = (struct op){OP_SAME, a.nlines - k, b.nlines - k};
	pair_rows(pool, &a, &b, ops, nops, d);
	return 0;
}

void diff_fold(struct diff *d, size_t context)
{
	size_t w = 0, i = 0, n = d->nrows;
	while (i < n) {
		if (d->rows[i].kind != DIFF_SAME) {
			d->rows[w++] = d->rows[i++];
			continue;
		}
		size_t j = i;
		while (j < n && d->rows[j].kind == DIFF_SAME)
			j++;
		size_t head = i > 0 ? context : 0; /* rows kept after the change before the run */
		size_t tail = j < n ? context : 0; /* and before the change after it */
		if (head + tail + 1 >= j - i) {
			while (i < j)
				d->rows[w++] = d->rows[i++];
			continue;
		}
		for (size_t k = 0; k < head; k++)
			d->rows[w++] = d->rows[i + k];
		struct diff_row skip = {.kind = DIFF_SKIPPED,
					.old_no = d->rows[i + head].old_no,
					.new_no = d->rows[i + head].new_no,
					.skipped = j - i - head - tail};
		d->rows[w++] = skip;
		for (size_t k = j - tail; k < j; k++)
			d->rows[w++] = d->rows[k];
		i = j;
	}
	d->nrows = w;
}
