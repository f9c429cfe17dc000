/* test_config: defaults, bounds, types, file:line errors, and ADDR:PORT parsing. */
#include <stdlib.h>
#include <unistd.h>

#include "core/config.h"
#include "unit.h"

static const char *write_tmp(const char *text)
{
	static char path[64];
	strcpy(path, "/tmp/plenary-config-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
		abort();
	close(fd);
	return path;
}

static void test_defaults_and_set(void)
{
	struct config c;
	char err[512];
	config_defaults(&c);
	CHECK_STR(c.listen, "127.0.0.1:8080");
	CHECK(c.threads == 0 && c.max_body_kb == 256 && c.page_size == 12);

	CHECK(config_set(&c, "threads", "4", err, sizeof err) == 0 && c.threads == 4);
	CHECK(config_set(&c, "threads", "65", err, sizeof err) == -1);
	CHECK_CONTAINS(err, "out of range (0 to 64)");
	CHECK(config_set(&c, "threads", "two", err, sizeof err) == -1);
	CHECK_CONTAINS(err, "not a whole number");
	CHECK(config_set(&c, "nonsense", "1", err, sizeof err) == -1);
	CHECK_CONTAINS(err, "unknown setting 'nonsense'");
	CHECK(config_set(&c, "listen", "localhost", err, sizeof err) == -1);
	CHECK(config_set(&c, "listen", "[::1]:9000", err, sizeof err) == 0);
	CHECK(config_set(&c, "log_level", "loud", err, sizeof err) == -1);
	/* public_url: a scheme and an optional port, never a host (each site has its own) */
	CHECK(config_set(&c, "public_url", "https://", err, sizeof err) == 0);
	CHECK(config_set(&c, "public_url", "http://:8080", err, sizeof err) == 0);
	CHECK(config_set(&c, "public_url", "", err, sizeof err) == 0 && c.public_url[0] == '\0');
	CHECK(config_set(&c, "public_url", "https://example.org", err, sizeof err) == -1);
	CHECK(config_set(&c, "public_url", "https://:0", err, sizeof err) == -1);
	CHECK(config_set(&c, "public_url", "https://:80x", err, sizeof err) == -1);
	CHECK(config_set(&c, "public_url", "ftp://", err, sizeof err) == -1);
	CHECK(c.mail_per_recipient == 5 && c.mail_per_address == 20 && c.contact_per_address == 5);
}

static void test_load_file(void)
{
	struct config c;
	char err[512];
	const char *p = write_tmp("; comment\n[plenary]\nthreads = 3\npage_size = 20\n");
	config_defaults(&c);
	CHECK(config_load_file(&c, p, err, sizeof err) == 0 && c.threads == 3 && c.page_size == 20);
	unlink(p);

	p = write_tmp("[plenary]\nthreads = 2\n\npage_size = 1000\n");
	CHECK(config_load_file(&c, p, err, sizeof err) == -1);
	char want[128];
	snprintf(want, sizeof want, "%s:4: page_size: 1000 is out of range", p);
	CHECK_CONTAINS(err, want);
	unlink(p);

	p = write_tmp("[server]\nthreads = 2\n");
	CHECK(config_load_file(&c, p, err, sizeof err) == -1);
	CHECK_CONTAINS(err, ":2: unknown section [server]");
	unlink(p);

	CHECK(config_load_file(&c, "/nonexistent/plenary.ini", err, sizeof err) == -1);
	CHECK_CONTAINS(err, "cannot open");
}

static void test_listen_parts(void)
{
	char host[64];
	int port;
	CHECK(config_listen_parts("0.0.0.0:80", host, sizeof host, &port) == 0 && port == 80);
	CHECK_STR(host, "0.0.0.0");
	CHECK(config_listen_parts("[::]:8443", host, sizeof host, &port) == 0 && port == 8443);
	CHECK_STR(host, "::");
	CHECK(config_listen_parts("127.0.0.1:0", host, sizeof host, &port) == -1);
	CHECK(config_listen_parts("127.0.0.1:70000", host, sizeof host, &port) == -1);
	CHECK(config_listen_parts(":80", host, sizeof host, &port) == -1);
}

int main(void)
{
	RUN(test_defaults_and_set);
	RUN(test_load_file);
	RUN(test_listen_parts);
	return unit_done("config");
}
