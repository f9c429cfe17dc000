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
	int dirfd; /* the folder, opened without following a symbolic link; every path is resolved from it */
	h2o_mem_pool_t pool;
	struct strset before, now; /* the previous manifest's files, and those put by this export */
	struct tree_counts counts;
	char
	    made[PATH_MAX]; /* the folder (relative) of the last file put, open as madefd for the next ones */
	int madefd;
	buf scratch; /* an existing file's bytes, to compare */
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

/* Opens the folder that holds rel (its first n bytes name the folder) under t->dirfd one segment at a
 * time, never following a symbolic link (ELOOP or ENOTDIR), making missing folders when create is set.
 * Returns a new descriptor, or -1 with errno. */
static int open_folder(struct export_tree *t, const char *rel, size_t n, int create)
{
	int fd = dup(t->dirfd);
	char seg[NAME_MAX + 1];
	for (size_t i = 0; fd >= 0 && i < n;) {
		size_t len = strcspn(rel + i, "/");
		if (len > n - i)
			len = n - i;
		if (len == 0 || len > NAME_MAX) {
			close(fd);
			errno = EINVAL;
			return -1;
		}
		memcpy(seg, rel + i, len);
		seg[len] = '\0';
		if (create && mkdirat(fd, seg, 0755) != 0 && errno != EEXIST) {
			int e = errno;
			close(fd);
			errno = e;
			return -1;
		}
		int next = openat(fd, seg, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		int e = errno;
		close(fd);
		errno = e;
		fd = next;
		i += len + 1;
	}
	return fd;
}

/* The descriptor of rel's folder (kept open for the next file in it; do not close it) and, in *leaf,
 * rel's last segment; -1 with errno. */
static int folder_of(struct export_tree *t, const char *rel, int create, const char **leaf)
{
	const char *slash = strrchr(rel, '/');
	size_t n = slash ? (size_t)(slash - rel) : 0;
	*leaf = slash ? slash + 1 : rel;
	if (t->madefd >= 0 && strlen(t->made) == n && strncmp(t->made, rel, n) == 0)
		return t->madefd;
	int fd = open_folder(t, rel, n, create);
	if (fd < 0)
		return -1;
	if (t->madefd >= 0)
		close(t->madefd);
	t->madefd = fd;
	memcpy(t->made, rel, n);
	t->made[n] = '\0';
	return fd;
}

/* Reads the manifest's paths into t->before; a missing manifest is an empty one. */
static int read_manifest(struct export_tree *t, int *had)
{
	int fd = openat(t->dirfd, TREE_MANIFEST, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	FILE *f = fd >= 0 ? fdopen(fd, "r") : NULL;
	*had = f != NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		return errno == ENOENT ? 0 : -1;
	}
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

static int folder_is_empty(int dirfd)
{
	int fd = dup(dirfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return 1;
	}
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
	t->dirfd = -1;
	t->madefd = -1;
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
	t->madefd = -1;
	int had = 0;
	struct stat st;
	/* the folder itself may not be a symbolic link: --force would write and delete wherever it points */
	if ((dir_make(t->dir, 0755) != 0 && errno != ENOTDIR) || lstat(t->dir, &st) != 0) {
		snprintf(err, errlen, "%s: %s", t->dir, strerror(errno));
	} else if (S_ISLNK(st.st_mode)) {
		snprintf(err, errlen, "%s is a symbolic link: name the folder itself", t->dir);
	} else if (!S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s is not a folder", t->dir);
	} else if ((t->dirfd = open(t->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0) {
		snprintf(err, errlen, "%s: %s", t->dir,
			 errno == ELOOP ? "is a symbolic link" : strerror(errno));
	} else if (read_manifest(t, &had) != 0) {
		snprintf(err, errlen, "%s/%s: %s", t->dir, TREE_MANIFEST, strerror(errno));
	} else if (!had && !force && !folder_is_empty(t->dirfd)) {
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
static int same_bytes(struct export_tree *t, int dirfd, const char *leaf, const void *data, size_t len)
{
	int fd = openat(dirfd, leaf, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
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

/* Writes the bytes to a temporary file in leaf's folder dirfd and renames it to leaf, so a reader of the
 * folder (nginx) sees the old file or the new one, never half of one. A symbolic link at leaf is
 * replaced, not followed. */
static int replace_file(int dirfd, const char *leaf, const void *data, size_t len)
{
	char tmp[NAME_MAX + 64];
	snprintf(tmp, sizeof tmp, "%.*s" TMP_SUFFIX "%ld", NAME_MAX, leaf, (long)getpid());
	int fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	if (write_all(fd, data, len) != 0 || close(fd) != 0 || renameat(dirfd, tmp, dirfd, leaf) != 0) {
		int e = errno;
		unlinkat(dirfd, tmp, 0);
		errno = e;
		return -1;
	}
	return 0;
}

int tree_put(struct export_tree *t, const char *rel, const void *data, size_t len)
{
	int added;
	if (!tree_path_ok(rel)) {
		errno = EINVAL;
		t->counts.failed++;
		return -1;
	}
	set_add(&t->now, rel, strlen(rel), &added);
	t->counts.bytes_total += len;
	const char *leaf;
	int dirfd = folder_of(t, rel, 1, &leaf);
	if (dirfd < 0) {
		log_warn("export: cannot write %s/%s: %s", t->dir, rel,
			 errno == ELOOP || errno == ENOTDIR
			     ? "a folder on its way is a symbolic link or a file"
			     : strerror(errno));
		t->counts.failed++;
		return -1;
	}
	if (same_bytes(t, dirfd, leaf, data, len)) {
		t->counts.unchanged++;
		return 0;
	}
	if (replace_file(dirfd, leaf, data, len) != 0) {
		t->counts.failed++;
		return -1;
	}
	t->counts.written++;
	t->counts.bytes_written += len;
	return 1;
}

int tree_link(struct export_tree *t, const char *rel, const char *src)
{
	int added;
	struct stat from, to;
	if (!tree_path_ok(rel) || stat(src, &from) != 0 || !S_ISREG(from.st_mode)) {
		log_warn("export: cannot put %s as %s/%s: %s", src, t->dir, rel,
			 tree_path_ok(rel) ? strerror(errno) : "not a file name");
		t->counts.failed++;
		return -1;
	}
	set_add(&t->now, rel, strlen(rel), &added);
	t->counts.bytes_total += (uint64_t)from.st_size;
	const char *leaf;
	int dirfd = folder_of(t, rel, 1, &leaf);
	if (dirfd < 0) {
		t->counts.failed++;
		return -1;
	}
	/* the name holds the content's hash: the same name and size is the same file */
	if (fstatat(dirfd, leaf, &to, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(to.st_mode) &&
	    to.st_size == from.st_size) {
		t->counts.unchanged++;
		return 0;
	}
	char tmp[NAME_MAX + 64];
	snprintf(tmp, sizeof tmp, "%.*s" TMP_SUFFIX "%ld", NAME_MAX, leaf, (long)getpid());
	unlinkat(dirfd, tmp, 0);
	int ok = linkat(AT_FDCWD, src, dirfd, tmp, 0) == 0;
	if (!ok && errno == EXDEV) { /* another file system: a copy, in the kernel */
		int in = open(src, O_RDONLY | O_CLOEXEC), out = -1;
		if (in >= 0 &&
		    (out = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644)) >=
			0) {
			off_t left = from.st_size;
			ssize_t n = 1;
			while (left > 0 && (n = copy_file_range(in, NULL, out, NULL, (size_t)left, 0)) > 0)
				left -= n;
			ok = left == 0;
		}
		if (in >= 0)
			close(in);
		if (out >= 0 && close(out) != 0)
			ok = 0;
	}
	if (!ok || renameat(dirfd, tmp, dirfd, leaf) != 0) {
		log_warn("export: cannot put %s as %s/%s: %s", src, t->dir, rel, strerror(errno));
		unlinkat(dirfd, tmp, 0);
		t->counts.failed++;
		return -1;
	}
	t->counts.written++;
	t->counts.bytes_written += (uint64_t)from.st_size;
	return 1;
}

void tree_prune(struct export_tree *t)
{
	for (size_t i = 0; i < t->before.count; i++) {
		const char *rel = t->before.order[i], *leaf;
		if (set_has(&t->now, rel, strlen(rel)))
			continue;
		int dirfd = folder_of(t, rel, 0, &leaf);
		struct stat st;
		if (dirfd < 0 || fstatat(dirfd, leaf, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))
			continue; /* gone already, behind a symbolic link, or replaced by something not ours
				   */
		if (unlinkat(dirfd, leaf, 0) != 0) {
			log_warn("export: cannot delete %s/%s: %s", t->dir, rel, strerror(errno));
			continue;
		}
		t->counts.removed++;
		/* the folders it leaves empty, up to the export's own folder (rmdir fails on a full one) */
		for (size_t n = (size_t)(leaf - rel); n > 1;) {
			const char *slash =
			    memrchr(rel, '/', n - 1); /* before the one ending the folder's name */
			size_t start = slash ? (size_t)(slash - rel) + 1 : 0;
			int parent = open_folder(t, rel, start ? start - 1 : 0, 0);
			char seg[NAME_MAX + 1];
			snprintf(seg, sizeof seg, "%.*s", (int)(n - 1 - start), rel + start);
			int gone = parent >= 0 && unlinkat(parent, seg, AT_REMOVEDIR) == 0;
			if (parent >= 0)
				close(parent);
			if (!gone)
				break;
			n = start;
		}
		if (t->madefd >= 0) { /* the folder it keeps open may have gone */
			close(t->madefd);
			t->madefd = -1;
		}
	}
}

int tree_save(struct export_tree *t, int complete)
{
	char tmp[64];
	snprintf(tmp, sizeof tmp, "%s" TMP_SUFFIX "%ld", TREE_MANIFEST, (long)getpid());
	int fd = openat(t->dirfd, tmp, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	fprintf(f, "# plenary export --static: the files this export wrote; the next export into this folder "
		   "deletes only files listed here\n");
	for (size_t i = 0; i < t->now.count; i++)
		fprintf(f, "%s\n", t->now.order[i]);
	if (!complete)
		for (size_t i = 0; i < t->before.count; i++)
			if (!set_has(&t->now, t->before.order[i], strlen(t->before.order[i])))
				fprintf(f, "%s\n", t->before.order[i]);
	int bad = ferror(f);
	if (fclose(f) != 0 || bad || renameat(t->dirfd, tmp, t->dirfd, TREE_MANIFEST) != 0) {
		int e = errno;
		unlinkat(t->dirfd, tmp, 0);
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
	if (t->madefd >= 0)
		close(t->madefd);
	if (t->dirfd >= 0)
		close(t->dirfd);
	set_free(&t->before);
	set_free(&t->now);
	buf_free(&t->scratch);
	h2o_mem_clear_pool(&t->pool);
	free(t);
}
