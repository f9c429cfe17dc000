/* test_transcript: transcripts as editors write them and as captions make them, chapters, their canonical
 * text, and every refusal with its line. */
#include <string.h>

#include "core/chapters.h"
#include "core/transcript.h"
#include "core/webvtt.h"
#include "msg_en.h"
#include "unit.h"

static h2o_mem_pool_t pool;
static struct msg err;

static struct transcript parse_ok(const char *s)
{
	struct transcript t = {NULL, 0};
	err.key = NULL;
	int rc = transcript_parse(&pool, s, strlen(s), &t, &err);
	CHECK(rc == 0);
	if (rc)
		fprintf(stderr, "  refused: %s\n", msg_en(&err));
	return t;
}

static const char *refused(const char *s, size_t n)
{
	struct transcript t;
	err.key = NULL;
	return transcript_parse(&pool, s, n, &t, &err) == 0 ? "" : msg_en(&err);
}
#define REFUSED(lit) refused(lit, sizeof(lit) - 1)

static const char *written(const struct transcript *t)
{
	buf b;
	buf_init(&b, &pool);
	transcript_write(&b, t);
	return buf_cstr(&b);
}

static void check_round_trip(const struct transcript *t)
{
	struct transcript u = parse_ok(written(t));
	CHECK(u.n == t->n);
	for (size_t i = 0; i < t->n && i < u.n; i++) {
		CHECK(u.lines[i].at_ms == t->lines[i].at_ms);
		CHECK_STR(u.lines[i].speaker, t->lines[i].speaker);
		CHECK_STR(u.lines[i].text, t->lines[i].text);
	}
}

static void test_parse(void)
{
	struct transcript t =
	    parse_ok("[0:00] Ana Ruiz: Welcome, everyone.\n\n"
		     "[1:23] Dr. Bob O'Neil: Thank you: it is good to be here.\r\n"
		     "   And a paragraph with neither.   \n"
		     "[01:02:03]   Ana Ruiz:\tThe ratio was 3:1, see https://example.org/x.\n"
		     "Ana Ruiz: No time here.\n"
		     "[ 1:02:03.900 ] Same second, later: fine\n"
		     "This sentence has more than six words before: the colon.\n"
		     "A [bracket] inside: is not a name\n");
	CHECK(t.n == 8);
	if (t.n != 8)
		return;
	CHECK(t.lines[0].at_ms == 0);
	CHECK_STR(t.lines[0].speaker, "Ana Ruiz");
	CHECK_STR(t.lines[0].text, "Welcome, everyone.");
	CHECK(t.lines[1].at_ms == 83000);
	CHECK_STR(t.lines[1].speaker, "Dr. Bob O'Neil");
	CHECK_STR(t.lines[1].text, "Thank you: it is good to be here.");
	CHECK(t.lines[2].at_ms == -1);
	CHECK_STR(t.lines[2].speaker, "");
	CHECK_STR(t.lines[2].text, "And a paragraph with neither.");
	CHECK(t.lines[3].at_ms == 3723000);
	CHECK_STR(t.lines[3].text, "The ratio was 3:1, see https://example.org/x.");
	CHECK(t.lines[4].at_ms == -1);
	CHECK_STR(t.lines[4].speaker, "Ana Ruiz");
	CHECK(t.lines[5].at_ms == 3723000); /* milliseconds dropped */
	CHECK_STR(t.lines[5].speaker, "Same second, later");
	CHECK_STR(t.lines[6].speaker, "");
	CHECK_STR(t.lines[6].text, "This sentence has more than six words before: the colon.");
	CHECK_STR(t.lines[7].speaker, "");
	CHECK_STR(written(&t), "[0:00] Ana Ruiz: Welcome, everyone.\n"
			       "[1:23] Dr. Bob O'Neil: Thank you: it is good to be here.\n"
			       "And a paragraph with neither.\n"
			       "[1:02:03] Ana Ruiz: The ratio was 3:1, see https://example.org/x.\n"
			       "Ana Ruiz: No time here.\n"
			       "[1:02:03] Same second, later: fine\n"
			       "This sentence has more than six words before: the colon.\n"
			       "A [bracket] inside: is not a name\n");
	check_round_trip(&t);
	buf b;
	buf_init(&b, &pool);
	transcript_plain(&b, &t);
	CHECK_CONTAINS(buf_cstr(&b), "Ana Ruiz: Welcome, everyone.\nDr. Bob O'Neil: Thank you");
	CHECK(strchr(b.p, '[') == strstr(b.p, "[bracket]")); /* no times */
	/* a speaker is not carried to the next paragraph */
	t = parse_ok("Ana: Hello.\nHow are you?\n");
	CHECK(t.n == 2 && strcmp(t.lines[1].speaker, "") == 0);
	t = parse_ok("");
	CHECK(t.n == 0);
	CHECK_STR(written(&t), "");
	/* a speaker of six words and sixty bytes is one; seven words or 61 bytes are not */
	t = parse_ok("One Two Three Four Five Six: yes\nOne Two Three Four Five Six Seven: no\n"
		     "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: yes\n"
		     "Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa: no\n");
	CHECK(t.n == 4 && t.lines[0].speaker[0] && !t.lines[1].speaker[0] && t.lines[2].speaker[0] &&
	      !t.lines[3].speaker[0]);
	check_round_trip(&t);
	/* words in brackets are what was heard, not a time: kept as the paragraph's text */
	t = parse_ok("Hello\n[Applause] Thank you\n[0:05] Ana: [inaudible] yes\n");
	CHECK(t.n == 3 && t.lines[1].at_ms == -1 && !t.lines[1].speaker[0]);
	CHECK_STR(t.lines[1].text, "[Applause] Thank you");
	CHECK(t.lines[2].at_ms == 5000);
	CHECK_STR(t.lines[2].text, "[inaudible] yes");
	check_round_trip(&t);
}

