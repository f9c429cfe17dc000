/* test_media: an upload's type from its bytes, the names /media/ serves, rendition widths, multipart bodies
 * read through GMime, and libvips renditions of a PNG made here byte by byte. */
#include <dirent.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "http/multipart.h"
#include "jobs/media.h"
#include "jobs/uploads.h"
#include "msg_en.h"
#include "unit.h"

static h2o_mem_pool_t pool;

/* ---- media_sniff --------------------------------------------------------------------------------------- */

#define SNIFF(lit) media_sniff(lit, sizeof lit - 1)

static void test_sniff(void)
{
	CHECK_STR(SNIFF("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00"), "jpeg");
	CHECK_STR(SNIFF("\xFF\xD8\xFF\xE1\x12\x34"
			"Exif\x00\x00"),
		  "jpeg");
	CHECK_STR(SNIFF("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR"), "png");
	CHECK_STR(SNIFF("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"), "webp");
	CHECK_STR(SNIFF("RIFF\x24\x00\x00\x00WEBPVP8L\x18\x00\x00\x00"), "webp");
	CHECK_STR(SNIFF("RIFF\x24\x00\x00\x00WEBPVP8X\x0a\x00\x00\x00"), "webp");

	/* lookalikes: whatever the name or the claimed type, these are not images Plenary takes */
	CHECK(SNIFF("<!DOCTYPE html><html><script>alert(1)</script>") == NULL);
	CHECK(SNIFF("GIF89a\x01\x00\x01\x00\x80\x00\x00") == NULL);
	CHECK(SNIFF("GIF87a\x01\x00\x01\x00") == NULL);
	CHECK(SNIFF("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>") == NULL);
	CHECK(SNIFF("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>") == NULL);
	CHECK(SNIFF("RIFF\x24\x00\x00\x00WAVEfmt \x10\x00\x00\x00") == NULL);
	CHECK(SNIFF("RIFF\x24\x00\x00\x00WEBPXXXX\x00\x00\x00\x00") == NULL); /* not a VP8 chunk */
	CHECK(SNIFF("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n") == NULL);
	CHECK(SNIFF("BM\x3a\x00\x00\x00\x00\x00\x00\x00") == NULL);
	CHECK(SNIFF("II*\x00\x08\x00\x00\x00") == NULL); /* TIFF */
	CHECK(SNIFF(" \xFF\xD8\xFF\xE0") == NULL);	 /* a magic number counts only at the start */
	CHECK(SNIFF("\x89PNG\r\n\x1a\x00") == NULL);	 /* one byte off */
	CHECK(SNIFF("\x89png\r\n\x1a\n") == NULL);

	/* truncated headers: too short to be sure */
	CHECK(media_sniff("", 0) == NULL);
	CHECK(SNIFF("\xFF") == NULL);
	CHECK(SNIFF("\xFF\xD8") == NULL);
	CHECK(SNIFF("\xFF\xD8\xFF") == NULL);
	CHECK(SNIFF("\x89PNG\r\n\x1a") == NULL);
	CHECK(SNIFF("RIFF\x24\x00\x00\x00WEBPVP8") == NULL); /* 15 bytes */
	CHECK(SNIFF("RIFF") == NULL);
	/* only n bytes are looked at, whatever follows them in memory */
	CHECK(media_sniff("\x89PNG\r\n\x1a\nIHDR", 7) == NULL);
	CHECK(media_sniff("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00", 15) == NULL);

	CHECK_STR(media_ext("jpeg"), "jpg");
	CHECK_STR(media_ext("png"), "png");
	CHECK_STR(media_ext("webp"), "webp");
	CHECK(media_ext("gif") == NULL);
	CHECK(media_ext("") == NULL);
	CHECK(media_ext(NULL) == NULL);
}

/* ---- media_file_type, media_hash, media_url ------------------------------------------------------------ */

