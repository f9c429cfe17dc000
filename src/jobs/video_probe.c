/* video_probe: refuses uploaded videos a browser cannot play, saying why, and takes their poster frame. */
#include "jobs/video_probe.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avstring.h>
#include <libavutil/display.h>
#include <libavutil/pixdesc.h>
#include <libswscale/swscale.h>
#include <vips/vips.h>

#include "core/log.h"
#include "jobs/media.h"

#define FORMAT_PROBE_BYTES (1 << 20) /* the bytes the format is told from */
#define STREAM_PROBE_BYTES (5 << 20) /* read past the header to learn the streams' parameters */
#define MAX_STREAMS "32"
#define BLACK_LUMA 16
#define POSTER_TRIES 10

static const char damaged[] = "admin.media.error.video.damaged";
static const char too_slow[] = "admin.media.error.video.too_slow";

/* ---- libav's messages, once per process ---------------------------------------------------------------- */

/* libav's errors go to our log (a damaged upload is the editor's file, not the server's fault: a warning);
 * its warnings and chatter nowhere. Lines may come in pieces; each piece is one line of ours. */
#define AV_LINES_PER_FILE 8 /* a damaged file makes libav complain about every packet */

static _Thread_local int av_lines; /* logged for the file this thread reads; reset when it opens one */

static void av_to_log(void *avcl, int level, const char *fmt, va_list vl)
{
	if (level > AV_LOG_ERROR || av_lines >= AV_LINES_PER_FILE)
		return;
	if (++av_lines == AV_LINES_PER_FILE) {
		log_warn("video: libav: (more about this file left out)");
		return;
	}
	static _Thread_local int prefix = 1;
	char line[512];
	va_list copy;
	va_copy(copy, vl);
	av_log_format_line2(avcl, level, fmt, copy, line, sizeof line, &prefix);
	va_end(copy);
	size_t n = strlen(line);
	while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	if (n)
		log_warn("video: libav: %s", line);
}

static pthread_once_t av_once = PTHREAD_ONCE_INIT;

static void av_setup(void)
{
	av_log_set_level(AV_LOG_ERROR);
	av_log_set_callback(av_to_log);
}

/* ---- opening a file: only the file protocol, the format from its bytes, only two demuxers ------------ */

struct deadline {
	struct timespec at;
};

static void deadline_start(struct deadline *d)
{
	clock_gettime(CLOCK_MONOTONIC, &d->at);
	d->at.tv_sec += VIDEO_TIME_LIMIT_S;
}

static int deadline_passed(const struct deadline *d)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return now.tv_sec > d->at.tv_sec || (now.tv_sec == d->at.tv_sec && now.tv_nsec >= d->at.tv_nsec);
}

/* libav's interrupt callback: a non-zero answer makes the blocking call in progress give up */
static int interrupted(void *opaque)
{
	return deadline_passed(opaque);
}

struct input {
	AVFormatContext *fc;
	AVIOContext *pb; /* ours: the format is probed on it before a demuxer is chosen */
	int webm;	 /* the matroska demuxer read it (else mov) */
	int64_t bytes;
};

static void input_close(struct input *in)
{
	avformat_close_input(&in->fc);
	avio_closep(&in->pb);
}

/* The key of the name an editor knows for a format the probe may recognise and Plenary refuses
 * (admin.media.error.video.format.NAME), or NULL; *image is 1 for an image's. */
static const char *format_key(const char *name, int *image)
{
	static const char *const names[][2] = {
	    {"avi", "admin.media.error.video.format.avi"},
	    {"mp3", "admin.media.error.video.format.mp3"},
	    {"wav", "admin.media.error.video.format.wav"},
	    {"flac", "admin.media.error.video.format.flac"},
	    {"ogg", "admin.media.error.video.format.ogg"},
	    {"asf", "admin.media.error.video.format.asf"},
	    {"flv", "admin.media.error.video.format.flv"},
	    {"mpegts", "admin.media.error.video.format.mpegts"},
	    {"mpeg", "admin.media.error.video.format.mpeg"},
	    {"gif", "admin.media.error.video.format.gif"},
	    {"mxf", "admin.media.error.video.format.mxf"},
	    {"dv", "admin.media.error.video.format.dv"},
	    {"hls", "admin.media.error.video.format.hls"},
	    {"dash", "admin.media.error.video.format.dash"},
	};
	*image = strcmp(name, "gif") == 0;
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i][0]) == 0)
			return names[i][1];
	*image = strstr(name, "_pipe") || strcmp(name, "image2") == 0;
	return *image ? "admin.media.error.video.format.image" : NULL;
}

