/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: scope-based cleanup (6.5+): DEFINE_FREE(name, type,
 * free-expression) defines a cleanup helper; "T *p __free(name) = ..."
 * runs it when p goes out of scope; no_free_ptr()/return_ptr() hand the
 * pointer on.  Written from the documented shape; not kernel source.
 */
#ifndef _KSTUB_LINUX_CLEANUP_H
#define _KSTUB_LINUX_CLEANUP_H

#include <linux/compiler.h>

#define DEFINE_FREE(_name, _type, _free) \
	static inline void __free_##_name(void *p) { _type _T = *(_type *)p; _free; }

#define __free(_name)	__attribute__((__cleanup__(__free_##_name)))

#define __get_and_null(p, nullvalue)			\
	({						\
		__auto_type __ptr = &(p);		\
		__auto_type __val = *__ptr;		\
		*__ptr = nullvalue;			\
		__val;					\
	})

#define no_free_ptr(p)		((typeof(p)) __must_check_fn((__force void *)__get_and_null(p, NULL)))
#define return_ptr(p)		return no_free_ptr(p)

static inline __must_check void *__must_check_fn(void *val)
{
	return val;
}

#endif /* _KSTUB_LINUX_CLEANUP_H */
