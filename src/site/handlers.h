/* handlers: every page handler of the public site; routes.c maps URLs to them. */
#ifndef PLENARY_HANDLERS_H
#define PLENARY_HANDLERS_H

#include "http/request.h"

void home_page(struct request *r);
void congress_index(struct request *r);
void congress_year(struct request *r);
void congress_hub(struct request *r);
void section_page(struct request *r);
void article_page(struct request *r);
void tag_index(struct request *r);
void tag_page(struct request *r);
void contact_form(struct request *r);
void contact_submit(struct request *r);
void consent_page(struct request *r);
void consent_submit(struct request *r);
void static_file(struct request *r);
void account_soon(struct request *r);
void page_by_path(struct request *r);
void health_check(struct request *r);

#endif
