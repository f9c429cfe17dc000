/* csrf: form tokens (signed, valid two days) and the Origin check that every POST passes. */
#ifndef PLENARY_CSRF_H
#define PLENARY_CSRF_H

#include "http/request.h"

/** The token to put in forms this hour: tied to the reader's session when there is one. */
const char *csrf_token(struct request *r);
/** 1 when token was issued by this site within the last 48 hours, for this session (or for no session). */
int csrf_token_valid(struct request *r, const char *token);
/** 1 when the request's Origin (or else Referer) names this host, or neither header is present. */
int csrf_origin_ok(struct request *r);

#endif
