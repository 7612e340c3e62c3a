/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: user copies.  copy_from_user/copy_to_user return the
 * number of bytes NOT copied.  Not kernel source.
 */
#ifndef _KSTUB_LINUX_UACCESS_H
#define _KSTUB_LINUX_UACCESS_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/errno.h>

extern unsigned long __must_check _copy_from_user(void *to,
		const void __user *from, unsigned long n);
extern unsigned long __must_check _copy_to_user(void __user *to,
		const void *from, unsigned long n);

static __always_inline unsigned long __must_check
copy_from_user(void *to, const void __user *from, unsigned long n)
{
	return _copy_from_user(to, from, n);
}

static __always_inline unsigned long __must_check
copy_to_user(void __user *to, const void *from, unsigned long n)
{
	return _copy_to_user(to, from, n);
}

extern long strncpy_from_user(char *dst, const char __user *src, long count);
extern long strnlen_user(const char __user *str, long n);
extern unsigned long __must_check clear_user(void __user *mem,
					     unsigned long len);

int __kc_get_user(void *x, const void __user *ptr, unsigned long size);
int __kc_put_user(const void *x, void __user *ptr, unsigned long size);

#define get_user(x, ptr) \
	__kc_get_user(&(x), (ptr), sizeof(*(ptr)))
#define put_user(x, ptr) ({						\
	typeof(*(ptr)) __pu_val = (x);					\
	__kc_put_user(&__pu_val, (ptr), sizeof(*(ptr))); })

#define u64_to_user_ptr(x)	((void __user *)(uintptr_t)(x))

#endif /* _KSTUB_LINUX_UACCESS_H */
