/* test_webvtt: WebVTT files as editors bring them (speakers, tags, entities, BOM, CRLF, NOTE and STYLE
 * blocks, settings), every refusal with its line, the normalized file written back, and the clock. */
#include <string.h>

#include "core/clock.h"
#include "core/webvtt.h"
#include "msg_en.h"
#include "unit.h"

static h2o_mem_pool_t pool;
static struct msg err;

static struct vtt parse_ok(const char *s, size_t n)
{
	struct vtt v = {NULL, 0};
	err.key = NULL;
	int rc = vtt_parse(&pool, s, n, &v, &err);
	CHECK(rc == 0);
	if (rc)
		fprintf(stderr, "  refused: %s\n", msg_en(&err));
	return v;
}
#define PARSE(lit) parse_ok(lit, sizeof(lit) - 1)

/* The error a file gets, in English ("" when it parses); err keeps its key and values. */
static const char *refused(const char *s, size_t n)
{
	struct vtt v;
	err.key = NULL;
	if (vtt_parse(&pool, s, n, &v, &err) == 0)
		return "";
	return msg_en(&err);
}
#define REFUSED(lit) refused(lit, sizeof(lit) - 1)

static const char *written(const struct vtt *v)
{
	buf b;
	buf_init(&b, &pool);
	vtt_write(&b, v);
	return buf_cstr(&b);
}

static const char *clock(void (*f)(buf *, int64_t), int64_t ms)
{
	buf b;
	buf_init(&b, &pool);
	f(&b, ms);
	return buf_cstr(&b);
}

/* parse(write(v)) == v, cue by cue. */
static void check_round_trip(const struct vtt *v)
{
	const char *w = written(v);
	struct vtt u = parse_ok(w, strlen(w));
	CHECK(u.n == v->n);
	for (size_t i = 0; i < v->n && i < u.n; i++) {
		CHECK(u.cues[i].start_ms == v->cues[i].start_ms);
		CHECK(u.cues[i].end_ms == v->cues[i].end_ms);
		CHECK_STR(u.cues[i].id, v->cues[i].id);
		CHECK_STR(u.cues[i].speaker, v->cues[i].speaker);
		CHECK_STR(u.cues[i].text, v->cues[i].text);
	}
}

static void test_clock(void)
{
	CHECK_STR(clock(clock_write, 0), "0:00");
	CHECK_STR(clock(clock_write, 5999), "0:05");
	CHECK_STR(clock(clock_write, 123000), "2:03");
	CHECK_STR(clock(clock_write, 3599999), "59:59");
	CHECK_STR(clock(clock_write, 3723000), "1:02:03");
	CHECK_STR(clock(clock_write, 36000000), "10:00:00");
	CHECK_STR(clock(clock_write, -5), "0:00");
	CHECK_STR(clock(clock_write_vtt, 62345), "00:01:02.345");
	CHECK_STR(clock(clock_write_vtt, 0), "00:00:00.000");
	CHECK_STR(clock(clock_write_vtt, 3723004), "01:02:03.004");
	CHECK_STR(clock(clock_write_vtt, INT64_C(360000000)), "100:00:00.000");
	CHECK_STR(clock(clock_write_iso, 3723000), "PT1H2M3S");
	CHECK_STR(clock(clock_write_iso, 45999), "PT45S");
	CHECK_STR(clock(clock_write_iso, 0), "PT0S");
	CHECK_STR(clock(clock_write_iso, 120000), "PT2M");
	CHECK_STR(clock(clock_write_iso, 3600000), "PT1H");
	CHECK_STR(clock(clock_write_iso, 3601000), "PT1H1S");
}

#define CP(lit) clock_parse(lit, sizeof(lit) - 1)

static void test_clock_parse(void)
{
	CHECK(CP("1:02:03") == 3723000);
	CHECK(CP("01:02:03") == 3723000);
	CHECK(CP("2:03") == 123000);
	CHECK(CP("02:03") == 123000);
	CHECK(CP("0:00") == 0);
	CHECK(CP("1:23.5") == 83500);
	CHECK(CP("1:23.05") == 83050);
	CHECK(CP("1:23.456") == 83456);
	CHECK(CP("1:02:03.004") == 3723004);
	CHECK(CP("75:00") == 4500000); /* minutes past the hour without hours: still a time */
	CHECK(CP("9999:59:59") == INT64_C(9999) * 3600000 + 3599000);
	CHECK(CP("10000:00:00") == -1);
	CHECK(CP("") == -1);
	CHECK(CP("5") == -1);
	CHECK(CP("1:2") == -1);
	CHECK(CP("1:60") == -1);
	CHECK(CP("1:60:00") == -1);
	CHECK(CP("123:45") == -1);
	CHECK(CP("1:23.") == -1);
	CHECK(CP("1:23.4567") == -1);
	CHECK(CP("1:23,456") == -1);
	CHECK(CP(" 1:23") == -1);
	CHECK(CP("1:23 ") == -1);
	CHECK(CP("1:02:03:04") == -1);
	CHECK(CP("-1:23") == -1);
	CHECK(CP("a:bc") == -1);
	CHECK(clock_parse("1:23", 3) == -1); /* the length counts, not a NUL */
}

