/* msg: what went wrong said without words (a catalog key and its named values), for code that sees no
 * request. */
#ifndef PLENARY_MSG_H
#define PLENARY_MSG_H

#include <stddef.h>

#include <h2o/memory.h>

struct catalog;

#define MSG_MAX_PARAMS 4
#define MSG_MAX_VALUE 96 /* bytes of a value, its NUL included; longer ones are cut on a character's edge */
#define MSG_CLIP 40	 /* bytes of an editor's text quoted by msg_clip */

/** A message for an editor or a reader, said in their language by whoever answers them (req_msg in
 * src/http/lang.h; msg_text with a catalog chain): the key's message with each "{name}" filled. A value is
 * copied in, so the msg outlives what it was made from and can cross threads; a value that is itself a key
 * (msg_key) is said in the same language. The key and the names must be strings that live for ever
 * (literals). At most MSG_MAX_PARAMS values; more are dropped. */
struct msg {
	const char *key; /* NULL: nothing said */
	size_t n;
	struct msg_param {
		const char *name;
		int is_key; /* value is a catalog key, said in the message's language */
		char value[MSG_MAX_VALUE];
	} p[MSG_MAX_PARAMS];
};

/** Sets m to key with the values of name, value, ..., NULL (text copied). Returns -1, for `return
 * msg_set(...)` in code that fails with a message. */
int msg_set(struct msg *m, const char *key, ...) __attribute__((sentinel));
/** Adds the value of name: text (copied), a key said in the message's language, or an editor's text s[0..n)
 * quoted at most MSG_CLIP bytes long (cut on a character's edge, "…" after it). Each returns -1. */
int msg_str(struct msg *m, const char *name, const char *v);
int msg_int(struct msg *m, const char *name, long long v);
int msg_key(struct msg *m, const char *name, const char *key);
int msg_clip(struct msg *m, const char *name, const char *s, size_t n);
/** The value of name as stored (a key for msg_key's), or NULL. */
const char *msg_get(const struct msg *m, const char *name);

/** The message in the first catalog of chain that has its key (its values that are keys likewise), its
 * placeholders filled; the key itself when none has it; "" for no message. In pool. */
const char *msg_text(h2o_mem_pool_t *pool, const struct catalog *const *chain, size_t n, const struct msg *m);
/** For logs, which operators read: "key (name=value, ...)" into out. */
void msg_describe(const struct msg *m, char *out, size_t outlen);

#endif
