/* count_writer: takes the tables the workers hand over every second, merges them into rows sorted by key
 * and adds them in one transaction (all or none); a failed write is tried again a second later with what
 * came meanwhile. At stop, what is left is written before the process ends. */
#include "jobs/count_writer.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/log.h"
#include "http/count.h"
#include "http/count_queue.h"
#include "http/worker.h"

#define TAKE_MAX 64 /* tables written in one transaction at most */

static pthread_t thread;
static atomic_int stopping;
static int running;
static store *db;

struct collect {
	struct analytics_row *rows;
	size_t n;
};

static void day_text(int32_t day, char out[11])
{
	time_t t = (time_t)day * 86400;
	struct tm tm;
	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

static void collect_one(const struct count_entry *e, void *ctx)
{
	struct collect *c = ctx;
	struct analytics_row *x = &c->rows[c->n++];
	day_text(e->key.day, x->day);
	x->site_id = e->key.site_id;
	x->article_id = e->key.article_id;
	x->event = count_event_name(e->key.event);
	x->referrer = e->key.referrer;
	x->profession = e->key.profession;
	x->specialty = e->key.specialty;
	x->country = e->key.country;
	x->n = e->n;
}

static int cmp_int(int64_t a, int64_t b)
{
	return a < b ? -1 : a > b;
}

static int row_cmp(const void *pa, const void *pb)
{
	const struct analytics_row *a = pa, *b = pb;
	int c;
	if ((c = strcmp(a->day, b->day)) || (c = cmp_int(a->site_id, b->site_id)) ||
	    (c = cmp_int(a->article_id, b->article_id)) || (c = strcmp(a->event, b->event)) ||
	    (c = strcmp(a->referrer, b->referrer)) || (c = strcmp(a->profession, b->profession)) ||
	    (c = strcmp(a->specialty, b->specialty)))
		return c;
	return strcmp(a->country, b->country);
}

size_t count_writer_rows(struct count_table *const *tables, size_t n, struct analytics_row **out)
{
	size_t total = 0;
	for (size_t i = 0; i < n; i++)
		total += count_table_rows(tables[i]);
	*out = NULL;
	if (total == 0)
		return 0;
	struct collect c = {malloc(total * sizeof *c.rows), 0};
	if (!c.rows)
		return 0;
	for (size_t i = 0; i < n; i++)
		count_table_each(tables[i], collect_one, &c);
	qsort(c.rows, c.n, sizeof *c.rows, row_cmp);
	size_t m = 0; /* the same key from several tables: one row */
	for (size_t i = 0; i < c.n; i++) {
		if (m && row_cmp(&c.rows[m - 1], &c.rows[i]) == 0)
			c.rows[m - 1].n += c.rows[i].n;
		else
			c.rows[m++] = c.rows[i];
	}
	*out = c.rows;
	return m;
}

/* Writes up to TAKE_MAX tables waiting up to wait_ms for the first: 1 written (or nothing to), 0 failed (the
 * tables are back in the queue). */
static int write_some(int wait_ms, int *took)
{
	struct count_table *t[TAKE_MAX];
	size_t n = count_queue_take(t, TAKE_MAX, wait_ms);
	*took = (int)n;
	if (n == 0)
		return 1;
	struct analytics_row *rows;
	size_t nrows = count_writer_rows(t, n, &rows);
	int rc = nrows ? store_analytics_add(db, rows, nrows) : 0;
	free(rows);
	if (rc != 0) {
		count_queue_put_back(t, n);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (t[i]->dropped) /* a table so full that even its "other" rows were spent */
			log_warn("counting: %lld counts dropped, a worker's table was full",
				 (long long)t[i]->dropped);
		count_table_free(t[i]);
	}
	return 1;
}

static void *writer_main(void *arg)
{
	(void)arg;
	int took;
	while (!atomic_load(&stopping)) {
		if (!write_some(COUNT_INTERVAL_MS, &took)) {
			log_error("counting: writing counts failed; they are tried again in a second");
			for (int i = 0; i < 10 && !atomic_load(&stopping); i++)
				usleep(100 * 1000);
		}
	}
	/* the workers have handed their last tables: all of it, a few tries */
	for (int tries = 0; tries < 3;) {
		if (!write_some(0, &took)) {
			tries++;
			usleep(200 * 1000);
		} else if (!took)
			break;
	}
	size_t left = count_queue_length();
	if (left)
		log_error("counting: %zu tables of counts could not be written at stop", left);
	return NULL;
}

int count_writer_start(struct app *app)
{
	if (!count_enabled(app))
		return 0;
	char err[512];
	db = store_open(app->cfg.database, err, sizeof err);
	if (!db) {
		log_error("counting: %s", err);
		return -1;
	}
	if (pthread_create(&thread, NULL, writer_main, NULL) != 0) {
		log_error("counting: cannot start the writer thread");
		store_close(db);
		return -1;
	}
	running = 1;
	return 0;
}

void count_writer_stop(void)
{
	if (!running)
		return;
	atomic_store(&stopping, 1);
	count_queue_wake();
	pthread_join(thread, NULL);
	store_close(db);
	running = 0;
}
