/* uploads: the media library's uploader protocol: an image of up to upload_max_mb sent in chunks that each
 * fit under max_body_kb, written to disk at their offset, resumable after a dropped connection.
 *
 *   POST /admin/uploads             name, size, type, alt, credit (a form)
 *                                   201 {id, url, offset, chunk_size}
 *   GET  /admin/uploads/ID          where it stands: 200 {offset, size, ...}
 *   POST /admin/uploads/ID          Upload-Offset: N, the bytes from N: 200 {offset}; the last {done, url}
 *   POST /admin/uploads/ID/cancel   200 {cancelled}
 *
 * The route rows (src/site/routes.c) ask staff and, for each POST, the page's form token in X-Form-Token (or
 * the start form's form_token) with a same-site Origin. Every size, offset and count is checked before a
 * byte is written; answers are JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "admin/media.h"
#include "core/text.h"
#include "http/csrf.h"
#include "http/form.h"
#include "http/response.h"
#include "jobs/uploads.h"
#include "site/handlers.h"
#include "store/store.h"

static const char *const image_types[] = {"image/jpeg", "image/png", "image/webp", ""};
static const char *const video_types[] = {"video/mp4", "video/webm", "video/quicktime"};

static void refuse(struct request *r, int status, const char *message)
{
	admin_json(r, status, json_pack("{s:s}", "error", message));
}

/* A number of bytes written as plain decimal digits, else -1. */
static int64_t parse_bytes(const char *s)
{
	if (!s || !*s || strlen(s) > 15 || strspn(s, "0123456789") != strlen(s))
		return -1;
	return strtoll(s, NULL, 10);
}

static int64_t upload_max(const struct request *r, int video)
{
	return (int64_t)(video ? r->app->cfg.video_max_mb : r->app->cfg.upload_max_mb) * 1024 * 1024;
}

static int one_of(const char *type, const char *const *types, size_t n)
{
	for (size_t i = 0; type && i < n; i++)
		if (strcmp(type, types[i]) == 0)
			return 1;
	return 0;
}

/* The caller's upload named by the path, started less than UPLOAD_TTL ago; answers 404 (or 500) when not. */
static int load(struct request *r, struct media_upload *u)
{
	int rc = upload_id_ok(r->params[0]) ? store_upload_get(r->w->db, r->pool, r->params[0], r->site->id,
							       r->user->id, store_now() - UPLOAD_TTL, u)
					    : 0;
	if (rc == 1)
		return 0;
	if (rc < 0)
		refuse(r, 500, "The upload could not be looked up; try again in a moment.");
	else /* someone else's upload is no more there than one that never was */
		refuse(r, 404,
		       "There is no such upload: it may have expired (after a day) or been cancelled. "
		       "Start again.");
	return -1;
}

static void send_offset_header(struct request *r, int64_t offset)
{
	char v[24];
	int n = snprintf(v, sizeof v, "%lld", (long long)offset);
	resp_header(r, "upload-offset", v, (size_t)n);
}

static json_t *finished(const struct media_upload *u)
{
	char url[64];
	if (u->video) {
		snprintf(url, sizeof url, "/admin/videos/%lld?uploaded=1", (long long)u->video_id);
		return json_pack("{s:b, s:I, s:I, s:I, s:s}", "done", 1, "offset", (json_int_t)u->size,
				 "size", (json_int_t)u->size, "video_id", (json_int_t)u->video_id, "url",
				 url);
	}
	snprintf(url, sizeof url, "/admin/media/%lld?uploaded=1", (long long)u->media_id);
	return json_pack("{s:b, s:I, s:I, s:I, s:s}", "done", 1, "offset", (json_int_t)u->size, "size",
			 (json_int_t)u->size, "media_id", (json_int_t)u->media_id, "url", url);
}

