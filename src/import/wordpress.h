/* wordpress: `plenary import wordpress FILE.xml`: a WordPress export (WXR) into a site, all or nothing. */
#ifndef PLENARY_WORDPRESS_H
#define PLENARY_WORDPRESS_H

#define IMPORT_USAGE                                                                                         \
	"  plenary import wordpress FILE.xml [--db PATH] [--config FILE] [--site HOST]\n"                    \
	"                       [--uploads DIR] [--map FILE] [--dry-run]\n"                                  \
	"                       import a WordPress export (Tools > Export) into a site, all or\n"            \
	"                       nothing; again later, it updates what it imported before\n"

/** The command: argv after "import". Exit status: 0 imported, 1 refused (nothing written), 2 usage. */
int import_main(int argc, char **argv);

#endif
