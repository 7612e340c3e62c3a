/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ksizecheck kstub: min/max/clamp as single-evaluation GNU statement
 * expressions, the shape kernel code sees. Not kernel source.
 */
#ifndef _KSTUB_LINUX_MINMAX_H
#define _KSTUB_LINUX_MINMAX_H

#include <linux/compiler.h>

#define __kc_cmp_op_min <
#define __kc_cmp_op_max >

#define __kc_cmp(op, x, y)	((x) __kc_cmp_op_##op (y) ? (x) : (y))

#define __kc_cmp_once(op, x, y, ux, uy) ({	\
	typeof(x) ux = (x);			\
	typeof(y) uy = (y);			\
	__kc_cmp(op, ux, uy); })

#define min(x, y) \
	__kc_cmp_once(min, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
#define max(x, y) \
	__kc_cmp_once(max, x, y, __UNIQUE_ID(x_), __UNIQUE_ID(y_))
#define min3(x, y, z)	min((typeof(x))min(x, y), z)
#define max3(x, y, z)	max((typeof(x))max(x, y), z)

#define min_t(type, x, y) \
	__kc_cmp_once(min, (type)(x), (type)(y), __UNIQUE_ID(x_), __UNIQUE_ID(y_))
#define max_t(type, x, y) \
	__kc_cmp_once(max, (type)(x), (type)(y), __UNIQUE_ID(x_), __UNIQUE_ID(y_))

#define clamp(val, lo, hi)	min((typeof(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) \
	min_t(type, max_t(type, val, lo), hi)
#define clamp_val(val, lo, hi)	clamp_t(typeof(val), val, lo, hi)

#define swap(a, b) \
	do { typeof(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)

#endif /* _KSTUB_LINUX_MINMAX_H */
