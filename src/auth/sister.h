/* sister: one sign-in for sister sites on separate domains: a bounce through the default site and back. */
#ifndef PLENARY_SISTER_H
#define PLENARY_SISTER_H

#include "http/request.h"

/** Before the page cache: a browser's first visit (a top-level navigation from elsewhere) to a sister site
 * that shares no cookie with the default site, without a session, is sent once through the default site
 * to ask whether the reader is signed in there. 1 when it answered (the redirect), 0 to go on. */
int sister_bounce(struct request *r);
/** GET /sso/issue on the default site: back to the asking sister with a single-use token (60 s, bound to
 * that host and to the browser that asked) when signed in, and the consent choice. */
void sister_issue(struct request *r);
/** GET /sso/land on the sister: takes the token once, starts a session carried from the default site's,
 * sets the consent choice when it has none, and goes on to the page asked for. */
void sister_land(struct request *r);
/** GET /signin on a sister that signs in by the handshake: 1 when it sent the reader to sign in on the
 * default site instead (coming back through /sso/to and /sso/start, signed in on both), 0 to show the form
 * here. */
int sister_signin_elsewhere(struct request *r);
/** GET /sso/to on the default site: a page that moves on (Refresh) to a sister's /sso/start, after signing in
 * there. */
void sister_to(struct request *r);
/** GET /sso/start on a sister: asks the default site now, whatever the marker says. */
void sister_start(struct request *r);
/** Sets the consent cookie (accepted or rejected), on the sisters' parent domain when they share one. */
void sister_consent_cookie(struct request *r, const char *choice);

#endif
