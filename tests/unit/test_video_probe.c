/* test_video_probe: videos made with the ffmpeg command, probed or refused with a sentence; posters. */
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vips/vips.h>

#include "jobs/video_probe.h"
#include "msg_en.h"
#include "unit.h"

static char dir[] = "/tmp/plenary-test-video-XXXXXX";

/* Runs a shell command in the test folder; 0 when it exited with 0. */
static int sh(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int sh(const char *fmt, ...)
{
	char cmd[4096], full[4200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(cmd, sizeof cmd, fmt, ap);
	va_end(ap);
	snprintf(full, sizeof full, "cd '%s' && %s", dir, cmd);
	int rc = system(full);
	if (rc != 0)
		fprintf(stderr, "command failed (%d): %s\n", rc, cmd);
	return rc == 0 ? 0 : -1;
}

#define FF "ffmpeg -nostdin -hide_banner -v error -y "
#define SRC "-f lavfi -i testsrc=size=320x240:rate=25 -f lavfi -i sine=frequency=440 -t 3 "

/* Makes a fixture with ffmpeg; a failure to make it is a failed check (never a skipped test). */
static void make(const char *what, const char *cmd)
{
	if (sh("%s", cmd) != 0) {
		fprintf(stderr, "could not make the fixture %s\n", what);
		CHECK(!"fixture made");
	}
}

static const char *at(const char *name)
{
	static char paths[8][1024];
	static int next;
	char *p = paths[next++ % 8];
	snprintf(p, 1024, "%s/%s", dir, name);
	return p;
}

static int64_t file_size(const char *name)
{
	struct stat st;
	return stat(at(name), &st) == 0 ? (int64_t)st.st_size : -1;
}

static int have_encoder(const char *name)
{
	return sh("ffmpeg -hide_banner -encoders 2>/dev/null | grep -q ' %s '", name) == 0;
}

static void test_ffmpeg_present(void)
{
	/* without it no fixture can be made: every test below fails, and so does this one, by name */
	CHECK(sh("ffmpeg -version >/dev/null") == 0);
	CHECK(have_encoder("libx264"));
	CHECK(have_encoder("libvpx-vp9"));
	CHECK(have_encoder("libopus"));
	CHECK(have_encoder("aac"));
}

static void make_fixtures(void)
{
	make("mp4", FF SRC "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a aac ok.mp4");
	make("faststart mp4", FF "-i ok.mp4 -c copy -movflags +faststart fast.mp4");
	make("webm", FF SRC "-c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 200k -c:a libopus ok.webm");
	make("silent vp8 webm",
	     FF "-f lavfi -i testsrc=size=320x240:rate=25 -t 2 -c:v libvpx -deadline realtime "
		"-b:v 200k silent.webm");
	/* as a live recording (a browser's MediaRecorder) writes it: no duration, no index */
	make("live webm", FF "-i ok.webm -c copy -live 1 live.webm");
	make("mkv", FF "-i ok.mp4 -c copy ok.mkv");
	make("vp9 mkv", FF "-i ok.webm -c copy vp9.mkv");
	make("avi", FF "-i ok.mp4 -c copy ok.avi");
	make("mp3", FF "-f lavfi -i sine -t 2 -c:a libmp3lame ok.mp3");
	make("mp4 with mp3 sound",
	     FF SRC "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a libmp3lame mp3.mp4");
	make("ac3 mp4", FF SRC "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -c:a ac3 ac3.mp4");
	make("10-bit mp4", FF SRC "-c:v libx264 -preset ultrafast -pix_fmt yuv420p10le -an hi10.mp4");
	make("sound only", FF "-f lavfi -i sine -t 2 -c:a aac sound.m4a");
	/* files that would make other demuxers read other files: never opened by them */
	make("playlist",
	     "printf '#EXTM3U\\n#EXT-X-TARGETDURATION:10\\n#EXTINF:3,\\nok.mp4\\n#EXT-X-ENDLIST\\n' "
	     "> list.mp4 && cp list.mp4 list.m3u8");
	make("concat script", "printf 'ffconcat version 1.0\\nfile ok.mp4\\nfile ok.mp4\\n' > cat.mp4");
	make("image", FF "-f lavfi -i testsrc=size=320x240 -frames:v 1 -f image2 -c:v png picture.mp4");
	/* an MP4 whose index claims 200 MB (a hole of zeros): refused before libavformat reads it */
	make("huge index", "printf '\\000\\000\\000\\040ftypisom\\000\\000\\002\\000isomiso2avc1mp41"
			   "\\014\\200\\000\\000moov' > index.mp4 && truncate -s 210M index.mp4");
	make("text", "printf 'Not a video at all, just words.\\n%.0s' $(seq 1 400) > text.mp4");
	make("first 10 KB", "head -c 10240 ok.mp4 > head.mp4");
	make("first 10 KB, moov first", "head -c 10240 fast.mp4 > fasthead.mp4");
	make("moov cut off", "head -c $(( $(stat -c %s ok.mp4) - 3000 )) ok.mp4 > nomoov.mp4");
	make("black then testsrc", FF "-f lavfi -i color=black:size=320x240:rate=25:duration=1 -f lavfi -i "
				      "testsrc=size=320x240:rate=25:duration=2 -filter_complex "
				      "'[0:v][1:v]concat=n=2:v=1:a=0' -c:v libx264 "
				      "-preset ultrafast -pix_fmt yuv420p black.mp4");
	make("all black",
	     FF "-f lavfi -i color=black:size=320x240:rate=25:duration=2 -c:v libx264 -preset ultrafast "
		"-pix_fmt yuv420p allblack.mp4");
	make("turned", FF "-i ok.mp4 -c copy -metadata:s:v:0 rotate=90 turned.mp4");
	make("wide pixels",
	     FF "-f lavfi -i testsrc=size=320x240:rate=25 -t 2 -vf setsar=2 -c:v libx264 -preset "
		"ultrafast -pix_fmt yuv420p sar.mp4");
	make("large", FF "-f lavfi -i testsrc=size=2560x1440:rate=25 -t 1 -c:v libx264 -preset ultrafast "
			 "-pix_fmt yuv420p large.mp4");
	/* the frames ffmpeg itself shows at those times (turned as a player turns them) */
	make("ffmpeg's frame", FF "-ss 1 -i ok.mp4 -frames:v 1 ref.png");
	make("ffmpeg's turned frame", FF "-ss 0.5 -i turned.mp4 -frames:v 1 turned.png");
	/* one key frame, then 20 s of red and 10 s of blue: a poster at 25 s would need 625 packets */
	make(
	    "one key frame", FF
	    "-f lavfi -i color=red:size=160x120:rate=25:duration=20 -f lavfi -i "
	    "color=blue:size=160x120:rate=25:duration=10 -filter_complex '[0:v][1:v]concat=n=2:v=1:a=0' -c:v "
	    "libx264 -preset ultrafast -g 1000 -keyint_min 1000 -sc_threshold 0 -pix_fmt yuv420p onekey.mp4");
	make("a key frame at 20 s",
	     FF "-i onekey.mp4 -c:v libx264 -preset ultrafast -g 1000 -keyint_min 1000 "
		"-sc_threshold 0 -force_key_frames 20 -pix_fmt yuv420p keyed.mp4");
	/* a 2 GB file: the small MP4 followed by a sparse hole the probe must not read */
	make("2 GB", "cp ok.mp4 big.mp4 && truncate -s 2G big.mp4");
}

static void probe_ok(const char *name, const char *container, const char *vc, const char *ac, int64_t ms,
		     int w, int h)
{
	struct video_info vi;
	struct msg err = {0};
	int rc = video_probe(at(name), &vi, &err);
	if (rc != 0)
		fprintf(stderr, "%s: %s\n", name, msg_en(&err));
	CHECK(rc == 0);
	CHECK_STR(vi.container, container);
	CHECK_STR(vi.video_codec, vc);
	CHECK_STR(vi.audio_codec, ac);
	CHECK(vi.duration_ms > ms - 100 && vi.duration_ms < ms + 100);
	CHECK(vi.width == w && vi.height == h);
	CHECK(vi.bytes == file_size(name));
}

static void probe_refused(const char *name, const char *says)
{
	struct video_info vi;
	struct msg m = {0};
	CHECK(video_probe(at(name), &vi, &m) == -1);
	CHECK(m.key && strncmp(m.key, "admin.media.error.video.", 24) == 0);
	const char *err = msg_en(&m);
	CHECK_CONTAINS(err, says);
	CHECK(strchr(err, '{') == NULL && err[strlen(err) - 1] == '.'); /* a whole sentence */
	CHECK(vi.container[0] == '\0');
}

static void test_probe_playable(void)
{
	probe_ok("ok.mp4", "mp4", "h264", "aac", 3000, 320, 240);
	probe_ok("fast.mp4", "mp4", "h264", "aac", 3000, 320, 240);
	probe_ok("mp3.mp4", "mp4", "h264", "mp3", 3000, 320, 240);
	probe_ok("ok.webm", "webm", "vp9", "opus", 3000, 320, 240);
	probe_ok("silent.webm", "webm", "vp8", "", 2000, 320, 240);
	probe_ok("turned.mp4", "mp4", "h264", "aac", 3000, 240, 320); /* as shown: turned a quarter */
	probe_ok("sar.mp4", "mp4", "h264", "", 2000, 640, 240);	      /* pixels twice as wide as high */
}

static void test_probe_refused(void)
{
	probe_refused("ok.mkv", "Matroska (MKV)");
	probe_refused("vp9.mkv", "Matroska (MKV)"); /* WebM's codecs, but not a WebM file */
	probe_refused("ok.avi", "it is an AVI file");
	probe_refused("ok.mp3", "MP3 audio, not a video");
	probe_refused("ac3.mp4", "its sound is AC-3 (Dolby Digital)");
	probe_refused("hi10.mp4", "10-bit");
	probe_refused("live.webm", "The video has no duration");
	probe_refused("sound.m4a", "no video track");
	probe_refused("list.mp4", "not a video Plenary can play");
	probe_refused("list.m3u8", "not a video Plenary can play");
	probe_refused("cat.mp4", "not a video Plenary can play");
	probe_refused("picture.mp4", "an image, not a video: upload it as an image");
	probe_refused("index.mp4", "index is 200 MB; Plenary takes videos whose index is at most 32 MB");
	probe_refused("text.mp4", "damaged or not a video");
	probe_refused("nomoov.mp4", "damaged or not a video");
	probe_refused("head.mp4", "damaged or not a video");
	probe_refused("absent.mp4", "could not be read on the server");
	probe_refused(".", "could not be read on the server"); /* a folder */
	/* cut after its index: the index says where its frames are; its poster is refused */
	probe_refused("fasthead.mp4", "The file is cut short");
	struct msg err = {0};
	CHECK(video_poster(at("fasthead.mp4"), 0, at("fasthead.jpg"), &err) == -1);
	CHECK(err.key != NULL);
	CHECK(file_size("fasthead.jpg") == -1);
}

/* Every file cut short anywhere: refused with a sentence or probed, its poster written or refused; no crash
 * (run under the sanitizers by make check). */
static void test_cut_anywhere(void)
{
	static const char *const videos[] = {"ok.mp4", "fast.mp4", "ok.webm"};
	static const long cuts[] = {1, 12, 40, 100, 1000, 5000, 20000, 50000, 90000};
	for (size_t v = 0; v < sizeof videos / sizeof *videos; v++)
		for (size_t c = 0; c < sizeof cuts / sizeof *cuts; c++) {
			if (cuts[c] >= file_size(videos[v]))
				continue;
			CHECK(sh("head -c %ld %s > cut", cuts[c], videos[v]) == 0);
			struct video_info vi;
			struct msg err = {0};
			int rc = video_probe(at("cut"), &vi, &err);
			CHECK(rc == 0 ? err.key == NULL && vi.duration_ms > 0 : err.key != NULL);
			err.key = NULL;
			rc = video_poster(at("cut"), 500, at("cut.jpg"), &err);
			CHECK(rc == 0 ? file_size("cut.jpg") > 0 : err.key != NULL);
			unlink(at("cut.jpg"));
		}
}

static void test_probe_other_codecs(void)
{
	if (have_encoder("libx265")) {
		make("hevc",
		     FF SRC "-c:v libx265 -preset ultrafast -x265-params log-level=error -pix_fmt yuv420p "
			    "-c:a aac hevc.mp4");
		probe_refused("hevc.mp4", "its video is HEVC (H.265), which most browsers cannot play");
	} else {
		fprintf(stderr, "no libx265 encoder: the HEVC file is not tried\n");
	}
	if (have_encoder("mpeg4")) {
		make("mpeg4", FF SRC "-c:v mpeg4 -c:a aac mpeg4.mp4");
		probe_refused("mpeg4.mp4", "its video is MPEG-4 part 2");
	} else {
		fprintf(stderr, "no mpeg4 encoder: the MPEG-4 part 2 file is not tried\n");
	}
	if (have_encoder("libaom-av1") || have_encoder("libsvtav1")) {
		make("av1 mp4",
		     FF "-f lavfi -i testsrc=size=320x240:rate=25 -t 1 -c:v libaom-av1 -cpu-used 8 "
			"-row-mt 1 -b:v 200k av1.mp4");
		probe_ok("av1.mp4", "mp4", "av1", "", 1000, 320, 240);
	}
}

static double ms_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) * 1e3 + (double)(t1.tv_nsec - t0->tv_nsec) / 1e6;
}

