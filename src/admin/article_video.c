/* article_video: the back office's page for an article's video: which library video plays (or the article's
 * link), duration and poster, chapters, the transcript (written, or made from captions), and captions per
 * language uploaded or pasted as WebVTT, each refused with its line number when it does not parse. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/media.h"
#include "core/buf.h"
#include "core/chapters.h"
#include "core/clock.h"
#include "core/text.h"
#include "core/transcript.h"
#include "core/webvtt.h"
#include "http/changes.h"
#include "http/multipart.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "http/lang.h"
#include "store/editorial.h"
#include "store/video.h"

#define PICKER_VIDEOS 200 /* library videos offered in the list, newest first */

/* What the form holds (as typed, when it comes back with errors). */
struct video_form {
	int64_t file_id, poster_id;
	const char *duration, *chapters, *transcript;
	const char *lang, *label, *vtt; /* the captions form */
};

enum { E_FILE, E_DURATION, E_POSTER, E_CHAPTERS, E_TRANSCRIPT, E_LANG, E_LABEL, E_VTT, E_COUNT };
static const char *const fields[E_COUNT] = {"file_id",	  "duration", "poster_id", "chapters",
					    "transcript", "lang",     "label",	   "vtt"};

/* The article of the path (1), or an answer sent (0). */
static int load_article(struct request *r, struct article *a)
{
	int64_t id = admin_id(r);
	int found = id > 0 ? store_admin_article(r->w->db, r->pool, r->site->id, id, a) : 0;
	if (found <= 0)
		resp_error(r, found < 0 ? 500 : 404,
			   found < 0 ? NULL : req_text(r, "admin.error.no_article"));
	return found > 0;
}

static const char *known_label(const char *lang)
{
	static const char *const names[][2] = {{"en", "English"},  {"fr", "Français"}, {"nl", "Nederlands"},
					       {"de", "Deutsch"},  {"es", "Español"},  {"it", "Italiano"},
					       {"pt", "Português"}};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strncmp(lang, names[i][0], 2) == 0 && (!lang[2] || lang[2] == '-'))
			return names[i][1];
	return NULL;
}

/* A language tag as BCP 47 writes the common ones: two or three letters, then optional subtags of two to
 * eight letters or digits ("en", "pt-BR", "zh-Hant"), at most 12 bytes. */
static int lang_ok(const char *s)
{
	size_t n = strlen(s), i = 0;
	if (n < 2 || n > 12)
		return 0;
	while (i < n && isalpha((unsigned char)s[i]))
		i++;
	if (i < 2 || i > 3)
		return 0;
	while (i < n) {
		if (s[i++] != '-')
			return 0;
		size_t start = i;
		while (i < n && isalnum((unsigned char)s[i]))
			i++;
		if (i - start < 2 || i - start > 8)
			return 0;
	}
	return 1;
}