#define SCAN(lit, ms) clock_scan_vtt(lit, sizeof(lit) - 1, ms)

static void test_clock_scan_vtt(void)
{
	int64_t ms = -1;
	CHECK(SCAN("00:01.000", &ms) == 9 && ms == 1000);
	CHECK(SCAN("01:02:03.456 -->", &ms) == 12 && ms == 3723456);
	CHECK(SCAN("100:00:00.000", &ms) == 13 && ms == INT64_C(360000000));
	CHECK(SCAN("59:59.999", &ms) == 9 && ms == 3599999);
	CHECK(SCAN("60:00.000", &ms) == 0); /* 60 can only be hours, and then seconds are missing */
	CHECK(SCAN("1:00:00.000", &ms) == 11 && ms == 3600000); /* one digit: hours */
	CHECK(SCAN("1:00.000", &ms) == 0);
	CHECK(SCAN("00:00:01,000", &ms) == 0);
	CHECK(SCAN("00:00:01.00", &ms) == 0);
	CHECK(SCAN("00:00:01.0000", &ms) == 0);
	CHECK(SCAN("00:60.000", &ms) == 0);
	CHECK(SCAN("00:00:60.000", &ms) == 0);
	CHECK(SCAN("", &ms) == 0);
}

static void test_basic(void)
{
	struct vtt v =
	    PARSE("WEBVTT\n\n00:01.000 --> 00:04.000\nNever drink liquid nitrogen.\n\n"
		  "00:05.000 --> 00:09.000\n- It will perforate your stomach.\n- You could die.\n");
	CHECK(v.n == 2);
	if (v.n != 2)
		return;
	CHECK(v.cues[0].start_ms == 1000 && v.cues[0].end_ms == 4000);
	CHECK_STR(v.cues[0].id, "");
	CHECK_STR(v.cues[0].speaker, "");
	CHECK_STR(v.cues[0].text, "Never drink liquid nitrogen.");
	CHECK_STR(v.cues[1].text, "- It will perforate your stomach.\n- You could die.");
	CHECK_STR(written(&v),
		  "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\nNever drink liquid nitrogen.\n\n"
		  "00:00:05.000 --> 00:00:09.000\n- It will perforate your stomach.\n- You could die.\n");
	check_round_trip(&v);
}

