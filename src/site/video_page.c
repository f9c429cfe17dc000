/* video_page: an article's video as the reader gets it: the player (a library file, YouTube or Vimeo behind
 * consent, an external MP4), caption and chapter tracks, the transcript as text, and the VideoObject. */
#include "site/video_page.h"

#include <stdio.h>
#include <string.h>

#include "core/chapters.h"
#include "core/clock.h"
#include "core/transcript.h"
#include "http/lang.h"
#include "http/response.h"
#include "jobs/media.h"
#include "site/layout.h"
#include "store/video.h"

/* The id of a link of the form prefix + id (charset chars, len characters, or min..max when len is 0). */
static const char *link_id(h2o_mem_pool_t *pool, const char *url, const char *const *prefixes,
			   size_t nprefixes, const char *charset, size_t min, size_t max)
{
	for (size_t i = 0; i < nprefixes; i++) {
		size_t n = strlen(prefixes[i]);
		if (strncmp(url, prefixes[i], n) != 0)
			continue;
		const char *id = url + n;
		size_t len = strspn(id, charset);
		if (len >= min && len <= max &&
		    (!id[len] || id[len] == '?' || id[len] == '&' || id[len] == '#'))
			return mem_strndup(pool, id, len);
	}
	return NULL;
}

const char *video_youtube_id(h2o_mem_pool_t *pool, const char *url)
{
	static const char *const p[] = {"https://www.youtube.com/watch?v=", "https://youtube.com/watch?v=",
					"https://youtu.be/", "https://m.youtube.com/watch?v="};
	return link_id(pool, url, p, sizeof p / sizeof *p,
		       "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-", 11, 11);
}

const char *video_vimeo_id(h2o_mem_pool_t *pool, const char *url)
{
	static const char *const p[] = {"https://vimeo.com/", "https://www.vimeo.com/",
					"https://player.vimeo.com/video/"};
	return link_id(pool, url, p, sizeof p / sizeof *p, "0123456789", 6, 12);
}

/* "video/mp4" or "video/webm" for an https link to such a file, else NULL. */
static const char *external_type(const char *url)
{
	if (strncmp(url, "https://", 8) != 0)
		return NULL;
	size_t n = strcspn(url, "?#");
	if (n > 4 && strncmp(url + n - 4, ".mp4", 4) == 0)
		return "video/mp4";
	if (n > 5 && strncmp(url + n - 5, ".webm", 5) == 0)
		return "video/webm";
	return NULL;
}

/* The poster's URL: its largest rendition up to 1280 pixels wide. */
static void poster_url(const struct media *m, char *out, size_t n)
{
	int ws[MEDIA_MAX_WIDTHS];
	size_t nw = media_widths(m->width, ws);
	media_url(m->hash, m->kind, ws[nw - 1] > 1280 && nw > 1 ? ws[nw - 2] : ws[nw - 1], out, n);
}

static const char *clock_str(h2o_mem_pool_t *pool, int64_t ms, void (*write)(buf *, int64_t))
{
	buf b;
	buf_init(&b, pool);
	write(&b, ms);
	return buf_cstr(&b);
}

/* Where a line's time stamp leads without JavaScript: the file at that second, or YouTube's page there. */
static void seek_link(view *line, const char *file_src, const char *yt, int64_t ms)
{
	long long s = (long long)(ms / 1000);
	if (file_src)
		view_fmt(line, "href", "%s#t=%lld", file_src, s);
	else if (yt)
		view_fmt(line, "href", "https://www.youtube.com/watch?v=%s&t=%llds", yt, s);
}

static void add_transcript(struct request *r, view *x, const struct article_video *v, const char *file_src,
			   const char *yt)
{
	struct transcript t = {0};
	struct msg err; /* a transcript refused since it was saved (a tighter rule) is not shown */
	if (!v->transcript[0] ||
	    transcript_parse(r->pool, v->transcript, strlen(v->transcript), &t, &err) != 0)
		return;
	view *list = view_list(x, "transcript");
	for (size_t i = 0; i < t.n; i++) {
		const struct transcript_line *l = &t.lines[i];
		view *y = view_push(list);
		if (l->at_ms >= 0) {
			view_int(y, "start", (long long)(l->at_ms / 1000));
			view_str(y, "at", clock_str(r->pool, l->at_ms, clock_write));
			seek_link(y, file_src, yt, l->at_ms);
		}
		view_str(y, "speaker", l->speaker);
		view_str(y, "text", l->text);
	}
	view_bool(x, "has_transcript", t.n > 0);
}

