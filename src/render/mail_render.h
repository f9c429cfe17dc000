/* mail_render: a mail's subject, text and HTML from the theme's mail/NAME.txt and mail/NAME.html. */
#ifndef PLENARY_MAIL_RENDER_H
#define PLENARY_MAIL_RENDER_H

#include <h2o/memory.h>

#include "render/tmpl.h"
#include "render/view.h"

/** Renders the mail called name (e.g. "mail/verify") with v. The plain-text template "name.txt" is
 * required: its first line must be "Subject: ..." and gives *subject (without "Subject:", trimmed, one
 * line, at most 250 bytes cut at a character boundary); an empty line right after it is skipped and the
 * rest is *text. The HTML template "name" (name.html in the theme) is optional: *html is its output, or
 * NULL when the theme has none. All three are valid UTF-8 whatever the theme's files hold (bad bytes
 * become U+FFFD): no control character in the subject, none but \n and \t in the text (so no CR), none
 * but \t \n \r in the HTML. Everything lives in pool. Returns 0, or -1 (with *subject, *text and
 * *html NULL, a message logged) when name.txt is missing or does not start with "Subject:". */
int mail_render(const tmpl_set *set, const char *name, const view *v, h2o_mem_pool_t *pool,
		const char **subject, const char **text, const char **html);

#endif