static void test_speakers_and_tags(void)
{
	struct vtt v =
	    PARSE("WEBVTT - An interview\nKind: captions\nLanguage: en\n\n"
		  "intro\n00:00:00.000 --> 00:00:02.500 align:start line:0%\n"
		  "<v Dr. Ana Ruiz>Welcome to <i>the</i> <b>show</b>.</v>\n\n"
		  "2\n00:00:02.500 --> 00:00:05.000 position:10%,line-left size:35%\n"
		  "<v.loud Mary>It's <c.yellow.bg_blue>great</c> to be here\n<lang fr>merci</lang>!\n\n"
		  "00:00:05.000 --> 00:00:08.000\n<v Bob>Karaoke <00:00:06.000>style <00:00:07.000>words\n\n"
		  "00:00:08.000 --> 00:00:09.000\n<ruby>漢<rt>kan</rt></ruby> <u>under</u>\n");
	CHECK(v.n == 4);
	if (v.n != 4)
		return;
	CHECK_STR(v.cues[0].id, "intro");
	CHECK_STR(v.cues[0].speaker, "Dr. Ana Ruiz");
	CHECK_STR(v.cues[0].text, "Welcome to the show.");
	CHECK(v.cues[0].end_ms == 2500);
	CHECK_STR(v.cues[1].id, "2");
	CHECK_STR(v.cues[1].speaker, "Mary");
	CHECK_STR(v.cues[1].text, "It's great to be here\nmerci!");
	CHECK_STR(v.cues[2].speaker, "Bob");
	CHECK_STR(v.cues[2].text, "Karaoke style words");
	CHECK_STR(v.cues[3].speaker, "");
	CHECK_STR(v.cues[3].text, "漢kan under");
	const char *w = written(&v);
	CHECK_CONTAINS(w, "intro\n00:00:00.000 --> 00:00:02.500\n<v Dr. Ana Ruiz>Welcome to the show.\n");
	CHECK_CONTAINS(w, "2\n00:00:02.500 --> 00:00:05.000\n<v Mary>It's great to be here\nmerci!\n");
	CHECK(strstr(w, "align") == NULL && strstr(w, "Kind:") == NULL);
	check_round_trip(&v);
	/* a <v> that does not open the cue names no speaker; a second one is only a tag */
	v = PARSE(
	    "WEBVTT\n\n00:01.000 --> 00:02.000\nSo <v Ann>yes\n\n00:02.000 --> 00:03.000\n"
	    "<v Ann>Hi</v> <v Bob>Hello\n\n00:03.000 --> 00:04.000\n  <v   Jean  Luc\tPicard >Engage\n\n"
	    "00:04.000 --> 00:05.000\n<v>Nobody\n\n00:05.000 --> 00:06.000\n<v Tom &amp; Jerry>Chase\n\n"
	    "00:06.000 --> 00:07.000\n<vid>not a voice\n\n00:07.000 --> 00:08.000\n<v Eve>\n");
	CHECK(v.n == 7);
	if (v.n != 7)
		return;
	CHECK_STR(v.cues[0].speaker, "");
	CHECK_STR(v.cues[0].text, "So yes");
	CHECK_STR(v.cues[1].speaker, "Ann");
	CHECK_STR(v.cues[1].text, "Hi Hello");
	CHECK_STR(v.cues[2].speaker, "Jean Luc Picard");
	CHECK_STR(v.cues[2].text, "Engage");
	CHECK_STR(v.cues[3].speaker, "");
	CHECK_STR(v.cues[3].text, "Nobody");
	CHECK_STR(v.cues[4].speaker, "Tom & Jerry");
	CHECK_STR(v.cues[5].speaker, "");
	CHECK_STR(v.cues[5].text, "not a voice");
	CHECK_STR(v.cues[6].speaker, "Eve");
	CHECK_STR(v.cues[6].text, "");
	w = written(&v);
	CHECK_CONTAINS(w, "<v Tom &amp; Jerry>Chase\n");
	CHECK_CONTAINS(w, "00:00:07.000 --> 00:00:08.000\n<v Eve>\n");
	check_round_trip(&v);
	/* a name ending in dashes is not written as "-->", which would start a cue */
	v = PARSE("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann--\nyes\n");
	CHECK(v.n == 1 && strcmp(v.cues[0].speaker, "Ann-- yes") == 0 && strcmp(v.cues[0].text, "") == 0);
	CHECK_CONTAINS(written(&v), "<v Ann-- yes>\n");
	v = PARSE("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ann\n--\n");
	CHECK(v.n == 1 && strcmp(v.cues[0].speaker, "Ann --") == 0);
	CHECK_CONTAINS(written(&v), "<v Ann -- >\n");
	check_round_trip(&v);
}

static void test_entities(void)
{
	struct vtt v =
	    PARSE("WEBVTT\n\n00:01.000 --> 00:02.000\n"
		  "Fish &amp; chips &lt;3 &gt; x&nbsp;y &lrm;&rlm; &#65;&#x42; &quot;q&quot; &apos;\n"
		  "AT&T &unknown; &amp &#; &#xD800; &#0; &#10; 5 &lt; 6 --&gt; ok\n");
	CHECK(v.n == 1);
	if (v.n != 1)
		return;
	CHECK_STR(v.cues[0].text,
		  "Fish & chips <3 > x\xC2\xA0y \xE2\x80\x8E\xE2\x80\x8F AB \"q\" '\n"
		  "AT&T &unknown; &amp &#; \xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD 5 < 6 --> ok");
	const char *w = written(&v);
	CHECK_CONTAINS(w, "Fish &amp; chips &lt;3 &gt; x\xC2\xA0y");
	CHECK_CONTAINS(w, "AT&amp;T &amp;unknown; &amp;amp &amp;#;");
	CHECK_CONTAINS(w, "5 &lt; 6 --&gt; ok\n");
	check_round_trip(&v);
}