#define HEX32 "0123456789abcdef0123456789abcdef"

static void test_file_type(void)
{
	CHECK_STR(media_file_type(HEX32 "-320.jpg"), "image/jpeg");
	CHECK_STR(media_file_type(HEX32 "-1920.png"), "image/png");
	CHECK_STR(media_file_type(HEX32 "-1.webp"), "image/webp");
	CHECK_STR(media_file_type(HEX32 "-0640.jpg"), "image/jpeg"); /* four digits, whatever they are */

	CHECK(media_file_type("") == NULL);
	CHECK(media_file_type("../" HEX32 "-320.jpg") == NULL);
	CHECK(media_file_type("../../etc/passwd") == NULL);
	CHECK(media_file_type(HEX32 "-320.jpg/../../x.jpg") == NULL);
	CHECK(media_file_type(HEX32 "-320/../x.jpg") == NULL);
	CHECK(media_file_type("0123456789ABCDEF0123456789abcdef-320.jpg") == NULL); /* uppercase hex */
	CHECK(media_file_type("0123456789abcdef0123456789abcdeg-320.jpg") == NULL); /* not hex */
	CHECK(media_file_type("0123456789abcdef0123456789abcde-320.jpg") == NULL);  /* 31 digits */
	CHECK(media_file_type(HEX32 "0-320.jpg") == NULL);			    /* 33 digits */
	CHECK(media_file_type(HEX32 "-12345.jpg") == NULL);			    /* 5-digit width */
	CHECK(media_file_type(HEX32 "-.jpg") == NULL);				    /* no width */
	CHECK(media_file_type(HEX32 "-320") == NULL);				    /* no extension */
	CHECK(media_file_type(HEX32 "-320.") == NULL);
	CHECK(media_file_type(HEX32 "320.jpg") == NULL); /* no hyphen */
	CHECK(media_file_type(HEX32 ".jpg") == NULL);
	CHECK(media_file_type(HEX32) == NULL);
	CHECK(media_file_type("0123") == NULL);
	CHECK(media_file_type(HEX32 "-320.jpeg") == NULL);
	CHECK(media_file_type(HEX32 "-320.JPG") == NULL);
	CHECK(media_file_type(HEX32 "-320.gif") == NULL);
	CHECK(media_file_type(HEX32 "-320.svg") == NULL);
	CHECK(media_file_type(HEX32 "-320.html") == NULL);
	CHECK(media_file_type(HEX32 "-320.jpg.tmp") == NULL); /* a file being written */
	CHECK(media_file_type(HEX32 "-320.jpgx") == NULL);
	CHECK(media_file_type(HEX32 "-320.png.html") == NULL);
	CHECK(media_file_type(HEX32 "-3 0.jpg") == NULL);
	CHECK(media_file_type(HEX32 "--320.jpg") == NULL);
	CHECK(media_file_type(HEX32 "-+320.jpg") == NULL);

	char h[MEDIA_HASH_LEN + 1];
	media_hash("", 0, h); /* SHA-256 of nothing: e3b0c442 98fc1c14 9afbf4c8 996fb924 ... */
	CHECK_STR(h, "e3b0c44298fc1c149afbf4c8996fb924");
	media_hash("abc", 3, h);
	CHECK_STR(h, "ba7816bf8f01cfea414140de5dae2223");
	CHECK(strlen(h) == MEDIA_HASH_LEN);

	char url[128];
	media_url(h, "jpeg", 640, url, sizeof url);
	CHECK_STR(url, "/media/ba7816bf8f01cfea414140de5dae2223-640.jpg");
	CHECK_STR(media_file_type(url + strlen("/media/")), "image/jpeg"); /* every URL made is one served */
	media_url(h, "webp", 1920, url, sizeof url);
	CHECK_STR(url, "/media/ba7816bf8f01cfea414140de5dae2223-1920.webp");
	media_url(h, "png", 5, url, sizeof url);
	CHECK_STR(url, "/media/ba7816bf8f01cfea414140de5dae2223-5.png");
}

