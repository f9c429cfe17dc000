/* bounces: delivery reports (DSNs) in the operator's Maildir, read with GMime; failed recipients suppressed.
 */
#include "jobs/bounces.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <gmime/gmime.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/log.h"
#include "store/mailq.h"

enum {
	BOUNCE_BLOCKS_MAX = 100, /* recipient blocks read per report */
	BOUNCE_REPORTS_MAX = 10, /* delivery-status parts read per message */
};

static pthread_once_t gmime_once = PTHREAD_ONCE_INIT;
static _Thread_local int unreadable_said; /* the Maildir could not be read at the last scan (logged) */

static void gmime_setup(void)
{
	g_mime_init();
}

struct scan {
	store *db;
	const char *file;
	int reports, suppressed;
};

/* The decoded bytes of a leaf part as a new memory stream (NULL when it has none). */
static GMimeStream *part_stream(GMimeObject *obj)
{
	if (!GMIME_IS_PART(obj))
		return NULL;
	GMimeDataWrapper *content = g_mime_part_get_content(GMIME_PART(obj));
	if (!content)
		return NULL;
	GMimeStream *out = g_mime_stream_mem_new();
	if (g_mime_data_wrapper_write_to_stream(content, out) < 0) {
		g_object_unref(out);
		return NULL;
	}
	g_mime_stream_reset(out);
	return out;
}

/* A header's value trimmed into out ("" when absent). */
static const char *field(GMimeObject *o, const char *name, char *out, size_t len)
{
	const char *v = g_mime_object_get_header(o, name);
	while (v && (*v == ' ' || *v == '\t'))
		v++;
	snprintf(out, len, "%s", v ? v : "");
	for (size_t n = strlen(out); n > 0 && strchr(" \t\r\n", out[n - 1]); n--)
		out[n - 1] = '\0';
	return out;
}

/* One per-recipient block (its fields as a part's headers): the recipient suppressed when it failed for
 * good. */
static void recipient(struct scan *sc, GMimeObject *block)
{
	char action[64], status[64], rcpt[512], diag[512];
	field(block, "Action", action, sizeof action);
	field(block, "Status", status, sizeof status);
	field(block, "Final-Recipient", rcpt, sizeof rcpt);
	field(block, "Diagnostic-Code", diag, sizeof diag);
	if (!rcpt[0] || strcasecmp(action, "failed") != 0 || strncmp(status, "5.", 2) != 0)
		return;
	/* "rfc822; user@example.org": the address type, then the address */
	char *addr = strchr(rcpt, ';');
	addr = addr ? addr + 1 : rcpt;
	while (*addr == ' ' || *addr == '\t')
		addr++;
	if (*addr == '<') {
		addr++;
		char *gt = strchr(addr, '>');
		if (gt)
			*gt = '\0';
	}
	char reason[1100];
	snprintf(reason, sizeof reason, "Status %s%s%s", status, diag[0] ? "; " : "", diag);
	int rc = store_mail_suppress(sc->db, addr, "bounce", reason);
	if (rc == 1) {
		sc->suppressed++;
		log_info("mail: a bounce report (%s) says %s failed for good (%s); no more mail to it",
			 sc->file, addr, status);
	} else if (rc < 0) {
		log_warn("mail: a bounce report (%s) names a recipient that cannot be suppressed", sc->file);
	}
}

/* A message/delivery-status part: its blocks, each read by GMime's parser as the headers of a part whose
 * body is the blocks after it (the first block is the report's own fields). */
static void report(struct scan *sc, GMimeObject *part)
{
	GMimeStream *s = part_stream(part);
	for (int i = 0; s && i <= BOUNCE_BLOCKS_MAX; i++) {
		GMimeParser *p = g_mime_parser_new_with_stream(s);
		GMimeObject *block = g_mime_parser_construct_part(p, NULL);
		g_object_unref(p);
		g_object_unref(s);
		s = NULL;
		if (!block)
			break;
		if (i > 0)
			recipient(sc, block);
		s = part_stream(block);
		if (s && g_mime_stream_length(s) <= 0) {
			g_object_unref(s);
			s = NULL;
		}
		g_object_unref(block);
	}
	if (s)
		g_object_unref(s);
}

static void each_part(GMimeObject *parent, GMimeObject *part, gpointer data)
{
	(void)parent;
	struct scan *sc = data;
	GMimeContentType *ct = g_mime_object_get_content_type(part);
	if (!ct || sc->reports >= BOUNCE_REPORTS_MAX)
		return;
	if (g_mime_content_type_is_type(ct, "message", "delivery-status") ||
	    g_mime_content_type_is_type(ct, "message", "global-delivery-status")) {
		sc->reports++;
		report(sc, part);
	}
}

/* Reads one file of new/ (at most BOUNCE_READ_MAX bytes) and suppresses what it reports. */
static void read_one(store *db, int dirfd, const char *name, int *suppressed)
{
	int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		log_warn("mail: the bounce file %s is not a file that can be read; moved aside", name);
		if (fd >= 0)
			close(fd);
		return;
	}
	size_t want = st.st_size < BOUNCE_READ_MAX ? (size_t)st.st_size : BOUNCE_READ_MAX, got = 0;
	char *data = malloc(want + 1);
	if (!data)
		die("out of memory");
	while (got < want) {
		ssize_t r = read(fd, data + got, want - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(data, got);
	free(data);
	GMimeParser *p = g_mime_parser_new_with_stream(s);
	GMimeMessage *msg = g_mime_parser_construct_message(p, NULL);
	g_object_unref(p);
	g_object_unref(s);
	struct scan sc = {.db = db, .file = name};
	if (msg) {
		g_mime_message_foreach(msg, each_part, &sc);
		g_object_unref(msg);
	}
	if (!sc.reports)
		log_warn("mail: the bounce file %s holds no delivery report GMime could read; moved aside",
			 name);
	*suppressed += sc.suppressed;
}

int bounces_scan(store *db, const char *maildir)
{
	pthread_once(&gmime_once, gmime_setup);
	char path[4096];
	snprintf(path, sizeof path, "%s/new", maildir);
	DIR *d = opendir(path);
	snprintf(path, sizeof path, "%s/cur", maildir);
	int cur = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (!d || cur < 0) {
		/* said once, not at every scan, until the Maildir can be read again */
		if (!unreadable_said)
			log_warn("mail: cannot read the bounce Maildir %s (new/ and cur/): %s", maildir,
				 strerror(errno));
		unreadable_said = 1;
		if (d)
			closedir(d);
		if (cur >= 0)
			close(cur);
		return -1;
	}
	unreadable_said = 0;
	int suppressed = 0, files = 0;
	for (struct dirent *e; files < BOUNCE_FILES_MAX && (e = readdir(d)) != NULL;) {
		if (e->d_name[0] == '.')
			continue;
		files++;
		read_one(db, dirfd(d), e->d_name, &suppressed);
		/* Maildir: a message seen moves to cur/ with its info ":2,S" */
		char seen[512];
		snprintf(seen, sizeof seen, "%s%s", e->d_name, strchr(e->d_name, ':') ? "" : ":2,S");
		if (renameat(dirfd(d), e->d_name, cur, seen) != 0) {
			log_error("mail: cannot move the bounce file %s to cur/: %s", e->d_name,
				  strerror(errno));
		}
	}
	closedir(d);
	close(cur);
	return suppressed;
}
