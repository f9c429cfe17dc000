/* uploads: the files of images arriving in chunks: <media_dir>/uploads/<id>, written at an offset, locked
 * while written or processed, removed when stale. */
#ifndef PLENARY_UPLOADS_H
#define PLENARY_UPLOADS_H

#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

#define UPLOAD_ID_LEN 32	   /* random hex digits */
#define UPLOAD_TTL (24 * 3600)	   /* seconds an upload has to finish; its file and row go after */
#define UPLOADS_PER_USER 4	   /* unfinished uploads one account may have at a time */
#define UPLOAD_CHUNK_MAX (4 << 20) /* the largest chunk asked for, whatever max_body_kb allows */

/** The chunk size for a request-size limit of max_body_kb: three quarters of it (room for what a proxy or
 * the form around it adds), at most UPLOAD_CHUNK_MAX. */
size_t upload_chunk_size(int max_body_kb);
/** A new random id (UPLOAD_ID_LEN hex digits). */
void upload_new_id(char out[UPLOAD_ID_LEN + 1]);
/** 1 when s is UPLOAD_ID_LEN lowercase hex digits. */
int upload_id_ok(const char *s);
/** "<media_dir>/uploads/<name>" into out (name "" for the folder). */
void upload_path(const char *media_dir, const char *name, char *out, size_t n);
/** Creates the uploads folder under media_dir when missing: 0, or -1 with errno. */
int uploads_dir_make(const char *media_dir);
/** Creates the empty file of a new upload: 0, or -1 (logged). */
int upload_create(const char *media_dir, const char *id);
/** Opens an upload's file and takes its lock without waiting: the descriptor; -1 when there is no file; -2
 * when another request holds it (a chunk being written, or the whole being processed). */
int upload_open(const char *media_dir, const char *id);
/** The size of the file of an upload (how far it got), -1 when it has none; *busy is 1 when it is locked. */
int64_t upload_size(const char *media_dir, const char *id, int *busy);
/** Writes len bytes at offset to fd: 0, or -1 (logged). */
int upload_write(int fd, int64_t offset, const void *data, size_t len);
/** A file of the uploads folder holding bytes (a form's upload), open and locked: its descriptor, its path in
 * path; -1 (logged) when it cannot be written. */
int upload_file_from(const char *media_dir, const void *data, size_t len, char *path, size_t n);
/** Removes an upload's file (absent is fine). */
void upload_remove(const char *media_dir, const char *id);
/** Forgets the uploads started before now - UPLOAD_TTL and removes every file of the uploads folder last
 * written before then (unfinished, refused, or left by a crash). */
void uploads_expire(store *db, const char *media_dir, int64_t now);

#endif