/* ---- media_widths ----------------------------------------------------------------------------------- */

static int widths_are(int64_t width, const int *want, size_t nwant)
{
	int got[MEDIA_MAX_WIDTHS];
	size_t n = media_widths(width, got);
	if (n != nwant) {
		fprintf(stderr, "  media_widths(%lld): %zu widths, want %zu\n", (long long)width, n, nwant);
		return 0;
	}
	for (size_t i = 0; i < n; i++)
		if (got[i] != want[i]) {
			fprintf(stderr, "  media_widths(%lld)[%zu] = %d, want %d\n", (long long)width, i,
				got[i], want[i]);
			return 0;
		}
	return 1;
}

#define WIDTHS(w, ...)                                                                                       \
	widths_are(w, (const int[]){__VA_ARGS__}, sizeof((const int[]){__VA_ARGS__}) / sizeof(int))

static void test_widths(void)
{
	CHECK(WIDTHS(100, 100));
	CHECK(WIDTHS(320, 320));
	CHECK(WIDTHS(321, 320, 321));
	CHECK(WIDTHS(1000, 320, 640, 960, 1000));
	CHECK(WIDTHS(1919, 320, 640, 960, 1280, 1919));
	CHECK(WIDTHS(1920, 320, 640, 960, 1280, 1920));
	CHECK(WIDTHS(1921, 320, 640, 960, 1280, 1920));
	CHECK(WIDTHS(5000, 320, 640, 960, 1280, 1920));
	CHECK(WIDTHS(1, 1));
	CHECK(WIDTHS(0, 1)); /* never an empty list */
	CHECK(WIDTHS(-5, 1));
	CHECK(WIDTHS(INT64_MAX, 320, 640, 960, 1280, 1920));
}

/* ---- multipart_parse -------------------------------------------------------------------------------- */

#define CT "multipart/form-data; boundary=XyZ"
#define B "--XyZ\r\n"
#define END "--XyZ--\r\n"
#define TEXT(name, value) B "Content-Disposition: form-data; name=\"" name "\"\r\n\r\n" value "\r\n"

static int parse(const char *ct, const char *body, size_t n, struct form *f, struct upload *files, size_t max,
		 size_t *nfiles)
{
	return multipart_parse(&pool, ct, body, n, f, files, max, nfiles);
}

#define PARSE(ct, lit, max) parse(ct, lit, sizeof lit - 1, &f, files, max, &nfiles)

