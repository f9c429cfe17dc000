/* feed: RSS 2.0 and Atom feeds of the site and of each section, congress, topic and trial; the sitemaps and
 * robots.txt. Gated articles appear as their public teaser: title and summary, never the body. */
#include <sodium.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "core/sorted.h"
#include "http/lang.h"
#include "http/response.h"
#include "render/escape.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "site/video_page.h"
#include "jobs/media.h"
#include "store/editorial.h"
#include "store/desk.h"
#include "store/video.h"
#include "store/structure.h"

#define FEED_ITEMS 30
#define SITEMAP_ARTICLES 5000 /* per file; the protocol allows 50,000 but smaller files load faster */
#define SITEMAP_VIDEOS 50000  /* public videos of a site read for one file */

/* The XML escaper is the HTML one: it writes &lt; &gt; &amp; &quot; &#39;, all valid XML. */
static void xml_text(buf *b, const char *s)
{
	esc_html(b, s, strlen(s));
}

static void time_rfc822(buf *b, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[64];
	gmtime_r(&tt, &tm);
	strftime(s, sizeof s, "%a, %d %b %Y %H:%M:%S +0000", &tm);
	buf_adds(b, s);
}

static void time_rfc3339(buf *b, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char s[40];
	gmtime_r(&tt, &tm);
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_adds(b, s);
}

/* Sends an XML document with an ETag of its bytes, so readers polling an unchanged feed get 304. */
static void send_xml(struct request *r, const char *ctype, buf *b)
{
	unsigned char h[12];
	char hex[25], *etag = h2o_mem_alloc_pool(r->pool, 32);
	crypto_generichash(h, sizeof h, (const unsigned char *)b->p, b->len, NULL, 0);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	snprintf(etag, 32, "\"%s\"", hex);
	resp_bytes(r, 200, ctype, "public, max-age=300", etag, b->p ? b->p : "", b->len);
}

struct feed {
	const char *title, *path; /* path of the list page: "" for the home page, "/section/x" */
	struct article_filter filter;
};

/* Which list a feed URL belongs to: 1 found, 0 not (answered 404), -1 error (answered 500). */
static int feed_for(struct request *r, const char *kind, struct feed *f)
{
	memset(f, 0, sizeof *f);
	f->filter.site_id = r->site->id;
	const char *site_name = req_name(r, "site", r->site->id, "name", r->site->name);
	if (!kind) {
		f->title = site_name;
		f->path = "";
		return 1;
	}
	const char *slug = r->params[0];
	int found = 0;
	const char *name = "";
	if (strcmp(kind, "section") == 0) {
		struct section s;
		if ((found = store_section_by_slug(r->w->db, r->pool, r->site->id, slug, &s)) == 1)
			f->filter.section_id = s.id, name = req_name(r, "section", s.id, "name", s.name);
	} else if (strcmp(kind, "congress") == 0) {
		struct congress c;
		if ((found = store_congress_by_slug(r->w->db, r->pool, r->site->id, slug, &c)) == 1)
			f->filter.congress_id = c.id, name = req_name(r, "congress", c.id, "name", c.name);
	} else if (strcmp(kind, "tag") == 0) {
		struct tag t;
		if ((found = store_tag_by_slug(r->w->db, r->pool, r->site->id, slug, &t)) == 1)
			f->filter.tag_id = t.id, name = req_name(r, "tag", t.id, "name", t.name);
	} else {
		struct trial_edit t;
		if ((found = store_trial_by_slug(r->w->db, r->pool, r->site->id, slug, &t)) == 1)
			f->filter.trial_id = t.id, name = t.name;
	}
	if (found != 1) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "errors.no_feed"));
		return found < 0 ? -1 : 0;
	}
	buf b;
	buf_init(&b, r->pool);
	buf_printf(&b, "%s: %s", site_name, name);
	f->title = buf_cstr(&b);
	buf p;
	buf_init(&p, r->pool);
	buf_printf(&p, "/%s/%s", kind, slug);
	f->path = buf_cstr(&p);
	return 1;
}

