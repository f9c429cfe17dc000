/* media: what the media library's two ways in share (the form, and the uploader that sends chunks): an
 * uploaded file on its way into the library, and JSON answers. */
#ifndef PLENARY_ADMIN_MEDIA_H
#define PLENARY_ADMIN_MEDIA_H

#include <jansson.h>
#include <stdint.h>

#include "http/request.h"

#define MEDIA_ALT_MAX 300    /* characters */
#define MEDIA_CREDIT_MAX 200 /* characters */
#define MEDIA_NAME_MAX 200   /* characters of a file's original name kept */

/** An upload's file, whole on disk, and what the editor said of it. */
struct media_arrival {
	int fd;		       /* open and locked; taken over by media_ingest */
	const char *path;      /* of the file, in the uploads folder */
	const char *upload_id; /* the chunked upload it finishes, "" for the form's */
	int64_t len;	       /* bytes the file must hold */
	const char *alt, *credit, *filename;
	int json;  /* answer the uploader's script (JSON), else the form (the library page, or a redirect) */
	int video; /* declared a video (MP4 or WebM) when the upload started: probed, not resized */
};

/** Brings an upload into the library off the event loop: type from its first bytes, content hash (the same
 * bytes again lead to the image there is), pixel limits, renditions; then records it and answers r. The file
 * is removed and the chunked upload finished (or forgotten, when refused) whether or not r is still there. */
void media_ingest(struct request *r, const struct media_arrival *a);
/** 1 when v is at most max characters on one line of clean text (and, when required, not only spaces). */
int media_text_ok(const char *v, size_t max, int required);
/** Sends j (taken over) as a JSON answer that no cache keeps. */
void admin_json(struct request *r, int status, json_t *j);

#endif
