/* writer: a thread that writes the export's files, so fetching the next pages goes on meanwhile. */
#include "export/writer.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "core/log.h"
#include "export/tree.h"

#define QUEUED_MAX 256 /* files waiting at most: the fetches wait beyond, so memory stays bounded */

struct file {
	struct file *next;
	size_t len;
	char *rel; /* then the bytes, in the same allocation */
};

struct writer {
	struct export_tree *tree;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t more, room;
	struct file *head, **tail;
	size_t queued;
	int done;
};

static void *writer_main(void *arg)
{
	struct writer *w = arg;
	for (;;) {
		pthread_mutex_lock(&w->lock);
		while (!w->head && !w->done)
			pthread_cond_wait(&w->more, &w->lock);
		struct file *f = w->head;
		if (f) {
			w->head = f->next;
			if (!w->head)
				w->tail = &w->head;
			w->queued--;
			pthread_cond_signal(&w->room);
		}
		pthread_mutex_unlock(&w->lock);
		if (!f)
			return NULL;
		const char *data = f->rel + strlen(f->rel) + 1;
		if (tree_put(w->tree, f->rel, data, f->len) < 0)
			log_error("export: cannot write %s: %s", f->rel, strerror(errno));
		free(f);
	}
}

struct writer *writer_start(struct export_tree *t)
{
	struct writer *w = calloc(1, sizeof *w);
	if (!w)
		die("out of memory");
	w->tree = t;
	w->tail = &w->head;
	pthread_mutex_init(&w->lock, NULL);
	pthread_cond_init(&w->more, NULL);
	pthread_cond_init(&w->room, NULL);
	if (pthread_create(&w->thread, NULL, writer_main, w) != 0)
		die("cannot start the export's writer thread");
	return w;
}

void writer_put(struct writer *w, const char *rel, const void *data, size_t len)
{
	size_t rl = strlen(rel);
	struct file *f = malloc(sizeof *f + rl + 1 + len);
	if (!f)
		die("out of memory");
	f->next = NULL;
	f->len = len;
	f->rel = (char *)(f + 1);
	memcpy(f->rel, rel, rl + 1);
	memcpy(f->rel + rl + 1, data, len);
	pthread_mutex_lock(&w->lock);
	while (w->queued >= QUEUED_MAX)
		pthread_cond_wait(&w->room, &w->lock);
	*w->tail = f;
	w->tail = &f->next;
	w->queued++;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->lock);
}

void writer_finish(struct writer *w)
{
	pthread_mutex_lock(&w->lock);
	w->done = 1;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->lock);
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->lock);
	pthread_cond_destroy(&w->more);
	pthread_cond_destroy(&w->room);
	free(w);
}
