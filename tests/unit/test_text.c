/* test_text: text_utf8_ok, the check that keeps a name no record can have away from the database. */
#include <string.h>

#include "core/text.h"
#include "unit.h"

static void test_utf8_accepted(void)
{
	CHECK(text_utf8_ok(""));
	CHECK(text_utf8_ok("lung-cancer"));
	CHECK(text_utf8_ok("\xC3\xA9t\xC3\xA9")); /* été */
	CHECK(text_utf8_ok("\xE2\x82\xAC"));	  /* the euro sign */
	CHECK(text_utf8_ok("\xED\x9F\xBF"));	  /* U+D7FF, just below the surrogates */
	CHECK(text_utf8_ok("\xEE\x80\x80"));	  /* U+E000, just above them */
	CHECK(text_utf8_ok("\xF0\x9D\x84\x9E"));  /* a four-byte character */
	CHECK(text_utf8_ok("\xF4\x8F\xBF\xBF"));  /* U+10FFFF, the last */
}

static void test_utf8_refused(void)
{
	CHECK(!text_utf8_ok("\xFF"));
	CHECK(!text_utf8_ok("a\x80"));		      /* a continuation byte alone */
	CHECK(!text_utf8_ok("\xC3\x28"));	      /* a lead byte without its continuation */
	CHECK(!text_utf8_ok("\xE2\x82"));	      /* cut short at the end */
	CHECK(!text_utf8_ok("\xC0\xAF"));	      /* an overlong '/' */
	CHECK(!text_utf8_ok("\xC1\xBF"));	      /* overlong */
	CHECK(!text_utf8_ok("\xE0\x80\xAF"));	      /* overlong in three bytes */
	CHECK(!text_utf8_ok("\xF0\x80\x80\xAF"));     /* overlong in four */
	CHECK(!text_utf8_ok("\xED\xA0\x80"));	      /* U+D800, a surrogate */
	CHECK(!text_utf8_ok("\xED\xBF\xBF"));	      /* U+DFFF */
	CHECK(!text_utf8_ok("\xF4\x90\x80\x80"));     /* U+110000 */
	CHECK(!text_utf8_ok("\xF5\x80\x80\x80"));     /* no such lead byte */
	CHECK(!text_utf8_ok("\xF8\x88\x80\x80\x80")); /* five bytes */
}

static void test_cut_keeps_characters_whole(void)
{
	const char *s = "ab\xC3\xA9t\xC3\xA9\xE2\x82\xAC"; /* "abété€": 2 + 2 + 1 + 2 + 3 bytes */
	size_t n = strlen(s);
	CHECK(text_cut(s, n, 100) == n);
	CHECK(text_cut(s, n, n) == n);
	CHECK(text_cut(s, n, 2) == 2); /* before é */
	CHECK(text_cut(s, n, 3) == 2); /* inside é: without it */
	CHECK(text_cut(s, n, 4) == 4); /* after é */
	CHECK(text_cut(s, n, 8) == 7); /* inside €, one byte in */
	CHECK(text_cut(s, n, 9) == 7); /* two bytes in */
	CHECK(text_cut(s, n, 0) == 0);
	CHECK(text_cut("\xC3\xA9", 2, 1) == 0);
}

int main(void)
{
	RUN(test_utf8_accepted);
	RUN(test_utf8_refused);
	RUN(test_cut_keeps_characters_whole);
	return unit_done("text");
}