static void test_refused(void)
{
	CHECK_STR(REFUSED("[2:10] Ana: Hi\n[3:00] Bob: Hello\n\n[1:05] Ana: Back?\n"),
		  "Line 4: 1:05 comes after 3:00; times go forward.");
	CHECK_STR(REFUSED("[2:10] a\nno time\n[2:09] b\n"),
		  "Line 3: 2:09 comes after 2:10; times go forward.");
	CHECK_CONTAINS(REFUSED("[1:2] x\n"), "Line 1: “[1:2]” is not a time");
	CHECK_CONTAINS(REFUSED("ok\n[0:0x] C: three\n"), "Line 2: “[0:0x]” is not a time");
	CHECK_CONTAINS(REFUSED("[1:23 x\n"), "Line 1: “[1:23 x” is not a time");
	CHECK_CONTAINS(REFUSED("[] x\n"), "Line 1: “[]” is not a time");
	CHECK_STR(REFUSED("ok\r\n[1:23]\r\n"),
		  "Line 2: nothing follows the time; write what was said after it.");
	CHECK_STR(REFUSED("ok\n\n[1:23] Ana:\n"),
		  "Line 3: nothing follows “Ana:”; write what was said after the name.");
	CHECK_STR(REFUSED("Ana:   \n"),
		  "Line 1: nothing follows “Ana:”; write what was said after the name.");
	CHECK_CONTAINS(REFUSED("ok\n\xC3\x28\n"), "Line 2: the text is not valid UTF-8");
	CHECK_CONTAINS(refused("ok\nok\rno\0\n", 10), "Line 3: the text holds a NUL byte");
	buf b;
	buf_init(&b, &pool);
	for (int i = 0; i < TRANSCRIPT_MAX_LINES; i++)
		buf_adds(&b, "x\n\n");
	CHECK_STR(refused(b.p, b.len), "");
	buf_adds(&b, "one more\n");
	CHECK_STR(refused(b.p, b.len),
		  "The transcript has more than 5000 paragraphs; split the interview in parts.");
	buf_reset(&b);
	while (b.len <= TRANSCRIPT_MAX_BYTES)
		buf_adds(&b, "0123456789 ");
	CHECK_STR(refused(b.p, b.len), "The transcript is longer than 512 KB; split the interview in parts.");
}

static struct vtt vtt_of(const char *s)
{
	struct vtt v = {NULL, 0};
	int rc = vtt_parse(&pool, s, strlen(s), &v, &err);
	CHECK(rc == 0);
	return v;
}

