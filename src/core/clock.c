/* clock: a video's times in milliseconds, written and read as players, WebVTT and schema.org write them. */
#include "core/clock.h"

#include <inttypes.h>

#define MS_HOUR INT64_C(3600000)
#define MS_MINUTE INT64_C(60000)

void clock_write(buf *b, int64_t ms)
{
	if (ms < 0)
		ms = 0;
	int64_t s = ms / 1000;
	if (s >= 3600)
		buf_printf(b, "%" PRId64 ":%02d:%02d", s / 3600, (int)(s / 60 % 60), (int)(s % 60));
	else
		buf_printf(b, "%d:%02d", (int)(s / 60), (int)(s % 60));
}

void clock_write_vtt(buf *b, int64_t ms)
{
	if (ms < 0)
		ms = 0;
	buf_printf(b, "%02" PRId64 ":%02d:%02d.%03d", ms / MS_HOUR, (int)(ms / MS_MINUTE % 60),
		   (int)(ms / 1000 % 60), (int)(ms % 1000));
}

void clock_write_iso(buf *b, int64_t ms)
{
	int64_t s = ms < 0 ? 0 : ms / 1000;
	buf_adds(b, "PT");
	if (s >= 3600)
		buf_printf(b, "%" PRId64 "H", s / 3600);
	if (s / 60 % 60)
		buf_printf(b, "%dM", (int)(s / 60 % 60));
	if (s % 60 || s == 0)
		buf_printf(b, "%dS", (int)(s % 60));
}

/* Reads up to max digits at s[*i..n): their count (0 when none), the value in *v. */
static size_t digits(const char *s, size_t n, size_t *i, size_t max, int64_t *v)
{
	size_t k = 0;
	*v = 0;
	while (*i < n && k < max && s[*i] >= '0' && s[*i] <= '9') {
		*v = *v * 10 + (s[*i] - '0');
		(*i)++;
		k++;
	}
	return k;
}

int64_t clock_parse(const char *s, size_t n)
{
	int64_t f[3], ms = 0;
	size_t i = 0, nf = 0, len[3];
	for (;;) {
		len[nf] = digits(s, n, &i, 5, &f[nf]);
		if (len[nf] == 0 || (i < n && s[i] >= '0' && s[i] <= '9'))
			return -1;
		nf++;
		if (i < n && s[i] == ':' && nf < 3) {
			i++;
			continue;
		}
		break;
	}
	if (nf < 2)
		return -1;
	if (i < n && s[i] == '.') {
		i++;
		int64_t frac;
		size_t k = digits(s, n, &i, 3, &frac);
		if (k == 0)
			return -1;
		ms = k == 1 ? frac * 100 : k == 2 ? frac * 10 : frac;
	}
	if (i != n)
		return -1;
	int64_t h = 0, m, sec = f[nf - 1];
	if (len[nf - 1] != 2 || sec > 59)
		return -1;
	if (nf == 3) {
		h = f[0];
		m = f[1];
		if (len[1] != 2 || m > 59 || h > CLOCK_MAX_HOURS)
			return -1;
	} else {
		m = f[0];
		if (len[0] > 2)
			return -1;
	}
	return h * MS_HOUR + m * MS_MINUTE + sec * 1000 + ms;
}

size_t clock_scan_vtt(const char *s, size_t n, int64_t *ms)
{
	/* the W3C parser's steps: a first number that is not two digits below 60 can only be hours */
	size_t i = 0;
	int64_t v1, v2, v3, v4;
	size_t k1 = digits(s, n, &i, 12, &v1);
	if (k1 == 0 || k1 > 5 || i >= n || s[i] != ':')
		return 0;
	int hours = k1 != 2 || v1 > 59;
	i++;
	if (digits(s, n, &i, 3, &v2) != 2)
		return 0;
	if (hours || (i < n && s[i] == ':')) {
		if (i >= n || s[i] != ':')
			return 0;
		i++;
		if (digits(s, n, &i, 3, &v3) != 2)
			return 0;
	} else {
		v3 = v2;
		v2 = v1;
		v1 = 0;
	}
	if (i >= n || s[i] != '.')
		return 0;
	i++;
	if (digits(s, n, &i, 4, &v4) != 3)
		return 0;
	if (v2 > 59 || v3 > 59 || v1 > CLOCK_MAX_HOURS)
		return 0;
	*ms = v1 * MS_HOUR + v2 * MS_MINUTE + v3 * 1000 + v4;
	return i;
}
