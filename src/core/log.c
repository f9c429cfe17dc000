/* log: one-line messages to stderr with a level, and die() for broken invariants. */
#include "core/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static enum log_level min_level = LOG_INFO;

void log_set_level(enum log_level level)
{
	min_level = level;
}

__attribute__((format(printf, 2, 0))) static void log_write(const char *tag, const char *fmt, va_list ap)
{
	char line[2048];
	time_t now = time(NULL);
	struct tm tm;
	gmtime_r(&now, &tm);
	size_t n = strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%SZ ", &tm);
	n += (size_t)snprintf(line + n, sizeof line - n, "%s ", tag);
	int m = vsnprintf(line + n, sizeof line - n, fmt, ap);
	if (m < 0)
		m = 0;
	n += (size_t)m;
	if (n > sizeof line - 2)
		n = sizeof line - 2;
	line[n++] = '\n';
	ssize_t w = write(STDERR_FILENO, line, n);
	(void)w;
}

void log_msg(enum log_level level, const char *fmt, ...)
{
	static const char *tags[] = {"debug", "info", "warn", "error"};
	if (level < min_level)
		return;
	va_list ap;
	va_start(ap, fmt);
	log_write(tags[level], fmt, ap);
	va_end(ap);
}

void die_at(const char *file, int line, const char *fmt, ...)
{
	char tag[512];
	snprintf(tag, sizeof tag, "fatal %s:%d:", file, line);
	va_list ap;
	va_start(ap, fmt);
	log_write(tag, fmt, ap);
	va_end(ap);
	abort();
}