static void test_bom_crlf_cr(void)
{
	struct vtt v = PARSE("\xEF\xBB\xBFWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nOne\r\ntwo\r\n\r\n"
			     "00:02.000 --> 00:03.000\r\nThree\r\n");
	CHECK(v.n == 2 && strcmp(v.cues[0].text, "One\ntwo") == 0 && strcmp(v.cues[1].text, "Three") == 0);
	v = PARSE("WEBVTT\r\rid\r00:01.000 --> 00:02.000\rOne\rtwo\r\r00:02.000 --> 00:03.000\rThree");
	CHECK(v.n == 2 && strcmp(v.cues[0].id, "id") == 0 && strcmp(v.cues[0].text, "One\ntwo") == 0);
	/* lines of spaces count as blank; spaces around text lines go; a cue may have no text */
	v = PARSE("WEBVTT\n   \n00:01.000 --> 00:02.000\n   padded   \n\t\n \n00:02.000 --> 00:03.000\n\n\n");
	CHECK(v.n == 2 && strcmp(v.cues[0].text, "padded") == 0 && strcmp(v.cues[1].text, "") == 0);
	check_round_trip(&v);
	/* a line of spaces inside a cue's text, or a note, is part of it unless a cue follows */
	v = PARSE(
	    "WEBVTT\n\n00:01.000 --> 00:02.000\nline one\n   \nline two\n \n2\n00:02.000 --> 00:03.000\n"
	    "three\n\t\n00:03.000 --> 00:04.000\nfour\n \n\nNOTE a\n \nb\n \n00:05.000 --> 00:06.000\nfive\n"
	    "  \nNOTE after\n\n00:06.000 --> 00:07.000\nsix\n ");
	CHECK(v.n == 5);
	if (v.n == 5) {
		CHECK_STR(v.cues[0].text, "line one\nline two");
		CHECK_STR(v.cues[1].id, "2");
		CHECK_STR(v.cues[1].text, "three");
		CHECK_STR(v.cues[2].text, "four");
		CHECK_STR(v.cues[3].text, "five");
		CHECK_STR(v.cues[4].text, "six");
	}
	check_round_trip(&v);
	v = PARSE("WEBVTT");
	CHECK(v.n == 0);
	CHECK_STR(written(&v), "WEBVTT\n");
	v = PARSE("WEBVTT\tfile\n");
	CHECK(v.n == 0);
}

static void test_blocks_skipped(void)
{
	struct vtt v = PARSE("WEBVTT\n\nSTYLE\n::cue {\n  color: yellow;\n}\n\nREGION\nid:fred width:40%\n\n"
			     "NOTE This is a comment\nover two lines\n\nNOTE\nanother\n\n"
			     "00:01.000 --> 00:02.000\nHello\n\nNOTE in between\n\n"
			     "NOTE\tat the end\n");
	CHECK(v.n == 1 && strcmp(v.cues[0].text, "Hello") == 0);
	/* a cue whose id is STYLE is still a cue; NOTES is an id too */
	v = PARSE(
	    "WEBVTT\n\nSTYLE\n00:01.000 --> 00:02.000\nstyled\n\nNOTES\n00:02.000 --> 00:03.000\nnotes\n");
	CHECK(v.n == 2 && strcmp(v.cues[0].id, "STYLE") == 0 && strcmp(v.cues[1].id, "NOTES") == 0);
	check_round_trip(&v);
	/* a NOTE after spaces is a note still, never an id that would read as one once written trimmed */
	v = PARSE("WEBVTT\n\n\t NOTE indented\n\n 2 \n00:01.000 --> 00:02.000\nx\n");
	CHECK(v.n == 1 && strcmp(v.cues[0].id, "2") == 0);
	CHECK_CONTAINS(REFUSED("WEBVTT\n\n\tNOTE\n00:01.000 --> 00:02.000\nx\n"), "Line 4: a NOTE runs");
}

