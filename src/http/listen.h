/* listen: opens a listening TCP socket from ADDR:PORT (the site's listener, the metrics' own). */
#ifndef PLENARY_LISTEN_H
#define PLENARY_LISTEN_H

#include <stddef.h>

/** Opens a listening socket with SO_REUSEPORT, so each worker has its own and the kernel spreads
 * connections: its descriptor, or -1 with why in err. */
int listen_socket(const char *addr, char *err, size_t errlen);

#endif
