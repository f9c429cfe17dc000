/* prom: writes metrics in Prometheus's text exposition format, escaping help text and label values. */
#include "core/prom.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

/* Help text escapes backslash and newline; a label value also the double quote. */
static void escaped(buf *b, const char *s, int quote)
{
	for (; *s; s++) {
		if (*s == '\\')
			buf_adds(b, "\\\\");
		else if (*s == '\n')
			buf_adds(b, "\\n");
		else if (quote && *s == '"')
			buf_adds(b, "\\\"");
		else
			buf_addc(b, *s);
	}
}

void prom_family(buf *b, const char *name, const char *type, const char *help)
{
	buf_printf(b, "# HELP %s ", name);
	escaped(b, help, 0);
	buf_printf(b, "\n# TYPE %s %s\n", name, type);
}

/* name{a="x",b="y"} with le last when given; no braces without labels. */
static void head(buf *b, const char *name, const char *suffix, const struct prom_label *labels, size_t n,
		 const char *le)
{
	buf_adds(b, name);
	buf_adds(b, suffix);
	if (!n && !le)
		return;
	buf_addc(b, '{');
	for (size_t i = 0; i < n; i++) {
		buf_printf(b, "%s%s=\"", i ? "," : "", labels[i].name);
		escaped(b, labels[i].value, 1);
		buf_addc(b, '"');
	}
	if (le)
		buf_printf(b, "%sle=\"%s\"", n ? "," : "", le);
	buf_addc(b, '}');
}

/* A number as the format reads it: Go's ParseFloat, so +Inf, -Inf and NaN by those names. */
static void number(buf *b, double v)
{
	if (isnan(v))
		buf_adds(b, "NaN");
	else if (isinf(v))
		buf_adds(b, v > 0 ? "+Inf" : "-Inf");
	else
		buf_printf(b, "%.15g", v);
}

void prom_u64(buf *b, const char *name, const struct prom_label *labels, size_t nlabels, uint64_t value)
{
	head(b, name, "", labels, nlabels, NULL);
	buf_printf(b, " %" PRIu64 "\n", value);
}

void prom_double(buf *b, const char *name, const struct prom_label *labels, size_t nlabels, double value)
{
	head(b, name, "", labels, nlabels, NULL);
	buf_addc(b, ' ');
	number(b, value);
	buf_addc(b, '\n');
}

void prom_histogram(buf *b, const char *name, const struct prom_label *labels, size_t nlabels,
		    const double *bounds, size_t nbounds, const uint64_t *counts, double sum)
{
	uint64_t total = 0;
	for (size_t i = 0; i <= nbounds; i++) {
		char le[32];
		total += counts[i];
		if (i < nbounds)
			snprintf(le, sizeof le, "%g", bounds[i]);
		else
			snprintf(le, sizeof le, "+Inf");
		head(b, name, "_bucket", labels, nlabels, le);
		buf_printf(b, " %" PRIu64 "\n", total);
	}
	head(b, name, "_sum", labels, nlabels, NULL);
	buf_addc(b, ' ');
	number(b, sum);
	buf_addc(b, '\n');
	head(b, name, "_count", labels, nlabels, NULL);
	buf_printf(b, " %" PRIu64 "\n", total);
}