static void test_probe_large_file_is_quick(void)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	struct video_info vi;
	struct msg err = {0};
	CHECK(video_probe(at("big.mp4"), &vi, &err) == 0);
	double took = ms_since(&t0);
	CHECK(took < 500);
	CHECK(vi.bytes == 2LL * 1024 * 1024 * 1024);
	CHECK(vi.duration_ms > 2900 && vi.duration_ms < 3100);
	if (took >= 500)
		fprintf(stderr, "probing a 2 GB file took %.0f ms\n", took);
}

/* The JPEG's size and mean brightness, read back through libvips. 0, or -1 if it is no JPEG. */
static int read_jpeg(const char *name, int *w, int *h, double *mean)
{
	FILE *f = fopen(at(name), "rb");
	unsigned char head[3] = {0};
	size_t n = f ? fread(head, 1, 3, f) : 0;
	if (f)
		fclose(f);
	if (n != 3 || head[0] != 0xFF || head[1] != 0xD8 || head[2] != 0xFF)
		return -1;
	VipsImage *img = vips_image_new_from_file(at(name), NULL);
	if (!img)
		return -1;
	*w = vips_image_get_width(img);
	*h = vips_image_get_height(img);
	int rc = vips_avg(img, mean, NULL);
	g_object_unref(img);
	return rc == 0 ? 0 : -1;
}