static void show(struct request *r, int status, const struct article *a, const struct video_form *f,
		 const char *const *errors, const char *notice)
{
	view *v = layout_view(r, req_text(r, "admin.title.video"));
	view_int(v, "article_id", (long long)a->id);
	view_str(v, "article_title", a->title);
	view_str(v, "article_slug", a->slug);
	view_str(v, "video_url", a->video_url ? a->video_url : "");
	view_str(v, "duration", f->duration);
	view_str(v, "chapters", f->chapters);
	view_str(v, "transcript", f->transcript);
	view_bool(v, "translation", a->family_id != 0);
	if (f->poster_id)
		view_int(v, "poster_id", (long long)f->poster_id);
	view_str(v, "lang", f->lang);
	view_str(v, "label", f->label);
	view_str(v, "vtt", f->vtt);
	view_str(v, "notice", notice ? notice : "");
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	struct video_file *fs;
	size_t n = 0, total = 0;
	view *list = view_list(v, "files");
	if (store_video_files(r->w->db, r->pool, r->site->id, 0, PICKER_VIDEOS, &fs, &n, &total) == 0)
		for (size_t i = 0; i < n; i++) {
			view *x = view_push(list);
			view_int(x, "id", (long long)fs[i].id);
			view_str(x, "title", fs[i].title[0] ? fs[i].title : fs[i].original_name);
			buf d;
			buf_init(&d, r->pool);
			clock_write(&d, fs[i].duration_ms);
			view_str(x, "duration", buf_cstr(&d));
			view_bool(x, "selected", fs[i].id == f->file_id);
		}
	view_bool(v, "no_file", f->file_id == 0);
	struct article_video cur;
	int has = store_article_video(r->w->db, r->pool, a->id, &cur);
	view_bool(v, "has_record", has == 1);
	struct video_caption *caps;
	size_t ncaps = 0;
	view *cl = view_list(v, "captions");
	if (store_video_captions(r->w->db, r->pool, a->id, 0, &caps, &ncaps) == 0)
		for (size_t i = 0; i < ncaps; i++) {
			view *x = view_push(cl);
			view_str(x, "lang", caps[i].lang);
			view_str(x, "label", caps[i].label);
			view_int(x, "article_id", (long long)a->id);
		}
	view_bool(v, "has_captions", ncaps > 0);
	view_errors(v, fields, errors, errors ? E_COUNT : 0);
	resp_page(r, status, "admin/article-video", v, 0);
}

static void form_from_record(const struct article_video *cur, int has, struct video_form *f,
			     h2o_mem_pool_t *pool)
{
	memset(f, 0, sizeof *f);
	f->duration = f->chapters = f->transcript = f->lang = f->label = f->vtt = "";
	if (!has)
		return;
	f->file_id = cur->file_id;
	f->poster_id = cur->poster_id;
	f->chapters = cur->chapters;
	f->transcript = cur->transcript;
	if (!cur->file_id && cur->duration_ms > 0) {
		buf b;
		buf_init(&b, pool);
		clock_write(&b, cur->duration_ms);
		f->duration = buf_cstr(&b);
	}
}

void admin_article_video(struct request *r)
{
	struct article a;
	if (!load_article(r, &a))
		return;
	struct article_video cur;
	int has = store_article_video(r->w->db, r->pool, a.id, &cur);
	if (has < 0) {
		resp_error(r, 500, NULL);
		return;
	}
	struct video_form f;
	form_from_record(&cur, has, &f, r->pool);
	/* ?edit=LANG: that language's captions in the captions form, to correct and add again */
	const char *edit = req_query(r, "edit");
	struct video_caption c;
	if (edit && lang_ok(edit) && store_video_caption(r->w->db, r->pool, a.id, edit, &c) == 1) {
		f.lang = c.lang;
		f.label = c.label;
		f.vtt = c.vtt;
	}
	show(r, 200, &a, &f, NULL, NULL);
}

static int64_t number(const char *s)
{
	if (!s || !*s)
		return 0;
	if (strlen(s) > 15 || strspn(s, "0123456789") != strlen(s))
		return -1;
	return strtoll(s, NULL, 10);
}

static void saved(struct request *r, const struct article *a)
{
	changed_articles(r->app, &a->id, 1);
	char to[80];
	snprintf(to, sizeof to, "/admin/articles/%lld/video?saved=1", (long long)a->id);
	resp_redirect(r, 303, to);
}

