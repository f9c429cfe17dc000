/* crawl: fetches a site's public pages from a Plenary server over loopback HTTP with libcurl, several
 * keep-alive connections at once, following the links of every page and the sitemaps' URLs. */
#include "export/crawl.h"

#include <ctype.h>
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/catalog.h"
#include "core/log.h"
#include "export/set.h"

#define MAX_BROKEN 20

struct job {
	size_t site;
	const char *url, *from;
	int error_page;
};

struct slot {
	CURL *h;
	struct job job;
	buf body;
	int busy;
};

struct crawler {
	char *base;
	size_t nsites;
	char *
	    *roots; /* per site: "http://host/" and "https://host/", for absolute links to the site itself */
	struct curl_slist **headers;
	const char *error_path;
	crawl_callback cb;
	void *ctx;
	CURLM *multi;
	struct slot *slots;
	int nslots, running;
	h2o_mem_pool_t pool;
	struct strset seen; /* "<site> <url>" of every URL queued so far */
	struct job *queue;
	size_t qhead, qlen, qcap;
	buf key, link, url;
	struct crawl_stats st;
	struct job broken[MAX_BROKEN];
	size_t nbroken;
	const char *const *langs; /* per site, or NULL (crawl_languages) */
};

/* ---- which URLs an export fetches ---- */

static int segment_is(const char *seg, size_t len, const char *name)
{
	return strlen(name) == len && memcmp(seg, name, len) == 0;
}

/* The length of a leading "/LANG" naming one of langs, followed by '/'; 0 otherwise. */
static size_t language_prefix(const char *url, size_t len, const char *langs)
{
	size_t n = 1;
	while (n < len && n < 5 && url[n] >= 'a' && url[n] <= 'z')
		n++;
	if (n < 3 || n > 4 || n >= len || url[n] != '/')
		return 0;
	return catalog_list_has(langs, url + 1, n - 1) ? n : 0;
}

int crawl_wanted(const char *url, size_t len, const char *langs)
{
	size_t lang = len ? language_prefix(url, len, langs) : 0;
	url += lang; /* /fr/congresses is judged as /congresses */
	len -= lang;
	/* what a static copy cannot serve: forms, accounts, the back office, search, the consent choice */
	static const char *const server_only[] = {"admin",   "account", "signin",  "signup",
						  "signout", "reset",	"verify",  "search",
						  "consent", "cookies", "contact", "healthz"};
	if (len == 0 || len > 1000 || url[0] != '/')
		return 0;
	const char *q = memchr(url, '?', len);
	size_t plen = q ? (size_t)(q - url) : len;
	if (plen > 1 && url[plen - 1] == '/')
		return 0; /* /x/ is not /x: it has no file of its own */
	const char *first = url + 1;
	size_t firstlen = 0;
	while (1 + firstlen < plen && first[firstlen] != '/')
		firstlen++;
	for (size_t i = 0; i < sizeof server_only / sizeof *server_only; i++)
		if (segment_is(first, firstlen, server_only[i]))
			return 0;
	/* a library video (/media/<hash>.mp4): gigabytes a fetch would hold in memory; not exported */
	if (segment_is(first, firstlen, "media") && plen > 6 &&
	    ((plen > 4 && memcmp(url + plen - 4, ".mp4", 4) == 0) ||
	     (plen > 5 && memcmp(url + plen - 5, ".webm", 5) == 0)))
		return 0;
	for (const char *seg = url + 1; plen > 1 && seg <= url + plen;) {
		const char *end = memchr(seg, '/', (size_t)(url + plen - seg));
		size_t n = end ? (size_t)(end - seg) : (size_t)(url + plen - seg);
		if (n == 0 || segment_is(seg, n, ".") || segment_is(seg, n, ".."))
			return 0;
		seg += n + 1;
	}
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)url[i] <= 0x20 || url[i] == 0x7f || url[i] == '\\')
			return 0;
	if (!q)
		return 1;
	const char *qs = q + 1;
	size_t qlen = len - plen - 1;
	if (segment_is(first, firstlen, "static") || segment_is(first, firstlen, "media"))
		return 1; /* a version for caches; the file is the same */
	if (qlen < 6 || qlen > 11 || memcmp(qs, "page=", 5) != 0 || qs[5] == '0')
		return 0;
	for (size_t i = 5; i < qlen; i++)
		if (!isdigit((unsigned char)qs[i]))
			return 0;
	return 1;
}

/* ---- the queue ---- */

