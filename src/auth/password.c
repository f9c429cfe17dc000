/* password: the password rule, the common-password list, and argon2id hashing on threads off the event loops.
 */
#include "auth/password.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"

static char **blocked;
static size_t nblocked;

static int cmp_str(const void *a, const void *b)
{
	return strcasecmp(*(char *const *)a, *(char *const *)b);
}

int password_blocklist_load(const char *path, char *err, size_t errlen)
{
	password_blocklist_free();
	if (!path[0])
		return 0;
	FILE *f = fopen(path, "r");
	if (!f) {
		snprintf(err, errlen, "password_blocklist: cannot open %s", path);
		return -1;
	}
	char line[512];
	size_t cap = 0;
	while (fgets(line, sizeof line, f)) {
		size_t n = strcspn(line, "\r\n");
		line[n] = '\0';
		if (n == 0 || (line[0] == '#' && line[1] == '!'))
			continue; /* john's list starts with comment lines "#!comment:" */
		if (nblocked == cap) {
			cap = cap ? cap * 2 : 4096;
			blocked = realloc(blocked, cap * sizeof *blocked);
			if (!blocked)
				die("out of memory");
		}
		blocked[nblocked++] = strdup(line);
	}
	fclose(f);
	qsort(blocked, nblocked, sizeof *blocked, cmp_str);
	log_info("password_blocklist: %zu common passwords from %s", nblocked, path);
	return 0;
}

void password_blocklist_free(void)
{
	for (size_t i = 0; i < nblocked; i++)
		free(blocked[i]);
	free(blocked);
	blocked = NULL;
	nblocked = 0;
}

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

enum password_fault password_fault(const char *password, const char *email)
{
	if (!password || !password[0])
		return PASSWORD_EMPTY;
	size_t n = utf8_chars(password);
	if (n < PASSWORD_MIN_CHARS)
		return PASSWORD_SHORT;
	if (n > PASSWORD_MAX_CHARS || strlen(password) > 4 * PASSWORD_MAX_CHARS)
		return PASSWORD_LONG;
	if (email && strcasecmp(password, email) == 0)
		return PASSWORD_IS_EMAIL;
	if (nblocked && bsearch(&password, blocked, nblocked, sizeof *blocked, cmp_str))
		return PASSWORD_COMMON;
	return PASSWORD_OK;
}

const char *password_problem(const char *password, const char *email)
{
	static const char *const keys[] = {
	    NULL,
	    "forms.password.empty",
	    "forms.password.short",
	    "forms.password.long",
	    "forms.password.is_email",
	    "forms.password.common",
	};
	return keys[password_fault(password, email)];
}

int password_hash_now(const char *password, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str_alg(out, password, strlen(password), PASSWORD_OPSLIMIT, PASSWORD_MEMLIMIT,
				     crypto_pwhash_ALG_ARGON2ID13);
}

/* ---- the hashing threads ---- */

static struct workq *queue;

static void run_job(struct workq_job *q)
{
	struct hash_job *job = (struct hash_job *)q;
	if (job->verify) {
		job->ok = crypto_pwhash_str_verify(job->hash, job->password, strlen(job->password)) == 0;
		job->needs_rehash = job->ok && crypto_pwhash_str_needs_rehash(job->hash, PASSWORD_OPSLIMIT,
									      PASSWORD_MEMLIMIT) != 0;
	} else {
		job->ok = password_hash_now(job->password, job->hash) == 0;
	}
	sodium_memzero(job->password, strlen(job->password));
}

static char dummy[crypto_pwhash_STRBYTES];

const char *password_dummy_hash(void)
{
	return dummy;
}

void hasher_start(int threads, int depth, int per_client)
{
	unsigned char raw[24];
	char random_password[64];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(random_password, sizeof random_password, raw, sizeof raw);
	if (password_hash_now(random_password, dummy) != 0)
		die("cannot hash: out of memory");
	queue = workq_start("hashing", threads, depth, depth / 4, per_client);
}

void hasher_stop(void)
{
	workq_stop(queue);
	queue = NULL;
}

void hasher_free(struct hash_job *job)
{
	if (job->password) {
		sodium_memzero(job->password, strlen(job->password));
		free(job->password);
	}
	sodium_memzero(job->hash, sizeof job->hash);
	free(job);
}

/* Back on the loop: the answer goes to the request unless it went away. */
static void finished(struct workq_job *q)
{
	struct hash_job *job = (struct hash_job *)q;
	if (!job->cancelled) {
		if (job->watch)
			*job->watch = NULL;
		job->done(job);
	}
	hasher_free(job);
}

/* The request is being disposed of (on its loop): a job still waiting is taken out and freed unrun, so
 * sign-ins sent and abandoned at once cost no hashing; one on a thread is marked, its answer dropped. */
static void on_request_gone(void *p)
{
	struct hash_job *job = *(struct hash_job **)p;
	if (!job)
		return; /* answered */
	if (workq_cancel(&job->q))
		hasher_free(job);
	else
		job->cancelled = 1;
}

int hasher_submit(struct hash_job *job, int cls, const char *client, h2o_mem_pool_t *req_pool)
{
	job->q.run = run_job;
	job->q.done = finished;
	if (workq_submit(queue, &job->q, cls, client) != 0)
		return -1;
	/* done runs on this loop, so not before this returns: the watch is in place before any answer */
	if (req_pool) {
		job->watch = h2o_mem_alloc_shared(req_pool, sizeof *job->watch, on_request_gone);
		*job->watch = job;
	}
	return 0;
}

int hasher_retry_after(void)
{
	return workq_retry_after(queue);
}