/* An EBML variable-size integer at buf[*pos]: an element's ID keeps its length marker, a size does not.
 * -1 past the end or when malformed. */
static int ebml_vint(const unsigned char *buf, size_t n, size_t *pos, int keep_marker, uint64_t *out)
{
	if (*pos >= n || buf[*pos] == 0)
		return -1;
	int len = 1;
	while (!(buf[*pos] & (0x80 >> (len - 1))))
		len++;
	if (*pos + (size_t)len > n)
		return -1;
	uint64_t v = keep_marker ? buf[*pos] : (buf[*pos] & (0xFFu >> len));
	for (int i = 1; i < len; i++)
		v = v << 8 | buf[*pos + (size_t)i];
	*pos += (size_t)len;
	*out = v;
	return 0;
}

/* Whether the EBML header at the start of the file says its DocType is "webm" (a Matroska file says
 * "matroska": browsers play only the former). */
static int ebml_is_webm(int fd)
{
	unsigned char buf[512];
	ssize_t got = pread(fd, buf, sizeof buf, 0);
	size_t n = got > 0 ? (size_t)got : 0, pos = 0;
	uint64_t id, size;
	if (ebml_vint(buf, n, &pos, 1, &id) != 0 || id != 0x1A45DFA3 ||
	    ebml_vint(buf, n, &pos, 0, &size) != 0)
		return 0;
	size_t end = size < n - pos ? pos + (size_t)size : n;
	while (pos < end) {
		if (ebml_vint(buf, end, &pos, 1, &id) != 0 || ebml_vint(buf, end, &pos, 0, &size) != 0 ||
		    size > end - pos)
			return 0;
		if (id == 0x4282)
			return size == 4 && memcmp(buf + pos, "webm", 4) == 0;
		pos += (size_t)size;
	}
	return 0;
}

/* The size of the MP4 index (the top-level "moov" box) as its header says, 0 when there is none among the
 * first 1024 top-level boxes. libavformat builds its sample tables from it, several times its size. */
static int64_t mp4_index_bytes(int fd, int64_t file_size)
{
	int64_t off = 0;
	for (int i = 0; i < 1024 && off <= file_size - 8; i++) {
		unsigned char h[16];
		ssize_t got = pread(fd, h, sizeof h, (off_t)off);
		if (got < 8)
			return 0;
		uint64_t size = (uint64_t)h[0] << 24 | (uint64_t)h[1] << 16 | (uint64_t)h[2] << 8 | h[3];
		if (size == 1 && got == 16) {
			size = 0;
			for (int k = 8; k < 16; k++)
				size = size << 8 | h[k];
		} else if (size == 0) {
			size = (uint64_t)(file_size - off); /* to the end of the file */
		}
		if (size < 8 || size > (uint64_t)INT64_MAX)
			return 0;
		if (memcmp(h + 4, "moov", 4) == 0)
			return (int64_t)size;
		if ((int64_t)size > file_size - off)
			return 0;
		off += (int64_t)size;
	}
	return 0;
}