static void add_chapters(struct request *r, view *x, const struct article_video *v, const char *file_src,
			 const char *yt)
{
	struct chapter *c;
	size_t n = 0;
	struct msg err; /* chapters refused since they were saved are not shown */
	if (!v->chapters[0] || chapters_parse(r->pool, v->chapters, strlen(v->chapters), &c, &n, &err) != 0)
		return;
	view *list = view_list(x, "chapters");
	for (size_t i = 0; i < n; i++) {
		view *y = view_push(list);
		view_int(y, "start", (long long)(c[i].at_ms / 1000));
		view_str(y, "at", clock_str(r->pool, c[i].at_ms, clock_write));
		view_str(y, "title", c[i].title);
		seek_link(y, file_src, yt, c[i].at_ms);
	}
	view_bool(x, "has_chapters", n > 0);
}

void video_view(struct request *r, view *page, view *x, const struct article *a)
{
	struct article_video v;
	int has = store_article_video(r->w->db, r->pool, a->id, &v);
	if (has < 0)
		has = 0; /* the page goes on without the record; the link, if any, still plays */
	if (!has) {
		memset(&v, 0, sizeof v);
		v.chapters = v.transcript = v.transcript_plain = "";
	}
	const char *root = req_site_url(r, r->site);
	const char *yt = NULL, *vimeo = NULL, *file_src = NULL, *type = NULL;
	if (v.file.id) {
		char *src = h2o_mem_alloc_pool(r->pool, MEDIA_HASH_LEN + 16);
		snprintf(src, MEDIA_HASH_LEN + 16, "/media/%s.%s", v.file.hash, v.file.container);
		file_src = src;
		type = strcmp(v.file.container, "webm") == 0 ? "video/webm" : "video/mp4";
	} else if (a->video_url[0]) {
		yt = video_youtube_id(r->pool, a->video_url);
		vimeo = yt ? NULL : video_vimeo_id(r->pool, a->video_url);
		type = yt || vimeo ? NULL : external_type(a->video_url);
		if (type)
			file_src = a->video_url;
	}
	if (!file_src && !a->video_url[0])
		return;
	view_bool(x, "has_video", 1);
	view_str(x, "video_url", a->video_url);
	if (file_src) {
		view_str(x, "video_src", file_src);
		view_str(x, "video_type", type);
	}
	char poster[128] = "";
	if (v.poster.id)
		poster_url(&v.poster, poster, sizeof poster);
	view_str(x, "video_poster", poster);
	view_bool(x, "video_file", file_src != NULL);
	const char *provider = yt ? "YouTube" : vimeo ? "Vimeo" : NULL;
	if (yt && r->consent == CONSENT_ACCEPTED) /* enablejsapi: the transcript seeks it by postMessage */
		view_fmt(x, "video_embed", "https://www.youtube-nocookie.com/embed/%s?enablejsapi=1", yt);
	else if (vimeo && r->consent == CONSENT_ACCEPTED)
		view_fmt(x, "video_embed", "https://player.vimeo.com/video/%s?dnt=1", vimeo);
	view_bool(x, "video_needs_consent", provider && r->consent != CONSENT_ACCEPTED);
	view_str(x, "video_provider", provider ? provider : "");
	/* tracks play only with a file the page's own player holds */
	struct video_caption *caps = NULL;
	size_t ncaps = 0;
	if (file_src && v.ncaptions &&
	    store_video_captions(r->w->db, r->pool, a->id, 0, &caps, &ncaps) == 0) {
		view *list = view_list(x, "captions");
		for (size_t i = 0; i < ncaps; i++) {
			view *c = view_push(list);
			view_str(c, "lang", caps[i].lang);
			view_str(c, "label", caps[i].label);
			view_bool(c, "first", i == 0);
		}
	}
	add_transcript(r, x, &v, file_src, yt);
	add_chapters(r, x, &v, file_src, yt);
	view_bool(x, "chapter_track", file_src && v.chapters[0]);
	/* schema.org's VideoObject: what a search engine may show of it */
	view *ld = view_obj(x, "ld_video");
	view_str(ld, "v_name", a->title);
	view_str(ld, "v_description", a->summary[0] ? a->summary : a->title);
	if (poster[0])
		view_fmt(ld, "v_thumbnail", "%s%s", root, poster + 1);
	int64_t when = v.recorded_at ? v.recorded_at : a->published_at ? a->published_at : store_now();
	view_date(r, ld, "v_upload_date", "v_upload_iso", when);
	if (v.duration_ms > 0)
		view_str(ld, "v_duration", clock_str(r->pool, v.duration_ms, clock_write_iso));
	if (v.file.id)
		view_fmt(ld, "v_content_url", "%s%s", root, file_src + 1);
	else if (type)
		view_str(ld, "v_content_url", file_src);
	else if (yt)
		view_fmt(ld, "v_embed_url", "https://www.youtube-nocookie.com/embed/%s", yt);
	else if (vimeo)
		view_fmt(ld, "v_embed_url", "https://player.vimeo.com/video/%s", vimeo);
	if (v.transcript_plain && v.transcript_plain[0])
		view_str(ld, "v_transcript", v.transcript_plain);
	(void)page;
}

