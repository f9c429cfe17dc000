/* menu: the back office's navigation menu: a tree of entries to edit, move up and down, and delete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "admin/records.h"
#include "core/buf.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "site/routes.h"
#include "http/lang.h"
#include "store/structure.h"

/* Levels an entry may sit at. The demo's menus go three deep (Congresses > 2025 > ASCO 2025) and the public
 * menu renders nested entries as nested lists, so the editor allows what the demo has and no more. */
#define MENU_LEVELS 3

/* The form's fields, in order. */
enum { F_LABEL, F_PICK, F_URL, F_PARENT, F_POSITION };

static const struct record_field menu_fields[] = {
    {"label", "admin.record.menu.label", "", 80, FIELD_TEXT, "admin.record.menu.label_missing"},
    {"pick", "admin.record.menu.pick", "admin.record.menu.pick_hint", 300, FIELD_SELECT, NULL},
    {"url", "admin.record.menu.url", "admin.record.menu.url_hint", 300, FIELD_TEXT, NULL},
    {"parent", "admin.record.menu.parent", "admin.record.menu.parent_hint", 20, FIELD_SELECT, NULL},
    {"position", "admin.common.position", "admin.record.menu.position_hint", 5, FIELD_NUMBER, NULL},
};

/* How many of each kind (sections, congresses, pages, topics, trials) the list to pick from offers. */
#define TARGETS_PER_KIND 300

/* The places of this site an entry may be picked from; n 0 when they cannot be read. */
static struct menu_target *targets_load(struct request *r, size_t *n)
{
	struct menu_target *t = NULL;
	if (store_menu_targets(r->w->db, r->pool, r->site->id, TARGETS_PER_KIND, &t, n) != 0)
		*n = 0;
	return t;
}

/* The menu of the request's site in display order: a subtree is the entry and the deeper ones after it. */
struct tree {
	struct menu_entry *e;
	size_t n;
};

static int tree_load(struct request *r, struct tree *t)
{
	return store_admin_menu(r->w->db, r->pool, r->site->id, &t->e, &t->n);
}

/* The index of entry id, or n when there is none. */
static size_t tree_find(const struct tree *t, int64_t id)
{
	size_t i = 0;
	while (i < t->n && t->e[i].id != id)
		i++;
	return i;
}

/* The index just past the entries under entry i. */
static size_t subtree_end(const struct tree *t, size_t i)
{
	size_t j = i + 1;
	while (j < t->n && t->e[j].depth > t->e[i].depth)
		j++;
	return j;
}

/* How many levels hang below entry i (0 when none); 0 for n (a new entry). */
static int subtree_height(const struct tree *t, size_t i)
{
	int h = 0;
	size_t end = i < t->n ? subtree_end(t, i) : i;
	for (size_t j = i + 1; j < end; j++)
		if (t->e[j].depth - t->e[i].depth > h)
			h = t->e[j].depth - t->e[i].depth;
	return h;
}

/* An entry id from a form or query: 0 for the top level or nothing, -1 when not a number. */
static int64_t entry_id(const char *v)
{
	if (!v || !v[0])
		return 0;
	char *end;
	long long n = strtoll(v, &end, 10);
	return *end || n < 0 ? -1 : n;
}

static int menu_load(struct request *r, int64_t id, struct record *rec)
{
	if (!id) { /* "add an entry under this one" links pass the parent */
		int64_t parent = entry_id(req_query(r, "parent"));
		rec->v[F_PARENT] = record_int_text(r, parent > 0 ? parent : 0);
		return 1;
	}
	struct tree t;
	if (tree_load(r, &t) != 0)
		return -1;
	size_t i = tree_find(&t, id);
	if (i == t.n)
		return 0;
	rec->v[F_LABEL] = t.e[i].label;
	rec->v[F_URL] = t.e[i].url;
	rec->v[F_PICK] = "";
	rec->v[F_PARENT] = record_int_text(r, t.e[i].parent_id);
	rec->v[F_POSITION] = record_int_text(r, t.e[i].position);
	/* a link to something the list offers shows as picked there */
	size_t nt;
	struct menu_target *tg = targets_load(r, &nt);
	for (size_t k = 0; k < nt; k++)
		if (strcmp(tg[k].path, t.e[i].url) == 0) {
			rec->v[F_PICK] = t.e[i].url;
			rec->v[F_URL] = "";
		}
	return 1;
}

