/* atomic_file.h - the one way the project replaces a file: the bytes go
 * to a temporary file in the same directory (".tmp.NAME.XXXXXX"), which
 * is then renamed over the path, so a reader (a concurrent worker, an
 * editor, make) sees the old content or the new, never a part. Used by the
 * result cache, the baseline writer and --fix --in-place.
 */
#ifndef KC_UTIL_ATOMIC_FILE_H
#define KC_UTIL_ATOMIC_FILE_H

#include <stddef.h>

enum {
	KC_ATOMIC_KEEP_MODE = 1, /* the new file gets path's mode when path
				  * exists (else 0666 less the umask) */
	KC_ATOMIC_FSYNC = 2,     /* fsync before the rename (user files) */
};

/* One piece of the content. */
struct kc_iobuf {
	const void *p;
	size_t n;
};

/* Writes the n pieces, in order, to path atomically. Returns 0, or -1
 * with errno set (ENAMETOOLONG for a path too long for the temporary
 * name); the temporary file is gone either way. */
int kc_write_atomic(const char *path, const struct kc_iobuf *v, size_t n,
		    unsigned flags);

#endif
