/* text: small checks on user-supplied text: character counts and plausible email addresses. */
#include "core/text.h"

#include <string.h>

size_t text_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int text_email_ok(const char *e)
{
	const char *at = strchr(e, '@');
	if (!at || at == e || strchr(at + 1, '@') || strlen(e) > 254)
		return 0;
	const char *dot = strrchr(at, '.');
	if (!dot || dot == at + 1 || dot[1] == '\0')
		return 0;
	for (const char *c = e; *c; c++)
		if ((unsigned char)*c <= ' ' || *c == '<' || *c == '>' || *c == '"' || *c == ',' ||
		    *c == 0x7f)
			return 0;
	return 1;
}

int text_clean(const char *s, int multiline)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == 0x7f || (c < 0x20 && !(multiline && (c == '\t' || c == '\r' || c == '\n'))))
			return 0;
	}
	return 1;
}
