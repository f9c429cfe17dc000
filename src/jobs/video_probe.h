/* video_probe: what an uploaded video holds (libavformat) and its poster frame (libavcodec, libvips). */
#ifndef PLENARY_VIDEO_PROBE_H
#define PLENARY_VIDEO_PROBE_H

#include <stddef.h>
#include <stdint.h>

#include "core/msg.h"

#define VIDEO_MAX_SIDE 8192		 /* pixels; larger videos are refused */
#define VIDEO_MAX_DURATION_MS 86400000LL /* a day; a file claiming more is refused */
#define VIDEO_POSTER_MAX_WIDTH 1920	 /* the poster's widest */
#define VIDEO_TIME_LIMIT_S 20		 /* probing or taking a poster gives up after this */
#define VIDEO_MAX_INDEX_BYTES (32 << 20) /* an MP4's "moov" box; libavformat holds several times it */
#define VIDEO_POSTER_MAX_PACKETS 300	 /* packets read for a poster, all tries together */

struct video_info {
	char container[8];		       /* "mp4" or "webm" */
	char video_codec[16], audio_codec[16]; /* "h264", "vp8", "vp9", "av1"; "aac", "mp3", "opus", "vorbis",
						  "" if silent */
	int64_t duration_ms, width, height,
	    bytes; /* width and height as shown: a phone's turned video is taller */
};

/** Probes the file at path with libavformat. 0 and *out when it is a file a browser plays: the MP4/MOV family
 * holding H.264 (8-bit 4:2:0) or AV1 video with AAC, MP3 or no sound, or WebM (Matroska whose DocType is
 * "webm") holding VP8, VP9 or AV1 with Opus, Vorbis or no sound. Else -1 and why in err, for the editor (a
 * key of admin.media.error.video). The format is told from the bytes, never the name; only the "file"
 * protocol and the mov and matroska demuxers are ever opened (nothing outside the file is followed); reading
 * is bounded (probe size, analyse duration, VIDEO_TIME_LIMIT_S), so a large file probes in milliseconds; an
 * MP4 whose index is over VIDEO_MAX_INDEX_BYTES is refused before it is read. Thread-safe; slow: call it off
 * the event loop. */
int video_probe(const char *path, struct video_info *out, struct msg *err);

/** Takes a poster from the video at path: seeks to the key frame at or before at_ms, decodes forward to the
 * first frame at or after it, and when that frame is almost black (mean luma of its RGB under 16) tries
 * later ones (a second apart, or a twentieth of the video, up to 10 tries; the brightest is kept). The frame
 * is scaled (libswscale, its pixel aspect ratio and turn applied) to at most VIDEO_POSTER_MAX_WIDTH wide and
 * written through libvips as a JPEG (quality 85, no metadata) at out_path, replaced whole. Bounded: at most
 * VIDEO_POSTER_MAX_PACKETS packets read (past them the last frame decoded is taken), VIDEO_TIME_LIMIT_S.
 * 0, else -1 and why in err (as video_probe's). Thread-safe. */
int video_poster(const char *path, int64_t at_ms, const char *out_path, struct msg *err);

#endif