/* The form's transcript made from one language's captions, to check and save (nothing is saved yet). */
static void from_captions(struct request *r, const struct article *a, struct video_form *f,
			  const char **errors)
{
	const char *lang = f->lang && f->lang[0] ? f->lang : NULL;
	struct video_caption c;
	int rc = lang ? store_video_caption(r->w->db, r->pool, a->id, lang, &c) : 0;
	struct vtt cues;
	struct msg err;
	if (rc != 1 || vtt_parse(r->pool, c.vtt, strlen(c.vtt), &cues, &err) != 0) {
		errors[E_TRANSCRIPT] = req_text(r, rc < 0 ? "admin.video.error.captions_unreadable"
							  : "admin.video.error.captions_choose");
		show(r, rc < 0 ? 500 : 422, a, f, errors, NULL);
		return;
	}
	struct transcript t;
	buf b;
	buf_init(&b, r->pool);
	if (transcript_from_vtt(r->pool, &cues, &t) != 0) {
		errors[E_TRANSCRIPT] = req_text(r, "admin.video.error.captions_too_long");
		show(r, 422, a, f, errors, NULL);
		return;
	}
	transcript_write(&b, &t);
	f->transcript = buf_cstr(&b);
	show(r, 200, a, f, NULL, req_textf(r, "admin.video.transcript_made", "label", c.label, NULL));
}

void admin_article_video_save(struct request *r)
{
	struct article a;
	struct form form;
	if (form_read(r, &form) != 0 || !load_article(r, &a))
		return;
	const char *action = form_get(&form, "action");
	action = action ? action : "save";
	if (strcmp(action, "delete") == 0) {
		if (store_article_video_delete(r->w->db, a.id, r->user->id) != SAVE_OK) {
			resp_error(r, 500, NULL);
			return;
		}
		saved(r, &a);
		return;
	}
	struct video_form f = {0};
	const char *file = form_get(&form, "file_id"), *poster = form_get(&form, "poster_id");
	f.duration = form_get(&form, "duration");
	f.chapters = form_get(&form, "chapters");
	f.transcript = form_get(&form, "transcript");
	f.lang = form_get(&form, "from_lang");
	f.duration = f.duration ? f.duration : "";
	f.chapters = f.chapters ? f.chapters : "";
	f.transcript = f.transcript ? f.transcript : "";
	f.lang = f.lang ? f.lang : "";
	f.label = f.vtt = "";
	f.file_id = number(file);
	f.poster_id = number(poster);
	const char *errors[E_COUNT] = {0};
	if (strcmp(action, "from_captions") == 0) {
		from_captions(r, &a, &f, errors);
		return;
	}
	if (f.file_id < 0)
		errors[E_FILE] = req_text(r, "admin.video.error.file"), f.file_id = 0;
	if (f.poster_id < 0)
		errors[E_POSTER] = req_text(r, "admin.video.error.poster"), f.poster_id = 0;
	int64_t duration_ms = 0;
	if (f.duration[0] && (duration_ms = clock_parse(f.duration, strlen(f.duration))) <= 0)
		errors[E_DURATION] = req_text(r, "admin.video.error.duration");
	struct msg err;
	buf chapters, transcript, plain;
	buf_init(&chapters, r->pool);
	buf_init(&transcript, r->pool);
	buf_init(&plain, r->pool);
	struct chapter *cs;
	size_t ncs = 0;
	if (chapters_parse(r->pool, f.chapters, strlen(f.chapters), &cs, &ncs, &err) != 0)
		errors[E_CHAPTERS] = req_msg(r, &err);
	else
		chapters_write(&chapters, cs, ncs);
	struct transcript t;
	if (transcript_parse(r->pool, f.transcript, strlen(f.transcript), &t, &err) != 0)
		errors[E_TRANSCRIPT] = req_msg(r, &err);
	else {
		transcript_write(&transcript, &t);
		transcript_plain(&plain, &t);
	}
	for (size_t i = 0; i < E_COUNT; i++)
		if (errors[i]) {
			show(r, 422, &a, &f, errors, NULL);
			return;
		}
	struct article_video v = {.article_id = a.id,
				  .file_id = f.file_id,
				  .duration_ms = f.file_id ? 0 : duration_ms,
				  .poster_id = f.poster_id,
				  .chapters = buf_cstr(&chapters),
				  .transcript = buf_cstr(&transcript),
				  .transcript_plain = buf_cstr(&plain)};
	struct article_video cur;
	if (store_article_video(r->w->db, r->pool, a.id, &cur) == 1)
		v.recorded_at = cur.recorded_at;
	enum save_result rc = store_article_video_save(r->w->db, r->site->id, &v, r->user->id);
	if (rc == SAVE_NOT_FOUND) {
		errors[f.file_id ? E_FILE : E_POSTER] =
		    req_text(r, f.file_id ? "admin.video.error.no_file" : "admin.video.error.no_poster");
		show(r, 422, &a, &f, errors, NULL);
		return;
	}
	if (rc != SAVE_OK) {
		resp_error(r, 500, NULL);
		return;
	}
	saved(r, &a);
}

