/* pg_backup: `plenary backup` and `plenary restore` on PostgreSQL: pg_dump's custom format, by
 * pg_dump/pg_restore. */
#include "store/pg/pg_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/backup.h"
#include "store/copy.h"

extern char **environ;

enum {
	BK_FIRST = 490, /* slots 490-499 belong to pg_backup.c */
	BK_EPOCH_SET,
	BK_ARTICLES,
	BK_CHANGE_SEQ,
	BK_LAST
};
_Static_assert(BK_LAST <= 500, "statement slots 490-499 belong to pg_backup.c");

/* What a child's standard output and error keep (more is read and dropped). */
#define TOOL_OUT_MAX (256 * 1024)
#define TOOL_ERR_MAX 4096

/* A libpq or tool message on one line: up to the first newline. */
static int first_line(const char *msg)
{
	return (int)strcspn(msg ? msg : "", "\n");
}

/* Where pg_dump or pg_restore is: the server version's own folder (Debian keeps them there, and a dump needs
 * a pg_dump at least as new as the server) when it has one, else the name alone, looked up in PATH. */
static void tool_path(const char *name, int server_version, char *out, size_t outlen)
{
	snprintf(out, outlen, "/usr/lib/postgresql/%d/bin/%s", server_version / 10000, name);
	if (server_version > 0 && access(out, X_OK) == 0)
		return;
	snprintf(out, outlen, "%s", name);
}

struct tool_output {
	char *out; /* standard output (NUL-terminated, malloc'd; NULL when not kept) */
	size_t out_len;
	char err[TOOL_ERR_MAX]; /* standard error, NUL-terminated */
	int status;		/* the exit status, or -1 when it did not exit normally */
};

/* Appends what fd has to buf (up to cap bytes, the rest dropped); 0 at end of file, 1 when more may come. */
static int drain(int fd, char *buf, size_t *len, size_t cap)
{
	char chunk[8192];
	ssize_t n = read(fd, chunk, sizeof chunk);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN ? 1 : 0;
	if (n == 0)
		return 0;
	size_t room = *len < cap ? cap - *len : 0, take = (size_t)n < room ? (size_t)n : room;
	memcpy(buf + *len, chunk, take);
	*len += take;
	return 1;
}

/* Runs argv (no shell), standard input from /dev/null; keeps its standard error, and its standard output when
 * keep_out. 0 when it ran (res->status tells how it ended), -1 with why when it could not start. */
