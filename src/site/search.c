/* search: /search?q=…: ranked hits with highlighted snippets, facets that filter, "did you mean", and a page
 * that helps when the query is empty. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "http/lang.h"
#include "http/response.h"
#include "render/escape.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "site/query.h"
#include "site/synonyms.h"
#include "store/search.h"

#define SEARCH_PER_PAGE 10
#define SUGGEST_MAX_DISTANCE 2

static const char *const facet_params[] = {"section", "congress", "year", "tag", "trial"};
static const char *const facet_titles[] = {"search.facet.section", "search.facet.congress",
					   "search.facet.year", "search.facet.topic", "search.facet.trial"};
#define NFACETS 5
/* what name_translation calls each facet's items (NULL: none translated) */
static const char *const facet_kinds[] = {"section", "congress", NULL, "tag", NULL};

/* A filter from the URL: 0 when absent, -1 when present but not a positive number. */
static int64_t filter_id(struct request *r, const char *name)
{
	const char *v = req_query(r, name);
	if (!v || !*v)
		return 0;
	if (v[0] < '1' || v[0] > '9')
		return -1; /* digits only, no sign, space or leading zero: one address per filter */
	char *end;
	long long n = strtoll(v, &end, 10);
	return *end || n < 1 || n > 1000000000LL ? -1 : n;
}

static int64_t *filter_slot(struct search_query *q, size_t i)
{
	int64_t *slots[] = {&q->section_id, &q->congress_id, NULL, &q->tag_id, &q->trial_id};
	return slots[i];
}

/* The query widened by the site's synonyms (kept while nothing is committed, so an edit counts at once): 0,
 * or -1. The terms it added go into v (when not NULL) as "also_searched". */
static int widen_query(struct request *r, struct query *parsed, view *v)
{
	const char *added[SEARCH_MAX_ALTS];
	size_t nadded = 0;
	if (synonyms_expand_site(r->pool, r->w->db, r->site->id, parsed, added, SEARCH_MAX_ALTS, &nadded) !=
	    0)
		return -1;
	if (v && nadded) {
		view *list = view_list(v, "also_searched");
		for (size_t i = 0; i < nadded; i++)
			view_str(view_push(list), "term", added[i]);
		view_bool(v, "has_also_searched", 1);
	}
	return 0;
}

static int64_t filter_get(const struct search_query *q, size_t i)
{
	return i == 2 ? q->year : *filter_slot((struct search_query *)q, i);
}

/* /search?q=…&section=…: the URL of the current search with filter `skip` left out (NFACETS: none) and,
 * when name is set, name=value added. */
static const char *search_url(struct request *r, const char *text, const struct search_query *q, size_t skip,
			      const char *name, long long value)
{
	buf b;
	buf_init(&b, r->pool);
	buf_adds(&b, "/search?q=");
	esc_url_component(&b, text, strlen(text), 0);
	for (size_t i = 0; i < NFACETS; i++)
		if (i != skip && filter_get(q, i) > 0 && !(name && strcmp(name, facet_params[i]) == 0))
			buf_printf(&b, "&%s=%lld", facet_params[i], (long long)filter_get(q, i));
	if (name)
		buf_printf(&b, "&%s=%lld", name, value);
	return buf_cstr(&b);
}

/* Whether p is at the start of a line of the snippet, after blanks and other heading or quote marks: where #
 * and > are Markdown; elsewhere ("CPS > 10", "issue #3") they are text. */
static int at_line_start(const char *snip, const char *p)
{
	while (p > snip && (p[-1] == ' ' || p[-1] == '#' || p[-1] == '>'))
		p--;
	return p == snip || p[-1] == '\n' || p[-1] == '\r';
}

/* The snippet as HTML: Markdown markup left out (emphasis, headings, quotes, table bars, link targets), the
 * text escaped, and the matched words (between \2 and \3) in <mark>. */
static void add_snippet(view *x, struct request *r, const char *snip)
{
	buf text, html;
	buf_init(&text, r->pool);
	buf_init(&html, r->pool);
	for (const char *p = snip; *p; p++) {
		const char *close = p[0] == ']' && p[1] == '(' ? strchr(p, ')') : NULL;
		if (close && !memchr(p, '\x02', (size_t)(close - p)))
			p = close; /* [text](target): the text stays, the target goes */
		else if (*p == '|' || *p == '\n' || *p == '\r' || *p == '\t')
			buf_addc(&text, ' ');
		else if (!strchr("*`[]", *p) && !((*p == '#' || *p == '>') && at_line_start(snip, p)) &&
			 !(*p == '_' && (p == snip || p[1] == ' ' || p[-1] == ' ' || !p[1])))
			buf_addc(&text, *p);
	}
	/* escape whole runs between the markers, so multibyte characters stay whole */
	const char *p = buf_cstr(&text);
	while (*p) {
		size_t n = strcspn(p, "\x02\x03");
		esc_html(&html, p, n);
		p += n;
		if (*p)
			buf_adds(&html, *p++ == '\x02' ? "<mark>" : "</mark>");
	}
	view_html(x, "snippet", html.p ? html.p : "", html.len);
}

