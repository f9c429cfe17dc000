/* presence: who has which article open in the editor, for the list and the editor's warning. */
#ifndef PLENARY_ADMIN_PRESENCE_H
#define PLENARY_ADMIN_PRESENCE_H

#include <stdint.h>

#include "http/request.h"

/* Seconds a mark counts after its last refresh (the editor's script refreshes it every 30). */
#define PRESENCE_FRESH 120

/** Marks article_id open in r->user's editor; returns notice (may be NULL) with, when someone else has it
 * open, a warning naming them added. */
const char *presence_open(struct request *r, int64_t article_id, const char *notice);

#endif