static void poster_ok(const char *video, int64_t at_ms, const char *jpeg, int want_w, int want_h, int bright)
{
	struct msg err = {0};
	int rc = video_poster(at(video), at_ms, at(jpeg), &err);
	if (rc != 0)
		fprintf(stderr, "%s: %s\n", video, msg_en(&err));
	CHECK(rc == 0);
	int w = 0, h = 0;
	double mean = -1;
	CHECK(read_jpeg(jpeg, &w, &h, &mean) == 0);
	CHECK(w == want_w && h == want_h);
	if (bright)
		CHECK(mean > 40);
	else
		CHECK(mean < 16);
	if (w != want_w || h != want_h || (bright && mean <= 40))
		fprintf(stderr, "%s: poster %d × %d, mean %.1f\n", video, w, h, mean);
}

static void test_poster(void)
{
	poster_ok("ok.mp4", 1000, "ok.jpg", 320, 240, 1);
	poster_ok("ok.webm", 0, "webm.jpg", 320, 240, 1);
	poster_ok("ok.mp4", 999999, "late.jpg", 320, 240, 1);	   /* past the end: from the start */
	poster_ok("black.mp4", 0, "black.jpg", 320, 240, 1);	   /* its first second is black: skipped */
	poster_ok("allblack.mp4", 0, "allblack.jpg", 320, 240, 0); /* nothing better: black it is */
	poster_ok("turned.mp4", 500, "turned.jpg", 240, 320, 1);
	poster_ok("sar.mp4", 500, "sar.jpg", 640, 240, 1);
	poster_ok("large.mp4", 0, "large.jpg", 1920, 1080, 1); /* at most 1920 wide */
	poster_ok("big.mp4", 0, "big.jpg", 320, 240, 1);
	poster_ok("live.webm", 0, "live.jpg", 320, 240, 1); /* without an index: read from the start */
	/* a poster replaces the file whole; nothing else is left in the folder */
	poster_ok("ok.mp4", 1000, "again.jpg", 320, 240, 1);
	poster_ok("black.mp4", 0, "again.jpg", 320, 240, 1);
	CHECK(sh("test $(ls | grep -c 'jpg\\.') -eq 0") == 0);

	struct msg err = {0};
	CHECK(video_poster(at("text.mp4"), 0, at("text.jpg"), &err) == -1);
	CHECK_CONTAINS(msg_en(&err), "damaged or not a video");
	CHECK(video_poster(at("ok.mp3"), 0, at("mp3.jpg"), &err) == -1);
	CHECK_STR(err.key, "admin.media.error.video.format_known");
	CHECK_STR(msg_get(&err, "format"), "admin.media.error.video.format.mp3");
	CHECK_CONTAINS(msg_en(&err), "it is MP3 audio, not a video.");
	CHECK(video_poster(at("ok.mp4"), 0, "/nonexistent-folder/p.jpg", &err) == -1);
	CHECK_STR(err.key, "admin.media.error.video.poster_not_writable");
	CHECK_CONTAINS(msg_en(&err), "not writable");
	CHECK(file_size("text.jpg") == -1 && file_size("mp3.jpg") == -1);
}