/* Opens the file at path for reading its streams: 0, or -1 and why in err. */
static int input_open(const char *path, struct deadline *dl, struct input *in, struct msg *err)
{
	memset(in, 0, sizeof *in);
	pthread_once(&av_once, av_setup);
	av_lines = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		log_error("video: cannot read %s: %s", path, fd < 0 ? strerror(errno) : "not a regular file");
		if (fd >= 0)
			close(fd);
		return msg_set(err, "admin.media.error.video.unreadable", NULL);
	}
	in->bytes = st.st_size;
	int webm_doctype = ebml_is_webm(fd);
	int64_t index_bytes = mp4_index_bytes(fd, st.st_size);
	close(fd);

	/* "file:" named: a path with a colon in it is never taken for another protocol */
	char url[4096];
	if ((size_t)snprintf(url, sizeof url, "file:%s", path) >= sizeof url) {
		return msg_set(err, "admin.media.error.video.unreadable", NULL);
	}
	AVIOInterruptCB cb = {interrupted, dl};
	AVDictionary *opts = NULL;
	av_dict_set(&opts, "protocol_whitelist", "file", 0);
	int rc = avio_open2(&in->pb, url, AVIO_FLAG_READ, &cb, &opts);
	av_dict_free(&opts);
	if (rc < 0) {
		log_error("video: cannot open %s: %s", path, av_err2str(rc));
		return msg_set(err, "admin.media.error.video.unreadable", NULL);
	}
	/* told from the bytes alone (no file name: the extension would count) */
	const AVInputFormat *fmt = NULL;
	rc = av_probe_input_buffer2(in->pb, &fmt, "", NULL, 0, FORMAT_PROBE_BYTES);
	if (rc < 0 || !fmt) {
		msg_set(err, deadline_passed(dl) ? too_slow : damaged, NULL);
		return input_close(in), -1;
	}
	int mov = av_match_list(fmt->name, "mov", ',') > 0;
	in->webm = av_match_list(fmt->name, "matroska", ',') > 0;
	if (!mov && !in->webm) {
		int image;
		const char *what = format_key(fmt->name, &image);
		if (what) {
			msg_set(err,
				image ? "admin.media.error.video.image"
				      : "admin.media.error.video.format_known",
				NULL);
			msg_key(err, "format", what);
		} else {
			msg_set(err, "admin.media.error.video.format_other", "format",
				fmt->long_name ? fmt->long_name : fmt->name, NULL);
		}
		return input_close(in), -1;
	}
	if (mov && index_bytes > VIDEO_MAX_INDEX_BYTES) {
		msg_set(err, "admin.media.error.video.index_too_large", NULL);
		msg_int(err, "size", (long long)(index_bytes >> 20));
		msg_int(err, "max", VIDEO_MAX_INDEX_BYTES >> 20);
		return input_close(in), -1;
	}
	if (in->webm && !webm_doctype) {
		msg_set(err, "admin.media.error.video.matroska", NULL);
		return input_close(in), -1;
	}

	if (!(in->fc = avformat_alloc_context()))
		die("out of memory");
	in->fc->pb = in->pb;
	in->fc->flags |= AVFMT_FLAG_CUSTOM_IO;
	in->fc->interrupt_callback = cb;
	in->fc->probesize = STREAM_PROBE_BYTES;
	in->fc->max_analyze_duration = 5 * (int64_t)AV_TIME_BASE;
	av_dict_set(&opts, "protocol_whitelist", "file", 0);
	av_dict_set(&opts, "format_whitelist", "mov,matroska", 0);
	av_dict_set(&opts, "max_streams", MAX_STREAMS, 0);
	av_dict_set(&opts, "enable_drefs", "0", 0); /* mov: never a track's data in another file */
	av_dict_set(&opts, "use_absolute_path", "0", 0);
	rc = avformat_open_input(&in->fc, url, fmt, &opts); /* frees fc when it fails */
	av_dict_free(&opts);
	if (rc < 0) {
		msg_set(err, deadline_passed(dl) ? too_slow : damaged, NULL);
		return input_close(in), -1;
	}
	return 0;
}

/* The picture track: the first video stream that is not a cover image. -1 if none. */
static int video_stream(AVFormatContext *fc)
{
	for (unsigned i = 0; i < fc->nb_streams; i++) {
		AVStream *st = fc->streams[i];
		if (st->codecpar->codec_type == AVMEDIA_TYPE_VIDEO &&
		    !(st->disposition & AV_DISPOSITION_ATTACHED_PIC))
			return (int)i;
	}
	return -1;
}

