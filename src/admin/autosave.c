/* autosave: the article editor's form kept on the server every few seconds while someone types (editor.js);
 * a real save or a discard drops it, and the editor offers to restore it (articles.c).
 *
 *   POST /admin/articles/ID/autosave           the editor's fields (ID "new": a new article), X-Form-Token:
 *                                              200 {saved_at}; 404, 403, 413 or 429 {error} (Retry-After)
 *   POST /admin/articles/ID/autosave/discard   form_token: forgets it, 303 to the editor */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/articles.h"
#include "admin/media.h"
#include "core/text.h"
#include "http/policy.h"
#include "http/lang.h"
#include "http/response.h"
#include "site/handlers.h"
#include "store/store.h"
#include "store/accounts.h"
#include "store/editorial.h"

/* one autosave every 1.5 s on average, with room for a burst (a tab closing right after one) */
static const struct attempt_rule per_user = {.window = 60, .grace = 40, .cap = 40};

static void refuse(struct request *r, int status, const char *message)
{
	admin_json(r, status, json_pack("{s:s}", "error", message));
}

/* The article of the path ("new": 0) when this person may edit it: its id, or -1 after answering. */
static int64_t editable(struct request *r)
{
	if (strcmp(r->params[0], "new") == 0)
		return 0;
	char *end;
	long long id = strtoll(r->params[0], &end, 10);
	struct article a;
	int found = id > 0 && !*end ? store_admin_article(r->w->db, r->pool, r->site->id, id, &a) : 0;
	if (found <= 0) {
		refuse(r, found < 0 ? 500 : 404,
		       req_text(r, found < 0 ? "admin.autosave.no_database" : "admin.error.no_article"));
		return -1;
	}
	/* as for a save: contributors keep drafts and articles in review */
	if (!policy_role_at_least(r->user, ROLE_EDITOR) && strcmp(a.status, "draft") != 0 &&
	    strcmp(a.status, "review") != 0) {
		refuse(r, 403, req_text(r, "admin.autosave.editor_only"));
		return -1;
	}
	return id;
}

void admin_autosave_save(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int64_t id = editable(r);
	if (id < 0)
		return;
	const char *body = r->req->entity.base;
	size_t n = r->req->entity.len;
	if (!n || !form_get(&f, "title") || memchr(body, '\0', n) ||
	    !text_utf8_ok(mem_strndup(r->pool, body, n))) {
		refuse(r, 422, req_text(r, "admin.autosave.not_form"));
		return;
	}
	char subject[32];
	snprintf(subject, sizeof subject, "user:%lld", (long long)r->user->id);
	int wait = 0, rc = store_attempt_take(r->w->db, "autosave", subject, &per_user, &wait);
	if (rc == 0) {
		char retry[16];
		snprintf(retry, sizeof retry, "%d", wait);
		resp_header(r, "retry-after", retry, strlen(retry));
		refuse(r, 429, req_text(r, "admin.autosave.too_often"));
		return;
	}
	if (rc < 0 ||
	    store_autosave_put(r->w->db, r->user->id, r->site->id, id, mem_strndup(r->pool, body, n)) != 0) {
		refuse(r, 500, req_text(r, "admin.autosave.not_kept"));
		return;
	}
	admin_json(r, 200, json_pack("{s:I}", "saved_at", (json_int_t)store_now()));
}

void admin_autosave_discard(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int is_new = strcmp(r->params[0], "new") == 0;
	char *end;
	long long id = is_new ? 0 : strtoll(r->params[0], &end, 10);
	if (!is_new && (id <= 0 || *end)) {
		resp_error(r, 404, req_text(r, "admin.error.no_article"));
		return;
	}
	if (store_autosave_drop(r->w->db, r->user->id, r->site->id, id) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	char where[64];
	if (is_new)
		snprintf(where, sizeof where, "/admin/articles/new");
	else
		snprintf(where, sizeof where, "/admin/articles/%lld", id);
	resp_redirect(r, 303, mem_strndup(r->pool, where, strlen(where)));
}
