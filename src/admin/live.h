/* live: contributors' saves of records readers see (a trial, congress, faculty member or sponsor that
 * published work shows) need an editor, as a published article does. */
#ifndef PLENARY_LIVE_H
#define PLENARY_LIVE_H

#include "http/request.h"
#include "render/view.h"
#include "store/store.h"
#include "store/desk.h"

/** 1 after answering 403 with what to do when a contributor saves record id (0: a new one) of kind while
 * readers see it (store_record_live); 0 when the save may go on (editors and admins always). */
int live_record_locked(struct request *r, enum live_record kind, int64_t id);

/** On a record's form: when a contributor opens a live record, "locked" and "locked_message" (the same
 * words) on v, so they know before they write that an editor must make the change. */
void live_record_note(struct request *r, view *v, enum live_record kind, int64_t id);

#endif