static void enqueue(struct crawler *c, size_t site, const char *url, size_t len, const char *from,
		    int error_page)
{
	if (!error_page && !crawl_wanted(url, len, c->langs ? c->langs[site] : NULL)) {
		c->st.skipped++;
		return;
	}
	buf_reset(&c->key);
	buf_printf(&c->key, "%zu ", site);
	size_t prefix = c->key.len;
	buf_add(&c->key, url, len);
	int added;
	const char *k = set_add(&c->seen, c->key.p, c->key.len, &added);
	if (!added)
		return;
	if (c->qlen == c->qcap) {
		c->qcap = c->qcap ? c->qcap * 2 : 4096;
		c->queue = realloc(c->queue, c->qcap * sizeof *c->queue);
		if (!c->queue)
			die("out of memory");
	}
	c->queue[c->qlen++] =
	    (struct job){.site = site, .url = k + prefix, .from = from, .error_page = error_page};
}

/* A link as written in a page (HTML-escaped, maybe absolute, maybe with a #fragment): queued when it is a URL
 * of the same site. */
static void add_link(struct crawler *c, size_t site, const char *from, const char *v, size_t n)
{
	static const struct {
		const char *entity, *c;
	} entities[] = {{"&amp;", "&"}, {"&#39;", "'"}, {"&quot;", "\""}, {"&lt;", "<"}, {"&gt;", ">"}};
	buf *l = &c->link;
	buf_reset(l);
	for (size_t i = 0; i < n; i++) {
		size_t k = 0;
		if (v[i] == '&')
			for (k = 0; k < sizeof entities / sizeof *entities; k++)
				if (strncmp(v + i, entities[k].entity, strlen(entities[k].entity)) == 0 &&
				    i + strlen(entities[k].entity) <= n)
					break;
		if (v[i] == '&' && k < sizeof entities / sizeof *entities) {
			buf_adds(l, entities[k].c);
			i += strlen(entities[k].entity) - 1;
		} else {
			buf_addc(l, v[i]);
		}
	}
	if (!l->len)
		return;
	const char *u = l->p;
	size_t len = l->len;
	const char *hash = memchr(u, '#', len);
	if (hash)
		len = (size_t)(hash - u);
	for (int k = 0; k < 2 && u[0] != '/'; k++) {
		const char *root = c->roots[2 * site + (size_t)k];
		size_t rl = strlen(root);
		if (len >= rl && strncasecmp(u, root, rl) == 0) {
			u += rl - 1; /* keep the root's final '/' */
			len -= rl - 1;
		}
	}
	if (len && u[0] == '/' && !(len > 1 && u[1] == '/'))
		enqueue(c, site, u, len, from, 0);
}

/* href="…", src="…" and srcset="… 320w, … 640w" of an HTML page. */
static void html_links(struct crawler *c, const struct job *j, const char *p, size_t n)
{
	const char *end = p + n;
	for (const char *q = p; (q = memchr(q, '=', (size_t)(end - q))) != NULL && q + 2 < end; q++) {
		if (q[1] != '"')
			continue;
		const char *a = q;
		while (a > p && isalpha((unsigned char)a[-1]))
			a--;
		size_t alen = (size_t)(q - a);
		if (a == p || !isspace((unsigned char)a[-1]))
			continue; /* data-href= and the like are no links */
		int srcset = alen == 6 && strncasecmp(a, "srcset", 6) == 0;
		if (!srcset && !(alen == 4 && strncasecmp(a, "href", 4) == 0) &&
		    !(alen == 3 && strncasecmp(a, "src", 3) == 0))
			continue;
		const char *v = q + 2, *ve = memchr(v, '"', (size_t)(end - v));
		if (!ve)
			break;
		while (srcset && v < ve) { /* "url width, url width" */
			while (v < ve && (*v == ' ' || *v == ','))
				v++;
			const char *e = v;
			while (e < ve && *e != ' ' && *e != ',')
				e++;
			if (e > v)
				add_link(c, j->site, j->url, v, (size_t)(e - v));
			while (e < ve && *e != ',')
				e++;
			v = e;
		}
		if (!srcset)
			add_link(c, j->site, j->url, v, (size_t)(ve - v));
		q = ve;
	}
}

/* <loc>…</loc> of a sitemap: every public URL the site lists for search engines. */
static void sitemap_links(struct crawler *c, const struct job *j, const char *p, size_t n)
{
	const char *end = p + n;
	for (const char *q = p; (q = memmem(q, (size_t)(end - q), "<loc>", 5)) != NULL;) {
		q += 5;
		const char *e = memmem(q, (size_t)(end - q), "</loc>", 6);
		if (!e)
			break;
		add_link(c, j->site, j->url, q, (size_t)(e - q));
		q = e + 6;
	}
}

/* ---- transfers ---- */

