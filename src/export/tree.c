/* tree: the static export's output folder: a file is replaced only when its bytes change, and a manifest
 * lists what the export wrote so the next one deletes only its own files. */
#include "export/tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/dirs.h"
#include "core/log.h"
#include "export/set.h"

#define TMP_SUFFIX ".plenary-tmp"

struct export_tree {
	char dir[PATH_MAX];
	h2o_mem_pool_t pool;
	struct strset before, now; /* the previous manifest's files, and those put by this export */
	struct tree_counts counts;
	char made[PATH_MAX]; /* the last folder known to exist, to skip mkdir for its next files */
	buf scratch;	     /* an existing file's bytes, to compare */
};

int tree_path_ok(const char *rel)
{
	if (!rel[0] || rel[0] == '/' || strcmp(rel, TREE_MANIFEST) == 0 || strlen(rel) >= PATH_MAX / 2)
		return 0;
	size_t n = strlen(rel);
	if (n > sizeof TMP_SUFFIX && strstr(rel, TMP_SUFFIX))
		return 0;
	for (const char *seg = rel; seg;) {
		const char *end = strchr(seg, '/');
		size_t len = end ? (size_t)(end - seg) : strlen(seg);
		if (len == 0 || (len == 1 && seg[0] == '.') || (len == 2 && seg[0] == '.' && seg[1] == '.'))
			return 0;
		seg = end ? end + 1 : NULL;
	}
	for (const char *p = rel; *p; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* Reads the manifest's paths into t->before; a missing manifest is an empty one. */
static int read_manifest(struct export_tree *t, int *had)
{
	char path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/%s", t->dir, TREE_MANIFEST);
	FILE *f = fopen(path, "r");
	*had = f != NULL;
	if (!f)
		return errno == ENOENT ? 0 : -1;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	int added;
	while ((len = getline(&line, &cap, f)) > 0) {
		while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (len && line[0] != '#' && tree_path_ok(line)) /* never anything outside the folder */
			set_add(&t->before, line, (size_t)len, &added);
	}
	free(line);
	int rc = ferror(f) ? -1 : 0;
	fclose(f);
	return rc;
}

static int folder_is_empty(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 1;
	struct dirent *e;
	int empty = 1;
	while (empty && (e = readdir(d)) != NULL)
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(d);
	return empty;
}

struct export_tree *tree_open(const char *dir, int force, char *err, size_t errlen)
{
	struct export_tree *t = calloc(1, sizeof *t);
	if (!t)
		die("out of memory");
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	if (n == 0 || n >= sizeof t->dir - 1) {
		snprintf(err, errlen, "the folder name is empty or too long");
		free(t);
		return NULL;
	}
	memcpy(t->dir, dir, n);
	h2o_mem_init_pool(&t->pool);
	set_init(&t->before, &t->pool);
	set_init(&t->now, &t->pool);
	buf_init(&t->scratch, NULL);
	int had = 0;
	struct stat st;
	if ((dir_make(t->dir, 0755) != 0 && errno != ENOTDIR) || stat(t->dir, &st) != 0) {
		snprintf(err, errlen, "%s: %s", t->dir, strerror(errno));
	} else if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s is not a folder", t->dir);
	} else if (read_manifest(t, &had) != 0) {
		snprintf(err, errlen, "%s/%s: %s", t->dir, TREE_MANIFEST, strerror(errno));
	} else if (!had && !force && !folder_is_empty(t->dir)) {
		snprintf(
		    err, errlen,
		    "%s has files but no %s, so it was not made by plenary export: choose an empty or new "
		    "folder, or add --force to write into it (files of the same names are replaced; no "
		    "other file is touched)",
		    t->dir, TREE_MANIFEST);
	} else {
		return t;
	}
	tree_close(t);
	return NULL;
}

/* 1 when the file at path holds exactly these bytes. */
static int same_bytes(struct export_tree *t, const char *path, const void *data, size_t len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return 0;
	struct stat st;
	int same = 0;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && (size_t)st.st_size == len) {
		buf_reset(&t->scratch);
		buf_reserve(&t->scratch, len);
		size_t got = 0;
		ssize_t r;
		while (got < len && (r = read(fd, t->scratch.p + got, len - got)) > 0)
			got += (size_t)r;
		same = got == len && memcmp(t->scratch.p, data, len) == 0;
	}
	close(fd);
	return same;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len) {
		ssize_t w = write(fd, p, len);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return -1;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

/* Writes the bytes to a temporary file in path's folder (made when missing) and renames it to path, so a
 * reader of the folder (nginx) sees the old file or the new one, never half of one. */
static int replace_file(struct export_tree *t, char *path, const void *data, size_t len)
{
	char *slash = strrchr(path, '/');
	*slash = '\0';
	int rc = strcmp(path, t->made) == 0 ? 0 : dir_make(path, 0755);
	if (rc == 0)
		snprintf(t->made, sizeof t->made, "%s", path);
	*slash = '/';
	if (rc != 0)
		return -1;
	char tmp[PATH_MAX + 64];
	snprintf(tmp, sizeof tmp, "%s" TMP_SUFFIX "%ld", path, (long)getpid());
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	return 0;
}

int tree_put(struct export_tree *t, const char *rel, const void *data, size_t len)
{
	char path[PATH_MAX + PATH_MAX / 2];
	int added;
	if (!tree_path_ok(rel)) {
		errno = EINVAL;
		t->counts.failed++;
		return -1;
	}
	snprintf(path, sizeof path, "%s/%s", t->dir, rel);
	set_add(&t->now, rel, strlen(rel), &added);
	t->counts.bytes_total += len;
	if (same_bytes(t, path, data, len)) {
		t->counts.unchanged++;
		return 0;
	}
	if (replace_file(t, path, data, len) != 0) {
		t->counts.failed++;
		return -1;
	}
	t->counts.written++;
	t->counts.bytes_written += len;
	return 1;
}

void tree_prune(struct export_tree *t)
{
	char path[PATH_MAX + PATH_MAX / 2];
	size_t dirlen = strlen(t->dir);
	for (size_t i = 0; i < t->before.count; i++) {
		const char *rel = t->before.order[i];
		if (set_has(&t->now, rel, strlen(rel)))
			continue;
		snprintf(path, sizeof path, "%s/%s", t->dir, rel);
		struct stat st;
		if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode))
			continue; /* gone already, or replaced by something that is not our file */
		if (unlink(path) != 0) {
			log_warn("export: cannot delete %s: %s", path, strerror(errno));
			continue;
		}
		t->counts.removed++;
		/* the folders it leaves empty, up to the export's own folder (rmdir fails on a full one) */
		for (char *slash; (slash = strrchr(path, '/')) != NULL && (size_t)(slash - path) > dirlen;) {
			*slash = '\0';
			if (rmdir(path) != 0)
				break;
		}
	}
}

