/* metrics: writes the operator's metrics in Prometheus's text format from the workers' counts and the
 * process's queues, store and mail queue, and answers /metrics for the addresses metrics_allow names. */
#include "http/metrics.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/prom.h"
#include "http/lang.h"
#include "http/meter.h"
#include "http/render.h"
#include "http/response.h"
#include "http/workq.h"
#include "store/mailq.h"
#include "store/stats.h"

static struct worker *workers;
static int nworkers;
static struct timespec started; /* CLOCK_MONOTONIC, for the uptime */
static time_t started_wall;

void metrics_install(struct worker *w, int n)
{
	workers = w;
	nworkers = n;
	clock_gettime(CLOCK_MONOTONIC, &started);
	started_wall = time(NULL);
}

static const char *const kind_names[METER_KINDS] = {"cache", "public", "backoffice", "none"};

/* Requests by route kind and status, their latency, bytes, the page cache, connections. */
static void write_http(buf *b)
{
	uint64_t latency[METER_KINDS][METER_BOUNDS + 1] = {{0}}, latency_ns[METER_KINDS] = {0};
	uint64_t bytes = 0, hits = 0, misses = 0, accepted = 0, open = 0;
	prom_family(
	    b, "plenary_http_requests_total", "counter",
	    "HTTP requests answered, by route kind (cache: the page cache; public: a reader's route; "
	    "backoffice: a route for the editorial team; none: refused before routing or no route) and "
	    "status code (0: the client went away before any answer)");
	for (int k = 0; k < METER_KINDS; k++) {
		for (int code = 0; code < METER_CODES; code++) {
			uint64_t n = 0;
			for (int i = 0; i < nworkers; i++)
				n += meter_read(&workers[i].meter.requests[k][code]);
			if (!n)
				continue;
			char c[8];
			snprintf(c, sizeof c, "%d", code);
			struct prom_label l[] = {{"route", kind_names[k]}, {"code", c}};
			prom_u64(b, "plenary_http_requests_total", l, 2, n);
		}
	}
	for (int i = 0; i < nworkers; i++) {
		const struct meter *m = &workers[i].meter;
		for (int k = 0; k < METER_KINDS; k++) {
			for (int j = 0; j <= METER_BOUNDS; j++)
				latency[k][j] += meter_read(&m->latency[k][j]);
			latency_ns[k] += meter_read(&m->latency_ns[k]);
		}
		bytes += meter_read(&m->bytes);
		hits += meter_read(&m->cache_hits);
		misses += meter_read(&m->cache_misses);
		accepted += meter_read(&m->accepted);
		open += meter_read(&m->open);
	}
	prom_family(b, "plenary_http_request_duration_seconds", "histogram",
		    "Time from a request's arrival to the end of its answer's sending, by route kind");
	for (int k = 0; k < METER_KINDS; k++) {
		struct prom_label l[] = {{"route", kind_names[k]}};
		prom_histogram(b, "plenary_http_request_duration_seconds", l, 1, meter_bounds, METER_BOUNDS,
			       latency[k], (double)latency_ns[k] / 1e9);
	}
	prom_family(b, "plenary_http_response_bytes_total", "counter", "Bytes of the answers sent");
	prom_u64(b, "plenary_http_response_bytes_total", NULL, 0, bytes);
	prom_family(b, "plenary_page_cache_hits_total", "counter", "Pages sent from a worker's page cache");
	prom_u64(b, "plenary_page_cache_hits_total", NULL, 0, hits);
	prom_family(b, "plenary_page_cache_misses_total", "counter",
		    "Page cache lookups that found no fresh page (the page was rendered)");
	prom_u64(b, "plenary_page_cache_misses_total", NULL, 0, misses);
	prom_family(b, "plenary_connections_accepted_total", "counter", "Client connections accepted");
	prom_u64(b, "plenary_connections_accepted_total", NULL, 0, accepted);
	prom_family(b, "plenary_connections_open", "gauge",
		    "Client connections open (each worker counts its own once a second)");
	prom_u64(b, "plenary_connections_open", NULL, 0, open);
}

/* The render queue and the work queues (password hashing, images). */
static void write_queues(buf *b, const struct app *app)
{
	struct workq_stats q[8];
	size_t n = workq_stats_all(q, 8);
	int waiting, running, threads;
	uint64_t refused;
	render_queue_stats(&waiting, &running, &refused, &threads);
	const char *names[] = {"plenary_queue_waiting", "plenary_queue_running", "plenary_queue_limit",
			       "plenary_queue_threads", "plenary_queue_refused_total"};
	const char *help[] = {
	    "Jobs waiting for a thread of the queue (render: pages missing from the cache; hashing: password "
	    "checks; image: uploaded images and videos)",
	    "Jobs on a thread of the queue now", "Jobs the queue holds waiting at most; past it, 503 or 429",
	    "Threads of the queue", "Jobs refused because the queue (or a client's share of it) was full"};
	for (int f = 0; f < 5; f++) {
		prom_family(b, names[f], f == 4 ? "counter" : "gauge", help[f]);
		struct prom_label l[] = {{"queue", "render"}};
		uint64_t v[] = {(uint64_t)waiting, (uint64_t)running, (uint64_t)app->cfg.render_queue,
				(uint64_t)threads, refused};
		prom_u64(b, names[f], l, 1, v[f]);
		for (size_t i = 0; i < n; i++) {
			uint64_t w[] = {(uint64_t)q[i].waiting, (uint64_t)q[i].running, (uint64_t)q[i].depth,
					(uint64_t)q[i].threads, q[i].refused};
			l[0].value = q[i].name;
			prom_u64(b, names[f], l, 1, w[f]);
		}
	}
}

