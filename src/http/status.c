/* status: the one table of HTTP statuses Plenary sends: code, reason phrase, page title, default message. */
#include "http/status.h"

#include <stddef.h>

#include "core/log.h"

static const struct http_status statuses[] = {
    {200, "OK", "OK", NULL},
    {201, "Created", "Created", NULL},
    {204, "No Content", "No content", NULL},
    {206, "Partial Content", "Partial content", NULL},
    {301, "Moved Permanently", "Moved", NULL},
    {302, "Found", "Moved", NULL},
    {303, "See Other", "See other", NULL},
    {304, "Not Modified", "Not modified", NULL},
    {307, "Temporary Redirect", "Moved", NULL},
    {308, "Permanent Redirect", "Moved", NULL},
    {400, "Bad Request", "Bad request", "The server could not read this request."},
    {401, "Unauthorized", "Sign-in needed", "Sign in to open this page."},
    {403, "Forbidden", "Forbidden", "Your account may not open this page."},
    {404, "Not Found", "Page not found",
     "We could not find this page. It may have moved, or the address may be mistyped."},
    {405, "Method Not Allowed", "Method not allowed", "This address does not accept that kind of request."},
    {408, "Request Timeout", "Request timed out", "The request took too long to arrive."},
    {409, "Conflict", "Conflict", "This change conflicts with another one. Reload the page and try again."},
    {410, "Gone", "Gone", "This page has been removed."},
    {411, "Length Required", "Length required", "This request needs a Content-Length."},
    {412, "Precondition Failed", "Precondition failed", "The page changed since you last read it."},
    {413, "Content Too Large", "Request too large", "This request is larger than the server accepts."},
    {414, "URI Too Long", "Address too long",
     "The address of this request is longer than the server accepts."},
    {415, "Unsupported Media Type", "Unsupported form encoding",
     "The server cannot read a request body of this type."},
    {416, "Range Not Satisfiable", "Range not satisfiable", "The requested range is outside the file."},
    {417, "Expectation Failed", "Expectation failed", "The server cannot meet the request's Expect header."},
    {422, "Unprocessable Content", "Please check the form", "Some of what was sent is not valid."},
    {429, "Too Many Requests", "Too many requests",
     "Too many requests just now. Wait a moment, then try again."},
    {431, "Request Header Fields Too Large", "Request headers too large",
     "The request headers are too large."},
    {500, "Internal Server Error", "Something went wrong",
     "The server hit an error while preparing this page. It has been logged; please try again."},
    {501, "Not Implemented", "Not implemented", "The server does not support this request."},
    {503, "Service Unavailable", "Temporarily unavailable",
     "The server is busy or cannot reach its database just now. Please try again in a few seconds."},
};

static const struct http_status classes[] = {
    {100, "Informational", "Information", NULL},
    {200, "Success", "OK", NULL},
    {300, "Redirection", "Moved", NULL},
    {400, "Client Error", "Error", NULL},
    {500, "Server Error", "Something went wrong", NULL},
};

const struct http_status *http_status(int code)
{
	size_t lo = 0, hi = sizeof statuses / sizeof statuses[0];
	while (lo < hi) { /* the table is sorted by code */
		size_t mid = (lo + hi) / 2;
		if (statuses[mid].code == code)
			return &statuses[mid];
		if (statuses[mid].code < code)
			lo = mid + 1;
		else
			hi = mid;
	}
	log_error("HTTP status %d is not in the status table (src/http/status.c)", code);
	int k = code / 100 - 1;
	return &classes[k >= 0 && k < 5 ? k : 4];
}

const struct http_status *http_status_table(size_t *n)
{
	*n = sizeof statuses / sizeof statuses[0];
	return statuses;
}
