/* log: one-line messages to stderr with a level, and die() for broken invariants. */
#ifndef PLENARY_LOG_H
#define PLENARY_LOG_H

enum log_level { LOG_DEBUG, LOG_INFO, LOG_WARN, LOG_ERROR };

/** Sets the lowest level printed (default LOG_INFO). */
void log_set_level(enum log_level level);
/** Prints "time level message" to stderr, one write per line so threads do not interleave. */
void log_msg(enum log_level level, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
#define log_info(...) log_msg(LOG_INFO, __VA_ARGS__)
#define log_warn(...) log_msg(LOG_WARN, __VA_ARGS__)
#define log_error(...) log_msg(LOG_ERROR, __VA_ARGS__)
#define log_debug(...) log_msg(LOG_DEBUG, __VA_ARGS__)

/** A broken invariant or exhausted memory: prints file:line and the message, then aborts. */
#define die(...) die_at(__FILE__, __LINE__, __VA_ARGS__)
_Noreturn void die_at(const char *file, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

#endif