void admin_upload_start(struct request *r)
{
	if (!r->form) { /* the route's policy read the form, its token checked, when it was one */
		refuse(r, 415, "Start an upload with a form (application/x-www-form-urlencoded).");
		return;
	}
	struct form f = *r->form;
	const char *name = form_get(&f, "name"), *type = form_get(&f, "type");
	const char *alt = form_get(&f, "alt"), *credit = form_get(&f, "credit");
	int64_t size = parse_bytes(form_get(&f, "size"));
	name = name && text_chars(name) <= MEDIA_NAME_MAX && text_clean(name, 0) ? name : "";
	alt = alt ? alt : "";
	credit = credit ? credit : "";
	int video = one_of(type, video_types, sizeof video_types / sizeof *video_types);
	int type_ok = video || one_of(type, image_types, sizeof image_types / sizeof *image_types);
	json_t *errors = json_object();
	int status = 422;
	if (size < 1)
		json_object_set_new(errors, "file", json_string("Choose an image or video file to upload."));
	else if (size > upload_max(r, video)) {
		char m[160];
		snprintf(m, sizeof m, "This file is larger than the upload limit of %d MB for %s.",
			 video ? r->app->cfg.video_max_mb : r->app->cfg.upload_max_mb,
			 video ? "videos" : "images");
		json_object_set_new(errors, "file", json_string(m));
		status = 413;
	} else if (!type_ok) {
		json_object_set_new(
		    errors, "file",
		    json_string("This file is not a JPEG, PNG or WebP image, nor an MP4 or WebM "
				"video."));
		status = 415;
	}
	if (!media_text_ok(alt, MEDIA_ALT_MAX, 1))
		json_object_set_new(
		    errors, "alt",
		    json_string(video ? "Give the video a title (at most 300 characters, one line)."
				      : "Describe the image for readers who cannot see it (at most 300 "
					"characters, one line)."));
	if (!media_text_ok(credit, MEDIA_CREDIT_MAX, 0))
		json_object_set_new(errors, "credit",
				    json_string("The credit can be at most 200 characters on one line."));
	if (json_object_size(errors)) {
		json_t *first = json_object_get(errors, "file");
		first = first				 ? first
			: json_object_get(errors, "alt") ? json_object_get(errors, "alt")
							 : json_object_get(errors, "credit");
		admin_json(r, json_object_get(errors, "file") ? status : 422,
			   json_pack("{s:O, s:o}", "error", first, "errors", errors));
		return;
	}
	json_decref(errors);
	const char *dir = r->app->cfg.media_dir;
	int64_t now = store_now();
	uploads_expire(r->w->db, dir, now); /* yesterday's leftovers go before they are counted */
	char id[UPLOAD_ID_LEN + 1];
	upload_new_id(id);
	struct media_upload u = {.id = id,
				 .site_id = r->site->id,
				 .user_id = r->user->id,
				 .size = size,
				 .name = name,
				 .alt = alt,
				 .credit = credit,
				 .created_at = now,
				 .video = video};
	enum save_result rc = store_upload_add(r->w->db, &u, UPLOADS_PER_USER, now - UPLOAD_TTL);
	if (rc == SAVE_CONFLICT) {
		char m[200];
		snprintf(
		    m, sizeof m,
		    "You have %d uploads in progress, the most there can be: let one finish, cancel one, or "
		    "wait for them to expire (a day after they started).",
		    UPLOADS_PER_USER);
		refuse(r, 429, m);
		return;
	}
	if (rc != SAVE_OK || upload_create(dir, id) != 0) {
		if (rc == SAVE_OK)
			store_upload_delete(r->w->db, id);
		refuse(r, 500, "The upload could not be started: the server's media folder is not writable.");
		return;
	}
	char url[64];
	snprintf(url, sizeof url, "/admin/uploads/%s", id);
	resp_header(r, "location", url, strlen(url));
	send_offset_header(r, 0);
	admin_json(r, 201,
		   json_pack("{s:s, s:s, s:I, s:I, s:I, s:I}", "id", id, "url", url, "offset", (json_int_t)0,
			     "size", (json_int_t)size, "chunk_size",
			     (json_int_t)upload_chunk_size(r->app->cfg.max_body_kb), "expires_at",
			     (json_int_t)(now + UPLOAD_TTL)));
}

void admin_upload_status(struct request *r)
{
	struct media_upload u;
	if (load(r, &u) != 0)
		return;
	if (u.done) {
		admin_json(r, 200, finished(&u));
		return;
	}
	int busy = 0;
	int64_t have = upload_size(r->app->cfg.media_dir, u.id, &busy);
	if (have < 0) {
		refuse(r, 404, "This upload's file is gone (the server may have been cleaned): start again.");
		return;
	}
	send_offset_header(r, have);
	admin_json(r, 200,
		   json_pack("{s:s, s:I, s:I, s:I, s:b, s:s}", "id", u.id, "offset", (json_int_t)have, "size",
			     (json_int_t)u.size, "chunk_size",
			     (json_int_t)upload_chunk_size(r->app->cfg.max_body_kb), "processing",
			     busy && have == u.size, "name", u.name));
}

/* 409 with where the upload stands, when a chunk is not the one the server expects. */
static void conflict(struct request *r, const struct media_upload *u, int64_t have, const char *message)
{
	send_offset_header(r, have);
	admin_json(r, 409,
		   json_pack("{s:s, s:I, s:I}", "error", message, "offset", (json_int_t)have, "size",
			     (json_int_t)u->size));
}