static void test_multipart(void)
{
	struct form f;
	struct upload files[MULTIPART_MAX_FILES];
	size_t nfiles = 99;

	CHECK(multipart_is(CT) == 1);
	CHECK(multipart_is("Multipart/Form-Data; charset=utf-8; boundary=\"a b\"") == 1);
	CHECK(multipart_is("multipart/form-data") == 0);
	CHECK(multipart_is("multipart/mixed; boundary=x") == 0);
	CHECK(multipart_is("application/x-www-form-urlencoded") == 0);
	CHECK(multipart_is(NULL) == 0);

	/* text fields, in order, with the CRLF before the boundary not part of the value */
	static const char text[] = "preamble browsers never send\r\n" TEXT("form_token", "tok123")
	    TEXT("alt", "A chart of <survival> & \"response\"") TEXT("empty", "")
		TEXT("lines", "one\r\ntwo\r\n") END;
	CHECK(PARSE(CT, text, 4) == 0);
	CHECK(f.n == 4 && nfiles == 0);
	CHECK_STR(form_get(&f, "form_token"), "tok123");
	CHECK_STR(form_get(&f, "alt"), "A chart of <survival> & \"response\"");
	CHECK_STR(form_get(&f, "empty"), "");
	CHECK_STR(form_get(&f, "lines"), "one\r\ntwo\r\n");
	CHECK(f.value_len[3] == 10);

	/* a file with every awkward byte: NUL, CR, LF, a CRLF, something like a boundary, high bytes */
	static const char bin[] =
	    TEXT("alt", "x") B "Content-Disposition: form-data; name=\"file\"; filename=\"chart.png\"\r\n"
			       "Content-Type: image/png\r\n\r\n"
			       "\x89PNG\r\n\x1a\n\x00\x00\r\n--XyZ-not\r\n\xff\xfe\x00\r"
			       "\r\n" END;
	static const char want[] = "\x89PNG\r\n\x1a\n\x00\x00\r\n--XyZ-not\r\n\xff\xfe\x00\r";
	CHECK(PARSE(CT, bin, 4) == 0);
	CHECK(f.n == 1 && nfiles == 1);
	CHECK_STR(files[0].field, "file");
	CHECK_STR(files[0].filename, "chart.png");
	CHECK(files[0].len == sizeof want - 1);
	CHECK(files[0].len == sizeof want - 1 && memcmp(files[0].data, want, sizeof want - 1) == 0);
	CHECK_STR(form_get(&f, "alt"), "x");

	/* a file input left empty: a file part with an empty name and no bytes */
	static const char none[] = B "Content-Disposition: form-data; name=\"file\"; filename=\"\"\r\n"
				     "Content-Type: application/octet-stream\r\n\r\n"
				     "\r\n" TEXT("alt", "y") END;
	CHECK(PARSE(CT, none, 4) == 0);
	CHECK(nfiles == 1 && files[0].len == 0);
	CHECK_STR(files[0].filename, "");
	CHECK_STR(form_get(&f, "alt"), "y");

	/* a quoted boundary with other parameters around it */
	static const char quoted[] = "--a'b(c)\r\n"
				     "Content-Disposition: form-data; name=\"k\"\r\n\r\n"
				     "v\r\n"
				     "--a'b(c)--\r\n";
	CHECK(PARSE("multipart/form-data; charset=utf-8; boundary=\"a'b(c)\"", quoted, 4) == 0);
	CHECK_STR(form_get(&f, "k"), "v");

	/* as many files as allowed, then one too many */
	static const char four[] =
	    B "Content-Disposition: form-data; name=\"f\"; filename=\"1\"\r\n\r\n1\r\n" B
	      "Content-Disposition: form-data; name=\"f\"; filename=\"2\"\r\n\r\n2\r\n" B
	      "Content-Disposition: form-data; name=\"f\"; filename=\"3\"\r\n\r\n3\r\n" B
	      "Content-Disposition: form-data; name=\"f\"; filename=\"4\"\r\n\r\n4\r\n" END;
	CHECK(PARSE(CT, four, 4) == 0);
	CHECK(nfiles == 4 && files[3].len == 1 && files[3].data[0] == '4');
	CHECK(PARSE(CT, four, 3) == -1);
	CHECK(PARSE(CT, four, 0) == -1);

	/* more parts than a form may have */
	size_t cap = (FORM_MAX_FIELDS + 2) * 64, n = 0;
	char *many = malloc(cap);
	for (int i = 0; i < FORM_MAX_FIELDS + 1; i++)
		n += (size_t)snprintf(many + n, cap - n,
				      B "Content-Disposition: form-data; name=\"f%d\"\r\n\r\nv\r\n", i);
	n += (size_t)snprintf(many + n, cap - n, END);
	CHECK(parse(CT, many, n, &f, files, 4, &nfiles) == -1);
	free(many);

	/* refused: a NUL byte in a text field, a part without a name, a nested multipart, no boundary */
	static const char nul[] = TEXT("alt", "a\0b") END;
	CHECK(PARSE(CT, nul, 4) == -1);
	static const char noname[] = B "Content-Disposition: form-data\r\n\r\nv\r\n" END;
	CHECK(PARSE(CT, noname, 4) == -1);
	static const char emptyname[] = B "Content-Disposition: form-data; name=\"\"\r\n\r\nv\r\n" END;
	CHECK(PARSE(CT, emptyname, 4) == -1);
	static const char nodisp[] = B "Content-Type: text/plain\r\n\r\nv\r\n" END;
	CHECK(PARSE(CT, nodisp, 4) == -1);
	static const char nested[] = B "Content-Disposition: form-data; name=\"files\"\r\n"
				       "Content-Type: multipart/mixed; boundary=inner\r\n\r\n"
				       "--inner\r\n"
				       "Content-Disposition: file; filename=\"a.txt\"\r\n\r\n"
				       "a\r\n"
				       "--inner--\r\n" END;
	CHECK(PARSE(CT, nested, 4) == -1);
	CHECK(PARSE("multipart/form-data", text, 4) == -1);
	CHECK(PARSE("multipart/form-data; charset=utf-8", text, 4) == -1);
	CHECK(PARSE("application/x-www-form-urlencoded", "a=1", 4) == -1);
	CHECK(PARSE("multipart/form-data; boundary=XyZ\r\nX-Injected: 1", text, 4) == -1);
	/* a body whose boundary is not the header's has no parts to read */
	static const char other[] =
	    "--Other\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nv\r\n--Other--\r\n";
	CHECK(PARSE(CT, other, 4) == 0 && f.n == 0 && nfiles == 0);
	CHECK(form_get(&f, "a") == NULL);
	CHECK(parse(CT, "", 0, &f, files, 4, &nfiles) == 0 && f.n == 0 && nfiles == 0);
	/* no closing boundary: the parts are read, the last one to the end (GMime is lenient here; HTTP
	 * framing has already made sure the body came whole) */
	static const char cut[] = TEXT("a", "1") B "Content-Disposition: form-data; name=\"b\"\r\n\r\n2";
	CHECK(PARSE(CT, cut, 4) == 0 && f.n == 2);
	CHECK_STR(form_get(&f, "a"), "1");
	CHECK_STR(form_get(&f, "b"), "2");
}

