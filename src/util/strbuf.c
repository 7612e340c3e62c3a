/* strbuf.c - growable strings (see strbuf.h). */
#include "util/strbuf.h"
#include "util/err.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char kc_strbuf_empty[1];

void kc_strbuf_init(struct kc_strbuf *sb)
{
	sb->buf = kc_strbuf_empty;
	sb->len = 0;
	sb->alloc = 0;
}

void kc_strbuf_release(struct kc_strbuf *sb)
{
	if (sb->alloc)
		free(sb->buf);
	kc_strbuf_init(sb);
}

void kc_strbuf_reset(struct kc_strbuf *sb)
{
	sb->len = 0;
	if (sb->alloc)
		sb->buf[0] = '\0';
}

int kc_strbuf_grow(struct kc_strbuf *sb, size_t extra)
{
	size_t need = sb->len + extra + 1;
	size_t n;
	char *p;

	if (need <= sb->alloc)
		return 0;
	n = sb->alloc ? sb->alloc : 64;
	while (n < need)
		n *= 2;
	p = realloc(sb->alloc ? sb->buf : NULL, n);
	if (!p)
		return -KC_ENOMEM;
	if (!sb->alloc)
		p[0] = '\0';
	sb->buf = p;
	sb->alloc = n;
	return 0;
}

int kc_strbuf_add(struct kc_strbuf *sb, const void *data, size_t len)
{
	if (kc_strbuf_grow(sb, len))
		return -KC_ENOMEM;
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
	return 0;
}

int kc_strbuf_adds(struct kc_strbuf *sb, const char *s)
{
	return kc_strbuf_add(sb, s, strlen(s));
}

int kc_strbuf_addch(struct kc_strbuf *sb, int c)
{
	char ch = (char)c;

	return kc_strbuf_add(sb, &ch, 1);
}

int kc_strbuf_vaddf(struct kc_strbuf *sb, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	va_copy(cp, ap);
	n = vsnprintf(NULL, 0, fmt, cp);
	va_end(cp);
	if (n < 0)
		return -KC_EINTERNAL;
	if (kc_strbuf_grow(sb, (size_t)n))
		return -KC_ENOMEM;
	vsnprintf(sb->buf + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
	return 0;
}

int kc_strbuf_addf(struct kc_strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = kc_strbuf_vaddf(sb, fmt, ap);
	va_end(ap);
	return ret;
}

char *kc_strbuf_detach(struct kc_strbuf *sb)
{
	char *p;

	if (!sb->alloc) {
		p = calloc(1, 1);
	} else {
		p = sb->buf;
	}
	kc_strbuf_init(sb);
	return p;
}

int kc_strbuf_read_file(struct kc_strbuf *sb, const char *path)
{
	FILE *f = fopen(path, "rb");
	char tmp[65536];
	size_t n;

	if (!f)
		return -KC_EIO;
	while ((n = fread(tmp, 1, sizeof(tmp), f)) > 0) {
		if (kc_strbuf_add(sb, tmp, n)) {
			fclose(f);
			return -KC_ENOMEM;
		}
	}
	if (ferror(f)) {
		fclose(f);
		return -KC_EIO;
	}
	fclose(f);
	return 0;
}