static void feed(struct request *r, const char *kind, int atom)
{
	struct feed f;
	if (feed_for(r, kind, &f) != 1)
		return;
	languages_filter(r, &f.filter); /* a feed under /fr/ lists the French members */
	struct article *as;
	size_t n, total;
	if (store_articles(r->w->db, r->pool, &f.filter, 0, FEED_ITEMS, &as, &n, &total) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	if (n == 0 && kind && strcmp(kind, "trial") == 0) {
		/* as its page: a trial with nothing published about it stays hidden (its name may be
		 * embargoed) */
		resp_error(r, 404, req_text(r, "errors.no_feed"));
		return;
	}
	/* the list's pages in the feed's language; each article at its own language's address */
	const char *root = languages_url_of(r, req_lang(r), "/"); /* ends with '/' */
	req_name_articles(r, as, n);
	const char *site_name = req_name(r, "site", r->site->id, "name", r->site->name),
		   *tagline = req_name(r, "site", r->site->id, "tagline", r->site->tagline);
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
	int64_t newest = n ? as[0].published_at : 0;
	for (size_t i = 0; i < n; i++)
		if (as[i].updated_at > newest)
			newest = as[i].updated_at;
	if (atom) {
		buf_printf(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"%s\">\n<title>",
			   req_lang(r));
		xml_text(&b, f.title);
		buf_printf(&b, "</title>\n<subtitle>");
		xml_text(&b, tagline);
		buf_printf(&b, "</subtitle>\n<id>%s%s</id>\n", root, f.path[0] ? f.path + 1 : "");
		buf_printf(&b, "<link rel=\"alternate\" type=\"text/html\" href=\"%s%s\"/>\n", root,
			   f.path[0] ? f.path + 1 : "");
		buf_printf(&b,
			   "<link rel=\"self\" type=\"application/atom+xml\" href=\"%s%s%sfeed.atom\"/>\n",
			   root, f.path[0] ? f.path + 1 : "", f.path[0] ? "/" : "");
		buf_adds(&b, "<updated>");
		time_rfc3339(&b, newest ? newest : store_now());
		buf_adds(&b, "</updated>\n<author><name>");
		xml_text(&b, site_name);
		buf_adds(&b, "</name></author>\n");
		for (size_t i = 0; i < n; i++) {
			const struct article *a = &as[i];
			buf_adds(&b, "<entry>\n<title>");
			xml_text(&b, a->title);
			const char *home = languages_url_of(r, a->lang, "/");
			buf_printf(&b,
				   "</title>\n<link rel=\"alternate\" type=\"text/html\" href=\"%sarticle/",
				   home);
			xml_text(&b, a->slug);
			/* the link counts as a feed's click (count.h); the id stays the article's address */
			buf_printf(&b, "?via=feed\"/>\n<id>%sarticle/", home);
			xml_text(&b, a->slug);
			buf_adds(&b, "</id>\n<published>");
			time_rfc3339(&b, a->published_at);
			buf_adds(&b, "</published>\n<updated>");
			time_rfc3339(&b, a->updated_at > a->published_at ? a->updated_at : a->published_at);
			buf_adds(&b, "</updated>\n<category term=\"");
			xml_text(&b, a->section.name);
			buf_adds(&b, "\"/>\n<summary>");
			xml_text(&b, a->summary);
			buf_adds(&b, "</summary>\n</entry>\n");
		}
		buf_adds(&b, "</feed>\n");
		send_xml(r, "application/atom+xml; charset=utf-8", &b);
		return;
	}
	buf_adds(&b, "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n<title>");
	xml_text(&b, f.title);
	buf_printf(&b, "</title>\n<link>%s%s</link>\n<description>", root, f.path[0] ? f.path + 1 : "");
	xml_text(&b, tagline[0] ? tagline : site_name);
	buf_printf(&b, "</description>\n<language>%s</language>\n", req_lang(r));
	buf_printf(&b, "<atom:link href=\"%s%s%sfeed.rss\" rel=\"self\" type=\"application/rss+xml\"/>\n",
		   root, f.path[0] ? f.path + 1 : "", f.path[0] ? "/" : "");
	if (newest) {
		buf_adds(&b, "<lastBuildDate>");
		time_rfc822(&b, newest);
		buf_adds(&b, "</lastBuildDate>\n");
	}
	for (size_t i = 0; i < n; i++) {
		const struct article *a = &as[i];
		buf_adds(&b, "<item>\n<title>");
		xml_text(&b, a->title);
		const char *home = languages_url_of(r, a->lang, "/");
		buf_printf(&b, "</title>\n<link>%sarticle/", home);
		xml_text(&b, a->slug);
		/* the link counts as a feed's click (count.h); the guid stays the article's address */
		buf_printf(&b, "?via=feed</link>\n<guid isPermaLink=\"true\">%sarticle/", home);
		xml_text(&b, a->slug);
		buf_adds(&b, "</guid>\n<pubDate>");
		time_rfc822(&b, a->published_at);
		buf_adds(&b, "</pubDate>\n<category>");
		xml_text(&b, a->section.name);
		buf_adds(&b, "</category>\n<description>");
		xml_text(&b, a->summary);
		buf_adds(&b, "</description>\n</item>\n");
	}
	buf_adds(&b, "</channel>\n</rss>\n");
	send_xml(r, "application/rss+xml; charset=utf-8", &b);
}

/* Every feed URL: /feed.rss, /feed.atom, and /<kind>/<slug>/feed.rss|atom for a section, congress, topic
 * or trial; the kind is the path's first segment. */
void feed_page(struct request *r)
{
	static const char *const kinds[] = {"section", "congress", "tag", "trial"};
	const char *kind = NULL;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds && r->nparams; i++)
		if (strncmp(r->path + 1, kinds[i], strlen(kinds[i])) == 0 &&
		    r->path[1 + strlen(kinds[i])] == '/')
			kind = kinds[i];
	size_t n = strlen(r->path);
	feed(r, kind, n > 5 && strcmp(r->path + n - 5, ".atom") == 0);
}

