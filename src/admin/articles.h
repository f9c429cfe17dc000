/* articles: what the article editor's files share (articles.c, compare.c, resume.c). */
#ifndef PLENARY_ADMIN_ARTICLES_H
#define PLENARY_ADMIN_ARTICLES_H

#include <stdint.h>

#include "http/form.h"
#include "http/request.h"
#include "render/view.h"
#include "store/editorial.h"

struct article;
struct revision;

/** Saves, or previews, the editor's form f for r->user (staff; the form token already checked) to article
 * id (0: a new one), as a POST to the editor does: 303 to the editor when saved, the preview, 409 on a
 * conflict, 422 with the messages, 403 or 404. */
void article_save_form(struct request *r, const struct form *f, int64_t id);

/** The answer to a save whose session has ended: the submitted form f (to article id, 0 for a new one) kept
 * in hidden fields, with the fields to sign in that post it all to /admin/resume; error, when not NULL,
 * says why the last try failed. */
void session_ended_page(struct request *r, int status, const struct form *f, int64_t id, const char *error);

/** Fills cmp with a revision's title, summary and body compared line by line with the current article's:
 * "fields" (label, changes, rows), "summary" and the notes on texts compared more coarsely. */
/** Adds "translations" to the editor's form f of article id when the site offers several languages: its
 * family's members (language, title, status, out of date) and the languages it has no translation in. */
void translations_view(struct request *r, view *f, int64_t id);

void view_compare(view *cmp, struct request *r, const struct revision *rev, const struct article *a);

#endif
