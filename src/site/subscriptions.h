/* subscriptions: what the account page shows of the reader's subscriptions (src/site/subscriptions.c). */
#ifndef PLENARY_SUBSCRIPTIONS_H
#define PLENARY_SUBSCRIPTIONS_H

#include "http/request.h"
#include "render/view.h"

/** Sets "subscriptions", "targets" and "can_subscribe" on the account's view a; confirms the account's
 * subscriber when its email is verified. */
void subscriptions_account_view(struct request *r, view *a);
/** Once an account's address is confirmed: when it asked at sign-up to hear about new coverage (its alerts
 * flag) and has no subscriber on this site yet, subscribes it to a weekly digest of every section, which
 * the account page then shows and changes. */
void subscriptions_from_signup(struct request *r, int64_t user_id);

#endif