/* ---- media_process on a PNG written here --------------------------------------------------------------- */

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static size_t chunk(unsigned char *out, const char *type, const unsigned char *data, uint32_t len)
{
	put32(out, len);
	memcpy(out + 4, type, 4);
	if (len)
		memcpy(out + 8, data, len);
	uLong crc = crc32(0L, out + 4, 4 + len);
	put32(out + 8 + len, (uint32_t)crc);
	return 12 + (size_t)len;
}

/* An 8-bit RGB PNG (a gradient) or, when gray1, a 1-bit grayscale one (cheap in any size); malloc'd. */
static unsigned char *make_png(uint32_t w, uint32_t h, int gray1, size_t *n)
{
	size_t row = gray1 ? 1 + (w + 7) / 8 : 1 + (size_t)w * 3;
	size_t raw_len = row * h;
	unsigned char *raw = calloc(1, raw_len);
	if (!gray1)
		for (uint32_t y = 0; y < h; y++)
			for (uint32_t x = 0; x < w; x++) {
				unsigned char *px = raw + y * row + 1 + x * 3;
				px[0] = (unsigned char)(x * 255 / w);
				px[1] = (unsigned char)(y * 255 / h);
				px[2] = 128;
			}
	uLongf zlen = compressBound(raw_len);
	unsigned char *z = malloc(zlen);
	CHECK(compress2(z, &zlen, raw, raw_len, 6) == Z_OK);
	free(raw);
	unsigned char *png = malloc(8 + 25 + 12 + zlen + 12), ihdr[13];
	memcpy(png, "\x89PNG\r\n\x1a\n", 8);
	put32(ihdr, w);
	put32(ihdr + 4, h);
	ihdr[8] = gray1 ? 1 : 8; /* bit depth */
	ihdr[9] = gray1 ? 0 : 2; /* grayscale or RGB */
	ihdr[10] = ihdr[11] = ihdr[12] = 0;
	size_t len = 8;
	len += chunk(png + len, "IHDR", ihdr, 13);
	len += chunk(png + len, "IDAT", z, (uint32_t)zlen);
	len += chunk(png + len, "IEND", NULL, 0);
	free(z);
	*n = len;
	return png;
}