int tree_save(struct export_tree *t, int complete)
{
	char path[PATH_MAX + 32], tmp[PATH_MAX + 64];
	snprintf(path, sizeof path, "%s/%s", t->dir, TREE_MANIFEST);
	snprintf(tmp, sizeof tmp, "%s" TMP_SUFFIX "%ld", path, (long)getpid());
	FILE *f = fopen(tmp, "w");
	if (!f)
		return -1;
	fprintf(f, "# plenary export --static: the files this export wrote; the next export into this folder "
		   "deletes only files listed here\n");
	for (size_t i = 0; i < t->now.count; i++)
		fprintf(f, "%s\n", t->now.order[i]);
	if (!complete)
		for (size_t i = 0; i < t->before.count; i++)
			if (!set_has(&t->now, t->before.order[i], strlen(t->before.order[i])))
				fprintf(f, "%s\n", t->before.order[i]);
	int bad = ferror(f);
	if (fclose(f) != 0 || bad || rename(tmp, path) != 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		return -1;
	}
	return 0;
}

const struct tree_counts *tree_counts(const struct export_tree *t)
{
	return &t->counts;
}

void tree_close(struct export_tree *t)
{
	if (!t)
		return;
	set_free(&t->before);
	set_free(&t->now);
	buf_free(&t->scratch);
	h2o_mem_clear_pool(&t->pool);
	free(t);
}
