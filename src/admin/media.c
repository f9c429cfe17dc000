/* media: the back office's media library: upload (resized off the event loop), list, describe, delete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/records.h"
#include "auth/password.h"
#include "core/buf.h"
#include "core/text.h"
#include "http/dispatch.h"
#include "http/multipart.h"
#include "http/changes.h"
#include "http/policy.h"
#include "http/response.h"
#include "jobs/media.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"

#define MEDIA_PER_PAGE 24
#define ALT_MAX 300
#define CREDIT_MAX 200

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
	view *v = layout_view(r, "Media library");
	if (view_pagination(v, r, "/admin/media", page, total, MEDIA_PER_PAGE) != 0) {
		resp_error(r, 404, "There is no such page of images.");
		return;
	}
	view_int(v, "total", (long long)total);
	view_bool(v, "one", total == 1);
	view_str(v, "pagination_noun", "images");
	view_int(v, "max_mb", r->app->cfg.upload_max_mb);
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
	}
	view_errors(v, upload_fields, errors, errors ? 3 : 0);
	resp_page(r, status, "admin/media", v, 0);
}

void admin_media(struct request *r)
{
	library_page(r, 200, "", "", NULL);
}

/* ---- upload: checked here, resized on a hashing thread, recorded when it comes back ---- */

struct resize {
	struct request *r; /* valid when done runs: a request that goes away cancels the job */
	void *bytes;	   /* malloc'd copy of the upload */
	size_t len;
	char kind[8], hash[MEDIA_HASH_LEN + 1], dir[512];
	int width, height, ok;
	char err[200];
	const char *alt, *credit, *filename; /* in the request's pool */
};

static void resize_work(struct hash_job *job)
{
	struct resize *z = job->data;
	z->ok = media_process(z->bytes, z->len, z->kind, z->dir, z->hash, &z->width, &z->height, z->err,
			      sizeof z->err) == 0;
}

static void resize_release(struct hash_job *job)
{
	struct resize *z = job->data;
	free(z->bytes);
	free(z);
}

static void resize_done(struct hash_job *job)
{
	struct resize *z = job->data;
	struct request *r = z->r;
	if (!z->ok) {
		const char *errors[3] = {z->err, NULL, NULL};
		library_page(r, 422, z->alt, z->credit, errors);
		return;
	}
	struct media m = {.hash = z->hash,
			  .kind = z->kind,
			  .width = z->width,
			  .height = z->height,
			  .bytes = (int64_t)z->len,
			  .alt = z->alt,
			  .credit = z->credit,
			  .original_name = z->filename};
	int64_t id = 0;
	enum save_result rc = store_media_add(r->w->db, r->site->id, &m, r->user->id, &id);
	if (rc == SAVE_ERROR) {
		resp_error(r, 500, NULL);
		return;
	}
	char to[96];
	snprintf(to, sizeof to, "/admin/media/%lld?%s=1", (long long)id,
		 rc == SAVE_OK ? "uploaded" : "duplicate");
	resp_redirect(r, 303, to);
}