/* The closest public word to w (within SUGGEST_MAX_DISTANCE; 1 for short words), or w itself when it is
 * a word of the site or nothing is close. A word of the reader's language comes before one of another,
 * however closer or commoner that one is; among equals, the one more articles hold. */
static const char *closest_word(struct request *r, const char *w)
{
	size_t n = strlen(w);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)w[i] >= 0x80)
			return w; /* the vocabulary folds accents; comparing bytes would mislead */
	if (n < 3 || n > 40)
		return w;
	char from[2] = {w[0], 0}, to[2] = {(char)(w[0] + 1), 0};
	struct facet *vs;
	size_t nv;
	if (store_search_vocab(r->w->db, r->pool, req_lang(r), from, to, &vs, &nv) != 0)
		return w;
	size_t cap = n <= 4 ? 1 : SUGGEST_MAX_DISTANCE;
	/* [0]: the best word of the reader's language, [1]: of any */
	size_t best[2] = {cap + 1, cap + 1};
	const char *pick[2] = {w, w};
	int64_t pick_count[2] = {0, 0};
	for (size_t i = 0; i < nv; i++) {
		if (strcmp(vs[i].name, w) == 0)
			return w;
		size_t d = query_distance(w, vs[i].name, cap);
		for (int k = vs[i].id > 0 ? 0 : 1; k < 2; k++) {
			int64_t count = k == 0 ? vs[i].id : vs[i].count;
			if (d < best[k] || (d == best[k] && d <= cap && count > pick_count[k])) {
				best[k] = d;
				pick[k] = vs[i].name;
				pick_count[k] = count;
			}
		}
	}
	return best[0] <= cap ? pick[0] : best[1] <= cap ? pick[1] : w;
}

/* "Did you mean": the words with each unknown one replaced by its closest neighbour, offered only when
 * that search finds something this reader may see. */
static void add_suggestion(struct request *r, view *v, const char *typed, const struct query *parsed,
			   const struct search_query *q)
{
	const char *fix[QUERY_MAX_TERMS];
	int changed = 0;
	for (size_t i = 0; i < parsed->nwords; i++) {
		fix[i] = closest_word(r, parsed->words[i]);
		changed |= fix[i] != parsed->words[i];
	}
	/* the query as typed, with each corrected word replaced where it stands as a plain word: phrases,
	 * exclusions, prefixes and ORs stay */
	buf b;
	buf_init(&b, r->pool);
	int quoted = 0;
	for (const char *p = typed; *p && p - typed < QUERY_MAX_BYTES;) {
		size_t n = strcspn(p, " \t\r\n\"");
		if (n == 0) {
			quoted ^= *p == '"';
			buf_addc(&b, *p++);
			continue;
		}
		const char *with = NULL;
		for (size_t i = 0; i < parsed->nwords && !quoted && !with; i++)
			if (fix[i] != parsed->words[i] && strlen(parsed->words[i]) == n &&
			    strncasecmp(p, parsed->words[i], n) == 0)
				with = fix[i];
		if (with)
			buf_adds(&b, with);
		else
			buf_add(&b, p, n);
		p += n;
	}
	if (!changed)
		return;
	const char *text = buf_cstr(&b);
	struct query again;
	query_parse(r->pool, text, &again);
	if (!again.nclauses || widen_query(r, &again, NULL) != 0)
		return;
	struct search_query q2 = *q;
	q2.clauses = again.clauses;
	q2.nclauses = again.nclauses;
	struct search_result found;
	if (store_search(r->w->db, r->pool, &q2, 0, 0, 0, &found) != 0 || found.total == 0)
		return;
	view *s = view_obj(v, "suggestion");
	view_str(s, "text", text);
	view_str(s, "url", search_url(r, text, q, NFACETS, NULL, 0));
	view_bool(v, "has_suggestion", 1);
}

