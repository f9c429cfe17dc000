/* metrics_listen: the metrics on a listener of their own, served by a thread with its own h2o loop and
 * database connection, so a scrape never waits on (nor delays) the readers' loops. */
#include "http/metrics_listen.h"

#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

#include "core/log.h"
#include "core/prom.h"
#include "http/listen.h"
#include "http/metrics.h"

static h2o_globalconf_t conf;
static h2o_context_t ctx;
static h2o_accept_ctx_t accept_ctx;
static h2o_socket_t *listener;
static pthread_t thread;
static atomic_int stopping;
static int running, listen_fd = -1;
static struct app *the_app;
static store *db;

/* /metrics (GET or HEAD) and nothing else: anything else is 404. */
static int on_req(h2o_handler_t *self, h2o_req_t *req)
{
	(void)self;
	if (!h2o_memis(req->path_normalized.base, req->path_normalized.len, H2O_STRLIT("/metrics"))) {
		h2o_send_error_404(req, "Not Found", "not found", 0);
		return 0;
	}
	if (!h2o_memis(req->method.base, req->method.len, H2O_STRLIT("GET")) &&
	    !h2o_memis(req->method.base, req->method.len, H2O_STRLIT("HEAD"))) {
		h2o_send_error_generic(req, 405, "Method Not Allowed", "method not allowed", 0);
		return 0;
	}
	buf b;
	buf_init(&b, &req->pool);
	metrics_write(&b, the_app, db);
	req->res.status = 200;
	req->res.reason = "OK";
	h2o_add_header(&req->pool, &req->res.headers, H2O_TOKEN_CONTENT_TYPE, NULL,
		       H2O_STRLIT(PROM_CONTENT_TYPE));
	h2o_add_header(&req->pool, &req->res.headers, H2O_TOKEN_CACHE_CONTROL, NULL, H2O_STRLIT("no-store"));
	h2o_send_inline(req, b.p, b.len);
	return 0;
}

static void on_accept(h2o_socket_t *sock_listener, const char *err)
{
	h2o_socket_t *sock;
	if (err)
		return;
	while ((sock = h2o_evloop_socket_accept(sock_listener)) != NULL)
		h2o_accept(&accept_ctx, sock);
}

/* The loop, its context and its sockets are made on this thread (as the workers', server.c says why) and left
 * to the end of the process with theirs. */
static void *metrics_main(void *arg)
{
	(void)arg;
	h2o_context_init(&ctx, h2o_evloop_create(), &conf);
	accept_ctx.ctx = &ctx;
	accept_ctx.hosts = conf.hosts;
	listener = h2o_evloop_socket_create(ctx.loop, listen_fd, H2O_SOCKET_FLAG_DONT_READ);
	h2o_socket_read_start(listener, on_accept);
	while (!atomic_load(&stopping))
		h2o_evloop_run(ctx.loop, 200);
	h2o_socket_read_stop(listener);
	h2o_socket_close(listener);
	h2o_evloop_run(ctx.loop, 10);
	return NULL;
}

int metrics_listen_start(struct app *app, char *err, size_t errlen)
{
	if (!app->cfg.metrics_listen[0])
		return 0;
	the_app = app;
	char why[400];
	listen_fd = listen_socket(app->cfg.metrics_listen, why, sizeof why);
	if (listen_fd < 0) {
		snprintf(err, errlen, "metrics_%s", why);
		return -1;
	}
	db = store_open(app->cfg.database, err, errlen);
	if (!db) {
		close(listen_fd);
		listen_fd = -1;
		return -1;
	}
	h2o_config_init(&conf);
	conf.server_name = h2o_iovec_init(H2O_STRLIT("plenary"));
	h2o_hostconf_t *host = h2o_config_register_host(&conf, h2o_iovec_init(H2O_STRLIT("default")), 65535);
	h2o_pathconf_t *path = h2o_config_register_path(host, "/", 0);
	h2o_handler_t *h = h2o_create_handler(path, sizeof *h);
	h->on_req = on_req;
	atomic_store(&stopping, 0);
	if (pthread_create(&thread, NULL, metrics_main, NULL) != 0)
		die("cannot start the metrics thread");
	running = 1;
	log_info("metrics on http://%s/metrics", app->cfg.metrics_listen);
	return 0;
}

void metrics_listen_stop(void)
{
	if (!running)
		return;
	atomic_store(&stopping, 1);
	pthread_join(thread, NULL);
	store_close(db);
	db = NULL;
	running = 0;
}
