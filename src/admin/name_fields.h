/* name_fields: an edit form's fields for an item's names in the site's other languages (name_translation). */
#ifndef PLENARY_NAME_FIELDS_H
#define PLENARY_NAME_FIELDS_H

#include "http/form.h"
#include "http/request.h"
#include "render/view.h"
#include "store/store.h"

/* languages besides the default times translatable fields of one item */
#define NAME_FIELDS_MAX 12

/** A field of an item that has translations: name_translation's field, the form's label (a message key or
 * text), its limit in characters and whether it has several lines. */
struct name_field_def {
	const char *field, *label;
	size_t max;
	int area;
};

/** One input of the form: a field in a language. */
struct name_input {
	const char *lang, *field;
	const char *input;	 /* the input's name: "name_fr" */
	const char *label;	 /* "Name (Français)" */
	const char *value, *was; /* as posted (or stored), and as stored */
	const char *error;	 /* NULL when none */
	size_t max;
	int area;
};

struct name_fields {
	const char *kind; /* "section", "congress", "tag", "page", "menu_item" */
	struct name_input in[NAME_FIELDS_MAX];
	size_t n;
};

/** One input per language the site offers besides its default, for each of defs, read from the store for
 * item id (0: a new one, nothing to read). 0, or -1 when the store fails. */
int name_fields_load(struct request *r, struct name_fields *nf, const char *kind,
		     const struct name_field_def *defs, size_t ndefs, int64_t id);
/** Takes the posted values (an input the form does not send keeps its stored value) and checks them as the
 * original fields are checked (length, control characters): how many are wrong. */
size_t name_fields_read(struct request *r, struct name_fields *nf, const struct form *f);
/** 1 when a posted value differs from the stored one. */
int name_fields_changed(const struct name_fields *nf);
/** Adds "translations" (name, label, max, value, error, area...) and "has_translations" to v, and the form's
 * error summary (view_errors) of its n other fields (names[i], errors[i]; errors NULL: none) and the inputs.
 */
void name_fields_view(const struct name_fields *nf, view *v, const char *const *names,
		      const char *const *errors, size_t n);
/** Saves the values of item id (an empty one removes its translation). */
enum save_result name_fields_save(struct request *r, const struct name_fields *nf, int64_t id);

#endif
