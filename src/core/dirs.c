/* dirs: creating a folder and its parents, for the outbox and the media library. */
#include "core/dirs.h"

#include <errno.h>
#include <sys/stat.h>

#include "core/buf.h"

int dir_make(const char *dir, mode_t mode)
{
	buf path;
	buf_init(&path, NULL);
	buf_adds(&path, dir);
	char *p = path.p;
	int rc = 0;
	for (char *s = p + 1; rc == 0 && *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, mode) < 0 && errno != EEXIST)
			rc = -1;
		*s = '/';
	}
	if (rc == 0 && mkdir(p, mode) < 0 && errno != EEXIST)
		rc = -1;
	struct stat st;
	if (rc == 0 && stat(p, &st) == 0 && !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		rc = -1;
	}
	buf_free(&path);
	return rc;
}