/* media_process of bytes: written to a file of their own outside dir first, as an upload is. */
static int process_bytes(const void *bytes, size_t n, const char *kind, const char *dir, const char *hash,
			 int *w, int *h, struct msg *err)
{
	char path[] = "/tmp/plenary-test-upload-XXXXXX";
	int fd = mkstemp(path);
	if (fd < 0) {
		CHECK(!"mkstemp");
		return -1;
	}
	CHECK(write(fd, bytes, n) == (ssize_t)n);
	close(fd);
	err->key = NULL;
	int rc = media_process(path, kind, dir, hash, w, h, err);
	unlink(path);
	return rc;
}

static int files_in(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		n += e->d_name[0] != '.';
	if (d)
		closedir(d);
	return n;
}

static int file_exists(const char *dir, const char *name)
{
	char path[1024];
	struct stat st;
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
}

static void test_process(void)
{
	char dir[] = "/tmp/plenary-test-media-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	size_t n;
	unsigned char *png = make_png(700, 350, 0, &n);
	CHECK_STR(media_sniff(png, n), "png");
	char hash[MEDIA_HASH_LEN + 1];
	struct msg err = {0};
	media_hash(png, n, hash);
	int w = 0, h = 0;
	CHECK(process_bytes(png, n, "png", dir, hash, &w, &h, &err) == 0);
	CHECK(w == 700 && h == 350);
	char name[96];
	snprintf(name, sizeof name, "%s-320.png", hash);
	CHECK(file_exists(dir, name));
	snprintf(name, sizeof name, "%s-640.png", hash);
	CHECK(file_exists(dir, name));
	snprintf(name, sizeof name, "%s-700.png", hash);
	CHECK(file_exists(dir, name));
	CHECK(files_in(dir) == 3); /* no .tmp left behind */
	/* the renditions are PNGs again */
	char path[1024];
	snprintf(path, sizeof path, "%s/%s-320.png", dir, hash);
	FILE *fp = fopen(path, "rb");
	unsigned char head[24] = {0};
	CHECK(fp && fread(head, 1, sizeof head, fp) == sizeof head);
	if (fp)
		fclose(fp);
	CHECK_STR(media_sniff(head, sizeof head), "png");
	CHECK(head[16] == 0 && head[17] == 0 && head[18] == 0x01 && head[19] == 0x40); /* IHDR width 320 */
	CHECK(head[20] == 0 && head[21] == 0 && head[22] == 0 && head[23] == 160);     /* height 160 */

	media_remove(dir, hash, "png", w);
	CHECK(files_in(dir) == 0);
	media_remove(dir, hash, "png", w); /* absent files are fine */

	/* the same bytes, told to be a JPEG: refused, nothing written */
	CHECK(process_bytes(png, n, "jpeg", dir, hash, &w, &h, &err) == -1);
	CHECK_STR(err.key, "admin.media.error.unreadable");
	CHECK_STR(msg_get(&err, "kind"), "JPEG");
	CHECK_STR(msg_en(&err), "This JPEG file could not be read: it may be damaged or cut short.");
	CHECK(process_bytes(png, n, "gif", dir, hash, &w, &h, &err) == -1);
	CHECK_STR(err.key, "admin.media.error.kinds");
	CHECK(files_in(dir) == 0);

	/* cut short in the pixel data: an error for the editor, nothing on disk */
	int rc = process_bytes(png, n / 2, "png", dir, hash, &w, &h, &err);
	CHECK(rc == -1);
	CHECK(err.key && strncmp(err.key, "admin.media.error.", 18) == 0);
	CHECK(files_in(dir) == 0);
	/* cut short in the header */
	CHECK(process_bytes(png, 20, "png", dir, hash, &w, &h, &err) == -1);
	CHECK_CONTAINS(msg_en(&err), "could not be read");
	CHECK(files_in(dir) == 0);
	free(png);

	/* larger than 50 megapixels: refused from the header, before any decoding */
	png = make_png(8000, 8000, 1, &n);
	CHECK(process_bytes(png, n, "png", dir, hash, &w, &h, &err) == -1);
	CHECK_STR(err.key, "admin.media.error.too_many_pixels");
	CHECK_STR(msg_get(&err, "width"), "8000");
	CHECK_STR(msg_get(&err, "max"), "50");
	CHECK_STR(msg_en(&err), "This image is 8000 × 8000 pixels; the largest accepted is 50 megapixels.");
	CHECK(files_in(dir) == 0);
	free(png);
	png = make_png(25000, 10, 1, &n); /* few pixels, but wider than any side accepted */
	CHECK(process_bytes(png, n, "png", dir, hash, &w, &h, &err) == -1);
	CHECK(files_in(dir) == 0);
	free(png);

	/* a tiny image keeps its size: one rendition */
	png = make_png(3, 2, 0, &n);
	media_hash(png, n, hash);
	CHECK(process_bytes(png, n, "png", dir, hash, &w, &h, &err) == 0);
	CHECK(w == 3 && h == 2);
	snprintf(name, sizeof name, "%s-3.png", hash);
	CHECK(file_exists(dir, name));
	CHECK(files_in(dir) == 1);
	media_remove(dir, hash, "png", w);
	free(png);

	/* wider than the largest rendition: scaled down to 1920, height in proportion, all widths */
	png = make_png(2400, 600, 0, &n);
	media_hash(png, n, hash);
	CHECK(process_bytes(png, n, "png", dir, hash, &w, &h, &err) == 0);
	CHECK(w == 1920 && h == 480);
	CHECK(files_in(dir) == 5);
	snprintf(name, sizeof name, "%s-1920.png", hash);
	CHECK(file_exists(dir, name));
	media_remove(dir, hash, "png", w);
	CHECK(files_in(dir) == 0);
	free(png);

	/* a folder that cannot be written: an error, not a crash */
	png = make_png(10, 10, 0, &n);
	CHECK(process_bytes(png, n, "png", "/nonexistent/plenary-media", hash, &w, &h, &err) == -1);
	CHECK_STR(err.key, "admin.media.error.not_writable");
	CHECK_CONTAINS(msg_en(&err), "not writable");
	free(png);

	rmdir(dir);
}

