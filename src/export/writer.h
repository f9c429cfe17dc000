/* writer: a thread that writes the export's files, so fetching the next pages goes on meanwhile. */
#ifndef PLENARY_EXPORT_WRITER_H
#define PLENARY_EXPORT_WRITER_H

#include <stddef.h>

struct export_tree;
struct writer;

/** Starts the thread; from now until writer_finish, only it touches the tree. */
struct writer *writer_start(struct export_tree *t);
/** Queues a copy of the len bytes for rel (tree_put); waits while many files are queued already. */
void writer_put(struct writer *w, const char *rel, const void *data, size_t len);
/** Writes what is queued, stops the thread and frees the writer. */
void writer_finish(struct writer *w);

#endif