/* Quarter turns clockwise a player applies to the stream's pictures (its display matrix), 0 to 3. */
static int quarter_turns(AVStream *st)
{
	size_t size = 0;
	const uint8_t *m = av_stream_get_side_data(st, AV_PKT_DATA_DISPLAYMATRIX, &size);
	if (!m || size < 9 * sizeof(int32_t))
		return 0;
	double ccw = av_display_rotation_get((const int32_t *)m);
	if (isnan(ccw))
		return 0;
	long q = lround(-ccw / 90.0) % 4;
	return (int)(q < 0 ? q + 4 : q);
}

/* ---- video_probe -------------------------------------------------------------------------------------- */

/* The name an editor knows for a codec, as the value "codec" of the message that refuses it. */
static void codec_label(struct msg *err, enum AVCodecID id)
{
	const char *name = NULL;
	switch (id) {
	case AV_CODEC_ID_HEVC:
		name = "HEVC (H.265)";
		break;
	case AV_CODEC_ID_MPEG4:
		name = "MPEG-4 part 2 (DivX, Xvid)";
		break;
	case AV_CODEC_ID_H264:
		name = "H.264";
		break;
	case AV_CODEC_ID_PRORES:
		name = "Apple ProRes";
		break;
	case AV_CODEC_ID_MJPEG:
		name = "Motion JPEG";
		break;
	case AV_CODEC_ID_AC3:
		name = "AC-3 (Dolby Digital)";
		break;
	case AV_CODEC_ID_EAC3:
		name = "E-AC-3 (Dolby Digital Plus)";
		break;
	case AV_CODEC_ID_PCM_S16LE:
	case AV_CODEC_ID_PCM_S16BE:
	case AV_CODEC_ID_PCM_S24LE:
	case AV_CODEC_ID_PCM_S24BE:
		msg_key(err, "codec", "admin.media.error.video.pcm");
		return;
	default:;
		const AVCodecDescriptor *d = avcodec_descriptor_get(id);
		name = d && d->long_name ? d->long_name : avcodec_get_name(id);
	}
	msg_str(err, "codec", name);
}

static int video_codec_ok(int webm, enum AVCodecID id)
{
	if (webm)
		return id == AV_CODEC_ID_VP8 || id == AV_CODEC_ID_VP9 || id == AV_CODEC_ID_AV1;
	return id == AV_CODEC_ID_H264 || id == AV_CODEC_ID_AV1;
}

static int audio_codec_ok(int webm, enum AVCodecID id)
{
	if (webm)
		return id == AV_CODEC_ID_OPUS || id == AV_CODEC_ID_VORBIS;
	return id == AV_CODEC_ID_AAC || id == AV_CODEC_ID_MP3;
}

/* H.264 that browsers decode: 8-bit 4:2:0 (not High 10, 4:2:2 or 4:4:4, which cameras write for editing). */
static int h264_playable(const AVCodecParameters *p)
{
	switch (p->profile) {
	case FF_PROFILE_H264_HIGH_10:
	case FF_PROFILE_H264_HIGH_10_INTRA:
	case FF_PROFILE_H264_HIGH_422:
	case FF_PROFILE_H264_HIGH_422_INTRA:
	case FF_PROFILE_H264_HIGH_444:
	case FF_PROFILE_H264_HIGH_444_PREDICTIVE:
	case FF_PROFILE_H264_HIGH_444_INTRA:
	case FF_PROFILE_H264_CAVLC_444:
		return 0;
	default:
		break;
	}
	return p->format == AV_PIX_FMT_NONE || p->format == AV_PIX_FMT_YUV420P ||
	       p->format == AV_PIX_FMT_YUVJ420P;
}