/* Two editors (or a double click) uploading the same bytes at once: each job writes its own temporary files
 * and renames them; neither fails nor removes what the other wrote, and the files are whole. */
struct same_job {
	const unsigned char *png;
	size_t n;
	const char *dir, *hash;
	int rc;
};

static void *same_run(void *arg)
{
	struct same_job *j = arg;
	int w, h;
	struct msg err;
	j->rc = process_bytes(j->png, j->n, "png", j->dir, j->hash, &w, &h, &err);
	return NULL;
}

static unsigned char *slurp(const char *dir, const char *name, size_t *len)
{
	char path[1024];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	unsigned char *b = malloc(*len ? *len : 1);
	if (fread(b, 1, *len, f) != *len)
		*len = 0;
	fclose(f);
	return b;
}

static void test_same_bytes_at_once(void)
{
	char dir[] = "/tmp/plenary-test-media-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	size_t n, ref_len = 0;
	unsigned char *png = make_png(1000, 700, 0, &n);
	char hash[MEDIA_HASH_LEN + 1], name[96];
	media_hash(png, n, hash);
	snprintf(name, sizeof name, "%s-1000.png", hash);
	struct same_job one = {png, n, dir, hash, -1};
	same_run(&one);
	CHECK(one.rc == 0);
	unsigned char *ref = slurp(dir, name, &ref_len);
	CHECK(ref && ref_len > 0);
	int failed = 0, damaged = 0;
	for (int round = 0; round < 8; round++) {
		pthread_t t[3];
		struct same_job jobs[3];
		for (int i = 0; i < 3; i++) {
			jobs[i] = one;
			pthread_create(&t[i], NULL, same_run, &jobs[i]);
		}
		for (int i = 0; i < 3; i++) {
			pthread_join(t[i], NULL);
			failed += jobs[i].rc != 0;
		}
		size_t len = 0;
		unsigned char *got = slurp(dir, name, &len);
		damaged += !got || len != ref_len || memcmp(got, ref, len) != 0;
		free(got);
	}
	CHECK(failed == 0);
	CHECK(damaged == 0);
	CHECK(files_in(dir) == 4); /* 320, 640, 960, 1000: no temporary file left */
	media_remove(dir, hash, "png", 1000);
	CHECK(files_in(dir) == 0);
	free(ref);
	free(png);
	rmdir(dir);
}

