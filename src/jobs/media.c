/* media: image uploads: type from the bytes, a content hash, and libvips renditions in responsive widths,
 * read from the uploaded file on disk. */
#include "jobs/media.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vips/vips.h>
#include <webp/demux.h>
#include <webp/mux.h>

#include "core/log.h"
#include "http/workq.h"

static const int standard_widths[MEDIA_MAX_WIDTHS] = {320, 640, 960, 1280, 1920};

const char *media_sniff(const void *bytes, size_t n)
{
	const unsigned char *p = bytes;
	if (n >= 4 && p[0] == 0xFF && p[1] == 0xD8 && p[2] == 0xFF)
		return "jpeg";
	if (n >= 8 && memcmp(p, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "png";
	if (n >= 16 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WEBPVP8", 7) == 0)
		return "webp";
	return NULL;
}

const char *media_ext(const char *kind)
{
	if (!kind)
		return NULL;
	if (strcmp(kind, "jpeg") == 0)
		return "jpg";
	if (strcmp(kind, "png") == 0 || strcmp(kind, "webp") == 0)
		return kind;
	return NULL;
}

const char *media_file_type(const char *name)
{
	size_t i = 0;
	for (; i < MEDIA_HASH_LEN; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
			return NULL;
	if (name[i++] != '-')
		return NULL;
	size_t digits = 0;
	for (; name[i] >= '0' && name[i] <= '9'; i++)
		digits++;
	if (digits < 1 || digits > 4 || name[i] != '.')
		return NULL;
	const char *ext = name + i + 1;
	if (strcmp(ext, "jpg") == 0)
		return "image/jpeg";
	if (strcmp(ext, "png") == 0)
		return "image/png";
	if (strcmp(ext, "webp") == 0)
		return "image/webp";
	return NULL;
}

const char *media_video_type(const char *name)
{
	for (size_t i = 0; i < MEDIA_HASH_LEN; i++)
		if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'f')))
			return NULL;
	const char *ext = name + MEDIA_HASH_LEN;
	return strcmp(ext, ".mp4") == 0 ? "video/mp4" : strcmp(ext, ".webm") == 0 ? "video/webm" : NULL;
}

void media_hash(const void *bytes, size_t n, char out[MEDIA_HASH_LEN + 1])
{
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, bytes, n);
	sodium_bin2hex(out, MEDIA_HASH_LEN + 1, digest, MEDIA_HASH_LEN / 2);
}

int media_hash_file(int fd, char out[MEDIA_HASH_LEN + 1], int64_t *size)
{
	crypto_hash_sha256_state st;
	crypto_hash_sha256_init(&st);
	unsigned char buf[64 * 1024]; /* the file streams through: never whole in memory */
	int64_t off = 0;
	for (;;) {
		ssize_t k = pread(fd, buf, sizeof buf, (off_t)off);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return log_error("media: cannot read an upload: %s", strerror(errno)), -1;
		if (k == 0)
			break;
		crypto_hash_sha256_update(&st, buf, (unsigned long long)k);
		off += k;
	}
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_final(&st, digest);
	sodium_bin2hex(out, MEDIA_HASH_LEN + 1, digest, MEDIA_HASH_LEN / 2);
	*size = off;
	return 0;
}

size_t media_widths(int64_t width, int out[MEDIA_MAX_WIDTHS])
{
	size_t n = 0;
	int largest = width < standard_widths[MEDIA_MAX_WIDTHS - 1] ? (int)width
								    : standard_widths[MEDIA_MAX_WIDTHS - 1];
	for (size_t i = 0; i < MEDIA_MAX_WIDTHS && standard_widths[i] < largest; i++)
		out[n++] = standard_widths[i];
	out[n++] = largest > 0 ? largest : 1;
	return n;
}

void media_url(const char *hash, const char *kind, int width, char *out, size_t n)
{
	snprintf(out, n, "/media/%s-%d.%s", hash, width, media_ext(kind) ? media_ext(kind) : "bin");
}

static pthread_once_t vips_once = PTHREAD_ONCE_INIT;

static void vips_setup(void)
{
	if (VIPS_INIT("plenary") != 0)
		die("libvips would not start: %s", vips_error_buffer());
	vips_block_untrusted_set(TRUE); /* only the loaders chosen below, never e.g. SVG or PDF */
	vips_cache_set_max(0);		/* every upload is new: nothing to gain from an operation cache */
	vips_concurrency_set(1);	/* one thread per upload; the event loops keep the other cores */
}

void media_vips_start(void)
{
	pthread_once(&vips_once, vips_setup);
}

