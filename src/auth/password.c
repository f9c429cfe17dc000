/* password: the password rule, the common-password list, and argon2id hashing on threads off the event loops.
 */
#include "auth/password.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/log.h"
#include "http/request.h"

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

const char *password_problem(const char *password, const char *email)
{
	if (!password || !password[0])
		return "Choose a password.";
	size_t n = utf8_chars(password);
	if (n < PASSWORD_MIN_CHARS)
		return "Use at least 12 characters: a short sentence is easy to remember and hard to guess.";
	if (n > PASSWORD_MAX_CHARS || strlen(password) > 4 * PASSWORD_MAX_CHARS)
		return "Use at most 256 characters.";
	if (email && strcasecmp(password, email) == 0)
		return "Your password cannot be your email address.";
	if (nblocked && bsearch(&password, blocked, nblocked, sizeof *blocked, cmp_str))
		return "This password is on a list of commonly used passwords. Choose another one.";
	return NULL;
}

int password_hash_now(const char *password, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str_alg(out, password, strlen(password), PASSWORD_OPSLIMIT, PASSWORD_MEMLIMIT,
				     crypto_pwhash_ALG_ARGON2ID13);
}

/* ---- the hashing threads ---- */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static h2o_linklist_t queue = {&queue, &queue};
static int stopping;
static pthread_t *threads;
static int nthreads;

static void run_job(struct hash_job *job)
{
	if (job->work) {
		job->work(job);
		return;
	}
	if (job->verify) {
		job->ok = crypto_pwhash_str_verify(job->hash, job->password, strlen(job->password)) == 0;
		job->needs_rehash = job->ok && crypto_pwhash_str_needs_rehash(job->hash, PASSWORD_OPSLIMIT,
									      PASSWORD_MEMLIMIT) != 0;
	} else {
		job->ok = password_hash_now(job->password, job->hash) == 0;
	}
	sodium_memzero(job->password, strlen(job->password));
}

static void *hasher_main(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&lock);
		while (h2o_linklist_is_empty(&queue) && !stopping)
			pthread_cond_wait(&wake, &lock);
		if (stopping && h2o_linklist_is_empty(&queue)) {
			pthread_mutex_unlock(&lock);
			return NULL;
		}
		struct hash_job *job = H2O_STRUCT_FROM_MEMBER(struct hash_job, super.link, queue.next);
		h2o_linklist_unlink(&job->super.link);
		pthread_mutex_unlock(&lock);
		run_job(job);
		h2o_multithread_send_message(job->reply_to, &job->super);
	}
}

static char dummy[crypto_pwhash_STRBYTES];

const char *password_dummy_hash(void)
{
	return dummy;
}

void hasher_start(int n)
{
	unsigned char raw[24];
	char random_password[64];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(random_password, sizeof random_password, raw, sizeof raw);
	if (password_hash_now(random_password, dummy) != 0)
		die("cannot hash: out of memory");
	nthreads = n;
	threads = calloc((size_t)n, sizeof *threads);
	for (int i = 0; i < n; i++)
		if (pthread_create(&threads[i], NULL, hasher_main, NULL) != 0)
			die("cannot start a hashing thread");
}

void hasher_stop(void)
{
	pthread_mutex_lock(&lock);
	stopping = 1;
	pthread_cond_broadcast(&wake);
	pthread_mutex_unlock(&lock);
	for (int i = 0; i < nthreads; i++)
		pthread_join(threads[i], NULL);
	free(threads);
	threads = NULL;
}

void hasher_submit(struct hash_job *job)
{
	pthread_mutex_lock(&lock);
	h2o_linklist_insert(&queue, &job->super.link);
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
}

static void job_free(struct hash_job *job)
{
	if (job->release)
		job->release(job);
	free(job->password);
	sodium_memzero(job->hash, sizeof job->hash);
	free(job);
}

void hasher_on_reply(h2o_multithread_receiver_t *receiver, h2o_linklist_t *messages)
{
	(void)receiver;
	while (!h2o_linklist_is_empty(messages)) {
		struct hash_job *job = H2O_STRUCT_FROM_MEMBER(struct hash_job, super.link, messages->next);
		h2o_linklist_unlink(&job->super.link);
		if (!job->cancelled) {
			if (job->link)
				*job->link = NULL;
			job->done(job);
		}
		job_free(job);
	}
}

void hasher_bind_request(struct hash_job *job, h2o_mem_pool_t *req_pool)
{
	job->link = req_watch_gone(req_pool, &job->cancelled);
}