/* ---- sitemaps and robots.txt ---- */

/* One <url>: root, then "kind/" when kind is set, then path (a slug, or a page's path). */
/* A sitemap's <url> with its location and date, left open for what else it holds. */
static void url_open(buf *b, const char *root, const char *kind, const char *path, int64_t lastmod)
{
	buf_printf(b, "<url><loc>%s%s%s", root, kind ? kind : "", kind ? "/" : "");
	xml_text(b, path);
	buf_adds(b, "</loc>");
	if (lastmod > 0) {
		buf_adds(b, "<lastmod>");
		time_rfc3339(b, lastmod);
		buf_adds(b, "</lastmod>");
	}
}

/* The languages a site's pages are read in: each one's code and root address ("https://x/fr/"). */
struct site_langs {
	size_t n;
	const char *code[LANGUAGES_MAX], *root[LANGUAGES_MAX];
};

static void site_langs(struct request *r, struct site_langs *l)
{
	l->n = languages_offered(r, l->code);
	for (size_t i = 0; i < l->n; i++)
		l->root[i] = languages_url_of(r, l->code[i], "/");
}

/* An <xhtml:link> naming the page at root, kind and path in language code. */
static void url_alternate(buf *b, const char *code, const char *root, const char *kind, const char *path)
{
	buf_printf(b, "<xhtml:link rel=\"alternate\" hreflang=\"%s\" href=\"%s%s%s", code, root,
		   kind ? kind : "", kind ? "/" : "");
	xml_text(b, path);
	buf_adds(b, "\"/>");
}

/* A page that is the same path in every language: one <url> per language, each naming all of them. */
static void url_entry(buf *b, const struct site_langs *l, const char *kind, const char *path, int64_t lastmod)
{
	for (size_t i = 0; i < l->n; i++) {
		url_open(b, l->root[i], kind, path, lastmod);
		for (size_t j = 0; j < l->n && l->n > 1; j++)
			url_alternate(b, l->code[j], l->root[j], kind, path);
		buf_adds(b, "</url>\n");
	}
}

/* The members of an article's family among a site's (ordered by root_id), or NULL: *n of them. */
static const struct translation *family_of(const struct translation *ts, size_t nts, int64_t root, size_t *n)
{
	size_t lo = sorted_first(ts, nts, sizeof *ts, offsetof(struct translation, root_id), root);
	for (*n = 0; lo + *n < nts && ts[lo + *n].root_id == root;)
		++*n;
	return *n ? &ts[lo] : NULL;
}

/* The video of an article among a site's public ones (ordered by article id), or NULL. */
static const struct video_listing *video_of(const struct video_listing *vs, size_t n, int64_t article_id)
{
	size_t i = sorted_first(vs, n, sizeof *vs, offsetof(struct video_listing, article_id), article_id);
	return i < n && vs[i].article_id == article_id ? &vs[i] : NULL;
}

/* A <video:video> inside the article's open <url>. Search engines want a thumbnail: a video without a poster
 * (nor YouTube's) is left out. */