static void test_from_vtt(void)
{
	struct vtt v =
	    vtt_of("WEBVTT\n\n"
		   "00:00:01.200 --> 00:00:03.000\n<v Ana Ruiz>Welcome\nto the show.\n\n"
		   "00:00:03.500 --> 00:00:05.000\n<v Ana Ruiz>Today we talk trials.\n\n"
		   "00:00:05.000 --> 00:00:06.000\n<v Bob>Thanks.\n\n"
		   "00:00:09.000 --> 00:00:10.000\n<v Bob>After a pause.\n\n"
		   "00:00:10.000 --> 00:00:11.000\n<i></i>\n\n"
		   "00:00:11.000 --> 00:00:12.000\nNo speaker here.\n\n"
		   "00:00:12.000 --> 00:00:13.000\nNOTE: a label in the text names the speaker\n\n"
		   "00:00:13.000 --> 00:00:14.000\nWell said\n\n"
		   "00:00:14.000 --> 00:00:15.000\nthen: this would read as a label\n\n"
		   "00:00:15.000 --> 00:00:16.000\n<v Mr: [Very] Long Name With Many Words Indeed>x\n");
	struct transcript t;
	CHECK(transcript_from_vtt(&pool, &v, &t) == 0);
	CHECK_STR(written(&t), "[0:01] Ana Ruiz: Welcome to the show. Today we talk trials.\n"
			       "[0:05] Bob: Thanks.\n"
			       "[0:09] Bob: After a pause.\n"
			       "[0:11] No speaker here.\n"
			       "[0:12] NOTE: a label in the text names the speaker\n"
			       "[0:13] Well said\n"
			       "[0:14] then: this would read as a label\n"
			       "[0:15] Mr Very Long Name With Many: x\n");
	CHECK(t.n == 8 && strcmp(t.lines[4].speaker, "NOTE") == 0 && strcmp(t.lines[5].speaker, "") == 0);
	check_round_trip(&t);
	/* past 700 bytes a paragraph ends */
	buf b;
	buf_init(&b, &pool);
	buf_adds(&b, "WEBVTT\n");
	for (int i = 0; i < 20; i++)
		buf_printf(&b, "\n00:00:%02d.000 --> 00:00:%02d.500\n<v Ana>%s\n", i, i,
			   "Forty-nine bytes of words in one caption, spoken.");
	v = vtt_of(buf_cstr(&b));
	CHECK(transcript_from_vtt(&pool, &v, &t) == 0);
	CHECK(t.n == 2);
	if (t.n == 2) {
		CHECK(strlen(t.lines[0].text) == 14 * 49 + 13);
		CHECK(t.lines[1].at_ms == 14000);
	}
	check_round_trip(&t);
	/* too many paragraphs for a transcript: the rest is left out, and said so */
	buf_reset(&b);
	buf_adds(&b, "WEBVTT\n");
	for (int i = 0; i < TRANSCRIPT_MAX_LINES + 10; i++)
		buf_printf(&b, "\n%02d:%02d:%02d.000 --> %02d:%02d:%02d.000\n<v %s>x\n", i / 3600,
			   i / 60 % 60, i % 60, i / 3600, i / 60 % 60, i % 60, i % 2 ? "A" : "B");
	v = vtt_of(buf_cstr(&b));
	CHECK(transcript_from_vtt(&pool, &v, &t) == 1);
	CHECK(t.n == TRANSCRIPT_MAX_LINES);
	check_round_trip(&t);
}

static const char *chapters_refused(const char *s)
{
	struct chapter *c;
	size_t n;
	err.key = NULL;
	return chapters_parse(&pool, s, strlen(s), &c, &n, &err) == 0 ? "" : msg_en(&err);
}

static void test_chapters(void)
{
	struct chapter *c = NULL;
	size_t n = 0;
	const char *s = "0:15 Why this trial\n\n2:03 - Methods\r\n10:00 – Results & <caveats>\n"
			"1:02:03.500 — Questions\n  1:10:00   Thanks, everyone  \n";
	CHECK(chapters_parse(&pool, s, strlen(s), &c, &n, &err) == 0);
	CHECK(n == 5);
	if (n != 5)
		return;
	CHECK(c[0].at_ms == 15000);
	CHECK_STR(c[0].title, "Why this trial");
	CHECK_STR(c[1].title, "Methods");
	CHECK_STR(c[2].title, "Results & <caveats>");
	CHECK(c[3].at_ms == 3723000);
	CHECK_STR(c[4].title, "Thanks, everyone");
	buf b;
	buf_init(&b, &pool);
	chapters_write(&b, c, n);
	CHECK_STR(buf_cstr(&b),
		  "0:15 Why this trial\n2:03 Methods\n10:00 Results & <caveats>\n1:02:03 Questions\n"
		  "1:10:00 Thanks, everyone\n");
	struct chapter *d;
	size_t nd;
	CHECK(chapters_parse(&pool, b.p, b.len, &d, &nd, &err) == 0 && nd == n);
	buf_reset(&b);
	chapters_vtt(&b, c, n, 4500000);
	CHECK_STR(buf_cstr(&b), "WEBVTT\n\n00:00:15.000 --> 00:02:03.000\nWhy this trial\n\n"
				"00:02:03.000 --> 00:10:00.000\nMethods\n\n"
				"00:10:00.000 --> 01:02:03.000\nResults &amp; &lt;caveats&gt;\n\n"
				"01:02:03.000 --> 01:10:00.000\nQuestions\n\n"
				"01:10:00.000 --> 01:15:00.000\nThanks, everyone\n");
	struct vtt v = vtt_of(b.p);
	CHECK(v.n == 5 && strcmp(v.cues[2].text, "Results & <caveats>") == 0);
	buf_reset(&b);
	chapters_vtt(&b, c + 4, 1, 0); /* duration unknown: one second */
	CHECK_STR(buf_cstr(&b), "WEBVTT\n\n01:10:00.000 --> 01:10:01.000\nThanks, everyone\n");
	buf_reset(&b);
	chapters_vtt(&b, c, 0, 0);
	CHECK_STR(buf_cstr(&b), "WEBVTT\n");
	/* a title that starts with a dash keeps it */
	s = "0:00 -5 degrees\n";
	CHECK(chapters_parse(&pool, s, strlen(s), &c, &n, &err) == 0 && n == 1 &&
	      strcmp(c[0].title, "-5 degrees") == 0);
}