static int write_file(const char *dir, const char *name, const void *data, size_t n)
{
	char path[1024], tmp[1040];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	/* a name of its own: two uploads of the same bytes may be resized at once into the same files */
	snprintf(tmp, sizeof tmp, "%s.XXXXXX", path);
	int fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return log_error("media: cannot write %s: %s", tmp, strerror(errno)), -1;
	if (fchmod(fd, 0644) != 0) {
		log_error("media: cannot write %s: %s", tmp, strerror(errno));
		close(fd);
		unlink(tmp);
		return -1;
	}
	const char *p = data;
	while (n) {
		ssize_t k = write(fd, p, n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			log_error("media: cannot write %s: %s", tmp, strerror(errno));
			close(fd);
			unlink(tmp);
			return -1;
		}
		p += k;
		n -= (size_t)k;
	}
	if (fsync(fd) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
		log_error("media: cannot store %s: %s", path, strerror(errno));
		unlink(tmp);
		return -1;
	}
	return 0;
}

/* A WebP rendition without its EXIF, XMP and ICC chunks: this libvips' webpsave writes an EXIF chunk of its
 * own even for an image without metadata. libwebpmux takes the container apart and puts it back together
 * (VP8X flags and sizes included); buf (g_malloc'd by libvips) is replaced. */
static int webp_without_metadata(void **buf, size_t *len)
{
	WebPData in = {*buf, *len}, out;
	WebPDataInit(&out);
	WebPMux *mux = WebPMuxCreate(&in, 0);
	if (!mux)
		return -1;
	static const char *const metadata[] = {"EXIF", "XMP ", "ICCP"};
	int ok = 1;
	for (size_t i = 0; i < sizeof metadata / sizeof *metadata; i++) {
		WebPMuxError e = WebPMuxDeleteChunk(mux, metadata[i]);
		ok = ok && (e == WEBP_MUX_OK || e == WEBP_MUX_NOT_FOUND);
	}
	ok = ok && WebPMuxAssemble(mux, &out) == WEBP_MUX_OK;
	WebPMuxDelete(mux);
	if (!ok) {
		WebPDataClear(&out);
		return -1;
	}
	void *copy = g_malloc(out.size);
	memcpy(copy, out.bytes, out.size);
	g_free(*buf);
	*buf = copy;
	*len = out.size;
	WebPDataClear(&out);
	return 0;
}

/* every metadata item libvips carries (EXIF and its GPS fields, XMP, IPTC, ICC, PNG text, comments) is
 * removed from the image itself: this libvips' webpsave writes EXIF, XMP and ICC even with "strip" */
static int save_buffer(VipsImage *img, const char *kind, void **buf, size_t *len)
{
	VipsImage *bare = NULL;
	if (vips_copy(img, &bare, NULL) != 0)
		return -1;
	gchar **names = vips_image_get_fields(bare);
	for (gchar **n = names; n && *n; n++)
		vips_image_remove(bare, *n); /* the header's own fields (width, bands...) are not removable */
	g_strfreev(names);
	int rc;
	if (strcmp(kind, "jpeg") == 0)
		rc = vips_jpegsave_buffer(bare, buf, len, "Q", 82, "strip", TRUE, "optimize_coding", TRUE,
					  "interlace", TRUE, NULL);
	else if (strcmp(kind, "png") == 0)
		rc = vips_pngsave_buffer(bare, buf, len, "strip", TRUE, "compression", 6, NULL);
	else
		rc = vips_webpsave_buffer(bare, buf, len, "Q", 80, "strip", TRUE, NULL);
	if (rc == 0 && strcmp(kind, "webp") == 0 && webp_without_metadata(buf, len) != 0) {
		vips_error("plenary", "libwebpmux could not take the WebP rendition apart");
		rc = -1;
	}
	g_object_unref(bare);
	return rc;
}

static int header_check(const char *path, const char *kind, struct msg *err)
{
	VipsImage *probe = NULL;
	int rc = strcmp(kind, "jpeg") == 0  ? vips_jpegload(path, &probe, NULL)
		 : strcmp(kind, "png") == 0 ? vips_pngload(path, &probe, NULL)
					    : vips_webpload(path, &probe, NULL);
	if (rc != 0) {
		return msg_set(err, "admin.media.error.unreadable", "kind",
			       kind[0] == 'j'	? "JPEG"
			       : kind[0] == 'p' ? "PNG"
						: "WebP",
			       NULL);
	}
	long long w = vips_image_get_width(probe), h = vips_image_get_height(probe);
	g_object_unref(probe);
	if (w < 1 || h < 1 || w > 20000 || h > 20000 || w * h > MEDIA_MAX_PIXELS) {
		msg_set(err, "admin.media.error.too_many_pixels", NULL);
		msg_int(err, "width", w);
		msg_int(err, "height", h);
		return msg_int(err, "max", MEDIA_MAX_PIXELS / 1000000);
	}
	return 0;
}

