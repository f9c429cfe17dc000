/* calls: the store functions the server calls, passed on to the open engine's body; store_open picks it. */
#include <stdio.h>
#include <string.h>

#include "store/backend.h"
#include "store/pg_int.h"
#include "store/sqlite_int.h"

#define OPS(s) (((const struct store_head *)(const void *)(s))->ops)
#define STORE_FN(ret, name, params, args)                                                                    \
	ret name params                                                                                      \
	{                                                                                                    \
		return OPS(s)->name args;                                                                    \
	}
#define STORE_VOID(name, params, args)                                                                       \
	void name params                                                                                     \
	{                                                                                                    \
		OPS(s)->name args;                                                                           \
	}
#include "store/api.h"

store *store_open(const char *path, char *err, size_t errlen)
{
	if (strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0)
		return pg_store_open(path, err, errlen);
	if (strncmp(path, "sqlite:", 7) == 0)
		path += 7;
	return sq_store_open(path, err, errlen);
}

const char *store_display(const char *path, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s", path);
	if (strncmp(path, "postgresql://", 13) != 0 && strncmp(path, "postgres://", 11) != 0)
		return out;
	/* scheme://user:password@host...: the password is what lies between the first ':' and the last '@' of
	 * the authority */
	const char *auth = strstr(path, "://") + 3;
	size_t authlen = strcspn(auth, "/?");
	const char *at = NULL;
	for (const char *c = auth; c < auth + authlen; c++)
		if (*c == '@')
			at = c;
	const char *colon = at ? memchr(auth, ':', (size_t)(at - auth)) : NULL;
	if (colon)
		snprintf(out, outlen, "%.*s:***%s", (int)(colon - path), path, at);
	return out;
}

void store_close(store *s)
{
	if (s)
		OPS(s)->close(s);
}
