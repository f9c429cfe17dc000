/* sites: the admin's list and form of the sister sites (name, specialty, host name, tagline, order). */
#include <stdio.h>
#include <string.h>

#include "admin/records.h"
#include "http/response.h"
#include "site/handlers.h"
#include "site/layout.h"

static const struct record_field site_fields[] = {
    {"name", "Name", "", 100, FIELD_TEXT, "Give the site's name, like Plenary Oncology."},
    {"slug", "Slug",
     "A short name that menus use to link to the site (site:oncology). Left empty, it is made from the name.",
     40, FIELD_TEXT, NULL},
    {"specialty", "Specialty", "", 60, FIELD_TEXT, "Give the specialty, like Oncology."},
    {"host", "Host name", "The name readers type, without a port: oncology.example.org.", 253, FIELD_TEXT,
     "Give the host name the site answers to."},
    {"tagline", "Tagline", "", 200, FIELD_TEXT, NULL},
    {"position", "Position",
     "Sites are listed by this number, smallest first. Left empty, a new one goes last.", 5, FIELD_NUMBER,
     NULL},
};

/* A host name as DNS has them: dot-separated labels of 1 to 63 letters, digits and inner hyphens. */
static int host_ok(const char *h)
{
	size_t label = 0, total = 0;
	const char *c = h;
	for (; *c; c++, total++) {
		if (*c == '.') {
			if (label == 0 || c[-1] == '-')
				return 0;
			label = 0;
			continue;
		}
		int ok = (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || (*c == '-' && label > 0);
		if (!ok || ++label > 63)
			return 0;
	}
	return total > 0 && total <= 253 && label > 0 && c[-1] != '-';
}

static int site_load(struct request *r, int64_t id, struct record *rec)
{
	struct site_edit x;
	if (!id)
		return 1;
	int found = store_site_by_id(r->w->db, r->pool, id, &x);
	if (found == 1) {
		const char *v[] = {x.name, x.slug,    x.specialty,
				   x.host, x.tagline, record_int_text(r, x.position)};
		memcpy(rec->v, v, sizeof v);
	}
	return found;
}

static void site_check(struct request *r, struct record *rec, const char **errors)
{
	record_slug(r, rec, 1, 0, site_fields[1].max, errors);
	if (errors[3])
		return;
	size_t n = strlen(rec->v[3]); /* host names are not case-sensitive: keep them in lowercase */
	char *host = h2o_mem_alloc_pool(r->pool, n + 1);
	for (size_t i = 0; i <= n; i++)
		host[i] =
		    rec->v[3][i] >= 'A' && rec->v[3][i] <= 'Z' ? (char)(rec->v[3][i] + 32) : rec->v[3][i];
	rec->v[3] = host;
	if (strchr(host, ':'))
		errors[3] = "Leave the port out: the site answers on any port the server listens on.";
	else if (!host_ok(host))
		errors[3] =
		    "Write a host name of letters, digits, hyphens and dots, like oncology.example.org.";
}

static enum save_result site_save(struct request *r, const struct record *rec, int64_t *id_out,
				  const char **errors)
{
	struct site_edit x = {.id = rec->id,
			      .name = rec->v[0],
			      .slug = rec->v[1],
			      .specialty = rec->v[2],
			      .host = rec->v[3],
			      .tagline = rec->v[4],
			      .position = record_number(rec->v[5])};
	const char *taken;
	enum save_result rc = store_site_save(r->w->db, &x, r->user->id, id_out, &taken);
	if (rc == SAVE_SLUG_TAKEN) {
		if (strcmp(taken, "host") == 0)
			errors[3] = "Another site answers to this host name.";
		else
			errors[1] = "Another site has this slug.";
	}
	return rc;
}

static void site_extra(struct request *r, const struct record *rec, view *v)
{
	struct site_edit x;
	view_bool(v, "has_note", 1);
	view_str(
	    v, "note",
	    "A new site, or a changed name, tagline or host name, reaches readers as soon as it is saved. "
	    "A new host name also needs a DNS record (or a proxy rule) that sends it to this server.");
	if (rec->id && store_site_by_id(r->w->db, r->pool, rec->id, &x) == 1 && x.is_default)
		view_str(
		    v, "note",
		    "This is the default site: it answers every host name no other site claims, and stays "
		    "the default. Changes reach readers as soon as they are saved.");
}

static const struct record_kind sites_kind = {
    .base = "/admin/sites",
    .noun = "site",
    .fields = site_fields,
    .nfields = sizeof site_fields / sizeof site_fields[0],
    .load = site_load,
    .check = site_check,
    .save = site_save,
    .extra = site_extra,
};

void admin_sites(struct request *r)
{
	struct site_edit *xs;
	size_t n;
	if (store_admin_sites(r->w->db, r->pool, &xs, &n) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	view *v = layout_view(r, "Sister sites");
	view *list = view_list(v, "sites");
	for (size_t i = 0; i < n; i++) {
		view *x = view_push(list);
		view_int(x, "id", (long long)xs[i].id);
		view_str(x, "name", xs[i].name);
		view_str(x, "slug", xs[i].slug);
		view_str(x, "specialty", xs[i].specialty);
		view_str(x, "host", xs[i].host);
		view_int(x, "position", (long long)xs[i].position);
		view_bool(x, "is_default", xs[i].is_default);
	}
	view_bool(v, "saved", req_query(r, "saved") != NULL);
	resp_page(r, 200, "admin/sites", v, 0);
}

void admin_site_new(struct request *r)
{
	record_new(r, &sites_kind);
}

void admin_site_edit(struct request *r)
{
	record_edit(r, &sites_kind);
}

void admin_site_save(struct request *r)
{
	record_save(r, &sites_kind);
}
