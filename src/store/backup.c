/* backup: what both engines' `plenary backup` and `plenary restore` do with the files (backup.h): check the
 * target, write a temporary file beside it, keep it durably, refuse a schema newer than this binary's. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "embedded.h"
#include "store/backup.h"
#include "store/copy.h"

int backup_schema_check(const char *name, int64_t version, const char *migrations, char *err, size_t errlen)
{
	size_t len = strlen(migrations);
	int newest = 0;
	for (const struct embedded_file *f = embedded_files; f->name; f++) {
		if (strncmp(f->name, migrations, len) != 0 || strchr(f->name + len, '/'))
			continue;
		int num = atoi(f->name + len);
		newest = num > newest ? num : newest;
	}
	if (version <= newest)
		return 0;
	snprintf(
	    err, errlen,
	    "%s has schema version %lld, newer than this plenary's %d: use the plenary that made it (or a "
	    "newer one)",
	    name, (long long)version, newest);
	return -1;
}

int backup_target_check(const char *to, int overwrite, const struct stat *db, char *err, size_t errlen)
{
	struct stat to_st;
	if (stat(to, &to_st) != 0) {
		if (errno == ENOENT)
			return 0;
		snprintf(err, errlen, "cannot write the backup %s: %s", to, strerror(errno));
		return -1;
	}
	if (db && to_st.st_dev == db->st_dev && to_st.st_ino == db->st_ino) {
		snprintf(err, errlen, "%s is the database itself; a backup goes into another file", to);
		return -1;
	}
	if (!overwrite) {
		snprintf(err, errlen, "%s already exists; it is kept (--force replaces it)", to);
		return -1;
	}
	if (!S_ISREG(to_st.st_mode)) {
		snprintf(err, errlen, "cannot write the backup %s: it is not a file", to);
		return -1;
	}
	return 0;
}

int backup_temp_make(const char *to, char *tmp, size_t tmplen, char *err, size_t errlen)
{
	/* renamed over the target only once the copy is complete and checked, so a failed backup leaves no
	 * file; made by mkstemp, so it is new and mode 0600 */
	if (snprintf(tmp, tmplen, "%s.tmp-XXXXXX", to) >= (int)tmplen) {
		snprintf(err, errlen, "%s: the path is too long", to);
		return -1;
	}
	int fd = mkstemp(tmp);
	if (fd < 0) {
		snprintf(err, errlen, "cannot write the backup %s: %s", to, strerror(errno));
		return -1;
	}
	close(fd);
	return 0;
}

/* Makes a finished rename durable: syncs the folder holding path. */
static void sync_folder(const char *path)
{
	char dir[PATH_MAX];
	snprintf(dir, sizeof dir, "%s", path);
	char *slash = strrchr(dir, '/');
	if (!slash)
		snprintf(dir, sizeof dir, ".");
	else if (slash == dir)
		dir[1] = '\0';
	else
		*slash = '\0';
	int fd = open(dir, O_RDONLY | O_DIRECTORY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

int backup_temp_keep(const char *tmp, const char *to, struct store_copy_report *out, char *err, size_t errlen)
{
	int fd = open(tmp, O_RDONLY);
	if (fd < 0 || fsync(fd) != 0) {
		snprintf(err, errlen, "cannot write the backup %s: %s", to, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	close(fd);
	if (rename(tmp, to) != 0) {
		snprintf(err, errlen, "cannot write the backup %s: %s", to, strerror(errno));
		return -1;
	}
	sync_folder(to);
	struct stat to_st;
	if (stat(to, &to_st) == 0)
		out->bytes = (int64_t)to_st.st_size;
	return 0;
}