void admin_upload_chunk(struct request *r)
{
	struct media_upload u;
	if (load(r, &u) != 0)
		return;
	if (u.done) {
		json_t *j = finished(&u);
		json_object_set_new(j, "error", json_string("This upload is finished already."));
		admin_json(r, 409, j);
		return;
	}
	const char *ct = req_header(r, "content-type");
	if (!ct || (strcasecmp(ct, "application/offset+octet-stream") != 0 &&
		    strcasecmp(ct, "application/octet-stream") != 0)) {
		refuse(r, 415,
		       "Send a chunk as application/offset+octet-stream: the file's bytes as they are.");
		return;
	}
	int64_t offset = parse_bytes(req_header(r, "upload-offset"));
	if (offset < 0) {
		refuse(r, 400, "Say where this chunk goes with an Upload-Offset header (a number of bytes).");
		return;
	}
	size_t chunk = upload_chunk_size(r->app->cfg.max_body_kb), len = r->req->entity.len;
	if (len > chunk) {
		char m[120];
		snprintf(m, sizeof m, "A chunk can be at most %zu bytes; this one is %zu.", chunk, len);
		admin_json(r, 413, json_pack("{s:s, s:I}", "error", m, "chunk_size", (json_int_t)chunk));
		return;
	}
	if (offset > u.size || (int64_t)len > u.size - offset) {
		char m[160];
		snprintf(m, sizeof m,
			 "This chunk goes past the end of the file declared when the upload started "
			 "(%lld bytes).",
			 (long long)u.size);
		admin_json(r, 413, json_pack("{s:s, s:I}", "error", m, "size", (json_int_t)u.size));
		return;
	}
	const char *dir = r->app->cfg.media_dir;
	int fd = upload_open(dir, u.id);
	if (fd == -2) {
		int busy;
		int64_t have = upload_size(dir, u.id, &busy);
		conflict(r, &u, have < 0 ? 0 : have,
			 have == u.size
			     ? "The whole file is here and being processed: ask again in a moment."
			     : "Another chunk of this upload is being written: ask where it stands, then go "
			       "on from there.");
		return;
	}
	if (fd < 0) {
		store_upload_delete(r->w->db, u.id);
		refuse(r, 404, "This upload's file is gone (the server may have been cleaned): start again.");
		return;
	}
	off_t end = lseek(fd, 0, SEEK_END);
	if (end != offset) {
		close(fd);
		char m[160];
		snprintf(m, sizeof m, "The server has the first %lld bytes of this file: send from there.",
			 (long long)end);
		conflict(r, &u, end, m);
		return;
	}
	if (len == 0 && offset < u.size) {
		close(fd);
		refuse(r, 400, "This chunk is empty: send the file's bytes from Upload-Offset.");
		return;
	}
	if (upload_write(fd, offset, r->req->entity.base, len) != 0) {
		close(fd);
		refuse(r, 500,
		       "This chunk could not be written to the server's disk; try it again in a moment.");
		return;
	}
	int64_t have = offset + (int64_t)len;
	if (have < u.size) {
		close(fd);
		send_offset_header(r, have);
		admin_json(r, 200,
			   json_pack("{s:I, s:I}", "offset", (json_int_t)have, "size", (json_int_t)u.size));
		return;
	}
	/* the last byte: the file, still locked, goes into the library; the answer comes when it is there */
	char path[1024];
	upload_path(dir, u.id, path, sizeof path);
	struct media_arrival a = {.fd = fd,
				  .path = path,
				  .upload_id = u.id,
				  .len = u.size,
				  .alt = u.alt,
				  .credit = u.credit,
				  .filename = u.name,
				  .json = 1,
				  .video = u.video};
	media_ingest(r, &a);
}

void admin_upload_cancel(struct request *r)
{
	struct media_upload u;
	if (load(r, &u) != 0)
		return;
	const char *dir = r->app->cfg.media_dir;
	int fd = u.done ? -1 : upload_open(dir, u.id);
	if (fd == -2) {
		refuse(r, 409, "This upload is being written or processed: it cannot be cancelled now.");
		return;
	}
	if (store_upload_delete(r->w->db, u.id) != 0) {
		if (fd >= 0)
			close(fd);
		refuse(r, 500, "The upload could not be cancelled; try again in a moment.");
		return;
	}
	upload_remove(dir, u.id);
	if (fd >= 0)
		close(fd);
	admin_json(r, 200, json_pack("{s:b}", "cancelled", 1));
}