/* Where an entry may go: the top level, or under an entry that is not itself or under it, deep enough for it
 * and what hangs below it. Labels name the way down: "Congresses › 2025". */
/* The list to pick a link from: "type a link below", then the site's places grouped by kind. */
static void pick_options(struct request *r, const struct record *rec, view *list)
{
	view *none = view_push(list);
	view_str(none, "value", "");
	view_str(none, "label", req_text(r, "admin.menu_entry.type_below"));
	view_bool(none, "selected", !rec->v[F_PICK][0]);
	static const char *const groups[] = {
	    "admin.record.menu.group_other",	  "admin.record.menu.group_sections",
	    "admin.record.menu.group_congresses", "admin.record.menu.group_years",
	    "admin.record.menu.group_pages",	  "admin.record.menu.group_topics",
	    "admin.record.menu.group_trials"};
	size_t n;
	struct menu_target *t = targets_load(r, &n);
	view *group = NULL;
	for (size_t i = 0; i < n; i++) {
		if (!i || t[i].group != t[i - 1].group) {
			view *g = view_push(list);
			view_bool(g, "is_group", 1);
			view_str(g, "label", req_text(r, groups[t[i].group]));
			group = view_list(g, "group_options");
		}
		view *o = view_push(group);
		view_str(o, "value", t[i].path);
		view_str(o, "label",
			 t[i].group == MENU_TARGET_YEARS
			     ? req_textf(r, "admin.record.menu.congress_year", "year", t[i].label, NULL)
			     : t[i].label);
		view_bool(o, "selected", strcmp(rec->v[F_PICK], t[i].path) == 0);
	}
}

static void menu_options(struct request *r, const struct record *rec, size_t field, view *list)
{
	if (field == F_PICK) {
		pick_options(r, rec, list);
		return;
	}
	struct tree t;
	if (tree_load(r, &t) != 0)
		return;
	size_t self = rec->id ? tree_find(&t, rec->id) : t.n;
	size_t end = self < t.n ? subtree_end(&t, self) : self;
	int height = subtree_height(&t, self);
	int64_t chosen = entry_id(rec->v[F_PARENT]);
	view *top = view_push(list);
	view_str(top, "value", "0");
	view_str(top, "label", req_text(r, "admin.menu_entry.top_level"));
	view_bool(top, "selected", chosen <= 0);
	const char *way[MENU_LEVELS + 8] = {0};
	for (size_t j = 0; j < t.n; j++) {
		int d = t.e[j].depth;
		if (d < MENU_LEVELS + 8)
			way[d] = t.e[j].label;
		if ((j >= self && j < end) || d + 1 + height > MENU_LEVELS - 1)
			continue;
		buf b;
		buf_init(&b, r->pool);
		for (int k = 0; k <= d && k < MENU_LEVELS + 8; k++)
			buf_printf(&b, "%s%s", k ? " › " : "", way[k] ? way[k] : "");
		view *o = view_push(list);
		view_str(o, "value", record_int_text(r, t.e[j].id));
		view_str(o, "label", buf_cstr(&b));
		view_bool(o, "selected", chosen == t.e[j].id);
	}
}

/* Characters a link may hold: no spaces, control characters, quotes, angle brackets or backslashes. */
static int link_chars_ok(const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++)
		if (*c <= ' ' || *c == 0x7f || *c == '\\' || *c == '"' || *c == '<' || *c == '>')
			return 0;
	return 1;
}

