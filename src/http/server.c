/* server: h2o set-up, one event loop + listener + database connection per worker thread, shutdown. */
#include "http/server.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <unistd.h>

#include "http/workq.h"
#include "core/log.h"
#include "http/cache.h"
#include "http/connload.h"
#include "http/count.h"
#include "http/dispatch.h"
#include "http/listen.h"
#include "http/metrics.h"
#include "http/metrics_listen.h"
#include "http/render.h"
#include "http/router.h"
#include "http/status.h"
#include "render/escape.h"
#include "render/theme.h"
#include "core/catalog.h"
#include "core/buf.h"
#include "http/response.h"

static atomic_int stopping;

static h2o_globalconf_t globalconf;
/* Kept until exit: h2o 2.2 cannot close a context's idle keep-alive connections before disposing of it,
 * so contexts, loops and their sockets are left to the end of the process, reachable from here. */
static struct worker *workers;

/* With the PROXY protocol on, only a trusted proxy may say who the client is: any other peer is closed at
 * once, before h2o reads the line it would believe. */
static void on_accept(h2o_socket_t *listener, const char *err)
{
	struct worker *w = listener->data;
	h2o_socket_t *sock;
	if (err)
		return;
	while ((sock = h2o_evloop_socket_accept(listener)) != NULL) {
		struct sockaddr_storage ss;
		if (w->app->cfg.proxy_protocol &&
		    (!h2o_socket_getpeername(sock, (struct sockaddr *)&ss) ||
		     !netlist_has_sockaddr(&w->app->proxies, (struct sockaddr *)&ss))) {
			h2o_socket_close(sock);
			continue;
		}
		meter_accepted(&w->meter);
		h2o_accept(&w->accept, sock);
	}
}

static void worker_stop_listening(struct worker *w)
{
	if (w->listener) {
		h2o_socket_read_stop(w->listener);
		h2o_socket_close(w->listener);
		w->listener = NULL;
	}
}

static int64_t now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void worker_loop_init(struct worker *w);

static void *worker_main(void *arg)
{
	struct worker *w = arg;
	worker_loop_init(w);
	while (!atomic_load(&stopping)) {
		h2o_evloop_run(w->ctx.loop, 200);
		meter_tick(&w->meter, &w->ctx);
		count_tick(w, 0); /* this second's counts to the writer */
	}
	/* graceful: accept nothing new, let requests in flight finish within the timeout */
	worker_stop_listening(w);
	int64_t deadline = now_ms() + (int64_t)w->app->cfg.shutdown_timeout * 1000;
	while (w->inflight > 0 && now_ms() < deadline)
		h2o_evloop_run(w->ctx.loop, 50);
	/* one more turn flushes responses whose last bytes were queued */
	h2o_evloop_run(w->ctx.loop, 10);
	if (w->inflight > 0)
		log_warn("worker %d: %d requests still running at the shutdown timeout", w->index,
			 w->inflight);
	count_tick(w, 1); /* the last counts, written before the process ends */
	return NULL;
}

static SSL_CTX *ssl_ctx; /* NULL when serving plain HTTP */

static int worker_init(struct worker *w, struct app *app, int index, h2o_hostconf_t **hosts, char *err,
		       size_t errlen)
{
	memset(w, 0, sizeof *w);
	w->app = app;
	w->index = index;
	w->db = store_open(app->cfg.database, err, errlen);
	if (!w->db)
		return -1;
	worker_tune(app, w->db);
	w->cache = page_cache_new((size_t)app->cfg.cache_mb * 1024 * 1024);
	w->sites = app->sites;
	w->nsites = app->nsites;
	w->sites_generation = atomic_load(&app->content_generation);
	w->accept.hosts = hosts;
	w->accept.ssl_ctx = ssl_ctx;
	w->accept.expect_proxy_line = app->cfg.proxy_protocol;
	/* listening now: connections wait in the backlog until the worker's loop runs */
	w->listen_fd = listen_socket(app->cfg.listen, err, errlen);
	return w->listen_fd < 0 ? -1 : 0;
}

/* The worker's loop, context and sockets, made on its own thread: an h2o socket's buffers come from the
 * allocator of the thread that made the socket (a thread-local in h2o 2.2), so a context made on the main
 * thread would have every worker recycle its message queue's buffers into the main thread's allocator at
 * once, without a lock (a use-after-free once render threads send many replies). */