/* ---- captions ---- */

void admin_article_captions(struct request *r)
{
	struct article a;
	struct form form;
	struct upload files[MULTIPART_MAX_FILES];
	size_t nfiles = 0;
	if (form_read_upload(r, &form, files, MULTIPART_MAX_FILES, &nfiles) != 0 || !load_article(r, &a))
		return;
	struct article_video cur;
	int has = store_article_video(r->w->db, r->pool, a.id, &cur);
	struct video_form f;
	form_from_record(&cur, has == 1, &f, r->pool);
	const char *lang = form_get(&form, "lang"), *label = form_get(&form, "label"),
		   *text = form_get(&form, "vtt");
	f.lang = lang ? lang : "";
	f.label = label ? label : "";
	f.vtt = text ? text : "";
	const char *data = f.vtt;
	size_t len = strlen(f.vtt);
	for (size_t i = 0; i < nfiles; i++)
		if (strcmp(files[i].field, "file") == 0 && files[i].len) {
			data = files[i].data;
			len = files[i].len;
		}
	const char *errors[E_COUNT] = {0};
	if (!lang_ok(f.lang))
		errors[E_LANG] = req_text(r, "admin.video.error.lang");
	if (!f.label[0] && lang_ok(f.lang) && known_label(f.lang))
		f.label = known_label(f.lang);
	if (!media_text_ok(f.label, 60, 1))
		errors[E_LABEL] = req_text(r, "admin.video.error.label");
	struct vtt cues;
	struct msg err;
	if (!len)
		errors[E_VTT] = req_text(r, "admin.video.error.vtt_missing");
	else if (len > VTT_MAX_BYTES)
		errors[E_VTT] = req_text(r, "admin.video.error.vtt_too_large");
	else if (vtt_parse(r->pool, data, len, &cues, &err) != 0)
		errors[E_VTT] = req_msg(r, &err);
	for (size_t i = 0; i < E_COUNT; i++)
		if (errors[i]) { /* an uploaded file is not put back in the text box; pasted text is */
			show(r, 422, &a, &f, errors, NULL);
			return;
		}
	buf b;
	buf_init(&b, r->pool);
	vtt_write(&b, &cues);
	if (has == 0) { /* captions belong to the article's video record: an empty one holds them */
		struct article_video v = {
		    .article_id = a.id, .chapters = "", .transcript = "", .transcript_plain = ""};
		if (store_article_video_save(r->w->db, r->site->id, &v, r->user->id) != SAVE_OK) {
			resp_error(r, 500, NULL);
			return;
		}
	}
	struct video_caption c = {.lang = f.lang, .label = f.label, .vtt = buf_cstr(&b)};
	enum save_result rc = store_video_caption_save(r->w->db, a.id, &c, r->user->id);
	if (rc == SAVE_CONFLICT) {
		errors[E_LANG] = req_text(r, "admin.video.error.captions_full");
		show(r, 422, &a, &f, errors, NULL);
		return;
	}
	if (rc != SAVE_OK) {
		resp_error(r, 500, NULL);
		return;
	}
	saved(r, &a);
}

void admin_article_caption_delete(struct request *r)
{
	struct article a;
	struct form form;
	if (form_read(r, &form) != 0 || !load_article(r, &a))
		return;
	enum save_result rc = store_video_caption_delete(r->w->db, a.id, r->params[1], r->user->id);
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.video.error.no_captions") : NULL);
		return;
	}
	saved(r, &a);
}