/* The empty query: how to search, and where to start. */
static void empty_page(struct request *r, view *v)
{
	struct section *ss;
	size_t ns;
	view *sl = view_list(v, "sections");
	if (store_sections(r->w->db, r->pool, r->site->id, &ss, &ns) == 0)
		for (size_t i = 0; i < ns; i++) {
			view *x = view_push(sl);
			view_str(x, "name", req_name(r, "section", ss[i].id, "name", ss[i].name));
			view_str(x, "slug", ss[i].slug);
		}
	struct tag *ts;
	size_t nt;
	view *tl = view_list(v, "topics");
	if (store_tags(r->w->db, r->pool, r->site->id, 24, &ts, &nt) == 0)
		for (size_t i = 0; i < nt; i++) {
			view *x = view_push(tl);
			view_str(x, "name", req_name(r, "tag", ts[i].id, "name", ts[i].name));
			view_str(x, "slug", ts[i].slug);
		}
	view_bool(v, "empty_query", 1);
}

static void add_facets(struct request *r, view *v, const char *text, const struct search_query *q,
		       const struct search_result *res)
{
	view *list = view_list(v, "facets");
	for (size_t k = 0; k < NFACETS; k++) {
		const struct facet *fs = res->facets[k];
		size_t n = res->nfacets[k];
		if (n == 0)
			continue;
		view *f = view_push(list);
		view_str(f, "title", req_text(r, facet_titles[k]));
		view_str(f, "param", facet_params[k]);
		int64_t active = filter_get(q, k);
		view_bool(f, "active", active > 0);
		view_str(f, "clear_url", search_url(r, text, q, k, NULL, 0));
		view *items = view_list(f, "items");
		for (size_t i = 0; i < n; i++) {
			view *x = view_push(items);
			if (k == 2)
				view_fmt(x, "name", "%lld", (long long)fs[i].id);
			else
				view_str(x, "name",
					 facet_kinds[k]
					     ? req_name(r, facet_kinds[k], fs[i].id, "name", fs[i].name)
					     : fs[i].name);
			view_int(x, "count", (long long)fs[i].count);
			view_bool(x, "selected", fs[i].id == active);
			view_str(x, "url", search_url(r, text, q, k, facet_params[k], (long long)fs[i].id));
		}
	}
}

void search_page(struct request *r)
{
	const char *text = req_query(r, "q");
	text = text ? text : "";
	struct search_query q = {.site_id = r->site->id, .level = (int)r->level, .lang = req_lang(r)};
	for (size_t i = 0; i < NFACETS; i++) {
		int64_t id = filter_id(r, facet_params[i]);
		if (id < 0 || (i == 2 && id > 9999)) {
			resp_error(r, 400, "A search filter in this address is not valid.");
			return;
		}
		if (i == 2)
			q.year = (int)id;
		else
			*filter_slot(&q, i) = id;
	}
	int page = req_page_number(r);
	if (page < 0) {
		resp_error(r, 400, req_text(r, "search.bad_page"));
		return;
	}
	struct query parsed;
	query_parse(r->pool, text, &parsed);
	view *v = layout_view(r, req_text(r, text[0] ? "search.results_title" : "search.title"));
	const char *labels[] = {req_text(r, "breadcrumbs.home"), req_text(r, "search.title")},
		   *urls[] = {"/", NULL};
	view_breadcrumbs(v, labels, urls, 2);
	view_str(v, "q", text);
	view_bool(v, "truncated", strlen(text) > QUERY_MAX_BYTES);
	if (!parsed.nclauses) {
		view_bool(v, "nothing_to_find", text[0] != 0);
		empty_page(r, v);
		resp_page(r, 200, "search", v, 1);
		return;
	}
	if (widen_query(r, &parsed, v) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	q.clauses = parsed.clauses;
	q.nclauses = parsed.nclauses;
	struct search_result res;
	if (store_search(r->w->db, r->pool, &q, (size_t)(page - 1) * SEARCH_PER_PAGE, SEARCH_PER_PAGE, 1,
			 &res) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	size_t total = res.total;
	if (view_pagination(v, r, search_url(r, text, &q, NFACETS, NULL, 0), page, total, SEARCH_PER_PAGE) !=
	    0) {
		resp_error(r, 404, req_text(r, "search.no_page"));
		return;
	}
	view_bool(v, "searched", 1);
	view_int(v, "total", (long long)total);
	view_bool(v, "one", total == 1);
	view_bool(v, "none", total == 0);
	view_str(v, "pagination_noun", req_plural(r, "search.results_noun", (long long)total, NULL));
	view *list = view_list(v, "results");
	for (size_t i = 0; i < res.nhits; i++) {
		view *x = view_article_card(r, list, &res.hits[i].article);
		add_snippet(x, r, res.hits[i].snippet);
	}
	add_facets(r, v, text, &q, &res);
	if (total == 0)
		add_suggestion(r, v, text, &parsed, &q);
	resp_page(r, 200, "search", v, 1);
}