static void worker_loop_init(struct worker *w)
{
	h2o_context_init(&w->ctx, h2o_evloop_create(), &globalconf);
	h2o_multithread_register_receiver(w->ctx.queue, &w->hash_replies, workq_on_reply);
	h2o_multithread_register_receiver(w->ctx.queue, &w->render_replies, render_on_reply);
	w->accept.ctx = &w->ctx;
	w->listener = h2o_evloop_socket_create(w->ctx.loop, w->listen_fd, H2O_SOCKET_FLAG_DONT_READ);
	w->listener->data = w;
	h2o_socket_read_start(w->listener, on_accept);
}

/* HTTPS from tls_cert and tls_key: TLS 1.2 and newer, HTTP/2 offered through ALPN. */
static int setup_tls(struct app *app, char *err, size_t errlen)
{
	const char *cert = app->cfg.tls_cert, *key = app->cfg.tls_key;
	if (!cert[0] && !key[0])
		return 0;
	if (!cert[0] || !key[0]) {
		snprintf(err, errlen, "tls_cert and tls_key go together: set both for HTTPS, or neither");
		return -1;
	}
	ssl_ctx = SSL_CTX_new(TLS_server_method());
	if (!ssl_ctx || !SSL_CTX_set_min_proto_version(ssl_ctx, TLS1_2_VERSION) ||
	    SSL_CTX_use_certificate_chain_file(ssl_ctx, cert) != 1 ||
	    SSL_CTX_use_PrivateKey_file(ssl_ctx, key, SSL_FILETYPE_PEM) != 1 ||
	    SSL_CTX_check_private_key(ssl_ctx) != 1) {
		char why[256];
		ERR_error_string_n(ERR_get_error(), why, sizeof why);
		snprintf(err, errlen, "tls_cert %.200s / tls_key %.200s: %s", cert, key, why);
		SSL_CTX_free(ssl_ctx);
		ssl_ctx = NULL;
		return -1;
	}
	SSL_CTX_set_options(ssl_ctx, SSL_OP_NO_COMPRESSION | SSL_OP_CIPHER_SERVER_PREFERENCE);
	h2o_ssl_register_alpn_protocols(ssl_ctx, h2o_http2_alpn_protocols);
	return 0;
}

/* h2o answers some requests itself, through the host's fallback path: 413 at the headers, 417, a broken
 * chunked body. Those answers get the headers every response of ours carries, and a short HTML page saying
 * what happened (for the upload form's 413, how larger images are sent) instead of h2o's line of text. */
struct own_filter {
	h2o_filter_t super;
	const struct app *app;
};

struct own_page {
	h2o_ostream_t super;
	h2o_iovec_t body;
	int sent;
};

static void own_page_send(h2o_ostream_t *self, h2o_req_t *req, h2o_iovec_t *bufs, size_t n,
			  h2o_send_state_t state)
{
	(void)bufs;
	(void)n;
	struct own_page *o = (struct own_page *)self;
	int head = h2o_memis(req->input.method.base, req->input.method.len, H2O_STRLIT("HEAD"));
	size_t count = head || o->sent ? 0 : 1;
	o->sent = 1;
	h2o_ostream_send_next(self, req, &o->body, count, state);
}

/* errors.status.CODE.what in the base catalog, else the status table's English. */
static const char *own_text(const struct catalog *base, int status, const char *what, const char *fallback)
{
	char key[48];
	snprintf(key, sizeof key, "errors.status.%d.%s", status, what);
	const char *t = base ? catalog_get(base, key) : NULL;
	return t ? t : fallback;
}

