/* password: the password rule, the common-password list, and argon2id hashing on threads off the event loops.
 */
#ifndef PLENARY_PASSWORD_H
#define PLENARY_PASSWORD_H

#include <h2o.h>
#include <sodium.h>

#include "http/workq.h"

#define PASSWORD_MIN_CHARS 12
#define PASSWORD_MAX_CHARS 256
/* argon2id at 19 MiB and two passes, the floor OWASP recommends; raising these rehashes on next sign-in */
#define PASSWORD_OPSLIMIT 2
#define PASSWORD_MEMLIMIT (19u * 1024 * 1024)

/** Loads a list of common passwords (one per line); path "" loads none. -1 with err when unreadable. */
int password_blocklist_load(const char *path, char *err, size_t errlen);
void password_blocklist_free(void);
/** NULL when the password may be used, else the catalog key of the message (forms.password.short, ...), said
 * in the reader's language by password_problem_text and in the base catalog's by `plenary user add`. Counts
 * characters, not bytes;
 * any Unicode; no composition rules; refuses common passwords and the account's own email address. */
const char *password_problem(const char *password, const char *email);
/** The same as a fault, for pages that say it in the reader's language. */
enum password_fault {
	PASSWORD_OK,
	PASSWORD_EMPTY,
	PASSWORD_SHORT,
	PASSWORD_LONG,
	PASSWORD_IS_EMAIL,
	PASSWORD_COMMON
};
enum password_fault password_fault(const char *password, const char *email);

/** Hashes synchronously (for the command line and tests): 0, or -1 when out of memory. */
int password_hash_now(const char *password, char out[crypto_pwhash_STRBYTES]);

/** One job for the hashing threads: either make a hash or check a password against one. */
struct hash_job {
	struct workq_job q; /* first: the queue's part (set q.reply_to to the worker's hash_replies) */
	int verify;	    /* 1: check password against hash; 0: hash password into hash */
	char *password;	    /* malloc'd copy, wiped and freed when done */
	char hash[crypto_pwhash_STRBYTES];
	int ok;				    /* verify: matched; hash: made */
	int needs_rehash;		    /* verify: the hash uses weaker parameters than today's */
	int cancelled;			    /* the request went away while a thread had the job */
	void (*done)(struct hash_job *job); /* runs on the worker's loop thread unless cancelled */
	void *data;
	struct hash_job **watch; /* in the request's pool: cleared when done, so it no longer points here */
};

/** A hash that matches no password, checked when an email has no account so both answers take the same
 * time (made by hasher_start). */
const char *password_dummy_hash(void);
/** Starts the hashing queue: threads threads, at most depth jobs waiting (a quarter of them kept for
 * WORKQ_URGENT ones), at most per_client (0: any number) waiting or running for one client key. */
void hasher_start(int threads, int depth, int per_client);
void hasher_stop(void);
/** Queues a job in class cls (http/workq.h) for client (an address, an account: NULL for none): 0, and
 * job->done runs later on the loop that owns q.reply_to, the job freed after; or -1 when the queue is full
 * (the job is still the caller's: hasher_free it). With req_pool, the job is tied to that request: if h2o
 * disposes of the request first, a job still waiting is dropped unrun and done is not called. */
int hasher_submit(struct hash_job *job, int cls, const char *client, h2o_mem_pool_t *req_pool);
/** Frees a job that was not queued (its password wiped). */
void hasher_free(struct hash_job *job);
/** Seconds a refused client should wait before trying again. */
int hasher_retry_after(void);

#endif
