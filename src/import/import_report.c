/* import_report: what an import did, counted per kind, each skipped or changed item on a line of its own,
 * and its progress on stderr (a bar on a terminal, a line per tenth otherwise). */
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

#include "import/importer.h"

static const char *const kind_names[K_KINDS] = {"articles", "pages",  "sections", "topics",
						"authors",  "images", "redirects"};

int report_open(struct import_report *r, int64_t size)
{
	memset(r, 0, sizeof *r);
	r->lines = tmpfile();
	r->tty = isatty(STDERR_FILENO);
	r->size = size;
	r->last_step = -1;
	return r->lines ? 0 : -1;
}

void report_close(struct import_report *r)
{
	if (r->lines)
		fclose(r->lines);
	r->lines = NULL;
}

void report_count(struct import_report *r, enum import_kind k, enum import_outcome o)
{
	r->n[k][o]++;
}

void report_item(struct import_report *r, const char *type, int64_t id, const char *title, int skipped,
		 const char *fmt, ...)
{
	/* the title on one line, at most 80 characters, with quotes in it kept readable */
	char shown[96];
	size_t k = 0;
	for (const char *c = title ? title : ""; *c && k < 80; c++)
		shown[k++] = (*c == '\n' || *c == '\r' || *c == '\t') ? ' ' : *c;
	while (k > 0 && ((unsigned char)shown[k - 1] & 0xC0) == 0x80) /* no cut character */
		k--;
	if (k > 0 && (unsigned char)shown[k - 1] >= 0xC0)
		k--;
	shown[k] = '\0';
	fprintf(r->lines, "  %s %lld \"%s\": %s: ", type, (long long)id, shown,
		skipped ? "skipped" : "changed");
	va_list ap;
	va_start(ap, fmt);
	vfprintf(r->lines, fmt, ap);
	va_end(ap);
	fputc('\n', r->lines);
	r->notes++;
}

void report_progress(struct import_report *r, int64_t bytes)
{
	if (r->size > 0) {
		int pct = (int)(bytes * 100 / r->size);
		if (pct > 100)
			pct = 100;
		if (r->tty && pct != r->last_step) {
			char bar[41];
			memset(bar, '#', (size_t)pct * 40 / 100);
			memset(bar + pct * 40 / 100, '.', 40 - (size_t)pct * 40 / 100);
			bar[40] = '\0';
			fprintf(stderr, "\r[%s] %3d%%  %lld items", bar, pct, (long long)r->items);
			r->last_step = pct;
		} else if (!r->tty && pct / 10 != r->last_step) {
			fprintf(stderr, "import: %d%% read, %lld items\n", pct / 10 * 10,
				(long long)r->items);
			r->last_step = pct / 10;
		}
		return;
	}
	/* a pipe: its size is unknown, so count the items */
	if (r->items - r->shown >= 1000) {
		fprintf(stderr, r->tty ? "\r%lld items" : "import: %lld items\n", (long long)r->items);
		r->shown = r->items;
	}
}

void report_progress_done(struct import_report *r)
{
	if (r->tty)
		fputc('\n', stderr);
}

void report_print(struct import_report *r, FILE *out)
{
	for (int k = 0; k < K_KINDS; k++)
		fprintf(out, "  %s: %lld created, %lld updated, %lld unchanged, %lld skipped\n",
			kind_names[k], (long long)r->n[k][O_CREATED], (long long)r->n[k][O_UPDATED],
			(long long)r->n[k][O_UNCHANGED], (long long)r->n[k][O_SKIPPED]);
	if (r->comments)
		fprintf(out, "  comments: %lld not imported (Plenary has no comments)\n",
			(long long)r->comments);
	if (!r->notes)
		return;
	fprintf(out, "Skipped and changed:\n");
	rewind(r->lines);
	char block[8192];
	size_t got;
	while ((got = fread(block, 1, sizeof block, r->lines)) > 0)
		fwrite(block, 1, got, out);
}