static int run_tool(char *const argv[], int keep_out, struct tool_output *res, char *err, size_t errlen)
{
	memset(res, 0, sizeof *res);
	res->status = -1;
	int out_pipe[2] = {-1, -1}, err_pipe[2] = {-1, -1};
	if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
		snprintf(err, errlen, "cannot run %s: %s", argv[0], strerror(errno));
		for (int i = 0; i < 2; i++) {
			if (out_pipe[i] >= 0)
				close(out_pipe[i]);
			if (err_pipe[i] >= 0)
				close(err_pipe[i]);
		}
		return -1;
	}
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out_pipe[1], 1);
	posix_spawn_file_actions_adddup2(&fa, err_pipe[1], 2);
	pid_t pid;
	int rc = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(out_pipe[1]);
	close(err_pipe[1]);
	if (rc != 0) {
		snprintf(err, errlen, "cannot run %s: %s (PostgreSQL's client programs are needed)", argv[0],
			 strerror(rc));
		close(out_pipe[0]);
		close(err_pipe[0]);
		return -1;
	}
	size_t out_cap = keep_out ? TOOL_OUT_MAX : 0, err_len = 0;
	res->out = keep_out ? malloc(TOOL_OUT_MAX + 1) : NULL;
	char sink[1];
	char *out_buf = res->out ? res->out : sink;
	if (!res->out)
		out_cap = 0;
	struct pollfd fds[2] = {{.fd = out_pipe[0], .events = POLLIN}, {.fd = err_pipe[0], .events = POLLIN}};
	int open_fds = 2;
	while (open_fds > 0) {
		if (poll(fds, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (int i = 0; i < 2; i++) {
			if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
				continue;
			int more = i == 0 ? drain(fds[i].fd, out_buf, &res->out_len, out_cap)
					  : drain(fds[i].fd, res->err, &err_len, sizeof res->err - 1);
			if (!more) {
				close(fds[i].fd);
				fds[i].fd = -1;
				open_fds--;
			}
		}
	}
	for (int i = 0; i < 2; i++)
		if (fds[i].fd >= 0)
			close(fds[i].fd);
	res->err[err_len] = '\0';
	if (res->out)
		res->out[res->out_len] = '\0';
	int status;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	res->status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
	return 0;
}

/* The message a tool left on standard error, without its "pg_dump: error: " prefix, on one line. */
static const char *tool_message(const struct tool_output *t)
{
	const char *m = t->err;
	const char *e = strstr(m, "error: ");
	if (e)
		m = e + 7;
	return *m ? m : "it failed without saying why";
}

/* Opens a connection of its own (not a store: a backup never creates or migrates); NULL with why. */
static PGconn *connect_db(const char *url, char *err, size_t errlen)
{
	PGconn *c = PQconnectdb(url);
	if (!c || PQstatus(c) != CONNECTION_OK) {
		const char *msg = c ? PQerrorMessage(c) : "out of memory";
		/* libpq prefixes where it tried ("connection to server at ... failed: "): the reason is after
		 */
		const char *why = strstr(msg, "failed: ");
		why = why ? why + 8 : msg;
		snprintf(err, errlen, "database %s: %.*s", url, first_line(why), why);
		PQfinish(c);
		return NULL;
	}
	return c;
}

/* The first column of the first row of a constant query: 1 with *v, 0 when no row or NULL, -1 on error. */
static int one_number(PGconn *c, const char *sql, int64_t *v)
{
	PGresult *r = PQexecParams(c, sql, 0, NULL, NULL, NULL, NULL, 0);
	int rc = -1;
	if (PQresultStatus(r) == PGRES_TUPLES_OK) {
		rc = 0;
		if (PQntuples(r) > 0 && !PQgetisnull(r, 0, 0)) {
			*v = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
			rc = 1;
		}
	}
	PQclear(r);
	return rc;
}

/* Reads, in the connection's transaction, what a backup reports: the schema version and the articles. 0, or
 * -1 with why (not a Plenary database, a schema newer than this binary's). */
static int read_facts(PGconn *c, const char *url, struct store_copy_report *out, char *err, size_t errlen)
{
	int64_t has_article = 0, has_version = 0, version = 0, articles = 0;
	if (one_number(c, "SELECT (to_regclass('article') IS NOT NULL)::int", &has_article) < 0) {
		snprintf(err, errlen, "database %s: %.*s", url, first_line(PQerrorMessage(c)),
			 PQerrorMessage(c));
		return -1;
	}
	if (has_article)
		one_number(c, "SELECT (to_regclass('schema_version') IS NOT NULL)::int", &has_version);
	if (!has_article || !has_version) {
		snprintf(err, errlen, "%s is not a Plenary database (it has no %s table)", url,
			 has_article ? "schema_version" : "article");
		return -1;
	}
	if (one_number(c, "SELECT version FROM schema_version WHERE id = 1", &version) < 0 ||
	    one_number(c, "SELECT count(*) FROM article", &articles) < 0) {
		snprintf(err, errlen, "database %s: %.*s", url, first_line(PQerrorMessage(c)),
			 PQerrorMessage(c));
		return -1;
	}
	if (version < 1) {
		snprintf(err, errlen, "%s is not a Plenary database (schema version %lld)", url,
			 (long long)version);
		return -1;
	}
	if (backup_schema_check(url, version, "pg/", err, errlen) != 0)
		return -1;
	out->schema_version = (int)version;
	out->articles = articles;
	return 0;
}

/* Dumps the database into tmp from one snapshot, the one the report's facts were read in. */
static int dump_into(const char *url, const char *tmp, struct store_copy_report *out, char *err,
		     size_t errlen)
{
	PGconn *c = connect_db(url, err, errlen);
	if (!c)
		return -1;
	int rc = -1;
	char snapshot[128] = "";
	PGresult *r = PQexec(c, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY");
	if (PQresultStatus(r) == PGRES_COMMAND_OK) {
		PQclear(r);
		r = PQexec(c, "SELECT pg_export_snapshot()");
		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
			snprintf(snapshot, sizeof snapshot, "--snapshot=%s", PQgetvalue(r, 0, 0));
	}
	PQclear(r);
	if (!snapshot[0]) {
		snprintf(err, errlen, "database %s: %.*s", url, first_line(PQerrorMessage(c)),
			 PQerrorMessage(c));
		goto done;
	}
	if (read_facts(c, url, out, err, errlen) != 0)
		goto done;
	/* the child sees exactly that snapshot while this transaction stays open */
	char tool[PATH_MAX], file_arg[PATH_MAX + 16], db_arg[4096];
	tool_path("pg_dump", PQserverVersion(c), tool, sizeof tool);
	snprintf(file_arg, sizeof file_arg, "--file=%s", tmp);
	if (snprintf(db_arg, sizeof db_arg, "--dbname=%s", url) >= (int)sizeof db_arg) {
		snprintf(err, errlen, "database %s: the address is too long", url);
		goto done;
	}
	char *argv[] = {tool, "--format=custom", "--no-password", snapshot, file_arg, db_arg, NULL};
	struct tool_output t;
	if (run_tool(argv, 0, &t, err, errlen) != 0)
		goto done;
	if (t.status != 0) {
		const char *m = tool_message(&t);
		snprintf(err, errlen, "pg_dump of %s failed: %.*s", url, first_line(m), m);
		goto done;
	}
	rc = 0;
done:
	PQclear(PQexec(c, "COMMIT"));
	PQfinish(c);
	return rc;
}

int pg_store_backup(const char *url, const char *to, int overwrite, struct store_copy_report *out, char *err,
		    size_t errlen)
{
	memset(out, 0, sizeof *out);
	char tmp[PATH_MAX];
	if (backup_target_check(to, overwrite, NULL, err, errlen) != 0 ||
	    backup_temp_make(to, tmp, sizeof tmp, err, errlen) != 0)
		return -1;
	if (dump_into(url, tmp, out, err, errlen) != 0 || backup_temp_keep(tmp, to, out, err, errlen) != 0) {
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* ---- restore ---- */

/* In pg_restore's SQL text (--data-only), the value of column `col` in the first row of table's COPY block:
 * 1 with *v, 0 when the block or the column is missing. */
static int copied_value(const char *sql, const char *table, const char *col, int64_t *v)
{
	char head[128];
	snprintf(head, sizeof head, "COPY public.%s (", table);
	const char *p = strstr(sql, head);
	if (!p)
		return 0;
	p += strlen(head);
	const char *end = strchr(p, ')');
	if (!end)
		return 0;
	/* the column's place in the list "a, b, c" */
	int idx = -1, i = 0;
	size_t collen = strlen(col);
	for (const char *q = p; q < end; i++) {
		while (*q == ' ' || *q == '"')
			q++;
		if ((size_t)(end - q) >= collen && strncmp(q, col, collen) == 0 &&
		    (q[collen] == ',' || q[collen] == ')' || q[collen] == '"')) {
			idx = i;
			break;
		}
		const char *comma = memchr(q, ',', (size_t)(end - q));
		if (!comma)
			break;
		q = comma + 1;
	}
	const char *row = strstr(end, "FROM stdin;\n");
	if (idx < 0 || !row)
		return 0;
	row += strlen("FROM stdin;\n");
	if (strncmp(row, "\\.", 2) == 0)
		return 0;
	for (int k = 0; k < idx; k++) {
		const char *tab = strpbrk(row, "\t\n");
		if (!tab || *tab == '\n')
			return 0;
		row = tab + 1;
	}
	if (strncmp(row, "\\N", 2) == 0)
		return 0;
	*v = strtoll(row, NULL, 10);
	return 1;
}

/* 1 when pg_restore's table of contents (--list) names a table `name` in schema public. */
static int lists_table(const char *toc, const char *name)
{
	char want[128];
	snprintf(want, sizeof want, " TABLE public %s ", name);
	return strstr(toc, want) != NULL;
}

/* Checks a backup file before anything is done to the live database: pg_dump's custom format, readable, a
 * Plenary database with a schema this binary knows. Fills from_version, *epoch (the backup's) and *toc (its
 * table of contents, pg_restore --list; the caller frees it). */
static int check_backup(const char *from, struct store_copy_report *out, int64_t *epoch, char **toc,
			char *err, size_t errlen)
{
	char magic[16] = "";
	int fd = open(from, O_RDONLY);
	if (fd < 0) {
		snprintf(err, errlen, "backup %s: %s", from, strerror(errno));
		return -1;
	}
	ssize_t n = read(fd, magic, sizeof magic - 1);
	close(fd);
	if (n < 5 || memcmp(magic, "PGDMP", 5) != 0) {
		if (n >= 15 && memcmp(magic, "SQLite format 3", 15) == 0)
			snprintf(err, errlen,
				 "%s is a SQLite backup: restore it into a SQLite database (a PostgreSQL "
				 "backup is pg_dump's custom format, as `plenary backup` writes it)",
				 from);
		else
			snprintf(err, errlen, "%s is not a PostgreSQL backup (pg_dump's custom format)",
				 from);
		return -1;
	}
	char tool[PATH_MAX], file_arg[PATH_MAX + 16];
	tool_path("pg_restore", PQlibVersion(), tool, sizeof tool);
	snprintf(file_arg, sizeof file_arg, "%s", from);
	char *list_argv[] = {tool, "--list", file_arg, NULL};
	struct tool_output t;
	if (run_tool(list_argv, 1, &t, err, errlen) != 0)
		return -1;
	int rc = -1;
	if (t.status != 0) {
		const char *m = tool_message(&t);
		snprintf(err, errlen, "%s is damaged: %.*s", from, first_line(m), m);
		goto done;
	}
	if (!t.out || !lists_table(t.out, "article") || !lists_table(t.out, "schema_version")) {
		snprintf(err, errlen, "%s is not a Plenary database (it has no article table)", from);
		goto done;
	}
	*toc = t.out;
	t.out = NULL;
	/* the schema version and the epoch, from the data of their one-row tables */
	char *data_argv[] = {
	    tool,     "--data-only", "--table=schema_version", "--table=content_version", "--file=-",
	    file_arg, NULL};
	if (run_tool(data_argv, 1, &t, err, errlen) != 0)
		return -1;
	int64_t version = 0;
	if (t.status != 0) {
		const char *m = tool_message(&t);
		snprintf(err, errlen, "%s is damaged: %.*s", from, first_line(m), m);
		goto done;
	}
	if (!t.out || !copied_value(t.out, "schema_version", "version", &version) || version < 1) {
		snprintf(err, errlen, "%s is not a Plenary database (no schema version)", from);
		goto done;
	}
	if (backup_schema_check(from, version, "pg/", err, errlen) != 0)
		goto done;
	*epoch = 0;
	copied_value(t.out, "content_version", "epoch", epoch);
	out->from_version = (int)version;
	rc = 0;
done:
	free(t.out);
	return rc;
}

/* After pg_restore: migrations (an older backup is upgraded) and a new epoch, so running servers drop every
 * page and fact they keep and read the restored content. */
static int restore_finish(const char *url, int64_t epoch, int64_t change_seq, struct store_copy_report *out,
			  char *err, size_t errlen)
{
	char why[512];
	store *s = store_open(url, why, sizeof why);
	if (!s) {
		snprintf(err, errlen, "restored, but the schema could not be brought up to date: %s", why);
		return -1;
	}
	struct pg_params p = {0};
	pg_p_i64(&p, epoch);
	int rc =
	    pg_exec(s, BK_EPOCH_SET, "UPDATE content_version SET epoch = $1::bigint WHERE id = 1", &p, NULL);
	int64_t articles = 0;
	if (rc == 0 && pg_value(s, BK_ARTICLES, "SELECT count(*) FROM article", NULL, &articles) != 1)
		rc = -1;
	/* the change log's numbers go on from the live database's, not back to the backup's: a serving node
	 * reads the rows after the last number it saw */
	struct pg_params q = {0};
	pg_p_i64(&q, change_seq);
	int64_t ignored;
	if (rc == 0 &&
	    pg_value(s, BK_CHANGE_SEQ,
		     "SELECT setval(pg_get_serial_sequence('change_log', 'seq'), GREATEST($1::bigint, "
		     "(SELECT COALESCE(max(seq), 0) FROM change_log), 1))",
		     &q, &ignored) != 1)
		rc = -1;
	out->articles = articles;
	out->schema_version = store_schema_version(s);
	out->epoch = epoch;
	store_close(s);
	if (rc != 0)
		snprintf(err, errlen,
			 "restored, but the new content epoch could not be written (a running server "
			 "may keep showing old pages until it restarts)");
	return rc;
}

/* Writes the list of what pg_restore restores (--use-list): the backup's table of contents, less the
 * collations the live database has already. A collation dropped and made again gets a new oid, and every
 * statement a running server prepared that returns a column of it would then fail once ("cached plan must
 * not change result type"); kept, the restored tables use it by name. 0 with the file's path, or -1. */
static int keep_collations(PGconn *c, const char *toc, char *path, size_t pathlen, char *err, size_t errlen)
{
	PGresult *r = PQexecParams(c,
				   "SELECT collname FROM pg_collation WHERE collnamespace = "
				   "'public'::regnamespace",
				   0, NULL, NULL, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		snprintf(err, errlen, "database: %.*s", first_line(PQerrorMessage(c)), PQerrorMessage(c));
		PQclear(r);
		return -1;
	}
	const char *dir = getenv("TMPDIR");
	snprintf(path, pathlen, "%s/plenary-restore-XXXXXX", dir && *dir ? dir : "/tmp");
	int fd = mkstemp(path);
	FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
	if (!f) {
		snprintf(err, errlen, "cannot write the restore's list %s: %s", path, strerror(errno));
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		PQclear(r);
		return -1;
	}
	for (const char *line = toc; *line;) {
		size_t len = strcspn(line, "\n");
		int keep = 0;
		for (int i = 0; i < PQntuples(r) && !keep; i++) {
			char want[256];
			int n = snprintf(want, sizeof want, " COLLATION public %s ", PQgetvalue(r, i, 0));
			keep = n > 0 && (size_t)n < sizeof want && memmem(line, len, want, (size_t)n) != NULL;
		}
		fprintf(f, "%s%.*s\n", keep ? ";" : "", (int)len, line);
		line += len;
		if (*line == '\n')
			line++;
	}
	PQclear(r);
	if (fclose(f) != 0) {
		snprintf(err, errlen, "cannot write the restore's list %s: %s", path, strerror(errno));
		unlink(path);
		return -1;
	}
	return 0;
}

int pg_store_restore(const char *url, const char *from, struct store_copy_report *out, char *err,
		     size_t errlen)
{
	struct stat from_st;
	memset(out, 0, sizeof *out);
	if (stat(from, &from_st) != 0) {
		snprintf(err, errlen, "backup %s: %s", from, strerror(errno));
		return -1;
	}
	if (!S_ISREG(from_st.st_mode)) {
		snprintf(err, errlen, "%s is not a file", from);
		return -1;
	}
	out->bytes = (int64_t)from_st.st_size;
	/* every check on the backup comes before the live database is touched */
	int64_t restored_epoch = 0, before = 0;
	char *toc = NULL;
	if (check_backup(from, out, &restored_epoch, &toc, err, errlen) != 0) {
		free(toc);
		return -1;
	}
	PGconn *c = connect_db(url, err, errlen);
	if (!c) {
		free(toc);
		return -1;
	}
	char list[PATH_MAX] = "";
	int rc = keep_collations(c, toc, list, sizeof list, err, errlen);
	free(toc);
	if (rc != 0) {
		PQfinish(c);
		return -1;
	}
	int64_t has_table = 0, change_seq = 0;
	if (one_number(c, "SELECT (to_regclass('content_version') IS NOT NULL)::int", &has_table) == 1 &&
	    has_table)
		one_number(c, "SELECT epoch FROM content_version WHERE id = 1", &before);
	if (one_number(c, "SELECT (to_regclass('change_log') IS NOT NULL)::int", &has_table) == 1 &&
	    has_table)
		one_number(c,
			   "SELECT GREATEST(COALESCE(max(seq), 0), COALESCE(pg_sequence_last_value("
			   "pg_get_serial_sequence('change_log', 'seq')::regclass), 0)) FROM change_log",
			   &change_seq);
	char tool[PATH_MAX], file_arg[PATH_MAX], db_arg[4096];
	tool_path("pg_restore", PQserverVersion(c), tool, sizeof tool);
	PQfinish(c);
	snprintf(file_arg, sizeof file_arg, "%s", from);
	if (snprintf(db_arg, sizeof db_arg, "--dbname=%s", url) >= (int)sizeof db_arg) {
		snprintf(err, errlen, "database %s: the address is too long", url);
		unlink(list);
		return -1;
	}
	char list_arg[PATH_MAX + 16];
	snprintf(list_arg, sizeof list_arg, "--use-list=%s", list);
	/* one transaction: the objects of the backup dropped and made again with its rows; running servers
	 * wait on its locks and then read the restored content; any error rolls all of it back */
	char *argv[] = {tool,
			"--clean",
			"--if-exists",
			"--single-transaction",
			"--exit-on-error",
			"--no-owner",
			"--no-privileges",
			"--no-password",
			list_arg,
			db_arg,
			file_arg,
			NULL};
	struct tool_output t;
	rc = run_tool(argv, 0, &t, err, errlen);
	unlink(list);
	if (rc != 0)
		return -1;
	if (t.status != 0) {
		const char *m = tool_message(&t);
		snprintf(err, errlen, "restoring %s into %s failed, the database is unchanged: %.*s", from,
			 url, first_line(m), m);
		return -1;
	}
	return restore_finish(url, (before > restored_epoch ? before : restored_epoch) + 1, change_seq, out,
			      err, errlen);
}