static size_t on_body(char *data, size_t size, size_t n, void *arg)
{
	struct slot *s = arg;
	buf_add(&s->body, data, size * n);
	return size * n;
}

static void start(struct crawler *c, struct slot *s, struct job j)
{
	s->job = j;
	s->busy = 1;
	buf_reset(&s->body);
	buf *u = &c->url;
	buf_reset(u);
	buf_adds(u, c->base);
	for (const char *p = j.url; *p; p++) { /* what a URL cannot hold as it is, escaped */
		unsigned char ch = (unsigned char)*p;
		if (ch <= 0x20 || ch >= 0x7f || strchr("\"<>\\^`{|}", ch))
			buf_printf(u, "%%%02X", ch);
		else
			buf_addc(u, (char)ch);
	}
	curl_easy_setopt(s->h, CURLOPT_URL, buf_cstr(u));
	curl_easy_setopt(s->h, CURLOPT_HTTPHEADER, c->headers[j.site]);
	curl_multi_add_handle(c->multi, s->h);
	c->running++;
}

static void finish(struct crawler *c, struct slot *s, CURLcode result)
{
	struct job *j = &s->job;
	struct crawl_page pg = {.site = j->site,
				.url = j->url,
				.from = j->from,
				.error_page = j->error_page,
				.ctype = "",
				.body = s->body.p ? s->body.p : "",
				.len = s->body.len};
	char *ctype = NULL, *location = NULL;
	if (result == CURLE_OK) {
		curl_easy_getinfo(s->h, CURLINFO_RESPONSE_CODE, &pg.status);
		curl_easy_getinfo(s->h, CURLINFO_CONTENT_TYPE, &ctype);
		curl_easy_getinfo(s->h, CURLINFO_REDIRECT_URL, &location);
		if (ctype)
			pg.ctype = ctype;
		struct curl_header *hdr;
		pg.sets_cookie = curl_easy_header(s->h, "Set-Cookie", 0, CURLH_HEADER, -1, &hdr) == CURLHE_OK;
	} else {
		pg.failure = curl_easy_strerror(result);
	}
	c->st.fetched++;
	if (c->cb(c->ctx, &pg) != 0 || pg.status == 0 || pg.status >= 500)
		c->st.failed++;
	if (pg.status == 200 && strncmp(pg.ctype, "text/html", 9) == 0)
		html_links(c, j, pg.body, pg.len);
	else if (pg.status == 200 && strncmp(j->url, "/sitemap", 8) == 0)
		sitemap_links(c, j, pg.body, pg.len);
	else if (pg.status >= 300 && pg.status < 400 && location) {
		c->st.redirects++;
		size_t bl = strlen(c->base);
		if (strncmp(location, c->base, bl) == 0)
			enqueue(c, j->site, location + bl, strlen(location + bl), j->url, 0);
	} else if (pg.status >= 400 && pg.status < 500 && !j->error_page) {
		if (c->nbroken < MAX_BROKEN)
			c->broken[c->nbroken++] = *j;
		c->st.broken++;
	}
	curl_multi_remove_handle(c->multi, s->h);
	s->busy = 0;
	c->running--;
}

void crawl_languages(struct crawler *c, const char *const *langs)
{
	c->langs = langs;
}