int video_probe(const char *path, struct video_info *out, struct msg *err)
{
	struct deadline dl;
	struct input in;
	memset(out, 0, sizeof *out);
	deadline_start(&dl);
	if (input_open(path, &dl, &in, err) != 0)
		return -1;
	int rc = -1;
	AVFormatContext *fc = in.fc;
	if (avformat_find_stream_info(fc, NULL) < 0) {
		msg_set(err, deadline_passed(&dl) ? too_slow : damaged, NULL);
		goto done;
	}
	int vi = video_stream(fc);
	if (vi < 0 && av_find_best_stream(fc, AVMEDIA_TYPE_AUDIO, -1, -1, NULL, 0) < 0) {
		msg_set(err, damaged, NULL); /* e.g. an MP4 cut short in its index */
		goto done;
	}
	if (vi < 0) {
		msg_set(err, "admin.media.error.video.no_video", NULL);
		goto done;
	}
	AVStream *vs = fc->streams[vi];
	const AVCodecParameters *vp = vs->codecpar;
	if (!video_codec_ok(in.webm, vp->codec_id)) {
		msg_set(err,
			in.webm ? "admin.media.error.video.video_codec_webm"
				: "admin.media.error.video.video_codec_mp4",
			NULL);
		codec_label(err, vp->codec_id);
		goto done;
	}
	if (vp->codec_id == AV_CODEC_ID_H264 && !h264_playable(vp)) {
		const char *pf = av_get_pix_fmt_name(vp->format);
		msg_set(err, "admin.media.error.video.h264_form", NULL);
		if (pf)
			msg_str(err, "form", pf);
		else
			msg_key(err, "form", "admin.media.error.video.editing_profile");
		goto done;
	}
	int ai = av_find_best_stream(fc, AVMEDIA_TYPE_AUDIO, -1, vi, NULL, 0);
	const AVCodecParameters *ap = ai >= 0 ? fc->streams[ai]->codecpar : NULL;
	if (ap && !audio_codec_ok(in.webm, ap->codec_id)) {
		msg_set(err,
			in.webm ? "admin.media.error.video.audio_codec_webm"
				: "admin.media.error.video.audio_codec_mp4",
			NULL);
		codec_label(err, ap->codec_id);
		goto done;
	}
	int64_t w = vp->width, h = vp->height;
	if (w < 1 || h < 1) {
		msg_set(err, damaged, NULL);
		goto done;
	}
	if (w > VIDEO_MAX_SIDE || h > VIDEO_MAX_SIDE) {
		msg_set(err, "admin.media.error.video.too_large", NULL);
		msg_int(err, "width", (long long)w);
		msg_int(err, "height", (long long)h);
		msg_int(err, "max", VIDEO_MAX_SIDE);
		goto done;
	}
	/* a duration guessed from the bit rate is no duration: the header does not say one */
	int64_t ms = fc->duration > 0 && fc->duration_estimation_method != AVFMT_DURATION_FROM_BITRATE
			 ? av_rescale(fc->duration, 1000, AV_TIME_BASE)
			 : 0;
	if (ms <= 0) {
		msg_set(err, "admin.media.error.video.no_duration", NULL);
		goto done;
	}
	if (ms > VIDEO_MAX_DURATION_MS) {
		msg_set(err, "admin.media.error.video.too_long", NULL);
		goto done;
	}
	/* the index says where the last frame lies: a file that ends before it was cut short */
	int entries = avformat_index_get_entries_count(vs);
	const AVIndexEntry *last = entries > 0 ? avformat_index_get_entry(vs, entries - 1) : NULL;
	if (last && last->pos >= 0 && last->pos + (in.webm ? 0 : last->size) > in.bytes) {
		msg_set(err, "admin.media.error.video.cut_short", NULL);
		goto done;
	}
	snprintf(out->container, sizeof out->container, "%s", in.webm ? "webm" : "mp4");
	snprintf(out->video_codec, sizeof out->video_codec, "%s", avcodec_get_name(vp->codec_id));
	snprintf(out->audio_codec, sizeof out->audio_codec, "%s", ap ? avcodec_get_name(ap->codec_id) : "");
	/* the size a player shows: pixels that are not square stretched (a DV camera's), a turn applied */
	AVRational sar = av_guess_sample_aspect_ratio(fc, vs, NULL);
	if (sar.num > 0 && sar.den > 0 && av_cmp_q(sar, (AVRational){1, 1}) != 0)
		w = av_rescale(w, sar.num, sar.den);
	if (w < 1 || w > 2 * VIDEO_MAX_SIDE) {
		msg_set(err, damaged, NULL);
		goto done;
	}
	int odd = quarter_turns(vs) & 1;
	out->width = odd ? h : w;
	out->height = odd ? w : h;
	out->duration_ms = ms;
	out->bytes = in.bytes;
	rc = 0;
done:
	input_close(&in);
	return rc;
}