/* ---- the tracks: served only to a reader who may read the article's body ---- */

/* The article of the path for this reader: 0, or -1 with the answer sent. */
static int readable(struct request *r, struct article *a)
{
	int found = store_article_by_slug(r->w->db, r->pool, r->site->id, r->params[0], r->level, a);
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "errors.no_article"));
		return -1;
	}
	if (!a->body_allowed) {
		resp_error(r, 403, req_text(r, "article.captions_gated"));
		return -1;
	}
	return 0;
}

static void send_vtt(struct request *r, const struct article *a, const char *text, size_t n)
{
	/* a gated article's tracks stay in the reader's own browser cache */
	resp_bytes(r, 200, "text/vtt; charset=utf-8",
		   strcmp(a->audience, "public") == 0 ? "public, max-age=300" : "private, max-age=300", NULL,
		   text, n);
}

void video_captions_file(struct request *r)
{
	struct article a;
	if (readable(r, &a) != 0)
		return;
	const char *name = r->params[1];
	size_t n = strlen(name);
	struct video_caption c;
	int rc = 0;
	if (n > 4 && n <= 16 && strcmp(name + n - 4, ".vtt") == 0) {
		char *lang = mem_strndup(r->pool, name, n - 4);
		rc = store_video_caption(r->w->db, r->pool, a.id, lang, &c);
	}
	if (rc != 1) {
		resp_error(r, rc < 0 ? 500 : 404, rc < 0 ? NULL : req_text(r, "errors.no_captions"));
		return;
	}
	send_vtt(r, &a, c.vtt, strlen(c.vtt));
}

void video_chapters_file(struct request *r)
{
	struct article a;
	if (readable(r, &a) != 0)
		return;
	struct article_video v;
	struct chapter *c;
	size_t n = 0;
	struct msg err; /* chapters refused since they were saved make no track */
	int rc = store_article_video(r->w->db, r->pool, a.id, &v);
	if (rc != 1 || !v.chapters[0] ||
	    chapters_parse(r->pool, v.chapters, strlen(v.chapters), &c, &n, &err) != 0 || !n) {
		resp_error(r, rc < 0 ? 500 : 404, rc < 0 ? NULL : req_text(r, "errors.no_chapters"));
		return;
	}
	buf b;
	buf_init(&b, r->pool);
	chapters_vtt(&b, c, n, v.duration_ms);
	send_vtt(r, &a, b.p, b.len);
}