struct crawler *crawl_new(const char *base, const char *const *hosts, size_t nsites, int connections,
			  const char *error_path, crawl_callback cb, void *ctx)
{
	static int curl_ready;
	if (!curl_ready++)
		curl_global_init(CURL_GLOBAL_DEFAULT);
	struct crawler *c = calloc(1, sizeof *c);
	if (!c)
		die("out of memory");
	h2o_mem_init_pool(&c->pool);
	set_init(&c->seen, &c->pool);
	buf_init(&c->key, NULL);
	buf_init(&c->link, NULL);
	buf_init(&c->url, NULL);
	c->base = strdup(base);
	c->nsites = nsites;
	c->error_path = error_path;
	c->cb = cb;
	c->ctx = ctx;
	c->roots = calloc(2 * nsites, sizeof *c->roots);
	c->headers = calloc(nsites, sizeof *c->headers);
	c->nslots = connections > 0 ? connections : 1;
	c->slots = calloc((size_t)c->nslots, sizeof *c->slots);
	c->multi = curl_multi_init();
	if (!c->base || !c->roots || !c->headers || !c->slots || !c->multi)
		die("out of memory");
	int tls = strncmp(base, "https:", 6) == 0;
	curl_multi_setopt(c->multi, CURLMOPT_PIPELINING, (long)CURLPIPE_NOTHING);
	curl_multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)c->nslots);
	curl_multi_setopt(c->multi, CURLMOPT_MAXCONNECTS, (long)c->nslots);
	for (int i = 0; i < c->nslots; i++) {
		struct slot *s = &c->slots[i];
		buf_init(&s->body, NULL);
		s->h = curl_easy_init();
		if (!s->h)
			die("libcurl: cannot make a transfer");
		curl_easy_setopt(s->h, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(s->h, CURLOPT_WRITEFUNCTION, on_body);
		curl_easy_setopt(s->h, CURLOPT_WRITEDATA, s);
		curl_easy_setopt(s->h, CURLOPT_PRIVATE, s);
		/* one request per connection at a time: HTTP/2 would put them all on one connection, so on
		 * one worker thread of the server */
		curl_easy_setopt(s->h, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_1_1);
		curl_easy_setopt(s->h, CURLOPT_TIMEOUT, 120L);
		if (tls) { /* our own server on loopback, with whatever certificate it was given */
			curl_easy_setopt(s->h, CURLOPT_SSL_VERIFYPEER, 0L);
			curl_easy_setopt(s->h, CURLOPT_SSL_VERIFYHOST, 0L);
		}
	}
	buf b;
	for (size_t i = 0; i < nsites; i++) {
		buf_init(&b, &c->pool);
		buf_printf(&b, "http://%s/", hosts[i]);
		c->roots[2 * i] = (char *)buf_cstr(&b);
		buf_init(&b, &c->pool);
		buf_printf(&b, "https://%s/", hosts[i]);
		c->roots[2 * i + 1] = (char *)buf_cstr(&b);
		buf_init(&b, &c->pool);
		buf_printf(&b, "Host: %s", hosts[i]);
		c->headers[i] = curl_slist_append(NULL, buf_cstr(&b));
		c->headers[i] = curl_slist_append(c->headers[i], "Cookie: plenary_consent=rejected");
		static const char *const starts[] = {"/", "/robots.txt", "/sitemap.xml", "/feed.rss",
						     "/feed.atom"};
		for (size_t k = 0; k < sizeof starts / sizeof *starts; k++)
			enqueue(c, i, starts[k], strlen(starts[k]), NULL, 0);
		if (error_path)
			enqueue(c, i, error_path, strlen(error_path), NULL, 1);
	}
	return c;
}

int crawl_run(struct crawler *c)
{
	for (;;) {
		for (int i = 0; i < c->nslots && c->qhead < c->qlen; i++)
			if (!c->slots[i].busy)
				start(c, &c->slots[i], c->queue[c->qhead++]);
		if (!c->running)
			break;
		int still = 0, done = 0, left;
		CURLMcode mc = curl_multi_perform(c->multi, &still);
		if (mc != CURLM_OK) {
			log_error("export: libcurl: %s", curl_multi_strerror(mc));
			c->st.failed++;
			break;
		}
		CURLMsg *m;
		while ((m = curl_multi_info_read(c->multi, &left)) != NULL) {
			if (m->msg != CURLMSG_DONE)
				continue;
			struct slot *s;
			curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&s);
			finish(c, s, m->data.result);
			done++;
		}
		if (!done && still)
			curl_multi_poll(c->multi, NULL, 0, 1000, NULL);
	}
	return c->st.failed || c->running ? -1 : 0;
}

const struct crawl_stats *crawl_stats(const struct crawler *c)
{
	return &c->st;
}

void crawl_print_broken(const struct crawler *c, size_t max)
{
	for (size_t i = 0; i < c->nbroken && i < max; i++)
		fprintf(stderr, "  %s%s (linked from %s)\n", c->roots[2 * c->broken[i].site],
			c->broken[i].url + 1, c->broken[i].from ? c->broken[i].from : "the start");
	if (c->st.broken > max && c->nbroken)
		fprintf(stderr, "  … and %zu more\n", c->st.broken - (max < c->nbroken ? max : c->nbroken));
}

void crawl_free(struct crawler *c)
{
	if (!c)
		return;
	for (int i = 0; i < c->nslots; i++) {
		if (c->slots[i].busy)
			curl_multi_remove_handle(c->multi, c->slots[i].h);
		curl_easy_cleanup(c->slots[i].h);
		buf_free(&c->slots[i].body);
	}
	curl_multi_cleanup(c->multi);
	for (size_t i = 0; i < c->nsites; i++)
		curl_slist_free_all(c->headers[i]);
	free(c->headers);
	free(c->roots);
	free(c->slots);
	free(c->queue);
	free(c->base);
	buf_free(&c->key);
	buf_free(&c->link);
	buf_free(&c->url);
	set_free(&c->seen);
	h2o_mem_clear_pool(&c->pool);
	free(c);
}