/* ---- video_poster ------------------------------------------------------------------------------------- */

struct reader {
	AVFormatContext *fc;
	AVCodecContext *dc;
	AVPacket *pkt;
	int vi, draining, packets;
	struct deadline *dl;
};

/* The next decoded frame into fr: 0; 1 at the stream's end; -1 when the packet budget or the time ran out,
 * or on a read error. */
static int next_frame(struct reader *r, AVFrame *fr)
{
	for (;;) {
		int rc = avcodec_receive_frame(r->dc, fr);
		if (rc == 0)
			return 0;
		if (rc == AVERROR_EOF)
			return 1;
		/* else EAGAIN, or a frame that would not decode (skipped: the next packet may) */
		if (r->packets >= VIDEO_POSTER_MAX_PACKETS || deadline_passed(r->dl))
			return -1;
		rc = av_read_frame(r->fc, r->pkt);
		r->packets++;
		if (rc == AVERROR_EOF) {
			if (r->draining)
				return 1;
			r->draining = 1;
			avcodec_send_packet(r->dc, NULL);
			continue;
		}
		if (rc < 0)
			return -1;
		/* a damaged packet is skipped: the decoder conceals what it can */
		if (r->pkt->stream_index == r->vi)
			avcodec_send_packet(r->dc, r->pkt);
		av_packet_unref(r->pkt);
	}
}

struct picture {
	unsigned char *rgb; /* w × h × 3, no padding */
	int w, h;
	double luma; /* mean, 0 to 255 */
};

/* The frame as RGB, scaled to the poster's size with its pixel aspect ratio applied. 0, or -1. */
static int to_rgb(const AVFrame *fr, AVRational sar, int turns, struct picture *p)
{
	if (fr->width < 1 || fr->height < 1 || fr->width > VIDEO_MAX_SIDE || fr->height > VIDEO_MAX_SIDE)
		return -1;
	double dw = fr->width, dh = fr->height;
	if (sar.num > 0 && sar.den > 0 && av_cmp_q(sar, (AVRational){1, 1}) != 0)
		dw = dw * sar.num / sar.den;
	double shown_w = turns & 1 ? dh : dw;
	double s = shown_w > VIDEO_POSTER_MAX_WIDTH ? VIDEO_POSTER_MAX_WIDTH / shown_w : 1.0;
	int w = (int)lround(dw * s), h = (int)lround(dh * s);
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	if (w > VIDEO_MAX_SIDE * 2 || h > VIDEO_MAX_SIDE)
		return -1;
	struct SwsContext *sws =
	    sws_getContext(fr->width, fr->height, fr->format, w, h, AV_PIX_FMT_RGB24,
			   SWS_BICUBIC | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INT, NULL, NULL, NULL);
	if (!sws)
		return -1;
	/* the frame's own colour matrix and range (HD video is BT.709; a camera's may be full range) */
	int cs = fr->colorspace == AVCOL_SPC_BT709 ? SWS_CS_ITU709 : SWS_CS_DEFAULT;
	int full = fr->color_range == AVCOL_RANGE_JPEG;
	int *inv, *tab, src_range, dst_range, bright, contrast, sat;
	if (sws_getColorspaceDetails(sws, &inv, &src_range, &tab, &dst_range, &bright, &contrast, &sat) >= 0)
		sws_setColorspaceDetails(sws, sws_getCoefficients(cs), full, tab, 1, bright, contrast, sat);
	p->rgb = malloc((size_t)w * (size_t)h * 3);
	if (!p->rgb)
		die("out of memory");
	uint8_t *dst[4] = {p->rgb, NULL, NULL, NULL};
	int stride[4] = {w * 3, 0, 0, 0};
	int rows = sws_scale(sws, (const uint8_t *const *)fr->data, fr->linesize, 0, fr->height, dst, stride);
	sws_freeContext(sws);
	if (rows != h) {
		free(p->rgb);
		p->rgb = NULL;
		return -1;
	}
	p->w = w;
	p->h = h;
	double sum = 0;
	size_t n = (size_t)w * (size_t)h;
	for (size_t i = 0; i < n; i++)
		sum += 0.299 * p->rgb[3 * i] + 0.587 * p->rgb[3 * i + 1] + 0.114 * p->rgb[3 * i + 2];
	p->luma = sum / (double)n;
	return 0;
}