static void video_entry(struct request *r, buf *b, const char *root, const struct article *a,
			const struct video_listing *v)
{
	const char *yt = v->file_hash[0] ? NULL : video_youtube_id(r->pool, v->video_url);
	const char *vimeo = v->file_hash[0] || yt ? NULL : video_vimeo_id(r->pool, v->video_url);
	char thumb[300] = "", path[128];
	if (v->poster.hash[0]) {
		int ws[MEDIA_MAX_WIDTHS];
		size_t nw = media_widths(v->poster.width, ws);
		media_url(v->poster.hash, v->poster.kind,
			  ws[nw - 1] > 1280 && nw > 1 ? ws[nw - 2] : ws[nw - 1], path, sizeof path);
		snprintf(thumb, sizeof thumb, "%s%s", root, path + 1);
	} else if (yt)
		snprintf(thumb, sizeof thumb, "https://i.ytimg.com/vi/%s/hqdefault.jpg", yt);
	if (!thumb[0] || (!v->file_hash[0] && !yt && !vimeo && strncmp(v->video_url, "https://", 8) != 0))
		return;
	buf_adds(b, "<video:video><video:thumbnail_loc>");
	xml_text(b, thumb);
	buf_adds(b, "</video:thumbnail_loc><video:title>");
	xml_text(b, a->title);
	buf_adds(b, "</video:title><video:description>");
	xml_text(b, a->summary[0] ? a->summary : a->title);
	buf_adds(b, "</video:description>");
	if (v->file_hash[0])
		buf_printf(b, "<video:content_loc>%smedia/%s.%s</video:content_loc>", root, v->file_hash,
			   v->container);
	else if (yt)
		buf_printf(
		    b, "<video:player_loc>https://www.youtube-nocookie.com/embed/%s</video:player_loc>", yt);
	else if (vimeo)
		buf_printf(b, "<video:player_loc>https://player.vimeo.com/video/%s</video:player_loc>",
			   vimeo);
	else {
		buf_adds(b, "<video:content_loc>");
		xml_text(b, v->video_url);
		buf_adds(b, "</video:content_loc>");
	}
	if (v->duration_ms >= 1000)
		buf_printf(b, "<video:duration>%lld</video:duration>", (long long)(v->duration_ms / 1000));
	buf_adds(b, "</video:video>");
}

/* /sitemap.xml: an index of this site's sitemaps: its lists and pages, then its articles in files of
 * SITEMAP_ARTICLES. */
void sitemap_index(struct request *r)
{
	struct article_filter f = {.site_id = r->site->id};
	struct article *as;
	size_t n, total;
	if (store_articles(r->w->db, r->pool, &f, 0, 1, &as, &n, &total) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	const char *root = req_site_url(r, r->site);
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		     "<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
	buf_printf(&b, "<sitemap><loc>%ssitemaps/pages.xml</loc>", root);
	if (n) {
		buf_adds(&b, "<lastmod>");
		time_rfc3339(&b, as[0].published_at);
		buf_adds(&b, "</lastmod>");
	}
	buf_adds(&b, "</sitemap>\n");
	size_t files = (total + SITEMAP_ARTICLES - 1) / SITEMAP_ARTICLES;
	for (size_t i = 0; i < files; i++)
		buf_printf(&b, "<sitemap><loc>%ssitemaps/articles-%zu.xml</loc></sitemap>\n", root, i + 1);
	buf_adds(&b, "</sitemapindex>\n");
	send_xml(r, "application/xml; charset=utf-8", &b);
}

/* /sitemaps/pages.xml: home, lists, sections, congresses, topics, trials and static pages. */
void sitemap_pages(struct request *r)
{
	struct site_langs langs;
	site_langs(r, &langs);
	const struct site_langs *root = &langs; /* every page in each language the site offers */
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		     "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
		     "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	static const char *const fixed[] = {"", "congresses", "tags", "trials", "contact"};
	struct page *ps;
	size_t n, nps = 0;
	if (store_admin_pages(r->w->db, r->pool, r->site->id, &ps, &nps) != 0)
		nps = 0;
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++) {
		int64_t lastmod = 0; /* a fixed address may also have a page's text (/contact): listed once */
		for (size_t j = 0; j < nps; j++)
			if (strcmp(ps[j].path + 1, fixed[i]) == 0)
				lastmod = ps[j].updated_at;
		url_entry(&b, root, NULL, fixed[i], lastmod);
	}
	struct section *ss;
	if (store_sections(r->w->db, r->pool, r->site->id, &ss, &n) == 0)
		for (size_t i = 0; i < n; i++)
			url_entry(&b, root, "section", ss[i].slug, 0);
	struct congress *cs;
	if (store_congresses(r->w->db, r->pool, r->site->id, 0, &cs, &n) == 0)
		for (size_t i = 0; i < n; i++)
			if (cs[i].article_count)
				url_entry(&b, root, "congress", cs[i].slug, 0);
	struct tag *ts;
	if (store_tags(r->w->db, r->pool, r->site->id, 500, &ts, &n) == 0)
		for (size_t i = 0; i < n; i++)
			url_entry(&b, root, "tag", ts[i].slug, 0);
	struct trial *tr;
	if (store_trials(r->w->db, r->pool, r->site->id, &tr, &n) == 0)
		for (size_t i = 0; i < n; i++)
			if (tr[i].article_count)
				url_entry(&b, root, "trial", tr[i].slug, 0);
	for (size_t i = 0; i < nps; i++) {
		int listed = 0;
		for (size_t j = 0; j < sizeof fixed / sizeof *fixed && !listed; j++)
			listed = strcmp(ps[i].path + 1, fixed[j]) == 0;
		if (!listed)
			url_entry(&b, root, NULL, ps[i].path + 1, ps[i].updated_at);
	}
	buf_adds(&b, "</urlset>\n");
	send_xml(r, "application/xml; charset=utf-8", &b);
}