static void on_setup_ostream(h2o_filter_t *self, h2o_req_t *req, h2o_ostream_t **slot)
{
	const struct app *app = ((struct own_filter *)self)->app;
	resp_security_headers(req);
	if (req->res.status >= 400) {
		const struct http_status *st = http_status(req->res.status);
		char path[256];
		size_t plen = req->input.path.len < sizeof path - 1 ? req->input.path.len : sizeof path - 1;
		memcpy(path, req->input.path.base, plen);
		path[plen] = '\0';
		/* no site yet: the base catalog's words, in the base language */
		const struct catalog *base = app->theme && app->theme->n ? app->theme->cat[0] : NULL;
		const char *title = own_text(base, req->res.status, "title", st->title);
		const char *message = req->res.status == 413
					  ? dispatch_too_large(app, NULL, path, &req->pool)
					  : own_text(base, req->res.status, "message", st->message);
		const char *lang = base ? catalog_lang(base) : "en";
		buf b;
		buf_init(&b, &req->pool);
		buf_adds(&b, "<!doctype html>\n<html lang=\"");
		esc_html(&b, lang, strlen(lang));
		buf_adds(&b,
			 "\">\n<head>\n<meta charset=\"utf-8\">\n"
			 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
		esc_html(&b, title, strlen(title));
		buf_adds(&b, "</title>\n</head>\n<body>\n<main>\n<h1>");
		esc_html(&b, title, strlen(title));
		buf_adds(&b, "</h1>\n<p>");
		if (message)
			esc_html(&b, message, strlen(message));
		buf_adds(&b, "</p>\n</main>\n</body>\n</html>\n");
		ssize_t ct = h2o_find_header(&req->res.headers, H2O_TOKEN_CONTENT_TYPE, -1);
		if (ct >= 0)
			req->res.headers.entries[ct].value =
			    h2o_iovec_init(H2O_STRLIT("text/html; charset=utf-8"));
		req->res.content_length = b.len;
		struct own_page *o = (struct own_page *)h2o_add_ostream(req, sizeof *o, slot);
		o->super.do_send = own_page_send;
		o->body = h2o_iovec_init(b.p, b.len);
		o->sent = 0;
		slot = &o->super.next;
	}
	h2o_setup_next_ostream(req, slot);
}

/* A JSON access-log line: the client (behind trusted proxies the one they name, else the peer) and the proxy
 * (the peer, or null). */
#define ACCESS_LOG_JSON(client, proxy)                                                                       \
	"{\"time\":\"%{%Y-%m-%dT%H:%M:%S}t.%{msec_frac}t%{%z}t\",\"client\":\"" client "\",\"proxy\":" proxy \
	",\"method\":\"%m\",\"host\":\"%V\",\"path\":\"%U%q\",\"protocol\":\"%H\",\"status\":%s,\"bytes\":%" \
	"b,"                                                                                                 \
	"\"duration\":%{duration}x,\"referer\":\"%{Referer}i\",\"user_agent\":\"%{User-agent}i\"}"

static int setup_globalconf(struct app *app, char *err, size_t errlen)
{
	if (config_check(&app->cfg, err, errlen) != 0 ||
	    netlist_parse(&app->proxies, app->cfg.trusted_proxies, err, errlen) != 0 ||
	    netlist_parse(&app->metrics_allow, app->cfg.metrics_allow, err, errlen) != 0)
		return -1;
	h2o_config_init(&globalconf);
	globalconf.server_name = h2o_iovec_init(H2O_STRLIT("plenary"));
	/* one limit on every path, checked by h2o at the headers (413, also to Expect: 100-continue) before
	 * any of the body is read; larger files arrive as chunks of a resumable upload */
	globalconf.max_request_entity_size = (size_t)app->cfg.max_body_kb * 1024;
	/* clear-text HTTP/2 only when asked: behind a proxy it is HTTP/1.1 anyway, and h2c is how an attacker
	 * opens hundreds of streams per connection without a TLS handshake */
	globalconf.http1.upgrade_to_http2 = app->cfg.http2_cleartext;
	h2o_hostconf_t *host =
	    h2o_config_register_host(&globalconf, h2o_iovec_init(H2O_STRLIT("default")), 65535);
	struct own_filter *filter =
	    (struct own_filter *)h2o_create_filter(&host->fallback_path, sizeof *filter);
	filter->super.on_setup_ostream = on_setup_ostream;
	filter->app = app;
	h2o_pathconf_t *path = h2o_config_register_path(host, "/", 0);
	dispatch_register(path, app);
	/* a path no request reaches by itself: its file handler serves the media files media_file passes on,
	 * after the route table's policy; ETags are Plenary's (the content hash the name holds) */
	static h2o_pathconf_t media_path;
	static char media_dir[1100];
	snprintf(media_dir, sizeof media_dir, "%s/", app->cfg.media_dir);
	h2o_mimemap_t *types = h2o_mimemap_create(); /* its defaults: .mp4 video/mp4, .webm video/webm */
	h2o_config_init_pathconf(&media_path, &globalconf, "/media/", types);
	if (!h2o_file_register(&media_path, media_dir, NULL, types, H2O_FILE_FLAG_NO_ETAG) ||
	    media_path.handlers.size != 1) {
		snprintf(err, errlen, "media_dir: h2o's file handler could not be set up");
		return -1;
	}
	app->media_files = media_path.handlers.entries[0];
	const char *log = app->cfg.access_log;
	if (log[0]) {
		/* behind trusted proxies the line starts with the client they name (dispatch.c sets it; "-"
		 * for what h2o answers before dispatch) and ends with the proxy's own address; else the
		 * combined format */
		const char *format = app->proxies.n ? "%{client}e %l %u %t \"%r\" %s %b \"%{Referer}i\" "
						      "\"%{User-agent}i\" %h"
						    : NULL;
		int json = strcmp(app->cfg.access_log_format, "json") == 0;
		if (json) /* h2o escapes each value for JSON (a missing one is null); docs/deploy.md */
			format = app->proxies.n ? ACCESS_LOG_JSON("%{client}e", "\"%h\"")
						: ACCESS_LOG_JSON("%h", "null");
		h2o_access_log_filehandle_t *fh =
		    h2o_access_log_open_handle(strcmp(log, "-") == 0 ? "/dev/stdout" : log, format,
					       json ? H2O_LOGCONF_ESCAPE_JSON : H2O_LOGCONF_ESCAPE_APACHE);
		if (!fh) {
			snprintf(err, errlen, "access_log: cannot open %.400s", log);
			return -1;
		}
		h2o_access_log_register(path, fh);
	}
	return 0;
}

static int nworkers;

int server_start(struct app *app)
{
	char err[512];
	if (setup_tls(app, err, sizeof err) != 0 || setup_globalconf(app, err, sizeof err) != 0) {
		log_error("%s", err);
		return -1;
	}
	int n = app->cfg.threads > 0 ? app->cfg.threads : (int)sysconf(_SC_NPROCESSORS_ONLN);
	if (n < 1)
		n = 1;
	signal(SIGPIPE, SIG_IGN);
	workers = calloc((size_t)n, sizeof *workers);
	if (!workers)
		die("out of memory");
	for (int i = 0; i < n; i++) {
		if (worker_init(&workers[i], app, i, globalconf.hosts, err, sizeof err) != 0) {
			log_error("%s", err);
			return -1;
		}
	}
	metrics_install(workers, n);
	if (render_start(app, app->cfg.render_threads, err, sizeof err) != 0) {
		log_error("render threads: %s", err);
		return -1;
	}
	if (metrics_listen_start(app, err, sizeof err) != 0) {
		log_error("%s", err);
		return -1;
	}
	for (int i = 0; i < n; i++)
		if (pthread_create(&workers[i].thread, NULL, worker_main, &workers[i]) != 0)
			die("cannot start worker thread");
	nworkers = n;
	char shown[512];
	log_info("serving on %s://%s/ with %d worker threads (database %s)%s", ssl_ctx ? "https" : "http",
		 app->cfg.listen, n, store_display(app->cfg.database, shown, sizeof shown),
		 ssl_ctx ? "; HTTP/2 offered" : "");
	return 0;
}

void server_stop_begin(void)
{
	atomic_store(&stopping, 1);
}

void server_stop(void)
{
	atomic_store(&stopping, 1);
	for (int i = 0; i < nworkers; i++)
		pthread_join(workers[i].thread, NULL);
	render_stop(); /* the workers waited for every page out on a render thread */
	metrics_listen_stop();
	for (int i = 0; i < nworkers; i++) {
		store_close(workers[i].db);
		page_cache_free(workers[i].cache);
		router_hooks.worker_gone(&workers[i]);
		conn_load_free(&workers[i]);
		worker_sites_free(&workers[i]);
	}
	nworkers = 0;
	SSL_CTX_free(ssl_ctx);
	ssl_ctx = NULL;
	log_info("stopped");
}

int server_run(struct app *app)
{
	/* workers inherit this mask: only the main thread receives SIGTERM and SIGINT */
	sigset_t set;
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGINT);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (server_start(app) != 0)
		return 1;
	int sig = 0;
	sigwait(&set, &sig);
	log_info("%s: finishing requests in flight, then stopping", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	server_stop();
	return 0;
}
