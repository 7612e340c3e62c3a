/* atomic_file.c - replace a file by rename (atomic_file.h). */
#include "util/atomic_file.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/fdio.h"

static mode_t default_mode(void)
{
	mode_t um = umask(022);

	umask(um);
	return 0666 & ~um;
}

int kc_write_atomic(const char *path, const struct kc_iobuf *v, size_t n,
		    unsigned flags)
{
	char tmp[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat st;
	mode_t mode;
	size_t i;
	int fd, len, e;

	if (slash)
		len = snprintf(tmp, sizeof(tmp), "%.*s/.tmp.%s.XXXXXX",
			       (int)(slash - path), path, slash + 1);
	else
		len = snprintf(tmp, sizeof(tmp), ".tmp.%s.XXXXXX", path);
	if (len < 0 || (size_t)len >= sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	fd = mkstemp(tmp);
	if (fd < 0)
		return -1;
	mode = default_mode();
	if ((flags & KC_ATOMIC_KEEP_MODE) && !stat(path, &st))
		mode = st.st_mode & 07777;
	if (fchmod(fd, mode))
		goto fail;
	for (i = 0; i < n; i++)
		if (kc_write_full(fd, v[i].p, v[i].n))
			goto fail;
	if ((flags & KC_ATOMIC_FSYNC) && fsync(fd))
		goto fail;
	if (close(fd)) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (rename(tmp, path))
		goto fail;
	return 0;
fail:
	e = errno;
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	errno = e;
	return -1;
}
