/* media: the back office's media library: upload (resized off the event loop), list, describe, delete. */
#include "admin/when.h"
#include "admin/media.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "admin/records.h"
#include "core/buf.h"
#include "core/catalog.h"
#include "core/log.h"
#include "core/text.h"
#include "http/dispatch.h"
#include "http/multipart.h"
#include "http/changes.h"
#include "http/policy.h"
#include "http/response.h"
#include "http/workq.h"
#include "jobs/media.h"
#include "jobs/uploads.h"
#include "jobs/video_probe.h"
#include "site/accounts.h"
#include "site/assets.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "render/theme.h"
#include "store/media.h"
#include "store/video.h"

#define MEDIA_PER_PAGE 24

static const char *const upload_fields[] = {"file", "alt", "credit"};

/* What the library page shows: the upload form (values kept after an error) and a page of images. */
static void library_page(struct request *r, int status, const char *alt, const char *credit,
			 const char *const *errors)
{
	int page = req_page_number(r);
	struct media *ms;
	size_t n = 0, total = 0;
	if (page < 1 || store_media_list(r->w->db, r->pool, r->site->id, (size_t)(page - 1) * MEDIA_PER_PAGE,
					 MEDIA_PER_PAGE, &ms, &n, &total) != 0) {
		resp_error(r, page < 1 ? 404 : 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.title.media"));
	if (view_pagination(v, r, "/admin/media", page, total, MEDIA_PER_PAGE) != 0) {
		resp_error(r, 404, req_text(r, "admin.error.no_images_page"));
		return;
	}
	view_int(v, "total", (long long)total);
	view_bool(v, "one", total == 1);
	view_str(v, "pagination_noun", req_plural(r, "admin.media.noun", (long long)total, NULL));
	view_int(v, "max_mb", r->app->cfg.upload_max_mb);
	view_int(v, "form_max_kb", r->app->cfg.max_body_kb); /* the form without the uploader's script */
	view_str(v, "admin_js_url", asset_url(r->app, "admin.js"));
	view_str(v, "alt", alt);
	view_str(v, "credit", credit);
	view_bool(v, "deleted", req_query(r, "deleted") != NULL);
	view *list = view_list(v, "images");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		char url[128];
		int ws[MEDIA_MAX_WIDTHS];
		media_widths(ms[i].width, ws);
		media_url(ms[i].hash, ms[i].kind, ws[0], url, sizeof url);
		view_int(x, "id", (long long)ms[i].id);
		view_fmt(x, "thumb", "%s", url);
		view_str(x, "alt", ms[i].alt);
		view_int(x, "width", (long long)ms[i].width);
		view_int(x, "height", (long long)ms[i].height);
		view_int(x, "uses", (long long)ms[i].uses);
		view_bool(x, "needs_alt", ms[i].needs_alt);
	}
	view_errors(v, upload_fields, errors, errors ? 3 : 0);
	resp_page(r, status, "admin/media", v, 0);
}

void admin_media(struct request *r)
{
	library_page(r, 200, "", "", NULL);
}

/* ---- arrival: an uploaded file checked and resized on an image thread, recorded when it comes back ---- */

struct ingest {
	struct request *r; /* valid while gone is 0 */
	int gone, **watch;
	struct worker *w; /* the loop the jobs answer to, and its database */
	int64_t site_id, user_id, len;
	int fd, json, ok, status, width, height;
	int64_t media_id;
	/* a video: what the probe found, and its poster frame brought into the images (poster_hash "" if
	 * none) */
	int video;
	int64_t video_id, poster_bytes;
	struct video_info info;
	char poster_hash[MEDIA_HASH_LEN + 1];
	char path[1024], dir[512], upload_id[UPLOAD_ID_LEN + 1], kind[8], hash[MEDIA_HASH_LEN + 1];
	/* why it was refused, set off the request too (by the probe or the resizing): said in the editor's
	 * language when they are answered */
	struct msg err;
	char poster_alt[MEDIA_ALT_MAX * 4 + 1]; /* the poster frame's alt text, in the site's language */
	char alt[MEDIA_ALT_MAX * 4 + 1], credit[MEDIA_CREDIT_MAX * 4 + 1], filename[MEDIA_NAME_MAX * 4 + 1];
};

/* One step of an arrival on the image threads: work there, then done back on z's worker's loop. */
struct image_job {
	struct workq_job q; /* first */
	struct ingest *z;
	void (*work)(struct ingest *z);
	void (*done)(struct ingest *z);
};

static void image_job_run(struct workq_job *q)
{
	struct image_job *job = (struct image_job *)q;
	job->work(job->z);
}

static void image_job_done(struct workq_job *q)
{
	struct image_job *job = (struct image_job *)q;
	struct ingest *z = job->z;
	void (*done)(struct ingest *) = job->done;
	free(job);
	done(z); /* it frees z, or queues the next step with it */
}

/* The one place image work is queued (off the event loops): 0; -1 when the image queue is full (cls
 * WORKQ_NORMAL: a new arrival; WORKQ_FOLLOW: the next step of one, never refused), -2 out of memory. */
static int image_job_submit(struct ingest *z, void (*work)(struct ingest *), void (*done)(struct ingest *),
			    int cls)
{
	struct image_job *job = calloc(1, sizeof *job);
	if (!job)
		return -2;
	job->q.reply_to = &z->w->hash_replies;
	job->q.run = image_job_run;
	job->q.done = image_job_done;
	job->z = z;
	job->work = work;
	job->done = done;
	char key[32];
	snprintf(key, sizeof key, "user:%lld", (long long)z->user_id);
	if (workq_submit(image_queue(), &job->q, cls, key) != 0) {
		free(job);
		return -1;
	}
	return 0;
}

/* The end of an arrival, accepted (media_id), refused (status and err) or put off because the image queue is
 * full (busy: 429): the file goes, unless it is a chunked upload put off (it stays, locked no more, for the
 * uploader to send its empty last chunk again); the chunked upload is finished or forgotten; the editor
 * gets the answer if still there; z is freed. */
static void ingest_end(struct ingest *z, int duplicate, int busy)
{
	close(z->fd);
	if (!busy || !z->upload_id[0])
		unlink(z->path);
	if (z->upload_id[0] && !busy) {
		int rc = z->media_id || z->video_id
			     ? store_upload_done(z->w->db, z->upload_id, z->media_id, z->video_id)
			     : store_upload_delete(z->w->db, z->upload_id);
		if (rc != 0)
			log_error("media: the upload %s could not be closed", z->upload_id);
	}
	if (z->gone) {
		free(z);
		return;
	}
	*z->watch = NULL;
	struct request *r = z->r;
	const char *err = req_msg(r, &z->err);
	char to[96];
	snprintf(to, sizeof to, "/admin/%s/%lld?%s=1", z->video ? "videos" : "media",
		 (long long)(z->video ? z->video_id : z->media_id), duplicate ? "duplicate" : "uploaded");
	if (busy) {
		int wait = workq_retry_after(image_queue());
		char retry[16];
		snprintf(retry, sizeof retry, "%d", wait);
		resp_header(r, "retry-after", retry, strlen(retry));
		err = req_plural(r, z->json ? "admin.media.error.busy_resume" : "admin.media.error.busy",
				 wait, NULL);
	}
	if (z->json && z->video_id)
		admin_json(r, 200,
			   json_pack("{s:b, s:I, s:I, s:I, s:s, s:b}", "done", 1, "offset",
				     (json_int_t)z->len, "size", (json_int_t)z->len, "video_id",
				     (json_int_t)z->video_id, "url", to, "duplicate", duplicate));
	else if (z->json && z->media_id)
		admin_json(r, 200,
			   json_pack("{s:b, s:I, s:I, s:I, s:s, s:b}", "done", 1, "offset",
				     (json_int_t)z->len, "size", (json_int_t)z->len, "media_id",
				     (json_int_t)z->media_id, "url", to, "duplicate", duplicate));
	else if (z->json && busy) /* where it stands: all here, to be sent again as an empty last chunk */
		admin_json(r, 429,
			   json_pack("{s:s, s:s, s:I, s:I}", "error", err, "field", "file", "offset",
				     (json_int_t)z->len, "size", (json_int_t)z->len));
	else if (z->json)
		admin_json(r, z->status, json_pack("{s:s, s:s}", "error", err, "field", "file"));
	else if (z->media_id || z->video_id)
		resp_redirect(r, 303, to);
	else if (z->status == 500)
		resp_error(r, 500, NULL);
	else {
		const char *errors[3] = {mem_strndup(r->pool, err, strlen(err)), NULL, NULL};
		library_page(r, busy ? 429 : z->status, mem_strndup(r->pool, z->alt, strlen(z->alt)),
			     mem_strndup(r->pool, z->credit, strlen(z->credit)), errors);
	}
	free(z);
}

/* key: the catalog key of the reason, NULL to keep the one already set */
static void ingest_refuse(struct ingest *z, int status, const char *key)
{
	z->status = status;
	if (key)
		msg_set(&z->err, key, NULL);
	z->media_id = 0;
	z->video_id = 0;
	ingest_end(z, 0, 0);
}

/* "mp4" for an ISO base media file (an ftyp box first), "webm" for Matroska's EBML header; the probe
 * decides what is in them. */
static const char *video_sniff(const unsigned char *h, size_t n)
{
	if (n >= 12 && memcmp(h + 4, "ftyp", 4) == 0)
		return "mp4";
	if (n >= 4 && h[0] == 0x1a && h[1] == 0x45 && h[2] == 0xdf && h[3] == 0xa3)
		return "webm";
	return NULL;
}

/* Off the loop: the bytes reach the disk, then their type and hash, read from the file. */
static void check_work(struct ingest *z)
{
	unsigned char head[16] = {0};
	struct stat st;
	int64_t hashed = -1;
	const char *kind = NULL;
	z->ok = 0;
	z->status = 422;
	if (fsync(z->fd) != 0 || fstat(z->fd, &st) != 0) {
		log_error("media: cannot keep an upload: %s", strerror(errno));
		z->status = 500;
	} else if (st.st_size != z->len) {
		msg_set(&z->err, "admin.media.error.incomplete", NULL);
	} else if (pread(z->fd, head, sizeof head, 0) < 0 ||
		   !(kind = z->video ? video_sniff(head, sizeof head) : media_sniff(head, sizeof head))) {
		z->status = 415;
		msg_set(&z->err, z->video ? "admin.media.error.not_video" : "admin.media.error.not_image",
			NULL);
	} else if (media_hash_file(z->fd, z->hash, &hashed) != 0 || hashed != z->len) {
		z->status = 500;
	} else {
		snprintf(z->kind, sizeof z->kind, "%s", kind);
		z->ok = 1;
	}
}

static void resize_work(struct ingest *z)
{
	z->ok = media_process(z->path, z->kind, z->dir, z->hash, &z->width, &z->height, &z->err) == 0;
}

static void resize_done(struct ingest *z)
{
	if (!z->ok) {
		ingest_refuse(z, 422, NULL);
		return;
	}
	struct media m = {.hash = z->hash,
			  .kind = z->kind,
			  .width = z->width,
			  .height = z->height,
			  .bytes = z->len,
			  .alt = z->alt,
			  .credit = z->credit,
			  .original_name = z->filename};
	int64_t id = 0;
	enum save_result rc = store_media_add(z->w->db, z->site_id, &m, z->user_id, &id);
	if (rc == SAVE_ERROR) {
		ingest_refuse(z, 500, "admin.media.error.image_not_recorded");
		return;
	}
	z->media_id = id;
	ingest_end(z, rc != SAVE_OK, 0);
}

/* Off the loop: a video probed (refused with the probe's message), linked as <media_dir>/<hash>.<ext> (the
 * upload's own name goes when the arrival ends), and a frame a tenth of the way in (at most 10 s) taken
 * into the images through the same resizing as an uploaded image. A missing poster is not a refusal. */
static void video_work(struct ingest *z)
{
	z->ok = 0;
	z->status = 422;
	z->poster_hash[0] = '\0';
	if (video_probe(z->path, &z->info, &z->err) != 0)
		return;
	z->info.bytes = z->len;
	char final[1200], poster[1200];
	snprintf(final, sizeof final, "%s/%s.%s", z->dir, z->hash, z->info.container);
	if (link(z->path, final) != 0 && errno != EEXIST) {
		log_error("media: cannot keep the video %s: %s", final, strerror(errno));
		z->status = 500;
		msg_set(&z->err, "admin.media.error.video_disk", NULL);
		return;
	}
	z->ok = 1;
	snprintf(poster, sizeof poster, "%s.poster.jpg", z->path);
	int64_t at = z->info.duration_ms / 10 < 10000 ? z->info.duration_ms / 10 : 10000;
	struct msg why = {0};
	char err[1500];
	int fd = -1;
	int64_t n = -1;
	if (video_poster(z->path, at, poster, &why) != 0) {
		msg_describe(&why, err, sizeof err);
		log_info("media: no poster frame for %s: %s", z->hash, err);
	} else if ((fd = open(poster, O_RDONLY | O_CLOEXEC)) < 0 ||
		   media_hash_file(fd, z->poster_hash, &n) != 0 ||
		   media_process(poster, "jpeg", z->dir, z->poster_hash, &z->width, &z->height, &why) != 0) {
		if (why.key) /* the resizing's refusal; else the file could not be read back */
			msg_describe(&why, err, sizeof err);
		else
			snprintf(err, sizeof err, "cannot read %s back: %s", poster, strerror(errno));
		log_info("media: the poster frame of %s was not kept: %s", z->hash, err);
		z->poster_hash[0] = '\0';
	}
	z->poster_bytes = n;
	if (fd >= 0)
		close(fd);
	unlink(poster);
}

static void video_done(struct ingest *z)
{
	if (!z->ok) {
		ingest_refuse(z, z->status, NULL);
		return;
	}
	int64_t poster_id = 0;
	if (z->poster_hash[0]) {
		struct media m = {.hash = z->poster_hash,
				  .kind = "jpeg",
				  .width = z->width,
				  .height = z->height,
				  .bytes = z->poster_bytes,
				  .alt = z->poster_alt,
				  .credit = z->credit,
				  .original_name = "",
				  .needs_alt = 1};
		if (store_media_add(z->w->db, z->site_id, &m, z->user_id, &poster_id) == SAVE_ERROR)
			poster_id = 0;
	}
	struct video_file v = {.hash = z->hash,
			       .container = z->info.container,
			       .video_codec = z->info.video_codec,
			       .audio_codec = z->info.audio_codec,
			       .duration_ms = z->info.duration_ms,
			       .width = z->info.width,
			       .height = z->info.height,
			       .bytes = z->len,
			       .title = z->alt,
			       .original_name = z->filename,
			       .poster_id = poster_id};
	int64_t id = 0;
	enum save_result rc = store_video_file_add(z->w->db, z->site_id, &v, z->user_id, &id);
	if (rc == SAVE_ERROR) {
		ingest_refuse(z, 500, "admin.media.error.video_not_recorded");
		return;
	}
	z->video_id = id;
	ingest_end(z, rc != SAVE_OK, 0);
}

static void check_done(struct ingest *z)
{
	if (!z->ok) {
		ingest_refuse(z, z->status, z->status == 500 ? "admin.media.error.read_back" : NULL);
		return;
	}
	if (z->video) { /* probed, kept under its hash, its poster frame taken (the same bytes again too) */
		if (image_job_submit(z, video_work, video_done, WORKQ_FOLLOW) != 0)
			ingest_refuse(z, 503, "admin.media.error.memory");
		return;
	}
	int64_t have = store_media_find(z->w->db, z->site_id, z->hash);
	if (have) { /* the same bytes again: no need to resize them */
		if (have < 0)
			ingest_refuse(z, 500, "admin.media.error.library");
		else {
			z->media_id = have;
			ingest_end(z, 1, 0);
		}
		return;
	}
	/* admitted already: the resizing goes on whatever the queue's length */
	if (image_job_submit(z, resize_work, resize_done, WORKQ_FOLLOW) != 0)
		ingest_refuse(z, 503, "admin.media.error.memory");
}

void media_ingest(struct request *r, const struct media_arrival *a)
{
	struct ingest *z = calloc(1, sizeof *z);
	if (!z) {
		close(a->fd);
		unlink(a->path);
		resp_error(r, 503, req_text(r, "admin.media.error.memory"));
		return;
	}
	z->r = r;
	z->watch = req_watch_gone(r->pool, &z->gone);
	z->w = r->w;
	z->site_id = r->site->id;
	z->user_id = r->user->id;
	z->len = a->len;
	z->fd = a->fd;
	z->json = a->json;
	z->video = a->video;
	snprintf(z->path, sizeof z->path, "%s", a->path);
	snprintf(z->dir, sizeof z->dir, "%s", r->app->cfg.media_dir);
	snprintf(z->upload_id, sizeof z->upload_id, "%s", a->upload_id);
	snprintf(z->alt, sizeof z->alt, "%s", a->alt);
	snprintf(z->credit, sizeof z->credit, "%s", a->credit);
	snprintf(z->filename, sizeof z->filename, "%s",
		 text_chars(a->filename) <= MEDIA_NAME_MAX && text_clean(a->filename, 0) ? a->filename : "");
	if (z->video) { /* said now: the frame is taken off the request, and readers see it in the site's
			   words */
		const struct catalog *chain[3];
		const char *site = req_site_lang(r);
		size_t nc = theme_chain(r->app->theme, site, site, chain);
		const char *msg = catalog_find(chain, nc, "admin.videos.poster_alt", 23);
		const char *names[] = {"title"};
		const char *values[] = {mem_strndup(r->pool, z->alt, strnlen(z->alt, MEDIA_ALT_MAX - 20))};
		snprintf(z->poster_alt, sizeof z->poster_alt, "%s",
			 catalog_fill(r->pool, msg ? msg : "{title}", names, values, 1));
	}
	int rc = image_job_submit(z, check_work, check_done, WORKQ_NORMAL);
	if (rc == -1)
		ingest_end(z, 0, 1);
	else if (rc != 0)
		ingest_refuse(z, 503, "admin.media.error.memory");
}

void admin_json(struct request *r, int status, json_t *j)
{
	char *text = j ? json_dumps(j, JSON_COMPACT) : NULL;
	json_decref(j);
	if (!text) {
		resp_error(r, 500, NULL);
		return;
	}
	size_t n = strlen(text);
	char *body = h2o_mem_alloc_pool(r->pool, n + 1);
	memcpy(body, text, n);
	body[n++] = '\n';
	free(text);
	resp_bytes(r, status, "application/json; charset=utf-8", "private, no-store", NULL, body, n);
}

int media_text_ok(const char *v, size_t max, int required)
{
	size_t n = text_chars(v);
	/* an alt text of spaces says nothing to a screen reader: required means something besides spaces */
	return (!required || v[strspn(v, " ")] != '\0') && n <= max && text_clean(v, 0);
}

/* ---- the form: a file small enough for one request (max_body_kb), the way without JavaScript ---- */

void admin_media_upload(struct request *r)
{
	struct form f;
	struct upload files[MULTIPART_MAX_FILES];
	size_t nfiles;
	if (form_read_upload(r, &f, files, MULTIPART_MAX_FILES, &nfiles) != 0)
		return;
	const char *alt = form_get(&f, "alt"), *credit = form_get(&f, "credit");
	alt = alt ? alt : "";
	credit = credit ? credit : "";
	const char *errors[3] = {0};
	const struct upload *file = NULL;
	for (size_t i = 0; i < nfiles; i++)
		if (strcmp(files[i].field, "file") == 0)
			file = &files[i];
	int status = 422;
	if (!file || file->len == 0)
		errors[0] = req_text(r, "admin.media.error.no_file");
	else if (file->len > (size_t)r->app->cfg.upload_max_mb * 1024 * 1024)
		errors[0] = req_text(r, "admin.media.error.too_large"), status = 413;
	else if (file->len > (size_t)r->app->cfg.max_body_kb * 1024) /* the uploader's, in chunks */
		errors[0] = dispatch_too_large(r->app, r, r->path, r->pool), status = 413;
	if (!media_text_ok(alt, MEDIA_ALT_MAX, 1))
		errors[1] = req_text(r, "admin.media.error.alt");
	if (!media_text_ok(credit, MEDIA_CREDIT_MAX, 0))
		errors[2] = req_text(r, "admin.media.error.credit");
	if (errors[0] || errors[1] || errors[2]) {
		library_page(r, errors[0] ? status : 422, alt, credit, errors);
		return;
	}
	/* the same way in as the chunked uploader's: from a file on disk */
	char path[1024];
	int fd = upload_file_from(r->app->cfg.media_dir, file->data, file->len, path, sizeof path);
	if (fd < 0) {
		errors[0] = req_text(r, "admin.media.error.not_writable");
		library_page(r, 500, alt, credit, errors);
		return;
	}
	struct media_arrival a = {.fd = fd,
				  .path = path,
				  .upload_id = "",
				  .len = (int64_t)file->len,
				  .alt = alt,
				  .credit = credit,
				  .filename = file->filename,
				  .json = 0};
	media_ingest(r, &a);
}

/* ---- one image: its renditions, what to paste into an article, alt and credit, deletion ---- */

static void image_page(struct request *r, int status, const struct media *m, const char *alt,
		       const char *credit, const char *const *errors)
{
	view *v = layout_view(r, req_text(r, "admin.title.image"));
	view_int(v, "id", (long long)m->id);
	view_str(v, "alt", alt);
	view_str(v, "credit", credit);
	view_int(v, "width", (long long)m->width);
	view_int(v, "height", (long long)m->height);
	view_int(v, "kb", (long long)((m->bytes + 1023) / 1024));
	view_str(v, "kind", m->kind);
	view_str(v, "original_name", m->original_name);
	view_str(v, "created_by", m->created_by);
	view_when(r, v, "created", "created_iso", m->created_at);
	view_int(v, "uses", (long long)m->uses);
	view_bool(v, "needs_alt", m->needs_alt);
	view_bool(v, "unused", m->uses == 0);
	view_bool(v, "can_delete", policy_role_at_least(r->user, ROLE_EDITOR));
	view_bool(v, "one_use", m->uses == 1);
	view_bool(v, "uploaded", req_query(r, "uploaded") != NULL);
	view_bool(v, "duplicate", req_query(r, "duplicate") != NULL);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	view_picture(v, "picture", m, "(max-width: 60rem) 100vw, 60rem");
	view *list = view_list(v, "renditions");
	int ws[MEDIA_MAX_WIDTHS];
	size_t nw = media_widths(m->width, ws);
	const char *largest = "";
	for (size_t i = 0; i < nw; i++) {
		char *url = h2o_mem_alloc_pool(r->pool, 128);
		media_url(m->hash, m->kind, ws[i], url, 128);
		view *x = view_push(list);
		view_str(x, "url", url);
		view_int(x, "width", ws[i]);
		largest = url;
	}
	buf md;
	buf_init(&md, r->pool);
	buf_adds(&md, "![");
	for (const char *c = alt; *c; c++) { /* brackets in the alt text would end the image's text early */
		if (*c == '\\' || *c == '[' || *c == ']')
			buf_addc(&md, '\\');
		buf_addc(&md, *c);
	}
	buf_printf(&md, "](%s)", largest);
	view_str(v, "markdown", buf_cstr(&md));
	static const char *const names[] = {"alt", "credit"};
	view_errors(v, names, errors, errors ? 2 : 0);
	resp_page(r, status, "admin/media-edit", v, 0);
}

static int load(struct request *r, struct media *m)
{
	int64_t id = admin_id(r);
	int rc = id > 0 ? store_media_by_id(r->w->db, r->pool, r->site->id, id, m) : 0;
	if (rc != 1)
		resp_error(r, rc < 0 ? 500 : 404, rc < 0 ? NULL : req_text(r, "admin.error.no_image"));
	return rc == 1 ? 0 : -1;
}

void admin_media_edit(struct request *r)
{
	struct media m;
	if (load(r, &m) != 0)
		return;
	image_page(r, 200, &m, m.alt, m.credit, NULL);
}

void admin_media_save(struct request *r)
{
	struct media m;
	struct form f;
	if (form_read(r, &f) != 0 || load(r, &m) != 0)
		return;
	const char *action = form_get(&f, "action");
	if (action && strcmp(action, "delete") == 0) {
		if (!policy_role_at_least(r->user, ROLE_EDITOR)) {
			resp_error(r, 403, req_text(r, "admin.media.error.delete_role"));
			return;
		}
		if (m.uses) {
			resp_error(r, 409, req_text(r, "admin.media.error.in_use"));
			return;
		}
		enum save_result rc = store_media_delete(r->w->db, r->site->id, m.id, r->user->id);
		if (rc != SAVE_OK) {
			resp_error(r, rc == SAVE_CONFLICT ? 409 : 500,
				   rc == SAVE_CONFLICT ? req_text(r, "admin.media.error.used_meanwhile")
						       : NULL);
			return;
		}
		if (store_media_hash_used(r->w->db, m.hash) == 0)
			media_remove(r->app->cfg.media_dir, m.hash, m.kind, m.width);
		resp_redirect(r, 303, "/admin/media?deleted=1");
		return;
	}
	const char *alt = form_get(&f, "alt"), *credit = form_get(&f, "credit");
	alt = alt ? alt : m.alt; /* what the form does not send stays as it is stored */
	credit = credit ? credit : m.credit;
	const char *errors[2] = {0};
	if (!media_text_ok(alt, MEDIA_ALT_MAX, 1))
		errors[0] = req_text(r, "admin.media.error.alt");
	if (!media_text_ok(credit, MEDIA_CREDIT_MAX, 0))
		errors[1] = req_text(r, "admin.media.error.credit");
	if (errors[0] || errors[1]) {
		image_page(r, 422, &m, alt, credit, errors);
		return;
	}
	if (store_media_update(r->w->db, r->site->id, m.id, alt, credit, r->user->id) != SAVE_OK) {
		resp_error(r, 500, NULL);
		return;
	}
	changed_structure(r->app); /* article pages carry the alt text */
	char to[64];
	snprintf(to, sizeof to, "/admin/media/%lld?saved=1", (long long)m.id);
	resp_redirect(r, 303, to);
}
