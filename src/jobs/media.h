/* media: image uploads: type from the bytes, a content hash, and libvips renditions in responsive widths. */
#ifndef PLENARY_MEDIA_H
#define PLENARY_MEDIA_H

#include <stddef.h>
#include <stdint.h>

#include "core/msg.h"

struct workq;

#define MEDIA_MAX_WIDTHS 5
#define MEDIA_HASH_LEN 32	   /* hex digits kept of the SHA-256 */
#define MEDIA_MAX_PIXELS 50000000L /* larger images are refused before they are decoded */

/** "jpeg", "png" or "webp" when the bytes start like one of them, else NULL. Never looks at a file name. */
const char *media_sniff(const void *bytes, size_t n);
/** The file extension of a kind: "jpg", "png", "webp"; NULL for anything else. */
const char *media_ext(const char *kind);
/** The Content-Type of a rendition's file name ("…-640.webp"), NULL unless the name is one Plenary writes. */
const char *media_file_type(const char *name);
/** The type of a library video's file name ("<hash>.mp4" or "<hash>.webm"), or NULL for any other name. */
const char *media_video_type(const char *name);
/** Starts libvips once for the whole process (every user of it calls this first: two first calls at once
 * would race inside vips_init). */
void media_vips_start(void);
/** The first MEDIA_HASH_LEN hex digits of the SHA-256 of the bytes. */
void media_hash(const void *bytes, size_t n, char out[MEDIA_HASH_LEN + 1]);
/** media_hash of a whole file, read in small pieces from fd (from offset 0); *size is its length. 0, or -1.
 */
int media_hash_file(int fd, char out[MEDIA_HASH_LEN + 1], int64_t *size);
/** The rendition widths of an image `width` pixels wide, ascending; returns how many (at least 1). */
size_t media_widths(int64_t width, int out[MEDIA_MAX_WIDTHS]);
/** "/media/<hash>-<w>.<ext>" into out. */
void media_url(const char *hash, const char *kind, int width, char *out, size_t n);

/** Decodes the uploaded file at path, of the given kind, with libvips (upright, metadata stripped) and writes
 * its renditions to dir as <hash>-<w>.<ext>; *width and *height get the largest one's size. 0, or -1 with a
 * message for the editor in err (a key of admin.media.error). The file is read from disk, never copied whole
 * into memory (its decoded pixels are, up to MEDIA_MAX_PIXELS). Slow: call it off the event loop. */
int media_process(const char *path, const char *kind, const char *dir, const char *hash, int *width,
		  int *height, struct msg *err);
/** Strips the metadata chunks (EXIF, XMP, ICC) from the WebP renditions in dir written by earlier versions,
 * in place (the image data stays as it is); returns how many were. Reads the first 64 bytes of every other
 * one. */
int media_strip_existing(const char *dir);
/** Removes the renditions of an image (absent files are fine). */
void media_remove(const char *dir, const char *hash, const char *kind, int64_t width);

/** The image threads: a queue of their own (http/workq.h), so uploads never wait behind password hashing
 * nor delay it; at most depth images wait, and one account has at most half of depth (rounded up) waiting
 * or being processed. */
void image_queue_start(int threads, int depth);
void image_queue_stop(void);
/** The queue (NULL before image_queue_start). */
struct workq *image_queue(void);

#endif
