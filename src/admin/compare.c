/* compare: a revision beside the current text, as the rows of the side-by-side diff on the revisions page. */
#include <stdio.h>
#include <string.h>

#include "admin/articles.h"
#include "admin/diff.h"
#include "core/buf.h"
#include "http/lang.h"
#include "store/store.h"
#include "store/editorial.h"

#define CONTEXT_LINES 3	    /* unchanged lines shown around each change */
#define MAX_ROWS_SHOWN 5000 /* per text: a page that stays usable, whatever the revision */

static void count_lines(struct request *r, buf *b, size_t n, const char *key)
{
	if (n)
		buf_printf(b, "%s%s", b->len ? ", " : "", req_plural(r, key, (long long)n, NULL));
}

/* "unchanged", or "2 lines changed, 1 line added, 3 lines removed" */
static const char *changes_text(struct request *r, const struct diff *d)
{
	buf b;
	buf_init(&b, r->pool);
	if (!diff_changed(d))
		return req_text(r, "admin.compare.unchanged");
	count_lines(r, &b, d->changed, "admin.compare.lines_changed");
	count_lines(r, &b, d->added, "admin.compare.lines_added");
	count_lines(r, &b, d->removed, "admin.compare.lines_removed");
	return buf_cstr(&b);
}

static void add_row(struct request *r, view *rows, const struct diff_row *d)
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
	view_str(
	    x, "old_label",
	    req_text(r, d->kind == DIFF_CHANGED ? "admin.compare.changed_from" : "admin.compare.removed"));
	view_str(x, "new_label",
		 req_text(r, d->kind == DIFF_CHANGED ? "admin.compare.changed_to" : "admin.compare.added"));
}

/* A note on how a text was compared: admin.compare.KIND.NAME ("too_long", "title"). */
static void add_note(struct request *r, view *notes, const char *kind, const char *name)
{
	char key[64];
	snprintf(key, sizeof key, "admin.compare.%s.%s", kind, name);
	view_str(view_push(notes), "text", req_text(r, key));
}

/* One text (title, summary or body): its rows, what changed, and a note when compared coarsely. */
static int add_field(struct request *r, view *fields, view *notes, const char *label, const char *name,
		     const char *old_text, const char *new_text)
{
	struct diff d;
	h2o_mem_pool_t *pool = r->pool;
	view *f = view_push(fields);
	view_str(f, "label", req_text(r, label));
	view *rows = view_list(f, "rows");
	if (diff_lines(pool, old_text, strlen(old_text), new_text, strlen(new_text), 0, &d) != 0) {
		view_str(f, "changes", req_text(r, "admin.compare.too_long"));
		view_bool(f, "changed", strcmp(old_text, new_text) != 0);
		add_note(r, notes, "note_too_long", name);
		return strcmp(old_text, new_text) != 0;
	}
	if (d.level == DIFF_BY_PARAGRAPH)
		add_note(r, notes, "note_by_paragraph", name);
	else if (d.level == DIFF_BY_BLOCK)
		add_note(r, notes, "note_by_block", name);
	view_str(f, "changes", changes_text(r, &d));
	view_bool(f, "changed", diff_changed(&d));
	diff_fold(&d, CONTEXT_LINES);
	size_t shown = d.nrows < MAX_ROWS_SHOWN ? d.nrows : MAX_ROWS_SHOWN;
	for (size_t i = 0; i < shown; i++)
		add_row(r, rows, &d.rows[i]);
	view_int(f, "rows_left", (long long)(d.nrows - shown));
	return diff_changed(&d);
}

void view_compare(view *cmp, struct request *r, const struct revision *rev, const struct article *a)
{
	view *fields = view_list(cmp, "fields");
	view *notes = view_list(cmp, "notes");
	int changed = add_field(r, fields, notes, "admin.common.title", "title", rev->title, a->title);
	changed |= add_field(r, fields, notes, "admin.common.summary", "summary", rev->summary, a->summary);
	changed |= add_field(r, fields, notes, "admin.compare.body", "body", rev->body, a->body);
	view_bool(cmp, "identical", !changed);
	view_bool(cmp, "has_notes", view_len(notes) > 0);
}
