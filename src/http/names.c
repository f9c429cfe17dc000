/* names: a page's translated names, read once per request when its language is not the site's default. */
#include "http/names.h"

#include "core/log.h"
#include "http/lang.h"
#include "store/names.h"

const char *req_name(struct request *r, const char *kind, int64_t id, const char *field, const char *fallback)
{
	if (!r->lang || !r->site)
		return fallback;
	if (!r->names) {
		struct name_set *set = h2o_mem_alloc_pool(r->pool, sizeof *set);
		if (store_names(r->w->db, r->pool, r->lang, set) != 0) {
			log_warn("names: could not read the names in %s; the page shows the site's", r->lang);
			set->rows = NULL;
			set->n = 0;
		}
		r->names = set;
	}
	return store_name_find(r->names, kind, id, field, fallback);
}

void req_name_section(struct request *r, struct section *s)
{
	s->name = req_name(r, "section", s->id, "name", s->name);
	if (s->description)
		s->description = req_name(r, "section", s->id, "description", s->description);
}

void req_name_congress(struct request *r, struct congress *c)
{
	if (!c->id)
		return;
	c->name = req_name(r, "congress", c->id, "name", c->name);
	if (c->description)
		c->description = req_name(r, "congress", c->id, "description", c->description);
}

void req_name_tag(struct request *r, struct tag *t)
{
	t->name = req_name(r, "tag", t->id, "name", t->name);
}

void req_name_page(struct request *r, struct page *p)
{
	p->title = req_name(r, "page", p->id, "title", p->title);
	p->body = req_name(r, "page", p->id, "body", p->body);
}

void req_name_article(struct request *r, struct article *a)
{
	if (!r->lang)
		return;
	req_name_section(r, &a->section);
	req_name_congress(r, &a->congress);
	for (size_t i = 0; i < a->ntags; i++)
		req_name_tag(r, &a->tags[i]);
}

void req_name_articles(struct request *r, struct article *as, size_t n)
{
	for (size_t i = 0; r->lang && i < n; i++)
		req_name_article(r, &as[i]);
}
