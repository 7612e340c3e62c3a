/* fdio.h - whole reads and writes on file descriptors. */
#ifndef KC_UTIL_FDIO_H
#define KC_UTIL_FDIO_H

#include <stddef.h>

/* Writes all n bytes of buf to fd, retrying short writes and EINTR.
 * Returns 0, or -1 with errno set. */
int kc_write_full(int fd, const void *buf, size_t n);

/* Reads exactly n bytes from fd into buf, retrying short reads and EINTR.
 * Returns 0, or -1 on end of file before n bytes or on error. */
int kc_read_full(int fd, void *buf, size_t n);

#endif
