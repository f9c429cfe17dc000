/* password: the password rule, the common-password list, and argon2id hashing on threads off the event loops.
 */
#ifndef PLENARY_PASSWORD_H
#define PLENARY_PASSWORD_H

#include <h2o.h>
#include <sodium.h>

#define PASSWORD_MIN_CHARS 12
#define PASSWORD_MAX_CHARS 256
/* argon2id at 19 MiB and two passes, the floor OWASP recommends; raising these rehashes on next sign-in */
#define PASSWORD_OPSLIMIT 2
#define PASSWORD_MEMLIMIT (19u * 1024 * 1024)

/** Loads a list of common passwords (one per line); path "" loads none. -1 with err when unreadable. */
int password_blocklist_load(const char *path, char *err, size_t errlen);
void password_blocklist_free(void);
/** NULL when the password may be used, else the message for the reader. Counts characters, not bytes;
 * any Unicode; no composition rules; refuses common passwords and the account's own email address. */
const char *password_problem(const char *password, const char *email);

/** Hashes synchronously (for the command line and tests): 0, or -1 when out of memory. */
int password_hash_now(const char *password, char out[crypto_pwhash_STRBYTES]);

/** One job for the hashing threads: either make a hash or check a password against one. */
struct hash_job {
	h2o_multithread_message_t super; /* first: the message sent back to the worker's loop */
	h2o_multithread_receiver_t *reply_to;
	int verify;	/* 1: check password against hash; 0: hash password into hash */
	char *password; /* malloc'd copy, wiped and freed when done */
	char hash[crypto_pwhash_STRBYTES];
	int ok;				    /* verify: matched; hash: made */
	int needs_rehash;		    /* verify: the hash uses weaker parameters than today's */
	int cancelled;			    /* the request went away before the answer came */
	void (*done)(struct hash_job *job); /* runs on the worker's loop thread unless cancelled */
	void *data;
	int **link; /* cleared when done, so the request's pool no longer points here */
	/* other slow work the same threads run (resizing an uploaded image): when set, work runs instead of
	 * hashing, and release frees data after done, or after cancelling */
	void (*work)(struct hash_job *job);
	void (*release)(struct hash_job *job);
};

/** A hash that matches no password, checked when an email has no account so both answers take the same
 * time (made by hasher_start). */
const char *password_dummy_hash(void);
/** Starts n hashing threads. */
void hasher_start(int n);
void hasher_stop(void);
/** Queues a job; job->done runs later on the loop that owns reply_to. The job is freed after done. */
void hasher_submit(struct hash_job *job);
/** The receiver callback a worker registers on its context's queue for finished jobs. */
void hasher_on_reply(h2o_multithread_receiver_t *receiver, h2o_linklist_t *messages);
/** Ties a job to a request: if h2o disposes of the request first, the job is marked cancelled. */
void hasher_bind_request(struct hash_job *job, h2o_mem_pool_t *req_pool);

#endif
