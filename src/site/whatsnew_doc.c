/* whatsnew_doc: reads the "What's new" document an address names, for its HTML page and its PDF alike. */
#include "site/whatsnew_doc.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http/lang.h"
#include "http/names.h"
#include "http/response.h"
#include "site/languages.h"

int whatsnew_section(struct request *r, struct section *s)
{
	int found = store_section_by_slug(r->w->db, r->pool, r->site->id, r->params[0], s);
	if (found <= 0)
		resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : req_text(r, "whatsnew.no_section"));
	else
		req_name_section(r, s);
	return found > 0;
}

/* The first second of a month on the site's clocks (zone_use's TZ); month 13 is January of the next year. */
static int64_t month_start(int year, int month)
{
	struct tm t = {.tm_year = year - 1900 + (month - 1) / 12,
		       .tm_mon = (month - 1) % 12,
		       .tm_mday = 1,
		       .tm_isdst = -1};
	return (int64_t)mktime(&t);
}

/* "2025-06" to year and month; 0 when it is not written exactly so. */
static int parse_month(const char *s, int *year, int *month)
{
	if (strlen(s) != 7 || s[4] != '-' || strspn(s, "0123456789") != 4 || strspn(s + 5, "0123456789") != 2)
		return 0;
	*year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	*month = (s[5] - '0') * 10 + (s[6] - '0');
	return *year >= 1970 && *month >= 1 && *month <= 12;
}

static void month_filter(struct request *r, struct whatsnew_doc *doc, int year, int month)
{
	doc->filter = (struct whatsnew_filter){.site_id = r->site->id,
					       .section_id = doc->section.id,
					       .from = month_start(year, month),
					       .until = month_start(year, month + 1),
					       .lang = languages_stored(r)};
	char key[16];
	snprintf(key, sizeof key, "%04d-%02d", year, month);
	doc->what = req_month(r, year, month);
	doc->key = mem_strndup(r->pool, key, strlen(key));
	doc->full_name = "";
}

int whatsnew_doc_read(struct request *r, enum whatsnew_kind kind, struct whatsnew_doc *doc)
{
	memset(doc, 0, sizeof *doc);
	if (!whatsnew_section(r, &doc->section))
		return 0;
	const char *empty = req_text(r, "whatsnew.no_month");
	if (kind == WHATSNEW_MONTH) {
		int year, month;
		if (!parse_month(r->params[1], &year, &month)) {
			resp_error(r, 404, req_text(r, "whatsnew.bad_month"));
			return 0;
		}
		month_filter(r, doc, year, month);
	} else if (kind == WHATSNEW_LATEST) {
		struct whatsnew_month *months;
		size_t nm;
		if (store_whatsnew_months(r->w->db, r->pool, r->site->id, doc->section.id,
					  languages_stored(r), &months, &nm) != 0) {
			resp_error(r, 500, NULL);
			return 0;
		}
		if (nm == 0) {
			resp_error(r, 404, req_text(r, "section.empty"));
			return 0;
		}
		month_filter(r, doc, months[0].year, months[0].month);
	} else {
		empty = req_text(r, "whatsnew.no_congress");
		struct congress c;
		int found = store_congress_by_slug(r->w->db, r->pool, r->site->id, r->params[1], &c);
		if (found <= 0) {
			resp_error(r, found < 0 ? 500 : 404, found < 0 ? NULL : empty);
			return 0;
		}
		doc->filter = (struct whatsnew_filter){.site_id = r->site->id,
						       .section_id = doc->section.id,
						       .congress_id = c.id,
						       .from = INT64_MIN,
						       .until = INT64_MAX,
						       .lang = languages_stored(r)};
		req_name_congress(r, &c);
		doc->what = c.name;
		doc->full_name = c.full_name ? c.full_name : "";
		doc->key = c.slug;
	}
	if (store_whatsnew_articles(r->w->db, r->pool, &doc->filter, r->level, WHATSNEW_MAX, &doc->articles,
				    &doc->n) != 0) {
		resp_error(r, 500, NULL);
		return 0;
	}
	if (doc->n == 0) {
		resp_error(r, 404, empty);
		return 0;
	}
	req_name_articles(r, doc->articles, doc->n);
	for (size_t i = 0; i < doc->n; i++)
		if (doc->articles[i].updated_at > doc->made)
			doc->made = doc->articles[i].updated_at;
	return 1;
}

const char *whatsnew_ref_link(h2o_mem_pool_t *pool, const char *u)
{
	if (!strncmp(u, "https://", 8) || !strncmp(u, "http://", 7))
		return u;
	if (strncmp(u, "doi:", 4) && strncmp(u, "10.", 3))
		return NULL;
	static const char resolver[] = "https://doi.org/";
	const char *doi = u + (u[0] == 'd' ? 4 : 0);
	size_t n = strlen(doi);
	char *out = h2o_mem_alloc_pool(pool, sizeof resolver + n);
	memcpy(out, resolver, sizeof resolver - 1);
	memcpy(out + sizeof resolver - 1, doi, n + 1);
	return out;
}
