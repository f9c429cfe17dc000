/* static: `plenary export --static DIR`: every public page, feed, sitemap, asset and image of the sites as
 * files under DIR at their own URLs, rendered by the real server (started in this process on loopback). */
#ifndef PLENARY_EXPORT_STATIC_H
#define PLENARY_EXPORT_STATIC_H

#include "core/config.h"

struct app;

struct export_options {
	const char *dir; /* --static DIR */
	const char
	    *site; /* --site HOST: only that site, straight into DIR; NULL: every site in DIR/<host>/ */
	int force; /* --force: write into a folder with files but no manifest */
};

/** Reads the arguments after `plenary export` into cfg (the --config file first, then --db, --threads)
 * and o. Returns -1 to go on, else the exit status: 0 after --help, 2 after saying what is wrong. */
int export_parse_args(int argc, char **argv, struct config *cfg, struct export_options *o);
/** Runs the export with app prepared as for serving (templates, assets, sites, form key); prints a summary
 * and returns the exit status: 0 when every page was exported, 1 otherwise (then nothing is deleted). */
int export_static(struct app *app, const struct export_options *o);
/** The usage lines of the export command, for plenary --help. */
#define EXPORT_USAGE                                                                                         \
	"  plenary export --static DIR [--db PATH] [--config FILE] [--site HOST] [--threads N] [--force]\n"  \
	"                       write the public pages, feeds, sitemaps, assets and images as files under\n" \
	"                       DIR (one folder per site host, or only HOST straight into DIR)\n"
#endif
