/* whatsnew_pdf: a section's "What's new" document typeset as a PDF (per month, per congress, the newest
 * month), holding what the HTML page's reader may see and, where they may read it, each article's text. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/buf.h"
#include "http/lang.h"
#include "http/names.h"
#include "http/response.h"
#include "render/pdf_doc.h"
#include "render/pdf_markdown.h"
#include "site/handlers.h"
#include "site/whatsnew_doc.h"

static const char *kind_label(struct request *r, const char *kind)
{
	return req_text(r, strcmp(kind, "interview") == 0 ? "whatsnew.kind.interview"
			   : strcmp(kind, "news") == 0	  ? "whatsnew.kind.news"
							  : "whatsnew.kind.report");
}

/* The article's gated note: its audience's readers named in the request's language. */
static const char *gated_note(struct request *r, const char *audience)
{
	return req_text(r, strcmp(audience, "members") == 0	   ? "whatsnew.pdf.gated_members"
			   : strcmp(audience, "hcp") == 0	   ? "whatsnew.pdf.gated_hcp"
			   : strcmp(audience, "verified_hcp") == 0 ? "whatsnew.pdf.gated_verified"
								   : "whatsnew.pdf.gated_everyone");
}

static void date_text(char *out, size_t n, int64_t t)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	strftime(out, n, "%-d %B %Y", &tm);
}

/* A line of small text with one link: before, the link's text (linked to uri), after. */
static void note_with_link(pdf_doc *d, enum pdf_block kind, const char *before, const char *uri,
			   const char *after)
{
	pdf_text *t = pdf_text_new();
	pdf_text_adds(t, before);
	pdf_text_link_begin(t, uri);
	pdf_text_adds(t, uri);
	pdf_text_link_end(t);
	pdf_text_adds(t, after);
	pdf_doc_block(d, kind, t, 0, NULL);
	pdf_text_free(t);
}

static void title_block(pdf_doc *d, struct request *r, const struct whatsnew_doc *doc, const char *page_url,
			size_t whole)
{
	char line[600], date[64];
	pdf_doc_heading(d, PDF_KICKER, req_name(r, "site", r->site->id, "name", r->site->name), NULL);
	pdf_doc_heading(d, PDF_TITLE, req_textf(r, "section.title", "section", doc->section.name, NULL),
			NULL);
	pdf_doc_heading(d, PDF_SUBTITLE, doc->what, NULL);
	if (doc->full_name[0])
		pdf_doc_heading(d, PDF_META, doc->full_name, NULL);
	date_text(date, sizeof date, doc->made);
	note_with_link(d, PDF_META, req_plural(r, "whatsnew.pdf.made", (long long)doc->n, "date", date, NULL),
		       page_url, "");
	if (doc->n == WHATSNEW_MAX) {
		snprintf(line, sizeof line, "%d", WHATSNEW_MAX);
		pdf_doc_heading(d, PDF_NOTE, req_textf(r, "whatsnew.full", "max", line, NULL), NULL);
	}
	if (whole < doc->n) {
		size_t readable = 0;
		for (size_t i = 0; i < doc->n; i++)
			readable += doc->articles[i].body != NULL;
		if (whole < readable) {
			pdf_doc_heading(d, PDF_NOTE,
					whole ? req_plural(r, "whatsnew.pdf.text_of", (long long)whole, NULL)
					      : req_text(r, "whatsnew.pdf.text_of_none"),
					NULL);
		}
	}
	pdf_doc_rule(d);
}

static void references(pdf_doc *d, struct request *r, const struct article *a)
{
	pdf_doc_heading(d, PDF_H3, req_text(r, "whatsnew.references"), NULL);
	pdf_text *t = pdf_text_new();
	for (size_t j = 0; j < a->nrefs; j++) {
		const struct reference *ref = &a->refs[j];
		pdf_text_reset(t);
		pdf_text_adds(t, ref->citation);
		if (ref->abstract_no && ref->abstract_no[0]) {
			pdf_text_adds(t, " ");
			pdf_text_adds(t, req_text(r, "whatsnew.pdf.abstract"));
			pdf_text_adds(t, " ");
			pdf_text_adds(t, ref->abstract_no);
			pdf_text_adds(t, ".");
		}
		const char *link = whatsnew_ref_link(r->pool, ref->url);
		if (ref->url[0]) {
			pdf_text_adds(t, " ");
			pdf_text_link_begin(t, link); /* neither a web address nor a DOI: shown, not linked */
			pdf_text_adds(t, link ? link : ref->url);
			pdf_text_link_end(t);
		}
		char marker[16];
		snprintf(marker, sizeof marker, "%zu.", j + 1);
		pdf_doc_list_item(d, 1, marker, t);
	}
	pdf_text_free(t);
}

