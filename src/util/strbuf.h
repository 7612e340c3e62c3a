/* strbuf.h - growable NUL-terminated string on the heap.
 *
 * Lifecycle: KC_STRBUF_INIT or kc_strbuf_init(), then kc_strbuf_release()
 * frees the buffer. sb->buf is always a valid string ("" when empty).
 * Functions return 0 or -KC_ENOMEM.
 */
#ifndef KC_UTIL_STRBUF_H
#define KC_UTIL_STRBUF_H

#include <stdarg.h>
#include <stddef.h>

struct kc_strbuf {
	char *buf;
	size_t len;
	size_t alloc;
};

extern char kc_strbuf_empty[];
#define KC_STRBUF_INIT { kc_strbuf_empty, 0, 0 }

void kc_strbuf_init(struct kc_strbuf *sb);
void kc_strbuf_release(struct kc_strbuf *sb);
void kc_strbuf_reset(struct kc_strbuf *sb);
int kc_strbuf_grow(struct kc_strbuf *sb, size_t extra);
int kc_strbuf_add(struct kc_strbuf *sb, const void *data, size_t len);
int kc_strbuf_adds(struct kc_strbuf *sb, const char *s);
int kc_strbuf_addch(struct kc_strbuf *sb, int c);
int kc_strbuf_addf(struct kc_strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
int kc_strbuf_vaddf(struct kc_strbuf *sb, const char *fmt, va_list ap);
/* Hands the buffer to the caller (free() it); sb is reset. */
char *kc_strbuf_detach(struct kc_strbuf *sb);
/* Reads a whole file; 0, or -KC_EIO with errno set. */
int kc_strbuf_read_file(struct kc_strbuf *sb, const char *path);

#endif