static void test_lines(void)
{
	struct vtt_lines r;
	const char *l;
	size_t n;
	vtt_lines_init(&r, "a\r\nb\rc\n\nd\r", 10);
	const char *want[] = {"a", "b", "c", "", "d"};
	for (int i = 0; i < 5; i++) {
		CHECK(vtt_lines_next(&r, &l, &n) == 1);
		CHECK(n == strlen(want[i]) && memcmp(l, want[i], n) == 0);
		CHECK(r.line == (unsigned)i + 1);
	}
	CHECK(vtt_lines_next(&r, &l, &n) == 0);
	vtt_lines_init(&r, "", 0);
	CHECK(vtt_lines_next(&r, &l, &n) == 0);
	CHECK(vtt_check_text("ok\r\n\xC3\xA9", 6, &err) == 0);
	CHECK(vtt_check_text("\r\n\r\xE2\x82", 6, &err) == -1);
	CHECK_STR(err.key, "admin.video.error.text.utf8");
	CHECK_STR(msg_get(&err, "line"), "3");
	CHECK_STR(msg_en(&err), "Line 3: the text is not valid UTF-8; save the file as UTF-8 and try again.");
	/* a STYLE block at the end of the file, without a body */
	struct vtt v = PARSE("WEBVTT\n\nSTYLE");
	CHECK(v.n == 0);
	v = PARSE("WEBVTT\n\nREGION  \n");
	CHECK(v.n == 0);
	v = PARSE("WEBVTT\n\nSTYLE\n\n00:01.000 --> 00:02.000\nkept\n");
	CHECK(v.n == 1);
}

static void test_order_and_arrows(void)
{
	/* cues sorted by start, equal starts kept in the file's order */
	struct vtt v = PARSE("WEBVTT\n\n00:05.000 --> 00:06.000\nc\n\n00:01.000 --> 00:09.000\na\n\n"
			     "00:05.000 --> 00:05.500\nd\n\n00:03.000 --> 00:03.000\nb\n");
	CHECK(v.n == 4);
	if (v.n == 4) {
		CHECK_STR(v.cues[0].text, "a");
		CHECK_STR(v.cues[1].text, "b");
		CHECK_STR(v.cues[2].text, "c");
		CHECK_STR(v.cues[3].text, "d");
	}
	check_round_trip(&v);
	/* a timing line right after text starts the next cue, as browsers read it */
	v = PARSE("WEBVTT\n\n00:01.000 --> 00:02.000\nfirst\n00:02.000 --> 00:03.000\nsecond\n");
	CHECK(v.n == 2 && strcmp(v.cues[0].text, "first") == 0 && strcmp(v.cues[1].text, "second") == 0);
	/* no space around the arrow, hours past 99 */
	v = PARSE("WEBVTT\n\n00:01.000-->00:02.000\nx\n\n100:00:00.000 --> 100:00:01.000\ny\n");
	CHECK(v.n == 2 && v.cues[1].start_ms == INT64_C(360000000));
	check_round_trip(&v);
}

