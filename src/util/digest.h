/* digest.h - XXH3 digests (libxxhash, header-only use) for the result
 * cache and the prefilter's cached index.
 *
 * A struct kc_digest accumulates the parts of a cache key (128 bits,
 * printed as 32 hex digits); kc_digest_file hashes one file's content
 * (64 bits) to validate the files an entry depends on.
 */
#ifndef KC_UTIL_DIGEST_H
#define KC_UTIL_DIGEST_H

#include <stddef.h>

#define KC_DIGEST_HEX 33 /* 32 hex digits and the NUL */

struct kc_digest;

/* Returns a new digest (free with kc_digest_free) or NULL on OOM. */
struct kc_digest *kc_digest_new(void);
void kc_digest_free(struct kc_digest *d);
void kc_digest_add(struct kc_digest *d, const void *p, size_t len);
/* Adds s and its NUL, so ("ab","c") and ("a","bc") differ. */
void kc_digest_add_str(struct kc_digest *d, const char *s);
void kc_digest_add_u64(struct kc_digest *d, unsigned long long v);
/* Writes the 128-bit digest so far as hex into hex[KC_DIGEST_HEX]. */
void kc_digest_hex(const struct kc_digest *d, char *hex);

/* 128-bit digest of p[0..len) as hex. */
void kc_digest_buf_hex(const void *p, size_t len, char *hex);

/* 64-bit content hash of the file at path into *h. Returns 0, or -1
 * when it cannot be read (errno set). */
int kc_digest_file(const char *path, unsigned long long *h);

/* Adds the content of path (and its name) to d; a missing file adds a
 * marker instead. Returns 0, or -1 when it exists but cannot be read. */
int kc_digest_add_file(struct kc_digest *d, const char *path);

#endif
