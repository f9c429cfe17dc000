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
#include "http/lang.h"
#include "jobs/uploads.h"
#include "site/handlers.h"
#include "store/store.h"
#include "store/media.h"

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
		refuse(r, 500, req_text(r, "admin.uploads.error_lookup"));
	else /* someone else's upload is no more there than one that never was */
		refuse(r, 404, req_text(r, "admin.uploads.error_none"));
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
		refuse(r, 415, req_text(r, "admin.uploads.error_form"));
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
		json_object_set_new(errors, "file", json_string(req_text(r, "admin.uploads.error_no_file")));
	else if (size > upload_max(r, video)) {
		char mb[16];
		snprintf(mb, sizeof mb, "%d", video ? r->app->cfg.video_max_mb : r->app->cfg.upload_max_mb);
		json_object_set_new(errors, "file",
				    json_string(req_textf(r,
							  video ? "admin.uploads.error_large_video"
								: "admin.uploads.error_large_image",
							  "mb", mb, NULL)));
		status = 413;
	} else if (!type_ok) {
		json_object_set_new(errors, "file", json_string(req_text(r, "admin.uploads.error_type")));
		status = 415;
	}
	if (!media_text_ok(alt, MEDIA_ALT_MAX, 1))
		json_object_set_new(errors, "alt",
				    json_string(req_text(r, video ? "admin.uploads.error_title"
								  : "admin.uploads.error_alt")));
	if (!media_text_ok(credit, MEDIA_CREDIT_MAX, 0))
		json_object_set_new(errors, "credit", json_string(req_text(r, "admin.uploads.error_credit")));
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
		char most[16];
		snprintf(most, sizeof most, "%d", UPLOADS_PER_USER);
		refuse(r, 429, req_textf(r, "admin.uploads.error_too_many", "most", most, NULL));
		return;
	}
	if (rc != SAVE_OK || upload_create(dir, id) != 0) {
		if (rc == SAVE_OK)
			store_upload_delete(r->w->db, id);
		refuse(r, 500, req_text(r, "admin.uploads.error_not_writable"));
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
		refuse(r, 404, req_text(r, "admin.uploads.error_gone"));
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
		json_object_set_new(j, "error", json_string(req_text(r, "admin.uploads.error_finished")));
		admin_json(r, 409, j);
		return;
	}
	const char *ct = req_header(r, "content-type");
	if (!ct || (strcasecmp(ct, "application/offset+octet-stream") != 0 &&
		    strcasecmp(ct, "application/octet-stream") != 0)) {
		refuse(r, 415, req_text(r, "admin.uploads.error_chunk_type"));
		return;
	}
	int64_t offset = parse_bytes(req_header(r, "upload-offset"));
	if (offset < 0) {
		refuse(r, 400, req_text(r, "admin.uploads.error_offset"));
		return;
	}
	size_t chunk = upload_chunk_size(r->app->cfg.max_body_kb), len = r->req->entity.len;
	if (len > chunk) {
		char most[24], is[24];
		snprintf(most, sizeof most, "%zu", chunk);
		snprintf(is, sizeof is, "%zu", len);
		const char *m =
		    req_textf(r, "admin.uploads.error_chunk_large", "most", most, "size", is, NULL);
		admin_json(r, 413, json_pack("{s:s, s:I}", "error", m, "chunk_size", (json_int_t)chunk));
		return;
	}
	if (offset > u.size || (int64_t)len > u.size - offset) {
		char size[24];
		snprintf(size, sizeof size, "%lld", (long long)u.size);
		const char *m = req_textf(r, "admin.uploads.error_past_end", "size", size, NULL);
		admin_json(r, 413, json_pack("{s:s, s:I}", "error", m, "size", (json_int_t)u.size));
		return;
	}
	const char *dir = r->app->cfg.media_dir;
	int fd = upload_open(dir, u.id);
	if (fd == -2) {
		int busy;
		int64_t have = upload_size(dir, u.id, &busy);
		conflict(r, &u, have < 0 ? 0 : have,
			 req_text(r, have == u.size ? "admin.uploads.error_processing"
						    : "admin.uploads.error_writing"));
		return;
	}
	if (fd < 0) {
		store_upload_delete(r->w->db, u.id);
		refuse(r, 404, req_text(r, "admin.uploads.error_gone"));
		return;
	}
	off_t end = lseek(fd, 0, SEEK_END);
	if (end != offset) {
		close(fd);
		char have[24];
		snprintf(have, sizeof have, "%lld", (long long)end);
		conflict(r, &u, end, req_textf(r, "admin.uploads.error_resume", "have", have, NULL));
		return;
	}
	if (len == 0 && offset < u.size) {
		close(fd);
		refuse(r, 400, req_text(r, "admin.uploads.error_empty"));
		return;
	}
	if (upload_write(fd, offset, r->req->entity.base, len) != 0) {
		close(fd);
		refuse(r, 500, req_text(r, "admin.uploads.error_disk"));
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
		refuse(r, 409, req_text(r, "admin.uploads.error_busy"));
		return;
	}
	if (store_upload_delete(r->w->db, u.id) != 0) {
		if (fd >= 0)
			close(fd);
		refuse(r, 500, req_text(r, "admin.uploads.error_cancel"));
		return;
	}
	upload_remove(dir, u.id);
	if (fd >= 0)
		close(fd);
	admin_json(r, 200, json_pack("{s:b}", "cancelled", 1));
}
