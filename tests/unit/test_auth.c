/* test_auth: the password rule and list, argon2id hashing, reader levels, token hashing, text checks. */
#include <stdio.h>
#include <unistd.h>

#include "auth/password.h"
#include "auth/session.h"
#include "core/text.h"
#include "unit.h"
#include "store/accounts.h"

static void test_policy(void)
{
	char path[] = "/tmp/plenary-blocklist-XXXXXX", err[256];
	int fd = mkstemp(path);
	const char *list = "#!comment: a list\npassword1234\nletmeinletmein\n";
	CHECK(write(fd, list, strlen(list)) == (ssize_t)strlen(list));
	close(fd);
	CHECK(password_blocklist_load(path, err, sizeof err) == 0);
	CHECK(password_problem("short", NULL) != NULL);
	CHECK(password_problem("elevenchars", NULL) != NULL);
	CHECK(password_problem("twelve chars", NULL) == NULL);
	CHECK(password_problem("PASSWORD1234", NULL) != NULL); /* listed, in any case */
	CHECK_STR(password_problem("letmeinletmein", NULL), "forms.password.common");
	CHECK_STR(password_problem("short", NULL), "forms.password.short");
	CHECK(password_problem("ana@example.org", "ANA@example.org") != NULL);
	/* twelve characters of Unicode are twelve characters, whatever their bytes */
	CHECK(password_problem("ééééééééééé", NULL) != NULL);  /* 11 */
	CHECK(password_problem("éééééééééééé", NULL) == NULL); /* 12 */
	char longpw[300];
	memset(longpw, 'a', 256);
	longpw[256] = '\0';
	CHECK(password_problem(longpw, NULL) == NULL); /* 256 allowed: "up to at least 128" */
	longpw[256] = 'b';
	longpw[257] = '\0';
	CHECK(password_problem(longpw, NULL) != NULL);
	CHECK(password_blocklist_load("/nonexistent/list", err, sizeof err) == -1);
	CHECK(password_problem("password1234", NULL) == NULL); /* a failed load leaves no list */
	password_blocklist_free();
	unlink(path);
}

static void test_hash(void)
{
	char hash[crypto_pwhash_STRBYTES];
	CHECK(password_hash_now("correct horse battery", hash) == 0);
	CHECK(strncmp(hash, "$argon2id$", 10) == 0);
	CHECK(strstr(hash, "m=19456") != NULL && strstr(hash, "t=2") != NULL);
	CHECK(crypto_pwhash_str_verify(hash, "correct horse battery", 21) == 0);
	CHECK(crypto_pwhash_str_verify(hash, "correct horse batterY", 21) != 0);
	CHECK(crypto_pwhash_str_needs_rehash(hash, PASSWORD_OPSLIMIT, PASSWORD_MEMLIMIT) == 0);
	CHECK(crypto_pwhash_str_needs_rehash(hash, PASSWORD_OPSLIMIT + 1, PASSWORD_MEMLIMIT) != 0);
}

static void test_levels(void)
{
	struct user u = {
	    .email_verified = 0, .hcp_declared = 1, .profession = "physician", .hcp_status = "none"};
	CHECK(reader_level(NULL) == AUDIENCE_PUBLIC);
	CHECK(reader_level(&u) == AUDIENCE_PUBLIC); /* unconfirmed address */
	u.email_verified = 1;
	CHECK(reader_level(&u) == AUDIENCE_HCP);
	u.hcp_declared = 0;
	CHECK(reader_level(&u) == AUDIENCE_MEMBERS);
	u.hcp_status = "verified";
	CHECK(reader_level(&u) == AUDIENCE_MEMBERS); /* verified, but the declaration was withdrawn */
	u.hcp_declared = 1;
	CHECK(reader_level(&u) == AUDIENCE_VERIFIED_HCP);
	u.profession = "not_hcp";
	CHECK(reader_level(&u) == AUDIENCE_MEMBERS);
}

static void test_tokens(void)
{
	h2o_mem_pool_t pool;
	h2o_mem_init_pool(&pool);
	const char *a = token_new(&pool), *b = token_new(&pool);
	CHECK(strlen(a) == 43 && strcmp(a, b) != 0);
	CHECK_STR(token_hash(&pool, "abc"),
		  "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	h2o_mem_clear_pool(&pool);
}

static void test_text(void)
{
	CHECK(text_chars("héllo") == 5);
	CHECK(text_email_ok("a@b.org") && !text_email_ok("a@b") && !text_email_ok("a b@c.org"));
	CHECK(!text_email_ok("a@b.org\r\nBcc: x@y.org"));
	/* one rule for every form and the mailer: what passes here can be mailed (x@[127.0.0.1] made an
	 * account, then a 500, when the forms were laxer than the mailer) */
	CHECK(text_email_ok("first.last+tag@mail.example-host.org") && text_email_ok("A_B@X.IO"));
	CHECK(!text_email_ok("x@[127.0.0.1]") && !text_email_ok("x@127.0.0.1]") &&
	      !text_email_ok("a@-b.org"));
	CHECK(!text_email_ok("a@b..org") && !text_email_ok("a@b.org.") && !text_email_ok("a@.b.org"));
	CHECK(!text_email_ok("\xc3\xa9@b.org") && !text_email_ok("a(b)@c.org") &&
	      !text_email_ok("a;b@c.org"));
	CHECK(text_clean("line\nline", 1) && !text_clean("line\nline", 0) && !text_clean("a\x01", 1));
}

int main(void)
{
	if (sodium_init() < 0)
		return 1;
	RUN(test_policy);
	RUN(test_hash);
	RUN(test_levels);
	RUN(test_tokens);
	RUN(test_text);
	return unit_done("auth");
}
