/* tree: the static export's output folder: a file is replaced only when its bytes change, and a manifest
 * lists what the export wrote so the next one deletes only its own files. */
#ifndef PLENARY_EXPORT_TREE_H
#define PLENARY_EXPORT_TREE_H

#include <stddef.h>
#include <stdint.h>

/** The manifest's name, in the output folder. */
#define TREE_MANIFEST ".plenary-export"

struct export_tree;

struct tree_counts {
	size_t written, unchanged, removed, failed;
	uint64_t bytes_written, bytes_total;
};

/** Opens (creating it when missing) the folder dir and reads its manifest. A folder that has files but no
 * manifest is refused unless force is set: an export must not overwrite what someone else put there. */
struct export_tree *tree_open(const char *dir, int force, char *err, size_t errlen);
/** 1 when rel is a path an export may write or delete: relative, no empty, "." or ".." segment, no
 * control character, and not the manifest or a temporary file of an export. */
int tree_path_ok(const char *rel);
/** Makes rel (a path under the folder) hold these len bytes: untouched when it holds them already, else
 * written to a temporary file beside it and renamed over it. 1 written, 0 unchanged, -1 failed (errno). */
int tree_put(struct export_tree *t, const char *rel, const void *data, size_t len);
/** Puts the file at src as rel without reading it: a hard link (a copy when on another file system), left
 * as it is when a file of its name and size is there (a name that holds the content's hash). 1 written, 0
 * unchanged, -1 (counted as failed). */
int tree_link(struct export_tree *t, const char *rel, const char *src);
/** Deletes the files the previous export wrote and this one did not, and folders they leave empty. */
void tree_prune(struct export_tree *t);
/** Writes the manifest: the files put by this export, and with complete = 0 (an export that stopped early
 * and so pruned nothing) also those of the previous one. 0, or -1 with errno. */
int tree_save(struct export_tree *t, int complete);
const struct tree_counts *tree_counts(const struct export_tree *t);
void tree_close(struct export_tree *t);

#endif
