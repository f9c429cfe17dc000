/* prom: Prometheus's text exposition format (version 0.0.4): families, samples with labels, histograms. */
#ifndef PLENARY_PROM_H
#define PLENARY_PROM_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/** The content type of the text format. */
#define PROM_CONTENT_TYPE "text/plain; version=0.0.4; charset=utf-8"

/** A label of a sample: its value is escaped as the format wants (backslash, double quote, newline). */
struct prom_label {
	const char *name, *value;
};

/** Starts a family: its # HELP (escaped) and # TYPE lines; type is "counter", "gauge" or "histogram". A
 * counter's name ends in _total. */
void prom_family(buf *b, const char *name, const char *type, const char *help);
/** One sample line: name{labels} value, an integer. */
void prom_u64(buf *b, const char *name, const struct prom_label *labels, size_t nlabels, uint64_t value);
/** One sample line with a value that need not be whole (seconds, ratios). */
void prom_double(buf *b, const char *name, const struct prom_label *labels, size_t nlabels, double value);
/** A histogram's samples for one set of labels: name_bucket{...,le="B"} for each bound (cumulative, from
 * counts[i], the observations in bucket i, not cumulative: at most bounds[i] and above the bound before),
 * le="+Inf" with counts[nbounds] (those above the last bound) added, then name_sum and name_count. bounds
 * rise; counts has nbounds + 1 items. */
void prom_histogram(buf *b, const char *name, const struct prom_label *labels, size_t nlabels,
		    const double *bounds, size_t nbounds, const uint64_t *counts, double sum);

#endif
