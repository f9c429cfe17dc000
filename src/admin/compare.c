/* compare: a revision beside the current text, as the rows of the side-by-side diff on the revisions page. */
#include <string.h>

#include "admin/articles.h"
#include "admin/diff.h"
#include "core/buf.h"
#include "store/store.h"

#define CONTEXT_LINES 3	    /* unchanged lines shown around each change */
#define MAX_ROWS_SHOWN 5000 /* per text: a page that stays usable, whatever the revision */

static void count_words(buf *b, size_t n, const char *one, const char *many, const char *what)
{
	if (!n)
		return;
	buf_printf(b, "%s%zu %s %s", b->len ? ", " : "", n, n == 1 ? one : many, what);
}

/* "unchanged", or "2 lines changed, 1 line added, 3 lines removed" */
static const char *changes_text(h2o_mem_pool_t *pool, const struct diff *d)
{
	buf b;
	buf_init(&b, pool);
	if (!diff_changed(d))
		return "unchanged";
	count_words(&b, d->changed, "line", "lines", "changed");
	count_words(&b, d->added, "line", "lines", "added");
	count_words(&b, d->removed, "line", "lines", "removed");
	return buf_cstr(&b);
}

static void add_row(view *rows, const struct diff_row *d)
{
	static const char *const kinds[] = {"same", "removed", "added", "changed", "skip"};
	view *x = view_push(rows);
	view_str(x, "kind", kinds[d->kind]);
	view_bool(x, "skip", d->kind == DIFF_SKIPPED);
	view_int(x, "skipped", (long long)d->skipped);
	view_bool(x, "has_old", d->old_text != NULL);
	view_bool(x, "has_new", d->new_text != NULL);
	view_int(x, "old_no", (long long)d->old_no);
	view_int(x, "new_no", (long long)d->new_no);
	view_strn(x, "old", d->old_text ? d->old_text : "", d->old_len);
	view_strn(x, "new", d->new_text ? d->new_text : "", d->new_len);
	/* the change is said in words (for screen readers) and by a sign, not only by a colour */
	view_bool(x, "old_marked", d->kind == DIFF_REMOVED || d->kind == DIFF_CHANGED);
	view_bool(x, "new_marked", d->kind == DIFF_ADDED || d->kind == DIFF_CHANGED);
	view_str(x, "old_label", d->kind == DIFF_CHANGED ? "Changed from" : "Removed");
	view_str(x, "new_label", d->kind == DIFF_CHANGED ? "Changed to" : "Added");
}

/* One text (title, summary or body): its rows, what changed, and a note when compared coarsely. */
static int add_field(view *fields, view *notes, h2o_mem_pool_t *pool, const char *label, const char *name,
		     const char *old_text, const char *new_text)
{
	struct diff d;
	view *f = view_push(fields);
	view_str(f, "label", label);
	view *rows = view_list(f, "rows");
	buf note;
	buf_init(&note, pool);
	if (diff_lines(pool, old_text, strlen(old_text), new_text, strlen(new_text), 0, &d) != 0) {
		view_str(f, "changes", "too long to compare");
		view_bool(f, "changed", strcmp(old_text, new_text) != 0);
		buf_printf(&note, "The %s is too long to compare line by line.", name);
		view_str(view_push(notes), "text", buf_cstr(&note));
		return strcmp(old_text, new_text) != 0;
	}
	if (d.level == DIFF_BY_PARAGRAPH)
		buf_printf(&note,
			   "The %s has too many changed lines to compare line by line: it is compared "
			   "paragraph by paragraph.",
			   name);
	else if (d.level == DIFF_BY_BLOCK)
		buf_printf(&note,
			   "The %s has too many changed lines to compare line by line: only the lines it "
			   "starts and ends with are matched, and everything between is shown as changed.",
			   name);
	if (note.len)
		view_str(view_push(notes), "text", buf_cstr(&note));
	view_str(f, "changes", changes_text(pool, &d));
	view_bool(f, "changed", diff_changed(&d));
	diff_fold(&d, CONTEXT_LINES);
	size_t shown = d.nrows < MAX_ROWS_SHOWN ? d.nrows : MAX_ROWS_SHOWN;
	for (size_t i = 0; i < shown; i++)
		add_row(rows, &d.rows[i]);
	view_int(f, "rows_left", (long long)(d.nrows - shown));
	return diff_changed(&d);
}

void view_compare(view *cmp, h2o_mem_pool_t *pool, const struct revision *rev, const struct article *a)
{
	view *fields = view_list(cmp, "fields");
	view *notes = view_list(cmp, "notes");
	int changed = add_field(fields, notes, pool, "Title", "title", rev->title, a->title);
	changed |= add_field(fields, notes, pool, "Summary", "summary", rev->summary, a->summary);
	changed |= add_field(fields, notes, pool, "Body", "body", rev->body, a->body);
	view_bool(cmp, "identical", !changed);
	view_bool(cmp, "has_notes", view_len(notes) > 0);
}
