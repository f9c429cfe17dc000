/* dirs: creating a folder and its parents, for the outbox, the media library and the static export. */
#ifndef PLENARY_DIRS_H
#define PLENARY_DIRS_H

#include <sys/types.h>

/** Creates dir and any missing parents with mode; 0 when it exists as a folder afterwards, else -1 and errno.
 */
int dir_make(const char *dir, mode_t mode);

#endif
