/* chart: a line chart written as inline SVG, readable without JavaScript; the page puts its numbers beside
 * it. */
#include "render/chart.h"

#include <string.h>

#include "render/escape.h"

#define W 720.0	  /* the drawing's width, in its own units (it scales to the page) */
#define H 240.0	  /* its height */
#define LEFT 64.0 /* room for the scale's numbers */
#define RIGHT 12.0
#define TOP 28.0 /* room for the legend */
#define BOTTOM 28.0
#define TICKS 4 /* lines across the plot: 0, a quarter, ..., the top */

static const char *const colours[] = {"#1f5fa8", "#c0392b", "#2e8540", "#8e44ad", "#b9770e"};
#define NCOLOURS (sizeof colours / sizeof colours[0])

int64_t chart_nice_max(int64_t max)
{
	if (max <= 1)
		return 1;
	int64_t p = 1;
	while (p <= max / 10)
		p *= 10;
	/* p <= max < 10p: the top is 1p, 2p, 5p or 10p, whichever first holds max */
	if (max <= p)
		return p;
	if (max <= 2 * p)
		return 2 * p;
	if (max <= 5 * p)
		return 5 * p;
	return p > INT64_MAX / 10 ? INT64_MAX : 10 * p;
}

static void text(buf *out, const char *s)
{
	esc_html(out, s ? s : "", s ? strlen(s) : 0);
}

static double x_of(size_t i, size_t npoints)
{
	double span = W - LEFT - RIGHT;
	return npoints <= 1 ? LEFT + span / 2 : LEFT + span * (double)i / (double)(npoints - 1);
}

static double y_of(int64_t v, int64_t top)
{
	if (v < 0)
		v = 0;
	return H - BOTTOM - (H - TOP - BOTTOM) * ((double)v / (double)top);
}

void chart_svg(buf *out, const char *title, const char *const *labels, size_t npoints,
	       const struct chart_series *series, size_t nseries)
{
	int64_t max = 0;
	for (size_t s = 0; s < nseries; s++)
		for (size_t i = 0; i < npoints; i++)
			if (series[s].values[i] > max)
				max = series[s].values[i];
	int64_t top = chart_nice_max(max);
	buf_printf(out,
		   "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 %.0f %.0f\" "
		   "xmlns=\"http://www.w3.org/2000/svg\" font-family=\"sans-serif\" font-size=\"12\"><title>",
		   W, H);
	text(out, title);
	buf_adds(out, "</title>");
	/* the scale: lines across at 0, a quarter, ..., the top, each with its number */
	for (int t = 0; t <= TICKS; t++) {
		int64_t v = top / TICKS * t + (t == TICKS ? top % TICKS : 0);
		double y = y_of(v, top);
		buf_printf(out,
			   "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>"
			   "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#555\">%lld</text>",
			   LEFT, y, W - RIGHT, y, LEFT - 6, y + 4, (long long)v);
	}
	/* the labels under the points: the first, the last, and about five between */
	size_t step = npoints > 7 ? (npoints + 5) / 6 : 1;
	for (size_t i = 0; i < npoints && labels; i++) {
		if (i % step != 0 && i != npoints - 1)
			continue;
		if (i != npoints - 1 && i + step / 2 > npoints - 1 && i != 0)
			continue; /* too close to the last one */
		const char *anchor = npoints == 1	? "middle"
				     : i == 0		? "start"
				     : i == npoints - 1 ? "end"
							: "middle";
		buf_printf(out, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" fill=\"#555\">",
			   x_of(i, npoints), H - 8, anchor);
		text(out, labels[i]);
		buf_adds(out, "</text>");
	}
	for (size_t s = 0; s < nseries; s++) {
		const char *c = colours[s % NCOLOURS];
		/* the legend: a square of the line's colour and its name */
		double lx = LEFT + 160.0 * (double)s;
		buf_printf(out,
			   "<rect x=\"%.1f\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/>"
			   "<text x=\"%.1f\" y=\"16\" fill=\"#222\">",
			   lx, c, lx + 16);
		text(out, series[s].name);
		buf_adds(out, "</text>");
		if (npoints == 1) {
			buf_printf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\"/>", x_of(0, 1),
				   y_of(series[s].values[0], top), c);
		} else if (npoints > 1) {
			buf_printf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
				   c);
			for (size_t i = 0; i < npoints; i++)
				buf_printf(out, "%s%.1f,%.1f", i ? " " : "", x_of(i, npoints),
					   y_of(series[s].values[i], top));
			buf_adds(out, "\"/>");
		}
	}
	buf_adds(out, "</svg>");
}
