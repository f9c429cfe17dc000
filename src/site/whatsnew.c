/* whatsnew: a section's print-ready "What's new" document, per month or per congress, and its index. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http/lang.h"
#include "http/response.h"
#include "site/assets.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "site/whatsnew_doc.h"

static view *start(struct request *r, const struct section *s, const char *title, const char *here)
{
	view *v = layout_view(r, title);
	view_str(v, "whatsnew_css_url", asset_url(r->app, "whatsnew.css"));
	view *sec = view_obj(v, "section");
	view_str(sec, "name", s->name);
	view_str(sec, "slug", s->slug);
	char index[300];
	snprintf(index, sizeof index, "/section/%s/whats-new", s->slug);
	const char *labels[] = {req_text(r, "breadcrumbs.home"), s->name, req_text(r, "whatsnew.kicker"),
				here};
	const char *urls[] = {"/", mem_strndup(r->pool, index, strlen("/section/") + strlen(s->slug)),
			      here ? mem_strndup(r->pool, index, strlen(index)) : NULL, NULL};
	view_breadcrumbs(v, labels, urls, here ? 4 : 3);
	return v;
}

void whatsnew_index(struct request *r)
{
	struct section s;
	if (!whatsnew_section(r, &s))
		return;
	struct whatsnew_month *months;
	struct congress *cs;
	size_t nm, nc;
	if (store_whatsnew_months(r->w->db, r->pool, r->site->id, s.id, languages_stored(r), &months, &nm) !=
		0 ||
	    store_whatsnew_congresses(r->w->db, r->pool, r->site->id, s.id, &cs, &nc) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	const char *title = req_textf(r, "section.title", "section", s.name, NULL);
	view *v = start(r, &s, title, NULL);
	view *ml = view_list(v, "months");
	for (size_t i = 0; i < nm; i++) {
		view *x = view_push(ml);
		view_fmt(x, "key", "%04d-%02d", months[i].year, months[i].month);
		view_str(x, "label", req_month(r, months[i].year, months[i].month));
		view_int(x, "count", (long long)months[i].count);
		view_bool(x, "one", months[i].count == 1);
	}
	view *cl = view_list(v, "congresses");
	for (size_t i = 0; i < nc; i++) {
		view *x = view_push(cl);
		req_name_congress(r, &cs[i]);
		view_str(x, "slug", cs[i].slug);
		view_str(x, "name", cs[i].name);
		view_str(x, "full_name", cs[i].full_name);
		view_int(x, "count", cs[i].article_count);
		view_bool(x, "one", cs[i].article_count == 1);
	}
	view_bool(v, "has_months", nm > 0);
	view_bool(v, "has_congresses", nc > 0);
	view_bool(v, "index", 1);
	resp_page(r, 200, "whatsnew", v, 1);
}

/* The document's page, titled "What's new in <section> — <what>". */
static void document(struct request *r, enum whatsnew_kind kind)
{
	struct whatsnew_doc doc;
	if (!whatsnew_doc_read(r, kind, &doc))
		return;
	const struct section *s = &doc.section;
	const char *title = req_textf(r, "whatsnew.title", "section", s->name, "what", doc.what, NULL);
	view *v = start(r, s, title, doc.what);
	view_date(r, v, "made", "made_iso", doc.made);
	view_bool(v, "full", doc.n == WHATSNEW_MAX);
	view_int(v, "max", WHATSNEW_MAX);
	view_fmt(v, "pdf_url", "/section/%s/whats-new/%s%s.pdf", s->slug,
		 kind == WHATSNEW_CONGRESS ? "congress/" : "", doc.key);
	view *list = view_list(v, "articles");
	for (size_t i = 0; i < doc.n; i++) {
		const struct article *a = &doc.articles[i];
		view *x = view_push(list);
		view_str(x, "title", a->title);
		view_str(x, "slug", a->slug);
		view_str(x, "summary", a->summary);
		view_str(x, "kind",
			 req_text(r, strcmp(a->kind, "interview") == 0 ? "whatsnew.kind.interview"
				     : strcmp(a->kind, "news") == 0    ? "whatsnew.kind.news"
								       : "whatsnew.kind.report"));
		view_date(r, x, "date", "date_iso", a->published_at);
		view_bool(x, "has_congress", a->congress.id != 0);
		view_str(x, "congress_name", a->congress.name);
		view_str(x, "congress_slug", a->congress.slug);
		view_bool(x, "gated", !a->body_allowed);
		view *people = view_list(x, "faculty");
		for (size_t j = 0; j < a->npeople; j++) {
			view *p = view_push(people);
			view_str(p, "name", a->people[j].name);
			view_str(p, "affiliation", a->people[j].affiliation);
			view_bool(p, "interviewer", strcmp(a->people[j].role, "interviewer") == 0);
			view_bool(p, "more", j + 1 < a->npeople);
		}
		view_bool(x, "has_faculty", a->npeople > 0);
		view *refs = view_list(x, "references");
		for (size_t j = 0; j < a->nrefs; j++) {
			view *c = view_push(refs);
			view_str(c, "citation", a->refs[j].citation);
			view_str(c, "abstract_no", a->refs[j].abstract_no);
			const char *u = a->refs[j].url, *link = whatsnew_ref_link(r->pool, u);
			view_str(c, "url", link ? link : "");
			view_str(c, "text",
				 link ? "" : u); /* neither a web address nor a DOI: shown, not linked */
		}
		view_bool(x, "has_references", a->nrefs > 0);
	}
	resp_page(r, 200, "whatsnew", v, 1);
}

void whatsnew_month(struct request *r)
{
	document(r, WHATSNEW_MONTH);
}

void whatsnew_congress(struct request *r)
{
	document(r, WHATSNEW_CONGRESS);
}
