/* digest.c - see digest.h. xxhash is used header-only (XXH_INLINE_ALL),
 * so nothing links against libxxhash. */
#include "util/digest.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define XXH_INLINE_ALL
#include <xxhash.h>

struct kc_digest {
	XXH3_state_t st;
};

struct kc_digest *kc_digest_new(void)
{
	struct kc_digest *d = malloc(sizeof(*d));

	if (d)
		XXH3_128bits_reset(&d->st);
	return d;
}

void kc_digest_free(struct kc_digest *d)
{
	free(d);
}

void kc_digest_add(struct kc_digest *d, const void *p, size_t len)
{
	XXH3_128bits_update(&d->st, p, len);
}

void kc_digest_add_str(struct kc_digest *d, const char *s)
{
	kc_digest_add(d, s ? s : "", strlen(s ? s : "") + 1);
}

void kc_digest_add_u64(struct kc_digest *d, unsigned long long v)
{
	kc_digest_add(d, &v, sizeof(v));
}

static void hex128(XXH128_hash_t h, char *hex)
{
	snprintf(hex, KC_DIGEST_HEX, "%016llx%016llx",
		 (unsigned long long)h.high64, (unsigned long long)h.low64);
}

void kc_digest_hex(const struct kc_digest *d, char *hex)
{
	hex128(XXH3_128bits_digest(&d->st), hex);
}

void kc_digest_buf_hex(const void *p, size_t len, char *hex)
{
	hex128(XXH3_128bits(p, len), hex);
}

int kc_digest_file(const char *path, unsigned long long *h)
{
	XXH3_state_t st;
	char buf[65536];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_NOCTTY);

	if (fd < 0)
		return -1;
	XXH3_64bits_reset(&st);
	while ((n = read(fd, buf, sizeof(buf))) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			close(fd);
			return -1;
		}
		XXH3_64bits_update(&st, buf, (size_t)n);
	}
	close(fd);
	*h = XXH3_64bits_digest(&st);
	return 0;
}

int kc_digest_add_file(struct kc_digest *d, const char *path)
{
	unsigned long long h = 0;
	struct stat st;

	kc_digest_add_str(d, path);
	if (stat(path, &st)) {
		kc_digest_add_str(d, "(missing)");
		return 0;
	}
	if (kc_digest_file(path, &h))
		return -1;
	kc_digest_add_u64(d, h);
	return 0;
}
