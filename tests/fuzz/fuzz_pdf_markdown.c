/* fuzz_pdf_markdown: Markdown laid out as a PDF (src/render/pdf_markdown.c, pdf_doc.c); the document must
 * finish, begin as a PDF, and link to nothing but http, https and mailto addresses. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "render/pdf_markdown.h"

/* fontconfig keeps its configuration for the process's life: not a leak of the code under test */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
	return "leak:libfontconfig.so\n";
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > 16384)
		size = 16384; /* long inputs only repeat what short ones find, slower */
	buf out;
	buf_init(&out, NULL);
	struct pdf_doc_info info = {"Fuzz", "Fuzz", "Fuzz footer", 0};
	pdf_doc *d = pdf_doc_begin(&info, &out);
	if (!d)
		abort();
	pdf_markdown(d, (const char *)data, size, "https://site.example");
	if (pdf_doc_end(d) != 0 || out.len < 5 || memcmp(out.p, "%PDF-", 5) != 0) {
		fprintf(stderr, "no PDF came out\n");
		abort();
	}
	static const char uri[] = "/URI (";
	for (const char *p = out.p; (p = memmem(p, out.len - (size_t)(p - out.p), uri, sizeof uri - 1));
	     p++) {
		const char *u = p + sizeof uri - 1;
		if (strncasecmp(u, "https://", 8) && strncasecmp(u, "http://", 7) &&
		    strncasecmp(u, "mailto:", 7)) {
			fprintf(stderr, "a link to %.60s\n", u);
			abort();
		}
		/* the string ends at its first ')': nothing of the address may be read as PDF syntax */
		size_t rest = out.len - (size_t)(u - out.p), len = strcspn(u, ")");
		if (len >= rest || memchr(u, '(', len) || memchr(u, '\\', len)) {
			fprintf(stderr, "a link's address escapes its string: %.60s\n", u);
			abort();
		}
	}
	buf_free(&out);
	return 0;
}
