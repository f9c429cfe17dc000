/* import_media: images an import brings from a copy of wp-content/uploads into the media library through the
 * same steps as an upload (type read from the bytes, content hash, libvips renditions), never reading
 * outside that folder. */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/catalog.h"
#include "core/msg.h"
#include "core/text.h"
#include "import/importer.h"
#include "jobs/media.h"
#include "store/media.h"

#define UPLOADS_MARK "/wp-content/uploads/"

const char *unescape(struct importer *im, const char *s, size_t n)
{
	char *out = h2o_mem_alloc_pool(&im->pool, n + 1), *o = out;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '%' && i + 2 < n && isxdigit((unsigned char)s[i + 1]) &&
		    isxdigit((unsigned char)s[i + 2])) {
			char hex[3] = {s[i + 1], s[i + 2], 0};
			c = (unsigned char)strtol(hex, NULL, 16);
			i += 2;
		}
		if (c < 0x20 || c == 0x7f)
			return NULL;
		*o++ = (char)c;
	}
	*o = '\0';
	return out;
}

/* A relative path that cannot climb: no empty, "." or ".." segment, no backslash. */
static int rel_ok(const char *rel)
{
	if (!*rel || *rel == '/' || strchr(rel, '\\'))
		return 0;
	for (const char *seg = rel; *seg;) {
		size_t n = strcspn(seg, "/");
		if (n == 0 || (n == 1 && seg[0] == '.') || (n == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
		seg += n;
		if (*seg == '/')
			seg++;
	}
	return 1;
}

/* realpath of uploads/rel when it exists and lies inside uploads: 1, else 0. */
static int inside(const struct importer *im, const char *rel, char *out)
{
	char joined[PATH_MAX * 2];
	snprintf(joined, sizeof joined, "%s/%s", im->uploads, rel);
	char real[PATH_MAX];
	if (!realpath(joined, real))
		return 0;
	size_t n = strlen(im->uploads);
	if (strncmp(real, im->uploads, n) != 0 || real[n] != '/')
		return -1;
	memcpy(out, real, strlen(real) + 1);
	return 1;
}

/* "photo-300x200.jpg" → "photo.jpg": WordPress's resized copies name the original */
static int original_name(const char *rel, char *out, size_t n)
{
	const char *dot = strrchr(rel, '.');
	const char *slash = strrchr(rel, '/');
	if (!dot || (slash && dot < slash))
		return 0;
	const char *dash = dot;
	while (dash > rel && dash[-1] != '-' && dash[-1] != '/')
		dash--;
	if (dash == rel || dash[-1] != '-')
		return 0;
	const char *x = dash;
	size_t digits = strspn(x, "0123456789");
	if (!digits || x[digits] != 'x' ||
	    strspn(x + digits + 1, "0123456789") != (size_t)(dot - x - digits - 1) || dot == x + digits + 1)
		return 0;
	snprintf(out, n, "%.*s%s", (int)(dash - 1 - rel), rel, dot);
	return 1;
}

int image_file(struct importer *im, const char *url_or_path, char *out, size_t n, const char **why)
{
	const char *rel = url_or_path;
	size_t len;
	if (strstr(url_or_path, "://") || url_or_path[0] == '/') {
		const char *at = strstr(url_or_path, UPLOADS_MARK);
		if (!at) {
			*why = "not a file of wp-content/uploads";
			return 0;
		}
		rel = at + strlen(UPLOADS_MARK);
	}
	len = strcspn(rel, "?#");
	if (!im->uploads[0]) {
		*why = "no --uploads folder was given";
		return 0;
	}
	const char *decoded = unescape(im, rel, len);
	if (!decoded || strlen(decoded) >= PATH_MAX || !rel_ok(decoded)) {
		*why = "its path leaves the uploads folder";
		return 0;
	}
	char real[PATH_MAX], orig[PATH_MAX];
	int found = inside(im, decoded, real);
	if (found == 0 && original_name(decoded, orig, sizeof orig))
		found = inside(im, orig, real);
	if (found < 0) {
		*why = "it links outside the uploads folder";
		return 0;
	}
	if (found == 0) {
		*why = "not found in the uploads folder";
		return 0;
	}
	if (strlen(real) + 1 > n) {
		*why = "its path is too long";
		return 0;
	}
	memcpy(out, real, strlen(real) + 1);
	return 1;
}

/* The URL a body shows an image at: the widest rendition up to 1280 pixels, as the article page does. */
static const char *body_url(struct importer *im, const char *hash, const char *kind, int64_t width)
{
	int ws[MEDIA_MAX_WIDTHS];
	size_t nw = media_widths(width, ws);
	char *url = h2o_mem_alloc_pool(&im->pool, 128);
	media_url(hash, kind, ws[nw - 1] > 1280 && nw > 1 ? ws[nw - 2] : ws[nw - 1], url, 128);
	return url;
}

static void remember_written(struct importer *im, const char *hash, const char *kind, int64_t width)
{
	if (im->nwritten == im->written_cap) {
		size_t cap = im->written_cap ? im->written_cap * 2 : 64;
		struct written_image *w = realloc(im->written, cap * sizeof *w);
		if (!w)
			return; /* the files stay: an orphan, never a wrong page */
		im->written = w;
		im->written_cap = cap;
	}
	struct written_image *w = &im->written[im->nwritten++];
	snprintf(w->hash, sizeof w->hash, "%s", hash);
	snprintf(w->kind, sizeof w->kind, "%s", kind);
	w->width = width;
}

/* What this run met: images by the digest of "h" + their hash and files by that of "p" + their real path,
 * each with the image it is; open addressing, doubled when half full. */
static uint64_t seen_key(const char *kind, const char *s)
{
	return (text_hash(s, strlen(s)) * 31 + (unsigned char)kind[0]) | 1; /* 0 marks a free slot */
}

static struct image_seen *seen_find(struct importer *im, uint64_t key)
{
	if (!im->seen_cap)
		return NULL;
	for (size_t k = key & (im->seen_cap - 1); im->seen[k].key; k = (k + 1) & (im->seen_cap - 1))
		if (im->seen[k].key == key)
			return &im->seen[k];
	return NULL;
}

/* A new entry for key (not there yet), or NULL when memory runs out (the run then only redoes work). */
static struct image_seen *seen_add(struct importer *im, uint64_t key)
{
	if (im->nseen * 2 >= im->seen_cap) {
		size_t cap = im->seen_cap ? im->seen_cap * 2 : 1024;
		struct image_seen *t = calloc(cap, sizeof *t);
		if (!t)
			return NULL;
		for (size_t i = 0; i < im->seen_cap; i++) {
			if (!im->seen[i].key)
				continue;
			size_t k = im->seen[i].key & (cap - 1);
			while (t[k].key)
				k = (k + 1) & (cap - 1);
			t[k] = im->seen[i];
		}
		free(im->seen);
		im->seen = t;
		im->seen_cap = cap;
	}
	size_t k = key & (im->seen_cap - 1);
	while (im->seen[k].key)
		k = (k + 1) & (im->seen_cap - 1);
	im->seen[k].key = key;
	im->nseen++;
	return &im->seen[k];
}

int image_met(struct importer *im, const char *hash)
{
	uint64_t key = seen_key("h", hash);
	if (seen_find(im, key))
		return 1;
	seen_add(im, key);
	return 0;
}

/* Keeps what file became, so its next use reads neither the file nor the database. */
static void file_met(struct importer *im, const char *file, int64_t media_id, const char *hash,
		     const char *kind, int64_t width)
{
	struct image_seen *e = seen_add(im, seen_key("p", file));
	if (!e)
		return;
	e->media_id = media_id;
	e->width = width;
	snprintf(e->hash, sizeof e->hash, "%s", hash);
	snprintf(e->kind, sizeof e->kind, "%s", kind);
}

/* A message in the theme's base language, as the import's report says the rest (the key and its values when
 * the catalog cannot be read). In the item's pool. */
static const char *base_text(struct importer *im, const struct msg *m)
{
	char path[sizeof im->cfg->theme + 64], err[300];
	snprintf(path, sizeof path, "%s/i18n/%s.json", im->cfg->theme, im->cfg->default_language);
	struct catalog *base = catalog_load(path, im->cfg->default_language, err, sizeof err);
	if (!base) {
		msg_describe(m, err, sizeof err);
		return mem_strndup(&im->pool, err, strlen(err));
	}
	const struct catalog *chain[1] = {base};
	const char *t = msg_text(&im->pool, chain, 1, m);
	catalog_free(base);
	return t;
}

int image_import(struct importer *im, const char *file, const char *alt, int64_t *media_id, const char **url,
		 const char **why)
{
	const struct image_seen *met = seen_find(im, seen_key("p", file));
	if (met) { /* a file many posts show: read once */
		*media_id = met->media_id;
		*url = body_url(im, met->hash, met->kind, met->width);
		return 1;
	}
	int fd = open(file, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		if (fd >= 0)
			close(fd);
		*why = "it cannot be read";
		return 0;
	}
	if (st.st_size > (int64_t)im->cfg->upload_max_mb << 20) {
		close(fd);
		*why = "it is larger than upload_max_mb";
		return 0;
	}
	unsigned char head[16] = {0};
	const char *kind = pread(fd, head, sizeof head, 0) > 0 ? media_sniff(head, sizeof head) : NULL;
	char hash[MEDIA_HASH_LEN + 1];
	int64_t size = 0;
	if (!kind || media_hash_file(fd, hash, &size) != 0) {
		close(fd);
		*why = kind ? "it cannot be read" : "it is not a JPEG, PNG or WebP image";
		return 0;
	}
	close(fd);
	int64_t have = store_media_find(im->s, im->site->id, hash);
	if (have < 0)
		return -1;
	if (have) {
		struct media m;
		if (store_media_by_id(im->s, &im->pool, im->site->id, have, &m) != 1)
			return -1;
		*media_id = have;
		*url = body_url(im, m.hash, m.kind, m.width);
		if (!image_met(im, hash))
			report_count(&im->rep, K_IMAGES, O_UNCHANGED);
		file_met(im, file, have, m.hash, m.kind, m.width);
		return 1;
	}
	int again = image_met(im, hash);
	if (!again)
		report_count(&im->rep, K_IMAGES, O_CREATED);
	if (im->dry_run) { /* everything but the decoding: no file is written */
		*media_id = 0;
		*url = body_url(im, hash, kind, 1280);
		file_met(im, file, 0, hash, kind, 1280);
		return 1;
	}
	int used = store_media_hash_used(im->s, hash);
	if (used < 0)
		return -1;
	int width = 0, height = 0;
	struct msg err;
	if (media_process(file, kind, im->cfg->media_dir, hash, &width, &height, &err) != 0) {
		im->rep.n[K_IMAGES][O_CREATED] -= !again;
		*why = base_text(im, &err);
		return 0;
	}
	if (!used)
		remember_written(im, hash, kind, width);
	const char *base = strrchr(file, '/');
	base = base ? base + 1 : file;
	/* no alt text in WordPress: the file's name stands in, flagged for an editor to replace */
	char named[200];
	size_t k = 0;
	for (const char *c = base; *c && *c != '.' && k + 1 < sizeof named; c++)
		named[k++] = *c == '-' || *c == '_' ? ' ' : *c;
	named[k] = '\0';
	struct media m = {.hash = hash,
			  .kind = kind,
			  .width = width,
			  .height = height,
			  .bytes = size,
			  .alt = alt && *alt ? alt
				 : k	     ? named
					     : "image",
			  .credit = "",
			  .original_name = base,
			  .needs_alt = !(alt && *alt)};
	if (store_media_add(im->s, im->site->id, &m, 0, media_id) == SAVE_ERROR)
		return -1;
	*url = body_url(im, hash, kind, width);
	file_met(im, file, *media_id, hash, kind, width);
	return 1;
}

void images_forget(struct importer *im)
{
	for (size_t i = 0; i < im->nwritten; i++) {
		struct written_image *w = &im->written[i];
		if (store_media_hash_used(im->s, w->hash) == 0)
			media_remove(im->cfg->media_dir, w->hash, w->kind, w->width);
	}
	im->nwritten = 0;
}
