/* page: static pages kept in the database (privacy, about, ...), the account placeholder, health check. */
#include <string.h>

#include "core/buf.h"
#include "http/lang.h"
#include "http/response.h"
#include "render/markdown.h"
#include "site/handlers.h"
#include "site/layout.h"

void page_by_path(struct request *r)
{
	struct page p;
	int found =
	    strlen(r->path) > 200 ? 0 : store_page_by_path(r->w->db, r->pool, r->site->id, r->path, &p);
	if (found <= 0) {
		resp_error(r, found < 0 ? 500 : 404, NULL);
		return;
	}
	req_name_page(r, &p);
	view *v = layout_view(r, p.title);
	buf md;
	buf_init(&md, r->pool);
	md_render(&md, p.body, strlen(p.body));
	view_html(v, "body_html", md.p ? md.p : "", md.len);
	view_date(r, v, "updated", "updated_iso", p.updated_at);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), p.title}, *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	resp_page(r, 200, "page", v, 1);
}

void health_check(struct request *r)
{
	resp_bytes(r, 200, "text/plain; charset=utf-8", "no-store", NULL, "ok\n", 3);
}
