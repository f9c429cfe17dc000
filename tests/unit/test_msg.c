/* test_msg: messages kept as a key and values where no request is at hand, then said in a language. */
#include <string.h>

#include "core/catalog.h"
#include "core/msg.h"
#include "core/text.h"
#include "unit.h"

static h2o_mem_pool_t pool;

static const char *const EN = "{\"e\": {\"line\": \"Line {line}: “{text}” is not a time.\","
			      " \"fmt\": \"It is {format}.\", \"mp3\": \"MP3 audio\", \"none\": \"Nothing.\","
			      " \"four\": \"{a}{b}{c}{d}{e}\"}}";
static const char *const FR = "{\"e\": {\"line\": \"Ligne {line} : « {text} » n’est pas un temps.\","
			      " \"fmt\": \"C’est {format}.\", \"mp3\": \"du son MP3\"}}";

static struct catalog *parse(const char *text, const char *lang)
{
	char err[256];
	struct catalog *c = catalog_parse(text, "t.json", lang, err, sizeof err);
	if (!c)
		fprintf(stderr, "  refused: %s\n", err);
	CHECK(c != NULL);
	return c;
}

static void test_set_and_say(void)
{
	struct catalog *en = parse(EN, "en"), *fr = parse(FR, "fr");
	if (!en || !fr)
		return;
	const struct catalog *fr_chain[2] = {fr, en}, *en_chain[1] = {en};
	struct msg m;
	CHECK(msg_set(&m, "e.line", "text", "1:2x", NULL) == -1);
	CHECK(msg_int(&m, "line", 14) == -1);
	CHECK_STR(msg_get(&m, "line"), "14");
	CHECK_STR(msg_get(&m, "text"), "1:2x");
	CHECK(msg_get(&m, "other") == NULL);
	CHECK_STR(msg_text(&pool, en_chain, 1, &m), "Line 14: “1:2x” is not a time.");
	CHECK_STR(msg_text(&pool, fr_chain, 2, &m), "Ligne 14 : « 1:2x » n’est pas un temps.");
	/* a value that is a key is said in the same language; a key French lacks falls back to English */
	msg_set(&m, "e.fmt", NULL);
	msg_key(&m, "format", "e.mp3");
	CHECK_STR(msg_text(&pool, en_chain, 1, &m), "It is MP3 audio.");
	CHECK_STR(msg_text(&pool, fr_chain, 2, &m), "C’est du son MP3.");
	msg_set(&m, "e.none", NULL);
	CHECK(m.n == 0);
	CHECK_STR(msg_text(&pool, fr_chain, 2, &m), "Nothing.");
	/* a key no catalog has is said as itself; no message at all is "" */
	msg_set(&m, "e.missing", NULL);
	CHECK_STR(msg_text(&pool, fr_chain, 2, &m), "e.missing");
	m.key = NULL;
	CHECK_STR(msg_text(&pool, fr_chain, 2, &m), "");
	/* at most MSG_MAX_PARAMS values; the fifth is dropped, its placeholder left as it is */
	msg_set(&m, "e.four", "a", "1", "b", "2", "c", "3", "d", "4", "e", "5", NULL);
	CHECK(m.n == MSG_MAX_PARAMS);
	CHECK_STR(msg_text(&pool, en_chain, 1, &m), "1234{e}");
	catalog_free(en);
	catalog_free(fr);
}

static void test_values_are_copied_and_cut(void)
{
	struct msg m;
	char text[8] = "abc";
	msg_set(&m, "k", "text", text, NULL);
	strcpy(text, "xyz");
	CHECK_STR(msg_get(&m, "text"), "abc"); /* copied: the msg outlives what it was made from */
	/* a quoted text: MSG_CLIP bytes at most, cut on a character's edge, "…" after it */
	char s[100];
	memset(s, 'a', sizeof s);
	memcpy(s + 38, "\xC3\xA9\xC3\xA9", 4); /* é at bytes 38-39 and 40-41 */
	msg_set(&m, "k", NULL);
	msg_clip(&m, "text", s, sizeof s);
	const char *v = msg_get(&m, "text");
	CHECK(v && strlen(v) == 40 + strlen("…") && text_utf8_ok(v));
	CHECK(v && strcmp(v + 40, "…") == 0);
	memset(s, 'a', sizeof s);
	memcpy(s + 39, "\xC3\xA9", 2); /* é at bytes 39-40: cut before it */
	msg_set(&m, "k", NULL);
	msg_clip(&m, "text", s, sizeof s);
	v = msg_get(&m, "text");
	CHECK(v && strlen(v) == 39 + strlen("…") && text_utf8_ok(v));
	msg_clip(&m, "short", "[1:2]", 5);
	CHECK_STR(msg_get(&m, "short"), "[1:2]");
	/* a long value (a codec's name) is cut to fit, whole characters still */
	char big[300];
	for (size_t i = 0; i + 2 < sizeof big; i += 2)
		memcpy(big + i, "\xC3\xA9", 2);
	big[sizeof big - 2] = '\0';
	msg_set(&m, "k", "name", big, NULL);
	v = msg_get(&m, "name");
	CHECK(v && strlen(v) < MSG_MAX_VALUE && strlen(v) >= MSG_MAX_VALUE - 3 && text_utf8_ok(v));
	msg_int(&m, "n", -42);
	CHECK_STR(msg_get(&m, "n"), "-42");
}

static void test_describe(void)
{
	struct msg m;
	char out[128];
	msg_set(&m, "admin.video.error.vtt.arrow", NULL);
	msg_int(&m, "line", 3);
	msg_describe(&m, out, sizeof out);
	CHECK_STR(out, "admin.video.error.vtt.arrow (line=3)");
	msg_set(&m, "k", "a", "1", "b", "2", NULL);
	msg_describe(&m, out, sizeof out);
	CHECK_STR(out, "k (a=1, b=2)");
	msg_set(&m, "k", NULL);
	msg_describe(&m, out, sizeof out);
	CHECK_STR(out, "k");
	m.key = NULL;
	msg_describe(&m, out, sizeof out);
	CHECK_STR(out, "(none)");
	msg_set(&m, "a.long.key", "name", "a value far longer than the room", NULL);
	msg_describe(&m, out, 12);
	CHECK(strlen(out) == 11);
}

int main(void)
{
	h2o_mem_init_pool(&pool);
	RUN(test_set_and_say);
	RUN(test_values_are_copied_and_cut);
	RUN(test_describe);
	h2o_mem_clear_pool(&pool);
	return unit_done("msg");
}