int media_process(const char *path, const char *kind, const char *dir, const char *hash, int *width,
		  int *height, struct msg *err)
{
	media_vips_start();
	if (!media_ext(kind)) {
		return msg_set(err, "admin.media.error.kinds", NULL);
	}
	if (header_check(path, kind, err) != 0) {
		vips_error_clear();
		return -1;
	}
	/* the largest rendition, upright and in sRGB, decoded once and kept in memory for the smaller ones:
	 * no ICC profile is kept (save_buffer): untagged renditions are read as sRGB */
	VipsImage *big = NULL, *mem = NULL;
	int largest = standard_widths[MEDIA_MAX_WIDTHS - 1];
	/* a file cut short or with broken data is refused, not stored half grey */
	if (vips_thumbnail(path, &big, largest, "height", VIPS_MAX_COORD, "size", VIPS_SIZE_DOWN, "fail_on",
			   VIPS_FAIL_ON_ERROR, NULL) != 0 ||
	    !(mem = vips_image_copy_memory(big))) {
		log_info("media: libvips could not decode an upload: %s", vips_error_buffer());
		vips_error_clear();
		if (big)
			g_object_unref(big);
		return msg_set(err, "admin.media.error.undecodable", NULL);
	}
	g_object_unref(big);
	*width = vips_image_get_width(mem);
	*height = vips_image_get_height(mem);
	int ws[MEDIA_MAX_WIDTHS];
	size_t nw = media_widths(*width, ws);
	int rc = 0;
	for (size_t i = 0; i < nw && rc == 0; i++) {
		VipsImage *one = NULL;
		void *buf = NULL;
		size_t len = 0;
		char name[96];
		snprintf(name, sizeof name, "%s-%d.%s", hash, ws[i], media_ext(kind));
		if (ws[i] == *width) {
			one = mem;
			g_object_ref(one);
		} else if (vips_thumbnail_image(mem, &one, ws[i], "height", VIPS_MAX_COORD, "size",
						VIPS_SIZE_DOWN, NULL) != 0) {
			rc = -1;
		}
		if (rc == 0 && save_buffer(one, kind, &buf, &len) != 0)
			rc = -1;
		if (rc == 0 && write_file(dir, name, buf, len) != 0) {
			msg_set(err, "admin.media.error.not_writable", NULL);
			rc = -2;
		}
		g_free(buf);
		if (one)
			g_object_unref(one);
	}
	g_object_unref(mem);
	if (rc == -1) {
		log_error("media: libvips could not encode a rendition: %s", vips_error_buffer());
		msg_set(err, "admin.media.error.unconvertible", NULL);
	}
	vips_error_clear();
	if (rc != 0)
		media_remove(dir, hash, kind, *width);
	return rc ? -1 : 0;
}

void media_remove(const char *dir, const char *hash, const char *kind, int64_t width)
{
	int ws[MEDIA_MAX_WIDTHS];
	size_t nw = media_widths(width, ws);
	for (size_t i = 0; i < nw; i++) {
		char path[1024];
		snprintf(path, sizeof path, "%s/%s-%d.%s", dir, hash, ws[i],
			 media_ext(kind) ? media_ext(kind) : "x");
		unlink(path);
	}
}

static struct workq *images;

void image_queue_start(int threads, int depth)
{
	/* one account's uploads take at most half of it (rounded up): an editor's batch leaves room for
	 * others */
	images = workq_start("image", threads, depth, 0, (depth + 1) / 2);
}

void image_queue_stop(void)
{
	workq_stop(images);
	images = NULL;
}

struct workq *image_queue(void)
{
	return images;
}

/* Whether a WebP file carries an ICC profile, EXIF or XMP, as its container's flags say: libwebpdemux reads
 * them from the file's first bytes (the VP8X header), so the rest is read only when there is work. */
static int webp_has_metadata(int fd)
{
	unsigned char head[64];
	ssize_t n = pread(fd, head, sizeof head, 0);
	if (n <= 0)
		return 0;
	WebPData in = {head, (size_t)n};
	WebPDemuxState state;
	WebPDemuxer *demux = WebPDemuxPartial(&in, &state);
	uint32_t flags =
	    demux && state >= WEBP_DEMUX_PARSED_HEADER ? WebPDemuxGetI(demux, WEBP_FF_FORMAT_FLAGS) : 0;
	WebPDemuxDelete(demux);
	return (flags & (ICCP_FLAG | EXIF_FLAG | XMP_FLAG)) != 0;
}

int media_strip_existing(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	int fixed = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		const char *type = media_file_type(e->d_name);
		if (!type || strcmp(type, "image/webp") != 0)
			continue;
		int fd = openat(dirfd(d), e->d_name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		struct stat st;
		if (fd < 0)
			continue;
		if (webp_has_metadata(fd) && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
		    st.st_size <= 64L * 1024 * 1024) {
			size_t len = (size_t)st.st_size;
			void *buf = g_malloc(len);
			if (pread(fd, buf, len, 0) != (ssize_t)len ||
			    webp_without_metadata(&buf, &len) != 0 ||
			    write_file(dir, e->d_name, buf, len) != 0)
				log_warn("media: could not strip the metadata of %s/%s", dir, e->d_name);
			else
				fixed++;
			g_free(buf);
		}
		close(fd);
	}
	closedir(d);
	if (fixed)
		log_info("media: metadata stripped from %d WebP renditions written before it was", fixed);
	return fixed;
}
