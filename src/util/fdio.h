/* fdio.h - whole writes to file descriptors. */
#ifndef KC_UTIL_FDIO_H
#define KC_UTIL_FDIO_H

#include <stddef.h>

/* Writes all n bytes of buf to fd, retrying short writes and EINTR.
 * Returns 0, or -1 with errno set. */
int kc_write_full(int fd, const void *buf, size_t n);

#endif