static void test_chapters_refused(void)
{
	CHECK_STR(chapters_refused("0:00 Intro\n0:30 Part one\n\n0:30 Part two\n"),
		  "Line 4: 0:30 does not come after 0:30; each chapter starts later than the last.");
	CHECK_STR(chapters_refused("1:00 Intro\n0:30.5 Back\n"),
		  "Line 2: 0:30 does not come after 1:00; each chapter starts later than the last.");
	CHECK_STR(
	    chapters_refused("Intro 0:00\n"),
	    "Line 1: “Intro” is not a time; a chapter's line starts with its time, like 1:23 Introduction or "
	    "1:02:03 Questions.");
	CHECK_CONTAINS(chapters_refused("0:00 a\r\n(1:00) b\r\n"), "Line 2: “(1:00)” is not a time");
	CHECK_STR(chapters_refused("0:00 a\n1:00\n"),
		  "Line 2: the chapter has no title; write it after the time.");
	CHECK_STR(chapters_refused("0:00 a\n1:00 - \n"),
		  "Line 2: the chapter has no title; write it after the time.");
	CHECK_CONTAINS(chapters_refused("0:00 \xFF\n"), "Line 1: the text is not valid UTF-8");
	buf b;
	buf_init(&b, &pool);
	buf_adds(&b, "0:00 ");
	for (int i = 0; i < CHAPTER_MAX_TITLE; i++)
		buf_adds(&b, "\xC3\xA9"); /* é: characters count, not bytes */
	CHECK_STR(chapters_refused(b.p), "");
	buf_adds(&b, "x");
	CHECK_STR(chapters_refused(b.p), "Line 1: the chapter's title is longer than 120 characters.");
	buf_reset(&b);
	for (int i = 0; i < CHAPTERS_MAX; i++)
		buf_printf(&b, "%d:%02d c\n", i / 60, i % 60);
	CHECK_STR(chapters_refused(b.p), "");
	buf_adds(&b, "59:00 one too many\n");
	CHECK_STR(chapters_refused(b.p), "Line 201: a video has at most 200 chapters.");
	buf_reset(&b);
	while (b.len <= CHAPTERS_MAX_BYTES)
		buf_adds(&b, "\n\n\n\n\n\n\n\n");
	CHECK_STR(chapters_refused(b.p), "The chapters are longer than 64 KB.");
}

/* Refusals are keys and values: times, names and lines as values an editor's language puts in place. */
static void test_refusal_keys(void)
{
	REFUSED("[2:10] A: one\n[1:05] B: two\n");
	CHECK_STR(err.key, "admin.video.error.transcript.backwards");
	CHECK_STR(msg_get(&err, "line"), "2");
	CHECK_STR(msg_get(&err, "time"), "1:05");
	CHECK_STR(msg_get(&err, "previous"), "2:10");
	REFUSED("ok\nAna Lopes:\n");
	CHECK_STR(err.key, "admin.video.error.transcript.no_words_name");
	CHECK_STR(msg_get(&err, "speaker"), "Ana Lopes");
	CHECK_STR(msg_get(&err, "line"), "2");
	chapters_refused("0:30 a\n0:10 b\n");
	CHECK_STR(err.key, "admin.video.error.chapters.not_after");
	CHECK_STR(msg_get(&err, "line"), "2");
	CHECK_STR(msg_get(&err, "time"), "0:10");
	CHECK_STR(msg_get(&err, "previous"), "0:30");
	chapters_refused("0:00 a\n\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9\n");
	CHECK_STR(err.key, "admin.video.error.chapters.not_time");
	CHECK_STR(msg_get(&err, "text"), "\xC3\xA9t\xC3\xA9");
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_parse);
	RUN(test_refused);
	RUN(test_from_vtt);
	RUN(test_chapters);
	RUN(test_chapters_refused);
	RUN(test_refusal_keys);
	h2o_mem_clear_pool(&pool);
	return unit_done("transcript");
}
