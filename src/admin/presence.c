/* presence: who has which article open in the editor, for the list and the editor's warning. */
#include "admin/presence.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "http/response.h"
#include "http/lang.h"
#include "render/escape.h"
#include "site/handlers.h"
#include "store/editorial.h"
#include "store/desk.h"

/* "Bea and Carl have this article open ..." from the others' marks, or NULL */
static const char *warning(struct request *r, const struct presence *ps, size_t n)
{
	if (!n)
		return NULL;
	buf b;
	buf_init(&b, r->pool);
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", ps[i].name);
	buf_printf(&b,
		   " %s this article open in the editor too: saving over each other's changes is refused, so "
		   "agree who edits it.",
		   n == 1 ? "has" : "have");
	return buf_cstr(&b);
}

const char *presence_open(struct request *r, int64_t article_id, const char *notice)
{
	struct presence *ps;
	size_t n;
	store_presence_mark(r->w->db, article_id,
			    r->user->id); /* a failure only hides this editor from others */
	if (store_presence_others(r->w->db, r->pool, article_id, r->user->id, store_now() - PRESENCE_FRESH,
				  &ps, &n) != 0)
		return notice;
	const char *warn = warning(r, ps, n);
	if (!warn)
		return notice;
	if (!notice)
		return warn;
	buf b;
	buf_init(&b, r->pool);
	buf_printf(&b, "%s %s", notice, warn);
	return buf_cstr(&b);
}

/* POST /admin/articles/ID/presence (the editor's script, every 30 s): marks it, answers who else has it open
 * as {"others": [names], "warning": text}. */
void admin_article_presence(struct request *r)
{
	int64_t id = admin_id(r);
	struct article a;
	if (id < 0 || store_admin_article(r->w->db, r->pool, r->site->id, id, &a) != 1) {
		resp_error(r, 404, req_text(r, "admin.error.no_article"));
		return;
	}
	if (store_presence_mark(r->w->db, id, r->user->id) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	struct presence *ps;
	size_t n;
	if (store_presence_others(r->w->db, r->pool, id, r->user->id, store_now() - PRESENCE_FRESH, &ps,
				  &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "{\"others\":[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_adds(&b, ",");
		buf_adds(&b, "\"");
		esc_json_string(&b, ps[i].name, strlen(ps[i].name));
		buf_adds(&b, "\"");
	}
	buf_adds(&b, "],\"warning\":");
	const char *w = warning(r, ps, n);
	if (w) {
		buf_adds(&b, "\"");
		esc_json_string(&b, w, strlen(w));
		buf_adds(&b, "\"");
	} else
		buf_adds(&b, "null");
	buf_adds(&b, "}");
	resp_bytes(r, 200, "application/json; charset=utf-8", "private, no-store", NULL, buf_cstr(&b), b.len);
}