static void test_refused(void)
{
	CHECK_STR(REFUSED(""), "Line 1: a WebVTT file starts with the line WEBVTT.");
	CHECK_STR(REFUSED("WEBVTTX\n"), "Line 1: a WebVTT file starts with the line WEBVTT.");
	CHECK_STR(REFUSED("webvtt\n"), "Line 1: a WebVTT file starts with the line WEBVTT.");
	CHECK_CONTAINS(REFUSED("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), "Line 1: ");
	CHECK_CONTAINS(REFUSED("1\n00:00:01,000 --> 00:00:02,000\nHi\n"), "SRT");
	CHECK_CONTAINS(REFUSED("WEBVTT\n00:01.000 --> 00:02.000\nHi\n"), "Line 2: leave a blank line");
	CHECK_STR(REFUSED("WEBVTT\n\n00:05.000 --> 00:03.000\nHi\n"),
		  "Line 3: the cue's end (00:00:03.000) is before its start (00:00:05.000).");
	CHECK_STR(
	    REFUSED("WEBVTT\n\n1\n00:00:01,000 --> 00:00:02.000\nHi\n"),
	    "Line 4: the cue's start “00:00:01,000” is not a WebVTT time; write times like 00:01:02.345 "
	    "or 01:02.345 (a full stop before the three digits of milliseconds).");
	CHECK_CONTAINS(REFUSED("WEBVTT\n\n00:01.000 --> 00:02\nHi\n"),
		       "Line 3: the cue's end “00:02” is not");
	CHECK_CONTAINS(REFUSED("WEBVTT\n\n00:01.000 --> 00:02.000x\nHi\n"), "Line 3: the cue's end");
	CHECK_CONTAINS(REFUSED("WEBVTT\n\n00:01.000 -> 00:02.000 -->\nHi\n"), "Line 3: a timing line reads");
	CHECK_CONTAINS(REFUSED("WEBVTT\n\n00:01.000 --> 00:02.000\nHi\n\nJust text\n"),
		       "Line 6: “Just text” is not followed by a timing line");
	CHECK_CONTAINS(REFUSED("WEBVTT\n\nid\ntext\n00:01.000 --> 00:02.000\n"),
		       "Line 3: “id” is not followed");
	CHECK_CONTAINS(REFUSED("WEBVTT\n\nNOTE\n00:01.000 --> 00:02.000\nHi\n"), "Line 4: a NOTE runs");
	CHECK_CONTAINS(REFUSED("WEBVTT\n\n00:01.000 --> 00:02.000\nCaf\xC3\n"),
		       "Line 4: the text is not valid UTF-8");
	CHECK_CONTAINS(REFUSED("WEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\n\xED\xA0\x80\r\n"),
		       "Line 4: the text is not valid UTF-8");
	CHECK_CONTAINS(refused("WEBVTT\n\n00:01.000 --> 00:02.000\na\0b\n", 36),
		       "Line 4: the text holds a NUL byte");
	/* the limits */
	buf b;
	buf_init(&b, &pool);
	buf_adds(&b, "WEBVTT\n\n");
	for (int i = 0; i <= VTT_MAX_CUE_TEXT; i++)
		buf_addc(&b, 'i');
	buf_adds(&b, "\n00:01.000 --> 00:02.000\nx\n");
	CHECK_STR(refused(b.p, b.len), "Line 3: the cue's id is too long.");
	buf_reset(&b);
	buf_adds(&b, "WEBVTT\n\n00:01.000 --> 00:02.000\n");
	for (int i = 0; i < VTT_MAX_CUE_TEXT; i++)
		buf_addc(&b, 'x');
	CHECK_STR(refused(b.p, b.len), "");
	buf_addc(&b, 'x');
	CHECK_STR(refused(b.p, b.len),
		  "Line 3: the cue's text is longer than 2000 bytes; split it in shorter cues.");
	buf_reset(&b);
	buf_adds(&b, "WEBVTT\n");
	for (int i = 0; i <= VTT_MAX_CUES; i++)
		buf_adds(&b, "\n00:01.000 --> 00:02.000\n");
	CHECK_STR(refused(b.p, b.len), "Line 40003: the file has more than 20000 cues.");
	buf_reset(&b);
	buf_adds(&b, "WEBVTT\n\nNOTE ");
	while (b.len <= VTT_MAX_BYTES)
		buf_adds(&b, "0123456789");
	CHECK_CONTAINS(refused(b.p, b.len), "The file is larger than 1024 KB");
}

/* A refusal is a key and its values, said later in the editor's language; the line is one of the values. */
static void test_refusal_keys(void)
{
	REFUSED("WEBVTT\n\n00:05.000 --> 00:03.000\nHi\n");
	CHECK_STR(err.key, "admin.video.error.vtt.end_before_start");
	CHECK_STR(msg_get(&err, "line"), "3");
	CHECK_STR(msg_get(&err, "end"), "00:00:03.000");
	CHECK_STR(msg_get(&err, "start"), "00:00:05.000");
	REFUSED("WEBVTT\n\n1\n00:00:01,000 --> 00:00:02.000\nHi\n");
	CHECK_STR(err.key, "admin.video.error.vtt.bad_start");
	CHECK_STR(msg_get(&err, "line"), "4");
	CHECK_STR(msg_get(&err, "text"), "00:00:01,000");
	/* an editor's text quoted: cut at 40 bytes with "…" */
	CHECK_STR(
	    REFUSED("WEBVTT\n\nabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz\n"),
	    "Line 3: “abcdefghijklmnopqrstuvwxyzabcdefghijklmn…” is not followed by a timing line; a cue "
	    "starts with its times, like 00:00:01.000 --> 00:00:04.000 (an id before them is optional).");
	CHECK_STR(err.key, "admin.video.error.vtt.no_timing");
	REFUSED("1\n00:00:01,000 --> 00:00:02,000\nHi\n");
	CHECK_STR(err.key, "admin.video.error.vtt.srt");
	CHECK_STR(msg_get(&err, "line"), "1");
	REFUSED("WEBVTT\n\nx\xFF\n");
	CHECK_STR(err.key, "admin.video.error.text.utf8");
	CHECK_STR(msg_get(&err, "line"), "3");
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_clock);
	RUN(test_clock_parse);
	RUN(test_clock_scan_vtt);
	RUN(test_basic);
	RUN(test_speakers_and_tags);
	RUN(test_entities);
	RUN(test_bom_crlf_cr);
	RUN(test_blocks_skipped);
	RUN(test_lines);
	RUN(test_order_and_arrows);
	RUN(test_refused);
	RUN(test_refusal_keys);
	h2o_mem_clear_pool(&pool);
	return unit_done("webvtt");
}