/* Writes bytes to path through a file of its own beside it, renamed over path when whole. 0, or -1. */
static int write_whole(const char *path, const void *data, size_t n)
{
	char tmp[4096];
	if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= sizeof tmp)
		return -1;
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return log_error("video: cannot write %s: %s", tmp, strerror(errno)), -1;
	const char *p = data;
	int ok = fchmod(fd, 0644) == 0;
	while (ok && n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		ok = k > 0;
		if (ok) {
			p += k;
			n -= (size_t)k;
		}
	}
	ok = ok && fsync(fd) == 0;
	ok = close(fd) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;
	if (!ok) {
		log_error("video: cannot store %s: %s", path, strerror(errno));
		unlink(tmp);
	}
	return ok ? 0 : -1;
}

static int save_jpeg(const struct picture *p, int turns, const char *out_path)
{
	media_vips_start(); /* media.c's: the same settings, started once for the process */
	VipsImage *img = vips_image_new_from_memory(p->rgb, (size_t)p->w * (size_t)p->h * 3, p->w, p->h, 3,
						    VIPS_FORMAT_UCHAR);
	if (!img)
		return -1;
	static const VipsAngle angles[] = {VIPS_ANGLE_D0, VIPS_ANGLE_D90, VIPS_ANGLE_D180, VIPS_ANGLE_D270};
	VipsImage *shown = NULL;
	void *buf = NULL;
	size_t len = 0;
	int rc = -1;
	if (turns == 0) {
		shown = img;
		g_object_ref(shown);
	} else if (vips_rot(img, &shown, angles[turns & 3], NULL) != 0) {
		shown = NULL;
	}
	if (shown && vips_jpegsave_buffer(shown, &buf, &len, "Q", 85, "strip", TRUE, "optimize_coding", TRUE,
					  "interlace", TRUE, NULL) == 0)
		rc = write_whole(out_path, buf, len);
	else
		log_error("video: libvips could not write a poster: %s", vips_error_buffer());
	vips_error_clear();
	g_free(buf);
	if (shown)
		g_object_unref(shown);
	g_object_unref(img);
	return rc;
}

