/* chart: a line chart written as inline SVG (role="img", a <title>), pure: no state, labels escaped. */
#ifndef PLENARY_CHART_H
#define PLENARY_CHART_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"

/** One line of a chart: its name (the legend's text) and one value per point (negative values count as 0). */
struct chart_series {
	const char *name;
	const int64_t *values;
};

/** The scale's top: the smallest of 1, 2 or 5 times a power of ten at or above max (1 for max <= 1). */
int64_t chart_nice_max(int64_t max);

/** Appends an <svg> line chart of npoints points (labels[i] under point i: the first and last are written,
 * and some between) and nseries lines to out. title is the chart's accessible name (its <title>); every text
 * is escaped. Without points the chart has its axes and no line; one point is drawn as a dot. */
void chart_svg(buf *out, const char *title, const char *const *labels, size_t npoints,
	       const struct chart_series *series, size_t nseries);

#endif
