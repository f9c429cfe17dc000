/* dirs: creating a folder and its parents, for the outbox, the media library and the static export. */
#include "core/dirs.h"

#include <errno.h>
#include <sys/stat.h>

#include "core/buf.h"

/* Creates every folder of dir from the root down. */
static int make_all(const char *dir, mode_t mode)
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
	buf_free(&path);
	return rc;
}

int dir_make(const char *dir, mode_t mode)
{
	/* the folder itself first: its parents are asked for only when one is missing (the static export
	 * makes thousands of folders, nearly all beside one made just before) */
	int rc = mkdir(dir, mode) == 0 || errno == EEXIST ? 0 : errno == ENOENT ? make_all(dir, mode) : -1;
	struct stat st;
	if (rc == 0 && stat(dir, &st) == 0 && !S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		rc = -1;
	}
	return rc;
}