static int check_text(const char *v, size_t max, int required)
{
	size_t n = text_chars(v);
	/* an alt text of spaces says nothing to a screen reader: required means something besides spaces */
	return (!required || v[strspn(v, " ")] != '\0') && n <= max && text_clean(v, 0);
}

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
	const char *kind = NULL;
	if (!file || file->len == 0)
		errors[0] = "Choose an image file to upload.";
	else if (file->len > (size_t)r->app->cfg.upload_max_mb * 1024 * 1024)
		errors[0] = "This file is larger than the upload limit.", status = 413;
	else if (!(kind = media_sniff(file->data, file->len)))
		errors[0] =
		    "This file is not a JPEG, PNG or WebP image (its type is read from its bytes, not its "
		    "name).",
		status = 415;
	if (!check_text(alt, ALT_MAX, 1))
		errors[1] =
		    "Describe the image for readers who cannot see it (at most 300 characters, one line).";
	if (!check_text(credit, CREDIT_MAX, 0))
		errors[2] = "The credit can be at most 200 characters on one line.";
	if (errors[0] || errors[1] || errors[2]) {
		library_page(r, errors[0] ? status : 422, alt, credit, errors);
		return;
	}
	char hash[MEDIA_HASH_LEN + 1];
	media_hash(file->data, file->len, hash);
	int64_t have = store_media_find(r->w->db, r->site->id, hash);
	if (have) { /* the same bytes again: no need to resize them */
		char to[96];
		snprintf(to, sizeof to, "/admin/media/%lld?duplicate=1", (long long)have);
		if (have < 0)
			resp_error(r, 500, NULL);
		else
			resp_redirect(r, 303, to);
		return;
	}
	struct resize *z = calloc(1, sizeof *z);
	struct hash_job *job = calloc(1, sizeof *job);
	if (!z || !job || !(z->bytes = malloc(file->len))) {
		if (z)
			free(z->bytes);
		free(z);
		free(job);
		resp_error(r, 503, "The server is short of memory; try again in a moment.");
		return;
	}
	memcpy(z->bytes, file->data, file->len);
	z->r = r;
	z->len = file->len;
	snprintf(z->kind, sizeof z->kind, "%s", kind);
	memcpy(z->hash, hash, sizeof hash);
	snprintf(z->dir, sizeof z->dir, "%s", r->app->cfg.media_dir);
	z->alt = alt;
	z->credit = credit;
	z->filename =
	    text_chars(file->filename) <= 200 && text_clean(file->filename, 0) ? file->filename : "";
	job->reply_to = &r->w->hash_replies;
	job->work = resize_work;
	job->release = resize_release;
	job->done = resize_done;
	job->data = z;
	hasher_bind_request(job, r->pool);
	hasher_submit(job);
}

/* ---- one image: its renditions, what to paste into an article, alt and credit, deletion ---- */

static void image_page(struct request *r, int status, const struct media *m, const char *alt,
		       const char *credit, const char *const *errors)
{
	view *v = layout_view(r, "Image");
	view_int(v, "id", (long long)m->id);
	view_str(v, "alt", alt);
	view_str(v, "credit", credit);
	view_int(v, "width", (long long)m->width);
	view_int(v, "height", (long long)m->height);
	view_int(v, "kb", (long long)((m->bytes + 1023) / 1024));
	view_str(v, "kind", m->kind);
	view_str(v, "original_name", m->original_name);
	view_str(v, "created_by", m->created_by);
	view_date(v, "created", "created_iso", m->created_at);
	view_int(v, "uses", (long long)m->uses);
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
		resp_error(r, rc < 0 ? 500 : 404, rc < 0 ? NULL : "There is no such image.");
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
			resp_error(r, 403, "Images are deleted by editors and admins.");
			return;
		}
		if (m.uses) {
			resp_error(r, 409,
				   "Articles show this image: choose another featured image for them first.");
			return;
		}
		enum save_result rc = store_media_delete(r->w->db, r->site->id, m.id, r->user->id);
		if (rc != SAVE_OK) {
			resp_error(r, rc == SAVE_CONFLICT ? 409 : 500,
				   rc == SAVE_CONFLICT ? "An article came to show this image meanwhile."
						       : NULL);
			return;
		}
		if (store_media_hash_used(r->w->db, m.hash) == 0)
			media_remove(r->app->cfg.media_dir, m.hash, m.kind, m.width);
		resp_redirect(r, 303, "/admin/media?deleted=1");
		return;
	}
	const char *alt = form_get(&f, "alt"), *credit = form_get(&f, "credit");
	alt = alt ? alt : "";
	credit = credit ? credit : "";
	const char *errors[2] = {0};
	if (!check_text(alt, ALT_MAX, 1))
		errors[0] =
		    "Describe the image for readers who cannot see it (at most 300 characters, one line).";
	if (!check_text(credit, CREDIT_MAX, 0))
		errors[1] = "The credit can be at most 200 characters on one line.";
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