static int sister_site(struct request *r, const char *slug)
{
	struct site_edit *xs;
	size_t n;
	if (store_admin_sites(r->w->db, r->pool, &xs, &n) != 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (strcmp(xs[i].slug, slug) == 0)
			return 1;
	return 0;
}

#define LINK_FORMAT "admin.menu_entry.error.format"

/* The public pages whose path has no part that varies (/, /congresses, /contact...): the route table's. */
static int fixed_page(const char *path)
{
	if (strncmp(path, "/admin", 6) == 0 && (!path[6] || path[6] == '/'))
		return 0;
	for (size_t i = 0; i < nroutes; i++)
		if (routes[i].method == M_GET && !strchr(routes[i].pattern, ':') &&
		    strcmp(routes[i].pattern, "*") != 0 && strcmp(routes[i].pattern, path) == 0)
			return 1;
	return 0;
}

/* Paths that name a record: their prefix, the kind store_menu_target_exists knows, and its name for readers.
 */
static const struct {
	const char *prefix, *kind, *nowhere; /* the key of the message when there is none */
	int feeds;			     /* has /feed.rss and /feed.atom under it */
} named_paths[] = {
    {"/section/", "section", "admin.menu_entry.nowhere.section", 1},
    {"/congress/", "congress", "admin.menu_entry.nowhere.congress", 1},
    {"/congresses/", "year", "admin.menu_entry.nowhere.year", 0},
    {"/tag/", "tag", "admin.menu_entry.nowhere.topic", 1},
    {"/trial/", "trial", "admin.menu_entry.nowhere.trial", 1},
    {"/article/", "article", "admin.menu_entry.nowhere.article", 0},
};

/* Why an internal path leads nowhere on this site, or NULL when a page answers it. */
static const char *path_problem(struct request *r, const char *url)
{
	char path[320];
	size_t len = strcspn(url, "?#");
	if (len >= sizeof path)
		return req_text(r, "admin.menu_entry.error.path_long");
	memcpy(path, url, len);
	path[len] = 0;
	if (fixed_page(path))
		return NULL;
	const char *kind = "page", *key = path, *nowhere = "admin.menu_entry.nowhere.page";
	for (size_t i = 0; i < sizeof named_paths / sizeof named_paths[0]; i++) {
		size_t pl = strlen(named_paths[i].prefix);
		if (strncmp(path, named_paths[i].prefix, pl) != 0)
			continue;
		char *rest = path + pl, *slash = strchr(rest, '/');
		if (slash && named_paths[i].feeds &&
		    (!strcmp(slash, "/feed.rss") || !strcmp(slash, "/feed.atom")))
			*slash = 0, slash = NULL;
		/* a section's "What's new" index, and its newest month's PDF, are there whenever the section
		 * is */
		if (slash && !strcmp(named_paths[i].kind, "section") &&
		    (!strcmp(slash, "/whats-new") || !strcmp(slash, "/whats-new.pdf")))
			*slash = 0, slash = NULL;
		if (!rest[0] || slash)
			break; /* not a record's page: perhaps a static page's path */
		kind = named_paths[i].kind;
		key = rest;
		nowhere = named_paths[i].nowhere;
		break;
	}
	int found = store_menu_target_exists(r->w->db, r->site->id, kind, key);
	if (found < 0)
		return req_text(r, "admin.menu_entry.error.unchecked");
	if (found)
		return NULL;
	return req_textf(r, nowhere, "path", path, "key", key, NULL);
}

/* Why a link cannot be in the menu, or NULL when it is fine (nothing is fine: a heading). */
static const char *link_problem(struct request *r, const char *url)
{
	if (!url[0])
		return NULL;
	if (!link_chars_ok(url))
		return req_text(r, LINK_FORMAT);
	if (url[0] == '/') /* "//host" leaves the site */
		return url[1] == '/' ? req_text(r, LINK_FORMAT) : path_problem(r, url);
	if (strncmp(url, "https://", 8) == 0)
		return url[8] && url[8] != '/' && url[8] != '?' && url[8] != '#'
			   ? NULL
			   : req_text(r, "admin.menu_entry.error.https_whole");
	if (strncmp(url, "http://", 7) == 0)
		return req_text(r, "admin.menu_entry.error.http");
	if (strncmp(url, "site:", 5) == 0)
		return sister_site(r, url + 5) ? NULL : req_text(r, "admin.menu_entry.error.no_sister");
	return req_text(r, LINK_FORMAT);
}

static void menu_check(struct request *r, struct record *rec, const char **errors)
{
	const char *pick = rec->v[F_PICK], *url = rec->v[F_URL];
	if (pick[0] && !errors[F_PICK] && !errors[F_URL]) {
		if (url[0] && strcmp(url, pick) != 0)
			errors[F_URL] = req_text(r, "admin.menu_entry.error.both");
		else if (pick[0] != '/' || !link_chars_ok(pick))
			errors[F_PICK] = req_text(r, "admin.menu_entry.error.pick");
		else
			errors[F_PICK] = path_problem(r, pick);
	} else if (!errors[F_URL]) {
		errors[F_URL] = link_problem(r, url);
	}
	int64_t parent = entry_id(rec->v[F_PARENT]);
	if (parent < 0) {
		errors[F_PARENT] = req_text(r, "admin.menu_entry.error.parent");
		return;
	}
	rec->v[F_PARENT] = record_int_text(r, parent);
	if (!parent || errors[F_PARENT])
		return;
	struct tree t;
	if (tree_load(r, &t) != 0) {
		errors[F_PARENT] = req_text(r, "admin.menu_entry.error.unread");
		return;
	}
	size_t p = tree_find(&t, parent), self = rec->id ? tree_find(&t, rec->id) : t.n;
	if (p == t.n)
		errors[F_PARENT] = req_text(r, "admin.menu_entry.error.no_parent");
	else if (self < t.n && p >= self && p < subtree_end(&t, self))
		errors[F_PARENT] = req_text(r, "admin.menu_entry.error.under_itself");
	else if (t.e[p].depth + 1 + subtree_height(&t, self) > MENU_LEVELS - 1)
		errors[F_PARENT] = req_text(r, "admin.menu_entry.error.too_deep");
}

static enum save_result menu_save(struct request *r, const struct record *rec, int64_t *id_out,
				  const char **errors)
{
	(void)errors; /* nothing in a menu entry is unique */
	struct menu_entry x = {.id = rec->id,
			       .label = rec->v[F_LABEL],
			       .url = rec->v[F_PICK][0] ? rec->v[F_PICK] : rec->v[F_URL], /* one at most */
			       .parent_id = entry_id(rec->v[F_PARENT]),
			       .position = record_number(rec->v[F_POSITION])};
	return store_menu_save(r->w->db, r->site->id, &x, r->user->id, id_out);
}

static void menu_extra(struct request *r, const struct record *rec, view *v)
{
	if (!rec->id)
		return;
	char url[80];
	snprintf(url, sizeof url, "/admin/menu/%lld/delete", (long long)rec->id);
	view_bool(v, "has_delete", 1);
	view_str(v, "delete_url", url);
	struct tree t;
	if (tree_load(r, &t) != 0)
		return;
	size_t i = tree_find(&t, rec->id);
	if (i < t.n && t.e[i].depth < MENU_LEVELS - 1) {
		snprintf(url, sizeof url, "/admin/menu/new?parent=%lld", (long long)rec->id);
		view_bool(v, "has_add_under", 1);
		view_str(v, "add_under_url", url);
	}
}

/* the label in the site's other languages, with the original's limit */
static const struct name_field_def menu_names[] = {{"label", "admin.names.field.label", 80, 0}};

static const struct record_kind menu_kind = {
    .base = "/admin/menu",
    .noun = "admin.record.menu",
    .fields = menu_fields,
    .nfields = sizeof menu_fields / sizeof menu_fields[0],
    .load = menu_load,
    .check = menu_check,
    .save = menu_save,
    .options = menu_options,
    .extra = menu_extra,
    .names_kind = "menu_item",
    .names = menu_names,
    .nnames = 1,
};

/* The list: entries nested as the public menu nests them, each with its moves (first and last entries
 * cannot go further) and its links. */
void admin_menu(struct request *r)
{
	struct tree t;
	if (tree_load(r, &t) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, req_text(r, "admin.nav.menu"));
	view *top = view_list(v, "entries");
	view **kids = h2o_mem_alloc_pool(r->pool, sizeof *kids * (t.n + 1));
	size_t bad = 0;
	for (size_t i = 0; i < t.n; i++) {
		const struct menu_entry *e = &t.e[i];
		view *list = top;
		int first = 1, last = 1;
		for (size_t j = 0; j < t.n; j++) {
			if (j < i && t.e[j].id == e->parent_id)
				list = kids[j];
			if (j != i && t.e[j].parent_id == e->parent_id) {
				first &= j > i;
				last &= j < i;
			}
		}
		view *x = view_push(list);
		kids[i] = view_list(x, "children");
		view_int(x, "id", (long long)e->id);
		view_str(x, "label", e->label);
		view_str(x, "url", e->url);
		view_bool(x, "has_url", e->url[0]);
		view_bool(x, "has_children", e->children > 0);
		view_bool(x, "can_up", !first);
		view_bool(x, "can_down", !last);
		view_bool(x, "can_nest", e->depth < MENU_LEVELS - 1);
		const char *problem = link_problem(r, e->url);
		view_bool(x, "has_problem", problem != NULL);
		view_str(x, "problem", problem ? problem : "");
		bad += problem != NULL;
	}
	view_bool(v, "has_bad", bad > 0);
	view_int(v, "bad", (long long)bad);
	view_bool(v, "empty", t.n == 0);
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	view_bool(v, "moved", req_query(r, "moved") != NULL);
	view_bool(v, "deleted", req_query(r, "deleted") != NULL);
	resp_page(r, 200, "admin/menu", v, 0);
}

void admin_menu_new(struct request *r)
{
	record_new(r, &menu_kind);
}

void admin_menu_edit(struct request *r)
{
	record_edit(r, &menu_kind);
}

void admin_menu_save(struct request *r)
{
	record_save(r, &menu_kind);
}

void admin_menu_move(struct request *r)
{
	int dir = admin_direction(r, "admin.menu_entry.error.moves");
	if (!dir)
		return;
	int64_t id = admin_id(r);
	enum save_result rc =
	    id > 0 ? store_menu_move(r->w->db, r->site->id, id, dir, r->user->id) : SAVE_NOT_FOUND;
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.record.menu.none") : NULL);
		return;
	}
	record_changed(r);
	char to[80];
	snprintf(to, sizeof to, "/admin/menu?moved=%lld#entry-%lld", (long long)id, (long long)id);
	resp_redirect(r, 303, to);
}