static void article(pdf_doc *d, struct request *r, const struct article *a, const char *base, int whole)
{
	char url[1200], line[800], date[64];
	snprintf(url, sizeof url, "%s/article/%s", base, a->slug);
	pdf_doc_bookmark(d, a->title);
	pdf_doc_heading(d, PDF_H1, a->title, url);
	date_text(date, sizeof date, a->published_at);
	snprintf(line, sizeof line, "%s \u00b7 %s%s%s", date, kind_label(r, a->kind),
		 a->congress.id ? " \u00b7 " : "", a->congress.id ? a->congress.name : "");
	pdf_doc_heading(d, PDF_META, line, NULL);
	if (a->npeople) {
		buf b;
		buf_init(&b, r->pool);
		for (size_t j = 0; j < a->npeople; j++) {
			const struct person *p = &a->people[j];
			buf_printf(&b, "%s%s", j ? "; " : "", p->name);
			if (p->affiliation && p->affiliation[0])
				buf_printf(&b, " (%s)", p->affiliation);
			if (strcmp(p->role, "interviewer") == 0)
				buf_printf(&b, ", %s", req_text(r, "whatsnew.interviewer"));
		}
		pdf_doc_heading(d, PDF_META, buf_cstr(&b), NULL);
	}
	pdf_doc_heading(d, PDF_LEAD, a->summary, NULL);
	if (a->body && whole)
		pdf_markdown(d, a->body, strlen(a->body), base);
	else if (!a->body_allowed) {
		snprintf(line, sizeof line, "%s ", gated_note(r, a->audience));
		note_with_link(d, PDF_NOTE, line, url, "");
	} else {
		snprintf(line, sizeof line, "%s ", req_text(r, "whatsnew.pdf.full_article"));
		note_with_link(d, PDF_NOTE, line, url, "");
	}
	if (a->nrefs)
		references(d, r, a);
	pdf_doc_rule(d);
}

/* "whats-new-lung-cancer-2025-06.pdf": only letters, digits and hyphens from the slugs */
static const char *disposition(struct request *r, const struct whatsnew_doc *doc)
{
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "inline; filename=\"whats-new-");
	const char *parts[] = {doc->section.slug, doc->key};
	for (int k = 0; k < 2; k++) {
		for (const char *p = parts[k]; *p && p - parts[k] < 80; p++)
			buf_addc(&b, (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
					     (*p >= '0' && *p <= '9')
					 ? *p
					 : '-');
		buf_adds(&b, k ? ".pdf\"" : "-");
	}
	return buf_cstr(&b);
}

static void send_pdf(struct request *r, enum whatsnew_kind kind)
{
	struct whatsnew_doc doc;
	if (!whatsnew_doc_read(r, kind, &doc))
		return;
	char path[600];
	if (kind == WHATSNEW_LATEST)
		snprintf(path, sizeof path, "/section/%s/whats-new.pdf", doc.section.slug);
	else
		snprintf(path, sizeof path, "/section/%s/whats-new/%s%s.pdf", doc.section.slug,
			 kind == WHATSNEW_CONGRESS ? "congress/" : "", doc.key);
	/* one document, one address: each query would make a new PDF and cache entry */
	if (r->query[0]) {
		resp_moved(r, path);
		return;
	}
	if (store_whatsnew_bodies(r->w->db, r->pool, &doc.filter, r->level, WHATSNEW_MAX, doc.articles,
				  doc.n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	/* the articles whose text is printed whole: those the reader may read, newest first */
	size_t whole = 0, bytes = 0;
	for (size_t i = 0; i < doc.n; i++) {
		struct article *a = &doc.articles[i];
		if (!a->body_allowed)
			a->body = NULL; /* one rule with the store's: never printed where the page would not
					   show it */
		if (!a->body)
			continue;
		/* past whatsnew_pdf_text_kb (300 articles' texts could reach 75 MB) the rest show their
		 * summary and a link, as gated ones do */
		bytes += strlen(a->body);
		if (bytes > (size_t)r->app->cfg.whatsnew_pdf_text_kb * 1024)
			break;
		whole++;
	}
	const char *home = req_site_url(r, r->site);
	char *base = mem_strndup(r->pool, home, strlen(home) - 1); /* without its last '/' */
	char page_url[800], title[600], footer[800];
	snprintf(page_url, sizeof page_url, "%s/section/%s/whats-new/%s%s", base, doc.section.slug,
		 kind == WHATSNEW_CONGRESS ? "congress/" : "",
		 doc.key); /* the HTML page of this month or congress */
	snprintf(title, sizeof title, "%s",
		 req_textf(r, "whatsnew.title", "section", doc.section.name, "what", doc.what, NULL));
	const char *site_name = req_name(r, "site", r->site->id, "name", r->site->name);
	snprintf(footer, sizeof footer, "%s \u00b7 %s", site_name, title);
	buf out;
	buf_init(&out, NULL);
	struct pdf_doc_info info = {.title = title, .author = site_name, .footer = footer, .made = doc.made};
	pdf_doc *d = pdf_doc_begin(&info, &out);
	if (!d) {
		resp_error(r, 500, NULL);
		return;
	}
	title_block(d, r, &doc, page_url, whole);
	size_t printed = 0;
	for (size_t i = 0; i < doc.n; i++) {
		int print = doc.articles[i].body && printed < whole;
		printed += print;
		article(d, r, &doc.articles[i], base, print);
	}
	if (pdf_doc_end(d) != 0) {
		buf_free(&out);
		resp_error(r, 500, NULL);
		return;
	}
	resp_file(r, "application/pdf", disposition(r, &doc), out.p, out.len, 1);
	buf_free(&out);
}

void whatsnew_pdf_latest(struct request *r)
{
	send_pdf(r, WHATSNEW_LATEST);
}

void whatsnew_pdf_month(struct request *r)
{
	send_pdf(r, WHATSNEW_MONTH);
}

void whatsnew_pdf_congress(struct request *r)
{
	send_pdf(r, WHATSNEW_CONGRESS);
}
