/* account_language: an editor's own language, chosen on the account page: the back office's and their mail's.
 */
#include <string.h>

#include "core/catalog.h"
#include "http/form.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "render/theme.h"
#include "site/handlers.h"
#include "store/accounts.h"

void account_language_view(struct request *r, view *a)
{
	const struct user *u = r->user;
	const struct theme *t = r->app->theme;
	if (!policy_role_at_least(u, ROLE_CONTRIBUTOR) || !t || t->n < 2)
		return; /* readers' mail follows the page they signed up on */
	const char *mine = u->language ? u->language : "";
	view_bool(a, "language_choice", 1);
	view *list = view_list(a, "own_languages");
	view *def = view_push(list);
	view_str(def, "value", "");
	view_str(def, "label", req_text(r, "admin.own_language.site_default"));
	view_bool(def, "selected", !mine[0]);
	for (size_t i = 0; i < t->n; i++) {
		const char *code = catalog_lang(t->cat[i]),
			   *name = catalog_get(t->cat[i], "layout.language_name");
		view *o = view_push(list);
		view_str(o, "value", code);
		view_str(o, "label", name ? name : code);
		view_bool(o, "selected", strcmp(mine, code) == 0);
	}
}

void account_language(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *lang = form_get(&f, "language");
	const struct theme *t = r->app->theme;
	if (!lang || (lang[0] && (!t || theme_lang_index(t, lang, strlen(lang)) < 0))) {
		resp_error(r, 400, NULL); /* the form offers only the theme's languages */
		return;
	}
	if (store_user_set_language(r->w->db, r->user->id, lang) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	resp_redirect(r, 303, "/account?saved=1");
}