void admin_menu_delete_form(struct request *r)
{
	struct tree t;
	if (tree_load(r, &t) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	int64_t id = admin_id(r);
	size_t i = id > 0 ? tree_find(&t, id) : t.n;
	if (i == t.n) {
		resp_error(r, 404, req_text(r, "admin.record.menu.none"));
		return;
	}
	size_t end = subtree_end(&t, i);
	buf below;
	buf_init(&below, r->pool);
	for (size_t j = i + 1; j < end; j++)
		buf_printf(&below, "%s%s", j == i + 1 ? "" : ", ", t.e[j].label);
	const char *msg = end == i + 1
			      ? req_text(r, "admin.menu_entry.delete_alone")
			      : req_plural(r, "admin.menu_entry.delete_below", (long long)(end - i - 1),
					   "entries", buf_cstr(&below), NULL);
	const char *title = req_textf(r, "admin.menu_entry.delete_title", "label", t.e[i].label, NULL);
	char action[64], back[64];
	snprintf(action, sizeof action, "/admin/menu/%lld/delete", (long long)id);
	snprintf(back, sizeof back, "/admin/menu/%lld", (long long)id);
	record_confirm(r, title, msg, action, back);
}

void admin_menu_delete(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	int64_t id = admin_id(r);
	enum save_result rc =
	    id > 0 ? store_menu_delete(r->w->db, r->site->id, id, r->user->id) : SAVE_NOT_FOUND;
	if (rc != SAVE_OK) {
		resp_error(r, rc == SAVE_NOT_FOUND ? 404 : 500,
			   rc == SAVE_NOT_FOUND ? req_text(r, "admin.record.menu.none") : NULL);
		return;
	}
	record_changed(r);
	resp_redirect(r, 303, "/admin/menu?deleted=1");
}