/* ---- a file hashed in pieces, and the uploads' ids and chunk sizes ------------------------------------- */

static void test_hash_file_and_uploads(void)
{
	char path[] = "/tmp/plenary-test-hash-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	/* larger than the 64 KiB read buffer and not a multiple of it: every piece counts, once */
	size_t n = 200000;
	unsigned char *b = malloc(n);
	for (size_t i = 0; i < n; i++)
		b[i] = (unsigned char)(i * 7 + i / 300);
	CHECK(write(fd, b, n) == (ssize_t)n);
	char want[MEDIA_HASH_LEN + 1], got[MEDIA_HASH_LEN + 1] = "";
	int64_t size = 0;
	media_hash(b, n, want);
	CHECK(media_hash_file(fd, got, &size) == 0);
	CHECK_STR(got, want);
	CHECK(size == (int64_t)n);
	CHECK(ftruncate(fd, 0) == 0);
	CHECK(media_hash_file(fd, got, &size) == 0 && size == 0);
	CHECK_STR(got, "e3b0c44298fc1c149afbf4c8996fb924");
	close(fd);
	unlink(path);
	free(b);

	char id[UPLOAD_ID_LEN + 1], other[UPLOAD_ID_LEN + 1];
	upload_new_id(id);
	upload_new_id(other);
	CHECK(upload_id_ok(id) && upload_id_ok(other) && strcmp(id, other) != 0);
	CHECK(!upload_id_ok(""));
	CHECK(!upload_id_ok("0123456789abcdef0123456789abcde"));   /* 31 */
	CHECK(!upload_id_ok("0123456789abcdef0123456789abcdef0")); /* 33 */
	CHECK(!upload_id_ok("0123456789ABCDEF0123456789abcdef"));  /* upper case */
	CHECK(!upload_id_ok("../3456789abcdef0123456789abcdef"));
	/* a chunk leaves a quarter of max_body_kb for what surrounds it; never 0, never above 4 MiB */
	CHECK(upload_chunk_size(256) == 196608);
	CHECK(upload_chunk_size(1) == 768);
	CHECK(upload_chunk_size(65536) == UPLOAD_CHUNK_MAX);
}

int main(void)
{
	setenv("VIPS_WARNING", "0", 0); /* the damaged images made here on purpose would fill stderr */
	h2o_mem_init_pool(&pool);
	RUN(test_sniff);
	RUN(test_file_type);
	RUN(test_widths);
	RUN(test_multipart);
	RUN(test_process);
	RUN(test_same_bytes_at_once);
	RUN(test_hash_file_and_uploads);
	h2o_mem_clear_pool(&pool);
	return unit_done("media");
}
