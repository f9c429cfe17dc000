/* twofactor: the second step of sign-in (a TOTP or recovery code) and setting TOTP up from the account page.
 */
#include <stdio.h>
#include <string.h>

#include "auth/session.h"
#include "auth/totp.h"
#include "core/buf.h"
#include "http/lang.h"
#include "http/policy.h"
#include "http/response.h"
#include "site/accounts.h"
#include "site/handlers.h"
#include "site/layout.h"
#include "store/accounts.h"
#include "store/editorial.h"

static void code_show(struct request *r, int status, const char *next, const char *error)
{
	view *v = layout_view(r, req_text(r, "signin.code_title"));
	view_next(v, next);
	view_bool(v, "has_error", error != NULL);
	view_str(v, "error_message", error ? error : "");
	resp_page(r, status, "signin-code", v, 0);
}

void signin_code_form(struct request *r)
{
	const char *next = req_next(r);
	if (!r->pending_user) {
		resp_redirect(r, 303,
			      r->user ? (next ? next : landing_of(r->user)) : with_next(r, "/signin", next));
		return;
	}
	code_show(r, 200, next, NULL);
}

void signin_code_submit(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const char *back = form_next(&f);
	struct user *u = r->pending_user;
	if (!u) {
		message_page(r, 401, req_text(r, "signin.again_title"), req_text(r, "signin.expired"),
			     with_next(r, "/signin", back), req_text(r, "signin.title"));
		return;
	}
	int wait = throttle_take(r, u->email);
	if (wait > 0) {
		char secs[16];
		throttle_refused(r, wait);
		snprintf(secs, sizeof secs, "%d", wait);
		code_show(r, 429, back, req_textf(r, "signin.wrong_codes", "seconds", secs, NULL));
		return;
	}
	if (!second_factor_ok(r, u, form_get(&f, "code"))) {
		code_show(r, 422, back, req_text(r, "signin.wrong_code"));
		return;
	}
	throttle_clear(r, u->email);
	store_session_complete(r->w->db, r->session_hash);
	resp_redirect(r, 303, back ? back : landing_of(u));
}

/* ---- setting it up ---- */

static void setup_show(struct request *r, int status, const char *error)
{
	const struct user *u = r->user;
	view *v = layout_view(r, req_text(r, "account.twofactor_title"));
	view_bool(v, "enabled", u->totp_enabled);
	view_bool(v, "required", req_query(r, "required") != NULL);
	view_bool(v, "is_admin", strcmp(u->role, "admin") == 0);
	view_bool(v, "has_error", error != NULL);
	view_str(v, "error_message", error ? error : "");
	if (!u->totp_enabled) {
		const char *secret = u->totp_secret;
		if (!secret[0]) {
			secret = totp_new_secret(r->pool);
			if (!secret || store_user_totp_set(r->w->db, u->id, secret, 0) != 0) {
				resp_error(r, 500, NULL);
				return;
			}
		}
		view_str(v, "secret", secret);
		int width = 0;
		unsigned char *m =
		    qr_modules(r->pool, totp_uri(r->pool, r->site->name, u->email, secret), &width);
		view *cells = view_list(v, "cells");
		for (int y = 0; m && y < width; y++)
			for (int x = 0; x < width; x++)
				if (m[y * width + x]) {
					view *c = view_push(cells);
					view_int(c, "x", x + 4);
					view_int(c, "y", y + 4);
				}
		view_int(v, "size", width + 8); /* four modules of quiet zone on each side */
	}
	resp_page(r, status, "account-2fa", v, 0);
}

void twofactor_page(struct request *r)
{
	setup_show(r, 200, NULL);
}

void twofactor_enable(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	const struct user *u = r->user;
	if (u->totp_enabled) {
		resp_redirect(r, 303, "/account/2fa");
		return;
	}
	int64_t step = totp_check(u->totp_secret, form_get(&f, "code"), store_now());
	if (step < 0 || store_user_totp_step(r->w->db, u->id, step) != 1) {
		setup_show(r, 422, req_text(r, "twofactor.wrong_code"));
		return;
	}
	const char *codes[RECOVERY_CODES], *hashes[RECOVERY_CODES];
	for (int i = 0; i < RECOVERY_CODES; i++) {
		codes[i] = recovery_code_new(r->pool);
		hashes[i] = token_hash(r->pool, codes[i]);
	}
	if (store_user_totp_set(r->w->db, u->id, u->totp_secret, 1) != 0 ||
	    store_recovery_replace(r->w->db, u->id, hashes, RECOVERY_CODES) != 0) {
		resp_error(r, 500, NULL);
		return;
	}
	char target[32];
	snprintf(target, sizeof target, "user:%lld", (long long)u->id);
	store_audit(r->w->db, u->id, "user.2fa_enabled", target, "");
	/* the recovery codes are shown once, on this answer only, and never cached */
	view *v = layout_view(r, req_text(r, "twofactor.codes_title"));
	view *list = view_list(v, "codes");
	for (int i = 0; i < RECOVERY_CODES; i++)
		view_str(view_push(list), "code", codes[i]);
	resp_page(r, 200, "account-2fa-codes", v, 0);
}

static void disable_checked(struct request *r, struct hash_job *job, void *ctx)
{
	(void)ctx;
	if (!job->ok) {
		setup_show(r, 422, req_text(r, "twofactor.wrong_password"));
		return;
	}
	store_user_totp_set(r->w->db, r->user->id, "", 0);
	store_recovery_replace(r->w->db, r->user->id, NULL, 0);
	char target[32];
	snprintf(target, sizeof target, "user:%lld", (long long)r->user->id);
	store_audit(r->w->db, r->user->id, "user.2fa_disabled", target, "");
	resp_redirect(r, 303, "/account/2fa");
}

void twofactor_disable(struct request *r)
{
	struct form f;
	if (form_read(r, &f) != 0)
		return;
	if (strcmp(r->user->role, "admin") == 0) {
		resp_error(r, 403, req_text(r, "twofactor.admins_keep"));
		return;
	}
	const char *password = form_get(&f, "password");
	recheck_password(r, password, disable_checked, NULL);
}
