/* live: contributors' saves of records readers see (a trial, congress, faculty member or sponsor that
 * published work shows) need an editor, as a published article does. */
#include "admin/live.h"

#include "http/policy.h"
#include "http/response.h"

static const char *const locked_message[] = {
    [LIVE_TRIAL] = "Published or scheduled articles name this trial, so readers see its record: only an "
		   "editor can change it. Ask an editor to make the change, or to review yours.",
    [LIVE_CONGRESS] = "Readers see this congress's page: only an editor can change it. Ask an editor to make "
		      "the change, or to review yours.",
    [LIVE_PERSON] = "Published or scheduled articles show this faculty member: only an editor can change "
		    "the entry. Ask an editor to make the change, or to review yours.",
    [LIVE_SPONSOR] = "Published or scheduled articles show this sponsor and its disclosure: only an editor "
		     "can change it. Ask an editor to make the change, or to review yours.",
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
		view_str(v, "locked_message", locked_message[kind]);
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
		resp_error(r, 403, locked_message[kind]);
	return live;
}
