/* videos: the media library's videos: the uploader (chunks, as for images), the list, one video's details,
 * its title, and deletion of one no article plays. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "admin/media.h"
#include "admin/when.h"
#include "core/buf.h"
#include "core/clock.h"
#include "core/log.h"
#include "http/policy.h"
#include "http/response.h"
#include "jobs/media.h"
#include "site/accounts.h"
#include "site/assets.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/video.h"

#define VIDEOS_PER_PAGE 24

static const char *duration(h2o_mem_pool_t *pool, int64_t ms)
{
	buf b;
	buf_init(&b, pool);
	clock_write(&b, ms);
	return buf_cstr(&b);
}

/* The poster's smallest rendition, for lists and pickers ("" when the video has none). */
static const char *poster_thumb(h2o_mem_pool_t *pool, const struct media *m)
{
	if (!m->id || !m->hash[0])
		return "";
	int ws[MEDIA_MAX_WIDTHS];
	media_widths(m->width, ws);
	char *url = h2o_mem_alloc_pool(pool, 128);
	media_url(m->hash, m->kind, ws[0], url, 128);
	return url;
}

static void view_video(h2o_mem_pool_t *pool, view *x, const struct video_file *f)
{
	view_int(x, "id", (long long)f->id);
	view_str(x, "title", f->title[0] ? f->title : f->original_name);
	view_str(x, "duration", duration(pool, f->duration_ms));
	view_int(x, "width", (long long)f->width);
	view_int(x, "height", (long long)f->height);
	view_int(x, "mb", (long long)((f->bytes + 524288) / 1048576));
	view_int(x, "uses", (long long)f->uses);
	view_str(x, "thumb", poster_thumb(pool, &f->poster));
	view_fmt(x, "src", "/media/%s.%s", f->hash, f->container);
}

static void library(struct request *r, int status, const char *error)
{
	int page = req_page_number(r);
	struct video_file *fs;
	size_t n = 0, total = 0;
	if (page < 1 ||
	    store_video_files(r->w->db, r->pool, r->site->id, (size_t)(page - 1) * VIDEOS_PER_PAGE,
			      VIDEOS_PER_PAGE, &fs, &n, &total) != 0) {
		resp_error(r, page < 1 ? 404 : 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.videos"));
	if (view_pagination(v, r, "/admin/videos", page, total, VIDEOS_PER_PAGE) != 0) {
		resp_error(r, 404, req_text(r, "admin.error.no_videos_page"));
		return;
	}
	view_int(v, "total", (long long)total);
	view_bool(v, "one", total == 1);
	view_str(v, "pagination_noun", req_plural(r, "admin.videos.noun", (long long)total, NULL));
	view_int(v, "max_mb", r->app->cfg.video_max_mb);
	view_str(v, "admin_js_url", asset_url(r->app, "admin.js"));
	view_bool(v, "deleted", req_query(r, "deleted") != NULL);
	view *list = view_list(v, "videos");
	for (size_t i = 0; i < n; i++)
		view_video(r->pool, view_push(list), &fs[i]);
	static const char *const fields[] = {"file"};
	const char *errors[] = {error};
	view_errors(v, fields, errors, error ? 1 : 0);
	resp_page(r, status, "admin/videos", v, 0);
}

void admin_videos(struct request *r)
{
	library(r, 200, NULL);
}

void admin_videos_post(struct request *r)
{
	/* the form posts here only when the page's script did not take the file */
	library(r, 422, req_text(r, "admin.videos.error.needs_js"));
}

static int load(struct request *r, struct video_file *f)
{
	int64_t id = admin_id(r);
	int rc = id > 0 ? store_video_file_by_id(r->w->db, r->pool, r->site->id, id, f) : 0;
	if (rc != 1)
		resp_error(r, rc < 0 ? 500 : 404, rc < 0 ? NULL : req_text(r, "admin.error.no_video"));
	return rc == 1 ? 0 : -1;
}

static void details(struct request *r, int status, const struct video_file *f, const char *title,
		    const char *error)
{
	view *v = layout_view(r, req_text(r, "admin.title.video"));
	view *x = view_obj(v, "video");
	view_video(r->pool, x, f);
	view_str(v, "title_value", title);
	view_str(x, "container", strcmp(f->container, "webm") == 0 ? "WebM" : "MP4");
	view_str(x, "video_codec", f->video_codec);
	view_str(x, "audio_codec", f->audio_codec[0] ? f->audio_codec : "none (silent)");
	view_str(x, "original_name", f->original_name);
	view_str(x, "created_by", f->created_by);
	view_when(r, x, "created", "created_iso", f->created_at);
	view_int(x, "poster_id", (long long)f->poster.id);
	view_bool(x, "unused", f->uses == 0);
	view_bool(v, "can_delete", policy_role_at_least(r->user, ROLE_EDITOR));
	view_bool(v, "uploaded", req_query(r, "uploaded") != NULL);
	view_bool(v, "duplicate", req_query(r, "duplicate") != NULL);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	static const char *const fields[] = {"title"};
	const char *errors[] = {error};
	view_errors(v, fields, errors, error ? 1 : 0);
	resp_page(r, status, "admin/video", v, 0);
}

void admin_video(struct request *r)
{
	struct video_file f;
	if (load(r, &f) == 0)
		details(r, 200, &f, f.title, NULL);
}

/* The file of a deleted video goes unless another site's library holds the same bytes. */
static void remove_file(struct request *r, const struct video_file *f)
{
	int used = store_video_hash_used(r->w->db, f->hash);
	if (used != 0)
		return;
	char path[1200];
	snprintf(path, sizeof path, "%s/%s.%s", r->app->cfg.media_dir, f->hash, f->container);
	if (unlink(path) != 0)
		log_error("videos: %s could not be removed", path);
}

void admin_video_save(struct request *r)
{
	struct video_file f;
	struct form form;
	if (form_read(r, &form) != 0 || load(r, &f) != 0)
		return;
	const char *action = form_get(&form, "action");
	if (action && strcmp(action, "delete") == 0) {
		if (!policy_role_at_least(r->user, ROLE_EDITOR)) {
			resp_error(r, 403, req_text(r, "admin.videos.error.delete_role"));
			return;
		}
		enum save_result rc = store_video_file_delete(r->w->db, r->site->id, f.id, r->user->id);
		if (rc == SAVE_CONFLICT) {
			resp_error(r, 409, req_text(r, "admin.videos.error.in_use"));
			return;
		}
		if (rc != SAVE_OK) {
			resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500, NULL);
			return;
		}
		remove_file(r, &f);
		resp_redirect(r, 303, "/admin/videos?deleted=1");
		return;
	}
	const char *title = form_get(&form, "title");
	title = title ? title : "";
	if (!media_text_ok(title, MEDIA_ALT_MAX, 1)) {
		details(r, 422, &f, title, req_text(r, "admin.videos.error.title"));
		return;
	}
	enum save_result rc = store_video_file_title(r->w->db, r->site->id, f.id, title, r->user->id);
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500, NULL);
		return;
	}
	char to[64];
	snprintf(to, sizeof to, "/admin/videos/%lld?saved=1", (long long)f.id);
	resp_redirect(r, 303, to);
}