int video_poster(const char *path, int64_t at_ms, const char *out_path, struct msg *err)
{
	struct deadline dl;
	struct input in;
	deadline_start(&dl);
	if (input_open(path, &dl, &in, err) != 0)
		return -1;
	struct reader r = {.fc = in.fc, .dl = &dl};
	struct picture best = {0};
	AVFrame *fr = av_frame_alloc(), *last = av_frame_alloc();
	int rc = -1;
	if (!fr || !last || !(r.pkt = av_packet_alloc()))
		die("out of memory");
	AVFormatContext *fc = in.fc;
	/* the header is enough: no packets are read to find the streams' parameters */
	r.vi = video_stream(fc);
	const AVCodec *codec = r.vi >= 0 ? avcodec_find_decoder(fc->streams[r.vi]->codecpar->codec_id) : NULL;
	if (!codec) {
		msg_set(err, "admin.media.error.video.poster_no_video", NULL);
		goto done;
	}
	AVStream *vs = fc->streams[r.vi];
	for (unsigned i = 0; i < fc->nb_streams; i++)
		if ((int)i != r.vi)
			fc->streams[i]->discard = AVDISCARD_ALL; /* their packets are not even handed to us */
	if (!(r.dc = avcodec_alloc_context3(codec)) || avcodec_parameters_to_context(r.dc, vs->codecpar) < 0)
		die("out of memory");
	r.dc->thread_count = 1; /* one thread per job, as for images */
	if (avcodec_open2(r.dc, codec, NULL) < 0) {
		msg_set(err, "admin.media.error.video.poster_undecodable", NULL);
		goto done;
	}
	int turns = quarter_turns(vs);
	int64_t duration_ms = fc->duration > 0 ? av_rescale(fc->duration, 1000, AV_TIME_BASE) : 0;
	if (at_ms < 0 || at_ms > VIDEO_MAX_DURATION_MS || (duration_ms > 0 && at_ms >= duration_ms))
		at_ms = 0;
	if (vs->time_base.num <= 0 || vs->time_base.den <= 0) {
		msg_set(err, damaged, NULL);
		goto done;
	}
	int64_t step = duration_ms / 20;
	step = step < 1000 ? 1000 : step > 30000 ? 30000 : step;
	/* the stream's first time when the header says it (no packets are read to learn it) */
	int64_t start = vs->start_time != AV_NOPTS_VALUE ? vs->start_time : 0;
	int out_of_budget = 0;
	for (int t = 0; t < POSTER_TRIES && !out_of_budget; t++) {
		int64_t target_ms = at_ms + t * step;
		if (t > 0 && duration_ms > 0 && target_ms >= duration_ms)
			break;
		int64_t target =
		    av_sat_add64(start, av_rescale_q(target_ms, (AVRational){1, 1000}, vs->time_base));
		/* the key frame at or before the target, else the first after it (WebM's first key frame may
		 * start a few milliseconds in); a failed seek leaves the demuxer anywhere: that try is lost
		 */
		if (t == 0 && at_ms == 0) {
			/* just opened: read from the start (a file without an index cannot seek at all) */
		} else if (av_seek_frame(fc, r.vi, target, AVSEEK_FLAG_BACKWARD) < 0 &&
			   av_seek_frame(fc, r.vi, target, 0) < 0) {
			continue;
		}
		avcodec_flush_buffers(r.dc);
		r.draining = 0;
		av_frame_unref(last);
		/* decode forward to the first frame at or after the target; the last one decoded if none is
		 */
		int got = 0, k;
		while ((k = next_frame(&r, fr)) == 0) {
			av_frame_unref(last);
			av_frame_move_ref(last, fr);
			got = 1;
			int64_t pts = last->best_effort_timestamp;
			if (pts == AV_NOPTS_VALUE || pts >= target)
				break;
		}
		if (k < 0)
			out_of_budget = 1;
		if (!got)
			continue;
		struct picture p = {0};
		if (to_rgb(last, av_guess_sample_aspect_ratio(fc, vs, last), turns, &p) != 0)
			continue;
		if (!best.rgb || p.luma > best.luma) {
			free(best.rgb);
			best = p;
		} else {
			free(p.rgb);
		}
		if (best.luma >= BLACK_LUMA)
			break;
	}
	if (!best.rgb) {
		msg_set(err, deadline_passed(&dl) ? too_slow : "admin.media.error.video.poster_no_frame",
			NULL);
		goto done;
	}
	if (save_jpeg(&best, turns, out_path) != 0) {
		msg_set(err, "admin.media.error.video.poster_not_writable", NULL);
		goto done;
	}
	rc = 0;
done:
	free(best.rgb);
	av_frame_free(&fr);
	av_frame_free(&last);
	av_packet_free(&r.pkt);
	avcodec_free_context(&r.dc);
	input_close(&in);
	return rc;
}
