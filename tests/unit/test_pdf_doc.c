/* test_pdf_doc: the typeset PDF's layout engine (src/render/pdf_doc.c, pdf_markdown.c): pages, links. */
#include <stdlib.h>
#include <string.h>

#include "render/pdf_doc.h"
#include "render/pdf_markdown.h"
#include "unit.h"

static const struct pdf_doc_info info = {"A test", "Test site", "Test site \u00b7 a running footer",
					 1750000000};

/* occurrences of needle in the n bytes at hay */
static int count(const buf *b, const char *needle)
{
	int k = 0;
	size_t m = strlen(needle);
	for (size_t i = 0; b->len >= m && i <= b->len - m; i++)
		if (memcmp(b->p + i, needle, m) == 0)
			k++;
	return k;
}

/* page objects of a PDF: "/Type /Page" not followed by "s" */
static int pdf_pages(const buf *b)
{
	return count(b, "/Type /Page") - count(b, "/Type /Pages");
}

static void test_three_pages(void)
{
	buf out;
	buf_init(&out, NULL);
	pdf_doc *d = pdf_doc_begin(&info, &out);
	CHECK(d != NULL);
	pdf_doc_heading(d, PDF_TITLE, "First page", NULL);
	pdf_doc_page_break(d);
	pdf_doc_page_break(d); /* an empty page is not broken again */
	pdf_doc_heading(d, PDF_H1, "Second page", "https://example.org/second");
	pdf_doc_page_break(d);
	pdf_doc_heading(d, PDF_H1, "Third page", NULL);
	pdf_doc_rule(d);
	pdf_doc_page_break(d); /* nothing after it: no empty fourth page */
	CHECK(pdf_doc_pages(d) == 3);
	CHECK(pdf_doc_end(d) == 0);
	CHECK(out.len > 1000 && memcmp(out.p, "%PDF-", 5) == 0);
	CHECK(pdf_pages(&out) == 3);
	CHECK(count(&out, "/Count 3") == 1);
	CHECK(count(&out, "/URI (https://example.org/second)") == 1);
	CHECK(count(&out, "/Title (A test)") == 1);
	buf_free(&out);
}

static void test_flows_over_pages(void)
{
	buf out;
	buf_init(&out, NULL);
	pdf_doc *d = pdf_doc_begin(&info, &out);
	pdf_text *t = pdf_text_new();
	for (int i = 0; i < 120; i++) {
		pdf_text_reset(t);
		pdf_text_adds(t, "A paragraph long enough to wrap over two lines of the text column, with ");
		pdf_text_link_begin(t, "https://example.org/link");
		pdf_text_adds(t, "a link");
		pdf_text_link_end(t);
		pdf_text_adds(t, " and a ");
		pdf_text_link_begin(t, "javascript:alert(1)");
		pdf_text_adds(t, "refused one");
		pdf_text_link_end(t);
		pdf_text_adds(t, " in the middle of it, and then some more words after them.");
		pdf_doc_paragraph(d, t);
	}
	pdf_text_free(t);
	int pages = pdf_doc_pages(d);
	CHECK(pages >= 4 && pages <= 12);
	CHECK(pdf_doc_end(d) == 0);
	CHECK(pdf_pages(&out) == pages);
	CHECK(count(&out, "/URI (https://example.org/link)") >= 120);
	CHECK(count(&out, "javascript") == 0);
	buf_free(&out);
}

static void test_markdown(void)
{
	buf out;
	buf_init(&out, NULL);
	pdf_doc *d = pdf_doc_begin(&info, &out);
	const char *md =
	    "# Results\n\nText with [a page](/article/other), [a site](https://example.net/x?a=1&b=2) "
	    "and [bad](javascript:alert(1)).\n\n- one\n- two\n  1. nested\n\n> quoted\n\n```\ncode\n```\n\n"
	    "| a | b |\n|---|---|\n| 1 | 2 |\n\nBad \x01 bytes \xff here &amp; &#x2265; &bogus;\n";
	pdf_markdown(d, md, strlen(md), "https://site.example");
	CHECK(pdf_doc_pages(d) == 1);
	CHECK(pdf_doc_end(d) == 0);
	CHECK(count(&out, "/URI (https://site.example/article/other)") == 1);
	CHECK(count(&out, "/URI (https://example.net/x?a=1&b=2)") == 1);
	CHECK(count(&out, "javascript") == 0);
	buf_free(&out);
}

/* An address with ')' must not end the PDF's string early: the rest would be read as PDF syntax (an action).
 */
static void test_link_cannot_break_out(void)
{
	buf out;
	buf_init(&out, NULL);
	pdf_doc *d = pdf_doc_begin(&info, &out);
	pdf_text *t = pdf_text_new();
	pdf_text_link_begin(t, "https://example.org/a)>>/S/JavaScript/JS(app.alert(1))\\x\u00e9");
	pdf_text_adds(t, "a link");
	pdf_text_link_end(t);
	pdf_doc_paragraph(d, t);
	pdf_text_free(t);
	const char *md = "[md](https://example.org/b%29c\\)d) and <https://example.org/e)f>";
	pdf_markdown(d, md, strlen(md), "https://site.example");
	CHECK(pdf_doc_end(d) == 0);
	CHECK(count(&out,
		    "/URI (https://example.org/a%29>>/S/JavaScript/JS%28app.alert%281%29%29%5Cx%C3%A9)") ==
	      1);
	CHECK(count(&out, "/URI (https://example.org/b%29c%29d)") == 1);
	CHECK(count(&out, "/URI (https://example.org/e%29f)") == 1);
	/* every /URI string ends at its first ')', with no '(' or '\' before it */
	for (const char *p = out.p; (p = memmem(p, out.len - (size_t)(p - out.p), "/URI (", 6)); p++) {
		const char *end = memchr(p + 6, ')', out.len - (size_t)(p + 6 - out.p));
		CHECK(end && !memchr(p + 6, '(', (size_t)(end - p - 6)) &&
		      !memchr(p + 6, '\\', (size_t)(end - p - 6)));
	}
	buf_free(&out);
}

/* A word of 70,000 characters breaks over pages (it took Pango 4 s before it got break opportunities), and a
 * paragraph of 300 KB is laid out, cut at 128 KiB (Pango laid out nothing of one past 256 KiB). */
static void test_long_words_and_paragraphs(void)
{
	size_t sizes[] = {70000, 300000};
	for (int k = 0; k < 2; k++) {
		char *md = malloc(sizes[k] + 1);
		memset(md, 'x', sizes[k]);
		md[sizes[k]] = '\0';
		buf out;
		buf_init(&out, NULL);
		pdf_doc *d = pdf_doc_begin(&info, &out);
		pdf_markdown(d, md, sizes[k], "https://site.example");
		int pages = pdf_doc_pages(d);
		CHECK(pdf_doc_end(d) == 0);
		CHECK(pages >= (k ? 60 : 30) && pages <= 80);
		CHECK(pdf_pages(&out) == pages);
		buf_free(&out);
		free(md);
	}
}

int main(void)
{
	RUN(test_three_pages);
	RUN(test_flows_over_pages);
	RUN(test_markdown);
	RUN(test_link_cannot_break_out);
	RUN(test_long_words_and_paragraphs);
	return unit_done("pdf_doc");
}