/* The mean of one band (0 red, 1 green, 2 blue) of an image. */
static double band_mean(const char *name, int band)
{
	VipsImage *img = vips_image_new_from_file(at(name), NULL), *one = NULL;
	double mean = -1;
	if (img && vips_extract_band(img, &one, band, NULL) == 0 && vips_avg(one, &mean, NULL) != 0)
		mean = -1;
	if (one)
		g_object_unref(one);
	if (img)
		g_object_unref(img);
	return mean;
}

static void test_poster_packet_budget(void)
{
	/* the reading stops after VIDEO_POSTER_MAX_PACKETS (12 s of it): the last frame decoded is the poster
	 */
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	poster_ok("onekey.mp4", 25000, "onekey.jpg", 160, 120, 1);
	CHECK(band_mean("onekey.jpg", 0) > 200 && band_mean("onekey.jpg", 2) < 60); /* red, not blue */
	CHECK(ms_since(&t0) < 5000);
	/* with a key frame at 20 s the time asked is within reach: blue */
	poster_ok("keyed.mp4", 25000, "keyed.jpg", 160, 120, 1);
	CHECK(band_mean("keyed.jpg", 2) > 200 && band_mean("keyed.jpg", 0) < 60);
}

/* The mean difference of two images' pixels, 0 to 255 (-1 if they cannot be compared). */
static double difference(const char *a, const char *b)
{
	VipsImage *x = vips_image_new_from_file(at(a), NULL), *y = vips_image_new_from_file(at(b), NULL);
	VipsImage *d = NULL, *ad = NULL;
	double mean = -1;
	if (x && y && vips_image_get_width(x) == vips_image_get_width(y) &&
	    vips_image_get_height(x) == vips_image_get_height(y) && vips_subtract(x, y, &d, NULL) == 0 &&
	    vips_abs(d, &ad, NULL) == 0 && vips_avg(ad, &mean, NULL) != 0)
		mean = -1;
	VipsImage *all[] = {x, y, d, ad};
	for (size_t i = 0; i < 4; i++)
		if (all[i])
			g_object_unref(all[i]);
	return mean;
}

