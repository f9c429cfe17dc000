/* bounces: delivery reports (DSNs) in the operator's Maildir, read with GMime; failed recipients suppressed.
 */
#ifndef PLENARY_BOUNCES_H
#define PLENARY_BOUNCES_H

#include "store/store.h"

/* At most this much of a file is read (a report comes first; the returned message after it is not needed),
 * and this many files a scan. */
#define BOUNCE_READ_MAX (1024 * 1024)
#define BOUNCE_FILES_MAX 500

/** Reads the files in maildir/new (at most BOUNCE_FILES_MAX): each a message parsed with GMime, whose
 * message/delivery-status parts name recipients; one with "Action: failed" and a 5.x.x Status is
 * suppressed on every site (source "bounce", reason the Status and Diagnostic-Code). Every file read,
 * parseable or not (logged), moves to maildir/cur with the Maildir flag S. Returns how many addresses it
 * suppressed anew, or -1 when new/ cannot be read (logged). */
int bounces_scan(store *db, const char *maildir);

#endif
