/* live: contributors' saves of records readers see (a trial, congress, faculty member or sponsor that
 * published work shows) need an editor, as a published article does. */
#include "admin/live.h"

#include "http/policy.h"
#include "http/lang.h"
#include "http/response.h"
#include "store/desk.h"

static const char *const locked_message[] = {
    [LIVE_TRIAL] = "admin.locked.trial",
    [LIVE_CONGRESS] = "admin.locked.congress",
    [LIVE_PERSON] = "admin.locked.person",
    [LIVE_SPONSOR] = "admin.locked.sponsor",
};

/* 1 when a contributor may not save record id of kind, 0 when they or anyone else may, -1 on error */
static int locked(struct request *r, enum live_record kind, int64_t id)
{
	/* a workflow rule, like the article's status: contributors write, editors put it before readers */
	if (id <= 0 || policy_role_at_least(r->user, ROLE_EDITOR))
		return 0;
	return store_record_live(r->w->db, kind, id);
}

void live_record_note(struct request *r, view *v, enum live_record kind, int64_t id)
{
	if (locked(r, kind, id) == 1) {
		view_bool(v, "locked", 1);
		view_str(v, "locked_message", req_text(r, locked_message[kind]));
	}
}

int live_record_locked(struct request *r, enum live_record kind, int64_t id)
{
	int live = locked(r, kind, id);
	if (live < 0) {
		resp_error(r, 500, NULL);
		return 1;
	}
	if (live)
		resp_error(r, 403, req_text(r, locked_message[kind]));
	return live;
}
