/* fuzz_wxr: any bytes as a WordPress export, read from a file descriptor by the streaming reader; an odd
 * length reads with small limits. Every string given is there and within its limit, every count too, and a
 * refusal says where. */
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "import/wxr.h"

static struct wxr_limits lim;

#define CHECK(...)                                                                                           \
	check((const char *[]){__VA_ARGS__}, sizeof((const char *[]){__VA_ARGS__}) / sizeof(char *))

static void check(const char *const *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!s[i] || strlen(s[i]) > lim.field_bytes)
			__builtin_trap();
}

static int on_channel(void *ctx, const struct wxr_channel *c)
{
	(void)ctx;
	CHECK(c->title, c->link, c->base_site_url, c->base_blog_url, c->language, c->wxr_version);
	return 0;
}

static int on_author(void *ctx, const struct wxr_author *a)
{
	(void)ctx;
	CHECK(a->login, a->email, a->display_name, a->first_name, a->last_name);
	return 0;
}

static int on_term(void *ctx, const struct wxr_term *t)
{
	(void)ctx;
	CHECK(t->taxonomy, t->slug, t->name, t->parent, t->description);
	return 0;
}

static int on_item(void *ctx, const struct wxr_item *it)
{
	(void)ctx;
	CHECK(it->title, it->link, it->guid, it->creator, it->content, it->excerpt, it->post_date,
	      it->post_date_gmt, it->post_name, it->status, it->post_type, it->password, it->attachment_url);
	if (it->nterms > lim.terms || it->nmeta > lim.meta || (it->nterms && !it->terms) ||
	    (it->nmeta && !it->meta) || it->line < 1)
		__builtin_trap();
	for (size_t i = 0; i < it->nterms; i++)
		CHECK(it->terms[i].domain, it->terms[i].nicename, it->terms[i].name);
	for (size_t i = 0; i < it->nmeta; i++)
		CHECK(it->meta[i].key, it->meta[i].value);
	return it->post_id == 666 ? 5 : 0; /* a caller's stop */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int fd = -1;
	if (fd < 0 && (fd = memfd_create("wxr", 0)) < 0)
		__builtin_trap();
	if (ftruncate(fd, 0) || pwrite(fd, data, size, 0) != (ssize_t)size || lseek(fd, 0, SEEK_SET))
		__builtin_trap();
	if (size & 1)
		lim = (struct wxr_limits){
		    .field_bytes = 64, .item_bytes = 256, .terms = 3, .meta = 2, .depth = 8};
	else
		lim = (struct wxr_limits){16 << 20, 32 << 20, 2000, 2000, 64};
	struct wxr_handler h = {NULL, on_channel, on_author, on_term, on_item, NULL};
	char err[256];
	int rc = wxr_read(fd, &h, &lim, err, sizeof err);
	if (rc == 0 ? err[0] != '\0' : rc == -1 ? strncmp(err, "line ", 5) != 0 : rc != 5)
		__builtin_trap();
	return 0;
}
