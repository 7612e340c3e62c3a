/* cache_int.h - struct kc_cache, shared by cache.c, entry.c and admin.c. */
#ifndef KC_CACHE_CACHE_INT_H
#define KC_CACHE_CACHE_INT_H

#include <limits.h>

#include "cache/cache.h"
#include "util/digest.h"

struct kc_cache {
	char dir[PATH_MAX];
	unsigned long long max_bytes;
	char base[KC_DIGEST_HEX];   /* digest of everything run-wide */
};

/* mkdir -p of path (mode 0777 & umask). Returns 0 or -1 (errno). */
int kc_cache_mkdirs(const char *path);

#endif
