/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: <linux/string.h> with kernel signatures, plus the
 * string/memory duplicating allocators.  6.12 names under KC_STUB_6_12.
 * Not kernel source.
 */
#ifndef _KSTUB_LINUX_STRING_H
#define _KSTUB_LINUX_STRING_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/err.h>
#include <linux/overflow.h>
#ifdef KC_STUB_6_12
#include <linux/alloc_tag.h>
#endif

void *memcpy(void *dest, const void *src, size_t count);
void *memmove(void *dest, const void *src, size_t count);
void *memset(void *s, int c, size_t count);
int memcmp(const void *cs, const void *ct, size_t count);
void *memchr(const void *s, int c, size_t n);
void *memscan(void *addr, int c, size_t size);
void memzero_explicit(void *s, size_t count);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t count);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t count);
ssize_t strscpy(char *dest, const char *src, size_t count);
ssize_t strscpy_pad(char *dest, const char *src, size_t count);
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t count);
size_t strlcat(char *dest, const char *src, size_t count);
#ifndef KC_STUB_6_12
/* strlcpy was removed in 6.8. */
size_t strlcpy(char *dest, const char *src, size_t size);
#endif
int strcmp(const char *cs, const char *ct);
int strncmp(const char *cs, const char *ct, size_t count);
int strcasecmp(const char *s1, const char *s2);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strnchr(const char *s, size_t count, int c);
char *strstr(const char *s1, const char *s2);
char *strsep(char **s, const char *ct);
char *strim(char *s);
char *skip_spaces(const char *str);
int sysfs_streq(const char *s1, const char *s2);

/* kmalloc-backed copies (free with kfree). */
extern char *kstrdup(const char *s, gfp_t gfp) __malloc;
extern char *kstrndup(const char *s, size_t len, gfp_t gfp);
extern char *kmemdup_nul(const char *s, size_t len, gfp_t gfp);
/* May return s itself when it is in .rodata: free with kfree_const. */
extern const char *kstrdup_const(const char *s, gfp_t gfp);
extern void kfree_const(const void *x);

#ifndef KC_STUB_6_12
/* 6.1: no size attributes on the dup helpers */
extern void *kmemdup(const void *src, size_t len, gfp_t gfp);
extern void *memdup_user(const void __user *src, size_t len);
extern void *vmemdup_user(const void __user *src, size_t len);
extern void *memdup_user_nul(const void __user *src, size_t len);
#else
extern void *kmemdup_noprof(const void *src, size_t len, gfp_t gfp)
	__realloc_size(2);
#define kmemdup(...)	alloc_hooks(kmemdup_noprof(__VA_ARGS__))
extern void *memdup_user(const void __user *src, size_t len) __realloc_size(2);
extern void *vmemdup_user(const void __user *src, size_t len) __realloc_size(2);
extern void *memdup_user_nul(const void __user *src, size_t len);

static inline void *memdup_array_user(const void __user *src, size_t n,
				      size_t size)
{
	size_t nbytes;

	if (check_mul_overflow(n, size, &nbytes))
		return ERR_PTR(-EOVERFLOW);
	return memdup_user(src, nbytes);
}
#endif

#endif /* _KSTUB_LINUX_STRING_H */
