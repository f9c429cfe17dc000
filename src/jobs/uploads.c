/* uploads: the files of images arriving in chunks: <media_dir>/uploads/<id>, written at an offset, locked
 * while written or processed, removed when stale. The file's size is how far an upload got. */
#include "jobs/uploads.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/dirs.h"
#include "core/log.h"
#include "store/media.h"

size_t upload_chunk_size(int max_body_kb)
{
	size_t n = (size_t)max_body_kb * 1024 / 4 * 3;
	return n > UPLOAD_CHUNK_MAX ? UPLOAD_CHUNK_MAX : n ? n : 1;
}

void upload_new_id(char out[UPLOAD_ID_LEN + 1])
{
	unsigned char raw[UPLOAD_ID_LEN / 2];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, UPLOAD_ID_LEN + 1, raw, sizeof raw);
}

int upload_id_ok(const char *s)
{
	size_t i = 0;
	for (; s[i]; i++)
		if (i == UPLOAD_ID_LEN || !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return i == UPLOAD_ID_LEN;
}

void upload_path(const char *media_dir, const char *name, char *out, size_t n)
{
	snprintf(out, n, "%s/uploads%s%s", media_dir, name[0] ? "/" : "", name);
}

int uploads_dir_make(const char *media_dir)
{
	char dir[1024];
	upload_path(media_dir, "", dir, sizeof dir);
	return dir_make(dir, 0700); /* only the server reads what is on its way in */
}

int upload_create(const char *media_dir, const char *id)
{
	char path[1024];
	upload_path(media_dir, id, path, sizeof path);
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno == ENOENT && uploads_dir_make(media_dir) == 0)
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0)
		return log_error("uploads: cannot create %s: %s", path, strerror(errno)), -1;
	close(fd);
	return 0;
}

int upload_open(const char *media_dir, const char *id)
{
	char path[1024];
	upload_path(media_dir, id, path, sizeof path);
	int fd = open(path, O_RDWR | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	/* a lock of this open file: another request's open of the same file (another thread's, another
	 * process's) is refused until it is closed, so two chunks never interleave */
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		close(fd);
		return -2;
	}
	return fd;
}

int64_t upload_size(const char *media_dir, const char *id, int *busy)
{
	char path[1024];
	upload_path(media_dir, id, path, sizeof path);
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		return -1;
	}
	*busy = flock(fd, LOCK_SH | LOCK_NB) != 0;
	close(fd);
	return (int64_t)st.st_size;
}

int upload_write(int fd, int64_t offset, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t k = pwrite(fd, p, len, (off_t)offset);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return log_error("uploads: cannot write: %s", strerror(errno)), -1;
		p += k;
		len -= (size_t)k;
		offset += k;
	}
	return 0;
}

int upload_file_from(const char *media_dir, const void *data, size_t len, char *path, size_t n)
{
	upload_path(media_dir, "form-XXXXXX", path, n);
	int fd = mkostemp(path, O_CLOEXEC);
	if (fd < 0 && errno == ENOENT && uploads_dir_make(media_dir) == 0) {
		upload_path(media_dir, "form-XXXXXX", path, n); /* a failed mkostemp leaves the Xs changed */
		fd = mkostemp(path, O_CLOEXEC);
	}
	if (fd < 0)
		return log_error("uploads: cannot create %s: %s", path, strerror(errno)), -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0 || upload_write(fd, 0, data, len) != 0) {
		close(fd);
		unlink(path);
		return -1;
	}
	return fd;
}

void upload_remove(const char *media_dir, const char *id)
{
	char path[1024];
	upload_path(media_dir, id, path, sizeof path);
	unlink(path);
}

void uploads_expire(store *db, const char *media_dir, int64_t now)
{
	int64_t before = now - UPLOAD_TTL;
	if (store_upload_expire(db, before) != 0)
		log_error("uploads: cannot forget the uploads started before %lld", (long long)before);
	/* by the files' age, not the rows': a file written in the last day belongs to an upload still allowed
	 * to finish (its row is younger still), and a file nobody wrote to for a day is garbage either way */
	char dir[1024];
	upload_path(media_dir, "", dir, sizeof dir);
	DIR *d = opendir(dir);
	if (!d)
		return;
	int removed = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;) {
		struct stat st;
		if (e->d_name[0] == '.' || fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode) || st.st_mtime >= before)
			continue;
		removed += unlinkat(dirfd(d), e->d_name, 0) == 0;
	}
	closedir(d);
	if (removed)
		log_info("uploads: removed %d unfinished upload%s older than a day", removed,
			 removed == 1 ? "" : "s");
}