/* /sitemaps/articles-N.xml */
void sitemap_articles(struct request *r)
{
	unsigned long k = 0;
	char tail[8];
	if (sscanf(r->params[0], "articles-%lu.%7s", &k, tail) != 2 || strcmp(tail, "xml") != 0 || k < 1 ||
	    k > 10000) {
		resp_error(r, 404, NULL);
		return;
	}
	struct article_filter f = {.site_id = r->site->id};
	struct article *as;
	size_t n, total;
	if (store_articles(r->w->db, r->pool, &f, (k - 1) * SITEMAP_ARTICLES, SITEMAP_ARTICLES, &as, &n,
			   &total) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	if (n == 0 && k > 1) {
		resp_error(r, 404, NULL);
		return;
	}
	struct video_listing *vs = NULL;
	size_t nv = 0;
	if (store_public_videos(r->w->db, r->pool, r->site->id, SITEMAP_VIDEOS, &vs, &nv) != 0)
		nv = 0; /* the pages are listed without their videos rather than not at all */
	/* each article at its own language's address, with its family's other members */
	struct translation *ts = NULL;
	size_t nts = 0;
	if (r->site->languages && r->site->languages[0] &&
	    store_site_families(r->w->db, r->pool, r->site->id, &ts, &nts) != 0)
		nts = 0;
	const char *root = req_site_url(r, r->site);
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
		     "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
		     "xmlns:video=\"http://www.google.com/schemas/sitemap-video/1.1\" "
		     "xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
	for (size_t i = 0; i < n; i++) {
		url_open(&b, languages_url_of(r, as[i].lang, "/"), "article", as[i].slug,
			 as[i].updated_at > as[i].published_at ? as[i].updated_at : as[i].published_at);
		size_t nf = 0;
		const struct translation *fam =
		    family_of(ts, nts, as[i].family_id ? as[i].family_id : as[i].id, &nf);
		for (size_t j = 0; j < nf && nf > 1; j++)
			url_alternate(&b, languages_code(r, fam[j].lang),
				      languages_url_of(r, fam[j].lang, "/"), "article", fam[j].slug);
		const struct video_listing *v = video_of(vs, nv, as[i].id);
		if (v)
			video_entry(r, &b, root, &as[i], v);
		buf_adds(&b, "</url>\n");
	}
	buf_adds(&b, "</urlset>\n");
	send_xml(r, "application/xml; charset=utf-8", &b);
}

void robots_txt(struct request *r)
{
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "User-agent: *\n");
	static const char *const closed[] = {"/admin", "/account", "/signin", "/signup",  "/signout",
					     "/reset", "/verify",  "/search", "/consent", "/sso/"};
	for (size_t i = 0; i < sizeof closed / sizeof *closed; i++)
		buf_printf(&b, "Disallow: %s\n", closed[i]);
	buf_printf(&b, "\nSitemap: %ssitemap.xml\n", req_site_url(r, r->site));
	resp_bytes(r, 200, "text/plain; charset=utf-8", "public, max-age=3600", NULL, b.p, b.len);
}
