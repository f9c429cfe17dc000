/* records: the back office's table-driven record editor, shared by the structure pages (sections, tags,
 * static pages, the menu, sister sites): one form from a table of fields, generic checks, 422 pages that
 * keep the values with an error beside each field, and delete confirmations. */
#ifndef PLENARY_RECORDS_H
#define PLENARY_RECORDS_H

#include "admin/name_fields.h"
#include "http/request.h"
#include "render/view.h"
#include "store/store.h"

#define RECORD_MAX_FIELDS 10
/** The largest position a record may have (the menu's sort key keeps six digits). */
#define RECORD_MAX_POSITION 99999

enum field_type {
	FIELD_TEXT,   /* one line */
	FIELD_AREA,   /* several lines */
	FIELD_NUMBER, /* a whole number from 0 to RECORD_MAX_POSITION, or empty */
	FIELD_SELECT  /* options from the kind's options() */
};

/* label, hint and missing are message keys (admin.*), looked up in the page's language */
struct record_field {
	const char *name, *label, *hint; /* hint "" when none */
	size_t max;			 /* characters */
	enum field_type type;
	const char *missing; /* the error when the field is left empty; NULL when it may be */
};

/** One record as form text, in the order of its kind's fields. */
struct record {
	int64_t id; /* 0: a new one */
	const char *v[RECORD_MAX_FIELDS];
};

struct record_kind {
	const char *base; /* "/admin/sections": the list; base/new, base/<id>; forms post to base[/<id>] */
	const char
	    *noun; /* "admin.record.section": the keys noun.new ("New section"), noun.edit and noun.none */
	const struct record_field *fields;
	size_t nfields;
	/** Reads record id into rec (id 0: the values a new one starts with): 1 found, 0 not, -1 error. */
	int (*load)(struct request *r, int64_t id, struct record *rec);
	/** Checks beyond the generic ones (required, length, control characters, numbers); may rewrite
	 * values, like a slug made from the name. Sets errors[i] for field i. */
	void (*check)(struct request *r, struct record *rec, const char **errors);
	/** Saves rec; on SAVE_SLUG_TAKEN sets the error of the field in use. */
	enum save_result (*save)(struct request *r, const struct record *rec, int64_t *id_out,
				 const char **errors);
	/** The options of select field i into list (items with value, label, selected); NULL when none. */
	void (*options)(struct request *r, const struct record *rec, size_t i, view *list);
	/** Adds what the form page shows besides the fields (a note, a delete link); NULL when nothing. */
	void (*extra)(struct request *r, const struct record *rec, view *v);
	/** name_translation's kind of the record ("section") and its fields that have translations: the form
	 * has an input for each in every other language of the site (name_fields.h); NULL when none. */
	const char *names_kind;
	const struct name_field_def *names;
	size_t nnames;
};

/** GET base/new: an empty form. */
void record_new(struct request *r, const struct record_kind *k);
/** GET base/<id>: the form of a saved record (404 when there is none). */
void record_edit(struct request *r, const struct record_kind *k);
/** POST base or base/<id>: checks, saves, drops cached pages and goes back to the list; 422 with the form. */
void record_save(struct request *r, const struct record_kind *k);

/** A whole number field: -1 when empty, -2 when not a number from 0 to RECORD_MAX_POSITION. */
int64_t record_number(const char *v);
/** Field slug_i as a slug of at most max characters: made from field from_i when empty, else checked; sets
 * errors[slug_i] when bad. */
void record_slug(struct request *r, struct record *rec, size_t slug_i, size_t from_i, size_t max,
		 const char **errors);
/** A decimal number as pool text ("" for -1), for putting numbers back into form values. */
const char *record_int_text(struct request *r, int64_t n);
/** The confirmation page of a deletion: a POST form to action with a token, and a way back. */
void record_confirm(struct request *r, const char *title, const char *message, const char *action,
		    const char *back);
/** After a change that public pages show: drop every cached page. */
void record_changed(struct request *r);

#endif