static void test_poster_is_the_frame(void)
{
	/* the same picture as ffmpeg's, up to JPEG's losses: right time, colours and way up */
	double same = difference("ok.jpg", "ref.png"), turned = difference("turned.jpg", "turned.png");
	CHECK(same >= 0 && same < 6);
	CHECK(turned >= 0 && turned < 6);
	/* and the comparison can tell: the frame turned the other way is far off */
	CHECK(sh("ffmpeg -nostdin -v error -y -i turned.png -vf hflip,vflip upside.png") == 0);
	CHECK(difference("turned.jpg", "upside.png") > 20);
	if (same < 0 || same >= 6 || turned < 0 || turned >= 6)
		fprintf(stderr, "poster against ffmpeg's frame: %.2f, turned %.2f, upside %.2f\n", same,
			turned, difference("turned.jpg", "upside.png"));
}

struct job {
	char video[1024], jpeg[1024]; /* whole paths: at() is not for threads */
	int probed, postered;
};

static void *run_job(void *arg)
{
	struct job *j = arg;
	for (int i = 0; i < 3; i++) {
		struct video_info vi;
		struct msg err;
		j->probed += video_probe(j->video, &vi, &err) == 0 && vi.width == 320;
		j->postered += video_poster(j->video, 500, j->jpeg, &err) == 0;
	}
	return NULL;
}

static void test_two_at_once(void)
{
	struct job a = {0}, b = {0};
	snprintf(a.video, sizeof a.video, "%s", at("ok.mp4"));
	snprintf(a.jpeg, sizeof a.jpeg, "%s", at("a.jpg"));
	snprintf(b.video, sizeof b.video, "%s", at("ok.webm"));
	snprintf(b.jpeg, sizeof b.jpeg, "%s", at("b.jpg"));
	pthread_t ta, tb;
	CHECK(pthread_create(&ta, NULL, run_job, &a) == 0);
	CHECK(pthread_create(&tb, NULL, run_job, &b) == 0);
	pthread_join(ta, NULL);
	pthread_join(tb, NULL);
	CHECK(a.probed == 3 && a.postered == 3 && b.probed == 3 && b.postered == 3);
}

int main(void)
{
	setenv("VIPS_WARNING", "0", 0);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(test_ffmpeg_present);
	RUN(make_fixtures);
	RUN(test_probe_playable);
	RUN(test_probe_refused);
	RUN(test_cut_anywhere);
	RUN(test_probe_other_codecs);
	RUN(test_probe_large_file_is_quick);
	RUN(test_poster);
	RUN(test_poster_is_the_frame);
	RUN(test_poster_packet_budget);
	RUN(test_two_at_once);
	sh("rm -rf '%s'", dir);
	return unit_done("video_probe");
}
