/* status: the one table of HTTP statuses Plenary sends: code, reason phrase, page title, default message. */
#ifndef PLENARY_STATUS_H
#define PLENARY_STATUS_H

#include <stddef.h>

struct http_status {
	int code;
	const char *reason; /* the phrase on the status line (RFC 9110) */
	const char *title;  /* the heading of an error page */
	const char
	    *message; /* what an error page says when the handler gives nothing more precise; NULL: none */
};

/** The row of a status. A code missing from the table is a programming error: it is logged once and a row
 * of the code's class ("Client Error", "Server Error", ...) is returned, never NULL. */
const struct http_status *http_status(int code);

/** Every row, sorted by code (for tests and --help). */
const struct http_status *http_status_table(size_t *n);

#endif