/* The store's connections: statements, their time, PostgreSQL's outages. */
static void write_store(buf *b)
{
	struct store_totals t;
	store_totals_read(&t);
	prom_family(b, "plenary_db_statements_total", "counter",
		    "Database statements run by the server's connections (a search counts once)");
	prom_u64(b, "plenary_db_statements_total", NULL, 0, t.statements);
	prom_family(b, "plenary_db_seconds_total", "counter",
		    "Time spent in database statements, round trips to PostgreSQL included");
	prom_double(b, "plenary_db_seconds_total", NULL, 0, (double)t.ns / 1e9);
	prom_family(b, "plenary_db_connections", "gauge", "Database connections open");
	prom_u64(b, "plenary_db_connections", NULL, 0, t.open);
	prom_family(
	    b, "plenary_db_connections_lost_total", "counter",
	    "PostgreSQL connections found lost (the server stopped, restarted or could not be reached)");
	prom_u64(b, "plenary_db_connections_lost_total", NULL, 0, t.lost);
	prom_family(b, "plenary_db_reconnects_total", "counter",
		    "PostgreSQL connections made again after one was lost");
	prom_u64(b, "plenary_db_reconnects_total", NULL, 0, t.reconnects);
}

/* The mail queue's rows by state, read now (one grouped count). */
static void write_mail(buf *b, store *db, h2o_mem_pool_t *pool)
{
	struct mail_state_count *counts;
	int ok = db && store_mail_states(db, pool, &counts) == 0;
	prom_family(b, "plenary_mail_queue_up", "gauge",
		    "1 when the mail queue's counts below could be read");
	prom_u64(b, "plenary_mail_queue_up", NULL, 0, ok);
	if (!ok)
		return;
	prom_family(b, "plenary_mail_queue_messages", "gauge",
		    "Messages in the mail queue by state (sent and failed ones until mail_keep_days)");
	for (int i = 0; i < 5; i++) {
		struct prom_label l[] = {{"state", counts[i].state}};
		prom_u64(b, "plenary_mail_queue_messages", l, 1, (uint64_t)counts[i].n);
	}
}

/* The process: its start, threads, memory and descriptors. */
static void write_process(buf *b, const struct app *app)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double up = (double)(now.tv_sec - started.tv_sec) + (double)(now.tv_nsec - started.tv_nsec) / 1e9;
	prom_family(b, "plenary_start_time_seconds", "gauge",
		    "When the server started, in seconds since 1970");
	prom_u64(b, "plenary_start_time_seconds", NULL, 0, (uint64_t)started_wall);
	prom_family(b, "plenary_uptime_seconds", "gauge", "Seconds since the server started serving");
	prom_double(b, "plenary_uptime_seconds", NULL, 0, up);
	prom_family(b, "plenary_workers", "gauge", "Worker threads (event loops) serving requests");
	prom_u64(b, "plenary_workers", NULL, 0, (uint64_t)nworkers);
	prom_family(b, "plenary_cache_budget_bytes", "gauge", "Page cache budget of each worker (cache_mb)");
	prom_u64(b, "plenary_cache_budget_bytes", NULL, 0, (uint64_t)app->cfg.cache_mb * 1024 * 1024);
	long pages = 0, resident = 0;
	FILE *f = fopen("/proc/self/statm", "r");
	if (f) {
		if (fscanf(f, "%ld %ld", &pages, &resident) == 2) {
			prom_family(b, "process_resident_memory_bytes", "gauge",
				    "Resident memory size in bytes");
			prom_u64(b, "process_resident_memory_bytes", NULL, 0,
				 (uint64_t)resident * (uint64_t)sysconf(_SC_PAGESIZE));
		}
		fclose(f);
	}
	DIR *d = opendir("/proc/self/fd");
	if (d) {
		uint64_t fds = 0;
		for (struct dirent *e; (e = readdir(d)) != NULL;)
			fds += e->d_name[0] != '.';
		closedir(d);
		prom_family(b, "process_open_fds", "gauge", "Open file descriptors");
		prom_u64(b, "process_open_fds", NULL, 0,
			 fds > 0 ? fds - 1 : 0); /* less the directory's own */
	}
}

void metrics_write(buf *b, const struct app *app, store *db)
{
	write_http(b);
	write_queues(b, app);
	write_store(b);
	write_mail(b, db, b->pool);
	write_process(b, app);
}

int metrics_allowed(struct request *r)
{
	h2o_iovec_t p = r->req->path_normalized;
	return r->app->metrics_allow.n && h2o_memis(p.base, p.len, H2O_STRLIT("/metrics")) &&
	       netlist_has_text(&r->app->metrics_allow, req_client_addr(r));
}

static void metrics_page(struct request *r)
{
	buf b;
	buf_init(&b, r->pool);
	metrics_write(&b, r->app, r->w->db);
	resp_bytes(r, 200, PROM_CONTENT_TYPE, "no-store", NULL, b.p, b.len);
}

void metrics_serve(struct request *r)
{
	int rc = render_submit(r, metrics_page);
	if (rc == RENDER_QUEUED)
		return;
	if (rc == RENDER_BUSY) {
		resp_header(r, "retry-after", "1", 1);
		resp_error(r, 503, req_text(r, "errors.busy"));
		return;
	}
	metrics_page(r);
}
