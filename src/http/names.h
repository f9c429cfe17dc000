/* names: the names of sections, congresses, topics, pages, menu entries and sites in the page's language. */
#ifndef PLENARY_NAMES_H
#define PLENARY_NAMES_H

#include "http/request.h"

/** The field ("name", "title", "description", "body", "tagline", "label") of an item of kind ("section",
 * "congress", "tag", "page", "menu_item", "site") in the request's language: its translation, else fallback
 * (the text as kept, in the site's default language). A page in the site's default language reads nothing;
 * another reads its language's translations once (store_names). */
const char *req_name(struct request *r, const char *kind, int64_t id, const char *field,
		     const char *fallback);
/** Puts the request's language's name and description into a section read from the store. */
void req_name_section(struct request *r, struct section *s);
/** The same for a congress (name, description). */
void req_name_congress(struct request *r, struct congress *c);
/** The same for a topic (name). */
void req_name_tag(struct request *r, struct tag *t);
/** The same for a static page (title, body). */
void req_name_page(struct request *r, struct page *p);
/** The same for the section, congress and topics an article names. */
void req_name_article(struct request *r, struct article *a);
/** req_name_article for each of n articles. */
void req_name_articles(struct request *r, struct article *as, size_t n);

#endif
